CREATE TABLE "service_credits" (
	"coop_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"agreement_id" uuid NOT NULL,
	"clock_id" uuid NOT NULL,
	"amount_minor" bigint NOT NULL,
	"issued_minor" bigint DEFAULT 0 NOT NULL,
	"currency" text NOT NULL,
	"period_start" text NOT NULL,
	"period_end" text NOT NULL,
	"state" text NOT NULL,
	"period_fee_minor" bigint NOT NULL,
	"per_breach_basis_points" integer NOT NULL,
	"cap_basis_points" integer NOT NULL,
	"taken_minor" bigint NOT NULL,
	"proposal_reason" text NOT NULL,
	"decline_reason" text,
	"credit_note_id" uuid,
	"issues" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"proposed_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"issued_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "service_credits" ADD CONSTRAINT "service_credits_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_credits" ADD CONSTRAINT "service_credits_coop_id_clock_id_service_clocks_coop_id_id_fk" FOREIGN KEY ("coop_id","clock_id") REFERENCES "public"."service_clocks"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "service_credits_clock_idx" ON "service_credits" USING btree ("coop_id","clock_id");--> statement-breakpoint
CREATE INDEX "service_credits_organization_idx" ON "service_credits" USING btree ("coop_id","organization_id","state");