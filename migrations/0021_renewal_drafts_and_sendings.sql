CREATE TABLE "invoice_sendings" (
	"coop_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"invoice_id" uuid NOT NULL,
	"transport" text NOT NULL,
	"format" text NOT NULL,
	"sent_to" jsonb NOT NULL,
	"sent_by" uuid,
	"sent_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"error" text,
	"delivered_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "period_start" date;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "period_end" date;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "renewal_term_starts_on" date;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "held_reason" text;--> statement-breakpoint
ALTER TABLE "invoicing_settings" ADD COLUMN "standard_vat_rate" numeric DEFAULT '19' NOT NULL;--> statement-breakpoint
ALTER TABLE "invoice_sendings" ADD CONSTRAINT "invoice_sendings_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_sendings" ADD CONSTRAINT "invoice_sendings_coop_id_invoice_id_invoices_coop_id_id_fk" FOREIGN KEY ("coop_id","invoice_id") REFERENCES "public"."invoices"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "invoice_sendings_invoice_idx" ON "invoice_sendings" USING btree ("coop_id","invoice_id");--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_renewal_period_idx" ON "invoices" USING btree ("coop_id","agreement_id","period_start") WHERE "invoices"."renewal_term_starts_on" is not null;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_period_check" CHECK (("invoices"."period_start" is null) = ("invoices"."period_end" is null) and ("invoices"."period_start" is null or "invoices"."period_start" <= "invoices"."period_end"));