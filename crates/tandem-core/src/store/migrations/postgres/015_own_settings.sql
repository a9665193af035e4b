-- Who may write which setting. Everyone signed in reads every setting (the database's shared
-- values, which each person's own fall back to). A person writes only their own preferences,
-- stored under `key:login` (see settings.rs); the shared values and the import's remembered
-- mappings are HR's (the `hr` policy of 012_row_security.sql).
DROP POLICY everyone ON app_setting;
CREATE POLICY read ON app_setting FOR SELECT USING (TRUE);
CREATE POLICY own ON app_setting
    USING (right(key, length(session_user) + 1) = ':' || session_user)
    WITH CHECK (right(key, length(session_user) + 1) = ':' || session_user);
