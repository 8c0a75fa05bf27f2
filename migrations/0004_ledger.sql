CREATE TABLE "accounts" (
	"coop_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"path" text NOT NULL,
	"type" text NOT NULL,
	"parent_id" uuid,
	"person_id" uuid,
	"organization_id" uuid,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "accounts_coop_id_key" UNIQUE("coop_id","id")
);
--> statement-breakpoint
CREATE TABLE "daily_balances" (
	"coop_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"currency" char(3) NOT NULL,
	"day" date NOT NULL,
	"change_minor" bigint NOT NULL,
	"coop_change_minor" bigint NOT NULL,
	CONSTRAINT "daily_balances_coop_id_account_id_currency_day_pk" PRIMARY KEY("coop_id","account_id","currency","day")
);
--> statement-breakpoint
CREATE TABLE "journal_entries" (
	"coop_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" bigint GENERATED ALWAYS AS IDENTITY (sequence name "journal_entries_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"effective_on" date NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"kind" text NOT NULL,
	"description" text NOT NULL,
	"source_type" text,
	"source_id" text,
	"reverses_entry_id" uuid,
	"created_by" uuid,
	CONSTRAINT "journal_entries_coop_id_key" UNIQUE("coop_id","id")
);
--> statement-breakpoint
CREATE TABLE "monthly_balances" (
	"coop_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"currency" char(3) NOT NULL,
	"month" date NOT NULL,
	"change_minor" bigint NOT NULL,
	"coop_change_minor" bigint NOT NULL,
	CONSTRAINT "monthly_balances_coop_id_account_id_currency_month_pk" PRIMARY KEY("coop_id","account_id","currency","month")
);
--> statement-breakpoint
CREATE TABLE "period_locks" (
	"coop_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"from_day" date NOT NULL,
	"to_day" date NOT NULL,
	"locked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_by" uuid,
	"reopened_at" timestamp with time zone,
	"reopened_by" uuid,
	"reopen_reason" text
);
--> statement-breakpoint
CREATE TABLE "postings" (
	"coop_id" uuid NOT NULL,
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "postings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"entry_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"effective_on" date NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"coop_amount_minor" bigint NOT NULL,
	"rate" text,
	"rate_on" date,
	"rate_source" text,
	"memo" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "daily_balances" ADD CONSTRAINT "daily_balances_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_entries" ADD CONSTRAINT "journal_entries_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monthly_balances" ADD CONSTRAINT "monthly_balances_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "period_locks" ADD CONSTRAINT "period_locks_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postings" ADD CONSTRAINT "postings_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postings" ADD CONSTRAINT "postings_coop_id_entry_id_journal_entries_coop_id_id_fk" FOREIGN KEY ("coop_id","entry_id") REFERENCES "public"."journal_entries"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postings" ADD CONSTRAINT "postings_coop_id_account_id_accounts_coop_id_id_fk" FOREIGN KEY ("coop_id","account_id") REFERENCES "public"."accounts"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_code_idx" ON "accounts" USING btree ("coop_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_path_idx" ON "accounts" USING btree ("coop_id","path");--> statement-breakpoint
CREATE INDEX "journal_entries_date_idx" ON "journal_entries" USING btree ("coop_id","effective_on");--> statement-breakpoint
CREATE UNIQUE INDEX "journal_entries_reversal_idx" ON "journal_entries" USING btree ("coop_id","reverses_entry_id") WHERE "journal_entries"."reverses_entry_id" is not null;--> statement-breakpoint
CREATE INDEX "journal_entries_source_idx" ON "journal_entries" USING btree ("coop_id","source_type","source_id");--> statement-breakpoint
CREATE INDEX "period_locks_idx" ON "period_locks" USING btree ("coop_id","from_day","to_day");--> statement-breakpoint
CREATE INDEX "postings_entry_idx" ON "postings" USING btree ("coop_id","entry_id");--> statement-breakpoint
CREATE INDEX "postings_account_idx" ON "postings" USING btree ("coop_id","account_id","effective_on","id");