//! Reading the ledger: batches, the current state of every case as of a date, and the
//! links from lawsuits to the reconsideration cases they followed.

use std::collections::HashSet;

use anyhow::Result;
use chrono::{Datelike, NaiveDate};
use rusqlite::{OptionalExtension, params};

use super::case_row;
use super::case_row::CASE_COLUMNS;
use super::current::{self, COUNTED_COLUMN_COUNT, COUNTED_COLUMNS};
use super::tables::END_OF_TIME;
use super::tables::{BATCHES, CASES, VERSIONS};
use super::{Error, Ledger};
use crate::model::period::iso;
use crate::model::{Breakdown, Case, CaseNo, Countable, CountableFacts, Facts, Filter, Kind};

/// A necessary condition on a case's current state that a listing can check in the
/// compact columns beside its key, before reading its version.
#[derive(Debug, Clone, Copy, Default)]
pub struct Narrowing {
    pub kind: Option<Kind>,
    /// A date of the case, and the first and last day it may fall on.
    pub dated: Option<(DayColumn, NaiveDate, NaiveDate)>,
}

/// A date kept as a day number in the compact current state (NULL where the case's kind
/// has no such date).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayColumn {
    Received,
    Accepted,
    Closed,
    Filed,
    Hearing,
}

impl DayColumn {
    fn name(self) -> &'static str {
        match self {
            DayColumn::Received => "received_day",
            DayColumn::Accepted => "accepted_day",
            DayColumn::Closed => "closed_day",
            DayColumn::Filed => "filed_day",
            DayColumn::Hearing => "hearing_day",
        }
    }
}

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

impl Ledger {
    /// The latest as-of date of any batch, optionally only among batches as of `limit` or earlier.
    pub fn latest_as_of(&self, limit: Option<NaiveDate>) -> Result<Option<NaiveDate>> {
        let limit = limit.map_or_else(|| END_OF_TIME.to_owned(), iso);
        let sql = format!("SELECT max(as_of) FROM {BATCHES} WHERE as_of <= ?1");
        Ok(self.conn.query_row(&sql, [limit], |r| r.get(0))?)
    }

    /// Calls `each` with the current state of every case as known on `as_of` (everything
    /// known when `None`), in case-id order.
    pub fn for_each_case(&self, as_of: Option<NaiveDate>, each: impl FnMut(Case)) -> Result<()> {
        self.for_each_of(&Kind::ALL, as_of, each)
    }

    /// [`Ledger::for_each_case`] for the cases of some kinds only: the documents and
    /// disputes a report counts are a few among a million cases.
    pub fn for_each_of(
        &self,
        kinds: &[Kind],
        as_of: Option<NaiveDate>,
        mut each: impl FnMut(Case),
    ) -> Result<()> {
        let limit = as_of.map_or_else(|| END_OF_TIME.to_owned(), iso);
        let only = if Kind::ALL.iter().all(|k| kinds.contains(k)) {
            String::new()
        } else {
            let keys: Vec<String> = kinds.iter().map(|k| format!("'{}'", k.key())).collect();
            format!(
                "AND v.case_id IN (SELECT id FROM {CASES} WHERE kind IN ({}))",
                keys.join(", ")
            )
        };
        let sql = format!(
            "SELECT c.kind, {columns} FROM (
                 SELECT v.*, row_number() OVER (
                     PARTITION BY v.case_id ORDER BY v.as_of DESC, v.batch_id DESC) AS latest
                 FROM {VERSIONS} v WHERE v.as_of <= ?1 {only}
             ) w JOIN {CASES} c ON c.id = w.case_id
             WHERE w.latest = 1
             ORDER BY w.case_id",
            columns = case_row::case_columns_of("w")
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let mut rows = stmt.query(params![limit])?;
        while let Some(row) = rows.next()? {
            each(case_row::kind_and_case(row)?);
        }
        Ok(())
    }

    /// Calls `each` with the current state of every case as known on `as_of` that may
    /// pass `narrowing` and `may_pass`, in case-id order; the caller still applies its
    /// full filter to what it gets.
    ///
    /// When that is everything known, the compact current state beside each case's key
    /// picks the cases (one scan, as a report does: `may_pass` sees what the counts see,
    /// without `sued_after`) and only their latest versions are read; as known on an
    /// earlier date, it is [`Ledger::for_each_case`].
    pub fn for_each_current_case(
        &self,
        as_of: Option<NaiveDate>,
        narrowing: &Narrowing,
        mut may_pass: impl FnMut(&Countable) -> bool,
        mut each: impl FnMut(Case),
    ) -> Result<()> {
        if !self.knows_everything(as_of)? {
            return self.for_each_case(as_of, each);
        }
        let (sql, values) = candidates_query(narrowing);
        let mut candidates = self.conn.prepare(&sql)?;
        let mut latest = self.conn.prepare(&format!(
            "SELECT {} FROM {VERSIONS} WHERE case_id = ?1 \
             ORDER BY as_of DESC, batch_id DESC LIMIT 1",
            CASE_COLUMNS.as_str()
        ))?;
        let mut rows = candidates.query(rusqlite::params_from_iter(values))?;
        while let Some(row) = rows.next()? {
            let case_id: i64 = row.get(0)?;
            let kind: String = row.get(1)?;
            let kind: Kind = kind.parse().map_err(Error::damaged)?;
            // Documents and disputes have no compact state to judge: the caller's filter does.
            if current::countable_from_row(row, 1)?.is_some_and(|c| !may_pass(&c)) {
                continue;
            }
            let mut version = latest.query([case_id])?;
            let Some(version) = version.next()? else {
                return Err(Error::damaged(format!("case {case_id} has no version")).into());
            };
            each(case_row::from_row(kind, version, 0)?);
        }
        Ok(())
    }

    /// Calls `each` with what the counts read of every case as known on `as_of`
    /// (everything known when `None`) that has a date on or after `since`: the others
    /// fall in no period that starts then or later. A reconsideration case is marked
    /// `sued_after` when a lawsuit known on the same date names it.
    ///
    /// When that is everything known, this is one scan of the compact current state kept
    /// beside each case's key, which skips old cases by their latest date before reading
    /// the rest of the row; as known on an earlier date, it is the versions query of
    /// [`Ledger::for_each_case`].
    pub fn for_each_countable(
        &self,
        as_of: Option<NaiveDate>,
        since: Option<NaiveDate>,
        mut each: impl FnMut(&Countable),
    ) -> Result<()> {
        self.for_each_countable_by(as_of, since, Breakdown::Unit, |case, _| each(case))
    }

    /// [`Ledger::for_each_countable`], with each case's name under `by` as
    /// [`Breakdown::name_of`] gives it (`None` for the unit, which the case carries, and
    /// for a case without a name). The name is one more column of the compact state, read
    /// only when asked for.
    pub fn for_each_countable_by(
        &self,
        as_of: Option<NaiveDate>,
        since: Option<NaiveDate>,
        by: Breakdown,
        each: impl FnMut(&Countable, Option<&str>),
    ) -> Result<()> {
        self.for_each_countable_where(as_of, since, by, &Filter::default(), each)
    }

    /// [`Ledger::for_each_countable_by`] for the cases that pass `filter` only; its names
    /// are further columns of the compact state, read only when a condition is on them.
    pub fn for_each_countable_where(
        &self,
        as_of: Option<NaiveDate>,
        since: Option<NaiveDate>,
        by: Breakdown,
        filter: &Filter,
        mut each: impl FnMut(&Countable, Option<&str>),
    ) -> Result<()> {
        let everything = self.knows_everything(as_of)?;
        let sued = self.sued_after_keys(as_of)?;
        let column = current::breakdown_column(by);
        if !everything {
            // The same cases as the scan below leaves, so that both give the same units.
            return self.for_each_case(as_of, |case| {
                if since.is_none_or(|since| case.latest_date() >= since)
                    && filter.passes_case(&case)
                    && let Some(mut countable) = case.countable()
                {
                    let name = column.and_then(|_| by.name_of(&case));
                    mark_sued_after(&mut countable, case.case_no.key(), &sued);
                    each(&countable, name.as_deref());
                }
            });
        }
        let since = since.map_or(i64::MIN, |d| i64::from(d.num_days_from_ce()));
        let filtered: Vec<Breakdown> = filter
            .keys()
            .filter(|key| current::breakdown_column(*key).is_some())
            .collect();
        let names: Vec<&str> = column
            .into_iter()
            .chain(
                filtered
                    .iter()
                    .filter_map(|k| current::breakdown_column(*k)),
            )
            .collect();
        let extra: String = names.iter().flat_map(|c| [", ", c]).collect();
        let sql = format!(
            "SELECT kind, {counted}, case_key{extra} FROM {CASES} WHERE last_day >= ?1",
            counted = COUNTED_COLUMNS.as_str()
        );
        // After `kind` and the counted columns: the case's key, then the name asked for,
        // then the filter's names.
        let key_column = 1 + COUNTED_COLUMN_COUNT;
        let first_filtered = key_column + 1 + usize::from(column.is_some());
        let mut stmt = self.conn.prepare(&sql)?;
        let mut rows = stmt.query([since])?;
        while let Some(row) = rows.next()? {
            // Documents and disputes have no last day either: the scan leaves them anyway.
            let Some(mut countable) = current::countable_from_row(row, 0)? else {
                continue;
            };
            if !filtered.is_empty() {
                let mut names = Vec::with_capacity(filtered.len());
                for at in first_filtered..first_filtered + filtered.len() {
                    names.push(row.get_ref(at)?.as_str_or_null()?);
                }
                let name_of = |key: Breakdown| {
                    let at = filtered.iter().position(|k| *k == key)?;
                    names.get(at).copied().flatten()
                };
                if !filter.passes(name_of) {
                    continue;
                }
            }
            // Only a closed case is marked: the others' keys stay unread.
            let closed_reconsideration = countable.closed_on.is_some()
                && matches!(countable.facts, CountableFacts::Reconsideration { .. });
            if closed_reconsideration && !sued.is_empty() {
                let key = row.get_ref(key_column)?.as_str()?;
                mark_sued_after(&mut countable, key, &sued);
            }
            let name = match column {
                Some(_) => row.get_ref(key_column + 1)?.as_str_or_null()?,
                None => None,
            };
            each(&countable, name);
        }
        Ok(())
    }

    /// Whether `as_of` knows everything the ledger holds (no batch is later).
    fn knows_everything(&self, as_of: Option<NaiveDate>) -> Result<bool> {
        Ok(match as_of {
            None => true,
            Some(date) => self.latest_as_of(None)?.is_none_or(|latest| latest <= date),
        })
    }

    /// The matching keys of the reconsideration cases that lawsuits name in their
    /// 复议案号, as known on `as_of` (everything known when `None`).
    ///
    /// Everything known is one search of the few linked lawsuits' current state (an
    /// index holds only those); as known on an earlier date, the linked versions current
    /// then.
    pub fn sued_after_keys(&self, as_of: Option<NaiveDate>) -> Result<HashSet<String>> {
        if self.knows_everything(as_of)? {
            let sql = format!(
                "SELECT DISTINCT reconsideration_key FROM {CASES} \
                 WHERE reconsideration_key IS NOT NULL"
            );
            let mut stmt = self.conn.prepare(&sql)?;
            let keys = stmt.query_map([], |r| r.get(0))?;
            return Ok(keys.collect::<Result<_, _>>()?);
        }
        let limit = as_of.map_or_else(|| END_OF_TIME.to_owned(), iso);
        let sql = format!(
            "SELECT v.reconsideration_no FROM {VERSIONS} v JOIN {CASES} c ON c.id = v.case_id
             WHERE c.kind = ?2 AND v.as_of <= ?1 AND v.reconsideration_no IS NOT NULL
               AND NOT EXISTS (
                   SELECT 1 FROM {VERSIONS} l
                   WHERE l.case_id = v.case_id AND l.as_of <= ?1
                     AND (l.as_of, l.batch_id) > (v.as_of, v.batch_id))"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let mut rows = stmt.query(params![limit, Kind::Litigation.key()])?;
        let mut keys = HashSet::new();
        while let Some(row) = rows.next()? {
            if let Some(no) = CaseNo::new(row.get_ref(0)?.as_str()?) {
                keys.insert(no.key().to_owned());
            }
        }
        Ok(keys)
    }

    /// The case numbers of the lawsuits whose current 复议案号 names the reconsideration
    /// case with matching key `key`, as each was last written, in ledger order.
    pub fn lawsuits_naming(&self, key: &str) -> Result<Vec<String>> {
        let sql = format!(
            "SELECT (SELECT v.case_no FROM {VERSIONS} v WHERE v.case_id = c.id
                     ORDER BY v.as_of DESC, v.batch_id DESC LIMIT 1)
             FROM {CASES} c WHERE c.reconsideration_key = ?1 ORDER BY c.id"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let names = stmt.query_map([key], |r| r.get(0))?;
        Ok(names.collect::<Result<_, _>>()?)
    }

    /// The 文号 of the documents whose current 关联案号 names the case with matching key
    /// `key`, in ledger order. Documents are few: their current versions are read whole.
    pub fn documents_naming(&self, key: &str) -> Result<Vec<String>> {
        let mut found = Vec::new();
        self.for_each_of(&[Kind::Rectification], None, |document| {
            if let Facts::Rectification {
                linked_case_no: Some(linked),
                ..
            } = &document.facts
                && CaseNo::new(linked).is_some_and(|no| no.key() == key)
            {
                found.push(document.case_no.text().to_owned());
            }
        })?;
        Ok(found)
    }

    /// Whether any case's current state carries one of `names`. Stops at the first.
    pub fn has_unit(&self, names: &[&str]) -> Result<bool> {
        let sql = format!(
            "SELECT EXISTS (SELECT 1 FROM {CASES} WHERE unit IN ({}))",
            vec!["?"; names.len()].join(", ")
        );
        Ok(self
            .conn
            .query_row(&sql, rusqlite::params_from_iter(names), |r| r.get(0))?)
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

/// Marks a closed reconsideration case with matching key `key` as sued after when a
/// lawsuit names it (an open one counts nowhere as sued after, so is left unmarked).
fn mark_sued_after(countable: &mut Countable, key: &str, sued: &HashSet<String>) {
    if countable.closed_on.is_some()
        && let CountableFacts::Reconsideration { sued_after, .. } = &mut countable.facts
    {
        *sued_after = sued.contains(key);
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
            columns = case_row::case_columns_of("v")
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

/// The query of [`Ledger::for_each_current_case`]'s candidates and its values: the
/// compact state of every case of the narrowing, in id order (the table's own order).
fn candidates_query(narrowing: &Narrowing) -> (String, Vec<rusqlite::types::Value>) {
    let mut conditions = vec!["1".to_owned()];
    let mut values: Vec<rusqlite::types::Value> = Vec::new();
    if let Some(kind) = narrowing.kind {
        values.push(kind.key().to_owned().into());
        // `+kind`: not through the key index, whose order (kind, key) would visit the
        // table in random order and sort the ids afterwards; a scan reads it in id order.
        conditions.push(format!("+kind = ?{}", values.len()));
    }
    if let Some((column, from, to)) = narrowing.dated {
        values.push(i64::from(from.num_days_from_ce()).into());
        values.push(i64::from(to.num_days_from_ce()).into());
        conditions.push(format!(
            "{} BETWEEN ?{} AND ?{}",
            column.name(),
            values.len() - 1,
            values.len()
        ));
    }
    let sql = format!(
        "SELECT id, kind, {} FROM {CASES} WHERE {} ORDER BY id",
        COUNTED_COLUMNS.as_str(),
        conditions.join(" AND ")
    );
    (sql, values)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::test_fixtures::{import, naming, recon, suit};
    use crate::model::fixture::d;
    use crate::model::{Instance, Outcome};

    #[test]
    fn a_listing_of_one_kind_scans_the_cases_in_id_order() {
        let ledger = Ledger::in_memory().unwrap();
        let narrowing = Narrowing {
            kind: Some(Kind::Reconsideration),
            ..Narrowing::default()
        };
        let (sql, values) = candidates_query(&narrowing);
        let mut plan = ledger
            .conn
            .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
            .unwrap();
        let steps: Vec<String> = plan
            .query_map(rusqlite::params_from_iter(values), |row| row.get(3))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        // Not the key index (kind, case_key) with a sort: every case is read in turn.
        assert_eq!(steps, ["SCAN cases"], "{steps:?}");
    }

    /// The reconsideration cases the counts see as sued after, by case number.
    fn sued_after(ledger: &Ledger, as_of: Option<&str>) -> Vec<bool> {
        let mut sued = Vec::new();
        ledger
            .for_each_countable(as_of.map(d), None, |c| {
                if let CountableFacts::Reconsideration { sued_after, .. } = c.facts {
                    sued.push(sued_after);
                }
            })
            .unwrap();
        sued
    }

    #[test]
    fn lawsuits_link_to_the_reconsideration_cases_they_name() {
        let mut ledger = Ledger::in_memory().unwrap();
        let closed = |n| recon(n, "都匀市", Some(Outcome::Upheld));
        import(
            &mut ledger,
            "2021-03-05",
            &[closed(1), closed(2), closed(3)],
        );
        // Brackets and spaces as another office writes them: the same case by its key.
        import(
            &mut ledger,
            "2021-03-12",
            &[
                naming(1, "都府复 [2021] 2号"),
                suit(2, Instance::First, None),
            ],
        );
        assert_eq!(sued_after(&ledger, None), [false, true, false]);
        assert_eq!(
            ledger.sued_after_keys(None).unwrap(),
            HashSet::from(["都府复(2021)2号".to_owned()])
        );
        assert_eq!(
            ledger.lawsuits_naming("都府复(2021)2号").unwrap(),
            ["（2021）黔27行初1号"]
        );
        // As known before the lawsuit, nothing was sued after.
        assert_eq!(sued_after(&ledger, Some("2021-03-05")), [false; 3]);
        // A later week that names another case moves the link, now and as known then.
        import(&mut ledger, "2021-03-19", &[naming(1, "都府复〔2021〕3号")]);
        assert_eq!(sued_after(&ledger, None), [false, false, true]);
        assert_eq!(
            sued_after(&ledger, Some("2021-03-12")),
            [false, true, false]
        );
        assert_eq!(
            sued_after(&ledger, Some("2021-03-19")),
            [false, false, true]
        );
        assert!(
            ledger
                .lawsuits_naming("都府复(2021)2号")
                .unwrap()
                .is_empty()
        );
    }

    #[test]
    fn both_ways_leave_out_the_cases_dated_before_since() {
        let mut ledger = Ledger::in_memory().unwrap();
        let mut old = recon(1, "荔波县", None);
        if let Facts::Reconsideration {
            received_on,
            accepted_on,
            ..
        } = &mut old.facts
        {
            *received_on = d("2015-03-01");
            *accepted_on = None;
        }
        import(&mut ledger, "2021-01-08", &[old, recon(2, "都匀市", None)]);
        import(&mut ledger, "2021-03-05", &[recon(3, "都匀市", None)]);
        let units = |as_of: Option<&str>, since: Option<&str>| {
            let mut units = Vec::new();
            ledger
                .for_each_countable(as_of.map(d), since.map(d), |c| {
                    units.push(c.unit.to_owned());
                })
                .unwrap();
            units.sort();
            units
        };
        // Everything known (the compact scan) and as known on 1 February (the versions).
        assert_eq!(units(None, Some("2020-01-01")), ["都匀市", "都匀市"]);
        assert_eq!(units(Some("2021-02-01"), Some("2020-01-01")), ["都匀市"]);
        assert_eq!(units(None, None), ["荔波县", "都匀市", "都匀市"]);
        assert_eq!(units(Some("2021-02-01"), None), ["荔波县", "都匀市"]);
    }
}
