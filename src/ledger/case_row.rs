//! How a [`Case`] is laid out in a `versions` row, both ways.

use anyhow::{Result, anyhow};
use chrono::{NaiveDate, NaiveTime};
use rusqlite::Row;
use rusqlite::types::{ToSqlOutput, Value, ValueRef};

use std::collections::HashMap;
use std::sync::LazyLock;

use super::Error;
use crate::model::period::iso;
use crate::model::tracking::ValueType;
use crate::model::{
    Case, CaseNo, Choice, Facts, Field, FieldRef, Instance, Kind, Outcome, TrackField, TrackValue,
    Tracking,
};

/// The case columns of `versions`, in the order of [`Field::columns`].
pub static CASE_COLUMNS: LazyLock<String> = LazyLock::new(|| keys(Field::columns()));

/// Number of columns in [`CASE_COLUMNS`] before the work-list ones.
#[cfg(test)]
pub(super) const LEDGER_COLUMN_COUNT: usize = crate::model::field::FIRST_COLUMNS;

/// The fields a case of `kind` fills, in the order of [`to_values`]: with its work-list
/// facts only for a case that has some. A version is written with these alone: the other
/// columns default to NULL, and binding them would cost a large import a tenth of its time.
fn written_fields(kind: Kind, tracking: bool) -> impl Iterator<Item = Field> {
    let tracked = TrackField::of(kind).filter(move |_| tracking);
    Field::shared()
        .chain(Field::own(kind).iter().copied())
        .chain(tracked.map(Field::Track))
}

fn keys(fields: impl Iterator<Item = Field>) -> String {
    fields.map(Field::key).collect::<Vec<_>>().join(", ")
}

/// [`CASE_COLUMNS`] of the table or alias `of` (`v.case_no, v.unit, …`), for queries that
/// join `cases`, whose current-state columns share some of these names.
#[must_use]
pub fn case_columns_of(of: &str) -> String {
    columns_of(&CASE_COLUMNS, of)
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

/// The columns of [`CASE_COLUMNS`] a case of `kind` fills ([`written_fields`]).
#[must_use]
pub fn written_columns(kind: Kind, tracking: bool) -> String {
    keys(written_fields(kind, tracking))
}

/// A field's value bound to a statement: a case number as written, an instance by its
/// key (and every word of a closed set), an outcome by its name, a time as `HH:MM`.
fn sql_value(value: FieldRef<'_>) -> Sql<'_> {
    match value {
        FieldRef::CaseNo(no) => str_value(no.text()),
        FieldRef::Choice(choice) => choice.map_or(NULL, |(key, _)| str_value(key)),
        FieldRef::Outcome(outcome) => outcome.map_or(NULL, |o| str_value(o.name())),
        FieldRef::Text(value) => value.map_or(NULL, str_value),
        FieldRef::Date(value) => date(value),
        FieldRef::Flag(value) => flag(value),
        FieldRef::Time(value) => value.map_or(NULL, |t| {
            ToSqlOutput::Owned(Value::Text(t.format("%H:%M").to_string()))
        }),
    }
}

/// The values of [`written_columns`] for a case.
#[must_use]
pub fn to_values(case: &Case) -> Vec<Sql<'_>> {
    written_fields(case.kind(), !case.tracking.is_empty())
        .filter_map(|field| case.get(field).map(sql_value))
        .collect()
}

/// Reads a case from a row whose first column is `cases.kind` and whose next ones are
/// [`CASE_COLUMNS`].
pub fn kind_and_case(row: &Row) -> Result<Case> {
    let kind: String = row.get(0)?;
    let kind: Kind = kind.parse().map_err(Error::damaged)?;
    from_row(kind, row, 1)
}

/// Reads a case from a row whose columns from `first` on are [`CASE_COLUMNS`].
pub fn from_row(kind: Kind, row: &Row, first: usize) -> Result<Case> {
    let c = Columns { row, first };
    let outcome = c
        .text(Field::Outcome)?
        .map(|name| {
            Outcome::from_name(&name)
                .ok_or_else(|| Error::damaged(format!("unknown outcome `{name}`")))
        })
        .transpose()?;
    Ok(Case {
        case_no: c
            .text(Field::CaseNo)?
            .as_deref()
            .and_then(CaseNo::new)
            .ok_or_else(|| Error::damaged("a version without a case number"))?,
        unit: row.get(c.at(Field::Unit)?)?,
        matter: c.text(Field::Matter)?,
        closed_on: c.date(Field::ClosedOn)?,
        outcome,
        lead: c.text(Field::Lead)?,
        note: c.text(Field::Note)?,
        facts: facts(kind, &c)?,
        tracking: tracking(&c)?,
    })
}

/// The facts of a case's own kind.
fn facts(kind: Kind, c: &Columns) -> Result<Facts> {
    Ok(match kind {
        Kind::Reconsideration => Facts::Reconsideration {
            respondent: c.text(Field::Respondent)?,
            received_on: c.required(Field::ReceivedOn)?,
            accepted_on: c.date(Field::AcceptedOn)?,
            corrected: c.flag(Field::Corrected)?,
        },
        Kind::Litigation => Facts::Litigation {
            instance: c
                .text(Field::Instance)?
                .as_deref()
                .and_then(Instance::from_key)
                .ok_or_else(|| Error::damaged("a lawsuit version without an instance"))?,
            court: c.text(Field::Court)?,
            defendant: c.text(Field::Defendant)?,
            filed_on: c.required(Field::FiledOn)?,
            hearing_on: c.date(Field::HearingOn)?,
            head_appeared: c.flag(Field::HeadAppeared)?,
            head_name: c.text(Field::HeadName)?,
            head_title: c.text(Field::HeadTitle)?,
            lost: c.flag(Field::Lost)?,
        },
        Kind::Rectification => Facts::Rectification {
            doc_type: c
                .choice(Field::DocType)?
                .ok_or_else(|| Error::damaged("a document version without its type"))?,
            issuer: c.text(Field::Issuer)?,
            addressee: c.text(Field::Addressee)?,
            linked_case_no: c.text(Field::LinkedCaseNo)?,
            issued_on: c.required(Field::IssuedOn)?,
            received_on: c.date(Field::ReceivedOn)?,
            reply_due_on: c.date(Field::ReplyDueOn)?,
            replied_on: c.date(Field::RepliedOn)?,
            status: c.choice(Field::Status)?,
        },
        Kind::Dispute => Facts::Dispute {
            agency: c.text(Field::Agency)?,
            received_on: c.required(Field::ReceivedOn)?,
            reviewed_on: c.date(Field::ReviewedOn)?,
            planned_on: c.date(Field::PlannedOn)?,
            court_received_on: c.date(Field::CourtReceivedOn)?,
            mediation_started_on: c.date(Field::MediationStartedOn)?,
            result: c.choice(Field::Result)?,
            resolved_on: c.date(Field::ResolvedOn)?,
        },
    })
}

fn tracking(c: &Columns) -> Result<Tracking> {
    let mut tracking = Tracking::default();
    for field in TrackField::ALL {
        let column = Field::Track(field);
        let value = match field.value_type() {
            ValueType::Date => c.date(column)?.map(TrackValue::Date),
            ValueType::Flag => c.flag(column)?.map(TrackValue::Flag),
            ValueType::Text => c.text(column)?.map(TrackValue::Text),
            ValueType::Time => c
                .text(column)?
                .map(|s| {
                    NaiveTime::parse_from_str(&s, "%H:%M")
                        .map(TrackValue::Time)
                        .map_err(|_| Error::damaged(format!("`{s}` in a time column")))
                })
                .transpose()?,
        };
        tracking.set(field, value);
    }
    Ok(tracking)
}

/// The columns of one case in a row, read by field.
struct Columns<'r, 's> {
    row: &'r Row<'s>,
    first: usize,
}

impl Columns<'_, '_> {
    fn at(&self, field: Field) -> Result<usize> {
        let index = column_index(field)
            .ok_or_else(|| anyhow!("no column of the ledger holds `{}`", field.key()))?;
        Ok(self.first + index)
    }

    fn text(&self, field: Field) -> Result<Option<String>> {
        Ok(self.row.get(self.at(field)?)?)
    }

    fn date(&self, field: Field) -> Result<Option<NaiveDate>> {
        self.text(field)?
            .map(|s| {
                NaiveDate::parse_from_str(&s, "%Y-%m-%d")
                    .map_err(|_| Error::damaged(format!("`{s}` in a date column")).into())
            })
            .transpose()
    }

    fn required(&self, field: Field) -> Result<NaiveDate> {
        self.date(field)?
            .ok_or_else(|| Error::damaged(format!("a version without {}", field.key())).into())
    }

    fn flag(&self, field: Field) -> Result<Option<bool>> {
        Ok(self
            .row
            .get::<_, Option<i64>>(self.at(field)?)?
            .map(|v| v != 0))
    }

    fn choice<T: Choice>(&self, field: Field) -> Result<Option<T>> {
        self.text(field)?
            .map(|key| {
                T::from_key(&key)
                    .ok_or_else(|| Error::damaged(format!("unknown value `{key}`")).into())
            })
            .transpose()
    }
}

/// A field's place in [`CASE_COLUMNS`], worked out once (a row is read field by field, a
/// million times in a large report); `None` for a field that is not stored.
fn column_index(field: Field) -> Option<usize> {
    static PLACES: LazyLock<HashMap<Field, usize>> =
        LazyLock::new(|| Field::columns().enumerate().map(|(i, f)| (f, i)).collect());
    PLACES.get(&field).copied()
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
        for (index, column) in columns.iter().enumerate() {
            let field = Field::columns().find(|f| f.key() == *column);
            assert_eq!(field.and_then(column_index), Some(index), "{column}");
        }
        let keys: Vec<&str> = TrackField::ALL
            .iter()
            .filter(|f| !crate::model::field::LATER_TRACKED.contains(f))
            .map(|f| f.key())
            .collect();
        let tracked = LEDGER_COLUMN_COUNT..LEDGER_COLUMN_COUNT + keys.len();
        assert_eq!(columns[tracked], keys[..]);
    }

    /// The migrations made the columns the field list names, in its order, after the
    /// version's own (id, case, batch, as-of, source row).
    #[test]
    fn the_columns_are_those_the_migrations_made() {
        let made = super::super::schema::migrated_columns("versions");
        let listed: Vec<&str> = CASE_COLUMNS.split(',').map(str::trim).collect();
        assert_eq!(
            made[..5],
            ["id", "case_id", "batch_id", "as_of", "source_row"]
        );
        assert_eq!(made[5..], listed[..]);
    }
}
