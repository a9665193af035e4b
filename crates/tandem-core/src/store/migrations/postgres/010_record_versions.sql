-- Record versions: PostgreSQL form of ../010_record_versions.sql. One BEFORE trigger per table
-- raises the version and records the login that made the change (session_user: the person
-- signed in, whatever role a statement runs as).

ALTER TABLE employee ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE employee ADD COLUMN updated_by TEXT COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE program_pair ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE program_pair ADD COLUMN updated_by TEXT COLLATE "C" NOT NULL DEFAULT '';

CREATE FUNCTION tandem_stamp_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.version := OLD.version + 1;
    NEW.updated_by := session_user;
    RETURN NEW;
END;
$$;

CREATE TRIGGER employee_version BEFORE UPDATE ON employee
FOR EACH ROW EXECUTE FUNCTION tandem_stamp_version();

CREATE TRIGGER program_pair_version BEFORE UPDATE ON program_pair
FOR EACH ROW EXECUTE FUNCTION tandem_stamp_version();
