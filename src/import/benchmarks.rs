//! Benchmark files: reference rates per metric and period (指标, 起始日期, 截止日期, 比较值,
//! 名称), e.g. the province averages a bureau is compared with.

use std::path::Path;

use super::cell::{self, Cell, DATE_STYLES};
use super::csv_rows::CsvRows;
use super::{Diagnostic, RawRow};
use crate::model::{Metric, Period};
use crate::rates::{Benchmark, Percent};

/// The columns of a benchmark file: header names, then the English key.
const COLUMNS: [(&[&str], &str); 5] = [
    (&["指标", "metric"], "指标"),
    (&["起始日期", "开始日期", "from"], "起始日期"),
    (&["截止日期", "结束日期", "to"], "截止日期"),
    (&["比较值", "数值", "rate"], "比较值"),
    (&["名称", "label"], "名称"),
];

/// Reads every benchmark of a file, or every problem with it.
pub fn read(path: &Path, display: &str) -> Result<Vec<Benchmark>, Vec<Diagnostic>> {
    let mut rows = CsvRows::open(path, display).map_err(|d| vec![d])?;
    let Some(header) = rows.next().transpose().map_err(|d| vec![d])? else {
        return Err(vec![Diagnostic::file_error(display, "the file is empty")]);
    };
    let headers: Vec<String> = header
        .cells
        .iter()
        .map(|c| super::columns::header_key(&c.text()))
        .collect();
    let mut index = [0_usize; 5];
    let mut errors = Vec::new();
    for (slot, (names, label)) in index.iter_mut().zip(COLUMNS) {
        match headers.iter().position(|h| names.contains(&h.as_str())) {
            Some(i) => *slot = i,
            None => errors.push(Diagnostic {
                row: Some(header.row),
                ..Diagnostic::file_error(display, format!("required column {label} is missing"))
            }),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut benchmarks = Vec::new();
    for row in rows {
        let row = match row {
            Ok(row) => row,
            Err(d) => {
                errors.push(d);
                continue;
            }
        };
        if row.cells.iter().all(Cell::is_blank) {
            continue;
        }
        match parse_row(&row, &index, &header, display) {
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

fn parse_row(
    row: &RawRow,
    index: &[usize; 5],
    header: &RawRow,
    display: &str,
) -> Result<Benchmark, Vec<Diagnostic>> {
    let text = |i: usize| row.cells.get(index[i]).map(Cell::text).unwrap_or_default();
    let mut errors = Vec::new();
    let mut fail = |i: usize, message: String| {
        errors.push(Diagnostic {
            row: Some(row.row),
            column: header.cells.get(index[i]).map(Cell::text),
            ..Diagnostic::file_error(display, message)
        });
    };
    let metric = text(0).parse::<Metric>().map_err(|e| fail(0, e)).ok();
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
