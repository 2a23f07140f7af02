//! The cases behind the sample: for every plan row, dates drawn from the seeded generator
//! inside the row's windows, then units, agencies, matters, names and outcome spellings, the
//! case numbers, and the report in which each event is first written down (the lag). No IO.

use std::io;

use chrono::{Datelike, NaiveDate};

use super::calendar::{Calendar, Rng, SEASON_END, after};
use super::cases::{Correction, Instance, Lit, Recon, Typing};
use super::corrections::{
    plant_closing_typo, plant_head_absent, plant_lit_outcome, plant_recon_outcome,
};
use super::names::{
    AGENCIES, APPEAL_RESULTS, CLERKS, COMPANIES, GOVERNMENT_MATTERS, JUDGES, LIT_FLAG_UNITS,
    LIT_KEPT_HEARD, LIT_KEPT_UNHEARD, LIT_LOST, LIT_WEIGHTS, MIDDLE_COURT, NOT_ACCEPTED_REASONS,
    RECON_CORRECTED, RECON_FLAG_UNITS, RECON_MEDIATED, RECON_OTHER, RECON_WEIGHTS, RETRIAL_RESULTS,
    SURNAMES, UNITS, WITHDRAWN, ZHOU,
};
use super::plan::RClass::{
    Corrected, CorrectedByFlag, Mediated, NotAccepted, Open, Other, OtherByFlag, Pending, Withdrawn,
};
use super::plan::Stage::Never;
use super::plan::{APPEAL_PLAN, HClass, LClass, LIT_PLAN, LitPlan, RClass, RECON_PLAN, ReconPlan};

const SEED: u64 = 0x5EED_2021_0831_0001;
const MAX_TRIES: u32 = 1_000_000;

/// Every case of the sample, with the planted corrections.
pub struct Population {
    pub recon: Vec<Recon>,
    pub lit: Vec<Lit>,
    pub corrections: Vec<Correction>,
}

impl Population {
    pub fn generate(calendar: &Calendar) -> io::Result<Self> {
        let mut rng = Rng::new(SEED);
        let mut recon = recon_cases(&mut rng)?;
        number_recon(&mut recon);
        for case in &mut recon {
            learn_recon(case, calendar, &mut rng);
        }
        let mut lit = lit_cases(&mut rng)?;
        lit.extend(appeal_cases(&mut rng)?);
        number_lit(&mut lit);
        for case in &mut lit {
            learn_lit(case, calendar, &mut rng);
        }
        let corrections = vec![
            plant_recon_outcome(&mut recon, calendar)?,
            plant_closing_typo(&mut lit, calendar)?,
            plant_head_absent(&mut lit, calendar)?,
            plant_lit_outcome(&mut lit, calendar)?,
        ];
        Ok(Self {
            recon,
            lit,
            corrections,
        })
    }
}

fn expand<T: Copy>(spec: &[(T, u32)]) -> Vec<T> {
    spec.iter()
        .flat_map(|&(item, n)| std::iter::repeat_n(item, n as usize))
        .collect()
}

fn cannot_place(plan: &str) -> io::Error {
    io::Error::other(format!("sample plan {plan}: no dates fit its windows"))
}

pub fn person(rng: &mut Rng) -> String {
    let surname = rng.pick(&SURNAMES);
    match rng.below(100) {
        0..12 => rng.pick(&COMPANIES).to_string(),
        12..17 => format!("{surname}某某等{}人", rng.between(2, 6)),
        17..50 => format!("{surname}某"),
        _ => format!("{surname}某某"),
    }
}

/// The place name that starts an agency's name.
pub fn place(unit: usize) -> &'static str {
    if unit == ZHOU {
        "黔南州"
    } else {
        UNITS[unit]
    }
}

pub fn agency(rng: &mut Rng, unit: usize) -> (String, &'static str) {
    let weights: Vec<(usize, u32)> = AGENCIES.iter().enumerate().map(|(i, a)| (i, a.1)).collect();
    let (name, _, matters) = AGENCIES[rng.weighted(&weights)];
    (format!("{}{name}", place(unit)), rng.pick(matters))
}

/// The leader titles of a unit's government: (head, deputy).
pub fn leader_titles(unit: usize) -> (&'static str, &'static str) {
    match unit {
        ZHOU => ("州长", "副州长"),
        0 | 1 => ("市长", "副市长"),
        _ => ("县长", "副县长"),
    }
}

/// A deputy leader in charge (包案领导) for contested land and enforcement matters.
fn lead(rng: &mut Rng, unit: usize, matter: &str) -> String {
    if matches!(matter, "征收补偿" | "行政强制") && rng.percent(60) {
        format!("{} {}某", leader_titles(unit).1, rng.pick(&SURNAMES))
    } else {
        String::new()
    }
}

fn acceptance_delay(rng: &mut Rng) -> i64 {
    if rng.percent(85) {
        rng.between(0, 5)
    } else {
        rng.between(6, 25)
    }
}

fn decision_delay(rng: &mut Rng, class: RClass) -> i64 {
    if class == Mediated {
        rng.between(7, 50)
    } else if rng.percent(85) {
        rng.between(15, 60)
    } else {
        rng.between(61, 90)
    }
}

type ReconDates = (NaiveDate, Option<NaiveDate>, Option<NaiveDate>);

fn sample_recon(rng: &mut Rng, plan: &ReconPlan, class: RClass) -> io::Result<ReconDates> {
    for _ in 0..MAX_TRIES {
        let received = rng.day_in(plan.received);
        let (accepted, closed) = match class {
            NotAccepted => (None, Some(after(received, rng.between(1, 7)))),
            Withdrawn => (None, Some(after(received, rng.between(1, 20)))),
            _ => {
                let accepted = after(received, acceptance_delay(rng));
                (
                    Some(accepted),
                    Some(after(accepted, decision_delay(rng, class))),
                )
            }
        };
        let closed = closed.filter(|_| plan.closed != Never);
        if received <= plan.received.1
            && plan.accepted.admits(accepted)
            && plan.closed.admits(closed)
        {
            let by_end = |date: &NaiveDate| *date <= SEASON_END;
            return Ok((received, accepted.filter(by_end), closed.filter(by_end)));
        }
    }
    Err(cannot_place(plan.code))
}

/// Outcome spelling, 是否纠错 override and closing note of a closed reconsideration case.
fn recon_outcome(rng: &mut Rng, class: RClass) -> (&'static str, Option<bool>, &'static str) {
    match class {
        NotAccepted => ("不予受理", None, rng.pick(&NOT_ACCEPTED_REASONS)),
        Withdrawn => {
            let (outcome, note) = rng.weighted(&WITHDRAWN);
            (outcome, None, note)
        }
        Corrected => match rng.weighted(&RECON_CORRECTED) {
            "撤销并责令重作" => ("撤销并责令重作", None, "责令被申请人60日内重新作出"),
            "责令履职" => ("责令履职", None, "责令被申请人依法履行\"答复\"职责"),
            outcome => (outcome, None, ""),
        },
        CorrectedByFlag => (
            "撤回申请",
            Some(true),
            "被申请人自行撤销原行政行为后申请人撤回申请",
        ),
        Mediated => match rng.weighted(&RECON_MEDIATED) {
            outcome @ ("调解" | "调解结案") => (outcome, None, "经调解达成协议"),
            outcome => (outcome, None, "双方和解，申请人撤回申请"),
        },
        Other => (rng.weighted(&RECON_OTHER), None, ""),
        OtherByFlag => (
            "确认违法",
            Some(false),
            "仅确认程序轻微违法，经研究不计入纠错",
        ),
        Open | Pending => ("", None, ""),
    }
}

fn recon_cases(rng: &mut Rng) -> io::Result<Vec<Recon>> {
    let mut cases = Vec::new();
    let mut flagged = 0;
    for plan in &RECON_PLAN {
        let mut classes = expand(plan.classes);
        rng.shuffle(&mut classes);
        for class in classes {
            let (received, accepted, closed) = sample_recon(rng, plan, class)?;
            let unit = if matches!(class, CorrectedByFlag | OtherByFlag) {
                flagged += 1;
                RECON_FLAG_UNITS[flagged % RECON_FLAG_UNITS.len()]
            } else {
                rng.weighted(&RECON_WEIGHTS)
            };
            let (respondent, matter) = agency(rng, unit);
            let (outcome, corrected_flag, closing_note) = if closed.is_some() {
                recon_outcome(rng, class)
            } else {
                ("", None, "")
            };
            cases.push(Recon {
                plan: plan.code,
                unit,
                year: received.year(),
                seq: 0,
                typing: Typing::Plain,
                respondent,
                matter,
                applicant: person(rng),
                clerk: rng.pick(&CLERKS),
                lead: lead(rng, unit, matter),
                received,
                accepted,
                closed,
                outcome,
                corrected_flag,
                closing_note,
                known_received: 0,
                known_accepted: None,
                known_closed: None,
                fix: None,
            });
        }
    }
    Ok(cases)
}

/// Numbers per unit and year in order of receipt; 2019's carry-overs are late in their year.
fn number_recon(cases: &mut [Recon]) {
    let mut order: Vec<usize> = (0..cases.len()).collect();
    order.sort_by_key(|&i| (cases[i].unit, cases[i].year, cases[i].received, i));
    let mut current = None;
    let mut seq = 0;
    for i in order {
        let case = &mut cases[i];
        if current != Some((case.unit, case.year)) {
            current = Some((case.unit, case.year));
            seq = if case.year < 2020 { 17 } else { 0 };
        }
        seq += 1;
        case.seq = seq;
        case.typing = match case.unit {
            8 if seq % 5 == 2 => Typing::FullWidthDigits,
            9 if seq % 4 == 1 => Typing::SpaceWhileOpen,
            _ => Typing::Plain,
        };
    }
}

/// Small offices that bring their ledger up to date only every other week.
pub const FORTNIGHTLY_UNITS: [usize; 5] = [2, 6, 7, 8, 11];
/// 惠水县人民法院 also sends its changes every other week.
pub const FORTNIGHTLY_COURT: usize = 3;

/// The report in which an event is first written down, for an office that updates its ledger
/// every week or every other week.
fn known(calendar: &Calendar, rng: &mut Rng, date: NaiveDate, fortnightly: bool) -> usize {
    let report = calendar.known(date, rng.lag());
    if fortnightly {
        (report.div_ceil(2) * 2).min(calendar.last())
    } else {
        report
    }
}

fn learn_recon(case: &mut Recon, calendar: &Calendar, rng: &mut Rng) {
    let fortnightly = FORTNIGHTLY_UNITS.contains(&case.unit);
    let mut known = |date| known(calendar, rng, date, fortnightly);
    case.known_received = known(case.received);
    case.known_accepted = case
        .accepted
        .map(|date| known(date).max(case.known_received));
    let before = case.known_accepted.unwrap_or(case.known_received);
    case.known_closed = case.closed.map(|date| known(date).max(before));
}

fn hearing_delay(rng: &mut Rng) -> i64 {
    if rng.percent(80) {
        rng.between(20, 90)
    } else {
        rng.between(91, 180)
    }
}

fn judgment_delay(rng: &mut Rng) -> i64 {
    match rng.below(100) {
        0..15 => 0,
        15..85 => rng.between(1, 60),
        85..97 => rng.between(61, 150),
        _ => rng.between(200, 500),
    }
}

fn unheard_delay(rng: &mut Rng) -> i64 {
    if rng.percent(85) {
        rng.between(7, 90)
    } else {
        rng.between(91, 180)
    }
}

type LitDates = (NaiveDate, Option<NaiveDate>, Option<NaiveDate>);

fn sample_lit(rng: &mut Rng, plan: &LitPlan) -> io::Result<LitDates> {
    for _ in 0..MAX_TRIES {
        let filed = rng.day_in(plan.filed);
        let hearing = (plan.hearing != Never).then(|| after(filed, hearing_delay(rng)));
        let closed = match hearing {
            Some(hearing) => after(hearing, judgment_delay(rng)),
            None => after(filed, unheard_delay(rng)),
        };
        if filed <= plan.filed.1 && plan.hearing.admits(hearing) && plan.closed.admits(Some(closed))
        {
            return Ok((
                filed,
                hearing,
                Some(closed).filter(|date| *date <= SEASON_END),
            ));
        }
    }
    Err(cannot_place(plan.code))
}

/// Outcome spelling, 是否败诉 override and note of a closed first-instance case.
fn lit_outcome(
    rng: &mut Rng,
    class: LClass,
    heard: bool,
) -> (&'static str, Option<bool>, &'static str) {
    match class {
        LClass::Lost => (rng.weighted(&LIT_LOST), None, ""),
        LClass::LostByFlag => ("准许撤诉", Some(true), "被告改变被诉行政行为后原告撤诉"),
        LClass::NotLost if heard => (rng.weighted(&LIT_KEPT_HEARD), None, ""),
        LClass::NotLost => (rng.weighted(&LIT_KEPT_UNHEARD), None, ""),
        LClass::NotLostByFlag => (
            "赔偿",
            Some(false),
            "赔偿系被告在诉讼中主动提出，不计入败诉",
        ),
        LClass::Open => ("", None, ""),
    }
}

/// Unit, court and defendant of a new case; governments are sued at the 中院.
fn sue(
    rng: &mut Rng,
    flagged: Option<usize>,
    instance: Instance,
) -> (usize, usize, String, &'static str) {
    let unit = flagged.unwrap_or_else(|| rng.weighted(&LIT_WEIGHTS));
    let government =
        flagged.is_none() && rng.percent(if instance == Instance::First { 12 } else { 25 });
    if government {
        let matter = rng.pick(&GOVERNMENT_MATTERS);
        return (
            unit,
            MIDDLE_COURT,
            format!("{}人民政府", place(unit)),
            matter,
        );
    }
    let (defendant, matter) = agency(rng, unit);
    let court = match (instance, unit) {
        (Instance::Second | Instance::Retrial, _) => MIDDLE_COURT,
        (_, 0 | 2 | 5 | 11 | ZHOU) => 1,
        (_, 1 | 3 | 4 | 9) => 2,
        _ => 3,
    };
    (unit, court, defendant, matter)
}

/// Name and title of an agency's head who appeared.
fn head_of(rng: &mut Rng, unit: usize, defendant: &str) -> (String, &'static str) {
    let name = format!("{}某", rng.pick(&SURNAMES));
    let deputy = rng.percent(80);
    let title = if defendant.ends_with("人民政府") {
        let (head, vice) = leader_titles(unit);
        if deputy || unit == ZHOU { vice } else { head }
    } else if deputy {
        "副局长"
    } else {
        "局长"
    };
    (name, title)
}

/// What the plan decided about a litigation case before the parties are drawn.
#[derive(Clone, Copy)]
struct Draft {
    plan: &'static str,
    instance: Instance,
    /// The unit, when the case must go to a source with a 是否败诉 column.
    flagged: Option<usize>,
    dates: LitDates,
    head: Option<bool>,
    result: (&'static str, Option<bool>, &'static str),
    open_note: &'static str,
}

fn new_lit(rng: &mut Rng, draft: Draft) -> Lit {
    let Draft {
        plan,
        instance,
        flagged,
        dates: (filed, hearing, closed),
        head,
        result: (outcome, lost_flag, closing_note),
        open_note,
    } = draft;
    let (unit, court, defendant, matter) = sue(rng, flagged, instance);
    let (head_name, head_title) = if head == Some(true) {
        head_of(rng, unit, &defendant)
    } else {
        (String::new(), "")
    };
    let third_party = if rng.percent(30) {
        person(rng)
    } else {
        String::new()
    };
    Lit {
        plan,
        court,
        instance,
        year: filed.year(),
        seq: 0,
        typing: Typing::Plain,
        unit,
        plaintiff: person(rng),
        third_party,
        matter,
        judge: rng.pick(&JUDGES),
        lead: lead(rng, unit, matter),
        defendant,
        filed,
        hearing,
        head,
        head_name,
        head_title,
        closed,
        outcome,
        lost_flag,
        closing_note,
        open_note,
        known_filed: 0,
        known_hearing: None,
        known_closed: None,
        fix: None,
        remark: None,
    }
}

fn lit_cases(rng: &mut Rng) -> io::Result<Vec<Lit>> {
    let mut cases = Vec::new();
    let mut flagged = 0;
    for plan in &LIT_PLAN {
        let mut results = expand(plan.results);
        let mut heads = expand(plan.heads);
        let has_hearing = plan.hearing != Never;
        if heads.len() != if has_hearing { results.len() } else { 0 } {
            return Err(io::Error::other(format!(
                "sample plan {}: heads do not match",
                plan.code
            )));
        }
        rng.shuffle(&mut results);
        rng.shuffle(&mut heads);
        for (i, class) in results.into_iter().enumerate() {
            let dates = sample_lit(rng, plan)?;
            let head = heads.get(i).and_then(|head| match head {
                HClass::Yes => Some(true),
                HClass::No => Some(false),
                HClass::Unknown => None,
            });
            let unit = if matches!(class, LClass::LostByFlag | LClass::NotLostByFlag) {
                flagged += 1;
                Some(LIT_FLAG_UNITS[flagged % LIT_FLAG_UNITS.len()])
            } else {
                None
            };
            let result = if dates.2.is_some() {
                lit_outcome(rng, class, has_hearing)
            } else {
                ("", None, "")
            };
            let draft = Draft {
                plan: plan.code,
                instance: Instance::First,
                flagged: unit,
                dates,
                head,
                result,
                open_note: plan.open_note,
            };
            cases.push(new_lit(rng, draft));
        }
    }
    Ok(cases)
}

fn appeal_cases(rng: &mut Rng) -> io::Result<Vec<Lit>> {
    let mut cases = Vec::new();
    for plan in &APPEAL_PLAN {
        for _ in 0..plan.count {
            let dates = (0..MAX_TRIES)
                .map(|_| {
                    let filed = rng.day_in(plan.filed);
                    let heard = plan.instance == Instance::Second && rng.percent(35);
                    let hearing = heard.then(|| after(filed, rng.between(15, 60)));
                    let closed = after(hearing.unwrap_or(filed), rng.between(20, 100));
                    (filed, hearing, Some(closed))
                })
                .find(|&(filed, _, closed)| {
                    filed <= plan.filed.1 && closed >= Some(plan.closed_from)
                })
                .ok_or_else(|| cannot_place(plan.code))?;
            let by_end = |date: &NaiveDate| *date <= SEASON_END;
            let dates = (dates.0, dates.1.filter(by_end), dates.2.filter(by_end));
            let head = dates.1.map(|_| rng.percent(55));
            let results: &[((&str, &str), u32)] = if plan.instance == Instance::Second {
                &APPEAL_RESULTS
            } else {
                &RETRIAL_RESULTS
            };
            let (outcome, note) = rng.weighted(results);
            let result = if dates.2.is_some() {
                (outcome, None, note)
            } else {
                ("", None, "")
            };
            let draft = Draft {
                plan: plan.code,
                instance: plan.instance,
                flagged: None,
                dates,
                head,
                result,
                open_note: "",
            };
            cases.push(new_lit(rng, draft));
        }
    }
    Ok(cases)
}

/// Numbers per court, type and year in order of filing.
fn number_lit(cases: &mut [Lit]) {
    let mut order: Vec<usize> = (0..cases.len()).collect();
    order.sort_by_key(|&i| {
        (
            cases[i].court,
            cases[i].instance,
            cases[i].year,
            cases[i].filed,
            i,
        )
    });
    let mut current = None;
    let mut seq = 0;
    for i in order {
        let case = &mut cases[i];
        let key = (case.court, case.instance, case.year);
        if current != Some(key) {
            current = Some(key);
            seq = if case.year < 2020 { 40 } else { 0 };
        }
        seq += 1;
        case.seq = seq;
        if case.court == 1 && seq % 40 == 17 {
            case.typing = Typing::SpaceFirstTime;
        }
    }
}

fn learn_lit(case: &mut Lit, calendar: &Calendar, rng: &mut Rng) {
    let fortnightly = case.court == FORTNIGHTLY_COURT;
    let mut known = |date| known(calendar, rng, date, fortnightly);
    case.known_filed = known(case.filed);
    case.known_hearing = case.hearing.map(|date| known(date).max(case.known_filed));
    let before = case.known_hearing.unwrap_or(case.known_filed);
    case.known_closed = case.closed.map(|date| known(date).max(before));
}
