//! A worksheet as a clerk lays it out: a grid of text with merged ranges, written either
//! as an .xlsx sheet (merges kept, dates as date cells, small whole numbers as numbers) or
//! as the CSV Excel saves from it (a merge's value in its first cell, the rest empty).
//!
//! Shared by the tests and by `examples/make_layout_fixtures.rs`, so it must not depend
//! on the test harness.

use std::path::Path;

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, XlsxError};

/// A rectangle of cells written once, in its top-left cell (0-based, inclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Merge {
    pub first_row: u32,
    pub first_col: u16,
    pub last_row: u32,
    pub last_col: u16,
}

impl Merge {
    /// Excel's address of the top-left cell, e.g. `B4`.
    pub fn top_left(&self) -> String {
        address(self.first_row, self.first_col)
    }

    /// Every covered cell other than the top-left one, as Excel addresses.
    pub fn covered(&self) -> Vec<String> {
        let mut cells = Vec::new();
        for row in self.first_row..=self.last_row {
            for col in self.first_col..=self.last_col {
                if (row, col) != (self.first_row, self.first_col) {
                    cells.push(address(row, col));
                }
            }
        }
        cells
    }
}

/// Excel's address of a 0-based cell: (3, 1) → `B4`.
pub fn address(row: u32, col: u16) -> String {
    let mut n = u32::from(col) + 1;
    let mut letters = String::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.insert(0, char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    format!("{letters}{}", row + 1)
}

/// One worksheet: its name, rows of cell text ("" = empty) and merged ranges.
#[derive(Debug, Clone)]
pub struct Sheet {
    pub name: String,
    rows: Vec<Vec<String>>,
    merges: Vec<Merge>,
}

impl Sheet {
    pub fn new(name: &str) -> Sheet {
        Sheet {
            name: name.to_owned(),
            rows: Vec::new(),
            merges: Vec::new(),
        }
    }

    /// Appends a row and returns its 0-based index.
    pub fn push(&mut self, cells: Vec<String>) -> u32 {
        self.rows.push(cells);
        self.rows.len() as u32 - 1
    }

    /// Appends an empty row (a spacer) and returns its index.
    pub fn push_blank(&mut self) -> u32 {
        self.push(Vec::new())
    }

    /// Merges a range whose value is already in its top-left cell; the covered cells are
    /// emptied, as Excel does when cells are merged.
    pub fn merge(&mut self, merge: Merge) {
        assert!(
            merge.first_row < merge.last_row || merge.first_col < merge.last_col,
            "a merge covers at least two cells: {merge:?}"
        );
        for row in merge.first_row..=merge.last_row {
            for col in merge.first_col..=merge.last_col {
                if (row, col) != (merge.first_row, merge.first_col) {
                    self.set(row, col, "");
                }
            }
        }
        self.merges.push(merge);
    }

    pub fn merges(&self) -> &[Merge] {
        &self.merges
    }

    /// The text of a cell ("" outside the grid).
    pub fn get(&self, row: u32, col: u16) -> &str {
        self.rows
            .get(row as usize)
            .and_then(|r| r.get(usize::from(col)))
            .map_or("", String::as_str)
    }

    /// Writes a cell's text, widening its row as needed.
    pub fn set(&mut self, row: u32, col: u16, text: &str) {
        let cells = &mut self.rows[row as usize];
        if cells.len() <= usize::from(col) {
            cells.resize(usize::from(col) + 1, String::new());
        }
        text.clone_into(&mut cells[usize::from(col)]);
    }

    fn width(&self) -> usize {
        self.rows.iter().map(Vec::len).max().unwrap_or(0)
    }

    /// The sheet as Excel saves it as CSV: every row as wide as the widest, merges gone.
    pub fn to_csv(&self) -> Vec<u8> {
        let mut writer = csv::WriterBuilder::new()
            .flexible(false)
            .from_writer(Vec::new());
        let width = self.width();
        for row in &self.rows {
            let mut cells = row.clone();
            cells.resize(width, String::new());
            writer.write_record(&cells).expect("write CSV row");
        }
        writer.into_inner().expect("finish CSV")
    }

    /// Adds the sheet to a workbook: ISO dates as date cells, small whole numbers (序号,
    /// column numbers) as numbers, everything else as text; then the merges.
    pub fn add_to(&self, book: &mut Workbook) -> Result<(), XlsxError> {
        let date_format = Format::new().set_num_format("yyyy-mm-dd");
        let merge_format = Format::new();
        let sheet = book.add_worksheet().set_name(&self.name)?;
        for merge in &self.merges {
            sheet.merge_range(
                merge.first_row,
                merge.first_col,
                merge.last_row,
                merge.last_col,
                "",
                &merge_format,
            )?;
        }
        for (row, cells) in (0_u32..).zip(&self.rows) {
            for (col, text) in (0_u16..).zip(cells) {
                if text.is_empty() {
                    continue;
                }
                if let Some((y, m, d)) = iso_date(text) {
                    let date = ExcelDateTime::from_ymd(y, m, d)?;
                    sheet.write_datetime_with_format(row, col, date, &date_format)?;
                } else if let Some(n) = small_number(text) {
                    sheet.write_number(row, col, f64::from(n))?;
                } else {
                    sheet.write_string(row, col, text)?;
                }
            }
        }
        Ok(())
    }
}

/// Saves sheets as one workbook whose bytes depend only on the sheets (the creation time
/// is fixed), so a committed fixture can be checked against its generator.
pub fn save_workbook(sheets: &[Sheet], path: &Path) -> Result<(), XlsxError> {
    let mut book = Workbook::new();
    let created = ExcelDateTime::from_ymd(2021, 9, 1)?;
    book.set_properties(&DocProperties::new().set_creation_datetime(&created));
    for sheet in sheets {
        sheet.add_to(&mut book)?;
    }
    book.save(path)
}

/// `2021-03-05` as (2021, 3, 5) when it is a real date; anything else is text.
fn iso_date(text: &str) -> Option<(u16, u8, u8)> {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let (y, m, d) = (
        text[..4].parse().ok()?,
        text[5..7].parse().ok()?,
        text[8..].parse().ok()?,
    );
    chrono::NaiveDate::from_ymd_opt(i32::from(y), u32::from(m), u32::from(d))?;
    Some((y, m, d))
}

/// `1` … `9999` without a leading zero (not a telephone number or a case number).
fn small_number(text: &str) -> Option<u16> {
    let plain = text.len() <= 4 && !text.starts_with('0');
    plain.then(|| text.parse().ok()).flatten()
}
