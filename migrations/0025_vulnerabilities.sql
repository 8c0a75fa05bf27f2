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
ALTER TABLE "vulnerabilities" ADD CONSTRAINT "vulnerabilities_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vulnerability_impact_notes" ADD CONSTRAINT "vulnerability_impact_notes_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vulnerability_impact_notes" ADD CONSTRAINT "vulnerability_impact_notes_coop_id_vulnerability_id_vulnerabilities_coop_id_id_fk" FOREIGN KEY ("coop_id","vulnerability_id") REFERENCES "public"."vulnerabilities"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vulnerability_impact_notes" ADD CONSTRAINT "vulnerability_impact_notes_coop_id_organization_id_organizations_coop_id_id_fk" FOREIGN KEY ("coop_id","organization_id") REFERENCES "public"."organizations"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vulnerability_prenotifications" ADD CONSTRAINT "vulnerability_prenotifications_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vulnerability_prenotifications" ADD CONSTRAINT "vulnerability_prenotifications_coop_id_vulnerability_id_vulnerabilities_coop_id_id_fk" FOREIGN KEY ("coop_id","vulnerability_id") REFERENCES "public"."vulnerabilities"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vulnerability_prenotifications" ADD CONSTRAINT "vulnerability_prenotifications_coop_id_organization_id_organizations_coop_id_id_fk" FOREIGN KEY ("coop_id","organization_id") REFERENCES "public"."organizations"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "vulnerabilities_disclosed_idx" ON "vulnerabilities" USING btree ("coop_id","disclosed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "vulnerability_impact_notes_idx" ON "vulnerability_impact_notes" USING btree ("coop_id","vulnerability_id","organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "vulnerability_prenotifications_idx" ON "vulnerability_prenotifications" USING btree ("coop_id","vulnerability_id","organization_id");