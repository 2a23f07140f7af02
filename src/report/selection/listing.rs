//! A list of text rows under a title and notes, rendered as a table, CSV, Markdown, an
//! HTML page or a workbook: the one layout `clusters` and `at-risk` share.

use std::fmt::Write as _;
use std::io::Write;

use anyhow::Result;
use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{ContentArrangement, Table};

use crate::render::escape::html as html_escape;
use crate::render::page::document_start;
use crate::report::formula_safe;
use crate::report::markdown::escape as markdown_escape;

/// Rows of text with their headings.
#[derive(Debug, Clone)]
pub struct Listing {
    pub title: String,
    /// Lines under the title: the count and the rules.
    pub notes: Vec<String>,
    pub header: Vec<&'static str>,
    pub rows: Vec<Vec<String>>,
    /// What to say when there is no row.
    pub empty: String,
}

/// The page's style sheet, inlined into its `<head>`.
const STYLE: &str = include_str!("../../render/base.css");

/// A table for people: the title, the table (or the empty note), then the notes.
pub fn write_table(listing: &Listing, out: &mut dyn Write) -> Result<()> {
    writeln!(out, "{}", listing.title)?;
    if listing.rows.is_empty() {
        writeln!(out, "{}", listing.empty)?;
    } else {
        let mut table = Table::new();
        table
            .load_style(UTF8_FULL_CONDENSED)
            .set_content_arrangement(ContentArrangement::Disabled)
            .set_header(listing.header.clone());
        for row in &listing.rows {
            table.add_row(row.clone());
        }
        writeln!(out, "{table}")?;
    }
    for note in &listing.notes {
        writeln!(out, "{note}")?;
    }
    Ok(())
}

/// CSV for Excel: the header and the rows, cells safe from formula injection.
pub fn write_csv(listing: &Listing, out: &mut dyn Write) -> Result<()> {
    let mut csv = csv::Writer::from_writer(out);
    csv.write_record(&listing.header)?;
    for row in &listing.rows {
        csv.write_record(row.iter().map(|cell| formula_safe(cell)))?;
    }
    csv.flush()?;
    Ok(())
}

/// A Markdown section: the title, the notes, then the table.
pub fn write_markdown(listing: &Listing, out: &mut dyn Write) -> Result<()> {
    writeln!(out, "## {}\n", markdown_escape(&listing.title))?;
    for note in &listing.notes {
        writeln!(out, "{}  ", markdown_escape(note))?;
    }
    writeln!(out)?;
    if listing.rows.is_empty() {
        writeln!(out, "{}", markdown_escape(&listing.empty))?;
        return Ok(());
    }
    writeln!(out, "| {} |", listing.header.join(" | "))?;
    writeln!(out, "|{}", "---|".repeat(listing.header.len()))?;
    for row in &listing.rows {
        let cells: Vec<String> = row.iter().map(|c| markdown_escape(c)).collect();
        writeln!(out, "| {} |", cells.join(" | "))?;
    }
    Ok(())
}

/// One self-contained page to print; every text from the ledger escaped.
pub fn write_html(listing: &Listing, out: &mut dyn Write) -> Result<()> {
    let title = html_escape(&listing.title);
    let mut html = document_start(&title, STYLE);
    let _ = writeln!(html, "<header>\n<h1>{title}</h1>");
    for note in &listing.notes {
        let _ = writeln!(html, "<p class=\"meta\">{}</p>", html_escape(note));
    }
    html.push_str("</header>\n");
    if listing.rows.is_empty() {
        let _ = writeln!(
            html,
            "<p class=\"empty\">{}</p>",
            html_escape(&listing.empty)
        );
    } else {
        html.push_str("<table>\n<thead><tr>");
        for heading in &listing.header {
            let _ = write!(html, "<th>{}</th>", html_escape(heading));
        }
        html.push_str("</tr></thead>\n<tbody>\n");
        for row in &listing.rows {
            html.push_str("<tr>");
            for cell in row {
                let _ = write!(html, "<td>{}</td>", html_escape(cell));
            }
            html.push_str("</tr>\n");
        }
        html.push_str("</tbody>\n</table>\n");
    }
    html.push_str("</main>\n</body>\n</html>\n");
    out.write_all(html.as_bytes())?;
    Ok(())
}

/// A workbook of one sheet: the title, the notes, then a row per row.
pub fn write_xlsx(listing: &Listing, sheet: &str, out: &mut dyn Write) -> Result<()> {
    crate::report::xlsx::write_listing(listing, sheet, out)
}
