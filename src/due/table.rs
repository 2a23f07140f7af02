//! The work list as terminal tables for people: one table per unit, most urgent first.

use std::io::Write;

use anyhow::Result;
use comfy_table::Table;

use super::{DueItem, DueList, date_text, scope_zh, time_left_zh};
use crate::render::table;

/// Writes a title line, then for each unit its heading and table, then the totals.
pub fn write_table(list: &DueList, out: &mut dyn Write) -> Result<()> {
    writeln!(out, "待办事项（{}）", scope_zh(list))?;
    if list.items.is_empty() {
        writeln!(out, "没有逾期或到期的事项")?;
        return Ok(());
    }
    for (unit, items) in list.by_unit() {
        let overdue = items.iter().filter(|i| i.overdue).count();
        writeln!(out)?;
        writeln!(out, "{unit}：{} 项，逾期 {overdue} 项", items.len())?;
        writeln!(out, "{}", table(&items))?;
    }
    writeln!(
        out,
        "共 {} 项，逾期 {} 项",
        list.items.len(),
        list.overdue()
    )?;
    Ok(())
}

/// A fixed-layout table (no wrapping to the terminal, so output is the same everywhere).
fn table(items: &[&DueItem]) -> Table {
    let mut table = table::with_header([
        "日期",
        "剩余",
        "事项",
        "台账",
        "案号",
        "包案领导",
        "责任单位",
    ]);
    for item in items {
        table.add_row([
            date_text(item),
            time_left_zh(item),
            item.item.label_zh().to_owned(),
            item.kind.short_zh().to_owned(),
            item.case_no.clone(),
            item.lead.clone().unwrap_or_default(),
            item.owner_unit.clone().unwrap_or_default(),
        ]);
    }
    table
}
