//! Excel workbooks as offices save them: date cells, serial numbers and text dates,
//! several sheets, and case numbers Excel turned into numbers.
//!
//! Hand counts for `ledger_workbook` (period 2021-01-01 – 2021-03-31): received 1号 2号
//! 3号 = 3; accepted 1号 3号 = 2; closed 1号 (撤销) 2号 (不予受理) = 2; corrected 1; 一审
//! closed 行初7 (判决撤销) = 1, lost 1, heard 1, head appeared 1.

use std::path::Path;

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

use crate::support::{Workspace, count};

fn date(ws: &mut Worksheet, row: u32, col: u16, (y, m, d): (u16, u8, u8)) -> Result<(), XlsxError> {
    let format = Format::new().set_num_format("yyyy-mm-dd");
    ws.write_datetime_with_format(row, col, ExcelDateTime::from_ymd(y, m, d)?, &format)?;
    Ok(())
}

/// A workbook with a notes sheet, a 复议台账 sheet and an 应诉台账 sheet.
fn ledger_workbook(path: &Path) -> Result<(), XlsxError> {
    let mut book = Workbook::new();
    let notes = book.add_worksheet().set_name("填表说明")?;
    notes.write_string(0, 0, "本表每周五报送")?;

    let recon = book.add_worksheet().set_name("复议")?;
    recon.write_string(0, 0, "2021年行政复议案件台账")?;
    for (col, header) in [
        "复议案号",
        "单位",
        "申请人",
        "收到申请日期",
        "受理日期",
        "办结日期",
        "审理结果",
    ]
    .iter()
    .enumerate()
    {
        recon.write_string(1, col as u16, *header)?;
    }
    // Row 3: real date cells.
    recon.write_string(2, 0, "都府复〔2021〕1号")?;
    recon.write_string(2, 1, "都匀市")?;
    recon.write_string(2, 2, "王某某")?;
    date(recon, 2, 3, (2021, 1, 5))?;
    date(recon, 2, 4, (2021, 1, 8))?;
    date(recon, 2, 5, (2021, 3, 1))?;
    recon.write_string(2, 6, "撤销")?;
    // Row 4: serial numbers in General cells (44228 = 2021-02-01, 44232 = 2021-02-05).
    recon.write_string(3, 0, "都府复〔2021〕2号")?;
    recon.write_string(3, 1, "都匀市")?;
    recon.write_number(3, 3, 44_228)?;
    recon.write_number(3, 5, 44_232)?;
    recon.write_string(3, 6, "不予受理")?;
    // Row 5: text dates.
    recon.write_string(4, 0, "都府复〔2021〕3号")?;
    recon.write_string(4, 1, "都匀市")?;
    recon.write_string(4, 3, "2021年2月10日")?;
    recon.write_string(4, 4, "2021.2.12")?;

    let suits = book.add_worksheet().set_name("应诉")?;
    for (col, header) in [
        "案号",
        "单位",
        "被告",
        "立案日期",
        "开庭日期",
        "负责人出庭",
        "结案日期",
        "裁判结果",
    ]
    .iter()
    .enumerate()
    {
        suits.write_string(0, col as u16, *header)?;
    }
    suits.write_string(1, 0, "(2021)黔2701行初7号")?;
    suits.write_string(1, 1, "福泉市")?;
    suits.write_string(1, 2, "福泉市人民政府")?;
    date(suits, 1, 3, (2021, 1, 10))?;
    date(suits, 1, 4, (2021, 2, 1))?;
    suits.write_boolean(1, 5, true)?;
    date(suits, 1, 6, (2021, 3, 1))?;
    suits.write_string(1, 7, "判决撤销")?;
    book.save(path)
}

#[test]
fn every_ledger_sheet_of_a_workbook_imports() {
    let ws = Workspace::new();
    let path = ws.path().join("周报_2021-03-31.xlsx");
    ledger_workbook(&path).expect("workbook");
    ws.run(["import".as_ref(), path.as_os_str()])
        .success()
        .stdout_has(&[
            "周报_2021-03-31.xlsx [填表说明]: no ledger header row in this sheet; skipped",
            "周报_2021-03-31.xlsx [复议]: 复议台账 as of 2021-03-31 (file name), 3 rows: 3 new",
            "周报_2021-03-31.xlsx [应诉]: 应诉台账 as of 2021-03-31 (file name), 1 row: 1 new",
            "personal names not stored: 申请人 (1 file)",
        ]);
    let report = ws.report_json(&[]);
    let keys = [
        "received",
        "accepted",
        "closed",
        "not_accepted",
        "corrected",
    ];
    assert_eq!(keys.map(|k| count(&report, "counts", k)), [3, 2, 2, 1, 1]);
    let keys = ["first_instance_closed", "lost", "heard", "head_appeared"];
    assert_eq!(keys.map(|k| count(&report, "counts", k)), [1, 1, 1, 1]);

    // Re-importing the workbook is recognised as a whole.
    ws.run(["import".as_ref(), path.as_os_str()])
        .success()
        .stdout_has(&["already imported"]);
}

#[test]
fn only_the_named_sheet_with_sheet_flag() {
    let ws = Workspace::new();
    let path = ws.path().join("周报_2021-03-31.xlsx");
    ledger_workbook(&path).expect("workbook");
    ws.run([
        "import".as_ref(),
        "--sheet".as_ref(),
        "应诉".as_ref(),
        path.as_os_str(),
    ])
    .success()
    .stdout_has(&["[应诉]: 应诉台账"]);
    assert_eq!(count(&ws.report_json(&[]), "counts", "received"), 0);
    ws.run([
        "import".as_ref(),
        "--sheet".as_ref(),
        "汇总".as_ref(),
        path.as_os_str(),
    ])
    .failure()
    .stderr_has(&["no sheet `汇总` in this workbook (sheets: 填表说明, 复议, 应诉)"]);
}

#[test]
fn case_numbers_excel_made_into_numbers_are_errors_with_the_cell() {
    let ws = Workspace::new();
    let path = ws.path().join("复议台账_2021-03-31.xlsx");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name("Sheet1").expect("name");
    for (col, header) in ["案号", "单位", "收案日期", "结案日期"].iter().enumerate() {
        sheet.write_string(0, col as u16, *header).expect("header");
    }
    sheet.write_number(1, 0, 202_100_015).expect("number");
    sheet.write_string(1, 1, "都匀市").expect("unit");
    sheet.write_string(1, 2, "2021-01-05").expect("date");
    sheet.write_string(2, 0, "2.02100E+11").expect("text");
    sheet.write_string(2, 1, "都匀市").expect("unit");
    sheet.write_string(2, 2, "2021-13-05").expect("date");
    sheet.write_string(2, 3, "2021-02-01").expect("date");
    book.save(&path).expect("save");
    let file = path.display().to_string();
    ws.run(["import".as_ref(), path.as_os_str()]).failure().stderr_has(&[
        &format!("{file}:2:[Sheet1] A2:案号: error: the case number `202100015` is stored as a number"),
        &format!("{file}:3:[Sheet1] A3:案号: error: the case number `2.02100E+11` is in scientific notation"),
        &format!("{file}:3:[Sheet1] C3:收案日期: error: `2021-13-05` is not a date"),
        &format!("{file}:3:[Sheet1] D3:结案日期: error: a closed case needs its outcome"),
        "error: 4 errors in 1 file",
    ]);
    assert!(!ws.ledger().exists());
}

#[test]
fn a_date_typed_as_digits_into_a_number_cell_is_a_date() {
    let ws = Workspace::new();
    let path = ws.path().join("复议台账_2021-03-31.xlsx");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (col, header) in ["案号", "单位", "收案日期"].iter().enumerate() {
        sheet.write_string(0, col as u16, *header).expect("header");
    }
    sheet.write_string(1, 0, "都府复〔2021〕1号").expect("case");
    sheet.write_string(1, 1, "都匀市").expect("unit");
    sheet
        .write_number(1, 2, 20_210_105)
        .expect("date as digits");
    book.save(&path).expect("save");
    ws.ok(["import".as_ref(), path.as_os_str()]);
    let cases: serde_json::Value =
        serde_json::from_str(&ws.ok(["cases", "--format", "json"])).expect("json");
    assert_eq!(cases[0]["received_on"], "2021-01-05");
}
