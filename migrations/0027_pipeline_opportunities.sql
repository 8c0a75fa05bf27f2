CREATE TABLE "opportunities" (
	"coop_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"title" text NOT NULL,
	"kind" text DEFAULT 'new' NOT NULL,
	"stage" text DEFAULT 'lead' NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"expected_close_on" date NOT NULL,
	"probability_percent" integer NOT NULL,
	"next_step" text,
	"next_step_on" date,
	"champion_person_id" uuid,
	"champion_name" text,
	"champion_email" text,
	"engineer_months_tenths" integer,
	"lost_reason" text,
	"agreement_id" uuid,
	"renewal_of_agreement_id" uuid,
	"renewal_term_ends_on" date,
	"closed_at" timestamp with time zone,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "opportunities_coop_id_key" UNIQUE("coop_id","id"),
	CONSTRAINT "opportunities_stage_check" CHECK ("opportunities"."stage" in ('lead', 'qualified', 'proposal', 'negotiation', 'won', 'lost')),
	CONSTRAINT "opportunities_kind_check" CHECK ("opportunities"."kind" in ('new', 'renewal')),
	CONSTRAINT "opportunities_probability_check" CHECK ("opportunities"."probability_percent" between 0 and 100),
	CONSTRAINT "opportunities_amount_check" CHECK ("opportunities"."amount_minor" >= 0),
	CONSTRAINT "opportunities_engineer_months_check" CHECK ("opportunities"."engineer_months_tenths" is null or "opportunities"."engineer_months_tenths" >= 0),
	CONSTRAINT "opportunities_lost_reason_check" CHECK ("opportunities"."stage" <> 'lost' or length(trim(coalesce("opportunities"."lost_reason", ''))) > 0)
);
--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_coop_id_organization_id_organizations_coop_id_id_fk" FOREIGN KEY ("coop_id","organization_id") REFERENCES "public"."organizations"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_coop_id_champion_person_id_people_coop_id_id_fk" FOREIGN KEY ("coop_id","champion_person_id") REFERENCES "public"."people"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "opportunities_organization_idx" ON "opportunities" USING btree ("coop_id","organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "opportunities_renewal_term_idx" ON "opportunities" USING btree ("coop_id","renewal_of_agreement_id","renewal_term_ends_on") WHERE "opportunities"."renewal_of_agreement_id" is not null;