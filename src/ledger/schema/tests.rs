//! The migrations: run twice, widened, refused when newer, and the current state a
//! migration fills in for a ledger written before its columns, held to the one an
//! import keeps.

use std::collections::HashSet;

use rusqlite::Connection;

use super::*;
use crate::ledger::Ledger;
use crate::ledger::case_row::{self, CASE_COLUMNS};
use crate::ledger::current::CURRENT_COLUMNS;
use crate::ledger::tables::{BATCHES, CASES, VERSIONS};
use crate::ledger::test_fixtures::{
    both_ways, deadline_facts, import, names, naming, recon, work_list_cases,
};
use crate::model::{Breakdown, Outcome};

#[test]
fn migrating_twice_is_a_no_op() {
    let mut conn = Connection::open_in_memory().unwrap();
    migrate(&mut conn).unwrap();
    assert_eq!(user_version(&conn).unwrap(), LATEST);
    migrate(&mut conn).unwrap();
    assert_eq!(user_version(&conn).unwrap(), LATEST);
}

#[test]
fn the_later_kinds_are_allowed_after_migrating_and_no_other() {
    let mut conn = Connection::open_in_memory().unwrap();
    migrate(&mut conn).unwrap();
    let insert =
        |kind: &str| conn.execute("INSERT INTO cases (kind, case_key) VALUES (?1, ?1)", [kind]);
    insert("rectification").unwrap();
    insert("dispute").unwrap();
    assert!(insert("other").is_err());
}

#[test]
fn a_check_written_otherwise_fails_the_migration_instead_of_staying_narrow() {
    let mut conn = Connection::open_in_memory().unwrap();
    for sql in MIGRATIONS.iter().take(WIDENED_KINDS - 1) {
        let sql = sql.replace(
            "CHECK (kind IN ('reconsideration', 'litigation'))",
            "CHECK(kind IN ('reconsideration','litigation'))",
        );
        conn.execute_batch(&sql).unwrap();
    }
    conn.pragma_update(None, "user_version", WIDENED_KINDS as i64 - 1)
        .unwrap();
    let err = migrate(&mut conn).unwrap_err();
    assert!(err.to_string().contains("migration 10"), "{err:#}");
    assert_eq!(user_version(&conn).unwrap(), WIDENED_KINDS as i64 - 1);
    let columns: i64 = conn
        .query_row(
            "SELECT count(*) FROM pragma_table_info('versions') WHERE name = 'doc_type'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(columns, 0, "rolled back whole");
}

#[test]
fn a_newer_schema_is_refused() {
    let mut conn = Connection::open_in_memory().unwrap();
    conn.pragma_update(None, "user_version", LATEST + 1)
        .unwrap();
    let err = migrate(&mut conn).unwrap_err();
    assert!(
        matches!(
            err.downcast_ref::<Error>(),
            Some(Error::SchemaTooNew { .. })
        ),
        "{err:#}"
    );
    assert!(err.to_string().contains("newer caseledger"));
}

/// Copies `columns` of every row of `table` from `ledger` into `old`, a ledger of an
/// earlier schema.
fn copy_rows(ledger: &Ledger, old: &Connection, table: &str, columns: &str) {
    let rows: Vec<Vec<rusqlite::types::Value>> = {
        let mut select = ledger
            .conn
            .prepare(&format!("SELECT {columns} FROM {table}"))
            .unwrap();
        let width = select.column_count();
        select
            .query_map([], |row| (0..width).map(|i| row.get(i)).collect())
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    };
    for values in rows {
        old.execute(
            &format!(
                "INSERT INTO {table} ({columns}) VALUES ({})",
                vec!["?"; values.len()].join(", ")
            ),
            rusqlite::params_from_iter(values),
        )
        .unwrap();
    }
}

/// `ledger`'s rows in a ledger of schema `version`: its batches, its cases with
/// `current` (the compact columns that schema had, if any), the first `version_columns`
/// columns of its versions, and its sightings.
fn as_of_schema(
    ledger: &Ledger,
    version: usize,
    current: &str,
    version_columns: usize,
) -> Connection {
    let old = Connection::open_in_memory().unwrap();
    for sql in MIGRATIONS.iter().take(version) {
        old.execute_batch(sql).unwrap();
    }
    copy_rows(
        ledger,
        &old,
        BATCHES,
        "id, file, sheet, sha256, kind, as_of, imported_at",
    );
    copy_rows(ledger, &old, CASES, &format!("id, kind, case_key{current}"));
    let then: Vec<&str> = CASE_COLUMNS
        .split(',')
        .map(str::trim)
        .take(version_columns)
        .collect();
    copy_rows(
        ledger,
        &old,
        VERSIONS,
        &format!(
            "id, case_id, batch_id, as_of, source_row, {}",
            then.join(", ")
        ),
    );
    // Sightings row by row, as they were stored before runs.
    for sighting in crate::ledger::sightings::each_sighting(&ledger.conn) {
        old.execute(
            "INSERT INTO sightings (batch_id, case_id, source_row) VALUES (?1, ?2, ?3)",
            <[i64; 3]>::from(sighting),
        )
        .unwrap();
    }
    old.pragma_update(None, "user_version", version as i64)
        .unwrap();
    old
}

#[test]
fn a_ledger_from_before_the_current_state_is_filled_in_when_opened() {
    let mut ledger = Ledger::in_memory().unwrap();
    import(&mut ledger, "2021-01-08", &[recon(1, "都匀市", None)]);
    import(
        &mut ledger,
        "2021-03-05",
        &[
            recon(1, "都匀市", Some(Outcome::Revoked)),
            recon(2, "独山县", None),
        ],
    );
    // The same rows in a ledger of schema 3: versions and sightings only, with the
    // columns schema 3 had: the case's own, before the work-list ones.
    let old = as_of_schema(&ledger, 3, "", case_row::LEDGER_COLUMN_COUNT);

    let migrated = Ledger::prepare(old).unwrap();
    assert_eq!(user_version(&migrated.conn).unwrap(), LATEST);
    assert_eq!(both_ways(&migrated), both_ways(&ledger));
    let (compact, _) = both_ways(&migrated);
    assert_eq!(compact.len(), 2);
    assert!(compact.iter().any(|c| c.contains("Revoked")));
}

#[test]
fn a_ledger_from_before_the_compact_columns_is_filled_in_when_opened() {
    let mut ledger = Ledger::in_memory().unwrap();
    let (recons, suits) = work_list_cases();
    import(&mut ledger, "2021-03-05", &recons);
    import(&mut ledger, "2021-03-12", &suits);
    import(&mut ledger, "2021-03-19", &[naming(2, "都府复〔2021〕3号")]);
    // The same rows in a ledger of schema 5 (before the deadline facts), 6 (before the
    // breakdown names) and 7 (before the link to a reconsideration case): its current
    // state without those columns.
    let names_columns = ", matter_key, respondent_key, defendant_key, court_key";
    for (version, dropped) in [
        (
            5,
            format!(", deadline_facts{names_columns}, reconsideration_key"),
        ),
        (6, format!("{names_columns}, reconsideration_key")),
        (7, ", reconsideration_key".to_owned()),
    ] {
        let current = CURRENT_COLUMNS.trim_end_matches(dropped.as_str());
        assert_ne!(current, CURRENT_COLUMNS.as_str());
        // The version columns of schema 5 to 8: the first ledgers' and the work list's.
        let old = as_of_schema(
            &ledger,
            version,
            &format!(", {current}"),
            case_row::LEDGER_COLUMN_COUNT + crate::model::TrackField::ALL.len()
                - crate::model::field::LATER_TRACKED.len(),
        );

        let migrated = Ledger::prepare(old).unwrap();
        assert_eq!(deadline_facts(&migrated), deadline_facts(&ledger));
        for by in Breakdown::STORED {
            assert_eq!(names(&migrated, by, None), names(&ledger, by, None));
        }
        assert_eq!(both_ways(&migrated), both_ways(&ledger));
        assert_eq!(
            migrated.sued_after_keys(None).unwrap(),
            HashSet::from(["都府复(2021)3号".to_owned()])
        );
    }
}
