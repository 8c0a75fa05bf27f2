DROP INDEX "repositories_name_idx";--> statement-breakpoint
ALTER TABLE "commits" ADD COLUMN "changes" jsonb;--> statement-breakpoint
ALTER TABLE "repositories" ADD COLUMN "removed_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "repositories_name_idx" ON "repositories" USING btree ("coop_id",lower("name")) WHERE "repositories"."removed_at" is null;