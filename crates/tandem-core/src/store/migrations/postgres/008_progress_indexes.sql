-- Indexes for the progress screens (program dashboard, mentee page, manager view) at 100,000
-- sessions. PostgreSQL form of ../008_progress_indexes.sql: the same indexes.
CREATE INDEX session_pair_progress ON session(pair_id, status, starts_at, ends_at, id);

CREATE INDEX session_log_ratings ON session_log(session_id, mentee_rating, mentor_rating);
