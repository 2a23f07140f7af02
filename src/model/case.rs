//! One case as a ledger row describes it: the content of one stored version.

use chrono::NaiveDate;

use super::{CaseNo, Instance, Kind, Outcome};

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
}

impl Case {
    #[must_use]
    pub fn kind(&self) -> Kind {
        match self.facts {
            Facts::Reconsideration { .. } => Kind::Reconsideration,
            Facts::Litigation { .. } => Kind::Litigation,
        }
    }

    /// The latest date the row mentions: a file's as-of date when nothing else gives one.
    #[must_use]
    pub fn latest_date(&self) -> NaiveDate {
        let dates = match &self.facts {
            Facts::Reconsideration {
                received_on,
                accepted_on,
                ..
            } => [Some(*received_on), *accepted_on, self.closed_on],
            Facts::Litigation {
                filed_on,
                hearing_on,
                ..
            } => [Some(*filed_on), *hearing_on, self.closed_on],
        };
        dates.into_iter().flatten().max().unwrap_or(NaiveDate::MIN)
    }
}
