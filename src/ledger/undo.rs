//! Removing a batch so that every report, for every as-of date, is as if it had never
//! been imported.
//!
//! A later batch that listed a case unchanged stored no version of its own: it relied on
//! the version being removed. Before that version goes, its facts are recorded again as
//! a version of the first such later batch (see [`carry_forward`]), so the later batch
//! keeps saying what its file said.

use anyhow::{Context, Result, bail};
use chrono::NaiveDate;
use rusqlite::{OptionalExtension, TransactionBehavior, params};

use super::Ledger;
use super::current::{carry_forward, refresh_current};
use super::sightings;
use super::tables::{BATCHES, CASES, VERSIONS};

/// What an undo removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Undone {
    pub batch_id: i64,
    pub file: String,
    pub as_of: NaiveDate,
    /// Versions the batch had stored.
    pub versions: u64,
    /// Versions re-recorded under later batches that had listed the case unchanged.
    pub carried_forward: u64,
    /// Cases that no batch lists any more, removed with it.
    pub cases_removed: u64,
}

impl Ledger {
    /// Removes a batch, its sightings and its versions, in one transaction.
    ///
    /// Foreign keys are kept by construction, as during an import (see
    /// [`Ledger::writer`]): a case goes only once it has no version left, and a case with
    /// a sighting always has a version before it. Enforced, SQLite would look for
    /// sightings of each removed case, which are keyed by batch: a scan per case.
    pub fn undo(&mut self, batch_id: i64) -> Result<Undone> {
        let conn = &self.conn;
        conn.pragma_update(None, "foreign_keys", false)?;
        conn.pragma_update(None, "cache_size", super::WRITE_CACHE)?;
        let undone = undo_batch(conn, batch_id);
        // Outside the transaction, where the pragmas take effect, committed or not.
        conn.pragma_update(None, "foreign_keys", true)?;
        conn.pragma_update(None, "cache_size", super::DEFAULT_CACHE)?;
        undone
    }
}

fn undo_batch(conn: &rusqlite::Connection, batch_id: i64) -> Result<Undone> {
    let tx = rusqlite::Transaction::new_unchecked(conn, TransactionBehavior::Immediate)
        .context("cannot start writing the ledger")?;
    let batch: Option<(String, NaiveDate)> = tx
        .query_row(
            &format!("SELECT file, as_of FROM {BATCHES} WHERE id = ?1"),
            [batch_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let Some((file, as_of)) = batch else {
        bail!("there is no batch {batch_id} (caseledger batches lists them)");
    };
    // Every version a batch stored is of a case it lists, so its sightings (a few runs)
    // lead to them.
    let cases = sightings::cases_of_batch(&tx, batch_id)?;
    let mut versions = Vec::new();
    {
        let mut find = tx.prepare(&format!(
            "SELECT id FROM {VERSIONS} WHERE case_id = ?1 AND as_of = ?2 AND batch_id = ?3"
        ))?;
        for case_id in &cases {
            let version: Option<i64> = find
                .query_row(params![case_id, as_of, batch_id], |r| r.get(0))
                .optional()?;
            versions.extend(version.map(|id| (id, *case_id)));
        }
    }
    let mut carried_forward = 0;
    for (version_id, case_id) in &versions {
        if carry_forward(&tx, *version_id, *case_id, batch_id, as_of)? {
            carried_forward += 1;
        }
    }
    {
        let mut delete = tx.prepare(&format!("DELETE FROM {VERSIONS} WHERE id = ?1"))?;
        for (version_id, _) in &versions {
            delete.execute([version_id])?;
        }
    }
    sightings::forget_batch(&tx, batch_id)?;
    let mut cases_removed = 0;
    {
        // Only a case that lost a version can be left without one, or have another
        // current state; one without versions has no sightings either (each listing
        // after its first relied on a version before it, carried forward above).
        let mut orphan = tx.prepare(&format!(
            "DELETE FROM {CASES} WHERE id = ?1 \
             AND NOT EXISTS (SELECT 1 FROM {VERSIONS} WHERE case_id = ?1)"
        ))?;
        for &(_, case_id) in &versions {
            if orphan.execute([case_id])? == 1 {
                cases_removed += 1;
            } else {
                refresh_current(&tx, case_id)?;
            }
        }
    }
    tx.execute(&format!("DELETE FROM {BATCHES} WHERE id = ?1"), [batch_id])?;
    tx.commit()?;
    Ok(Undone {
        batch_id,
        file,
        as_of,
        versions: versions.len() as u64,
        carried_forward,
        cases_removed,
    })
}
