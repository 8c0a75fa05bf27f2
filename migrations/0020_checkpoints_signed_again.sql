ALTER TABLE "transparency_checkpoints" DROP CONSTRAINT "transparency_checkpoints_coop_id_tree_size_pk";--> statement-breakpoint
ALTER TABLE "transparency_checkpoints" ADD CONSTRAINT "transparency_checkpoints_coop_id_tree_size_signed_at_pk" PRIMARY KEY("coop_id","tree_size","signed_at");--> statement-breakpoint
-- Backfill: dividend notices of years closed before `dividend.declared` existed get that event
-- (at the time of this migration, by who closed the year), so the dispatcher appends them to the
-- transparency log and their holders can prove them like later notices. Never twice. Their seq
-- is counted from the highest present rather than drawn from the identity: a restore of an older
-- backup runs this before it moves the identity past the restored rows.
INSERT INTO "events" ("coop_id", "seq", "type", "version", "actor_id", "subject_type", "subject_id", "data")
OVERRIDING SYSTEM VALUE
SELECT d."coop_id",
  (SELECT coalesce(max("seq"), 0) FROM "events") + row_number() OVER (ORDER BY d."coop_id", c."fiscal_year", d."id"),
  'dividend.declared', 1, c."closed_by", 'dividend', d."id"::text,
  jsonb_build_object(
    'closeId', c."id",
    'fiscalYear', c."fiscal_year",
    'fromDay', c."from_day"::text,
    'toDay', c."to_day"::text,
    'currency', c."currency",
    'memberClass', d."member_class",
    'personId', d."person_id",
    'organizationId', d."organization_id",
    'amountMinor', d."amount_minor"::text,
    'cashMinor', d."cash_minor"::text,
    'retainedMinor', d."retained_minor"::text,
    'basis', coalesce(d."basis"->>'basis', '')
  )
FROM "dividends" d
JOIN "year_end_closes" c ON c."coop_id" = d."coop_id" AND c."id" = d."close_id"
WHERE NOT EXISTS (
  SELECT 1 FROM "events" e
  WHERE e."coop_id" = d."coop_id" AND e."type" = 'dividend.declared'
    AND e."subject_type" = 'dividend' AND e."subject_id" = d."id"::text
);
--> statement-breakpoint
-- The identity continues after the backfilled events.
SELECT setval(pg_get_serial_sequence('events', 'seq'), greatest(coalesce((SELECT max("seq") FROM "events"), 0) + 1, nextval(pg_get_serial_sequence('events', 'seq'))), false);
