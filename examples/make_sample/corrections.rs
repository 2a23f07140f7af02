//! The planted corrections: a few cases first reported with a wrong outcome, date or
//! appearance and put right in a later week, each chosen so that it changes a SPEC §4 count
//! when a report is taken as of the week it was wrong.

use std::io;

use chrono::{Months, NaiveDate};

use super::calendar::{Calendar, ymd};
use super::cases::{Correction, Fix, Instance, Lit, Recon, Shown};
use super::names::{MIDDLE_COURT, recon_corrects};
use super::plan::{JAN_AUG_2020, JAN_AUG_2021};

fn no_candidate(what: &str) -> io::Error {
    io::Error::other(format!(
        "sample: no case fits the planted correction ({what})"
    ))
}

fn in_range(date: Option<NaiveDate>, lo: NaiveDate, hi: NaiveDate) -> bool {
    date.is_some_and(|date| lo <= date && date <= hi)
}

/// 2021: a 维持 decision first reported as 撤销, corrected two reports later.
pub fn plant_recon_outcome(cases: &mut [Recon], calendar: &Calendar) -> io::Result<Correction> {
    let case = cases
        .iter_mut()
        .filter(|c| c.plan == "S4" && c.corrected_flag.is_none() && !recon_corrects(c.outcome))
        .filter(|c| !matches!(c.outcome, "调解" | "调解结案" | "和解" | "和解撤回"))
        .filter(|c| in_range(c.closed, ymd(2021, 2, 15), ymd(2021, 4, 16)))
        .min_by_key(|c| (c.unit != 5, c.closed))
        .ok_or_else(|| no_candidate("reconsideration outcome"))?;
    let from = case
        .known_closed
        .ok_or_else(|| no_candidate("reconsideration outcome"))?;
    case.outcome = "维持";
    case.closing_note = "";
    case.fix = Some(Fix {
        from,
        until: from + 2,
        shown: Shown::Outcome("撤销"),
    });
    Ok(Correction {
        reconsideration: true,
        case_no: case.number(("〔", "〕")),
        wrong_as_of: calendar.reports[from],
        key: "corrected",
        period: JAN_AUG_2021,
    })
}

/// 2020: a judgment of early September first reported with August's month.
pub fn plant_closing_typo(cases: &mut [Lit], calendar: &Calendar) -> io::Result<Correction> {
    let case = cases
        .iter_mut()
        .filter(|c| c.court == 1 && c.instance == Instance::First)
        .find(|c| {
            in_range(c.closed, ymd(2020, 9, 1), ymd(2020, 9, 14))
                && c.closed.and_then(|d| d.checked_sub_months(Months::new(1)))
                    >= Some(c.hearing.unwrap_or(c.filed))
        })
        .ok_or_else(|| no_candidate("closing date"))?;
    let from = case
        .known_closed
        .ok_or_else(|| no_candidate("closing date"))?;
    let typo = case
        .closed
        .and_then(|d| d.checked_sub_months(Months::new(1)))
        .ok_or_else(|| no_candidate("closing date"))?;
    case.fix = Some(Fix {
        from,
        until: from + 2,
        shown: Shown::ClosedOn(typo),
    });
    Ok(Correction {
        reconsideration: false,
        case_no: case.number(("(", ")")),
        wrong_as_of: calendar.reports[from],
        key: "first_instance_closed",
        period: JAN_AUG_2020,
    })
}

/// 2021: a head who appeared first reported as absent.
pub fn plant_head_absent(cases: &mut [Lit], calendar: &Calendar) -> io::Result<Correction> {
    let case = cases
        .iter_mut()
        .filter(|c| c.court == 2 && c.instance == Instance::First && c.head == Some(true))
        .find(|c| {
            in_range(c.hearing, ymd(2021, 4, 1), ymd(2021, 5, 31))
                && c.known_closed
                    .is_none_or(|k| Some(k) >= c.known_hearing.map(|h| h + 2))
        })
        .ok_or_else(|| no_candidate("head appearance"))?;
    let from = case
        .known_hearing
        .ok_or_else(|| no_candidate("head appearance"))?;
    case.fix = Some(Fix {
        from,
        until: from + 2,
        shown: Shown::HeadAbsent,
    });
    Ok(Correction {
        reconsideration: false,
        case_no: case.number(("(", ")")),
        wrong_as_of: calendar.reports[from],
        key: "head_appeared",
        period: JAN_AUG_2021,
    })
}

/// 2020: a 驳回诉讼请求 judgment first reported as 判决撤销.
pub fn plant_lit_outcome(cases: &mut [Lit], calendar: &Calendar) -> io::Result<Correction> {
    let case = cases
        .iter_mut()
        .filter(|c| c.court == MIDDLE_COURT && c.instance == Instance::First && c.plan == "L4")
        .filter(|c| {
            c.lost_flag.is_none() && matches!(c.outcome, "判决驳回诉讼请求" | "驳回诉讼请求")
        })
        .find(|c| in_range(c.closed, ymd(2020, 4, 1), ymd(2020, 6, 30)))
        .ok_or_else(|| no_candidate("litigation outcome"))?;
    let from = case
        .known_closed
        .ok_or_else(|| no_candidate("litigation outcome"))?;
    case.outcome = "判决驳回诉讼请求";
    case.fix = Some(Fix {
        from,
        until: from + 3,
        shown: Shown::Outcome("判决撤销"),
    });
    Ok(Correction {
        reconsideration: false,
        case_no: case.number(("(", ")")),
        wrong_as_of: calendar.reports[from],
        key: "lost",
        period: JAN_AUG_2020,
    })
}
