//! Rows of workbooks (.xlsx, .xlsm, .xls, .xlsb, .ods, and WPS .et files that are one of
//! these inside): each sheet streamed row by row, with dates, numbers, booleans and error
//! values kept as the typed values the workbook stored, and a value written once in a
//! vertically merged cell given to every row the merge covers (.xlsx and .xls record
//! merges; the others do not, and nothing is filled by guess).
//!
//! calamine's streaming reader borrows its workbook, so each sheet is read on its own
//! thread that owns the workbook and hands rows over a small bounded channel: memory
//! stays flat for .xlsx whatever the sheet's size (other formats are read a sheet at a
//! time).

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

use calamine::{Data, DataRef, Dimensions, Reader, Sheets, open_workbook_auto};

use super::cell::Cell;
use super::limits;
use super::{Contents, Diagnostic, MergedCell, Part, RawRow, Rows};

/// Rows in flight between the reading thread and the importer.
const CHANNEL_ROWS: usize = 256;

/// The sheets of a workbook to read: all of them, or the one named by `--sheet`.
pub fn sheets(path: &Path, display: &str, wanted: Option<&str>) -> Result<Contents, Diagnostic> {
    check_parts(path, display)?;
    let book = open_workbook_auto(path).map_err(|e| cannot_open(path, display, &e))?;
    let names = book.sheet_names();
    let parts = match wanted {
        Some(name) if names.iter().any(|n| n == name) => vec![Part::Sheet(name.to_owned())],
        Some(name) => {
            return Err(Diagnostic::file_error(
                display,
                format!(
                    "no sheet `{name}` in this workbook (sheets: {})",
                    names.join(", ")
                ),
            ));
        }
        None => names.into_iter().map(Part::Sheet).collect(),
    };
    Ok(Contents { parts })
}

/// Refuses a zipped workbook (.xlsx, .xlsm, .xlsb, .ods) with a part that declares it
/// inflates past the bounds of [`limits`], before anything is inflated; the zip reader
/// stops a part that inflates past what it declares. A file that is no zip (.xls) is
/// left to calamine.
fn check_parts(path: &Path, display: &str) -> Result<(), Diagnostic> {
    let Ok(file) = std::fs::File::open(path) else {
        return Ok(()); // calamine says why
    };
    let Ok(mut archive) = zip::ZipArchive::new(std::io::BufReader::new(file)) else {
        return Ok(());
    };
    for index in 0..archive.len() {
        let Ok(part) = archive.by_index_raw(index) else {
            continue; // calamine says why, if it needs the part
        };
        let (size, packed) = (part.size(), part.compressed_size());
        let name = part
            .name()
            .map(std::borrow::Cow::into_owned)
            .unwrap_or_default();
        let refuse = |why: String| {
            Err(Diagnostic::file_error(
                display,
                format!(
                    "the workbook's part `{name}` {why}: the file is damaged or made to fill the memory; open it in Excel or WPS and save it again"
                ),
            ))
        };
        if size > limits::INFLATION_FROM_BYTES && size / packed.max(1) > limits::MAX_INFLATION {
            return refuse(format!(
                "inflates {} times ({} MiB from {} KiB), more than markup does ({}×)",
                size / packed.max(1),
                size >> 20,
                packed >> 10,
                limits::MAX_INFLATION
            ));
        }
        let is_shared_strings = name
            .rsplit('/')
            .next()
            .is_some_and(|n| n.eq_ignore_ascii_case("sharedStrings.xml"));
        if is_shared_strings && size > limits::MAX_SHARED_STRINGS_BYTES {
            return refuse(format!(
                "holds {} MiB of text, more than {} MiB",
                size >> 20,
                limits::MAX_SHARED_STRINGS_BYTES >> 20
            ));
        }
    }
    Ok(())
}

/// Why a cell's value cannot be a spreadsheet's: longer than a cell holds, or holding a
/// NUL (`_x0000_` in the XML), which CSV refuses too.
fn cell_problem(cell: &Cell) -> Option<String> {
    let Cell::Text(text) = cell else {
        return None;
    };
    if text.len() > limits::MAX_CELL_CHARS && text.chars().count() > limits::MAX_CELL_CHARS {
        let start: String = text.chars().take(12).collect();
        return Some(format!(
            "a cell of {} characters (`{start}…`), more than a spreadsheet cell holds ({}): the file is damaged",
            text.chars().count(),
            limits::MAX_CELL_CHARS
        ));
    }
    if text.contains('\0') {
        return Some(
            "a NUL character (`_x0000_`), which spreadsheets never hold: the file is damaged"
                .to_owned(),
        );
    }
    None
}

/// An error at one cell of a sheet (0-based column).
fn at_cell(display: &str, sheet: &str, row: u32, column: usize, message: String) -> Diagnostic {
    Diagnostic {
        row: Some(row),
        cell: Some(format!("[{sheet}] {}{row}", column_letters(column))),
        ..Diagnostic::file_error(display, message)
    }
}

fn cannot_open(path: &Path, display: &str, error: &calamine::Error) -> Diagnostic {
    let is_et = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("et"));
    let message = if is_et {
        "this WPS spreadsheet is in WPS's own format, which caseledger cannot read; open it in WPS and save it as .xlsx (Excel workbook)".to_owned()
    } else {
        format!("cannot read the workbook: {error}")
    };
    Diagnostic::file_error(display, message)
}

/// Whether the workbook's format records merged cells, which only .xlsx (.xlsm) and .xls
/// do among those calamine reads; a WPS .et file is judged by what is inside it.
#[must_use]
pub fn records_merges(path: &Path) -> bool {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match extension.as_str() {
        "xlsx" | "xlsm" | "xls" => true,
        // Opening reads a workbook's shared strings: only worth it when the name says nothing.
        "et" => matches!(
            open_workbook_auto(path),
            Ok(Sheets::Xlsx(_) | Sheets::Xls(_))
        ),
        _ => false,
    }
}

/// The rows of one sheet, read lazily on a thread of their own.
pub fn rows(path: &Path, display: &str, sheet: &str) -> Rows {
    Box::new(SheetRows::Pending {
        path: path.to_path_buf(),
        display: display.to_owned(),
        sheet: sheet.to_owned(),
    })
}

enum SheetRows {
    Pending {
        path: PathBuf,
        display: String,
        sheet: String,
    },
    Streaming(Receiver<Result<RawRow, Diagnostic>>),
}

impl Iterator for SheetRows {
    type Item = Result<RawRow, Diagnostic>;

    fn next(&mut self) -> Option<Self::Item> {
        if let SheetRows::Pending {
            path,
            display,
            sheet,
        } = self
        {
            let (tx, rx) = sync_channel(CHANNEL_ROWS);
            let (path, display, sheet) = (path.clone(), display.clone(), sheet.clone());
            std::thread::spawn(move || stream(&path, &display, &sheet, &tx));
            *self = SheetRows::Streaming(rx);
        }
        match self {
            // A closed channel means the sheet ended (or its thread stopped after an error).
            SheetRows::Streaming(rx) => rx.recv().ok(),
            SheetRows::Pending { .. } => None,
        }
    }
}

/// Reads a sheet and sends its rows; stops quietly when the receiver is gone.
fn stream(path: &Path, display: &str, sheet: &str, tx: &SyncSender<Result<RawRow, Diagnostic>>) {
    let fail = |message: String| {
        let _ = tx.send(Err(Diagnostic {
            cell: Some(format!("[{sheet}]")),
            ..Diagnostic::file_error(display, message)
        }));
    };

    match open_workbook_auto(path) {
        Ok(Sheets::Xlsx(mut book)) => {
            let merges = match book.merge_cells_by_sheet_name(sheet) {
                Ok(merges) => merges,
                Err(e) => return fail(format!("cannot read the sheet's merged cells: {e}")),
            };
            let mut fill = FillDown::new(merges);
            let mut reader = match book.worksheet_cells_reader(sheet) {
                Ok(reader) => reader,
                Err(e) => return fail(format!("cannot read the sheet: {e}")),
            };
            let mut current: Option<RawRow> = None;
            loop {
                match reader.next_cell() {
                    Ok(Some(cell)) => {
                        let (row, column) = cell.get_position();
                        let row = row + 1;
                        if current.as_ref().is_some_and(|r| r.row != row) {
                            let done = current.take().map(|r| fill.apply(r));
                            if done.is_some_and(|r| tx.send(Ok(r)).is_err()) {
                                return;
                            }
                        }
                        let column = column as usize;
                        if column >= limits::MAX_COLUMNS {
                            let message = format!(
                                "a cell beyond the last column a sheet has ({}): the file is damaged",
                                column_letters(limits::MAX_COLUMNS - 1)
                            );
                            let _ = tx.send(Err(at_cell(display, sheet, row, column, message)));
                            return;
                        }
                        let value = from_data_ref(cell.get_value());
                        if let Some(message) = cell_problem(&value) {
                            let _ = tx.send(Err(at_cell(display, sheet, row, column, message)));
                            return;
                        }
                        let raw = current.get_or_insert_with(|| RawRow::new(row, Vec::new()));
                        place(&mut raw.cells, column, value);
                    }
                    Ok(None) => break,
                    Err(e) => return fail(format!("cannot read the sheet: {e}")),
                }
            }
            if let Some(raw) = current {
                let _ = tx.send(Ok(fill.apply(raw)));
            }
        }
        Ok(Sheets::Xls(mut book)) => {
            let merges = book.merge_cells_by_sheet_name(sheet).unwrap_or_default();
            send_range(&mut book, (display, sheet), FillDown::new(merges), tx, fail);
        }
        Ok(mut book) => send_range(
            &mut book,
            (display, sheet),
            FillDown::new(Vec::new()),
            tx,
            fail,
        ),
        Err(e) => {
            let _ = tx.send(Err(Diagnostic {
                cell: Some(format!("[{sheet}]")),
                ..cannot_open(path, display, &e)
            }));
        }
    }
}

/// Sends the rows of a sheet read whole (every format but .xlsx).
fn send_range<R: Reader<std::io::BufReader<std::fs::File>>>(
    book: &mut R,
    (display, sheet): (&str, &str),
    mut fill: FillDown,
    tx: &SyncSender<Result<RawRow, Diagnostic>>,
    fail: impl Fn(String),
) where
    R::Error: std::fmt::Display,
{
    let range = match book.worksheet_range(sheet) {
        Ok(range) => range,
        Err(e) => return fail(format!("cannot read the sheet: {e}")),
    };
    let (first_row, first_column) = range.start().unwrap_or((0, 0));
    for (offset, cells) in range.rows().enumerate() {
        let number = first_row + offset as u32 + 1;
        let mut row = vec![Cell::Empty; first_column as usize];
        row.extend(cells.iter().map(from_data));
        if let Some((column, message)) = row
            .iter()
            .enumerate()
            .find_map(|(column, cell)| Some((column, cell_problem(cell)?)))
        {
            let _ = tx.send(Err(at_cell(display, sheet, number, column, message)));
            return;
        }
        let raw = fill.apply(RawRow::new(number, row));
        if tx.send(Ok(raw)).is_err() {
            return;
        }
    }
}

/// Gives the value of a vertically merged cell to every row its merge covers, and marks
/// those cells (the top-left one included) so problems are reported where it was written.
struct FillDown {
    /// Merges over more than one row, by first row (0-based, as calamine gives them).
    pending: std::vec::IntoIter<Dimensions>,
    next: Option<Dimensions>,
    /// Merges under way: the merge, and the value of its top-left cell.
    active: Vec<(Dimensions, Cell)>,
}

impl FillDown {
    fn new(mut merges: Vec<Dimensions>) -> FillDown {
        merges.retain(|m| m.end.0 > m.start.0);
        merges.sort_unstable_by_key(|m| m.start);
        let mut pending = merges.into_iter();
        let next = pending.next();
        FillDown {
            pending,
            next,
            active: Vec::new(),
        }
    }

    fn apply(&mut self, mut raw: RawRow) -> RawRow {
        if self.next.is_none() && self.active.is_empty() {
            return raw;
        }
        let row = raw.row - 1;
        self.active.retain(|(m, _)| m.end.0 >= row);
        while let Some(merge) = self.next.filter(|m| m.start.0 <= row) {
            self.next = self.pending.next();
            if merge.end.0 < row {
                continue; // began on a row the sheet did not store, and ended before this one
            }
            let column = merge.start.1 as usize;
            let value = if merge.start.0 == row {
                raw.cells.get(column).cloned().unwrap_or(Cell::Empty)
            } else {
                Cell::Empty
            };
            self.active.push((merge, value));
        }
        for (merge, value) in &self.active {
            let column = merge.start.1 as usize;
            if value.is_blank() {
                continue;
            }
            if row > merge.start.0 {
                place(&mut raw.cells, column, value.clone());
            }
            raw.merged.push(MergedCell {
                column,
                from_row: merge.start.0 + 1,
                from_column: column,
            });
        }
        raw
    }
}

fn place(cells: &mut Vec<Cell>, column: usize, value: Cell) {
    if cells.len() <= column {
        cells.resize(column + 1, Cell::Empty);
    }
    cells[column] = value;
}

fn from_data_ref(data: &DataRef) -> Cell {
    from_data(&Data::from(data.clone()))
}

#[allow(clippy::cast_precision_loss)] // integers in a ledger cell are far below 2^52
fn from_data(data: &Data) -> Cell {
    match data {
        Data::String(text) | Data::DurationIso(text) => Cell::Text(text.clone()),
        Data::Int(n) => Cell::Number(*n as f64),
        Data::Float(n) => Cell::Number(*n),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) => date_time(dt),
        Data::DateTimeIso(text) => iso_date(text),
        Data::Error(e) => Cell::Error(e.to_string()),
        Data::Empty => Cell::Empty,
    }
}

/// A date-formatted cell is a date; a time-only or duration cell stays a number.
fn date_time(dt: &calamine::ExcelDateTime) -> Cell {
    match dt.as_datetime() {
        Some(value) if dt.is_datetime() && value.time() != chrono::NaiveTime::MIN => {
            Cell::DateTime(value)
        }
        Some(value) if dt.is_datetime() => Cell::Date(value.date()),
        _ => Cell::Number(dt.as_f64()),
    }
}

fn iso_date(text: &str) -> Cell {
    match super::cell::parse_date_time(text) {
        Some((Some(date), Some(time))) if time != chrono::NaiveTime::MIN => {
            Cell::DateTime(date.and_time(time))
        }
        Some((Some(date), _)) => Cell::Date(date),
        _ => Cell::Text(text.to_owned()),
    }
}

/// Excel's column letters for a 0-based column index: 0 → A, 25 → Z, 26 → AA.
#[must_use]
pub fn column_letters(index: usize) -> String {
    let mut n = index + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_like_excel() {
        for (index, letters) in [
            (0, "A"),
            (4, "E"),
            (25, "Z"),
            (26, "AA"),
            (27, "AB"),
            (701, "ZZ"),
            (702, "AAA"),
        ] {
            assert_eq!(column_letters(index), letters);
        }
    }
}
