//! Reporting periods and the year-earlier period that 同比 compares against.

use std::fmt;

use chrono::{Datelike, NaiveDate};

/// An inclusive range of dates `[from, to]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Period {
    /// A period; `None` when `from` is after `to`.
    #[must_use]
    pub fn new(from: NaiveDate, to: NaiveDate) -> Option<Period> {
        (from <= to).then_some(Period { from, to })
    }

    /// 1 January of `to`'s year through `to`: the default report period.
    #[must_use]
    pub fn year_to_date(to: NaiveDate) -> Period {
        let from = NaiveDate::from_ymd_opt(to.year(), 1, 1).unwrap_or(to);
        Period { from, to }
    }

    #[must_use]
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.from <= date && date <= self.to
    }

    /// Whether an optional date falls in the period (an unknown date never does).
    #[must_use]
    pub fn holds(&self, date: Option<NaiveDate>) -> bool {
        date.is_some_and(|d| self.contains(d))
    }

    /// The same dates one year earlier (29 February becomes 28 February).
    #[must_use]
    pub fn previous_year(&self) -> Period {
        Period {
            from: one_year_earlier(self.from),
            to: one_year_earlier(self.to),
        }
    }
}

/// The same calendar date a year earlier; 29 February maps to 28 February.
#[must_use]
pub fn one_year_earlier(date: NaiveDate) -> NaiveDate {
    let year = date.year() - 1;
    NaiveDate::from_ymd_opt(year, date.month(), date.day())
        .or_else(|| NaiveDate::from_ymd_opt(year, date.month(), date.day() - 1))
        .unwrap_or(date)
}

/// A date as `2021-08-31`: the form the ledger stores and every output prints. (Written
/// by hand: chrono's strftime costs a noticeable share of a large import.)
#[must_use]
pub fn iso(date: NaiveDate) -> String {
    let year = date.year();
    if !(0..=9999).contains(&year) {
        return format!("{year:04}-{:02}-{:02}", date.month(), date.day());
    }
    // Digit by digit: `format!` with padding costs a large import a noticeable share too.
    let digit = |n: u32| char::from(b'0' + (n % 10) as u8);
    let year = year.unsigned_abs();
    let mut text = String::with_capacity(10);
    for n in [year / 1000, year / 100, year / 10, year] {
        text.push(digit(n));
    }
    for part in [date.month(), date.day()] {
        text.push('-');
        text.push(digit(part / 10));
        text.push(digit(part));
    }
    text
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} – {}", self.from, self.to)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn iso_matches_strftime_for_every_year_a_spreadsheet_holds() {
        let mut date = NaiveDate::from_ymd_opt(0, 1, 1).unwrap();
        let last = NaiveDate::from_ymd_opt(9999, 12, 31).unwrap();
        while date <= last {
            assert_eq!(iso(date), date.format("%Y-%m-%d").to_string(), "{date:?}");
            date = date
                + chrono::Days::new(if (1900..2100).contains(&date.year()) {
                    1
                } else {
                    17
                });
        }
    }

    #[track_caller]
    fn shift(date: &str, expected: &str) {
        assert_eq!(one_year_earlier(d(date)), d(expected), "{date}");
    }

    #[test]
    fn iso_dates() {
        assert_eq!(iso(d("2021-08-31")), "2021-08-31");
        assert_eq!(iso(d("1999-01-02")), "1999-01-02");
    }

    #[test]
    fn shifts_one_year() {
        shift("2021-08-31", "2020-08-31");
        shift("2021-01-01", "2020-01-01");
        shift("2020-02-29", "2019-02-28");
        shift("2021-02-28", "2020-02-28");
        shift("2021-03-01", "2020-03-01");
        shift("2024-12-31", "2023-12-31");
    }

    #[test]
    fn period_previous_year_and_membership() {
        let p = Period::new(d("2020-01-01"), d("2020-02-29")).unwrap();
        assert_eq!(
            p.previous_year(),
            Period::new(d("2019-01-01"), d("2019-02-28")).unwrap()
        );
        assert!(p.contains(d("2020-01-01")));
        assert!(p.contains(d("2020-02-29")));
        assert!(!p.contains(d("2020-03-01")));
        assert!(!p.holds(None));
        assert!(Period::new(d("2021-02-01"), d("2021-01-01")).is_none());
        assert_eq!(Period::year_to_date(d("2021-08-31")).from, d("2021-01-01"));
    }
}
