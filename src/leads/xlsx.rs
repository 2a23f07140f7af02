//! The 包案 调度 sheet as a workbook of one sheet, 包案调度: a row per case with its leader
//! first, so the clerk can filter and sort it, dates as dates, and several lines of
//! overdue items or progress wrapped in their cell.

use std::io::Write;

use anyhow::{Context, Result};
use rust_xlsxwriter::{ColNum, RowNum, Workbook};

use crate::leads::text::{empty_note, footer, kind_label, overdue_lines, progress_lines, title};
use crate::leads::{Ending, LeadSheet, OwnedCase, Status};
use crate::model::{Kind, Outcome};
use crate::report::xlsx::grid::{Cell, Emphasis, Grid};

const HEADERS: [&str; 12] = [
    "包案领导",
    "台账",
    "案号",
    "单位",
    "责任单位",
    "风险等级",
    "状态",
    "结案日期",
    "结案方式",
    "结果",
    "逾期事项",
    "本月化解进展",
];

const HEADER_ROW: RowNum = 2;

/// Writes the workbook (built whole in memory first, so a failure leaves no partial file).
pub fn write_lead_sheet(sheet: &LeadSheet, out: &mut dyn Write) -> Result<()> {
    let mut grid = Grid::new("包案调度")?;
    grid.title(0, &title(sheet))?;
    let as_of = sheet
        .as_of
        .map_or_else(|| "无".to_owned(), |d| d.to_string());
    grid.note(
        1,
        &format!(
            "数据截至 {as_of}；逾期事项按 {} 判断；包案领导：{}",
            sheet.checked_on,
            sheet.lead.as_deref().unwrap_or("全部")
        ),
    )?;
    grid.headers(HEADER_ROW, &HEADERS)?;
    let mut row = HEADER_ROW + 1;
    for entry in &sheet.leads {
        for case in &entry.cases {
            grid.row(row, &cells(&entry.lead, case), Emphasis::Body)?;
            row += 1;
        }
    }
    let last_col = (HEADERS.len() - 1) as ColNum;
    if sheet.leads.is_empty() {
        grid.paragraph(row, last_col, &empty_note(sheet));
        row += 1;
    }
    row += 1;
    for line in footer(sheet) {
        grid.paragraph(row, last_col, &line);
        row += 1;
    }
    let mut workbook = Workbook::new();
    workbook.push_worksheet(grid.finish((HEADER_ROW + 1, 1))?);
    let bytes = workbook
        .save_to_buffer()
        .context("cannot lay out the workbook")?;
    out.write_all(&bytes)?;
    Ok(())
}

fn cells(lead: &str, case: &OwnedCase) -> Vec<Cell> {
    let text = |value: Option<&str>| value.map_or(Cell::Blank, Cell::text);
    vec![
        Cell::text(lead),
        Cell::Text(kind_label(case)),
        Cell::text(&case.case_no),
        Cell::text(&case.unit),
        text(case.owner_unit.as_deref()),
        text(case.risk.as_deref()),
        Cell::Mark(match (case.status, case.kind) {
            (Status::Open, Kind::Rectification) => "待回复",
            (Status::Closed, Kind::Rectification) => "已回复",
            (Status::Open, _) => "在办",
            (Status::Closed, _) => "办结",
        }),
        case.closed_on.map_or(Cell::Blank, Cell::Date),
        text(case.outcome.map(Outcome::name)),
        text(case.result.map(Ending::label_zh).or(case.state)),
        lines(&overdue_lines(case)),
        lines(&progress_lines(case)),
    ]
}

fn lines(lines: &[String]) -> Cell {
    if lines.is_empty() {
        Cell::Blank
    } else {
        Cell::Lines(lines.join("\n"))
    }
}
