//! The ledger's schema, as an append-only list of migrations keyed by `PRAGMA user_version`.

use anyhow::{Context, Result, bail};
use rusqlite::{Connection, TransactionBehavior};

use super::Error;
use super::current::{self, Rebuild};

/// Migration `i` brings the schema from version `i` to `i + 1`.
///
/// NEVER edit or reorder an entry once released: ledgers in use have run it. Append.
pub(super) const MIGRATIONS: &[&str] = &[
    // 1: batches, cases, their versions and sightings; settings for the 口径.
    "
    CREATE TABLE batches (
        id          INTEGER PRIMARY KEY,
        file        TEXT NOT NULL,
        sheet       TEXT,
        sha256      TEXT NOT NULL,
        kind        TEXT NOT NULL CHECK (kind IN ('reconsideration', 'litigation')),
        as_of       TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        rows        INTEGER NOT NULL DEFAULT 0,
        new_cases   INTEGER NOT NULL DEFAULT 0,
        changed     INTEGER NOT NULL DEFAULT 0,
        unchanged   INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX batches_by_sha256 ON batches (sha256);

    CREATE TABLE cases (
        id       INTEGER PRIMARY KEY,
        kind     TEXT NOT NULL CHECK (kind IN ('reconsideration', 'litigation')),
        case_key TEXT NOT NULL,
        UNIQUE (kind, case_key)
    ) STRICT;

    -- One row per case per batch in which the case was new or changed. `as_of` repeats
    -- the batch's as-of date so that the current version is found from one index.
    CREATE TABLE versions (
        id            INTEGER PRIMARY KEY,
        case_id       INTEGER NOT NULL REFERENCES cases (id),
        batch_id      INTEGER NOT NULL REFERENCES batches (id),
        as_of         TEXT NOT NULL,
        source_row    INTEGER NOT NULL,
        case_no       TEXT NOT NULL,
        unit          TEXT NOT NULL,
        matter        TEXT,
        closed_on     TEXT,
        outcome       TEXT,
        lead          TEXT,
        note          TEXT,
        respondent    TEXT,
        received_on   TEXT,
        accepted_on   TEXT,
        corrected     INTEGER,
        instance      TEXT,
        court         TEXT,
        defendant     TEXT,
        filed_on      TEXT,
        hearing_on    TEXT,
        head_appeared INTEGER,
        head_name     TEXT,
        head_title    TEXT,
        lost          INTEGER
    ) STRICT;
    CREATE UNIQUE INDEX versions_by_case ON versions (case_id, as_of, batch_id);
    CREATE INDEX versions_by_batch ON versions (batch_id);

    -- Every row of every batch: which cases a batch listed, and where. A batch stores a
    -- version only for new or changed cases; its sightings say which unchanged ones it
    -- confirmed, so undoing an earlier batch can give them back their facts.
    CREATE TABLE sightings (
        case_id    INTEGER NOT NULL REFERENCES cases (id),
        batch_id   INTEGER NOT NULL REFERENCES batches (id),
        source_row INTEGER NOT NULL,
        PRIMARY KEY (case_id, batch_id)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    ) STRICT;
    ",
    // 2: reference rates (e.g. 全省平均) per metric and period, in hundredths of a percent.
    "
    CREATE TABLE benchmarks (
        id          INTEGER PRIMARY KEY,
        metric      TEXT NOT NULL,
        from_date   TEXT NOT NULL,
        to_date     TEXT NOT NULL,
        rate        INTEGER NOT NULL,
        label       TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        UNIQUE (metric, from_date, to_date, label)
    ) STRICT;
    ",
    // 3: the unit registry: canonical county-level units, their 区划代码 and aliases.
    "
    CREATE TABLE units (
        name     TEXT PRIMARY KEY,
        code     TEXT,
        position INTEGER NOT NULL
    ) STRICT;
    CREATE TABLE unit_aliases (
        alias TEXT PRIMARY KEY,
        unit  TEXT NOT NULL REFERENCES units (name) ON DELETE CASCADE
    ) STRICT;
    ",
    // 4: each case's current version, compactly, beside its key: what a report counts
    // (dates as day numbers) and a hash of the version's content, so that a report reads
    // one narrow row per case and a re-import compares without reading versions back.
    // Filled by `current::rebuild_current` (see `FILLED_BY_REBUILD`). Undo finds a batch's
    // versions through its sightings, so the index by batch only cost every import.
    "
    ALTER TABLE cases ADD COLUMN content INTEGER;
    ALTER TABLE cases ADD COLUMN last_day INTEGER;
    ALTER TABLE cases ADD COLUMN unit TEXT;
    ALTER TABLE cases ADD COLUMN outcome TEXT;
    ALTER TABLE cases ADD COLUMN instance TEXT;
    ALTER TABLE cases ADD COLUMN corrected INTEGER;
    ALTER TABLE cases ADD COLUMN lost INTEGER;
    ALTER TABLE cases ADD COLUMN head_appeared INTEGER;
    ALTER TABLE cases ADD COLUMN head_title TEXT;
    ALTER TABLE cases ADD COLUMN received_day INTEGER;
    ALTER TABLE cases ADD COLUMN accepted_day INTEGER;
    ALTER TABLE cases ADD COLUMN closed_day INTEGER;
    ALTER TABLE cases ADD COLUMN filed_day INTEGER;
    ALTER TABLE cases ADD COLUMN hearing_day INTEGER;
    DROP INDEX versions_by_batch;
    ",
    // 5: what the work list follows (deadlines' dates, hearing arrangements, 包案
    // follow-up), one column per `TrackField` in its order; NULL in every older version.
    "
    ALTER TABLE versions ADD COLUMN simplified INTEGER;
    ALTER TABLE versions ADD COLUMN copy_served_on TEXT;
    ALTER TABLE versions ADD COLUMN answered_on TEXT;
    ALTER TABLE versions ADD COLUMN extended INTEGER;
    ALTER TABLE versions ADD COLUMN suspended_on TEXT;
    ALTER TABLE versions ADD COLUMN resumed_on TEXT;
    ALTER TABLE versions ADD COLUMN complaint_received_on TEXT;
    ALTER TABLE versions ADD COLUMN defended_on TEXT;
    ALTER TABLE versions ADD COLUMN hearing_at TEXT;
    ALTER TABLE versions ADD COLUMN hearing_place TEXT;
    ALTER TABLE versions ADD COLUMN planned_head_name TEXT;
    ALTER TABLE versions ADD COLUMN planned_head_title TEXT;
    ALTER TABLE versions ADD COLUMN served_on TEXT;
    ALTER TABLE versions ADD COLUMN reminded_week_on TEXT;
    ALTER TABLE versions ADD COLUMN reminded_day_on TEXT;
    ALTER TABLE versions ADD COLUMN reconsideration_no TEXT;
    ALTER TABLE versions ADD COLUMN owner_unit TEXT;
    ALTER TABLE versions ADD COLUMN progress TEXT;
    ALTER TABLE versions ADD COLUMN risk TEXT;
    ",
    // 6: the current version's work-list facts that the deadline figures read, packed in
    // one column (see `current::deadline_value`): NULL for a case without them, so a
    // report over plain cases reads one empty value more per case, not ten. Filled for
    // the cases that have work-list versions (see `FILLED_FOR_TRACKED`).
    "
    ALTER TABLE cases ADD COLUMN deadline_facts BLOB;
    ",
    // 7: the current version's names a report can be broken down by (案由, 被申请人, 被告,
    // 法院), each spelled as `breakdown::name_key` groups it, NULL when empty or not of
    // the case's kind. Read only by `report --by`; filled for every case
    // (see `FILLED_BY_REBUILD`).
    "
    ALTER TABLE cases ADD COLUMN matter_key TEXT;
    ALTER TABLE cases ADD COLUMN respondent_key TEXT;
    ALTER TABLE cases ADD COLUMN defendant_key TEXT;
    ALTER TABLE cases ADD COLUMN court_key TEXT;
    ",
    // 8: a lawsuit's link to the reconsideration case it followed: the matching key of
    // its current 复议案号 (see `current::current_values`), so that a report finds the
    // reconsideration cases sued after (复议后起诉) from the few linked lawsuits alone,
    // and `history` finds the lawsuits that name a case. Only lawsuits with work-list
    // versions can have one (see `FILLED_FOR_TRACKED`).
    "
    ALTER TABLE cases ADD COLUMN reconsideration_key TEXT;
    CREATE INDEX cases_by_reconsideration ON cases (reconsideration_key)
        WHERE reconsideration_key IS NOT NULL;
    ",
    // 9: sightings keyed by batch first. A batch's rows then go to the end of the table
    // (cases are numbered in the order files first list them, and a weekly snapshot keeps
    // its order), so a re-import appends instead of touching every page of the table,
    // which stays full (about 14 bytes per case per week); undo reads a batch's sightings
    // as one range. Finding the next batch that listed a case (see
    // `current::carry_forward`) walks the batches in as-of order instead.
    "
    CREATE TABLE sightings_by_batch (
        batch_id   INTEGER NOT NULL REFERENCES batches (id),
        case_id    INTEGER NOT NULL REFERENCES cases (id),
        source_row INTEGER NOT NULL,
        PRIMARY KEY (batch_id, case_id)
    ) STRICT, WITHOUT ROWID;
    INSERT INTO sightings_by_batch (batch_id, case_id, source_row)
        SELECT batch_id, case_id, source_row FROM sightings ORDER BY batch_id, case_id;
    DROP TABLE sightings;
    ALTER TABLE sightings_by_batch RENAME TO sightings;
    CREATE INDEX batches_by_as_of ON batches (as_of, id);
    ",
    // 10: the rectification (整改) and pre-litigation (诉前) ledgers, stored as cases of two
    // more kinds. Widening a CHECK needs no rewrite of the tables: SQLite's documented
    // procedure edits the stored schema text in place, as every existing row still
    // satisfies the wider constraint. Their own facts get columns after the work-list ones.
    "
    PRAGMA writable_schema = ON;
    UPDATE sqlite_schema
       SET sql = replace(sql, 'CHECK (kind IN (''reconsideration'', ''litigation''))',
                         'CHECK (kind IN (''reconsideration'', ''litigation'', ''rectification'', ''dispute''))')
     WHERE type = 'table' AND name IN ('batches', 'cases');
    PRAGMA writable_schema = OFF;
    ALTER TABLE versions ADD COLUMN doc_type TEXT;
    ALTER TABLE versions ADD COLUMN issuer TEXT;
    ALTER TABLE versions ADD COLUMN addressee TEXT;
    ALTER TABLE versions ADD COLUMN linked_case_no TEXT;
    ALTER TABLE versions ADD COLUMN issued_on TEXT;
    ALTER TABLE versions ADD COLUMN reply_due_on TEXT;
    ALTER TABLE versions ADD COLUMN replied_on TEXT;
    ALTER TABLE versions ADD COLUMN status TEXT;
    ALTER TABLE versions ADD COLUMN agency TEXT;
    ALTER TABLE versions ADD COLUMN reviewed_on TEXT;
    ALTER TABLE versions ADD COLUMN planned_on TEXT;
    ALTER TABLE versions ADD COLUMN court_received_on TEXT;
    ALTER TABLE versions ADD COLUMN mediation_started_on TEXT;
    ALTER TABLE versions ADD COLUMN result TEXT;
    ALTER TABLE versions ADD COLUMN resolved_on TEXT;
    ",
    // 11: 申请人数 / 原告人数, the work-list fact that makes a case a 群体性案件; NULL in
    // every older version.
    "
    ALTER TABLE versions ADD COLUMN parties TEXT;
    ",
    // 12: sightings as runs (see `sightings`): `cases` consecutive case ids from
    // `first_case`, listed on as many consecutive rows from `first_row`. A weekly snapshot
    // in the order of the week before is one run, not a row per case. A run names a range
    // of cases, which no foreign key can: `verify` checks that they exist. Each maximal run
    // of the old rows is found twice over: the cases of a batch that follow one another
    // (`by_case`), then among those the ones whose row follows the case (`by_row`).
    "
    CREATE TABLE sighting_runs (
        batch_id   INTEGER NOT NULL REFERENCES batches (id),
        first_case INTEGER NOT NULL,
        cases      INTEGER NOT NULL CHECK (cases > 0),
        first_row  INTEGER NOT NULL,
        PRIMARY KEY (batch_id, first_case)
    ) STRICT, WITHOUT ROWID;
    WITH by_case AS (
        SELECT batch_id, case_id, source_row,
               case_id - row_number() OVER (PARTITION BY batch_id ORDER BY case_id) AS block,
               source_row - case_id AS shift
        FROM sightings
    ), by_row AS (
        SELECT batch_id, case_id, source_row, block, shift,
               case_id - row_number() OVER (PARTITION BY batch_id, block, shift ORDER BY case_id)
                   AS island
        FROM by_case
    )
    INSERT INTO sighting_runs (batch_id, first_case, cases, first_row)
        SELECT batch_id, min(case_id), count(*), min(source_row)
        FROM by_row GROUP BY batch_id, block, shift, island ORDER BY batch_id, min(case_id);
    DROP TABLE sightings;
    ALTER TABLE sighting_runs RENAME TO sightings;
    ",
];

/// The migration after which the current-state columns of `cases` must be filled from
/// the versions, which takes Rust (the content hash, the names' spelling) rather than
/// SQL: the compact state began at 4; 7 added the breakdown names to every case.
const FILLED_BY_REBUILD: usize = 7;

/// The last migration after which the current state of the cases with work-list versions
/// must be filled in again (6: deadline facts, 8: the link to a reconsideration case): the
/// others are right with the new columns empty.
const FILLED_FOR_TRACKED: usize = 8;

/// The migration that widened the kinds allowed in `batches` and `cases` by editing the
/// stored schema text.
const WIDENED_KINDS: usize = 10;

/// The schema version this build writes.
pub const LATEST: i64 = MIGRATIONS.len() as i64;

/// Brings a ledger up to [`LATEST`] in one exclusive transaction; a no-op when current.
pub fn migrate(conn: &mut Connection) -> Result<()> {
    let found = user_version(conn)?;
    if found > LATEST {
        return Err(Error::SchemaTooNew {
            found,
            supported: LATEST,
        }
        .into());
    }
    if found == LATEST {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Exclusive)?;
    // Re-read inside the lock: another process may have migrated meanwhile.
    let start = user_version(&tx)?;
    if start > LATEST {
        bail!(Error::SchemaTooNew {
            found: start,
            supported: LATEST
        });
    }
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(start as usize) {
        tx.execute_batch(sql)
            .with_context(|| format!("cannot apply ledger migration {}", index + 1))?;
    }
    // Filled once every column exists: filling reads whole versions, later columns too.
    // A ledger filled whole needs no second pass for its tracked cases.
    if (start as usize) < FILLED_BY_REBUILD {
        current::rebuild_current(&tx, Rebuild::Every)
            .context("cannot fill in the current state")?;
    } else if (start as usize) < FILLED_FOR_TRACKED {
        current::rebuild_current(&tx, Rebuild::Tracked)
            .context("cannot fill in the current state")?;
    }
    if (start as usize) < WIDENED_KINDS {
        // The schema text changed under SQLite's feet: make every connection re-read it.
        let cookie: i64 = tx.pragma_query_value(None, "schema_version", |row| row.get(0))?;
        tx.pragma_update(None, "schema_version", cookie + 1)?;
        // A CHECK written otherwise than migration 1 wrote it would be left narrow, and
        // every later import of a new kind refused: undo the migration instead.
        let widened: i64 = tx.query_row(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table' \
             AND name IN ('batches', 'cases') AND sql LIKE '%''dispute''%'",
            [],
            |row| row.get(0),
        )?;
        if widened != 2 {
            bail!(
                "cannot apply ledger migration {WIDENED_KINDS}: the ledger's tables are not as this caseledger wrote them"
            );
        }
    }
    tx.pragma_update(None, "user_version", LATEST)?;
    tx.commit()?;
    Ok(())
}

/// The schema version stored in the ledger (0 for a new file).
pub fn user_version(conn: &Connection) -> Result<i64> {
    Ok(conn.pragma_query_value(None, "user_version", |row| row.get(0))?)
}

/// The columns the migrations make in `table`, in their order (for the tests that hold
/// the code's column lists to them).
#[cfg(test)]
pub(super) fn migrated_columns(table: &str) -> Vec<String> {
    let mut conn = Connection::open_in_memory().unwrap();
    migrate(&mut conn).unwrap();
    let mut stmt = conn
        .prepare(&format!(
            "SELECT name FROM pragma_table_info('{table}') ORDER BY cid"
        ))
        .unwrap();
    stmt.query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

#[cfg(test)]
mod tests;
