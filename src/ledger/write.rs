//! Writing one import: batches and the versions of the cases they carry, all inside one
//! immediate transaction that commits only when every file was clean.

use anyhow::{Context, Result, bail};
use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, params, params_from_iter};

use super::Ledger;
use super::case_row::{self, CASE_COLUMNS};
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

/// One import in progress. Dropped without [`Writer::commit`], it writes nothing.
pub struct Writer<'a> {
    tx: Transaction<'a>,
    sql: RowSql,
}

/// The statements run for every row, written out once per import: the statement cache
/// is keyed by their text, and a million rows should not format it a million times.
struct RowSql {
    case_select: String,
    case_insert: String,
    sight_insert: String,
    sight_select: String,
    state_before: String,
    version_insert: String,
}

impl RowSql {
    fn new() -> RowSql {
        RowSql {
            case_select: format!("SELECT id FROM {CASES} WHERE kind = ?1 AND case_key = ?2"),
            case_insert: format!("INSERT INTO {CASES} (kind, case_key) VALUES (?1, ?2)"),
            sight_insert: format!(
                "INSERT INTO {SIGHTINGS} (case_id, batch_id, source_row) VALUES (?1, ?2, ?3) \
                 ON CONFLICT DO NOTHING"
            ),
            sight_select: format!(
                "SELECT source_row FROM {SIGHTINGS} WHERE case_id = ?1 AND batch_id = ?2"
            ),
            state_before: format!(
                "SELECT id, {CASE_COLUMNS} FROM {VERSIONS} WHERE case_id = ?1 AND as_of <= ?2 \
                 ORDER BY as_of DESC, batch_id DESC LIMIT 1"
            ),
            version_insert: format!(
                "INSERT INTO {VERSIONS} (case_id, batch_id, as_of, source_row, {CASE_COLUMNS}) \
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            ),
        }
    }
}

impl Ledger {
    /// Starts an import, taking the write lock at once so two imports queue rather than
    /// fail half-way.
    pub fn writer(&mut self) -> Result<Writer<'_>> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .context("cannot start writing the ledger (is another import running?)")?;
        if let Some(path) = &self.path
            && !path.exists()
        {
            bail!(
                "the ledger `{}` was removed by another import that failed at the same time; run this import again",
                path.display()
            );
        }
        Ok(Writer {
            tx,
            sql: RowSql::new(),
        })
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
            .tx
            .prepare_cached(&sql)?
            .query_row(params![sha256, sheet], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .optional()?)
    }

    /// Records a batch; its tally is filled in by [`Writer::finish_batch`].
    pub fn begin_batch(&self, batch: &NewBatch) -> Result<BatchRef> {
        let sql = format!(
            "INSERT INTO {BATCHES} (file, sheet, sha256, kind, as_of, imported_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
        );
        self.tx.prepare_cached(&sql)?.execute(params![
            batch.file,
            batch.sheet,
            batch.sha256,
            batch.kind.key(),
            batch.as_of,
            batch.imported_at
        ])?;
        let id = self.tx.last_insert_rowid();
        let late: bool = self.tx.query_row(
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
        self.tx.prepare_cached(&sql)?.execute(params![
            batch_id,
            tally.rows as i64,
            tally.new as i64,
            tally.changed as i64,
            tally.unchanged as i64
        ])?;
        Ok(())
    }

    /// Records one row of a batch: a new version if the case is new or changed as of the
    /// batch's date. `case_id` comes from [`Writer::case_id`]; each case once per batch.
    pub fn record(
        &self,
        batch: &BatchRef,
        source_row: u32,
        case_id: i64,
        case: &Case,
    ) -> Result<Recorded> {
        let (batch_id, as_of) = (batch.id, batch.as_of);
        let as_of_text = iso(as_of);
        let previous = self.state_before(case_id, case.kind(), &as_of_text)?;
        let recorded = match &previous {
            Some((_, previous)) if previous == case => return Ok(Recorded::Unchanged),
            Some((previous_id, _)) => {
                if batch.late {
                    // A later batch that relied on the previous version keeps it.
                    carry_forward(&self.tx, *previous_id, case_id, batch_id, as_of)?;
                }
                Recorded::Changed
            }
            None => Recorded::New,
        };
        let head = [
            rusqlite::types::Value::Integer(case_id),
            rusqlite::types::Value::Integer(batch_id),
            rusqlite::types::Value::Text(as_of_text),
            rusqlite::types::Value::Integer(i64::from(source_row)),
        ];
        self.tx
            .prepare_cached(&self.sql.version_insert)?
            .execute(params_from_iter(
                head.into_iter().chain(case_row::to_values(case)),
            ))?;
        Ok(recorded)
    }

    /// Notes that the batch lists the case on `source_row`. Returns the row that listed
    /// it before, when the batch already did: a file lists each case once.
    pub fn sight(&self, batch_id: i64, case_id: i64, source_row: u32) -> Result<Option<u32>> {
        if self
            .tx
            .prepare_cached(&self.sql.sight_insert)?
            .execute(params![case_id, batch_id, source_row])?
            == 1
        {
            return Ok(None);
        }
        Ok(Some(
            self.tx
                .prepare_cached(&self.sql.sight_select)?
                .query_row(params![case_id, batch_id], |r| r.get(0))?,
        ))
    }

    /// The id of the case with this matching key, registering it if new.
    pub fn case_id(&self, kind: Kind, key: &str) -> Result<i64> {
        if let Some(id) = self
            .tx
            .prepare_cached(&self.sql.case_select)?
            .query_row(params![kind.key(), key], |r| r.get(0))
            .optional()?
        {
            return Ok(id);
        }
        self.tx
            .prepare_cached(&self.sql.case_insert)?
            .execute(params![kind.key(), key])?;
        Ok(self.tx.last_insert_rowid())
    }

    /// The case as known on `as_of` (`2021-08-31`) from earlier batches, with that
    /// version's id.
    fn state_before(&self, case_id: i64, kind: Kind, as_of: &str) -> Result<Option<(i64, Case)>> {
        let mut stmt = self.tx.prepare_cached(&self.sql.state_before)?;
        let mut rows = stmt.query(params![case_id, as_of])?;
        match rows.next()? {
            Some(row) => Ok(Some((row.get(0)?, case_row::from_row(kind, row, 1)?))),
            None => Ok(None),
        }
    }

    pub fn commit(self) -> Result<()> {
        self.tx.commit().context("cannot commit the import")
    }

    /// Discards everything this writer did.
    pub fn rollback(self) -> Result<()> {
        self.tx.rollback().context("cannot roll back the import")
    }
}

/// Keeps the ledger's one invariant: a batch that listed a case without storing a version
/// said the same as the latest version before it. When that version is about to stop
/// being the one before the next batch that listed the case (it is undone, or a late
/// import puts another version in between), and that batch stored no version of its own,
/// its facts are recorded again as that batch's version. Returns whether it did.
pub(super) fn carry_forward(
    tx: &Transaction,
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
        let id = writer.case_id(case.kind(), case.case_no.key()).unwrap();
        assert_eq!(writer.sight(batch.id, id, 2).unwrap(), None);
        assert_eq!(
            writer.sight(batch.id, id, 3).unwrap(),
            Some(2),
            "listed twice"
        );
        writer.record(&batch, 2, id, case).unwrap()
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
