//! The monthly 调度 sheet of 包案 as text: the wording every format shares (title, each
//! leader's tally, each case's cells, the 口径), and the table, Markdown and JSON writers.
//! Rendering never judges: every fact comes from the [`LeadSheet`].

use std::io::Write;

use anyhow::Result;

use crate::leads::{Ending, LeadEntry, LeadSheet, OwnedCase, Status, resolved_outcomes};
use crate::model::Kind;
use crate::model::rules::list_zh;
use crate::render::table;
use crate::report::display_width;

pub use super::html::write_lead_sheet as write_html;
pub use super::html::{STYLE as HTML_STYLE, content as html_content};
pub use super::xlsx::write_lead_sheet as write_xlsx;
use crate::render::escape::markdown as escape;

/// The columns of a leader's table.
pub const COLUMNS: [&str; 9] = [
    "台账",
    "案号",
    "单位",
    "责任单位",
    "风险",
    "状态",
    "结果",
    "逾期事项",
    "本月化解进展",
];

/// The widest a line of progress runs in the terminal table before it wraps (CJK counts
/// two): progress is free text, sometimes a paragraph.
const PROGRESS_WIDTH: usize = 40;

/// `包案化解调度表（2021年8月）`
#[must_use]
pub fn title(sheet: &LeadSheet) -> String {
    format!("包案化解调度表（{}）", sheet.month.label_zh())
}

/// A leader's tally in one line:
/// `包案 3 件：在办 1 件，本月办结 2 件（化解 1、纠错 0、败诉 0、维持/驳回 1），逾期事项 1 项`.
/// Documents and disputes, when the leader has any, follow in groups of their own, so the
/// cases' endings are never mixed with answers or 化解结果:
/// `…；整改文书 2 件：待回复 1 件，本月回复 1 件，已整改 1 件；诉前争议 1 件：在办 1 件，
/// 本月办结 0 件（化解成功 0 件）；逾期事项 2 项`.
#[must_use]
pub fn summary_line(entry: &LeadEntry) -> String {
    let s = &entry.summary;
    let (documents, disputes) = (&s.documents, &s.disputes);
    let mut groups = Vec::new();
    if s.cases > 0 || (documents.listed == 0 && disputes.listed == 0) {
        let endings: Vec<String> = Ending::ALL
            .iter()
            .map(|e| format!("{} {}", e.label_zh(), s.ended(*e)))
            .collect();
        groups.push(format!(
            "包案 {} 件：在办 {} 件，本月办结 {} 件（{}）",
            s.cases,
            s.open,
            s.closed,
            endings.join("、"),
        ));
    }
    if documents.listed > 0 {
        groups.push(format!(
            "整改文书 {} 件：待回复 {} 件，本月回复 {} 件，已整改 {} 件",
            documents.listed, documents.open, documents.replied, documents.rectified
        ));
    }
    if disputes.listed > 0 {
        groups.push(format!(
            "诉前争议 {} 件：在办 {} 件，本月办结 {} 件（化解成功 {} 件）",
            disputes.listed, disputes.open, disputes.ended, disputes.resolved
        ));
    }
    // One group reads as one sentence; several are set apart so the overdue count is
    // plainly the leader's, not the last group's.
    let joint = if groups.len() > 1 { "；" } else { "，" };
    format!("{}{joint}逾期事项 {} 项", groups.join("；"), s.overdue)
}

/// `复议`, `应诉 一审` with the instance, `整改 司法建议书` with the document's type.
#[must_use]
pub fn kind_label(case: &OwnedCase) -> String {
    match (case.kind, case.instance, case.doc_type) {
        (Kind::Litigation, Some(instance), _) => format!("应诉 {}", instance.label_zh()),
        (Kind::Rectification, _, Some(doc_type)) => format!("整改 {doc_type}"),
        (kind, _, _) => kind.short_zh().to_owned(),
    }
}

/// `在办`, or `2021-08-25 办结`; a document `待回复` or `2025-06-10 回复`.
#[must_use]
pub fn status_label(case: &OwnedCase) -> String {
    let document = case.kind == Kind::Rectification;
    match (case.status, case.closed_on) {
        (Status::Closed, Some(day)) if document => format!("{day} 回复"),
        (Status::Closed, _) if document => "已回复".to_owned(),
        (Status::Open, _) if document => "待回复".to_owned(),
        (Status::Closed, Some(day)) => format!("{day} 办结"),
        (Status::Closed, None) => "办结".to_owned(),
        (Status::Open, _) => "在办".to_owned(),
    }
}

/// `化解（调解）`: the group and the outcome; empty while open. A document's 整改情况 or
/// a dispute's 化解结果 as known at the month's end, open or closed: `整改中`, `转入诉讼`.
#[must_use]
pub fn result_label(case: &OwnedCase) -> String {
    match (case.result, case.outcome, case.state) {
        (Some(ending), Some(outcome), _) => {
            format!("{}（{}）", ending.label_zh(), outcome.name())
        }
        (Some(ending), None, _) => ending.label_zh().to_owned(),
        (None, _, Some(state)) => state.to_owned(),
        (None, _, None) => String::new(),
    }
}

/// One line per overdue item: `审理期限 2021-08-02`.
#[must_use]
pub fn overdue_lines(case: &OwnedCase) -> Vec<String> {
    case.overdue
        .iter()
        .map(|o| format!("{} {}", o.item.label_zh(), o.date))
        .collect()
}

/// One line per progress note: `2021-08-13 申请人同意调解`.
#[must_use]
pub fn progress_lines(case: &OwnedCase) -> Vec<String> {
    case.progress
        .iter()
        .map(|p| format!("{} {}", p.as_of, p.text))
        .collect()
}

/// A case's cells under [`COLUMNS`], each as its lines.
#[must_use]
pub fn cells(case: &OwnedCase) -> [Vec<String>; COLUMNS.len()] {
    let one = |text: String| if text.is_empty() { vec![] } else { vec![text] };
    [
        one(kind_label(case)),
        one(case.case_no.clone()),
        one(case.unit.clone()),
        one(case.owner_unit.clone().unwrap_or_default()),
        one(case.risk.clone().unwrap_or_default()),
        one(status_label(case)),
        one(result_label(case)),
        overdue_lines(case),
        progress_lines(case),
    ]
}

/// What the sheet covers and how it judged, as every report states it.
#[must_use]
pub fn footer(sheet: &LeadSheet) -> Vec<String> {
    let period = sheet.month.period();
    let rules = &sheet.rules;
    let as_of = sheet
        .as_of
        .map_or_else(|| "无".to_owned(), |d| d.to_string());
    let mut lines = vec![
        format!(
            "调度月份：{} 至 {}；数据截至：{as_of}（只计入截至月末的批次）；逾期事项按 {} 判断；包案领导：{}",
            period.from,
            period.to,
            sheet.checked_on,
            sheet.lead.as_deref().unwrap_or("全部")
        ),
        "列入：月末所知包案领导名下、本月在办或本月办结的案件；本月化解进展：本月各批次中新填或改写的化解进展".to_owned(),
        format!(
            "结果：纠错 = 复议被纠错（{}，是否纠错列优先）；败诉 = 一审败诉（{}，是否败诉列优先）；化解 = {}；其余为维持/驳回",
            list_zh(&rules.corrected_outcomes),
            list_zh(&rules.lost_outcomes),
            list_zh(&resolved_outcomes(rules))
        ),
    ];
    let listed = |kind| {
        sheet
            .leads
            .iter()
            .any(|entry| entry.cases.iter().any(|case| case.kind == kind))
    };
    if listed(Kind::Rectification) || listed(Kind::Dispute) {
        lines.push(
            "整改文书：本月待回复或本月回复的文书，结果为月末所知的整改情况；诉前争议：本月在办或本月办结（化解日期）的争议，结果为化解结果；二者单独计数，不计入案件的在办、办结和结果分类".to_owned(),
        );
    }
    lines
}

/// What the sheet says when no leader has a case in the month.
#[must_use]
pub fn empty_note(sheet: &LeadSheet) -> String {
    match &sheet.lead {
        Some(lead) => format!(
            "{}没有包案领导“{lead}”名下的在办或办结案件。",
            sheet.month.label_zh()
        ),
        None => format!(
            "{}没有包案领导名下的在办或办结案件。",
            sheet.month.label_zh()
        ),
    }
}

/// The sheet as JSON (docs/OUTPUT.md).
pub fn write_json(sheet: &LeadSheet, out: &mut dyn Write) -> Result<()> {
    crate::report::write_json_value(sheet, out)
}

/// The sheet as terminal tables: the title, then per leader a heading with the tally and
/// a table of the cases, then the footer.
pub fn write_table(sheet: &LeadSheet, out: &mut dyn Write) -> Result<()> {
    writeln!(out, "{}", title(sheet))?;
    if sheet.leads.is_empty() {
        writeln!(out, "\n{}", empty_note(sheet))?;
    }
    for entry in &sheet.leads {
        writeln!(out, "\n{}　{}", entry.lead, summary_line(entry))?;
        let mut table = table::with_header(COLUMNS);
        for case in &entry.cases {
            let mut row = cells(case).map(|lines| lines.join("\n"));
            row[COLUMNS.len() - 1] = progress_lines(case)
                .iter()
                .flat_map(|line| wrap(line, PROGRESS_WIDTH))
                .collect::<Vec<_>>()
                .join("\n");
            table.add_row(row);
        }
        writeln!(out, "{table}")?;
    }
    writeln!(out)?;
    for line in footer(sheet) {
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// The sheet as Markdown: a section per leader with its tally and a pipe table.
pub fn write_markdown(sheet: &LeadSheet, out: &mut dyn Write) -> Result<()> {
    writeln!(out, "## {}", title(sheet))?;
    if sheet.leads.is_empty() {
        writeln!(out, "\n{}", escape(&empty_note(sheet)))?;
    }
    for entry in &sheet.leads {
        writeln!(out, "\n### {}\n", escape(&entry.lead))?;
        writeln!(out, "{}\n", escape(&summary_line(entry)))?;
        writeln!(out, "| {} |", COLUMNS.join(" | "))?;
        writeln!(out, "|{}", " --- |".repeat(COLUMNS.len()))?;
        for case in &entry.cases {
            let row: Vec<String> = cells(case)
                .iter()
                .map(|lines| {
                    lines
                        .iter()
                        .map(|l| escape(l))
                        .collect::<Vec<_>>()
                        .join("<br>")
                })
                .collect();
            writeln!(out, "| {} |", row.join(" | "))?;
        }
    }
    writeln!(out)?;
    for line in footer(sheet) {
        // Two trailing spaces keep the footer's line breaks.
        writeln!(out, "{}  ", escape(&line))?;
    }
    Ok(())
}

/// Breaks a line into lines at most `width` wide (CJK counts two), between characters.
fn wrap(line: &str, width: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    let mut used = 0;
    for c in line.chars() {
        let w = display_width(c.encode_utf8(&mut [0; 4]));
        if used + w > width && used > 0 {
            lines.push(String::new());
            used = 0;
        }
        if let Some(last) = lines.last_mut() {
            last.push(c);
        }
        used += w;
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn wrapped(line: &str, width: usize, expected: &[&str]) {
        assert_eq!(wrap(line, width), expected, "{line}");
    }

    #[test]
    fn long_progress_wraps_by_display_width() {
        wrapped("", 10, &[""]);
        wrapped("2021-08-13 已约谈", 40, &["2021-08-13 已约谈"]);
        wrapped("已约谈申请人", 6, &["已约谈", "申请人"]);
        wrapped("ab已约", 5, &["ab已", "约"]);
    }
}
