CREATE TABLE "cycles" (
	"coop_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"phase" text DEFAULT 'proposing' NOT NULL,
	"voting_opens_at" timestamp with time zone NOT NULL,
	"voting_closes_at" timestamp with time zone NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"survey_method" text NOT NULL,
	"quadratic_credits" integer DEFAULT 100 NOT NULL,
	"bylaws_version" integer NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cycles_coop_id_key" UNIQUE("coop_id","id")
);
--> statement-breakpoint
CREATE TABLE "funding" (
	"coop_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"received_on" date NOT NULL,
	"amount_minor" bigint DEFAULT 0 NOT NULL,
	"currency" char(3) NOT NULL,
	"coop_amount_minor" bigint DEFAULT 0 NOT NULL,
	"labour_hours" integer DEFAULT 0 NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"source" text DEFAULT 'manual' NOT NULL,
	"source_ref" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hacker_availability" (
	"coop_id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"hours" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hacker_availability_coop_id_cycle_id_person_id_pk" PRIMARY KEY("coop_id","cycle_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "hacker_declarations" (
	"coop_id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"work_item_id" uuid NOT NULL,
	"hours" integer NOT NULL,
	CONSTRAINT "hacker_declarations_coop_id_cycle_id_person_id_work_item_id_pk" PRIMARY KEY("coop_id","cycle_id","person_id","work_item_id")
);
--> statement-breakpoint
CREATE TABLE "plan_assignments" (
	"coop_id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"work_item_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"hours" integer NOT NULL,
	CONSTRAINT "plan_assignments_coop_id_cycle_id_work_item_id_person_id_pk" PRIMARY KEY("coop_id","cycle_id","work_item_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "plan_computations" (
	"coop_id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"computation" jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_computations_coop_id_cycle_id_pk" PRIMARY KEY("coop_id","cycle_id")
);
--> statement-breakpoint
CREATE TABLE "plan_items" (
	"coop_id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"work_item_id" uuid NOT NULL,
	"slice" text NOT NULL,
	"support" text NOT NULL,
	"hours" integer NOT NULL,
	"capped" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "plan_items_coop_id_cycle_id_work_item_id_pk" PRIMARY KEY("coop_id","cycle_id","work_item_id")
);
--> statement-breakpoint
CREATE TABLE "sponsor_points" (
	"coop_id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"work_item_id" uuid NOT NULL,
	"points" integer NOT NULL,
	"cast_by" uuid NOT NULL,
	"cast_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sponsor_points_coop_id_cycle_id_organization_id_work_item_id_pk" PRIMARY KEY("coop_id","cycle_id","organization_id","work_item_id")
);
--> statement-breakpoint
CREATE TABLE "survey_ballots" (
	"coop_id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"ballot" jsonb NOT NULL,
	"cast_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_ballots_coop_id_cycle_id_person_id_pk" PRIMARY KEY("coop_id","cycle_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "time_entries" (
	"coop_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"work_item_id" uuid NOT NULL,
	"worked_on" date NOT NULL,
	"minutes" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "work_items" (
	"coop_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cycle_id" uuid,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"kind" text NOT NULL,
	"origin_class" text NOT NULL,
	"proposed_by" uuid,
	"organization_id" uuid,
	"topics" text[] DEFAULT '{}'::text[] NOT NULL,
	"links" text[] DEFAULT '{}'::text[] NOT NULL,
	"estimate_hours" integer NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"merged_into" uuid,
	"split_from" uuid,
	"external_ref" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cycles" ADD CONSTRAINT "cycles_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding" ADD CONSTRAINT "funding_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding" ADD CONSTRAINT "funding_coop_id_organization_id_organizations_coop_id_id_fk" FOREIGN KEY ("coop_id","organization_id") REFERENCES "public"."organizations"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hacker_availability" ADD CONSTRAINT "hacker_availability_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hacker_availability" ADD CONSTRAINT "hacker_availability_coop_id_cycle_id_cycles_coop_id_id_fk" FOREIGN KEY ("coop_id","cycle_id") REFERENCES "public"."cycles"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hacker_availability" ADD CONSTRAINT "hacker_availability_coop_id_person_id_people_coop_id_id_fk" FOREIGN KEY ("coop_id","person_id") REFERENCES "public"."people"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hacker_declarations" ADD CONSTRAINT "hacker_declarations_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_assignments" ADD CONSTRAINT "plan_assignments_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_computations" ADD CONSTRAINT "plan_computations_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sponsor_points" ADD CONSTRAINT "sponsor_points_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_ballots" ADD CONSTRAINT "survey_ballots_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_entries" ADD CONSTRAINT "time_entries_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_items" ADD CONSTRAINT "work_items_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_items" ADD CONSTRAINT "work_items_coop_id_cycle_id_cycles_coop_id_id_fk" FOREIGN KEY ("coop_id","cycle_id") REFERENCES "public"."cycles"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "funding_org_date_idx" ON "funding" USING btree ("coop_id","organization_id","received_on");--> statement-breakpoint
CREATE UNIQUE INDEX "funding_source_ref_idx" ON "funding" USING btree ("coop_id","source","source_ref") WHERE "funding"."source_ref" is not null;--> statement-breakpoint
CREATE INDEX "time_entries_item_idx" ON "time_entries" USING btree ("coop_id","work_item_id");--> statement-breakpoint
CREATE INDEX "time_entries_person_idx" ON "time_entries" USING btree ("coop_id","person_id","worked_on");--> statement-breakpoint
CREATE INDEX "work_items_cycle_idx" ON "work_items" USING btree ("coop_id","cycle_id","origin_class");--> statement-breakpoint
CREATE UNIQUE INDEX "work_items_external_ref_idx" ON "work_items" USING btree ("coop_id","external_ref") WHERE "work_items"."external_ref" is not null;