//! Benchmark files: reference rates per metric and period (指标, 起始日期, 截止日期, 比较值,
//! 名称), e.g. the province averages a bureau is compared with.

use std::path::Path;

use super::cell::{self, DATE_STYLES};
use super::reference_table::{self, Column, Table};
use super::{Diagnostic, RawRow};
use crate::model::{Benchmark, Percent};
use crate::model::{Metric, Period};

/// The columns of a benchmark file, in the order [`parse_row`] reads them.
const COLUMNS: [Column; 5] = [
    Column {
        headers: &["指标", "metric"],
        label: "指标",
        required: true,
    },
    Column {
        headers: &["起始日期", "开始日期", "from"],
        label: "起始日期",
        required: true,
    },
    Column {
        headers: &["截止日期", "结束日期", "to"],
        label: "截止日期",
        required: true,
    },
    Column {
        headers: &["比较值", "数值", "rate"],
        label: "比较值",
        required: true,
    },
    Column {
        headers: &["名称", "label"],
        label: "名称",
        required: true,
    },
];

/// Reads every benchmark of a file, or every problem with it.
pub fn read(path: &Path, display: &str) -> Result<Vec<Benchmark>, Vec<Diagnostic>> {
    let table = reference_table::read(path, display, &COLUMNS)?;
    let mut benchmarks = Vec::new();
    let mut errors = Vec::new();
    for row in &table.rows {
        match parse_row(&table, row, display) {
            Ok(benchmark) => benchmarks.push(benchmark),
            Err(mut row_errors) => errors.append(&mut row_errors),
        }
    }
    if errors.is_empty() {
        Ok(benchmarks)
    } else {
        Err(errors)
    }
}

fn parse_row(table: &Table, row: &RawRow, display: &str) -> Result<Benchmark, Vec<Diagnostic>> {
    let text = |i: usize| table.text(row, i);
    let mut errors = Vec::new();
    let mut fail = |i: usize, message: String| {
        errors.push(Diagnostic {
            row: Some(row.row),
            column: table.header_of(i),
            ..Diagnostic::file_error(display, message)
        });
    };
    let metric = text(0)
        .parse::<Metric>()
        .map_err(|e| fail(0, e.to_string()))
        .ok();
    let mut date = |i: usize| {
        let value = text(i);
        let date = cell::parse_date(&value);
        if date.is_none() {
            fail(i, format!("`{value}` is not a date (use {DATE_STYLES})"));
        }
        date
    };
    let (from, to) = (date(1), date(2));
    let rate_text = text(3);
    let rate = Percent::parse(&rate_text);
    if rate.is_none() {
        fail(
            3,
            format!(
                "`{rate_text}` is not a rate in per cent with at most two decimals (e.g. 14.05)"
            ),
        );
    }
    let label = text(4);
    if label.is_empty() {
        fail(4, "the name is empty (e.g. 全省平均)".to_owned());
    }
    let period = from.zip(to).and_then(|(f, t)| {
        let period = Period::new(f, t);
        if period.is_none() {
            fail(1, format!("the period starts ({f}) after it ends ({t})"));
        }
        period
    });
    match (metric, period, rate) {
        (Some(metric), Some(period), Some(rate)) if errors.is_empty() => Ok(Benchmark {
            metric,
            period,
            rate,
            label,
        }),
        _ => Err(errors),
    }
}
