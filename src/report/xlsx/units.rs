//! The breakdown sheet (分县, or 分案由, 分被申请人, 分被告, 分法院): one row per unit or
//! name in the report's order, then the 合计 row, each with every rate (this period, last
//! year, 同比, numerator, denominator) and the key counts.

use anyhow::Result;
use rust_xlsxwriter::{ColNum, RowNum, Worksheet};

use super::grid::{Cell, Emphasis, Grid};
use crate::model::{Breakdown, Metric};
use crate::rates::{Counts, Rates};
use crate::report::Report;
use crate::report::wording::COUNT_ROWS;

/// The columns under each rate.
const RATE_COLUMNS: [&str; 5] = ["本期", "上年同期", "同比\n（个百分点）", "分子", "分母"];
/// The counts that follow the rates, by JSON key.
const KEY_COUNTS: [&str; 6] = [
    "closed",
    "corrected",
    "first_instance_closed",
    "lost",
    "heard",
    "head_appeared",
];

/// Title, then two header rows: the rate (merged over its columns) and the columns.
const GROUP_ROW: RowNum = 1;
const COLUMN_ROW: RowNum = 2;

pub(super) fn sheet(report: &Report) -> Result<Worksheet> {
    let by = report.rows.as_ref().map_or(Breakdown::Unit, |rows| rows.by);
    let title = by.title_zh();
    let mut grid = Grid::new(&title)?;
    grid.title(
        0,
        &format!(
            "{title}统计（{} 至 {}，数据截至 {}）",
            report.period.from, report.period.to, report.as_of
        ),
    )?;
    grid.merged_header((GROUP_ROW, 0), (COLUMN_ROW, 0), by.label_zh())?;
    let mut col: ColNum = 1;
    for metric in Metric::ALL {
        let last = col + RATE_COLUMNS.len() as ColNum - 1;
        grid.merged_header((GROUP_ROW, col), (GROUP_ROW, last), metric.label_zh())?;
        for label in RATE_COLUMNS {
            grid.header(COLUMN_ROW, col, label)?;
            col += 1;
        }
    }
    let last = col + KEY_COUNTS.len() as ColNum - 1;
    grid.merged_header((GROUP_ROW, col), (GROUP_ROW, last), "案件数")?;
    for key in KEY_COUNTS {
        grid.header(COLUMN_ROW, col, count_label(key))?;
        col += 1;
    }

    let mut row = COLUMN_ROW + 1;
    for unit in report.rows.iter().flatten() {
        grid.row(
            row,
            &cells(&unit.name, &unit.counts, &unit.rates),
            Emphasis::Body,
        )?;
        row += 1;
    }
    grid.row(
        row,
        &cells("合计", &report.counts, &report.rates),
        Emphasis::Total,
    )?;
    grid.finish((COLUMN_ROW + 1, 1))
}

fn cells(unit: &str, counts: &Counts, rates: &Rates) -> Vec<Cell> {
    let mut cells = vec![Cell::text(unit)];
    for metric in Metric::ALL {
        let figure = rates.get(metric);
        cells.extend([
            Cell::Rate(figure.current.rate),
            Cell::Rate(figure.previous.rate),
            Cell::Points(figure.delta_pp),
            Cell::Count(figure.current.numerator),
            Cell::Count(figure.current.denominator),
        ]);
    }
    cells.extend(
        KEY_COUNTS
            .iter()
            .map(|key| Cell::Count(counts.get(key).unwrap_or_default())),
    );
    cells
}

/// A count's 中文 name as the report tables write it (办结, not 　办结).
fn count_label(key: &str) -> &'static str {
    COUNT_ROWS
        .iter()
        .find(|(_, _, k)| *k == key)
        .map_or("", |(label, _, _)| label.trim_start_matches('　'))
}
