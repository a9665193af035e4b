-- Indexes for the progress screens (program dashboard, mentee page, manager view) at 100,000
-- sessions.
--
-- Every progress query walks a pair's sessions and keeps those of one status, then reads their
-- times, and for held sessions joins the log and topics by session id. With these columns in one
-- index, that walk never touches the session rows (checked with EXPLAIN QUERY PLAN: "USING
-- COVERING INDEX session_pair_progress").
CREATE INDEX session_pair_progress ON session(pair_id, status, starts_at, ends_at, id);

-- The dashboard averages the ratings of every held session's log: read from the index alone.
CREATE INDEX session_log_ratings ON session_log(session_id, mentee_rating, mentor_rating);
