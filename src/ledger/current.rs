//! Each case's current state, kept beside its key in `cases`: the columns a report counts
//! from (dates as day numbers, the breakdown names, the link to a reconsideration case),
//! the version's content hash, and every function that keeps them true — after an import,
//! a late week, an undo, or a migration that added a column.

use std::sync::LazyLock;

use anyhow::Result;
use chrono::{Datelike, NaiveDate};
use rusqlite::types::{ToSqlOutput, Value, ValueRef};
use rusqlite::{Connection, Row, Statement, Transaction, params, params_from_iter};

use super::Error;
use super::case_row::{
    self, CASE_COLUMNS, NULL, Sql, columns_of, flag, int_sql, slots, str_value, text,
};
use super::sightings;
use super::tables::{BATCHES, CASES, END_OF_TIME, VERSIONS};
use crate::model::{
    Breakdown, Case, Countable, CountableFacts, DeadlineFacts, Facts, Field, FieldRef, Instance,
    Kind, Outcome, TrackField,
};

/// A column of `cases` that holds its current version compactly: the version's content
/// hash, its latest date (a report skips cases with no date in its periods before
/// reading the rest), what the counts read ([`Countable`]), with dates as day numbers,
/// the names a report breaks down by ([`breakdown_column`]), and a lawsuit's link to the
/// reconsideration case it followed (the matching key of its 复议案号), which tells which
/// reconsideration cases were sued after. Written by [`current_values`], read by
/// [`countable_from_row`] by name, never by a place counted out by hand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Current {
    Content,
    LastDay,
    Unit,
    Outcome,
    Instance,
    Corrected,
    Lost,
    HeadAppeared,
    HeadTitle,
    ReceivedDay,
    AcceptedDay,
    ClosedDay,
    FiledDay,
    HearingDay,
    DeadlineFacts,
    MatterKey,
    RespondentKey,
    DefendantKey,
    CourtKey,
    ReconsiderationKey,
}

impl Current {
    /// Every column, in the table's order.
    pub const ALL: [Current; 20] = [
        Current::Content,
        Current::LastDay,
        Current::Unit,
        Current::Outcome,
        Current::Instance,
        Current::Corrected,
        Current::Lost,
        Current::HeadAppeared,
        Current::HeadTitle,
        Current::ReceivedDay,
        Current::AcceptedDay,
        Current::ClosedDay,
        Current::FiledDay,
        Current::HearingDay,
        Current::DeadlineFacts,
        Current::MatterKey,
        Current::RespondentKey,
        Current::DefendantKey,
        Current::CourtKey,
        Current::ReconsiderationKey,
    ];

    /// The columns the counts read, from the unit to the work-list facts ([`COUNTED_COLUMNS`]).
    const COUNTED: std::ops::RangeInclusive<usize> =
        Current::Unit as usize..=Current::DeadlineFacts as usize;

    /// The column's name in `cases`.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Current::Content => "content",
            Current::LastDay => "last_day",
            Current::Unit => "unit",
            Current::Outcome => "outcome",
            Current::Instance => "instance",
            Current::Corrected => "corrected",
            Current::Lost => "lost",
            Current::HeadAppeared => "head_appeared",
            Current::HeadTitle => "head_title",
            Current::ReceivedDay => "received_day",
            Current::AcceptedDay => "accepted_day",
            Current::ClosedDay => "closed_day",
            Current::FiledDay => "filed_day",
            Current::HearingDay => "hearing_day",
            Current::DeadlineFacts => "deadline_facts",
            Current::MatterKey => "matter_key",
            Current::RespondentKey => "respondent_key",
            Current::DefendantKey => "defendant_key",
            Current::CourtKey => "court_key",
            Current::ReconsiderationKey => "reconsideration_key",
        }
    }

    /// Where a counted column is in a row read by [`countable_from_row`]: after the kind.
    fn counted_place(self) -> usize {
        1 + self as usize - *Current::COUNTED.start()
    }
}

fn names(columns: &[Current]) -> String {
    columns
        .iter()
        .map(|c| c.name())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The names of [`Current::ALL`], in order, for SQL.
pub static CURRENT_COLUMNS: LazyLock<String> = LazyLock::new(|| names(&Current::ALL));

/// What [`countable_from_row`] reads after `kind`: the counted columns of [`Current`].
pub static COUNTED_COLUMNS: LazyLock<String> =
    LazyLock::new(|| names(&Current::ALL[Current::COUNTED]));

/// Number of columns in [`CURRENT_COLUMNS`].
pub const CURRENT_COLUMN_COUNT: usize = Current::ALL.len();

/// [`CURRENT_COLUMNS`] of the table or alias `of`, for queries that join `versions`.
#[must_use]
pub fn current_columns_of(of: &str) -> String {
    columns_of(&CURRENT_COLUMNS, of)
}

/// Number of columns in [`COUNTED_COLUMNS`].
pub const COUNTED_COLUMN_COUNT: usize = *Current::COUNTED.end() - *Current::COUNTED.start() + 1;

/// The column of `cases` that holds a case's name under `by`, in
/// [`name_key`](crate::model::breakdown::name_key)'s spelling
/// (NULL when it has none); `None` for the unit, which the counts read anyway.
#[must_use]
pub fn breakdown_column(by: Breakdown) -> Option<&'static str> {
    match by {
        Breakdown::Unit => None,
        Breakdown::Matter => Some(Current::MatterKey.name()),
        Breakdown::Respondent => Some(Current::RespondentKey.name()),
        Breakdown::Defendant => Some(Current::DefendantKey.name()),
        Breakdown::Court => Some(Current::CourtKey.name()),
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

/// The values of [`CURRENT_COLUMNS`] for a case, each named by its column.
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
        // Documents and disputes are not counted from the compact state.
        Facts::Rectification { .. } | Facts::Dispute { .. } => (NULL, NULL, NULL, NULL, NULL),
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
        Facts::Rectification { .. } | Facts::Dispute { .. } => (None, None, None, None),
    };
    Current::ALL.map(|column| match column {
        Current::Content => ToSqlOutput::Owned(Value::Integer(content_hash(case))),
        // Documents and disputes have none: the counts' scan (`last_day >= …`) skips them.
        Current::LastDay => day(case.kind().is_case().then(|| case.latest_date())),
        Current::Unit => str_value(&case.unit),
        Current::Outcome => case.outcome.map_or(NULL, |o| str_value(o.name())),
        Current::Instance => instance.clone(),
        Current::Corrected => corrected.clone(),
        Current::Lost => lost.clone(),
        Current::HeadAppeared => appeared.clone(),
        Current::HeadTitle => title.clone(),
        Current::ReceivedDay => day(received),
        Current::AcceptedDay => day(accepted),
        Current::ClosedDay => day(case.closed_on),
        Current::FiledDay => day(filed),
        Current::HearingDay => day(hearing),
        Current::DeadlineFacts => deadline_value(DeadlineFacts::of(&case.tracking)),
        Current::MatterKey => owned_text(Breakdown::Matter.name_of(case)),
        Current::RespondentKey => owned_text(Breakdown::Respondent.name_of(case)),
        Current::DefendantKey => owned_text(Breakdown::Defendant.name_of(case)),
        Current::CourtKey => owned_text(Breakdown::Court.name_of(case)),
        Current::ReconsiderationKey => case.reconsideration_no().map_or(NULL, |no| {
            ToSqlOutput::Owned(Value::Text(no.key().to_owned()))
        }),
    })
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
    let damaged = || Error::damaged(format!("work-list facts of {} bytes", bytes.len()));
    let (Some((&flags, days)), DEADLINE_BYTES) = (bytes.split_first(), bytes.len()) else {
        return Err(damaged().into());
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
    // A field the case's kind lacks hashes as empty.
    let value = |field: Field| case.get(field).unwrap_or(FieldRef::Text(None));
    for field in Field::shared() {
        put_hashed(&mut bytes, value(field));
    }
    bytes.push(match case.kind() {
        Kind::Reconsideration => b'R',
        Kind::Litigation => b'L',
        Kind::Rectification => b'D',
        Kind::Dispute => b'P',
    });
    for field in Field::own(case.kind()) {
        put_hashed(&mut bytes, value(*field));
    }
    // Only a case with work-list facts hashes them: every version stored before they
    // existed keeps its hash, so a re-import still finds it unchanged. The number of
    // parties came later still: it is hashed on its own, only when written, for the same
    // reason.
    let later = crate::model::field::LATER_TRACKED;
    if TrackField::ALL
        .iter()
        .any(|f| !later.contains(f) && case.tracking.get(*f).is_some())
    {
        bytes.push(b'T');
        for field in TrackField::ALL.into_iter().filter(|f| !later.contains(f)) {
            put_hashed(&mut bytes, value(Field::Track(field)));
        }
    }
    for field in later {
        if case.tracking.get(field).is_some() {
            bytes.push(b'N');
            put_hashed(&mut bytes, value(Field::Track(field)));
        }
    }
    i64::from_le_bytes(xxhash_rust::xxh3::xxh3_64(&bytes).to_le_bytes())
}

/// One field's value in the hashed bytes: a marker (0 for nothing), then text by its
/// length and bytes, a date by its day number, a flag in the marker itself.
fn put_hashed(bytes: &mut Vec<u8>, value: FieldRef<'_>) {
    let put_text = |bytes: &mut Vec<u8>, value: Option<&str>| match value {
        None => bytes.push(0),
        Some(s) => {
            bytes.push(1);
            bytes.extend_from_slice(&(s.len() as u64).to_le_bytes());
            bytes.extend_from_slice(s.as_bytes());
        }
    };
    match value {
        FieldRef::CaseNo(no) => put_text(bytes, Some(no.key())),
        FieldRef::Choice(choice) => put_text(bytes, choice.map(|(key, _)| key)),
        FieldRef::Outcome(outcome) => put_text(bytes, outcome.map(Outcome::name)),
        FieldRef::Text(text) => put_text(bytes, text),
        FieldRef::Time(time) => put_text(
            bytes,
            time.map(|t| t.format("%H:%M").to_string()).as_deref(),
        ),
        FieldRef::Date(None) => bytes.push(0),
        FieldRef::Date(Some(date)) => {
            bytes.push(1);
            bytes.extend_from_slice(&date.num_days_from_ce().to_le_bytes());
        }
        FieldRef::Flag(flag) => bytes.push(flag.map_or(0, |b| 1 + u8::from(b))),
    }
}

/// Reads the view the counts need from a row whose column `first` is `cases.kind` and
/// whose next columns are [`COUNTED_COLUMNS`]. Borrows its text from
/// the row: a report allocates nothing per case. Whether a lawsuit names a
/// reconsideration case is not in the row: the caller sets `sued_after`. `None` for a
/// document or a dispute, which the counts do not read.
pub fn countable_from_row<'r>(row: &'r Row, first: usize) -> Result<Option<Countable<'r>>> {
    let get_text = |i: usize| -> Result<Option<&'r str>> {
        match row.get_ref(first + i)? {
            ValueRef::Null => Ok(None),
            ValueRef::Text(bytes) => Ok(Some(
                std::str::from_utf8(bytes).map_err(|_| Error::damaged("text that is not UTF-8"))?,
            )),
            _ => Err(Error::damaged("a number where text belongs").into()),
        }
    };
    let text = |column: Current| get_text(column.counted_place());
    let int = |column: Current| -> Result<Option<i64>> {
        match row.get_ref(first + column.counted_place())? {
            ValueRef::Null => Ok(None),
            ValueRef::Integer(v) => Ok(Some(v)),
            _ => Err(Error::damaged("text where a number belongs").into()),
        }
    };
    let flag = |column: Current| -> Result<Option<bool>> { Ok(int(column)?.map(|v| v != 0)) };
    let day = |column: Current| -> Result<Option<NaiveDate>> {
        int(column)?
            .map(|v| {
                i32::try_from(v)
                    .ok()
                    .and_then(NaiveDate::from_num_days_from_ce_opt)
                    .ok_or_else(|| Error::damaged(format!("day number {v}")).into())
            })
            .transpose()
    };
    let required = |value: Option<NaiveDate>, what: &str| {
        value.ok_or_else(|| Error::damaged(format!("a case without {what}")))
    };
    let unit = text(Current::Unit)?.ok_or_else(|| Error::damaged("a case without a unit"))?;
    let outcome = text(Current::Outcome)?
        .map(|name| {
            Outcome::from_name(name)
                .ok_or_else(|| Error::damaged(format!("unknown outcome `{name}`")))
        })
        .transpose()?;
    let kind: Kind = get_text(0)?
        .ok_or_else(|| Error::damaged("a case without a kind"))?
        .parse()
        .map_err(Error::damaged)?;
    let facts = match kind {
        Kind::Reconsideration => CountableFacts::Reconsideration {
            received_on: required(day(Current::ReceivedDay)?, "a received date")?,
            accepted_on: day(Current::AcceptedDay)?,
            corrected: flag(Current::Corrected)?,
            sued_after: false,
        },
        Kind::Litigation => CountableFacts::Litigation {
            instance: text(Current::Instance)?
                .and_then(Instance::from_key)
                .ok_or_else(|| Error::damaged("a lawsuit without an instance"))?,
            filed_on: required(day(Current::FiledDay)?, "a filing date")?,
            hearing_on: day(Current::HearingDay)?,
            head_appeared: flag(Current::HeadAppeared)?,
            head_title: text(Current::HeadTitle)?,
            lost: flag(Current::Lost)?,
        },
        Kind::Rectification | Kind::Dispute => return Ok(None),
    };
    let deadlines = match row.get_ref(first + Current::DeadlineFacts.counted_place())? {
        ValueRef::Null => None,
        ValueRef::Blob(bytes) => Some(deadline_facts(bytes)?),
        _ => return Err(Error::damaged("work-list facts that are not bytes").into()),
    };
    Ok(Some(Countable {
        unit,
        closed_on: day(Current::ClosedDay)?,
        outcome,
        facts,
        deadlines,
    }))
}

/// The latest version of a case as of a date, with its id (see [`state_before`]).
fn state_before_sql() -> String {
    format!(
        "SELECT id, {columns} FROM {VERSIONS} WHERE case_id = ?1 AND as_of <= ?2 \
         ORDER BY as_of DESC, batch_id DESC LIMIT 1",
        columns = CASE_COLUMNS.as_str()
    )
}

pub(super) fn current_update_sql() -> String {
    format!(
        "UPDATE {CASES} SET ({}) = ({}) WHERE id = ?",
        CURRENT_COLUMNS.as_str(),
        slots(CURRENT_COLUMN_COUNT)
    )
}

/// The case as known on `as_of` (`2021-08-31`), with that version's id.
pub(super) fn state_before(
    conn: &Connection,
    case_id: i64,
    kind: Kind,
    as_of: &str,
) -> Result<Option<(i64, Case)>> {
    let mut stmt = conn.prepare_cached(&state_before_sql())?;
    let mut rows = stmt.query(params![case_id, as_of])?;
    match rows.next()? {
        Some(row) => Ok(Some((row.get(0)?, case_row::from_row(kind, row, 1)?))),
        None => Ok(None),
    }
}

/// Stores `case` as the current state of `case_id`; `update` is [`current_update_sql`].
pub(super) fn set_current(update: &mut Statement, case_id: i64, case: &Case) -> Result<()> {
    update.execute(params_from_iter(
        current_values(case).into_iter().chain([int_sql(case_id)]),
    ))?;
    Ok(())
}

/// Sets the current state of a case from its latest version, after versions were added
/// out of date order or removed. A case without versions is left alone (it is removed).
pub(super) fn refresh_current(conn: &Connection, case_id: i64) -> Result<()> {
    let kind: String = conn
        .prepare_cached(&format!("SELECT kind FROM {CASES} WHERE id = ?1"))?
        .query_row([case_id], |r| r.get(0))?;
    let kind: Kind = kind.parse().map_err(Error::damaged)?;
    if let Some((_, latest)) = state_before(conn, case_id, kind, END_OF_TIME)? {
        let mut update = conn.prepare_cached(&current_update_sql())?;
        set_current(&mut update, case_id, &latest)?;
    }
    Ok(())
}

/// Which cases [`rebuild_current`] fills in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Rebuild {
    Every,
    /// Those with a version that carries work-list facts.
    Tracked,
}

/// Fills in the current state of cases from the versions: once, when a ledger from
/// before a current-state column is opened. Cases go in batches of ids so that no
/// statement reads the table it writes.
pub(super) fn rebuild_current(tx: &Transaction, which: Rebuild) -> Result<()> {
    const CHUNK: i64 = 10_000;
    let only_tracked = if which == Rebuild::Tracked {
        // Any work-list column filled; the rest of a large old ledger is not read back.
        let any = TrackField::ALL
            .iter()
            .map(|f| format!("v.{} IS NOT NULL", f.key()))
            .collect::<Vec<_>>()
            .join(" OR ");
        format!("AND EXISTS (SELECT 1 FROM {VERSIONS} v WHERE v.case_id = {CASES}.id AND ({any}))")
    } else {
        String::new()
    };
    let mut after = 0;
    loop {
        let ids: Vec<i64> = tx
            .prepare_cached(&format!(
                "SELECT id FROM {CASES} WHERE id > ?1 {only_tracked} ORDER BY id LIMIT ?2"
            ))?
            .query_map([after, CHUNK], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        let Some(last) = ids.last() else {
            return Ok(());
        };
        after = *last;
        for id in ids {
            refresh_current(tx, id)?;
        }
    }
}

/// Keeps the ledger's one invariant: a batch that listed a case without storing a version
/// said the same as the latest version before it. When that version is about to stop
/// being the one before the next batch that listed the case (it is undone, or a late
/// import puts another version in between), and that batch stored no version of its own,
/// its facts are recorded again as that batch's version. Returns whether it did.
pub(super) fn carry_forward(
    tx: &Connection,
    version_id: i64,
    case_id: i64,
    batch_id: i64,
    as_of: NaiveDate,
) -> Result<bool> {
    // The later batches in as-of order, each probed for the case: sightings are stored
    // by batch, and the next batch of the case's unit nearly always lists it.
    let mut later = tx.prepare_cached(&format!(
        "SELECT id, as_of FROM {BATCHES} INDEXED BY batches_by_as_of \
         WHERE as_of >= ?1 AND (as_of > ?1 OR id > ?2) ORDER BY as_of, id"
    ))?;
    let mut batches = later.query(params![as_of, batch_id])?;
    let mut next = None;
    while let Some(batch) = batches.next()? {
        let id: i64 = batch.get(0)?;
        if let Some(row) = sightings::row_in_batch(tx, id, case_id)? {
            next = Some((id, batch.get::<_, NaiveDate>(1)?, row));
            break;
        }
    }
    let Some((next_batch, next_as_of, source_row)) = next else {
        return Ok(false);
    };
    let has_own: bool = tx
        .prepare_cached(&format!(
            "SELECT EXISTS (SELECT 1 FROM {VERSIONS} WHERE case_id = ?1 AND batch_id = ?2)"
        ))?
        .query_row(params![case_id, next_batch], |r| r.get(0))?;
    if has_own {
        return Ok(false);
    }
    tx.prepare_cached(&format!(
        "INSERT INTO {VERSIONS} (case_id, batch_id, as_of, source_row, {columns}) \
         SELECT case_id, ?2, ?3, ?4, {columns} FROM {VERSIONS} WHERE id = ?1",
        columns = CASE_COLUMNS.as_str()
    ))?
    .execute(params![version_id, next_batch, next_as_of, source_row])?;
    Ok(true)
}

#[cfg(test)]
mod tests;
