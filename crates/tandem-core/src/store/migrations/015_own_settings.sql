-- Nothing on a file: on the team database each login may now write only its own preferences
-- (postgres/015_own_settings.sql). A file has one user and no row-level security.
SELECT 1;
