//! What a careless or unlucky user can feed in or type: --output onto the ledger, a full
//! disk, FIFOs, devices and links that loop, rows and cells past every bound, `file:`
//! ledger names, and text holding terminal escapes or markup. Each ends at once with a
//! named error, the ledger and any earlier output as they were.

use std::path::Path;
use std::process::Command;

use crate::support::{Workspace, fixtures};

const WEEK: &str = "复议台账_都匀市_2021-03-05.csv";

fn imported() -> Workspace {
    let ws = Workspace::new();
    let dir = ws.copy_fixtures(&[WEEK]);
    ws.run(["import".as_ref(), dir.join(WEEK).as_os_str()])
        .success();
    ws
}

fn verifies(ws: &Workspace) {
    ws.run(["verify"])
        .success()
        .stdout_has(&["ok: 1 batches, 5 cases"]);
}

#[test]
fn output_onto_the_ledger_its_log_or_a_link_to_it_is_refused() {
    let ws = imported();
    let ledger = ws.ledger();
    #[cfg(unix)]
    std::os::unix::fs::symlink(&ledger, ws.path().join("link.csv")).expect("link");
    let mut wal = ledger.clone().into_os_string();
    wal.push("-wal");
    for target in [ledger.as_os_str(), "link.csv".as_ref(), wal.as_os_str()] {
        for format in ["csv", "json", "markdown"] {
            ws.run([
                "report".as_ref(),
                "--format".as_ref(),
                format.as_ref(),
                "--output".as_ref(),
                target,
            ])
            .failure()
            .stderr_has(&["is the ledger", "give another file"]);
        }
        ws.run([
            "due".as_ref(),
            "--format".as_ref(),
            "ics".as_ref(),
            "--output".as_ref(),
            target,
        ])
        .failure()
        .stderr_has(&["is the ledger"]);
    }
    ws.run(["template", "reconsideration", "--force", "--output"])
        .failure();
    verifies(&ws);
}

#[cfg(unix)]
#[test]
fn a_write_past_a_full_disk_leaves_the_previous_output_and_nothing_else() {
    let ws = imported();
    ws.ok(["report", "--format", "html", "--output", "report.html"]);
    let before = std::fs::read(ws.path().join("report.html")).expect("report");
    assert!(before.len() > 8 * 1024, "the page outgrows the limit below");
    // A child whose files may not grow past 4 KiB (ulimit -f counts 512-byte blocks in
    // sh, 1024-byte ones in bash: either is far below the page). The ledger is held open
    // meanwhile, so that SQLite's shared-memory file beside it needs no growing.
    let held = rusqlite::Connection::open(ws.ledger()).expect("open the ledger");
    held.query_row("SELECT count(*) FROM sqlite_schema", [], |_| Ok(()))
        .expect("read the ledger");
    let output = Command::new("sh")
        .arg("-c")
        .arg("ulimit -f 4 && exec \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_caseledger"))
        .args(["--ledger".as_ref(), ws.ledger().as_os_str()])
        .args(["report", "--format", "html", "--output", "report.html"])
        .current_dir(ws.path())
        .env_clear()
        .output()
        .expect("sh");
    drop(held);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "{stderr}");
    assert!(stderr.contains("cannot write `report.html`"), "{stderr}");
    assert_eq!(
        std::fs::read(ws.path().join("report.html")).expect("kept"),
        before
    );
    let left: Vec<_> = std::fs::read_dir(ws.path())
        .expect("folder")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".caseledger-"))
        .collect();
    assert!(left.is_empty(), "temporary files left: {left:?}");
    verifies(&ws);
}

#[cfg(unix)]
#[test]
fn fifos_devices_and_looping_links_end_with_a_message() {
    let ws = imported();
    let dir = ws.copy_fixtures(&["复议台账_都匀市_2021-03-12.csv"]);
    let status = Command::new("mkfifo")
        .arg(dir.join("pipe.csv"))
        .status()
        .expect("mkfifo");
    assert!(status.success());
    std::os::unix::fs::symlink("..", dir.join("up")).expect("link");
    std::os::unix::fs::symlink(".", dir.join("self")).expect("link");
    std::os::unix::fs::symlink("/dev/zero", ws.path().join("zero.csv")).expect("link");
    ws.run(["check", "zero.csv"])
        .failure()
        .stdout_has(&["zero.csv: error: a device, not a file"]);
    ws.run(["check".as_ref(), dir.join("pipe.csv").as_os_str()])
        .failure()
        .stdout_has(&["a FIFO (named pipe), not a file"]);
    ws.run(["import".as_ref(), dir.as_os_str()])
        .success()
        .stderr_line_has(&["pipe.csv", "warning", "FIFO"])
        .stderr_line_has(&["up", "warning", "a link to a folder, not followed"])
        .stderr_line_has(&["self", "warning", "a link to a folder, not followed"]);
    ws.run(["verify"]).success().stdout_has(&["ok: 2 batches"]);
}

/// The fixture's header and first case, then `row` as the second.
fn week_with(row: &[u8]) -> Vec<u8> {
    let text = std::fs::read(fixtures().join(WEEK)).expect("fixture");
    let mut lines = text.split_inclusive(|b| *b == b'\n');
    let mut bytes = Vec::new();
    bytes.extend_from_slice(lines.next().expect("header"));
    bytes.extend_from_slice(lines.next().expect("a case"));
    bytes.extend_from_slice(row);
    bytes
}

#[test]
fn a_line_of_commas_past_the_row_bound_is_refused_at_its_row() {
    let ws = imported();
    // 6 MiB: past the 4 MiB a row may hold, small enough to write in a moment.
    let mut row = vec![b','; 6 << 20];
    row.push(b'\n');
    let file = ws.write("复议台账_都匀市_2021-03-12.csv", &week_with(&row));
    ws.run(["import".as_ref(), file.as_os_str()])
        .failure()
        .stderr_line_has(&[
            "复议台账_都匀市_2021-03-12.csv:3",
            "a row of more than 4 MiB",
        ]);
    verifies(&ws);
}

#[test]
fn a_file_ledger_name_is_a_file_not_a_sqlite_uri() {
    let ws = Workspace::new();
    let dir = ws.copy_fixtures(&[WEEK]);
    let input = dir.join(WEEK);
    let run = |ledger: &str| {
        Command::new(env!("CARGO_BIN_EXE_caseledger"))
            .args(["--ledger", ledger, "import"])
            .arg(&input)
            .current_dir(ws.path())
            .env_clear()
            .output()
            .expect("caseledger")
    };
    assert!(run("file:x.sqlite?mode=memory").status.success());
    assert!(ws.path().join("file:x.sqlite?mode=memory").is_file());
    assert!(!ws.path().join("x.sqlite").exists());
    // A failed first import leaves no file under the name given, nor under the URI's.
    let bad = ws.write("in/复议台账_都匀市_2021-03-12.csv", b"\xff\xfe\x00");
    let failed = Command::new(env!("CARGO_BIN_EXE_caseledger"))
        .args(["--ledger", "file:foo.sqlite", "import"])
        .arg(&bad)
        .current_dir(ws.path())
        .env_clear()
        .output()
        .expect("caseledger");
    assert!(!failed.status.success());
    assert!(!ws.path().join("file:foo.sqlite").exists());
    assert!(!ws.path().join("foo.sqlite").exists());
}

#[test]
fn escapes_and_markup_in_the_data_reach_no_markdown_file_raw() {
    let ws = Workspace::new();
    let hostile = "都府复〔2021〕9号,都匀市,张某,\u{1b}]0;owned\u{7}\u{1b}[2J<script>alert(1)</script>,行政处罚,2021-01-05,2021-01-08,2021-03-01,撤销,,\n";
    let file = ws.write(&format!("in/{WEEK}"), &week_with(hostile.as_bytes()));
    ws.run(["import".as_ref(), file.as_os_str()]).success();
    for args in [
        &["report", "--by", "respondent", "--format", "markdown"][..],
        &[
            "report",
            "--by",
            "respondent",
            "--format",
            "markdown",
            "--output",
            "r.md",
        ][..],
    ] {
        let stdout = ws.ok(args);
        let text = if args.contains(&"--output") {
            std::fs::read_to_string(ws.path().join("r.md")).expect("r.md")
        } else {
            stdout
        };
        assert!(text.contains("&lt;script&gt;"), "{text}");
        assert!(!text.contains("<script>"), "{text}");
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{7}'),
            "{text}"
        );
        assert!(text.contains("\\u{1b}"), "{text}");
    }
}

/// The report's JSON and Markdown show a control character in the data, never give it
/// raw; the others write the data as it is (a terminal shows it escaped, below; a page
/// escapes its markup, which a browser would act on, not control characters, which it does
/// not). The match names every format, so a new one must be placed in one group or the
/// other before the tests build.
#[test]
fn the_report_s_json_and_markdown_give_no_control_character_raw() {
    use caseledger::cli::Format;
    use clap::ValueEnum;

    let ws = Workspace::new();
    let hostile = "都府复〔2021〕9号,都匀市,张某,\u{1b}]0;owned\u{7}\u{1b}[2J局,行政处罚,2021-01-05,2021-01-08,2021-03-01,撤销,,\n";
    let file = ws.write(&format!("in/{WEEK}"), &week_with(hostile.as_bytes()));
    ws.run(["import".as_ref(), file.as_os_str()]).success();
    let mut checked = Vec::new();
    for format in Format::value_variants() {
        match format {
            Format::Json | Format::Markdown => {}
            // Text as it is, for a file or a pipe, and files for Excel and Word, which
            // their own tests read back.
            Format::Table
            | Format::Csv
            | Format::Text
            | Format::Html
            | Format::Xlsx
            | Format::Docx => continue,
        }
        let name = format.to_possible_value().expect("a named format");
        let name = name.get_name();
        let text = ws.ok(["report", "--by", "respondent", "--format", name]);
        assert!(text.contains("owned"), "{name}: the name is shown: {text}");
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{7}'),
            "{name}: {text:?}"
        );
        checked.push(name.to_owned());
    }
    assert_eq!(checked, ["json", "markdown"]);
}

/// A terminal is shown a control character, never given it: run under `script`, which
/// gives the command a terminal of its own and copies what it printed.
#[cfg(target_os = "linux")]
#[test]
fn escapes_in_the_data_reach_no_terminal_raw() {
    if Command::new("script").arg("--version").output().is_err() {
        eprintln!("skipped: no `script` to give the command a terminal");
        return;
    }
    let ws = Workspace::new();
    let hostile = "都府复〔2021〕\u{1b}[2J9号,都匀市,张某,\u{1b}]0;owned\u{7}局,行政处罚,2021-01-05,2021-01-08,2021-03-01,撤销,,\n";
    let file = ws.write(&format!("in/{WEEK}"), &week_with(hostile.as_bytes()));
    ws.run(["import".as_ref(), file.as_os_str()]).success();
    let binary = env!("CARGO_BIN_EXE_caseledger");
    let ledger = ws.ledger();
    for command in ["cases", "report --by respondent"] {
        let line = format!("{binary} --ledger {} {command}", ledger.display());
        let output = Command::new("script")
            .args(["-qec", &line, "/dev/null"])
            .current_dir(ws.path())
            .env_clear()
            .env("NO_COLOR", "1")
            .output()
            .expect("script");
        let text = String::from_utf8_lossy(&output.stdout);
        assert!(output.status.success(), "{command}: {text}");
        assert!(text.contains("\\u{1b}"), "{command}: {text}");
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{7}'),
            "{command}: {text:?}"
        );
    }
}

#[test]
fn a_ledger_found_damaged_is_not_written_to() {
    let ws = imported();
    let ledger = ws.ledger();
    damage_an_index(&ledger);
    let file = ws.copy_fixtures(&["复议台账_都匀市_2021-03-12.csv"]);
    ws.run(["import".as_ref(), file.as_os_str()])
        .failure()
        .stderr_has(&["is damaged", "caseledger verify", "backup"]);
}

/// Overwrites the root page of the index of versions by case, as `verify`'s test does.
fn damage_an_index(ledger: &Path) {
    let conn = rusqlite::Connection::open(ledger).expect("open the ledger");
    let page_size: i64 = conn
        .query_row("PRAGMA page_size", [], |r| r.get(0))
        .expect("page size");
    let root: i64 = conn
        .query_row(
            "SELECT rootpage FROM sqlite_schema WHERE name = 'versions_by_case'",
            [],
            |r| r.get(0),
        )
        .expect("root page");
    drop(conn);
    let page_size = usize::try_from(page_size).expect("a size");
    let start = usize::try_from(root - 1).expect("a page") * page_size;
    let mut bytes = std::fs::read(ledger).expect("ledger");
    bytes[start..start + page_size].fill(0xFF);
    std::fs::write(ledger, bytes).expect("damage");
}
