//! The cases a 包案领导 owns, read for one period: each case's state when the period
//! began and every version stored in it, which is what the monthly 调度 sheet reports
//! (SPEC §7.5). SQL only: choosing, grouping and judging the cases is the caller's.

use anyhow::Result;
use rusqlite::params;

use super::case_row;
use super::read::VersionRecord;
use super::tables::{BATCHES, CASES, VERSIONS};
use super::{Error, Ledger};
use crate::model::period::iso;
use crate::model::{Case, Kind, Period};

/// A case whose 包案领导 is set as known on a period's last day, with the versions that
/// say how it stood when the period began and what changed during it.
#[derive(Debug, Clone)]
pub struct LedCase {
    pub kind: Kind,
    /// The version in force when the period began; none for a case first listed in it.
    pub before: Option<VersionRecord>,
    /// The versions whose as-of date falls in the period, in the order that decides the
    /// current state (as-of date, then import).
    pub during: Vec<VersionRecord>,
}

impl LedCase {
    /// The case as known on the period's last day.
    #[must_use]
    pub fn current(&self) -> Option<&VersionRecord> {
        self.during.last().or(self.before.as_ref())
    }

    /// The case as known on the period's last day, with the batch that stored it.
    #[must_use]
    pub fn case(&self) -> Option<&Case> {
        self.current().map(|v| &v.case)
    }
}

impl Ledger {
    /// Every case with a 包案领导 as known on `period.to` (only batches as of that date or
    /// earlier count), in case-id order, each with its version in force on the eve of
    /// `period.from` and its versions as of a date in the period.
    ///
    /// Reads the versions up to `period.to` once, as [`Ledger::for_each_case`] does, and
    /// orders only those of cases that had a lead by then.
    pub fn led_cases(&self, period: &Period) -> Result<Vec<LedCase>> {
        // Per case, newest first: the lead of the newest version is the lead as known on
        // `to`; the newest version before `from` is the state the period began with. Only
        // cases that ever had a lead are ordered: most cases never have one.
        let sql = format!(
            "SELECT c.kind, w.case_id, w.in_period, b.id, b.file, w.as_of, w.source_row, {columns}
             FROM (
                 SELECT v.*, v.as_of >= ?1 AS in_period,
                     first_value(v.lead) OVER newest AS lead_then,
                     row_number() OVER (PARTITION BY v.case_id, v.as_of >= ?1
                         ORDER BY v.as_of DESC, v.batch_id DESC) AS recency
                 FROM {VERSIONS} v
                 WHERE v.as_of <= ?2 AND v.case_id IN (
                     SELECT case_id FROM {VERSIONS} WHERE lead IS NOT NULL AND as_of <= ?2)
                 WINDOW newest AS (PARTITION BY v.case_id ORDER BY v.as_of DESC, v.batch_id DESC)
             ) w
             JOIN {CASES} c ON c.id = w.case_id
             JOIN {BATCHES} b ON b.id = w.batch_id
             WHERE w.lead_then IS NOT NULL AND (w.in_period OR w.recency = 1)
             ORDER BY w.case_id, w.as_of, w.batch_id",
            columns = case_row::case_columns_of("w")
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let mut rows = stmt.query(params![iso(period.from), iso(period.to)])?;
        let mut found: Vec<(i64, LedCase)> = Vec::new();
        while let Some(row) = rows.next()? {
            let kind: String = row.get(0)?;
            let kind: Kind = kind.parse().map_err(Error::damaged)?;
            let case_id: i64 = row.get(1)?;
            let in_period: bool = row.get(2)?;
            let version = VersionRecord {
                batch_id: row.get(3)?,
                file: row.get(4)?,
                as_of: row.get(5)?,
                source_row: row.get(6)?,
                case: case_row::from_row(kind, row, 7)?,
            };
            if found.last().is_none_or(|(id, _)| *id != case_id) {
                let led = LedCase {
                    kind,
                    before: None,
                    during: Vec::new(),
                };
                found.push((case_id, led));
            }
            let Some((_, led)) = found.last_mut() else {
                continue;
            };
            if in_period {
                led.during.push(version);
            } else {
                led.before = Some(version);
            }
        }
        Ok(found.into_iter().map(|(_, led)| led).collect())
    }
}

#[cfg(test)]
mod tests {

    use super::*;
    use crate::ledger::write::NewBatch;
    use crate::model::fixture::d;
    use crate::model::{CaseNo, Facts, TrackField, TrackValue, Tracking};

    fn recon(n: u32, lead: Option<&str>, progress: &str) -> Case {
        let mut tracking = Tracking::default();
        tracking.set(
            TrackField::Progress,
            Some(TrackValue::Text(progress.to_owned())),
        );
        Case {
            case_no: CaseNo::new(&format!("都府复〔2021〕{n}号")).unwrap(),
            unit: "都匀市".into(),
            matter: None,
            closed_on: None,
            outcome: None,
            lead: lead.map(str::to_owned),
            note: None,
            tracking,
            facts: Facts::Reconsideration {
                respondent: None,
                received_on: d("2021-06-01"),
                accepted_on: None,
                corrected: None,
            },
        }
    }

    fn import(ledger: &mut Ledger, as_of: &str, cases: &[Case]) {
        let writer = ledger.writer().unwrap();
        let batch = writer
            .begin_batch(&NewBatch {
                file: format!("{as_of}.csv"),
                sheet: None,
                sha256: as_of.to_owned(),
                kind: Kind::Reconsideration,
                as_of: d(as_of),
                imported_at: String::new(),
            })
            .unwrap();
        let mut rows = writer.rows(batch).unwrap();
        for (row, case) in (2..).zip(cases) {
            rows.write(row, case).unwrap();
        }
        rows.finish().unwrap();
        writer.commit().unwrap();
    }

    /// (case number, progress before, [(as of, progress)] during) of each led case.
    fn read(ledger: &Ledger, from: &str, to: &str) -> Vec<(String, Option<String>, Vec<String>)> {
        let progress = |v: &VersionRecord| {
            v.case
                .tracking
                .text(TrackField::Progress)
                .unwrap_or_default()
                .to_owned()
        };
        ledger
            .led_cases(&Period::new(d(from), d(to)).unwrap())
            .unwrap()
            .iter()
            .map(|led| {
                (
                    led.case().unwrap().case_no.text().to_owned(),
                    led.before.as_ref().map(progress),
                    led.during
                        .iter()
                        .map(|v| format!("{} {}", v.as_of, progress(v)))
                        .collect(),
                )
            })
            .collect()
    }

    #[test]
    fn a_period_reads_its_versions_and_the_state_it_began_with() {
        let mut ledger = Ledger::in_memory().unwrap();
        import(
            &mut ledger,
            "2021-07-30",
            &[recon(1, Some("王某"), "约谈"), recon(2, None, "无")],
        );
        import(
            &mut ledger,
            "2021-08-13",
            &[recon(1, Some("王某"), "调解中"), recon(2, None, "无")],
        );
        import(
            &mut ledger,
            "2021-08-27",
            &[
                recon(1, Some("王某"), "已调解"),
                recon(3, Some("李某"), "新收"),
            ],
        );
        // Given a lead only after August: not August's case.
        import(
            &mut ledger,
            "2021-09-10",
            &[recon(2, Some("赵某"), "无"), recon(1, Some("王某"), "九月")],
        );
        assert_eq!(
            read(&ledger, "2021-08-01", "2021-08-31"),
            [
                (
                    "都府复〔2021〕1号".to_owned(),
                    Some("约谈".to_owned()),
                    vec![
                        "2021-08-13 调解中".to_owned(),
                        "2021-08-27 已调解".to_owned()
                    ]
                ),
                (
                    "都府复〔2021〕3号".to_owned(),
                    None,
                    vec!["2021-08-27 新收".to_owned()]
                ),
            ]
        );
        // A month without versions still lists the case as it stood.
        let october = read(&ledger, "2021-10-01", "2021-10-31");
        assert_eq!(october.len(), 3);
        assert_eq!(october[0].1.as_deref(), Some("九月"));
        assert!(october.iter().all(|(_, _, during)| during.is_empty()));
        assert!(read(&ledger, "2021-06-01", "2021-06-30").is_empty());
    }
}
