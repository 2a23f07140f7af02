//! Weekly snapshots over time: re-imports, corrections, and the report as known then.
//!
//! Hand counts for the fixtures (period 2021-01-01 – 2021-03-12, everything known):
//! received 1号 2号 3号 4号 = 4; accepted 1号 3号 2020-9号 = 3; 不予受理 2号 = 1;
//! closed 1号 2号 3号 2020-9号 = 4; corrected 3号 (1号 was corrected to 维持) = 1;
//! mediated 2020-9号 = 1.
//! As known on 2021-03-05 (period to 2021-03-05): received 1号 2号 3号 = 3; closed 1号 2号
//! 2020-9号 = 3; corrected 1号 (then 撤销) = 1.

use crate::support::{Workspace, count};

const WEEK1: &str = "复议台账_都匀市_2021-03-05.csv";
const WEEK2: &str = "复议台账_都匀市_2021-03-12.csv";

#[test]
fn reimporting_the_same_files_changes_nothing_and_says_so() {
    let ws = Workspace::new();
    let dir = ws.copy_fixtures(&[WEEK1, WEEK2]);
    ws.ok(["import".as_ref(), dir.as_os_str()]);
    let before = ws.report_json(&[]);
    let ledger_before = std::fs::read(ws.ledger()).expect("ledger");
    ws.run(["import".as_ref(), dir.as_os_str()])
        .success()
        .stdout_has(&[
            "already imported as batch 1",
            "already imported as batch 2",
            "nothing to import",
        ]);
    assert_eq!(ws.report_json(&[]), before);
    assert_eq!(std::fs::read(ws.ledger()).expect("ledger"), ledger_before);
}

#[test]
fn a_new_snapshot_stores_only_what_changed() {
    let ws = Workspace::new();
    let dir = ws.copy_fixtures(&[WEEK1, WEEK2]);
    // Week 2: 1号 changed (维持), 3号 changed (closed), 4号 new; 2号 and 2020-9号 unchanged
    // although written with other brackets; 2020-5号 is absent and stays.
    ws.run(["import".as_ref(), dir.as_os_str()])
        .success()
        .stdout_has(&[
            "复议台账 as of 2021-03-05 (file name), 5 rows: 5 new, 0 changed, 0 unchanged",
            "复议台账 as of 2021-03-12 (file name), 5 rows: 1 new, 2 changed, 2 unchanged",
        ]);
    let report = ws.report_json(&["--from", "2020-01-01", "--to", "2020-12-31"]);
    assert_eq!(
        count(&report, "counts", "corrected"),
        1,
        "2020-5号 (确认违法) was deleted"
    );
}

#[test]
fn reports_as_of_an_earlier_date_ignore_later_corrections() {
    let ws = Workspace::new();
    let dir = ws.copy_fixtures(&[WEEK1, WEEK2]);
    ws.ok(["import".as_ref(), dir.as_os_str()]);

    let now = ws.report_json(&[]);
    assert_eq!(now["as_of"], "2021-03-12");
    assert_eq!(now["period"]["to"], "2021-03-12");
    let counts = |r: &serde_json::Value| {
        [
            "received",
            "accepted",
            "not_accepted",
            "closed",
            "corrected",
            "mediated",
        ]
        .map(|k| count(r, "counts", k))
    };
    assert_eq!(counts(&now), [4, 3, 1, 4, 1, 1]);
    assert_eq!(now["rates"]["correction_rate"]["rate"], 25.0);

    let then = ws.report_json(&["--as-of", "2021-03-05"]);
    assert_eq!(then["as_of"], "2021-03-05");
    assert_eq!(then["period"]["to"], "2021-03-05");
    assert_eq!(counts(&then), [3, 3, 1, 3, 1, 1]);
    assert_eq!(then["rates"]["correction_rate"]["rate"], 33.33);

    // Same period, knowledge of 5 March: 1号 still counts as corrected, 3号 not yet closed.
    let same_period = ws.report_json(&["--to", "2021-03-12", "--as-of", "2021-03-05"]);
    assert_eq!(count(&same_period, "counts", "closed"), 3);
    assert_eq!(count(&same_period, "counts", "corrected"), 1);

    // Importing the weeks in the other order gives the same ledger state.
    let ws2 = Workspace::new();
    let dir2 = ws2.copy_fixtures(&[WEEK1, WEEK2]);
    ws2.ok(["import".as_ref(), dir2.join(WEEK2).as_os_str()]);
    ws2.ok(["import".as_ref(), dir2.join(WEEK1).as_os_str()]);
    assert_eq!(ws2.report_json(&[]), now);
    assert_eq!(ws2.report_json(&["--as-of", "2021-03-05"]), then);
}

/// One case in three weekly files: 维持 in February and April, 撤销 in a March file that
/// arrives last.
fn late_week(ws: &Workspace) -> [std::path::PathBuf; 3] {
    // The files differ in their bytes (a file imported before is skipped whole, SPEC §3).
    let file = |date: &str, outcome: &str| {
        ws.write(
            &format!("in/复议台账_{date}.csv"),
            format!("复议案号,单位,收到申请日期,受理日期,结案日期,结案方式,序号\n都府复〔2021〕1号,都匀市,2021-01-05,2021-01-06,2021-02-01,{outcome},{date}\n").as_bytes(),
        )
    };
    [
        file("2021-02-05", "维持"),
        file("2021-04-02", "维持"),
        file("2021-03-05", "撤销"),
    ]
}

fn corrected(ws: &Workspace, as_of: Option<&str>) -> u64 {
    let mut args = vec!["--to", "2021-04-30"];
    if let Some(date) = as_of {
        args.extend(["--as-of", date]);
    }
    count(&ws.report_json(&args), "counts", "corrected")
}

#[test]
fn a_late_week_changes_only_its_own_date_of_knowledge() {
    let ws = Workspace::new();
    let [february, april, march] = late_week(&ws);
    ws.ok(["import".as_ref(), february.as_os_str()]);
    ws.ok(["import".as_ref(), april.as_os_str()]);
    assert_eq!(corrected(&ws, None), 0);
    ws.ok(["import".as_ref(), march.as_os_str()]);
    // April's file still says 维持; only what was known in March changes.
    assert_eq!(corrected(&ws, None), 0);
    assert_eq!(corrected(&ws, Some("2021-04-02")), 0);
    assert_eq!(corrected(&ws, Some("2021-03-05")), 1);
    assert_eq!(corrected(&ws, Some("2021-02-05")), 0);

    // The same as importing the weeks in order.
    let in_order = Workspace::new();
    let [february, april, march] = late_week(&in_order);
    for file in [&february, &march, &april] {
        in_order.ok(["import".as_ref(), file.as_os_str()]);
    }
    for as_of in [
        None,
        Some("2021-04-02"),
        Some("2021-03-05"),
        Some("2021-02-05"),
    ] {
        assert_eq!(
            corrected(&ws, as_of),
            corrected(&in_order, as_of),
            "{as_of:?}"
        );
    }

    // Undoing the late week restores what was there before it.
    ws.ok(["undo", "3"]);
    assert_eq!(corrected(&ws, None), 0);
    assert_eq!(corrected(&ws, Some("2021-03-05")), 0);
}

/// A ledger written by an earlier build (tests/data/ledgers/README.md): its stored content
/// hashes must still match the same rows read today, or every case would be a new version.
#[test]
fn an_old_ledgers_reimport_still_finds_every_row_unchanged() {
    let ws = Workspace::new();
    std::fs::copy(
        crate::support::fixtures().join("ledgers/sample-2021-08-31.sqlite"),
        ws.ledger(),
    )
    .expect("old ledger");
    let sample = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/sample/2021-08-31");
    // The same rows a week later, with Windows line ends: a new file, not a known one.
    let dir = ws.path().join("next-week");
    std::fs::create_dir_all(&dir).expect("folder");
    let mut rows = 0;
    for entry in std::fs::read_dir(&sample).expect("sample week") {
        let path = entry.expect("entry").path();
        let name = path.file_name().expect("name").to_string_lossy();
        // The old ledger holds the case ledgers only.
        if !(name.starts_with("复议台账") || name.starts_with("应诉台账")) {
            continue;
        }
        // Some offices' files are GBK: line ends are changed byte-wise.
        let bytes = std::fs::read(&path).expect("sample file");
        let mut crlf = Vec::with_capacity(bytes.len() * 2);
        for byte in bytes {
            if byte == b'\n' {
                rows += 1;
                crlf.push(b'\r');
            }
            crlf.push(byte);
        }
        rows -= 1; // the header
        std::fs::write(dir.join(name.replace("2021-08-31", "2021-09-07")), crlf).expect("write");
    }
    ws.run(["import".as_ref(), dir.as_os_str()])
        .success()
        .stdout_has(&[&format!(
            "({rows} rows: 0 new, 0 changed, {rows} unchanged)"
        )]);
    ws.run(["verify"]).success();

    // The ledger, migrated in place, takes the two later ledgers' kinds too.
    let later: Vec<std::path::PathBuf> = std::fs::read_dir(&sample)
        .expect("sample week")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| {
            let name = path.file_name().expect("name").to_string_lossy();
            name.starts_with("整改台账") || name.starts_with("诉前台账")
        })
        .collect();
    assert_eq!(later.len(), 26, "both later ledgers of the 13 units");
    let mut args = vec![std::ffi::OsString::from("import")];
    args.extend(later.iter().map(|p| p.clone().into_os_string()));
    ws.run(&args).success().stdout_has(&["imported 26 files"]);
    ws.run(["verify"]).success().stdout_has(&["ok: "]);
}
