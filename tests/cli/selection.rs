//! The 两包 selection end to end: `clusters` (套案 and 群体性案件), `at-risk` (包案候选)
//! and the ad-hoc filters of `report`, `cases`, `trend` and `due`, on a ledger small
//! enough to count by hand.
//!
//! The ledger, as of 2021-08-31:
//! - six open cases against 都匀市自然资源局 on 征收补偿, three reconsideration cases
//!   (one written 「都匀市 自然资源局」) and three lawsuits, received or filed from
//!   2021-03-01 to 2021-07-01 (122 days) with gaps of 19 to 31 days: one 套案 of 6, no
//!   leader;
//! - one open case of 23 applicants against 都匀市住房和城乡建设局, with a leader: 群体性;
//! - three cases against 都匀市公安局 on 行政处罚 (one closed 撤销, one 维持, one open): too
//!   few for a cluster;
//! - two open high-risk cases against 福泉市市场监督管理局, one with a leader;
//! - an open 行政赔偿 lawsuit against 福泉市人民政府, which lost a 确认违法 judgment in 2020.

use calamine::{Reader, open_workbook_auto};
use serde_json::Value;

use crate::support::Workspace;

const RECONSIDERATION: &str = "\
复议案号,单位,被申请人,申请事项,收到申请日期,受理日期,办结日期,审理结果,包案领导,风险等级,申请人数
都府复〔2021〕1号,都匀市,都匀市自然资源局,征收补偿,2021-03-01,2021-03-03,,,,,
都府复〔2021〕2号,都匀市,都匀市 自然资源局,征收补偿,2021-04-20,2021-04-22,,,,,
都府复〔2021〕3号,都匀市,都匀市自然资源局,征收补偿,2021-06-01,2021-06-03,,,,,
都府复〔2021〕4号,都匀市,都匀市住房和城乡建设局,房屋征收,2021-05-01,2021-05-06,,,副市长 王某,,23
都府复〔2021〕5号,都匀市,都匀市公安局,行政处罚,2021-01-05,2021-01-08,2021-03-01,撤销,,,
都府复〔2021〕6号,都匀市,都匀市公安局,行政处罚,2021-02-01,2021-02-03,2021-04-01,维持,,,
都府复〔2021〕7号,都匀市,都匀市公安局,行政处罚,2021-06-01,2021-06-02,,,,,
福府复〔2021〕1号,福泉市,福泉市市场监督管理局,行政处罚,2021-07-01,2021-07-02,,,,高,
福府复〔2021〕2号,福泉市,福泉市市场监督管理局,行政处罚,2021-07-05,2021-07-06,,,副市长 李某,高,
";

const LITIGATION: &str = "\
案号,审级,法院,单位,被告,案由,立案日期,开庭日期,结案日期,判决结果,包案领导,风险等级,原告人数
(2021)黔2701行初1号,一审,都匀市人民法院,都匀市,都匀市自然资源局,征收补偿,2021-03-20,,,,,,
(2021)黔2701行初2号,一审,都匀市人民法院,都匀市,都匀市自然资源局,征收补偿,2021-05-10,,,,,,
(2021)黔2701行初3号,一审,都匀市人民法院,都匀市,都匀市自然资源局,征收补偿,2021-07-01,,,,,,
(2021)黔2702行初4号,一审,福泉市人民法院,福泉市,福泉市人民政府,行政赔偿,2021-06-15,,,,,,2
(2020)黔2702行初9号,一审,福泉市人民法院,福泉市,福泉市人民政府,房屋征收,2020-03-01,2020-05-10,2020-09-01,确认违法,,,
";

const NATURAL_RESOURCES: [&str; 6] = [
    "都府复〔2021〕1号",
    "(2021)黔2701行初1号",
    "都府复〔2021〕2号",
    "(2021)黔2701行初2号",
    "都府复〔2021〕3号",
    "(2021)黔2701行初3号",
];

fn ledger() -> Workspace {
    let ws = Workspace::new();
    ws.write("in/复议台账_2021-08-31.csv", RECONSIDERATION.as_bytes());
    ws.write("in/应诉台账_2021-08-31.csv", LITIGATION.as_bytes());
    ws.ok(["import", "in"]);
    ws
}

fn json(ws: &Workspace, args: &[&str]) -> Value {
    let mut args = args.to_vec();
    args.extend_from_slice(&["--format", "json"]);
    let stdout = ws.ok(args);
    serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("not JSON ({e}):\n{stdout}"))
}

fn strings(value: &Value) -> Vec<&str> {
    value
        .as_array()
        .unwrap_or_else(|| panic!("not an array: {value}"))
        .iter()
        .map(|v| v.as_str().expect("a string"))
        .collect()
}

#[test]
fn six_similar_open_cases_form_one_cluster_and_23_applicants_a_group_case() {
    let ws = ledger();
    let found = json(&ws, &["clusters"]);
    let clusters = found["clusters"].as_array().expect("clusters");
    assert_eq!(clusters.len(), 2, "{found:#}");

    let similar = &clusters[0];
    assert_eq!(similar["kind"], "similar");
    assert_eq!(similar["agency"], "都匀市自然资源局");
    assert_eq!(similar["matter"], "征收补偿");
    assert_eq!(similar["cases"], 6);
    assert_eq!(similar["open"], 6);
    assert_eq!(strings(&similar["units"]), ["都匀市"]);
    assert_eq!(similar["first"], "2021-03-01");
    assert_eq!(similar["last"], "2021-07-01");
    assert_eq!(similar["lead"], Value::Null);
    assert_eq!(strings(&similar["case_nos"]), NATURAL_RESOURCES);

    let group = &clusters[1];
    assert_eq!(group["kind"], "group");
    assert_eq!(group["agency"], "都匀市住房和城乡建设局");
    assert_eq!(group["cases"], 1);
    assert_eq!(group["parties"], 23);
    assert_eq!(group["lead"], "副市长 王某");
    assert_eq!(strings(&group["case_nos"]), ["都府复〔2021〕4号"]);

    // The three 公安局 cases are in no cluster.
    assert!(!found.to_string().contains("公安局"));
    assert_eq!(
        found["rules"],
        serde_json::json!({"cluster_days": 90, "cluster_min": 5, "group_min": 10})
    );

    // The table names both, and the rules.
    ws.run(["clusters"]).success().stdout_has(&[
        "套案与群体性案件（截至 2021-08-31）",
        "都匀市自然资源局",
        "群体性",
        "cluster_days = 90",
    ]);
}

#[test]
fn the_cluster_rules_are_set_shown_and_change_what_is_found() {
    let ws = ledger();
    ws.run(["rules", "show"]).success().stdout_has(&[
        "cluster_days = 90",
        "cluster_min = 5",
        "group_min = 10",
    ]);
    // At their defaults the report's rules are as before.
    let report = ws.report_json(&[]);
    assert!(report["rules"].get("cluster_min").is_none(), "{report:#}");

    ws.ok(["rules", "set", "cluster_min", "7"]);
    ws.ok(["rules", "set", "group_min", "24"]);
    assert_eq!(json(&ws, &["clusters"])["clusters"], serde_json::json!([]));
    assert_eq!(ws.report_json(&[])["rules"]["cluster_min"], 7);

    ws.ok(["rules", "set", "cluster_min", "6"]);
    // A gap of at most 18 days breaks the chain after the first case (19 days to the next).
    ws.ok(["rules", "set", "cluster_days", "18"]);
    assert_eq!(json(&ws, &["clusters"])["clusters"], serde_json::json!([]));
    ws.ok(["rules", "set", "cluster_days", "31"]);
    assert_eq!(json(&ws, &["clusters"])["clusters"][0]["cases"], 6);

    ws.run(["rules", "set", "cluster_min", "五"])
        .failure()
        .stderr_has(&["`五` is not a cluster_min"]);
}

#[test]
fn at_risk_lists_each_open_case_with_its_reasons() {
    let ws = ledger();
    let found = json(&ws, &["at-risk"]);
    let items = found["items"].as_array().expect("items");
    let reasons = |case_no: &str| -> Vec<&str> {
        let item = items
            .iter()
            .find(|i| i["case_no"] == case_no)
            .unwrap_or_else(|| panic!("{case_no} is not listed: {found:#}"));
        strings(&item["reasons"])
    };
    // The high-risk case without a leader is listed, the one with a leader is not.
    assert_eq!(reasons("福府复〔2021〕1号"), ["unowned_high_risk"]);
    assert!(!found.to_string().contains("福府复〔2021〕2号"));
    // The 行政赔偿 lawsuit against an agency with a 确认违法 judgment the year before.
    assert_eq!(reasons("(2021)黔2702行初4号"), ["damages_after_illegal"]);
    let damages = items
        .iter()
        .find(|i| i["case_no"] == "(2021)黔2702行初4号")
        .expect("listed");
    assert_eq!(damages["kind"], "litigation");
    assert_eq!(damages["unit"], "福泉市");
    assert_eq!(damages["agency"], "福泉市人民政府");
    assert_eq!(damages["lead"], Value::Null);
    // Each case of the cluster no leader owns; not the group case, which has one.
    for case_no in NATURAL_RESOURCES {
        assert_eq!(reasons(case_no), ["unowned_cluster"], "{case_no}");
    }
    assert!(!found.to_string().contains("都府复〔2021〕4号"));
    assert_eq!(items.len(), 8, "{found:#}");

    // As known before the 行政赔偿 lawsuit was filed, it cannot be listed: nothing is as of
    // then, so the command says so.
    ws.run(["at-risk", "--as-of", "2021-08-30"])
        .failure()
        .stderr_has(&["no batch in the ledger is as of 2021-08-30 or earlier"]);
}

#[test]
fn every_format_of_the_selection_names_the_cases() {
    let ws = ledger();
    for command in ["clusters", "at-risk"] {
        for format in ["table", "csv", "markdown", "html"] {
            ws.run([command, "--format", format])
                .success()
                .stdout_has(&["都府复〔2021〕1号"]);
        }
        let path = ws.path().join(format!("{command}.xlsx"));
        ws.ok([
            command,
            "--format",
            "xlsx",
            "--output",
            path.to_str().expect("a path"),
        ]);
        let mut book = open_workbook_auto(&path).expect("a workbook");
        let sheet = book.sheet_names()[0].clone();
        let range = book.worksheet_range(&sheet).expect("the sheet");
        let text: Vec<String> = range.rows().flatten().map(ToString::to_string).collect();
        assert!(
            text.iter().any(|cell| cell.contains("都府复〔2021〕1号")),
            "{command}: {text:?}"
        );
    }
}

#[test]
fn filters_give_the_hand_counts() {
    let ws = ledger();
    // 被申请人 *公安局: the three 都匀市公安局 cases, two closed, one 撤销: 1/2.
    let police = ws.report_json(&["--respondent", "*公安局"]);
    assert_eq!(
        police["filter"],
        serde_json::json!({"respondent": "*公安局"})
    );
    assert_eq!(police["counts"]["received"], 3);
    assert_eq!(police["counts"]["closed"], 2);
    assert_eq!(police["counts"]["corrected"], 1);
    assert_eq!(police["rates"]["correction_rate"]["rate"], 50.0);
    // A 被申请人 is a reconsideration case's: no lawsuit passes.
    assert_eq!(police["counts"]["filed"], 0);
    ws.run(["report", "--respondent", "*公安局"])
        .success()
        .stdout_has(&["行政复议与行政应诉统计（全部单位；被申请人：*公安局）"]);
    ws.run(["report", "--respondent", "*公安局", "--format", "text"])
        .success()
        .stdout_has(&[
            "全州（被申请人：*公安局）行政复议案件收案3件",
            "被纠错率50.00%",
        ]);

    // 案由 征收补偿: three reconsideration cases and three lawsuits, all open.
    let matter = ws.report_json(&["--matter", "征收补偿"]);
    assert_eq!(matter["counts"]["received"], 3);
    assert_eq!(matter["counts"]["filed"], 3);
    assert_eq!(matter["counts"]["closed"], 0);
    // With --unit: 福泉市 has none.
    let none = ws.report_json(&["--matter", "征收补偿", "--unit", "福泉市"]);
    assert_eq!(none["counts"]["received"], 0);
    // Without a filter the JSON has no `filter` at all; the whole ledger: 9 and 4 in 2021.
    let whole = ws.report_json(&[]);
    assert!(whole.get("filter").is_none());
    assert_eq!(whole["counts"]["received"], 9);
    assert_eq!(whole["counts"]["filed"], 4);

    // cases --defendant, spaces and a glob: the three lawsuits against 自然资源局.
    let listed = json(&ws, &["cases", "--defendant", "都匀市 自然资源局"]);
    let numbers: Vec<&str> = listed
        .as_array()
        .expect("cases")
        .iter()
        .map(|c| c["case_no"].as_str().expect("case_no"))
        .collect();
    assert_eq!(
        numbers,
        [
            "(2021)黔2701行初1号",
            "(2021)黔2701行初2号",
            "(2021)黔2701行初3号"
        ]
    );
    let globbed = json(&ws, &["cases", "--defendant", "*自然资源局", "--open"]);
    assert_eq!(globbed.as_array().expect("cases").len(), 3);
    let court = json(&ws, &["cases", "--court", "福泉市*"]);
    assert_eq!(court.as_array().expect("cases").len(), 2);

    // trend and due carry the filter too.
    let trend = json(
        &ws,
        &["trend", "--every", "month", "--respondent", "*公安局"],
    );
    assert_eq!(trend["filter"]["respondent"], "*公安局");
    let points = trend["points"].as_array().expect("points");
    assert_eq!(points.last().expect("a point")["counts"]["closed"], 2);
    let due = json(&ws, &["due", "--on", "2021-08-31", "--matter", "征收补偿"]);
    assert_eq!(due["filter"]["matter"], "征收补偿");
    assert!(
        due["items"]
            .as_array()
            .expect("items")
            .iter()
            .all(|i| !i["case_no"].as_str().expect("case_no").contains("公安")),
    );

    ws.run(["report", "--matter", " "])
        .failure()
        .stderr_has(&["`--matter` needs a name"]);
}

#[test]
fn a_name_in_the_number_of_applicants_is_refused() {
    let ws = Workspace::new();
    let file = RECONSIDERATION.replace(",副市长 王某,,23", ",副市长 王某,,张三、李四");
    ws.write("in/复议台账_2021-08-31.csv", file.as_bytes());
    ws.run(["import", "in"]).failure().stderr_has(&[
        "复议台账_2021-08-31.csv:5",
        "申请人数",
        "`张三、李四` is not a number of people",
    ]);
    assert!(ws.run(["batches"]).stdout().trim().lines().count() <= 1);
}
