//! The work list as one self-contained HTML page for the weekly meeting: a section per
//! unit, most urgent first, laid out to print on A4. No scripts and nothing fetched from
//! anywhere; every text from the ledger is escaped.

use std::fmt::Write as _;
use std::io::Write;

use anyhow::Result;

use super::{DueItem, DueList, date_text, scope_zh, time_left_zh};
use crate::due::task::Item;
use crate::render::escape::html as escape;
use crate::render::page::document_start;

/// The page's style sheet, inlined into its `<head>`.
/// The page's style sheet, inlined into its `<head>` (and served by `serve`).
pub const STYLE: &str = concat!(include_str!("../render/base.css"), include_str!("page.css"));

/// Writes the page.
pub fn write_html(list: &DueList, out: &mut dyn Write) -> Result<()> {
    out.write_all(page(list).as_bytes())?;
    Ok(())
}

fn page(list: &DueList) -> String {
    let title = format!("待办事项（截至 {}）", list.asked.on);
    let mut html = document_start(&title, STYLE);
    html.push_str(&content(list));
    html.push_str("</main>\n</body>\n</html>\n");
    html
}

/// What the page holds inside its `<main>`, every text escaped: also `serve`'s 待办.
#[must_use]
pub fn content(list: &DueList) -> String {
    let title = format!("待办事项（截至 {}）", list.asked.on);
    let mut html = String::new();
    let _ = write!(
        html,
        "<header>\n<h1>{title}</h1>\n<p class=\"meta\"><span>{}</span>\
         <span>共 <b>{}</b> 项</span><span>逾期 <b>{}</b> 项</span></p>\n</header>\n",
        escape(&scope_zh(list)),
        list.items.len(),
        list.overdue()
    );
    if list.items.is_empty() {
        html.push_str("<p class=\"empty\">没有逾期或到期的事项。</p>\n");
    }
    for (unit, items) in list.by_unit() {
        html.push_str(&section(unit, &items));
    }
    html.push_str(&footer(list));
    html
}

fn section(unit: &str, items: &[&DueItem]) -> String {
    let overdue = items.iter().filter(|i| i.overdue).count();
    let mut html = format!(
        "<section class=\"unit\">\n<h2>{}<span class=\"count\">{} 项，逾期 {overdue} 项</span></h2>\n\
         <table>\n<thead><tr><th>日期</th><th>剩余</th><th>事项</th><th>台账</th><th>案号</th>\
         <th>包案领导</th><th>责任单位</th></tr></thead>\n<tbody>\n",
        escape(unit),
        items.len()
    );
    for item in items {
        let class = if item.overdue {
            " class=\"overdue\""
        } else {
            ""
        };
        let _ = writeln!(
            html,
            "<tr{class}><td class=\"date\">{}</td><td class=\"left\">{}</td><td>{}{}</td>\
             <td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            date_text(item),
            time_left_zh(item),
            item.item.label_zh(),
            detail(item),
            item.kind.short_zh(),
            escape(&item.case_no),
            escape(item.lead.as_deref().unwrap_or_default()),
            escape(item.owner_unit.as_deref().unwrap_or_default()),
        );
    }
    html.push_str("</tbody>\n</table>\n</section>\n");
    html
}

/// The hearing's arrangements under its items: where, and who is to appear.
fn detail(item: &DueItem) -> String {
    let Some(hearing) = item.hearing.as_ref().filter(|_| {
        matches!(
            item.item,
            Item::Hearing | Item::RemindWeek | Item::RemindDay | Item::VerifyHead | Item::Escalate
        )
    }) else {
        return String::new();
    };
    let mut parts = Vec::new();
    if item.date != hearing.date {
        parts.push(format!("开庭 {}", hearing.date));
    }
    if let Some(place) = &hearing.place {
        parts.push(format!("地点 {}", escape(place)));
    }
    match (&hearing.planned_head, &hearing.planned_title) {
        (Some(name), Some(title)) => {
            parts.push(format!("拟出庭 {}（{}）", escape(name), escape(title)));
        }
        (Some(name), None) => parts.push(format!("拟出庭 {}", escape(name))),
        _ => parts.push("未报拟出庭负责人".to_owned()),
    }
    format!("<br><span class=\"detail\">{}</span>", parts.join("；"))
}

fn footer(list: &DueList) -> String {
    let mut html = String::from(
        "<footer>\n<p>日期为期限的最后一日或事项所在之日。期限起算日不计入；以日计算的期限最后一日为\
         休息日或法定节假日的，顺延至其后第一个工作日；以工作日计算的期限只计工作日（含调休上班日）。\
         开庭前一周、前一日两次提醒遇休息日提前至此前最后一个工作日。</p>\n",
    );
    if !list.uncovered_years.is_empty() {
        let years: Vec<String> = list.uncovered_years.iter().map(i32::to_string).collect();
        let _ = writeln!(
            html,
            "<p>{} 年尚无国务院节假日安排，其中的期限仅按周末计算。</p>",
            years.join("、")
        );
    }
    html.push_str("</footer>\n");
    html
}
