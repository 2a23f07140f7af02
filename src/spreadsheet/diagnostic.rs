//! Errors and warnings about input, located the way a clerk finds them in Excel.

use std::fmt;

use crate::render::escape::terminal;

/// Whether a finding blocks the import.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// How the file was read (rows that are not cases, the unit taken from a title):
    /// said once per file, never counted as a problem.
    Note,
    Warning,
    Error,
}

/// One finding about one file, row or cell.
///
/// Rows are the spreadsheet's own numbers (the header is row 1); `column` is the header
/// as the file writes it; `cell` is a workbook's sheet and address, e.g. `[Sheet1] E17`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub file: String,
    pub row: Option<u32>,
    pub cell: Option<String>,
    pub column: Option<String>,
    pub message: String,
}

impl Diagnostic {
    /// An error about the file as a whole.
    #[must_use]
    pub fn file_error(file: &str, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            file: file.to_owned(),
            row: None,
            cell: None,
            column: None,
            message: message.into(),
        }
    }

    #[must_use]
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    /// `FILE:ROW:COLUMN: error: message`, leaving out the parts that do not apply.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // A file's name or a cell's text may hold control characters: shown, not obeyed.
        write!(f, "{}", terminal(&self.file))?;
        if let Some(row) = self.row {
            write!(f, ":{row}")?;
        }
        if let Some(cell) = &self.cell {
            write!(f, ":{}", terminal(cell))?;
        }
        if let Some(column) = &self.column {
            write!(f, ":{}", terminal(column))?;
        }
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        };
        write!(f, ": {severity}: {}", terminal(&self.message))
    }
}
