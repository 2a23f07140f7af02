//! Report formats, defaults and errors.
//!
//! Hand counts for the 应诉台账 fixture (period 2021-01-01 – 2021-03-12): 一审 filed
//! 行初1 2 3 = 3; 一审 closed 行初1 2 3 88 = 4; lost 行初1 (撤销) + 行初88 (是否败诉 = 是)
//! = 2; 一审 heard 行初1 2 = 2 (行终3 is 二审, 行初88 was heard in 2020); head appeared
//! 行初1 = 1.

use std::path::PathBuf;

use crate::support::{Workspace, count};

const FIXTURES: [&str; 4] = [
    "复议台账_都匀市_2020-03-13.csv",
    "复议台账_都匀市_2021-03-05.csv",
    "复议台账_都匀市_2021-03-12.csv",
    "应诉台账_都匀市人民法院_2021-03-12.csv",
];

fn imported() -> Workspace {
    let ws = Workspace::new();
    let dir = ws.copy_fixtures(&FIXTURES);
    ws.ok(["import".as_ref(), dir.as_os_str()]);
    ws
}

#[test]
fn litigation_figures_follow_their_own_dates_and_instance() {
    let ws = imported();
    let report = ws.report_json(&[]);
    let keys = [
        "filed",
        "first_instance_closed",
        "lost",
        "heard",
        "head_appeared",
    ];
    assert_eq!(keys.map(|k| count(&report, "counts", k)), [3, 4, 2, 2, 1]);
    let loss = &report["rates"]["loss_rate"];
    assert_eq!(
        (loss["numerator"].as_u64(), loss["denominator"].as_u64()),
        (Some(2), Some(4))
    );
    assert_eq!(loss["rate"], 50.0);
    // Nothing was closed in the same period of 2020: no previous rate, no delta.
    assert_eq!(loss["previous"]["rate"], serde_json::Value::Null);
    assert_eq!(loss["delta_pp"], serde_json::Value::Null);
    assert_eq!(loss["relative_change"], serde_json::Value::Null);
}

#[test]
fn previous_year_figures_and_deltas() {
    // 2020-01-01 – 2020-03-12 from 复议台账_都匀市_2020-03-13.csv: corrected 2 of 4 closed.
    let ws = imported();
    let report = ws.report_json(&[]);
    let keys = [
        "received",
        "accepted",
        "not_accepted",
        "closed",
        "corrected",
        "mediated",
    ];
    assert_eq!(
        keys.map(|k| count(&report, "previous_counts", k)),
        [5, 4, 1, 4, 2, 0]
    );
    let correction = &report["rates"]["correction_rate"];
    assert_eq!(correction["previous"]["rate"], 50.0);
    assert_eq!(correction["rate"], 25.0);
    assert_eq!(correction["delta_pp"], -25.0);
    assert_eq!(correction["relative_change"], -50.0);
}

#[test]
fn json_has_the_documented_shape() {
    let ws = imported();
    let report = ws.report_json(&[]);
    let keys = crate::support::keys(&report);
    for key in [
        "period",
        "previous_period",
        "as_of",
        "unit",
        "counts",
        "previous_counts",
        "rates",
        "rules",
    ] {
        assert!(keys.contains(&key), "missing {key} in {keys:?}");
    }
    assert_eq!(report["previous_period"]["from"], "2020-01-01");
    assert_eq!(report["previous_period"]["to"], "2020-03-12");
    assert_eq!(report["unit"], serde_json::Value::Null);
    for rate in [
        "correction_rate",
        "loss_rate",
        "appearance_rate",
        "mediation_rate",
    ] {
        for field in [
            "numerator",
            "denominator",
            "rate",
            "previous",
            "delta_pp",
            "relative_change",
        ] {
            assert!(report["rates"][rate].get(field).is_some(), "{rate}.{field}");
        }
    }
    assert_eq!(report["rules"]["correction_base"], "closed");
}

#[test]
fn unit_filter_counts_only_that_units_cases() {
    let ws = imported();
    let report = ws.report_json(&["--unit", "福泉市"]);
    assert_eq!(report["unit"], "福泉市");
    assert_eq!(count(&report, "counts", "first_instance_closed"), 2);
    assert_eq!(count(&report, "counts", "received"), 0);
    // A unit given with a full-width space is the same unit.
    assert_eq!(
        ws.report_json(&["--unit", "\u{3000}福泉市"])["counts"],
        report["counts"]
    );
}

#[test]
fn bad_periods_are_refused() {
    let ws = imported();
    ws.run(["report", "--from", "2021-05-01", "--to", "2021-03-01"])
        .failure()
        .stderr_has(&["the period starts (2021-05-01) after it ends (2021-03-01)"]);
    ws.run(["report", "--to", "2021-02-30"])
        .failure()
        .stderr_has(&["is not a date"]);
    ws.run(["report", "--as-of", "2020-01-01"])
        .failure()
        .stderr_has(&["no batch in the ledger is as of 2020-01-01 or earlier"]);
}

fn golden(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("golden")
        .join(name)
}

/// Compares with a reviewed golden file; `UPDATE_GOLDEN=1` rewrites it for review.
pub fn assert_golden(name: &str, actual: &str) {
    let path = golden(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).expect("write golden");
        return;
    }
    let expected =
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert_eq!(actual, expected, "output differs from {}", path.display());
}

#[test]
fn table_in_chinese_matches_golden() {
    let ws = imported();
    assert_golden("report_zh.txt", &ws.ok(["report"]));
}

#[test]
fn table_in_english_matches_golden() {
    let ws = imported();
    assert_golden(
        "report_en.txt",
        &ws.ok(["report", "--lang", "en", "--unit", "都匀市"]),
    );
}
