//! Office files whose headers are written their own way: read by meaning (line breaks,
//! notes in brackets, 时间 for 日期, 是否X, a name with its title), and every column
//! nothing knows named by `check` and `import` with the `columns map` line that settles
//! it, printed beside the `outcomes map` line in one failed run.
//!
//! Hand counts: the 应诉台账 below has 3 一审 cases filed and heard in 2021; the heads of
//! 行初21号 (杨某, 副县长) and 行初22号 (李某, 局长) appeared, both qualified; 行初23号's
//! did not. The 复议台账 has 2 cases received and accepted (its 立案日期), 1 closed (维持).

use std::path::Path;

use encoding_rs::GB18030;
use rust_xlsxwriter::{Workbook, XlsxError};

use crate::support::{Workspace, count};

const PERIOD: [&str; 4] = ["--from", "2021-01-01", "--to", "2021-12-31"];

/// An 应诉台账 sheet under a title, its headers as a court clerk writes them.
fn litigation_workbook(path: &Path) -> Result<(), XlsxError> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name("一审")?;
    sheet.write_string(0, 0, "都匀市2021年行政应诉案件台账")?;
    let header = [
        "序号",
        "案号",
        "单位",
        "立案时间（年月日）",
        "开庭日期",
        "负责人\n是否出庭",
        "出庭人员及职务",
        "结案时间",
        "联系地址",
    ];
    let rows = [
        [
            "1",
            "(2021)黔2701行初21号",
            "都匀市",
            "2021-01-04",
            "2021-02-01",
            "是",
            "杨某（副县长）",
            "",
            "都匀市广惠路1号",
        ],
        [
            "2",
            "(2021)黔2701行初22号",
            "都匀市",
            "2021-01-05",
            "2021-02-02",
            "是",
            "李某 局长",
            "",
            "都匀市广惠路2号",
        ],
        [
            "3",
            "(2021)黔2701行初23号",
            "都匀市",
            "2021-01-06",
            "2021-02-03",
            "否",
            "",
            "",
            "都匀市广惠路3号",
        ],
    ];
    for (col, text) in header.iter().enumerate() {
        sheet.write_string(1, col as u16, *text)?;
    }
    for (row, cells) in (2..).zip(rows) {
        for (col, text) in cells.iter().enumerate() {
            sheet.write_string(row, col as u16, *text)?;
        }
    }
    book.save(path)
}

#[test]
fn a_litigation_workbook_imports_after_the_printed_columns_map_line() {
    let ws = Workspace::new();
    let path = ws.path().join("应诉台账_2021-03-12.xlsx");
    litigation_workbook(&path).expect("workbook");
    let file = path.to_string_lossy().into_owned();

    // The one column nothing knows is an error in check and import, with its ready line.
    let line = "caseledger columns map '联系地址=-' --kind litigation";
    ws.run(["check", file.as_str()]).failure().stdout_has(&[
        "联系地址: error: unknown column `联系地址`",
        line,
        "checked 1 file: 1 error, 0 warnings",
    ]);
    ws.run(["import", file.as_str()])
        .failure()
        .stderr_has(&[line, "nothing was imported"]);
    assert!(
        !ws.ledger().exists(),
        "a failed first import leaves no ledger"
    );

    // Run as printed; `check --ledger` and `import` then read the file.
    ws.ok(["columns", "map", "联系地址=-", "--kind", "litigation"]);
    ws.run(["check", file.as_str()])
        .success()
        .stdout_has(&["checked 1 file: 0 errors"]);
    ws.ok(["import", file.as_str()]);
    let report = ws.report_json(&PERIOD);
    assert_eq!(count(&report, "counts", "filed"), 3);
    assert_eq!(count(&report, "counts", "heard"), 3);
    assert_eq!(count(&report, "counts", "head_appeared"), 2);
    assert_eq!(
        report["rates"]["qualified_appearance_rate"]["numerator"].as_u64(),
        Some(2),
        "titles split off 杨某（副县长） and 李某 局长: {report:#}"
    );
    ws.run(["columns", "show"])
        .success()
        .stdout_has(&["应诉台账: 联系地址 = - (not read)"]);
}

/// A 复议台账 CSV in GB18030 with its own header names and one outcome of its own.
fn reconsideration_csv(outcome: &str) -> Vec<u8> {
    let text = format!(
        "复议案号,受理单位,被申请人,收案日期,立案日期,审结时间,处理结果,联系人\r\n\
         黔南复〔2021〕1号,都匀市,都匀市公安局,2021-01-05,2021-01-08,2021-03-01,维持,张某\r\n\
         黔南复〔2021〕2号,都匀市,都匀市自然资源局,2021-01-06,2021-01-09,2021-03-02,{outcome},张某\r\n"
    );
    GB18030.encode(&text).0.into_owned()
}

#[test]
fn one_failed_run_prints_the_columns_and_outcomes_lines_together() {
    let ws = Workspace::new();
    let path = ws.write(
        "in/复议台账_2021-03-12.csv",
        &reconsideration_csv("另案处理完毕"),
    );
    let file = path.to_string_lossy().into_owned();
    // 受理单位 is suggested as 单位 and read so: the cells are read, and the unknown
    // outcome of row 3 is found in the same run.
    let columns = "caseledger columns map '受理单位=单位' --kind reconsideration";
    ws.run(["import", file.as_str()]).failure().stderr_has(&[
        "受理单位: error: unknown column `受理单位`",
        "处理结果: error: `另案处理完毕` is not a 复议台账 outcome",
        columns,
        "caseledger outcomes map '另案处理完毕=",
    ]);
    ws.ok([
        "columns",
        "map",
        "受理单位=单位",
        "--kind",
        "reconsideration",
    ]);
    ws.ok(["outcomes", "map", "另案处理完毕=终止"]);
    ws.ok(["import", file.as_str()]);
    let report = ws.report_json(&PERIOD);
    assert_eq!(count(&report, "counts", "received"), 2);
    // A 复议台账's 立案日期 is its acceptance.
    assert_eq!(count(&report, "counts", "accepted"), 2);
    assert_eq!(count(&report, "counts", "closed"), 2);

    // Unmapped, the column is unknown again.
    ws.ok(["columns", "unmap", "受理单位", "--kind", "reconsideration"]);
    let again = ws.write("in/复议台账_2021-03-19.csv", &reconsideration_csv("终止"));
    ws.run(["check", again.to_string_lossy().as_ref()])
        .failure()
        .stdout_has(&[columns]);
}

#[test]
fn a_mapping_that_names_no_column_is_refused_and_nothing_stored() {
    let ws = Workspace::new();
    ws.ok(["columns", "map", "办理地点=-", "--kind", "reconsideration"]);
    ws.run([
        "columns",
        "map",
        "受理单位=单位",
        "审结情况=?",
        "--kind",
        "reconsideration",
    ])
    .failure()
    .stderr_has(&["`审结情况=?`: say which column", "none was stored"]);
    let shown = ws.ok(["columns", "show"]);
    assert!(!shown.contains("受理单位"), "{shown}");
    assert!(shown.contains("办理地点 = - (not read)"), "{shown}");
}

/// One sheet: its name, its title, its header and its rows.
type Sheet<'a> = (&'a str, &'a str, &'a [&'a str], &'a [&'a [&'a str]]);

/// Writes a workbook of these sheets.
fn workbook(path: &Path, sheets: &[Sheet]) -> Result<(), XlsxError> {
    let mut book = Workbook::new();
    for (name, title, header, rows) in sheets {
        let sheet = book.add_worksheet().set_name(*name)?;
        sheet.write_string(0, 0, *title)?;
        for (col, text) in header.iter().enumerate() {
            sheet.write_string(1, col as u16, *text)?;
        }
        for (row, cells) in (2..).zip(rows.iter()) {
            for (col, text) in cells.iter().enumerate() {
                sheet.write_string(row, col as u16, *text)?;
            }
        }
    }
    book.save(path)
}

#[test]
fn a_first_and_a_second_instance_sheet_are_one_file() {
    let ws = Workspace::new();
    let path = ws.path().join("应诉台账_2021-03-12.xlsx");
    let header: &[&str] = &["案号", "单位", "立案日期"];
    let appeal: &[&str] = &["二审案号", "单位", "立案日期"];
    workbook(
        &path,
        &[
            (
                "一审",
                "一审案件",
                header,
                &[&["(2021)黔2701行初31号", "都匀市", "2021-01-04"]],
            ),
            (
                "二审",
                "二审案件",
                appeal,
                &[&["(2021)黔27行终5号", "都匀市", "2021-02-04"]],
            ),
        ],
    )
    .expect("workbook");
    ws.run(["import", path.to_string_lossy().as_ref()])
        .success()
        .stdout_has(&["imported 1 file (2 sheets) (2 rows: 2 new"]);
    // The 二审 sheet's case is in the ledger, read from its 二审案号 column.
    let cases = ws.ok(["cases", "--kind", "litigation"]);
    for case_no in ["(2021)黔2701行初31号", "(2021)黔27行终5号"] {
        assert!(cases.contains(case_no), "{case_no} missing from {cases}");
    }
}

#[test]
fn sheets_named_after_counties_under_a_title_naming_the_prefecture() {
    let ws = Workspace::new();
    let units = ws.write(
        "单位名录.csv",
        "单位,别名,区划代码\n黔南州,州本级,522700\n都匀市,都匀,522701\n惠水县,惠水,522731\n"
            .as_bytes(),
    );
    ws.ok(["units", "import", units.to_string_lossy().as_ref()]);
    let path = ws.path().join("复议台账_2021-03-12.xlsx");
    let title = "黔南州都匀市等县市行政复议案件台账";
    let header: &[&str] = &["复议案号", "被申请人", "收案日期", "受理日期"];
    workbook(
        &path,
        &[
            (
                "都匀市",
                title,
                header,
                &[&[
                    "都府复〔2021〕1号",
                    "都匀市公安局",
                    "2021-01-05",
                    "2021-01-08",
                ]],
            ),
            (
                "惠水县",
                title,
                header,
                &[&[
                    "惠府复〔2021〕1号",
                    "惠水县公安局",
                    "2021-01-06",
                    "2021-01-09",
                ]],
            ),
        ],
    )
    .expect("workbook");
    let file = path.to_string_lossy().into_owned();
    // --unit would file both counties under one: refused, and nothing written.
    ws.run(["import", file.as_str(), "--unit", "都匀市"])
        .failure()
        .stderr_has(&["--unit 都匀市, but the sheet name `惠水县` names 惠水县"]);
    // Without it, each sheet's name decides.
    ws.run(["import", file.as_str()])
        .success()
        .stdout_has(&["imported 1 file (2 sheets)"]);
    for unit in ["都匀市", "惠水县"] {
        let mut args = PERIOD.to_vec();
        args.extend(["--unit", unit]);
        let report = ws.report_json(&args);
        assert_eq!(
            count(&report, "counts", "received"),
            1,
            "{unit}: {report:#}"
        );
    }
    // Where neither the sheet nor the file name names a unit, the title's two are an error.
    let undecided = ws.path().join("复议台账_2021-03-19.xlsx");
    let row: &[&str] = &["都府复〔2021〕2号", "都匀市公安局", "2021-01-07", ""];
    workbook(&undecided, &[("Sheet1", title, header, &[row])]).expect("workbook");
    ws.run(["import", undecided.to_string_lossy().as_ref()])
        .failure()
        .stderr_has(&[
            "names 2 units (黔南州、都匀市) while neither the sheet nor the file name names one",
        ]);
}

#[test]
fn a_header_with_a_line_break_is_printed_on_one_line() {
    let ws = Workspace::new();
    let csv = "案号,单位,\"立案\n时间\"\n(2021)黔2701行初41号,都匀市,2021-13-45\n";
    let path = ws.write("in/应诉台账_2021-03-12.csv", csv.as_bytes());
    let run = ws.run(["check", path.to_string_lossy().as_ref()]).failure();
    let run = run.stdout_has(&[":2:立案 时间: error: `2021-13-45` is not a date"]);
    assert!(
        !run.stdout().contains("立案\n"),
        "a raw line break: {}",
        run.stdout()
    );
}

#[test]
fn an_appearance_column_nothing_knows_is_named_never_dropped() {
    let ws = Workspace::new();
    let csv = "案号,单位,立案日期,开庭日期,负责人到庭\n(2021)黔2701行初51号,都匀市,2021-01-04,2021-02-01,是\n";
    let path = ws.write("in/应诉台账_2021-03-12.csv", csv.as_bytes());
    // It shares words with 负责人出庭 but holds none of its listed words: the clerk decides.
    ws.run(["check", path.to_string_lossy().as_ref()])
        .failure()
        .stdout_has(&[
            "负责人到庭: error: unknown column `负责人到庭`",
            "caseledger columns map '负责人到庭=?' --kind litigation",
        ]);
    ws.ok([
        "columns",
        "map",
        "负责人到庭=负责人出庭",
        "--kind",
        "litigation",
    ]);
    ws.ok(["import", path.to_string_lossy().as_ref()]);
    let report = ws.report_json(&PERIOD);
    assert_eq!(count(&report, "counts", "head_appeared"), 1, "{report:#}");
}
