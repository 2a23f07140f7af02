//! Calendar files: the holidays (休) and make-up working days (班) of a year the built-in
//! State Council schedule does not cover yet, or corrections to it — columns 日期 and 类型,
//! in a CSV file or a workbook.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{Datelike, NaiveDate};

use super::cell::{self, Cell, DATE_STYLES};
use super::reference_table::{self, Column, Table};
use super::{Diagnostic, RawRow};
use crate::model::DayType;

/// The columns of a calendar file, in the order [`read`] reads them.
const COLUMNS: [Column; 2] = [
    Column {
        headers: &["日期", "date"],
        label: "日期",
        required: true,
    },
    Column {
        headers: &["类型", "type", "休/班", "休班"],
        label: "类型",
        required: true,
    },
];

/// The years a calendar day may fall in: a day outside them has a mistyped year, which
/// would otherwise count as a year with a holiday schedule.
const YEARS: std::ops::RangeInclusive<i32> = 2000..=2099;

/// Reads every day of a calendar file in date order, or every problem with it. A date
/// given twice with one type is read once; with both types it is an error naming both rows.
pub fn read(path: &Path, display: &str) -> Result<Vec<(NaiveDate, DayType)>, Vec<Diagnostic>> {
    let table = reference_table::read(path, display, &COLUMNS)?;
    let mut days: BTreeMap<NaiveDate, (DayType, u32)> = BTreeMap::new();
    let mut errors = Vec::new();
    for row in &table.rows {
        let date = date(&table, row, display).map_err(|d| errors.push(d)).ok();
        let text = table.text(row, 1);
        let day_type = text
            .parse::<DayType>()
            .map_err(|e| errors.push(table.error(display, row, 1, e.to_string())))
            .ok();
        let (Some(date), Some(day_type)) = (date, day_type) else {
            continue;
        };
        match days.get(&date) {
            Some(&(earlier, first_row)) if earlier != day_type => {
                errors.push(table.error(
                    display,
                    row,
                    0,
                    format!(
                        "{date} is given as {} here and as {} on row {first_row}; keep one",
                        day_type.label_zh(),
                        earlier.label_zh()
                    ),
                ));
            }
            Some(_) => {}
            None => {
                days.insert(date, (day_type, row.row));
            }
        }
    }
    if days.is_empty() && errors.is_empty() {
        errors.push(Diagnostic::file_error(
            display,
            "the file lists no days (columns 日期 and 类型, e.g. 2027-02-06, 休)",
        ));
    }
    if errors.is_empty() {
        Ok(days.into_iter().map(|(date, (t, _))| (date, t)).collect())
    } else {
        Err(errors)
    }
}

/// The 日期 cell: a workbook's date, an Excel serial number, or a date as text.
fn date(table: &Table, row: &RawRow, display: &str) -> Result<NaiveDate, Diagnostic> {
    let text = table.text(row, 0);
    let date = match table.cell(row, 0) {
        Some(Cell::Date(date)) => Some(*date),
        Some(Cell::DateTime(at)) => Some(at.date()),
        Some(Cell::Number(n)) => cell::parse_date(&text).or_else(|| cell::excel_serial_date(*n)),
        _ => cell::parse_date(&text),
    };
    match date {
        None if text.is_empty() => Err(table.error(display, row, 0, "the date is empty")),
        None => Err(table.error(
            display,
            row,
            0,
            format!("`{text}` is not a date (use {DATE_STYLES})"),
        )),
        Some(date) if !YEARS.contains(&date.year()) => Err(table.error(
            display,
            row,
            0,
            format!(
                "`{text}` is outside the years {}–{}; is the year mistyped?",
                YEARS.start(),
                YEARS.end()
            ),
        )),
        Some(date) => Ok(date),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::fixture::d;

    fn read_csv(text: &str) -> Result<Vec<(NaiveDate, DayType)>, Vec<String>> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("日历.csv");
        std::fs::write(&path, text).unwrap();
        read(&path, "日历.csv").map_err(|ds| ds.iter().map(ToString::to_string).collect())
    }

    #[test]
    fn days_in_any_date_style() {
        let days =
            read_csv("日期,类型\n2027年2月8日,休\n2027/2/20,班\n2027-02-08,放假\n\n").unwrap();
        assert_eq!(
            days,
            [
                (d("2027-02-08"), DayType::Rest),
                (d("2027-02-20"), DayType::Work)
            ]
        );
    }

    #[test]
    fn every_bad_row_is_named() {
        let errors =
            read_csv("日期,类型\n2027-02-31,休\n2027-02-09,假\n,班\n1999-10-01,休\n2027-02-10,休\n2027-02-10,班\n")
                .unwrap_err();
        assert_eq!(errors.len(), 5, "{errors:#?}");
        assert!(errors[0].starts_with("日历.csv:2:日期: error: `2027-02-31` is not a date"));
        assert!(errors[1].starts_with("日历.csv:3:类型: error: `假` is not a day type"));
        assert_eq!(errors[2], "日历.csv:4:日期: error: the date is empty");
        assert!(errors[3].contains(":5:日期: error: `1999-10-01` is outside the years"));
        assert_eq!(
            errors[4],
            "日历.csv:7:日期: error: 2027-02-10 is given as 班 here and as 休 on row 6; keep one"
        );
    }

    #[test]
    fn missing_columns_and_empty_files() {
        let errors = read_csv("日期,备注\n2027-02-08,春节\n").unwrap_err();
        assert_eq!(
            errors,
            ["日历.csv:1: error: required column 类型 is missing"]
        );
        let errors = read_csv("日期,类型\n").unwrap_err();
        assert!(errors[0].contains("lists no days"), "{errors:?}");
    }
}
