//! The two ledgers beside the case ledgers (SPEC §9): each unit's 整改台账 (the 行政复议意见书,
//! 行政复议建议书 and 司法建议书 its agencies were sent, their replies and rectification) and
//! its 诉前台账 (major disputes handled before court). Drawn after the cases and the work list
//! from a seed of their own, so that adding them changed no case; their only trace in the
//! case files is the lawsuits of the disputes that went to court, which `sources` appends
//! after every other row of their court's files. The lawsuits never touch a January–August
//! figure: those of 2020 end without a hearing between September and December 2020, those of
//! 2021 are still waiting for their hearing on 31 August 2021.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate, TimeDelta};

use super::calendar::{Calendar, Known, Rng, SEASON_END, ymd};
use super::cases::{Instance, Lit, Recon, Typing};
use super::deadlines;
use super::holidays::{on_or_after, on_or_before, period_end, working_days_after};
use super::names::recon_corrects;
use super::names::{COURTS, GOVERNMENT_MATTERS, JUDGES, MIDDLE_COURT, RECON_PREFIX, UNITS, ZHOU};
use super::population::{FORTNIGHTLY_COURT, FORTNIGHTLY_UNITS, Population, agency, person, place};
use super::styles::{DateStyle, format_date, push_line};
use super::worklist::LitWork;

const SEED: u64 = 0x5EED_2021_0831_0009;
/// A dispute that goes to court later than this is still 未化解 in the season's files: its
/// lawsuit would not be in them yet.
const LAST_FILING: NaiveDate = ymd(2021, 7, 30);

/// 文书类型 of a document.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum DocKind {
    Opinion,
    Proposal,
    Judicial,
}

impl DocKind {
    fn label(self) -> &'static str {
        match self {
            DocKind::Opinion => "行政复议意见书",
            DocKind::Proposal => "行政复议建议书",
            DocKind::Judicial => "司法建议书",
        }
    }
}

/// A document sent to an agency, and what became of it; `Known` facts carry the first
/// report that shows them.
pub struct Doc {
    pub unit: usize,
    pub year: i32,
    pub prefix: String,
    pub seq: u32,
    pub kind: DocKind,
    pub issuer: String,
    pub addressee: String,
    pub linked: Option<String>,
    pub issued: Known,
    pub received: Option<Known>,
    /// The 回复期限 written on a 建议书 or 司法建议书 (an 意见书's follows from the law).
    pub reply_due: Option<NaiveDate>,
    pub replied: Option<Known>,
    /// 整改中 from the reply on, unless rectified at once.
    pub in_progress: Option<Known>,
    pub done: Option<Known>,
}

/// A major dispute handled before court.
pub struct Dispute {
    pub unit: usize,
    pub year: i32,
    pub seq: u32,
    pub agency: String,
    pub matter: &'static str,
    pub received: Known,
    pub reviewed: Option<Known>,
    pub planned: Option<Known>,
    pub court_received: Option<Known>,
    pub mediation: Option<Known>,
    pub result: &'static str,
    pub resolved: Option<Known>,
}

impl Doc {
    pub fn number(&self) -> String {
        format!("{}〔{}〕{}号", self.prefix, self.year, self.seq)
    }

    fn finished_by(&self, report: usize) -> bool {
        self.done.is_some_and(|k| k.by(report).is_some())
    }
}

impl Dispute {
    pub fn number(&self) -> String {
        format!("{}诉前〔{}〕{}号", place(self.unit), self.year, self.seq)
    }

    fn finished_by(&self, report: usize) -> bool {
        self.resolved.is_some_and(|k| k.by(report).is_some())
    }
}

/// The documents, the disputes and the lawsuits of the disputes that went to court.
pub struct Records {
    pub docs: Vec<Doc>,
    pub disputes: Vec<Dispute>,
    pub lawsuits: Vec<(Lit, LitWork)>,
}

/// The court a unit's agencies are sued in at first instance (governments: the 中院).
fn court_for(unit: usize, government: bool) -> usize {
    match unit {
        _ if government => MIDDLE_COURT,
        0 | 2 | 5 | 11 | ZHOU => 1,
        1 | 3 | 4 | 9 => 2,
        _ => 3,
    }
}

/// A fact as an office that writes it down with the usual lag shows it; `None` after the
/// season.
fn know(
    calendar: &Calendar,
    rng: &mut Rng,
    date: NaiveDate,
    fortnightly: bool,
    not_before: usize,
) -> Option<Known> {
    if date > SEASON_END {
        return None;
    }
    let report = calendar.known(date, rng.lag());
    let report = if fortnightly {
        (report.div_ceil(2) * 2).min(calendar.last())
    } else {
        report
    };
    Some(Known {
        date,
        from: report.max(not_before),
    })
}

fn window(year: i32) -> (NaiveDate, NaiveDate) {
    if year == 2020 {
        (ymd(2020, 1, 6), ymd(2020, 12, 18))
    } else {
        (ymd(2021, 1, 4), ymd(2021, 8, 30))
    }
}

fn corrects(case: &Recon) -> bool {
    case.corrected_flag
        .unwrap_or_else(|| recon_corrects(case.outcome))
}

impl Records {
    pub fn draw(population: &Population, calendar: &Calendar) -> Self {
        let mut rng = Rng::new(SEED);
        let mut docs = Vec::new();
        let mut disputes = Vec::new();
        for unit in 0..UNITS.len() {
            let fortnightly = FORTNIGHTLY_UNITS.contains(&unit);
            for year in [2020, 2021] {
                draw_docs(
                    &mut docs,
                    population,
                    calendar,
                    &mut rng,
                    unit,
                    year,
                    fortnightly,
                );
                draw_disputes(&mut disputes, calendar, &mut rng, unit, year, fortnightly);
            }
        }
        number_docs(&mut docs);
        let lawsuits = lawsuits(&disputes, population, calendar, &mut rng);
        Self {
            docs,
            disputes,
            lawsuits,
        }
    }
}

fn draw_docs(
    docs: &mut Vec<Doc>,
    population: &Population,
    calendar: &Calendar,
    rng: &mut Rng,
    unit: usize,
    year: i32,
    fortnightly: bool,
) {
    let count = rng.between(2, 6) as usize;
    // The cases corrected from mid-November of the year before: a decision of late
    // December gets its 意见书 in the new year.
    let (from, to) = (
        ymd(year - 1, 11, 16),
        ymd(year, 11, 15).min(ymd(2021, 8, 13)),
    );
    let mut corrected: Vec<&Recon> = population
        .recon
        .iter()
        .filter(|case| {
            case.unit == unit && case.closed.is_some_and(|d| from <= d && d <= to) && corrects(case)
        })
        .collect();
    rng.shuffle(&mut corrected);
    // Mostly 意见书 on the corrected cases, the rest 建议书 and 司法建议书.
    let opinions = (count - count / 4).min(corrected.len());
    let own = RECON_PREFIX[unit].trim_end_matches("决字");
    let government = format!("{}人民政府", place(unit));
    for i in 0..count {
        let (kind, issued, addressee, linked) =
            if let Some(case) = corrected.get(i).filter(|_| i < opinions) {
                let closed = case.closed.unwrap_or(SEASON_END);
                let issued = on_or_after(closed + TimeDelta::days(rng.between(0, 12)))
                    .max(on_or_after(ymd(year, 1, 4)));
                (
                    DocKind::Opinion,
                    issued,
                    case.respondent.clone(),
                    Some(case.number(("〔", "〕"))),
                )
            } else {
                let kind = if rng.percent(55) {
                    DocKind::Proposal
                } else {
                    DocKind::Judicial
                };
                let issued = on_or_after(rng.day_in(window(year)));
                (kind, issued, agency(rng, unit).0, None)
            };
        let (prefix, sender) = match kind {
            DocKind::Opinion => (format!("{own}意"), government.clone()),
            DocKind::Proposal => (format!("{own}建"), government.clone()),
            DocKind::Judicial => {
                let (name, code) = COURTS[court_for(unit, false)];
                (format!("黔{code}司建"), name.to_owned())
            }
        };
        let Some(issued_known) = know(calendar, rng, issued, fortnightly, 0) else {
            continue;
        };
        let received = working_days_after(issued, rng.between(1, 4) as u32);
        let received_known = know(calendar, rng, received, fortnightly, issued_known.from);
        let reply_due = match kind {
            DocKind::Opinion => None,
            DocKind::Proposal => Some(period_end(received, 30)),
            DocKind::Judicial => Some(period_end(received, 60)),
        };
        let deadline = reply_due.unwrap_or_else(|| period_end(received, 60));
        let replied = match rng.below(100) {
            0..74 => {
                let span = (deadline - received).num_days();
                Some(on_or_after(received + TimeDelta::days(rng.between(7, span))).min(deadline))
            }
            74..91 => Some(on_or_after(deadline + TimeDelta::days(rng.between(2, 30)))),
            _ => None,
        };
        let not_before = received_known.map_or(issued_known.from, |k| k.from);
        let replied = replied.and_then(|day| know(calendar, rng, day, fortnightly, not_before));
        let (in_progress, done) = match replied {
            Some(reply) if rng.percent(75) => (None, Some(reply)),
            Some(reply) => {
                let day = on_or_after(reply.date + TimeDelta::days(rng.between(20, 120)));
                let done = rng
                    .percent(70)
                    .then(|| know(calendar, rng, day, fortnightly, reply.from))
                    .flatten();
                (Some(reply), done)
            }
            None => (None, None),
        };
        docs.push(Doc {
            unit,
            year,
            prefix,
            seq: 0,
            kind,
            issuer: sender,
            addressee,
            linked,
            issued: issued_known,
            received: received_known,
            reply_due,
            replied,
            in_progress,
            done,
        });
    }
}

/// Numbers per prefix and year, in order of issue.
fn number_docs(docs: &mut [Doc]) {
    let mut order: Vec<usize> = (0..docs.len()).collect();
    order.sort_by(|&a, &b| {
        (&docs[a].prefix, docs[a].year, docs[a].issued.date, a).cmp(&(
            &docs[b].prefix,
            docs[b].year,
            docs[b].issued.date,
            b,
        ))
    });
    let mut seqs: BTreeMap<(String, i32), u32> = BTreeMap::new();
    for i in order {
        let seq = seqs
            .entry((docs[i].prefix.clone(), docs[i].year))
            .or_insert(0);
        *seq += 1;
        docs[i].seq = *seq;
    }
}

/// A dispute's true dates and result, before they are numbered and learned.
struct Draft {
    received: NaiveDate,
    agency: String,
    matter: &'static str,
    reviewed: NaiveDate,
    planned: NaiveDate,
    court_received: Option<NaiveDate>,
    mediation: Option<NaiveDate>,
    result: &'static str,
    resolved: NaiveDate,
}

fn draft_dispute(rng: &mut Rng, unit: usize, year: i32) -> Draft {
    let received = on_or_after(rng.day_in(window(year)));
    let (agency, matter) = if rng.percent(12) {
        (
            format!("{}人民政府", place(unit)),
            rng.pick(&GOVERNMENT_MATTERS),
        )
    } else {
        agency(rng, unit)
    };
    // The expert group within its 3 working days and the plan within 5, mostly.
    let reviewed = if rng.percent(85) {
        working_days_after(received, rng.between(1, 3) as u32)
    } else {
        working_days_after(received, rng.between(4, 7) as u32)
    };
    let planned = if rng.percent(85) {
        working_days_after(received, rng.between(2, 5) as u32)
    } else {
        working_days_after(received, rng.between(6, 10) as u32)
    }
    .max(reviewed);
    // Some came with a complaint the court received and sent to coordination before
    // filing (its review within 7 working days, mostly); others go to coordination on the
    // plan.
    let (court_received, mediation) = match rng.below(100) {
        0..40 => {
            let complaint = on_or_after(received + TimeDelta::days(rng.between(0, 2)));
            let review = if rng.percent(85) {
                rng.between(1, 7)
            } else {
                rng.between(8, 12)
            };
            (
                Some(complaint),
                Some(working_days_after(complaint, review as u32)),
            )
        }
        40..70 => (
            None,
            Some(on_or_after(planned + TimeDelta::days(rng.between(0, 5)))),
        ),
        _ => (None, None),
    };
    let span = match mediation {
        Some(_) if rng.percent(85) => rng.between(7, 29),
        Some(_) => rng.between(31, 50),
        None => rng.between(5, 40),
    };
    let start = mediation.unwrap_or(planned).max(planned);
    let resolved = on_or_after(start + TimeDelta::days(span));
    let result = rng.weighted(&[
        ("化解成功", 62),
        ("未化解", 14),
        ("转入诉讼", 18),
        ("转入复议", 6),
    ]);
    Draft {
        received,
        agency,
        matter,
        reviewed,
        planned,
        court_received,
        mediation,
        result,
        resolved,
    }
}

fn draw_disputes(
    disputes: &mut Vec<Dispute>,
    calendar: &Calendar,
    rng: &mut Rng,
    unit: usize,
    year: i32,
    fortnightly: bool,
) {
    let count = rng.between(3, 8);
    let mut drafts: Vec<Draft> = (0..count).map(|_| draft_dispute(rng, unit, year)).collect();
    drafts.sort_by_key(|d| d.received);
    for (seq, d) in drafts.into_iter().enumerate() {
        let Some(received) = know(calendar, rng, d.received, fortnightly, 0) else {
            continue;
        };
        let mut learn = |day: Option<NaiveDate>, not_before: usize| {
            day.and_then(|day| know(calendar, rng, day, fortnightly, not_before))
        };
        let reviewed = learn(Some(d.reviewed), received.from);
        let planned = learn(Some(d.planned), received.from);
        let court_received = learn(d.court_received, received.from);
        let mediation = learn(d.mediation, received.from);
        let after = [planned, mediation]
            .into_iter()
            .flatten()
            .map(|k| k.from)
            .max()
            .unwrap_or(received.from);
        let resolved = learn(Some(d.resolved), after);
        let late = resolved.is_none_or(|k| k.date > LAST_FILING - TimeDelta::days(20));
        let result = if d.result == "转入诉讼" && late {
            "未化解"
        } else {
            d.result
        };
        disputes.push(Dispute {
            unit,
            year,
            seq: seq as u32 + 1,
            agency: d.agency,
            matter: d.matter,
            received,
            reviewed,
            planned,
            court_received,
            mediation,
            result,
            resolved,
        });
    }
}

/// The lawsuits of the disputes that went to court, numbered after every other case of their
/// court and year.
fn lawsuits(
    disputes: &[Dispute],
    population: &Population,
    calendar: &Calendar,
    rng: &mut Rng,
) -> Vec<(Lit, LitWork)> {
    let mut last_seq: BTreeMap<(usize, i32), u32> = BTreeMap::new();
    for case in population
        .lit
        .iter()
        .filter(|c| c.instance == Instance::First)
    {
        let seq = last_seq.entry((case.court, case.year)).or_insert(0);
        *seq = (*seq).max(case.seq);
    }
    let mut drafts = Vec::new();
    for dispute in disputes.iter().filter(|d| d.result == "转入诉讼") {
        let Some(resolved) = dispute.resolved else {
            continue;
        };
        let filed = on_or_after(resolved.date + TimeDelta::days(rng.between(3, 20)));
        let government = dispute.agency.ends_with("人民政府");
        let court = court_for(dispute.unit, government);
        drafts.push((filed, court, dispute, resolved.from));
    }
    drafts.sort_by_key(|d| (d.0, d.1));
    let mut lawsuits = Vec::new();
    for (filed, court, dispute, resolved_from) in drafts {
        let fortnightly = court == FORTNIGHTLY_COURT;
        let year = filed.year();
        let seq = last_seq.entry((court, year)).or_insert(0);
        *seq += 1;
        // 2020's end without a hearing in September–December 2020 (the plaintiff withdraws);
        // 2021's still wait for their hearing.
        let closed = (year == 2020).then(|| {
            let day = (filed + TimeDelta::days(rng.between(15, 40)))
                .max(ymd(2020, 9, 1) + TimeDelta::days(rng.between(0, 20)))
                .min(ymd(2020, 12, 31));
            on_or_before(day)
        });
        let Some(filed_known) = know(calendar, rng, filed, fortnightly, resolved_from) else {
            continue;
        };
        let known_closed = closed.and_then(|day| {
            know(calendar, rng, day, fortnightly, filed_known.from).map(|k| k.from)
        });
        let case = Lit {
            plan: "D",
            court,
            instance: Instance::First,
            year,
            seq: *seq,
            typing: Typing::Plain,
            unit: dispute.unit,
            defendant: dispute.agency.clone(),
            plaintiff: person(rng),
            third_party: String::new(),
            matter: dispute.matter,
            judge: rng.pick(&JUDGES),
            lead: String::new(),
            filed,
            hearing: None,
            head: None,
            head_name: String::new(),
            head_title: "",
            closed,
            outcome: if closed.is_some() { "准许撤诉" } else { "" },
            lost_flag: None,
            closing_note: "",
            open_note: "",
            known_filed: filed_known.from,
            known_hearing: None,
            known_closed,
            fix: None,
            remark: Some(format!("诉前争议{}未化解，转入诉讼", dispute.number())),
        };
        let work = LitWork {
            deadlines: deadlines::lit(&case, calendar, rng, fortnightly),
            hearing: None,
            bao: None,
        };
        lawsuits.push((case, work));
    }
    lawsuits
}

const DOC_HEADERS: [&str; 13] = [
    "序号",
    "文号",
    "文书类型",
    "发出机关",
    "单位",
    "被建议单位",
    "关联案号",
    "发出日期",
    "收到日期",
    "回复期限",
    "回复日期",
    "整改情况",
    "备注",
];

const DISPUTE_HEADERS: [&str; 13] = [
    "序号",
    "争议编号",
    "单位",
    "涉及单位",
    "争议类型",
    "收到日期",
    "专家组审核日期",
    "化解方案日期",
    "起诉状收到日期",
    "诉前协调开始日期",
    "化解结果",
    "化解日期",
    "备注",
];

fn shown(fact: Option<Known>, report: usize, style: DateStyle) -> String {
    fact.and_then(|k| k.by(report))
        .map_or_else(String::new, |day| format_date(day, style))
}

/// Whether a row is in its unit's file of `date`'s year: of this year, or of an earlier year
/// and not finished by the last report of that year.
fn in_year_file(
    year: i32,
    date: NaiveDate,
    previous_year_end: Option<usize>,
    finished: impl Fn(usize) -> bool,
) -> bool {
    year >= date.year() || previous_year_end.is_none_or(|end| !finished(end))
}

/// A unit's 整改台账 as of report `report`, or `None` when it has no row yet.
pub fn docs_text(
    records: &Records,
    unit: usize,
    report: usize,
    date: NaiveDate,
    previous_year_end: Option<usize>,
    style: DateStyle,
) -> Option<String> {
    let mut rows: Vec<&Doc> = records
        .docs
        .iter()
        .filter(|d| d.unit == unit && d.issued.from <= report)
        .filter(|d| in_year_file(d.year, date, previous_year_end, |end| d.finished_by(end)))
        .collect();
    if rows.is_empty() {
        return None;
    }
    rows.sort_by_key(|d| (d.year, d.issued.date, d.kind as u8, d.seq));
    let mut text = String::new();
    push_line(&mut text, &DOC_HEADERS);
    for (i, doc) in rows.iter().enumerate() {
        let status = if doc.finished_by(report) {
            "已整改"
        } else if doc.in_progress.is_some_and(|k| k.by(report).is_some()) {
            "整改中"
        } else {
            ""
        };
        let replied = doc.replied.and_then(|k| k.by(report));
        let late = replied.zip(doc.received).is_some_and(|(day, received)| {
            day > doc
                .reply_due
                .unwrap_or_else(|| period_end(received.date, 60))
        });
        let cells = [
            (i + 1).to_string(),
            doc.number(),
            doc.kind.label().to_owned(),
            doc.issuer.clone(),
            UNITS[unit].to_owned(),
            doc.addressee.clone(),
            doc.linked.clone().unwrap_or_default(),
            format_date(doc.issued.date, style),
            shown(doc.received, report, style),
            doc.reply_due
                .map_or_else(String::new, |day| format_date(day, style)),
            shown(doc.replied, report, style),
            status.to_owned(),
            if late { "逾期回复" } else { "" }.to_owned(),
        ];
        push_line(&mut text, &cells);
    }
    Some(text)
}

/// A unit's 诉前台账 as of report `report`, or `None` when it has no row yet.
pub fn disputes_text(
    records: &Records,
    unit: usize,
    report: usize,
    date: NaiveDate,
    previous_year_end: Option<usize>,
    style: DateStyle,
) -> Option<String> {
    let rows: Vec<&Dispute> = records
        .disputes
        .iter()
        .filter(|d| d.unit == unit && d.received.from <= report)
        .filter(|d| in_year_file(d.year, date, previous_year_end, |end| d.finished_by(end)))
        .collect();
    if rows.is_empty() {
        return None;
    }
    let mut text = String::new();
    push_line(&mut text, &DISPUTE_HEADERS);
    for (i, dispute) in rows.iter().enumerate() {
        let resolved = dispute.resolved.and_then(|k| k.by(report));
        let note = match (resolved, dispute.result) {
            (Some(_), "转入诉讼") => "已向法院起诉",
            (Some(_), "转入复议") => "申请人已申请行政复议",
            (None, _) if dispute.mediation.is_some_and(|k| k.by(report).is_some()) => "诉前协调中",
            _ => "",
        };
        let cells = [
            (i + 1).to_string(),
            dispute.number(),
            UNITS[unit].to_owned(),
            dispute.agency.clone(),
            dispute.matter.to_owned(),
            format_date(dispute.received.date, style),
            shown(dispute.reviewed, report, style),
            shown(dispute.planned, report, style),
            shown(dispute.court_received, report, style),
            shown(dispute.mediation, report, style),
            if resolved.is_some() {
                dispute.result
            } else {
                ""
            }
            .to_owned(),
            resolved.map_or_else(String::new, |day| format_date(day, style)),
            note.to_owned(),
        ];
        push_line(&mut text, &cells);
    }
    Some(text)
}
