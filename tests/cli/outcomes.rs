//! An office's own outcome wording: a failed import ends with one line mapping every
//! unknown spelling, the clerk runs it once, and every later import and `check --ledger`
//! reads the wording as mapped. Nothing is mapped without being asked.
//!
//! Hand counts for `week()` (closed 2021-03-01): 撤销处罚决定 ×3 and 复议机关自行纠正 ×1
//! are unknown until mapped; 维持原行政行为 is built in (维持). Once 撤销处罚决定 = 撤销,
//! corrected = 3 of closed = 5.

use std::fmt::Write as _;

use crate::support::{Workspace, count};

const FILE: &str = "复议台账_福泉市_2021-03-05.csv";

fn week() -> String {
    let mut csv = String::from("案号,单位,收案日期,结案日期,结案方式\n");
    for n in 1..=3 {
        let _ = writeln!(
            csv,
            "福府复〔2021〕{n}号,福泉市,2021-02-01,2021-03-01,撤销处罚决定"
        );
    }
    csv.push_str("福府复〔2021〕4号,福泉市,2021-02-01,2021-03-01,复议机关自行纠正\n");
    csv.push_str("福府复〔2021〕5号,福泉市,2021-02-01,2021-03-01,维持原行政行为\n");
    csv
}

#[test]
fn a_failed_import_prints_one_line_that_maps_every_unknown_spelling() {
    let ws = Workspace::new();
    let file = ws.write(FILE, week().as_bytes());
    let run = ws.run(["import".as_ref(), file.as_os_str()]).failure();
    let stderr = run.stderr();
    let lines: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("caseledger outcomes map "))
        .collect();
    assert_eq!(lines.len(), 1, "one line to run:\n{stderr}");
    // Most frequent first, each with its rows and the closest canonical outcome.
    assert!(
        lines[0].starts_with("caseledger outcomes map '撤销处罚决定=撤销' '复议机关自行纠正="),
        "{stderr}"
    );
    assert!(lines[0].ends_with("# 3 rows, 1 row"), "{stderr}");
    assert!(
        !ws.ledger().exists(),
        "a failed first import leaves no ledger"
    );

    // The clerk checks the suggestion, corrects the second one and runs the line.
    ws.ok([
        "outcomes",
        "map",
        "撤销处罚决定=撤销",
        "复议机关自行纠正=改正后终止",
    ]);
    ws.ok(["import".as_ref(), file.as_os_str()]);
    let report = ws.report_json(&["--from", "2021-01-01", "--to", "2021-03-31"]);
    assert_eq!(count(&report, "counts", "closed"), 5);
    assert_eq!(count(&report, "counts", "corrected"), 3);
    let listed = ws.ok(["cases", "--outcome", "改正后终止", "--format", "csv"]);
    assert!(listed.contains("福府复〔2021〕4号"), "{listed}");
}

#[test]
fn check_with_a_ledger_reads_its_mappings() {
    let ws = Workspace::new();
    let file = ws.write(FILE, week().as_bytes());
    ws.ok([
        "outcomes",
        "map",
        "撤销处罚决定=撤销",
        "复议机关自行纠正=改正后终止",
    ]);
    // The week's file has no 受理日期 column: the one warning, whatever the mappings.
    ws.run(["check".as_ref(), file.as_os_str()])
        .success()
        .stdout_has(&[
            "the file has no 受理日期 (立案日期) column",
            "checked 1 file: 0 errors, 1 warning",
        ]);
    // Without a ledger, check knows only the built-in spellings.
    let bare = Workspace::new();
    let file = bare.write(FILE, week().as_bytes());
    bare.run(["check".as_ref(), file.as_os_str()])
        .failure()
        .stdout_has(&["4 errors", "caseledger outcomes map '撤销处罚决定=撤销'"]);
}

#[test]
fn mappings_are_listed_removed_and_never_replace_a_built_in_spelling() {
    let ws = Workspace::new();
    ws.ok(["outcomes", "map", "撤销处罚决定=撤销"]);
    ws.run(["outcomes", "show"])
        .success()
        .stdout_has(&["撤销处罚决定 = 撤销"]);
    // All or none: one wrong entry stores nothing.
    ws.run(["outcomes", "map", "撤销原处罚=撤销", "维持=撤销"])
        .failure()
        .stderr_has(&["`维持` is already built in", "none was stored"]);
    ws.run(["outcomes", "map", "撤销原处罚=纠错"])
        .failure()
        .stderr_has(&["纠错"]);
    assert!(!ws.ok(["outcomes", "show"]).contains("撤销原处罚"));
    // One spelling however it is written: mapping it again replaces the old mapping.
    ws.ok(["outcomes", "map", "撤销处罚决定。=变更"]);
    let shown = ws.ok(["outcomes", "show"]);
    assert_eq!(shown.lines().count(), 1, "{shown}");
    assert!(shown.contains("撤销处罚决定。 = 变更"), "{shown}");
    ws.ok(["outcomes", "map", "撤销处罚决定=撤销"]);
    // Spaces do not matter when removing, as when reading.
    ws.ok(["outcomes", "unmap", "撤销 处罚决定"]);
    ws.run(["outcomes", "show"])
        .success()
        .stdout_has(&["no outcome spellings are mapped"]);
    ws.run(["outcomes", "unmap", "撤销处罚决定"])
        .failure()
        .stderr_has(&["is not mapped"]);
}
