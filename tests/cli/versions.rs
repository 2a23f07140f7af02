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
