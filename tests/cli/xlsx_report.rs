//! The Excel report of the shipped sample, read back cell by cell: sheets 汇总, 分县 and
//! 趋势 hold the published figures (SPEC §6) as numbers and dates as dates, the file is
//! private, and the format refuses to run without `--output`.

// A cell must hold exactly the two-decimal figure the report shows, not one near it.
#![allow(clippy::float_cmp)]

use std::path::{Path, PathBuf};

use calamine::{Data, DataType, Range, Reader, open_workbook_auto};
use chrono::NaiveDate;

use crate::support::Workspace;

/// The published rates: (row label on 汇总, this period, last year, change in points).
const PUBLISHED: [(&str, f64, f64, f64); 3] = [
    ("行政复议被纠错率", 8.28, 37.11, -28.83),
    ("行政诉讼一审败诉率", 21.74, 34.41, -12.67),
    ("行政机关负责人出庭应诉率", 75.76, 53.74, 22.02),
];
/// 办结, Jan–Aug 2021.
const CLOSED: f64 = 169.0;
/// The rate groups of 分县 by their header and JSON key.
const RATES: [(&str, &str); 4] = [
    ("行政复议被纠错率", "correction_rate"),
    ("行政诉讼一审败诉率", "loss_rate"),
    ("行政机关负责人出庭应诉率", "appearance_rate"),
    ("行政复议调解成功率", "mediation_rate"),
];
/// The count columns of 分县 by their header and JSON key.
const COUNTS: [(&str, &str); 6] = [
    ("办结", "closed"),
    ("被纠错", "corrected"),
    ("一审结案", "first_instance_closed"),
    ("一审败诉", "lost"),
    ("一审开庭", "heard"),
    ("负责人出庭", "head_appeared"),
];

fn repository(relative: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(relative)
}

/// A ledger of the sample with the province averages.
fn sample() -> Workspace {
    let ws = Workspace::new();
    ws.ok(["import".as_ref(), repository("data/sample").as_os_str()]);
    ws.ok([
        "benchmark".as_ref(),
        "import".as_ref(),
        repository("data/benchmarks.csv").as_os_str(),
    ]);
    ws
}

fn sheet(path: &Path, name: &str) -> Range<Data> {
    let mut book = open_workbook_auto(path).expect("open the workbook");
    book.worksheet_range(name)
        .unwrap_or_else(|e| panic!("no sheet {name}: {e}"))
}

fn rows(range: &Range<Data>) -> Vec<&[Data]> {
    range.rows().collect()
}

/// The index of the first row whose first cell is `label`.
fn find_row(rows: &[&[Data]], label: &str) -> usize {
    rows.iter()
        .position(|r| r.first().and_then(DataType::get_string) == Some(label))
        .unwrap_or_else(|| panic!("no row `{label}` in {rows:?}"))
}

/// The index of the cell of `row` that reads `label`, or `label` and a second line
/// (`同比增减` finds `同比增减\n（个百分点）`).
fn find_column(row: &[Data], label: &str) -> usize {
    row.iter()
        .position(|c| {
            c.get_string()
                .is_some_and(|s| s.split('\n').next() == Some(label))
        })
        .unwrap_or_else(|| panic!("no column `{label}` in {row:?}"))
}

fn number(cell: &Data) -> f64 {
    cell.get_float()
        .unwrap_or_else(|| panic!("{cell:?} is not a number"))
}

#[test]
fn workbook_holds_the_published_figures() {
    let ws = sample();
    let path = ws.path().join("r.xlsx");
    ws.ok([
        "report".as_ref(),
        "--format".as_ref(),
        "xlsx".as_ref(),
        "--output".as_ref(),
        path.as_os_str(),
    ]);
    let report = ws.report_json(&[]);

    let book = open_workbook_auto(&path).expect("open the workbook");
    assert_eq!(book.sheet_names(), ["汇总", "分县", "趋势"]);

    // 汇总: rates as numbers (8.28, not "8.28%" or 0.0828), changes in points.
    let summary = sheet(&path, "汇总");
    let summary = rows(&summary);
    let header = summary[find_row(&summary, "指标")];
    let (now, then, delta) = (
        find_column(header, "本期"),
        find_column(header, "上年同期"),
        find_column(header, "同比增减"),
    );
    assert!(
        header[delta]
            .get_string()
            .is_some_and(|s| s.contains("个百分点"))
    );
    for (label, rate, previous, points) in PUBLISHED {
        let row = summary[find_row(&summary, label)];
        assert_eq!(
            [number(&row[now]), number(&row[then]), number(&row[delta])],
            [rate, previous, points],
            "{label}"
        );
    }
    let correction = summary[find_row(&summary, "行政复议被纠错率")];
    assert_eq!(number(&correction[find_column(header, "比较值")]), 14.05);
    assert_eq!(
        correction[find_column(header, "是否优于")].get_string(),
        Some("是")
    );

    // 分县: the 合计 row is the report's totals; the units' 办结 add up to it.
    let units = sheet(&path, "分县");
    let units = rows(&units);
    let groups_at = find_row(&units, "单位");
    let (groups, columns) = (units[groups_at], units[groups_at + 1]);
    let total_at = find_row(&units, "合计");
    let total = units[total_at];
    for (label, key) in COUNTS {
        let col = find_column(columns, label);
        assert_eq!(
            number(&total[col]),
            report["counts"][key].as_f64().expect("count"),
            "合计 {label}"
        );
    }
    for (label, key) in RATES {
        let col = find_column(groups, label);
        assert_eq!(
            total[col].as_f64(),
            report["rates"][key]["rate"].as_f64(),
            "合计 {label}"
        );
    }
    let closed = find_column(columns, "办结");
    let unit_rows = &units[groups_at + 2..total_at];
    assert!(unit_rows.len() > 1, "{unit_rows:?}");
    let sum: f64 = unit_rows.iter().map(|r| number(&r[closed])).sum();
    assert_eq!((sum, number(&total[closed])), (CLOSED, CLOSED));

    // 趋势: dates are date cells; the August point has the report's rate.
    let trend = sheet(&path, "趋势");
    let trend = rows(&trend);
    let header = trend[find_row(&trend, "截至")];
    let correction = find_column(header, "纠错率");
    let august = NaiveDate::from_ymd_opt(2021, 8, 31).expect("date");
    let point = trend
        .iter()
        .find(|r| r[0].as_date() == Some(august))
        .unwrap_or_else(|| panic!("no 2021-08-31 point in {trend:?}"));
    assert!(point[0].is_datetime(), "{:?}", point[0]);
    assert_eq!(number(&point[correction]), 8.28);

    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path)
            .expect("metadata")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "{mode:o}");
    }
}

#[test]
fn xlsx_needs_an_output_file() {
    let ws = Workspace::new();
    let dir = ws.copy_fixtures(&["复议台账_都匀市_2021-03-12.csv"]);
    ws.ok(["import".as_ref(), dir.as_os_str()]);
    ws.run(["report", "--format", "xlsx"])
        .failure()
        .stderr_has(&["--output"]);
}
