-- What of a learning log may leave the pair: the practice task, how the last one went, and the
-- summary. Managers and HR read logs through this view; the private notes and the ratings stay in
-- `session_log`, which only the pair's own screens read.
--
-- On the team database (PostgreSQL) the same view also filters rows by who is signed in, and
-- row-level security guards every table (postgres/012_row_security.sql). Here, on a file with one
-- user, it is a plain view.

CREATE VIEW session_shared AS
SELECT session_id, task_set, previous_task_outcome, summary FROM session_log;
