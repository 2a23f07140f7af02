//! Stored benchmarks: reference rates per metric and period.

use anyhow::{Context, Result};
use rusqlite::{TransactionBehavior, params};

use super::tables::BENCHMARKS;
use super::{Error, Ledger};
use crate::model::{Benchmark, Percent};
use crate::model::{Metric, Period};

impl Ledger {
    /// Stores benchmarks in one transaction; one with the same metric, period and name
    /// replaces the old value. Returns how many were new and how many replaced.
    pub fn store_benchmarks(
        &mut self,
        benchmarks: &[Benchmark],
        imported_at: &str,
    ) -> Result<(u64, u64)> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .context("cannot start writing the ledger")?;
        let (mut new, mut replaced) = (0, 0);
        {
            let delete = format!(
                "DELETE FROM {BENCHMARKS} WHERE metric = ?1 AND from_date = ?2 AND to_date = ?3 AND label = ?4"
            );
            let insert = format!(
                "INSERT INTO {BENCHMARKS} (metric, from_date, to_date, rate, label, imported_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
            );
            let mut delete = tx.prepare_cached(&delete)?;
            let mut insert = tx.prepare_cached(&insert)?;
            for b in benchmarks {
                let key = params![b.metric.key(), b.period.from, b.period.to, b.label];
                if delete.execute(key)? > 0 {
                    replaced += 1;
                } else {
                    new += 1;
                }
                insert.execute(params![
                    b.metric.key(),
                    b.period.from,
                    b.period.to,
                    b.rate.0,
                    b.label,
                    imported_at
                ])?;
            }
        }
        tx.commit()?;
        Ok((new, replaced))
    }

    /// Benchmarks for exactly this period, one per metric (the latest imported wins).
    pub fn benchmarks_for(&self, period: &Period) -> Result<Vec<Benchmark>> {
        let sql = format!(
            "SELECT metric, rate, label FROM {BENCHMARKS} WHERE from_date = ?1 AND to_date = ?2 ORDER BY id"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let mut rows = stmt.query(params![period.from, period.to])?;
        let mut found: Vec<Benchmark> = Vec::new();
        while let Some(row) = rows.next()? {
            let key: String = row.get(0)?;
            let metric: Metric = key.parse().map_err(Error::damaged)?;
            let benchmark = Benchmark {
                metric,
                period: *period,
                rate: Percent(row.get(1)?),
                label: row.get(2)?,
            };
            found.retain(|b| b.metric != metric);
            found.push(benchmark);
        }
        Ok(found)
    }
}
