-- Sessions of approved pairs, what each one taught, and the charter acknowledgements.
--
-- Instants are stored in UTC as 'YYYY-MM-DDTHH:MM:SSZ' so that text order is time order; the
-- session's IANA time zone is kept beside them for display and for the calendar file.

CREATE TABLE session (
    id            TEXT PRIMARY KEY,                                    -- uuid, also the iCalendar UID
    pair_id       TEXT NOT NULL REFERENCES program_pair(id) ON DELETE RESTRICT,
    starts_at     TEXT NOT NULL,                                       -- UTC instant
    ends_at       TEXT NOT NULL,                                       -- UTC instant
    timezone      TEXT NOT NULL,                                       -- IANA zone it was planned in
    location      TEXT NOT NULL DEFAULT '',                            -- a room or a video link
    status        TEXT NOT NULL DEFAULT 'planned'
                  CHECK (status IN ('planned', 'held', 'cancelled', 'no_show')),
    -- Cancelled sessions: who cancelled (the mentor, the mentee, or NULL for HR) and why.
    cancelled_by  TEXT REFERENCES employee(id) ON DELETE RESTRICT,
    cancel_reason TEXT NOT NULL DEFAULT '',
    -- Sessions planned together by one "plan a series" action share this id.
    series_id     TEXT,
    -- iCalendar SEQUENCE: raised on every change an attendee must see (move, cancel).
    sequence      INTEGER NOT NULL DEFAULT 0 CHECK (sequence >= 0),
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    CHECK (ends_at > starts_at)
) STRICT;

CREATE INDEX session_pair_start ON session(pair_id, starts_at);
CREATE INDEX session_start ON session(starts_at);

-- Finding a person's sessions across programs (conflicts, My week) starts from their pairs.
CREATE INDEX program_pair_mentor_any ON program_pair(mentor_id);
CREATE INDEX program_pair_mentee_any ON program_pair(mentee_id);

-- The learning log written after a session: at most one per session.
CREATE TABLE session_log (
    session_id            TEXT PRIMARY KEY REFERENCES session(id) ON DELETE CASCADE,
    -- The practice task set for next time.
    task_set              TEXT NOT NULL DEFAULT '',
    -- The outcome of the task set at the previous session, when there was one.
    previous_task_outcome TEXT CHECK (previous_task_outcome IN ('done', 'partly', 'not_done')),
    -- Readable by the mentee's managers and HR.
    summary               TEXT NOT NULL DEFAULT '',
    -- Readable by the pair only; never leaves the pair's own screens.
    private_notes         TEXT NOT NULL DEFAULT '',
    mentee_rating         INTEGER CHECK (mentee_rating BETWEEN 1 AND 5),
    mentor_rating         INTEGER CHECK (mentor_rating BETWEEN 1 AND 5),
    created_at            TEXT NOT NULL,
    updated_at            TEXT NOT NULL
) STRICT;

-- Topics taught in a session, each with how deep it went.
CREATE TABLE session_topic (
    session_id TEXT NOT NULL REFERENCES session(id) ON DELETE CASCADE,
    topic_id   TEXT NOT NULL REFERENCES topic(id) ON DELETE RESTRICT,
    depth      TEXT NOT NULL CHECK (depth IN ('shown', 'practised', 'done_alone')),
    PRIMARY KEY (session_id, topic_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX session_topic_topic ON session_topic(topic_id);

-- The mentee's level per topic after a session (0..4), which the mentor confirms.
CREATE TABLE self_assessment (
    session_id   TEXT NOT NULL REFERENCES session(id) ON DELETE CASCADE,
    topic_id     TEXT NOT NULL REFERENCES topic(id) ON DELETE RESTRICT,
    level        INTEGER NOT NULL CHECK (level BETWEEN 0 AND 4),
    confirmed_at TEXT,                                                 -- NULL until the mentor confirms
    PRIMARY KEY (session_id, topic_id)
) STRICT, WITHOUT ROWID;

-- A participant's acknowledgement of the program's good-use charter, before their first session.
CREATE TABLE charter_acknowledgement (
    program_id      TEXT NOT NULL REFERENCES program(id) ON DELETE CASCADE,
    employee_id     TEXT NOT NULL REFERENCES employee(id) ON DELETE RESTRICT,
    acknowledged_at TEXT NOT NULL,
    PRIMARY KEY (program_id, employee_id)
) STRICT, WITHOUT ROWID;
