//! China's working-day calendar: weekends, the State Council's holidays and 调休 make-up days.
//!
//! The schedule comes from the `chinese_holiday` crate, plus days a bureau adds for years the
//! crate does not cover yet (an added day wins). Pure: it reads no files and knows nothing of
//! cases; the statutory periods counted on it live in `deadline`.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::str::FromStr;

use chinese_holiday::{DayKind, Ymd, chinese_holiday};
use chrono::{Datelike, NaiveDate, Weekday};

use super::Unknown;

/// The first day the crate knows.
const CRATE_FIRST: NaiveDate = NaiveDate::from_ymd_opt(2004, 1, 1).unwrap();
/// The last day the crate knows (it panics after it). It stops short of 31 December because
/// the next year's notice may move days of late December for 元旦.
const CRATE_LAST: NaiveDate = NaiveDate::from_ymd_opt(2026, 12, 25).unwrap();

/// What a day of the holiday schedule is: 休 or 班.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DayType {
    /// 休: a day off, a statutory holiday or a weekday given off by 调休.
    Rest,
    /// 班: a working day, a weekend day worked by 调休.
    Work,
}

impl DayType {
    /// The stable English key (`rest`, `work`).
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            DayType::Rest => "rest",
            DayType::Work => "work",
        }
    }

    /// The character official calendars print: 休 or 班.
    #[must_use]
    pub fn label_zh(self) -> &'static str {
        match self {
            DayType::Rest => "休",
            DayType::Work => "班",
        }
    }
}

impl fmt::Display for DayType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

impl FromStr for DayType {
    type Err = Unknown;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim() {
            "rest" | "休" | "放假" => Ok(DayType::Rest),
            "work" | "班" | "上班" | "补班" => Ok(DayType::Work),
            other => Err(Unknown::new("a day type", other, "rest/休 or work/班")),
        }
    }
}

/// Which days are working days: Monday to Friday outside holidays, plus make-up days.
///
/// Build it once and share it: construction walks the crate's years into a bitset, and every
/// query after is a table lookup. Years with no schedule fall back to weekends alone, and
/// `covers`/`uncovered_year` say so.
#[derive(Debug, Clone)]
pub struct WorkCalendar {
    /// The year of `working[0]`.
    first_year: i32,
    /// A bit per day of the year (by ordinal), set on working days, for every year from
    /// `first_year` through the last year with data; other years follow the weekday rule.
    working: Vec<[u64; 6]>,
    /// Every holiday and make-up day, the crate's first and then the user's: `year_days`.
    schedule: BTreeMap<NaiveDate, DayType>,
    /// Years the user gave at least one day of.
    user_years: BTreeSet<i32>,
}

impl Default for WorkCalendar {
    fn default() -> Self {
        WorkCalendar::new()
    }
}

impl WorkCalendar {
    /// The crate's schedule alone.
    #[must_use]
    pub fn new() -> Self {
        WorkCalendar::with_overrides([])
    }

    /// The crate's schedule with the user's days on top; for a date given twice the last wins.
    #[must_use]
    pub fn with_overrides(overrides: impl IntoIterator<Item = (NaiveDate, DayType)>) -> Self {
        let mut schedule = crate_schedule();
        let mut user_years = BTreeSet::new();
        for (date, day_type) in overrides {
            user_years.insert(date.year());
            schedule.insert(date, day_type);
        }
        let first_year = user_years
            .first()
            .map_or(CRATE_FIRST.year(), |&y| y.min(CRATE_FIRST.year()));
        let last_year = user_years
            .last()
            .map_or(CRATE_LAST.year(), |&y| y.max(CRATE_LAST.year()));
        let mut working: Vec<[u64; 6]> = (first_year..=last_year).map(weekday_bits).collect();
        for (&date, &day_type) in &schedule {
            let bits = &mut working[(date.year() - first_year) as usize];
            let (word, bit) = bit_of(date);
            match day_type {
                DayType::Work => bits[word] |= bit,
                DayType::Rest => bits[word] &= !bit,
            }
        }
        WorkCalendar {
            first_year,
            working,
            schedule,
            user_years,
        }
    }

    /// Whether people work on `date`: Monday to Friday outside holidays, or a make-up day.
    #[must_use]
    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        let year = usize::try_from(date.year() - self.first_year).ok();
        match year.and_then(|i| self.working.get(i)) {
            Some(bits) => {
                let (word, bit) = bit_of(date);
                bits[word] & bit != 0
            }
            None => is_weekday(date),
        }
    }

    /// Whether the calendar has a holiday schedule for `year`: the crate's, or any day the
    /// user gave.
    #[must_use]
    pub fn covers(&self, year: i32) -> bool {
        WorkCalendar::built_in_covers(year) || self.user_years.contains(&year)
    }

    /// Whether the State Council schedule built into caseledger covers `year`, whatever
    /// days the user added.
    #[must_use]
    pub fn built_in_covers(year: i32) -> bool {
        (CRATE_FIRST.year()..=CRATE_LAST.year()).contains(&year)
    }

    /// The first and last years of the built-in schedule.
    #[must_use]
    pub fn built_in_years() -> (i32, i32) {
        (CRATE_FIRST.year(), CRATE_LAST.year())
    }

    /// The first year without a schedule among those deciding the days `from..=to`, if any.
    ///
    /// A day is decided by its own year's notice, except the crate's last days of December,
    /// which wait on the next year's 元旦 arrangement: they count as that next year.
    #[must_use]
    pub fn uncovered_year(&self, from: NaiveDate, to: NaiveDate) -> Option<i32> {
        (notice_year(from)..=notice_year(to)).find(|&year| !self.covers(year))
    }

    /// `date` itself when it is a working day, else the first working day after it.
    #[must_use]
    pub fn next_working_day_on_or_after(&self, date: NaiveDate) -> NaiveDate {
        let mut day = date;
        while !self.is_working_day(day) {
            match day.succ_opt() {
                Some(next) => day = next,
                None => break,
            }
        }
        day
    }

    /// `date` itself when it is a working day, else the last working day before it.
    #[must_use]
    pub fn last_working_day_on_or_before(&self, date: NaiveDate) -> NaiveDate {
        let mut day = date;
        while !self.is_working_day(day) {
            match day.pred_opt() {
                Some(previous) => day = previous,
                None => break,
            }
        }
        day
    }

    /// The `n`th working day after `start` (`start` itself is not counted; `n = 0` is `start`).
    #[must_use]
    pub fn add_working_days(&self, start: NaiveDate, n: u32) -> NaiveDate {
        let mut day = start;
        let mut counted = 0;
        while counted < n {
            match day.succ_opt() {
                Some(next) => day = next,
                None => break,
            }
            if self.is_working_day(day) {
                counted += 1;
            }
        }
        day
    }

    /// The working days after `from` through `to`; negative, counted the other way, when `to`
    /// is before `from`. Counted a year at a time (a population count of the year's bits),
    /// so a list of many items, some years overdue, stays fast.
    #[must_use]
    pub fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> i64 {
        let (low, high, sign) = if from <= to {
            (from, to, 1)
        } else {
            (to, from, -1)
        };
        match low.succ_opt() {
            Some(first) if low < high => sign * self.working_days_in(first, high),
            _ => 0,
        }
    }

    /// The working days of `first..=last` (`first <= last`), a year at a time.
    fn working_days_in(&self, first: NaiveDate, last: NaiveDate) -> i64 {
        let mut count = 0;
        for year in first.year()..=last.year() {
            let from = if year == first.year() {
                first
            } else {
                NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(first)
            };
            let to = if year == last.year() {
                last
            } else {
                NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(last)
            };
            let index = usize::try_from(year - self.first_year).ok();
            count += match index.and_then(|i| self.working.get(i)) {
                Some(bits) => bits_set(bits, from.ordinal0() as usize, to.ordinal0() as usize),
                None => weekdays_in(from, to),
            };
        }
        count
    }

    /// The holidays and make-up days of `year`, in date order (empty for a year without data).
    #[must_use]
    pub fn year_days(&self, year: i32) -> Vec<(NaiveDate, DayType)> {
        let (Some(first), Some(last)) = (
            NaiveDate::from_ymd_opt(year, 1, 1),
            NaiveDate::from_ymd_opt(year, 12, 31),
        ) else {
            return Vec::new();
        };
        self.schedule
            .range(first..=last)
            .map(|(&date, &day_type)| (date, day_type))
            .collect()
    }
}

/// The crate's holidays and make-up days: every day it names for a festival. Weekend days
/// inside a holiday are kept so that `year_days` lists the whole 放假 span.
fn crate_schedule() -> BTreeMap<NaiveDate, DayType> {
    CRATE_FIRST
        .iter_days()
        .take_while(|&day| day <= CRATE_LAST)
        .filter_map(|day| {
            // In range by construction: the crate accepts 2000-2127 and panics outside its data.
            let ymd = Ymd::new(day.year() as u16, day.month() as u8, day.day() as u8);
            match chinese_holiday(ymd) {
                DayKind::NormalWorkday | DayKind::NormalHoliday => None,
                kind if kind.is_workday() => Some((day, DayType::Work)),
                _ => Some((day, DayType::Rest)),
            }
        })
        .collect()
}

/// The year whose notice decides `date`; see `WorkCalendar::uncovered_year`.
fn notice_year(date: NaiveDate) -> i32 {
    if date > CRATE_LAST && date.year() == CRATE_LAST.year() {
        date.year() + 1
    } else {
        date.year()
    }
}

fn is_weekday(date: NaiveDate) -> bool {
    !matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

/// The bits set in `bits` from bit `from` through bit `to`.
fn bits_set(bits: &[u64; 6], from: usize, to: usize) -> i64 {
    let mut count = 0;
    for (word, value) in bits.iter().enumerate().take(to / 64 + 1).skip(from / 64) {
        let low = if word == from / 64 { from % 64 } else { 0 };
        let high = if word == to / 64 { to % 64 } else { 63 };
        // Bits low..=high of the word; shifting by 64 would overflow, hence the two steps.
        let mask = (u64::MAX >> (63 - high)) & (u64::MAX << low);
        count += i64::from((value & mask).count_ones());
    }
    count
}

/// Monday to Friday in `from..=to`, `from <= to`: five a week, then the odd days.
fn weekdays_in(from: NaiveDate, to: NaiveDate) -> i64 {
    let days = to.signed_duration_since(from).num_days() + 1;
    let odd = from
        .iter_days()
        .take((days % 7) as usize)
        .filter(|&day| is_weekday(day))
        .count();
    days / 7 * 5 + odd as i64
}

/// The word and mask of `date` in its year's bitset.
fn bit_of(date: NaiveDate) -> (usize, u64) {
    let ordinal = date.ordinal0() as usize;
    (ordinal / 64, 1 << (ordinal % 64))
}

/// A year's bitset with Monday to Friday set.
fn weekday_bits(year: i32) -> [u64; 6] {
    let mut bits = [0; 6];
    let Some(first) = NaiveDate::from_ymd_opt(year, 1, 1) else {
        return bits;
    };
    for day in first.iter_days().take_while(|day| day.year() == year) {
        if is_weekday(day) {
            let (word, bit) = bit_of(day);
            bits[word] |= bit;
        }
    }
    bits
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::fixture::d;
    use chrono::Days;

    /// Every day of `from..=to` with one type.
    fn span(from: &str, to: &str, day_type: DayType) -> Vec<(NaiveDate, DayType)> {
        d(from)
            .iter_days()
            .take_while(|&day| day <= d(to))
            .map(|day| (day, day_type))
            .collect()
    }

    /// A year's schedule as the State Council notice words it: 放假 spans and 上班 days.
    #[track_caller]
    fn notice(year: i32, rest: &[(&str, &str)], work: &[&str]) {
        let mut expected: Vec<_> = rest
            .iter()
            .flat_map(|&(from, to)| span(from, to, DayType::Rest))
            .chain(work.iter().map(|&day| (d(day), DayType::Work)))
            .filter(|(day, _)| day.year() == year)
            .collect();
        expected.sort_by_key(|&(day, _)| day);
        assert_eq!(WorkCalendar::new().year_days(year), expected, "{year}");
    }

    // Written from the notices themselves (国办发明电), not from the crate: a release with a
    // wrong or missing day fails here.
    #[test]
    fn the_crate_matches_the_state_council_notices() {
        // 国办发明电〔2022〕16号
        notice(
            2023,
            &[
                ("2022-12-31", "2023-01-02"),
                ("2023-01-21", "2023-01-27"),
                ("2023-04-05", "2023-04-05"),
                ("2023-04-29", "2023-05-03"),
                ("2023-06-22", "2023-06-24"),
                ("2023-09-29", "2023-10-06"),
            ],
            &[
                "2023-01-28",
                "2023-01-29",
                "2023-04-23",
                "2023-05-06",
                "2023-06-25",
                "2023-10-07",
                "2023-10-08",
            ],
        );
        // 国办发明电〔2023〕7号; 除夕 (02-09) was only recommended off, so it is worked.
        notice(
            2024,
            &[
                ("2024-01-01", "2024-01-01"),
                ("2024-02-10", "2024-02-17"),
                ("2024-04-04", "2024-04-06"),
                ("2024-05-01", "2024-05-05"),
                ("2024-06-10", "2024-06-10"),
                ("2024-09-15", "2024-09-17"),
                ("2024-10-01", "2024-10-07"),
            ],
            &[
                "2024-02-04",
                "2024-02-18",
                "2024-04-07",
                "2024-04-28",
                "2024-05-11",
                "2024-09-14",
                "2024-09-29",
                "2024-10-12",
            ],
        );
        // 国办发明电〔2024〕12号, the first under the revised 全国年节及纪念日放假办法 (除夕 and
        // 5月2日 added).
        notice(
            2025,
            &[
                ("2025-01-01", "2025-01-01"),
                ("2025-01-28", "2025-02-04"),
                ("2025-04-04", "2025-04-06"),
                ("2025-05-01", "2025-05-05"),
                ("2025-05-31", "2025-06-02"),
                ("2025-10-01", "2025-10-08"),
            ],
            &[
                "2025-01-26",
                "2025-02-08",
                "2025-04-27",
                "2025-09-28",
                "2025-10-11",
            ],
        );
        notice(
            2026,
            &[
                ("2026-01-01", "2026-01-03"),
                ("2026-02-15", "2026-02-23"),
                ("2026-04-04", "2026-04-06"),
                ("2026-05-01", "2026-05-05"),
                ("2026-06-19", "2026-06-21"),
                ("2026-09-25", "2026-09-27"),
                ("2026-10-01", "2026-10-07"),
            ],
            &[
                "2026-01-04",
                "2026-02-14",
                "2026-02-28",
                "2026-05-09",
                "2026-09-20",
                "2026-10-10",
            ],
        );
        // 2019's 元旦 began in 2018 with a Saturday worked: the previous year's December holds
        // the next notice's days.
        let calendar = WorkCalendar::new();
        assert!(calendar.is_working_day(d("2018-12-29")));
        assert!(!calendar.is_working_day(d("2018-12-31")));
    }

    #[test]
    fn the_crate_stops_where_the_calendar_says() {
        let ymd = |day: NaiveDate| Ymd::new(day.year() as u16, day.month() as u8, day.day() as u8);
        let _ = chinese_holiday(ymd(CRATE_FIRST));
        let _ = chinese_holiday(ymd(CRATE_LAST));
        // A release with more data must move CRATE_LAST (and so `covers`) with it.
        let beyond = std::panic::catch_unwind(|| chinese_holiday(ymd(CRATE_LAST + Days::new(1))));
        assert!(
            beyond.is_err(),
            "the crate now knows days after {CRATE_LAST}"
        );
    }

    #[test]
    fn the_bitset_agrees_with_the_crate_on_every_day() {
        let calendar = WorkCalendar::new();
        for day in CRATE_FIRST.iter_days().take_while(|&day| day <= CRATE_LAST) {
            let ymd = Ymd::new(day.year() as u16, day.month() as u8, day.day() as u8);
            assert_eq!(
                calendar.is_working_day(day),
                chinese_holiday(ymd).is_workday(),
                "{day}"
            );
        }
    }

    #[track_caller]
    fn working(calendar: &WorkCalendar, day: &str, expected: bool) {
        assert_eq!(calendar.is_working_day(d(day)), expected, "{day}");
    }

    #[test]
    fn working_days() {
        let calendar = WorkCalendar::new();
        working(&calendar, "2025-03-03", true); // a Monday
        working(&calendar, "2025-03-08", false); // a Saturday
        working(&calendar, "2025-10-08", false); // a Wednesday of 国庆
        working(&calendar, "2025-10-11", true); // a Saturday worked for 国庆
        working(&calendar, "2025-09-28", true); // a Sunday worked for 国庆
        working(&calendar, "2024-02-09", true); // 除夕 2024: only recommended off
        working(&calendar, "2003-10-01", true); // before the crate: weekdays only
        working(&calendar, "2027-10-01", true); // after it: weekdays only
        working(&calendar, "2027-10-02", false);
    }

    #[test]
    fn overrides_win_and_add_years() {
        let calendar = WorkCalendar::with_overrides([
            (d("2027-02-08"), DayType::Rest),
            (d("2027-02-20"), DayType::Work),
            (d("2025-10-08"), DayType::Work),
            (d("2025-10-13"), DayType::Rest),
            (d("2030-05-01"), DayType::Rest),
        ]);
        working(&calendar, "2027-02-08", false);
        working(&calendar, "2027-02-20", true);
        working(&calendar, "2027-02-09", true);
        working(&calendar, "2025-10-08", true);
        working(&calendar, "2025-10-13", false);
        working(&calendar, "2025-10-07", false);
        working(&calendar, "2030-05-01", false);
        working(&calendar, "2028-05-01", true); // between the given years: weekdays only
        assert_eq!(
            calendar.year_days(2027),
            [
                (d("2027-02-08"), DayType::Rest),
                (d("2027-02-20"), DayType::Work)
            ]
        );
        assert!(
            calendar
                .year_days(2025)
                .contains(&(d("2025-10-08"), DayType::Work))
        );
        assert!(
            calendar
                .year_days(2025)
                .contains(&(d("2025-10-13"), DayType::Rest))
        );
        assert!(WorkCalendar::new().year_days(2027).is_empty());

        // An override before the crate's first year extends the table downwards too.
        let early = WorkCalendar::with_overrides([(d("2001-01-01"), DayType::Rest)]);
        working(&early, "2001-01-01", false);
        working(&early, "2001-01-02", true);
        working(&early, "2025-10-08", false);
    }

    #[test]
    fn coverage() {
        let plain = WorkCalendar::new();
        let with_2027 = WorkCalendar::with_overrides([(d("2027-01-01"), DayType::Rest)]);
        for (year, crate_only, given) in [
            (2003, false, false),
            (2004, true, true),
            (2026, true, true),
            (2027, false, true),
            (2028, false, false),
        ] {
            assert_eq!(plain.covers(year), crate_only, "{year}");
            assert_eq!(with_2027.covers(year), given, "{year}");
        }
        let range = |calendar: &WorkCalendar, from, to| calendar.uncovered_year(d(from), d(to));
        assert_eq!(range(&plain, "2025-01-01", "2026-12-25"), None);
        // The crate's last December days wait on the 2027 notice.
        assert_eq!(range(&plain, "2026-12-20", "2026-12-26"), Some(2027));
        assert_eq!(range(&with_2027, "2026-12-20", "2026-12-31"), None);
        assert_eq!(range(&plain, "2027-03-01", "2028-03-01"), Some(2027));
        assert_eq!(range(&with_2027, "2027-03-01", "2028-03-01"), Some(2028));
        assert_eq!(range(&plain, "2003-12-01", "2004-01-10"), Some(2003));
    }

    #[track_caller]
    fn moves(from: &str, on_or_after: &str, on_or_before: &str) {
        let calendar = WorkCalendar::new();
        let next = calendar.next_working_day_on_or_after(d(from));
        let last = calendar.last_working_day_on_or_before(d(from));
        assert_eq!((next, last), (d(on_or_after), d(on_or_before)), "{from}");
    }

    #[test]
    fn moving_to_a_working_day() {
        moves("2025-03-05", "2025-03-05", "2025-03-05"); // already one
        moves("2025-03-08", "2025-03-10", "2025-03-07"); // a weekend
        moves("2025-10-01", "2025-10-09", "2025-09-30"); // 国庆
        moves("2025-10-09", "2025-10-09", "2025-10-09");
        moves("2025-10-12", "2025-10-13", "2025-10-11"); // back onto a make-up Saturday
        moves("2025-01-29", "2025-02-05", "2025-01-27"); // 春节
        moves("2023-12-31", "2024-01-02", "2023-12-29"); // over the new year
        moves("2027-10-02", "2027-10-04", "2027-10-01"); // a year without data
    }

    #[track_caller]
    fn adds(start: &str, n: u32, expected: &str) {
        let calendar = WorkCalendar::new();
        assert_eq!(
            calendar.add_working_days(d(start), n),
            d(expected),
            "{start} + {n}"
        );
        let back = calendar.working_days_between(d(start), d(expected));
        assert_eq!(back, i64::from(n), "{start} .. {expected}");
        assert_eq!(calendar.working_days_between(d(expected), d(start)), -back);
    }

    #[test]
    fn adding_working_days() {
        adds("2025-03-05", 0, "2025-03-05");
        adds("2025-03-05", 2, "2025-03-07");
        adds("2025-03-07", 1, "2025-03-10"); // over a weekend
        adds("2025-03-08", 1, "2025-03-10"); // from a weekend: the start is not counted
        adds("2025-01-24", 10, "2025-02-13"); // 春节, counting 01-26 and 02-08
        adds("2025-09-26", 3, "2025-09-30"); // counting the make-up Sunday 09-28
        adds("2025-09-26", 5, "2025-10-10"); // over 国庆
        adds("2027-10-01", 1, "2027-10-04"); // a year without data
    }

    #[test]
    fn counting_working_days_agrees_with_walking_them() {
        let calendar = WorkCalendar::with_overrides([(d("2027-10-04"), DayType::Rest)]);
        let walk = |from: NaiveDate, to: NaiveDate| {
            let (low, high, sign) = if from <= to {
                (from, to, 1)
            } else {
                (to, from, -1)
            };
            let count = low
                .iter_days()
                .skip(1)
                .take_while(|&day| day <= high)
                .filter(|&day| calendar.is_working_day(day))
                .count();
            sign * count as i64
        };
        // Ranges inside one year, across years, into years before and after the data, and
        // across a year the user added: every 37th start against every 53rd end.
        let starts = d("2002-12-01").iter_days().step_by(37).take(230);
        for from in starts {
            for to in d("2001-06-01").iter_days().step_by(53).take(200) {
                assert_eq!(
                    calendar.working_days_between(from, to),
                    walk(from, to),
                    "{from} .. {to}"
                );
            }
        }
        assert_eq!(
            calendar.working_days_between(d("2025-03-05"), d("2025-03-05")),
            0
        );
        let far = calendar.working_days_between(NaiveDate::MIN, NaiveDate::MAX);
        assert!(far > 0);
    }

    #[test]
    fn day_types_read_and_print() {
        for (text, day_type) in [
            ("休", DayType::Rest),
            ("rest", DayType::Rest),
            (" 班 ", DayType::Work),
            ("work", DayType::Work),
        ] {
            assert_eq!(text.parse::<DayType>(), Ok(day_type), "{text}");
        }
        assert!("holiday".parse::<DayType>().is_err());
        assert_eq!(DayType::Rest.label_zh(), "休");
        assert_eq!(DayType::Work.to_string(), "work");
    }

    #[test]
    fn the_ends_of_time_do_not_panic() {
        let calendar = WorkCalendar::new();
        let _ = calendar.next_working_day_on_or_after(NaiveDate::MAX);
        let _ = calendar.last_working_day_on_or_before(NaiveDate::MIN);
        let _ = calendar.add_working_days(NaiveDate::MAX, 3);
        assert_eq!(
            calendar.uncovered_year(NaiveDate::MAX, NaiveDate::MAX),
            Some(NaiveDate::MAX.year())
        );
    }
}
