//! Assembles a report from the ledger — period, as-of date, unit, 口径, counts and rates
//! for this year and last — and renders it (table, JSON) into any writer.

mod json;
mod table;

use anyhow::{Result, bail};
use chrono::NaiveDate;
use serde::Serialize;

use crate::ledger::Ledger;
use crate::model::{Period, Rules};
use crate::rates::{Counts, Rates};

pub use json::write_json;
pub use table::{Lang, write_table};

/// What to report on; `None` fields take the documented defaults.
#[derive(Debug, Clone, Default)]
pub struct ReportOptions {
    /// Defaults to 1 January of `to`'s year.
    pub from: Option<NaiveDate>,
    /// Defaults to the latest as-of date of the batches that count.
    pub to: Option<NaiveDate>,
    /// Only cases of this unit.
    pub unit: Option<String>,
    /// Only batches as of this date or earlier count.
    pub as_of: Option<NaiveDate>,
    pub rules: Rules,
}

/// A report: every figure with what it was computed from.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub period: PeriodJson,
    pub previous_period: PeriodJson,
    /// The date of knowledge: batches as of this date or earlier were counted.
    pub as_of: NaiveDate,
    pub unit: Option<String>,
    pub counts: Counts,
    pub previous_counts: Counts,
    pub rates: Rates,
    pub rules: Rules,
}

/// A period as `{"from": …, "to": …}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PeriodJson {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl From<Period> for PeriodJson {
    fn from(p: Period) -> Self {
        PeriodJson {
            from: p.from,
            to: p.to,
        }
    }
}

/// Builds the report: one pass over the cases known as of the report's date, tallying
/// this period and the year before together.
pub fn build(ledger: &Ledger, options: &ReportOptions) -> Result<Report> {
    let latest = ledger.latest_as_of(options.as_of)?;
    let Some(to) = options.to.or(latest) else {
        bail!(match options.as_of {
            Some(as_of) => format!(
                "no batch in the ledger is as of {as_of} or earlier; give --to, or a later --as-of"
            ),
            None => "the ledger has no batches yet: import files first, or give --to".to_owned(),
        });
    };
    let from = options.from.unwrap_or(Period::year_to_date(to).from);
    let Some(period) = Period::new(from, to) else {
        bail!("the period starts ({from}) after it ends ({to})");
    };
    let previous = period.previous_year();
    let as_of = options.as_of.or(latest).unwrap_or(to);

    let (mut counts, mut previous_counts) = (Counts::default(), Counts::default());
    ledger.for_each_case(options.as_of, |case| {
        if options.unit.as_ref().is_some_and(|u| *u != case.unit) {
            return;
        }
        counts.add(&case, &period, &options.rules);
        previous_counts.add(&case, &previous, &options.rules);
    })?;
    Ok(Report {
        period: period.into(),
        previous_period: previous.into(),
        as_of,
        unit: options.unit.clone(),
        rates: Rates::compare(&counts, &previous_counts, &options.rules),
        counts,
        previous_counts,
        rules: options.rules.clone(),
    })
}
