//! The 两包 selection: which cases a leader should take on, as a list to review, not a
//! prediction. Clusters of similar open cases (套案) and group cases (群体性案件) come
//! from `cluster`; each open case's reasons to be owned from `candidate`.
//!
//! Pure: the cases come in already read from the ledger, their units canonical; nothing
//! here issues SQL or formats text for people.

pub mod candidate;
pub mod cluster;

use anyhow::{Result, bail};
use chrono::NaiveDate;

use crate::ledger::Ledger;
use crate::model::{Breakdown, Case, Facts, Kind};

pub use candidate::{Candidate, Reason, candidates};
pub use cluster::{Cluster, ClusterKind, clusters};

/// The cases of both case ledgers as known on `as_of` (everything when `None`), their
/// units canonical, with the date they are judged on: `as_of`, else the latest as-of
/// date in the ledger.
pub fn read_cases(ledger: &Ledger, as_of: Option<NaiveDate>) -> Result<(Vec<Case>, NaiveDate)> {
    let Some(on) = ledger
        .latest_as_of(as_of)?
        .map(|latest| as_of.unwrap_or(latest))
    else {
        bail!(match as_of {
            Some(as_of) => format!("no batch in the ledger is as of {as_of} or earlier"),
            None => "the ledger has no batches yet: import files first".to_owned(),
        });
    };
    let registry = ledger.unit_registry()?;
    let mut cases = Vec::new();
    ledger.for_each_of(&Kind::CASES, as_of, |mut case| {
        let unit = registry.canonical(&case.unit).to_owned();
        case.unit = unit;
        cases.push(case);
    })?;
    Ok((cases, on))
}

/// The agency a case is against (被申请人 or 被告), as `--by` groups names.
#[must_use]
pub fn agency_of(case: &Case) -> Option<String> {
    match case.facts {
        Facts::Reconsideration { .. } => Breakdown::Respondent.name_of(case),
        Facts::Litigation { .. } => Breakdown::Defendant.name_of(case),
        Facts::Rectification { .. } | Facts::Dispute { .. } => None,
    }
}

/// Whether a case is still open on `on`: not closed, or closed only later.
#[must_use]
pub fn is_open(case: &Case, on: NaiveDate) -> bool {
    case.ended_on().is_none_or(|ended| ended > on)
}
