//! Where the database lives, and opening it (with the demo company on first launch).

use std::path::{Path, PathBuf};

use tandem_core::{demo, Store};

/// Environment variable that points Tandem at a database file.
pub const DB_ENV: &str = "TANDEM_DB";

/// The file name inside the app data directory.
const DB_FILE: &str = "tandem.sqlite";

/// `--db PATH` (or `--db=PATH`) from the command line, else `TANDEM_DB`, else `None`.
pub fn requested_path(args: &[String], env: Option<String>) -> Result<Option<PathBuf>, String> {
    let mut iter = args.iter().skip(1);
    while let Some(arg) = iter.next() {
        if arg == "--db" {
            return match iter.next() {
                Some(path) if !path.is_empty() => Ok(Some(PathBuf::from(path))),
                _ => Err("--db needs a file path, e.g. --db tandem.sqlite".to_owned()),
            };
        }
        if let Some(path) = arg.strip_prefix("--db=") {
            return Ok(Some(PathBuf::from(path)));
        }
    }
    Ok(env.filter(|v| !v.is_empty()).map(PathBuf::from))
}

pub fn default_path(app_data_dir: &Path) -> PathBuf {
    app_data_dir.join(DB_FILE)
}

/// Opens the database at `path`, creating its folder; a new file gets the demo company and its
/// program under way.
pub fn open(path: &Path) -> Result<Store, String> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create the folder {}: {e}", dir.display()))?;
    }
    let is_new = !path.exists();
    let mut store = Store::open(path)
        .map_err(|e| format!("cannot open the database {}: {e}", path.display()))?;
    if is_new {
        demo::load_first_launch_demo(&mut store)
            .map_err(|e| format!("cannot load the demo data into {}: {e}", path.display()))?;
    }
    Ok(store)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        std::iter::once("tandem")
            .chain(list.iter().copied())
            .map(String::from)
            .collect()
    }

    #[test]
    fn the_db_argument_wins_over_the_environment() {
        let path = requested_path(&args(&["--db", "a.sqlite"]), Some("b.sqlite".into()));
        assert_eq!(path, Ok(Some(PathBuf::from("a.sqlite"))));
        let path = requested_path(&args(&["--db=c.sqlite"]), None);
        assert_eq!(path, Ok(Some(PathBuf::from("c.sqlite"))));
    }

    #[test]
    fn the_environment_is_used_without_an_argument() {
        assert_eq!(
            requested_path(&args(&[]), Some("b.sqlite".into())),
            Ok(Some(PathBuf::from("b.sqlite")))
        );
        assert_eq!(requested_path(&args(&[]), None), Ok(None));
    }

    #[test]
    fn a_db_argument_without_a_path_is_an_error() {
        assert!(requested_path(&args(&["--db"]), None).is_err());
    }

    #[test]
    fn a_new_database_opens_on_the_demo_company_and_an_existing_one_is_kept() -> Result<(), String>
    {
        let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
        let path = dir.path().join("nested").join("t.sqlite");
        let store = open(&path)?;
        let facets = tandem_core::directory::directory_facets(&store).map_err(|e| e.to_string())?;
        assert!(facets.active_count > 100);
        drop(store);
        // Reopening must not load the demo a second time (that would be refused as a conflict).
        let store = open(&path)?;
        let again = tandem_core::directory::directory_facets(&store).map_err(|e| e.to_string())?;
        assert_eq!(again.active_count, facets.active_count);
        Ok(())
    }
}
