//! Checking a ledger: SQLite's own checks of the file, then caseledger's invariants (each
//! case's compact current state against its latest version, the case and batch of every
//! version and sighting, each batch's stored counts). It reads, in one snapshot, one row
//! at a time; it never repairs.
//!
//! A batch's `new_cases` and `changed` cannot be recomputed exactly: undo and late imports
//! carry a version forward into a later batch that had listed the case unchanged (see
//! [`super::current::carry_forward`]). What always holds is checked: its `rows` are its
//! sightings, `new_cases + changed + unchanged = rows`, and it still stores at least
//! `new_cases + changed` versions (only undoing the batch itself removes them).

use std::fmt;

use anyhow::{Result, anyhow};
use rusqlite::types::{ToSqlOutput, ValueRef};
use rusqlite::{Connection, OptionalExtension};

use super::case_row::{self, Sql};
use super::current::{self, CURRENT_COLUMN_COUNT, CURRENT_COLUMNS};
use super::schema::{self, LATEST};
use super::tables::{BATCHES, CASES, SIGHTINGS, VERSIONS};
use super::{Error, Ledger};
use crate::model::Kind;

/// How many problems are kept; the rest are only counted (a ledger damaged throughout
/// would otherwise fill the memory with a million lines nobody reads).
const LISTED: usize = 1000;

/// One thing wrong with a ledger.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The table at fault, `file` for damage SQLite finds in the file itself, or `schema`.
    pub table: String,
    /// The row: `case 12 (…)`, `batch 3 (…)`, `version 45`; empty for the file as a whole.
    pub row: String,
    /// What differs.
    pub detail: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.row.is_empty() {
            write!(f, "{}: {}", self.table, self.detail)
        } else {
            write!(f, "{}: {}: {}", self.table, self.row, self.detail)
        }
    }
}

/// What [`Ledger::verify`] found, and how much it looked at.
#[derive(Debug, Default)]
pub struct Verification {
    /// The first problems found, at most [`LISTED`].
    pub problems: Vec<Problem>,
    /// Problems found beyond those listed.
    pub more: u64,
    /// Why caseledger's own checks were not run, when they were not.
    pub skipped: Option<&'static str>,
    pub schema: i64,
    pub batches: u64,
    pub cases: u64,
    pub versions: u64,
    pub sightings: u64,
}

impl Verification {
    /// Whether nothing is wrong.
    #[must_use]
    pub fn is_sound(&self) -> bool {
        self.problems.is_empty() && self.more == 0 && self.skipped.is_none()
    }

    /// Every problem found, listed or not.
    #[must_use]
    pub fn count(&self) -> u64 {
        self.problems.len() as u64 + self.more
    }

    fn push(&mut self, table: &str, row: String, detail: String) {
        if self.problems.len() < LISTED {
            self.problems.push(Problem {
                table: table.to_owned(),
                row,
                detail,
            });
        } else {
            self.more += 1;
        }
    }
}

impl Ledger {
    /// Checks the ledger as it is (see the module's header for what is checked). An error
    /// means the check could not run; what is wrong with the ledger is in the result.
    pub fn verify(&self) -> Result<Verification> {
        // One snapshot: an import committing meanwhile must not look like a broken ledger.
        let tx = self.conn.unchecked_transaction()?;
        let mut found = Verification::default();
        let version = schema::user_version(&tx)?;
        if version > LATEST {
            return Err(Error::SchemaTooNew {
                found: version,
                supported: LATEST,
            }
            .into());
        }
        found.schema = version;
        match integrity(&tx, &mut found) {
            Err(e) if matches!(Error::refusal(&e), Some(Error::Corrupt)) => {
                found.push("file", String::new(), format!("{e:#}"));
            }
            other => other?,
        }
        if !found.problems.is_empty() {
            // Reading a damaged file gives errors or nonsense, not findings.
            found.skipped = Some("the file itself is damaged");
            return Ok(found);
        }
        if version < LATEST {
            found.push(
                "schema",
                String::new(),
                format!(
                    "version {version}, but this caseledger writes {LATEST}: \
                     any other caseledger command upgrades it"
                ),
            );
            found.skipped = Some("the schema is not this caseledger's");
            return Ok(found);
        }
        foreign_keys(&tx, &mut found)?;
        versions(&tx, &mut found)?;
        sightings(&tx, &mut found)?;
        batch_counts(&tx, &mut found)?;
        current_states(&tx, &mut found)?;
        Ok(found)
    }
}

/// `PRAGMA integrity_check`: pages, b-trees, indexes against their tables, `STRICT` types
/// and `CHECK` constraints.
fn integrity(conn: &Connection, found: &mut Verification) -> Result<()> {
    let mut stmt = conn.prepare("PRAGMA integrity_check")?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let line: String = row.get(0)?;
        if line != "ok" {
            found.push("file", String::new(), line);
        }
    }
    Ok(())
}

/// `PRAGMA foreign_key_check`, for the tables whose references the checks below do not
/// name better (versions and sightings, whose rows they name by case and batch).
fn foreign_keys(conn: &Connection, found: &mut Verification) -> Result<()> {
    let mut stmt = conn.prepare("PRAGMA foreign_key_check")?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let table: String = row.get(0)?;
        if table == VERSIONS || table == SIGHTINGS {
            continue;
        }
        let rowid: Option<i64> = row.get(1)?;
        let parent: String = row.get(2)?;
        found.push(
            &table,
            rowid.map_or_else(String::new, |id| format!("row {id}")),
            format!("refers to a row of `{parent}` that does not exist"),
        );
    }
    Ok(())
}

/// Every version's case and batch exist, it repeats its batch's as-of date, and the batch
/// lists the case (undo finds a batch's versions through its sightings).
fn versions(conn: &Connection, found: &mut Verification) -> Result<()> {
    found.versions = conn.query_row(&format!("SELECT count(*) FROM {VERSIONS}"), [], |r| {
        r.get::<_, i64>(0)
    })? as u64;
    // The batch's run that starts at or before the case is the only one that can hold it.
    let sighted = format!(
        "coalesce((SELECT s.first_case + s.cases > v.case_id FROM {SIGHTINGS} s
                   WHERE s.batch_id = v.batch_id AND s.first_case <= v.case_id
                   ORDER BY s.first_case DESC LIMIT 1), 0)"
    );
    let sql = format!(
        "SELECT v.id, v.case_id, c.case_key, v.batch_id, v.as_of, b.as_of,
                {sighted}
         FROM {VERSIONS} v
         LEFT JOIN {CASES} c ON c.id = v.case_id
         LEFT JOIN {BATCHES} b ON b.id = v.batch_id
         WHERE c.id IS NULL OR b.id IS NULL OR v.as_of IS NOT b.as_of
            OR NOT {sighted}
         ORDER BY v.id"
    );
    let mut stmt = conn.prepare(&sql)?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let id: i64 = row.get(0)?;
        let case_id: i64 = row.get(1)?;
        let case_key: Option<String> = row.get(2)?;
        let batch_id: i64 = row.get(3)?;
        let as_of: String = row.get(4)?;
        // NULL when the batch does not exist (its as-of date is NOT NULL).
        let batch_as_of: Option<String> = row.get(5)?;
        let sighted: bool = row.get(6)?;
        let name = format!(
            "version {id} of {}",
            case_name(case_id, case_key.as_deref())
        );
        if case_key.is_none() {
            found.push(
                VERSIONS,
                name.clone(),
                format!("case {case_id} does not exist"),
            );
        }
        match batch_as_of {
            None => {
                found.push(VERSIONS, name, format!("batch {batch_id} does not exist"));
                continue;
            }
            Some(batch_as_of) if batch_as_of != as_of => found.push(
                VERSIONS,
                name.clone(),
                format!("as of {as_of}, but its batch {batch_id} is as of {batch_as_of}"),
            ),
            _ => {}
        }
        if !sighted {
            found.push(
                VERSIONS,
                name,
                format!("batch {batch_id} stored it but does not list the case (no sighting)"),
            );
        }
    }
    Ok(())
}

/// Every sighting's case and batch exist, and are of the same kind; a batch's runs do not
/// overlap (a file lists each case once). A run names a range of cases, so its cases are
/// counted in `cases`, and only a run that falls short is looked at case by case.
fn sightings(conn: &Connection, found: &mut Verification) -> Result<()> {
    let sql = format!(
        "SELECT s.batch_id, s.first_case, s.cases, b.kind
         FROM {SIGHTINGS} s LEFT JOIN {BATCHES} b ON b.id = s.batch_id
         ORDER BY s.batch_id, s.first_case"
    );
    let mut in_range = conn.prepare(&format!(
        "SELECT count(*) FROM {CASES} WHERE id BETWEEN ?1 AND ?2 AND kind IS ?3"
    ))?;
    let mut case = conn.prepare(&format!("SELECT case_key, kind FROM {CASES} WHERE id = ?1"))?;
    let mut stmt = conn.prepare(&sql)?;
    let mut rows = stmt.query([])?;
    // The batch and the first case after the previous run.
    let mut previous: Option<(i64, i64)> = None;
    while let Some(row) = rows.next()? {
        let batch_id: i64 = row.get(0)?;
        let first: i64 = row.get(1)?;
        let cases: i64 = row.get(2)?;
        let batch_kind: Option<String> = row.get(3)?;
        let last = first + cases - 1;
        found.sightings += cases.max(0).unsigned_abs();
        if let Some((previous_batch, after)) = previous
            && previous_batch == batch_id
            && first < after
        {
            found.push(
                SIGHTINGS,
                format!("batch {batch_id}'s sightings of cases {first}–{last}"),
                format!("case {first} is listed by the run before too"),
            );
        }
        previous = Some((batch_id, first + cases));
        let counted: i64 =
            in_range.query_row(rusqlite::params![first, last, batch_kind], |r| r.get(0))?;
        if counted == cases {
            continue;
        }
        for case_id in first..=last {
            let (case_key, case_kind): (Option<String>, Option<String>) = case
                .query_row([case_id], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?
                .unwrap_or_default();
            let detail = match (case_kind, &batch_kind) {
                (None, _) => format!("case {case_id} does not exist"),
                (_, None) => format!("batch {batch_id} does not exist"),
                (Some(case_kind), Some(batch_kind)) if &case_kind != batch_kind => {
                    format!("a {case_kind} case listed by a {batch_kind} batch")
                }
                (Some(_), Some(_)) => continue,
            };
            let name = format!(
                "batch {batch_id}'s sighting of {}",
                case_name(case_id, case_key.as_deref())
            );
            found.push(SIGHTINGS, name, detail);
        }
    }
    Ok(())
}

/// Each batch's stored counts against its sightings and versions (see the module's header
/// for why `new_cases` and `changed` are bounds, not exact).
fn batch_counts(conn: &Connection, found: &mut Verification) -> Result<()> {
    let sql = format!(
        "WITH s AS (SELECT batch_id, sum(cases) AS n FROM {SIGHTINGS} GROUP BY batch_id),
              v AS (SELECT batch_id, count(*) AS n FROM {VERSIONS} GROUP BY batch_id)
         SELECT b.id, b.file, b.rows, b.new_cases, b.changed, b.unchanged,
                coalesce(s.n, 0), coalesce(v.n, 0)
         FROM {BATCHES} b
         LEFT JOIN s ON s.batch_id = b.id
         LEFT JOIN v ON v.batch_id = b.id
         ORDER BY b.id"
    );
    let mut stmt = conn.prepare(&sql)?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        found.batches += 1;
        let id: i64 = row.get(0)?;
        let file: String = row.get(1)?;
        let [stored, new, changed, unchanged, listed, versions] =
            [2, 3, 4, 5, 6, 7].map(|i| row.get::<_, i64>(i));
        let (stored, new, changed, unchanged, listed, versions) =
            (stored?, new?, changed?, unchanged?, listed?, versions?);
        let name = format!("batch {id} (`{file}`)");
        if stored != listed {
            found.push(
                BATCHES,
                name.clone(),
                format!("`rows` is {stored}, but it lists {listed} cases (sightings)"),
            );
        }
        if new + changed + unchanged != stored {
            found.push(
                BATCHES,
                name.clone(),
                format!(
                    "`new_cases` {new} + `changed` {changed} + `unchanged` {unchanged} \
                     is not its `rows` {stored}"
                ),
            );
        }
        if versions < new + changed {
            found.push(
                BATCHES,
                name,
                format!(
                    "stores {versions} versions, fewer than its `new_cases` {new} + `changed` {changed}"
                ),
            );
        }
    }
    Ok(())
}

/// Each case's compact current state against what the writer derives from its latest
/// version ([`current::current_values`]), and its key against that version's case number.
fn current_states(conn: &Connection, found: &mut Verification) -> Result<()> {
    // Where the stored current state and the latest version start in each row.
    const STORED: usize = 5;
    const VERSION: usize = STORED + CURRENT_COLUMN_COUNT;
    // The latest version as the writer finds it (`write::state_before`): latest as-of
    // date, then the later batch; one search of `versions_by_case` per case.
    let sql = format!(
        "SELECT c.id, c.kind, c.case_key, v.id, v.batch_id, {current}, {versions}
         FROM {CASES} c
         LEFT JOIN {VERSIONS} v ON v.id = (
             SELECT id FROM {VERSIONS} WHERE case_id = c.id
             ORDER BY as_of DESC, batch_id DESC LIMIT 1)
         ORDER BY c.id",
        current = current::current_columns_of("c"),
        versions = case_row::case_columns_of("v"),
    );
    let names: Vec<&str> = CURRENT_COLUMNS.split(',').map(str::trim).collect();
    let mut stmt = conn.prepare(&sql)?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        found.cases += 1;
        let id: i64 = row.get(0)?;
        let kind: String = row.get(1)?;
        let key: String = row.get(2)?;
        let version: Option<i64> = row.get(3)?;
        let name = case_name(id, Some(&key));
        let kind: Kind = match kind.parse() {
            Ok(kind) => kind,
            Err(e) => {
                found.push(CASES, name, e.to_string());
                continue;
            }
        };
        let Some(version) = version else {
            found.push(CASES, name, "has no version".to_owned());
            continue;
        };
        let batch: i64 = row.get(4)?;
        let case = match case_row::from_row(kind, row, VERSION) {
            Ok(case) => case,
            Err(e) => {
                found.push(
                    VERSIONS,
                    format!("version {version} of {name}"),
                    format!("cannot be read: {e:#}"),
                );
                continue;
            }
        };
        if case.case_no.key() != key {
            found.push(
                CASES,
                name.clone(),
                format!(
                    "its current version {version} has case number `{}`, which matches `{}`",
                    case.case_no.text(),
                    case.case_no.key()
                ),
            );
        }
        let expected = current::current_values(&case);
        for (i, (column, expected)) in names.iter().zip(&expected).enumerate() {
            let stored = row.get_ref(STORED + i)?;
            let expected = value_of(expected)?;
            if stored != expected {
                found.push(
                    CASES,
                    name.clone(),
                    format!(
                        "`{column}` is {}, but its current version {version} (batch {batch}) gives {}",
                        shown(stored),
                        shown(expected)
                    ),
                );
            }
        }
    }
    Ok(())
}

/// `case 12 (`都府复〔2021〕1号`)`, or `case 12` when the case row is missing.
fn case_name(id: i64, key: Option<&str>) -> String {
    match key {
        Some(key) => format!("case {id} (`{key}`)"),
        None => format!("case {id}"),
    }
}

/// The value a statement would bind.
fn value_of<'a>(sql: &'a Sql<'_>) -> Result<ValueRef<'a>> {
    match sql {
        ToSqlOutput::Borrowed(value) => Ok(*value),
        ToSqlOutput::Owned(value) => Ok(value.into()),
        _ => Err(anyhow!("a current-state value of an unexpected form")),
    }
}

/// A stored value as a problem names it.
fn shown(value: ValueRef) -> String {
    match value {
        ValueRef::Null => "NULL".to_owned(),
        ValueRef::Integer(n) => n.to_string(),
        ValueRef::Real(x) => x.to_string(),
        ValueRef::Text(text) => format!("`{}`", String::from_utf8_lossy(text)),
        ValueRef::Blob(bytes) => format!("{} bytes", bytes.len()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(value: ValueRef, expected: &str) {
        assert_eq!(shown(value), expected);
    }

    #[test]
    fn values_are_shown_by_type() {
        case(ValueRef::Null, "NULL");
        case(ValueRef::Integer(-3), "-3");
        case(ValueRef::Text("都匀市".as_bytes()), "`都匀市`");
        case(ValueRef::Blob(&[1, 2, 3]), "3 bytes");
    }

    #[test]
    fn a_problem_names_its_table_and_row() {
        let problem = |row: &str| Problem {
            table: "cases".into(),
            row: row.into(),
            detail: "has no version".into(),
        };
        assert_eq!(
            problem("case 1 (`x`)").to_string(),
            "cases: case 1 (`x`): has no version"
        );
        assert_eq!(problem("").to_string(), "cases: has no version");
    }

    #[test]
    fn an_empty_ledger_is_sound_and_a_damaged_one_is_not() {
        let ledger = Ledger::in_memory().unwrap();
        let verification = ledger.verify().unwrap();
        assert!(verification.is_sound(), "{:?}", verification.problems);
        ledger
            .conn
            .execute_batch(
                "INSERT INTO batches (file, sha256, kind, as_of, imported_at, rows)
                 VALUES ('a.csv', '', 'litigation', '2021-01-01', '', 2);
                 INSERT INTO cases (kind, case_key) VALUES ('litigation', 'k');",
            )
            .unwrap();
        let found = ledger.verify().unwrap();
        let lines: Vec<String> = found.problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            lines,
            [
                "batches: batch 1 (`a.csv`): `rows` is 2, but it lists 0 cases (sightings)",
                "batches: batch 1 (`a.csv`): `new_cases` 0 + `changed` 0 + `unchanged` 0 is not its `rows` 2",
                "cases: case 1 (`k`): has no version",
            ]
        );
    }

    #[test]
    fn an_older_schema_is_named_and_not_checked_further() {
        let ledger = Ledger::in_memory().unwrap();
        ledger
            .conn
            .pragma_update(None, "user_version", LATEST - 1)
            .unwrap();
        let found = ledger.verify().unwrap();
        assert!(!found.is_sound());
        assert_eq!(found.problems.len(), 1);
        assert!(
            found.problems[0]
                .to_string()
                .starts_with(&format!("schema: version {}, but", LATEST - 1)),
            "{:?}",
            found.problems
        );
        assert!(found.skipped.is_some());
    }

    #[test]
    fn a_newer_schema_is_refused() {
        let ledger = Ledger::in_memory().unwrap();
        ledger
            .conn
            .pragma_update(None, "user_version", LATEST + 1)
            .unwrap();
        let err = ledger.verify().unwrap_err();
        assert!(
            matches!(
                err.downcast_ref::<Error>(),
                Some(Error::SchemaTooNew { .. })
            ),
            "{err:#}"
        );
    }
}
