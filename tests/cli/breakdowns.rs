//! `report --by matter|respondent|defendant|court`: rows that add up to the whole, one row
//! per agency however its name is spelled, the （未填） row, ranking, and every format.
//!
//! The ledger is written here, small enough to count by hand: six reconsideration cases
//! and four lawsuits of 2021, one of each in 2020.

use calamine::{Data, Reader, open_workbook_auto};
use serde_json::Value;

use crate::reference::KEYS;
use crate::support::{Workspace, count};

const RECONSIDERATION: &str = "\
复议案号,单位,申请人,被申请人,申请事项,收到申请日期,受理日期,办结日期,审理结果,是否纠错,备注
都府复〔2021〕1号,都匀市,王某,都匀市公安局,行政处罚,2021-01-05,2021-01-08,2021-03-01,撤销,,
都府复〔2021〕2号,都匀市,李某,都匀市\u{3000}公安局,行政处罚,2021-02-01,2021-02-03,2021-04-01,维持,,
都府复〔2021〕3号,福泉市,张某,都匀市 公安局 ,,2021-02-10,2021-02-12,2021-04-20,维持,,
都府复〔2021〕4号,福泉市,赵某,福泉市公安局（交警大队）,政府信息公开,2021-03-01,2021-03-02,2021-05-10,调解,,
都府复〔2021〕5号,福泉市,钱某,福泉市公安局(交警大队),行政处罚,2021-04-01,,,,,
都府复〔2021〕6号,都匀市,孙某,,政府信息公开,2021-05-01,2021-05-06,2021-06-01,驳回申请,,
都府复〔2020〕9号,都匀市,赵某,都匀市公安局,行政强制,2020-02-01,2020-02-03,2020-04-01,维持,,
";

const LITIGATION: &str = "\
案号,审级,法院,单位,原告,第三人,被告,案由,立案日期,开庭日期,行政机关负责人是否出庭,出庭负责人,出庭负责人职务,结案日期,判决结果,是否败诉
（2021）黔2701行初1号,,都匀市人民法院,都匀市,钱某,,都匀市人民政府,行政处罚,2021-01-10,2021-02-01,是,张某,副市长,2021-03-01,撤销,
（2021）黔2701行初2号,,都匀市人民法院,福泉市,孙某,,福泉市公安局,行政处罚,2021-01-11,2021-02-02,否,,,2021-03-02,驳回诉讼请求,
（2021）黔2701行初3号,,都匀市 人民法院,福泉市,周某,,福泉市自然资源局,政府信息公开,2021-01-12,2021-03-01,是,李某,局长,2021-04-20,确认违法,
（2021）黔2701行初4号,,,都匀市,吴某,,都匀市人民政府,,2021-02-12,,,,,2021-05-01,撤诉,
（2020）黔2701行初9号,,都匀市人民法院,都匀市,郑某,,都匀市人民政府,行政处罚,2020-03-01,2020-04-01,是,王某,市长,2020-05-01,撤销,
";

const PERIOD: [&str; 4] = ["--from", "2021-01-01", "--to", "2021-06-30"];

/// A workspace with both ledgers imported.
fn ledger() -> Workspace {
    let ws = Workspace::new();
    ws.write("in/复议台账_2021-06-30.csv", RECONSIDERATION.as_bytes());
    ws.write("in/应诉台账_2021-06-30.csv", LITIGATION.as_bytes());
    ws.ok(["import", "in"]);
    ws
}

fn report(ws: &Workspace, extra: &[&str]) -> Value {
    let mut args = PERIOD.to_vec();
    args.extend_from_slice(extra);
    ws.report_json(&args)
}

fn rows(report: &Value) -> &Vec<Value> {
    report["rows"].as_array().expect("rows")
}

/// The rows' names under `key`, in order.
fn names<'a>(report: &'a Value, key: &str) -> Vec<&'a str> {
    rows(report)
        .iter()
        .map(|row| {
            row[key]
                .as_str()
                .unwrap_or_else(|| panic!("no {key} in {row}"))
        })
        .collect()
}

fn row<'a>(report: &'a Value, key: &str, name: &str) -> &'a Value {
    rows(report)
        .iter()
        .find(|row| row[key] == name)
        .unwrap_or_else(|| panic!("no row {name} in {report:#}"))
}

/// The sum of every row's `group.key`.
fn row_sum(report: &Value, group: &str, key: &str) -> u64 {
    rows(report)
        .iter()
        .map(|r| r[group][key].as_u64().expect("count"))
        .sum()
}

#[test]
fn matter_rows_add_up_to_the_whole() {
    let ws = ledger();
    let report = report(&ws, &["--by", "matter"]);
    // By name, the cases without a 案由 last; 行政强制 for its 2020 case.
    assert_eq!(
        names(&report, "matter"),
        ["政府信息公开", "行政处罚", "行政强制", "（未填）"]
    );
    for group in ["counts", "previous_counts"] {
        for key in KEYS {
            assert_eq!(
                row_sum(&report, group, key),
                count(&report, group, key),
                "{group}.{key}"
            );
        }
    }
    // Hand counts: 3号 (复议) and 4号 (应诉) have no 案由.
    let unfilled = row(&report, "matter", "（未填）");
    assert_eq!(count(unfilled, "counts", "received"), 1);
    assert_eq!(count(unfilled, "counts", "filed"), 1);
    assert_eq!(count(unfilled, "counts", "first_instance_closed"), 1);
    let penalties = row(&report, "matter", "行政处罚");
    assert_eq!(count(penalties, "counts", "received"), 3);
    assert_eq!(count(penalties, "counts", "lost"), 1);
    assert_eq!(penalties["rates"]["loss_rate"]["rate"], 50.0);
    assert_eq!(count(&report, "counts", "received"), 6);
    assert_eq!(count(&report, "counts", "filed"), 4);
    assert!(report.get("unit").is_some() && rows(&report)[0].get("unit").is_none());
}

#[test]
fn spellings_of_one_respondent_share_a_row() {
    let ws = ledger();
    let report = report(&ws, &["--by", "respondent"]);
    assert_eq!(
        names(&report, "respondent"),
        ["福泉市公安局(交警大队)", "都匀市公安局", "（未填）"]
    );
    let police = row(&report, "respondent", "都匀市公安局");
    assert_eq!(count(police, "counts", "received"), 3);
    assert_eq!(count(police, "counts", "corrected"), 1);
    assert_eq!(count(police, "previous_counts", "closed"), 1);
    assert_eq!(
        count(
            row(&report, "respondent", "福泉市公安局(交警大队)"),
            "counts",
            "mediated"
        ),
        1
    );
    // Reconsideration counts add up; lawsuits are in no row, only in the total.
    for key in [
        "received",
        "accepted",
        "not_accepted",
        "closed",
        "corrected",
        "mediated",
    ] {
        assert_eq!(
            row_sum(&report, "counts", key),
            count(&report, "counts", key),
            "{key}"
        );
    }
    assert_eq!(row_sum(&report, "counts", "filed"), 0);
    assert_eq!(count(&report, "counts", "filed"), 4);
}

#[test]
fn rows_rank_by_a_rate_worst_first() {
    let ws = ledger();
    let ranked = report(&ws, &["--by", "defendant", "--sort", "loss_rate"]);
    // 败诉率: 自然资源局 1/1, 人民政府 1/2, 公安局 0/1.
    assert_eq!(
        names(&ranked, "defendant"),
        ["福泉市自然资源局", "都匀市人民政府", "福泉市公安局"]
    );
    let by_name = report(&ws, &["--by", "defendant", "--sort", "unit"]);
    assert_eq!(
        names(&by_name, "defendant"),
        ["福泉市公安局", "福泉市自然资源局", "都匀市人民政府"]
    );
    let by_count = report(&ws, &["--by", "respondent", "--sort", "received"]);
    assert_eq!(names(&by_count, "respondent")[0], "都匀市公安局");
}

#[test]
fn court_rows_take_lawsuits_only() {
    let ws = ledger();
    let report = report(&ws, &["--by", "court"]);
    assert_eq!(names(&report, "court"), ["都匀市人民法院", "（未填）"]);
    let court = row(&report, "court", "都匀市人民法院");
    assert_eq!(count(court, "counts", "first_instance_closed"), 3);
    assert_eq!(count(court, "counts", "lost"), 2);
    assert_eq!(count(court, "counts", "heard"), 3);
    assert_eq!(count(court, "counts", "head_appeared"), 2);
    assert_eq!(count(court, "previous_counts", "lost"), 1);
    assert_eq!(count(court, "counts", "received"), 0);
    for key in [
        "filed",
        "first_instance_closed",
        "lost",
        "heard",
        "head_appeared",
    ] {
        assert_eq!(
            row_sum(&report, "counts", key),
            count(&report, "counts", key),
            "{key}"
        );
    }
}

#[test]
fn every_format_names_the_breakdown() {
    let ws = ledger();
    let run = |extra: &[&str]| {
        let mut args = vec!["report"];
        args.extend_from_slice(&PERIOD);
        args.extend_from_slice(extra);
        ws.ok(args)
    };
    let csv = run(&["--by", "matter", "--format", "csv"]);
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
    assert!(lines[0].starts_with("案由,行政复议收案,"), "{csv}");
    assert!(lines.iter().any(|l| l.starts_with("（未填）,1,")), "{csv}");
    assert!(
        lines.last().is_some_and(|l| l.starts_with("合计,6,")),
        "{csv}"
    );

    let markdown = run(&["--by", "court", "--format", "markdown"]);
    assert!(markdown.contains("| 法院 | 纠错率 |"), "{markdown}");
    assert!(markdown.contains("| 都匀市人民法院 |"), "{markdown}");

    let table = run(&["--by", "respondent", "--lang", "en"]);
    assert!(table.contains("Respondent"), "{table}");

    let html = run(&["--by", "defendant", "--format", "html"]);
    assert!(html.contains("分被告明细"), "no rows section");
    assert!(html.contains("分被告排名"), "no ranking");
    assert!(html.contains("福泉市自然资源局"));

    let path = ws.path().join("matters.xlsx");
    let path_text = path.to_str().expect("a UTF-8 path");
    run(&["--by", "matter", "--format", "xlsx", "--output", path_text]);
    let mut book = open_workbook_auto(&path).expect("open the workbook");
    assert_eq!(book.sheet_names(), ["汇总", "分案由", "趋势"]);
    let sheet = book.worksheet_range("分案由").expect("the 分案由 sheet");
    let row = sheet
        .rows()
        .find(|row| row.first() == Some(&Data::String("行政处罚".into())))
        .expect("a 行政处罚 row");
    // 纠错率 this period: 1 corrected of 2 closed.
    assert_eq!(row.get(1), Some(&Data::Float(50.0)), "{row:?}");
}

#[test]
fn unit_rows_keep_their_shape() {
    let ws = ledger();
    let report = report(&ws, &["--by", "unit"]);
    assert_eq!(names(&report, "unit"), ["福泉市", "都匀市"]);
    assert!(rows(&report)[0].get("matter").is_none());
    let keys = crate::support::keys(&rows(&report)[0]);
    assert_eq!(
        keys,
        [
            "unit",
            "counts",
            "previous_counts",
            "rates",
            "deadlines",
            "previous_deadlines"
        ]
    );
}

#[test]
fn sort_needs_a_known_key() {
    let ws = ledger();
    ws.run(["report", "--by", "matter", "--sort", "nonsense"])
        .failure()
        .stderr_has(&["cannot sort by `nonsense`"]);
    ws.run(["report", "--by", "party"]).failure();
}
