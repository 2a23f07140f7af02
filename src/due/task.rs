//! The 一清 work list: what must be done next on each case, as known on a date — the
//! statutory deadlines still running (SPEC §7.2) and the hearing's two reminders, checks
//! and escalation (两提两核一直达, §7.3).
//!
//! Pure: a case, the working-day calendar and a date in, items out. Reading the ledger,
//! choosing which items to show and rendering them belong to the callers.

use chrono::{Days, NaiveDate, NaiveTime};

use crate::model::appearance::{Qualification, qualification};
use crate::model::deadline::{self, Due, Law};
use crate::model::{Case, Facts, Instance, Kind, Outcome, Rules, TrackField, WorkCalendar};

/// What must be done, in the order the SPEC lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Item {
    /// The respondent's written answer (答复).
    Answer,
    /// The reconsideration decision (审理期限).
    Decision,
    /// The agency's defence in court (答辩).
    Defence,
    /// The last day an appeal can be filed (informational).
    Appeal,
    /// The hearing itself.
    Hearing,
    /// Remind the agency a week before to name the head who will appear (一提).
    RemindWeek,
    /// Telephone the appearing head the day before (二提).
    RemindDay,
    /// Check that a qualifying head is arranged (核).
    VerifyHead,
    /// No qualifying head on the eve of the hearing: straight to the county's heads (一直达).
    Escalate,
    /// The hearing has passed: record whether the head appeared (核).
    RecordAppearance,
    /// An agency's reply to a 意见书 or 建议书 (整改反馈).
    Reply,
    /// The expert group's review of a dispute (专家组审核, 3 working days).
    ExpertReview,
    /// The dispute's resolution plan (化解方案, 5 working days).
    ResolutionPlan,
    /// The court's filing review of a complaint (立案审查, 7 working days).
    CourtReview,
    /// Pre-litigation coordination (诉前协调, 30 days).
    PreLitigation,
}

impl Item {
    /// The key in JSON and on the command line.
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Item::Answer => "answer",
            Item::Decision => "decision",
            Item::Defence => "defence",
            Item::Appeal => "appeal",
            Item::Hearing => "hearing",
            Item::RemindWeek => "remind_week",
            Item::RemindDay => "remind_day",
            Item::VerifyHead => "verify_head",
            Item::Escalate => "escalate",
            Item::RecordAppearance => "record_appearance",
            Item::Reply => "reply",
            Item::ExpertReview => "expert_review",
            Item::ResolutionPlan => "resolution_plan",
            Item::CourtReview => "court_review",
            Item::PreLitigation => "pre_litigation",
        }
    }

    /// What a clerk calls it.
    #[must_use]
    pub fn label_zh(self) -> &'static str {
        match self {
            Item::Answer => "答复期限",
            Item::Decision => "审理期限",
            Item::Defence => "答辩期限",
            Item::Appeal => "上诉期限",
            Item::Hearing => "开庭",
            Item::RemindWeek => "开庭前一周提醒",
            Item::RemindDay => "开庭前一日提醒",
            Item::VerifyHead => "核实出庭负责人",
            Item::Escalate => "一直达",
            Item::RecordAppearance => "登记出庭情况",
            Item::Reply => "整改回复期限",
            Item::ExpertReview => "专家组审核期限",
            Item::ResolutionPlan => "化解方案期限",
            Item::CourtReview => "立案审查期限",
            Item::PreLitigation => "诉前协调期限",
        }
    }
}

/// One thing to do on one case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Task {
    pub item: Item,
    /// The deadline, or the day the item is about (the hearing, the reminder's day).
    pub date: NaiveDate,
    /// The hearing's time of day, for hearing items that have one.
    pub time: Option<NaiveTime>,
    /// Past its date and not done.
    pub overdue: bool,
    /// A year the calendar has no data for, if the date depended on one (weekends only
    /// were counted as rest days).
    pub uncovered_year: Option<i32>,
}

/// Every item still open on `on` for a case as known on `on`, deadlines and hearing work
/// alike, whatever their dates: the caller picks the overdue ones and those due soon.
/// An item whose start date is unknown is not listed: a deadline is never guessed.
#[must_use]
pub fn tasks(case: &Case, calendar: &WorkCalendar, rules: &Rules, on: NaiveDate) -> Vec<Task> {
    let mut tasks = Vec::new();
    match case.kind() {
        Kind::Reconsideration => reconsideration_tasks(case, calendar, on, &mut tasks),
        Kind::Litigation => litigation_tasks(case, calendar, on, &mut tasks),
        Kind::Rectification => tasks.extend(reply_task(case, calendar, rules, on)),
        Kind::Dispute => dispute_tasks(case, calendar, on, &mut tasks),
    }
    tasks
}

/// The reply a document asks for (SPEC §9.1), until it arrives.
fn reply_task(case: &Case, calendar: &WorkCalendar, rules: &Rules, on: NaiveDate) -> Option<Task> {
    let due = deadline::reply_due(calendar, rules, case)?;
    let Facts::Rectification { replied_on, .. } = &case.facts else {
        return None;
    };
    replied_on.is_none().then(|| deadline(Item::Reply, due, on))
}

/// The steps of a dispute's handling (SPEC §9.2), each until it is done, and none once the
/// dispute has ended.
fn dispute_tasks(case: &Case, calendar: &WorkCalendar, on: NaiveDate, out: &mut Vec<Task>) {
    let Facts::Dispute {
        received_on,
        reviewed_on,
        planned_on,
        court_received_on,
        mediation_started_on,
        resolved_on: None,
        ..
    } = &case.facts
    else {
        return;
    };
    if reviewed_on.is_none() {
        let due = deadline::expert_review_due(calendar, *received_on);
        out.push(deadline(Item::ExpertReview, due, on));
    }
    if planned_on.is_none() {
        let due = deadline::resolution_plan_due(calendar, *received_on);
        out.push(deadline(Item::ResolutionPlan, due, on));
    }
    // The court's review ends when coordination starts (or the dispute ends).
    if let Some(received) = court_received_on
        && mediation_started_on.is_none()
    {
        let due = deadline::court_review_due(calendar, *received);
        out.push(deadline(Item::CourtReview, due, on));
    }
    if let Some(started) = mediation_started_on {
        let due = deadline::pre_litigation_due(calendar, *started);
        out.push(deadline(Item::PreLitigation, due, on));
    }
}

fn deadline(item: Item, due: Due, on: NaiveDate) -> Task {
    Task {
        item,
        date: due.date,
        time: None,
        overdue: on > due.date,
        uncovered_year: due.uncovered_year,
    }
}

fn reconsideration_tasks(case: &Case, calendar: &WorkCalendar, on: NaiveDate, out: &mut Vec<Task>) {
    let Facts::Reconsideration {
        received_on,
        accepted_on,
        ..
    } = &case.facts
    else {
        return;
    };
    let tracking = &case.tracking;
    let simplified = tracking.flag(TrackField::Simplified) == Some(true);
    if let Some(served) = tracking.date(TrackField::CopyServedOn)
        && tracking.date(TrackField::AnsweredOn).is_none()
        && case.closed_on.is_none()
    {
        let law = Law::for_received_on(*received_on);
        let due = deadline::answer_due(calendar, law, served, simplified);
        out.push(deadline(Item::Answer, due, on));
    }
    if let Some(accepted) = accepted_on
        && case.closed_on.is_none()
    {
        let due = deadline::decision_due(
            calendar,
            *accepted,
            simplified,
            tracking.flag(TrackField::Extended) == Some(true),
            tracking.date(TrackField::SuspendedOn),
            tracking.date(TrackField::ResumedOn),
            on,
        );
        out.push(deadline(Item::Decision, due, on));
    }
}

fn litigation_tasks(case: &Case, calendar: &WorkCalendar, on: NaiveDate, out: &mut Vec<Task>) {
    let Facts::Litigation {
        instance,
        hearing_on,
        head_appeared,
        ..
    } = &case.facts
    else {
        return;
    };
    let tracking = &case.tracking;
    let open = case.closed_on.is_none();
    if let Some(received) = tracking.date(TrackField::ComplaintReceivedOn)
        && tracking.date(TrackField::DefendedOn).is_none()
        && open
    {
        out.push(deadline(
            Item::Defence,
            deadline::defence_due(calendar, received),
            on,
        ));
    }
    if let Some(served) = tracking.date(TrackField::ServedOn)
        && *instance == Instance::First
        && !open
    {
        let due = deadline::appeal_last_day(calendar, served, is_ruling(case.outcome));
        // Informational: the window closes by itself, nobody is late.
        out.push(Task {
            overdue: false,
            ..deadline(Item::Appeal, due, on)
        });
    }
    let Some(hearing) = *hearing_on else { return };
    let time = tracking.hearing_time();
    if hearing < on {
        if head_appeared.is_none() {
            out.push(Task {
                item: Item::RecordAppearance,
                date: hearing,
                time,
                overdue: true,
                uncovered_year: None,
            });
        }
        return;
    }
    if !open {
        return;
    }
    out.push(Task {
        item: Item::Hearing,
        date: hearing,
        time,
        overdue: false,
        uncovered_year: None,
    });
    for (item, due, done) in [
        (
            Item::RemindWeek,
            deadline::remind_week_due(calendar, hearing),
            TrackField::RemindedWeekOn,
        ),
        (
            Item::RemindDay,
            deadline::remind_day_due(calendar, hearing),
            TrackField::RemindedDayOn,
        ),
    ] {
        if tracking.date(done).is_none() {
            out.push(Task {
                time,
                ..deadline(item, due, on)
            });
        }
    }
    let head_arranged = tracking.text(TrackField::PlannedHeadName).is_some()
        && qualification(tracking.text(TrackField::PlannedHeadTitle)) == Qualification::Qualifies;
    if head_arranged {
        return;
    }
    let week_before = hearing.checked_sub_days(Days::new(7)).unwrap_or(hearing);
    if on >= week_before {
        out.push(Task {
            item: Item::VerifyHead,
            date: hearing,
            time,
            overdue: false,
            uncovered_year: None,
        });
    }
    let escalate = deadline::escalate_from(calendar, hearing);
    if on >= escalate.date {
        out.push(Task {
            time,
            overdue: false,
            ..deadline(Item::Escalate, escalate, on)
        });
    }
}

/// A ruling (裁定) rather than a judgment: the appeal window is 10 days, not 15.
fn is_ruling(outcome: Option<Outcome>) -> bool {
    matches!(
        outcome,
        Some(
            Outcome::SuitDismissed | Outcome::Withdrawn | Outcome::Concluded | Outcome::Transferred
        )
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::fixture::d;
    use crate::model::{CaseNo, TrackValue, Tracking};

    fn recon(
        accepted: Option<&str>,
        closed: Option<&str>,
        tracked: &[(TrackField, TrackValue)],
    ) -> Case {
        let mut tracking = Tracking::default();
        for (field, value) in tracked {
            tracking.set(*field, Some(value.clone()));
        }
        Case {
            case_no: CaseNo::new("黔南府复决字〔2025〕1号").unwrap(),
            unit: "都匀市".into(),
            matter: None,
            closed_on: closed.map(d),
            outcome: closed.map(|_| Outcome::Upheld),
            lead: None,
            note: None,
            facts: Facts::Reconsideration {
                respondent: None,
                received_on: d("2025-01-20"),
                accepted_on: accepted.map(d),
                corrected: None,
            },
            tracking,
        }
    }

    fn suit(
        hearing: Option<&str>,
        closed: Option<&str>,
        tracked: &[(TrackField, TrackValue)],
    ) -> Case {
        let mut case = recon(None, closed, tracked);
        case.case_no = CaseNo::new("(2025)黔2701行初1号").unwrap();
        case.outcome = closed.map(|_| Outcome::ClaimRejected);
        case.facts = Facts::Litigation {
            instance: Instance::First,
            court: None,
            defendant: None,
            filed_on: d("2025-01-02"),
            hearing_on: hearing.map(d),
            head_appeared: None,
            head_name: None,
            head_title: None,
            lost: None,
        };
        case
    }

    fn date(text: &str) -> TrackValue {
        TrackValue::Date(d(text))
    }

    fn text(value: &str) -> TrackValue {
        TrackValue::Text(value.to_owned())
    }

    #[track_caller]
    fn case(case: &Case, on: &str, expected: &[(Item, &str, bool)]) {
        let calendar = WorkCalendar::new();
        let got: Vec<(Item, String, bool)> = tasks(case, &calendar, &Rules::default(), d(on))
            .into_iter()
            .map(|t| (t.item, t.date.to_string(), t.overdue))
            .collect();
        let expected: Vec<(Item, String, bool)> = expected
            .iter()
            .map(|(i, d, o)| (*i, (*d).to_owned(), *o))
            .collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn reconsideration_deadlines() {
        use TrackField::{AnsweredOn, CopyServedOn};
        let served = [(CopyServedOn, date("2025-01-24"))];
        // SPEC §7.2: copy served Friday 2025-01-24 → answer due 2025-02-13.
        case(
            &recon(Some("2025-03-03"), None, &served),
            "2025-01-24",
            &[
                (Item::Answer, "2025-02-13", false),
                (Item::Decision, "2025-05-06", false),
            ],
        );
        case(
            &recon(None, None, &served),
            "2025-02-14",
            &[(Item::Answer, "2025-02-13", true)],
        );
        // Answered: nothing left to do about the answer.
        let answered = [served[0].clone(), (AnsweredOn, date("2025-02-20"))];
        case(&recon(None, None, &answered), "2025-02-24", &[]);
        // Closed: nothing is running.
        case(
            &recon(Some("2025-03-03"), Some("2025-04-01"), &served),
            "2025-04-02",
            &[],
        );
        // No start date, no deadline.
        case(&recon(None, None, &[]), "2025-02-24", &[]);
    }

    #[test]
    fn hearing_work_before_and_after() {
        use TrackField::{PlannedHeadName, PlannedHeadTitle, RemindedWeekOn};
        // Hearing Monday 2025-03-17: week reminder 03-10 (Mon), day reminder Fri 03-14.
        let hearing = Some("2025-03-17");
        case(
            &suit(hearing, None, &[]),
            "2025-03-03",
            &[
                (Item::Hearing, "2025-03-17", false),
                (Item::RemindWeek, "2025-03-10", false),
                (Item::RemindDay, "2025-03-14", false),
            ],
        );
        // Within the week: no head arranged yet, so verify; the week reminder is late.
        case(
            &suit(hearing, None, &[]),
            "2025-03-11",
            &[
                (Item::Hearing, "2025-03-17", false),
                (Item::RemindWeek, "2025-03-10", true),
                (Item::RemindDay, "2025-03-14", false),
                (Item::VerifyHead, "2025-03-17", false),
            ],
        );
        // The eve: a planned head who does not qualify means escalation.
        let planned = [
            (RemindedWeekOn, date("2025-03-10")),
            (PlannedHeadName, text("王某")),
            (PlannedHeadTitle, text("科员")),
        ];
        case(
            &suit(hearing, None, &planned),
            "2025-03-14",
            &[
                (Item::Hearing, "2025-03-17", false),
                (Item::RemindDay, "2025-03-14", false),
                (Item::VerifyHead, "2025-03-17", false),
                (Item::Escalate, "2025-03-14", false),
            ],
        );
        // A qualifying head: neither check nor escalation.
        let qualifying = [
            (RemindedWeekOn, date("2025-03-10")),
            (PlannedHeadName, text("王某")),
            (PlannedHeadTitle, text("副局长")),
        ];
        case(
            &suit(hearing, None, &qualifying),
            "2025-03-14",
            &[
                (Item::Hearing, "2025-03-17", false),
                (Item::RemindDay, "2025-03-14", false),
            ],
        );
        // After the hearing: record whether the head appeared.
        case(
            &suit(hearing, Some("2025-04-30"), &[]),
            "2025-05-06",
            &[(Item::RecordAppearance, "2025-03-17", true)],
        );
    }

    #[test]
    fn defence_and_appeal() {
        use TrackField::{ComplaintReceivedOn, ServedOn};
        case(
            &suit(None, None, &[(ComplaintReceivedOn, date("2025-03-03"))]),
            "2025-03-20",
            &[(Item::Defence, "2025-03-18", true)],
        );
        // A judgment served Friday 2025-04-18: 15 days end Saturday 05-03, inside 劳动节,
        // so the window closes on the next working day, 05-06.
        case(
            &suit(None, Some("2025-04-10"), &[(ServedOn, date("2025-04-18"))]),
            "2025-04-20",
            &[(Item::Appeal, "2025-05-06", false)],
        );
    }
}
