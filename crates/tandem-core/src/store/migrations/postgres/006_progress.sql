-- What progress reports need beyond sessions: optional audience figures per platform, and each
-- participant's adoption profile as it was when they joined the program.
--
-- PostgreSQL form of ../006_progress.sql: INTEGER is BIGINT, TEXT is TEXT COLLATE "C"; no STRICT
-- or WITHOUT ROWID. Nothing else differs.

-- Followers an employee has on a platform, as they declared them. Optional: no row means unknown.
CREATE TABLE employee_audience (
    employee_id TEXT COLLATE "C" NOT NULL REFERENCES employee(id) ON DELETE CASCADE,
    platform_id TEXT COLLATE "C" NOT NULL REFERENCES platform(id) ON DELETE RESTRICT,
    followers   BIGINT NOT NULL CHECK (followers BETWEEN 0 AND 1000000000),
    updated_at  TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (employee_id, platform_id)
);

-- The adoption profile when the employee joined the program; the employee row holds the current one.
ALTER TABLE program_participant ADD COLUMN adoption_profile_at_start TEXT COLLATE "C" CHECK (adoption_profile_at_start IN
    ('categorical', 'allergic', 'curious', 'anxious', 'enthusiast', 'good_student', 'overwhelmed'));

UPDATE program_participant
SET adoption_profile_at_start = (SELECT adoption_profile FROM employee WHERE employee.id = program_participant.employee_id);
