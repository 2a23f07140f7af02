//! The work list as CSV for Excel: one row per item, numbers as numbers, and text cells
//! that cannot be read as formulas.

use std::io::Write;

use anyhow::Result;

use super::DueList;
use crate::report::formula_safe as safe;

/// Writes a header row, then one row per item, most urgent first.
pub fn write_csv(list: &DueList, out: &mut dyn Write) -> Result<()> {
    let mut csv = ::csv::Writer::from_writer(out);
    csv.write_record([
        "单位",
        "台账",
        "案号",
        "事项",
        "事项代码",
        "日期",
        "时间",
        "剩余天数",
        "剩余工作日",
        "是否逾期",
        "包案领导",
        "责任单位",
    ])?;
    for item in &list.items {
        csv.write_record([
            safe(&item.unit),
            item.kind.short_zh().to_owned(),
            safe(&item.case_no),
            item.item.label_zh().to_owned(),
            item.item.key().to_owned(),
            item.date.to_string(),
            item.time
                .map(|t| t.format("%H:%M").to_string())
                .unwrap_or_default(),
            item.days_left.to_string(),
            item.working_days_left.to_string(),
            (if item.overdue { "是" } else { "否" }).to_owned(),
            safe(item.lead.as_deref().unwrap_or_default()),
            safe(item.owner_unit.as_deref().unwrap_or_default()),
        ])?;
    }
    csv.flush()?;
    Ok(())
}
