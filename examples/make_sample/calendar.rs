//! Time and chance for the sample: the weekly report dates, working days, when an event
//! becomes known (the reporting lag), and a fixed-seed `SplitMix64` generator. No `rand`:
//! the bytes of the sample must never depend on another crate's algorithm.

use chrono::{Datelike, NaiveDate, TimeDelta, Weekday};

/// A calendar date known at compile time; an impossible date stops the build.
pub const fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(date) => date,
        None => panic!("not a calendar date"),
    }
}

/// The last day of the season: the final month-end report.
pub const SEASON_END: NaiveDate = ymd(2021, 8, 31);
const FIRST_FRIDAY: NaiveDate = ymd(2020, 1, 3);
const LAST_FRIDAY: NaiveDate = ymd(2021, 8, 27);

/// The same working day, or the next one when `date` falls on a weekend or 1 January.
pub fn workday(date: NaiveDate) -> NaiveDate {
    let date = if date.month() == 1 && date.day() == 1 {
        date + TimeDelta::days(1)
    } else {
        date
    };
    match date.weekday() {
        Weekday::Sat => date + TimeDelta::days(2),
        Weekday::Sun => date + TimeDelta::days(1),
        _ => date,
    }
}

/// The first working day at least `days` after `date`.
pub fn after(date: NaiveDate, days: i64) -> NaiveDate {
    workday(date + TimeDelta::days(days))
}

/// `SplitMix64` (Steele, Lea and Flood), seeded once for the whole sample.
pub struct Rng(u64);

impl Rng {
    pub const fn new(seed: u64) -> Self {
        Self(seed)
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (the modulo bias is far below anything the sample can show).
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 { 0 } else { self.next_u64() % n }
    }

    /// A number in `lo..=hi`.
    pub fn between(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as u64) as i64
    }

    /// True with the given chance in percent.
    pub fn percent(&mut self, chance: u64) -> bool {
        self.below(100) < chance
    }

    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len() as u64) as usize]
    }

    /// One item, each as likely as its weight.
    pub fn weighted<T: Copy>(&mut self, items: &[(T, u32)]) -> T {
        let total: u64 = items.iter().map(|&(_, w)| u64::from(w)).sum();
        let mut roll = self.below(total);
        for &(item, weight) in items {
            if roll < u64::from(weight) {
                return item;
            }
            roll -= u64::from(weight);
        }
        items[items.len() - 1].0
    }

    /// Fisher–Yates.
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i as u64 + 1) as usize;
            items.swap(i, j);
        }
    }

    /// A working day in `lo..=hi` (a weekend at the end may move past `hi`: callers check).
    pub fn day_in(&mut self, (lo, hi): (NaiveDate, NaiveDate)) -> NaiveDate {
        workday(lo + TimeDelta::days(self.between(0, (hi - lo).num_days())))
    }

    /// How many reports late an event is first written down: mostly on time, some 1–2 weeks late.
    pub fn lag(&mut self) -> usize {
        match self.below(100) {
            0..70 => 0,
            70..92 => 1,
            _ => 2,
        }
    }
}

/// A dated fact and the first report that shows it.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Known {
    pub date: NaiveDate,
    pub from: usize,
}

impl Known {
    /// The date, if report `report` shows it.
    pub fn by(self, report: usize) -> Option<NaiveDate> {
        (self.from <= report).then_some(self.date)
    }
}

/// The report dates: every Friday of the season plus the final month-end report.
pub struct Calendar {
    pub reports: Vec<NaiveDate>,
}

impl Calendar {
    pub fn new() -> Self {
        let mut reports = Vec::new();
        let mut friday = FIRST_FRIDAY;
        while friday <= LAST_FRIDAY {
            reports.push(friday);
            friday += TimeDelta::days(7);
        }
        reports.push(SEASON_END);
        Self { reports }
    }

    /// Index of the final report.
    pub fn last(&self) -> usize {
        self.reports.len() - 1
    }

    /// The report in which an event of `date` is first written down, `lag` reports late but
    /// never after the final one. Events before the season are all in the first files.
    pub fn known(&self, date: NaiveDate, lag: usize) -> usize {
        if date.year() < 2020 {
            return 0;
        }
        let first = self.reports.partition_point(|report| *report < date);
        (first + lag).min(self.last())
    }

    /// The first report dated on or after `date` (the final one at the latest); for an office
    /// that updates its ledger every other week, the next even one.
    pub fn first_showing(&self, date: NaiveDate, fortnightly: bool) -> usize {
        let first = self
            .reports
            .partition_point(|report| *report < date)
            .min(self.last());
        if fortnightly {
            (first.div_ceil(2) * 2).min(self.last())
        } else {
            first
        }
    }

    /// A fact of `date` as an office that writes it down at once shows it, but not before
    /// report `not_before` (the row, or an earlier fact it follows from); `None` after the
    /// season, when no report can show it.
    pub fn fact(&self, date: NaiveDate, fortnightly: bool, not_before: usize) -> Option<Known> {
        (date <= SEASON_END).then(|| Known {
            date,
            from: self.first_showing(date, fortnightly).max(not_before),
        })
    }

    /// Index of the last report dated before 1 January of `year`, if any.
    pub fn last_before_year(&self, year: i32) -> Option<usize> {
        self.reports.iter().rposition(|report| report.year() < year)
    }
}
