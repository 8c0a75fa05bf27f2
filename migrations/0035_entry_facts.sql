ALTER TABLE "journal_entries" ADD COLUMN "description_fact" jsonb;--> statement-breakpoint
ALTER TABLE "postings" ADD COLUMN "memo_fact" jsonb;