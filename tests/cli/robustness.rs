//! A ledger survives a killed import and two imports at once.

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::Duration;

use crate::support::Workspace;

fn sample() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("data")
        .join("sample")
}

fn caseledger(ws: &Workspace) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_caseledger"));
    command
        .env_clear()
        .env("HOME", ws.path())
        .arg("--ledger")
        .arg(ws.ledger())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    command
}

fn integrity(ws: &Workspace) -> String {
    let conn = rusqlite::Connection::open(ws.ledger()).expect("open ledger");
    conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("integrity check")
}

#[test]
fn an_import_killed_at_any_point_leaves_the_ledger_as_it_was() {
    let ws = Workspace::new();
    let dir = ws.copy_fixtures(&["复议台账_都匀市_2021-03-05.csv"]);
    ws.ok(["import".as_ref(), dir.as_os_str()]);
    let before = ws
        .run(["report", "--format", "json", "--by", "unit"])
        .stdout();
    for millis in [30, 150, 400, 900] {
        let mut import = caseledger(&ws)
            .arg("import")
            .arg(sample())
            .spawn()
            .expect("start import");
        std::thread::sleep(Duration::from_millis(millis));
        // SIGKILL: no chance to clean up.
        let _ = import.kill();
        let _ = import.wait();
        assert_eq!(integrity(&ws), "ok", "killed after {millis} ms");
        let after = ws
            .run(["report", "--format", "json", "--by", "unit"])
            .stdout();
        if after != before {
            // The import may have finished before the kill: then it is all there.
            let batches = ws.run(["batches", "--format", "json"]).stdout();
            assert!(
                batches.contains("2021-08-31"),
                "killed after {millis} ms: half an import is visible"
            );
            return;
        }
    }
}

#[test]
fn two_imports_at_once_both_land() {
    let ws = Workspace::new();
    let dir = ws.copy_fixtures(&[
        "复议台账_都匀市_2021-03-05.csv",
        "应诉台账_都匀市人民法院_2021-03-12.csv",
    ]);
    let start = |name: &str| {
        caseledger(&ws)
            .arg("import")
            .arg(dir.join(name))
            .spawn()
            .expect("start import")
    };
    let mut first = start("复议台账_都匀市_2021-03-05.csv");
    let mut second = start("应诉台账_都匀市人民法院_2021-03-12.csv");
    assert!(first.wait().expect("wait").success());
    assert!(second.wait().expect("wait").success());
    let batches: serde_json::Value =
        serde_json::from_str(&ws.ok(["batches", "--format", "json"])).expect("json");
    assert_eq!(batches.as_array().map(Vec::len), Some(2));
    assert_eq!(integrity(&ws), "ok");
}
