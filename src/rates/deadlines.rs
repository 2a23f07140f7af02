//! The deadline figures of SPEC §7.6: decisions made within the statutory period, answers
//! and defences filed late, and hearings whose two reminders (两提) were made on time.
//!
//! Only cases that carry work-list facts count (`model::DeadlineFacts`); each figure has
//! its own date basis, like the counts of §4. The deadlines themselves come from
//! `model::deadline` on the bureau's working-day calendar: this module judges each case
//! once against them and counts the judgements in the periods their days fall in.

use chrono::NaiveDate;
use serde::Serialize;

use super::Percent;
use crate::model::deadline::{self, Due, Law};
use crate::model::rules::AppearanceScope;
use crate::model::{Countable, CountableFacts, Instance, Period, WorkCalendar};

/// What deadlines are judged against: the calendar, the date of knowledge (an answer
/// still missing then is late once its deadline has passed) and which hearings count.
#[derive(Debug, Clone, Copy)]
pub struct DeadlineBasis<'a> {
    pub calendar: &'a WorkCalendar,
    pub as_of: NaiveDate,
    /// The appearance rate's hearings: 通知率 serves 出庭应诉率, so both read the same ones.
    pub scope: AppearanceScope,
}

/// The deadline counts of one period. Field order is the JSON order of [`DeadlineFigures`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DeadlineCounts {
    /// Reconsideration cases closed in the period whose decision deadline is known.
    pub decided: u64,
    /// Of those, closed on or before the deadline.
    pub decided_on_time: u64,
    /// Answers due in the period that came after the deadline, or not at all by the date
    /// of knowledge while the case was still open.
    pub answers_late: u64,
    /// Defences due in the period, likewise.
    pub defences_late: u64,
    /// Answers due in the period, late or not: with `defences_due`, what tells a report
    /// that kept deadlines from one without any (they are not in the SPEC's object).
    pub answers_due: u64,
    pub defences_due: u64,
    /// Hearings in the period with their arrangements recorded.
    pub hearings: u64,
    /// Of those, both reminders recorded on or before their days.
    pub notified: u64,
    /// The first year without a holiday schedule that a counted deadline relied on: the
    /// caller warns that it was counted on weekends alone.
    pub uncovered_year: Option<i32>,
}

impl std::ops::AddAssign for DeadlineCounts {
    /// The counts of two disjoint sets of cases together.
    fn add_assign(&mut self, other: DeadlineCounts) {
        let DeadlineCounts {
            decided,
            decided_on_time,
            answers_late,
            defences_late,
            answers_due,
            defences_due,
            hearings,
            notified,
            uncovered_year,
        } = other;
        self.decided += decided;
        self.decided_on_time += decided_on_time;
        self.answers_late += answers_late;
        self.defences_late += defences_late;
        self.answers_due += answers_due;
        self.defences_due += defences_due;
        self.hearings += hearings;
        self.notified += notified;
        self.uncovered_year = earliest(self.uncovered_year, uncovered_year);
    }
}

impl DeadlineCounts {
    /// Adds one case's judged deadlines to the figures of `period`: each counts when its
    /// own day falls in it.
    pub fn add(&mut self, case: &CaseDeadlines, period: &Period) {
        let judged = [case.decision, case.answer, case.defence, case.hearing];
        let [decision, answer, defence, hearing] =
            judged.map(|j| j.filter(|j| period.contains(j.day)));
        for judged in [decision, answer, defence, hearing].iter().flatten() {
            self.uncovered_year = earliest(self.uncovered_year, judged.uncovered_year);
        }
        if let Some(decision) = decision {
            self.decided += 1;
            self.decided_on_time += u64::from(decision.met);
        }
        if let Some(answer) = answer {
            self.answers_due += 1;
            self.answers_late += u64::from(!answer.met);
        }
        if let Some(defence) = defence {
            self.defences_due += 1;
            self.defences_late += u64::from(!defence.met);
        }
        if let Some(hearing) = hearing {
            self.hearings += 1;
            self.notified += u64::from(hearing.met);
        }
    }

    /// Whether no case counted: the report then shows no deadline rows.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.decided + self.answers_due + self.defences_due + self.hearings == 0
    }
}

/// One deadline of a case, judged: the day it counts on and whether it was met.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Judged {
    /// The day that puts it in a period: the decision's closing, the answer's or the
    /// defence's deadline, the hearing.
    day: NaiveDate,
    /// Decided on time, answered or defended in time, both reminders on time.
    met: bool,
    /// A year without a holiday schedule that judging it relied on.
    uncovered_year: Option<i32>,
}

/// A case's deadlines, judged once and then counted in whichever periods their days
/// fall in (this year's and last year's), so a report works each deadline out once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CaseDeadlines {
    decision: Option<Judged>,
    answer: Option<Judged>,
    defence: Option<Judged>,
    hearing: Option<Judged>,
}

impl CaseDeadlines {
    /// The deadlines of a case with work-list facts; `None` for one without, which is in
    /// no deadline figure.
    #[must_use]
    pub fn judge(case: &Countable, basis: &DeadlineBasis) -> Option<CaseDeadlines> {
        let facts = case.deadlines?;
        let calendar = basis.calendar;
        let mut judged = CaseDeadlines {
            decision: None,
            answer: None,
            defence: None,
            hearing: None,
        };
        match case.facts {
            CountableFacts::Reconsideration {
                received_on,
                accepted_on,
                ..
            } => {
                if let (Some(accepted), Some(closed)) = (accepted_on, case.closed_on) {
                    // A suspension never resumed ran until the case was closed.
                    let due = deadline::decision_due(
                        calendar,
                        accepted,
                        facts.simplified,
                        facts.extended,
                        facts.suspended_on,
                        facts.resumed_on,
                        closed,
                    );
                    judged.decision = Some(Judged {
                        day: closed,
                        met: closed <= due.date,
                        uncovered_year: due.uncovered_year,
                    });
                }
                judged.answer = facts.copy_served_on.map(|served| {
                    let law = Law::for_received_on(received_on);
                    let due = deadline::answer_due(calendar, law, served, facts.simplified);
                    on_time(facts.answered_on, case, due, basis)
                });
            }
            CountableFacts::Litigation {
                instance,
                hearing_on,
                ..
            } => {
                judged.defence = facts.complaint_received_on.map(|received| {
                    let due = deadline::defence_due(calendar, received);
                    on_time(facts.defended_on, case, due, basis)
                });
                let scoped =
                    instance == Instance::First || basis.scope == AppearanceScope::AllInstances;
                if let Some(hearing) = hearing_on
                    && facts.hearing_arranged
                    && scoped
                {
                    let week = deadline::remind_week_due(calendar, hearing);
                    let day = deadline::remind_day_due(calendar, hearing);
                    judged.hearing = Some(Judged {
                        day: hearing,
                        met: done_by(facts.reminded_week_on, week)
                            && done_by(facts.reminded_day_on, day),
                        uncovered_year: earliest(week.uncovered_year, day.uncovered_year),
                    });
                }
            }
        }
        Some(judged)
    }
}

/// An answer or a defence against its deadline, counted on the deadline's day.
fn on_time(done: Option<NaiveDate>, case: &Countable, due: Due, basis: &DeadlineBasis) -> Judged {
    Judged {
        day: due.date,
        met: !late(done, case, due, basis),
        uncovered_year: due.uncovered_year,
    }
}

/// Done after the deadline, or not done by the date of knowledge once the deadline had
/// passed, unless the case was closed by then (a withdrawn application needs no answer).
fn late(done: Option<NaiveDate>, case: &Countable, due: Due, basis: &DeadlineBasis) -> bool {
    match done {
        Some(done) => done > due.date,
        None => basis.as_of > due.date && case.closed_on.is_none_or(|closed| closed > due.date),
    }
}

/// Recorded, on or before the day it was due.
fn done_by(done: Option<NaiveDate>, due: Due) -> bool {
    done.is_some_and(|on| on <= due.date)
}

fn earliest(a: Option<i32>, b: Option<i32>) -> Option<i32> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// The `deadlines` object of a report, exactly as SPEC §7.6 spells it: the counts and
/// their two rates, each rounded half-up once (null when nothing was counted).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DeadlineFigures {
    pub decided: u64,
    pub decided_on_time: u64,
    pub on_time_rate: Option<Percent>,
    pub answers_late: u64,
    pub defences_late: u64,
    pub hearings: u64,
    pub notified: u64,
    pub notice_rate: Option<Percent>,
}

impl From<&DeadlineCounts> for DeadlineFigures {
    fn from(counts: &DeadlineCounts) -> Self {
        DeadlineFigures {
            decided: counts.decided,
            decided_on_time: counts.decided_on_time,
            on_time_rate: Percent::of(counts.decided_on_time, counts.decided),
            answers_late: counts.answers_late,
            defences_late: counts.defences_late,
            hearings: counts.hearings,
            notified: counts.notified,
            notice_rate: Percent::of(counts.notified, counts.hearings),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DeadlineFacts;
    use crate::model::fixture::d;

    /// A day of 2025, `MM-DD`; empty for none.
    fn day(month_day: &str) -> Option<NaiveDate> {
        (!month_day.is_empty()).then(|| d(&format!("2025-{month_day}")))
    }

    /// The first half of 2025, as known on Friday 4 July.
    fn half_year() -> Period {
        Period::new(d("2025-01-01"), d("2025-06-30")).unwrap()
    }

    fn basis(calendar: &WorkCalendar, scope: AppearanceScope) -> DeadlineBasis<'_> {
        DeadlineBasis {
            calendar,
            as_of: d("2025-07-04"),
            scope,
        }
    }

    /// A reconsideration case received 2025-01-20 (the 2023 law), accepted and closed.
    fn recon(accepted: &str, closed: &str, facts: Option<DeadlineFacts>) -> Countable<'static> {
        Countable {
            unit: "都匀市",
            closed_on: day(closed),
            outcome: None,
            facts: CountableFacts::Reconsideration {
                received_on: d("2025-01-20"),
                accepted_on: day(accepted),
                corrected: None,
                sued_after: false,
            },
            deadlines: facts,
        }
    }

    /// A lawsuit of `instance` heard on `hearing`, still open.
    fn suit(instance: Instance, hearing: &str, facts: Option<DeadlineFacts>) -> Countable<'static> {
        Countable {
            unit: "都匀市",
            closed_on: None,
            outcome: None,
            facts: CountableFacts::Litigation {
                instance,
                filed_on: d("2025-01-06"),
                hearing_on: day(hearing),
                head_appeared: None,
                head_title: None,
                lost: None,
            },
            deadlines: facts,
        }
    }

    /// A work list kept, with nothing filled but a flag written 否.
    fn kept() -> DeadlineFacts {
        DeadlineFacts::default()
    }

    /// Asserts which figures one case adds to the first half of 2025, hearings counted
    /// as the appearance rate counts them by default (first instance):
    /// `[decided, decided_on_time, answers_late, defences_late, hearings, notified]`.
    #[track_caller]
    fn counted(case: &Countable, expected: [u64; 6]) {
        counted_in(AppearanceScope::FirstInstance, case, expected);
    }

    #[track_caller]
    fn counted_in(scope: AppearanceScope, case: &Countable, expected: [u64; 6]) {
        let calendar = WorkCalendar::new();
        let mut counts = DeadlineCounts::default();
        if let Some(judged) = CaseDeadlines::judge(case, &basis(&calendar, scope)) {
            counts.add(&judged, &half_year());
        }
        let got = [
            counts.decided,
            counts.decided_on_time,
            counts.answers_late,
            counts.defences_late,
            counts.hearings,
            counts.notified,
        ];
        assert_eq!(got, expected, "{case:?}");
        assert_eq!(counts.uncovered_year, None, "2025 has a schedule");
    }

    #[test]
    fn decisions_against_their_deadline() {
        let plain = Some(kept());
        // Accepted Monday 03-03: 60 days end on Friday 05-02, inside 劳动节 (05-01..05-05),
        // so the decision is due Tuesday 05-06.
        counted(&recon("03-03", "05-06", plain), [1, 1, 0, 0, 0, 0]);
        counted(&recon("03-03", "05-07", plain), [1, 0, 0, 0, 0, 0]);
        // Extended: 90 days end on Sunday 06-01, inside 端午 (05-31..06-02): due 06-03.
        let extended = Some(DeadlineFacts {
            extended: true,
            ..kept()
        });
        counted(&recon("03-03", "06-03", extended), [1, 1, 0, 0, 0, 0]);
        counted(&recon("03-03", "06-04", extended), [1, 0, 0, 0, 0, 0]);
        // Simplified: 30 days end on Wednesday 04-02.
        let simplified = Some(DeadlineFacts {
            simplified: true,
            ..kept()
        });
        counted(&recon("03-03", "04-02", simplified), [1, 1, 0, 0, 0, 0]);
        counted(&recon("03-03", "04-03", simplified), [1, 0, 0, 0, 0, 0]);
        // Suspended 03-10, resumed 03-20: 60 + 10 days end on Monday 05-12.
        let resumed = Some(DeadlineFacts {
            suspended_on: day("03-10"),
            resumed_on: day("03-20"),
            ..kept()
        });
        counted(&recon("03-03", "05-12", resumed), [1, 1, 0, 0, 0, 0]);
        counted(&recon("03-03", "05-13", resumed), [1, 0, 0, 0, 0, 0]);
        // Suspended 05-01, never resumed, closed Friday 05-09: the suspension runs to the
        // closing, 8 days; 68 days end on Saturday 05-10, so due Monday 05-12 (it would
        // have been late against 05-06).
        let suspended = Some(DeadlineFacts {
            suspended_on: day("05-01"),
            ..kept()
        });
        counted(&recon("03-03", "05-09", suspended), [1, 1, 0, 0, 0, 0]);
        // Not decided in the period: closed after it, not accepted, still open, or no
        // work list kept for the case.
        counted(&recon("05-06", "07-02", plain), [0, 0, 0, 0, 0, 0]);
        counted(&recon("", "02-10", plain), [0, 0, 0, 0, 0, 0]);
        counted(&recon("03-03", "", plain), [0, 0, 0, 0, 0, 0]);
        counted(&recon("03-03", "05-07", None), [0, 0, 0, 0, 0, 0]);
    }

    #[test]
    fn answers_due_in_the_period() {
        // Accepted and served on Friday 01-24, closed on `closed`.
        let answer = |closed, answered: &str, simplified| {
            let facts = DeadlineFacts {
                copy_served_on: day("01-24"),
                answered_on: day(answered),
                simplified,
                ..kept()
            };
            recon("01-24", closed, Some(facts))
        };
        // 10 working days, counting the make-up days 01-26 and 02-08 and skipping 春节
        // (01-28..02-04), end on Thursday 02-13.
        counted(&answer("", "02-13", false), [0, 0, 0, 0, 0, 0]);
        counted(&answer("", "02-14", false), [0, 0, 1, 0, 0, 0]);
        // Still no answer on 07-04, the case open: late.
        counted(&answer("", "", false), [0, 0, 1, 0, 0, 0]);
        // Closed (decided on time) on 02-10, before the answer was due: no answer late.
        counted(&answer("02-10", "", false), [1, 1, 0, 0, 0, 0]);
        // Closed on 02-20 without an answer: it was missing when due.
        counted(&answer("02-20", "", false), [1, 1, 1, 0, 0, 0]);
        // Simplified: 5 working days end on Friday 02-07.
        counted(&answer("", "02-07", true), [0, 0, 0, 0, 0, 0]);
        counted(&answer("", "02-10", true), [0, 0, 1, 0, 0, 0]);
        // Served Friday 06-20: due Friday 07-04, after the period.
        let june = Some(DeadlineFacts {
            copy_served_on: day("06-20"),
            ..kept()
        });
        counted(&recon("06-20", "", june), [0, 0, 0, 0, 0, 0]);
    }

    #[test]
    fn defences_due_in_the_period() {
        let (first, second) = (Instance::First, Instance::Second);
        let defence = |instance, received: &str, defended: &str| {
            let facts = DeadlineFacts {
                complaint_received_on: day(received),
                defended_on: day(defended),
                ..kept()
            };
            suit(instance, "", Some(facts))
        };
        // Received Tuesday 06-03: 15 days end on Wednesday 06-18.
        counted(&defence(first, "06-03", "06-18"), [0, 0, 0, 0, 0, 0]);
        counted(&defence(first, "06-03", "06-19"), [0, 0, 0, 1, 0, 0]);
        // Received Friday 03-07: 15 days end on Saturday 03-22, so due Monday 03-24; no
        // defence by 07-04. An appeal's defence counts alike.
        counted(&defence(first, "03-07", ""), [0, 0, 0, 1, 0, 0]);
        counted(&defence(second, "03-07", ""), [0, 0, 0, 1, 0, 0]);
        // Received 06-25: due 07-10, after the period.
        counted(&defence(first, "06-25", ""), [0, 0, 0, 0, 0, 0]);
    }

    #[test]
    fn hearings_and_their_two_reminders() {
        let reminded = |week: &str, eve: &str| {
            Some(DeadlineFacts {
                hearing_arranged: true,
                reminded_week_on: day(week),
                reminded_day_on: day(eve),
                ..kept()
            })
        };
        let heard = |on, week, eve| suit(Instance::First, on, reminded(week, eve));
        // Tuesday 03-18: reminders due Tuesday 03-11 and Monday 03-17; early is on time.
        counted(&heard("03-18", "03-11", "03-17"), [0, 0, 0, 0, 1, 1]);
        counted(&heard("03-18", "03-05", "03-14"), [0, 0, 0, 0, 1, 1]);
        // One reminder missing, or late.
        counted(&heard("03-18", "03-11", ""), [0, 0, 0, 0, 1, 0]);
        counted(&heard("03-18", "03-12", "03-17"), [0, 0, 0, 0, 1, 0]);
        // Monday 03-17: the eve's reminder is due Friday 03-14, so Sunday's is late.
        counted(&heard("03-17", "03-10", "03-16"), [0, 0, 0, 0, 1, 0]);
        // After the period.
        counted(&heard("07-08", "07-01", "07-07"), [0, 0, 0, 0, 0, 0]);
        // Only the appearance rate's hearings: an appeal counts under all_instances.
        let appeal = suit(Instance::Second, "03-18", reminded("03-11", "03-17"));
        counted(&appeal, [0, 0, 0, 0, 0, 0]);
        counted_in(AppearanceScope::AllInstances, &appeal, [0, 0, 0, 0, 1, 1]);
        // No arrangement recorded (only a defence on time), or no work list at all.
        let defence = Some(DeadlineFacts {
            complaint_received_on: day("02-03"),
            defended_on: day("02-10"),
            ..kept()
        });
        counted(&suit(Instance::First, "03-18", defence), [0, 0, 0, 0, 0, 0]);
        counted(&suit(Instance::First, "03-18", None), [0, 0, 0, 0, 0, 0]);
    }

    #[test]
    fn figures_round_once_and_add_up() {
        let calendar = WorkCalendar::new();
        let basis = basis(&calendar, AppearanceScope::FirstInstance);
        let plain = Some(kept());
        let cases = [
            recon("03-03", "05-06", plain),
            recon("03-03", "05-07", plain),
            recon("03-04", "05-06", plain),
        ];
        let tally = |cases: &[Countable]| {
            let mut counts = DeadlineCounts::default();
            for case in cases {
                if let Some(judged) = CaseDeadlines::judge(case, &basis) {
                    counts.add(&judged, &half_year());
                }
            }
            counts
        };
        let whole = tally(&cases);
        let figures = DeadlineFigures::from(&whole);
        // 2 of 3 on time: 66.666…% rounds half-up to 66.67; no hearing, no notice rate.
        let json = serde_json::to_value(figures).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"decided": 3, "decided_on_time": 2, "on_time_rate": 66.67,
                "answers_late": 0, "defences_late": 0, "hearings": 0, "notified": 0,
                "notice_rate": null})
        );
        assert!(!whole.is_empty());
        assert!(DeadlineCounts::default().is_empty());
        let mut parts = tally(&cases[..1]);
        parts += tally(&cases[1..]);
        assert_eq!(parts, whole);
    }

    #[test]
    fn a_deadline_in_a_year_without_a_schedule_is_noted() {
        let calendar = WorkCalendar::new();
        let basis = DeadlineBasis {
            as_of: d("2027-12-31"),
            ..basis(&calendar, AppearanceScope::FirstInstance)
        };
        let year = Period::new(d("2027-01-01"), d("2027-12-31")).unwrap();
        // Accepted 2027-03-01: 60 days end on Friday 04-30, counted on weekends alone.
        let mut case = recon("", "", Some(kept()));
        case.closed_on = Some(d("2027-04-30"));
        if let CountableFacts::Reconsideration { accepted_on, .. } = &mut case.facts {
            *accepted_on = Some(d("2027-03-01"));
        }
        let mut counts = DeadlineCounts::default();
        let judged = CaseDeadlines::judge(&case, &basis).unwrap();
        counts.add(&judged, &year);
        assert_eq!((counts.decided, counts.decided_on_time), (1, 1));
        assert_eq!(counts.uncovered_year, Some(2027));
    }
}
