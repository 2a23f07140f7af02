//! Bytes → typed cases, with every problem found: encodings, headers, cells and the
//! consistency rules of SPEC §2.
//!
//! Files are read as a stream of rows; nothing here touches the ledger. A file is
//! opened with [`open`], which settles its kind and columns, and each row is then
//! turned into a [`Case`] or diagnostics by [`LedgerFile::parse`].
//! [`template`] writes the blank workbook offices fill in from the same column table.

pub mod benchmarks;
pub mod calendar;
pub mod cell;
mod column_map;
pub mod columns;
mod csv_rows;
pub mod decode;
pub mod diagnostic;
mod header;
pub mod limits;
pub mod non_case;
mod reference_table;
mod row;
pub mod suggest;
pub mod template;
pub mod units;
pub mod unrecorded;
#[cfg(test)]
mod wording_tests;
mod workbook;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use chrono::NaiveDate;

use cell::Cell;
pub use columns::Field;
pub use diagnostic::{Diagnostic, Severity};
pub use row::ParsedRow;

use crate::model::{Case, HeaderMap, Kind, OutcomeMap, UnitRegistry};
use column_map::{ColumnMap, map_columns};
pub use column_map::{columns_map_line, shell_quote};
use columns::KindEvidence;
use header::{HeaderBlock, Top};
use suggest::Suggestion;

/// One row of a spreadsheet: its own row number and its cells.
#[derive(Debug, Clone)]
pub struct RawRow {
    pub row: u32,
    pub cells: Vec<Cell>,
    /// Cells that hold a value written once in a merged range above them.
    pub merged: Vec<MergedCell>,
}

impl RawRow {
    #[must_use]
    pub fn new(row: u32, cells: Vec<Cell>) -> RawRow {
        RawRow {
            row,
            cells,
            merged: Vec::new(),
        }
    }
}

/// A cell whose value comes from the top-left cell of a merged range (单位 written once
/// for a block of rows): problems with the value are reported where the clerk wrote it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MergedCell {
    pub column: usize,
    /// The row and column of the merge's top-left cell.
    pub from_row: u32,
    pub from_column: usize,
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
    /// The outcome spellings users mapped (`outcomes map`), read after the built-in ones.
    pub outcomes: Option<Arc<OutcomeMap>>,
    /// The column headers users mapped (`columns map`), read before the built-in ones.
    pub headers: Option<Arc<HeaderMap>>,
}

/// A column no header rule or mapping knows: an error, with what it seems to hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownHeader {
    pub kind: Kind,
    /// The header as the file writes it, on one line.
    pub header: String,
    /// What it seems to hold: this run reads a suggested field's cells as that field.
    pub suggestion: Suggestion,
}

/// A ledger file (or one sheet of a workbook) whose kind and columns are known.
#[derive(Debug)]
pub struct LedgerFile {
    /// The path as the user gave it, used in every message.
    pub display: String,
    /// The workbook sheet, for Excel files.
    pub sheet: Option<String>,
    pub kind: Kind,
    /// The last row of the header block (1 unless title or group rows precede it).
    pub header_row: u32,
    /// For each column, the field it holds (None: ignored).
    fields: Vec<Option<Field>>,
    /// Each column's header as the file writes it.
    headers: Vec<String>,
    /// Headers acknowledged as not read (`columns map 'HEADER=-'`, or on the built-in list
    /// of headers known not to matter), in file order.
    pub unknown_columns: Vec<String>,
    /// Headers nothing knows, each an error in `header_errors`; the rows are still read,
    /// a suggested field's column as that field, so that one run shows every problem.
    pub unknown_headers: Vec<UnknownHeader>,
    /// The errors about unknown headers, for the caller to pass on.
    pub header_errors: Vec<Diagnostic>,
    /// Columns of personal names, recognised and never read.
    pub personal_columns: Vec<String>,
    /// Warnings about the header itself, for the caller to pass on.
    pub warnings: Vec<Diagnostic>,
    /// Notes about how the file was read (the unit taken from its title …).
    pub notes: Vec<Diagnostic>,
    unit_default: Option<String>,
    units: Option<Arc<UnitRegistry>>,
    outcome_map: Option<Arc<OutcomeMap>>,
    /// Whether any column holds a work-list fact (most files have none).
    tracked: bool,
    /// Whether the head's name column holds the title after the name (出庭人员及职务).
    name_with_title: bool,
    /// Whether the format records merged cells (xlsx, xls): if not, a required cell left
    /// empty may have been merged, and the message says how to keep the merge.
    merges_known: bool,
    /// Merged cells already reported, so that a bad value written once is named once.
    reported_merges: std::sync::Mutex<std::collections::HashSet<(u32, usize, String)>>,
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
        "xlsx" | "xlsm" | "xls" | "xlsb" | "ods" | "et" => {
            workbook::sheets(path, display, options.sheet.as_deref())
        }
        _ => Err(Diagnostic::file_error(
            display,
            "not a ledger file: expected .csv, .tsv, .xlsx, .xlsm, .xls, .xlsb, .ods or .et",
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
    let (rows, sheet, merges_known): (Rows, Option<String>, bool) = match part {
        Part::File => (
            Box::new(csv_rows::CsvRows::open(path, display).map_err(|d| vec![d])?),
            None,
            false,
        ),
        Part::Sheet(name) => (
            workbook::rows(path, display, name),
            Some(name.clone()),
            workbook::records_merges(path),
        ),
    };
    open_rows(path, display, rows, sheet, merges_known, options)
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
    open_rows(name, display, Box::new(rows), None, false, options)
}

fn open_rows(
    path: &Path,
    display: &str,
    mut rows: Rows,
    sheet: Option<String>,
    merges_known: bool,
    options: &ReadOptions,
) -> Result<Option<(LedgerFile, Rows)>, Vec<Diagnostic>> {
    let kinds = options.kind.map_or(Kind::ALL.to_vec(), |k| vec![k]);
    let (top, read_past) = header::find(&mut rows, &kinds)?;
    let named_sheet = options.sheet.is_some();
    let instructions = sheet.as_deref().is_some_and(is_instructions_sheet);
    let header = match top {
        Top::Found(_) if instructions && !named_sheet => return Ok(None),
        Top::Guess(_) | Top::Empty if sheet.is_some() && !named_sheet => return Ok(None),
        Top::Found(header) | Top::Guess(header) => header,
        // An empty file (or sheet) holds nothing to import: skipped, and said so.
        Top::Empty => return Ok(None),
    };
    let opened = Opened {
        path,
        display,
        sheet,
        merges_known,
    };
    // The first rows are read ahead: an unknown column's values tell what it holds.
    let mut rows: Rows = Box::new(read_past.into_iter().map(Ok).chain(rows));
    let sample: Vec<Result<RawRow, Diagnostic>> = rows.by_ref().take(SAMPLE_ROWS).collect();
    let sampled: Vec<&RawRow> = sample.iter().filter_map(|r| r.as_ref().ok()).collect();
    let file = LedgerFile::from_header(&opened, &header, &sampled, options)?;
    let rows: Rows = Box::new(sample.into_iter().chain(rows));
    Ok(Some((file, rows)))
}

/// Rows read ahead for what an unknown column holds.
const SAMPLE_ROWS: usize = 50;

/// A sheet of instructions (填表说明) that may quote the headers it explains.
fn is_instructions_sheet(name: &str) -> bool {
    name.contains("说明")
}

fn extension(path: &Path) -> String {
    path.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default()
}

/// Where a header was read from, for messages and the unit of the title.
struct Opened<'a> {
    path: &'a Path,
    display: &'a str,
    sheet: Option<String>,
    merges_known: bool,
}

impl LedgerFile {
    fn from_header(
        opened: &Opened,
        header: &HeaderBlock,
        sample: &[&RawRow],
        options: &ReadOptions,
    ) -> Result<LedgerFile, Vec<Diagnostic>> {
        let (path, display, sheet) = (opened.path, opened.display, &opened.sheet);
        let headers = &header.names;
        let at_header = |column: Option<&str>, message: String| Diagnostic {
            row: Some(header.first_row),
            cell: sheet.as_ref().map(|s| format!("[{s}]")),
            column: column.map(str::to_owned),
            ..Diagnostic::file_error(display, message)
        };
        let kind = match options.kind {
            Some(kind) => kind,
            None => detect_kind(path, headers).map_err(|m| vec![at_header(None, m)])?,
        };

        let ColumnMap {
            fields,
            seen,
            unknown_columns,
            personal_columns,
            unknown_headers,
            header_errors,
            mut errors,
        } = map_columns(
            kind,
            headers,
            sample,
            options.headers.as_deref(),
            &at_header,
        );
        let mut notes = Vec::new();
        let title_unit = if seen.contains_key(&Field::Unit) {
            Ok(None)
        } else if let Some(unit) = &options.unit {
            unit_against_sheet(opened, unit, options.units.as_deref()).map(|()| None)
        } else {
            unit_from_title(opened, header, options.units.as_deref())
        };
        let (unit_default, unit_refused) = match title_unit {
            Ok(Some((unit, note))) => {
                notes.push(Diagnostic {
                    severity: Severity::Note,
                    row: None,
                    ..at_header(None, note)
                });
                (Some(unit), false)
            }
            Ok(None) => (options.unit.clone(), false),
            Err(message) => {
                errors.push(at_header(None, message));
                (None, true)
            }
        };
        let unit_given = unit_default.is_some() || unit_refused;
        errors.extend(
            missing_required(kind, &seen, unit_given)
                .into_iter()
                .map(|m| at_header(None, m)),
        );
        if !errors.is_empty() {
            errors.extend(header_errors);
            return Err(errors);
        }
        let warnings: Vec<Diagnostic> = options
            .unit
            .as_ref()
            .zip(seen.get(&Field::Unit))
            .map(|(unit, column)| Diagnostic {
                severity: Severity::Warning,
                ..at_header(
                    Some(column),
                    format!(
                        "the file has a `{column}` column: --unit {unit} fills only its empty cells"
                    ),
                )
            })
            .into_iter()
            .collect();
        let tracked = fields.iter().any(|f| matches!(f, Some(Field::Track(_))));
        let name_with_title = seen
            .get(&Field::HeadName)
            .is_some_and(|h| columns::holds_name_and_title(h));
        Ok(LedgerFile {
            tracked,
            name_with_title,
            warnings,
            notes,
            display: display.to_owned(),
            sheet: sheet.clone(),
            kind,
            header_row: header.last_row,
            fields,
            headers: headers.clone(),
            unknown_columns,
            unknown_headers,
            header_errors,
            personal_columns,
            unit_default,
            units: options.units.clone(),
            outcome_map: options.outcomes.clone(),
            merges_known: opened.merges_known,
            reported_merges: std::sync::Mutex::default(),
        })
    }

    /// Whether this problem with a merged cell's value is reported for the first time.
    fn first_report_of(&self, merged: &MergedCell, message: &str) -> bool {
        self.reported_merges.lock().map_or(true, |mut seen| {
            seen.insert((merged.from_row, merged.from_column, message.to_owned()))
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

    /// Warnings for dates later than the batch's as-of date (SPEC §2.5). An open case's
    /// hearing date is exempt: a hearing is scheduled ahead, and the work list needs it
    /// (a document's 回复期限 is a deadline, not among [`Case::dates`]).
    #[must_use]
    pub fn dates_after(&self, row: u32, case: &Case, as_of: NaiveDate) -> Vec<Diagnostic> {
        let scheduled = |field: Field| field == Field::HearingOn && case.closed_on.is_none();
        case.dates()
            .filter(|(field, date)| *date > as_of && !scheduled(*field))
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

/// The required columns a file lacks, as messages; the unit is not missing when it is
/// given otherwise (`--unit`, a title) or its absence was already reported.
fn missing_required(kind: Kind, seen: &BTreeMap<Field, &str>, unit_given: bool) -> Vec<String> {
    columns::required(kind)
        .filter(|field| {
            let given_otherwise = *field == Field::Unit && unit_given;
            !seen.contains_key(field) && !given_otherwise
        })
        .map(|field| {
            let also = if field == Field::Unit {
                ", or give --unit (with a unit registry, a unit named in the title, sheet or file name is used)"
            } else {
                ""
            };
            format!(
                "required column {} is missing from this {} file{also}",
                columns::describe(kind, field),
                kind.label_zh()
            )
        })
        .collect()
}

/// A `--unit` for a sheet without a unit column, refused when the sheet is named after
/// another registered unit: a workbook of one sheet per county would otherwise be filed
/// under one county.
fn unit_against_sheet(
    opened: &Opened,
    unit: &str,
    registry: Option<&UnitRegistry>,
) -> Result<(), String> {
    let (Some(registry), Some(sheet)) = (registry, &opened.sheet) else {
        return Ok(());
    };
    match registry.named_in(sheet).as_slice() {
        [named] if !registry.named_in(unit).contains(named) => Err(format!(
            "--unit {unit}, but the sheet name `{sheet}` names {named}: leave --unit out to take each sheet's unit from its name"
        )),
        _ => Ok(()),
    }
}

/// The unit of a file without a unit column: the one registered unit its title rows,
/// else its sheet name, else its file name names. A title naming several (the prefecture
/// and a county) defers to the sheet name, then the file name; only when neither names
/// one unit is it an error. `Ok(None)`: no registry, or no name.
fn unit_from_title(
    opened: &Opened,
    header: &HeaderBlock,
    registry: Option<&UnitRegistry>,
) -> Result<Option<(String, String)>, String> {
    let Some(registry) = registry.filter(|r| !r.is_empty()) else {
        return Ok(None);
    };
    let file_name = opened
        .path
        .file_stem()
        .map(|n| n.to_string_lossy().into_owned());
    let places = [
        ("the title", Some(header.titles.join(" "))),
        ("the sheet name", opened.sheet.clone()),
        ("the file name", file_name),
    ];
    let mut several: Option<(&str, String, Vec<&str>)> = None;
    for (place, text) in places {
        let Some(text) = text else { continue };
        match registry.named_in(&text).as_slice() {
            [] => {}
            [unit] => {
                let also = several.as_ref().map_or(String::new(), |(title, text, _)| {
                    format!(" ({title} `{text}` names several)")
                });
                return Ok(Some((
                    (*unit).to_owned(),
                    format!("no unit column: every row is {unit}, named in {place} `{text}`{also}"),
                )));
            }
            units => {
                if several.is_none() {
                    several = Some((place, text.clone(), units.to_vec()));
                }
            }
        }
    }
    match several {
        Some((place, text, units)) => Err(format!(
            "no unit column, and {place} `{text}` names {} units ({}) while neither the sheet nor the file name names one; give --unit",
            units.len(),
            units.join("、")
        )),
        None => Ok(None),
    }
}

fn detect_kind(path: &Path, headers: &[String]) -> Result<Kind, String> {
    match columns::detect_kind(headers.iter().map(String::as_str)) {
        KindEvidence::Clear(kind) => Ok(kind),
        KindEvidence::Conflicting {
            first: (first, first_header),
            second: (second, second_header),
        } => Err(format!(
            "headers of two ledgers (`{first_header}` is a {} column, `{second_header}` a {} one); give --kind {} or --kind {}",
            first.label_zh(),
            second.label_zh(),
            first.key(),
            second.key()
        )),
        KindEvidence::None => path
            .file_name()
            .and_then(|n| columns::kind_from_file_name(&n.to_string_lossy()))
            .ok_or_else(|| {
                "cannot tell which ledger this is (复议台账, 应诉台账, 整改台账 or 诉前台账) from its headers or name; give --kind reconsideration, litigation, rectification or dispute".to_owned()
            }),
    }
}
