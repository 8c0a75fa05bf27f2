CREATE TABLE "sponsor_labour" (
	"coop_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"work_item_id" uuid NOT NULL,
	"worked_on" date NOT NULL,
	"hours" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'logged' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sponsor_labour" ADD CONSTRAINT "sponsor_labour_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sponsor_labour" ADD CONSTRAINT "sponsor_labour_coop_id_organization_id_organizations_coop_id_id_fk" FOREIGN KEY ("coop_id","organization_id") REFERENCES "public"."organizations"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sponsor_labour" ADD CONSTRAINT "sponsor_labour_coop_id_person_id_people_coop_id_id_fk" FOREIGN KEY ("coop_id","person_id") REFERENCES "public"."people"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sponsor_labour_org_idx" ON "sponsor_labour" USING btree ("coop_id","organization_id","worked_on");--> statement-breakpoint
CREATE INDEX "sponsor_labour_status_idx" ON "sponsor_labour" USING btree ("coop_id","status");