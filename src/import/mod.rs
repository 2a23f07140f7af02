//! Bytes → typed cases, with every problem found: encodings, headers, cells and the
//! consistency rules of SPEC §2.
//!
//! Files are read as a stream of rows; nothing here touches the ledger. A file is
//! opened with [`open`], which settles its kind and columns, and each row is then
//! turned into a [`Case`] or diagnostics by [`LedgerFile::parse`].

pub mod cell;
pub mod columns;
mod csv_rows;
pub mod decode;
pub mod diagnostic;
mod row;
pub mod source;

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;

pub use columns::Field;
pub use diagnostic::{Diagnostic, Severity};
pub use row::ParsedRow;

use crate::model::{Case, Kind};
use columns::KindEvidence;

/// One row of a spreadsheet: its own row number and the decoded cells.
#[derive(Debug, Clone)]
pub struct RawRow {
    pub row: u32,
    pub cells: Vec<String>,
}

/// A stream of rows from one file.
pub type Rows = Box<dyn Iterator<Item = Result<RawRow, Diagnostic>>>;

/// What the command line says about every file of one import.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// `--kind`: skip detection.
    pub kind: Option<Kind>,
    /// `--unit`: the unit of rows without one.
    pub unit: Option<String>,
}

/// How far down to look for the header row below title rows (e.g. 「2021年行政复议案件台账」).
const HEADER_SEARCH_ROWS: usize = 10;

/// A ledger file whose kind and columns are known.
#[derive(Debug)]
pub struct LedgerFile {
    /// The path as the user gave it, used in every message.
    pub display: String,
    pub kind: Kind,
    /// The row of the header (1 unless title rows precede it).
    pub header_row: u32,
    /// For each column, the field it holds (None: ignored).
    fields: Vec<Option<Field>>,
    /// Each column's header as the file writes it.
    headers: Vec<String>,
    /// Headers that map to no field, in file order.
    pub unknown_columns: Vec<String>,
    /// Columns of personal names, recognised and never read.
    pub personal_columns: Vec<String>,
    unit_default: Option<String>,
}

/// Opens a file and reads up to its header row: the kind, the columns, and any error
/// that makes its rows unreadable (all reported together).
pub fn open(
    path: &Path,
    display: &str,
    options: &ReadOptions,
) -> Result<(LedgerFile, Rows), Vec<Diagnostic>> {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let mut rows: Rows = match extension.as_str() {
        "csv" | "tsv" => Box::new(csv_rows::CsvRows::open(path, display).map_err(|d| vec![d])?),
        "xlsx" | "xls" => {
            return Err(vec![Diagnostic::file_error(
                display,
                "Excel workbooks cannot be read yet; save the sheet as CSV",
            )]);
        }
        _ => {
            return Err(vec![Diagnostic::file_error(
                display,
                "not a ledger file: expected .csv, .tsv, .xlsx or .xls",
            )]);
        }
    };
    let header = find_header(&mut rows, display, options.kind)?;
    let file = LedgerFile::from_header(path, display, &header, options)?;
    Ok((file, rows))
}

/// The first non-blank row that names a case-number column, within the first rows;
/// failing that, the first non-blank row.
fn find_header(
    rows: &mut Rows,
    display: &str,
    kind: Option<Kind>,
) -> Result<RawRow, Vec<Diagnostic>> {
    let mut first = None;
    for _ in 0..HEADER_SEARCH_ROWS {
        let Some(row) = rows.next() else { break };
        let row = row.map_err(|d| vec![d])?;
        if row.cells.iter().all(|c| cell::normalise(c).is_empty()) {
            continue;
        }
        let names_case_no = row.cells.iter().any(|c| {
            let kinds = kind.map_or(Kind::ALL.to_vec(), |k| vec![k]);
            kinds
                .iter()
                .any(|k| columns::field_for(*k, c) == Some(Field::CaseNo))
        });
        if names_case_no {
            return Ok(row);
        }
        first.get_or_insert(row);
    }
    first.ok_or_else(|| {
        vec![Diagnostic::file_error(
            display,
            "the file is empty: no header row",
        )]
    })
}

impl LedgerFile {
    fn from_header(
        path: &Path,
        display: &str,
        header: &RawRow,
        options: &ReadOptions,
    ) -> Result<LedgerFile, Vec<Diagnostic>> {
        let headers: Vec<String> = header.cells.iter().map(|h| cell::normalise(h)).collect();
        let at_header = |column: Option<&str>, message: String| Diagnostic {
            row: Some(header.row),
            column: column.map(str::to_owned),
            ..Diagnostic::file_error(display, message)
        };
        let kind = match options.kind {
            Some(kind) => kind,
            None => detect_kind(path, &headers).map_err(|m| vec![at_header(None, m)])?,
        };

        let mut errors = Vec::new();
        let mut fields = Vec::with_capacity(headers.len());
        let mut seen: BTreeMap<Field, &str> = BTreeMap::new();
        let (mut unknown_columns, mut personal_columns) = (Vec::new(), Vec::new());
        for header_text in &headers {
            let field = columns::field_for(kind, header_text);
            match field {
                Some(field) => {
                    if let Some(earlier) = seen.insert(field, header_text) {
                        errors.push(at_header(
                            Some(header_text),
                            format!(
                                "columns `{earlier}` and `{header_text}` both give `{}`; keep one",
                                field.key()
                            ),
                        ));
                    }
                }
                None if header_text.is_empty() => {}
                None if columns::is_personal(header_text) => {
                    personal_columns.push(header_text.clone());
                }
                None => unknown_columns.push(header_text.clone()),
            }
            fields.push(field);
        }
        for field in columns::required(kind) {
            let given_by_flag = field == Field::Unit && options.unit.is_some();
            if !seen.contains_key(&field) && !given_by_flag {
                let also = if field == Field::Unit {
                    ", or give --unit"
                } else {
                    ""
                };
                errors.push(at_header(
                    None,
                    format!(
                        "required column {} is missing from this {} file{also}",
                        columns::describe(kind, field),
                        kind.label_zh()
                    ),
                ));
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(LedgerFile {
            display: display.to_owned(),
            kind,
            header_row: header.row,
            fields,
            headers,
            unknown_columns,
            personal_columns,
            unit_default: options.unit.clone(),
        })
    }

    /// The header of the column holding `field`, as the file writes it.
    #[must_use]
    pub fn header_of(&self, field: Field) -> Option<&str> {
        self.fields
            .iter()
            .position(|f| *f == Some(field))
            .map(|i| self.headers[i].as_str())
    }

    /// Warnings for dates later than the batch's as-of date (SPEC §2.5).
    #[must_use]
    pub fn dates_after(&self, row: u32, case: &Case, as_of: NaiveDate) -> Vec<Diagnostic> {
        row::dated_fields(case)
            .into_iter()
            .filter(|(_, date)| *date > as_of)
            .map(|(field, date)| Diagnostic {
                severity: Severity::Warning,
                row: Some(row),
                column: self.header_of(field).map(str::to_owned),
                ..Diagnostic::file_error(
                    &self.display,
                    format!("{date} is after the file's as-of date {as_of}"),
                )
            })
            .collect()
    }
}

fn detect_kind(path: &Path, headers: &[String]) -> Result<Kind, String> {
    match columns::detect_kind(headers.iter().map(String::as_str)) {
        KindEvidence::Clear(kind) => Ok(kind),
        KindEvidence::Conflicting {
            reconsideration,
            litigation,
        } => Err(format!(
            "headers of both ledgers (`{reconsideration}` is a 复议台账 column, `{litigation}` an 应诉台账 one); give --kind reconsideration or --kind litigation"
        )),
        KindEvidence::None => path
            .file_name()
            .and_then(|n| columns::kind_from_file_name(&n.to_string_lossy()))
            .ok_or_else(|| {
                "cannot tell whether this is a 复议台账 or an 应诉台账 from its headers or name; give --kind reconsideration or --kind litigation".to_owned()
            }),
    }
}
