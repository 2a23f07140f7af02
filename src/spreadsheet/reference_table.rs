//! Small reference tables a bureau keeps beside its ledgers (benchmarks, the unit
//! registry, calendar days): a header row naming the columns, then one row per entry, in a
//! CSV file or in a workbook's first sheet that has the required columns.

use std::path::Path;

use super::cell::Cell;
use super::columns::header_key;
use super::csv_rows::CsvRows;
use super::workbook::{self, column_letters};
use super::{Diagnostic, Part, RawRow, Rows, Severity};

/// One column a table may have: the headers it goes by (matched like ledger headers),
/// the name used in messages, and whether the table must have it.
pub struct Column {
    pub headers: &'static [&'static str],
    pub label: &'static str,
    pub required: bool,
}

/// A table read whole: where each wanted column is, and the non-blank rows.
pub struct Table {
    /// The workbook sheet the table was read from (None for CSV).
    pub sheet: Option<String>,
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

    /// The cell of a wanted column on a row, as the source typed it (None when absent).
    #[must_use]
    pub fn cell<'a>(&self, row: &'a RawRow, column: usize) -> Option<&'a Cell> {
        self.columns[column].and_then(|i| row.cells.get(i))
    }

    /// An error about a wanted column of a row, located as a clerk finds it: the row, the
    /// sheet and cell of a workbook, and the column's header.
    #[must_use]
    pub fn error(
        &self,
        display: &str,
        row: &RawRow,
        column: usize,
        message: impl Into<String>,
    ) -> Diagnostic {
        let cell = self.sheet.as_ref().map(|sheet| match self.columns[column] {
            Some(i) => format!("[{sheet}] {}{}", column_letters(i), row.row),
            None => format!("[{sheet}]"),
        });
        Diagnostic {
            row: Some(row.row),
            cell,
            column: self.header_of(column),
            ..Diagnostic::file_error(display, message)
        }
    }

    /// The header of a wanted column as the file writes it, for messages.
    #[must_use]
    pub fn header_of(&self, column: usize) -> Option<String> {
        self.columns[column]
            .and_then(|i| self.header.cells.get(i))
            .map(Cell::text)
    }
}

/// Reads a table from a CSV file or a workbook; every missing required column and
/// unreadable row is an error.
pub fn read(path: &Path, display: &str, wanted: &[Column]) -> Result<Table, Vec<Diagnostic>> {
    let (sheet, rows, header) = if is_workbook(path) {
        first_sheet_with(path, display, wanted)?
    } else {
        let mut rows: Rows = Box::new(CsvRows::open(path, display).map_err(|d| vec![d])?);
        let header = rows.next().transpose().map_err(|d| vec![d])?;
        (None, rows, header)
    };
    let Some(header) = header else {
        return Err(vec![Diagnostic::file_error(display, "the file is empty")]);
    };
    let mut errors = Vec::new();
    let columns = wanted
        .iter()
        .map(|column| {
            let found = position(&header, column);
            if found.is_none() && column.required {
                errors.push(Diagnostic {
                    row: Some(header.row),
                    cell: sheet.as_ref().map(|s| format!("[{s}]")),
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
            sheet,
            header,
            columns,
            rows: kept,
        })
    } else {
        Err(errors)
    }
}

/// Where a wanted column is in a header row.
fn position(header: &RawRow, column: &Column) -> Option<usize> {
    header
        .cells
        .iter()
        .position(|c| column.headers.contains(&header_key(&c.text()).as_str()))
}

fn is_workbook(path: &Path) -> bool {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    matches!(
        extension.as_str(),
        "xlsx" | "xlsm" | "xls" | "xlsb" | "ods" | "et"
    )
}

/// The first sheet whose first row has every required column (an instructions sheet may
/// come first), else the first sheet, whose missing columns the caller reports.
fn first_sheet_with(
    path: &Path,
    display: &str,
    wanted: &[Column],
) -> Result<(Option<String>, Rows, Option<RawRow>), Vec<Diagnostic>> {
    let contents = workbook::sheets(path, display, None).map_err(|d| vec![d])?;
    let mut first = None;
    for part in contents.parts {
        let Part::Sheet(name) = part else { continue };
        let mut rows = workbook::rows(path, display, &name);
        let header = rows.next().transpose().map_err(|d| vec![d])?;
        let fits = header.as_ref().is_some_and(|h| {
            wanted
                .iter()
                .all(|c| !c.required || position(h, c).is_some())
        });
        if fits {
            return Ok((Some(name), rows, header));
        }
        if first.is_none() {
            first = Some((Some(name), rows, header));
        }
    }
    first.ok_or_else(|| {
        vec![Diagnostic::file_error(
            display,
            "the workbook has no sheets",
        )]
    })
}
