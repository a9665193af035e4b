-- Sessions of approved pairs, what each one taught, and the charter acknowledgements.
--
-- Instants are stored in UTC as 'YYYY-MM-DDTHH:MM:SSZ' so that text order is time order; the
-- session's IANA time zone is kept beside them for display and for the calendar file.
--
-- PostgreSQL form of ../005_sessions.sql: INTEGER is BIGINT, TEXT is TEXT COLLATE "C" (so text
-- order of instants is byte order, as in SQLite); no STRICT or WITHOUT ROWID. Nothing else differs.

CREATE TABLE session (
    id            TEXT COLLATE "C" PRIMARY KEY,                        -- uuid, also the iCalendar UID
    pair_id       TEXT COLLATE "C" NOT NULL REFERENCES program_pair(id) ON DELETE RESTRICT,
    starts_at     TEXT COLLATE "C" NOT NULL,                           -- UTC instant
    ends_at       TEXT COLLATE "C" NOT NULL,                           -- UTC instant
    timezone      TEXT COLLATE "C" NOT NULL,                           -- IANA zone it was planned in
    location      TEXT COLLATE "C" NOT NULL DEFAULT '',                -- a room or a video link
    status        TEXT COLLATE "C" NOT NULL DEFAULT 'planned'
                  CHECK (status IN ('planned', 'held', 'cancelled', 'no_show')),
    -- Cancelled sessions: who cancelled (the mentor, the mentee, or NULL for HR) and why.
    cancelled_by  TEXT COLLATE "C" REFERENCES employee(id) ON DELETE RESTRICT,
    cancel_reason TEXT COLLATE "C" NOT NULL DEFAULT '',
    -- Sessions planned together by one "plan a series" action share this id.
    series_id     TEXT COLLATE "C",
    -- iCalendar SEQUENCE: raised on every change an attendee must see (move, cancel).
    sequence      BIGINT NOT NULL DEFAULT 0 CHECK (sequence >= 0),
    created_at    TEXT COLLATE "C" NOT NULL,
    updated_at    TEXT COLLATE "C" NOT NULL,
    CHECK (ends_at > starts_at)
);

CREATE INDEX session_pair_start ON session(pair_id, starts_at);
CREATE INDEX session_start ON session(starts_at);

-- Finding a person's sessions across programs (conflicts, My week) starts from their pairs.
CREATE INDEX program_pair_mentor_any ON program_pair(mentor_id);
CREATE INDEX program_pair_mentee_any ON program_pair(mentee_id);

-- The learning log written after a session: at most one per session.
CREATE TABLE session_log (
    session_id            TEXT COLLATE "C" PRIMARY KEY REFERENCES session(id) ON DELETE CASCADE,
    -- The practice task set for next time.
    task_set              TEXT COLLATE "C" NOT NULL DEFAULT '',
    -- The outcome of the task set at the previous session, when there was one.
    previous_task_outcome TEXT COLLATE "C" CHECK (previous_task_outcome IN ('done', 'partly', 'not_done')),
    -- Readable by the mentee's managers and HR.
    summary               TEXT COLLATE "C" NOT NULL DEFAULT '',
    -- Readable by the pair only; never leaves the pair's own screens.
    private_notes         TEXT COLLATE "C" NOT NULL DEFAULT '',
    mentee_rating         BIGINT CHECK (mentee_rating BETWEEN 1 AND 5),
    mentor_rating         BIGINT CHECK (mentor_rating BETWEEN 1 AND 5),
    created_at            TEXT COLLATE "C" NOT NULL,
    updated_at            TEXT COLLATE "C" NOT NULL
);

-- Topics taught in a session, each with how deep it went.
CREATE TABLE session_topic (
    session_id TEXT COLLATE "C" NOT NULL REFERENCES session(id) ON DELETE CASCADE,
    topic_id   TEXT COLLATE "C" NOT NULL REFERENCES topic(id) ON DELETE RESTRICT,
    depth      TEXT COLLATE "C" NOT NULL CHECK (depth IN ('shown', 'practised', 'done_alone')),
    PRIMARY KEY (session_id, topic_id)
);

CREATE INDEX session_topic_topic ON session_topic(topic_id);

-- The mentee's level per topic after a session (0..4), which the mentor confirms.
CREATE TABLE self_assessment (
    session_id   TEXT COLLATE "C" NOT NULL REFERENCES session(id) ON DELETE CASCADE,
    topic_id     TEXT COLLATE "C" NOT NULL REFERENCES topic(id) ON DELETE RESTRICT,
    level        BIGINT NOT NULL CHECK (level BETWEEN 0 AND 4),
    confirmed_at TEXT COLLATE "C",                                     -- NULL until the mentor confirms
    PRIMARY KEY (session_id, topic_id)
);

-- A participant's acknowledgement of the program's good-use charter, before their first session.
CREATE TABLE charter_acknowledgement (
    program_id      TEXT COLLATE "C" NOT NULL REFERENCES program(id) ON DELETE CASCADE,
    employee_id     TEXT COLLATE "C" NOT NULL REFERENCES employee(id) ON DELETE RESTRICT,
    acknowledged_at TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (program_id, employee_id)
);
