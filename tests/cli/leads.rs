//! `leads`, the monthly 调度 sheet of 包案, over weekly snapshots this file writes: two
//! leaders' cases in July and August, progress rewritten from week to week, and a
//! September week that must not leak into August's sheet.
//!
//! Hand reading of August (as known on 2021-08-31):
//! - 王某: 11号 调解 on 08-25 (化解), 12号 撤销 on 08-20 (纠错), 行初31号 撤销 on 08-18
//!   (败诉); 9号 closed in July is not listed.
//! - 李某: 13号 still open, accepted 06-01, so its decision was due 08-02 (60 days end on
//!   Saturday 07-31) and is overdue; 15号 驳回 on 08-24 (维持/驳回); 行初32号 撤诉 on
//!   08-12 (化解).
//! - 14号 has no leader until September (赵某).
//!
//! Progress in August: 11号 08-13 and 08-27; 12号 only 08-27 (on 08-13 its risk changed but
//! its progress was July's); 13号 only 08-13 (08-27 changed its risk, not its progress).

use calamine::{Data, DataType, Reader, open_workbook_auto};
use serde_json::Value;

use crate::support::Workspace;

const RECONSIDERATION: &str =
    "案号,单位,被申请人,收案日期,受理日期,结案日期,结案方式,包案领导,责任单位,风险等级,化解进展\n";
const LITIGATION: &str = "案号,审级,法院,单位,被告,立案日期,开庭日期,负责人出庭,结案日期,裁判结果,包案领导,责任单位,风险等级,化解进展\n";

const R9: &str = "都府复〔2021〕9号,都匀市,都匀市市场监督管理局,2021-05-06,2021-05-08,2021-07-20,维持,王某,都匀市市场监管局,低,已向申请人释法说理\n";
const R14: &str =
    "都府复〔2021〕14号,都匀市,都匀市人力资源和社会保障局,2021-07-10,2021-07-12,,,,,,\n";

/// (file name, rows after the header) of each week's snapshot.
const JULY: [(&str, &str); 2] = [
    (
        "复议台账_都匀市_2021-07-30.csv",
        "都府复〔2021〕11号,都匀市,都匀市自然资源局,2021-07-01,2021-07-05,,,王某,都匀市自然资源局,高,已约谈申请人\n\
         都府复〔2021〕12号,都匀市,都匀市公安局,2021-07-02,2021-07-06,,,王某,都匀市公安局,中,已调取证据\n\
         都府复〔2021〕13号,都匀市,都匀市住房和城乡建设局,2021-05-28,2021-06-01,,,李某,都匀市住建局,低,组织听证\n",
    ),
    (
        "应诉台账_都匀市_2021-07-30.csv",
        "(2021)黔2701行初31号,一审,都匀市人民法院,都匀市,都匀市自然资源局,2021-05-10,2021-07-15,是,,,王某,都匀市自然资源局,高,准备答辩材料\n",
    ),
];

const AUGUST: [(&str, &str); 3] = [
    (
        "复议台账_都匀市_2021-08-13.csv",
        "都府复〔2021〕11号,都匀市,都匀市自然资源局,2021-07-01,2021-07-05,,,王某,都匀市自然资源局,高,申请人同意调解\n\
         都府复〔2021〕12号,都匀市,都匀市公安局,2021-07-02,2021-07-06,,,王某,都匀市公安局,高,已调取证据\n\
         都府复〔2021〕13号,都匀市,都匀市住房和城乡建设局,2021-05-28,2021-06-01,,,李某,都匀市住建局,低,听证后拟维持\n\
         都府复〔2021〕15号,都匀市,都匀市教育局,2021-08-10,2021-08-11,,,李某,都匀市教育局,低,已告知被申请人答复\n",
    ),
    (
        "复议台账_都匀市_2021-08-27.csv",
        "都府复〔2021〕11号,都匀市,都匀市自然资源局,2021-07-01,2021-07-05,2021-08-25,调解,王某,都匀市自然资源局,高,已达成调解协议\n\
         都府复〔2021〕12号,都匀市,都匀市公安局,2021-07-02,2021-07-06,2021-08-20,撤销,王某,都匀市公安局,高,复议决定撤销原处罚决定\n\
         都府复〔2021〕13号,都匀市,都匀市住房和城乡建设局,2021-05-28,2021-06-01,,,李某,都匀市住建局,中,听证后拟维持\n\
         都府复〔2021〕15号,都匀市,都匀市教育局,2021-08-10,2021-08-11,2021-08-24,驳回,李某,都匀市教育局,低,申请人已服判息诉\n",
    ),
    (
        "应诉台账_都匀市_2021-08-27.csv",
        "(2021)黔2701行初31号,一审,都匀市人民法院,都匀市,都匀市自然资源局,2021-05-10,2021-07-15,是,2021-08-18,撤销,王某,都匀市自然资源局,高,庭后与原告沟通未果\n\
         (2021)黔2701行初32号,一审,都匀市人民法院,都匀市,都匀市公安局,2021-06-01,,,2021-08-12,撤诉,李某,都匀市公安局,中,原告撤诉\n",
    ),
];

/// 13号 closed as 撤销 and 14号 given a leader, both in September.
const SEPTEMBER: (&str, &str) = (
    "复议台账_都匀市_2021-09-10.csv",
    "都府复〔2021〕13号,都匀市,都匀市住房和城乡建设局,2021-05-28,2021-06-01,2021-09-06,撤销,李某,都匀市住建局,中,已撤销原行政行为\n\
     都府复〔2021〕14号,都匀市,都匀市人力资源和社会保障局,2021-07-10,2021-07-12,,,赵某,都匀市人社局,中,新增包案并约谈\n",
);

/// Writes a week's file under `dir/` with its header; the reconsideration snapshots also
/// carry 9号, and 14号 unless the week changes it.
fn write_week(ws: &Workspace, dir: &str, (name, rows): (&str, &str)) {
    let r14 = if rows.contains("〔2021〕14号") {
        ""
    } else {
        R14
    };
    let text = if name.starts_with("复议") {
        format!("{RECONSIDERATION}{R9}{rows}{r14}")
    } else {
        format!("{LITIGATION}{rows}")
    };
    ws.write(&format!("{dir}/{name}"), text.as_bytes());
}

/// A ledger of July's and August's weeks.
fn summer() -> Workspace {
    let ws = Workspace::new();
    for week in JULY.into_iter().chain(AUGUST) {
        write_week(&ws, "in", week);
    }
    ws.ok(["import", "in"]);
    ws
}

fn sheet(ws: &Workspace, extra: &[&str]) -> Value {
    let mut args = vec!["leads", "--format", "json"];
    args.extend_from_slice(extra);
    let stdout = ws.ok(args);
    serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("leads is not JSON ({e}):\n{stdout}"))
}

fn leaders(sheet: &Value) -> Vec<&str> {
    sheet["leads"]
        .as_array()
        .unwrap_or_else(|| panic!("no leads in {sheet:#}"))
        .iter()
        .map(|l| l["lead"].as_str().unwrap_or_default())
        .collect()
}

/// A leader's entry.
fn lead<'a>(sheet: &'a Value, name: &str) -> &'a Value {
    sheet["leads"]
        .as_array()
        .and_then(|leads| leads.iter().find(|l| l["lead"] == name))
        .unwrap_or_else(|| panic!("no leader {name} in {sheet:#}"))
}

/// A leader's cases as (case number, status, outcome, result).
fn cases(entry: &Value) -> Vec<(String, String, String, String)> {
    let text = |v: &Value| v.as_str().unwrap_or("-").to_owned();
    entry["cases"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|c| {
            (
                text(&c["case_no"]),
                text(&c["status"]),
                text(&c["outcome"]),
                text(&c["result"]),
            )
        })
        .collect()
}

#[track_caller]
fn listed(entry: &Value, expected: &[(&str, &str, &str, &str)]) {
    let expected: Vec<(String, String, String, String)> = expected
        .iter()
        .map(|(a, b, c, d)| ((*a).into(), (*b).into(), (*c).into(), (*d).into()))
        .collect();
    assert_eq!(cases(entry), expected, "{entry:#}");
}

/// A case of a leader by its number.
fn case<'a>(entry: &'a Value, case_no: &str) -> &'a Value {
    entry["cases"]
        .as_array()
        .and_then(|cases| cases.iter().find(|c| c["case_no"] == case_no))
        .unwrap_or_else(|| panic!("no case {case_no} in {entry:#}"))
}

/// A case's progress as `as_of text` lines.
fn progress(case: &Value) -> Vec<String> {
    case["progress"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|p| {
            format!(
                "{} {}",
                p["as_of"].as_str().unwrap_or_default(),
                p["text"].as_str().unwrap_or_default()
            )
        })
        .collect()
}

#[test]
fn august_lists_each_leader_s_open_and_closed_cases_with_how_they_ended() {
    let ws = summer();
    // The default month is the latest as-of date's.
    let august = sheet(&ws, &[]);
    assert_eq!(august["month"], "2021-08");
    assert_eq!(august["as_of"], "2021-08-27");
    assert_eq!(august["checked_on"], "2021-08-31");
    assert_eq!(august["lead"], Value::Null);
    assert_eq!(leaders(&august), ["李某", "王某"]);

    // Open first, then by risk; 9号 (closed in July) and 14号 (no leader) are not listed.
    listed(
        lead(&august, "王某"),
        &[
            ("都府复〔2021〕11号", "closed", "调解", "resolved"),
            ("都府复〔2021〕12号", "closed", "撤销", "corrected"),
            ("(2021)黔2701行初31号", "closed", "撤销", "lost"),
        ],
    );
    listed(
        lead(&august, "李某"),
        &[
            ("都府复〔2021〕13号", "open", "-", "-"),
            ("(2021)黔2701行初32号", "closed", "撤诉", "resolved"),
            ("都府复〔2021〕15号", "closed", "驳回请求", "upheld"),
        ],
    );
    let wang = lead(&august, "王某");
    assert_eq!(
        wang["summary"],
        serde_json::json!({"cases": 3, "open": 0, "closed": 3, "resolved": 1,
                           "corrected": 1, "lost": 1, "upheld": 0, "overdue": 0,
                           "documents": {"listed": 0, "open": 0, "replied": 0, "rectified": 0},
                           "disputes": {"listed": 0, "open": 0, "ended": 0, "resolved": 0}})
    );
    assert_eq!(
        lead(&august, "李某")["summary"],
        serde_json::json!({"cases": 3, "open": 1, "closed": 2, "resolved": 1,
                           "corrected": 0, "lost": 0, "upheld": 1, "overdue": 1,
                           "documents": {"listed": 0, "open": 0, "replied": 0, "rectified": 0},
                           "disputes": {"listed": 0, "open": 0, "ended": 0, "resolved": 0}})
    );
    let suit = case(wang, "(2021)黔2701行初31号");
    assert_eq!(suit["kind"], "litigation");
    assert_eq!(suit["instance"], "一审");
    assert_eq!(suit["closed_on"], "2021-08-18");
    let mediated = case(wang, "都府复〔2021〕11号");
    assert_eq!(mediated["kind"], "reconsideration");
    assert_eq!(mediated["unit"], "都匀市");
    assert_eq!(mediated["owner_unit"], "都匀市自然资源局");
    assert_eq!(mediated["risk"], "高");
}

#[test]
fn only_the_month_s_progress_appears_in_order_and_once() {
    let ws = summer();
    let august = sheet(&ws, &["--month", "2021-08"]);
    let wang = lead(&august, "王某");
    assert_eq!(
        progress(case(wang, "都府复〔2021〕11号")),
        ["2021-08-13 申请人同意调解", "2021-08-27 已达成调解协议"]
    );
    // July's text carried into August's versions unchanged is not August's progress.
    assert_eq!(
        progress(case(wang, "都府复〔2021〕12号")),
        ["2021-08-27 复议决定撤销原处罚决定"]
    );
    let li = lead(&august, "李某");
    assert_eq!(
        progress(case(li, "都府复〔2021〕13号")),
        ["2021-08-13 听证后拟维持"]
    );
    let text = serde_json::to_string(&august).unwrap_or_default();
    for july in ["已约谈申请人", "组织听证", "准备答辩材料"] {
        assert!(
            !text.contains(july),
            "July's `{july}` in August: {august:#}"
        );
    }

    let july = sheet(&ws, &["--month", "2021年7月"]);
    assert_eq!(july["as_of"], "2021-07-30");
    assert_eq!(
        progress(case(lead(&july, "王某"), "都府复〔2021〕11号")),
        ["2021-07-30 已约谈申请人"]
    );
    // Closed in July: on July's sheet, not August's.
    assert_eq!(
        case(lead(&july, "王某"), "都府复〔2021〕9号")["result"],
        "upheld"
    );
}

#[test]
fn an_open_case_past_its_decision_deadline_is_overdue_at_the_month_end() {
    let ws = summer();
    let august = sheet(&ws, &["--month", "2021-08"]);
    assert_eq!(
        case(lead(&august, "李某"), "都府复〔2021〕13号")["overdue"],
        serde_json::json!([{"item": "decision", "date": "2021-08-02"}])
    );
    // At July's end the deadline had not passed yet.
    let july = sheet(&ws, &["--month", "2021-07"]);
    assert_eq!(july["checked_on"], "2021-07-31");
    assert_eq!(
        case(lead(&july, "李某"), "都府复〔2021〕13号")["overdue"],
        serde_json::json!([])
    );
}

#[test]
fn lead_keeps_one_leader_and_warns_of_a_name_nobody_has() {
    let ws = summer();
    let wang = sheet(&ws, &["--month", "2021-08", "--lead", "王某"]);
    assert_eq!(wang["lead"], "王某");
    assert_eq!(leaders(&wang), ["王某"]);
    assert_eq!(
        lead(&wang, "王某")["cases"].as_array().map(Vec::len),
        Some(3)
    );

    let run = ws
        .run([
            "leads", "--month", "2021-08", "--lead", "赵某", "--format", "json",
        ])
        .success()
        .stderr_has(&["赵某", "李某、王某"]);
    let none: Value = serde_json::from_str(&run.stdout()).unwrap_or_default();
    assert_eq!(none["leads"], serde_json::json!([]));
}

#[test]
fn a_month_is_read_as_known_at_its_end() {
    let ws = summer();
    let before = ws.ok(["leads", "--month", "2021-08", "--format", "json"]);
    write_week(&ws, "later", SEPTEMBER);
    ws.ok(["import", "later"]);
    let after = ws.ok(["leads", "--month", "2021-08", "--format", "json"]);
    assert_eq!(after, before, "a September week changed August's sheet");

    // September's own sheet (now the default) has them.
    let september = sheet(&ws, &[]);
    assert_eq!(september["month"], "2021-09");
    assert_eq!(leaders(&september), ["李某", "赵某"]);
    listed(
        lead(&september, "李某"),
        &[("都府复〔2021〕13号", "closed", "撤销", "corrected")],
    );
    // 14号, accepted 07-12, had its decision due on Friday 09-10.
    assert_eq!(
        case(lead(&september, "赵某"), "都府复〔2021〕14号")["overdue"],
        serde_json::json!([{"item": "decision", "date": "2021-09-10"}])
    );
}

#[test]
fn the_workbook_has_a_row_per_case_under_its_leader() {
    let ws = summer();
    ws.run(["leads", "--month", "2021-08", "--format", "xlsx"])
        .failure()
        .stderr_has(&["--output"]);
    let path = ws.path().join("包案调度_2021-08.xlsx");
    ws.ok([
        "leads".as_ref(),
        "--month".as_ref(),
        "2021-08".as_ref(),
        "--format".as_ref(),
        "xlsx".as_ref(),
        "--output".as_ref(),
        path.as_os_str(),
    ]);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).map(|m| m.permissions().mode() & 0o777);
        assert_eq!(mode.ok(), Some(0o600), "the workbook is its owner's only");
    }
    let mut book = open_workbook_auto(&path).expect("open the workbook");
    assert_eq!(book.sheet_names(), ["包案调度"]);
    let range = book.worksheet_range("包案调度").expect("the sheet");
    let rows: Vec<&[Data]> = range.rows().collect();
    let header = rows
        .iter()
        .position(|r| r.first().and_then(DataType::get_string) == Some("包案领导"))
        .unwrap_or_else(|| panic!("no header row in {rows:?}"));
    let column = |name: &str| {
        rows[header]
            .iter()
            .position(|c| c.get_string() == Some(name))
            .unwrap_or_else(|| panic!("no column {name} in {:?}", rows[header]))
    };
    let (no, result, closed_on, progress) = (
        column("案号"),
        column("结果"),
        column("结案日期"),
        column("本月化解进展"),
    );
    let cases: Vec<&[Data]> = rows[header + 1..]
        .iter()
        .copied()
        .take_while(|r| r.get(no).and_then(DataType::get_string).is_some())
        .collect();
    let leads: Vec<&str> = cases
        .iter()
        .filter_map(|r| r.first().and_then(DataType::get_string))
        .collect();
    assert_eq!(leads, ["李某", "李某", "李某", "王某", "王某", "王某"]);
    let row = |case_no: &str| {
        cases
            .iter()
            .find(|r| r.get(no).and_then(DataType::get_string) == Some(case_no))
            .unwrap_or_else(|| panic!("no row {case_no} in {cases:?}"))
    };
    let mediated = row("都府复〔2021〕11号");
    assert_eq!(mediated[result].get_string(), Some("化解"));
    assert_eq!(
        mediated[closed_on].as_date(),
        chrono::NaiveDate::from_ymd_opt(2021, 8, 25),
        "a date cell"
    );
    assert_eq!(
        mediated[progress].get_string(),
        Some("2021-08-13 申请人同意调解\n2021-08-27 已达成调解协议")
    );
    assert_eq!(
        row("(2021)黔2701行初31号")[result].get_string(),
        Some("败诉")
    );
}

#[test]
fn the_page_has_a_section_per_leader() {
    let ws = summer();
    let html = ws.ok(["leads", "--month", "2021-08", "--format", "html"]);
    assert!(html.starts_with("<!DOCTYPE html>"), "{html}");
    assert_eq!(html.matches("<section").count(), 2, "{html}");
    let li = html.find("<h2>李某</h2>").expect("李某's section");
    let wang = html.find("<h2>王某</h2>").expect("王某's section");
    assert!(li < wang);
    // 13号 is in 李某's section, with its overdue decision.
    let r13 = html.find("都府复〔2021〕13号").expect("13号");
    assert!(li < r13 && r13 < wang);
    assert!(html.contains("审理期限"));
    assert!(html.contains("size: A4"));
    for outside in ["<script", "http://", "https://", "<link"] {
        assert!(
            !html.contains(outside),
            "the page reaches outside: {outside}"
        );
    }

    let table = ws.ok(["leads", "--month", "2021-08"]);
    assert!(table.contains("王某　包案 3 件：在办 0 件，本月办结 3 件（化解 1、纠错 1、败诉 1、维持/驳回 0），逾期事项 0 项"), "{table}");
    let markdown = ws.ok(["leads", "--month", "2021-08", "--format", "markdown"]);
    assert!(markdown.contains("### 李某"), "{markdown}");
    assert!(
        markdown.contains("2021-08-13 申请人同意调解<br>2021-08-27 已达成调解协议"),
        "{markdown}"
    );
}
