//! Streams the rows of a CSV or TSV file as decoded text cells, numbered as Excel
//! numbers them. Memory stays flat whatever the file's size.

use std::fs::File;
use std::io::{BufReader, Read, Seek, SeekFrom};
use std::path::Path;

use super::cell::Cell;
use super::decode::{ByteOrderMark, Encoding, FieldDecoder, sniff_bom};
use super::{Diagnostic, RawRow};

/// Rows of one delimited text file.
pub struct CsvRows {
    display: String,
    reader: csv::Reader<BufReader<File>>,
    record: csv::ByteRecord,
    decoder: FieldDecoder,
    /// Spreadsheet row of the previous record, and the line after it ended.
    last_row: u32,
    next_line: u64,
    done: bool,
}

impl CsvRows {
    /// Opens a file; `.tsv` files are tab-separated, everything else comma-separated.
    pub fn open(path: &Path, display: &str) -> Result<CsvRows, Diagnostic> {
        let cannot =
            |e: std::io::Error| Diagnostic::file_error(display, format!("cannot read: {e}"));
        let mut file = File::open(path).map_err(cannot)?;
        let mut start = [0_u8; 3];
        let read = read_up_to(&mut file, &mut start).map_err(cannot)?;
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
        file.seek(SeekFrom::Start(skip)).map_err(cannot)?;
        let tab = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("tsv"));
        let reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(if tab { b'\t' } else { b',' })
            .from_reader(BufReader::with_capacity(1 << 16, file));
        Ok(CsvRows {
            display: display.to_owned(),
            reader,
            record: csv::ByteRecord::new(),
            decoder,
            last_row: 0,
            next_line: 1,
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
        let inner_newlines: u64 = self.record.iter().map(newlines).sum();
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
                None
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
                let row = self.row_of_record();
                if let Err(why) = self.decoder.check_row(self.record.iter()) {
                    return Some(Err(Diagnostic {
                        row: Some(row),
                        ..Diagnostic::file_error(
                            &self.display,
                            format!("{why}; save the file as CSV UTF-8 or GB18030"),
                        )
                    }));
                }
                let mut cells = Vec::with_capacity(self.record.len());
                for (index, bytes) in self.record.iter().enumerate() {
                    match self.decoder.decode(bytes) {
                        Ok(text) => cells.push(Cell::Text(text)),
                        Err(why) => {
                            return Some(Err(Diagnostic {
                                row: Some(row),
                                column: Some(format!("column {}", index + 1)),
                                ..Diagnostic::file_error(
                                    &self.display,
                                    format!("{why}; save the file as CSV UTF-8 or GB18030"),
                                )
                            }));
                        }
                    }
                }
                Some(Ok(RawRow { row, cells }))
            }
        }
    }
}

fn read_up_to(file: &mut File, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match file.read(&mut buf[filled..])? {
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
