//! `caseledger verify`: a freshly imported ledger is sound; copies of it damaged one way
//! each (through SQLite, behind caseledger's back, or by overwriting the file's bytes)
//! are named with what is wrong, and fail.

use std::path::Path;

use rusqlite::Connection;

use crate::support::{Run, Workspace};

const WEEK1: &str = "复议台账_都匀市_2021-03-05.csv";
const WEEK2: &str = "复议台账_都匀市_2021-03-12.csv";
const COURT: &str = "应诉台账_都匀市人民法院_2021-03-12.csv";

/// A workspace whose ledger holds two weeks of reconsideration cases and a court's file.
fn imported() -> Workspace {
    let ws = Workspace::new();
    let dir = ws.copy_fixtures(&[WEEK1, WEEK2, COURT]);
    ws.ok(["import".as_ref(), dir.as_os_str()]);
    ws
}

/// `verify` on a copy of `sound`'s ledger, first changed by `damage`.
fn verify_damaged(sound: &Workspace, damage: impl FnOnce(&Path)) -> Run {
    let ws = Workspace::new();
    // The import has ended, so its write-ahead log is folded into the file: a copy of the
    // file alone is the whole ledger.
    std::fs::copy(sound.ledger(), ws.ledger()).expect("copy the ledger");
    damage(&ws.ledger());
    ws.run(["verify"]).failure()
}

/// Runs SQL on the ledger directly, with foreign keys off (the bundled SQLite turns them
/// on), as any program but caseledger may.
fn execute(ledger: &Path, sql: &str) {
    let conn = Connection::open(ledger).expect("open the ledger");
    conn.pragma_update(None, "foreign_keys", false)
        .expect("foreign keys off");
    conn.execute_batch(sql).expect("damage the ledger");
}

fn query(ledger: &Path, sql: &str) -> i64 {
    let conn = Connection::open(ledger).expect("open the ledger");
    conn.query_row(sql, [], |r| r.get(0))
        .expect("query the ledger")
}

#[test]
fn a_freshly_imported_ledger_is_sound() {
    let ws = imported();
    ws.run(["verify"]).success().stdout_has(&[
        "ok: 3 batches, ",
        " cases, ",
        " versions, ",
        "(schema version ",
    ]);
}

#[test]
fn a_current_state_that_differs_from_its_version_is_named() {
    let ws = imported();
    let case = query(&ws.ledger(), "SELECT min(id) FROM cases");
    verify_damaged(&ws, |ledger| {
        execute(
            ledger,
            &format!(
                "UPDATE cases SET unit = '某县' WHERE id = {case};
                 UPDATE cases SET content = content + 1 WHERE id = {case} + 1;"
            ),
        );
    })
    .stdout_has(&[
        &format!("cases: case {case} (`"),
        "`unit` is `某县`, but its current version",
        &format!("cases: case {} (`", case + 1),
        "`content` is ",
        "2 problems in ledger",
    ]);
}

#[test]
fn a_missing_batch_is_named_by_the_versions_that_refer_to_it() {
    let ws = imported();
    verify_damaged(&ws, |ledger| {
        execute(ledger, "DELETE FROM batches WHERE id = 1");
    })
    .stdout_has(&[
        "versions: version 1 of case 1 (`",
        "batch 1 does not exist",
        "sightings: batch 1's sighting of case 1 (`",
    ]);
}

#[test]
fn a_case_a_batch_lists_twice_is_named() {
    let ws = imported();
    let (first, cases) = (
        query(
            &ws.ledger(),
            "SELECT first_case FROM sightings WHERE batch_id = 1",
        ),
        query(
            &ws.ledger(),
            "SELECT cases FROM sightings WHERE batch_id = 1",
        ),
    );
    assert!(cases > 1, "batch 1 lists its cases in one run");
    let again = first + 1;
    verify_damaged(&ws, |ledger| {
        execute(
            ledger,
            &format!(
                "INSERT INTO sightings (batch_id, first_case, cases, first_row) VALUES (1, {again}, 1, 999)"
            ),
        );
    })
    .stdout_has(&[
        &format!("sightings: batch 1's sightings of cases {again}–{again}: case {again} is listed by the run before too"),
        "but it lists",
    ]);
}

#[test]
fn a_batch_whose_rows_are_not_its_sightings_is_named() {
    let ws = imported();
    let rows = query(&ws.ledger(), "SELECT rows FROM batches WHERE id = 2");
    verify_damaged(&ws, |ledger| {
        execute(ledger, "UPDATE batches SET rows = rows + 1 WHERE id = 2");
    })
    .stdout_has(&[
        &format!(
            "batches: batch 2 (`{}`): `rows` is {}, but it lists {rows} cases (sightings)",
            ws.path().join("in").join(WEEK2).display(),
            rows + 1
        ),
        "is not its `rows`",
    ]);
}

#[test]
fn a_damaged_page_is_named_by_sqlite_s_integrity_check() {
    let ws = imported();
    let page_size = query(&ws.ledger(), "PRAGMA page_size");
    let root = query(
        &ws.ledger(),
        "SELECT rootpage FROM sqlite_schema WHERE name = 'versions_by_case'",
    );
    verify_damaged(&ws, |ledger| {
        let mut bytes = std::fs::read(ledger).expect("read the ledger");
        // Pages are numbered from 1; overwrite the index's root page, header and all.
        let start = usize::try_from((root - 1) * page_size).expect("an offset");
        let end = start + usize::try_from(page_size).expect("a page size");
        bytes[start..end].fill(0xA5);
        std::fs::write(ledger, bytes).expect("write the ledger");
    })
    .stdout_has(&[
        "file: ",
        "caseledger's own checks were not run: the file itself is damaged",
    ]);
}

#[test]
fn a_ledger_newer_than_this_build_is_refused() {
    let ws = imported();
    execute(&ws.ledger(), "PRAGMA user_version = 1000");
    ws.run(["verify"])
        .failure()
        .stderr_has(&["schema version 1000", "use a newer caseledger"]);
}
