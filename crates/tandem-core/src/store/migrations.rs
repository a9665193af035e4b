//! The numbered schema migrations. Append only: a shipped migration is never edited.

use rusqlite_migration::{Migrations, M};

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
    ])
}
