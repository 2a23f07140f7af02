//! Statutory deadlines and hearing reminders (SPEC §7.2, §7.3), counted on a `WorkCalendar`.
//!
//! Periods are counted as the civil procedure law counts them: the start day is not counted,
//! and a period in calendar days whose last day is not a working day ends on the next one.
//! Pure date arithmetic: it never guesses a missing start date, and says which
//! year lacked a holiday schedule instead of warning itself.

use chrono::{Days, NaiveDate};

use super::calendar::WorkCalendar;
use super::{Case, DocType, Facts, Rules};

/// Which text of the 行政复议法 a reconsideration case follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Law {
    /// The 2017 text: periods in calendar days, counted as the civil procedure law counts them.
    Of2017,
    /// The 2023 revision: its 三日/五日/七日/十日 are working days (art. 88).
    Of2023,
}

impl Law {
    /// The text for a case received on `received_on`: the 2023 revision from 2024-01-01.
    #[must_use]
    pub fn for_received_on(received_on: NaiveDate) -> Law {
        if received_on < REVISION_IN_FORCE {
            Law::Of2017
        } else {
            Law::Of2023
        }
    }
}

/// The day the 2023 revision took effect.
const REVISION_IN_FORCE: NaiveDate = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();

/// A deadline, and the first year without a holiday schedule that deciding it relied on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Due {
    /// The last day on which the act is on time.
    pub date: NaiveDate,
    /// Set when a day that decided `date` fell in a year counted on weekends alone: the caller
    /// warns.
    pub uncovered_year: Option<i32>,
}

/// The respondent's written answer: 10 days from receiving the application copy; under the
/// 2023 law working days, 5 of them in the simplified procedure (which the 2017 law lacks).
#[must_use]
pub fn answer_due(
    calendar: &WorkCalendar,
    law: Law,
    copy_served_on: NaiveDate,
    simplified: bool,
) -> Due {
    match law {
        Law::Of2023 => working_days(calendar, copy_served_on, if simplified { 5 } else { 10 }),
        Law::Of2017 => calendar_days(calendar, copy_served_on, 10),
    }
}

/// The review decision: 60 days from acceptance (30 if simplified), 30 more if extended, and
/// the days of a suspension, all added before the last-day rule applies once at the end.
///
/// A suspension runs from `suspended_on` to `resumed_on`, or to `today` while it is not
/// resumed (a resumption dated after `today` has not happened yet); a resumption before the
/// suspension counts nothing.
#[must_use]
pub fn decision_due(
    calendar: &WorkCalendar,
    accepted_on: NaiveDate,
    simplified: bool,
    extended: bool,
    suspended_on: Option<NaiveDate>,
    resumed_on: Option<NaiveDate>,
    today: NaiveDate,
) -> Due {
    let base = if simplified { 30 } else { 60 };
    let extension = if extended { 30 } else { 0 };
    let suspended = suspended_on.map_or(0, |from| {
        let to = resumed_on.map_or(today, |resumed| resumed.min(today));
        to.signed_duration_since(from)
            .num_days()
            .max(0)
            .unsigned_abs()
    });
    calendar_days(calendar, accepted_on, base + extension + suspended)
}

/// The defence and evidence in court: 15 days from receiving the complaint (行政诉讼法 art. 67).
#[must_use]
pub fn defence_due(calendar: &WorkCalendar, complaint_received_on: NaiveDate) -> Due {
    calendar_days(calendar, complaint_received_on, 15)
}

/// The last day to appeal: 15 days from service of a judgment, 10 of a ruling (裁定)
/// (行政诉讼法 art. 85).
#[must_use]
pub fn appeal_last_day(calendar: &WorkCalendar, served_on: NaiveDate, ruling: bool) -> Due {
    calendar_days(calendar, served_on, if ruling { 10 } else { 15 })
}

/// The first reminder (两提): seven days before the hearing, moved back to a working day.
#[must_use]
pub fn remind_week_due(calendar: &WorkCalendar, hearing_on: NaiveDate) -> Due {
    moved_back(calendar, minus_days(hearing_on, 7))
}

/// The second reminder: the day before the hearing, moved back to a working day.
#[must_use]
pub fn remind_day_due(calendar: &WorkCalendar, hearing_on: NaiveDate) -> Due {
    moved_back(calendar, minus_days(hearing_on, 1))
}

/// The first day to escalate (一直达) when no qualifying head is arranged: the last working
/// day before the hearing, which is always `remind_day_due`'s day.
#[must_use]
pub fn escalate_from(calendar: &WorkCalendar, hearing_on: NaiveDate) -> Due {
    remind_day_due(calendar, hearing_on)
}

/// The reply to a 行政复议意见书: 60 days from its receipt (2023 law 第76条). Other
/// documents name their own period, written in 回复期限.
#[must_use]
pub fn opinion_reply_due(calendar: &WorkCalendar, received_on: NaiveDate) -> Due {
    calendar_days(calendar, received_on, 60)
}

/// A document's reply deadline: its 回复期限 as written; else the days `rules` give its
/// type (`reply_days`), or for a 行政复议意见书 the law's 60, from its receipt; unknown
/// otherwise (never guessed). `None` for anything but a document.
#[must_use]
pub fn reply_due(calendar: &WorkCalendar, rules: &Rules, document: &Case) -> Option<Due> {
    let Facts::Rectification {
        doc_type,
        received_on,
        reply_due_on,
        ..
    } = &document.facts
    else {
        return None;
    };
    if let Some(date) = reply_due_on {
        return Some(Due {
            date: *date,
            uncovered_year: None,
        });
    }
    let received = (*received_on)?;
    match (rules.reply_days.get(doc_type), doc_type) {
        (Some(days), _) => Some(calendar_days(calendar, received, u64::from(*days))),
        (None, DocType::ReconsiderationOpinion) => Some(opinion_reply_due(calendar, received)),
        (None, _) => None,
    }
}

/// The expert group's review of a dispute: 3 working days from learning of it.
#[must_use]
pub fn expert_review_due(calendar: &WorkCalendar, received_on: NaiveDate) -> Due {
    working_days(calendar, received_on, 3)
}

/// The dispute's resolution plan: 5 working days from learning of it.
#[must_use]
pub fn resolution_plan_due(calendar: &WorkCalendar, received_on: NaiveDate) -> Due {
    working_days(calendar, received_on, 5)
}

/// The court's filing review of a complaint: 7 working days from receiving it.
#[must_use]
pub fn court_review_due(calendar: &WorkCalendar, court_received_on: NaiveDate) -> Due {
    working_days(calendar, court_received_on, 7)
}

/// Pre-litigation coordination: 30 days from its start.
#[must_use]
pub fn pre_litigation_due(calendar: &WorkCalendar, mediation_started_on: NaiveDate) -> Due {
    calendar_days(calendar, mediation_started_on, 30)
}

/// `days` calendar days after `start`, then the last-day rule. Only the days from the
/// nominal end to the moved one depend on the holiday schedule.
fn calendar_days(calendar: &WorkCalendar, start: NaiveDate, days: u64) -> Due {
    let end = plus_days(start, days);
    let date = calendar.next_working_day_on_or_after(end);
    Due {
        date,
        uncovered_year: calendar.uncovered_year(end, date),
    }
}

/// `days` working days after `start`: every day counted depends on the schedule.
fn working_days(calendar: &WorkCalendar, start: NaiveDate, days: u32) -> Due {
    let date = calendar.add_working_days(start, days);
    Due {
        date,
        uncovered_year: calendar.uncovered_year(plus_days(start, 1).min(date), date),
    }
}

/// `target`, or the last working day before it.
fn moved_back(calendar: &WorkCalendar, target: NaiveDate) -> Due {
    let date = calendar.last_working_day_on_or_before(target);
    Due {
        date,
        uncovered_year: calendar.uncovered_year(date, target),
    }
}

/// `date` moved by `days`, saturating at chrono's range: dates come from spreadsheets.
fn plus_days(date: NaiveDate, days: u64) -> NaiveDate {
    date.checked_add_days(Days::new(days))
        .unwrap_or(NaiveDate::MAX)
}

/// `date` moved back by `days`, saturating at chrono's range.
fn minus_days(date: NaiveDate, days: u64) -> NaiveDate {
    date.checked_sub_days(Days::new(days))
        .unwrap_or(NaiveDate::MIN)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::calendar::DayType;
    use crate::model::fixture::d;

    fn covered(date: &str) -> Due {
        Due {
            date: d(date),
            uncovered_year: None,
        }
    }

    fn uncovered(date: &str, year: i32) -> Due {
        Due {
            date: d(date),
            uncovered_year: Some(year),
        }
    }

    #[track_caller]
    fn answer(law: Law, served: &str, simplified: bool, expected: Due) {
        let due = answer_due(&WorkCalendar::new(), law, d(served), simplified);
        assert_eq!(due, expected, "{law:?} {served} simplified={simplified}");
    }

    #[test]
    fn answers() {
        use Law::{Of2017, Of2023};
        // SPEC §7.2: 10 working days, counting the make-up days 01-26 and 02-08.
        answer(Of2023, "2025-01-24", false, covered("2025-02-13"));
        answer(Of2023, "2025-01-24", true, covered("2025-02-07"));
        // 2017: 10 calendar days end on 02-03, inside 春节.
        answer(Of2017, "2025-01-24", false, covered("2025-02-05"));
        // Working days across 国庆 2024, counting the make-up days 09-29 and 10-12.
        answer(Of2023, "2024-09-27", false, covered("2024-10-16"));
        // 2017: the last day a Saturday, then 元旦.
        answer(Of2017, "2023-12-20", false, covered("2024-01-02"));
        // A year without data: weekdays alone, and said so.
        answer(Of2023, "2027-01-29", false, uncovered("2027-02-12", 2027));
        answer(Of2017, "2027-03-05", false, uncovered("2027-03-15", 2027));
        // Counted in 2026's last December days, which wait on the 2027 notice.
        answer(Of2023, "2026-12-18", false, uncovered("2027-01-01", 2027));
        answer(Of2023, "2026-12-10", false, covered("2026-12-24"));
    }

    #[test]
    fn the_law_follows_the_day_received() {
        let calendar = WorkCalendar::new();
        assert_eq!(Law::for_received_on(d("2023-12-31")), Law::Of2017);
        assert_eq!(Law::for_received_on(d("2024-01-01")), Law::Of2023);
        // The same copy served on Friday 2024-01-05: 10 calendar days, or two working weeks.
        let due = |received| {
            answer_due(
                &calendar,
                Law::for_received_on(d(received)),
                d("2024-01-05"),
                false,
            )
        };
        assert_eq!(due("2023-12-31"), covered("2024-01-15"));
        assert_eq!(due("2024-01-01"), covered("2024-01-19"));
    }

    #[track_caller]
    fn decision(
        accepted: &str,
        (simplified, extended): (bool, bool),
        suspension: (Option<&str>, Option<&str>),
        today: &str,
        expected: Due,
    ) {
        let due = decision_due(
            &WorkCalendar::new(),
            d(accepted),
            simplified,
            extended,
            suspension.0.map(d),
            suspension.1.map(d),
            d(today),
        );
        assert_eq!(due, expected, "{accepted}");
    }

    #[test]
    fn decisions() {
        let plain = (false, false);
        let none = (None, None);
        let today = "2025-04-01";
        // SPEC §7.2: 60 days end on 05-02, inside 劳动节.
        decision("2025-03-03", plain, none, today, covered("2025-05-06"));
        decision(
            "2025-03-03",
            (true, false),
            none,
            today,
            covered("2025-04-02"),
        );
        // Simplified, ending on the Saturday of 清明.
        decision(
            "2025-03-06",
            (true, false),
            none,
            today,
            covered("2025-04-07"),
        );
        // 90 days end on Sunday 06-01 of 端午; the rule applies once: not 05-06 + 30.
        decision(
            "2025-03-03",
            (false, true),
            none,
            today,
            covered("2025-06-03"),
        );
        // Suspended ten days, resumed.
        let resumed = (Some("2025-03-10"), Some("2025-03-20"));
        decision("2025-03-03", plain, resumed, today, covered("2025-05-12"));
        // Still suspended: 22 days to `today`; 82 days end on a Saturday.
        let open = (Some("2025-03-10"), None);
        decision("2025-03-03", plain, open, today, covered("2025-05-26"));
        // A resumption after `today` has not happened yet.
        let later = (Some("2025-03-10"), Some("2025-05-01"));
        decision("2025-03-03", plain, later, today, covered("2025-05-26"));
        // A resumption before the suspension, or one without a suspension, counts nothing.
        let reversed = (Some("2025-03-20"), Some("2025-03-10"));
        decision("2025-03-03", plain, reversed, today, covered("2025-05-06"));
        decision(
            "2025-03-03",
            plain,
            (None, Some("2025-03-20")),
            today,
            covered("2025-05-06"),
        );
        // Everything at once: 30 + 30 + 10 = 70 days.
        decision(
            "2025-03-03",
            (true, true),
            resumed,
            today,
            covered("2025-05-12"),
        );
        // A year without data.
        decision(
            "2027-03-01",
            plain,
            none,
            today,
            uncovered("2027-04-30", 2027),
        );
    }

    #[track_caller]
    fn defence(received: &str, expected: Due) {
        let due = defence_due(&WorkCalendar::new(), d(received));
        assert_eq!(due, expected, "{received}");
    }

    #[test]
    fn defences() {
        defence("2025-06-03", covered("2025-06-18")); // a Wednesday: no move
        defence("2025-03-07", covered("2025-03-24")); // a Saturday
        defence("2025-09-16", covered("2025-10-09")); // 国庆 (10-01)
        defence("2025-09-13", covered("2025-09-28")); // a make-up Sunday is a working day
        defence("2025-09-12", covered("2025-09-28")); // a Saturday, then a make-up Sunday
        defence("2027-03-05", uncovered("2027-03-22", 2027)); // weekends alone
        defence("2026-12-10", covered("2026-12-25"));
        defence("2026-12-12", uncovered("2026-12-28", 2027));
        // Only the days that decided the date matter: a start in an uncovered year does not.
        defence("2003-12-25", covered("2004-01-09"));
    }

    #[test]
    fn appeals() {
        let calendar = WorkCalendar::new();
        let appeal = |served, ruling| appeal_last_day(&calendar, d(served), ruling);
        assert_eq!(appeal("2025-06-03", false), covered("2025-06-18"));
        assert_eq!(appeal("2025-06-03", true), covered("2025-06-13"));
        assert_eq!(appeal("2025-04-16", false), covered("2025-05-06")); // 劳动节
        assert_eq!(appeal("2025-04-21", true), covered("2025-05-06"));
    }

    #[track_caller]
    fn hearing(on: &str, week: &str, day: &str) {
        let calendar = WorkCalendar::new();
        let hearing_on = d(on);
        assert_eq!(
            remind_week_due(&calendar, hearing_on),
            covered(week),
            "week before {on}"
        );
        assert_eq!(
            remind_day_due(&calendar, hearing_on),
            covered(day),
            "day before {on}"
        );
        assert_eq!(
            escalate_from(&calendar, hearing_on),
            covered(day),
            "escalate {on}"
        );
    }

    #[test]
    fn hearing_reminders() {
        hearing("2025-03-18", "2025-03-11", "2025-03-17"); // a Tuesday: no moves
        hearing("2025-03-17", "2025-03-10", "2025-03-14"); // a Monday: back over the weekend
        hearing("2025-10-09", "2025-09-30", "2025-09-30"); // back over 国庆
        hearing("2025-10-13", "2025-09-30", "2025-10-11"); // onto a make-up Saturday
        hearing("2025-02-05", "2025-01-27", "2025-01-27"); // back over 春节
        let calendar = WorkCalendar::new();
        assert_eq!(
            remind_day_due(&calendar, d("2027-10-04")),
            uncovered("2027-10-01", 2027)
        );
    }

    #[test]
    fn a_year_the_user_added_is_counted_on_its_schedule() {
        // A made-up 2027 schedule: 10-01..10-07 off, Saturday 10-09 worked.
        let overrides = d("2027-10-01")
            .iter_days()
            .take(7)
            .map(|day| (day, DayType::Rest))
            .chain([(d("2027-10-09"), DayType::Work)]);
        let calendar = WorkCalendar::with_overrides(overrides);
        let due = defence_due(&calendar, d("2027-09-16"));
        assert_eq!(due, covered("2027-10-08"));
        let due = answer_due(&calendar, Law::Of2023, d("2027-09-30"), true);
        assert_eq!(due, covered("2027-10-13")); // 10-08, 10-09, 10-11, 10-12, 10-13
    }

    #[test]
    fn dates_at_the_ends_of_time_do_not_panic() {
        let calendar = WorkCalendar::new();
        let _ = decision_due(
            &calendar,
            NaiveDate::MAX,
            true,
            true,
            None,
            None,
            NaiveDate::MAX,
        );
        let _ = remind_week_due(&calendar, NaiveDate::MIN);
        let _ = answer_due(&calendar, Law::Of2023, NaiveDate::MAX, false);
    }

    // Speed lives in the benchmark; this checks only that covered years never warn.
    #[test]
    fn covered_years_never_warn() {
        let calendar = WorkCalendar::new();
        let mut day = d("2023-01-01");
        let mut uncovered = 0;
        while day <= d("2026-06-30") {
            let dues = [
                answer_due(&calendar, Law::Of2023, day, false),
                decision_due(&calendar, day, false, true, None, None, day),
                remind_week_due(&calendar, day),
            ];
            uncovered += dues
                .iter()
                .filter(|due| due.uncovered_year.is_some())
                .count();
            day = plus_days(day, 1);
        }
        assert_eq!(uncovered, 0);
    }
}
