//! Reading the ledger: batches, and the current state of every case as of a date.

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::params;

use super::Ledger;
use super::case_row::{self, CASE_COLUMNS};
use super::schema::{BATCHES, CASES, VERSIONS};
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
        let limit = limit.map_or_else(
            || END_OF_TIME.to_owned(),
            |d| d.format("%Y-%m-%d").to_string(),
        );
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
        let limit = as_of.map_or_else(
            || END_OF_TIME.to_owned(),
            |d| d.format("%Y-%m-%d").to_string(),
        );
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
