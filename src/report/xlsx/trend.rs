//! The 趋势 sheet: the year-to-date figures at each month end, one row per point, with
//! the point and its period start as real dates.

use anyhow::Result;
use rust_xlsxwriter::{RowNum, Worksheet};

use super::grid::{Cell, Emphasis, Grid};
use crate::model::Metric;
use crate::report::Report;
use crate::report::trend::Trend;
use crate::report::wording::COUNT_ROWS;

const HEADER_ROW: RowNum = 1;

pub(super) fn sheet(report: &Report, trend: &Trend) -> Result<Worksheet> {
    let mut grid = Grid::new("趋势")?;
    grid.title(0, &format!("各月末本年累计（数据截至 {}）", report.as_of))?;
    let mut header = vec!["截至", "起始"];
    header.extend(Metric::ALL.iter().map(|m| m.short_zh()));
    header.extend(
        COUNT_ROWS
            .iter()
            .map(|(label, _, _)| label.trim_start_matches('　')),
    );
    grid.headers(HEADER_ROW, &header)?;
    let mut row = HEADER_ROW + 1;
    for point in &trend.points {
        let mut cells = vec![Cell::Date(point.as_of), Cell::Date(point.period.from)];
        cells.extend(Metric::ALL.iter().map(|m| Cell::Rate(point.rates.get(*m))));
        cells.extend(
            COUNT_ROWS
                .iter()
                .map(|(_, _, key)| Cell::Count(point.counts.get(key).unwrap_or_default())),
        );
        grid.row(row, &cells, Emphasis::Body)?;
        row += 1;
    }
    if trend.points.is_empty() {
        grid.note(row, "统计期间内没有月末，无趋势数据。")?;
    }
    grid.finish((HEADER_ROW + 1, 1))
}
