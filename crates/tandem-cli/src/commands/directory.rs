//! `employees list|show|deactivate|activate`: the directory, with the app's search and rules.

use serde::Serialize;
use tandem_core::directory::{self, DirectoryQuery, EmployeeRow, MAX_PAGE_SIZE};
use tandem_core::domain::ProgramRole;
use tandem_core::Store;
use tandem_dto::{EmployeeDetailDto, EmployeeRowDto};

use crate::args::EmployeesCommand;
use crate::failure::{CliResult, Exit};
use crate::output::Out;
use crate::text::Text;

/// `employees list --json`.
#[derive(Serialize)]
struct ListJson {
    /// Employees matching, in all (more than listed when `--limit` cut the list).
    total: u32,
    employees: Vec<EmployeeRowDto>,
}

pub fn run(store: &mut Store, command: EmployeesCommand, out: &Out) -> CliResult<Exit> {
    match command {
        EmployeesCommand::List {
            search,
            department,
            inactive,
            limit,
        } => list(store, search, department, inactive, limit, out),
        EmployeesCommand::Show { person } => {
            let id = directory::find_employee(store, &person)?;
            show(out, directory::get_employee(store, id)?)
        }
        EmployeesCommand::Deactivate { person } => set_active(store, &person, false, out),
        EmployeesCommand::Activate { person } => set_active(store, &person, true, out),
    }
}

fn set_active(store: &mut Store, person: &str, active: bool, out: &Out) -> CliResult<Exit> {
    let id = directory::find_employee(store, person)?;
    let detail = directory::set_employee_active(store, id, active)?;
    if !out.json {
        let key = if active {
            "cli.employees.activated"
        } else {
            "cli.employees.deactivated"
        };
        out.say(key, &[("name", detail.employee.full_name())]);
    }
    show_json_only(out, detail)
}

fn list(
    store: &Store,
    search: String,
    department: Option<String>,
    include_inactive: bool,
    limit: Option<u32>,
    out: &Out,
) -> CliResult<Exit> {
    let wanted = limit.unwrap_or(u32::MAX);
    let mut query = DirectoryQuery {
        search,
        department,
        include_inactive,
        ..DirectoryQuery::default()
    };
    let mut rows: Vec<EmployeeRow> = Vec::new();
    let mut total;
    loop {
        query.offset = rows.len() as u32;
        query.limit = MAX_PAGE_SIZE.min(wanted - query.offset);
        let page = directory::list_employees(store, &query)?;
        total = page.total;
        let got = page.rows.len();
        rows.extend(page.rows);
        if got == 0 || rows.len() as u32 >= total.min(wanted) {
            break;
        }
    }
    if out.json {
        out.json(&ListJson {
            total,
            employees: rows.into_iter().map(Into::into).collect(),
        })?;
        return Ok(Exit::Done);
    }
    if rows.is_empty() {
        out.say("cli.employees.none", &[]);
        return Ok(Exit::Done);
    }
    let table: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            vec![
                r.external_id.clone(),
                format!("{} {}", r.first_name, r.last_name),
                r.email.clone(),
                r.department.clone(),
                r.title.clone(),
                role(&out.text, r.role),
                active(&out.text, r.active),
            ]
        })
        .collect();
    out.table(
        &[
            "cli.col.hr_id",
            "cli.col.name",
            "cli.col.email",
            "cli.col.department",
            "cli.col.title",
            "cli.col.role",
            "cli.col.status",
        ],
        &table,
    );
    if (rows.len() as u32) < total {
        out.say(
            "cli.employees.more",
            &[
                ("shown", rows.len().to_string()),
                ("total", total.to_string()),
            ],
        );
    }
    Ok(Exit::Done)
}

fn role(text: &Text, role: ProgramRole) -> String {
    text.word(&format!("cli.role.{}", role.as_str()))
}

fn active(text: &Text, active: bool) -> String {
    text.word(if active {
        "cli.status.active"
    } else {
        "cli.status.inactive"
    })
}

fn show(out: &Out, detail: directory::EmployeeDetail) -> CliResult<Exit> {
    if out.json {
        return show_json_only(out, detail);
    }
    let t = &out.text;
    let e = &detail.employee;
    out.heading(format!("{} ({})", e.full_name(), e.external_id));
    let line = |key: &str, value: String| {
        if !value.is_empty() {
            out.line(format!("{:<18} {value}", t.word(key)));
        }
    };
    line("cli.col.email", e.email.clone());
    line("cli.col.title", e.title.clone());
    line("cli.col.department", e.department.clone());
    line("cli.col.site", e.site.clone());
    line("cli.col.grade", e.grade.to_string());
    line("cli.col.role", role(t, e.role));
    line("cli.col.status", active(t, e.active));
    line("cli.col.timezone", e.timezone.clone());
    line("cli.col.languages", e.languages.join(", "));
    line(
        "cli.col.hire_date",
        e.hire_date.map(|d| d.to_string()).unwrap_or_default(),
    );
    line("cli.col.interests", e.interests.join(", "));
    line(
        "cli.col.manager",
        detail
            .manager
            .as_ref()
            .map(|m| m.full_name.clone())
            .unwrap_or_default(),
    );
    line(
        "cli.col.reports",
        detail
            .direct_reports
            .iter()
            .map(|p| p.full_name.clone())
            .collect::<Vec<_>>()
            .join(", "),
    );
    let skills: Vec<String> = e
        .skills
        .iter()
        .map(|s| match s.target {
            Some(target) => format!("{} {}→{target}", s.topic_id, s.level),
            None => format!("{} {}", s.topic_id, s.level),
        })
        .collect();
    line("cli.col.skills", skills.join(", "));
    Ok(Exit::Done)
}

fn show_json_only(out: &Out, detail: directory::EmployeeDetail) -> CliResult<Exit> {
    if out.json {
        out.json(&EmployeeDetailDto::from(detail))?;
    }
    Ok(Exit::Done)
}
