//! The hearings of the work list (SPEC §7.3): when the summons arrives, so that the row shows
//! the hearing ahead of it; the time and court room; who the agency says will appear, and the
//! replacement when that person does not qualify; and the two reminders (两提), a few missed
//! or late. A few open cases also get a hearing set for September 2021, one of them on the
//! day after 中秋, whose day-before reminder falls on the Saturday worked for it.

use chrono::{NaiveDate, TimeDelta};

use super::calendar::{Calendar, Known, Rng, SEASON_END, ymd};
use super::cases::Lit;
use super::holidays::{on_or_before, remind_day, remind_week, working_days_after};
use super::names::{SURNAMES, ZHOU};
use super::population::leader_titles;

pub struct Hearing {
    pub date: NaiveDate,
    /// The first report that shows the date, ahead of the hearing.
    pub scheduled: usize,
    pub time: &'static str,
    pub place: &'static str,
    /// Who the agency says will appear (name, title), each from a report on.
    pub planned: Vec<(usize, String, &'static str)>,
    pub reminded_week: Option<Known>,
    pub reminded_day: Option<Known>,
}

impl Hearing {
    /// The person planned to appear as report `report` shows it.
    pub fn planned_by(&self, report: usize) -> Option<(&str, &'static str)> {
        self.planned
            .iter()
            .rev()
            .find(|(from, _, _)| *from <= report)
            .map(|(_, name, title)| (name.as_str(), *title))
    }
}

/// The 两提 reminders are the 2021 work-list mechanism: earlier hearings have none.
const REMINDERS_FROM: NaiveDate = ymd(2021, 1, 1);

/// Hearings set for September 2021 in open cases: weekdays, and 22 September, the first
/// working day after 中秋 (19–21 September), whose day-before reminder moves back to
/// Saturday 18 September, a working day.
const SEPTEMBER: [NaiveDate; 6] = [
    ymd(2021, 9, 1),
    ymd(2021, 9, 3),
    ymd(2021, 9, 6),
    ymd(2021, 9, 9),
    ymd(2021, 9, 14),
    ymd(2021, 9, 22),
];

#[rustfmt::skip]
const TIMES: [(&str, u32); 6] = [
    ("09:00", 30), ("09:30", 30), ("10:00", 12), ("14:30", 18), ("15:00", 8), ("15:30", 2),
];

/// Court rooms, per court in the order of `COURTS`.
const ROOMS: [&[&str]; 4] = [
    &[
        "黔南州中级人民法院第一审判庭",
        "黔南州中级人民法院第三审判庭",
        "黔南州中级人民法院第五审判庭",
    ],
    &[
        "都匀市人民法院第一法庭",
        "都匀市人民法院第二法庭",
        "都匀市人民法院行政审判庭",
    ],
    &["瓮安县人民法院第一审判庭", "瓮安县人民法院第二审判庭"],
    &["惠水县人民法院行政审判庭", "惠水县人民法院第三审判庭"],
];

/// Titles that do not make an appearance the head's (SPEC §7.3's 两核): the agency sends a
/// section chief or a clerk instead.
const NOT_HEADS: [&str; 5] = [
    "法制科科长",
    "政策法规科科长",
    "法制股股长",
    "执法大队大队长",
    "工作人员",
];
const NOT_HEADS_OF_GOVERNMENT: [&str; 2] = ["司法局法制股股长", "政府办工作人员"];

/// The open cases that get a September hearing: the longest-waiting unheard cases filed by
/// mid-July, one per date.
pub fn september(cases: &[Lit]) -> Vec<(usize, NaiveDate)> {
    let mut waiting: Vec<usize> = (0..cases.len())
        .filter(|&i| cases[i].plan == "M8" && cases[i].filed <= ymd(2021, 7, 15))
        .collect();
    waiting.sort_by_key(|&i| (cases[i].filed, cases[i].court, cases[i].seq));
    waiting.into_iter().zip(SEPTEMBER).collect()
}

/// The arrangements of a hearing on `date` (the case's own, or a September one).
pub fn plan(
    case: &Lit,
    date: NaiveDate,
    calendar: &Calendar,
    rng: &mut Rng,
    fortnightly: bool,
) -> Hearing {
    // The summons arrives two to four weeks ahead; a September hearing's by the last report.
    let notice = on_or_before(date - TimeDelta::days(rng.between(10, 30)));
    let notice = notice
        .max(case.filed + TimeDelta::days(3))
        .min(SEASON_END - TimeDelta::days(4));
    let scheduled = calendar
        .first_showing(notice, fortnightly)
        .max(case.known_filed)
        .min(case.known_hearing.unwrap_or(usize::MAX));
    let known = |day: NaiveDate| calendar.fact(day, fortnightly, scheduled);
    let mut hearing = Hearing {
        date,
        scheduled,
        time: rng.weighted(&TIMES),
        place: rng.pick(ROOMS[case.court]),
        planned: Vec::new(),
        reminded_week: None,
        reminded_day: None,
    };
    if date < REMINDERS_FROM {
        return hearing;
    }
    let (week_due, day_due) = (remind_week(date), remind_day(date));
    let week = match rng.below(100) {
        0..90 => Some(week_due.max(notice)),
        90..95 => Some(working_days_after(week_due.max(notice), 1).min(day_due)),
        _ => None,
    };
    let day = match rng.below(100) {
        0..92 => Some(day_due),
        // Telephoned on the morning of the hearing.
        92..96 => Some(date),
        _ => None,
    };
    hearing.reminded_week = week.and_then(known);
    hearing.reminded_day = day.and_then(known);
    // The agency names its head after the first reminder; the call the day before finds
    // out whether that person can come.
    let first = hearing
        .reminded_week
        .or_else(|| known(working_days_after(notice, 3)))
        .map(|k| k.from);
    let second = hearing
        .reminded_day
        .or_else(|| known(day_due))
        .map(|k| k.from);
    if let Some(first) = first {
        hearing.planned = planned_heads(case, rng, first, second);
    }
    hearing
}

/// Who the agency names, given who (if anyone) appeared.
fn planned_heads(
    case: &Lit,
    rng: &mut Rng,
    first: usize,
    second: Option<usize>,
) -> Vec<(usize, String, &'static str)> {
    let government = case.defendant.ends_with("人民政府");
    let name = |rng: &mut Rng| format!("{}某", rng.pick(&SURNAMES));
    let stand_in = |rng: &mut Rng| {
        if government {
            rng.pick(&NOT_HEADS_OF_GOVERNMENT)
        } else {
            rng.pick(&NOT_HEADS)
        }
    };
    let deputy = if government {
        if case.unit == ZHOU {
            "副州长"
        } else {
            leader_titles(case.unit).1
        }
    } else {
        "副局长"
    };
    let roll = rng.below(100);
    match case.head {
        // The head who appeared, sometimes only after a stand-in was replaced.
        Some(true) if roll < 85 => vec![(first, case.head_name.clone(), case.head_title)],
        Some(true) => {
            let replaced = second.unwrap_or(first).max(first);
            vec![
                (first, name(rng), stand_in(rng)),
                (replaced, case.head_name.clone(), case.head_title),
            ]
        }
        // A deputy who then did not come, a stand-in, or nobody named.
        Some(false) if roll < 40 => vec![(first, name(rng), deputy)],
        Some(false) if roll < 80 => vec![(first, name(rng), stand_in(rng))],
        // Not known whether anyone appeared, or still ahead.
        None if roll < 60 => vec![(first, name(rng), deputy)],
        None if roll < 80 && case.hearing.is_none() => vec![(first, name(rng), stand_in(rng))],
        Some(false) | None => Vec::new(),
    }
}
