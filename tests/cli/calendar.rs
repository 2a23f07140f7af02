//! `calendar`: the holidays and make-up days a bureau adds for a year the built-in State
//! Council schedule does not cover, read all or nothing from CSV or a workbook, and what
//! they change in `due`.

use serde_json::Value;

use crate::due::{RECONSIDERATION, expected};
use crate::support::Workspace;

/// Writes a calendar CSV into the workspace and imports it by its name.
fn import_calendar(ws: &Workspace, name: &str, text: &str) -> crate::support::Run {
    ws.write(name, text.as_bytes());
    ws.run(["calendar", "import", name])
}

#[test]
fn a_2027_day_imported_moves_a_deadline() {
    let ws = Workspace::new();
    // Received 2027-01-25, copy served Monday 2027-02-01. Without 2027's schedule the 10
    // working days are weekdays: 02-02…02-05, 02-08…02-12, 02-15. On 02-10: 5 days, 3
    // working days (02-11, 02-12, 02-15) left.
    let file = ws.write(
        "in/复议台账_2027-02-01.csv",
        format!("{RECONSIDERATION}都府复〔2027〕1号,都匀市,都匀市税务局,2027-01-25,,,,,否,2027-02-01,,,\n")
            .as_bytes(),
    );
    ws.ok(["import".as_ref(), file.as_os_str()]);
    let run = ws
        .run([
            "due",
            "--on",
            "2027-02-10",
            "--within",
            "14",
            "--format",
            "json",
        ])
        .success()
        .stderr_line_has(&["warning", "2027", "caseledger calendar import"]);
    assert_eq!(
        run.stderr().matches("2027").count(),
        1,
        "one warning, not one per item"
    );
    let list: Value = serde_json::from_str(&run.stdout()).expect("JSON");
    assert_eq!(
        list["items"].as_array().cloned().unwrap_or_default(),
        expected(&["2027-1号 answer 2027-02-15 5 3"])
    );
    ws.run(["calendar", "show", "2027"])
        .success()
        .stdout_has(&["2027: no holiday schedule", "caseledger calendar import"]);

    // A made-up 2027 春节 for the test: 02-05…02-11 off, Saturday 02-20 worked. The answer
    // now counts 02-02, 02-03, 02-04, 02-12, 02-15…02-19, 02-20: due Saturday 02-20, 10
    // days and 7 working days (02-12, 02-15…02-19, 02-20) after 02-10.
    import_calendar(
        &ws,
        "2027年放假安排.csv",
        "日期,类型\n2027-02-05,休\n2027-02-06,休\n2027-02-07,休\n2027-02-08,休\n2027-02-09,休\n2027-02-10,休\n2027-02-11,休\n2027-02-20,班\n",
    )
    .success()
    .stdout_has(&["2027: 7 休, 1 班", "imported 8 calendar days"]);
    let run = ws
        .run([
            "due",
            "--on",
            "2027-02-10",
            "--within",
            "14",
            "--format",
            "json",
        ])
        .success()
        .stderr_lacks(&["warning"]);
    let list: Value = serde_json::from_str(&run.stdout()).expect("JSON");
    assert_eq!(
        list["items"].as_array().cloned().unwrap_or_default(),
        expected(&["2027-1号 answer 2027-02-20 10 7"])
    );
    ws.run(["calendar", "show", "2027"]).success().stdout_has(&[
        "2027: not in the built-in schedule (2004–2026); your 8 days (marked +)",
        "+ 2027-02-05 周五 休",
        "+ 2027-02-20 周六 班",
    ]);
}

#[test]
fn a_calendar_file_with_errors_changes_nothing() {
    let ws = Workspace::new();
    import_calendar(&ws, "2028.csv", "日期,类型\n2028-01-03,休\n").success();
    import_calendar(
        &ws,
        "日历.csv",
        "日期,类型\n2027-02-05,休\n2027-02-30,休\n2027-02-06,放\n2027-02-07,休\n2027-02-07,班\n",
    )
    .failure()
    .stderr_has(&[
        "日历.csv:3:日期: error: `2027-02-30` is not a date",
        "日历.csv:4:类型: error: `放` is not a day type",
        "日历.csv:6:日期: error: 2027-02-07 is given as 班 here and as 休 on row 5; keep one",
        "3 errors in `日历.csv`; no day was imported",
    ]);
    import_calendar(&ws, "空.csv", "日期,说明\n2027-02-05,春节\n")
        .failure()
        .stderr_has(&["空.csv:1: error: required column 类型 is missing"]);
    // Nothing was stored: 2027 still has no schedule.
    ws.run(["calendar", "show", "2027"])
        .success()
        .stdout_has(&["2027: no holiday schedule"]);
}

#[test]
fn a_calendar_workbook_is_read_from_its_sheet_of_days() {
    use crate::sheet::{Sheet, save_workbook};
    let ws = Workspace::new();
    let mut notes = Sheet::new("说明");
    notes.push(vec!["2027年部分节假日安排".into()]);
    let mut days = Sheet::new("2027");
    days.push(vec!["日期".into(), "类型".into()]);
    days.push(vec!["2027-10-01".into(), "休".into()]);
    days.push(vec!["2027-10-09".into(), "班".into()]);
    let path = ws.path().join("日历.xlsx");
    save_workbook(&[notes, days], &path).expect("workbook");
    ws.run(["calendar".as_ref(), "import".as_ref(), path.as_os_str()])
        .success()
        .stdout_has(&["2027: 1 休, 1 班"]);
    ws.run(["calendar", "show", "2027"])
        .success()
        .stdout_has(&["+ 2027-10-01 周五 休", "+ 2027-10-09 周六 班"]);

    // A bad cell is named by its sheet and address.
    let mut bad = Sheet::new("2028");
    bad.push(vec!["日期".into(), "类型".into()]);
    bad.push(vec!["2028-01-01".into(), "假".into()]);
    let path = ws.path().join("日历2028.xlsx");
    save_workbook(&[bad], &path).expect("workbook");
    ws.run(["calendar".as_ref(), "import".as_ref(), path.as_os_str()])
        .failure()
        .stderr_line_has(&["日历2028.xlsx:2:[2028] B2:类型: error: `假` is not a day type"]);
}

#[test]
fn calendar_show_marks_the_built_in_and_added_days() {
    let ws = Workspace::new();
    import_calendar(&ws, "更正.csv", "日期,类型\n2025-10-13,休\n").success();
    ws.run(["calendar", "show", "2025"]).success().stdout_has(&[
        "2025: the State Council's holiday schedule, built into caseledger (2004–2026), with 1 of your days (marked +)",
        "  2025-01-26 周日 班",
        "  2025-02-04 周二 休",
        "  2025-10-08 周三 休",
        "+ 2025-10-13 周一 休",
    ]);
    ws.run(["calendar", "show", "2028"])
        .success()
        .stdout_has(&["2028: no holiday schedule"]);
}
