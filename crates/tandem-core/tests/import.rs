//! The HR CSV import, end to end on an in-memory database: stage, preview, commit.

use tandem_core::import::{self, ImportOutcome, Progress};
use tandem_core::{CoreResult, Store};

fn no_progress() -> impl FnMut(Progress) {
    |_| {}
}

fn import_all(store: &mut Store, name: &str, bytes: &[u8]) -> CoreResult<ImportOutcome> {
    let staged = import::stage(name, bytes)?;
    import::commit(store, &staged, &mut no_progress())
}

#[test]
fn a_small_comma_file_creates_its_employees_with_their_manager() -> CoreResult<()> {
    let mut store = Store::open_in_memory()?;
    let csv = "Employee ID,First Name,Last Name,Email,Manager ID\n\
               E1,Claire,Moreau,claire.moreau@example.fr,\n\
               E2,Hugo,Lefebvre,hugo.lefebvre@example.fr,E1\n";
    let staged = import::stage("hr.csv", csv.as_bytes())?;
    let preview = import::preview(&store, &staged, &mut no_progress())?;
    assert_eq!(preview.counts.new, 2);
    assert!(preview.rejected.is_empty(), "{:?}", preview.rejected);
    let outcome = import_all(&mut store, "hr.csv", csv.as_bytes())?;
    assert_eq!(outcome.created, 2);
    let again = import_all(&mut store, "hr.csv", csv.as_bytes())?;
    assert_eq!(again.unchanged, 2);
    Ok(())
}
