-- Programs (cohorts), their participants, HR's excluded pairs and the persisted pairs.

CREATE TABLE program (
    id                           TEXT PRIMARY KEY,                  -- uuid
    name                         TEXT NOT NULL,
    start_date                   TEXT NOT NULL,                     -- ISO 8601 date
    end_date                     TEXT NOT NULL,
    cadence_weeks                INTEGER NOT NULL DEFAULT 4 CHECK (cadence_weeks BETWEEN 1 AND 12),
    session_minutes              INTEGER NOT NULL DEFAULT 60 CHECK (session_minutes BETWEEN 30 AND 180),
    charter                      TEXT NOT NULL DEFAULT '',
    -- Matching settings: relative weights of the score parts (0..100 each).
    weight_skill                 REAL NOT NULL,
    weight_interests             REAL NOT NULL,
    weight_availability          REAL NOT NULL,
    weight_adoption              REAL NOT NULL,
    weight_comfort               REAL NOT NULL,
    default_capacity             INTEGER NOT NULL DEFAULT 1 CHECK (default_capacity BETWEEN 1 AND 3),
    require_different_department INTEGER NOT NULL DEFAULT 0 CHECK (require_different_department IN (0, 1)),
    created_at                   TEXT NOT NULL,
    updated_at                   TEXT NOT NULL,
    CHECK (end_date > start_date)
) STRICT;

-- An employee takes part in a program on one side only.
CREATE TABLE program_participant (
    program_id  TEXT NOT NULL REFERENCES program(id) ON DELETE CASCADE,
    employee_id TEXT NOT NULL REFERENCES employee(id) ON DELETE RESTRICT,
    side        TEXT NOT NULL CHECK (side IN ('mentor', 'mentee')),
    -- Mentors only: overrides the program's default capacity (0 = takes no new mentee).
    capacity    INTEGER CHECK (capacity BETWEEN 0 AND 3),
    added_at    TEXT NOT NULL,
    PRIMARY KEY (program_id, employee_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX program_participant_employee ON program_participant(employee_id);

-- Pairs HR ruled out: never proposed again until un-excluded.
CREATE TABLE program_exclusion (
    program_id TEXT NOT NULL REFERENCES program(id) ON DELETE CASCADE,
    mentee_id  TEXT NOT NULL REFERENCES employee(id) ON DELETE RESTRICT,
    mentor_id  TEXT NOT NULL REFERENCES employee(id) ON DELETE RESTRICT,
    created_at TEXT NOT NULL,
    PRIMARY KEY (program_id, mentee_id, mentor_id)
) STRICT, WITHOUT ROWID;

-- At most one pair per mentee and program. `proposed` pairs that are not locked are replaced by
-- each matching run; locked and approved pairs are kept and passed to the engine as locks.
CREATE TABLE program_pair (
    id               TEXT PRIMARY KEY,                          -- uuid
    program_id       TEXT NOT NULL REFERENCES program(id) ON DELETE CASCADE,
    mentee_id        TEXT NOT NULL REFERENCES employee(id) ON DELETE RESTRICT,
    mentor_id        TEXT NOT NULL REFERENCES employee(id) ON DELETE RESTRICT,
    status           TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'approved')),
    locked           INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1)),
    -- Set by HR by hand (assign), as opposed to proposed by a run.
    manual           INTEGER NOT NULL DEFAULT 0 CHECK (manual IN (0, 1)),
    score            REAL NOT NULL,
    points           INTEGER NOT NULL,
    part_skill       REAL NOT NULL,
    part_interests   REAL NOT NULL,
    part_availability REAL NOT NULL,
    part_adoption    REAL NOT NULL,
    part_comfort     REAL NOT NULL,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    UNIQUE (program_id, mentee_id)
) STRICT;

CREATE INDEX program_pair_mentor ON program_pair(program_id, mentor_id);
