CREATE TABLE "bank_lines" (
	"coop_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"statement_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"booked_on" date NOT NULL,
	"value_on" date,
	"amount_minor" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"counterparty" text DEFAULT '' NOT NULL,
	"counterparty_account" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"bank_reference" text,
	"dedupe_key" text NOT NULL,
	"status" text DEFAULT 'unmatched' NOT NULL,
	"suggestion" jsonb,
	"matched_entry_id" uuid,
	"matched_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "bank_statements" (
	"coop_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"format" text NOT NULL,
	"file_name" text NOT NULL,
	"file_sha256" text NOT NULL,
	"statement_ref" text,
	"bank_account_ref" text,
	"currency" char(3) NOT NULL,
	"from_day" date,
	"to_day" date,
	"opening_minor" bigint,
	"closing_minor" bigint,
	"balance_check" text NOT NULL,
	"balance_problem" text,
	"lines_added" bigint DEFAULT 0 NOT NULL,
	"lines_skipped" bigint DEFAULT 0 NOT NULL,
	"imported_by" uuid,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "budgets" (
	"coop_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"from_day" date NOT NULL,
	"to_day" date NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"poll_id" uuid,
	"entered_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "csv_mappings" (
	"coop_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"name" text NOT NULL,
	"mapping" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dividends" (
	"coop_id" uuid NOT NULL,
	"close_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_class" text NOT NULL,
	"person_id" uuid,
	"organization_id" uuid,
	"amount_minor" bigint NOT NULL,
	"cash_minor" bigint NOT NULL,
	"retained_minor" bigint NOT NULL,
	"basis" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "expense_approvals" (
	"coop_id" uuid NOT NULL,
	"claim_id" uuid NOT NULL,
	"approver_id" uuid NOT NULL,
	"approved_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "expense_approvals_coop_id_claim_id_approver_id_pk" PRIMARY KEY("coop_id","claim_id","approver_id")
);
--> statement-breakpoint
CREATE TABLE "expense_claims" (
	"coop_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"submitted_by" uuid NOT NULL,
	"title" text NOT NULL,
	"category" text NOT NULL,
	"account_id" uuid NOT NULL,
	"incurred_on" date NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"receipt_file_id" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"submitted_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"rejection_reason" text,
	"paid_entry_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "files" (
	"coop_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "salaries" (
	"coop_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"gross_monthly_minor" bigint NOT NULL,
	"employer_cost_monthly_minor" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"effective_from" date NOT NULL,
	"effective_to" date
);
--> statement-breakpoint
CREATE TABLE "salary_runs" (
	"coop_id" uuid NOT NULL,
	"month" date NOT NULL,
	"entry_id" uuid NOT NULL,
	"posted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "salary_runs_coop_id_month_pk" PRIMARY KEY("coop_id","month")
);
--> statement-breakpoint
CREATE TABLE "year_end_closes" (
	"coop_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"fiscal_year" bigint NOT NULL,
	"from_day" date NOT NULL,
	"to_day" date NOT NULL,
	"surplus_minor" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"computation" jsonb NOT NULL,
	"entry_ids" jsonb NOT NULL,
	"closed_by" uuid,
	"closed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "bank_lines" ADD CONSTRAINT "bank_lines_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_statements" ADD CONSTRAINT "bank_statements_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budgets" ADD CONSTRAINT "budgets_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "csv_mappings" ADD CONSTRAINT "csv_mappings_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dividends" ADD CONSTRAINT "dividends_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_approvals" ADD CONSTRAINT "expense_approvals_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_claims" ADD CONSTRAINT "expense_claims_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "salaries" ADD CONSTRAINT "salaries_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "salary_runs" ADD CONSTRAINT "salary_runs_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "year_end_closes" ADD CONSTRAINT "year_end_closes_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "bank_lines_dedupe_idx" ON "bank_lines" USING btree ("coop_id","account_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "bank_lines_status_idx" ON "bank_lines" USING btree ("coop_id","status","booked_on");--> statement-breakpoint
CREATE UNIQUE INDEX "bank_statements_file_idx" ON "bank_statements" USING btree ("coop_id","account_id","file_sha256");--> statement-breakpoint
CREATE INDEX "budgets_period_idx" ON "budgets" USING btree ("coop_id","from_day","to_day");--> statement-breakpoint
CREATE UNIQUE INDEX "csv_mappings_name_idx" ON "csv_mappings" USING btree ("coop_id","name");--> statement-breakpoint
CREATE INDEX "dividends_close_idx" ON "dividends" USING btree ("coop_id","close_id");--> statement-breakpoint
CREATE INDEX "expense_claims_status_idx" ON "expense_claims" USING btree ("coop_id","status","created_at");--> statement-breakpoint
CREATE INDEX "files_hash_idx" ON "files" USING btree ("coop_id","sha256");--> statement-breakpoint
CREATE INDEX "salaries_person_idx" ON "salaries" USING btree ("coop_id","person_id","effective_from");--> statement-breakpoint
CREATE UNIQUE INDEX "year_end_closes_year_idx" ON "year_end_closes" USING btree ("coop_id","fiscal_year");