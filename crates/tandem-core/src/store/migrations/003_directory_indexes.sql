-- Indexes for the directory list at tens of thousands of employees.
--
-- The list shows active employees by default, sorted by name, department, title or grade with ties
-- broken by name then id. These partial indexes hold exactly that order for active rows, so a window
-- deep in the list (OFFSET 10000) is read from the index without sorting the table, and facets read
-- departments and sites without a table scan.

CREATE INDEX employee_active_by_name ON employee
    (last_name COLLATE NOCASE, first_name COLLATE NOCASE, id) WHERE active = 1;
CREATE INDEX employee_active_by_department ON employee
    (department COLLATE NOCASE, last_name COLLATE NOCASE, first_name COLLATE NOCASE, id) WHERE active = 1;
CREATE INDEX employee_active_by_title ON employee
    (title COLLATE NOCASE, last_name COLLATE NOCASE, first_name COLLATE NOCASE, id) WHERE active = 1;
CREATE INDEX employee_active_by_grade ON employee
    (grade, last_name COLLATE NOCASE, first_name COLLATE NOCASE, id) WHERE active = 1;
CREATE INDEX employee_active_by_site ON employee (site) WHERE active = 1;
