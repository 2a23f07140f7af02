//! A heard 一审 case whose file says nothing about the head's appearance is counted as
//! 出庭情况未填报: one import warning per file, `counts.heard_unrecorded`, a line under the
//! rate in the human formats, and no rate at all when no hearing has it recorded.
//! Every figure below is counted by hand from the rows written here.

use crate::support::{Workspace, count};

const PERIOD: [&str; 4] = ["--from", "2021-01-01", "--to", "2021-08-31"];

/// Three heard 一审 cases in a file without any appearance column.
const NO_COLUMN: &str = "\
案号,单位,立案日期,开庭日期,结案日期,裁判结果
(2021)黔2701行初1号,都匀市,2021-01-05,2021-02-01,,
(2021)黔2701行初2号,都匀市,2021-01-06,2021-02-02,,
(2021)黔2701行初3号,都匀市,2021-01-07,2021-02-03,,
";

/// Four heard 一审 cases: one appeared (局长出庭), one did not, two left blank or `/`.
const SOME_BLANK: &str = "\
案号,单位,立案日期,开庭日期,负责人出庭,出庭负责人职务,结案日期,裁判结果
(2021)黔2701行初1号,都匀市,2021-01-05,2021-02-01,局长出庭,,,
(2021)黔2701行初2号,都匀市,2021-01-06,2021-02-02,否,,,
(2021)黔2701行初3号,都匀市,2021-01-07,2021-02-03,,,,
(2021)黔2701行初4号,都匀市,2021-01-08,2021-02-04,/,,,
";

fn imported(csv: &str) -> (Workspace, String) {
    let ws = Workspace::new();
    let path = ws.write("应诉台账_2021-08-31.csv", csv.as_bytes());
    let stderr = ws
        .run(["import".as_ref(), path.as_os_str()])
        .success()
        .stderr();
    (ws, stderr)
}

#[test]
fn a_file_without_an_appearance_column_has_no_appearance_rate() {
    let (ws, stderr) = imported(NO_COLUMN);
    assert!(
        stderr.contains(
            "warning: 3 heard 一审 cases have no 负责人出庭 column in the file (rows 2, 3, 4)"
        ),
        "{stderr}"
    );
    let json = ws.report_json(&PERIOD);
    assert_eq!(count(&json, "counts", "heard"), 3);
    assert_eq!(count(&json, "counts", "heard_unrecorded"), 3);
    assert_eq!(count(&json, "previous_counts", "heard_unrecorded"), 0);
    let rate = &json["rates"]["appearance_rate"];
    assert_eq!(rate["numerator"], 0);
    assert_eq!(rate["denominator"], 3);
    assert!(rate["rate"].is_null(), "{rate}");
    assert!(json["rates"]["qualified_appearance_rate"]["rate"].is_null());

    let table = ws.ok(["report", PERIOD[0], PERIOD[1], PERIOD[2], PERIOD[3]]);
    let line = |label: &str| {
        table
            .lines()
            .find(|l| l.contains(label))
            .unwrap_or_default()
            .to_owned()
    };
    assert!(line("出庭率").contains("未填报 (0/3)"), "{table}");
    assert!(line("出庭情况未填报").contains('3'), "{table}");
    let text = ws.ok([
        "report", "--format", "text", PERIOD[0], PERIOD[1], PERIOD[2], PERIOD[3],
    ]);
    assert!(
        text.contains("一审开庭3件，行政机关负责人出庭应诉0件，出庭情况未填报3件。"),
        "{text}"
    );
}

#[test]
fn blank_and_placeholder_appearances_are_unrecorded_yet_the_rate_keeps_its_arithmetic() {
    let (ws, stderr) = imported(SOME_BLANK);
    assert_eq!(stderr.matches("warning").count(), 1, "{stderr}");
    assert!(
        stderr.contains("2 heard 一审 cases have an empty `负责人出庭` cell (rows 4, 5)"),
        "{stderr}"
    );
    let json = ws.report_json(&PERIOD);
    assert_eq!(count(&json, "counts", "heard"), 4);
    assert_eq!(count(&json, "counts", "head_appeared"), 1);
    assert_eq!(count(&json, "counts", "heard_unrecorded"), 2);
    // 1 of 4, the unrecorded counted as not appeared: 25.00%; 局长 qualifies.
    let rate = &json["rates"]["appearance_rate"];
    assert_eq!(rate["rate"].as_f64(), Some(25.0), "{rate}");
    let qualified = &json["rates"]["qualified_appearance_rate"];
    assert_eq!(qualified["numerator"], 1, "{qualified}");

    let markdown = ws.ok([
        "report", "--format", "markdown", PERIOD[0], PERIOD[1], PERIOD[2], PERIOD[3],
    ]);
    assert!(markdown.contains("出庭情况未填报 | 2 |"), "{markdown}");
}

#[test]
fn a_file_with_every_appearance_recorded_shows_no_line() {
    let recorded = SOME_BLANK
        .replace("2021-02-03,,,,", "2021-02-03,是,副局长,,")
        .replace("2021-02-04,/,,,", "2021-02-04,否,,,");
    let (ws, stderr) = imported(&recorded);
    assert!(!stderr.contains("warning"), "{stderr}");
    let json = ws.report_json(&PERIOD);
    assert_eq!(count(&json, "counts", "heard_unrecorded"), 0);
    let table = ws.ok(["report", PERIOD[0], PERIOD[1], PERIOD[2], PERIOD[3]]);
    assert!(!table.contains("未填报"), "{table}");
}

#[test]
fn a_file_without_the_columns_a_figure_reads_is_warned_about_once_per_column() {
    let ws = Workspace::new();
    let path = ws.write(
        "复议台账_2021-08-31.csv",
        "案号,单位,收案日期\n都府复〔2021〕1号,都匀市,2021-01-05\n都府复〔2021〕2号,都匀市,2021-01-06\n"
            .as_bytes(),
    );
    let stderr = ws
        .run(["import".as_ref(), path.as_os_str()])
        .success()
        .stderr();
    assert_eq!(stderr.matches("warning").count(), 2, "{stderr}");
    assert!(
        stderr.contains("the file has no 受理日期")
            && stderr.contains("no case of it counts as accepted"),
        "{stderr}"
    );
    assert!(
        stderr.contains("the file has no 结案日期")
            && stderr.contains("every case of it counts as open"),
        "{stderr}"
    );
}

#[test]
fn a_hearing_after_the_files_date_is_not_yet_unrecorded() {
    // The file is as of 2021-08-31: row 2's hearing is past and blank, row 3's is next
    // week's and blank as every weekly file has it.
    let csv = "\
案号,单位,立案日期,开庭日期,负责人出庭,出庭负责人职务,结案日期,裁判结果
(2021)黔2701行初1号,都匀市,2021-01-05,2021-08-20,,,,
(2021)黔2701行初2号,都匀市,2021-01-06,2021-09-06,,,,
";
    let (_ws, stderr) = imported(csv);
    assert_eq!(stderr.matches("warning").count(), 1, "{stderr}");
    assert!(
        stderr.contains("1 heard 一审 case has an empty `负责人出庭` cell (row 2)"),
        "{stderr}"
    );
}
