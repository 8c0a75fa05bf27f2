ALTER TABLE "outbox" ADD COLUMN "reply_to" text;--> statement-breakpoint
ALTER TABLE "consultation_recipients" ADD COLUMN "reply_token_hash" text;--> statement-breakpoint
CREATE UNIQUE INDEX "consultation_recipients_reply_idx" ON "consultation_recipients" USING btree ("reply_token_hash");