//! How a [`Case`] is laid out in a `versions` row, both ways.

use anyhow::{Result, anyhow};
use chrono::{NaiveDate, NaiveTime};
use rusqlite::Row;
use rusqlite::types::{ToSqlOutput, Value, ValueRef};

use crate::model::period::iso;
use crate::model::tracking::ValueType;
use crate::model::{
    Case, CaseNo, Facts, Instance, Kind, Outcome, TrackField, TrackValue, Tracking,
};

/// The columns of `versions` every case fills, then those of each kind: one list, from
/// which both [`CASE_COLUMNS`] and [`written_columns`] are built.
macro_rules! shared_columns {
    () => {
        "case_no, unit, matter, closed_on, outcome, lead, note"
    };
}
macro_rules! reconsideration_columns {
    () => {
        "respondent, received_on, accepted_on, corrected"
    };
}
macro_rules! litigation_columns {
    () => {
        "instance, court, defendant, filed_on, hearing_on, head_appeared, head_name, \
         head_title, lost"
    };
}

/// The work-list columns: [`TrackField::ALL`]'s keys, in its order (a test checks it).
macro_rules! tracking_columns {
    () => {
        "simplified, copy_served_on, answered_on, extended, suspended_on, resumed_on, \
         complaint_received_on, defended_on, hearing_at, hearing_place, planned_head_name, \
         planned_head_title, served_on, reminded_week_on, reminded_day_on, \
         reconsideration_no, owner_unit, progress, risk"
    };
}

/// The work-list columns of `versions`, in [`TrackField::ALL`]'s order.
pub const TRACKING_COLUMNS: &str = tracking_columns!();

/// The case columns of `versions`, in the order of [`from_row`].
pub const CASE_COLUMNS: &str = concat!(
    shared_columns!(),
    ", ",
    reconsideration_columns!(),
    ", ",
    litigation_columns!(),
    ", ",
    tracking_columns!()
);

/// Number of columns in [`CASE_COLUMNS`] before the work-list ones.
pub(super) const LEDGER_COLUMN_COUNT: usize = 20;

/// Number of columns in [`CASE_COLUMNS`].
pub const CASE_COLUMN_COUNT: usize = LEDGER_COLUMN_COUNT + TrackField::ALL.len();

/// [`CASE_COLUMNS`] of the table or alias `of` (`v.case_no, v.unit, …`), for queries that
/// join `cases`, whose current-state columns share some of these names.
#[must_use]
pub fn case_columns_of(of: &str) -> String {
    columns_of(CASE_COLUMNS, of)
}

/// The columns of a list as columns of the table or alias `of`: `v.case_no, v.unit, …`.
pub(super) fn columns_of(columns: &str, of: &str) -> String {
    columns
        .split(',')
        .map(|column| format!("{of}.{}", column.trim()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A value bound to a statement: text is borrowed from the case, not copied.
pub type Sql<'a> = ToSqlOutput<'a>;

pub(super) const NULL: Sql<'static> = ToSqlOutput::Owned(Value::Null);

pub(super) fn str_value(value: &str) -> Sql<'_> {
    ToSqlOutput::Borrowed(ValueRef::Text(value.as_bytes()))
}

pub(super) fn text(value: Option<&String>) -> Sql<'_> {
    value.map_or(NULL, |s| str_value(s))
}

pub(super) fn date(value: Option<NaiveDate>) -> Sql<'static> {
    value.map_or(NULL, |d| ToSqlOutput::Owned(Value::Text(iso(d))))
}

pub(super) fn flag(value: Option<bool>) -> Sql<'static> {
    value.map_or(NULL, |b| ToSqlOutput::Owned(Value::Integer(i64::from(b))))
}

/// The columns of [`CASE_COLUMNS`] a case of `kind` fills, in the order of [`to_values`]:
/// with its work-list columns only for a case that has work-list facts. A version is
/// written with these alone: the other columns default to NULL, and binding them would
/// cost a large import a tenth of its time.
#[must_use]
pub fn written_columns(kind: Kind, tracking: bool) -> String {
    let ledger = match kind {
        Kind::Reconsideration => concat!(shared_columns!(), ", ", reconsideration_columns!()),
        Kind::Litigation => concat!(shared_columns!(), ", ", litigation_columns!()),
    };
    if !tracking {
        return ledger.to_owned();
    }
    let tracked: Vec<&str> = TrackField::of(kind).map(TrackField::key).collect();
    format!("{ledger}, {}", tracked.join(", "))
}

pub(super) fn track_value(value: Option<&TrackValue>) -> Sql<'_> {
    match value {
        None => NULL,
        Some(TrackValue::Date(date)) => ToSqlOutput::Owned(Value::Text(iso(*date))),
        Some(TrackValue::Flag(flag)) => ToSqlOutput::Owned(Value::Integer(i64::from(*flag))),
        Some(TrackValue::Text(text)) => str_value(text),
        Some(time @ TrackValue::Time(_)) => ToSqlOutput::Owned(Value::Text(time.display())),
    }
}

/// The values of [`written_columns`] for a case.
#[must_use]
pub fn to_values(case: &Case) -> Vec<Sql<'_>> {
    let mut values = Vec::with_capacity(CASE_COLUMN_COUNT);
    values.extend([
        str_value(case.case_no.text()),
        str_value(&case.unit),
        text(case.matter.as_ref()),
        date(case.closed_on),
        case.outcome.map_or(NULL, |o| str_value(o.name())),
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
            values.extend([
                str_value(instance.key()),
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
    if !case.tracking.is_empty() {
        values.extend(TrackField::of(case.kind()).map(|f| track_value(case.tracking.get(f))));
    }
    values
}

/// Reads a case from a row whose first column is `cases.kind` and whose next ones are
/// [`CASE_COLUMNS`].
pub fn kind_and_case(row: &Row) -> Result<Case> {
    let kind: String = row.get(0)?;
    let kind: Kind = kind.parse().map_err(|e| anyhow!("damaged ledger: {e}"))?;
    from_row(kind, row, 1)
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
    let mut tracking = Tracking::default();
    for (offset, field) in TrackField::ALL.into_iter().enumerate() {
        let i = LEDGER_COLUMN_COUNT + offset;
        let value = match field.value_type() {
            ValueType::Date => get_date(i)?.map(TrackValue::Date),
            ValueType::Flag => get_flag(i)?.map(TrackValue::Flag),
            ValueType::Text => get_text(i)?.map(TrackValue::Text),
            ValueType::Time => get_text(i)?
                .map(|s| {
                    NaiveTime::parse_from_str(&s, "%H:%M")
                        .map(TrackValue::Time)
                        .map_err(|_| anyhow!("damaged ledger: `{s}` in a time column"))
                })
                .transpose()?,
        };
        tracking.set(field, value);
    }
    Ok(Case {
        case_no,
        unit: row.get(first + 1)?,
        matter: get_text(2)?,
        closed_on: get_date(3)?,
        outcome,
        lead: get_text(5)?,
        note: get_text(6)?,
        facts,
        tracking,
    })
}

/// `?, ?, …`: the placeholders of `n` values.
pub(super) fn slots(n: usize) -> String {
    vec!["?"; n].join(", ")
}

/// A whole number bound to a statement.
pub(super) fn int_sql(value: i64) -> Sql<'static> {
    ToSqlOutput::Owned(Value::Integer(value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_work_list_columns_are_the_fields_keys_in_their_order() {
        let columns: Vec<&str> = CASE_COLUMNS.split(',').map(str::trim).collect();
        assert_eq!(columns.len(), CASE_COLUMN_COUNT);
        let keys: Vec<&str> = TrackField::ALL.iter().map(|f| f.key()).collect();
        assert_eq!(columns[LEDGER_COLUMN_COUNT..], keys[..]);
    }
}
