//! The deadline figures of SPEC §7.6 in every report format, from two small ledgers with
//! work-list columns written here, counted by hand on the 2025 and 2024 calendars; and
//! that a ledger without those columns reports as before.
//!
//! The report covers 2025-01-01 – 2025-06-30 (last year 2024-01-01 – 2024-06-30), as
//! known on 2025-07-04, the files' date.
//!
//! 复议 (received 2024 or later: the 2023 law, answers in working days):
//! - 1号: accepted Mon 03-03, due 05-06 (60 days end Fri 05-02, in 劳动节 05-01..05-05);
//!   closed 05-06: on time. Copy served Tue 03-04, answer due Tue 03-18 (10 working
//!   days); answered 03-14: on time.
//! - 2号: the same, closed 05-07: late; answered 03-20: late.
//! - 3号: extended: 90 days end Sun 06-01 (端午 05-31..06-02), due 06-03; closed 06-03: on
//!   time. Copy served 03-04, never answered, still open on 03-18: late.
//! - 4号: suspended 05-01, never resumed, closed Fri 05-09: 8 days suspended, 68 days end
//!   Sat 05-10, due Mon 05-12: on time (late had the suspension been ignored).
//! - 5号: accepted and served Tue 06-03, not answered by 07-04, due Tue 06-17: late; open,
//!   so not decided.
//! - 6号: closed 05-20, but every work-list cell empty: in no deadline figure.
//! - 7号: 不予受理, never accepted: no decision deadline.
//!
//! 2025: decided 4 (1, 2, 3, 4), on time 3 (1, 3, 4) → 75.00%; answers late 3 (2, 3, 5).
//!
//! - 〔2024〕1号: accepted Mon 2024-03-04, 60 days end Fri 05-03, in 劳动节 (05-01..05-05),
//!   due Mon 05-06; closed 05-06: on time. Served Tue 03-05, due Tue 03-19; answered 03-15.
//! - 〔2024〕2号: the same, closed 05-07: late.
//!
//! 2024: decided 2, on time 1 → 50.00%; answers late 0. 同比 +25.00 points (relative
//! 25.00 ÷ 50.00 = +50.00%).
//!
//! 应诉 (通知率 counts first-instance hearings, as the appearance rate does):
//! - 行初1号: complaint received Fri 03-07, due Mon 03-24 (15 days end Sat 03-22);
//!   defended 03-24: on time. Heard Tue 04-15: reminders due Tue 04-08 and Mon 04-14,
//!   made then: notified.
//! - 行初2号: received Tue 06-03, due Wed 06-18; defended 06-19: late. Heard Mon 06-23:
//!   reminders due Mon 06-16 and Fri 06-20; the second made Sun 06-22: not notified.
//! - 行初3号: received 03-07, no defence by 07-04, open: late. No hearing.
//! - 行终4号: an appeal heard 04-15, reminded on time: not a first-instance hearing.
//! - 行初5号: heard 05-20 with every work-list cell empty: not in 通知率.
//! - 福泉 行初6号: heard Tue 05-13, first reminder Tue 05-06 on time, no second: not
//!   notified.
//!
//! 2025: defences late 2 (2, 3); hearings 3 (1, 2, 6), notified 1 → 33.33%.
//!
//! - 〔2024〕行初1号: received Fri 2024-03-01, due Mon 03-18 (15 days end Sat 03-16);
//!   defended 03-18. Heard Tue 04-16: reminders due Tue 04-09 and Mon 04-15, made then.
//! - 〔2024〕行初2号: heard Mon 05-06: a week before is Mon 04-29, the eve falls in 劳动节
//!   and moves back to Tue 04-30; reminded 04-29 and 04-30: notified.
//! - 〔2023〕行初9号: received Fri 2023-12-22, due Mon 2024-01-08 (15 days end Sat 01-06),
//!   never defended: late in 2024 although every date of the case is from 2023.
//!
//! 2024: defences late 1; hearings 2, notified 2 → 100.00%. 同比 −66.67 points (relative
//! −66.67 ÷ 100.00 = −66.67%).

use calamine::{Data, DataType, Reader, open_workbook_auto};
use serde_json::{Value, json};

use crate::support::Workspace;

const RECONSIDERATION: &str = "\
复议案号,单位,被申请人,收到申请日期,受理日期,结案日期,结案方式,简易程序,副本送达日期,答复日期,是否延期,中止日期
都府复〔2025〕1号,都匀市,都匀市某局,2025-02-27,2025-03-03,2025-05-06,维持,否,2025-03-04,2025-03-14,否,
都府复〔2025〕2号,都匀市,都匀市某局,2025-02-27,2025-03-03,2025-05-07,维持,否,2025-03-04,2025-03-20,否,
都府复〔2025〕3号,都匀市,都匀市某局,2025-02-27,2025-03-03,2025-06-03,维持,否,2025-03-04,,是,
都府复〔2025〕4号,都匀市,都匀市某局,2025-02-27,2025-03-03,2025-05-09,维持,否,,,否,2025-05-01
都府复〔2025〕5号,都匀市,都匀市某局,2025-05-30,2025-06-03,,,否,2025-06-03,,否,
都府复〔2025〕6号,都匀市,都匀市某局,2025-02-27,2025-03-03,2025-05-20,维持,,,,,
都府复〔2025〕7号,都匀市,都匀市某局,2025-03-10,,2025-03-15,不予受理,否,,,,
都府复〔2024〕1号,都匀市,都匀市某局,2024-03-01,2024-03-04,2024-05-06,维持,否,2024-03-05,2024-03-15,否,
都府复〔2024〕2号,都匀市,都匀市某局,2024-03-01,2024-03-04,2024-05-07,维持,否,,,否,
";

const LITIGATION: &str = "\
案号,审级,法院,单位,被告,立案日期,开庭日期,负责人出庭,结案日期,裁判结果,起诉状副本收到日期,答辩日期,开庭地点,一次提醒日期,二次提醒日期
(2025)黔2701行初1号,一审,都匀市人民法院,都匀市,都匀市人民政府,2025-03-01,2025-04-15,是,,,2025-03-07,2025-03-24,第一法庭,2025-04-08,2025-04-14
(2025)黔2701行初2号,一审,都匀市人民法院,都匀市,都匀市人民政府,2025-05-30,2025-06-23,是,,,2025-06-03,2025-06-19,第一法庭,2025-06-16,2025-06-22
(2025)黔2701行初3号,一审,都匀市人民法院,都匀市,都匀市人民政府,2025-03-01,,,,,2025-03-07,,,,
(2025)黔27行终4号,二审,黔南州中级人民法院,都匀市,都匀市人民政府,2025-03-01,2025-04-15,是,,,,,第二法庭,2025-04-08,2025-04-14
(2025)黔2701行初5号,一审,都匀市人民法院,都匀市,都匀市人民政府,2025-03-01,2025-05-20,否,,,,,,,
(2025)黔2702行初6号,一审,福泉市人民法院,福泉市,福泉市人民政府,2025-03-01,2025-05-13,是,,,,,第一法庭,2025-05-06,
(2024)黔2701行初1号,一审,都匀市人民法院,都匀市,都匀市人民政府,2024-02-20,2024-04-16,是,2024-05-20,判决驳回诉讼请求,2024-03-01,2024-03-18,第一法庭,2024-04-09,2024-04-15
(2024)黔2701行初2号,一审,都匀市人民法院,都匀市,都匀市人民政府,2024-03-01,2024-05-06,是,2024-06-03,判决驳回诉讼请求,,,第一法庭,2024-04-29,2024-04-30
(2023)黔2701行初9号,一审,都匀市人民法院,都匀市,都匀市人民政府,2023-12-20,,,,,2023-12-22,,,,
";

const PERIOD: [&str; 4] = ["--from", "2025-01-01", "--to", "2025-06-30"];

fn imported() -> Workspace {
    let ws = Workspace::new();
    let recon = ws.write(
        "in/复议台账_都匀市_2025-07-04.csv",
        RECONSIDERATION.as_bytes(),
    );
    let suits = ws.write("in/应诉台账_都匀市_2025-07-04.csv", LITIGATION.as_bytes());
    ws.ok(["import".as_ref(), recon.as_os_str(), suits.as_os_str()]);
    ws
}

fn report(ws: &Workspace, extra: &[&str]) -> Value {
    let mut args = PERIOD.to_vec();
    args.extend_from_slice(extra);
    ws.report_json(&args)
}

#[test]
fn every_figure_of_both_years() {
    let report = report(&imported(), &[]);
    assert_eq!(report["as_of"], "2025-07-04");
    let previous = json!({"decided": 2, "decided_on_time": 1, "on_time_rate": 50.0,
                          "answers_late": 0, "defences_late": 1,
                          "hearings": 2, "notified": 2, "notice_rate": 100.0});
    assert_eq!(
        report["deadlines"],
        json!({"decided": 4, "decided_on_time": 3, "on_time_rate": 75.0,
               "answers_late": 3, "defences_late": 2,
               "hearings": 3, "notified": 1, "notice_rate": 33.33,
               "previous": previous})
    );
    assert_eq!(report["previous_deadlines"], previous);
    assert_eq!(
        report["rates"]["on_time_rate"],
        json!({"numerator": 3, "denominator": 4, "rate": 75.0,
               "previous": {"numerator": 1, "denominator": 2, "rate": 50.0},
               "delta_pp": 25.0, "relative_change": 50.0})
    );
    assert_eq!(
        report["rates"]["notice_rate"],
        json!({"numerator": 1, "denominator": 3, "rate": 33.33,
               "previous": {"numerator": 2, "denominator": 2, "rate": 100.0},
               "delta_pp": -66.67, "relative_change": -66.67})
    );
    // The counts of SPEC §4 are untouched: 行初5号 is heard without a work list.
    assert_eq!(report["counts"]["heard"], 4);
    assert_eq!(report["counts"]["closed"], 6);
}

#[test]
fn hearings_follow_the_appearance_scope() {
    // Under all_instances the appeal 行终4号, reminded on time, counts too: 2 of 4.
    let ws = imported();
    ws.ok(["rules", "set", "appearance_scope", "all_instances"]);
    let report = report(&ws, &[]);
    assert_eq!(report["deadlines"]["hearings"], 4);
    assert_eq!(report["deadlines"]["notified"], 2);
    assert_eq!(report["deadlines"]["notice_rate"], 50.0);
}

#[test]
fn unit_rows_add_up_to_the_whole() {
    // 福泉市 has only 行初6号: one hearing, not notified.
    let report = report(&imported(), &["--by", "unit"]);
    let rows = report["rows"].as_array().expect("rows");
    let unit = |name: &str| {
        rows.iter()
            .find(|r| r["unit"] == name)
            .unwrap_or_else(|| panic!("no row {name}"))
    };
    assert_eq!(
        unit("福泉市")["deadlines"],
        json!({"decided": 0, "decided_on_time": 0, "on_time_rate": null,
               "answers_late": 0, "defences_late": 0,
               "hearings": 1, "notified": 0, "notice_rate": 0.0})
    );
    assert_eq!(unit("都匀市")["deadlines"]["hearings"], 2);
    assert_eq!(unit("都匀市")["rates"]["notice_rate"]["rate"], 50.0);
    for key in [
        "decided",
        "answers_late",
        "defences_late",
        "hearings",
        "notified",
    ] {
        for block in ["deadlines", "previous_deadlines"] {
            let sum: u64 = rows
                .iter()
                .map(|r| r[block][key].as_u64().expect("count"))
                .sum();
            assert_eq!(Some(sum), report[block][key].as_u64(), "{block}.{key}");
        }
    }
}

#[test]
fn as_known_on_an_earlier_date() {
    // A later week adds a case received after the period. As known on 2025-07-04 the
    // figures come from the versions, not the compact current state: the same figures.
    let ws = imported();
    let later = ws.write(
        "in/复议台账_都匀市_2025-07-11.csv",
        "复议案号,单位,收到申请日期,副本送达日期\n都府复〔2025〕8号,都匀市,2025-07-08,2025-07-09\n"
            .as_bytes(),
    );
    ws.ok(["import".as_ref(), later.as_os_str()]);
    let now = report(&ws, &[]);
    let then = report(&ws, &["--as-of", "2025-07-04"]);
    assert_eq!(now["as_of"], "2025-07-11");
    assert_eq!(then["as_of"], "2025-07-04");
    assert_eq!(now["deadlines"], then["deadlines"]);
    assert_eq!(now["previous_deadlines"], then["previous_deadlines"]);
    assert_eq!(now["rates"], then["rates"]);
    assert_eq!(then["deadlines"]["decided"], 4);
}

#[test]
fn tables_show_them_under_the_three_rates() {
    let ws = imported();
    let mut args = vec!["report"];
    args.extend(PERIOD);
    let table = ws.ok(&args);
    let rates_row = table.find("行政复议调解成功率").expect("the 三率 first");
    let deadlines = table.find("期限与通知").expect("the deadline table");
    assert!(rates_row < deadlines, "{table}");
    for row in [
        [
            "行政复议按期办结率",
            "75.00% (3/4)",
            "50.00% (1/2)",
            "上升 25.00 个百分点",
        ],
        ["行政复议答复逾期", "3", "0", "—"],
        ["行政应诉答辩逾期", "2", "1", "上升 100.00%"],
        [
            "开庭通知率",
            "33.33% (1/3)",
            "100.00% (2/2)",
            "下降 66.67 个百分点",
        ],
    ] {
        let line = table
            .lines()
            .find(|l| l.contains(row[0]))
            .unwrap_or_else(|| panic!("no row {} in\n{table}", row[0]));
        for cell in row {
            assert!(line.contains(cell), "`{cell}` not in `{line}`");
        }
    }
    assert!(table.contains("按期办结率 = 审理期限内办结"), "{table}");

    args.extend(["--format", "markdown"]);
    let markdown = ws.ok(&args);
    assert!(
        markdown
            .contains("| 行政复议按期办结率 | 75.00% (3/4) | 50.00% (1/2) | 上升 25.00 个百分点 |"),
        "{markdown}"
    );
}

#[test]
fn csv_has_a_row_per_figure() {
    let ws = imported();
    let mut args = vec!["report"];
    args.extend(PERIOD);
    args.extend(["--format", "csv", "--lang", "en"]);
    let csv = ws.ok(&args);
    for row in [
        "Decided (deadline known),decided,4,2,2,100.00,,,,,,,",
        "Decided on time,decided_on_time,3,1,2,200.00,,,,,,,",
        "On-time decision rate,on_time_rate,75.00,50.00,25.00,50.00,3,4,1,2,,,",
        "Answers late,answers_late,3,0,3,,,,,,,,",
        "Defences late,defences_late,2,1,1,100.00,,,,,,,",
        "Hearings (arrangements kept),hearings,3,2,1,50.00,,,,,,,",
        "Notified on time,notified,1,2,-1,-50.00,,,,,,,",
        "Hearing notice rate,notice_rate,33.33,100.00,-66.67,-66.67,1,3,2,2,,,",
    ] {
        assert!(csv.lines().any(|l| l == row), "no `{row}` in\n{csv}");
    }
}

#[test]
fn the_paragraph_adds_one_sentence() {
    let ws = imported();
    let mut args = vec!["report"];
    args.extend(PERIOD);
    args.extend(["--format", "text"]);
    let text = ws.ok(&args);
    // After the appearance rate (3 of 4 first-instance hearings, 2 of 2 in 2024).
    assert!(
        text.trim_end().ends_with(
            "出庭应诉率75.00%，同比下降25.00个百分点。\
             行政复议按期办结率为75.00%，同比上升25.00个百分点；\
             开庭通知率为33.33%，同比下降66.67个百分点。"
        ),
        "{text}"
    );
}

#[test]
fn workbook_and_page_show_them() {
    let ws = imported();
    let book = ws.path().join("report.xlsx");
    let mut args = vec!["report"];
    args.extend(PERIOD);
    args.extend(["--format", "xlsx", "--output"]);
    args.push(book.to_str().expect("path"));
    ws.ok(&args);
    let mut workbook = open_workbook_auto(&book).expect("open the workbook");
    let sheet = workbook.worksheet_range("汇总").expect("汇总");
    let row = sheet
        .rows()
        .find(|r| r.first().and_then(DataType::get_string) == Some("行政复议按期办结率"))
        .expect("the on-time rate row");
    let numbers: Vec<f64> = row[1..].iter().filter_map(Data::as_f64).collect();
    assert_eq!(numbers, [75.0, 50.0, 25.0, 50.0, 3.0, 4.0, 1.0, 2.0]);
    let late = sheet
        .rows()
        .find(|r| r.first().and_then(DataType::get_string) == Some("行政复议答复逾期"))
        .expect("the late answers row");
    assert_eq!(late[1].as_f64(), Some(3.0));

    let mut args = vec!["report"];
    args.extend(PERIOD);
    args.extend(["--format", "html"]);
    let page = ws.ok(&args);
    let section = page.find("、期限与通知</h2>").expect("the section");
    assert!(page[section..].contains("75.00%"));
    assert!(page.find("主要指标").expect("cards") < section);
}

#[test]
fn a_ledger_without_work_list_columns_reports_none() {
    let ws = Workspace::new();
    let dir = ws.copy_fixtures(&[
        "复议台账_都匀市_2020-03-13.csv",
        "复议台账_都匀市_2021-03-12.csv",
        "应诉台账_都匀市人民法院_2021-03-12.csv",
    ]);
    ws.ok(["import".as_ref(), dir.as_os_str()]);
    let report = ws.report_json(&[]);
    let none = json!({"decided": 0, "decided_on_time": 0, "on_time_rate": null,
                      "answers_late": 0, "defences_late": 0,
                      "hearings": 0, "notified": 0, "notice_rate": null});
    let mut with_previous = none.clone();
    with_previous["previous"] = none.clone();
    assert_eq!(report["deadlines"], with_previous);
    assert_eq!(report["previous_deadlines"], none);
    assert_eq!(report["rates"]["on_time_rate"]["rate"], Value::Null);
    for format in ["table", "markdown", "csv", "text"] {
        let out = ws.ok(["report", "--format", format]);
        for absent in ["按期办结", "通知率", "逾期"] {
            assert!(!out.contains(absent), "{format} shows `{absent}`:\n{out}");
        }
    }
}
