//! The cases the work list looks at: only those that can still have something to do, as
//! known on a day, so that `due` on a million cases reads a small part of the ledger.

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::params;

use super::Ledger;
use super::case_row;
use super::tables::{CASES, VERSIONS};
use crate::model::Case;
use crate::model::period::iso;

/// How far back a served judgment can still have an appeal window open.
const APPEAL_LOOKBACK_DAYS: u64 = 40;

impl Ledger {
    /// Calls `each` with the current state, as known on `as_of`, of every case that can
    /// still have work-list items: open, with a judgment served in the last weeks (its
    /// appeal window), or
    /// with a hearing whose appearance is not recorded. `due::task::tasks` decides the
    /// rest; this only spares it the closed cases, most of a ledger.
    ///
    /// Each candidate version is kept when no later one (as of `as_of`) exists: one index
    /// probe per candidate, instead of ranking every version of every case as
    /// [`Ledger::for_each_case`] does (a tenth of the time on a million cases).
    pub fn for_each_case_with_work(
        &self,
        as_of: NaiveDate,
        mut each: impl FnMut(Case),
    ) -> Result<()> {
        let sql = format!(
            "SELECT c.kind, {columns} FROM {VERSIONS} v JOIN {CASES} c ON c.id = v.case_id
             WHERE v.as_of <= ?1
               AND (v.closed_on IS NULL OR v.served_on >= ?2
                    OR (v.hearing_on IS NOT NULL AND v.head_appeared IS NULL))
               AND NOT EXISTS (
                   SELECT 1 FROM {VERSIONS} l
                   WHERE l.case_id = v.case_id AND l.as_of <= ?1
                     AND (l.as_of, l.batch_id) > (v.as_of, v.batch_id))
             ORDER BY v.case_id",
            columns = case_row::case_columns_of("v")
        );
        // An appeal window is 15 days, and a holiday at its end adds at most about ten:
        // a judgment served longer ago than this has no window left to show.
        let served_since = as_of
            .checked_sub_days(chrono::Days::new(APPEAL_LOOKBACK_DAYS))
            .unwrap_or(NaiveDate::MIN);
        let mut stmt = self.conn.prepare(&sql)?;
        let mut rows = stmt.query(params![iso(as_of), iso(served_since)])?;
        while let Some(row) = rows.next()? {
            each(case_row::kind_and_case(row)?);
        }
        Ok(())
    }
}
