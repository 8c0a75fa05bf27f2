CREATE TABLE "dunning_notices" (
	"coop_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"stage" integer NOT NULL,
	"label" text NOT NULL,
	"sent_on" date NOT NULL,
	"sent_to" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dunning_notices_coop_id_invoice_id_stage_pk" PRIMARY KEY("coop_id","invoice_id","stage")
);
--> statement-breakpoint
CREATE TABLE "invoice_lines" (
	"coop_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"invoice_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"description" text NOT NULL,
	"quantity" numeric NOT NULL,
	"unit_code" text DEFAULT 'C62' NOT NULL,
	"unit_price" numeric NOT NULL,
	"vat_category" text NOT NULL,
	"vat_rate" numeric NOT NULL,
	"net_minor" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invoice_number_counters" (
	"coop_id" uuid NOT NULL,
	"series" text NOT NULL,
	"fiscal_year" integer NOT NULL,
	"last_number" integer NOT NULL,
	CONSTRAINT "invoice_number_counters_coop_id_series_fiscal_year_pk" PRIMARY KEY("coop_id","series","fiscal_year")
);
--> statement-breakpoint
CREATE TABLE "invoice_settlements" (
	"coop_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"invoice_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"amount_minor" bigint NOT NULL,
	"coop_amount_minor" bigint NOT NULL,
	"received_on" date NOT NULL,
	"entry_id" uuid,
	"credit_note_id" uuid,
	"bank_line_id" uuid,
	"reference" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invoices" (
	"coop_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text DEFAULT 'invoice' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"number" text,
	"fiscal_year" integer,
	"sequence" integer,
	"organization_id" uuid NOT NULL,
	"agreement_id" uuid,
	"purchase_order" text,
	"buyer_reference" text,
	"credited_invoice_id" uuid,
	"currency" text NOT NULL,
	"issue_date" date,
	"due_date" date,
	"delivery_date" date,
	"rounding" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"exemption_reason" text,
	"seller" jsonb,
	"buyer" jsonb,
	"creditor_reference" text,
	"net_minor" bigint,
	"tax_minor" bigint,
	"gross_minor" bigint,
	"coop_gross_minor" bigint,
	"coop_tax_minor" bigint,
	"rate" numeric,
	"rate_on" date,
	"rate_source" text,
	"settled_minor" bigint DEFAULT 0 NOT NULL,
	"disputed" boolean DEFAULT false NOT NULL,
	"entry_id" uuid,
	"created_by" uuid,
	"finalized_at" timestamp with time zone,
	"finalized_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invoices_coop_id_key" UNIQUE("coop_id","id")
);
--> statement-breakpoint
CREATE TABLE "invoicing_settings" (
	"coop_id" uuid PRIMARY KEY NOT NULL,
	"legal_name" text NOT NULL,
	"vat_id" text,
	"registration_id" text,
	"street" text DEFAULT '' NOT NULL,
	"city" text DEFAULT '' NOT NULL,
	"postcode" text DEFAULT '' NOT NULL,
	"country" text DEFAULT 'DE' NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"iban" text,
	"bic" text,
	"invoice_prefix" text DEFAULT 'INV-' NOT NULL,
	"credit_note_prefix" text DEFAULT 'CN-' NOT NULL,
	"payment_terms_days" integer DEFAULT 30 NOT NULL,
	"rounding" text DEFAULT 'per-rate' NOT NULL,
	"income_account" text DEFAULT 'income:sponsorship' NOT NULL,
	"receivable_account" text DEFAULT 'assets:receivables' NOT NULL,
	"vat_account" text DEFAULT 'liabilities:vat' NOT NULL,
	"dunning_stages" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"late_fee_minor" bigint,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dunning_notices" ADD CONSTRAINT "dunning_notices_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dunning_notices" ADD CONSTRAINT "dunning_notices_coop_id_invoice_id_invoices_coop_id_id_fk" FOREIGN KEY ("coop_id","invoice_id") REFERENCES "public"."invoices"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_coop_id_invoice_id_invoices_coop_id_id_fk" FOREIGN KEY ("coop_id","invoice_id") REFERENCES "public"."invoices"("coop_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_number_counters" ADD CONSTRAINT "invoice_number_counters_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_settlements" ADD CONSTRAINT "invoice_settlements_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_settlements" ADD CONSTRAINT "invoice_settlements_coop_id_invoice_id_invoices_coop_id_id_fk" FOREIGN KEY ("coop_id","invoice_id") REFERENCES "public"."invoices"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_coop_id_organization_id_organizations_coop_id_id_fk" FOREIGN KEY ("coop_id","organization_id") REFERENCES "public"."organizations"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoicing_settings" ADD CONSTRAINT "invoicing_settings_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "invoice_lines_position_idx" ON "invoice_lines" USING btree ("coop_id","invoice_id","position");--> statement-breakpoint
CREATE INDEX "invoice_settlements_invoice_idx" ON "invoice_settlements" USING btree ("coop_id","invoice_id");--> statement-breakpoint
CREATE UNIQUE INDEX "invoice_settlements_bank_line_idx" ON "invoice_settlements" USING btree ("coop_id","bank_line_id") WHERE "invoice_settlements"."bank_line_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_number_idx" ON "invoices" USING btree ("coop_id","number") WHERE "invoices"."number" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_sequence_idx" ON "invoices" USING btree ("coop_id","kind","fiscal_year","sequence") WHERE "invoices"."sequence" is not null;--> statement-breakpoint
CREATE INDEX "invoices_status_idx" ON "invoices" USING btree ("coop_id","status");--> statement-breakpoint
CREATE INDEX "invoices_organization_idx" ON "invoices" USING btree ("coop_id","organization_id");--> statement-breakpoint
-- A finalised invoice never changes and is never deleted: only its settlement (status, amount
-- settled) and its dispute flag move. Its lines and settlements are fixed once written.
CREATE FUNCTION invoice_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status <> 'draft' THEN
      RAISE EXCEPTION 'invoice % is final: it is never deleted', OLD.number USING ERRCODE = 'CL002';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.status <> 'draft' AND (
    (to_jsonb(NEW) - 'status' - 'settled_minor' - 'disputed') IS DISTINCT FROM
    (to_jsonb(OLD) - 'status' - 'settled_minor' - 'disputed')
    OR NEW.status = 'draft'
  ) THEN
    RAISE EXCEPTION 'invoice % is final: it never changes (issue a credit note)', OLD.number
      USING ERRCODE = 'CL002';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER invoices_final_never_change BEFORE UPDATE OR DELETE ON invoices
  FOR EACH ROW EXECUTE FUNCTION invoice_refuse_change();
--> statement-breakpoint
CREATE FUNCTION invoice_line_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  invoice_status text;
BEGIN
  SELECT status INTO invoice_status FROM invoices
    WHERE coop_id = COALESCE(NEW.coop_id, OLD.coop_id) AND id = COALESCE(NEW.invoice_id, OLD.invoice_id);
  IF invoice_status IS NOT NULL AND invoice_status <> 'draft' THEN
    RAISE EXCEPTION 'the lines of a final invoice never change' USING ERRCODE = 'CL002';
  END IF;
  RETURN COALESCE(NEW, OLD);
END;
$$;
--> statement-breakpoint
CREATE TRIGGER invoice_lines_final_never_change BEFORE INSERT OR UPDATE OR DELETE ON invoice_lines
  FOR EACH ROW EXECUTE FUNCTION invoice_line_refuse_change();
--> statement-breakpoint
CREATE FUNCTION invoice_settlement_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'invoice settlements never change (% refused)', TG_OP USING ERRCODE = 'CL002';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER invoice_settlements_never_change BEFORE UPDATE OR DELETE ON invoice_settlements
  FOR EACH ROW EXECUTE FUNCTION invoice_settlement_refuse_change();
