//! Listing current cases by the same rules the report counts them, so that a report's
//! number is the length of a list: `cases --kind litigation --instance first --on closed
//! --lost --from … --to …` lists exactly the report's 一审败诉.

use std::collections::HashSet;
use std::io::Write;

use anyhow::Result;
use chrono::NaiveDate;
use serde_json::{Map, Value};

use super::csv::safe;
use crate::ledger::{DayColumn, Ledger, Narrowing};
use crate::model::period::iso;
use crate::model::{
    Case, Choice, Countable, CountableFacts, Facts, FieldValue, Filter, Instance, Kind, Outcome,
    Period, Rules,
};
use crate::rates::counts::{counts_hearings, is_corrected, is_lost, is_mediated};
use crate::render::table;

/// Which date a period filter looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateBasis {
    Received,
    Accepted,
    Closed,
    Filed,
    Hearing,
}

/// The filters of `cases`; every one that is set must hold.
#[derive(Debug, Clone, Default)]
pub struct CaseFilter {
    pub kind: Option<Kind>,
    pub unit: Option<String>,
    pub instance: Option<Instance>,
    /// Only cases whose 案由, 被申请人, 被告 or 法院 match.
    pub names: Filter,
    pub period: Option<(Period, DateBasis)>,
    pub outcome: Option<Outcome>,
    /// Conditions every listed case meets.
    pub require: Vec<Require>,
}

/// A yes/no condition of `cases`, judged by the rules the report counts with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Require {
    Corrected,
    Mediated,
    Lost,
    HeadAppeared,
    /// Not closed yet.
    Open,
    /// A reconsideration case that a lawsuit names in its 复议案号 (复议后起诉).
    SuedAfter,
}

impl CaseFilter {
    /// Whether a case (with its unit already canonical) passes every filter; `sued` holds
    /// the matching keys of the reconsideration cases lawsuits name.
    #[must_use]
    pub fn matches(&self, case: &Case, unit: &str, rules: &Rules, sued: &HashSet<String>) -> bool {
        let (opened, accepted, hearing, head) = match &case.facts {
            Facts::Reconsideration {
                received_on,
                accepted_on,
                ..
            } => (*received_on, *accepted_on, None, None),
            Facts::Litigation {
                filed_on,
                hearing_on,
                head_appeared,
                ..
            } => (*filed_on, None, *hearing_on, *head_appeared),
            Facts::Rectification { .. } | Facts::Dispute { .. } => {
                (case.opened_on(), None, None, None)
            }
        };
        let instance = case.instance();
        let in_period = self.period.is_none_or(|(period, basis)| match basis {
            DateBasis::Received => case.kind() == Kind::Reconsideration && period.contains(opened),
            DateBasis::Filed => case.kind() == Kind::Litigation && period.contains(opened),
            DateBasis::Accepted => period.holds(accepted),
            DateBasis::Closed => period.holds(case.closed_on),
            DateBasis::Hearing => period.holds(hearing),
        });
        self.kind.is_none_or(|k| k == case.kind())
            && self.unit.as_deref().is_none_or(|u| u == unit)
            && self.instance.is_none_or(|i| Some(i) == instance)
            && self.names.passes_case(case)
            && in_period
            && self.outcome.is_none_or(|o| Some(o) == case.outcome)
            && self.require.iter().all(|r| match r {
                Require::Corrected => case.countable().is_some_and(|c| is_corrected(&c, rules)),
                Require::Mediated => case.countable().is_some_and(|c| is_mediated(&c, rules)),
                Require::Lost => case.countable().is_some_and(|c| is_lost(&c, rules)),
                // As the report counts 负责人出庭: hearings of the instances the 口径 covers.
                Require::HeadAppeared => {
                    head == Some(true) && instance.is_some_and(|i| counts_hearings(i, rules))
                }
                Require::Open => case.ended_on().is_none(),
                Require::SuedAfter => {
                    case.kind() == Kind::Reconsideration && sued.contains(case.case_no.key())
                }
            })
    }
}

/// The current cases (as known on `as_of`) that pass the filter, in ledger order.
pub fn list(
    ledger: &Ledger,
    filter: &CaseFilter,
    as_of: Option<NaiveDate>,
    rules: &Rules,
) -> Result<Vec<Case>> {
    let registry = ledger.unit_registry()?;
    // The lawsuits known on the same date as the cases.
    let sued = if filter.require.contains(&Require::SuedAfter) {
        ledger.sued_after_keys(as_of)?
    } else {
        HashSet::new()
    };
    let narrowing = Narrowing {
        kind: filter.kind,
        dated: filter.period.map(|(period, basis)| {
            let column = match basis {
                DateBasis::Received => DayColumn::Received,
                DateBasis::Accepted => DayColumn::Accepted,
                DateBasis::Closed => DayColumn::Closed,
                DateBasis::Filed => DayColumn::Filed,
                DateBasis::Hearing => DayColumn::Hearing,
            };
            (column, period.from, period.to)
        }),
    };
    let mut found = Vec::new();
    // The conditions the compact state answers as the case itself would: the unit, the
    // instance, the outcome and what the counts judge by.
    let may_pass = |countable: &Countable| {
        let (instance, head_appeared) = match countable.facts {
            CountableFacts::Litigation {
                instance,
                head_appeared,
                ..
            } => (Some(instance), head_appeared),
            CountableFacts::Reconsideration { .. } => (None, None),
        };
        filter
            .unit
            .as_deref()
            .is_none_or(|u| u == registry.canonical(countable.unit))
            && filter.instance.is_none_or(|i| Some(i) == instance)
            && filter.outcome.is_none_or(|o| Some(o) == countable.outcome)
            && filter.require.iter().all(|r| match r {
                Require::Corrected => is_corrected(countable, rules),
                Require::Mediated => is_mediated(countable, rules),
                Require::Lost => is_lost(countable, rules),
                Require::Open => countable.closed_on.is_none(),
                Require::HeadAppeared => {
                    head_appeared == Some(true)
                        && instance.is_some_and(|i| counts_hearings(i, rules))
                }
                Require::SuedAfter => true,
            })
    };
    ledger.for_each_current_case(as_of, &narrowing, may_pass, |mut case| {
        let unit = registry.canonical(&case.unit).to_owned();
        if filter.matches(&case, &unit, rules, &sued) {
            case.unit = unit;
            found.push(case);
        }
    })?;
    Ok(found)
}

/// The listing as a JSON array of objects: the SPEC keys of each kind, plus `kind`.
pub fn write_json(cases: &[Case], out: &mut dyn Write) -> Result<()> {
    let array: Vec<Value> = cases
        .iter()
        .map(|case| {
            let mut object = Map::new();
            object.insert("kind".into(), Value::from(case.kind().key()));
            for (key, value) in case.fields() {
                object.insert(key.into(), json_value(&value));
            }
            Value::Object(object)
        })
        .collect();
    super::write_json_value(&array, out)
}

/// A field's value in JSON: text, an ISO date, a boolean, or null when empty.
#[must_use]
pub fn json_value(value: &FieldValue) -> Value {
    match value {
        FieldValue::Text(text) => Value::from(text.as_str()),
        FieldValue::Date(date) => Value::from(iso(*date)),
        FieldValue::Flag(flag) => Value::from(*flag),
        FieldValue::Empty => Value::Null,
    }
}

/// The listing as CSV: every key of both kinds, cells safe from formula injection.
pub fn write_csv(cases: &[Case], out: &mut dyn Write) -> Result<()> {
    let mut keys: Vec<&str> = vec!["kind"];
    for kind in Kind::ALL {
        if let Some(case) = cases.iter().find(|c| c.kind() == kind) {
            for (key, _) in case.fields() {
                if !keys.contains(&key) {
                    keys.push(key);
                }
            }
        }
    }
    let mut csv = csv::Writer::from_writer(out);
    csv.write_record(&keys)?;
    for case in cases {
        let fields = case.fields();
        let record: Vec<String> = keys
            .iter()
            .map(|key| match *key {
                "kind" => case.kind().key().to_owned(),
                key => fields
                    .iter()
                    .find(|(k, _)| *k == key)
                    .map(|(_, v)| safe(&v.display()))
                    .unwrap_or_default(),
            })
            .collect();
        csv.write_record(&record)?;
    }
    csv.flush()?;
    Ok(())
}

/// The listing as a table: the columns both kinds share, then a count.
pub fn write_table(cases: &[Case], out: &mut dyn Write) -> Result<()> {
    let mut table =
        table::with_header(["台账", "案号", "单位", "收案/立案", "结案日期", "结案方式"]);
    for case in cases {
        let opened = case.opened_on();
        let kind = match &case.facts {
            Facts::Reconsideration { .. } => "复议".to_owned(),
            Facts::Litigation { instance, .. } => format!("应诉 {}", instance.label_zh()),
            Facts::Rectification { doc_type, .. } => format!("整改 {}", doc_type.label_zh()),
            Facts::Dispute { .. } => "诉前".to_owned(),
        };
        table.add_row([
            kind,
            case.case_no.text().to_owned(),
            case.unit.clone(),
            opened.to_string(),
            case.ended_on().map(|d| d.to_string()).unwrap_or_default(),
            case.ended_as().unwrap_or_default().to_owned(),
        ]);
    }
    writeln!(out, "{table}")?;
    writeln!(out, "{} cases", cases.len())?;
    Ok(())
}
