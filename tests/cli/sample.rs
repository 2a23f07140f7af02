//! The shipped sample reproduces the figures 黔南州 published for January–August 2021
//! (SPEC §6), and regenerating it gives the same bytes.
//!
//! The expected numbers are the published ones, copied from the SPEC, not computed here.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use crate::support::Workspace;

#[path = "../../examples/make_sample/sample.rs"]
#[allow(dead_code, clippy::all, clippy::pedantic)]
mod generator;

fn sample() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("data")
        .join("sample")
}

/// Published counts, Jan–Aug 2021, and the implied Jan–Aug 2020 counts.
fn published() -> (Value, Value) {
    let this_year = json!({"received": 181, "accepted": 149, "not_accepted": 13, "closed": 169,
        "corrected": 14, "mediated": 76, "first_instance_closed": 506, "lost": 110,
        "heard": 363, "head_appeared": 275});
    let last_year = json!({"received": 203, "accepted": 170, "not_accepted": 15, "closed": 194,
        "corrected": 72, "mediated": 58, "first_instance_closed": 494, "lost": 170,
        "heard": 281, "head_appeared": 151});
    (this_year, last_year)
}

/// Published rates with their 同比: (key, rate, previous rate, delta in percentage points).
const RATES: [(&str, f64, f64, f64); 4] = [
    ("correction_rate", 8.28, 37.11, -28.83),
    ("loss_rate", 21.74, 34.41, -12.67),
    ("appearance_rate", 75.76, 53.74, 22.02),
    ("mediation_rate", 44.97, 29.90, 15.07),
];

fn assert_counts(report: &Value, group: &str, expected: &Value) {
    for (key, value) in expected.as_object().expect("object") {
        assert_eq!(&report[group][key], value, "{group}.{key}");
    }
}

#[test]
fn sample_reproduces_the_published_figures() {
    let ws = Workspace::new();
    ws.ok(["import".as_ref(), sample().as_os_str()]);
    let report = ws.report_json(&[]);
    assert_eq!(
        report["period"],
        json!({"from": "2021-01-01", "to": "2021-08-31"})
    );
    assert_eq!(
        report["previous_period"],
        json!({"from": "2020-01-01", "to": "2020-08-31"})
    );
    assert_eq!(report["as_of"], "2021-08-31");
    let (this_year, last_year) = published();
    assert_counts(&report, "counts", &this_year);
    assert_counts(&report, "previous_counts", &last_year);
    for (key, rate, previous, delta) in RATES {
        let figure = &report["rates"][key];
        assert_eq!(figure["rate"], json!(rate), "{key}");
        assert_eq!(
            figure["previous"]["rate"],
            json!(previous),
            "{key} previous"
        );
        assert_eq!(figure["delta_pp"], json!(delta), "{key} delta");
    }
    assert_eq!(
        report["rates"]["correction_rate"]["relative_change"],
        json!(-77.69)
    );

    // Explicit periods give the same figures as the defaults; last year's own report
    // has last year's counts.
    let explicit = ws.report_json(&["--from", "2021-01-01", "--to", "2021-08-31"]);
    assert_eq!(explicit, report);
    let last = ws.report_json(&["--from", "2020-01-01", "--to", "2020-08-31"]);
    assert_counts(&last, "counts", &last_year);
}

#[test]
fn sample_has_a_gb18030_file_and_a_bom_file() {
    let mut gb18030 = 0;
    let mut bom = 0;
    for file in files(&sample()) {
        let bytes = std::fs::read(&file).expect("read");
        if bytes.starts_with(b"\xEF\xBB\xBF") {
            bom += 1;
        } else if std::str::from_utf8(&bytes).is_err() {
            gb18030 += 1;
        }
    }
    assert!(
        gb18030 > 0 && bom > 0,
        "GB18030 files: {gb18030}, BOM files: {bom}"
    );
}

#[test]
fn demo_prints_the_report_from_the_sample() {
    let ws = Workspace::new();
    let demo = ws.ok([
        "demo".as_ref(),
        "--data".as_ref(),
        sample().as_os_str(),
        "--format".as_ref(),
        "json".as_ref(),
    ]);
    let report: Value = serde_json::from_str(&demo).expect("json");
    assert_counts(&report, "counts", &published().0);
    assert!(
        !ws.ledger().exists(),
        "demo must not touch the user's ledger"
    );
    let table = ws.ok(["demo".as_ref(), "--data".as_ref(), sample().as_os_str()]);
    assert!(table.contains("8.28% (14/169)"), "{table}");
    assert!(table.contains("下降 28.83 个百分点"), "{table}");
}

#[test]
fn sample_documents_and_disputes_import_cleanly_and_are_reported() {
    let ws = Workspace::new();
    let mut args: Vec<std::ffi::OsString> = vec!["import".into()];
    let new_ledgers: Vec<PathBuf> = files(&sample())
        .into_iter()
        .filter(|file| {
            let name = file.file_name().map(|n| n.to_string_lossy().into_owned());
            name.is_some_and(|n| n.starts_with("整改台账_") || n.starts_with("诉前台账_"))
        })
        .collect();
    // 13 units each send both ledgers in the final week.
    let last_week = new_ledgers
        .iter()
        .filter(|f| f.to_string_lossy().contains("2021-08-31"))
        .count();
    assert_eq!(last_week, 26, "整改台账 and 诉前台账 of 2021-08-31");
    // The whole sample in one import: a document's 关联案号 names a case of the 复议台账.
    args.push(sample().into_os_string());
    let run = ws.run(&args).success().stderr_lacks(&["error"]);
    // The only warnings: heard cases whose appearance cell the courts left empty.
    for line in run.stderr().lines() {
        assert!(
            !line.contains("warning") || line.contains("出庭情况未填报"),
            "{line}"
        );
    }

    let demo = ws.ok([
        "demo".as_ref(),
        "--data".as_ref(),
        sample().as_os_str(),
        "--format".as_ref(),
        "json".as_ref(),
    ]);
    let report: Value = serde_json::from_str(&demo).expect("json");
    for (block, key) in [("rectification", "issued"), ("disputes", "received")] {
        let count = report[block][key].as_u64().expect("a count");
        assert!(count > 0, "{block}.{key} is {count}");
    }
}

#[test]
fn regenerating_the_sample_gives_identical_bytes() {
    let dir = tempfile::tempdir().expect("temporary folder");
    generator::write_sample(dir.path()).expect("generate the sample");
    let committed = files(&sample());
    let generated = files(dir.path());
    let relative = |root: &Path, files: &[PathBuf]| -> Vec<PathBuf> {
        files
            .iter()
            .map(|f| f.strip_prefix(root).expect("inside").to_path_buf())
            .collect()
    };
    assert_eq!(
        relative(dir.path(), &generated),
        relative(&sample(), &committed),
        "file lists differ"
    );
    for (new, old) in generated.iter().zip(&committed) {
        assert!(
            std::fs::read(new).expect("read") == std::fs::read(old).expect("read"),
            "{} differs",
            old.display()
        );
    }
}

fn files(root: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("read dir") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}
