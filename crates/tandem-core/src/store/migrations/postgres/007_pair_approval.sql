-- When each pair was approved: the health rules measure "no session held for too long" from the
-- later of the approval and the program's start.
--
-- PostgreSQL form of ../007_pair_approval.sql. SQLite's two AFTER triggers, which update the row
-- they fired for, become one BEFORE trigger that sets NEW.approved_at: same result, one write.

ALTER TABLE program_pair ADD COLUMN approved_at TEXT COLLATE "C";

UPDATE program_pair SET approved_at = updated_at WHERE status = 'approved';

CREATE FUNCTION program_pair_stamp_approval() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.status = 'approved' AND NEW.approved_at IS NULL
       AND (TG_OP = 'INSERT' OR OLD.status <> 'approved') THEN
        NEW.approved_at := NEW.updated_at;
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER program_pair_approved
BEFORE INSERT OR UPDATE OF status ON program_pair
FOR EACH ROW EXECUTE FUNCTION program_pair_stamp_approval();
