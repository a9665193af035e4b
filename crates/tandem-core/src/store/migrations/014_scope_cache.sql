-- Nothing on a file: the team database keeps, per login, the sets of rows its row-level
-- security lets that login see (postgres/014_scope_cache.sql). A file has one user and no
-- row-level security.
SELECT 1;
