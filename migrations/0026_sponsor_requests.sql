CREATE TABLE "sponsor_request_attachments" (
	"coop_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"entry_id" uuid,
	"name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sponsor_request_entries" (
	"coop_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"position" bigint GENERATED ALWAYS AS IDENTITY (sequence name "sponsor_request_entries_position_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"side" text NOT NULL,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL,
	"minutes_spent" integer,
	"spent_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sponsor_request_entries_coop_id_key" UNIQUE("coop_id","id"),
	CONSTRAINT "sponsor_request_entries_minutes_check" CHECK ("sponsor_request_entries"."minutes_spent" is null or ("sponsor_request_entries"."side" = 'coop' and "sponsor_request_entries"."minutes_spent" >= 0 and "sponsor_request_entries"."spent_on" is not null))
);
--> statement-breakpoint
CREATE TABLE "sponsor_request_notices" (
	"coop_id" uuid NOT NULL,
	"event_seq" bigint NOT NULL,
	"request_id" uuid NOT NULL,
	"recipients" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sponsor_request_notices_coop_id_event_seq_pk" PRIMARY KEY("coop_id","event_seq")
);
--> statement-breakpoint
CREATE TABLE "sponsor_requests" (
	"coop_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" integer NOT NULL,
	"organization_id" uuid NOT NULL,
	"agreement_id" uuid,
	"subject" text NOT NULL,
	"details" text NOT NULL,
	"severity" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"waiting_reason" text,
	"opened_by" uuid NOT NULL,
	"resolved_at" timestamp with time zone,
	"last_activity_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sponsor_requests_coop_id_key" UNIQUE("coop_id","id")
);
--> statement-breakpoint
ALTER TABLE "sponsor_request_attachments" ADD CONSTRAINT "sponsor_request_attachments_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sponsor_request_attachments" ADD CONSTRAINT "sponsor_request_attachments_coop_id_request_id_sponsor_requests_coop_id_id_fk" FOREIGN KEY ("coop_id","request_id") REFERENCES "public"."sponsor_requests"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sponsor_request_entries" ADD CONSTRAINT "sponsor_request_entries_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sponsor_request_entries" ADD CONSTRAINT "sponsor_request_entries_coop_id_request_id_sponsor_requests_coop_id_id_fk" FOREIGN KEY ("coop_id","request_id") REFERENCES "public"."sponsor_requests"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sponsor_request_notices" ADD CONSTRAINT "sponsor_request_notices_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sponsor_requests" ADD CONSTRAINT "sponsor_requests_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sponsor_requests" ADD CONSTRAINT "sponsor_requests_coop_id_organization_id_organizations_coop_id_id_fk" FOREIGN KEY ("coop_id","organization_id") REFERENCES "public"."organizations"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sponsor_request_attachments_request_idx" ON "sponsor_request_attachments" USING btree ("coop_id","request_id");--> statement-breakpoint
CREATE INDEX "sponsor_request_entries_request_idx" ON "sponsor_request_entries" USING btree ("coop_id","request_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "sponsor_requests_number_idx" ON "sponsor_requests" USING btree ("coop_id","number");--> statement-breakpoint
CREATE INDEX "sponsor_requests_organization_idx" ON "sponsor_requests" USING btree ("coop_id","organization_id","status");