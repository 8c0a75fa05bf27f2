-- Versions adopted before effective dates existed took effect the day they were adopted.
ALTER TABLE "bylaws_versions" ADD COLUMN "effective_on" date;--> statement-breakpoint
UPDATE "bylaws_versions" SET "effective_on" = ("adopted_at" AT TIME ZONE 'UTC')::date;--> statement-breakpoint
ALTER TABLE "bylaws_versions" ALTER COLUMN "effective_on" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "polls" ADD COLUMN "bylaws_effective_on" date;--> statement-breakpoint
ALTER TABLE "polls" ADD COLUMN "budget_lines" jsonb;
