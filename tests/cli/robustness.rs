//! A ledger survives a killed import and two imports at once, and a report during an
//! import sees the ledger before it or after it, never half.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use chrono::{Days, NaiveDate};
use serde_json::Value;

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

/// Imports `path`, kills the import with SIGKILL (no chance to clean up) after `millis`,
/// and checks that SQLite finds the file sound.
fn import_killed_after(ws: &Workspace, path: &Path, millis: u64) {
    let mut import = caseledger(ws)
        .arg("import")
        .arg(path)
        .spawn()
        .expect("start import");
    std::thread::sleep(Duration::from_millis(millis));
    let _ = import.kill();
    let _ = import.wait();
    assert_eq!(integrity(ws), "ok", "killed after {millis} ms");
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
        import_killed_after(&ws, &sample(), millis);
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

/// A weekly snapshot of a large ledger is written the way of a re-import: its kind's
/// cases read into memory, its sightings written as runs, its rows parsed on every core.
/// Killed at any point, the ledger is the one before it or the one after it.
#[test]
fn a_snapshot_killed_at_any_point_leaves_the_ledger_before_or_after_it() {
    let ws = Workspace::new();
    let first = ws.path().join("复议台账_2021-08-31.csv");
    write_large_ledger(&first, 30_000);
    ws.ok(["import".as_ref(), first.as_os_str()]);
    let next = ws.path().join("复议台账_2021-09-07.csv");
    // The same rows with Windows line ends: new bytes, the same cases.
    let text = std::fs::read_to_string(&first).expect("the first week");
    std::fs::write(&next, text.replace('\n', "\r\n")).expect("the next week's snapshot");
    let batches = |ws: &Workspace| -> usize {
        let listed: Value =
            serde_json::from_str(&ws.ok(["batches", "--format", "json"])).expect("json");
        listed.as_array().map_or(0, Vec::len)
    };
    for millis in [20, 80, 200, 500, 1200, 3000] {
        import_killed_after(&ws, &next, millis);
        ws.run(["verify"])
            .success()
            .stdout_has(&["ok: ", "30000 cases"]);
        match batches(&ws) {
            1 => {}
            2 => {
                ws.run(["verify"])
                    .success()
                    .stdout_has(&["60000 sightings"]);
                return;
            }
            n => panic!("killed after {millis} ms: {n} batches"),
        }
    }
    panic!("the snapshot never finished in 3 s");
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

/// Writes a 复议台账 of `rows` cases received in 2021 up to its as-of date 2021-08-31,
/// a third of them closed, in four units.
pub fn write_large_ledger(path: &Path, rows: u32) {
    const UNITS: [&str; 4] = ["都匀市", "福泉市", "荔波县", "州直"];
    const OUTCOMES: [&str; 5] = ["维持", "撤销", "调解", "驳回", "确认违法"];
    let start = NaiveDate::from_ymd_opt(2021, 1, 1).unwrap_or_default();
    let mut text = String::from("案号,单位,收案日期,受理日期,结案日期,结案方式\n");
    for i in 0..rows {
        let received = start + Days::new(u64::from(i % 200));
        let accepted = received + Days::new(2);
        let (closed, outcome) = if i % 3 == 0 {
            (
                (accepted + Days::new(30)).to_string(),
                OUTCOMES[(i / 3 % 5) as usize],
            )
        } else {
            (String::new(), "")
        };
        let unit = UNITS[(i % 4) as usize];
        let _ = writeln!(
            text,
            "黔南府复〔2021〕{i}号,{unit},{received},{accepted},{closed},{outcome}"
        );
    }
    std::fs::write(path, text).expect("write the large ledger file");
}

/// The two reports a test takes, without and with `--by unit`.
const REPORTS: [&[&str]; 2] = [&[], &["--by", "unit"]];

/// What a series of reports saw while a large import ran.
struct Observed {
    /// Each report: which of [`REPORTS`], its JSON, how long it took, and whether the
    /// import was still running when it returned.
    reports: Vec<(usize, Value, Duration, bool)>,
    /// From starting the import to seeing it finished.
    import_took: Duration,
    before: [Value; 2],
    after: [Value; 2],
}

/// Imports a small file, then one of `rows` cases in a child process, taking reports until
/// it finishes.
fn reports_during_a_large_import(ws: &Workspace, rows: u32) -> Observed {
    let dir = ws.copy_fixtures(&["复议台账_都匀市_2021-03-05.csv"]);
    ws.ok(["import".as_ref(), dir.as_os_str()]);
    let before = REPORTS.map(|extra| ws.report_json(extra));
    // A later as-of date moves the default period's end, and the new cases fall in both
    // periods: a report that took its period before the commit and its cases after it
    // differs from both states.
    let large = ws.path().join("复议台账_黔南州_2021-08-31.csv");
    write_large_ledger(&large, rows);
    let import_started = Instant::now();
    let mut import = caseledger(ws)
        .arg("import")
        .arg(&large)
        .spawn()
        .expect("start import");
    let mut reports = Vec::new();
    while import.try_wait().expect("import status").is_none() {
        let which = reports.len() % REPORTS.len();
        let started = Instant::now();
        let report = ws.report_json(REPORTS[which]);
        let running = import.try_wait().expect("import status").is_none();
        reports.push((which, report, started.elapsed(), running));
    }
    let import_took = import_started.elapsed();
    assert!(
        import.wait().expect("wait").success(),
        "the large import failed"
    );
    let after = REPORTS.map(|extra| ws.report_json(extra));
    Observed {
        reports,
        import_took,
        before,
        after,
    }
}

#[test]
fn a_report_during_an_import_sees_the_ledger_before_or_after_it() {
    let ws = Workspace::new();
    let seen = reports_during_a_large_import(&ws, 60_000);
    for ((extra, before), after) in REPORTS.iter().zip(&seen.before).zip(&seen.after) {
        assert_ne!(before, after, "the import must change the report {extra:?}");
    }
    for (n, (which, report, _, _)) in seen.reports.iter().enumerate() {
        assert!(
            *report == seen.before[*which] || *report == seen.after[*which],
            "report {n} {:?} during the import is neither the state before nor after it:\n{report:#}",
            REPORTS[*which]
        );
    }
    let during = seen.reports.iter().filter(|r| r.3).count();
    assert!(
        during > 0,
        "no report finished while the import ran ({} reports in all)",
        seen.reports.len()
    );
}

#[test]
fn a_report_during_an_import_does_not_wait_for_it() {
    // A report of the small ledger takes tens of milliseconds, the import seconds. A
    // report that waited for the import's commit would take a good part of the import's
    // time; the bound is relative, so a slow machine slows both sides alike.
    let ws = Workspace::new();
    let seen = reports_during_a_large_import(&ws, 100_000);
    let limit = seen.import_took / 4;
    let during = seen.reports.iter().filter(|r| r.3).count();
    assert!(during >= 3, "only {during} reports ran during the import");
    let slow: Vec<String> = seen
        .reports
        .iter()
        .enumerate()
        .filter(|(_, r)| r.2 > limit)
        .map(|(n, r)| {
            format!(
                "report {n} {:?} took {:.2?} of the import's {:.2?}",
                REPORTS[r.0], r.2, seen.import_took
            )
        })
        .collect();
    assert!(
        slow.is_empty(),
        "reports waited for the import: {}",
        slow.join("; ")
    );
}

/// Runs caseledger on the workspace's ledger as a user who may read it but not write it:
/// as root (whom file modes do not stop), the unprivileged user `nobody` via `setpriv`,
/// with a copy of the binary inside the workspace it can reach; otherwise this user, with
/// the ledger made read-only.
#[cfg(unix)]
fn as_reader(ws: &Workspace, args: &[&str]) -> std::process::Output {
    use std::os::unix::fs::PermissionsExt;
    let root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.trim_ascii() == b"0");
    let set = |path: &Path, mode: u32| {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod");
    };
    let mut command = if root {
        let bin = ws.path().join("caseledger-reader");
        std::fs::copy(env!("CARGO_BIN_EXE_caseledger"), &bin).expect("copy binary");
        set(&bin, 0o755);
        set(ws.path(), 0o755);
        set(&ws.ledger(), 0o644);
        let mut c = Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(bin);
        c
    } else {
        set(&ws.ledger(), 0o444);
        Command::new(env!("CARGO_BIN_EXE_caseledger"))
    };
    command
        .env_clear()
        .env("HOME", ws.path())
        .current_dir(ws.path())
        .arg("--ledger")
        .arg(ws.ledger())
        .args(args);
    // Another test's child, forked while the copy above was open for writing, may still
    // hold it open for a moment: executing it then fails with "Text file busy".
    for _ in 0..50 {
        let output = command.output().expect("run caseledger as a reader");
        if !String::from_utf8_lossy(&output.stderr).contains("Text file busy") {
            return output;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    command.output().expect("run caseledger as a reader")
}

#[cfg(unix)]
#[test]
fn a_ledger_this_user_may_only_read_is_reported_on_and_never_written() {
    let ws = Workspace::new();
    let dir = ws.copy_fixtures(&[
        "复议台账_都匀市_2021-03-05.csv",
        "复议台账_都匀市_2021-03-12.csv",
    ]);
    ws.ok([
        "import".as_ref(),
        dir.join("复议台账_都匀市_2021-03-05.csv").as_os_str(),
    ]);
    let before = ws.report_json(&[]);
    let bytes = std::fs::read(ws.ledger()).expect("ledger");

    let report = as_reader(&ws, &["report", "--format", "json"]);
    assert!(
        report.status.success(),
        "{}",
        String::from_utf8_lossy(&report.stderr)
    );
    let seen: Value = serde_json::from_slice(&report.stdout).expect("report JSON");
    assert_eq!(seen, before);

    let later = dir.join("复议台账_都匀市_2021-03-12.csv");
    let import = as_reader(&ws, &["import", &later.to_string_lossy()]);
    assert!(!import.status.success());
    let stderr = String::from_utf8_lossy(&import.stderr);
    assert!(stderr.contains("read-only"), "{stderr}");
    assert_eq!(std::fs::read(ws.ledger()).expect("ledger"), bytes);
}
