//! Small reference tables a bureau keeps beside its ledgers (benchmarks, the unit
//! registry): a header row naming the columns, then one row per entry.

use std::path::Path;

use super::cell::Cell;
use super::columns::header_key;
use super::csv_rows::CsvRows;
use super::{Diagnostic, RawRow, Severity};

/// One column a table may have: the headers it goes by (matched like ledger headers),
/// the name used in messages, and whether the table must have it.
pub struct Column {
    pub headers: &'static [&'static str],
    pub label: &'static str,
    pub required: bool,
}

/// A table read whole: where each wanted column is, and the non-blank rows.
pub struct Table {
    pub header: RawRow,
    /// For each wanted column, its index in the file (None: absent, and optional).
    pub columns: Vec<Option<usize>>,
    pub rows: Vec<RawRow>,
}

impl Table {
    /// The normalised text of a wanted column on a row ("" when absent or blank).
    #[must_use]
    pub fn text(&self, row: &RawRow, column: usize) -> String {
        self.columns[column]
            .and_then(|i| row.cells.get(i))
            .map(Cell::text)
            .unwrap_or_default()
    }

    /// The header of a wanted column as the file writes it, for messages.
    #[must_use]
    pub fn header_of(&self, column: usize) -> Option<String> {
        self.columns[column]
            .and_then(|i| self.header.cells.get(i))
            .map(Cell::text)
    }
}

/// Reads a CSV table; every missing required column and unreadable row is an error.
pub fn read(path: &Path, display: &str, wanted: &[Column]) -> Result<Table, Vec<Diagnostic>> {
    let mut rows = CsvRows::open(path, display).map_err(|d| vec![d])?;
    let Some(header) = rows.next().transpose().map_err(|d| vec![d])? else {
        return Err(vec![Diagnostic::file_error(display, "the file is empty")]);
    };
    let keys: Vec<String> = header.cells.iter().map(|c| header_key(&c.text())).collect();
    let mut errors = Vec::new();
    let columns = wanted
        .iter()
        .map(|column| {
            let found = keys
                .iter()
                .position(|k| column.headers.contains(&k.as_str()));
            if found.is_none() && column.required {
                errors.push(Diagnostic {
                    row: Some(header.row),
                    ..Diagnostic::file_error(
                        display,
                        format!("required column {} is missing", column.label),
                    )
                });
            }
            found
        })
        .collect();
    let mut kept = Vec::new();
    for row in rows {
        match row {
            Ok(row) if row.cells.iter().all(Cell::is_blank) => {}
            Ok(row) => kept.push(row),
            // A reference table is small and read whole: a doubt about it stops the read.
            Err(d) => errors.push(Diagnostic {
                severity: Severity::Error,
                ..d
            }),
        }
    }
    if errors.is_empty() {
        Ok(Table {
            header,
            columns,
            rows: kept,
        })
    } else {
        Err(errors)
    }
}
