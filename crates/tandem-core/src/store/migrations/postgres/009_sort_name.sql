-- Names sort without regard to case or accents, as a French reader expects: "Éric Émond" comes
-- among the E's, not after Z.
--
-- PostgreSQL form of ../009_sort_name.sql. `sort_name` is written by the store (and filled for
-- existing rows by this migration's hook); its "C" collation keeps the U+0001 separator
-- significant, so "Roux" sorts before "Rouxel" as on SQLite. The department and title keys stay
-- `lower(col)`, the form `Connection::nocase` writes for PostgreSQL.

ALTER TABLE employee ADD COLUMN sort_name TEXT COLLATE "C" NOT NULL DEFAULT '';

DROP INDEX employee_sort_name;
DROP INDEX employee_active_by_name;
DROP INDEX employee_active_by_department;
DROP INDEX employee_active_by_title;
DROP INDEX employee_active_by_grade;

CREATE INDEX employee_sort_name ON employee (sort_name);
CREATE INDEX employee_active_by_name ON employee (sort_name, id) WHERE active = 1;
CREATE INDEX employee_active_by_department ON employee
    (lower(department), sort_name, id) WHERE active = 1;
CREATE INDEX employee_active_by_title ON employee
    (lower(title), sort_name, id) WHERE active = 1;
CREATE INDEX employee_active_by_grade ON employee (grade, sort_name, id) WHERE active = 1;
