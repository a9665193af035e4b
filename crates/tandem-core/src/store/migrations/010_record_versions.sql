-- Record versions, so that two people editing the same employee or pair cannot overwrite each
-- other unknowingly: a change names the version it was based on, and a stale one is refused with
-- who made the newer change and when.
--
-- `version` goes up by one on every update, whoever makes it (a trigger, so no statement can
-- forget); `updated_by` is the database login that made the change. On this computer's file there
-- is one user, so it stays empty; on the team server PostgreSQL fills it itself.

ALTER TABLE employee ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE employee ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';
ALTER TABLE program_pair ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE program_pair ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';

CREATE TRIGGER employee_version AFTER UPDATE ON employee
WHEN NEW.version = OLD.version
BEGIN
    UPDATE employee SET version = OLD.version + 1 WHERE id = NEW.id;
END;

CREATE TRIGGER program_pair_version AFTER UPDATE ON program_pair
WHEN NEW.version = OLD.version
BEGIN
    UPDATE program_pair SET version = OLD.version + 1 WHERE id = NEW.id;
END;
