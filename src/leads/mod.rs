//! The monthly 调度 sheet of 包案 (SPEC §7.5): for each leader who owns cases, the cases
//! open at some point in the month or closed in it, how each closed one ended, its overdue
//! work and the progress recorded that month. Documents (整改台账) and disputes (诉前台账)
//! a leader owns are listed beside the cases, each in its own words (整改情况, 化解结果),
//! and tallied apart so the cases' endings stay what the report counts.
//!
//! Reads the ledger through its queries and judges cases with the report's own rules and
//! the work list; renders it in `text` (the wording, table, Markdown and JSON), `html`, `xlsx` and `docx`.

pub mod docx;
mod ending;
mod html;
mod progress;
pub mod text;
mod xlsx;

use std::collections::BTreeMap;

use anyhow::{Result, anyhow};
use chrono::NaiveDate;
use serde::{Serialize, Serializer};

use crate::due::task::{self, Item};
use crate::ledger::{LedCase, Ledger};
use crate::model::record::{Choice, DisputeResult, Rectified};
use crate::model::{
    Case, Facts, Instance, Kind, Month, Outcome, Period, Rules, TrackField, UnitRegistry,
    WorkCalendar, lead,
};

pub use ending::{Ending, ending, resolved_outcomes};
pub use progress::{ProgressNote, progress_notes};

/// What the sheet covers; `None` fields take the documented defaults.
#[derive(Debug, Clone)]
pub struct SheetOptions {
    /// Defaults to the month of the latest as-of date in the ledger.
    pub month: Option<Month>,
    /// Only this leader: the name as written in 包案领导, or one word of it (`王某` finds
    /// `副县长 王某`).
    pub lead: Option<String>,
    pub rules: Rules,
    /// The day the sheet is made: a month not over yet has its overdue items judged on it.
    pub today: NaiveDate,
}

/// The sheet: one entry per leader, in name order.
#[derive(Debug, Clone, Serialize)]
pub struct LeadSheet {
    pub month: Month,
    /// The latest as-of date of the batches that count (those as of the month's last day
    /// or earlier); none when no batch is that old.
    pub as_of: Option<NaiveDate>,
    /// The day overdue items were judged on: the month's last day, or today for the
    /// current month.
    pub checked_on: NaiveDate,
    /// The `--lead` filter, as given.
    pub lead: Option<String>,
    pub rules: Rules,
    pub leads: Vec<LeadEntry>,
    /// Every leader of the month, the filter aside: to name them when the filter finds none.
    #[serde(skip)]
    pub all_leads: Vec<String>,
}

/// One leader's cases and their tally.
#[derive(Debug, Clone, Serialize)]
pub struct LeadEntry {
    pub lead: String,
    pub cases: Vec<OwnedCase>,
    pub summary: Summary,
}

/// A case as the sheet shows it, as known at the month's end.
#[derive(Debug, Clone, Serialize)]
pub struct OwnedCase {
    #[serde(serialize_with = "kind_key")]
    pub kind: Kind,
    /// 审级 of a lawsuit.
    #[serde(serialize_with = "instance_label")]
    pub instance: Option<Instance>,
    /// 文书类型 of a document, by its 中文 name.
    pub doc_type: Option<&'static str>,
    /// 文号 of a document, 争议编号 of a dispute.
    pub case_no: String,
    /// As the unit registry names it.
    pub unit: String,
    /// 责任单位
    pub owner_unit: Option<String>,
    /// 风险等级: 高, 中 or 低.
    pub risk: Option<String>,
    /// A document is closed once answered (回复日期), a dispute once ended (化解日期).
    pub status: Status,
    /// Only for a closed case: its 结案日期, a document's 回复日期, a dispute's 化解日期.
    pub closed_on: Option<NaiveDate>,
    #[serde(serialize_with = "outcome_name")]
    pub outcome: Option<Outcome>,
    /// How a closed case ended; never set for a document or a dispute (see `state`).
    pub result: Option<Ending>,
    /// A document's 整改情况 or a dispute's 化解结果 in words, open or closed, as known at
    /// the month's end: a document answered with 整改中 is still being rectified.
    pub state: Option<&'static str>,
    /// Facts the tally needs and the JSON does not show.
    #[serde(skip)]
    pub record: Record,
    /// Items past their date and not done, as of [`LeadSheet::checked_on`].
    pub overdue: Vec<OverdueItem>,
    /// 化解进展 recorded in the month.
    pub progress: Vec<ProgressNote>,
}

/// What a document's or a dispute's tally counts, read from its state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Record {
    /// A 复议 or 应诉 case.
    #[default]
    Case,
    Document {
        rectified: bool,
    },
    Dispute {
        resolved: bool,
    },
}

/// Whether a case was still open at the month's end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Open,
    /// Closed in the month.
    Closed,
}

/// One overdue item of the work list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OverdueItem {
    #[serde(serialize_with = "item_key")]
    pub item: Item,
    pub date: NaiveDate,
}

/// A leader's tally for the month.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Cases (复议 and 应诉) listed: open at some point in the month or closed in it.
    /// Documents and disputes are tallied in `documents` and `disputes`.
    pub cases: usize,
    /// Still open at the month's end.
    pub open: usize,
    /// Closed in the month, then by ending.
    pub closed: usize,
    pub resolved: usize,
    pub corrected: usize,
    pub lost: usize,
    pub upheld: usize,
    /// Overdue items over everything listed: cases, documents and disputes.
    pub overdue: usize,
    /// The documents listed, apart from the cases: answering a document is not closing a
    /// case, and 已整改 is no case ending.
    pub documents: DocumentTally,
    /// The disputes listed, apart from the cases for the same reason.
    pub disputes: DisputeTally,
}

/// A leader's documents (整改台账) for the month.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct DocumentTally {
    /// Listed: unanswered at some point in the month, or answered in it.
    pub listed: usize,
    /// Still unanswered at the month's end.
    pub open: usize,
    /// Answered in the month.
    pub replied: usize,
    /// Of the listed, those whose 整改情况 is 已整改 at the month's end.
    pub rectified: usize,
}

/// A leader's disputes (诉前台账) for the month.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct DisputeTally {
    /// Listed: open at some point in the month, or ended in it.
    pub listed: usize,
    /// Still open at the month's end.
    pub open: usize,
    /// Ended in the month (化解日期), whatever the result.
    pub ended: usize,
    /// Of those ended, the ones 化解成功.
    pub resolved: usize,
}

impl Summary {
    /// The tally of a leader's cases.
    #[must_use]
    pub fn of(cases: &[OwnedCase]) -> Summary {
        let mut summary = Summary::default();
        for case in cases {
            summary.overdue += case.overdue.len();
            let closed = case.status == Status::Closed;
            match case.record {
                Record::Case => {}
                Record::Document { rectified } => {
                    let tally = &mut summary.documents;
                    tally.listed += 1;
                    if closed {
                        tally.replied += 1;
                    } else {
                        tally.open += 1;
                    }
                    tally.rectified += usize::from(rectified);
                    continue;
                }
                Record::Dispute { resolved } => {
                    let tally = &mut summary.disputes;
                    tally.listed += 1;
                    if closed {
                        tally.ended += 1;
                        tally.resolved += usize::from(resolved);
                    } else {
                        tally.open += 1;
                    }
                    continue;
                }
            }
            summary.cases += 1;
            if closed {
                summary.closed += 1;
            } else {
                summary.open += 1;
            }
            match case.result {
                Some(Ending::Resolved) => summary.resolved += 1,
                Some(Ending::Corrected) => summary.corrected += 1,
                Some(Ending::Lost) => summary.lost += 1,
                Some(Ending::Upheld) => summary.upheld += 1,
                None => {}
            }
        }
        summary
    }

    /// The count of closed cases that ended so.
    #[must_use]
    pub fn ended(&self, ending: Ending) -> usize {
        match ending {
            Ending::Resolved => self.resolved,
            Ending::Corrected => self.corrected,
            Ending::Lost => self.lost,
            Ending::Upheld => self.upheld,
        }
    }
}

/// Builds the sheet from the ledger as known at the month's end.
pub fn build(ledger: &Ledger, options: &SheetOptions) -> Result<LeadSheet> {
    let month = match options.month {
        Some(month) => month,
        None => Month::of(ledger.latest_as_of(None)?.ok_or_else(|| {
            anyhow!("the ledger has no batches yet: import files first, or give --month")
        })?),
    };
    let period = month.period();
    let checked_on = period.to.min(options.today);
    let judge = Judge {
        period,
        checked_on,
        rules: &options.rules,
        calendar: &ledger.work_calendar()?,
        registry: &ledger.unit_registry()?,
    };
    let mut by_lead: BTreeMap<String, Vec<OwnedCase>> = BTreeMap::new();
    for led in ledger.led_cases(&period)? {
        let Some(case) = led.case() else { continue };
        let Some(lead) = case.lead.as_deref() else {
            continue;
        };
        if !in_month(case, &period) {
            continue;
        }
        let owned = judge.owned_case(&led, case);
        for name in lead::leaders(lead) {
            by_lead.entry(name).or_default().push(owned.clone());
        }
    }
    let all_leads: Vec<String> = by_lead.keys().cloned().collect();
    let leads = by_lead
        .into_iter()
        .filter(|(name, _)| {
            options
                .lead
                .as_deref()
                .is_none_or(|f| lead::is_named(name, f))
        })
        .map(|(lead, mut cases)| {
            cases.sort_by_cached_key(order);
            LeadEntry {
                lead,
                summary: Summary::of(&cases),
                cases,
            }
        })
        .collect();
    Ok(LeadSheet {
        month,
        as_of: ledger.latest_as_of(Some(period.to))?,
        checked_on,
        lead: options.lead.clone(),
        rules: options.rules.clone(),
        leads,
        all_leads,
    })
}

/// What judging a case needs beside the case.
struct Judge<'a> {
    period: Period,
    checked_on: NaiveDate,
    rules: &'a Rules,
    calendar: &'a WorkCalendar,
    registry: &'a UnitRegistry,
}

impl Judge<'_> {
    fn owned_case(&self, led: &LedCase, case: &Case) -> OwnedCase {
        // A closing date after the month's end (a slip, warned about at import) leaves the
        // case open at the end.
        let closed_on = case.ended_on().filter(|d| *d <= self.period.to);
        let text = |field| case.tracking.text(field).map(str::to_owned);
        let before = led
            .before
            .as_ref()
            .and_then(|v| v.case.tracking.text(TrackField::Progress));
        let during = led
            .during
            .iter()
            .map(|v| (v.as_of, v.case.tracking.text(TrackField::Progress)));
        OwnedCase {
            kind: case.kind(),
            instance: case.instance(),
            doc_type: match &case.facts {
                Facts::Rectification { doc_type, .. } => Some(doc_type.label_zh()),
                Facts::Reconsideration { .. }
                | Facts::Litigation { .. }
                | Facts::Dispute { .. } => None,
            },
            case_no: case.case_no.text().to_owned(),
            unit: self.registry.canonical(&case.unit).to_owned(),
            owner_unit: text(TrackField::OwnerUnit),
            risk: text(TrackField::Risk),
            status: if closed_on.is_some() {
                Status::Closed
            } else {
                Status::Open
            },
            closed_on,
            outcome: closed_on.and(case.outcome),
            result: closed_on.and_then(|_| ending(case, self.rules)),
            state: match case.kind() {
                Kind::Rectification | Kind::Dispute => case.ended_as(),
                Kind::Reconsideration | Kind::Litigation => None,
            },
            record: record(case),
            overdue: task::tasks(case, self.calendar, self.rules, self.checked_on)
                .into_iter()
                .filter(|task| task.overdue)
                .map(|task| OverdueItem {
                    item: task.item,
                    date: task.date,
                })
                .collect(),
            progress: progress_notes(before, during),
        }
    }
}

/// What the tally reads of a document's or a dispute's state.
fn record(case: &Case) -> Record {
    match &case.facts {
        Facts::Reconsideration { .. } | Facts::Litigation { .. } => Record::Case,
        Facts::Rectification { status, .. } => Record::Document {
            rectified: *status == Some(Rectified::Done),
        },
        Facts::Dispute { result, .. } => Record::Dispute {
            resolved: *result == Some(DisputeResult::Resolved),
        },
    }
}

/// Whether a case was open at some point in the period or closed in it: received or filed
/// by its end, and not closed before its start. A document is open until answered, a
/// dispute until ended.
#[must_use]
pub fn in_month(case: &Case, period: &Period) -> bool {
    case.opened_on() <= period.to && case.ended_on().is_none_or(|ended| ended >= period.from)
}

/// A leader's cases: open ones first (the ones to press on), higher risk first, then by
/// ledger and case number.
fn order(case: &OwnedCase) -> (bool, u8, Kind, Vec<(String, u64)>) {
    let risk = match case.risk.as_deref() {
        Some("高") => 0,
        Some("中") => 1,
        Some("低") => 2,
        _ => 3,
    };
    (
        case.status == Status::Closed,
        risk,
        case.kind,
        natural_key(&crate::model::case_no::match_key(&case.case_no)),
    )
}

/// A text's order as people read numbers in it: each run of digits by its value, so
/// 9号 comes before 11号. The text is cut into (the text before a number, the number).
fn natural_key(text: &str) -> Vec<(String, u64)> {
    let mut key = Vec::new();
    let mut words = String::new();
    let mut digits = String::new();
    for c in text.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
        } else {
            if !digits.is_empty() {
                let number = digits.parse().unwrap_or(u64::MAX);
                key.push((std::mem::take(&mut words), number));
                digits.clear();
            }
            words.push(c);
        }
    }
    if !digits.is_empty() || !words.is_empty() {
        key.push((words, digits.parse().unwrap_or(0)));
    }
    key
}

// serde's `serialize_with` hands over a reference to the field, whatever its type.
#[allow(clippy::trivially_copy_pass_by_ref)]
fn kind_key<S: Serializer>(kind: &Kind, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(kind.key())
}

#[allow(clippy::ref_option, clippy::trivially_copy_pass_by_ref)]
fn instance_label<S: Serializer>(instance: &Option<Instance>, s: S) -> Result<S::Ok, S::Error> {
    match instance {
        Some(instance) => s.serialize_str(instance.label_zh()),
        None => s.serialize_none(),
    }
}

#[allow(clippy::ref_option, clippy::trivially_copy_pass_by_ref)]
fn outcome_name<S: Serializer>(outcome: &Option<Outcome>, s: S) -> Result<S::Ok, S::Error> {
    match outcome {
        Some(outcome) => s.serialize_str(outcome.name()),
        None => s.serialize_none(),
    }
}

#[allow(clippy::trivially_copy_pass_by_ref)]
fn item_key<S: Serializer>(item: &Item, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(item.key())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::fixture::d;
    use crate::model::{CaseNo, Tracking};

    fn august() -> Period {
        Month::of(d("2021-08-01")).period()
    }

    fn recon(received: &str, closed: Option<(&str, Outcome)>) -> Case {
        Case {
            case_no: CaseNo::new("都府复〔2021〕1号").unwrap(),
            unit: "都匀市".into(),
            matter: None,
            closed_on: closed.map(|(c, _)| d(c)),
            outcome: closed.map(|(_, o)| o),
            lead: Some("王某".into()),
            note: None,
            tracking: Tracking::default(),
            facts: Facts::Reconsideration {
                respondent: None,
                received_on: d(received),
                accepted_on: None,
                corrected: None,
            },
        }
    }

    #[test]
    fn case_numbers_in_the_order_people_count() {
        let mut numbers = [
            "都府复(2021)11号",
            "都府复(2021)9号",
            "都府复(2020)30号",
            "(2021)黔2701行初32号",
            "都府复(2021)9号之一",
        ];
        numbers.sort_by_key(|n| natural_key(n));
        assert_eq!(
            numbers,
            [
                "(2021)黔2701行初32号",
                "都府复(2020)30号",
                "都府复(2021)9号",
                "都府复(2021)9号之一",
                "都府复(2021)11号",
            ]
        );
    }

    #[track_caller]
    fn listed(received: &str, closed: Option<&str>, expected: bool) {
        let case = recon(received, closed.map(|c| (c, Outcome::Upheld)));
        assert_eq!(
            in_month(&case, &august()),
            expected,
            "{received} {closed:?}"
        );
    }

    #[test]
    fn cases_open_in_the_month_or_closed_in_it() {
        listed("2021-06-01", None, true);
        listed("2021-08-31", None, true);
        listed("2021-09-01", None, false);
        listed("2021-06-01", Some("2021-07-31"), false);
        listed("2021-06-01", Some("2021-08-01"), true);
        listed("2021-08-02", Some("2021-08-30"), true);
        // Closed after the month: it was open in it.
        listed("2021-06-01", Some("2021-09-03"), true);
    }

    /// Case "1" of 都匀市, of `kind` and `record`, with `status`, `result` and `overdue`
    /// items overdue, and nothing else known.
    fn owned(
        kind: Kind,
        record: Record,
        status: Status,
        result: Option<Ending>,
        overdue: Vec<OverdueItem>,
    ) -> OwnedCase {
        OwnedCase {
            kind,
            instance: None,
            doc_type: None,
            case_no: "1".into(),
            unit: "都匀市".into(),
            owner_unit: None,
            risk: None,
            status,
            closed_on: None,
            outcome: None,
            result,
            state: None,
            record,
            overdue,
            progress: Vec::new(),
        }
    }

    /// `item`, overdue since `date`.
    fn late(item: Item, date: &str) -> OverdueItem {
        OverdueItem {
            item,
            date: d(date),
        }
    }

    #[test]
    fn a_summary_counts_cases_endings_and_items() {
        let case = |status, result, overdue| {
            owned(
                Kind::Reconsideration,
                Record::Case,
                status,
                result,
                vec![late(Item::Decision, "2021-08-02"); overdue],
            )
        };
        let summary = Summary::of(&[
            case(Status::Open, None, 2),
            case(Status::Closed, Some(Ending::Resolved), 0),
            case(Status::Closed, Some(Ending::Lost), 1),
            case(Status::Closed, Some(Ending::Resolved), 0),
        ]);
        assert_eq!(
            summary,
            Summary {
                cases: 4,
                open: 1,
                closed: 3,
                resolved: 2,
                corrected: 0,
                lost: 1,
                upheld: 0,
                overdue: 3,
                documents: DocumentTally::default(),
                disputes: DisputeTally::default(),
            }
        );
        assert_eq!(summary.ended(Ending::Resolved), 2);
    }

    #[test]
    fn documents_and_disputes_are_tallied_apart_from_the_cases() {
        let owned = |kind, record, status, overdue| {
            owned(
                kind,
                record,
                status,
                None,
                vec![late(Item::Reply, "2025-06-02"); overdue],
            )
        };
        let document = |rectified, status, overdue| {
            owned(
                Kind::Rectification,
                Record::Document { rectified },
                status,
                overdue,
            )
        };
        let dispute =
            |resolved, status| owned(Kind::Dispute, Record::Dispute { resolved }, status, 0);
        let summary = Summary::of(&[
            owned(Kind::Reconsideration, Record::Case, Status::Open, 1),
            document(false, Status::Open, 1),
            document(true, Status::Closed, 0),
            document(false, Status::Closed, 0),
            dispute(false, Status::Open),
            dispute(true, Status::Closed),
            dispute(false, Status::Closed),
        ]);
        assert_eq!(
            summary,
            Summary {
                cases: 1,
                open: 1,
                overdue: 2,
                documents: DocumentTally {
                    listed: 3,
                    open: 1,
                    replied: 2,
                    rectified: 1,
                },
                disputes: DisputeTally {
                    listed: 3,
                    open: 1,
                    ended: 2,
                    resolved: 1,
                },
                ..Summary::default()
            }
        );
    }

    #[test]
    fn the_current_month_is_judged_today_a_past_one_at_its_end() {
        let mut ledger = Ledger::in_memory().unwrap();
        let mut case = recon("2021-05-28", None);
        if let Facts::Reconsideration { accepted_on, .. } = &mut case.facts {
            // The decision is due on Monday 2021-08-02.
            *accepted_on = Some(d("2021-06-01"));
        }
        let writer = ledger.writer().unwrap();
        let batch = writer
            .begin_batch(&crate::ledger::NewBatch {
                file: "复议台账_2021-07-30.csv".into(),
                sheet: None,
                sha256: "0".into(),
                kind: Kind::Reconsideration,
                as_of: d("2021-07-30"),
                imported_at: String::new(),
            })
            .unwrap();
        let mut rows = writer.rows(batch).unwrap();
        rows.write(2, &case).unwrap();
        rows.finish().unwrap();
        writer.commit().unwrap();
        let overdue_on = |today: &str| {
            let sheet = build(
                &ledger,
                &SheetOptions {
                    month: Some(Month::of(d("2021-08-01"))),
                    lead: None,
                    rules: Rules::default(),
                    today: d(today),
                },
            )
            .unwrap();
            let overdue = sheet.leads[0].summary.overdue;
            (sheet.checked_on.to_string(), overdue)
        };
        assert_eq!(overdue_on("2021-08-01"), ("2021-08-01".into(), 0));
        assert_eq!(overdue_on("2021-08-20"), ("2021-08-20".into(), 1));
        assert_eq!(overdue_on("2022-01-05"), ("2021-08-31".into(), 1));
    }
}
