//! The 汇总 sheet: the four rates with their counts, 同比 and benchmarks, then the counts
//! behind them, then (when the report has any) the deadline figures, the further
//! indicators and the 整改 and 诉前 figures, then the 口径 the figures were counted by.

use anyhow::Result;
use rust_xlsxwriter::{ColNum, RowNum, Worksheet};

use super::grid::{Cell, Emphasis, Grid, MISSING};
use crate::model::Metric;
use crate::rates::{Comparison, Indicator, Percent, RateFigure};
use crate::report::wording::{self, COUNT_ROWS, DEADLINE_FIGURES, Figure, Record};
use crate::report::{Lang, Report};

const RATE_HEADER: [&str; 9] = [
    "指标",
    "本期",
    "上年同期",
    "同比增减\n（个百分点）",
    "同比变化率",
    "本期分子",
    "本期分母",
    "上年分子",
    "上年分母",
];
const BENCHMARK_HEADER: [&str; 3] = ["比较值名称", "比较值", "是否优于"];
const COUNT_HEADER: [&str; 5] = [
    "案件数",
    "本期",
    "上年同期",
    "同比增减\n（件）",
    "同比变化率",
];

/// The rows above the rates table: title, period, as-of date and unit, a blank line.
const HEADER_ROW: RowNum = 4;

pub(super) fn sheet(report: &Report) -> Result<Worksheet> {
    let mut grid = Grid::new("汇总")?;
    grid.title(0, &wording::title(report, Lang::Zh))?;
    let (p, q) = (&report.period, &report.previous_period);
    grid.note(
        1,
        &format!(
            "统计期间：{} 至 {}（上年同期：{} 至 {}）",
            p.from, p.to, q.from, q.to
        ),
    )?;
    grid.note(
        2,
        &format!(
            "数据截至：{}　单位：{}",
            report.as_of,
            report.unit.as_deref().unwrap_or("全部")
        ),
    )?;

    let with_benchmarks = Metric::ALL
        .iter()
        .any(|m| report.rates.get(*m).benchmark.is_some());
    let mut header = RATE_HEADER.to_vec();
    if with_benchmarks {
        header.extend(BENCHMARK_HEADER);
    }
    grid.headers(HEADER_ROW, &header)?;
    let mut row = HEADER_ROW + 1;
    for metric in Metric::ALL {
        let figure = report.rates.get(metric);
        let mut cells = rate_cells(metric.label_zh(), figure);
        if with_benchmarks {
            cells.extend(benchmark_cells(figure.benchmark.as_ref()));
        }
        grid.row(row, &cells, Emphasis::Body)?;
        row += 1;
    }

    row += 1;
    grid.headers(row, &COUNT_HEADER)?;
    row += 1;
    for (label, _, key) in COUNT_ROWS {
        let (now, then) = wording::count_pair(report, key);
        let label = match label.strip_prefix('　') {
            Some(sub) => Cell::Indented(sub.to_owned()),
            None => Cell::text(label),
        };
        grid.row(row, &count_cells(label, now, then), Emphasis::Body)?;
        row += 1;
    }
    if let Some((now, then)) = wording::unrecorded(report) {
        let label = wording::UNRECORDED_ROW.0.trim_start_matches('　');
        let cells = count_cells(Cell::Indented(label.to_owned()), now, then);
        grid.row(row, &cells, Emphasis::Body)?;
        row += 1;
    }

    if report.has_deadlines() {
        row = deadline_rows(&mut grid, row + 1, report)?;
    }
    if report.has_indicators() {
        row = indicator_rows(&mut grid, row + 1, report)?;
    }
    for record in Record::shown(report) {
        row = record_rows(&mut grid, row + 1, report, record)?;
    }

    row += 1;
    let last_col = (header.len() - 1) as ColNum;
    for line in wording::footer(report, Lang::Zh) {
        grid.paragraph(row, last_col, &line);
        row += 1;
    }
    grid.finish((HEADER_ROW + 1, 1))
}

/// The deadline figures as two small tables from `row` on: the rates like the four
/// above, then the late counts like the counts. Returns the row after them.
fn deadline_rows(grid: &mut Grid, row: RowNum, report: &Report) -> Result<RowNum> {
    // The counts behind the rates are their fractions; only the late counts stand alone.
    let figures = DEADLINE_FIGURES
        .iter()
        .filter_map(|&(label, _, key)| {
            let figure = wording::deadline_figure(report, key)?;
            let shown = matches!(figure, Figure::Rate(_))
                || matches!(key, "answers_late" | "defences_late");
            shown.then_some((label, figure))
        })
        .collect();
    figure_tables(grid, row, ["期限与通知", "逾期件数"], figures)
}

/// A block of the 整改台账 or 诉前台账 from `row` on, like the deadline figures: its
/// rates, then every count. Returns the row after them.
fn record_rows(grid: &mut Grid, row: RowNum, report: &Report, record: Record) -> Result<RowNum> {
    let figures = record
        .figures()
        .iter()
        .filter_map(|&(label, _, key)| Some((label, wording::record_figure(report, record, key)?)))
        .collect();
    let counts = match record {
        Record::Rectification => "整改文书件数",
        Record::Disputes => "诉前争议件数",
    };
    figure_tables(grid, row, [record.heading(Lang::Zh), counts], figures)
}

/// Rates like the four above under the first heading, then counts like the counts under
/// the second, from `row` on. Returns the row after them.
fn figure_tables(
    grid: &mut Grid,
    mut row: RowNum,
    [rates_heading, counts_heading]: [&str; 2],
    figures: Vec<(&str, Figure)>,
) -> Result<RowNum> {
    let mut header = RATE_HEADER.to_vec();
    header[0] = rates_heading;
    grid.headers(row, &header)?;
    row += 1;
    let mut counts = Vec::new();
    for (label, figure) in figures {
        match figure {
            Figure::Rate(figure) => {
                grid.row(row, &rate_cells(label, &figure), Emphasis::Body)?;
                row += 1;
            }
            Figure::Count(now, then) => counts.push((label, now, then)),
        }
    }
    row += 1;
    let mut header = COUNT_HEADER.to_vec();
    header[0] = counts_heading;
    grid.headers(row, &header)?;
    row += 1;
    for (label, now, then) in counts {
        grid.row(
            row,
            &count_cells(Cell::text(label), now, then),
            Emphasis::Body,
        )?;
        row += 1;
    }
    Ok(row)
}

/// The further indicators from `row` on, like the four rates; the ratio (复议诉讼比) as a
/// plain number, its change in plain units. Returns the row after them.
fn indicator_rows(grid: &mut Grid, mut row: RowNum, report: &Report) -> Result<RowNum> {
    let mut header = RATE_HEADER.to_vec();
    header[0] = "其他指标";
    header[3] = "同比增减\n（个百分点；比值为差值）";
    grid.headers(row, &header)?;
    row += 1;
    for indicator in Indicator::ALL {
        let figure = report.rates.indicator(indicator);
        let mut cells = rate_cells(indicator.label_zh(), figure);
        if indicator.is_ratio() {
            cells[1] = Cell::Ratio(figure.current.rate);
            cells[2] = Cell::Ratio(figure.previous.rate);
        }
        grid.row(row, &cells, Emphasis::Body)?;
        row += 1;
    }
    Ok(row)
}

/// A count this period and last year, with its change and relative change.
fn count_cells(label: Cell, now: u64, then: u64) -> [Cell; 5] {
    [
        label,
        Cell::Count(now),
        Cell::Count(then),
        Cell::CountChange(now as i64 - then as i64),
        Cell::Relative(Percent::change(now as i64, then as i64)),
    ]
}

/// 指标, this period, last year, the change in points and relative, and both fractions.
fn rate_cells(label: &str, figure: &RateFigure) -> Vec<Cell> {
    vec![
        Cell::text(label),
        Cell::Rate(figure.current.rate),
        Cell::Rate(figure.previous.rate),
        Cell::Points(figure.delta_pp),
        Cell::Relative(figure.relative_change),
        Cell::Count(figure.current.numerator),
        Cell::Count(figure.current.denominator),
        Cell::Count(figure.previous.numerator),
        Cell::Count(figure.previous.denominator),
    ]
}

/// The benchmark's name, rate and whether the figure is better; blank when the rate has
/// no benchmark.
fn benchmark_cells(comparison: Option<&Comparison>) -> [Cell; 3] {
    let Some(comparison) = comparison else {
        return [Cell::Blank, Cell::Blank, Cell::Blank];
    };
    [
        Cell::text(&comparison.label),
        Cell::Rate(Some(comparison.rate)),
        Cell::Mark(match comparison.better {
            Some(true) => "是",
            Some(false) => "否",
            None => MISSING,
        }),
    ]
}
