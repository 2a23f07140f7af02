//! The report as Markdown, for pasting into documents.

use std::io::Write;

use anyhow::Result;

use super::wording::{self, TextTable};
use super::{Lang, Report};
pub(super) use crate::render::escape::markdown as escape;

/// Writes a heading, the tables and the footer as a Markdown document.
pub fn write_markdown(report: &Report, lang: Lang, out: &mut dyn Write) -> Result<()> {
    writeln!(out, "## {}\n", wording::title(report, lang))?;
    write_pipe_table(&wording::summary(report, lang), out)?;
    if let Some(units) = wording::units(report, lang) {
        writeln!(out)?;
        write_pipe_table(&units, out)?;
    }
    if let Some(deadlines) = wording::deadlines(report, lang) {
        writeln!(out)?;
        write_pipe_table(&deadlines, out)?;
    }
    if let Some(indicators) = wording::indicators(report, lang) {
        writeln!(out)?;
        write_pipe_table(&indicators, out)?;
    }
    for records in wording::records(report, lang) {
        writeln!(out)?;
        write_pipe_table(&records, out)?;
    }
    writeln!(out)?;
    for line in wording::footer(report, lang) {
        // Two trailing spaces keep the footer's line breaks.
        writeln!(out, "{}  ", escape(&line))?;
    }
    Ok(())
}

fn write_pipe_table(table: &TextTable, out: &mut dyn Write) -> Result<()> {
    let row = |cells: &[String]| {
        let cells: Vec<String> = cells.iter().map(|c| escape(c.trim_end())).collect();
        format!("| {} |", cells.join(" | "))
    };
    writeln!(out, "{}", row(&table.header))?;
    let align: Vec<&str> = (0..table.header.len())
        .map(|i| if i == 0 { "---" } else { "---:" })
        .collect();
    writeln!(out, "| {} |", align.join(" | "))?;
    for cells in &table.rows {
        writeln!(out, "{}", row(cells))?;
    }
    Ok(())
}
