-- The ledger's rules live in the database, so that no code path can break them.

-- 1. Every entry balances in each currency and in the co-op's currency, with two postings or
--    more: checked at commit, when all of an entry's postings are in.
CREATE FUNCTION ledger_check_entry(entry uuid) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  n int;
  off record;
  coop_off bigint;
BEGIN
  SELECT count(*) INTO n FROM postings WHERE entry_id = entry;
  IF n < 2 THEN
    RAISE EXCEPTION 'journal entry % has % posting(s); an entry needs at least two', entry, n
      USING ERRCODE = 'check_violation';
  END IF;
  SELECT currency, sum(amount_minor) AS total INTO off FROM postings
    WHERE entry_id = entry GROUP BY currency HAVING sum(amount_minor) <> 0 LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'journal entry % does not balance: its % postings sum to % minor units', entry, off.currency, off.total
      USING ERRCODE = 'check_violation';
  END IF;
  SELECT sum(coop_amount_minor) INTO coop_off FROM postings WHERE entry_id = entry;
  IF coop_off <> 0 THEN
    RAISE EXCEPTION 'journal entry % does not balance in the co-op currency: off by % minor units', entry, coop_off
      USING ERRCODE = 'check_violation';
  END IF;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION ledger_check_posting_entry() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM ledger_check_entry(NEW.entry_id);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER postings_balanced AFTER INSERT ON postings
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_check_posting_entry();
--> statement-breakpoint
CREATE FUNCTION ledger_check_new_entry() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM ledger_check_entry(NEW.id);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER journal_entries_have_postings AFTER INSERT ON journal_entries
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_check_new_entry();
--> statement-breakpoint
-- 2. Posted means final: corrections are reversals.
CREATE FUNCTION ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'posted % never change (% refused): post a reversal', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'CL002';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER postings_final BEFORE UPDATE OR DELETE ON postings
  FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER journal_entries_final BEFORE UPDATE OR DELETE ON journal_entries
  FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
-- 3. A posting takes its entry's date, and never lands in a locked period.
CREATE FUNCTION ledger_before_posting() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT effective_on INTO NEW.effective_on FROM journal_entries
    WHERE coop_id = NEW.coop_id AND id = NEW.entry_id;
  IF EXISTS (SELECT 1 FROM period_locks WHERE coop_id = NEW.coop_id AND reopened_at IS NULL
             AND NEW.effective_on BETWEEN from_day AND to_day) THEN
    RAISE EXCEPTION 'the period containing % is locked', NEW.effective_on USING ERRCODE = 'CL001';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER postings_dated BEFORE INSERT ON postings
  FOR EACH ROW EXECUTE FUNCTION ledger_before_posting();
--> statement-breakpoint
-- 4. Balances kept in the same transaction as each posting, by month and by day.
CREATE FUNCTION ledger_keep_balances() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO monthly_balances (coop_id, account_id, currency, month, change_minor, coop_change_minor)
    VALUES (NEW.coop_id, NEW.account_id, NEW.currency, date_trunc('month', NEW.effective_on)::date,
            NEW.amount_minor, NEW.coop_amount_minor)
    ON CONFLICT (coop_id, account_id, currency, month) DO UPDATE
      SET change_minor = monthly_balances.change_minor + EXCLUDED.change_minor,
          coop_change_minor = monthly_balances.coop_change_minor + EXCLUDED.coop_change_minor;
  INSERT INTO daily_balances (coop_id, account_id, currency, day, change_minor, coop_change_minor)
    VALUES (NEW.coop_id, NEW.account_id, NEW.currency, NEW.effective_on, NEW.amount_minor, NEW.coop_amount_minor)
    ON CONFLICT (coop_id, account_id, currency, day) DO UPDATE
      SET change_minor = daily_balances.change_minor + EXCLUDED.change_minor,
          coop_change_minor = daily_balances.coop_change_minor + EXCLUDED.coop_change_minor;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER postings_keep_balances AFTER INSERT ON postings
  FOR EACH ROW EXECUTE FUNCTION ledger_keep_balances();
