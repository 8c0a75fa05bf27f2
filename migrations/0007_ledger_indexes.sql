CREATE INDEX "journal_entries_number_idx" ON "journal_entries" USING btree ("coop_id","number");--> statement-breakpoint
CREATE INDEX "postings_entry_id_idx" ON "postings" USING btree ("entry_id");