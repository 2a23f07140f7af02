//! `caseledger backup`: a copy that reports like the ledger, owner-only, never over a file
//! unasked, and consistent while an import runs; and `caseledger completions`.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value;

use crate::robustness::write_large_ledger;
use crate::support::Workspace;

fn sample() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("data")
        .join("sample")
}

/// `report --format json` of the ledger at `ledger`.
fn report_of(ws: &Workspace, ledger: &Path) -> Value {
    let output = Command::new(env!("CARGO_BIN_EXE_caseledger"))
        .env_clear()
        .env("HOME", ws.path())
        .arg("--ledger")
        .arg(ledger)
        .args(["report", "--format", "json"])
        .output()
        .expect("run report");
    assert!(
        output.status.success(),
        "report of `{}` failed: {}",
        ledger.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("report JSON")
}

#[test]
fn a_backup_reports_like_the_ledger() {
    let ws = Workspace::new();
    ws.ok(["import".as_ref(), sample().as_os_str()]);
    let copy = ws.path().join("copy.sqlite");
    ws.run(["backup".as_ref(), copy.as_os_str()])
        .success()
        .stdout_has(&["copy.sqlite", "batches", "2021-08-31"]);
    assert_eq!(report_of(&ws, &copy), ws.report_json(&[]));
}

#[cfg(unix)]
#[test]
fn a_backup_is_readable_by_its_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let ws = Workspace::new();
    let dir = ws.copy_fixtures(&["复议台账_都匀市_2021-03-05.csv"]);
    ws.ok(["import".as_ref(), dir.as_os_str()]);
    let copy = ws.path().join("copy.sqlite");
    ws.ok(["backup".as_ref(), copy.as_os_str()]);
    let mode = std::fs::metadata(&copy).expect("copy").permissions().mode();
    assert_eq!(mode & 0o777, 0o600, "mode {mode:o}");
}

#[test]
fn an_existing_file_is_replaced_only_with_force() {
    let ws = Workspace::new();
    let dir = ws.copy_fixtures(&["复议台账_都匀市_2021-03-05.csv"]);
    ws.ok(["import".as_ref(), dir.as_os_str()]);
    let copy = ws.write("copy.sqlite", b"not a ledger, but someone's file");
    ws.run(["backup".as_ref(), copy.as_os_str()])
        .failure()
        .stderr_line_has(&["copy.sqlite", "already exists", "--force"]);
    assert_eq!(
        std::fs::read(&copy).expect("copy"),
        b"not a ledger, but someone's file"
    );
    ws.ok(["backup".as_ref(), copy.as_os_str(), "--force".as_ref()]);
    assert_eq!(report_of(&ws, &copy), ws.report_json(&[]));
}

#[test]
fn a_missing_ledger_is_an_error_and_writes_nothing() {
    let ws = Workspace::new();
    let copy = ws.path().join("copy.sqlite");
    ws.run(["backup".as_ref(), copy.as_os_str()])
        .failure()
        .stderr_has(&["no ledger at"]);
    assert!(!copy.exists());
    assert!(!ws.ledger().exists());
}

#[test]
fn a_backup_during_an_import_is_the_ledger_before_or_after_it() {
    let ws = Workspace::new();
    let dir = ws.copy_fixtures(&["复议台账_都匀市_2021-03-05.csv"]);
    ws.ok(["import".as_ref(), dir.as_os_str()]);
    let before = ws.report_json(&[]);
    let large = ws.path().join("复议台账_黔南州_2021-08-31.csv");
    write_large_ledger(&large, 60_000);
    let mut import = Command::new(env!("CARGO_BIN_EXE_caseledger"))
        .env_clear()
        .env("HOME", ws.path())
        .arg("--ledger")
        .arg(ws.ledger())
        .arg("import")
        .arg(&large)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start import");
    // Back up again and again until the import has finished, noting which copies were
    // complete while it still ran.
    let mut copies = Vec::new();
    while import.try_wait().expect("import status").is_none() {
        let copy = ws.path().join(format!("copy-{}.sqlite", copies.len()));
        ws.ok(["backup".as_ref(), copy.as_os_str()]);
        let running = import.try_wait().expect("import status").is_none();
        copies.push((copy, running));
    }
    assert!(
        import.wait().expect("wait").success(),
        "the large import failed"
    );
    let after = ws.report_json(&[]);
    assert_ne!(before, after, "the import must change the report");
    let during = copies.iter().filter(|c| c.1).count();
    assert!(
        during > 0,
        "no backup finished while the import ran ({} in all)",
        copies.len()
    );
    for (copy, _) in &copies {
        let report = report_of(&ws, copy);
        assert!(
            report == before || report == after,
            "`{}` is neither the ledger before the import nor after it:\n{report:#}",
            copy.display()
        );
    }
}

#[test]
fn completions_name_the_program_and_its_subcommands() {
    let ws = Workspace::new();
    ws.run(["completions", "bash"]).success().stdout_has(&[
        "caseledger",
        "import",
        "report",
        "backup",
        "completions",
    ]);
    for shell in ["zsh", "fish", "powershell"] {
        ws.run(["completions", shell])
            .success()
            .stdout_has(&["caseledger", "backup"]);
    }
}
