//! The part of a case that the counts of SPEC §4 read: its unit, dates, outcome and
//! flags, borrowed from wherever the case is held.
//!
//! A report over a million cases reads this from the ledger's compact current state
//! without building a [`Case`] (and its strings) per case; a case as known on an earlier
//! date is a full [`Case`] and lends the same view. Either way the counting rules see one
//! type, so they live in one place.

use chrono::NaiveDate;

use super::{Case, Facts, Instance, Outcome};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Countable<'a> {
    /// The unit as stored (not yet mapped through the registry).
    pub unit: &'a str,
    pub closed_on: Option<NaiveDate>,
    pub outcome: Option<Outcome>,
    pub facts: CountableFacts<'a>,
}

/// The counted facts only one kind of ledger records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CountableFacts<'a> {
    Reconsideration {
        received_on: NaiveDate,
        accepted_on: Option<NaiveDate>,
        corrected: Option<bool>,
    },
    Litigation {
        instance: Instance,
        filed_on: NaiveDate,
        hearing_on: Option<NaiveDate>,
        head_appeared: Option<bool>,
        /// Read only for an appearance in the period, to judge the title's qualification.
        head_title: Option<&'a str>,
        lost: Option<bool>,
    },
}

impl Case {
    /// The view of this case that the counts read.
    #[must_use]
    pub fn countable(&self) -> Countable<'_> {
        let facts = match &self.facts {
            Facts::Reconsideration {
                received_on,
                accepted_on,
                corrected,
                ..
            } => CountableFacts::Reconsideration {
                received_on: *received_on,
                accepted_on: *accepted_on,
                corrected: *corrected,
            },
            Facts::Litigation {
                instance,
                filed_on,
                hearing_on,
                head_appeared,
                head_title,
                lost,
                ..
            } => CountableFacts::Litigation {
                instance: *instance,
                filed_on: *filed_on,
                hearing_on: *hearing_on,
                head_appeared: *head_appeared,
                head_title: head_title.as_deref(),
                lost: *lost,
            },
        };
        Countable {
            unit: &self.unit,
            closed_on: self.closed_on,
            outcome: self.outcome,
            facts,
        }
    }
}
