//! The numbered schema migrations. Append only: a shipped migration is never edited.
//!
//! A migration whose new column needs Rust to fill it (text folding, say) gets a hook that runs in
//! the same transaction, right after its SQL.

use rusqlite::Transaction;
use rusqlite_migration::{HookResult, Migrations, M};

use crate::domain::text::employee_sort_name;

pub fn migrations() -> Migrations<'static> {
    Migrations::new(vec![
        M::up(include_str!("migrations/001_directory.sql")),
        M::up(include_str!("migrations/002_default_catalog.sql")),
        M::up(include_str!("migrations/003_directory_indexes.sql")),
        M::up(include_str!("migrations/004_programs.sql")),
        M::up(include_str!("migrations/005_sessions.sql")),
        M::up(include_str!("migrations/006_progress.sql")),
        M::up(include_str!("migrations/007_pair_approval.sql")),
        M::up(include_str!("migrations/008_progress_indexes.sql")),
        M::up_with_hook(
            include_str!("migrations/009_sort_name.sql"),
            fill_sort_names,
        ),
    ])
}

/// Writes `sort_name` for every employee stored before migration 009.
fn fill_sort_names(tx: &Transaction) -> HookResult {
    let names: Vec<(String, String, String)> = tx
        .prepare("SELECT id, first_name, last_name FROM employee")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<Result<_, _>>()?;
    let mut update = tx.prepare("UPDATE employee SET sort_name = ?2 WHERE id = ?1")?;
    for (id, first, last) in names {
        update.execute([id, employee_sort_name(&first, &last)])?;
    }
    Ok(())
}
