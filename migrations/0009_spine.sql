CREATE TABLE "event_cursors" (
	"coop_id" uuid NOT NULL,
	"consumer" text NOT NULL,
	"position_tx" "xid8" DEFAULT '0'::xid8 NOT NULL,
	"position" bigint DEFAULT 0 NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"retry_at" timestamp with time zone,
	"last_error" text,
	"leased_until" timestamp with time zone,
	"leased_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_cursors_coop_id_consumer_pk" PRIMARY KEY("coop_id","consumer")
);
--> statement-breakpoint
ALTER TABLE "coops" ADD COLUMN "slug" text;--> statement-breakpoint
-- Co-ops created before slugs are named from their name, in order of creation: "acme-co-op",
-- then "acme-co-op-2" should two share a name.
UPDATE "coops" SET "slug" = named."slug" FROM (
  SELECT "id", base || CASE WHEN n > 1 THEN '-' || n ELSE '' END AS "slug" FROM (
    SELECT "id", base, row_number() OVER (PARTITION BY base ORDER BY "created_at", "id") AS n FROM (
      SELECT "id", "created_at",
        coalesce(nullif(trim(both '-' from regexp_replace(lower("name"), '[^a-z0-9]+', '-', 'g')), ''), 'coop') AS base
      FROM "coops") AS bases) AS numbered) AS named
WHERE named."id" = "coops"."id";--> statement-breakpoint
ALTER TABLE "coops" ALTER COLUMN "slug" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "coops" ADD COLUMN "host_name" text;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "tx_id" "xid8" DEFAULT pg_current_xact_id() NOT NULL;--> statement-breakpoint
ALTER TABLE "event_cursors" ADD CONSTRAINT "event_cursors_coop_id_coops_id_fk" FOREIGN KEY ("coop_id") REFERENCES "public"."coops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "events_tx_idx" ON "events" USING btree ("coop_id","tx_id","seq");--> statement-breakpoint
ALTER TABLE "coops" ADD CONSTRAINT "coops_slug_unique" UNIQUE("slug");--> statement-breakpoint
ALTER TABLE "coops" ADD CONSTRAINT "coops_host_name_unique" UNIQUE("host_name");