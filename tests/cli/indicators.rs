//! The further indicators (维持率, 实质性化解率, 复议后起诉率, 复议诉讼比) reproduce three
//! published 2024 figures, from ledgers whose rows the tests generate; the expected counts
//! are the published ones, the rates the tool's.
//!
//! - 中山市 2024: 审结 2755, 维持 1691 → 61.38%, 实质化解 388 → 14.08%. The 388 under the
//!   default `resolved_outcomes` (the corrected set ∪ 调解, 和解, 改正后终止): 撤销 100,
//!   变更 20, 确认违法 60, 责令履行 20 (被纠错 200), 调解 120, 和解 50, 改正后终止 18. The
//!   rest: 驳回请求 600, 终止 56, 不予受理 20 (2755 in all).
//! - 秀山县 2024: 办结 54 (调解 22, 维持 20, 撤销 5, 驳回请求 7), 调解 22 → 40.74%; three
//!   lawsuits name three of the closed cases in their 复议案号 (brackets written another
//!   way), a fourth names a case the ledger does not hold: 复议后起诉 3 → 5.56%.
//! - 铁岭市 2024: 复议收案 709, 一审收案 240 → 2.95; 2023: 587 and 200 → 2.935, a tie,
//!   2.94. 同比 +0.01 in plain units (relative 0.01 ÷ 2.94 = +0.34%).

use std::fmt::Write as _;

use calamine::{Data, Reader, open_workbook_auto};
use serde_json::{Value, json};

use crate::support::Workspace;

const YEAR_2024: [&str; 4] = ["--from", "2024-01-01", "--to", "2024-12-31"];

/// `n` reconsideration rows of `unit` numbered from `first`, received in `year` and, with
/// an outcome, closed in it.
fn reconsideration_rows(
    csv: &mut String,
    prefix: &str,
    unit: &str,
    year: i32,
    first: u32,
    rows: &[(u32, &str)],
) {
    let mut n = first;
    for (count, outcome) in rows {
        for _ in 0..*count {
            let month = 1 + n % 11;
            let closed = if outcome.is_empty() {
                String::new()
            } else {
                format!("{year}-{:02}-20", month + 1)
            };
            writeln!(
                csv,
                "{prefix}〔{year}〕{n}号,{unit},{year}-{month:02}-03,{year}-{month:02}-05,{closed},{outcome}"
            )
            .expect("write to a string");
            n += 1;
        }
    }
}

const RECONSIDERATION_HEADER: &str = "复议案号,单位,收到申请日期,受理日期,结案日期,结案方式\n";
const LITIGATION_HEADER: &str = "案号,审级,法院,单位,被告,立案日期,复议案号\n";

/// A workspace with one 复议台账 and, when given, one 应诉台账 imported.
fn imported(recon: &str, suits: Option<&str>) -> Workspace {
    let ws = Workspace::new();
    let recon = ws.write("in/复议台账_2025-01-10.csv", recon.as_bytes());
    ws.ok(["import".as_ref(), recon.as_os_str()]);
    if let Some(suits) = suits {
        let suits = ws.write("in/应诉台账_2025-01-10.csv", suits.as_bytes());
        ws.ok(["import".as_ref(), suits.as_os_str()]);
    }
    ws
}

fn report(ws: &Workspace, extra: &[&str]) -> Value {
    let mut args = YEAR_2024.to_vec();
    args.extend_from_slice(extra);
    ws.report_json(&args)
}

fn zhongshan() -> Workspace {
    let mut csv = RECONSIDERATION_HEADER.to_owned();
    let mix = [
        (1691, "维持"),
        (600, "驳回请求"),
        (100, "撤销"),
        (20, "变更"),
        (60, "确认违法"),
        (20, "责令履行"),
        (120, "调解"),
        (50, "和解"),
        (18, "改正后终止"),
        (56, "终止"),
        (20, "不予受理"),
    ];
    reconsideration_rows(&mut csv, "中府复", "中山市", 2024, 1, &mix);
    imported(&csv, None)
}

#[test]
fn zhongshan_maintain_and_resolution_rates() {
    let report = report(&zhongshan(), &[]);
    let counts = &report["counts"];
    assert_eq!(
        (
            &counts["closed"],
            &counts["maintained"],
            &counts["resolved"],
            &counts["corrected"]
        ),
        (&json!(2755), &json!(1691), &json!(388), &json!(200))
    );
    let rates = &report["rates"];
    assert_eq!(
        rates["maintain_rate"],
        json!({"numerator": 1691, "denominator": 2755, "rate": 61.38,
               "previous": {"numerator": 0, "denominator": 0, "rate": null},
               "delta_pp": null, "relative_change": null})
    );
    assert_eq!(rates["resolution_rate"]["rate"], 14.08);
    assert_eq!(rates["resolution_rate"]["numerator"], 388);
    assert_eq!(rates["sued_after_rate"]["rate"], 0.0);
    assert!(
        rates["on_time_rate"].is_object(),
        "按期办结率 stays in rates"
    );
    assert_eq!(
        report["rules"]["resolved_outcomes"],
        json!([
            "撤销",
            "变更",
            "确认违法",
            "确认无效",
            "责令履行",
            "调解",
            "和解",
            "改正后终止"
        ])
    );
    for key in ["maintained", "resolved", "sued_after"] {
        assert_eq!(report["previous_counts"][key], 0, "{key}");
    }
}

#[test]
fn maintain_rate_shares_the_correction_base() {
    // Without 不予受理 the base is 2735: 1691 ÷ 2735 = 61.83%.
    let ws = zhongshan();
    ws.ok(["rules", "set", "correction_base", "accepted_closed"]);
    let report = report(&ws, &[]);
    let rates = &report["rates"];
    assert_eq!(rates["maintain_rate"]["denominator"], 2735);
    assert_eq!(rates["maintain_rate"]["rate"], 61.83);
    assert_eq!(rates["correction_rate"]["denominator"], 2735);
    assert_eq!(rates["resolution_rate"]["denominator"], 2735);
}

/// Removes the keys a change of `corrected_outcomes` may change.
fn without_correction(mut report: Value) -> Value {
    for group in ["counts", "previous_counts"] {
        report[group]
            .as_object_mut()
            .expect("counts")
            .remove("corrected");
    }
    report["rates"]
        .as_object_mut()
        .expect("rates")
        .remove("correction_rate");
    report["rules"]
        .as_object_mut()
        .expect("rules")
        .remove("corrected_outcomes");
    report
}

#[test]
fn counting_terminated_after_correction_as_corrected_changes_the_correction_rate_only() {
    // resolved_outcomes is stored as its own list: the resolution rate stays 14.08%.
    let ws = zhongshan();
    let before = report(&ws, &[]);
    ws.ok([
        "rules",
        "set",
        "corrected_outcomes",
        "撤销,变更,确认违法,确认无效,责令履行,改正后终止",
    ]);
    let after = report(&ws, &[]);
    assert_eq!(before["rates"]["correction_rate"]["rate"], 7.26);
    assert_eq!(after["rates"]["correction_rate"]["numerator"], 218);
    assert_eq!(after["rates"]["correction_rate"]["rate"], 7.91);
    assert_eq!(after["rates"]["resolution_rate"]["rate"], 14.08);
    assert_eq!(without_correction(before), without_correction(after));
}

#[test]
fn rules_show_and_set_resolved_outcomes() {
    let ws = zhongshan();
    ws.run(["rules", "show"])
        .success()
        .stdout_has(&["resolved_outcomes", "改正后终止"]);
    ws.ok(["rules", "set", "resolved_outcomes", "调解、和解"]);
    let report = report(&ws, &[]);
    assert_eq!(report["rates"]["resolution_rate"]["numerator"], 170);
    assert_eq!(
        report["rules"]["resolved_outcomes"],
        json!(["调解", "和解"])
    );
    ws.run(["rules", "set", "resolved_outcomes", "维持原判"])
        .failure()
        .stderr_has(&["`维持原判`", "accepted:"]);
}

#[test]
fn the_narrative_adds_the_sentence_only_when_asked() {
    let ws = zhongshan();
    let mut args = vec!["report"];
    args.extend(YEAR_2024);
    args.extend(["--format", "text"]);
    let plain = ws.ok(&args);
    assert!(!plain.contains("维持率"), "{plain}");
    args.extend(["--with", "maintain_rate,resolution_rate"]);
    let text = ws.ok(&args);
    assert!(
        text.contains("行政复议维持率为61.38%；实质性化解率为14.08%。"),
        "{text}"
    );
}

/// The 秀山县 ledgers: 54 closed cases, three of them named by lawsuits, and a fourth
/// lawsuit naming a case the ledger does not hold (row 5 of the 应诉台账).
fn xiushan() -> (String, String) {
    let mut recon = RECONSIDERATION_HEADER.to_owned();
    let mix = [(20, "维持"), (22, "调解"), (5, "撤销"), (7, "驳回请求")];
    reconsideration_rows(&mut recon, "秀府复", "秀山县", 2024, 1, &mix);
    let mut suits = LITIGATION_HEADER.to_owned();
    for (n, named) in [(1, "1"), (2, "2"), (3, "21")] {
        writeln!(
            suits,
            "(2024)渝0241行初{n}号,一审,秀山县人民法院,秀山县,秀山县某局,2024-11-0{n},秀府复 (2024) {named}号"
        )
        .expect("write to a string");
    }
    suits.push_str(
        "(2024)渝0241行初4号,一审,秀山县人民法院,秀山县,秀山县某局,2024-11-04,秀府复〔2024〕99号\n",
    );
    (recon, suits)
}

#[test]
fn xiushan_mediation_and_sued_after_rates() {
    let (recon, suits) = xiushan();
    let ws = imported(&recon, None);
    let suits = ws.write("in/应诉台账_2025-01-17.csv", suits.as_bytes());
    // The lawsuit naming a case the ledger does not hold is named by file, row, column
    // and value.
    ws.run(["import".as_ref(), suits.as_os_str()])
        .success()
        .stderr_line_has(&[
            "应诉台账_2025-01-17.csv:5:复议案号: warning:",
            "`秀府复〔2024〕99号`",
        ]);
    let figures = report(&ws, &[]);
    assert_eq!(figures["counts"]["closed"], 54);
    assert_eq!(figures["rates"]["mediation_rate"]["rate"], 40.74);
    assert_eq!(
        figures["rates"]["sued_after_rate"],
        json!({"numerator": 3, "denominator": 54, "rate": 5.56,
               "previous": {"numerator": 0, "denominator": 0, "rate": null},
               "delta_pp": null, "relative_change": null})
    );
    assert_eq!(figures["counts"]["sued_after"], 3);

    // The list behind the numerator, and the links both ways in history.
    let mut args = vec![
        "cases",
        "--sued-after",
        "--on",
        "closed",
        "--format",
        "json",
    ];
    args.extend(YEAR_2024);
    let listed: Value = serde_json::from_str(&ws.ok(&args)).expect("JSON");
    let numbers: Vec<&str> = listed
        .as_array()
        .expect("array")
        .iter()
        .map(|c| c["case_no"].as_str().expect("case_no"))
        .collect();
    assert_eq!(
        numbers,
        [
            "秀府复〔2024〕1号",
            "秀府复〔2024〕2号",
            "秀府复〔2024〕21号"
        ]
    );
    ws.run(["history", "秀府复〔2024〕21号"])
        .success()
        .stdout_has(&["named by lawsuits", "(2024)渝0241行初3号"]);
    let history: Value =
        serde_json::from_str(&ws.ok(["history", "秀府复(2024)1号", "--format", "json"]))
            .expect("JSON");
    assert_eq!(history[0]["named_by"], json!(["(2024)渝0241行初1号"]));
    ws.run(["history", "(2024)渝0241行初3号"])
        .success()
        .stdout_has(&["reconsideration_no", "21号"]);

    // As known before the lawsuits, and once their batch is undone: none sued after.
    let then = report_as_of(&ws, "2025-01-10");
    assert_eq!(then["rates"]["sued_after_rate"]["numerator"], 0);
    let batches: Value =
        serde_json::from_str(&ws.ok(["batches", "--format", "json"])).expect("JSON");
    let last = batches
        .as_array()
        .and_then(|b| b.last())
        .and_then(|b| b["id"].as_i64())
        .expect("a batch");
    ws.ok(["undo", &last.to_string()]);
    assert_eq!(report(&ws, &[])["counts"]["sued_after"], 0);
}

fn report_as_of(ws: &Workspace, as_of: &str) -> Value {
    report(ws, &["--as-of", as_of])
}

#[test]
fn a_link_written_before_its_case_counts_once_the_case_arrives() {
    // The 应诉台账 before the 复议台账 in one import: links are checked once every file
    // is written, so only the case that never arrives is warned about.
    let (recon, suits) = xiushan();
    let ws = Workspace::new();
    let suits_path = ws.write("in/应诉台账_2025-01-10.csv", suits.as_bytes());
    let recon_path = ws.write("in/复议台账_2025-01-10.csv", recon.as_bytes());
    let run = ws
        .run([
            "import".as_ref(),
            suits_path.as_os_str(),
            recon_path.as_os_str(),
        ])
        .success()
        .stderr_has(&["`秀府复〔2024〕99号`"]);
    assert_eq!(
        run.stderr().matches("is no reconsideration case").count(),
        1,
        "{}",
        run.stderr()
    );
    assert_eq!(report(&ws, &[])["counts"]["sued_after"], 3);
}

fn tieling() -> Workspace {
    let mut recon = RECONSIDERATION_HEADER.to_owned();
    reconsideration_rows(&mut recon, "铁府复", "铁岭市", 2024, 1, &[(709, "")]);
    reconsideration_rows(&mut recon, "铁府复", "铁岭市", 2023, 1, &[(587, "")]);
    let mut suits = LITIGATION_HEADER.to_owned();
    for (year, count) in [(2024, 240), (2023, 200)] {
        for n in 1..=count {
            writeln!(
                suits,
                "({year})辽12行初{n}号,一审,铁岭市中级人民法院,铁岭市,铁岭市某局,{year}-{:02}-10,",
                1 + n % 12
            )
            .expect("write to a string");
        }
    }
    imported(&recon, Some(&suits))
}

#[test]
fn tieling_reconsideration_litigation_ratio() {
    let ws = tieling();
    let report = report(&ws, &[]);
    assert_eq!(
        report["rates"]["reconsideration_litigation_ratio"],
        json!({"numerator": 709, "denominator": 240, "rate": 2.95,
               "previous": {"numerator": 587, "denominator": 200, "rate": 2.94},
               "delta_pp": 0.01, "relative_change": 0.34})
    );
    let mut args = vec!["report"];
    args.extend(YEAR_2024);
    let table = ws.ok(&args);
    assert!(table.contains("2.95 (709/240)"), "{table}");
    assert!(table.contains("上升 0.01 │"), "plain units: {table}");
    assert!(
        !table.contains("2.95%"),
        "a ratio, not a percentage: {table}"
    );
    // The first screen is the 三率: the block comes after the summary table.
    let summary = table.find("行政复议调解成功率").expect("summary");
    assert!(table.find("其他指标").expect("block") > summary, "{table}");

    args.extend(["--format", "markdown"]);
    let markdown = ws.ok(&args);
    assert!(
        markdown.contains("| 复议诉讼比 | 2.95 (709/240) | 2.94 (587/200) | 上升 0.01 |"),
        "{markdown}"
    );
    let mut args = vec!["report"];
    args.extend(YEAR_2024);
    args.extend(["--format", "csv", "--lang", "en"]);
    let csv = ws.ok(&args);
    assert!(
        csv.contains("reconsideration_litigation_ratio,2.95,2.94,0.01,0.34,709,240,587,200"),
        "{csv}"
    );
    let mut args = vec!["report"];
    args.extend(YEAR_2024);
    args.extend(["--format", "html"]);
    let html = ws.ok(&args);
    let section = html.find("其他指标").expect("a section of its own");
    assert!(
        section > html.find("统计表").expect("the table"),
        "after the 三率"
    );
    assert!(html[section..].contains("2.95"), "{html}");
}

#[test]
fn the_workbook_shows_the_ratio_as_a_plain_number() {
    let ws = tieling();
    let path = ws.path().join("report.xlsx");
    let mut args = vec!["report"];
    args.extend(YEAR_2024);
    let path_text = path.to_string_lossy().into_owned();
    args.extend(["--format", "xlsx", "--output", &path_text]);
    ws.ok(&args);
    let mut book = open_workbook_auto(&path).expect("workbook");
    let sheet = book.worksheet_range("汇总").expect("汇总");
    let row = sheet
        .rows()
        .find(|row| row.first() == Some(&Data::String("复议诉讼比".into())))
        .expect("a 复议诉讼比 row");
    assert_eq!(row[1], Data::Float(2.95));
    assert_eq!(row[2], Data::Float(2.94));
    assert_eq!(row[3], Data::Float(0.01));
    let maintain = sheet
        .rows()
        .find(|row| row.first() == Some(&Data::String("行政复议维持率".into())))
        .expect("a 维持率 row");
    assert_eq!(maintain[1], Data::String("—".into()), "no case closed");
}
