//! A [`Listing`] as a workbook of one sheet: the title and notes above a header row and a
//! row per entry, every text cell formula-safe, so a clerk can filter and sort it.

use std::io::Write;

use anyhow::{Context, Result};
use rust_xlsxwriter::{ColNum, RowNum, Workbook};

use super::grid::{Cell, Emphasis, Grid};
use crate::report::selection::Listing;

/// Writes the workbook (built whole in memory first, so a failure leaves no partial file).
pub fn write_listing(listing: &Listing, sheet: &str, out: &mut dyn Write) -> Result<()> {
    let mut grid = Grid::new(sheet)?;
    grid.title(0, &listing.title)?;
    let last_col = listing.header.len().saturating_sub(1) as ColNum;
    let mut row: RowNum = 1;
    for note in &listing.notes {
        grid.paragraph(row, last_col, note);
        row += 1;
    }
    let header_row = row;
    grid.headers(header_row, &listing.header)?;
    row += 1;
    for entry in &listing.rows {
        let cells: Vec<Cell> = entry.iter().map(|text| Cell::text(text)).collect();
        grid.row(row, &cells, Emphasis::Body)?;
        row += 1;
    }
    if listing.rows.is_empty() {
        grid.paragraph(row, last_col, &listing.empty);
    }
    let mut workbook = Workbook::new();
    workbook.push_worksheet(grid.finish((header_row + 1, 0))?);
    let bytes = workbook
        .save_to_buffer()
        .context("cannot lay out the workbook")?;
    out.write_all(&bytes)?;
    Ok(())
}
