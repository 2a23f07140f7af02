//! The work list as Markdown, for pasting into the meeting's notes: a heading per unit.

use std::io::Write;

use anyhow::Result;

use super::{DueList, date_text, scope_zh, time_left_zh};
use crate::render::escape::markdown as escape;

/// Writes a title, then for each unit a heading and a pipe table, then the totals.
pub fn write_markdown(list: &DueList, out: &mut dyn Write) -> Result<()> {
    writeln!(out, "## 待办事项\n\n{}\n", escape(&scope_zh(list)))?;
    for (unit, items) in list.by_unit() {
        let overdue = items.iter().filter(|i| i.overdue).count();
        writeln!(
            out,
            "### {}（{} 项，逾期 {overdue} 项）\n",
            escape(unit),
            items.len()
        )?;
        writeln!(
            out,
            "| 日期 | 剩余 | 事项 | 台账 | 案号 | 包案领导 | 责任单位 |"
        )?;
        writeln!(out, "| --- | --- | --- | --- | --- | --- | --- |")?;
        for item in items {
            let time_left = time_left_zh(item);
            let cells = [
                date_text(item),
                if item.overdue {
                    format!("**{time_left}**")
                } else {
                    time_left
                },
                item.item.label_zh().to_owned(),
                item.kind.short_zh().to_owned(),
                cell(&item.case_no),
                cell(item.lead.as_deref().unwrap_or_default()),
                cell(item.owner_unit.as_deref().unwrap_or_default()),
            ];
            writeln!(out, "| {} |", cells.join(" | "))?;
        }
        writeln!(out)?;
    }
    writeln!(
        out,
        "共 {} 项，逾期 {} 项。",
        list.items.len(),
        list.overdue()
    )?;
    Ok(())
}

/// A table cell: escaped, on one line (a line break would end the table's row).
fn cell(text: &str) -> String {
    escape(text).replace(['\r', '\n'], " ")
}
