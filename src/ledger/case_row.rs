//! How a [`Case`] is laid out in a `versions` row, both ways.

use anyhow::{Result, anyhow};
use chrono::NaiveDate;
use rusqlite::Row;
use rusqlite::types::Value;

use crate::model::period::iso;
use crate::model::{Case, CaseNo, Facts, Instance, Kind, Outcome};

/// The case columns of `versions`, in the order of [`to_values`] and [`from_row`].
pub const CASE_COLUMNS: &str = "case_no, unit, matter, closed_on, outcome, lead, note, \
     respondent, received_on, accepted_on, corrected, \
     instance, court, defendant, filed_on, hearing_on, head_appeared, head_name, head_title, lost";

/// Number of columns in [`CASE_COLUMNS`].
pub const CASE_COLUMN_COUNT: usize = 20;

fn text(value: Option<&String>) -> Value {
    value.map_or(Value::Null, |s| Value::Text(s.clone()))
}

fn date(value: Option<NaiveDate>) -> Value {
    value.map_or(Value::Null, |d| Value::Text(iso(d)))
}

fn flag(value: Option<bool>) -> Value {
    value.map_or(Value::Null, |b| Value::Integer(i64::from(b)))
}

/// The values of [`CASE_COLUMNS`] for a case; the other kind's columns are NULL.
#[must_use]
pub fn to_values(case: &Case) -> Vec<Value> {
    let mut values = Vec::with_capacity(CASE_COLUMN_COUNT);
    values.extend([
        Value::Text(case.case_no.text().to_owned()),
        Value::Text(case.unit.clone()),
        text(case.matter.as_ref()),
        date(case.closed_on),
        case.outcome
            .map_or(Value::Null, |o| Value::Text(o.name().to_owned())),
        text(case.lead.as_ref()),
        text(case.note.as_ref()),
    ]);
    match &case.facts {
        Facts::Reconsideration {
            respondent,
            received_on,
            accepted_on,
            corrected,
        } => {
            values.extend([
                text(respondent.as_ref()),
                date(Some(*received_on)),
                date(*accepted_on),
                flag(*corrected),
            ]);
            values.extend(std::iter::repeat_n(Value::Null, 9));
        }
        Facts::Litigation {
            instance,
            court,
            defendant,
            filed_on,
            hearing_on,
            head_appeared,
            head_name,
            head_title,
            lost,
        } => {
            values.extend(std::iter::repeat_n(Value::Null, 4));
            values.extend([
                Value::Text(instance.key().to_owned()),
                text(court.as_ref()),
                text(defendant.as_ref()),
                date(Some(*filed_on)),
                date(*hearing_on),
                flag(*head_appeared),
                text(head_name.as_ref()),
                text(head_title.as_ref()),
                flag(*lost),
            ]);
        }
    }
    values
}

/// Reads a case from a row whose columns from `first` on are [`CASE_COLUMNS`].
pub fn from_row(kind: Kind, row: &Row, first: usize) -> Result<Case> {
    let get_text = |i: usize| -> Result<Option<String>> { Ok(row.get(first + i)?) };
    let get_date = |i: usize| -> Result<Option<NaiveDate>> {
        get_text(i)?
            .map(|s| {
                NaiveDate::parse_from_str(&s, "%Y-%m-%d")
                    .map_err(|_| anyhow!("damaged ledger: `{s}` in a date column"))
            })
            .transpose()
    };
    let get_flag = |i: usize| -> Result<Option<bool>> {
        Ok(row.get::<_, Option<i64>>(first + i)?.map(|v| v != 0))
    };
    let required = |value: Option<NaiveDate>, what: &str| {
        value.ok_or_else(|| anyhow!("damaged ledger: a version without {what}"))
    };

    let case_no_text: String = row.get(first)?;
    let case_no = CaseNo::new(&case_no_text)
        .ok_or_else(|| anyhow!("damaged ledger: a version without a case number"))?;
    let outcome = get_text(4)?
        .map(|name| {
            Outcome::from_name(&name)
                .ok_or_else(|| anyhow!("damaged ledger: unknown outcome `{name}`"))
        })
        .transpose()?;
    let facts = match kind {
        Kind::Reconsideration => Facts::Reconsideration {
            respondent: get_text(7)?,
            received_on: required(get_date(8)?, "a received date")?,
            accepted_on: get_date(9)?,
            corrected: get_flag(10)?,
        },
        Kind::Litigation => {
            let instance = get_text(11)?
                .as_deref()
                .and_then(Instance::from_key)
                .ok_or_else(|| anyhow!("damaged ledger: a lawsuit version without an instance"))?;
            Facts::Litigation {
                instance,
                court: get_text(12)?,
                defendant: get_text(13)?,
                filed_on: required(get_date(14)?, "a filing date")?,
                hearing_on: get_date(15)?,
                head_appeared: get_flag(16)?,
                head_name: get_text(17)?,
                head_title: get_text(18)?,
                lost: get_flag(19)?,
            }
        }
    };
    Ok(Case {
        case_no,
        unit: row.get(first + 1)?,
        matter: get_text(2)?,
        closed_on: get_date(3)?,
        outcome,
        lead: get_text(5)?,
        note: get_text(6)?,
        facts,
    })
}
