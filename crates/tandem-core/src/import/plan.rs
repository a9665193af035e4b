//! Deciding what an import does: rules across rows (duplicates, managers, reporting cycles) and the
//! comparison with the directory that sorts valid rows into new, updated and unchanged.
//!
//! Everything here is in memory and writes nothing, so preview and commit run the same code and can
//! never disagree. The order of the rules matters and is the order of [`analyse`]: per-row problems,
//! duplicates in the file, emails taken in Tandem, managers, then the fixpoint of "a row whose manager
//! is rejected is rejected" and "every row on a reporting cycle is rejected". A new rule goes where
//! it can use the rejections before it; write its test in `tests/import.rs`.

use std::collections::HashMap;

use uuid::Uuid;

use super::explain::{field_changes, offending_value};
use super::mapping::ImportField;
use super::merge::{merged, new_employee};
use super::row::{identity, name_in_file, read_row, ManagerRef, RowDraft, RowProblem};
use super::{
    EmployeeChange, MissingEmployee, Phase, Progress, RejectReason, RejectedRow, RowDetail,
    RowDetailKey, StagedImport,
};
use crate::store::import::{EmployeeUpdate, StoredEmployee};

/// Everything preview shows and commit writes.
pub(crate) struct Analysis {
    pub total_rows: usize,
    pub rejected: Vec<RejectedRow>,
    pub inserts: Vec<StoredEmployee>,
    pub updates: Vec<EmployeeUpdate>,
    pub unchanged: usize,
    pub missing: Vec<MissingEmployee>,
    /// Every update, field by field, in file order.
    pub changes: Vec<EmployeeChange>,
}

/// Calls the progress callback about once per percent: often enough for a bar, cheap for 50k rows.
pub(crate) struct Ticker<'p> {
    progress: &'p mut dyn FnMut(Progress),
    phase: Phase,
    total: usize,
    step: usize,
    next: usize,
}

impl<'p> Ticker<'p> {
    pub(crate) fn start(progress: &'p mut dyn FnMut(Progress), phase: Phase, total: usize) -> Self {
        progress(Progress {
            phase,
            done: 0,
            total,
        });
        let step = (total / 100).max(1);
        Ticker {
            progress,
            phase,
            total,
            step,
            next: step,
        }
    }

    pub(crate) fn tick(&mut self, done: usize) {
        if done >= self.next || done == self.total {
            (self.progress)(Progress {
                phase: self.phase,
                done,
                total: self.total,
            });
            self.next = done + self.step;
        }
    }
}

/// Where a row's manager was found.
#[derive(Debug, Clone, Copy)]
enum Target {
    /// Another row of the file (by index).
    Row(usize),
    /// An employee already in Tandem (by index in the snapshot).
    Existing(usize),
}

/// What each row is, read once and then left alone.
struct Rows {
    /// Spreadsheet rows (what messages name) and text lines, per record.
    rows: Vec<u64>,
    lines: Vec<u64>,
    ids: Vec<String>,
    drafts: Vec<Option<RowDraft>>,
}

/// Why a row is rejected: its reason, the English sentence and the details the UI words.
type Rejection = (RejectReason, String, Vec<RowDetail>);

/// Which rows are rejected so far, and why; rejections only ever get added.
struct Verdicts(Vec<Option<Rejection>>);

impl Verdicts {
    fn is_valid(&self, i: usize) -> bool {
        self.0[i].is_none()
    }

    /// Rejects row `i` unless it already is; true when this call rejected it.
    fn reject(
        &mut self,
        i: usize,
        reason: RejectReason,
        message: String,
        detail: RowDetail,
    ) -> bool {
        if self.0[i].is_some() {
            return false;
        }
        self.0[i] = Some((reason, message, vec![detail]));
        true
    }
}

impl Rows {
    fn valid_draft<'r>(&'r self, verdicts: &Verdicts, i: usize) -> Option<&'r RowDraft> {
        if verdicts.is_valid(i) {
            self.drafts[i].as_ref()
        } else {
            None
        }
    }
}

pub(crate) fn analyse(
    staged: &StagedImport,
    existing: &[StoredEmployee],
    progress: &mut dyn FnMut(Progress),
) -> Analysis {
    let columns = staged.mapping.columns_by_field();
    let n = staged.records.len();
    let header_len = staged.headers.len();

    // 1. Each row on its own.
    let mut rows = Rows {
        rows: Vec::with_capacity(n),
        lines: Vec::with_capacity(n),
        ids: Vec::with_capacity(n),
        drafts: Vec::with_capacity(n),
    };
    let mut verdicts = Verdicts(Vec::with_capacity(n));
    let mut emails: Vec<String> = Vec::with_capacity(n);
    {
        let mut ticker = Ticker::start(progress, Phase::Reading, n);
        for (i, record) in staged.records.iter().enumerate() {
            let (id, email) = identity(record, &columns);
            rows.rows.push(record.row);
            rows.lines.push(record.line);
            rows.ids.push(id);
            emails.push(email);
            match read_row(record, &columns, header_len) {
                Ok(draft) => {
                    rows.drafts.push(Some(draft));
                    verdicts.0.push(None);
                }
                Err(RowProblem {
                    reason,
                    message,
                    details,
                }) => {
                    rows.drafts.push(None);
                    verdicts.0.push(Some((reason, message, details)));
                }
            }
            ticker.tick(i + 1);
        }
    }

    let mut ticker = Ticker::start(progress, Phase::Checking, n);

    // 2. Duplicates in the file: the first occurrence wins, later ones name it.
    let mut row_by_id: HashMap<&str, usize> = HashMap::with_capacity(n);
    let mut row_by_email: HashMap<&str, usize> = HashMap::with_capacity(n);
    let mut duplicates: Vec<(usize, RejectReason, String, RowDetail)> = Vec::new();
    // Rows with the wrong field count take part too: the same person on a broken line and a good
    // one is still a duplicate, and a report whose manager's line is broken is told so.
    for (i, (id, email)) in rows.ids.iter().zip(&emails).enumerate() {
        let (id, email) = (id.as_str(), email.as_str());
        if !id.is_empty() {
            if let Some(&first) = row_by_id.get(id) {
                duplicates.push((
                    i,
                    RejectReason::DuplicateId,
                    format!("HR id '{id}' already appears on row {}", rows.rows[first]),
                    RowDetail::new(RowDetailKey::DuplicateIdInFile)
                        .with("id", id)
                        .with("line", rows.rows[first]),
                ));
            } else {
                row_by_id.insert(id, i);
            }
        }
        if !email.is_empty() {
            if let Some(&first) = row_by_email.get(email) {
                duplicates.push((
                    i,
                    RejectReason::DuplicateEmail,
                    format!(
                        "email '{email}' already appears on row {}",
                        rows.rows[first]
                    ),
                    RowDetail::new(RowDetailKey::DuplicateEmailInFile)
                        .with("email", email)
                        .with("line", rows.rows[first]),
                ));
            } else {
                row_by_email.insert(email, i);
            }
        }
    }
    for (i, reason, message, detail) in duplicates {
        verdicts.reject(i, reason, message, detail);
    }

    // 3. Emails that belong to someone else in Tandem, as it is before the import. Judging against
    // the stored state keeps every write free of transient unique-key clashes; the price is that two
    // people swapping addresses in one file are both rejected (rare: import once with a new address).
    let existing_by_id: HashMap<&str, usize> = existing
        .iter()
        .enumerate()
        .map(|(k, e)| (e.external_id.as_str(), k))
        .collect();
    let existing_by_email: HashMap<String, usize> = existing
        .iter()
        .enumerate()
        .map(|(k, e)| (e.email.to_lowercase(), k))
        .collect();
    let existing_by_uuid: HashMap<&str, usize> = existing
        .iter()
        .enumerate()
        .map(|(k, e)| (e.id.as_str(), k))
        .collect();
    for i in 0..n {
        let Some(row) = rows.valid_draft(&verdicts, i) else {
            continue;
        };
        if let Some(&k) = existing_by_email.get(row.draft.email.as_str()) {
            let owner = &existing[k];
            if owner.external_id != row.draft.external_id {
                let message = format!(
                    "email '{}' already belongs to {} {} (HR id '{}') in Tandem",
                    row.draft.email, owner.first_name, owner.last_name, owner.external_id
                );
                let detail = RowDetail::new(RowDetailKey::EmailOwned)
                    .with("email", &row.draft.email)
                    .with("owner", format!("{} {}", owner.first_name, owner.last_name))
                    .with("owner_id", &owner.external_id);
                verdicts.reject(i, RejectReason::DuplicateEmail, message, detail);
            }
        }
    }

    // 4. Managers: found in the file first, then in Tandem.
    let mut targets: Vec<Option<Target>> = vec![None; n];
    let mut dependents: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, target) in targets.iter_mut().enumerate() {
        let Some(row) = rows.valid_draft(&verdicts, i) else {
            continue;
        };
        let Some(manager) = &row.manager else {
            continue;
        };
        let own_id = row.draft.external_id.as_str();
        let own_email = row.draft.email.as_str();
        let (in_file, in_tandem) = match manager {
            ManagerRef::ExternalId(id) => (
                row_by_id.get(id.as_str()).copied(),
                existing_by_id.get(id.as_str()).copied(),
            ),
            ManagerRef::Email(email) => (
                row_by_email.get(email.as_str()).copied(),
                existing_by_email.get(email.as_str()).copied(),
            ),
        };
        let is_self = match manager {
            ManagerRef::ExternalId(id) => id == own_id,
            ManagerRef::Email(email) => email == own_email,
        } || in_file == Some(i)
            || (in_file.is_none() && in_tandem.is_some_and(|k| existing[k].external_id == own_id));
        if is_self {
            let message = format!("this person is named as their own manager ({manager})");
            let detail = RowDetail::new(RowDetailKey::SelfManager).with("manager", manager.value());
            verdicts.reject(i, RejectReason::SelfManager, message, detail);
            continue;
        }
        match (in_file, in_tandem) {
            (Some(j), _) => {
                *target = Some(Target::Row(j));
                dependents.entry(j).or_default().push(i);
            }
            (None, Some(k)) => *target = Some(Target::Existing(k)),
            (None, None) => {
                let message = format!("manager {manager} is neither in this file nor in Tandem");
                let detail =
                    RowDetail::new(RowDetailKey::ManagerUnknown).with("manager", manager.value());
                verdicts.reject(i, RejectReason::UnknownManager, message, detail);
            }
        }
    }

    // 5. Fixpoint: rejected managers reject their reports; cycles reject their rows.
    let mut newly_rejected: Vec<usize> = (0..n).filter(|&i| !verdicts.is_valid(i)).collect();
    loop {
        propagate(&rows, &mut verdicts, &dependents, newly_rejected);
        newly_rejected = reject_cycles(
            &rows,
            &mut verdicts,
            &targets,
            existing,
            &existing_by_id,
            &existing_by_uuid,
        );
        if newly_rejected.is_empty() {
            break;
        }
    }

    // 6. Compare with Tandem. Valid rows get their final id first so managers can point at them;
    // new rows are visited managers first (see `managers_first`) and get ascending fresh uuids in
    // that order.
    let is_new: Vec<bool> = (0..n)
        .map(|i| {
            rows.valid_draft(&verdicts, i)
                .is_some_and(|row| !existing_by_id.contains_key(row.draft.external_id.as_str()))
        })
        .collect();
    let insert_order = managers_first(&is_new, &targets, |i| {
        rows.drafts[i].as_ref().map_or_else(String::new, |row| {
            format!(
                "{}\u{1f}{}",
                row.draft.last_name.to_lowercase(),
                row.draft.first_name.to_lowercase()
            )
        })
    });
    let mut fresh: Vec<Uuid> = insert_order.iter().map(|_| Uuid::new_v4()).collect();
    fresh.sort_unstable();
    let mut row_uuid: Vec<Option<String>> = (0..n)
        .map(|i| {
            rows.valid_draft(&verdicts, i).and_then(|row| {
                existing_by_id
                    .get(row.draft.external_id.as_str())
                    .map(|&k| existing[k].id.clone())
            })
        })
        .collect();
    for (&i, uuid) in insert_order.iter().zip(&fresh) {
        row_uuid[i] = Some(uuid.to_string());
    }
    let manager_mapped =
        columns.has(ImportField::ManagerExternalId) || columns.has(ImportField::ManagerEmail);
    let mut inserts: Vec<Option<StoredEmployee>> = vec![None; n];
    let mut updates = Vec::new();
    let mut changes = Vec::new();
    let mut unchanged = 0usize;
    // Managers are shown by HR id: Tandem's ids of the directory and of the file's new rows.
    let mut hr_id_of: HashMap<&str, &str> = existing
        .iter()
        .map(|e| (e.id.as_str(), e.external_id.as_str()))
        .collect();
    for (uuid, id) in row_uuid.iter().zip(&rows.ids) {
        if let Some(uuid) = uuid {
            hr_id_of.insert(uuid.as_str(), id.as_str());
        }
    }
    for i in 0..n {
        ticker.tick(i + 1);
        let (Some(row), Some(id)) = (rows.valid_draft(&verdicts, i), &row_uuid[i]) else {
            continue;
        };
        let manager_id = targets[i].and_then(|t| match t {
            Target::Row(j) => row_uuid[j].clone(),
            Target::Existing(k) => Some(existing[k].id.clone()),
        });
        match existing_by_id.get(row.draft.external_id.as_str()) {
            None => inserts[i] = Some(new_employee(id.clone(), row, manager_id)),
            Some(&k) => {
                let before = &existing[k];
                let after = merged(before, row, &columns, manager_mapped, manager_id);
                if &after == before {
                    unchanged += 1;
                } else {
                    changes.push(EmployeeChange {
                        external_id: after.external_id.clone(),
                        first_name: after.first_name.clone(),
                        last_name: after.last_name.clone(),
                        changes: field_changes(before, &after, &hr_id_of),
                    });
                    updates.push(EmployeeUpdate {
                        languages_changed: after.languages != before.languages,
                        interests_changed: after.interests != before.interests,
                        employee: after,
                    });
                }
            }
        }
    }

    // 7. Who Tandem has and the file does not mention at all.
    let mentioned: std::collections::HashSet<&str> = rows.ids.iter().map(String::as_str).collect();
    let mut missing: Vec<MissingEmployee> = existing
        .iter()
        .filter(|e| e.active && !mentioned.contains(e.external_id.as_str()))
        .map(|e| MissingEmployee {
            id: e.id.clone(),
            external_id: e.external_id.clone(),
            first_name: e.first_name.clone(),
            last_name: e.last_name.clone(),
            title: e.title.clone(),
            department: e.department.clone(),
        })
        .collect();
    missing.sort_by(|a, b| {
        (a.last_name.to_lowercase(), a.first_name.to_lowercase())
            .cmp(&(b.last_name.to_lowercase(), b.first_name.to_lowercase()))
    });

    let rejected = (0..n)
        .filter_map(|i| {
            verdicts.0[i]
                .as_ref()
                .map(|(reason, message, details)| RejectedRow {
                    row: rows.rows[i],
                    line: rows.lines[i],
                    external_id: Some(rows.ids[i].clone()).filter(|id| !id.is_empty()),
                    name: name_in_file(&staged.records[i], &columns),
                    value: offending_value(&staged.records[i], &columns, *reason, details),
                    reason: *reason,
                    message: message.clone(),
                    details: details.clone(),
                })
        })
        .collect();

    Analysis {
        total_rows: n,
        rejected,
        inserts: insert_order
            .iter()
            .filter_map(|&i| inserts[i].take())
            .collect(),
        updates,
        unchanged,
        missing,
        changes,
    }
}

/// The new rows (`is_new`) in an order where each one's manager, when also new, comes first, so
/// each insert can carry its manager and satisfy the foreign key at once: a second pass of updates
/// once every id exists doubled the cost of a large import. Rows go level by level down the
/// hierarchy, each level sorted by name (`name_key`): the name indexes then grow mostly at their end,
/// which makes a 50,000-row insert about a third faster than file order. Valid rows hold no cycle,
/// so every new row is reached; one that were not would be appended and fail the foreign key,
/// rolling the import back, rather than loop.
fn managers_first(
    is_new: &[bool],
    targets: &[Option<Target>],
    name_key: impl Fn(usize) -> String,
) -> Vec<usize> {
    let n = is_new.len();
    let mut reports: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut level: Vec<usize> = Vec::new();
    for i in (0..n).filter(|&i| is_new[i]) {
        match targets[i] {
            Some(Target::Row(j)) if is_new[j] => reports[j].push(i),
            _ => level.push(i),
        }
    }
    let mut order: Vec<usize> = Vec::with_capacity(n);
    while !level.is_empty() {
        level.sort_by_cached_key(|&i| name_key(i));
        order.extend_from_slice(&level);
        level = level
            .iter()
            .flat_map(|&manager| reports[manager].iter().copied())
            .collect();
    }
    if order.len() < is_new.iter().filter(|&&b| b).count() {
        let mut placed = vec![false; n];
        for &i in &order {
            placed[i] = true;
        }
        order.extend((0..n).filter(|&i| is_new[i] && !placed[i]));
    }
    order
}

/// Rejects, transitively, every valid row whose manager's row is rejected.
fn propagate(
    rows: &Rows,
    verdicts: &mut Verdicts,
    dependents: &HashMap<usize, Vec<usize>>,
    start: Vec<usize>,
) {
    let mut work = start;
    while let Some(j) = work.pop() {
        let Some(reports) = dependents.get(&j) else {
            continue;
        };
        for &i in reports {
            let message = format!(
                "the manager '{}' on row {} is rejected, so this row is too",
                rows.ids[j], rows.rows[j]
            );
            let detail = RowDetail::new(RowDetailKey::ManagerRejected)
                .with("manager", &rows.ids[j])
                .with("line", rows.rows[j]);
            if verdicts.reject(i, RejectReason::UnknownManager, message, detail) {
                work.push(i);
            }
        }
    }
}

/// Finds reporting cycles in Tandem's reporting lines as the valid rows would leave them, and
/// rejects every valid row on one. Returns the rows it rejected.
fn reject_cycles(
    rows: &Rows,
    verdicts: &mut Verdicts,
    targets: &[Option<Target>],
    existing: &[StoredEmployee],
    existing_by_id: &HashMap<&str, usize>,
    existing_by_uuid: &HashMap<&str, usize>,
) -> Vec<usize> {
    let m = existing.len();
    let n = rows.lines.len();
    // Nodes: existing employees 0..m, then new rows m..m+n. A row about an existing employee is
    // that employee's node.
    let node_of_row = |rows: &Rows, i: usize| -> usize {
        existing_by_id
            .get(rows.ids[i].as_str())
            .copied()
            .unwrap_or(m + i)
    };
    let mut parent: Vec<Option<usize>> = existing
        .iter()
        .map(|e| {
            e.manager_id
                .as_deref()
                .and_then(|id| existing_by_uuid.get(id).copied())
        })
        .chain(std::iter::repeat_n(None, n))
        .collect();
    let mut row_at: Vec<Option<usize>> = vec![None; m + n];
    for (i, target) in targets.iter().enumerate() {
        if rows.valid_draft(verdicts, i).is_none() {
            continue;
        }
        let node = node_of_row(rows, i);
        row_at[node] = Some(i);
        parent[node] = target.map(|t| match t {
            Target::Row(j) => node_of_row(rows, j),
            Target::Existing(k) => k,
        });
    }

    // Each node has at most one parent, so a walk either ends or loops; 0 = unseen, 1 = on the
    // current walk, 2 = done.
    let mut state = vec![0u8; m + n];
    let mut cycles: Vec<Vec<usize>> = Vec::new();
    let mut path: Vec<usize> = Vec::new();
    for start in 0..m + n {
        if state[start] != 0 {
            continue;
        }
        path.clear();
        let mut node = Some(start);
        while let Some(current) = node {
            match state[current] {
                0 => {
                    state[current] = 1;
                    path.push(current);
                    node = parent[current];
                }
                1 => {
                    if let Some(pos) = path.iter().position(|&p| p == current) {
                        cycles.push(path[pos..].to_vec());
                    }
                    break;
                }
                _ => break,
            }
        }
        for &p in &path {
            state[p] = 2;
        }
    }

    let name = |rows: &Rows, node: usize| -> String {
        if node < m {
            existing[node].external_id.clone()
        } else {
            rows.ids[node - m].clone()
        }
    };
    let mut rejected = Vec::new();
    for cycle in cycles {
        let mut chain: Vec<String> = cycle.iter().take(8).map(|&c| name(rows, c)).collect();
        if cycle.len() > 8 {
            chain.push("…".to_owned());
        }
        chain.push(name(rows, cycle[0]));
        let chain = chain.join(" → ");
        let message = format!("reporting cycle: {chain} (each reports to the next)");
        let detail = RowDetail::new(RowDetailKey::ReportingCycle).with("chain", chain);
        for node in cycle {
            if let Some(i) = row_at[node] {
                if verdicts.reject(
                    i,
                    RejectReason::ReportingCycle,
                    message.clone(),
                    detail.clone(),
                ) {
                    rejected.push(i);
                }
            }
        }
    }
    rejected
}
