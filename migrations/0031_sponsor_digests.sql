CREATE TABLE "sponsor_digest_mailings" (
	"coop_id" uuid NOT NULL,
	"digest_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"email" text NOT NULL,
	"mailed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sponsor_digests" (
	"coop_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"frequency" text NOT NULL,
	"content" jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"state" text DEFAULT 'prepared' NOT NULL,
	"content_hash" text NOT NULL,
	"prepared_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	"sent_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sponsor_digests_coop_id_key" UNIQUE("coop_id","id")
);
--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "html" text;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "attachments" jsonb;--> statement-breakpoint
ALTER TABLE "sponsor_digest_mailings" ADD CONSTRAINT "sponsor_digest_mailings_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sponsor_digest_mailings" ADD CONSTRAINT "sponsor_digest_mailings_coop_id_digest_id_sponsor_digests_coop_id_id_fk" FOREIGN KEY ("coop_id","digest_id") REFERENCES "public"."sponsor_digests"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sponsor_digests" ADD CONSTRAINT "sponsor_digests_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sponsor_digests" ADD CONSTRAINT "sponsor_digests_coop_id_organization_id_organizations_coop_id_id_fk" FOREIGN KEY ("coop_id","organization_id") REFERENCES "public"."organizations"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sponsor_digests" ADD CONSTRAINT "sponsor_digests_coop_id_sent_by_people_coop_id_id_fk" FOREIGN KEY ("coop_id","sent_by") REFERENCES "public"."people"("coop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "sponsor_digest_mailings_person_idx" ON "sponsor_digest_mailings" USING btree ("coop_id","digest_id","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sponsor_digests_period_idx" ON "sponsor_digests" USING btree ("coop_id","organization_id","period_from");--> statement-breakpoint
CREATE INDEX "sponsor_digests_state_idx" ON "sponsor_digests" USING btree ("coop_id","state","period_to");--> statement-breakpoint
CREATE FUNCTION sponsor_digests_refuse_change_when_sent() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.state = 'sent' THEN
    RAISE EXCEPTION 'a sent sponsor digest is kept as sent (% refused)', TG_OP;
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER sponsor_digests_kept_when_sent BEFORE UPDATE OR DELETE ON sponsor_digests
  FOR EACH ROW EXECUTE FUNCTION sponsor_digests_refuse_change_when_sent();
