//! The work-list columns of SPEC §7.1: which offices carry them and from which report (not
//! every office adopts the new template at once), the facts behind them for every case, and
//! what a row shows of them in a given report. Drawn after the population, from a seed of
//! their own per case and aspect, so that the cases, their dates and every counted figure
//! stay exactly as they were. A case closed before its office adopted the columns keeps
//! them empty: clerks fill the new columns for the cases still running.

use chrono::NaiveDate;

use super::baoan::{self, Bao, Path, Subject};
use super::calendar::{Calendar, Known, Rng, ymd};
use super::cases::{Lit, LitView, Recon, ReconView};
use super::deadlines::{self, LitDeadlines, ReconDeadlines};
use super::hearings::{self, Hearing};
use super::names::{lit_loses, recon_corrects};
use super::population::{FORTNIGHTLY_COURT, FORTNIGHTLY_UNITS, Population};

const SEED: u64 = 0x5EED_2021_0823_0002;

/// The offices whose templates had a 包案领导 column before the work list: the leads they
/// showed stay (from the roster); the lead drawn for other offices' cases was never shown.
const RECON_LEAD_SHOWN: [usize; 4] = [3, 5, 9, 12];
const COURT_LEAD_SHOWN: usize = 2;

/// A work-list column, whatever its header.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Simplified,
    CopyServed,
    Answered,
    Extended,
    Suspended,
    Resumed,
    ComplaintReceived,
    Defended,
    HearingAt,
    HearingPlace,
    PlannedHead,
    PlannedTitle,
    Served,
    RemindedWeek,
    RemindedDay,
    ReconsiderationNo,
    Lead,
    OwnerUnit,
    Risk,
    Progress,
}

use Column as C;

/// An office's new template: the columns it appends, from the first report on or after
/// `from`.
pub struct Adoption {
    pub from: NaiveDate,
    pub columns: &'static [(&'static str, Column)],
}

#[rustfmt::skip]
const RECON_WORK: &[(&str, Column)] = &[
    ("简易程序", C::Simplified), ("副本送达日期", C::CopyServed), ("答复日期", C::Answered),
    ("是否延期", C::Extended), ("中止日期", C::Suspended), ("恢复审理日期", C::Resumed),
    ("责任单位", C::OwnerUnit), ("风险等级", C::Risk), ("化解进展", C::Progress),
];
/// For templates that had no 包案领导 column.
#[rustfmt::skip]
const RECON_WORK_AND_LEAD: &[(&str, Column)] = &[
    ("简易程序", C::Simplified), ("副本送达日期", C::CopyServed), ("答复日期", C::Answered),
    ("是否延期", C::Extended), ("中止日期", C::Suspended), ("恢复审理日期", C::Resumed),
    ("包案领导", C::Lead), ("责任单位", C::OwnerUnit), ("风险等级", C::Risk),
    ("化解进展", C::Progress),
];
#[rustfmt::skip]
const FUQUAN_WORK: &[(&str, Column)] = &[
    ("是否简易程序", C::Simplified), ("副本发送日期", C::CopyServed),
    ("答复提交日期", C::Answered), ("延期审理", C::Extended), ("中止日期", C::Suspended),
    ("恢复日期", C::Resumed), ("包案领导", C::Lead), ("承办单位", C::OwnerUnit),
    ("风险等级", C::Risk), ("工作进展", C::Progress),
];
#[rustfmt::skip]
const WENGAN_WORK: &[(&str, Column)] = &[
    ("简易程序", C::Simplified), ("答复通知送达日期", C::CopyServed),
    ("书面答复日期", C::Answered), ("是否延期", C::Extended), ("中止日期", C::Suspended),
    ("恢复审理日期", C::Resumed), ("包案领导", C::Lead), ("责任单位", C::OwnerUnit),
    ("风险等级", C::Risk), ("进展情况", C::Progress),
];
/// 长顺县 takes the deadline columns only.
#[rustfmt::skip]
const DEADLINES_ONLY: &[(&str, Column)] = &[
    ("简易程序", C::Simplified), ("副本送达日期", C::CopyServed), ("答复日期", C::Answered),
    ("是否延期", C::Extended), ("中止日期", C::Suspended), ("恢复审理日期", C::Resumed),
];

const fn adopts(from: NaiveDate, columns: &'static [(&'static str, Column)]) -> Adoption {
    Adoption { from, columns }
}

/// The prefecture's own office with its 2021 template; 都匀市 in April; most counties when
/// the work list starts in July (平塘县 a month later); 罗甸县 and 三都 keep the old one.
/// In the order of `UNITS`.
const RECON_ADOPTION: [Option<Adoption>; 13] = [
    Some(adopts(ymd(2021, 4, 2), RECON_WORK_AND_LEAD)),
    Some(adopts(ymd(2021, 7, 2), FUQUAN_WORK)),
    Some(adopts(ymd(2021, 7, 2), RECON_WORK_AND_LEAD)),
    Some(adopts(ymd(2021, 7, 2), RECON_WORK)),
    Some(adopts(ymd(2021, 7, 2), WENGAN_WORK)),
    Some(adopts(ymd(2021, 7, 2), RECON_WORK)),
    Some(adopts(ymd(2021, 8, 13), RECON_WORK_AND_LEAD)),
    None,
    Some(adopts(ymd(2021, 7, 2), DEADLINES_ONLY)),
    Some(adopts(ymd(2021, 7, 2), RECON_WORK)),
    Some(adopts(ymd(2021, 7, 2), RECON_WORK_AND_LEAD)),
    None,
    Some(adopts(ymd(2021, 1, 1), RECON_WORK)),
];

#[rustfmt::skip]
const MIDDLE_WORK: &[(&str, Column)] = &[
    ("起诉状副本收到日期", C::ComplaintReceived), ("答辩日期", C::Defended),
    ("开庭时间", C::HearingAt), ("开庭地点", C::HearingPlace),
    ("拟出庭负责人", C::PlannedHead), ("拟出庭负责人职务", C::PlannedTitle),
    ("一次提醒日期", C::RemindedWeek), ("二次提醒日期", C::RemindedDay),
    ("裁判文书送达日期", C::Served), ("复议案号", C::ReconsiderationNo),
    ("包案领导", C::Lead), ("责任单位", C::OwnerUnit), ("风险等级", C::Risk),
    ("化解进展", C::Progress),
];
#[rustfmt::skip]
const DUYUN_COURT_WORK: &[(&str, Column)] = &[
    ("应诉通知收到日期", C::ComplaintReceived), ("答辩状提交日期", C::Defended),
    ("开庭时间", C::HearingAt), ("开庭地点", C::HearingPlace),
    ("拟出庭人员", C::PlannedHead), ("拟出庭负责人职务", C::PlannedTitle),
    ("一次提醒日期", C::RemindedWeek), ("二次提醒日期", C::RemindedDay),
    ("判决送达日期", C::Served), ("原复议案号", C::ReconsiderationNo),
    ("包案领导", C::Lead), ("承办单位", C::OwnerUnit), ("败诉风险", C::Risk),
    ("工作进展", C::Progress),
];
/// 瓮安县人民法院's template already has 包案领导.
#[rustfmt::skip]
const WENGAN_COURT_WORK: &[(&str, Column)] = &[
    ("起诉状副本收到日期", C::ComplaintReceived), ("答辩日期", C::Defended),
    ("开庭时间", C::HearingAt), ("开庭地点", C::HearingPlace),
    ("拟出庭负责人", C::PlannedHead), ("拟出庭负责人职务", C::PlannedTitle),
    ("一次提醒日期", C::RemindedWeek), ("二次提醒日期", C::RemindedDay),
    ("裁判文书送达日期", C::Served), ("复议案号", C::ReconsiderationNo),
    ("责任单位", C::OwnerUnit), ("风险等级", C::Risk), ("化解进展", C::Progress),
];
/// 惠水县人民法院 does not track reconsideration numbers.
#[rustfmt::skip]
const HUISHUI_COURT_WORK: &[(&str, Column)] = &[
    ("起诉状副本收到日期", C::ComplaintReceived), ("答辩日期", C::Defended),
    ("开庭时间", C::HearingAt), ("开庭地点", C::HearingPlace),
    ("拟出庭负责人", C::PlannedHead), ("拟出庭负责人职务", C::PlannedTitle),
    ("一次提醒日期", C::RemindedWeek), ("二次提醒日期", C::RemindedDay),
    ("裁判文书送达日期", C::Served), ("包案领导", C::Lead), ("责任单位", C::OwnerUnit),
    ("风险等级", C::Risk), ("化解进展", C::Progress),
];

/// The 中院 with its 2021 template, the basic courts in July. In the order of `COURTS`.
const COURT_ADOPTION: [Option<Adoption>; 4] = [
    Some(adopts(ymd(2021, 1, 1), MIDDLE_WORK)),
    Some(adopts(ymd(2021, 7, 2), DUYUN_COURT_WORK)),
    Some(adopts(ymd(2021, 7, 2), WENGAN_COURT_WORK)),
    Some(adopts(ymd(2021, 7, 2), HUISHUI_COURT_WORK)),
];

/// A work-list cell before the office's date and boolean styles are applied.
#[derive(Clone, PartialEq, Eq)]
pub enum Value {
    Empty,
    Date(NaiveDate),
    Flag(bool),
    Text(String),
    /// 开庭时间: the hearing's date and time of day (`09:30`).
    Time(NaiveDate, &'static str),
}

/// What a row shows of the work list in one report: the 包案领导 (also where an old
/// template has that column), a 备注 in place of the case's own, and the appended cells.
#[derive(Clone, PartialEq, Eq)]
pub struct WorkRow {
    pub lead: String,
    pub note: Option<&'static str>,
    pub cells: Vec<Value>,
}

pub struct ReconWork {
    pub deadlines: ReconDeadlines,
    pub bao: Option<Bao>,
}

pub struct LitWork {
    pub deadlines: LitDeadlines,
    pub hearing: Option<Hearing>,
    pub bao: Option<Bao>,
}

/// The work-list facts of every case, in the order of `Population`'s vectors.
pub struct Worklist {
    pub recon: Vec<ReconWork>,
    pub lit: Vec<LitWork>,
}

/// A generator for one aspect of one case: changing how one aspect is drawn leaves the
/// others as they were.
fn rng_for(aspect: u64, key: &str) -> Rng {
    // FNV-1a of the case number.
    let hash = key.bytes().fold(0xCBF2_9CE4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01B3)
    });
    Rng::new(SEED ^ hash ^ aspect.wrapping_mul(0x9E37_79B9_7F4A_7C15))
}

fn recon_key(case: &Recon) -> String {
    case.number(("(", ")"))
}

fn lit_key(case: &Lit) -> String {
    case.number(("(", ")"))
}

/// The first report of an office's new template, and its columns.
pub struct Adopted {
    pub at: usize,
    pub columns: &'static [(&'static str, Column)],
}

fn adopted(adoption: Option<&Adoption>, calendar: &Calendar) -> Option<Adopted> {
    adoption.map(|a| Adopted {
        at: calendar.first_showing(a.from, false),
        columns: a.columns,
    })
}

pub fn recon_adoption(unit: usize, calendar: &Calendar) -> Option<Adopted> {
    adopted(RECON_ADOPTION[unit].as_ref(), calendar)
}

pub fn court_adoption(court: usize, calendar: &Calendar) -> Option<Adopted> {
    adopted(COURT_ADOPTION[court].as_ref(), calendar)
}

impl Adopted {
    fn has(&self, column: Column) -> bool {
        self.columns.iter().any(|(_, c)| *c == column)
    }

    /// Whether a case closed as report `known_closed` first showed still gets the columns.
    fn fills(&self, known_closed: Option<usize>) -> bool {
        known_closed.is_none_or(|k| k >= self.at)
    }
}

/// Whether a case's rows in the work-list season carry `column`.
fn carries(adopted: Option<&Adopted>, known_closed: Option<usize>, column: Column) -> bool {
    adopted.is_some_and(|a| a.has(column) && a.fills(known_closed))
}

impl Worklist {
    pub fn plan(population: &Population, calendar: &Calendar) -> Self {
        Self {
            recon: plan_reviews(&population.recon, calendar),
            lit: plan_lawsuits(population, calendar),
        }
    }
}

fn plan_reviews(cases: &[Recon], calendar: &Calendar) -> Vec<ReconWork> {
    let adopted: Vec<Option<Adopted>> = (0..RECON_ADOPTION.len())
        .map(|unit| recon_adoption(unit, calendar))
        .collect();
    let fortnightly = |case: &Recon| FORTNIGHTLY_UNITS.contains(&case.unit);
    let subjects: Vec<Subject> = cases
        .iter()
        .map(|case| {
            let eligible = carries(
                adopted[case.unit].as_ref(),
                case.known_closed,
                Column::Progress,
            );
            let named = !case.lead.is_empty() && RECON_LEAD_SHOWN.contains(&case.unit);
            Subject::recon(case, named, eligible, fortnightly(case))
        })
        .collect();
    let picked = baoan::pick(&subjects);
    cases
        .iter()
        .zip(subjects.iter().zip(picked))
        .map(|(case, (subject, picked))| {
            let key = recon_key(case);
            let deadlines =
                deadlines::recon(case, calendar, &mut rng_for(1, &key), fortnightly(case));
            let bao = picked.then(|| {
                let path = Path {
                    reconsideration: true,
                    outcome: case.outcome,
                    lost_or_corrected: case
                        .corrected_flag
                        .unwrap_or_else(|| recon_corrects(case.outcome)),
                    recon: Some(&deadlines),
                    hearing: None,
                    head: None,
                };
                baoan::bao(subject, &path, calendar, &mut rng_for(4, &key))
            });
            ReconWork { deadlines, bao }
        })
        .collect()
}

fn plan_lawsuits(population: &Population, calendar: &Calendar) -> Vec<LitWork> {
    let cases = &population.lit;
    let adopted: Vec<Option<Adopted>> = (0..COURT_ADOPTION.len())
        .map(|court| court_adoption(court, calendar))
        .collect();
    let fortnightly = |case: &Lit| case.court == FORTNIGHTLY_COURT;
    let carried =
        |case: &Lit, column| carries(adopted[case.court].as_ref(), case.known_closed, column);
    let mut deadlines: Vec<LitDeadlines> = cases
        .iter()
        .map(|case| {
            deadlines::lit(
                case,
                calendar,
                &mut rng_for(2, &lit_key(case)),
                fortnightly(case),
            )
        })
        .collect();
    deadlines::link_reconsiderations(
        &population.recon,
        cases,
        |i| carried(&cases[i], Column::ReconsiderationNo),
        &mut deadlines,
    );
    let september = hearings::september(cases);
    let hearings: Vec<Option<Hearing>> = cases
        .iter()
        .enumerate()
        .map(|(i, case)| {
            let set = september.iter().find(|(j, _)| *j == i).map(|(_, day)| *day);
            let date = case.hearing.or(set)?;
            let mut rng = rng_for(3, &lit_key(case));
            Some(hearings::plan(
                case,
                date,
                calendar,
                &mut rng,
                fortnightly(case),
            ))
        })
        .collect();
    let subjects: Vec<Subject> = cases
        .iter()
        .zip(&hearings)
        .map(|(case, hearing)| {
            let eligible = carried(case, Column::Progress);
            let named = !case.lead.is_empty() && case.court == COURT_LEAD_SHOWN;
            Subject::lit(case, hearing.as_ref(), named, eligible, fortnightly(case))
        })
        .collect();
    let picked = baoan::pick(&subjects);
    let facts = deadlines.into_iter().zip(hearings);
    cases
        .iter()
        .zip(subjects.iter().zip(picked))
        .zip(facts)
        .map(|((case, (subject, picked)), (deadlines, hearing))| {
            let bao = picked.then(|| {
                let path = Path {
                    reconsideration: false,
                    outcome: case.outcome,
                    lost_or_corrected: case.lost_flag.unwrap_or_else(|| lit_loses(case.outcome)),
                    recon: None,
                    hearing: hearing.as_ref(),
                    head: case.hearing.and(case.head),
                };
                baoan::bao(subject, &path, calendar, &mut rng_for(4, &lit_key(case)))
            });
            LitWork {
                deadlines,
                hearing,
                bao,
            }
        })
        .collect()
}

fn date_by(fact: Option<Known>, report: usize) -> Value {
    fact.and_then(|k| k.by(report))
        .map_or(Value::Empty, Value::Date)
}

fn text(text: Option<&str>) -> Value {
    text.map_or(Value::Empty, |t| Value::Text(t.to_string()))
}

/// The 包案领导 a report shows.
fn lead_by(bao: Option<&Bao>, report: usize) -> String {
    bao.filter(|b| b.from <= report)
        .map(|b| b.lead.clone())
        .unwrap_or_default()
}

/// The 包案 cells a report shows, or `None` for another column.
fn bao_value(bao: Option<&Bao>, column: Column, report: usize) -> Option<Value> {
    let bao = bao.filter(|b| b.from <= report);
    Some(match column {
        C::Lead => text(bao.map(|b| b.lead.as_str())),
        C::OwnerUnit => text(bao.map(|b| b.owner_unit.as_str())),
        C::Risk => text(bao.map(|b| b.risk)),
        C::Progress => text(bao.and_then(|b| b.progress_by(report))),
        _ => return None,
    })
}

/// A reconsideration row's work list in report `report`.
pub fn recon_row(
    case: &Recon,
    work: &ReconWork,
    adopted: Option<&Adopted>,
    report: usize,
    view: &ReconView,
) -> WorkRow {
    let lead = lead_by(work.bao.as_ref(), report);
    let Some(adopted) = adopted.filter(|a| a.at <= report) else {
        return WorkRow {
            lead,
            note: None,
            cells: Vec::new(),
        };
    };
    let fills = adopted.fills(case.known_closed);
    let facts = &work.deadlines;
    let accepted = view.accepted.is_some();
    let cells = adopted
        .columns
        .iter()
        .map(|&(_, column)| {
            if !fills {
                return Value::Empty;
            }
            if let Some(value) = bao_value(work.bao.as_ref(), column, report) {
                return value;
            }
            match column {
                C::Simplified if accepted => Value::Flag(facts.simplified),
                C::Extended if accepted => {
                    Value::Flag(facts.extended.and_then(|k| k.by(report)).is_some())
                }
                C::CopyServed => date_by(facts.copy_served, report),
                C::Answered => date_by(facts.answered, report),
                C::Suspended => date_by(facts.suspended, report),
                C::Resumed => date_by(facts.resumed, report),
                _ => Value::Empty,
            }
        })
        .collect();
    // While a review runs, the 备注 says what the new columns say.
    let running = fills && accepted && view.closed.is_none();
    let note = running.then(|| {
        let by = |fact: Option<Known>| fact.and_then(|k| k.by(report)).is_some();
        if by(facts.suspended) && !by(facts.resumed) {
            "中止审理"
        } else if by(facts.extended) {
            "延期审理"
        } else {
            ""
        }
    });
    WorkRow { lead, note, cells }
}

/// A litigation row's work list in report `report`; shows a scheduled hearing's date in the
/// view ahead of the hearing.
pub fn lit_row(
    case: &Lit,
    work: &LitWork,
    adopted: Option<&Adopted>,
    report: usize,
    view: &mut LitView,
) -> WorkRow {
    let lead = lead_by(work.bao.as_ref(), report);
    // A case closed before the court adopted the columns shows them empty: no cells, so
    // that the row is not sent again for them.
    let Some(adopted) = adopted.filter(|a| a.at <= report && a.fills(case.known_closed)) else {
        return WorkRow {
            lead,
            note: None,
            cells: Vec::new(),
        };
    };
    let hearing = work.hearing.as_ref().filter(|h| h.scheduled <= report);
    if let Some(hearing) = hearing
        && view.hearing.is_none()
    {
        view.hearing = Some(hearing.date);
    }
    let facts = &work.deadlines;
    let planned = hearing.and_then(|h| h.planned_by(report));
    let cells = adopted
        .columns
        .iter()
        .map(|&(_, column)| {
            if let Some(value) = bao_value(work.bao.as_ref(), column, report) {
                return value;
            }
            match column {
                C::ComplaintReceived => date_by(facts.complaint_received, report),
                C::Defended => date_by(facts.defended, report),
                C::Served => date_by(facts.served, report),
                C::ReconsiderationNo => text(facts.reconsideration_no.as_deref()),
                C::HearingAt => hearing.map_or(Value::Empty, |h| Value::Time(h.date, h.time)),
                C::HearingPlace => text(hearing.map(|h| h.place)),
                C::PlannedHead => text(planned.map(|p| p.0)),
                C::PlannedTitle => text(planned.map(|p| p.1)),
                C::RemindedWeek => date_by(hearing.and_then(|h| h.reminded_week), report),
                C::RemindedDay => date_by(hearing.and_then(|h| h.reminded_day), report),
                _ => Value::Empty,
            }
        })
        .collect();
    WorkRow {
        lead,
        note: None,
        cells,
    }
}
