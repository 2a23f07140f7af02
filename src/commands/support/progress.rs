//! The import's voice on the terminal: diagnostics on stderr as they are found, and a
//! progress bar while large or many files are read — only when stderr is a terminal.
//! Every error is printed; warnings stop after [`WARNINGS_PER_FILE`] per file, with a
//! count of the rest (`check` lists them all).

use std::io::{IsTerminal, Write};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};

use crate::ingest::{Observer, Progress};
use crate::spreadsheet::{Diagnostic, Severity};

/// Below this much input a bar would only flicker.
const BAR_FROM_BYTES: u64 = 4 << 20;
const BAR_FROM_FILES: usize = 20;

/// Warnings shown per file before the rest are only counted.
pub const WARNINGS_PER_FILE: u64 = 20;

/// Prints diagnostics to stderr and draws the progress bar.
pub struct Console {
    terminal: bool,
    bar: Option<ProgressBar>,
    /// The current file, its size, and the bytes of the files before it.
    file: String,
    file_bytes: u64,
    done_bytes: u64,
    /// Warnings seen in the current file (the file named in the diagnostics).
    warnings_file: String,
    warnings: u64,
}

impl Console {
    #[must_use]
    pub fn new() -> Console {
        Console {
            terminal: std::io::stderr().is_terminal(),
            bar: None,
            file: String::new(),
            file_bytes: 0,
            done_bytes: 0,
            warnings_file: String::new(),
            warnings: 0,
        }
    }
}

impl Default for Console {
    fn default() -> Self {
        Console::new()
    }
}

impl Console {
    fn print(&self, line: &dyn std::fmt::Display) {
        let print = || {
            // A closed stderr must not stop the import from rolling back cleanly.
            let _ = writeln!(std::io::stderr().lock(), "{line}");
        };
        match &self.bar {
            Some(bar) => bar.suspend(print),
            None => print(),
        }
    }

    /// Says how many warnings of the last file were not shown.
    fn close_warnings(&mut self) {
        if self.warnings > WARNINGS_PER_FILE {
            let line = format!(
                "{}: … and {} more warnings (caseledger check lists them all)",
                self.warnings_file,
                self.warnings - WARNINGS_PER_FILE
            );
            self.print(&line);
        }
        self.warnings = 0;
    }
}

impl Observer for Console {
    fn diagnostic(&mut self, diagnostic: &Diagnostic) {
        if diagnostic.severity == Severity::Warning {
            if diagnostic.file != self.warnings_file {
                self.close_warnings();
                diagnostic.file.clone_into(&mut self.warnings_file);
            }
            self.warnings += 1;
            if self.warnings > WARNINGS_PER_FILE {
                return;
            }
        }
        self.print(diagnostic);
    }

    fn progress(&mut self, progress: Progress<'_>) {
        match progress {
            Progress::Start { files, bytes } => {
                if self.terminal && (files >= BAR_FROM_FILES || bytes >= BAR_FROM_BYTES) {
                    let bar = ProgressBar::new(bytes);
                    let style = ProgressStyle::with_template(
                        "{spinner} [{bar:30}] {binary_bytes}/{binary_total_bytes} {wide_msg}",
                    )
                    .map(|s| s.progress_chars("=> "));
                    if let Ok(style) = style {
                        bar.set_style(style);
                    }
                    bar.enable_steady_tick(Duration::from_millis(120));
                    self.bar = Some(bar);
                }
            }
            Progress::File { name, bytes } => {
                self.done_bytes += self.file_bytes;
                self.file_bytes = bytes;
                name.clone_into(&mut self.file);
                if let Some(bar) = &self.bar {
                    bar.set_position(self.done_bytes);
                    bar.set_message(self.file.clone());
                }
            }
            Progress::Rows(rows) => {
                if let Some(bar) = &self.bar {
                    bar.set_message(format!("{} ({rows} rows)", self.file));
                }
            }
            Progress::Finish => {
                self.close_warnings();
                if let Some(bar) = self.bar.take() {
                    bar.finish_and_clear();
                }
            }
        }
    }
}
