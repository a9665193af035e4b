-- When each pair was approved: the health rules measure "no session held for too long" from the
-- later of the approval and the program's start.
--
-- Triggers stamp the time on approval, so the program module's statements need not know the
-- column. Pairs approved before this migration take their last update as the best known time.

ALTER TABLE program_pair ADD COLUMN approved_at TEXT;

UPDATE program_pair SET approved_at = updated_at WHERE status = 'approved';

CREATE TRIGGER program_pair_approved_on_update
AFTER UPDATE OF status ON program_pair
WHEN NEW.status = 'approved' AND OLD.status <> 'approved' AND NEW.approved_at IS NULL
BEGIN
    UPDATE program_pair SET approved_at = NEW.updated_at WHERE id = NEW.id;
END;

CREATE TRIGGER program_pair_approved_on_insert
AFTER INSERT ON program_pair
WHEN NEW.status = 'approved' AND NEW.approved_at IS NULL
BEGIN
    UPDATE program_pair SET approved_at = NEW.updated_at WHERE id = NEW.id;
END;
