//! Breakdown by unit, benchmarks, and the csv, markdown and text formats.
//!
//! Figures are the published ones of SPEC §6 (which the shipped sample reproduces) or
//! hand counts of the fixtures, as noted beside each.

use std::path::PathBuf;

use encoding_rs::GB18030;
use serde_json::{Value, json};

use crate::reference::KEYS;
use crate::support::{Workspace, count};

fn sample() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("data")
        .join("sample")
}

fn benchmarks() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("data")
        .join("benchmarks.csv")
}

/// A workspace with the sample and the province averages imported.
pub(crate) fn with_sample() -> Workspace {
    let ws = Workspace::new();
    ws.ok(["import".as_ref(), sample().as_os_str()]);
    ws.ok([
        "benchmark".as_ref(),
        "import".as_ref(),
        benchmarks().as_os_str(),
    ]);
    ws
}

#[test]
fn unit_rows_add_up_to_the_whole() {
    let ws = with_sample();
    let report = ws.report_json(&["--by", "unit"]);
    let rows = report["rows"].as_array().expect("rows");
    assert_eq!(rows.len(), 13, "12 counties and 州直");
    for key in KEYS {
        let sum: u64 = rows
            .iter()
            .map(|r| r["counts"][key].as_u64().expect("count"))
            .sum();
        assert_eq!(sum, count(&report, "counts", key), "{key}");
        let sum: u64 = rows
            .iter()
            .map(|r| r["previous_counts"][key].as_u64().expect("count"))
            .sum();
        assert_eq!(
            sum,
            count(&report, "previous_counts", key),
            "previous {key}"
        );
    }
    // The top level stays the whole ledger's published figures.
    assert_eq!(report["rates"]["correction_rate"]["rate"], json!(8.28));
    // Without --by there are no rows.
    assert!(ws.report_json(&[]).get("rows").is_none());
}

#[test]
fn units_are_ranked_worst_first() {
    let ws = with_sample();
    let rate = |row: &Value, key: &str| row["rates"][key]["rate"].as_f64();
    let correction = ws.report_json(&["--by", "unit", "--sort", "correction_rate"]);
    let rates: Vec<f64> = correction["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .filter_map(|r| rate(r, "correction_rate"))
        .collect();
    assert!(
        rates.windows(2).all(|w| w[0] >= w[1]),
        "correction rates not descending: {rates:?}"
    );
    let appearance = ws.report_json(&["--by", "unit", "--sort", "出庭率"]);
    let rates: Vec<f64> = appearance["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .filter_map(|r| rate(r, "appearance_rate"))
        .collect();
    assert!(
        rates.windows(2).all(|w| w[0] <= w[1]),
        "appearance rates not ascending: {rates:?}"
    );
    ws.run(["report", "--by", "unit", "--sort", "favourite"])
        .failure()
        .stderr_has(&["cannot sort by `favourite`"]);
}

#[test]
fn fixture_units_by_hand() {
    // 应诉台账 fixture, Jan 1 – Mar 12 2021: 福泉市 行初2 行初3 closed (0 lost), 都匀市 行初1 行初88
    // closed (2 lost); the 复议台账 fixtures are all 都匀市.
    let ws = Workspace::new();
    let dir = ws.copy_fixtures(&[
        "复议台账_都匀市_2021-03-12.csv",
        "应诉台账_都匀市人民法院_2021-03-12.csv",
    ]);
    ws.ok(["import".as_ref(), dir.as_os_str()]);
    let report = ws.report_json(&["--by", "unit", "--sort", "unit"]);
    let rows = report["rows"].as_array().expect("rows");
    let find = |unit: &str| {
        rows.iter()
            .find(|r| r["unit"] == unit)
            .unwrap_or_else(|| panic!("no {unit}"))
    };
    assert_eq!(find("福泉市")["counts"]["first_instance_closed"], 2);
    assert_eq!(find("福泉市")["counts"]["lost"], 0);
    assert_eq!(find("都匀市")["counts"]["lost"], 2);
    assert_eq!(find("都匀市")["rates"]["loss_rate"]["rate"], json!(100.0));
}

#[test]
fn without_a_registry_a_unit_has_a_row_only_when_its_cases_count() {
    // Three units, each with one case: 都匀市 received in the period, 瓮安县 between last
    // year's period and this one, 独山县 after the period's end.
    let ws = Workspace::new();
    let path = ws.write(
        "复议台账_2021-06-30.csv",
        "复议案号,单位,收到申请日期\n\
         都府复〔2021〕1号,都匀市,2021-03-05\n\
         瓮府复〔2020〕2号,瓮安县,2020-06-01\n\
         独府复〔2021〕3号,独山县,2021-05-01\n"
            .as_bytes(),
    );
    ws.ok(["import".as_ref(), path.as_os_str()]);
    let units = |extra: &[&str]| {
        let mut args = vec!["--by", "unit"];
        args.extend_from_slice(extra);
        let report = ws.report_json(&args);
        report["rows"]
            .as_array()
            .expect("rows")
            .iter()
            .map(|r| r["unit"].as_str().expect("unit").to_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        units(&["--from", "2021-03-01", "--to", "2021-03-12"]),
        ["都匀市"]
    );
    // As known before a later batch, the cases are read from their versions: the same rows.
    let later = ws.write(
        "复议台账_2021-07-09.csv",
        "复议案号,单位,收到申请日期\n都府复〔2021〕4号,都匀市,2021-07-01\n".as_bytes(),
    );
    ws.ok(["import".as_ref(), later.as_os_str()]);
    assert_eq!(
        units(&[
            "--from",
            "2021-03-01",
            "--to",
            "2021-03-12",
            "--as-of",
            "2021-06-30"
        ]),
        ["都匀市"]
    );
    assert_eq!(
        units(&["--from", "2021-01-01", "--to", "2021-06-30"]).len(),
        3
    );
}

#[test]
fn benchmarks_show_beside_matching_periods_only() {
    let ws = with_sample();
    let report = ws.report_json(&[]);
    assert_eq!(
        report["rates"]["correction_rate"]["benchmark"],
        json!({"label": "全省平均", "rate": 14.05, "better": true})
    );
    assert_eq!(
        report["rates"]["loss_rate"]["benchmark"],
        json!({"label": "全省平均", "rate": 22.33, "better": true})
    );
    assert_eq!(
        report["rates"]["appearance_rate"]["benchmark"],
        json!({"label": "全省平均", "rate": 73.99, "better": true})
    );
    assert!(report["rates"]["mediation_rate"].get("benchmark").is_none());
    let other = ws.report_json(&["--to", "2021-07-31"]);
    assert!(other["rates"]["correction_rate"].get("benchmark").is_none());
    // A unit worse than the province: 贵定县's correction rate is above 14.05.
    let units = ws.report_json(&["--by", "unit"]);
    let better: Vec<&Value> = units["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| &r["rates"]["correction_rate"]["benchmark"]["better"])
        .collect();
    assert!(
        better.contains(&&json!(true)) && better.contains(&&json!(false)),
        "{better:?}"
    );
}

#[test]
fn bad_benchmark_files_are_rejected_with_row_and_column() {
    let ws = Workspace::new();
    let path = ws.write("bench.csv", "指标,起始日期,截止日期,比较值,名称\n结案率,2021-01-01,2021-08-31,14.05,全省平均\n纠错率,2021-01-01,2021-08-31,14.055,全省平均\n".as_bytes());
    let file = path.display().to_string();
    ws.run(["benchmark".as_ref(), "import".as_ref(), path.as_os_str()]).failure().stderr_has(&[
        &format!("{file}:2:指标: error: `结案率` is not a rate"),
        &format!("{file}:3:比较值: error: `14.055` is not a rate in per cent with at most two decimals"),
    ]);
    assert!(!ws.ledger().exists());
}

#[test]
fn csv_opens_in_excel_and_in_gb18030() {
    let ws = with_sample();
    let out = ws.path().join("report.csv");
    ws.ok([
        "report".as_ref(),
        "--format".as_ref(),
        "csv".as_ref(),
        "--output".as_ref(),
        out.as_os_str(),
    ]);
    let bytes = std::fs::read(&out).expect("csv");
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "no BOM");
    let text = String::from_utf8(bytes[3..].to_vec()).expect("utf-8");
    let line = text
        .lines()
        .find(|l| l.starts_with("行政复议被纠错率,"))
        .expect("rate row");
    assert_eq!(
        line,
        "行政复议被纠错率,correction_rate,8.28,37.11,-28.83,-77.69,14,169,72,194,全省平均,14.05,是"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&out).expect("meta").permissions().mode() & 0o777,
            0o600
        );
    }
    let gb = ws
        .run(["report", "--format", "csv", "--encoding", "gb18030"])
        .success();
    let gb = gb.stdout_bytes();
    let (decoded, _, errors) = GB18030.decode(&gb);
    assert!(!errors);
    assert_eq!(decoded, text);
}

#[test]
fn csv_cells_cannot_become_formulas() {
    let ws = Workspace::new();
    let path = ws.write(
        "复议台账_2021-03-05.csv",
        "复议案号,单位,收到申请日期\n都府复〔2021〕1号,=HYPERLINK(\"http://x\"),2021-01-05\n"
            .as_bytes(),
    );
    ws.ok(["import".as_ref(), path.as_os_str()]);
    let csv = ws.ok(["report", "--by", "unit", "--format", "csv"]);
    assert!(csv.contains("\"'=HYPERLINK(\"\"http://x\"\")\""), "{csv}");
}

#[test]
fn text_is_the_published_paragraph() {
    let ws = with_sample();
    let text = ws.ok(["report", "--format", "text"]);
    crate::report::assert_golden("sample_text.txt", &text);
    let unit = ws.ok([
        "report",
        "--format",
        "text",
        "--unit",
        "都匀市",
        "--from",
        "2021-03-01",
        "--to",
        "2021-03-31",
    ]);
    assert!(
        unit.starts_with("今年3月，都匀市行政复议案件收案"),
        "{unit}"
    );
}

#[test]
fn markdown_matches_golden() {
    let ws = Workspace::new();
    let dir = ws.copy_fixtures(&[
        "复议台账_都匀市_2020-03-13.csv",
        "复议台账_都匀市_2021-03-12.csv",
        "应诉台账_都匀市人民法院_2021-03-12.csv",
    ]);
    ws.ok(["import".as_ref(), dir.as_os_str()]);
    crate::report::assert_golden(
        "report_by_unit.md",
        &ws.ok(["report", "--format", "markdown", "--by", "unit"]),
    );
}

#[test]
fn html_is_one_self_contained_page() {
    let ws = with_sample();
    let out = ws.path().join("report.html");
    ws.ok([
        "report".as_ref(),
        "--format".as_ref(),
        "html".as_ref(),
        "--output".as_ref(),
        out.as_os_str(),
    ]);
    let html = std::fs::read_to_string(&out).expect("html");
    assert!(
        html.starts_with("<!DOCTYPE html>"),
        "{}",
        &html[..80.min(html.len())]
    );
    for figure in [
        "8.28%",
        "21.74%",
        "75.76%",
        "44.97%",
        "下降 28.83 个百分点",
        "优于全省平均 14.05%",
    ] {
        assert!(html.contains(figure), "no {figure}");
    }
    assert!(
        html.matches("<svg").count() >= 3,
        "expected the bar, trend and ranking charts"
    );
    for outside in ["http://", "https://", "<script", "src=", "<link", "url("] {
        assert!(
            !html.contains(outside),
            "the page refers outside itself: {outside}"
        );
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&out).expect("meta").permissions().mode() & 0o777,
            0o600
        );
    }
}
