-- Names sort without regard to case or accents, as a French reader expects: "Éric Émond" comes
-- among the E's, not after Z (NOCASE folds ASCII letters only).
--
-- `sort_name` is fold(last_name) U+0001 fold(first_name) (`domain::text::employee_sort_name`), so
-- the last name decides first and "Roux" comes before "Rouxel". The store writes it with
-- `search_text` on every insert and update; this migration's hook fills it for existing rows.
-- The name indexes are rebuilt on it so the directory still reads its windows in index order.

ALTER TABLE employee ADD COLUMN sort_name TEXT NOT NULL DEFAULT '';

DROP INDEX employee_sort_name;
DROP INDEX employee_active_by_name;
DROP INDEX employee_active_by_department;
DROP INDEX employee_active_by_title;
DROP INDEX employee_active_by_grade;

CREATE INDEX employee_sort_name ON employee (sort_name);
CREATE INDEX employee_active_by_name ON employee (sort_name, id) WHERE active = 1;
CREATE INDEX employee_active_by_department ON employee
    (department COLLATE NOCASE, sort_name, id) WHERE active = 1;
CREATE INDEX employee_active_by_title ON employee
    (title COLLATE NOCASE, sort_name, id) WHERE active = 1;
CREATE INDEX employee_active_by_grade ON employee (grade, sort_name, id) WHERE active = 1;
