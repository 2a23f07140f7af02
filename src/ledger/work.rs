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

#[cfg(test)]
mod tests {
    use crate::ledger::Ledger;
    use crate::ledger::test_fixtures::{import, recon, suit};
    use crate::model::fixture::d;
    use crate::model::{Facts, Instance, Outcome};

    #[test]
    fn the_cases_with_work_are_the_current_ones_that_can_have_items() {
        let mut ledger = Ledger::in_memory().unwrap();
        // 1 open; 2 closed; 3 open, then closed a week later; 4 closed, then reopened by a
        // late week's correction, which the later batch does not know.
        let first = [
            recon(1, "都匀市", None),
            recon(2, "都匀市", Some(Outcome::Upheld)),
            recon(3, "都匀市", None),
        ];
        import(&mut ledger, "2021-03-05", &first);
        import(
            &mut ledger,
            "2021-03-12",
            &[recon(3, "都匀市", Some(Outcome::Upheld))],
        );
        import(&mut ledger, "2021-03-08", &[recon(2, "都匀市", None)]);
        // Lawsuits: closed with a hearing whose appearance is recorded (nothing to do),
        // closed with the appearance unrecorded (record it), closed with the judgment served.
        let mut unrecorded = suit(2, Instance::First, None);
        if let Facts::Litigation { head_appeared, .. } = &mut unrecorded.facts {
            *head_appeared = None;
        }
        let mut served = suit(3, Instance::First, None);
        served.tracking.set(
            crate::model::TrackField::ServedOn,
            Some(crate::model::TrackValue::Date(d("2021-04-02"))),
        );
        import(
            &mut ledger,
            "2021-04-09",
            &[suit(1, Instance::First, None), unrecorded, served],
        );
        let numbers = |as_of: &str| {
            let mut numbers = Vec::new();
            ledger
                .for_each_case_with_work(d(as_of), |c| numbers.push(c.case_no.text().to_owned()))
                .unwrap();
            numbers
        };
        assert_eq!(
            numbers("2021-03-05"),
            ["都府复〔2021〕1号", "都府复〔2021〕3号"]
        );
        assert_eq!(
            numbers("2021-03-09"),
            [
                "都府复〔2021〕1号",
                "都府复〔2021〕2号",
                "都府复〔2021〕3号"
            ]
        );
        assert_eq!(
            numbers("2021-04-09"),
            [
                "都府复〔2021〕1号",
                "都府复〔2021〕2号",
                "（2021）黔27行初2号",
                "（2021）黔27行初3号"
            ]
        );
        assert!(numbers("2021-03-04").is_empty());
    }
}
