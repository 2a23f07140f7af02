//! Rows of Excel workbooks (.xlsx, .xlsm, .xls): each sheet streamed row by row, with dates,
//! numbers and booleans kept as the typed values Excel stored.
//!
//! calamine's streaming reader borrows its workbook, so each sheet is read on its own
//! thread that owns the workbook and hands rows over a small bounded channel: memory
//! stays flat for .xlsx whatever the sheet's size (.xls sheets, at most 65,536 rows,
//! are read whole).

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

use calamine::{Data, DataRef, Reader, Sheets, open_workbook_auto};

use super::cell::{Cell, parse_date};
use super::{Contents, Diagnostic, Part, RawRow, Rows};

/// Rows in flight between the reading thread and the importer.
const CHANNEL_ROWS: usize = 256;

/// The sheets of a workbook to read: all of them, or the one named by `--sheet`.
pub fn sheets(path: &Path, display: &str, wanted: Option<&str>) -> Result<Contents, Diagnostic> {
    let book = open_workbook_auto(path)
        .map_err(|e| Diagnostic::file_error(display, format!("cannot read the workbook: {e}")))?;
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
                            let done = current.take();
                            if done.is_some_and(|r| tx.send(Ok(r)).is_err()) {
                                return;
                            }
                        }
                        let raw = current.get_or_insert_with(|| RawRow {
                            row,
                            cells: Vec::new(),
                        });
                        place(
                            &mut raw.cells,
                            column as usize,
                            from_data_ref(cell.get_value()),
                        );
                    }
                    Ok(None) => break,
                    Err(e) => return fail(format!("cannot read the sheet: {e}")),
                }
            }
            if let Some(raw) = current {
                let _ = tx.send(Ok(raw));
            }
        }
        Ok(mut book) => {
            let range = match book.worksheet_range(sheet) {
                Ok(range) => range,
                Err(e) => return fail(format!("cannot read the sheet: {e}")),
            };
            let (first_row, first_column) = range.start().unwrap_or((0, 0));
            for (offset, cells) in range.rows().enumerate() {
                let mut row = vec![Cell::Empty; first_column as usize];
                row.extend(cells.iter().map(from_data));
                let raw = RawRow {
                    row: first_row + offset as u32 + 1,
                    cells: row,
                };
                if tx.send(Ok(raw)).is_err() {
                    return;
                }
            }
        }
        Err(e) => fail(format!("cannot read the workbook: {e}")),
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
        Data::Error(e) => Cell::Text(e.to_string()),
        Data::Empty => Cell::Empty,
    }
}

/// A date-formatted cell is a date; a time-only or duration cell stays a number.
fn date_time(dt: &calamine::ExcelDateTime) -> Cell {
    match dt.as_datetime() {
        Some(value) if dt.is_datetime() => Cell::Date(value.date()),
        _ => Cell::Number(dt.as_f64()),
    }
}

fn iso_date(text: &str) -> Cell {
    let date_part = text.split('T').next().unwrap_or(text);
    parse_date(date_part).map_or_else(|| Cell::Text(text.to_owned()), Cell::Date)
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
