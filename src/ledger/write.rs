//! Writing one import: batches and the versions of the cases they carry, all inside one
//! immediate transaction that commits only when every file was clean.

use std::path::Path;

use anyhow::{Context, Result, bail};
use chrono::NaiveDate;
use rusqlite::types::{ToSqlOutput, Value, ValueRef};
use rusqlite::{
    Connection, OptionalExtension, Statement, Transaction, TransactionBehavior, params,
    params_from_iter,
};

use super::Ledger;
use super::case_row::{self, CASE_COLUMNS, CURRENT_COLUMN_COUNT, CURRENT_COLUMNS, Sql};
use super::read::END_OF_TIME;
use super::schema::{BATCHES, CASES, SIGHTINGS, VERSIONS};
use crate::model::period::iso;
use crate::model::{Case, Kind};

/// A batch about to be written.
#[derive(Debug, Clone)]
pub struct NewBatch {
    pub file: String,
    /// The workbook sheet the rows came from.
    pub sheet: Option<String>,
    pub sha256: String,
    pub kind: Kind,
    pub as_of: NaiveDate,
    /// RFC 3339 time of the import.
    pub imported_at: String,
}

/// What a batch did to the ledger's cases.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BatchTally {
    pub rows: u64,
    pub new: u64,
    pub changed: u64,
    pub unchanged: u64,
}

impl BatchTally {
    pub fn count(&mut self, recorded: Recorded) {
        self.rows += 1;
        match recorded {
            Recorded::New => self.new += 1,
            Recorded::Changed => self.changed += 1,
            Recorded::Unchanged => self.unchanged += 1,
        }
    }
}

/// A batch being written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BatchRef {
    pub id: i64,
    pub as_of: NaiveDate,
    /// Whether a batch with a later as-of date is already in the ledger (a late import).
    pub late: bool,
}

/// How a row compared with the case's state before its batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recorded {
    /// The case had no earlier version: stored.
    New,
    /// The case differed from its earlier version: stored as a new version.
    Changed,
    /// Same facts as before: nothing stored.
    Unchanged,
}

/// How a row of a batch landed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Listed {
    Recorded(Recorded),
    /// The batch already lists this case, on the given row: a file lists each case once.
    Duplicate {
        first_row: u32,
    },
}

/// One import in progress. Dropped without [`Writer::commit`], it writes nothing.
///
/// Foreign keys are not enforced while it writes: every row it inserts refers to a case
/// and a batch it has just inserted or found in the same transaction, and checking that
/// again costs a large import a twelfth of its time. They are enforced again once it is
/// done, for undo and everything else.
pub struct Writer<'a> {
    conn: &'a Connection,
    /// `None` once committed or rolled back.
    tx: Option<Transaction<'a>>,
}

impl Drop for Writer<'_> {
    fn drop(&mut self) {
        if let Some(tx) = self.tx.take() {
            let _ = tx.rollback();
        }
        // Outside the transaction, where the pragma takes effect.
        let _ = self.conn.pragma_update(None, "foreign_keys", true);
    }
}

/// The rows of one batch being written, with the statements every row runs prepared
/// once (not looked up in the statement cache a million times).
pub struct BatchWriter<'w> {
    conn: &'w Connection,
    batch: BatchRef,
    /// The batch's as-of date as stored in `versions`.
    as_of: String,
    case_select: Statement<'w>,
    case_insert: Statement<'w>,
    current_update: Statement<'w>,
    sight_insert: Statement<'w>,
    sight_select: Statement<'w>,
    /// The version insert of each kind, without and with work-list facts (see
    /// [`case_row::written_columns`]).
    version_insert: [Statement<'w>; 4],
    /// Whether the previous row was a new case. A first import is all new cases, a
    /// re-import all known ones: the next row is tried the way the last one went, so
    /// either costs one index search per row.
    expect_new: bool,
}

fn slots(n: usize) -> String {
    vec!["?"; n].join(", ")
}

fn current_update_sql() -> String {
    format!(
        "UPDATE {CASES} SET ({CURRENT_COLUMNS}) = ({}) WHERE id = ?",
        slots(CURRENT_COLUMN_COUNT)
    )
}

/// Inserts a version of a case of `kind`, its other columns left NULL.
fn version_insert(conn: &Connection, kind: Kind, tracking: bool) -> Result<Statement<'_>> {
    let columns = case_row::written_columns(kind, tracking);
    Ok(conn.prepare(&format!(
        "INSERT INTO {VERSIONS} (case_id, batch_id, as_of, source_row, {columns}) VALUES ({})",
        slots(4 + columns.split(',').count())
    ))?)
}

/// The latest version of a case as of a date, with its id (see [`state_before`]).
fn state_before_sql() -> String {
    format!(
        "SELECT id, {CASE_COLUMNS} FROM {VERSIONS} WHERE case_id = ?1 AND as_of <= ?2 \
         ORDER BY as_of DESC, batch_id DESC LIMIT 1"
    )
}

impl Ledger {
    /// Starts an import, taking the write lock at once so two imports queue rather than
    /// fail half-way.
    pub fn writer(&mut self) -> Result<Writer<'_>> {
        if self.read_only {
            bail!(
                "the ledger `{}` is read-only for this user: it can be reported on, not written",
                self.path.as_deref().unwrap_or(Path::new("")).display()
            );
        }
        let conn = &self.conn;
        conn.pragma_update(None, "foreign_keys", false)?;
        // Built before the transaction starts, so that its drop restores the foreign keys
        // even when the transaction cannot start.
        let mut writer = Writer { conn, tx: None };
        writer.tx = Some(
            Transaction::new_unchecked(conn, TransactionBehavior::Immediate)
                .context("cannot start writing the ledger (is another import running?)")?,
        );
        if let Some(path) = &self.path
            && !path.exists()
        {
            bail!(
                "the ledger `{}` was removed by another import that failed at the same time; run this import again",
                path.display()
            );
        }
        Ok(writer)
    }
}

impl Writer<'_> {
    /// The id, file and as-of date of an earlier batch of these exact bytes (and sheet).
    pub fn batch_with_hash(
        &self,
        sha256: &str,
        sheet: Option<&str>,
    ) -> Result<Option<(i64, String, NaiveDate)>> {
        let sql = format!(
            "SELECT id, file, as_of FROM {BATCHES} WHERE sha256 = ?1 AND sheet IS ?2 ORDER BY id LIMIT 1"
        );
        Ok(self
            .conn
            .prepare_cached(&sql)?
            .query_row(params![sha256, sheet], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .optional()?)
    }

    /// Whether the ledger (with what this import wrote so far) holds a case of `kind`
    /// with matching key `key`.
    pub fn holds(&self, kind: Kind, key: &str) -> Result<bool> {
        let sql =
            format!("SELECT EXISTS (SELECT 1 FROM {CASES} WHERE kind = ?1 AND case_key = ?2)");
        Ok(self
            .conn
            .prepare_cached(&sql)?
            .query_row(params![kind.key(), key], |r| r.get(0))?)
    }

    /// Records a batch; its tally is filled in by [`Writer::finish_batch`].
    pub fn begin_batch(&self, batch: &NewBatch) -> Result<BatchRef> {
        let sql = format!(
            "INSERT INTO {BATCHES} (file, sheet, sha256, kind, as_of, imported_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
        );
        self.conn.prepare_cached(&sql)?.execute(params![
            batch.file,
            batch.sheet,
            batch.sha256,
            batch.kind.key(),
            batch.as_of,
            batch.imported_at
        ])?;
        let id = self.conn.last_insert_rowid();
        let late: bool = self.conn.query_row(
            &format!("SELECT EXISTS (SELECT 1 FROM {BATCHES} WHERE as_of > ?1)"),
            [batch.as_of],
            |r| r.get(0),
        )?;
        Ok(BatchRef {
            id,
            as_of: batch.as_of,
            late,
        })
    }

    /// Stores the row counts of a finished batch.
    pub fn finish_batch(&self, batch_id: i64, tally: &BatchTally) -> Result<()> {
        let sql = format!(
            "UPDATE {BATCHES} SET rows = ?2, new_cases = ?3, changed = ?4, unchanged = ?5 WHERE id = ?1"
        );
        self.conn.prepare_cached(&sql)?.execute(params![
            batch_id,
            tally.rows as i64,
            tally.new as i64,
            tally.changed as i64,
            tally.unchanged as i64
        ])?;
        Ok(())
    }

    /// Prepares the per-row statements for writing the rows of `batch`.
    pub fn rows(&self, batch: BatchRef) -> Result<BatchWriter<'_>> {
        let conn: &Connection = self.conn;
        Ok(BatchWriter {
            conn,
            batch,
            as_of: iso(batch.as_of),
            case_select: conn.prepare(&format!(
                "SELECT id, content FROM {CASES} WHERE kind = ?1 AND case_key = ?2"
            ))?,
            case_insert: conn.prepare(&format!(
                "INSERT INTO {CASES} (kind, case_key, {CURRENT_COLUMNS}) VALUES ({}) \
                 ON CONFLICT (kind, case_key) DO NOTHING",
                slots(2 + CURRENT_COLUMN_COUNT)
            ))?,
            current_update: conn.prepare(&current_update_sql())?,
            sight_insert: conn.prepare(&format!(
                "INSERT INTO {SIGHTINGS} (case_id, batch_id, source_row) VALUES (?1, ?2, ?3) \
                 ON CONFLICT DO NOTHING"
            ))?,
            sight_select: conn.prepare(&format!(
                "SELECT source_row FROM {SIGHTINGS} WHERE case_id = ?1 AND batch_id = ?2"
            ))?,
            version_insert: [
                version_insert(conn, Kind::Reconsideration, false)?,
                version_insert(conn, Kind::Reconsideration, true)?,
                version_insert(conn, Kind::Litigation, false)?,
                version_insert(conn, Kind::Litigation, true)?,
            ],
            expect_new: true,
        })
    }

    pub fn commit(mut self) -> Result<()> {
        match self.tx.take() {
            Some(tx) => tx.commit().context("cannot commit the import"),
            None => Ok(()),
        }
    }

    /// Discards everything this writer did.
    pub fn rollback(mut self) -> Result<()> {
        match self.tx.take() {
            Some(tx) => tx.rollback().context("cannot roll back the import"),
            None => Ok(()),
        }
    }
}

impl BatchWriter<'_> {
    /// The as-of date of the batch being written.
    #[must_use]
    pub fn as_of(&self) -> NaiveDate {
        self.batch.as_of
    }

    /// Records one row of the batch: notes that the batch lists the case, and stores a
    /// version if the case is new or changed as of the batch's date.
    ///
    /// A batch as of the latest date compares with the case's current version by its
    /// content hash, so an unchanged row costs one index search and one sighting. A late
    /// batch (an earlier week imported after later ones) compares with the version known
    /// at its own date and keeps later batches' facts intact.
    pub fn write(&mut self, source_row: u32, case: &Case) -> Result<Listed> {
        let kind = case.kind().key();
        let key = case.case_no.key();
        if self.expect_new && self.insert_new(source_row, case)? {
            return Ok(Listed::Recorded(Recorded::New));
        }
        let found: Option<(i64, Option<i64>)> = self
            .case_select
            .query_row(params![kind, key], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        let Some((case_id, content)) = found else {
            self.expect_new = true;
            if self.insert_new(source_row, case)? {
                return Ok(Listed::Recorded(Recorded::New));
            }
            bail!("damaged ledger: case `{key}` is neither found nor new");
        };
        self.expect_new = false;
        if let Some(first_row) = self.sight(case_id, source_row)? {
            return Ok(Listed::Duplicate { first_row });
        }
        let recorded = match content {
            Some(content) if !self.batch.late => {
                if content == case_row::content_hash(case) {
                    return Ok(Listed::Recorded(Recorded::Unchanged));
                }
                self.insert_version(source_row, case_id, case)?;
                set_current(&mut self.current_update, case_id, case)?;
                Recorded::Changed
            }
            _ => self.record_late(source_row, case_id, case)?,
        };
        Ok(Listed::Recorded(recorded))
    }

    /// Stores a case the ledger does not know yet, with its sighting and first version.
    /// Returns false, having written nothing, when the case is known after all.
    fn insert_new(&mut self, source_row: u32, case: &Case) -> Result<bool> {
        let head = [str_sql(case.kind().key()), str_sql(case.case_no.key())];
        let current = case_row::current_values(case);
        if self
            .case_insert
            .execute(params_from_iter(head.into_iter().chain(current)))?
            == 0
        {
            return Ok(false);
        }
        let case_id = self.conn.last_insert_rowid();
        self.sight_insert
            .execute(params![case_id, self.batch.id, source_row])?;
        self.insert_version(source_row, case_id, case)?;
        Ok(true)
    }

    /// Compares with the state as of the batch's own date, carries the previous version
    /// forward where a later batch relied on it, and brings the current state up to date.
    fn record_late(&mut self, source_row: u32, case_id: i64, case: &Case) -> Result<Recorded> {
        let previous = state_before(self.conn, case_id, case.kind(), &self.as_of)?;
        let recorded = match &previous {
            Some((_, previous)) if previous == case => return Ok(Recorded::Unchanged),
            Some((previous_id, _)) => {
                // A later batch that relied on the previous version keeps it.
                carry_forward(
                    self.conn,
                    *previous_id,
                    case_id,
                    self.batch.id,
                    self.batch.as_of,
                )?;
                Recorded::Changed
            }
            None => Recorded::New,
        };
        self.insert_version(source_row, case_id, case)?;
        refresh_current(self.conn, case_id)?;
        Ok(recorded)
    }

    fn insert_version(&mut self, source_row: u32, case_id: i64, case: &Case) -> Result<()> {
        let head = [
            int_sql(case_id),
            int_sql(self.batch.id),
            str_sql(&self.as_of),
            int_sql(i64::from(source_row)),
        ];
        let kind = match case.kind() {
            Kind::Reconsideration => 0,
            Kind::Litigation => 2,
        } + usize::from(!case.tracking.is_empty());
        self.version_insert[kind].execute(params_from_iter(
            head.into_iter().chain(case_row::to_values(case)),
        ))?;
        Ok(())
    }

    /// Notes that the batch lists the case on `source_row`. Returns the row that listed
    /// it before, when the batch already did.
    fn sight(&mut self, case_id: i64, source_row: u32) -> Result<Option<u32>> {
        if self
            .sight_insert
            .execute(params![case_id, self.batch.id, source_row])?
            == 1
        {
            return Ok(None);
        }
        Ok(Some(
            self.sight_select
                .query_row(params![case_id, self.batch.id], |r| r.get(0))?,
        ))
    }
}

fn str_sql(text: &str) -> Sql<'_> {
    ToSqlOutput::Borrowed(ValueRef::Text(text.as_bytes()))
}

fn int_sql(value: i64) -> Sql<'static> {
    ToSqlOutput::Owned(Value::Integer(value))
}

/// The case as known on `as_of` (`2021-08-31`), with that version's id.
fn state_before(
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
fn set_current(update: &mut Statement, case_id: i64, case: &Case) -> Result<()> {
    update.execute(params_from_iter(
        case_row::current_values(case)
            .into_iter()
            .chain([int_sql(case_id)]),
    ))?;
    Ok(())
}

/// Sets the current state of a case from its latest version, after versions were added
/// out of date order or removed. A case without versions is left alone (it is removed).
pub(super) fn refresh_current(conn: &Connection, case_id: i64) -> Result<()> {
    let kind: String = conn
        .prepare_cached(&format!("SELECT kind FROM {CASES} WHERE id = ?1"))?
        .query_row([case_id], |r| r.get(0))?;
    let kind: Kind = kind
        .parse()
        .map_err(|e| anyhow::anyhow!("damaged ledger: {e}"))?;
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
        let any = case_row::TRACKING_COLUMNS
            .split(',')
            .map(|c| format!("v.{} IS NOT NULL", c.trim()))
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
    let next: Option<(i64, NaiveDate, i64)> = tx
        .prepare_cached(&format!(
            "SELECT s.batch_id, b.as_of, s.source_row FROM {SIGHTINGS} s JOIN {BATCHES} b ON b.id = s.batch_id \
             WHERE s.case_id = ?1 AND (b.as_of > ?2 OR (b.as_of = ?2 AND b.id > ?3)) \
             ORDER BY b.as_of, b.id LIMIT 1"
        ))?
        .query_row(params![case_id, as_of, batch_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?;
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
        "INSERT INTO {VERSIONS} (case_id, batch_id, as_of, source_row, {CASE_COLUMNS}) \
         SELECT case_id, ?2, ?3, ?4, {CASE_COLUMNS} FROM {VERSIONS} WHERE id = ?1"
    ))?
    .execute(params![version_id, next_batch, next_as_of, source_row])?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CaseNo, Facts, Outcome};

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn case(outcome: Option<Outcome>, brackets: &str) -> Case {
        Case {
            case_no: CaseNo::new(&format!("都府复{brackets}1号")).unwrap(),
            unit: "都匀市".into(),
            matter: None,
            closed_on: outcome.map(|_| d("2021-02-01")),
            outcome,
            lead: None,
            note: None,
            tracking: crate::model::Tracking::default(),
            facts: Facts::Reconsideration {
                respondent: None,
                received_on: d("2021-01-05"),
                accepted_on: None,
                corrected: None,
            },
        }
    }

    fn record(writer: &Writer, as_of: &str, case: &Case) -> Recorded {
        let batch = writer
            .begin_batch(&NewBatch {
                file: format!("{as_of}.csv"),
                sheet: None,
                sha256: as_of.into(),
                kind: case.kind(),
                as_of: d(as_of),
                imported_at: String::new(),
            })
            .unwrap();
        let mut rows = writer.rows(batch).unwrap();
        let Listed::Recorded(recorded) = rows.write(2, case).unwrap() else {
            panic!("listed once so far");
        };
        assert_eq!(
            rows.write(3, case).unwrap(),
            Listed::Duplicate { first_row: 2 },
            "listed twice"
        );
        recorded
    }

    #[test]
    fn foreign_keys_are_enforced_again_once_an_import_is_done() {
        let enforced = |conn: &Connection| -> bool {
            conn.pragma_query_value(None, "foreign_keys", |r| r.get(0))
                .unwrap()
        };
        let mut ledger = Ledger::in_memory().unwrap();
        assert!(enforced(&ledger.conn));
        let writer = ledger.writer().unwrap();
        assert!(!enforced(writer.conn));
        writer.commit().unwrap();
        assert!(enforced(&ledger.conn));
        drop(ledger.writer().unwrap());
        assert!(enforced(&ledger.conn));
        ledger.writer().unwrap().rollback().unwrap();
        assert!(enforced(&ledger.conn));
    }

    #[test]
    fn versions_are_stored_only_for_new_or_changed_facts() {
        let mut ledger = Ledger::in_memory().unwrap();
        let writer = ledger.writer().unwrap();
        assert_eq!(
            record(&writer, "2021-01-08", &case(None, "〔2021〕")),
            Recorded::New
        );
        assert_eq!(
            record(&writer, "2021-01-15", &case(None, "[2021]")),
            Recorded::Unchanged
        );
        let closed = case(Some(Outcome::Upheld), "〔2021〕");
        assert_eq!(record(&writer, "2021-02-05", &closed), Recorded::Changed);
        // A late week compares with what was known at its own date.
        assert_eq!(
            record(&writer, "2021-01-22", &case(None, "〔2021〕")),
            Recorded::Unchanged
        );
        writer.commit().unwrap();
        let mut now = Vec::new();
        ledger.for_each_case(None, |c| now.push(c)).unwrap();
        assert_eq!(now, [closed]);
        let mut then = Vec::new();
        ledger
            .for_each_case(Some(d("2021-01-31")), |c| then.push(c))
            .unwrap();
        assert_eq!(then[0].outcome, None);
    }
}
