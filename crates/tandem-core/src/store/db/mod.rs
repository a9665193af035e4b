//! One connection type over the two engines Tandem runs on: SQLite (a file on this computer) and
//! PostgreSQL (the team's server).
//!
//! The API follows rusqlite's shape (`prepare_cached`, `query_row`, `query_map`, `Row::get`,
//! `params!`, `OptionalExtension`), so the store's queries read the same whichever engine answers.
//! SQL is written once, in the dialect both engines share, with SQLite's numbered placeholders
//! (`?1`, `?2`); on PostgreSQL they become `$1`, `$2`, and a few SQLite-only forms their
//! equivalents ([`postgres_sql`]). Where the
//! dialects part (set parameters, date arithmetic, case folding), the query asks
//! [`Connection::engine`] and writes each form.
//!
//! Values cross as [`Value`] / [`ValueRef`]: integers are 64-bit, reals 64-bit, text is UTF-8, and
//! the schema of both engines uses only those (flags are 0/1 integers), so a query never needs a
//! cast. PostgreSQL's `NUMERIC` (what `SUM` of integers returns) and `BOOLEAN` (what `EXISTS`
//! returns) are read as numbers too.
//!
//! To support another type: implement [`ToSql`] and [`FromSql`] here, nowhere else.

mod error;
mod pg;
mod value;

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

pub use error::{Error, FileProblem, Result};
pub use value::{FromSql, ToSql, Value, ValueRef};

/// Which engine a connection talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

/// A connection to a Tandem database on either engine.
pub struct Connection {
    inner: Inner,
    /// How many [`Connection::transaction`] calls are open; only the outermost begins and commits.
    depth: Cell<u32>,
}

enum Inner {
    Sqlite(rusqlite::Connection),
    Postgres(Box<PgConn>),
}

/// A PostgreSQL client with its prepared statements.
pub struct PgConn {
    client: RefCell<postgres::Client>,
    statements: RefCell<HashMap<String, postgres::Statement>>,
}

impl Connection {
    pub fn from_sqlite(conn: rusqlite::Connection) -> Self {
        Connection {
            inner: Inner::Sqlite(conn),
            depth: Cell::new(0),
        }
    }

    pub fn from_postgres(client: postgres::Client) -> Self {
        Connection {
            inner: Inner::Postgres(Box::new(PgConn {
                client: RefCell::new(client),
                statements: RefCell::new(HashMap::new()),
            })),
            depth: Cell::new(0),
        }
    }

    pub fn engine(&self) -> Engine {
        match self.inner {
            Inner::Sqlite(_) => Engine::Sqlite,
            Inner::Postgres(_) => Engine::Postgres,
        }
    }

    /// `expr` compared and sorted without regard to ASCII case: SQLite's `COLLATE NOCASE` (which its
    /// indexes know), PostgreSQL's `lower(…)` (its expression indexes use the same form).
    pub fn nocase(&self, expr: &str) -> String {
        match self.engine() {
            Engine::Sqlite => format!("{expr} COLLATE NOCASE"),
            // A parameter has no type of its own for `lower` to pick a variant by.
            Engine::Postgres if expr.starts_with('?') => format!("lower(CAST({expr} AS TEXT))"),
            Engine::Postgres => format!("lower({expr})"),
        }
    }

    /// The SQLite connection, for what only SQLite has (pragmas, the backup API).
    pub fn as_sqlite(&self) -> Option<&rusqlite::Connection> {
        match &self.inner {
            Inner::Sqlite(c) => Some(c),
            Inner::Postgres(_) => None,
        }
    }

    /// The SQLite connection, writable: the backup API restores into it.
    pub fn as_sqlite_mut(&mut self) -> Option<&mut rusqlite::Connection> {
        match &mut self.inner {
            Inner::Sqlite(c) => Some(c),
            Inner::Postgres(_) => None,
        }
    }

    /// Prepares `sql`, reusing the statement prepared for the same text before.
    pub fn prepare_cached(&self, sql: &str) -> Result<Statement<'_>> {
        match &self.inner {
            Inner::Sqlite(c) => Ok(Statement::Sqlite(c.prepare_cached(sql)?)),
            Inner::Postgres(pg) => Ok(Statement::Postgres {
                conn: pg,
                stmt: pg.prepare_cached(sql)?,
            }),
        }
    }

    /// Same as [`Connection::prepare_cached`]: statements are cheap to keep.
    pub fn prepare(&self, sql: &str) -> Result<Statement<'_>> {
        self.prepare_cached(sql)
    }

    pub fn execute<P: Params>(&self, sql: &str, params: P) -> Result<usize> {
        self.prepare_cached(sql)?.execute(params)
    }

    pub fn query_row<T, P: Params>(
        &self,
        sql: &str,
        params: P,
        f: impl FnOnce(&Row<'_>) -> Result<T>,
    ) -> Result<T> {
        self.prepare_cached(sql)?.query_row(params, f)
    }

    /// Runs several statements with no parameters (schema changes, `BEGIN`).
    pub fn execute_batch(&self, sql: &str) -> Result<()> {
        match &self.inner {
            Inner::Sqlite(c) => Ok(c.execute_batch(sql)?),
            Inner::Postgres(pg) => Ok(pg.client.borrow_mut().batch_execute(sql)?),
        }
    }

    /// Runs `f` in one transaction: committed when it returns `Ok`, rolled back otherwise (and on
    /// a panic). A transaction inside a transaction joins the outer one.
    pub fn transaction<T, E: From<Error>>(
        &self,
        f: impl FnOnce(&Connection) -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        if self.depth.get() > 0 {
            self.depth.set(self.depth.get() + 1);
            let guard = DepthGuard(&self.depth);
            let out = f(self);
            drop(guard);
            return out;
        }
        self.execute_batch("BEGIN")?;
        self.depth.set(1);
        let mut guard = RollbackGuard {
            conn: self,
            done: false,
        };
        let out = f(self);
        match out {
            Ok(value) => {
                guard.done = true;
                self.depth.set(0);
                if let Err(e) = self.execute_batch("COMMIT") {
                    // A failed COMMIT leaves PostgreSQL's transaction aborted: end it.
                    let _ = self.execute_batch("ROLLBACK");
                    return Err(e.into());
                }
                Ok(value)
            }
            Err(e) => Err(e), // the guard rolls back
        }
    }

    /// True when the server has closed the connection (never for a SQLite file).
    pub fn is_closed(&self) -> bool {
        match &self.inner {
            Inner::Sqlite(_) => false,
            Inner::Postgres(pg) => pg.client.try_borrow().is_ok_and(|c| c.is_closed()),
        }
    }

    /// True while a transaction is open.
    pub fn in_transaction(&self) -> bool {
        self.depth.get() > 0
    }
}

struct DepthGuard<'a>(&'a Cell<u32>);

impl Drop for DepthGuard<'_> {
    fn drop(&mut self) {
        self.0.set(self.0.get().saturating_sub(1));
    }
}

struct RollbackGuard<'a> {
    conn: &'a Connection,
    done: bool,
}

impl Drop for RollbackGuard<'_> {
    fn drop(&mut self) {
        if !self.done {
            self.conn.depth.set(0);
            // Nothing more can be done if even the rollback fails: the connection is gone, and
            // the server rolls back on its own.
            let _ = self.conn.execute_batch("ROLLBACK");
        }
    }
}

impl PgConn {
    fn prepare_cached(&self, sql: &str) -> Result<postgres::Statement> {
        if let Some(stmt) = self.statements.borrow().get(sql) {
            return Ok(stmt.clone());
        }
        let translated = postgres_sql(sql);
        let stmt = self.client.borrow_mut().prepare(&translated)?;
        self.statements
            .borrow_mut()
            .insert(sql.to_owned(), stmt.clone());
        Ok(stmt)
    }

    fn query(&self, stmt: &postgres::Statement, values: &[Value]) -> Result<Vec<postgres::Row>> {
        let params = pg::params(values);
        let refs: Vec<&(dyn postgres::types::ToSql + Sync)> = params
            .iter()
            .map(|p| p as &(dyn postgres::types::ToSql + Sync))
            .collect();
        Ok(self.client.borrow_mut().query(stmt, &refs)?)
    }

    /// Calls `f` on each row as it arrives from the server, without first collecting them all:
    /// for the whole-table walks, where holding every row at once costs more than reading it.
    fn for_each_row(
        &self,
        stmt: &postgres::Statement,
        values: &[Value],
        mut f: impl FnMut(&postgres::Row) -> Result<()>,
    ) -> Result<()> {
        use postgres::fallible_iterator::FallibleIterator;
        let params = pg::params(values);
        let mut client = self.client.borrow_mut();
        let mut rows = client.query_raw(stmt, params.iter())?;
        while let Some(row) = rows.next()? {
            f(&row)?;
        }
        Ok(())
    }

    fn execute(&self, stmt: &postgres::Statement, values: &[Value]) -> Result<usize> {
        let params = pg::params(values);
        let refs: Vec<&(dyn postgres::types::ToSql + Sync)> = params
            .iter()
            .map(|p| p as &(dyn postgres::types::ToSql + Sync))
            .collect();
        let n = self.client.borrow_mut().execute(stmt, &refs)?;
        Ok(usize::try_from(n).unwrap_or(usize::MAX))
    }
}

/// A prepared statement.
pub enum Statement<'c> {
    Sqlite(rusqlite::CachedStatement<'c>),
    Postgres {
        conn: &'c PgConn,
        stmt: postgres::Statement,
    },
}

impl Statement<'_> {
    /// The names of the columns a query returns, in order.
    pub fn column_names(&self) -> Vec<String> {
        match self {
            Statement::Sqlite(s) => s.column_names().into_iter().map(String::from).collect(),
            Statement::Postgres { stmt, .. } => {
                stmt.columns().iter().map(|c| c.name().to_owned()).collect()
            }
        }
    }

    /// Runs the statement; the number of rows changed.
    pub fn execute<P: Params>(&mut self, params: P) -> Result<usize> {
        let values = params.into_values()?;
        match self {
            Statement::Sqlite(s) => Ok(s.execute(rusqlite::params_from_iter(values.iter()))?),
            Statement::Postgres { conn, stmt } => conn.execute(stmt, &values),
        }
    }

    /// The first row mapped by `f`; [`Error::QueryReturnedNoRows`] when there is none.
    pub fn query_row<T, P: Params>(
        &mut self,
        params: P,
        f: impl FnOnce(&Row<'_>) -> Result<T>,
    ) -> Result<T> {
        let mut rows = self.query(params)?;
        match rows.next()? {
            Some(row) => f(&row),
            None => Err(Error::QueryReturnedNoRows),
        }
    }

    /// Every row mapped by `f`, as an iterator of results.
    pub fn query_map<T, P: Params, F: FnMut(&Row<'_>) -> Result<T>>(
        &mut self,
        params: P,
        f: F,
    ) -> Result<MappedRows<'_, F>> {
        Ok(MappedRows {
            rows: self.query(params)?,
            f,
        })
    }

    /// Calls `f` on every row, in the order the engine gives them; the first error stops the walk.
    /// On PostgreSQL the rows are streamed rather than collected first, so prefer this to
    /// [`Statement::query`] for walks over many rows.
    pub fn for_each_row<P: Params>(
        &mut self,
        params: P,
        mut f: impl FnMut(&Row<'_>) -> Result<()>,
    ) -> Result<()> {
        let values = params.into_values()?;
        match self {
            Statement::Sqlite(s) => {
                let mut rows = s.query(rusqlite::params_from_iter(values))?;
                while let Some(row) = rows.next()? {
                    f(&Row::Sqlite(row))?;
                }
                Ok(())
            }
            Statement::Postgres { conn, stmt } => {
                conn.for_each_row(stmt, &values, |row| f(&Row::Postgres(row)))
            }
        }
    }

    /// The rows, to walk with [`Rows::next`].
    pub fn query<P: Params>(&mut self, params: P) -> Result<Rows<'_>> {
        let values = params.into_values()?;
        match self {
            Statement::Sqlite(s) => Ok(Rows::Sqlite(s.query(rusqlite::params_from_iter(values))?)),
            Statement::Postgres { conn, stmt } => Ok(Rows::Postgres {
                rows: conn.query(stmt, &values)?,
                at: 0,
            }),
        }
    }
}

/// The rows a query returns.
pub enum Rows<'s> {
    Sqlite(rusqlite::Rows<'s>),
    Postgres { rows: Vec<postgres::Row>, at: usize },
}

impl Rows<'_> {
    /// The next row, or `None` after the last.
    #[allow(clippy::should_implement_trait)] // a lending iterator: each row borrows from `self`
    pub fn next(&mut self) -> Result<Option<Row<'_>>> {
        match self {
            Rows::Sqlite(rows) => Ok(rows.next()?.map(Row::Sqlite)),
            Rows::Postgres { rows, at } => {
                let row = rows.get(*at);
                *at += 1;
                Ok(row.map(Row::Postgres))
            }
        }
    }
}

/// The rows of [`Statement::query_map`], each mapped by its function.
pub struct MappedRows<'s, F> {
    rows: Rows<'s>,
    f: F,
}

impl<T, F: FnMut(&Row<'_>) -> Result<T>> Iterator for MappedRows<'_, F> {
    type Item = Result<T>;

    fn next(&mut self) -> Option<Result<T>> {
        let MappedRows { rows, f } = self;
        match rows.next() {
            Ok(Some(row)) => Some(f(&row)),
            Ok(None) => None,
            Err(e) => Some(Err(e)),
        }
    }
}

/// One row of a result.
#[derive(Clone, Copy)]
pub enum Row<'r> {
    Sqlite(&'r rusqlite::Row<'r>),
    Postgres(&'r postgres::Row),
}

impl<'r> Row<'r> {
    /// The value at `column` (from 0), converted to `T`.
    pub fn get<T: FromSql>(&self, column: usize) -> Result<T> {
        let value = self.get_ref(column)?;
        T::column_result(value).map_err(|message| Error::Conversion { column, message })
    }

    /// How many columns the row has.
    pub fn column_count(&self) -> usize {
        match *self {
            Row::Sqlite(row) => row.as_ref().column_count(),
            Row::Postgres(row) => row.len(),
        }
    }

    /// The value at `column`, or `None` past the last column.
    pub fn try_get_ref(&self, column: usize) -> Result<Option<ValueRef<'r>>> {
        if column >= self.column_count() {
            return Ok(None);
        }
        self.get_ref(column).map(Some)
    }

    /// The value at `column`, borrowed from the row.
    pub fn get_ref(&self, column: usize) -> Result<ValueRef<'r>> {
        match *self {
            Row::Sqlite(row) => Ok(ValueRef::from(row.get_ref(column)?)),
            Row::Postgres(row) => pg::value_at(row, column),
        }
    }
}

/// Parameters of a statement: `()`, an array, a slice of `&dyn ToSql` ([`params!`]), or
/// [`params_from_iter`].
pub trait Params {
    fn into_values(self) -> Result<Vec<Value>>;
}

impl Params for () {
    fn into_values(self) -> Result<Vec<Value>> {
        Ok(Vec::new())
    }
}

impl<T: ToSql, const N: usize> Params for [T; N] {
    fn into_values(self) -> Result<Vec<Value>> {
        self.iter().map(|v| v.to_value()).collect()
    }
}

impl<T: ToSql, const N: usize> Params for &[T; N] {
    fn into_values(self) -> Result<Vec<Value>> {
        self.iter().map(|v| v.to_value()).collect()
    }
}

impl<T: ToSql> Params for &[T] {
    fn into_values(self) -> Result<Vec<Value>> {
        self.iter().map(|v| v.to_value()).collect()
    }
}

impl<T: ToSql> Params for &Vec<T> {
    fn into_values(self) -> Result<Vec<Value>> {
        self.iter().map(|v| v.to_value()).collect()
    }
}

/// Parameters taken from an iterator, for a statement whose number of parameters varies.
pub struct ParamsFromIter<I>(I);

pub fn params_from_iter<I>(iter: I) -> ParamsFromIter<I>
where
    I: IntoIterator,
    I::Item: ToSql,
{
    ParamsFromIter(iter)
}

impl<I> Params for ParamsFromIter<I>
where
    I: IntoIterator,
    I::Item: ToSql,
{
    fn into_values(self) -> Result<Vec<Value>> {
        self.0.into_iter().map(|v| v.to_value()).collect()
    }
}

/// Parameters of mixed types: `params![id, name, 3]`.
macro_rules! params {
    () => {
        &[] as &[&dyn $crate::store::db::ToSql]
    };
    ($($param:expr),+ $(,)?) => {
        &[$(&$param as &dyn $crate::store::db::ToSql),+] as &[&dyn $crate::store::db::ToSql]
    };
}
pub(crate) use params;

/// `Result<T>` → `Result<Option<T>>`: no row is `None`, not an error.
pub trait OptionalExtension<T> {
    fn optional(self) -> Result<Option<T>>;
}

impl<T> OptionalExtension<T> for Result<T> {
    fn optional(self) -> Result<Option<T>> {
        match self {
            Ok(v) => Ok(Some(v)),
            Err(Error::QueryReturnedNoRows) => Ok(None),
            Err(Error::Sqlite(rusqlite::Error::QueryReturnedNoRows)) => Ok(None),
            Err(e) => Err(e),
        }
    }
}

/// The store's SQL, written for SQLite, as PostgreSQL reads it. Outside quoted text and comments:
/// - `?N` and `?` become `$N` (a bare `?` takes the number after the highest so far, as in
///   SQLite);
/// - `json_each(` becomes `json_array_elements_text(`: both yield a `value` column, so a set of
///   ids bound as one JSON array reads `IN (SELECT value FROM json_each(?1))` on either engine;
/// - `INDEXED BY name` and `NOT INDEXED`, SQLite planner hints, are dropped.
///
/// Anything else that differs (case folding, aggregates over booleans) is written per engine
/// where the query is.
pub fn postgres_sql(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len() + 16);
    let chars: Vec<char> = sql.chars().collect();
    let mut i = 0;
    let mut highest = 0u32;
    let word_at = |from: usize| -> (String, usize) {
        let mut end = from;
        while end < chars.len() && (chars[end].is_alphanumeric() || chars[end] == '_') {
            end += 1;
        }
        (chars[from..end].iter().collect(), end)
    };
    let skip_space = |mut at: usize| -> usize {
        while at < chars.len() && chars[at].is_whitespace() {
            at += 1;
        }
        at
    };
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\'' | '"' => {
                out.push(c);
                i += 1;
                while i < chars.len() {
                    out.push(chars[i]);
                    i += 1;
                    if chars[i - 1] == c {
                        break;
                    }
                }
            }
            '-' if chars.get(i + 1) == Some(&'-') => {
                while i < chars.len() && chars[i] != '\n' {
                    out.push(chars[i]);
                    i += 1;
                }
            }
            '?' => {
                let mut end = i + 1;
                while end < chars.len() && chars[end].is_ascii_digit() {
                    end += 1;
                }
                let digits: String = chars[i + 1..end].iter().collect();
                let n = digits.parse::<u32>().unwrap_or(highest + 1);
                highest = highest.max(n);
                out.push('$');
                out.push_str(&n.to_string());
                i = end;
            }
            c if c.is_alphabetic() || c == '_' => {
                let (word, end) = word_at(i);
                if word.eq_ignore_ascii_case("json_each") {
                    out.push_str("json_array_elements_text");
                    i = end;
                } else if word.eq_ignore_ascii_case("not")
                    && word_at(skip_space(end)).0.eq_ignore_ascii_case("indexed")
                {
                    i = word_at(skip_space(end)).1;
                } else if word.eq_ignore_ascii_case("indexed") {
                    let (by, after_by) = word_at(skip_space(end));
                    if by.eq_ignore_ascii_case("by") {
                        let (_, after_name) = word_at(skip_space(after_by));
                        i = after_name;
                    } else {
                        out.push_str(&word);
                        i = end;
                    }
                } else {
                    out.push_str(&word);
                    i = end;
                }
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_numbered_for_postgres_outside_quotes_and_comments() {
        assert_eq!(
            postgres_sql("SELECT a FROM t WHERE a = ?1 AND b = ?2 OR c = ?1"),
            "SELECT a FROM t WHERE a = $1 AND b = $2 OR c = $1"
        );
        assert_eq!(postgres_sql("VALUES (?, ?, ?)"), "VALUES ($1, $2, $3)");
        assert_eq!(
            postgres_sql("SELECT '?1', \"a?\" -- why?\n, ?3"),
            "SELECT '?1', \"a?\" -- why?\n, $3"
        );
    }

    #[test]
    fn sqlite_only_forms_become_their_postgres_equivalents() {
        assert_eq!(
            postgres_sql("x IN (SELECT value FROM json_each(?1))"),
            "x IN (SELECT value FROM json_array_elements_text($1))"
        );
        assert_eq!(
            postgres_sql("FROM s LEFT JOIN session_log l INDEXED BY session_log_ratings ON a"),
            "FROM s LEFT JOIN session_log l  ON a"
        );
        assert_eq!(
            postgres_sql("FROM employee e NOT INDEXED WHERE"),
            "FROM employee e  WHERE"
        );
        assert_eq!(
            postgres_sql("SELECT 'json_each(' AS indexed"),
            "SELECT 'json_each(' AS indexed"
        );
    }

    #[test]
    fn a_failed_transaction_leaves_nothing_and_a_nested_one_joins_the_outer(
    ) -> std::result::Result<(), Error> {
        let conn = Connection::from_sqlite(rusqlite::Connection::open_in_memory()?);
        conn.execute_batch("CREATE TABLE t (x INTEGER)")?;
        let failed: Result<()> = conn.transaction(|tx| {
            tx.execute("INSERT INTO t VALUES (?1)", [1])?;
            tx.transaction(|inner| inner.execute("INSERT INTO t VALUES (?1)", [2]))?;
            Err(Error::QueryReturnedNoRows)
        });
        assert!(failed.is_err());
        let count: i64 = conn.query_row("SELECT count(*) FROM t", (), |r| r.get(0))?;
        assert_eq!(count, 0);
        conn.transaction(|tx| tx.execute("INSERT INTO t VALUES (?1)", [3]))?;
        let count: i64 = conn.query_row("SELECT count(*) FROM t", (), |r| r.get(0))?;
        assert_eq!(count, 1);
        assert!(!conn.in_transaction());
        Ok(())
    }
}
