//! One case as a ledger row describes it: the content of one stored version.

use chrono::NaiveDate;

use super::field::{Field, FieldRef};
use super::period::iso;
use super::record::Choice;
use super::tracking::{TrackField, Tracking};
use super::{CaseNo, DisputeResult, DocType, Instance, Kind, Outcome, Rectified};

/// A case's facts as of one batch. Two cases are equal when every fact matches;
/// the case number compares by its matching key, so a change of bracket style alone
/// is not a new version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Case {
    pub case_no: CaseNo,
    /// County-level unit of the respondent or defendant (not the court).
    pub unit: String,
    pub matter: Option<String>,
    pub closed_on: Option<NaiveDate>,
    pub outcome: Option<Outcome>,
    /// 包案领导
    pub lead: Option<String>,
    pub note: Option<String>,
    pub facts: Facts,
    /// What the work list follows: deadlines' dates, hearing arrangements, 包案 follow-up.
    pub tracking: Tracking,
}

/// The facts only one kind of ledger records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Facts {
    Reconsideration {
        respondent: Option<String>,
        received_on: NaiveDate,
        accepted_on: Option<NaiveDate>,
        /// 是否纠错 as written; overrides the outcome mapping when present.
        corrected: Option<bool>,
    },
    Litigation {
        instance: Instance,
        court: Option<String>,
        defendant: Option<String>,
        filed_on: NaiveDate,
        hearing_on: Option<NaiveDate>,
        head_appeared: Option<bool>,
        head_name: Option<String>,
        head_title: Option<String>,
        /// 是否败诉 as written; overrides the outcome mapping when present.
        lost: Option<bool>,
    },
    /// A document naming a problem an agency must fix (SPEC §9.1); its 文号 is the case
    /// number, and it has no outcome.
    Rectification {
        doc_type: DocType,
        issuer: Option<String>,
        addressee: Option<String>,
        /// 关联案号: the case the document came from, as written.
        linked_case_no: Option<String>,
        issued_on: NaiveDate,
        received_on: Option<NaiveDate>,
        /// 回复期限 as written; else the document type's default applies.
        reply_due_on: Option<NaiveDate>,
        replied_on: Option<NaiveDate>,
        status: Option<Rectified>,
    },
    /// A major dispute handled before it becomes a lawsuit (SPEC §9.2); its 争议编号 is
    /// the case number, 争议类型 its matter.
    Dispute {
        /// 涉及单位: the agency the dispute is with.
        agency: Option<String>,
        received_on: NaiveDate,
        reviewed_on: Option<NaiveDate>,
        planned_on: Option<NaiveDate>,
        court_received_on: Option<NaiveDate>,
        mediation_started_on: Option<NaiveDate>,
        result: Option<DisputeResult>,
        resolved_on: Option<NaiveDate>,
    },
}

impl Case {
    #[must_use]
    pub fn kind(&self) -> Kind {
        match self.facts {
            Facts::Reconsideration { .. } => Kind::Reconsideration,
            Facts::Litigation { .. } => Kind::Litigation,
            Facts::Rectification { .. } => Kind::Rectification,
            Facts::Dispute { .. } => Kind::Dispute,
        }
    }

    /// The 复议案号 of a lawsuit: the reconsideration case it followed (SPEC §7.1), whose
    /// matching key is [`CaseNo::key`] of this text. `None` for a reconsideration case,
    /// whose 复议案号 is its own number.
    #[must_use]
    pub fn reconsideration_no(&self) -> Option<CaseNo> {
        match self.facts {
            Facts::Litigation { .. } => {
                CaseNo::new(self.tracking.text(TrackField::ReconsiderationNo)?)
            }
            _ => None,
        }
    }

    /// The day the case (or document, or dispute) came in: received, filed or issued.
    #[must_use]
    pub fn opened_on(&self) -> NaiveDate {
        match &self.facts {
            Facts::Reconsideration { received_on, .. } | Facts::Dispute { received_on, .. } => {
                *received_on
            }
            Facts::Litigation { filed_on, .. } => *filed_on,
            Facts::Rectification { issued_on, .. } => *issued_on,
        }
    }

    /// The day it left the bureau's hands: a case closed, a document answered, a dispute
    /// ended (resolved or not).
    #[must_use]
    pub fn ended_on(&self) -> Option<NaiveDate> {
        match &self.facts {
            Facts::Reconsideration { .. } | Facts::Litigation { .. } => self.closed_on,
            Facts::Rectification { replied_on, .. } => *replied_on,
            Facts::Dispute { resolved_on, .. } => *resolved_on,
        }
    }

    /// How it ended, in a clerk's words: the outcome of a case, a document's 整改情况, a
    /// dispute's 化解结果.
    #[must_use]
    pub fn ended_as(&self) -> Option<&'static str> {
        match &self.facts {
            Facts::Reconsideration { .. } | Facts::Litigation { .. } => {
                self.outcome.map(Outcome::name)
            }
            Facts::Rectification { status, .. } => status.map(Choice::label_zh),
            Facts::Dispute { result, .. } => result.map(Choice::label_zh),
        }
    }

    /// The latest date the row mentions: a file's as-of date when nothing else gives one.
    #[must_use]
    pub fn latest_date(&self) -> NaiveDate {
        self.dates()
            .map(|(_, date)| date)
            .chain(self.tracking.latest_date())
            .max()
            .unwrap_or(NaiveDate::MIN)
    }

    /// Every date of the row's own fields (not the work-list facts), with its field. A
    /// deadline written in the row (回复期限) is not among them: it is not a day something
    /// happened, so it neither dates a file nor lies "after" one.
    pub fn dates(&self) -> impl Iterator<Item = (Field, NaiveDate)> + '_ {
        Field::shared()
            .chain(Field::own(self.kind()).iter().copied())
            .filter(|field| *field != Field::ReplyDueOn)
            .filter_map(|field| match self.get(field) {
                Some(FieldRef::Date(Some(date))) => Some((field, date)),
                _ => None,
            })
    }
}

/// A field's value for listing and comparing: text, a date, a yes/no, or nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldValue {
    Text(String),
    Date(NaiveDate),
    Flag(bool),
    Empty,
}

impl FieldValue {
    /// As shown in a table or CSV cell: dates ISO, flags 是/否, nothing empty.
    #[must_use]
    pub fn display(&self) -> String {
        match self {
            FieldValue::Text(text) => text.clone(),
            FieldValue::Date(date) => iso(*date),
            FieldValue::Flag(true) => "是".to_owned(),
            FieldValue::Flag(false) => "否".to_owned(),
            FieldValue::Empty => String::new(),
        }
    }
}

impl Case {
    /// Every field with its key, in its spreadsheet's order ([`Field::listed`]): the one
    /// list that listings, exports and history use.
    #[must_use]
    pub fn fields(&self) -> Vec<(&'static str, FieldValue)> {
        let kind = self.kind();
        Field::listed(kind)
            .map(|field| {
                let value = self
                    .get(field)
                    .map_or(FieldValue::Empty, |v| self.listed(v));
                (field.key_in(kind), value)
            })
            .collect()
    }

    /// A value as listed: an instance or any other word by its 中文 name, a time of day with its hearing's
    /// date (`2021-03-15 09:30`), since a time means little without its day.
    fn listed(&self, value: FieldRef<'_>) -> FieldValue {
        let text = |value: Option<&str>| {
            value.map_or(FieldValue::Empty, |s| FieldValue::Text(s.to_owned()))
        };
        match value {
            FieldRef::CaseNo(no) => FieldValue::Text(no.text().to_owned()),
            FieldRef::Choice(choice) => text(choice.map(|(_, label)| label)),
            FieldRef::Outcome(outcome) => text(outcome.map(Outcome::name)),
            FieldRef::Text(value) => text(value),
            FieldRef::Date(date) => date.map_or(FieldValue::Empty, FieldValue::Date),
            FieldRef::Flag(flag) => flag.map_or(FieldValue::Empty, FieldValue::Flag),
            FieldRef::Time(None) => FieldValue::Empty,
            FieldRef::Time(Some(time)) => {
                let time = time.format("%H:%M").to_string();
                FieldValue::Text(match self.hearing_on() {
                    Some(day) => format!("{} {time}", iso(day)),
                    None => time,
                })
            }
        }
    }

    /// The hearing date of a lawsuit.
    #[must_use]
    pub fn hearing_on(&self) -> Option<NaiveDate> {
        match &self.facts {
            Facts::Litigation { hearing_on, .. } => *hearing_on,
            Facts::Reconsideration { .. } | Facts::Rectification { .. } | Facts::Dispute { .. } => {
                None
            }
        }
    }

    /// The court instance of a lawsuit.
    #[must_use]
    pub fn instance(&self) -> Option<Instance> {
        match &self.facts {
            Facts::Litigation { instance, .. } => Some(*instance),
            Facts::Reconsideration { .. } | Facts::Rectification { .. } | Facts::Dispute { .. } => {
                None
            }
        }
    }

    /// The fields whose values differ from `earlier`: (key, before, after). A case number
    /// written with other brackets is the same number, not a change.
    #[must_use]
    pub fn changes_since(&self, earlier: &Case) -> Vec<(&'static str, FieldValue, FieldValue)> {
        let before = earlier.fields();
        let same_number = self.case_no == earlier.case_no;
        let number = Field::CaseNo.key_in(self.kind());
        self.fields()
            .into_iter()
            .zip(before)
            .filter(|((key, now), (_, then))| now != then && !(*key == number && same_number))
            .map(|((key, now), (_, then))| (key, then, now))
            .collect()
    }
}
