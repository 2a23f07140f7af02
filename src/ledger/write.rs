//! Writing one import: batches and the versions of the cases they carry, all inside one
//! immediate transaction that commits only when every file was clean.

use std::cell::Cell;
use std::path::Path;

use anyhow::{Context, Result, anyhow, bail};
use chrono::NaiveDate;
use rusqlite::{
    Connection, OptionalExtension, Statement, Transaction, TransactionBehavior, params,
    params_from_iter,
};

use super::case_row::{self, int_sql, slots, str_value};
use super::current::{
    self, CURRENT_COLUMN_COUNT, CURRENT_COLUMNS, carry_forward, current_update_sql, current_values,
    refresh_current, set_current, state_before,
};
use super::known::{self, Found, KnownCases};
use super::sightings::Sighter;
use super::tables::{BATCHES, CASES, VERSIONS};
use super::{Error, Ledger};
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
    pub kind: Kind,
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
    /// Batches whose rows are being written and not yet finished: their last sightings
    /// are still in memory, so the import may not commit.
    unfinished: Cell<u32>,
}

impl Drop for Writer<'_> {
    fn drop(&mut self) {
        if let Some(tx) = self.tx.take() {
            let _ = tx.rollback();
        }
        // Outside the transaction, where the pragma takes effect.
        let _ = self.conn.pragma_update(None, "foreign_keys", true);
        let _ = self
            .conn
            .pragma_update(None, "cache_size", super::DEFAULT_CACHE);
    }
}

/// The rows of one batch being written, with the statements every row runs prepared
/// once (not looked up in the statement cache a million times).
pub struct BatchWriter<'w> {
    conn: &'w Connection,
    unfinished: &'w Cell<u32>,
    batch: BatchRef,
    /// The batch's as-of date as stored in `versions`.
    as_of: String,
    case_select: Statement<'w>,
    case_insert: Statement<'w>,
    current_update: Statement<'w>,
    sightings: Sighter<'w>,
    /// The version insert of each kind, without and with work-list facts (see
    /// [`case_row::written_columns`]).
    /// In [`Kind::ALL`]'s order, each kind without then with work-list facts.
    version_insert: Vec<Statement<'w>>,
    /// Whether the previous row was a new case. A first import is all new cases, a
    /// re-import all known ones: the next row is tried the way the last one went, so
    /// either costs one index search per row.
    expect_new: bool,
    /// The batch's cases, once a re-import has found enough of them to pay for reading
    /// them all (see [`KnownCases`]).
    known: Option<KnownCases>,
    /// When to read them: `None` for a late batch, or a ledger too large to hold in memory.
    plan: Option<MapPlan>,
    /// Rows so far found in the ledger by the index search.
    found: u64,
    tally: BatchTally,
}

/// The writer's page cache in KiB.
const WRITE_CACHE_KIB: u64 = super::WRITE_CACHE.unsigned_abs();

/// When a batch reads its kind's cases into memory.
#[derive(Debug, Clone, Copy)]
struct MapPlan {
    kind: Kind,
    /// Once this many rows were found in the ledger by the index: by then the file looks
    /// like a snapshot of cases the ledger knows, and is long enough that the rest of it
    /// pays for one scan of them.
    load_after: u64,
    /// The cases the ledger holds at most (its largest case id).
    cases: usize,
}

/// Rows a batch finds in the ledger, at the least, before reading its cases into memory:
/// a short file is written through the index, as before.
const LOAD_AFTER_ROWS: u64 = 1024;

/// The page cache and the cases held in memory share this much (KiB). The writer's cache
/// is [`super::WRITE_CACHE`] (64 MiB) while the map is small and gives way to it as it
/// grows: with the map, an unchanged row no longer visits the pages of the index, so the
/// cache matters less. A million cases are given 42 MiB (they use about 38), leaving
/// 30 MiB of cache.
const MAP_AND_CACHE_KIB: u64 = 72 * 1024;

/// The least page cache a batch keeps for its map (KiB): a ledger whose cases would need
/// more than the rest (about 1.3 million) is written through the index, so that an
/// import's memory does not grow with the ledger.
const MIN_CACHE_KIB: u64 = 16 * 1024;

/// Whether and when a batch of `kind` reads its cases into memory, and the page cache
/// (KiB) it writes with, for a ledger of at most `cases` cases.
fn map_plan(kind: Kind, late: bool, cases: u64) -> (Option<MapPlan>, u64) {
    let full = WRITE_CACHE_KIB;
    let map_kib = (cases * known::BYTES_PER_CASE).div_ceil(1024);
    let room = MAP_AND_CACHE_KIB.saturating_sub(map_kib);
    if late || room < MIN_CACHE_KIB {
        return (None, full);
    }
    let plan = MapPlan {
        kind,
        // A hundred-and-twenty-eighth of the ledger: a file that lists that many known
        // cases is most likely a snapshot of them all. Reading a case in the scan costs
        // about a thirtieth of finding one through the index (random pages: 0.36 µs
        // against 11.5 µs at a million cases), so the scan has paid for itself once a
        // 32nd more of such a file is read.
        load_after: LOAD_AFTER_ROWS.max(cases / 128),
        cases: cases as usize,
    };
    (Some(plan), room.min(full))
}

/// Inserts a version of a case of `kind`, its other columns left NULL.
fn version_insert(conn: &Connection, kind: Kind, tracking: bool) -> Result<Statement<'_>> {
    let columns = case_row::written_columns(kind, tracking);
    Ok(conn.prepare(&format!(
        "INSERT INTO {VERSIONS} (case_id, batch_id, as_of, source_row, {columns}) VALUES ({})",
        slots(4 + columns.split(',').count())
    ))?)
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
        conn.pragma_update(None, "cache_size", super::WRITE_CACHE)?;
        // Built before the transaction starts, so that its drop restores the foreign keys
        // even when the transaction cannot start.
        let mut writer = Writer {
            conn,
            tx: None,
            unfinished: Cell::new(0),
        };
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

    /// Records a batch; its tally is filled in by [`BatchWriter::finish`].
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
            kind: batch.kind,
            as_of: batch.as_of,
            late,
        })
    }

    /// Prepares the per-row statements for writing the rows of `batch`, and sizes the
    /// page cache to leave room for the batch's map of cases (see [`map_plan`]).
    pub fn rows(&self, batch: BatchRef) -> Result<BatchWriter<'_>> {
        let conn: &Connection = self.conn;
        let cases: i64 = conn.query_row(
            &format!("SELECT coalesce(max(id), 0) FROM {CASES}"),
            [],
            |r| r.get(0),
        )?;
        let (plan, cache_kib) = map_plan(batch.kind, batch.late, cases.max(0) as u64);
        conn.pragma_update(None, "cache_size", -(cache_kib as i64))?;
        let sightings = Sighter::new(conn, batch.id)?;
        self.unfinished.set(self.unfinished.get() + 1);
        Ok(BatchWriter {
            conn,
            unfinished: &self.unfinished,
            batch,
            as_of: iso(batch.as_of),
            case_select: conn.prepare(&format!(
                "SELECT id, content FROM {CASES} WHERE kind = ?1 AND case_key = ?2"
            ))?,
            case_insert: conn.prepare(&format!(
                "INSERT INTO {CASES} (kind, case_key, {}) VALUES ({}) \
                 ON CONFLICT (kind, case_key) DO NOTHING",
                CURRENT_COLUMNS.as_str(),
                slots(2 + CURRENT_COLUMN_COUNT)
            ))?,
            current_update: conn.prepare(&current_update_sql())?,
            sightings,
            version_insert: Kind::ALL
                .into_iter()
                .flat_map(|kind| [(kind, false), (kind, true)])
                .map(|(kind, tracking)| version_insert(conn, kind, tracking))
                .collect::<Result<_>>()?,
            expect_new: true,
            known: None,
            plan,
            found: 0,
            tally: BatchTally::default(),
        })
    }

    pub fn commit(mut self) -> Result<()> {
        if self.unfinished.get() > 0 {
            bail!("cannot commit the import: a batch's rows were not all written");
        }
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
        let listed = self.list(source_row, case)?;
        if let Listed::Recorded(recorded) = listed {
            self.tally.count(recorded);
        }
        Ok(listed)
    }

    fn list(&mut self, source_row: u32, case: &Case) -> Result<Listed> {
        if let Some(known) = &mut self.known
            && known.kind() == case.kind()
        {
            match known.find(known::key_hash(case.case_no.key())) {
                Found::Absent => {
                    if self.insert_new(source_row, case)? {
                        return Ok(Listed::Recorded(Recorded::New));
                    }
                    // Added by an earlier row of this batch: the index knows it.
                }
                Found::Case { id, content } if content == current::content_hash(case) => {
                    if let Some(first_row) = self.sight(id, source_row)? {
                        return Ok(Listed::Duplicate { first_row });
                    }
                    return Ok(Listed::Recorded(Recorded::Unchanged));
                }
                // A changed row is decided by the index, as without the map.
                Found::Case { .. } | Found::Unsure => {}
            }
            return self.look_up(source_row, case);
        }
        if self.expect_new && self.insert_new(source_row, case)? {
            return Ok(Listed::Recorded(Recorded::New));
        }
        self.look_up(source_row, case)
    }

    /// [`BatchWriter::write`] by searching the index of case keys.
    fn look_up(&mut self, source_row: u32, case: &Case) -> Result<Listed> {
        let kind = case.kind().key();
        let key = case.case_no.key();
        let found: Option<(i64, Option<i64>)> = self
            .case_select
            .query_row(params![kind, key], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        let Some((case_id, content)) = found else {
            self.expect_new = true;
            if self.insert_new(source_row, case)? {
                return Ok(Listed::Recorded(Recorded::New));
            }
            return Err(Error::damaged(format!("case `{key}` is neither found nor new")).into());
        };
        self.expect_new = false;
        self.note_found()?;
        if let Some(first_row) = self.sight(case_id, source_row)? {
            return Ok(Listed::Duplicate { first_row });
        }
        let recorded = match content {
            Some(content) if !self.batch.late => {
                if content == current::content_hash(case) {
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

    /// Reads the cases into memory after `rows` rows found by the index (tests).
    #[cfg(test)]
    fn load_after(&mut self, rows: u64) {
        if let Some(plan) = &mut self.plan {
            plan.load_after = rows;
        }
    }

    /// Counts a row found by the index, and reads the batch's cases into memory once
    /// its plan says the rest of the file will pay for it.
    fn note_found(&mut self) -> Result<()> {
        self.found += 1;
        if let Some(plan) = self.plan
            && self.found >= plan.load_after
        {
            self.plan = None;
            self.known = Some(KnownCases::load(self.conn, plan.kind, plan.cases)?);
        }
        Ok(())
    }

    /// Stores a case the ledger does not know yet, with its sighting and first version.
    /// Returns false, having written nothing, when the case is known after all.
    fn insert_new(&mut self, source_row: u32, case: &Case) -> Result<bool> {
        let head = [str_value(case.kind().key()), str_value(case.case_no.key())];
        let current = current_values(case);
        if self
            .case_insert
            .execute(params_from_iter(head.into_iter().chain(current)))?
            == 0
        {
            return Ok(false);
        }
        let case_id = self.conn.last_insert_rowid();
        if self.sightings.sight(case_id, source_row)?.is_some() {
            return Err(Error::damaged(format!("new case {case_id} is listed already")).into());
        }
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
            str_value(&self.as_of),
            int_sql(i64::from(source_row)),
        ];
        // The statements are made in the order of `Kind::ALL`, which holds every kind.
        let kind = Kind::ALL
            .iter()
            .position(|k| *k == case.kind())
            .ok_or_else(|| anyhow!("no statement stores a version of kind {}", case.kind()))?;
        let statement = 2 * kind + usize::from(!case.tracking.is_empty());
        self.version_insert[statement].execute(params_from_iter(
            head.into_iter().chain(case_row::to_values(case)),
        ))?;
        Ok(())
    }

    /// Notes that the batch lists the case on `source_row`. Returns the row that listed
    /// it before, when the batch already did.
    fn sight(&mut self, case_id: i64, source_row: u32) -> Result<Option<u32>> {
        self.sightings.sight(case_id, source_row)
    }

    /// Completes the batch: writes its last sightings and stores its row counts, which it
    /// returns. A batch writer dropped unfinished leaves the import incomplete: commit
    /// only after every batch was finished.
    pub fn finish(mut self) -> Result<BatchTally> {
        let tally = self.tally;
        self.sightings.close()?;
        self.unfinished.set(self.unfinished.get() - 1);
        let sql = format!(
            "UPDATE {BATCHES} SET rows = ?2, new_cases = ?3, changed = ?4, unchanged = ?5 WHERE id = ?1"
        );
        self.conn.prepare_cached(&sql)?.execute(params![
            self.batch.id,
            tally.rows as i64,
            tally.new as i64,
            tally.changed as i64,
            tally.unchanged as i64
        ])?;
        Ok(tally)
    }
}

#[cfg(test)]
mod tests;
