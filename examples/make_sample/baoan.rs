//! 包案 (SPEC §7.5): the county and prefecture leaders who own the resolution of the cases at
//! risk, the agency responsible, the risk level, and the progress notes that change from week
//! to week as a case moves. Each unit has a small roster of leaders and a leader owns the
//! cases of the field they are in charge of (分管), so that one leader's cases add up. The
//! cases an office already showed a 包案领导 for keep one, now from the roster; a handful
//! more per unit are the riskiest: those that end 纠错 or 败诉, or open ones with a hearing
//! near.

use chrono::{Datelike, NaiveDate, TimeDelta};

use super::calendar::{Calendar, Rng, SEASON_END, ymd};
use super::cases::{Instance, Lit, Recon};
use super::deadlines::ReconDeadlines;
use super::hearings::Hearing;
use super::holidays::on_or_after;
use super::names::{UNITS, ZHOU, lit_loses, recon_corrects};

pub struct Bao {
    pub lead: String,
    /// The first report that names the lead.
    pub from: usize,
    pub owner_unit: String,
    pub risk: &'static str,
    /// Progress notes, each the latest from its report on.
    pub progress: Vec<(usize, String)>,
}

impl Bao {
    /// The progress note as report `report` shows it.
    pub fn progress_by(&self, report: usize) -> Option<&str> {
        self.progress
            .iter()
            .rev()
            .find(|(from, _)| *from <= report)
            .map(|(_, note)| note.as_str())
    }
}

/// Each unit's leaders who take cases, in the order of `UNITS`: the first owns land,
/// housing and enforcement matters, the second the rest, a third (where there is one)
/// information disclosure and inaction.
const ROSTER: [&[&str]; 13] = [
    &["副市长 黄某", "副市长 蒙某", "市委常委 刘某"],
    &["副市长 杨某", "副市长 孙某"],
    &["副县长 覃某", "副县长 莫某"],
    &["副县长 王某", "县委常委 宋某"],
    &["副县长 冯某", "副县长 邓某"],
    &["副县长 韦某", "副县长 梁某"],
    &["副县长 岑某", "副县长 谢某"],
    &["副县长 班某", "副县长 唐某"],
    &["副县长 袁某", "副县长 曾某"],
    &["副县长 陆某", "县委常委 彭某"],
    &["副县长 罗某", "副县长 田某"],
    &["副县长 潘某", "副县长 石某"],
    &["副州长 赵某", "副州长 龙某", "州司法局局长 吴某"],
];

/// New 包案 cases per unit and ledger, beyond those the ledgers already named a leader for.
const PER_UNIT: usize = 4;
/// A closed case is picked only if it closed from May 2021 on, in the work list's season.
const PICKED_FROM: NaiveDate = ymd(2021, 5, 1);

fn leader(unit: usize, matter: &str) -> String {
    let roster = ROSTER[unit];
    let field = match matter {
        "征收补偿" | "行政强制" | "行政确认" => 0,
        "政府信息公开" | "行政不作为" if roster.len() > 2 => 2,
        _ => 1,
    };
    roster[field].to_string()
}

/// The agency that answers for a case: the respondent or defendant, or for a government
/// the department in charge of the matter.
fn owner_unit(unit: usize, agency: &str, matter: &str) -> String {
    if !agency.ends_with("人民政府") {
        return agency.to_string();
    }
    let place = if unit == ZHOU {
        "黔南州"
    } else {
        UNITS[unit]
    };
    let department = match matter {
        "征收补偿" => "自然资源局",
        "行政强制" => "综合行政执法局",
        "行政不作为" => "司法局",
        _ => "人民政府办公室",
    };
    format!("{place}{department}")
}

/// Why a case is picked: the lower, the riskier.
fn recon_priority(case: &Recon) -> Option<u8> {
    let corrected = case
        .corrected_flag
        .unwrap_or_else(|| recon_corrects(case.outcome));
    match case.closed {
        Some(closed) if closed >= PICKED_FROM && corrected => Some(0),
        None if case.accepted.is_some_and(|a| a <= ymd(2021, 8, 10)) => Some(1),
        Some(closed)
            if closed >= ymd(2021, 6, 1)
                && matches!(case.outcome, "调解" | "调解结案" | "和解" | "和解撤回")
                && matches!(case.matter, "征收补偿" | "行政强制") =>
        {
            Some(2)
        }
        _ => None,
    }
}

fn lit_priority(case: &Lit, hearing: Option<&Hearing>) -> Option<u8> {
    if case.instance != Instance::First {
        return None;
    }
    let lost = case.lost_flag.unwrap_or_else(|| lit_loses(case.outcome));
    let near = hearing.is_some_and(|h| ymd(2021, 8, 1) <= h.date && h.date <= ymd(2021, 9, 30));
    match case.closed {
        Some(closed) if closed >= PICKED_FROM && lost => Some(0),
        None if near => Some(1),
        None if case.defendant.ends_with("人民政府") => Some(2),
        _ => None,
    }
}

/// A case as the 包案 planner sees it.
pub struct Subject<'a> {
    pub unit: usize,
    pub agency: &'a str,
    pub matter: &'a str,
    /// The ledger already names a leader.
    pub named: bool,
    /// The case's row shows 包案领导 and 化解进展 in the work-list season.
    pub eligible: bool,
    pub priority: Option<u8>,
    /// When the case came in, and the first report that shows it.
    pub opened: (NaiveDate, usize),
    pub closed: Option<NaiveDate>,
    pub fortnightly: bool,
}

impl<'a> Subject<'a> {
    pub fn recon(case: &'a Recon, named: bool, eligible: bool, fortnightly: bool) -> Self {
        Self {
            unit: case.unit,
            agency: &case.respondent,
            matter: case.matter,
            named,
            eligible,
            priority: recon_priority(case),
            opened: (case.accepted.unwrap_or(case.received), case.known_received),
            closed: case.closed,
            fortnightly,
        }
    }

    pub fn lit(
        case: &'a Lit,
        hearing: Option<&Hearing>,
        named: bool,
        eligible: bool,
        fortnightly: bool,
    ) -> Self {
        Self {
            unit: case.unit,
            agency: &case.defendant,
            matter: case.matter,
            named,
            eligible,
            priority: lit_priority(case, hearing),
            opened: (case.filed, case.known_filed),
            closed: case.closed,
            fortnightly,
        }
    }
}

/// Which subjects are 包案: every named one, and per unit the `PER_UNIT` riskiest eligible
/// ones (by priority, then the latest-moving first).
pub fn pick(subjects: &[Subject]) -> Vec<bool> {
    let mut picked: Vec<bool> = subjects.iter().map(|s| s.named).collect();
    for unit in 0..UNITS.len() {
        let mut candidates: Vec<usize> = (0..subjects.len())
            .filter(|&i| {
                let s = &subjects[i];
                s.unit == unit && s.eligible && !s.named && s.priority.is_some()
            })
            .collect();
        candidates.sort_by_key(|&i| {
            let s = &subjects[i];
            (
                s.priority,
                std::cmp::Reverse(s.closed.unwrap_or(SEASON_END)),
                i,
            )
        });
        for i in candidates.into_iter().take(PER_UNIT) {
            picked[i] = true;
        }
    }
    picked
}

/// What a review's or a lawsuit's path looks like to the progress notes.
pub struct Path<'a> {
    pub reconsideration: bool,
    /// The ending as the outcome spelling gives it (empty while open).
    pub outcome: &'a str,
    pub lost_or_corrected: bool,
    pub recon: Option<&'a ReconDeadlines>,
    pub hearing: Option<&'a Hearing>,
    /// Whether the head appeared at the hearing (when it is known).
    pub head: Option<bool>,
}

pub fn bao(subject: &Subject, path: &Path, calendar: &Calendar, rng: &mut Rng) -> Bao {
    let (opened, shown) = subject.opened;
    let assigned = if subject.named {
        opened
    } else {
        on_or_after(opened + TimeDelta::days(rng.between(3, 15)))
    };
    let assigned = subject.closed.map_or(assigned, |c| assigned.min(c));
    let from = if subject.named {
        0
    } else {
        calendar
            .first_showing(assigned, subject.fortnightly)
            .max(shown)
    };
    let risk = if path.lost_or_corrected || subject.priority == Some(1) || rng.percent(35) {
        "高"
    } else {
        "中"
    };
    let progress = notes(assigned, subject.closed, path, rng)
        .into_iter()
        .filter_map(|(day, note)| {
            let known = calendar.fact(day, subject.fortnightly, from)?;
            Some((
                known.from,
                format!("{}月{}日，{note}", day.month(), day.day()),
            ))
        })
        .collect();
    Bao {
        lead: leader(subject.unit, subject.matter),
        from,
        owner_unit: owner_unit(subject.unit, subject.agency, subject.matter),
        risk,
        progress,
    }
}

/// The dated progress notes from the day the case was taken on to its closing.
fn notes(
    assigned: NaiveDate,
    closed: Option<NaiveDate>,
    path: &Path,
    rng: &mut Rng,
) -> Vec<(NaiveDate, String)> {
    let end = closed.unwrap_or(SEASON_END + TimeDelta::days(1));
    let script = Script::of(path);
    let mut notes = vec![(
        assigned + TimeDelta::days(rng.between(1, 4)),
        script.opening.to_string(),
    )];
    notes.extend(milestones(path));
    // Between the milestones, a step every one to three weeks.
    let hearing = path.hearing.map(|h| h.date);
    let mut day = assigned + TimeDelta::days(rng.between(7, 18));
    let (mut before, mut after) = (0, 0);
    while day < end - TimeDelta::days(3) {
        let note = if hearing.is_some_and(|h| day > h) {
            after += 1;
            script.after_hearing[(after - 1) % script.after_hearing.len()]
        } else {
            before += 1;
            let step = before - 1;
            script.steps.get(step).copied().unwrap_or_else(|| {
                script.ongoing[(step - script.steps.len()) % script.ongoing.len()]
            })
        };
        notes.push((day, note.to_string()));
        day += TimeDelta::days(rng.between(7, 18));
    }
    if let Some(closed) = closed {
        if let Some(near) = script.near_closing {
            notes.push((
                closed - TimeDelta::days(rng.between(2, 6)),
                near.to_string(),
            ));
        }
        notes.push((closed, script.closing.to_string()));
    }
    // Notes are written on working days; the closing's own day stays as it is.
    for (day, _) in &mut notes {
        if closed != Some(*day) {
            *day = on_or_after(*day);
        }
    }
    notes.retain(|(day, _)| *day <= end && closed.is_none_or(|c| *day <= c));
    // A note on the same day as a later-listed one gives way to it.
    notes.sort_by_key(|(day, _)| *day);
    notes.reverse();
    notes.dedup_by_key(|(day, _)| *day);
    notes.reverse();
    notes
}

/// Notes that the case's own dates call for.
fn milestones(path: &Path) -> Vec<(NaiveDate, String)> {
    let mut notes = Vec::new();
    if let Some(facts) = path.recon {
        if let Some(answered) = facts.answered {
            notes.push((answered.date, "被申请人已提交书面答复和证据".to_string()));
        }
        if let Some(suspended) = facts.suspended {
            let note = "因需等待相关案件结果，本案中止审理，持续跟进";
            notes.push((suspended.date, note.to_string()));
        }
        if let Some(resumed) = facts.resumed {
            notes.push((resumed.date, "中止原因消除，已恢复审理".to_string()));
        }
    }
    if let Some(hearing) = path.hearing {
        let (m, d) = (hearing.date.month(), hearing.date.day());
        if let Some(first) = hearing.reminded_week {
            notes.push((
                first.date,
                format!("已提醒被告，{m}月{d}日开庭，要求负责人出庭"),
            ));
        }
        let held = hearing.date + TimeDelta::days(1);
        let note = match path.head {
            Some(true) => "已开庭，负责人出庭应诉，等待判决",
            Some(false) => "已开庭，负责人未出庭，已约谈被告",
            None => "已开庭，等待判决",
        };
        notes.push((held, note.to_string()));
    }
    notes
}

/// The words of the progress notes, by the path a case takes.
struct Script {
    opening: &'static str,
    steps: &'static [&'static str],
    /// Once the steps are used up, while the case goes on.
    ongoing: &'static [&'static str],
    after_hearing: &'static [&'static str],
    near_closing: Option<&'static str>,
    closing: &'static str,
}

/// How a case ends, as far as its notes tell.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ending {
    CorrectedOrLost,
    Withdrawn,
    Mediated,
    /// Upheld, dismissed, or closed otherwise.
    Kept,
    Open,
}

impl Ending {
    fn of(path: &Path) -> Self {
        match path.outcome {
            _ if path.lost_or_corrected => Ending::CorrectedOrLost,
            "" => Ending::Open,
            "准许撤诉" | "撤诉" | "按撤诉处理" | "撤回申请" | "终止" => {
                Ending::Withdrawn
            }
            "调解" | "调解结案" | "和解" | "和解撤回" => Ending::Mediated,
            _ => Ending::Kept,
        }
    }
}

/// Steps between the milestones, the note just before the closing, and the closing's.
type Words = (&'static [&'static str], Option<&'static str>, &'static str);

impl Script {
    fn of(path: &Path) -> Self {
        let ending = Ending::of(path);
        let ((steps, near_closing, closing), opening, ongoing): (_, _, &[&str]) =
            if path.reconsideration {
                (
                    review_words(ending),
                    "已明确责任单位，调阅案卷梳理争议焦点",
                    &[
                        "持续跟进，督促被申请人配合审理",
                        "已与申请人再次沟通，了解最新诉求",
                        "已向包案领导汇报进展",
                    ],
                )
            } else {
                (
                    lawsuit_words(ending),
                    "已督促被告按期答辩举证",
                    &[
                        "持续跟进，督促被告做好应诉准备",
                        "已与原告再次沟通，了解最新诉求",
                        "已向包案领导汇报进展",
                    ],
                )
            };
        Self {
            opening,
            steps,
            ongoing,
            after_hearing: &["已向法院了解审理进展", "正在与原告沟通，争取庭后和解"],
            near_closing,
            closing,
        }
    }
}

fn review_words(ending: Ending) -> Words {
    const SETTLING: &[&str] = &[
        "已约谈被申请人，拟调解",
        "已组织双方座谈，了解申请人诉求",
        "调解方案已初步形成，正在征求申请人意见",
    ];
    match ending {
        Ending::CorrectedOrLost => (
            &[
                "已约谈被申请人，指出原行为程序问题",
                "已组织听证",
                "已召开案审会研究，原行为证据不足",
            ],
            Some("案审会意见为纠错，已通报被申请人"),
            "已作出纠错决定，督促被申请人整改到位",
        ),
        Ending::Mediated => (SETTLING, Some("申请人同意撤回"), "已调解结案，申请人息诉"),
        Ending::Withdrawn => (SETTLING, Some("申请人同意撤回"), "申请人已撤回申请，结案"),
        Ending::Open => (
            &[
                "已约谈被申请人，拟调解",
                "已组织听证",
                "已召开案审会研究",
                "正在协调双方，推动实质性化解",
            ],
            None,
            "",
        ),
        Ending::Kept => (
            &[
                "已组织听证",
                "已向申请人释法说理",
                "已召开案审会研究，拟维持",
            ],
            Some("已做好申请人思想工作"),
            "已作出复议决定，跟踪申请人是否起诉",
        ),
    }
}

fn lawsuit_words(ending: Ending) -> Words {
    match ending {
        Ending::CorrectedOrLost => (
            &[
                "已召开庭前研判会，败诉风险较高",
                "已约谈被告主要负责人",
                "已与原告沟通，协调化解未果",
            ],
            None,
            "一审败诉，已组织研判，督促被告整改",
        ),
        Ending::Withdrawn => (
            &["已与原告沟通，探索协调化解", "被告正在自查，拟自行纠正"],
            Some("原告同意撤诉"),
            "原告已撤诉，化解完毕",
        ),
        Ending::Mediated => (
            &["已与原告沟通，探索协调化解"],
            Some("双方就调解方案达成一致"),
            "已调解结案",
        ),
        Ending::Open => (
            &[
                "已召开庭前研判会",
                "已与原告沟通，探索协调化解",
                "已约谈被告主要负责人，督促完善证据",
            ],
            None,
            "",
        ),
        Ending::Kept => (
            &["已召开庭前研判会", "已督促被告完善证据"],
            None,
            "一审结案，跟踪原告是否上诉",
        ),
    }
}
