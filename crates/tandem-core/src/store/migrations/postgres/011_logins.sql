-- Who signs in: PostgreSQL form of ../011_logins.sql. The login that creates (or upgrades) the
-- team database becomes its first HR administrator: the first is the person who creates the
-- team database, and every later one is granted by an HR administrator.

CREATE TABLE tandem_login (
    login        TEXT COLLATE "C" PRIMARY KEY,
    employee_id  TEXT COLLATE "C" UNIQUE REFERENCES employee(id) ON DELETE SET NULL,
    hr_admin     BOOLEAN NOT NULL DEFAULT FALSE,
    created_at   TEXT COLLATE "C" NOT NULL
);

INSERT INTO tandem_login (login, hr_admin, created_at)
VALUES (session_user, TRUE, to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'));
