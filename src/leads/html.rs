//! The 包案 调度 sheet as one self-contained HTML page: a section per leader with the
//! tally and the table of cases, printing each leader's section on pages of its own. The
//! wording is the text writers' (`leads::text`); every text is escaped.

use std::fmt::Write as _;
use std::io::Write;

use anyhow::Result;

use crate::leads::text::{
    COLUMNS, empty_note, footer, kind_label, result_label, status_label, summary_line, title,
};
use crate::leads::{LeadEntry, LeadSheet, OwnedCase, Status};
use crate::render::escape::html as escape;
use crate::render::page::document_start;

/// The page's style sheet, inlined into its `<head>`.
/// The page's style sheet, inlined into its `<head>` (and served by `serve`).
pub const STYLE: &str = concat!(include_str!("../render/base.css"), include_str!("page.css"));

/// Writes the page.
pub fn write_lead_sheet(sheet: &LeadSheet, out: &mut dyn Write) -> Result<()> {
    out.write_all(page(sheet).as_bytes())?;
    Ok(())
}

fn page(sheet: &LeadSheet) -> String {
    let mut html = document_start(&escape(&title(sheet)), STYLE);
    html.push_str(&content(sheet));
    html.push_str("</main>\n</body>\n</html>\n");
    html
}

/// What the page holds inside its `<main>`, every text escaped: also `serve`'s 包案.
#[must_use]
pub fn content(sheet: &LeadSheet) -> String {
    let title = escape(&title(sheet));
    let period = sheet.month.period();
    let as_of = sheet
        .as_of
        .map_or_else(|| "无".to_owned(), |d| d.to_string());
    let mut html = String::new();
    let _ = write!(
        html,
        "<header>\n<h1>{title}</h1>\n<p class=\"meta\">\
         <span>调度月份 <b>{} 至 {}</b></span>\
         <span>数据截至 <b>{as_of}</b></span>\
         <span>逾期事项按 <b>{}</b> 判断</span>\
         <span>包案领导 <b>{}</b></span></p>\n</header>\n",
        period.from,
        period.to,
        sheet.checked_on,
        escape(sheet.lead.as_deref().unwrap_or("全部")),
    );
    if sheet.leads.is_empty() {
        let _ = writeln!(
            html,
            "<p class=\"empty\">{}</p>",
            escape(&empty_note(sheet))
        );
    }
    for entry in &sheet.leads {
        html.push_str(&section(entry));
    }
    html.push_str("<footer>\n<h2>说明</h2>\n");
    for line in footer(sheet) {
        let _ = writeln!(html, "<p>{}</p>", escape(&line));
    }
    html.push_str("</footer>\n");
    html
}

/// One leader: the name, the tally (overdue items in red when there are any), the cases.
fn section(entry: &LeadEntry) -> String {
    let mut tally = escape(&summary_line(entry));
    if entry.summary.overdue > 0 {
        let overdue = format!("逾期事项 {} 项", entry.summary.overdue);
        tally = tally.replace(&overdue, &format!("<span class=\"bad\">{overdue}</span>"));
    }
    let mut html = format!(
        "<section class=\"lead\">\n<h2>{}</h2>\n<p class=\"tally\">{tally}</p>\n<table>\n<thead><tr>",
        escape(&entry.lead)
    );
    for column in COLUMNS {
        let _ = write!(html, "<th>{column}</th>");
    }
    html.push_str("</tr></thead>\n<tbody>\n");
    for case in &entry.cases {
        html.push_str(&row(case));
    }
    html.push_str("</tbody>\n</table>\n</section>\n");
    html
}

fn row(case: &OwnedCase) -> String {
    let class = match case.status {
        Status::Open => "open",
        Status::Closed => "closed",
    };
    let text = |value: Option<&str>| match value {
        Some(value) => escape(value),
        None => "<span class=\"none\">—</span>".to_owned(),
    };
    let risk = match case.risk.as_deref() {
        Some("高") => "<span class=\"risk-high\">高</span>".to_owned(),
        other => text(other),
    };
    let dated = |lines: Vec<(String, String)>| -> String {
        let mut html = String::new();
        for (day, text) in lines {
            let _ = write!(
                html,
                "<p><span class=\"day\">{}</span>{}</p>",
                escape(&day),
                escape(&text)
            );
        }
        html
    };
    let overdue = dated(
        case.overdue
            .iter()
            .map(|o| (o.date.to_string(), o.item.label_zh().to_owned()))
            .collect(),
    );
    let progress = dated(
        case.progress
            .iter()
            .map(|p| (p.as_of.to_string(), p.text.clone()))
            .collect(),
    );
    let result = result_label(case);
    format!(
        "<tr class=\"{class}\"><td>{}</td><td class=\"no\">{}</td><td>{}</td><td>{}</td>\
         <td>{risk}</td><td class=\"date\">{}</td><td>{}</td><td class=\"overdue\">{overdue}</td>\
         <td class=\"progress\">{progress}</td></tr>\n",
        escape(&kind_label(case)),
        escape(&case.case_no),
        escape(&case.unit),
        text(case.owner_unit.as_deref()),
        escape(&status_label(case)),
        text(Some(result.as_str()).filter(|r| !r.is_empty())),
    )
}
