CREATE TABLE "agreement_renewal_notices" (
	"coop_id" uuid NOT NULL,
	"agreement_id" uuid NOT NULL,
	"term_ends_on" date NOT NULL,
	"days_before" integer NOT NULL,
	"announced_at" timestamp with time zone NOT NULL,
	CONSTRAINT "agreement_renewal_notices_coop_id_agreement_id_term_ends_on_days_before_pk" PRIMARY KEY("coop_id","agreement_id","term_ends_on","days_before")
);
--> statement-breakpoint
CREATE TABLE "agreements" (
	"coop_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"organization_id" uuid NOT NULL,
	"quote_id" uuid,
	"title" text NOT NULL,
	"currency" char(3) NOT NULL,
	"starts_on" date NOT NULL,
	"term_months" integer NOT NULL,
	"current_term_starts_on" date NOT NULL,
	"current_term_ends_on" date NOT NULL,
	"auto_renew" boolean NOT NULL,
	"notice_days" integer NOT NULL,
	"renewal_notice_days" jsonb NOT NULL,
	"billing_period_months" integer NOT NULL,
	"lines" jsonb NOT NULL,
	"buyer_reference" text,
	"billing_contacts" jsonb NOT NULL,
	"purchase_order_required" boolean DEFAULT false NOT NULL,
	"serving_hacker_ids" jsonb NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"ends_on" date,
	"cancelled_at" timestamp with time zone,
	"cancel_reason" text,
	"document_version_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "agreements_coop_id_key" UNIQUE("coop_id","id")
);
--> statement-breakpoint
CREATE TABLE "hacker_service_hours" (
	"coop_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"hours_per_month" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "hacker_service_hours_coop_id_person_id_pk" PRIMARY KEY("coop_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "purchase_order_draws" (
	"coop_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"purchase_order_id" uuid NOT NULL,
	"amount_minor" bigint NOT NULL,
	"drawn_on" date NOT NULL,
	"reference" text NOT NULL,
	"released_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "purchase_order_draws_coop_id_key" UNIQUE("coop_id","id")
);
--> statement-breakpoint
CREATE TABLE "purchase_orders" (
	"coop_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"number" text NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"valid_from" date NOT NULL,
	"valid_until" date NOT NULL,
	"warn_below_percent" integer DEFAULT 20 NOT NULL,
	"warn_days_before" integer DEFAULT 30 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "purchase_orders_coop_id_key" UNIQUE("coop_id","id")
);
--> statement-breakpoint
CREATE TABLE "quotes" (
	"coop_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"organization_id" uuid NOT NULL,
	"title" text NOT NULL,
	"currency" char(3) NOT NULL,
	"valid_until" date NOT NULL,
	"starts_on" date NOT NULL,
	"term_months" integer NOT NULL,
	"billing_period_months" integer NOT NULL,
	"auto_renew" boolean NOT NULL,
	"notice_days" integer NOT NULL,
	"lines" jsonb NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"sent_at" timestamp with time zone,
	"sent_to" text,
	"accept_token_hash" text,
	"document_version_id" uuid,
	"decided_at" timestamp with time zone,
	"agreement_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "quotes_coop_id_key" UNIQUE("coop_id","id")
);
--> statement-breakpoint
CREATE TABLE "tier_versions" (
	"coop_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tier_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"name" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"price_minor" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"period_months" integer NOT NULL,
	"entitlements" jsonb NOT NULL,
	"service_hours_per_month" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "tier_versions_coop_id_key" UNIQUE("coop_id","id")
);
--> statement-breakpoint
CREATE TABLE "tiers" (
	"coop_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"current_version" integer DEFAULT 1 NOT NULL,
	"published" boolean DEFAULT true NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tiers_coop_id_key" UNIQUE("coop_id","id")
);
--> statement-breakpoint
CREATE TABLE "document_acceptances" (
	"coop_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_version_id" uuid NOT NULL,
	"sha256" char(64) NOT NULL,
	"organization_id" uuid,
	"person_id" uuid,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"role" text,
	"accepted_at" timestamp with time zone NOT NULL,
	"ip" text,
	"user_agent" text,
	CONSTRAINT "document_acceptances_coop_id_key" UNIQUE("coop_id","id")
);
--> statement-breakpoint
CREATE TABLE "document_versions" (
	"coop_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"template_key" text NOT NULL,
	"template_version" text NOT NULL,
	"title" text NOT NULL,
	"subject_type" text,
	"subject_id" text,
	"organization_id" uuid,
	"person_id" uuid,
	"body" text NOT NULL,
	"sha256" char(64) NOT NULL,
	"pdf" "bytea" NOT NULL,
	"pdf_sha256" char(64) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "document_versions_coop_id_key" UNIQUE("coop_id","id")
);
--> statement-breakpoint
ALTER TABLE "agreement_renewal_notices" ADD CONSTRAINT "agreement_renewal_notices_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_renewal_notices" ADD CONSTRAINT "agreement_renewal_notices_coop_id_agreement_id_agreements_coop_id_id_fk" FOREIGN KEY ("coop_id","agreement_id") REFERENCES "public"."agreements"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_coop_id_organization_id_organizations_coop_id_id_fk" FOREIGN KEY ("coop_id","organization_id") REFERENCES "public"."organizations"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hacker_service_hours" ADD CONSTRAINT "hacker_service_hours_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchase_order_draws" ADD CONSTRAINT "purchase_order_draws_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchase_order_draws" ADD CONSTRAINT "purchase_order_draws_coop_id_purchase_order_id_purchase_orders_coop_id_id_fk" FOREIGN KEY ("coop_id","purchase_order_id") REFERENCES "public"."purchase_orders"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchase_orders" ADD CONSTRAINT "purchase_orders_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchase_orders" ADD CONSTRAINT "purchase_orders_coop_id_agreement_id_agreements_coop_id_id_fk" FOREIGN KEY ("coop_id","agreement_id") REFERENCES "public"."agreements"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_coop_id_organization_id_organizations_coop_id_id_fk" FOREIGN KEY ("coop_id","organization_id") REFERENCES "public"."organizations"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tier_versions" ADD CONSTRAINT "tier_versions_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tier_versions" ADD CONSTRAINT "tier_versions_coop_id_tier_id_tiers_coop_id_id_fk" FOREIGN KEY ("coop_id","tier_id") REFERENCES "public"."tiers"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tiers" ADD CONSTRAINT "tiers_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_acceptances" ADD CONSTRAINT "document_acceptances_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_acceptances" ADD CONSTRAINT "document_acceptances_coop_id_document_version_id_document_versions_coop_id_id_fk" FOREIGN KEY ("coop_id","document_version_id") REFERENCES "public"."document_versions"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_versions" ADD CONSTRAINT "document_versions_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "agreements_number_idx" ON "agreements" USING btree ("coop_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "agreements_quote_idx" ON "agreements" USING btree ("coop_id","quote_id") WHERE "agreements"."quote_id" is not null;--> statement-breakpoint
CREATE INDEX "agreements_organization_idx" ON "agreements" USING btree ("coop_id","organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "purchase_order_draws_live_idx" ON "purchase_order_draws" USING btree ("coop_id","purchase_order_id","reference") WHERE "purchase_order_draws"."released_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "purchase_orders_number_idx" ON "purchase_orders" USING btree ("coop_id","agreement_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "quotes_number_idx" ON "quotes" USING btree ("coop_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "quotes_token_idx" ON "quotes" USING btree ("coop_id","accept_token_hash");--> statement-breakpoint
CREATE INDEX "quotes_organization_idx" ON "quotes" USING btree ("coop_id","organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tier_versions_version_idx" ON "tier_versions" USING btree ("coop_id","tier_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "tiers_slug_idx" ON "tiers" USING btree ("coop_id","slug");--> statement-breakpoint
CREATE INDEX "document_acceptances_organization_idx" ON "document_acceptances" USING btree ("coop_id","organization_id");--> statement-breakpoint
CREATE INDEX "document_acceptances_person_idx" ON "document_acceptances" USING btree ("coop_id","person_id");--> statement-breakpoint
CREATE INDEX "document_acceptances_version_idx" ON "document_acceptances" USING btree ("coop_id","document_version_id");--> statement-breakpoint
CREATE INDEX "document_versions_subject_idx" ON "document_versions" USING btree ("coop_id","subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "document_versions_organization_idx" ON "document_versions" USING btree ("coop_id","organization_id");