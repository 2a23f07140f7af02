//! China's working days in 2020 and 2021 (the State Council's holiday notices, with their 调休
//! make-up days) and the statutory periods of SPEC §7.2–§7.3 counted on them, for the dates
//! of the work-list columns. The case dates themselves keep `calendar::workday`'s simpler
//! rule, so that the cases drawn before these columns existed stay exactly as they were.
//! It reads the `chinese_holiday` crate directly, not caseledger's calendar, so the sample
//! stays independent of the code it is meant to check.

use chrono::{Datelike, NaiveDate, TimeDelta};

/// Whether a day of 2020 or 2021 is a working day, by the State Council's notices (with
/// their 调休 make-up days) as the `chinese_holiday` crate records them.
pub fn is_working_day(date: NaiveDate) -> bool {
    // The sample's dates are 2020–2021, well inside the crate's data (2004–2026).
    let day = chinese_holiday::Ymd::new(date.year() as u16, date.month() as u8, date.day() as u8);
    chinese_holiday::chinese_holiday(day).is_workday()
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
