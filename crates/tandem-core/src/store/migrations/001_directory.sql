-- Employees, their program profile, and the catalog of platforms and topics.

CREATE TABLE employee (
    id               TEXT PRIMARY KEY,            -- uuid
    external_id      TEXT NOT NULL UNIQUE,        -- HR id (matricule)
    first_name       TEXT NOT NULL,
    last_name        TEXT NOT NULL,
    email            TEXT NOT NULL COLLATE NOCASE UNIQUE,
    department       TEXT NOT NULL DEFAULT '',
    title            TEXT NOT NULL DEFAULT '',
    grade            INTEGER NOT NULL DEFAULT 1 CHECK (grade BETWEEN 1 AND 10),
    manager_id       TEXT REFERENCES employee(id) ON DELETE RESTRICT,
    site             TEXT NOT NULL DEFAULT '',
    timezone         TEXT NOT NULL DEFAULT 'Europe/Paris',
    hire_date        TEXT,                        -- ISO 8601 date
    program_role     TEXT NOT NULL DEFAULT 'none'
                     CHECK (program_role IN ('mentor', 'mentee', 'both', 'none')),
    adoption_profile TEXT CHECK (adoption_profile IN
                     ('categorical', 'allergic', 'curious', 'anxious', 'enthusiast', 'good_student', 'overwhelmed')),
    active           INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    -- Lower-cased "first last email department title", kept by the store for search as you type.
    search_text      TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
) STRICT;

CREATE INDEX employee_manager ON employee(manager_id);
CREATE INDEX employee_department ON employee(department);
CREATE INDEX employee_sort_name ON employee(last_name COLLATE NOCASE, first_name COLLATE NOCASE);

CREATE TABLE employee_language (
    employee_id TEXT NOT NULL REFERENCES employee(id) ON DELETE CASCADE,
    language    TEXT NOT NULL,                    -- ISO 639-1
    PRIMARY KEY (employee_id, language)
) STRICT, WITHOUT ROWID;

CREATE TABLE employee_interest (
    employee_id TEXT NOT NULL REFERENCES employee(id) ON DELETE CASCADE,
    interest    TEXT NOT NULL,                    -- lower-case tag
    PRIMARY KEY (employee_id, interest)
) STRICT, WITHOUT ROWID;

CREATE TABLE availability_slot (
    employee_id  TEXT NOT NULL REFERENCES employee(id) ON DELETE CASCADE,
    weekday      INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6),      -- 0 = Monday
    start_minute INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
    end_minute   INTEGER NOT NULL CHECK (end_minute BETWEEN 1 AND 1440),
    CHECK (end_minute > start_minute),
    PRIMARY KEY (employee_id, weekday, start_minute)
) STRICT, WITHOUT ROWID;

CREATE TABLE platform (
    id       TEXT PRIMARY KEY,                    -- slug, e.g. 'linkedin'
    name     TEXT NOT NULL UNIQUE,
    position INTEGER NOT NULL DEFAULT 0,
    active   INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;

CREATE TABLE topic (
    id          TEXT PRIMARY KEY,                 -- slug, e.g. 'linkedin.analytics'
    platform_id TEXT NOT NULL REFERENCES platform(id) ON DELETE RESTRICT,
    name_en     TEXT NOT NULL,
    name_fr     TEXT NOT NULL,
    position    INTEGER NOT NULL DEFAULT 0,
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;

CREATE INDEX topic_platform ON topic(platform_id, position);

CREATE TABLE skill_level (
    employee_id TEXT NOT NULL REFERENCES employee(id) ON DELETE CASCADE,
    topic_id    TEXT NOT NULL REFERENCES topic(id) ON DELETE RESTRICT,
    level       INTEGER NOT NULL CHECK (level BETWEEN 0 AND 4),
    target      INTEGER CHECK (target BETWEEN 0 AND 4),                  -- mentees' goal
    PRIMARY KEY (employee_id, topic_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX skill_level_topic ON skill_level(topic_id, level);

-- Per-database preferences, e.g. the interface language.
CREATE TABLE app_setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;
