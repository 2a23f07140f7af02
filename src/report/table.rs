//! The report and the trend as terminal tables for people.

use std::io::Write;

use anyhow::Result;
use comfy_table::{CellAlignment, Table};

use super::Report;
use super::trend::Trend;
use super::wording::{self, TextTable};
use crate::render::table;

/// The language of labels.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

/// Writes the title, the summary table, the per-unit table, the deadline table, the
/// further indicators and the 整改 and 诉前 figures (each if any) and the footer.
pub fn write_table(report: &Report, lang: Lang, out: &mut dyn Write) -> Result<()> {
    writeln!(out, "{}", wording::title(report, lang))?;
    writeln!(out, "{}", render(&wording::summary(report, lang)))?;
    if let Some(units) = wording::units(report, lang) {
        writeln!(out, "{}", render(&units))?;
    }
    if let Some(deadlines) = wording::deadlines(report, lang) {
        writeln!(out, "{}", render(&deadlines))?;
    }
    if let Some(indicators) = wording::indicators(report, lang) {
        writeln!(out, "{}", render(&indicators))?;
    }
    for records in wording::records(report, lang) {
        writeln!(out, "{}", render(&records))?;
    }
    for line in wording::footer(report, lang) {
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// Writes the trend table with its sparkline row.
pub fn write_trend_table(trend: &Trend, lang: Lang, out: &mut dyn Write) -> Result<()> {
    writeln!(out, "{}", render(&wording::trend(trend, lang)))?;
    Ok(())
}

/// A fixed-layout table (no wrapping to the terminal, so output is the same everywhere),
/// figures right-aligned.
fn render(text: &TextTable) -> Table {
    let mut table = table::with_header(text.header.clone());
    for row in &text.rows {
        table.add_row(row.clone());
    }
    for column in 1..text.header.len() {
        if let Some(c) = table.column_mut(column) {
            c.set_cell_alignment(CellAlignment::Right);
        }
    }
    table
}
