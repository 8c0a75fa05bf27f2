ALTER TABLE "period_locks" ADD COLUMN "last_entry_number" bigint;--> statement-breakpoint
-- Locks taken before this version: the last entry recorded by the time the lock was.
UPDATE "period_locks" l SET "last_entry_number" = coalesce((
  SELECT max(e."number") FROM "journal_entries" e
  WHERE e."coop_id" = l."coop_id" AND e."recorded_at" <= l."locked_at"), 0);--> statement-breakpoint
-- A close or a lock, and the postings into the period it locks, exclude each other. Every
-- posting takes this co-op's "periods" advisory lock shared, then looks for a lock on its day;
-- whoever locks a period (a period lock, a year-end close before it reads its figures) takes
-- it exclusively, so it waits for the postings under way to commit, and the postings after it
-- wait for it to commit and then see its lock. Under READ COMMITTED each statement of these
-- functions reads a fresh snapshot, taken after the advisory lock is granted. One key per
-- co-op, held only to the end of a transaction: postings never wait for each other, only for
-- a close, which is rare and short. PGlite has one connection, where the lock is always free.
CREATE FUNCTION ledger_share_periods(coop uuid) RETURNS void LANGUAGE sql AS $$
  SELECT pg_advisory_xact_lock_shared(hashtextextended('ledger-periods:' || coop::text, 0));
$$;--> statement-breakpoint
CREATE FUNCTION ledger_lock_periods(coop uuid) RETURNS void LANGUAGE sql AS $$
  SELECT pg_advisory_xact_lock(hashtextextended('ledger-periods:' || coop::text, 0));
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION ledger_before_posting() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT effective_on INTO NEW.effective_on FROM journal_entries
    WHERE coop_id = NEW.coop_id AND id = NEW.entry_id;
  PERFORM ledger_share_periods(NEW.coop_id);
  IF EXISTS (SELECT 1 FROM period_locks WHERE coop_id = NEW.coop_id AND reopened_at IS NULL
             AND NEW.effective_on BETWEEN from_day AND to_day) THEN
    RAISE EXCEPTION 'the period containing % is locked', NEW.effective_on USING ERRCODE = 'CL001';
  END IF;
  RETURN NEW;
END;
$$;--> statement-breakpoint
-- A lock takes effect under the exclusive lock, and marks the last entry recorded before it.
CREATE FUNCTION ledger_before_lock() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM ledger_lock_periods(NEW.coop_id);
  SELECT coalesce(max(number), 0) INTO NEW.last_entry_number FROM journal_entries
    WHERE coop_id = NEW.coop_id;
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER period_locks_exclusive BEFORE INSERT ON period_locks
  FOR EACH ROW EXECUTE FUNCTION ledger_before_lock();
