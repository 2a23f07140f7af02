//! The two ledgers beside the case ledgers, end to end: 整改台账 (documents to answer and
//! rectify) and 诉前台账 (disputes handled before court), written by the tests as CSV and
//! as a workbook, with every deadline worked out by hand below.
//!
//! The 2025 calendar (State Council schedule): 元旦 01-01; 春节 01-28…02-04 off, Sunday
//! 01-26 and Saturday 02-08 worked; 清明 04-04…04-06; 劳动节 05-01…05-05 off, Sunday 04-27
//! worked; 端午 05-31…06-02; 国庆/中秋 10-01…10-08 off, Sunday 09-28 and Saturday 10-11
//! worked. A period in working days counts only working days, the start day not counted;
//! a 30- or 60-day period ending on a day off ends on the next working day.
//!
//! The work list of Friday 2025-04-25 (`days_left` counts calendar days from 04-25,
//! `working_days_left` the working days after 04-25 through the date, negative when past:
//! then the working days after the date through 04-25):
//! - 意见书 黔南府复意〔2025〕1号 (都匀市, lead 张三), received Monday 03-03, no 回复期限:
//!   60 days (28 left in March, 30 in April, 05-01, 05-02) end Friday 05-02 in 劳动节 →
//!   `reply` 05-06; 11 days, 5 working days (04-27, 04-28, 04-29, 04-30, 05-06).
//! - 司法建议书 (2025)黔27司建2号 (福泉市), 回复期限 Friday 04-18, unanswered → `reply`
//!   04-18 overdue: −7 days, −5 working days (04-21…04-25).
//! - 建议书 黔南府复建〔2025〕3号, answered 04-09 and 已整改; 检察建议书 黔南检建〔2025〕4号
//!   without 回复期限: no item (its deadline is unknown, never guessed).
//! - 诉前〔2025〕1号 (都匀市, lead 李四), received Friday 01-24, nothing done:
//!   `expert_review` 3 working days: 01-26 (worked Sunday), 01-27, then 02-05 after 春节 →
//!   02-05: −79 days (23 in February after the 5th, 31 in March, 25 in April), −57
//!   working days (02-06, 02-07, 02-08 worked Saturday, 15 more in February, 21 in
//!   March, 18 in April through the 25th); `resolution_plan` 5 working days: 01-26, 01-27,
//!   02-05, 02-06, 02-07 → 02-07: −77 days, −55 working days.
//! - 诉前〔2025〕2号 (福泉市), complaint received by the court Tuesday 04-01, no
//!   coordination yet → `court_review` 7 working days: 04-02, 04-03, (清明 04-04…04-06),
//!   04-07…04-11 → 04-11: −14 days, −10 working days (04-14…04-18, 04-21…04-25).
//! - 诉前〔2025〕3号 (福泉市, lead 李四), coordination from Tuesday 04-01 →
//!   `pre_litigation` 30 days end Thursday 05-01 in 劳动节 → 05-06: 11 days, 5 working
//!   days. Its court review ended when coordination began: no `court_review`.
//! - 诉前〔2025〕4号 (都匀市), coordination from Saturday 03-01 → 30 days end Monday 03-31
//!   (a working day) → `pre_litigation` 03-31: −25 days, −18 working days (04-01…04-03,
//!   04-07…04-11, 04-14…04-18, 04-21…04-25).
//! - 诉前〔2025〕5号 (都匀市, lead 李四): 化解成功 on 04-22 in the second week: no item.
//! - 诉前〔2025〕6号 (都匀市), new in the second week, received Thursday 04-24:
//!   `expert_review` 04-25, 04-27 (worked Sunday), 04-28 → 04-28: 3 days, 2 working days
//!   (04-27, 04-28); `resolution_plan` …, 04-29, 04-30 → 04-30: 5 days, 4 working days.
//!
//! Files: 整改台账 and 诉前台账 as of Friday 2025-04-18 (CSV), then as of 2025-04-25 (the
//! 整改台账 as CSV, the 诉前台账 as a workbook).

use std::collections::BTreeMap;

use calamine::{Data, Reader, open_workbook_auto};
use serde_json::{Value, json};

use crate::sheet::{Sheet, save_workbook};
use crate::support::Workspace;

const DOCUMENTS: &str = "文号,文书类型,发出机关,单位,被建议单位,关联案号,发出日期,收到日期,回复期限,回复日期,整改情况,包案领导,责任单位,化解进展\n";

const DOCUMENTS_0418: &str = "\
黔南府复意〔2025〕1号,行政复议意见书,黔南州人民政府,都匀市,都匀市市场监管局,黔南府复决字〔2025〕15号,2025-02-26,2025-03-03,,,,张三,都匀市司法局,
(2025)黔27司建2号,司法建议书,黔南州中级人民法院,福泉市,福泉市自然资源局,,2025-03-20,2025-03-21,2025-04-18,,,,,
黔南府复建〔2025〕3号,行政复议建议书,黔南州人民政府,都匀市,都匀市住建局,,2025-03-10,2025-03-12,2025-04-10,2025-04-09,已整改,张三,,
黔南检建〔2025〕4号,检察建议书,黔南州人民检察院,都匀市,都匀市公安局,,2025-04-01,2025-04-02,,,,,,
";

/// The second week: 1号 is being rectified and the leader has met the agency.
const DOCUMENTS_0425: &str = "\
黔南府复意〔2025〕1号,行政复议意见书,黔南州人民政府,都匀市,都匀市市场监管局,黔南府复决字〔2025〕15号,2025-02-26,2025-03-03,,,整改中,张三,都匀市司法局,已约谈市场监管局
(2025)黔27司建2号,司法建议书,黔南州中级人民法院,福泉市,福泉市自然资源局,,2025-03-20,2025-03-21,2025-04-18,,,,,
黔南府复建〔2025〕3号,行政复议建议书,黔南州人民政府,都匀市,都匀市住建局,,2025-03-10,2025-03-12,2025-04-10,2025-04-09,已整改,张三,,
黔南检建〔2025〕4号,检察建议书,黔南州人民检察院,都匀市,都匀市公安局,,2025-04-01,2025-04-02,,,,,,
";

const DISPUTES: &str = "争议编号,单位,涉及单位,争议类型,收到日期,专家组审核日期,化解方案日期,起诉状收到日期,诉前协调开始日期,化解结果,化解日期,包案领导,化解进展\n";

const DISPUTES_0418: &str = "\
诉前〔2025〕1号,都匀市,都匀市自然资源局,征地补偿,2025-01-24,,,,,,,李四,
诉前〔2025〕2号,福泉市,福泉市人社局,工伤认定,2025-03-31,2025-04-02,2025-04-03,2025-04-01,,,,,
诉前〔2025〕3号,福泉市,福泉市住建局,房屋征收,2025-03-20,2025-03-21,2025-03-24,2025-03-28,2025-04-01,,,李四,
诉前〔2025〕4号,都匀市,都匀市公安局,行政处罚,2025-02-20,2025-02-21,2025-02-24,,2025-03-01,,,,
诉前〔2025〕5号,都匀市,都匀市市场监管局,行政处罚,2025-04-07,2025-04-09,2025-04-11,,2025-04-14,,,李四,调解中
";

/// The second week: 5号 resolved on 04-22, 6号 new.
const DISPUTES_0425: &str = "\
诉前〔2025〕1号,都匀市,都匀市自然资源局,征地补偿,2025-01-24,,,,,,,李四,
诉前〔2025〕2号,福泉市,福泉市人社局,工伤认定,2025-03-31,2025-04-02,2025-04-03,2025-04-01,,,,,
诉前〔2025〕3号,福泉市,福泉市住建局,房屋征收,2025-03-20,2025-03-21,2025-03-24,2025-03-28,2025-04-01,,,李四,
诉前〔2025〕4号,都匀市,都匀市公安局,行政处罚,2025-02-20,2025-02-21,2025-02-24,,2025-03-01,,,,
诉前〔2025〕5号,都匀市,都匀市市场监管局,行政处罚,2025-04-07,2025-04-09,2025-04-11,,2025-04-14,化解成功,2025-04-22,李四,双方达成和解
诉前〔2025〕6号,都匀市,都匀市交通运输局,行政许可,2025-04-24,,,,,,,,
";

/// A workbook of one sheet holding a CSV's rows (dates become date cells).
fn workbook(ws: &Workspace, name: &str, csv: &str) -> std::path::PathBuf {
    let mut sheet = Sheet::new("Sheet1");
    for line in csv.lines() {
        sheet.push(line.split(',').map(str::to_owned).collect());
    }
    let path = ws.path().join(name);
    save_workbook(&[sheet], &path).expect("workbook");
    path
}

/// Both weeks imported, the second week's 诉前台账 from a workbook.
fn ledger() -> Workspace {
    let ws = Workspace::new();
    let week1 = [
        ws.write(
            "in/整改台账_2025-04-18.csv",
            format!("{DOCUMENTS}{DOCUMENTS_0418}").as_bytes(),
        ),
        ws.write(
            "in/诉前台账_2025-04-18.csv",
            format!("{DISPUTES}{DISPUTES_0418}").as_bytes(),
        ),
    ];
    let week2 = [
        ws.write(
            "in/整改台账_2025-04-25.csv",
            format!("{DOCUMENTS}{DOCUMENTS_0425}").as_bytes(),
        ),
        workbook(
            &ws,
            "诉前台账_2025-04-25.xlsx",
            &format!("{DISPUTES}{DISPUTES_0425}"),
        ),
    ];
    for files in [&week1, &week2] {
        let mut args = vec!["check".into()];
        args.extend(files.iter().map(|p| p.clone().into_os_string()));
        ws.run(&args)
            .success()
            .stdout_has(&["checked 2 files: 0 errors, 0 warnings"]);
        args[0] = "import".into();
        ws.run(&args).success();
    }
    ws
}

/// Asserts one line of `text` holds every needle: a message checked whole, its wording
/// left free. (`check` reports on standard output, `import` on standard error.)
#[track_caller]
fn line_has(text: &str, needles: &[&str]) {
    assert!(
        text.lines()
            .any(|line| needles.iter().all(|n| line.contains(n))),
        "no line has all of {needles:?}:\n{text}"
    );
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}):\n{text}"))
}

#[test]
fn imports_say_which_ledger_and_what_changed() {
    let ws = Workspace::new();
    let files = [
        ws.write(
            "in/整改台账_2025-04-18.csv",
            format!("{DOCUMENTS}{DOCUMENTS_0418}").as_bytes(),
        ),
        ws.write(
            "in/诉前台账_2025-04-18.csv",
            format!("{DISPUTES}{DISPUTES_0418}").as_bytes(),
        ),
        ws.write(
            "in/整改台账_2025-04-25.csv",
            format!("{DOCUMENTS}{DOCUMENTS_0425}").as_bytes(),
        ),
        workbook(
            &ws,
            "诉前台账_2025-04-25.xlsx",
            &format!("{DISPUTES}{DISPUTES_0425}"),
        ),
    ];
    let mut args = vec!["import".into()];
    args.extend(files.iter().map(|p| p.clone().into_os_string()));
    ws.run(&args).success().stdout_has(&[
        "整改台账_2025-04-18.csv: 整改台账 as of 2025-04-18 (file name), 4 rows: 4 new, 0 changed, 0 unchanged",
        "诉前台账_2025-04-18.csv: 诉前台账 as of 2025-04-18 (file name), 5 rows: 5 new, 0 changed, 0 unchanged",
        "整改台账_2025-04-25.csv: 整改台账 as of 2025-04-25 (file name), 4 rows: 0 new, 1 changed, 3 unchanged",
        "诉前台账_2025-04-25.xlsx [Sheet1]: 诉前台账 as of 2025-04-25 (file name), 6 rows: 1 new, 1 changed, 4 unchanged",
    ]);
}

#[test]
fn the_kind_comes_from_the_headers_else_the_file_name() {
    let ws = Workspace::new();
    // Headers of one ledger only: the name says nothing.
    let documents = ws.write(
        "in/第16周_2025-04-18.csv",
        format!("{DOCUMENTS}{DOCUMENTS_0418}").as_bytes(),
    );
    let disputes = ws.write(
        "in/第16周b_2025-04-18.csv",
        format!("{DISPUTES}{DISPUTES_0418}").as_bytes(),
    );
    ws.run([
        "import".as_ref(),
        documents.as_os_str(),
        disputes.as_os_str(),
    ])
    .success()
    .stdout_has(&[
        "第16周_2025-04-18.csv: 整改台账 as of 2025-04-18",
        "第16周b_2025-04-18.csv: 诉前台账 as of 2025-04-18",
    ]);
    // Headers of no ledger: the name decides, and the file is then judged as that
    // ledger (its required columns missing); a name saying nothing leaves it unknown.
    let unknown = "序号,单位\n1,都匀市\n";
    for (name, expected) in [
        (
            "诉前台账_2025-04-18.csv",
            "required column 争议编号 (编号) is missing from this 诉前台账 file",
        ),
        (
            "整改台账_2025-04-18.csv",
            "required column 文书类型 is missing from this 整改台账 file",
        ),
        (
            "司法建议书台账_2025-04-18.csv",
            "required column 发出日期 is missing from this 整改台账 file",
        ),
        (
            "台账_2025-04-18.csv",
            "cannot tell which ledger this is (复议台账, 应诉台账, 整改台账 or 诉前台账)",
        ),
    ] {
        let path = ws.write(&format!("unknown/{name}"), unknown.as_bytes());
        let run = ws.run(["check".as_ref(), path.as_os_str()]).failure();
        line_has(&run.stdout(), &[name, expected]);
    }
}

#[test]
fn every_consistency_error_is_named_and_nothing_is_imported() {
    let ws = ledger();
    let batches = ws.ok(["batches", "--format", "json"]);
    let cases = ws.ok(["cases", "--format", "json"]);
    let documents = ws.write(
        "bad/整改台账_2025-05-02.csv",
        "文号,文书类型,单位,发出日期,收到日期,回复日期
黔南府复意〔2025〕7号,行政复议意见书,都匀市,2025-04-20,2025-04-21,2025-04-10
黔南府复意〔2025〕8号,整改通知书,都匀市,2025-04-20,2025-04-21,
,行政复议意见书,都匀市,2025-04-20,2025-04-21,
"
        .as_bytes(),
    );
    let disputes = ws.write(
        "bad/诉前台账_2025-05-02.csv",
        "争议编号,单位,收到日期,化解结果,化解日期\n诉前〔2025〕9号,都匀市,2025-04-20,,2025-04-28\n"
            .as_bytes(),
    );
    let expected: [&[&str]; 4] = [
        &[
            "整改台账_2025-05-02.csv:2:回复日期",
            "2025-04-10",
            "发出日期 2025-04-20",
        ],
        &[
            "整改台账_2025-05-02.csv:3:文书类型",
            "`整改通知书`",
            "行政复议意见书",
        ],
        &["整改台账_2025-05-02.csv:4:文号", "empty"],
        &[
            "诉前台账_2025-05-02.csv:2:化解结果",
            "2025-04-28",
            "化解结果 is empty",
        ],
    ];
    for command in ["check", "import"] {
        let run = ws
            .run([
                command.as_ref(),
                documents.as_os_str(),
                disputes.as_os_str(),
            ])
            .failure();
        let said = if command == "check" {
            run.stdout()
        } else {
            run.stderr()
        };
        for needles in expected {
            line_has(&said, needles);
        }
    }
    assert_eq!(ws.ok(["batches", "--format", "json"]), batches);
    assert_eq!(ws.ok(["cases", "--format", "json"]), cases);
}

#[test]
fn cases_of_each_ledger() {
    let ws = ledger();
    let documents = json(&ws.ok(["cases", "--kind", "rectification", "--format", "json"]));
    let listed: Vec<(&str, &str, Value, Value)> = documents
        .as_array()
        .expect("array")
        .iter()
        .map(|d| {
            (
                d["doc_no"].as_str().expect("doc_no"),
                d["doc_type"].as_str().expect("doc_type"),
                d["replied_on"].clone(),
                d["status"].clone(),
            )
        })
        .collect();
    assert_eq!(
        listed,
        [
            (
                "黔南府复意〔2025〕1号",
                "行政复议意见书",
                Value::Null,
                json!("整改中")
            ),
            ("(2025)黔27司建2号", "司法建议书", Value::Null, Value::Null),
            (
                "黔南府复建〔2025〕3号",
                "行政复议建议书",
                json!("2025-04-09"),
                json!("已整改")
            ),
            (
                "黔南检建〔2025〕4号",
                "检察建议书",
                Value::Null,
                Value::Null
            ),
        ]
    );
    assert_eq!(documents[0]["case_no"], "黔南府复决字〔2025〕15号");
    assert_eq!(documents[0]["kind"], "rectification");

    let disputes = json(&ws.ok(["cases", "--kind", "dispute", "--format", "json"]));
    let listed: Vec<(&str, Value, Value)> = disputes
        .as_array()
        .expect("array")
        .iter()
        .map(|d| {
            (
                d["dispute_no"].as_str().expect("dispute_no"),
                d["result"].clone(),
                d["resolved_on"].clone(),
            )
        })
        .collect();
    let open = (Value::Null, Value::Null);
    assert_eq!(
        listed,
        [
            ("诉前〔2025〕1号", open.0.clone(), open.1.clone()),
            ("诉前〔2025〕2号", open.0.clone(), open.1.clone()),
            ("诉前〔2025〕3号", open.0.clone(), open.1.clone()),
            ("诉前〔2025〕4号", open.0.clone(), open.1.clone()),
            ("诉前〔2025〕5号", json!("化解成功"), json!("2025-04-22")),
            ("诉前〔2025〕6号", open.0.clone(), open.1.clone()),
        ]
    );
    // Dates read from the workbook's date cells as from the CSV's text.
    assert_eq!(disputes[5]["received_on"], "2025-04-24");
    assert_eq!(disputes[2]["mediation_started_on"], "2025-04-01");
}

#[test]
fn history_of_a_document_and_a_dispute_over_two_weeks() {
    let ws = ledger();
    let document = json(&ws.ok(["history", "黔南府复意(2025)1号", "--format", "json"]));
    let versions = document[0]["versions"].as_array().expect("versions");
    assert_eq!(versions.len(), 2, "{document:#}");
    assert_eq!(versions[0]["as_of"], "2025-04-18");
    assert_eq!(versions[1]["as_of"], "2025-04-25");
    assert_eq!(
        versions[1]["changed"],
        json!({
            "status": {"from": null, "to": "整改中"},
            "progress": {"from": null, "to": "已约谈市场监管局"},
        })
    );
    ws.run(["history", "黔南府复意〔2025〕1号"])
        .success()
        .stdout_has(&[
            "整改台账 黔南府复意〔2025〕1号 (2 versions)",
            "status: (empty) → 整改中",
        ]);

    let dispute = json(&ws.ok(["history", "诉前〔2025〕5号", "--format", "json"]));
    let versions = dispute[0]["versions"].as_array().expect("versions");
    assert_eq!(versions.len(), 2, "{dispute:#}");
    assert!(
        versions[1]["file"]
            .as_str()
            .is_some_and(|f| f.ends_with("诉前台账_2025-04-25.xlsx [Sheet1]")),
        "{dispute:#}"
    );
    assert_eq!(
        versions[1]["changed"],
        json!({
            "result": {"from": null, "to": "化解成功"},
            "resolved_on": {"from": null, "to": "2025-04-22"},
            "progress": {"from": "调解中", "to": "双方达成和解"},
        })
    );
}

#[test]
fn batches_and_undo() {
    let ws = ledger();
    let batches = json(&ws.ok(["batches", "--format", "json"]));
    let listed: Vec<(u64, &str, &str, u64, u64, u64)> = batches
        .as_array()
        .expect("array")
        .iter()
        .map(|b| {
            (
                b["id"].as_u64().expect("id"),
                b["kind"].as_str().expect("kind"),
                b["as_of"].as_str().expect("as_of"),
                b["new"].as_u64().expect("new"),
                b["changed"].as_u64().expect("changed"),
                b["unchanged"].as_u64().expect("unchanged"),
            )
        })
        .collect();
    assert_eq!(
        listed,
        [
            (1, "rectification", "2025-04-18", 4, 0, 0),
            (2, "dispute", "2025-04-18", 5, 0, 0),
            (3, "rectification", "2025-04-25", 0, 1, 3),
            (4, "dispute", "2025-04-25", 1, 1, 4),
        ]
    );
    // Undoing the workbook's week: 6号 is gone, 5号 is open again, the documents untouched.
    ws.ok(["undo", "4"]);
    ws.run(["history", "诉前〔2025〕6号"]).failure();
    let disputes = json(&ws.ok(["cases", "--kind", "dispute", "--format", "json"]));
    assert_eq!(disputes.as_array().map(Vec::len), Some(5));
    assert_eq!(disputes[4]["dispute_no"], "诉前〔2025〕5号");
    assert_eq!(disputes[4]["result"], Value::Null);
    let document = json(&ws.ok(["history", "黔南府复意〔2025〕1号", "--format", "json"]));
    assert_eq!(document[0]["versions"].as_array().map(Vec::len), Some(2));
}

/// A work list keyed by (case number, item): (the ledger's kind, `date`, `days_left`,
/// `working_days_left`, `overdue`).
type Items<'a> = BTreeMap<(&'a str, &'a str), (&'a str, &'a str, i64, i64, bool)>;

/// The hand-worked items of the doc comment.
fn expected_items() -> Items<'static> {
    [
        (
            ("黔南府复意〔2025〕1号", "reply"),
            ("rectification", "2025-05-06", 11, 5, false),
        ),
        (
            ("(2025)黔27司建2号", "reply"),
            ("rectification", "2025-04-18", -7, -5, true),
        ),
        (
            ("诉前〔2025〕1号", "expert_review"),
            ("dispute", "2025-02-05", -79, -57, true),
        ),
        (
            ("诉前〔2025〕1号", "resolution_plan"),
            ("dispute", "2025-02-07", -77, -55, true),
        ),
        (
            ("诉前〔2025〕2号", "court_review"),
            ("dispute", "2025-04-11", -14, -10, true),
        ),
        (
            ("诉前〔2025〕3号", "pre_litigation"),
            ("dispute", "2025-05-06", 11, 5, false),
        ),
        (
            ("诉前〔2025〕4号", "pre_litigation"),
            ("dispute", "2025-03-31", -25, -18, true),
        ),
        (
            ("诉前〔2025〕6号", "expert_review"),
            ("dispute", "2025-04-28", 3, 2, false),
        ),
        (
            ("诉前〔2025〕6号", "resolution_plan"),
            ("dispute", "2025-04-30", 5, 4, false),
        ),
    ]
    .into_iter()
    .collect()
}

#[test]
fn every_item_of_the_work_list_as_worked_out_by_hand() {
    let ws = ledger();
    let list = json(&ws.ok([
        "due",
        "--on",
        "2025-04-25",
        "--within",
        "14",
        "--format",
        "json",
    ]));
    assert_eq!(list["on"], "2025-04-25");
    let items = list["items"].as_array().expect("items");
    let found: Items<'_> = items
        .iter()
        .map(|i| {
            (
                (
                    i["case_no"].as_str().expect("case_no"),
                    i["item"].as_str().expect("item"),
                ),
                (
                    i["kind"].as_str().expect("kind"),
                    i["date"].as_str().expect("date"),
                    i["days_left"].as_i64().expect("days_left"),
                    i["working_days_left"].as_i64().expect("working_days_left"),
                    i["overdue"].as_bool().expect("overdue"),
                ),
            )
        })
        .collect();
    assert_eq!(found.len(), items.len(), "an item listed twice: {list:#}");
    assert_eq!(found, expected_items());
    // Most urgent first: the overdue ones, oldest first, then by date.
    let dates: Vec<(bool, &str)> = items
        .iter()
        .map(|i| {
            (
                !i["overdue"].as_bool().unwrap_or(false),
                i["date"].as_str().unwrap_or(""),
            )
        })
        .collect();
    let mut sorted = dates.clone();
    sorted.sort_unstable();
    assert_eq!(dates, sorted);
    // The leader and 责任单位 ride along.
    let reply = items
        .iter()
        .find(|i| i["case_no"] == "黔南府复意〔2025〕1号")
        .expect("the 意见书's reply");
    assert_eq!(reply["lead"], "张三");
    assert_eq!(reply["owner_unit"], "都匀市司法局");

    // A week earlier, from the first week's files only: 6号 is not known yet, and 5号 is
    // still being coordinated (from 04-14: 30 days end Wednesday 05-14, beyond the window).
    let earlier = json(&ws.ok(["due", "--on", "2025-04-18", "--format", "json"]));
    let listed: Vec<(&str, &str)> = earlier["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| {
            (
                i["case_no"].as_str().unwrap_or(""),
                i["item"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert!(
        !listed
            .iter()
            .any(|(no, _)| no.contains("6号") || no.contains("5号")),
        "{listed:?}"
    );
    // 04-18 itself is the 司法建议书's last day: due today, not overdue.
    let today = earlier["items"]
        .as_array()
        .and_then(|items| {
            items
                .iter()
                .find(|i| i["item"] == "reply" && i["date"] == "2025-04-18")
        })
        .expect("the reply due 04-18");
    assert_eq!(
        (today["days_left"].as_i64(), today["overdue"].as_bool()),
        (Some(0), Some(false))
    );
}

#[test]
fn the_work_list_in_every_format_speaks_of_documents_and_disputes() {
    let ws = ledger();
    let on = ["due", "--on", "2025-04-25", "--within", "14", "--format"];
    let labels = [
        "整改回复期限",
        "专家组审核期限",
        "化解方案期限",
        "立案审查期限",
        "诉前协调期限",
    ];
    for format in ["table", "markdown", "html"] {
        let mut args = on.to_vec();
        args.push(format);
        let out = ws.ok(args);
        for needle in labels
            .iter()
            .chain(&["整改", "诉前", "黔南府复意〔2025〕1号"])
        {
            assert!(out.contains(needle), "{format} lacks {needle}:\n{out}");
        }
        assert!(
            !out.contains("复议 黔南") && !out.contains("应诉"),
            "{format}:\n{out}"
        );
    }
    let mut args = on.to_vec();
    args.push("csv");
    let csv = ws.ok(args);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let headers = reader.headers().expect("headers").clone();
    let column = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no {name} in {headers:?}"))
    };
    let (kind, no, label, key, date) = (
        column("台账"),
        column("案号"),
        column("事项"),
        column("事项代码"),
        column("日期"),
    );
    let mut rows = 0;
    for row in reader.records() {
        let row = row.expect("row");
        rows += 1;
        let expected = expected_items();
        let (ledger, day, ..) = expected
            .iter()
            .find(|((n, k), _)| *n == &row[no] && *k == &row[key])
            .map_or_else(|| panic!("unexpected row {row:?}"), |(_, v)| *v);
        assert_eq!(&row[date], day);
        assert_eq!(
            &row[kind],
            if ledger == "dispute" {
                "诉前"
            } else {
                "整改"
            }
        );
        let zh = match &row[key] {
            "reply" => "整改回复期限",
            "expert_review" => "专家组审核期限",
            "resolution_plan" => "化解方案期限",
            "court_review" => "立案审查期限",
            "pre_litigation" => "诉前协调期限",
            other => panic!("unexpected item {other}"),
        };
        assert_eq!(&row[label], zh);
    }
    assert_eq!(rows, expected_items().len());
}

#[test]
fn the_ics_file_has_an_all_day_event_per_deadline() {
    use icalendar::{Component, DatePerhapsTime};
    let ws = ledger();
    let args = [
        "due",
        "--on",
        "2025-04-25",
        "--within",
        "14",
        "--format",
        "ics",
    ];
    let ics = ws.ok(args);
    let calendar: icalendar::Calendar = ics
        .parse()
        .unwrap_or_else(|e| panic!("not iCalendar ({e}):\n{ics}"));
    let events: Vec<icalendar::Event> = calendar.events().cloned().collect();
    assert_eq!(events.len(), expected_items().len(), "{ics}");
    let day = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date");
    let mut uids = Vec::new();
    for ((no, item), (_, date, ..)) in expected_items() {
        let label = match item {
            "reply" => "整改回复期限",
            "expert_review" => "专家组审核期限",
            "resolution_plan" => "化解方案期限",
            "court_review" => "立案审查期限",
            _ => "诉前协调期限",
        };
        let event = events
            .iter()
            .find(|e| {
                e.get_summary()
                    .is_some_and(|s| s.starts_with(&format!("{label}：{no}（")))
            })
            .unwrap_or_else(|| panic!("no event for {no} {item}:\n{ics}"));
        assert_eq!(event.get_start(), Some(DatePerhapsTime::Date(day(date))));
        let next = day(date).succ_opt().expect("next day");
        assert_eq!(event.get_end(), Some(DatePerhapsTime::Date(next)));
        let uid = event.get_uid().expect("UID").to_owned();
        assert!(
            uid.starts_with(&format!("{item}-")) && uid.ends_with("@caseledger"),
            "{uid}"
        );
        uids.push(uid);
    }
    let mut unique = uids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), uids.len(), "UIDs repeat: {uids:?}");
    // Exported again, and a day later: the same deadlines keep their UIDs.
    let again = |args: &[&str]| -> Vec<String> {
        let ics = ws.ok(args);
        let calendar: icalendar::Calendar = ics.parse().expect("iCalendar");
        calendar
            .events()
            .filter_map(|e| e.get_uid().map(str::to_owned))
            .collect()
    };
    let mut first = again(&args);
    first.sort();
    assert_eq!(first, unique);
    let later = again(&[
        "due",
        "--on",
        "2025-04-26",
        "--within",
        "14",
        "--format",
        "ics",
    ]);
    for uid in &later {
        assert!(unique.contains(uid), "{uid} is new on 04-26");
    }
}

#[test]
fn the_monthly_sheet_lists_documents_and_disputes_beside_their_leaders() {
    let ws = ledger();
    let sheet = json(&ws.ok(["leads", "--month", "2025-04", "--format", "json"]));
    assert_eq!(sheet["checked_on"], "2025-04-30");
    let lead = |name: &str| {
        sheet["leads"]
            .as_array()
            .and_then(|leads| leads.iter().find(|l| l["lead"] == name))
            .unwrap_or_else(|| panic!("no {name} in {sheet:#}"))
            .clone()
    };
    // 张三: the 意见书 (unanswered, 整改中, its reply due 05-06: not overdue on 04-30) and
    // the 建议书 answered 04-09, 已整改. No case of 复议 or 应诉.
    let zhang = lead("张三");
    assert_eq!(
        zhang["summary"],
        json!({"cases": 0, "open": 0, "closed": 0, "resolved": 0, "corrected": 0,
               "lost": 0, "upheld": 0, "overdue": 0,
               "documents": {"listed": 2, "open": 1, "replied": 1, "rectified": 1},
               "disputes": {"listed": 0, "open": 0, "ended": 0, "resolved": 0}})
    );
    let rows: Vec<(&str, &str, &str, Value, Value, Value)> = zhang["cases"]
        .as_array()
        .expect("cases")
        .iter()
        .map(|c| {
            (
                c["case_no"].as_str().unwrap_or(""),
                c["doc_type"].as_str().unwrap_or(""),
                c["status"].as_str().unwrap_or(""),
                c["closed_on"].clone(),
                c["state"].clone(),
                c["result"].clone(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            (
                "黔南府复意〔2025〕1号",
                "行政复议意见书",
                "open",
                Value::Null,
                json!("整改中"),
                Value::Null
            ),
            (
                "黔南府复建〔2025〕3号",
                "行政复议建议书",
                "closed",
                json!("2025-04-09"),
                json!("已整改"),
                Value::Null
            ),
        ]
    );
    assert_eq!(
        zhang["cases"][0]["progress"],
        json!([{"as_of": "2025-04-25", "text": "已约谈市场监管局"}])
    );
    // 李四: 1号 with its two overdue steps, 3号 being coordinated, 5号 resolved 04-22.
    let li = lead("李四");
    assert_eq!(li["summary"]["cases"], 0);
    assert_eq!(li["summary"]["overdue"], 2);
    assert_eq!(
        li["summary"]["disputes"],
        json!({"listed": 3, "open": 2, "ended": 1, "resolved": 1})
    );
    let first = &li["cases"][0];
    assert_eq!(first["case_no"], "诉前〔2025〕1号");
    assert_eq!(
        first["overdue"],
        json!([{"item": "expert_review", "date": "2025-02-05"},
               {"item": "resolution_plan", "date": "2025-02-07"}])
    );
    let resolved = li["cases"]
        .as_array()
        .and_then(|cases| cases.iter().find(|c| c["case_no"] == "诉前〔2025〕5号"))
        .expect("5号");
    assert_eq!(
        (
            &resolved["status"],
            &resolved["closed_on"],
            &resolved["state"]
        ),
        (&json!("closed"), &json!("2025-04-22"), &json!("化解成功"))
    );
}

#[test]
fn the_monthly_sheet_in_every_format() {
    let ws = ledger();
    let table = ws.ok(["leads", "--month", "2025-04"]);
    for needle in [
        "张三　整改文书 2 件：待回复 1 件，本月回复 1 件，已整改 1 件，逾期事项 0 项",
        "李四　诉前争议 3 件：在办 2 件，本月办结 1 件（化解成功 1 件），逾期事项 2 项",
        "整改 行政复议意见书",
        "2025-04-09 回复",
        "化解方案期限 2025-02-07",
    ] {
        assert!(table.contains(needle), "table lacks {needle}:\n{table}");
    }
    for format in ["markdown", "html"] {
        let out = ws.ok(["leads", "--month", "2025-04", "--format", format]);
        for needle in [
            "整改中",
            "化解成功",
            "待回复",
            "专家组审核期限",
            "诉前争议 3 件",
        ] {
            assert!(out.contains(needle), "{format} lacks {needle}:\n{out}");
        }
    }
    let path = ws.path().join("包案.xlsx");
    ws.run([
        "leads".as_ref(),
        "--month".as_ref(),
        "2025-04".as_ref(),
        "--format".as_ref(),
        "xlsx".as_ref(),
        "--output".as_ref(),
        path.as_os_str(),
    ])
    .success();
    let mut book = open_workbook_auto(&path).expect("open the workbook");
    let range = book.worksheet_range("包案调度").expect("the sheet");
    let texts: Vec<String> = range
        .rows()
        .flat_map(|r| r.iter())
        .filter_map(|c| match c {
            Data::String(s) => Some(s.clone()),
            _ => None,
        })
        .collect();
    for needle in [
        "整改中",
        "已整改",
        "化解成功",
        "待回复",
        "整改 行政复议意见书",
    ] {
        assert!(
            texts.iter().any(|t| t == needle),
            "xlsx lacks {needle}: {texts:?}"
        );
    }
}

/// A 司法建议书 that names no 回复期限 has no deadline, until the bureau's 口径 gives its
/// type one: `rules set reply_days 司法建议书=60`. Received Wednesday 2025-03-05, 60 days
/// end on Sunday 05-04, inside the 劳动节 holiday (05-01…05-05): due Tuesday 05-06.
#[test]
fn a_rule_gives_a_document_type_its_reply_days() {
    let ws = Workspace::new();
    let path = ws.write(
        "in/整改台账_2025-03-31.csv",
        "文号,文书类型,单位,发出日期,收到日期\n(2025)黔27司建2号,司法建议书,都匀市,2025-03-03,2025-03-05\n"
            .as_bytes(),
    );
    ws.ok(["import".as_ref(), path.as_os_str()]);
    let due = |ws: &Workspace| {
        json(&ws.ok([
            "due",
            "--on",
            "2025-05-01",
            "--within",
            "7",
            "--format",
            "json",
        ]))
    };
    assert_eq!(due(&ws)["items"], json!([]), "no deadline is guessed");
    ws.ok(["rules", "set", "reply_days", "司法建议书=60"]);
    let items = due(&ws);
    assert_eq!(items["items"][0]["item"], "reply");
    assert_eq!(items["items"][0]["date"], "2025-05-06");
    assert_eq!(items["items"][0]["days_left"], 5);
    ws.run(["rules", "show"])
        .success()
        .stdout_has(&["reply_days = 司法建议书=60  (changed; the default is none)"]);
    ws.run(["rules", "set", "reply_days", "通知书=30"])
        .failure()
        .stderr_has(&["`通知书=30` is not a document type and its days"]);
}
