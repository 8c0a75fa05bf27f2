ALTER TABLE "poll_ballots" ALTER COLUMN "voter_class" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "poll_ballots" ALTER COLUMN "content" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "poll_ballots" ADD COLUMN "sealed" "bytea";