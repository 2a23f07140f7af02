//! Reporting periods, the year-earlier period that 同比 compares against, and calendar
//! months (the monthly 调度 sheet's unit of time).

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

/// A calendar month, `2021-08`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    /// Its first day; the month is this date's.
    first: NaiveDate,
}

impl Month {
    /// The month of a date.
    #[must_use]
    pub fn of(date: NaiveDate) -> Month {
        Month {
            first: date.with_day(1).unwrap_or(date),
        }
    }

    #[must_use]
    pub fn first_day(self) -> NaiveDate {
        self.first
    }

    #[must_use]
    pub fn last_day(self) -> NaiveDate {
        self.first
            .checked_add_months(chrono::Months::new(1))
            .and_then(|next| next.pred_opt())
            .unwrap_or(self.first)
    }

    /// The whole month as a period.
    #[must_use]
    pub fn period(self) -> Period {
        Period {
            from: self.first_day(),
            to: self.last_day(),
        }
    }

    /// `2021年8月`, as a title writes it.
    #[must_use]
    pub fn label_zh(self) -> String {
        format!("{}年{}月", self.first.year(), self.first.month())
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.first.year(), self.first.month())
    }
}

impl std::str::FromStr for Month {
    type Err = super::Unknown;

    /// `2021-08`, `2021-8`, `2021/8`, `2021.8`, `2021年8月` or `202108` (trimmed and
    /// half-width: the caller normalises); a four-digit year always.
    fn from_str(text: &str) -> Result<Month, Self::Err> {
        let invalid = || super::Unknown::new("a month", text, "use 2021-08, 2021/8 or 2021年8月");
        let text = text.trim();
        let (year, month) = if let Some(rest) = text.strip_suffix('月') {
            rest.split_once('年').ok_or_else(invalid)?
        } else if let Some(split) = text.find(['-', '/', '.']) {
            (&text[..split], &text[split + 1..])
        } else if text.len() == 6 && text.is_ascii() {
            text.split_at(4)
        } else {
            return Err(invalid());
        };
        let digits = |part: &str, max_len: usize| {
            (!part.is_empty() && part.len() <= max_len && part.bytes().all(|b| b.is_ascii_digit()))
                .then(|| part.parse::<u32>().ok())
                .flatten()
        };
        let (Some(year), Some(month)) = (
            digits(year, 4).filter(|_| year.len() == 4),
            digits(month, 2),
        ) else {
            return Err(invalid());
        };
        let year = i32::try_from(year).map_err(|_| invalid())?;
        NaiveDate::from_ymd_opt(year, month, 1)
            .map(|first| Month { first })
            .ok_or_else(invalid)
    }
}

impl serde::Serialize for Month {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::fixture::d;

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

    #[track_caller]
    fn month(text: &str, expected: Option<(&str, &str)>) {
        let got = text
            .parse::<Month>()
            .ok()
            .map(|m| (m.first_day().to_string(), m.last_day().to_string()));
        let expected = expected.map(|(f, l)| (f.to_owned(), l.to_owned()));
        assert_eq!(got, expected, "{text}");
    }

    #[test]
    fn months_as_clerks_write_them() {
        month("2021-08", Some(("2021-08-01", "2021-08-31")));
        month("2021-8", Some(("2021-08-01", "2021-08-31")));
        month("2021/2", Some(("2021-02-01", "2021-02-28")));
        month("2020.02", Some(("2020-02-01", "2020-02-29")));
        month("2021年12月", Some(("2021-12-01", "2021-12-31")));
        month("202104", Some(("2021-04-01", "2021-04-30")));
        month("2021-13", None);
        month("21-08", None);
        month("2021-08-01", None);
        month("2021", None);
        month("", None);
        month("八月", None);
        let august = Month::of(d("2021-08-17"));
        assert_eq!(august.to_string(), "2021-08");
        assert_eq!(august.label_zh(), "2021年8月");
        assert_eq!(
            august.period(),
            Period::new(d("2021-08-01"), d("2021-08-31")).unwrap()
        );
    }
}
