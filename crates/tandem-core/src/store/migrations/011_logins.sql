-- Who signs in: each database login of a team database linked to the employee it belongs to, and
-- whether it is an HR administrator. The core reads the row of the signed-in login to know who
-- acts (`access` module); PostgreSQL's row-level security reads the same rows.
--
-- On this computer's file nobody signs in: the person at the keyboard is HR, and the table stays
-- empty. It exists here too so both engines have one schema (and a file moved to a team database
-- copies table for table). A login may have no employee: an HR administrator who does not take
-- part, such as the person who created the team database.

CREATE TABLE tandem_login (
    login        TEXT PRIMARY KEY,
    employee_id  TEXT UNIQUE REFERENCES employee(id) ON DELETE SET NULL,
    hr_admin     INTEGER NOT NULL DEFAULT 0 CHECK (hr_admin IN (0, 1)),
    created_at   TEXT NOT NULL
);
