-- Indexes for the directory list at tens of thousands of employees.
--
-- The list shows active employees by default, sorted by name, department, title or grade with ties
-- broken by name then id. These partial indexes hold exactly that order for active rows, so a window
-- deep in the list (OFFSET 10000) is read from the index without sorting the table, and facets read
-- departments and sites without a table scan.
--
-- PostgreSQL form of ../003_directory_indexes.sql. PostgreSQL has no NOCASE collation: every
-- `col COLLATE NOCASE` key of SQLite is the expression `lower(col)` here (lower() on a "C" column
-- folds ASCII letters only, as NOCASE does). To be read in index order, a query sorts by the same
-- expressions:
--   employee_active_by_name        (lower(last_name), lower(first_name), id)             WHERE active = 1
--   employee_active_by_department  (lower(department), lower(last_name), lower(first_name), id) WHERE active = 1
--   employee_active_by_title       (lower(title), lower(last_name), lower(first_name), id)      WHERE active = 1
--   employee_active_by_grade       (grade, lower(last_name), lower(first_name), id)      WHERE active = 1
-- (009 replaces the name keys by sort_name.) employee_active_by_site has no NOCASE key.

CREATE INDEX employee_active_by_name ON employee
    (lower(last_name), lower(first_name), id) WHERE active = 1;
CREATE INDEX employee_active_by_department ON employee
    (lower(department), lower(last_name), lower(first_name), id) WHERE active = 1;
CREATE INDEX employee_active_by_title ON employee
    (lower(title), lower(last_name), lower(first_name), id) WHERE active = 1;
CREATE INDEX employee_active_by_grade ON employee
    (grade, lower(last_name), lower(first_name), id) WHERE active = 1;
CREATE INDEX employee_active_by_site ON employee (site) WHERE active = 1;
