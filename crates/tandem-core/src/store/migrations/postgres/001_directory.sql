-- Employees, their program profile, and the catalog of platforms and topics.
--
-- PostgreSQL form of ../001_directory.sql. Differences from SQLite:
--   * INTEGER is BIGINT, TEXT is TEXT COLLATE "C" (byte order, as SQLite's BINARY); no STRICT or
--     WITHOUT ROWID.
--   * employee.email is `COLLATE NOCASE UNIQUE` in SQLite. Here the column is plain
--     TEXT COLLATE "C" and uniqueness is the unique index `employee_email_nocase` on lower(email).
--     lower() on a "C" column folds ASCII letters only, exactly as NOCASE does. A query that must
--     compare emails without case writes `lower(e.email) = lower(?1)` (works on both engines), and
--     a unique violation is reported on `employee_email_nocase`, not on a column constraint.
--   * employee_sort_name indexes (lower(last_name), lower(first_name)) instead of
--     (last_name COLLATE NOCASE, first_name COLLATE NOCASE). (009 replaces it with sort_name.)

-- SQLite's built-in unixepoch(text) for the stored instants ('YYYY-MM-DDTHH:MM:SSZ', always UTC),
-- so the store's queries read the same on both engines. Immutable for those inputs: the text
-- names its zone.
CREATE FUNCTION unixepoch(instant text) RETURNS bigint
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT CAST(floor(extract(epoch FROM CAST(instant AS timestamptz))) AS bigint) $$;

CREATE TABLE employee (
    id               TEXT COLLATE "C" PRIMARY KEY,            -- uuid
    external_id      TEXT COLLATE "C" NOT NULL UNIQUE,        -- HR id (matricule)
    first_name       TEXT COLLATE "C" NOT NULL,
    last_name        TEXT COLLATE "C" NOT NULL,
    email            TEXT COLLATE "C" NOT NULL,               -- unique without case: see below
    department       TEXT COLLATE "C" NOT NULL DEFAULT '',
    title            TEXT COLLATE "C" NOT NULL DEFAULT '',
    grade            BIGINT NOT NULL DEFAULT 1 CHECK (grade BETWEEN 1 AND 10),
    manager_id       TEXT COLLATE "C" REFERENCES employee(id) ON DELETE RESTRICT,
    site             TEXT COLLATE "C" NOT NULL DEFAULT '',
    timezone         TEXT COLLATE "C" NOT NULL DEFAULT 'Europe/Paris',
    hire_date        TEXT COLLATE "C",                        -- ISO 8601 date
    program_role     TEXT COLLATE "C" NOT NULL DEFAULT 'none'
                     CHECK (program_role IN ('mentor', 'mentee', 'both', 'none')),
    adoption_profile TEXT COLLATE "C" CHECK (adoption_profile IN
                     ('categorical', 'allergic', 'curious', 'anxious', 'enthusiast', 'good_student', 'overwhelmed')),
    active           BIGINT NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    -- Lower-cased "first last email department title", kept by the store for search as you type.
    search_text      TEXT COLLATE "C" NOT NULL DEFAULT '',
    created_at       TEXT COLLATE "C" NOT NULL,
    updated_at       TEXT COLLATE "C" NOT NULL
);

-- SQLite: email ... COLLATE NOCASE UNIQUE.
CREATE UNIQUE INDEX employee_email_nocase ON employee (lower(email));

CREATE INDEX employee_manager ON employee(manager_id);
CREATE INDEX employee_department ON employee(department);
-- SQLite: (last_name COLLATE NOCASE, first_name COLLATE NOCASE).
CREATE INDEX employee_sort_name ON employee (lower(last_name), lower(first_name));

CREATE TABLE employee_language (
    employee_id TEXT COLLATE "C" NOT NULL REFERENCES employee(id) ON DELETE CASCADE,
    language    TEXT COLLATE "C" NOT NULL,                    -- ISO 639-1
    PRIMARY KEY (employee_id, language)
);

CREATE TABLE employee_interest (
    employee_id TEXT COLLATE "C" NOT NULL REFERENCES employee(id) ON DELETE CASCADE,
    interest    TEXT COLLATE "C" NOT NULL,                    -- lower-case tag
    PRIMARY KEY (employee_id, interest)
);

CREATE TABLE availability_slot (
    employee_id  TEXT COLLATE "C" NOT NULL REFERENCES employee(id) ON DELETE CASCADE,
    weekday      BIGINT NOT NULL CHECK (weekday BETWEEN 0 AND 6),      -- 0 = Monday
    start_minute BIGINT NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
    end_minute   BIGINT NOT NULL CHECK (end_minute BETWEEN 1 AND 1440),
    CHECK (end_minute > start_minute),
    PRIMARY KEY (employee_id, weekday, start_minute)
);

CREATE TABLE platform (
    id       TEXT COLLATE "C" PRIMARY KEY,                    -- slug, e.g. 'linkedin'
    name     TEXT COLLATE "C" NOT NULL UNIQUE,
    position BIGINT NOT NULL DEFAULT 0,
    active   BIGINT NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

CREATE TABLE topic (
    id          TEXT COLLATE "C" PRIMARY KEY,                 -- slug, e.g. 'linkedin.analytics'
    platform_id TEXT COLLATE "C" NOT NULL REFERENCES platform(id) ON DELETE RESTRICT,
    name_en     TEXT COLLATE "C" NOT NULL,
    name_fr     TEXT COLLATE "C" NOT NULL,
    position    BIGINT NOT NULL DEFAULT 0,
    active      BIGINT NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

CREATE INDEX topic_platform ON topic(platform_id, position);

CREATE TABLE skill_level (
    employee_id TEXT COLLATE "C" NOT NULL REFERENCES employee(id) ON DELETE CASCADE,
    topic_id    TEXT COLLATE "C" NOT NULL REFERENCES topic(id) ON DELETE RESTRICT,
    level       BIGINT NOT NULL CHECK (level BETWEEN 0 AND 4),
    target      BIGINT CHECK (target BETWEEN 0 AND 4),                  -- mentees' goal
    PRIMARY KEY (employee_id, topic_id)
);

CREATE INDEX skill_level_topic ON skill_level(topic_id, level);

-- Per-database preferences, e.g. the interface language.
CREATE TABLE app_setting (
    key   TEXT COLLATE "C" PRIMARY KEY,
    value TEXT COLLATE "C" NOT NULL
);
