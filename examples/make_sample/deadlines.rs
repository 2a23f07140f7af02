//! The dates the statutory deadlines of SPEC §7.2 run from, and the acts that meet them: the
//! application copy served on the respondent and its answer, the simplified procedure, the
//! extension and suspension of a review; the complaint received, the defence filed and the
//! judgment served in court; and which lawsuits followed a reconsideration decision. Most
//! acts are on time and a few late, as offices are. Never changes a case's own dates.

use chrono::{NaiveDate, TimeDelta};

use super::calendar::{Calendar, Known, Rng, SEASON_END, ymd};
use super::cases::{Instance, Lit, Recon};
use super::holidays::{
    answer_due, defence_due, on_or_after, on_or_before, period_end, working_days_after,
};

#[derive(Default)]
pub struct ReconDeadlines {
    pub simplified: bool,
    pub copy_served: Option<Known>,
    pub answered: Option<Known>,
    /// When the extension of the review period was decided.
    pub extended: Option<Known>,
    pub suspended: Option<Known>,
    pub resumed: Option<Known>,
}

#[derive(Default)]
pub struct LitDeadlines {
    pub complaint_received: Option<Known>,
    pub defended: Option<Known>,
    pub served: Option<Known>,
    /// The reconsideration case the lawsuit followed, numbered as its decision is.
    pub reconsideration_no: Option<String>,
}

/// Matters simple enough for the simplified procedure.
const SIMPLE_MATTERS: [&str; 2] = ["行政处罚", "政府信息公开"];
const SIMPLIFIED_FROM: NaiveDate = ymd(2021, 7, 19);
/// An open review suspended later than this is still suspended at the end of the season.
const STILL_SUSPENDED_AFTER: NaiveDate = ymd(2021, 8, 13);

fn days(from: NaiveDate, to: NaiveDate) -> i64 {
    (to - from).num_days()
}

/// A working day drawn in `from..=to` (`to` itself when the range is empty).
fn day_between(rng: &mut Rng, from: NaiveDate, to: NaiveDate) -> NaiveDate {
    let day = from + TimeDelta::days(rng.between(0, days(from, to).max(0)));
    let day = on_or_before(day);
    if day < from { to } else { day }
}

/// An act done on time: agencies mostly use their period and send it in its last days.
fn on_time(rng: &mut Rng, earliest: NaiveDate, due: NaiveDate) -> NaiveDate {
    if rng.percent(65) {
        day_between(rng, earliest.max(due - TimeDelta::days(4)), due)
    } else {
        day_between(rng, earliest, due)
    }
}

pub fn recon(
    case: &Recon,
    calendar: &Calendar,
    rng: &mut Rng,
    fortnightly: bool,
) -> ReconDeadlines {
    let mut facts = ReconDeadlines::default();
    let (Some(accepted), Some(accepted_from)) = (case.accepted, case.known_accepted) else {
        return facts;
    };
    let known = |date, not_before| calendar.fact(date, fortnightly, not_before);
    // What the review has to fit in: the decision, or the end of the season while open.
    let end = case.closed.unwrap_or(SEASON_END);
    let length = days(accepted, end);
    let open = case.closed.is_none();
    // The simplified procedure: some simple matters decided within its 30 days, and from
    // the work list's start in mid-July every simple matter still running.
    let simple = SIMPLE_MATTERS.contains(&case.matter);
    let piloted = open && accepted >= SIMPLIFIED_FROM;
    facts.simplified = simple && (piloted || (length <= 30 && !open && rng.percent(30)));
    // The copy goes out within the seven days the law allows, most within two working days;
    // a few ledgers leave the cell empty.
    if rng.percent(92) {
        let lag = rng.weighted(&[(0, 10), (1, 40), (2, 25), (3, 15), (4, 10)]);
        let mut served = working_days_after(accepted, lag);
        if served > end {
            served = accepted;
        }
        facts.copy_served = known(served, accepted_from);
        if let Some(copy) = facts.copy_served {
            facts.answered = answer(rng, served, end, open).and_then(|d| known(d, copy.from));
        }
    }
    // Reviews that run past 60 days are mostly extended before the 60 days end.
    if !facts.simplified && length > 60 && rng.percent(if open { 70 } else { 85 }) {
        let decided = on_or_before(accepted + TimeDelta::days(rng.between(50, 58)));
        facts.extended = known(decided, accepted_from);
    }
    // A few long reviews were suspended for a while (waiting for another authority);
    // a couple of open ones still are at the end of the season.
    let suspend = if open {
        length > 30 && rng.percent(30)
    } else {
        length > 45 && rng.percent(45)
    };
    if suspend {
        let from = on_or_after(accepted + TimeDelta::days(rng.between(10, 25)));
        let resumption = on_or_after(from + TimeDelta::days(rng.between(10, 30)));
        let resumes = if open {
            resumption <= STILL_SUSPENDED_AFTER && rng.percent(60)
        } else {
            resumption <= end - TimeDelta::days(5)
        };
        if from < end - TimeDelta::days(5) && (open || resumes) {
            facts.suspended = known(from, accepted_from);
            if resumes {
                facts.resumed = known(resumption, accepted_from);
            }
        }
    }
    facts
}

/// The day the respondent's answer arrived: mostly within its 10 days, a few late, and
/// never after the decision. `None` when it is still to come at the end of the season.
fn answer(rng: &mut Rng, served: NaiveDate, end: NaiveDate, open: bool) -> Option<NaiveDate> {
    let due = answer_due(served);
    let first = working_days_after(served, 1);
    let day = if rng.percent(91) {
        on_time(rng, working_days_after(served, 2).min(due), due)
    } else {
        on_or_after(due + TimeDelta::days(rng.between(1, 8)))
    };
    if day <= end {
        Some(day)
    } else if !open && first <= end {
        // Decided (or mediated) before the answer was due: it came in before the decision.
        Some(day_between(rng, first, end))
    } else {
        None
    }
}

pub fn lit(case: &Lit, calendar: &Calendar, rng: &mut Rng, fortnightly: bool) -> LitDeadlines {
    let mut facts = LitDeadlines::default();
    let known = |date, not_before| calendar.fact(date, fortnightly, not_before);
    // The defence comes before the hearing and the closing.
    let limit = [case.hearing, case.closed]
        .into_iter()
        .flatten()
        .min()
        .unwrap_or(SEASON_END);
    if case.instance == Instance::First && rng.percent(93) {
        // The court sends the complaint within five days; it arrives by post.
        let received = on_or_after(case.filed + TimeDelta::days(rng.between(2, 7)));
        if received < limit {
            facts.complaint_received = known(received, case.known_filed);
            let due = defence_due(received);
            let day = if rng.percent(90) {
                on_time(rng, working_days_after(received, 4).min(due), due)
            } else {
                on_or_after(due + TimeDelta::days(rng.between(1, 10)))
            };
            let from = facts
                .complaint_received
                .map_or(case.known_filed, |k| k.from);
            let waiting = case.closed.is_none() && case.hearing.is_none();
            let day = if day < limit || waiting {
                Some(day)
            } else {
                // Heard or decided first: the defence was in before that.
                let last = on_or_before(limit - TimeDelta::days(1)).min(due);
                (last > received).then(|| day_between(rng, working_days_after(received, 1), last))
            };
            facts.defended = day.and_then(|day| known(day, from));
        }
    }
    // Judgments and rulings are served within days of the decision.
    if let (Some(closed), Some(closed_from)) = (case.closed, case.known_closed)
        && rng.percent(88)
    {
        let lag = rng.weighted(&[(0, 30), (2, 40), (6, 30)]);
        facts.served = known(period_end(closed, lag), closed_from);
    }
    facts
}

/// Decisions that left the applicant's case as it was: some applicants then sue.
const KEPT: [&str; 4] = ["维持", "驳回请求", "驳回", "驳回行政复议请求"];
/// How many lawsuits of the sample name the decision they followed.
const LINKS: usize = 8;

/// Links a few first-instance lawsuits to a reconsideration decision of the same unit that
/// closed shortly before they were filed (the 15 days to sue, and the court's days to file):
/// only lawsuits whose ledgers carry 复议案号 (`carries`).
pub fn link_reconsiderations(
    recon: &[Recon],
    lit: &[Lit],
    carries: impl Fn(usize) -> bool,
    facts: &mut [LitDeadlines],
) {
    let mut decisions: Vec<&Recon> = recon
        .iter()
        .filter(|case| KEPT.contains(&case.outcome) && case.closed >= Some(ymd(2020, 12, 1)))
        .collect();
    // The latest first: their lawsuits are the ones still running in the work-list season.
    decisions.sort_by_key(|case| std::cmp::Reverse((case.closed, case.unit, case.seq)));
    let mut linked = 0;
    for decision in decisions {
        let Some(closed) = decision.closed else {
            continue;
        };
        let window = (closed + TimeDelta::days(5), closed + TimeDelta::days(30));
        let lawsuit = (0..lit.len()).find(|&i| {
            let case = &lit[i];
            case.instance == Instance::First
                && case.unit == decision.unit
                && window.0 <= case.filed
                && case.filed <= window.1
                && facts[i].reconsideration_no.is_none()
                && carries(i)
        });
        if let Some(i) = lawsuit {
            facts[i].reconsideration_no = Some(decision.number(("〔", "〕")));
            linked += 1;
            if linked == LINKS {
                break;
            }
        }
    }
}
