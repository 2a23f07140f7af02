//! China's working days in 2020 and 2021 (the State Council's holiday notices, with their 调休
//! make-up days) and the statutory periods of SPEC §7.2–§7.3 counted on them, for the dates
//! of the work-list columns. The case dates themselves keep `calendar::workday`'s simpler
//! rule, so that the cases drawn before these columns existed stay exactly as they were.
//! Its own table, not the `chinese_holiday` crate: the sample must not depend on the code
//! it is meant to check.

use chrono::{Datelike, NaiveDate, TimeDelta, Weekday};

use super::calendar::ymd;

/// Days off, first and last day of each holiday: 2020 as the notice of November 2019 set it,
/// with 春节 extended to 2 February in January 2020; 2021 as the notice of November 2020.
#[rustfmt::skip]
const REST: [(NaiveDate, NaiveDate); 13] = [
    (ymd(2020, 1, 1), ymd(2020, 1, 1)), (ymd(2020, 1, 24), ymd(2020, 2, 2)),
    (ymd(2020, 4, 4), ymd(2020, 4, 6)), (ymd(2020, 5, 1), ymd(2020, 5, 5)),
    (ymd(2020, 6, 25), ymd(2020, 6, 27)), (ymd(2020, 10, 1), ymd(2020, 10, 8)),
    (ymd(2021, 1, 1), ymd(2021, 1, 3)), (ymd(2021, 2, 11), ymd(2021, 2, 17)),
    (ymd(2021, 4, 3), ymd(2021, 4, 5)), (ymd(2021, 5, 1), ymd(2021, 5, 5)),
    (ymd(2021, 6, 12), ymd(2021, 6, 14)), (ymd(2021, 9, 19), ymd(2021, 9, 21)),
    (ymd(2021, 10, 1), ymd(2021, 10, 7)),
];

/// Weekend days worked instead (调休). 2021-09-18, a Saturday, is the working day before 中秋.
#[rustfmt::skip]
const MAKE_UP: [NaiveDate; 13] = [
    ymd(2020, 1, 19), ymd(2020, 4, 26), ymd(2020, 5, 9), ymd(2020, 6, 28), ymd(2020, 9, 27),
    ymd(2020, 10, 10), ymd(2021, 2, 7), ymd(2021, 2, 20), ymd(2021, 4, 25), ymd(2021, 5, 8),
    ymd(2021, 9, 18), ymd(2021, 9, 26), ymd(2021, 10, 9),
];

pub fn is_working_day(date: NaiveDate) -> bool {
    if MAKE_UP.contains(&date) {
        return true;
    }
    let weekend = matches!(date.weekday(), Weekday::Sat | Weekday::Sun);
    !weekend && !REST.iter().any(|&(from, to)| from <= date && date <= to)
}

/// `date`, or the first working day after it.
pub fn on_or_after(mut date: NaiveDate) -> NaiveDate {
    while !is_working_day(date) {
        date += TimeDelta::days(1);
    }
    date
}

/// `date`, or the last working day before it.
pub fn on_or_before(mut date: NaiveDate) -> NaiveDate {
    while !is_working_day(date) {
        date -= TimeDelta::days(1);
    }
    date
}

/// The `n`th working day after `date`.
pub fn working_days_after(mut date: NaiveDate, n: u32) -> NaiveDate {
    for _ in 0..n {
        date = on_or_after(date + TimeDelta::days(1));
    }
    date
}

/// A period of `days` calendar days from `start`: the start day is not counted, and a last
/// day that is not a working day moves to the next working day.
pub fn period_end(start: NaiveDate, days: i64) -> NaiveDate {
    on_or_after(start + TimeDelta::days(days))
}

/// The respondent's answer: 10 days from the copy (the 2017 law, which every sample case
/// follows, counts calendar days).
pub fn answer_due(copy_served: NaiveDate) -> NaiveDate {
    period_end(copy_served, 10)
}

/// The defence in court: 15 days from receiving the complaint.
pub fn defence_due(complaint_received: NaiveDate) -> NaiveDate {
    period_end(complaint_received, 15)
}

/// The first reminder (两提): seven days before the hearing, moved back to a working day.
pub fn remind_week(hearing: NaiveDate) -> NaiveDate {
    on_or_before(hearing - TimeDelta::days(7))
}

/// The second reminder: the day before the hearing, moved back to a working day.
pub fn remind_day(hearing: NaiveDate) -> NaiveDate {
    on_or_before(hearing - TimeDelta::days(1))
}
