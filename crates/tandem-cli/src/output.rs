//! What a command prints: aligned tables and lines for people (bold headings only on a terminal,
//! and never with `NO_COLOR`), or one JSON document with `--json` (indented on a terminal); progress bars on standard error
//! only when it is a terminal. A closed pipe (`tandem-cli … | head`) ends the output quietly.

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde::Serialize;

use crate::failure::{CliResult, Exit, Failure};
use crate::text::Text;

pub struct Out {
    pub json: bool,
    pub text: Text,
    bold: bool,
    progress: bool,
    /// JSON is indented for a person at a terminal, compact for a pipe.
    pretty: bool,
}

impl Out {
    pub fn new(json: bool, text: Text) -> Self {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Out {
            json,
            text,
            bold: !no_color && std::io::stdout().is_terminal(),
            progress: std::io::stderr().is_terminal(),
            pretty: std::io::stdout().is_terminal(),
        }
    }

    /// One line on standard output.
    pub fn line(&self, line: impl AsRef<str>) {
        let mut stdout = std::io::stdout().lock();
        let _ = writeln!(stdout, "{}", line.as_ref());
    }

    /// A heading line.
    pub fn heading(&self, line: impl AsRef<str>) {
        if self.bold {
            self.line(format!("\x1b[1m{}\x1b[0m", line.as_ref()));
        } else {
            self.line(line);
        }
    }

    /// A sentence from the catalog.
    pub fn say(&self, key: &str, params: &[(&str, String)]) {
        self.line(self.text.get(key, params));
    }

    /// The JSON document of a command.
    pub fn json<T: Serialize>(&self, value: &T) -> CliResult<()> {
        let text = if self.pretty {
            serde_json::to_string_pretty(value)
        } else {
            serde_json::to_string(value)
        };
        let text = text
            .map_err(|e| Failure::cli("internal", "json_failed", Exit::Internal, e.to_string()))?;
        self.line(text);
        Ok(())
    }

    /// A table with a heading row (catalog keys), its columns aligned.
    pub fn table(&self, headings: &[&str], rows: &[Vec<String>]) {
        let headings: Vec<String> = headings.iter().map(|k| self.text.word(k)).collect();
        let mut widths: Vec<usize> = headings.iter().map(|h| h.chars().count()).collect();
        for row in rows {
            for (i, cell) in row.iter().enumerate() {
                if let Some(w) = widths.get_mut(i) {
                    *w = (*w).max(cell.chars().count());
                }
            }
        }
        let render = |cells: &[String]| -> String {
            let last = cells.len().saturating_sub(1);
            cells
                .iter()
                .enumerate()
                .map(|(i, cell)| {
                    if i == last {
                        cell.clone()
                    } else {
                        let pad = widths[i].saturating_sub(cell.chars().count());
                        format!("{cell}{}", " ".repeat(pad))
                    }
                })
                .collect::<Vec<_>>()
                .join("  ")
        };
        self.heading(render(&headings));
        for row in rows {
            self.line(render(row));
        }
    }

    /// A bar on standard error, its length and message set as the work goes; hidden when that is
    /// not a terminal.
    pub fn bar(&self) -> ProgressBar {
        let bar = if self.progress {
            ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr())
        } else {
            ProgressBar::hidden()
        };
        let style = ProgressStyle::with_template("{msg:24} [{bar:32}] {pos}/{len} ({eta})")
            .map(|s| s.progress_chars("=> "))
            .unwrap_or_else(|_| ProgressStyle::default_bar());
        bar.set_style(style);
        bar
    }

    /// A spinner on standard error for work of unknown length; hidden when not a terminal.
    pub fn spinner(&self, message: String) -> ProgressBar {
        if !self.progress {
            return ProgressBar::hidden();
        }
        let spinner = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
        spinner.set_message(message);
        spinner.enable_steady_tick(Duration::from_millis(120));
        spinner
    }

    /// Writes `bytes` to `path`, or to standard output when `path` is `-`.
    pub fn write_file(&self, path: &Path, bytes: &[u8]) -> CliResult<()> {
        if path.as_os_str() == "-" {
            let mut stdout = std::io::stdout().lock();
            return stdout
                .write_all(bytes)
                .and_then(|()| stdout.flush())
                .map_err(|e| Failure::not_written(path, &e));
        }
        std::fs::write(path, bytes).map_err(|e| Failure::not_written(path, &e))
    }

    /// Prints why the command failed (on standard error, or as JSON on standard output) and
    /// returns its exit code.
    pub fn fail(&self, failure: Failure) -> Exit {
        let sentence = self.text.error(&failure.error);
        if self.json {
            #[derive(Serialize)]
            struct Shown<'a> {
                error: &'a tandem_dto::ErrorDto,
                sentence: &'a str,
                exit_code: u8,
            }
            let _ = self.json(&Shown {
                error: &failure.error,
                sentence: &sentence,
                exit_code: failure.exit as u8,
            });
        }
        let mut stderr = std::io::stderr().lock();
        let _ = writeln!(stderr, "tandem-cli: {sentence}");
        failure.exit
    }
}
