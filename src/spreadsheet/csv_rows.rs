//! Streams the rows of a CSV or TSV file as decoded text cells, numbered as Excel
//! numbers them. Memory stays flat whatever the file's size.

use std::fs::File;
use std::io::{BufReader, Cursor, Read};
use std::path::Path;

use super::cell::Cell;
use super::decode::{ByteOrderMark, Encoding, FieldDecoder, sniff_bom};
use super::limits::{MAX_CELL_CHARS, MAX_COLUMNS, MAX_ROW_BYTES};
use super::{Diagnostic, RawRow, Severity};

/// Rows of one delimited text file.
pub struct CsvRows {
    display: String,
    reader: csv::Reader<BufReader<LastByte>>,
    record: csv::ByteRecord,
    decoder: FieldDecoder,
    /// Spreadsheet row of the previous record, and the line after it ended.
    last_row: u32,
    next_line: u64,
    /// The most cells of any record before the latest one, and what the latest one
    /// looked like, to tell a file that ends part-way through a row.
    widest_before: usize,
    latest: LatestRecord,
    done: bool,
}

/// The shape of the record read last.
#[derive(Default)]
struct LatestRecord {
    cells: usize,
    /// Its last cell holds a line break, as when a quote is still open at the end.
    open_line_break: bool,
}

impl CsvRows {
    /// Opens a file; `.tsv` files are tab-separated, everything else comma-separated.
    pub fn open(path: &Path, display: &str) -> Result<CsvRows, Diagnostic> {
        let file = File::open(path)
            .map_err(|e| Diagnostic::file_error(display, format!("cannot read: {e}")))?;
        CsvRows::from_reader(Box::new(file), display, is_tsv(path))
    }

    /// Reads delimited text from any source: `tab` for tab-separated.
    pub fn from_reader(
        mut source: Box<dyn Read + Send>,
        display: &str,
        tab: bool,
    ) -> Result<CsvRows, Diagnostic> {
        let mut start = [0_u8; 3];
        let read = read_up_to(&mut source, &mut start)
            .map_err(|e| Diagnostic::file_error(display, format!("cannot read: {e}")))?;
        let (decoder, skip) = match sniff_bom(&start[..read]) {
            ByteOrderMark::Utf8 => (FieldDecoder::settled(Encoding::Utf8), 3),
            ByteOrderMark::Utf16 => {
                return Err(Diagnostic::file_error(
                    display,
                    "the file is UTF-16 (Excel's \"Unicode text\"); save it as \"CSV UTF-8\" or \"CSV (comma delimited)\"",
                ));
            }
            ByteOrderMark::None => (FieldDecoder::default(), 0),
        };
        // The sniffed bytes that are not a byte-order mark go back in front of the rest.
        let unread = start[skip.min(read)..read].to_vec();
        let source = LastByte {
            inner: Box::new(Cursor::new(unread).chain(source)),
            last: None,
            passed: 0,
            record_start: 0,
        };
        let reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(if tab { b'\t' } else { b',' })
            .from_reader(BufReader::with_capacity(1 << 16, source));
        Ok(CsvRows {
            display: display.to_owned(),
            reader,
            record: csv::ByteRecord::new(),
            decoder,
            last_row: 0,
            next_line: 1,
            widest_before: 0,
            latest: LatestRecord::default(),
            done: false,
        })
    }

    /// The spreadsheet row of the record just read. The csv reader skips empty lines and
    /// counts the lines inside quoted cells; Excel does the opposite, so correct for both.
    fn row_of_record(&mut self) -> u32 {
        let line = self
            .record
            .position()
            .map_or(self.next_line, csv::Position::line);
        let skipped_blank_lines = line.saturating_sub(self.next_line) as u32;
        // The record's fields lie end to end in one buffer: one pass over all of them.
        let inner_newlines = newlines(self.record.as_slice());
        self.next_line = line + 1 + inner_newlines;
        self.last_row += 1 + skipped_blank_lines;
        self.last_row
    }
}

impl Iterator for CsvRows {
    type Item = Result<RawRow, Diagnostic>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        match self.reader.read_byte_record(&mut self.record) {
            Ok(false) => {
                self.done = true;
                self.cut_short().map(Err)
            }
            Err(e) => {
                self.done = true;
                let row = self.last_row + 1;
                Some(Err(Diagnostic {
                    row: Some(row),
                    ..Diagnostic::file_error(
                        &self.display,
                        format!("cannot read the file here: {e}"),
                    )
                }))
            }
            Ok(true) => {
                let next_record = self.reader.position().byte();
                self.reader.get_mut().get_mut().record_start = next_record;
                let row = self.row_of_record();
                self.widest_before = self.widest_before.max(self.latest.cells);
                self.latest = LatestRecord {
                    cells: self.record.len(),
                    open_line_break: self
                        .record
                        .iter()
                        .next_back()
                        .is_some_and(|c| c.contains(&b'\n')),
                };
                Some(self.cells(row).map(|cells| RawRow::new(row, cells)))
            }
        }
    }
}

impl CsvRows {
    /// Decodes the cells of the record just read, refusing bytes no spreadsheet writes.
    fn cells(&mut self, row: u32) -> Result<Vec<Cell>, Diagnostic> {
        let at = |column: Option<usize>, message: String| Diagnostic {
            row: Some(row),
            column: column.map(|index| format!("column {}", index + 1)),
            ..Diagnostic::file_error(&self.display, message)
        };
        if let Err(why) = self.decoder.check_row(self.record.iter()) {
            return Err(at(
                None,
                format!("{why}; save the file as CSV UTF-8 or GB18030"),
            ));
        }
        if self.record.len() > MAX_COLUMNS {
            return Err(at(
                Some(MAX_COLUMNS),
                format!(
                    "a row of {} cells, more than a spreadsheet row holds ({MAX_COLUMNS}): the file is damaged",
                    self.record.len()
                ),
            ));
        }
        // Checked in one pass over the whole record, then cell by cell only to name one.
        let has_nul = self.record.as_slice().contains(&0);
        let mut cells = Vec::with_capacity(self.record.len());
        for (index, bytes) in self.record.iter().enumerate() {
            if has_nul && bytes.contains(&0) {
                return Err(at(
                    Some(index),
                    "a NUL byte, which spreadsheets never write: the file is damaged, or UTF-16 without a byte-order mark; save it as CSV UTF-8 or GB18030".to_owned(),
                ));
            }
            let text = self.decoder.decode(bytes).map_err(|why| {
                at(
                    Some(index),
                    format!("{why}; save the file as CSV UTF-8 or GB18030"),
                )
            })?;
            // Bytes are never fewer than characters: count only when it could matter.
            if bytes.len() > MAX_CELL_CHARS && text.chars().count() > MAX_CELL_CHARS {
                let start: String = text.chars().take(12).collect();
                return Err(at(
                    Some(index),
                    format!(
                        "a cell of {} characters (`{start}…`), more than a spreadsheet cell holds ({MAX_CELL_CHARS}): the file is damaged, or a quote (\") in it is never closed",
                        text.chars().count()
                    ),
                ));
            }
            cells.push(Cell::Text(text));
        }
        Ok(cells)
    }

    /// A warning when the file stops part-way through its last row: fewer cells than the
    /// rows before, and no line break at the end (or one inside a quote left open).
    fn cut_short(&self) -> Option<Diagnostic> {
        let ends_with_line_break =
            matches!(self.reader.get_ref().get_ref().last, Some(b'\n' | b'\r'));
        let short = self.latest.cells < self.widest_before;
        if !short || (ends_with_line_break && !self.latest.open_line_break) {
            return None;
        }
        Some(Diagnostic {
            severity: Severity::Warning,
            row: Some(self.last_row),
            ..Diagnostic::file_error(
                &self.display,
                format!(
                    "the file ends inside this row ({} of {} cells{}): it may have been cut short; compare it with the original",
                    self.latest.cells,
                    self.widest_before,
                    if self.latest.open_line_break {
                        ", in a quote never closed"
                    } else {
                        ""
                    }
                ),
            )
        })
    }
}

/// A reader that remembers the last byte it passed on (whether a file ends with a line
/// break), and stops a row that runs past [`MAX_ROW_BYTES`] while it is read: the csv
/// reader holds a whole record, so a line of a gigabyte would otherwise fill the memory.
struct LastByte {
    inner: Box<dyn Read + Send>,
    last: Option<u8>,
    /// Bytes passed on, and where the record being read began (set after each record).
    passed: u64,
    record_start: u64,
}

impl Read for LastByte {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        // What the csv reader has buffered ahead of the record is not yet part of it.
        let ahead = buf.len() as u64;
        if self.passed.saturating_sub(self.record_start) > MAX_ROW_BYTES + ahead {
            return Err(std::io::Error::other(format!(
                "a row of more than {} MiB, more than a spreadsheet writes: the file is damaged, or a quote (\") in it is never closed",
                MAX_ROW_BYTES >> 20
            )));
        }
        let n = self.inner.read(buf)?;
        self.passed += n as u64;
        if let Some(byte) = buf[..n].last() {
            self.last = Some(*byte);
        }
        Ok(n)
    }
}

/// Whether a file is tab-separated, by its extension.
pub fn is_tsv(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("tsv"))
}

fn read_up_to(source: &mut dyn Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match source.read(&mut buf[filled..])? {
            0 => break,
            n => filled += n,
        }
    }
    Ok(filled)
}

/// Line breaks inside one cell (cells are short: a plain count is fastest).
#[allow(clippy::naive_bytecount)]
fn newlines(cell: &[u8]) -> u64 {
    cell.iter().filter(|b| **b == b'\n').count() as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(bytes: &[u8]) -> Vec<Result<RawRow, Diagnostic>> {
        let source = Box::new(Cursor::new(bytes.to_vec()));
        CsvRows::from_reader(source, "t.csv", false)
            .map_or_else(|d| vec![Err(d)], Iterator::collect)
    }

    fn texts(row: &Result<RawRow, Diagnostic>) -> Vec<String> {
        match row {
            Ok(row) => row.cells.iter().map(Cell::text).collect(),
            Err(d) => panic!("expected a row, got {d}"),
        }
    }

    fn problem(row: &Result<RawRow, Diagnostic>) -> &Diagnostic {
        match row {
            Ok(row) => panic!("expected a diagnostic, got row {}", row.row),
            Err(d) => d,
        }
    }

    #[test]
    fn bytes_around_the_byte_order_mark_are_kept() {
        assert_eq!(texts(&read(b"a")[0]), ["a"]);
        assert_eq!(texts(&read(b"ab,c\n")[0]), ["ab", "c"]);
        assert_eq!(texts(&read(b"\xEF\xBB\xBFa,b")[0]), ["a", "b"]);
        assert!(read(b"\xEF\xBB\xBF").is_empty());
        assert!(read(b"").is_empty());
    }

    #[test]
    fn a_nul_byte_is_an_error_at_its_cell() {
        let rows = read(b"a,b\nc,d\0\n");
        assert_eq!(texts(&rows[0]), ["a", "b"]);
        let d = problem(&rows[1]);
        assert_eq!((d.row, d.column.as_deref()), (Some(2), Some("column 2")));
        assert!(d.is_error() && d.message.contains("NUL"), "{d}");
    }

    #[test]
    fn a_row_longer_than_the_limit_is_stopped_while_it_is_read() {
        // Commas: every byte a cell, the costliest row for the csv reader to hold.
        let limit = usize::try_from(MAX_ROW_BYTES).unwrap();
        let mut bytes = b"a,b\n".to_vec();
        bytes.resize(bytes.len() + limit + (1 << 20), b',');
        bytes.extend_from_slice(b"\nc,d\n");
        let rows = read(&bytes);
        assert_eq!(texts(&rows[0]), ["a", "b"]);
        let d = problem(&rows[1]).clone();
        assert_eq!(d.row, Some(2));
        assert!(d.message.contains("a row of more than 4 MiB"), "{d}");
        assert_eq!(rows.len(), 2, "reading stops at the row");
        // A row of as many cells as a sheet has is read; one more is refused.
        let mut wide = vec![b','; MAX_COLUMNS];
        wide.push(b'\n');
        let d = problem(&read(&wide)[0]).clone();
        assert!(d.message.contains("16385 cells"), "{d}");
        let mut fits = vec![b','; MAX_COLUMNS - 1];
        fits.push(b'\n');
        assert_eq!(texts(&read(&fits)[0]).len(), MAX_COLUMNS);
    }

    #[test]
    fn a_cell_longer_than_a_spreadsheet_cell_is_an_error() {
        let mut ok = "案".repeat(MAX_CELL_CHARS).into_bytes();
        ok.push(b'\n');
        assert_eq!(texts(&read(&ok)[0])[0].chars().count(), MAX_CELL_CHARS);
        let long = format!("a,{}\n", "x".repeat(MAX_CELL_CHARS + 1));
        let d = problem(&read(long.as_bytes())[0]).clone();
        assert_eq!((d.row, d.column.as_deref()), (Some(1), Some("column 2")));
        assert!(
            d.message.contains("32768 characters (`xxxxxxxxxxxx…`)"),
            "{d}"
        );
    }

    #[test]
    fn a_file_that_stops_inside_its_last_row_is_warned_about() {
        let rows = read(b"a,b,c\n1,2,3\n4,5");
        assert_eq!(rows.len(), 4);
        assert_eq!(texts(&rows[2]), ["4", "5"]);
        let d = problem(&rows[3]);
        assert_eq!(d.severity, Severity::Warning);
        assert_eq!(d.row, Some(3));
        assert!(d.message.contains("2 of 3 cells"), "{d}");

        let open_quote = read(b"a,b,c\n1,\"two\nlines");
        let d = problem(&open_quote[2]);
        assert!(
            d.message.contains("2 of 3 cells, in a quote never closed"),
            "{d}"
        );

        // A short last row that ends with a line break, and a whole last row without
        // one, are ordinary.
        assert_eq!(read(b"a,b,c\n1,2\n").len(), 2);
        assert_eq!(read(b"a,b,c\n1,2,3").len(), 2);
        assert_eq!(read(b"a,b,c\r\n1,\"x\"\r\n").len(), 2);
    }
}
