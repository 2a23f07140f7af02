//! Which cases each batch listed, and on which row, stored as runs.
//!
//! A weekly snapshot lists nearly the same cases as the week before, in nearly the same
//! order, and cases are numbered in the order files first list them: row after row, the
//! case ids a batch lists go up one by one. So a batch's sightings are stored as runs —
//! `cases` consecutive case ids from `first_case`, listed on as many consecutive rows from
//! `first_row` — and an unchanged case costs a snapshot about nothing (one row a run).
//! A file in another order still works; it costs a run per row, as a sighting per row did.
//!
//! Runs of one batch never overlap: a file lists each case once, and a batch being written
//! remembers the cases it listed (see [`Sighter`]). `verify` checks it.

use anyhow::Result;
use rusqlite::{Connection, OptionalExtension, Statement, params};

use super::tables::SIGHTINGS;

/// Cases `first_case .. first_case + cases`, listed on rows `first_row ..` of one batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Run {
    pub first_case: i64,
    pub cases: i64,
    pub first_row: i64,
}

impl Run {
    fn single(case_id: i64, source_row: i64) -> Run {
        Run {
            first_case: case_id,
            cases: 1,
            first_row: source_row,
        }
    }

    /// The row on which the run lists `case_id`, if it does.
    fn row_of(self, case_id: i64) -> Option<i64> {
        (self.first_case..self.first_case + self.cases)
            .contains(&case_id)
            .then(|| self.first_row + (case_id - self.first_case))
    }

    /// Takes in the next row when it lists the next case; false otherwise.
    fn extend(&mut self, case_id: i64, source_row: i64) -> bool {
        let next =
            case_id == self.first_case + self.cases && source_row == self.first_row + self.cases;
        if next {
            self.cases += 1;
        }
        next
    }
}

/// The row on which batch `batch_id` listed case `case_id`, if it did.
pub(super) fn row_in_batch(conn: &Connection, batch_id: i64, case_id: i64) -> Result<Option<i64>> {
    // The run that starts at or before the case is the only one that can hold it.
    let run = conn
        .prepare_cached(&format!(
            "SELECT first_case, cases, first_row FROM {SIGHTINGS} \
             WHERE batch_id = ?1 AND first_case <= ?2 ORDER BY first_case DESC LIMIT 1"
        ))?
        .query_row(params![batch_id, case_id], run_from_row)
        .optional()?;
    Ok(run.and_then(|run| run.row_of(case_id)))
}

fn run_from_row(row: &rusqlite::Row) -> rusqlite::Result<Run> {
    Ok(Run {
        first_case: row.get(0)?,
        cases: row.get(1)?,
        first_row: row.get(2)?,
    })
}

/// The runs of a batch, in case order.
pub(super) fn runs_of_batch(conn: &Connection, batch_id: i64) -> Result<Vec<Run>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT first_case, cases, first_row FROM {SIGHTINGS} WHERE batch_id = ?1 ORDER BY first_case"
        ))?
        .query_map([batch_id], run_from_row)?
        .collect::<Result<_, _>>()?)
}

/// The cases a batch listed, in id order.
pub(super) fn cases_of_batch(conn: &Connection, batch_id: i64) -> Result<Vec<i64>> {
    Ok(runs_of_batch(conn, batch_id)?
        .into_iter()
        .flat_map(|run| run.first_case..run.first_case + run.cases)
        .collect())
}

pub(super) fn forget_batch(conn: &Connection, batch_id: i64) -> Result<()> {
    conn.execute(
        &format!("DELETE FROM {SIGHTINGS} WHERE batch_id = ?1"),
        [batch_id],
    )?;
    Ok(())
}

/// The sightings of the batch being written: the run in progress, written when the next
/// row breaks it, and the cases listed so far, so that a second listing of a case is
/// told without a query.
pub(super) struct Sighter<'c> {
    batch_id: i64,
    insert: Statement<'c>,
    conn: &'c Connection,
    open: Option<Run>,
    /// Bit `id` is set once the batch listed case `id`.
    listed: Vec<u64>,
}

impl<'c> Sighter<'c> {
    pub fn new(conn: &'c Connection, batch_id: i64) -> Result<Sighter<'c>> {
        Ok(Sighter {
            batch_id,
            insert: conn.prepare(&format!(
                "INSERT INTO {SIGHTINGS} (batch_id, first_case, cases, first_row) VALUES (?1, ?2, ?3, ?4)"
            ))?,
            conn,
            open: None,
            listed: Vec::new(),
        })
    }

    /// Notes that the batch lists the case on `source_row`. Returns the row that listed
    /// it before, when the batch already did.
    pub fn sight(&mut self, case_id: i64, source_row: u32) -> Result<Option<u32>> {
        let source_row = i64::from(source_row);
        if self.mark(case_id)? {
            let earlier = match self.open.and_then(|run| run.row_of(case_id)) {
                Some(row) => Some(row),
                None => row_in_batch(self.conn, self.batch_id, case_id)?,
            };
            return Ok(Some(
                earlier
                    .and_then(|row| u32::try_from(row).ok())
                    .ok_or_else(|| {
                        super::Error::damaged(format!("case {case_id} is listed, but on no row"))
                    })?,
            ));
        }
        if !self
            .open
            .as_mut()
            .is_some_and(|run| run.extend(case_id, source_row))
        {
            self.close()?;
            self.open = Some(Run::single(case_id, source_row));
        }
        Ok(None)
    }

    /// Writes the run in progress; the batch's sightings are complete once it returns.
    pub fn close(&mut self) -> Result<()> {
        if let Some(run) = self.open.take() {
            self.insert.execute(params![
                self.batch_id,
                run.first_case,
                run.cases,
                run.first_row
            ])?;
        }
        Ok(())
    }

    /// Sets the case's bit; true when it was set already.
    fn mark(&mut self, case_id: i64) -> Result<bool> {
        let id = usize::try_from(case_id)
            .map_err(|_| super::Error::damaged(format!("a case numbered {case_id}")))?;
        let (word, bit) = (id / 64, 1u64 << (id % 64));
        if word >= self.listed.len() {
            self.listed.resize(word + 1, 0);
        }
        let seen = self.listed[word] & bit != 0;
        self.listed[word] |= bit;
        Ok(seen)
    }
}

/// Every sighting as `(batch, case, row)`, in batch and case order: what a ledger from
/// before the runs stored, row by row (for the tests that build one).
#[cfg(test)]
pub(super) fn each_sighting(conn: &Connection) -> Vec<(i64, i64, i64)> {
    let mut stmt = conn
        .prepare(&format!(
            "SELECT batch_id, first_case, cases, first_row FROM {SIGHTINGS} ORDER BY batch_id, first_case"
        ))
        .unwrap();
    let runs: Vec<(i64, Run)> = stmt
        .query_map([], |r| {
            Ok((
                r.get(0)?,
                Run {
                    first_case: r.get(1)?,
                    cases: r.get(2)?,
                    first_row: r.get(3)?,
                },
            ))
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    runs.into_iter()
        .flat_map(|(batch, run)| {
            (0..run.cases).map(move |i| (batch, run.first_case + i, run.first_row + i))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_takes_the_next_case_on_the_next_row_only() {
        let mut run = Run::single(10, 2);
        assert!(run.extend(11, 3));
        assert!(run.extend(12, 4));
        assert!(!run.extend(14, 5), "a case skipped");
        assert!(!run.extend(13, 6), "a row skipped");
        assert!(!run.extend(12, 5), "a case again");
        assert_eq!(run.cases, 3);
        assert_eq!(
            [9, 10, 12, 13].map(|id| run.row_of(id)),
            [None, Some(2), Some(4), None]
        );
    }

    #[test]
    fn the_migration_to_runs_keeps_every_sighting_in_the_fewest_runs() {
        let mut conn = Connection::open_in_memory().unwrap();
        let runs = super::super::schema::MIGRATIONS.len() - 1;
        for sql in &super::super::schema::MIGRATIONS[..runs] {
            conn.execute_batch(sql).unwrap();
        }
        conn.pragma_update(None, "user_version", runs as i64)
            .unwrap();
        conn.execute_batch(
            "INSERT INTO batches (id, file, sha256, kind, as_of, imported_at)
                 VALUES (1, 'a', '', 'reconsideration', '2021-01-08', ''),
                        (2, 'b', '', 'reconsideration', '2021-01-15', ''),
                        (3, 'c', '', 'reconsideration', '2021-01-22', '');
             WITH RECURSIVE n(id) AS (SELECT 1 UNION ALL SELECT id + 1 FROM n WHERE id < 10)
             INSERT INTO cases (id, kind, case_key) SELECT id, 'reconsideration', id FROM n;",
        )
        .unwrap();
        // (batch, case, row): runs of cases whose rows follow, broken by a case or a row
        // skipped, and rows in another order than their cases.
        let mut sightings = vec![
            (1, 1, 2),
            (1, 2, 3),
            (1, 3, 4),
            (1, 4, 5),
            (1, 5, 6),
            (1, 6, 20),
            (1, 7, 8),
            (1, 8, 7),
            (2, 1, 2),
            (2, 3, 3),
            (2, 5, 4),
            (2, 9, 10),
            (2, 10, 11),
            (3, 1, 10),
            (3, 2, 20),
            (3, 3, 12),
        ];
        for sighting in &sightings {
            conn.execute(
                "INSERT INTO sightings (batch_id, case_id, source_row) VALUES (?1, ?2, ?3)",
                <[i64; 3]>::from(*sighting),
            )
            .unwrap();
        }
        super::super::schema::migrate(&mut conn).unwrap();
        sightings.sort_unstable();
        assert_eq!(each_sighting(&conn), sightings);
        let counted: i64 = conn
            .query_row("SELECT count(*) FROM sightings", [], |r| r.get(0))
            .unwrap();
        // Batch 1: cases 1–5, 6, 7, 8; batch 2: 1, 3, 5, 9–10; batch 3: 1, 2, 3.
        assert_eq!(counted, 4 + 4 + 3);
        assert_eq!(row_in_batch(&conn, 2, 10).unwrap(), Some(11));
        assert_eq!(row_in_batch(&conn, 2, 4).unwrap(), None);
        assert_eq!(cases_of_batch(&conn, 2).unwrap(), [1, 3, 5, 9, 10]);
    }
}
