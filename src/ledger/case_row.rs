//! How a [`Case`] is laid out in a `versions` row, both ways.

use anyhow::{Result, anyhow};
use chrono::{Datelike, NaiveDate, NaiveTime};
use rusqlite::Row;
use rusqlite::types::{ToSqlOutput, Value, ValueRef};

use crate::model::period::iso;
use crate::model::tracking::ValueType;
use crate::model::{
    Breakdown, Case, CaseNo, Countable, CountableFacts, DeadlineFacts, Facts, Instance, Kind,
    Outcome, TrackField, TrackValue, Tracking,
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

/// [`CURRENT_COLUMNS`] of the table or alias `of`, for queries that join `versions`.
#[must_use]
pub fn current_columns_of(of: &str) -> String {
    columns_of(CURRENT_COLUMNS, of)
}

fn columns_of(columns: &str, of: &str) -> String {
    columns
        .split(',')
        .map(|column| format!("{of}.{}", column.trim()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A value bound to a statement: text is borrowed from the case, not copied.
pub type Sql<'a> = ToSqlOutput<'a>;

const NULL: Sql<'static> = ToSqlOutput::Owned(Value::Null);

fn str_value(value: &str) -> Sql<'_> {
    ToSqlOutput::Borrowed(ValueRef::Text(value.as_bytes()))
}

fn text(value: Option<&String>) -> Sql<'_> {
    value.map_or(NULL, |s| str_value(s))
}

fn date(value: Option<NaiveDate>) -> Sql<'static> {
    value.map_or(NULL, |d| ToSqlOutput::Owned(Value::Text(iso(d))))
}

fn flag(value: Option<bool>) -> Sql<'static> {
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

fn track_value(value: Option<&TrackValue>) -> Sql<'_> {
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

/// The columns of `cases` that hold its current version compactly: the version's content
/// hash, its latest date (a report skips cases with no date in its periods before
/// reading the rest), what the counts read ([`Countable`]), with dates as day numbers,
/// the names a report breaks down by ([`breakdown_column`]), and a lawsuit's link to the
/// reconsideration case it followed (the matching key of its 复议案号), which tells which
/// reconsideration cases were sued after. In the order of
/// [`current_values`].
pub const CURRENT_COLUMNS: &str = concat!(
    "content, last_day, ",
    counted_columns!(),
    ", matter_key, respondent_key, defendant_key, court_key, reconsideration_key"
);

/// What [`countable_from_row`] reads after `kind`: [`CURRENT_COLUMNS`] from `unit` on.
pub const COUNTED_COLUMNS: &str = counted_columns!();

macro_rules! counted_columns {
    () => {
        "unit, outcome, instance, corrected, lost, head_appeared, head_title, \
         received_day, accepted_day, closed_day, filed_day, hearing_day, deadline_facts"
    };
}
use counted_columns;

/// Number of columns in [`CURRENT_COLUMNS`].
pub const CURRENT_COLUMN_COUNT: usize = 20;

/// Number of columns in [`COUNTED_COLUMNS`].
pub const COUNTED_COLUMN_COUNT: usize = 13;

/// The column of `cases` that holds a case's name under `by`, in
/// [`name_key`](crate::model::breakdown::name_key)'s spelling
/// (NULL when it has none); `None` for the unit, which the counts read anyway.
#[must_use]
pub fn breakdown_column(by: Breakdown) -> Option<&'static str> {
    match by {
        Breakdown::Unit => None,
        Breakdown::Matter => Some("matter_key"),
        Breakdown::Respondent => Some("respondent_key"),
        Breakdown::Defendant => Some("defendant_key"),
        Breakdown::Court => Some("court_key"),
    }
}

fn owned_text(value: Option<String>) -> Sql<'static> {
    value.map_or(NULL, |s| ToSqlOutput::Owned(Value::Text(s)))
}

fn day(value: Option<NaiveDate>) -> Sql<'static> {
    value.map_or(NULL, |d| {
        ToSqlOutput::Owned(Value::Integer(i64::from(d.num_days_from_ce())))
    })
}

/// The values of [`CURRENT_COLUMNS`] for a case.
#[must_use]
pub fn current_values(case: &Case) -> [Sql<'_>; CURRENT_COLUMN_COUNT] {
    let (instance, corrected, lost, appeared, title) = match &case.facts {
        Facts::Reconsideration { corrected, .. } => (NULL, flag(*corrected), NULL, NULL, NULL),
        Facts::Litigation {
            instance,
            head_appeared,
            head_title,
            lost,
            ..
        } => (
            str_value(instance.key()),
            NULL,
            flag(*lost),
            flag(*head_appeared),
            text(head_title.as_ref()),
        ),
    };
    let (received, accepted, filed, hearing) = match &case.facts {
        Facts::Reconsideration {
            received_on,
            accepted_on,
            ..
        } => (Some(*received_on), *accepted_on, None, None),
        Facts::Litigation {
            filed_on,
            hearing_on,
            ..
        } => (None, None, Some(*filed_on), *hearing_on),
    };
    [
        ToSqlOutput::Owned(Value::Integer(content_hash(case))),
        day(Some(case.latest_date())),
        str_value(&case.unit),
        case.outcome.map_or(NULL, |o| str_value(o.name())),
        instance,
        corrected,
        lost,
        appeared,
        title,
        day(received),
        day(accepted),
        day(case.closed_on),
        day(filed),
        day(hearing),
        deadline_value(DeadlineFacts::of(&case.tracking)),
        owned_text(Breakdown::Matter.name_of(case)),
        owned_text(Breakdown::Respondent.name_of(case)),
        owned_text(Breakdown::Defendant.name_of(case)),
        owned_text(Breakdown::Court.name_of(case)),
        case.reconsideration_no().map_or(NULL, |no| {
            ToSqlOutput::Owned(Value::Text(no.key().to_owned()))
        }),
    ]
}

/// Length of a packed [`DeadlineFacts`]: a byte of flags, then eight day numbers.
const DEADLINE_BYTES: usize = 1 + 8 * 4;

/// A day number that stands for no date in a packed [`DeadlineFacts`].
const NO_DAY: i32 = i32::MIN;

/// [`DeadlineFacts`] packed in one value, NULL for a case without them: the flags
/// (simplified, extended, hearing arranged), then the day numbers of the copy served, the
/// answer, the suspension, the resumption, the complaint received, the defence and the two
/// reminders, each little-endian. One column rather than ten: most cases have none of them,
/// and a report reads every case's current state.
fn deadline_value(facts: Option<DeadlineFacts>) -> Sql<'static> {
    let Some(facts) = facts else { return NULL };
    let mut bytes = Vec::with_capacity(DEADLINE_BYTES);
    bytes.push(
        u8::from(facts.simplified)
            | u8::from(facts.extended) << 1
            | u8::from(facts.hearing_arranged) << 2,
    );
    for date in [
        facts.copy_served_on,
        facts.answered_on,
        facts.suspended_on,
        facts.resumed_on,
        facts.complaint_received_on,
        facts.defended_on,
        facts.reminded_week_on,
        facts.reminded_day_on,
    ] {
        let number = date.map_or(NO_DAY, |d| d.num_days_from_ce());
        bytes.extend_from_slice(&number.to_le_bytes());
    }
    ToSqlOutput::Owned(Value::Blob(bytes))
}

/// Reads what [`deadline_value`] wrote.
fn deadline_facts(bytes: &[u8]) -> Result<DeadlineFacts> {
    let damaged = || anyhow!("damaged ledger: work-list facts of {} bytes", bytes.len());
    let (Some((&flags, days)), DEADLINE_BYTES) = (bytes.split_first(), bytes.len()) else {
        return Err(damaged());
    };
    let mut dates = [None; 8];
    for (date, number) in dates.iter_mut().zip(days.chunks_exact(4)) {
        let number = i32::from_le_bytes([number[0], number[1], number[2], number[3]]);
        if number != NO_DAY {
            *date = Some(NaiveDate::from_num_days_from_ce_opt(number).ok_or_else(damaged)?);
        }
    }
    let [
        copy_served_on,
        answered_on,
        suspended_on,
        resumed_on,
        complaint_received_on,
        defended_on,
        reminded_week_on,
        reminded_day_on,
    ] = dates;
    Ok(DeadlineFacts {
        simplified: flags & 1 != 0,
        extended: flags & 2 != 0,
        hearing_arranged: flags & 4 != 0,
        copy_served_on,
        answered_on,
        suspended_on,
        resumed_on,
        complaint_received_on,
        defended_on,
        reminded_week_on,
        reminded_day_on,
    })
}

/// A 64-bit hash of everything that makes two versions of a case equal or not (the case
/// number by its matching key, as [`Case`]'s equality has it). A re-imported row whose
/// hash matches the current version's is unchanged without reading that version back.
/// xxh3 is fixed by its specification, so hashes stay valid across builds and machines.
#[must_use]
pub fn content_hash(case: &Case) -> i64 {
    let mut bytes = Vec::with_capacity(256);
    let put_text = |bytes: &mut Vec<u8>, value: Option<&str>| match value {
        None => bytes.push(0),
        Some(s) => {
            bytes.push(1);
            bytes.extend_from_slice(&(s.len() as u64).to_le_bytes());
            bytes.extend_from_slice(s.as_bytes());
        }
    };
    let put_date = |bytes: &mut Vec<u8>, value: Option<NaiveDate>| match value {
        None => bytes.push(0),
        Some(d) => {
            bytes.push(1);
            bytes.extend_from_slice(&d.num_days_from_ce().to_le_bytes());
        }
    };
    let put_flag = |bytes: &mut Vec<u8>, value: Option<bool>| {
        bytes.push(value.map_or(0, |b| 1 + u8::from(b)));
    };
    put_text(&mut bytes, Some(case.case_no.key()));
    put_text(&mut bytes, Some(&case.unit));
    put_text(&mut bytes, case.matter.as_deref());
    put_date(&mut bytes, case.closed_on);
    put_text(&mut bytes, case.outcome.map(Outcome::name));
    put_text(&mut bytes, case.lead.as_deref());
    put_text(&mut bytes, case.note.as_deref());
    match &case.facts {
        Facts::Reconsideration {
            respondent,
            received_on,
            accepted_on,
            corrected,
        } => {
            bytes.push(b'R');
            put_text(&mut bytes, respondent.as_deref());
            put_date(&mut bytes, Some(*received_on));
            put_date(&mut bytes, *accepted_on);
            put_flag(&mut bytes, *corrected);
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
            bytes.push(b'L');
            put_text(&mut bytes, Some(instance.key()));
            put_text(&mut bytes, court.as_deref());
            put_text(&mut bytes, defendant.as_deref());
            put_date(&mut bytes, Some(*filed_on));
            put_date(&mut bytes, *hearing_on);
            put_flag(&mut bytes, *head_appeared);
            put_text(&mut bytes, head_name.as_deref());
            put_text(&mut bytes, head_title.as_deref());
            put_flag(&mut bytes, *lost);
        }
    }
    // Only a case with work-list facts hashes them: every version stored before they
    // existed keeps its hash, so a re-import still finds it unchanged.
    if !case.tracking.is_empty() {
        bytes.push(b'T');
        for (_, value) in case.tracking.iter() {
            match value {
                None => bytes.push(0),
                Some(TrackValue::Date(date)) => put_date(&mut bytes, Some(*date)),
                Some(TrackValue::Flag(flag)) => put_flag(&mut bytes, Some(*flag)),
                Some(TrackValue::Text(text)) => put_text(&mut bytes, Some(text)),
                Some(time @ TrackValue::Time(_)) => put_text(&mut bytes, Some(&time.display())),
            }
        }
    }
    i64::from_le_bytes(xxhash_rust::xxh3::xxh3_64(&bytes).to_le_bytes())
}

/// Reads the view the counts need from a row whose column `first` is `cases.kind` and
/// whose next columns are [`COUNTED_COLUMNS`]. Borrows its text from
/// the row: a report allocates nothing per case. Whether a lawsuit names a
/// reconsideration case is not in the row: the caller sets `sued_after`.
pub fn countable_from_row<'r>(row: &'r Row, first: usize) -> Result<Countable<'r>> {
    let get_text = |i: usize| -> Result<Option<&'r str>> {
        match row.get_ref(first + i)? {
            ValueRef::Null => Ok(None),
            ValueRef::Text(bytes) => {
                Ok(Some(std::str::from_utf8(bytes).map_err(|_| {
                    anyhow!("damaged ledger: text that is not UTF-8")
                })?))
            }
            _ => Err(anyhow!("damaged ledger: a number where text belongs")),
        }
    };
    let get_int = |i: usize| -> Result<Option<i64>> {
        match row.get_ref(first + i)? {
            ValueRef::Null => Ok(None),
            ValueRef::Integer(v) => Ok(Some(v)),
            _ => Err(anyhow!("damaged ledger: text where a number belongs")),
        }
    };
    let get_flag = |i: usize| -> Result<Option<bool>> { Ok(get_int(i)?.map(|v| v != 0)) };
    let get_day = |i: usize| -> Result<Option<NaiveDate>> {
        get_int(i)?
            .map(|v| {
                i32::try_from(v)
                    .ok()
                    .and_then(NaiveDate::from_num_days_from_ce_opt)
                    .ok_or_else(|| anyhow!("damaged ledger: day number {v}"))
            })
            .transpose()
    };
    let required = |value: Option<NaiveDate>, what: &str| {
        value.ok_or_else(|| anyhow!("damaged ledger: a case without {what}"))
    };
    let unit = get_text(1)?.ok_or_else(|| anyhow!("damaged ledger: a case without a unit"))?;
    let outcome = get_text(2)?
        .map(|name| {
            Outcome::from_name(name)
                .ok_or_else(|| anyhow!("damaged ledger: unknown outcome `{name}`"))
        })
        .transpose()?;
    let facts = match get_text(0)? {
        Some(kind) if kind == Kind::Reconsideration.key() => CountableFacts::Reconsideration {
            received_on: required(get_day(8)?, "a received date")?,
            accepted_on: get_day(9)?,
            corrected: get_flag(4)?,
            sued_after: false,
        },
        Some(kind) if kind == Kind::Litigation.key() => CountableFacts::Litigation {
            instance: get_text(3)?
                .and_then(Instance::from_key)
                .ok_or_else(|| anyhow!("damaged ledger: a lawsuit without an instance"))?,
            filed_on: required(get_day(11)?, "a filing date")?,
            hearing_on: get_day(12)?,
            head_appeared: get_flag(6)?,
            head_title: get_text(7)?,
            lost: get_flag(5)?,
        },
        other => return Err(anyhow!("damaged ledger: case kind {other:?}")),
    };
    let deadlines = match row.get_ref(first + 13)? {
        ValueRef::Null => None,
        ValueRef::Blob(bytes) => Some(deadline_facts(bytes)?),
        _ => {
            return Err(anyhow!(
                "damaged ledger: work-list facts that are not bytes"
            ));
        }
    };
    Ok(Countable {
        unit,
        closed_on: get_day(10)?,
        outcome,
        facts,
        deadlines,
    })
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

    fn packed(facts: Option<DeadlineFacts>) -> Option<Vec<u8>> {
        match deadline_value(facts) {
            ToSqlOutput::Owned(Value::Blob(bytes)) => Some(bytes),
            _ => None,
        }
    }

    #[test]
    fn deadline_facts_pack_and_unpack() {
        assert_eq!(packed(None), None, "no facts, no value");
        let day = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        for facts in [
            DeadlineFacts::default(),
            DeadlineFacts {
                simplified: true,
                hearing_arranged: true,
                copy_served_on: day("2025-01-24"),
                resumed_on: Some(NaiveDate::MIN),
                reminded_day_on: Some(NaiveDate::MAX),
                ..DeadlineFacts::default()
            },
            DeadlineFacts {
                extended: true,
                answered_on: day("0001-01-01"),
                defended_on: day("2025-06-19"),
                ..DeadlineFacts::default()
            },
        ] {
            let bytes = packed(Some(facts)).unwrap();
            assert_eq!(bytes.len(), DEADLINE_BYTES);
            assert_eq!(deadline_facts(&bytes).unwrap(), facts);
        }
    }

    #[test]
    fn damaged_deadline_facts_are_an_error() {
        let mut bytes = packed(Some(DeadlineFacts::default())).unwrap();
        assert!(deadline_facts(&bytes[..DEADLINE_BYTES - 1]).is_err());
        assert!(deadline_facts(&[]).is_err());
        bytes[1..5].copy_from_slice(&i32::MAX.to_le_bytes());
        let err = deadline_facts(&bytes).unwrap_err();
        assert!(err.to_string().contains("damaged ledger"), "{err}");
    }
}
