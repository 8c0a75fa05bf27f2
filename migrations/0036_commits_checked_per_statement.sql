ALTER TABLE "commits" DROP CONSTRAINT "commits_coop_id_coops_id_fk";
--> statement-breakpoint
ALTER TABLE "commits" DROP CONSTRAINT "commits_coop_id_repository_id_repositories_coop_id_id_fk";
--> statement-breakpoint
-- What the two foreign keys checked row by row, checked once per statement: every
-- (coop_id, repository_id) the statement wrote names a repository (locked FOR KEY SHARE as a
-- foreign key locks it, so that it cannot go before the writing transaction ends). The
-- repository's own key to coops covers the co-op.
CREATE FUNCTION commits_check_repository() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  missing record;
BEGIN
  FOR missing IN
    SELECT n.coop_id, n.repository_id
    FROM (SELECT DISTINCT coop_id, repository_id FROM written_commits) n
    LEFT JOIN LATERAL (
      SELECT true AS found FROM repositories r
      WHERE r.coop_id = n.coop_id AND r.id = n.repository_id
      FOR KEY SHARE
    ) r ON true
    WHERE r.found IS NULL
  LOOP
    RAISE EXCEPTION 'insert or update on table "commits" names no repository'
      USING ERRCODE = 'foreign_key_violation',
        DETAIL = format('Key (coop_id, repository_id)=(%s, %s) is not present in table "repositories".',
          missing.coop_id, missing.repository_id);
  END LOOP;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER commits_inserted_check_repository AFTER INSERT ON commits
  REFERENCING NEW TABLE AS written_commits
  FOR EACH STATEMENT EXECUTE FUNCTION commits_check_repository();
--> statement-breakpoint
CREATE TRIGGER commits_updated_check_repository AFTER UPDATE ON commits
  REFERENCING NEW TABLE AS written_commits
  FOR EACH STATEMENT EXECUTE FUNCTION commits_check_repository();
--> statement-breakpoint
-- ON DELETE CASCADE as it was: a repository deleted (with its co-op's data) takes its commits.
CREATE FUNCTION repositories_delete_commits() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM commits WHERE coop_id = OLD.coop_id AND repository_id = OLD.id;
  RETURN OLD;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER repositories_deleted_delete_commits AFTER DELETE ON repositories
  FOR EACH ROW EXECUTE FUNCTION repositories_delete_commits();
--> statement-breakpoint
-- ON UPDATE NO ACTION as it was: a repository's key does not change while commits name it.
CREATE FUNCTION repositories_key_kept_under_commits() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM commits WHERE coop_id = OLD.coop_id AND repository_id = OLD.id) THEN
    RAISE EXCEPTION 'update on table "repositories" would leave commits without their repository'
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER repositories_key_kept_under_commits AFTER UPDATE OF coop_id, id ON repositories
  FOR EACH ROW WHEN (OLD.coop_id IS DISTINCT FROM NEW.coop_id OR OLD.id IS DISTINCT FROM NEW.id)
  EXECUTE FUNCTION repositories_key_kept_under_commits();
