//! Bytes → typed cases, with every problem found: encodings, headers, cells and the
//! consistency rules of SPEC §2.
//!
//! Files are read as a stream of rows; nothing here touches the ledger. A file is
//! opened with [`open`], which settles its kind and columns, and each row is then
//! turned into a [`Case`] or diagnostics by [`LedgerFile::parse`].

pub mod benchmarks;
pub mod cell;
pub mod columns;
mod csv_rows;
pub mod decode;
pub mod diagnostic;
mod row;
pub mod source;
mod table;
pub mod units;
mod workbook;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use chrono::NaiveDate;

use cell::Cell;
pub use columns::Field;
pub use diagnostic::{Diagnostic, Severity};
pub use row::ParsedRow;

use crate::model::{Case, Kind, UnitRegistry};
use columns::KindEvidence;

/// One row of a spreadsheet: its own row number and its cells.
#[derive(Debug, Clone)]
pub struct RawRow {
    pub row: u32,
    pub cells: Vec<Cell>,
}

/// A stream of rows from one file or sheet.
pub type Rows = Box<dyn Iterator<Item = Result<RawRow, Diagnostic>> + Send>;

/// What the command line says about every file of one import.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// `--kind`: skip detection.
    pub kind: Option<Kind>,
    /// `--unit`: the unit of rows without one.
    pub unit: Option<String>,
    /// `--sheet`: read only this sheet of each workbook.
    pub sheet: Option<String>,
    /// The unit registry: names are mapped to canonical units, unknown ones refused.
    pub units: Option<Arc<UnitRegistry>>,
}

/// How far down to look for the header row below title rows (e.g. 「2021年行政复议案件台账」).
const HEADER_SEARCH_ROWS: usize = 10;

/// A ledger file (or one sheet of a workbook) whose kind and columns are known.
#[derive(Debug)]
pub struct LedgerFile {
    /// The path as the user gave it, used in every message.
    pub display: String,
    /// The workbook sheet, for Excel files.
    pub sheet: Option<String>,
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
    /// Warnings about the header itself, for the caller to pass on.
    pub warnings: Vec<Diagnostic>,
    unit_default: Option<String>,
    units: Option<Arc<UnitRegistry>>,
}

/// Where rows come from within a file: the whole file, or one sheet of a workbook.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    File,
    Sheet(String),
}

/// What a file holds: the parts to read.
#[derive(Debug, Default)]
pub struct Contents {
    pub parts: Vec<Part>,
}

/// Lists the parts of a file to read: a CSV is one part; a workbook has one per sheet
/// (or only `--sheet`).
pub fn contents(path: &Path, display: &str, options: &ReadOptions) -> Result<Contents, Diagnostic> {
    match extension(path).as_str() {
        "csv" | "tsv" => Ok(Contents {
            parts: vec![Part::File],
        }),
        "xlsx" | "xlsm" | "xls" => workbook::sheets(path, display, options.sheet.as_deref()),
        _ => Err(Diagnostic::file_error(
            display,
            "not a ledger file: expected .csv, .tsv, .xlsx, .xlsm or .xls",
        )),
    }
}

/// Opens one part and reads up to its header row: the kind, the columns, and every
/// error that makes its rows unreadable. `Ok(None)`: an empty file, or a sheet that
/// holds no ledger (skipped unless it was asked for by name).
pub fn open(
    path: &Path,
    display: &str,
    part: &Part,
    options: &ReadOptions,
) -> Result<Option<(LedgerFile, Rows)>, Vec<Diagnostic>> {
    let (rows, sheet): (Rows, Option<String>) = match part {
        Part::File => (
            Box::new(csv_rows::CsvRows::open(path, display).map_err(|d| vec![d])?),
            None,
        ),
        Part::Sheet(name) => (workbook::rows(path, display, name), Some(name.clone())),
    };
    open_rows(path, display, rows, sheet, options)
}

/// Opens CSV or TSV bytes held in memory exactly as [`open`] opens a file called `name`
/// holding them (`name` gives the delimiter and, failing the headers, the kind).
///
/// This is the reader's whole path from bytes to rows without a file system in the
/// way, so that a fuzzer (see `fuzz/`) can drive it tens of thousands of times a second.
pub fn open_csv_bytes(
    name: &Path,
    display: &str,
    bytes: Vec<u8>,
    options: &ReadOptions,
) -> Result<Option<(LedgerFile, Rows)>, Vec<Diagnostic>> {
    let source = Box::new(std::io::Cursor::new(bytes));
    let rows = csv_rows::CsvRows::from_reader(source, display, csv_rows::is_tsv(name))
        .map_err(|d| vec![d])?;
    open_rows(name, display, Box::new(rows), None, options)
}

fn open_rows(
    path: &Path,
    display: &str,
    mut rows: Rows,
    sheet: Option<String>,
    options: &ReadOptions,
) -> Result<Option<(LedgerFile, Rows)>, Vec<Diagnostic>> {
    let header = find_header(&mut rows, options.kind)?;
    let named_sheet = options.sheet.is_some();
    let header = match header {
        Header::Guess(_) | Header::Empty if sheet.is_some() && !named_sheet => return Ok(None),
        Header::Found(row) | Header::Guess(row) => row,
        // An empty file (or sheet) holds nothing to import: skipped, and said so.
        Header::Empty => return Ok(None),
    };
    let file = LedgerFile::from_header(path, display, sheet, &header, options)?;
    Ok(Some((file, rows)))
}

fn extension(path: &Path) -> String {
    path.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default()
}

/// What the top of a file looks like.
enum Header {
    /// A row that names a case-number column.
    Found(RawRow),
    /// No such row: the first non-blank row, whose missing columns will be reported.
    Guess(RawRow),
    Empty,
}

/// The first non-blank row that names a case-number column, within the first rows.
fn find_header(rows: &mut Rows, kind: Option<Kind>) -> Result<Header, Vec<Diagnostic>> {
    let kinds = kind.map_or(Kind::ALL.to_vec(), |k| vec![k]);
    let mut first = None;
    for _ in 0..HEADER_SEARCH_ROWS {
        let Some(row) = rows.next() else { break };
        let row = row.map_err(|d| vec![d])?;
        if row.cells.iter().all(Cell::is_blank) {
            continue;
        }
        let names_case_no = row.cells.iter().any(|c| {
            let text = c.text();
            kinds
                .iter()
                .any(|k| columns::field_for(*k, &text) == Some(Field::CaseNo))
        });
        if names_case_no {
            return Ok(Header::Found(row));
        }
        first.get_or_insert(row);
    }
    Ok(first.map_or(Header::Empty, Header::Guess))
}

impl LedgerFile {
    fn from_header(
        path: &Path,
        display: &str,
        sheet: Option<String>,
        header: &RawRow,
        options: &ReadOptions,
    ) -> Result<LedgerFile, Vec<Diagnostic>> {
        let headers: Vec<String> = header.cells.iter().map(Cell::text).collect();
        let at_header = |column: Option<&str>, message: String| Diagnostic {
            row: Some(header.row),
            cell: sheet.as_ref().map(|s| format!("[{s}]")),
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
        let mut warnings = Vec::new();
        if let (Some(unit), Some(column)) = (&options.unit, seen.get(&Field::Unit)) {
            let mut warning = at_header(
                Some(column),
                format!(
                    "the file has a `{column}` column: --unit {unit} fills only its empty cells"
                ),
            );
            warning.severity = Severity::Warning;
            warnings.push(warning);
        }
        Ok(LedgerFile {
            warnings,
            display: display.to_owned(),
            sheet,
            kind,
            header_row: header.row,
            fields,
            headers,
            unknown_columns,
            personal_columns,
            unit_default: options.unit.clone(),
            units: options.units.clone(),
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

    /// A workbook cell's address for messages, e.g. `[Sheet1] E17`; `None` for CSV.
    #[must_use]
    pub fn cell_ref(&self, row: u32, column: Option<usize>) -> Option<String> {
        let sheet = self.sheet.as_ref()?;
        Some(match column {
            Some(index) => format!("[{sheet}] {}{row}", workbook::column_letters(index)),
            None => format!("[{sheet}]"),
        })
    }

    /// The address of `field`'s cell on `row`, for workbooks.
    #[must_use]
    pub fn cell_of(&self, row: u32, field: Field) -> Option<String> {
        self.cell_ref(row, self.fields.iter().position(|f| *f == Some(field)))
    }

    /// How batches and summaries name this part: the path, and the sheet if any.
    #[must_use]
    pub fn label(&self) -> String {
        match &self.sheet {
            Some(sheet) => format!("{} [{sheet}]", self.display),
            None => self.display.clone(),
        }
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
                cell: self.cell_of(row, field),
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
