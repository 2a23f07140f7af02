//! The monthly 包案 调度表 as a Word document: the title, then for each leader a heading,
//! the tally line and a table of their cases, on the official page turned for the
//! table's nine columns. The words and cells are those of every other format.

use std::io::Write;

use anyhow::Result;

use crate::leads::LeadSheet;
use crate::leads::text::{COLUMNS, cells, empty_note, footer, summary_line, title};
use crate::report::docx::{Document, Look, Orientation, Table};

/// The share of the page's width of each of [`COLUMNS`]: the progress notes widest.
const SHARES: [u32; COLUMNS.len()] = [10, 17, 8, 14, 5, 11, 10, 11, 30];

/// Writes the sheet as a .docx.
pub fn write_lead_sheet(sheet: &LeadSheet, out: &mut dyn Write) -> Result<()> {
    let mut doc = Document::new(Orientation::Landscape);
    doc.paragraph(Look::TITLE, &title(sheet));
    doc.paragraph(Look::FLUSH, "");
    if sheet.leads.is_empty() {
        doc.paragraph(Look::BODY, &empty_note(sheet));
    }
    for entry in &sheet.leads {
        doc.paragraph(Look::HEADING, &entry.lead);
        doc.paragraph(Look::BODY, &summary_line(entry));
        doc.table(&Table {
            shares: SHARES.to_vec(),
            header: COLUMNS.map(str::to_owned).to_vec(),
            rows: entry
                .cases
                .iter()
                .map(|case| cells(case).to_vec())
                .collect(),
        });
    }
    for (i, line) in footer(sheet).iter().enumerate() {
        let text = if i == 0 {
            format!("注：{line}")
        } else {
            line.clone()
        };
        doc.paragraph(Look::NOTE, &text);
    }
    doc.write(out)
}
