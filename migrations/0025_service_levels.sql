CREATE TABLE "service_calendars" (
	"coop_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"time_zone" text NOT NULL,
	"hours" jsonb NOT NULL,
	"holiday_country" text,
	"holiday_region" text,
	"closed_days" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "service_calendars_coop_id_organization_id_pk" PRIMARY KEY("coop_id","organization_id")
);
--> statement-breakpoint
CREATE TABLE "service_clock_entries" (
	"coop_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clock_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"by_person_id" uuid,
	"reason" text,
	"cause_event_seq" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_clocks" (
	"coop_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"sequence" integer DEFAULT 1 NOT NULL,
	"severity" text,
	"agreement_id" uuid,
	"target_minutes" integer NOT NULL,
	"mode" text NOT NULL,
	"pausable" boolean NOT NULL,
	"calendar" jsonb,
	"state" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"used_ms" bigint DEFAULT 0 NOT NULL,
	"running_since" timestamp with time zone,
	"deadline_at" timestamp with time zone,
	"warn_at" timestamp with time zone,
	"warned" boolean DEFAULT false NOT NULL,
	"stopped_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_clocks_coop_id_key" UNIQUE("coop_id","id")
);
--> statement-breakpoint
CREATE TABLE "service_level_followed_events" (
	"coop_id" uuid NOT NULL,
	"event_seq" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_level_followed_events_coop_id_event_seq_pk" PRIMARY KEY("coop_id","event_seq")
);
--> statement-breakpoint
CREATE TABLE "vulnerabilities" (
	"coop_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"identifiers" jsonb NOT NULL,
	"severity" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"affected" jsonb NOT NULL,
	"embargo_until" timestamp with time zone,
	"disclosed_at" timestamp with time zone,
	"qualifying_organization_ids" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "vulnerabilities_coop_id_key" UNIQUE("coop_id","id")
);
--> statement-breakpoint
CREATE TABLE "vulnerability_impact_notes" (
	"coop_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"vulnerability_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"note" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vulnerability_prenotifications" (
	"coop_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"vulnerability_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"notified_at" timestamp with time zone NOT NULL,
	"notified_by" uuid,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "service_calendars" ADD CONSTRAINT "service_calendars_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_calendars" ADD CONSTRAINT "service_calendars_coop_id_organization_id_organizations_coop_id_id_fk" FOREIGN KEY ("coop_id","organization_id") REFERENCES "public"."organizations"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_clock_entries" ADD CONSTRAINT "service_clock_entries_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_clock_entries" ADD CONSTRAINT "service_clock_entries_coop_id_clock_id_service_clocks_coop_id_id_fk" FOREIGN KEY ("coop_id","clock_id") REFERENCES "public"."service_clocks"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_clocks" ADD CONSTRAINT "service_clocks_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_level_followed_events" ADD CONSTRAINT "service_level_followed_events_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vulnerabilities" ADD CONSTRAINT "vulnerabilities_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vulnerability_impact_notes" ADD CONSTRAINT "vulnerability_impact_notes_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vulnerability_impact_notes" ADD CONSTRAINT "vulnerability_impact_notes_coop_id_vulnerability_id_vulnerabilities_coop_id_id_fk" FOREIGN KEY ("coop_id","vulnerability_id") REFERENCES "public"."vulnerabilities"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vulnerability_impact_notes" ADD CONSTRAINT "vulnerability_impact_notes_coop_id_organization_id_organizations_coop_id_id_fk" FOREIGN KEY ("coop_id","organization_id") REFERENCES "public"."organizations"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vulnerability_prenotifications" ADD CONSTRAINT "vulnerability_prenotifications_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vulnerability_prenotifications" ADD CONSTRAINT "vulnerability_prenotifications_coop_id_vulnerability_id_vulnerabilities_coop_id_id_fk" FOREIGN KEY ("coop_id","vulnerability_id") REFERENCES "public"."vulnerabilities"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vulnerability_prenotifications" ADD CONSTRAINT "vulnerability_prenotifications_coop_id_organization_id_organizations_coop_id_id_fk" FOREIGN KEY ("coop_id","organization_id") REFERENCES "public"."organizations"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "service_clock_entries_clock_idx" ON "service_clock_entries" USING btree ("coop_id","clock_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "service_clocks_subject_idx" ON "service_clocks" USING btree ("coop_id","subject_id","organization_id","kind","sequence");--> statement-breakpoint
CREATE INDEX "service_clocks_running_idx" ON "service_clocks" USING btree ("coop_id","state","deadline_at");--> statement-breakpoint
CREATE INDEX "service_clocks_organization_idx" ON "service_clocks" USING btree ("coop_id","organization_id","started_at");--> statement-breakpoint
CREATE INDEX "vulnerabilities_disclosed_idx" ON "vulnerabilities" USING btree ("coop_id","disclosed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "vulnerability_impact_notes_idx" ON "vulnerability_impact_notes" USING btree ("coop_id","vulnerability_id","organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "vulnerability_prenotifications_idx" ON "vulnerability_prenotifications" USING btree ("coop_id","vulnerability_id","organization_id");