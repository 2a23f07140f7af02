//! Reading the ledger: batches, and the current state of every case as of a date.

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::{OptionalExtension, params};

use super::Ledger;
use super::case_row::{self, CASE_COLUMNS};
use super::schema::{BATCHES, CASES, VERSIONS};
use crate::model::period::iso;
use crate::model::{Case, Kind};

/// A batch as stored.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct BatchRecord {
    pub id: i64,
    pub file: String,
    pub sha256: String,
    pub kind: String,
    pub as_of: NaiveDate,
    pub imported_at: String,
    pub rows: i64,
    pub new: i64,
    pub changed: i64,
    pub unchanged: i64,
}

/// A date later than any as-of date, for "everything known".
const END_OF_TIME: &str = "9999-12-31";

impl Ledger {
    /// The latest as-of date of any batch, optionally only among batches as of `limit` or earlier.
    pub fn latest_as_of(&self, limit: Option<NaiveDate>) -> Result<Option<NaiveDate>> {
        let limit = limit.map_or_else(|| END_OF_TIME.to_owned(), iso);
        let sql = format!("SELECT max(as_of) FROM {BATCHES} WHERE as_of <= ?1");
        Ok(self.conn.query_row(&sql, [limit], |r| r.get(0))?)
    }

    /// Calls `each` with the current state of every case as known on `as_of` (everything
    /// known when `None`), in case-id order.
    pub fn for_each_case(
        &self,
        as_of: Option<NaiveDate>,
        mut each: impl FnMut(Case),
    ) -> Result<()> {
        let limit = as_of.map_or_else(|| END_OF_TIME.to_owned(), iso);
        let sql = format!(
            "SELECT c.kind, {CASE_COLUMNS} FROM (
                 SELECT v.*, row_number() OVER (
                     PARTITION BY v.case_id ORDER BY v.as_of DESC, v.batch_id DESC) AS latest
                 FROM {VERSIONS} v WHERE v.as_of <= ?1
             ) JOIN {CASES} c ON c.id = case_id
             WHERE latest = 1
             ORDER BY case_id"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let mut rows = stmt.query(params![limit])?;
        while let Some(row) = rows.next()? {
            let kind: String = row.get(0)?;
            let kind: Kind = kind
                .parse()
                .map_err(|e: String| anyhow::anyhow!("damaged ledger: {e}"))?;
            each(case_row::from_row(kind, row, 1)?);
        }
        Ok(())
    }

    /// Every unit name the ledger's cases carry, in name order.
    pub fn units_in_use(&self) -> Result<Vec<String>> {
        let sql = format!("SELECT DISTINCT unit FROM {VERSIONS} ORDER BY unit");
        let mut stmt = self.conn.prepare(&sql)?;
        let units = stmt
            .query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        Ok(units)
    }

    /// Every batch, oldest first.
    pub fn batches(&self) -> Result<Vec<BatchRecord>> {
        let sql = format!(
            "SELECT id, file, sha256, kind, as_of, imported_at, rows, new_cases, changed, unchanged \
             FROM {BATCHES} ORDER BY id"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map([], |r| {
            Ok(BatchRecord {
                id: r.get(0)?,
                file: r.get(1)?,
                sha256: r.get(2)?,
                kind: r.get(3)?,
                as_of: r.get(4)?,
                imported_at: r.get(5)?,
                rows: r.get(6)?,
                new: r.get(7)?,
                changed: r.get(8)?,
                unchanged: r.get(9)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

/// One stored version of a case, with the batch that stored it.
#[derive(Debug, Clone)]
pub struct VersionRecord {
    pub batch_id: i64,
    pub file: String,
    pub as_of: NaiveDate,
    pub source_row: u32,
    pub case: Case,
}

impl Ledger {
    /// Every version of the case(s) with this matching key, per kind, oldest first (in
    /// the order that decides the current state: as-of date, then import).
    pub fn history(&self, key: &str) -> Result<Vec<(Kind, Vec<VersionRecord>)>> {
        let sql = format!(
            "SELECT b.id, b.file, v.as_of, v.source_row, {columns} FROM {VERSIONS} v \
             JOIN {BATCHES} b ON b.id = v.batch_id \
             WHERE v.case_id = ?1 ORDER BY v.as_of, v.batch_id",
            columns = CASE_COLUMNS
                .split(", ")
                .map(|c| format!("v.{}", c.trim()))
                .collect::<Vec<_>>()
                .join(", ")
        );
        let mut found = Vec::new();
        for kind in Kind::ALL {
            let case_id: Option<i64> = self
                .conn
                .query_row(
                    &format!("SELECT id FROM {CASES} WHERE kind = ?1 AND case_key = ?2"),
                    params![kind.key(), key],
                    |r| r.get(0),
                )
                .optional()?;
            let Some(case_id) = case_id else { continue };
            let mut stmt = self.conn.prepare(&sql)?;
            let mut rows = stmt.query([case_id])?;
            let mut versions = Vec::new();
            while let Some(row) = rows.next()? {
                versions.push(VersionRecord {
                    batch_id: row.get(0)?,
                    file: row.get(1)?,
                    as_of: row.get(2)?,
                    source_row: row.get(3)?,
                    case: case_row::from_row(kind, row, 4)?,
                });
            }
            found.push((kind, versions));
        }
        Ok(found)
    }
}
