//! The figures of the 整改台账 and the 诉前台账 in every report format, from small ledgers
//! written here and counted by hand on the 2024 and 2025 calendars; and that a ledger
//! without documents or disputes reports as before.
//!
//! The report covers 2025-01-01 – 2025-06-30 (last year 2024-01-01 – 2024-06-30), as
//! known on 2025-06-30, the files' date.
//!
//! 整改台账, 2025:
//! - 意1: a 行政复议意见书 issued 02-20, received Mon 03-03: no 回复期限, so 60 days,
//!   which end Fri 05-02 in the 劳动节 holiday (05-01..05-05): due Tue 05-06. Replied
//!   05-06: on time. 已整改.
//! - 意2: the same, replied 05-07: late. 整改中.
//! - 建3: a 司法建议书 issued 03-01, 回复期限 Sat 04-05 as written (a written deadline
//!   is not moved), never replied: due, late.
//! - 意4: a 意见书 issued 06-02, received Tue 06-03: 60 days end Sat 08-02, due Mon
//!   08-04, after 06-30: not yet due. 整改中.
//! - 建5: a 行政复议建议书 issued 04-01, no 回复期限: no default for its type, never
//!   due. 已整改.
//!
//! 2025: issued 5, replies due 3 (1, 2, 3), on time 1 (1) → 到期反馈率 33.33%;
//! rectified 2 (1, 5) → 整改完成率 40.00%.
//!
//! 整改台账, 2024:
//! - 〔2024〕1号: a 意见书 issued 02-26, received Mon 2024-03-04: 60 days end Fri 05-03,
//!   in 劳动节 (05-01..05-05): due Mon 05-06. Replied 04-30: on time. 已整改.
//! - 〔2024〕2号: a 检察建议书 issued 05-10, 回复期限 06-11, replied 06-07: on time. 未整改.
//! - 〔2023〕9号: a 意见书 issued 2023-12-20, received Mon 2023-12-25: 60 days end Fri
//!   2024-02-23, a working day: due then, never replied: late. Issued in 2023, so not
//!   issued in either period.
//!
//! 2024: issued 2, replies due 3, on time 2 → 66.67%; rectified 1 → 50.00%.
//! 同比: 33.33 − 66.67 = −33.34 points (relative −33.34 ÷ 66.67 = −50.01%); 40.00 − 50.00
//! = −10.00 points (relative −20.00%).
//!
//! 诉前台账, 2025:
//! - 诉1: received 01-24, 化解成功 03-10.
//! - 诉2: received 03-03, 转入诉讼 04-10: ended, not resolved.
//! - 诉3: received 06-20, still open.
//! - 诉4: received 2024-12-20 (in neither period), 化解成功 2025-01-15.
//!
//! 2025: received 3 (1, 2, 3), ended 3 (1, 2, 4), resolved 2 (1, 4) → 诉前化解率 66.67%.
//!
//! 诉前台账, 2024:
//! - 〔2024〕1: received 02-01, 化解成功 03-01.
//! - 〔2024〕2: received 05-06, 未化解 06-28.
//! - 〔2024〕3: received 08-01 and 化解成功 09-01, after the period: in neither.
//!
//! 2024: received 2, ended 2, resolved 1 → 50.00%. 同比 66.67 − 50.00 = +16.67 points
//! (relative 16.67 ÷ 50.00 = +33.34%).
//!
//! The 复议台账 beside them has one case a year, so the case figures are there too.

use calamine::{Data, DataType, Reader, open_workbook_auto};
use serde_json::{Value, json};

use crate::support::Workspace;

const DOCUMENTS: &str = "\
文号,文书类型,发出机关,单位,被建议单位,关联案号,发出日期,收到日期,回复期限,回复日期,整改情况
黔南府复意〔2025〕1号,行政复议意见书,黔南州人民政府,都匀市,都匀市市场监管局,,2025-02-20,2025-03-03,,2025-05-06,已整改
黔南府复意〔2025〕2号,行政复议意见书,黔南州人民政府,福泉市,福泉市公安局,,2025-02-20,2025-03-03,,2025-05-07,整改中
(2025)黔27司建3号,司法建议书,黔南州中级人民法院,都匀市,都匀市自然资源局,,2025-03-01,2025-03-05,2025-04-05,,
黔南府复意〔2025〕4号,行政复议意见书,黔南州人民政府,都匀市,都匀市住建局,,2025-06-02,2025-06-03,,,整改中
黔南府复建〔2025〕5号,行政复议建议书,黔南州人民政府,福泉市,福泉市人社局,,2025-04-01,,,,已整改
黔南府复意〔2024〕1号,行政复议意见书,黔南州人民政府,都匀市,都匀市市场监管局,,2024-02-26,2024-03-04,,2024-04-30,已整改
黔南检建〔2024〕2号,检察建议书,黔南州人民检察院,都匀市,都匀市林业局,,2024-05-10,2024-05-13,2024-06-11,2024-06-07,未整改
黔南府复意〔2023〕9号,行政复议意见书,黔南州人民政府,都匀市,都匀市交通局,,2023-12-20,2023-12-25,,,
";

const DISPUTES: &str = "\
争议编号,单位,涉及单位,争议类型,收到日期,专家组审核日期,化解方案日期,起诉状收到日期,诉前协调开始日期,化解结果,化解日期
诉前〔2025〕1号,都匀市,都匀市自然资源局,征地补偿,2025-01-24,2025-01-27,2025-01-30,,,化解成功,2025-03-10
诉前〔2025〕2号,福泉市,福泉市人社局,工伤认定,2025-03-03,2025-03-05,2025-03-07,2025-03-10,2025-03-20,转入诉讼,2025-04-10
诉前〔2025〕3号,都匀市,都匀市住建局,行政处罚,2025-06-20,,,,,,
诉前〔2025〕4号,都匀市,都匀市交通局,行政许可,2024-12-20,2024-12-23,2024-12-25,,,化解成功,2025-01-15
诉前〔2024〕1号,都匀市,都匀市自然资源局,征地补偿,2024-02-01,2024-02-04,2024-02-06,,,化解成功,2024-03-01
诉前〔2024〕2号,福泉市,福泉市公安局,行政处罚,2024-05-06,2024-05-08,2024-05-10,,,未化解,2024-06-28
诉前〔2024〕3号,都匀市,都匀市住建局,房屋征收,2024-08-01,2024-08-05,2024-08-07,,,化解成功,2024-09-01
";

const CASES: &str = "\
复议案号,单位,被申请人,收到申请日期,受理日期,结案日期,结案方式
都府复〔2025〕1号,都匀市,都匀市某局,2025-02-27,2025-03-03,2025-05-06,撤销
都府复〔2024〕1号,都匀市,都匀市某局,2024-03-01,2024-03-04,2024-05-06,维持
";

const PERIOD: [&str; 4] = ["--from", "2025-01-01", "--to", "2025-06-30"];

/// A ledger of the three files, or of the cases alone.
fn imported(with_records: bool) -> Workspace {
    let ws = Workspace::new();
    let mut files = vec![ws.write("in/复议台账_都匀市_2025-06-30.csv", CASES.as_bytes())];
    if with_records {
        files.push(ws.write("in/整改台账_2025-06-30.csv", DOCUMENTS.as_bytes()));
        files.push(ws.write("in/诉前台账_2025-06-30.csv", DISPUTES.as_bytes()));
    }
    let mut args = vec!["import".as_ref()];
    args.extend(files.iter().map(|f| f.as_os_str()));
    ws.ok(args);
    ws
}

fn report(ws: &Workspace, format: &str, extra: &[&str]) -> String {
    let mut args = vec!["report"];
    args.extend(PERIOD);
    args.extend(["--format", format]);
    args.extend_from_slice(extra);
    ws.ok(&args)
}

/// The line of a table that holds `label`, with each of `cells` in it.
#[track_caller]
fn row_has(table: &str, label: &str, cells: &[&str]) {
    let line = table
        .lines()
        .find(|l| l.contains(&format!(" {label} ")))
        .unwrap_or_else(|| panic!("no row {label} in\n{table}"));
    for cell in cells {
        assert!(line.contains(cell), "`{cell}` not in `{line}`");
    }
}

/// Every label of the two blocks, with the 中文 of their table headings.
const LABELS: [&str; 12] = [
    "整改情况",
    "整改文书发出",
    "到期应反馈",
    "按期反馈",
    "到期反馈率",
    "已整改",
    "整改完成率",
    "诉前化解",
    "诉前受理",
    "诉前办结",
    "化解成功",
    "诉前化解率",
];

#[test]
fn json_blocks_of_both_years() {
    let ws = imported(true);
    let report = ws.report_json(&PERIOD);
    assert_eq!(report["as_of"], "2025-06-30");
    assert_eq!(
        report["rectification"],
        json!({"issued": 5, "replies_due": 3, "replied_on_time": 1, "reply_rate": 33.33,
               "rectified": 2, "rectified_rate": 40.0,
               "previous": {"issued": 2, "replies_due": 3, "replied_on_time": 2,
                            "reply_rate": 66.67, "rectified": 1, "rectified_rate": 50.0}})
    );
    assert_eq!(
        report["disputes"],
        json!({"received": 3, "ended": 3, "resolved": 2, "pre_litigation_rate": 66.67,
               "previous": {"received": 2, "ended": 2, "resolved": 1,
                            "pre_litigation_rate": 50.0}})
    );
    // The case figures are the 复议台账's alone.
    assert_eq!(report["counts"]["received"], 1);
    assert_eq!(report["previous_counts"]["closed"], 1);

    // 都匀市 alone: 意1, 建3, 意4 in 2025 (建3 late), three 2024 documents.
    let dy = ws.report_json(&[
        "--from",
        "2025-01-01",
        "--to",
        "2025-06-30",
        "--unit",
        "都匀市",
    ]);
    assert_eq!(
        dy["rectification"],
        json!({"issued": 3, "replies_due": 2, "replied_on_time": 1, "reply_rate": 50.0,
               "rectified": 1, "rectified_rate": 33.33,
               "previous": {"issued": 2, "replies_due": 3, "replied_on_time": 2,
                            "reply_rate": 66.67, "rectified": 1, "rectified_rate": 50.0}})
    );
}

#[test]
fn a_rate_without_a_base_is_null() {
    // As known on 2025-06-30, from 2025-06-01 on: 意4 is issued but not yet due; no
    // dispute ends in June.
    let ws = imported(true);
    let report = ws.report_json(&["--from", "2025-06-01", "--to", "2025-06-30"]);
    assert_eq!(report["rectification"]["issued"], 1);
    assert_eq!(report["rectification"]["replies_due"], 0);
    assert_eq!(report["rectification"]["reply_rate"], Value::Null);
    assert_eq!(report["rectification"]["rectified_rate"], 0.0);
    assert_eq!(report["disputes"]["received"], 1);
    assert_eq!(report["disputes"]["pre_litigation_rate"], Value::Null);
    let table = ws.ok(["report", "--from", "2025-06-01", "--to", "2025-06-30"]);
    row_has(&table, "到期反馈率", &["— (0/0)"]);
    row_has(&table, "诉前化解率", &["— (0/0)"]);
    // No rate to speak of, so the sentence leaves it out.
    let text = ws.ok([
        "report",
        "--from",
        "2025-06-01",
        "--to",
        "2025-06-30",
        "--format",
        "text",
    ]);
    assert!(
        text.contains("诉前化解：受理争议1件，办结0件，化解成功0件。"),
        "{text}"
    );
}

#[test]
fn tables_show_them_after_the_rates() {
    let ws = imported(true);
    let table = report(&ws, "table", &[]);
    let rates = table.find("行政复议调解成功率").expect("the rates first");
    let documents = table.find("整改情况").expect("the rectification table");
    let disputes = table.find("诉前化解").expect("the dispute table");
    let footer = table.find("统计期间").expect("the footer");
    assert!(rates < documents && documents < disputes && disputes < footer);
    row_has(&table, "整改文书发出", &["5", "2", "上升 150.00%"]);
    row_has(&table, "到期应反馈", &["3", "持平"]);
    row_has(&table, "按期反馈", &["1", "2", "下降 50.00%"]);
    row_has(
        &table,
        "到期反馈率",
        &["33.33% (1/3)", "66.67% (2/3)", "下降 33.34 个百分点"],
    );
    row_has(&table, "已整改", &["2", "1", "上升 100.00%"]);
    row_has(
        &table,
        "整改完成率",
        &["40.00% (2/5)", "50.00% (1/2)", "下降 10.00 个百分点"],
    );
    row_has(&table, "诉前受理", &["3", "2", "上升 50.00%"]);
    row_has(&table, "诉前办结", &["3", "2", "上升 50.00%"]);
    row_has(&table, "化解成功", &["2", "1", "上升 100.00%"]);
    row_has(
        &table,
        "诉前化解率",
        &["66.67% (2/3)", "50.00% (1/2)", "上升 16.67 个百分点"],
    );
    assert!(table.contains("到期反馈率 = 按期反馈"), "{table}");
    assert!(table.contains("诉前化解率 = 化解成功"), "{table}");

    let english = report(&ws, "table", &["--lang", "en"]);
    row_has(
        &english,
        "Reply rate",
        &["33.33% (1/3)", "66.67% (2/3)", "down 33.34 pp"],
    );
    row_has(&english, "Pre-litigation resolution rate", &["up 16.67 pp"]);

    let markdown = report(&ws, "markdown", &[]);
    for line in [
        "| 整改情况 | 本期 | 上年同期 | 同比 |",
        "| 到期反馈率 | 33.33% (1/3) | 66.67% (2/3) | 下降 33.34 个百分点 |",
        "| 整改完成率 | 40.00% (2/5) | 50.00% (1/2) | 下降 10.00 个百分点 |",
        "| 诉前化解 | 本期 | 上年同期 | 同比 |",
        "| 诉前受理 | 3 | 2 | 上升 50.00% |",
        "| 诉前化解率 | 66.67% (2/3) | 50.00% (1/2) | 上升 16.67 个百分点 |",
    ] {
        assert!(
            markdown.lines().any(|l| l == line),
            "no `{line}` in\n{markdown}"
        );
    }
}

#[test]
fn csv_has_a_row_per_figure() {
    let ws = imported(true);
    let csv = report(&ws, "csv", &["--lang", "en"]);
    let rows = [
        "Documents issued,rectification.issued,5,2,3,150.00,,,,,,,",
        "Replies due,rectification.replies_due,3,3,0,0.00,,,,,,,",
        "Replied on time,rectification.replied_on_time,1,2,-1,-50.00,,,,,,,",
        "Reply rate,rectification.reply_rate,33.33,66.67,-33.34,-50.01,1,3,2,3,,,",
        "Rectified,rectification.rectified,2,1,1,100.00,,,,,,,",
        "Rectification rate,rectification.rectified_rate,40.00,50.00,-10.00,-20.00,2,5,1,2,,,",
        "Disputes received,disputes.received,3,2,1,50.00,,,,,,,",
        "Disputes ended,disputes.ended,3,2,1,50.00,,,,,,,",
        "Resolved,disputes.resolved,2,1,1,100.00,,,,,,,",
        "Pre-litigation resolution rate,disputes.pre_litigation_rate,66.67,50.00,16.67,33.34,2,3,1,2,,,",
    ];
    // In this order, at the end.
    let tail: Vec<&str> = csv.lines().rev().take(rows.len()).collect();
    let tail: Vec<&str> = tail.into_iter().rev().collect();
    assert_eq!(tail, rows, "{csv}");
    let zh = report(&ws, "csv", &[]);
    assert!(
        zh.lines().any(
            |l| l == "到期反馈率,rectification.reply_rate,33.33,66.67,-33.34,-50.01,1,3,2,3,,,"
        ),
        "{zh}"
    );
    // The breakdown's CSV is one row per unit, without them.
    let by_unit = report(&ws, "csv", &["--by", "unit"]);
    assert!(!by_unit.contains("到期反馈率"), "{by_unit}");
}

#[test]
fn the_paragraph_adds_a_sentence_for_each() {
    let ws = imported(true);
    let text = report(&ws, "text", &[]);
    assert!(
        text.trim_end().ends_with(
            "整改：发出意见书、建议书5件，到期应反馈3件，按期反馈1件，\
             到期反馈率33.33%，同比下降33.34个百分点；\
             已整改2件，整改完成率40.00%，同比下降10.00个百分点。\
             诉前化解：受理争议3件，办结3件，化解成功2件，诉前化解率66.67%，同比上升16.67个百分点。"
        ),
        "{text}"
    );
}

#[test]
fn workbook_and_page_show_them() {
    let ws = imported(true);
    let book = ws.path().join("report.xlsx");
    report(
        &ws,
        "xlsx",
        &["--output", book.to_str().expect("a path in UTF-8")],
    );
    let mut workbook = open_workbook_auto(&book).expect("open the workbook");
    let sheet = workbook.worksheet_range("汇总").expect("汇总");
    let numbers = |label: &str| -> Vec<f64> {
        let row = sheet
            .rows()
            .find(|r| r.first().and_then(DataType::get_string) == Some(label))
            .unwrap_or_else(|| panic!("no row {label}"));
        row[1..].iter().filter_map(Data::as_f64).collect()
    };
    assert_eq!(
        numbers("到期反馈率"),
        [33.33, 66.67, -33.34, -50.01, 1.0, 3.0, 2.0, 3.0]
    );
    assert_eq!(
        numbers("整改完成率"),
        [40.0, 50.0, -10.0, -20.0, 2.0, 5.0, 1.0, 2.0]
    );
    assert_eq!(
        numbers("诉前化解率"),
        [66.67, 50.0, 16.67, 33.34, 2.0, 3.0, 1.0, 2.0]
    );
    assert_eq!(numbers("整改文书发出"), [5.0, 2.0, 3.0, 150.0]);
    assert_eq!(numbers("到期应反馈"), [3.0, 3.0, 0.0, 0.0]);
    assert_eq!(numbers("按期反馈"), [1.0, 2.0, -1.0, -50.0]);
    assert_eq!(numbers("已整改"), [2.0, 1.0, 1.0, 100.0]);
    assert_eq!(numbers("诉前受理"), [3.0, 2.0, 1.0, 50.0]);
    assert_eq!(numbers("诉前办结"), [3.0, 2.0, 1.0, 50.0]);
    assert_eq!(numbers("化解成功"), [2.0, 1.0, 1.0, 100.0]);

    let page = report(&ws, "html", &[]);
    let documents = page
        .find("、整改情况</h2>")
        .expect("the rectification section");
    let disputes = page.find("、诉前化解</h2>").expect("the dispute section");
    assert!(page.find("主要指标").expect("cards") < documents);
    assert!(documents < disputes);
    for expected in [
        "到期反馈率",
        r#"<span class="r">33.33%</span> <span class="nd">(1/3)</span>"#,
        "下降 33.34 个百分点",
        r#"<span class="r">40.00%</span> <span class="nd">(2/5)</span>"#,
    ] {
        assert!(
            page[documents..disputes].contains(expected),
            "`{expected}` not in the section"
        );
    }
    assert!(page[disputes..].contains(r#"<span class="r">66.67%</span>"#));
}

#[test]
fn only_the_blocks_a_ledger_holds() {
    // A 诉前台账 without a 整改台账: the dispute block alone.
    let ws = Workspace::new();
    let disputes = ws.write("in/诉前台账_2025-06-30.csv", DISPUTES.as_bytes());
    ws.ok(["import".as_ref(), disputes.as_os_str()]);
    let table = report(&ws, "table", &[]);
    assert!(table.contains("诉前化解率"), "{table}");
    assert!(!table.contains("整改"), "{table}");
    let text = report(&ws, "text", &[]);
    assert!(text.contains("诉前化解："), "{text}");
    assert!(!text.contains("整改："), "{text}");
}

#[test]
fn a_ledger_without_them_reports_as_before() {
    let with = imported(true);
    let without = imported(false);
    let report_json = without.report_json(&PERIOD);
    assert_eq!(
        report_json["rectification"],
        json!({"issued": 0, "replies_due": 0, "replied_on_time": 0, "reply_rate": null,
               "rectified": 0, "rectified_rate": null,
               "previous": {"issued": 0, "replies_due": 0, "replied_on_time": 0,
                            "reply_rate": null, "rectified": 0, "rectified_rate": null}})
    );
    assert_eq!(
        report_json["disputes"],
        json!({"received": 0, "ended": 0, "resolved": 0, "pre_litigation_rate": null,
               "previous": {"received": 0, "ended": 0, "resolved": 0,
                            "pre_litigation_rate": null}})
    );
    for format in ["table", "markdown", "csv", "text", "html"] {
        let plain = report(&without, format, &[]);
        for label in LABELS
            .iter()
            .chain(&["整改：", "诉前化解：", "到期反馈率 ="])
        {
            assert!(!plain.contains(label), "{format} shows `{label}`:\n{plain}");
        }
        // With the two ledgers, the same output with the blocks added: every line of
        // the plain output, in order.
        let full = report(&with, format, &[]);
        let mut lines = full.lines();
        for line in plain.lines() {
            // The paragraph is one line, which the sentences lengthen.
            let line = if format == "text" {
                line.trim_end()
            } else {
                line
            };
            assert!(
                lines.any(|l| l == line || (format == "text" && l.starts_with(line))),
                "{format}: `{line}` lost or moved in\n{full}"
            );
        }
    }
    assert!(
        report(&with, "csv", &[]).starts_with(&report(&without, "csv", &[])),
        "the CSV's rows come after the existing ones"
    );
}
