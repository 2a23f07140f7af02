//! Workbooks laid out as offices lay them out (SPEC §2.6) import with the same figures and
//! the same cases as a plain one-row-header CSV of the same cases: title rows, two-level
//! headers with or without merge information, column numbers, merged data cells, 序号
//! with 小计/合计 rows, footers, spacer rows, an instructions sheet, and the unit taken
//! from a title, a sheet name or a file name.
//!
//! Each test lays out the shared case set (`case_set`), imports it, and compares with the
//! plain CSV of those cases; no figure is typed here.

use crate::case_set::{Table, UNITS, litigation, reconsideration};
use crate::comparison::{
    AS_OF, Ledger, assert_same, csv_workspace, csv_workspace_with_registry, import, load_registry,
    skip_notes, try_import, write_sheets_as_csv, write_workbook,
};
use crate::layout::Layout;
use crate::sheet::{Merge, Sheet};
use crate::support::Workspace;

/// A title that names no registered unit (黔南州 is the prefecture, not a unit).
const TITLE: &str = "黔南州2021年案件台账（截至2021年12月31日）";

/// Both ledgers of the case set as sheets 复议 and 应诉, laid out alike.
fn both_sheets(layout: &Layout) -> Vec<Sheet> {
    vec![
        layout.sheet("复议", &reconsideration()),
        layout.sheet("应诉", &litigation()),
    ]
}

fn both_plain() -> Ledger {
    Ledger::of(&csv_workspace(&[reconsideration(), litigation()]))
}

/// Imports sheets as one workbook into a fresh ledger and reads it back.
fn import_workbook(sheets: &[Sheet]) -> Ledger {
    let ws = Workspace::new();
    import(&ws, &[write_workbook(&ws, "台账.xlsx", sheets)]);
    Ledger::of(&ws)
}

#[test]
fn title_rows_above_a_one_row_header_are_skipped() {
    // 「单位：件」 is the unit of measure statistical tables print under their title.
    let layout = Layout {
        titles: vec![TITLE, "单位：件"],
        ..Layout::default()
    };
    let sheets = both_sheets(&layout);
    assert_same(&import_workbook(&sheets), &both_plain(), "titles (.xlsx)");
    let ws = Workspace::new();
    import(&ws, &write_sheets_as_csv(&ws, &sheets));
    assert_same(&Ledger::of(&ws), &both_plain(), "titles (.csv)");
}

#[test]
fn a_title_and_a_two_level_header_read_like_one_header_row() {
    // 「办理情况」 merged over three date columns, 案号 … merged down over both rows, and
    // a row of column numbers under them.
    let layout = Layout {
        titles: vec![TITLE],
        two_level: true,
        column_numbers: true,
        ..Layout::default()
    };
    assert_same(
        &import_workbook(&both_sheets(&layout)),
        &both_plain(),
        "two-level header (.xlsx)",
    );
}

#[test]
fn a_two_level_header_saved_as_csv_reads_the_same() {
    // No merge information: 办理情况 stands above 收案日期 with empty cells beside it,
    // and 案号 above an empty cell. A column is named by its lowest header text.
    let layout = Layout {
        titles: vec![TITLE],
        two_level: true,
        column_numbers: true,
        ..Layout::default()
    };
    let ws = Workspace::new();
    import(&ws, &write_sheets_as_csv(&ws, &both_sheets(&layout)));
    assert_same(&Ledger::of(&ws), &both_plain(), "two-level header (.csv)");
}

#[test]
fn a_row_of_column_numbers_under_the_header_is_skipped() {
    let layout = Layout {
        column_numbers: true,
        ..Layout::default()
    };
    let ws = Workspace::new();
    import(&ws, &write_sheets_as_csv(&ws, &both_sheets(&layout)));
    assert_same(&Ledger::of(&ws), &both_plain(), "column numbers (.csv)");
}

#[test]
fn a_value_in_a_merged_cell_belongs_to_every_row_it_covers() {
    let layout = Layout {
        merged: vec!["单位", "被告"],
        ..Layout::default()
    };
    let sheets = both_sheets(&layout);
    for sheet in &sheets {
        assert!(!sheet.merges().is_empty(), "{} merges its 单位", sheet.name);
    }
    assert_same(
        &import_workbook(&sheets),
        &both_plain(),
        "merged 单位 and 被告",
    );
}

/// The merge whose top-left cell holds `value`.
#[track_caller]
fn merge_holding(sheet: &Sheet, value: &str) -> Merge {
    *sheet
        .merges()
        .iter()
        .find(|m| sheet.get(m.first_row, m.first_col) == value)
        .unwrap_or_else(|| panic!("no merge starting with `{value}`"))
}

#[test]
fn a_bad_value_in_a_merged_cell_is_reported_at_its_top_left_cell() {
    // A unit the registry does not know, written once for 都匀市's block, and an
    // impossible date written once for two 福泉市 cases received the same day.
    let mut cases =
        reconsideration().rewritten(&["单位"], |unit, _| unit.replace("都匀市", "都云市"));
    let received = cases.column("收案日期");
    for row in cases
        .rows
        .iter_mut()
        .filter(|r| r[0].starts_with("福府复〔2021〕"))
        .take(2)
    {
        "2021-02-30".clone_into(&mut row[received]);
    }
    let layout = Layout {
        titles: vec![TITLE],
        merged: vec!["单位", "收案日期"],
        ..Layout::default()
    };
    let sheet = layout.sheet("台账", &cases);
    let ws = Workspace::new();
    load_registry(&ws);
    let book = write_workbook(&ws, "复议台账.xlsx", std::slice::from_ref(&sheet));
    let mut run = try_import(&ws, &[book]).failure();
    for (value, column) in [("都云市", "单位"), ("2021-02-30", "收案日期")] {
        let merge = merge_holding(&sheet, value);
        let at = format!("[台账] {}", merge.top_left());
        run = run.stderr_line_has(&[&at, column, value]);
        let covered: Vec<String> = merge
            .covered()
            .iter()
            .map(|c| format!("[台账] {c}"))
            .collect();
        run = run.stderr_lacks(&covered.iter().map(String::as_str).collect::<Vec<_>>());
    }
    assert_eq!(Ledger::of(&ws).case_count(), 0, "nothing was imported");
}

#[test]
fn csv_keeps_no_merges_so_an_empty_unit_is_an_error_that_suggests_xlsx() {
    // Excel's CSV of a sheet with merged 单位 cells: the unit on each block's first row.
    let layout = Layout {
        merged: vec!["单位"],
        ..Layout::default()
    };
    let ws = Workspace::new();
    let files = write_sheets_as_csv(&ws, &[layout.sheet("复议台账", &reconsideration())]);
    try_import(&ws, &files)
        .failure()
        .stderr_line_has(&["单位", ".xlsx"]);
    assert!(!ws.ledger().exists(), "nothing was written");
}

/// A 序号 column with 小计 after each unit and a total row, a spacer row between units,
/// and footer lines whose 填报人 line carries a date.
fn with_totals_and_footer(total: &'static str) -> Layout {
    Layout {
        titles: vec![TITLE],
        serial: Some(total),
        spacers: true,
        footer: true,
        ..Layout::default()
    }
}

#[test]
fn totals_footers_spacers_and_an_instructions_sheet_are_skipped_with_a_note() {
    let ws = Workspace::new();
    let mut notes = Sheet::new("填表说明");
    notes.push(vec!["填表说明".to_owned()]);
    notes.push(vec!["1．本表每周五下班前报送州司法局。".to_owned()]);
    notes.push(vec![
        "2．日期一律填写为2021-08-31格式，结案方式按法定用语填写。".to_owned(),
    ]);
    let sheets = vec![
        notes,
        with_totals_and_footer("合计").sheet("复议", &reconsideration()),
        with_totals_and_footer("总计").sheet("应诉", &litigation()),
    ];
    let book = write_workbook(&ws, "台账.xlsx", &sheets);
    let run = import(&ws, std::slice::from_ref(&book)).stderr_lacks(&["error"]);
    let notes: Vec<String> = skip_notes(&run, &book)
        .into_iter()
        .filter(|n| !n.contains("[填表说明]"))
        .collect();
    assert!(
        (1..=2).contains(&notes.len()),
        "one note about the skipped rows (at most one per ledger sheet), not one per row:\n{}\n{}",
        run.stdout(),
        run.stderr()
    );
    assert_same(
        &Ledger::of(&ws),
        &both_plain(),
        "totals and footers (.xlsx)",
    );
}

#[test]
fn footer_lines_in_the_case_number_column_are_not_cases() {
    // Without a 序号 column the footer's 填报人：张三 stands where a case number would,
    // beside a date in the first date column.
    let layout = Layout {
        titles: vec![TITLE],
        spacers: true,
        footer: true,
        ..Layout::default()
    };
    let ws = Workspace::new();
    let files = write_sheets_as_csv(&ws, &both_sheets(&layout));
    let run = import(&ws, &files).stderr_lacks(&["error"]);
    for file in &files {
        let notes = skip_notes(&run, file);
        assert_eq!(
            notes.len(),
            1,
            "one note for {}:\n{}\n{}",
            file.display(),
            run.stdout(),
            run.stderr()
        );
    }
    assert_same(&Ledger::of(&ws), &both_plain(), "footers (.csv)");
}

#[test]
fn an_instructions_sheet_that_names_the_columns_is_not_a_ledger() {
    // Templates explain each column in a table whose first column holds the column
    // names, 案号 among them: that row is no ledger header.
    let mut notes = Sheet::new("填表说明");
    notes.push(vec!["栏目".to_owned(), "填写要求".to_owned()]);
    for (column, rule) in [
        ("案号", "填写行政复议决定书或法院裁判文书的文号"),
        ("单位", "填写被申请人或被告所属县市"),
        ("收案日期", "填写收到申请之日"),
        ("结案方式", "按法定用语填写"),
    ] {
        notes.push(vec![column.to_owned(), rule.to_owned()]);
    }
    let mut sheets = vec![notes];
    sheets.extend(both_sheets(&Layout::default()));
    assert_same(
        &import_workbook(&sheets),
        &both_plain(),
        "instructions sheet",
    );
}

/// The 复议 cases of one unit, and a sheet of them without the 单位 column.
fn one_unit(unit: &str, titles: Vec<&'static str>, sheet: &str) -> (Table, Sheet) {
    let cases = reconsideration().only("单位", unit);
    let layout = Layout {
        titles,
        ..Layout::default()
    };
    let sheet = layout.sheet(sheet, &cases.without("单位"));
    (cases, sheet)
}

const DUYUN_TITLE: &str = "都匀市2021年行政复议案件台账（截至2021年8月31日）";

#[test]
fn the_title_gives_the_unit_when_a_registry_knows_it() {
    let (cases, sheet) = one_unit("都匀市", vec![DUYUN_TITLE], "Sheet1");
    let ws = Workspace::new();
    load_registry(&ws);
    let book = write_workbook(&ws, "复议台账.xlsx", &[sheet]);
    let run = import(&ws, &[book]);
    assert!(
        format!("{}{}", run.stdout(), run.stderr()).contains("都匀市"),
        "the import says which unit it used:\n{}\n{}",
        run.stdout(),
        run.stderr()
    );
    let plain = csv_workspace_with_registry(&[cases]);
    assert_same(&Ledger::of(&ws), &Ledger::of(&plain), "unit from the title");
    let by_unit = ["--from", "2021-01-01", "--to", AS_OF, "--unit", "都匀市"];
    assert_eq!(
        ws.report_json(&by_unit),
        plain.report_json(&by_unit),
        "report --unit 都匀市"
    );
}

#[test]
fn without_a_registry_a_title_gives_no_unit() {
    let (_, sheet) = one_unit("都匀市", vec![DUYUN_TITLE], "Sheet1");
    let ws = Workspace::new();
    let book = write_workbook(&ws, "复议台账.xlsx", &[sheet]);
    try_import(&ws, &[book]).failure().stderr_has(&["--unit"]);
    assert!(!ws.ledger().exists(), "nothing was written");
}

#[test]
fn a_title_naming_two_units_gives_no_unit() {
    let (_, sheet) = one_unit(
        "都匀市",
        vec!["都匀市、福泉市2021年行政复议案件台账（截至2021年8月31日）"],
        "Sheet1",
    );
    let ws = Workspace::new();
    load_registry(&ws);
    let book = write_workbook(&ws, "复议台账.xlsx", &[sheet]);
    try_import(&ws, &[book]).failure().stderr_has(&["--unit"]);
    assert_eq!(Ledger::of(&ws).case_count(), 0, "nothing was imported");
}

#[test]
fn each_county_sheet_is_imported_as_its_unit() {
    // The title names no unit, so each sheet's name gives it.
    let sheets: Vec<Sheet> = UNITS
        .iter()
        .map(|unit| one_unit(unit, vec!["2021年行政复议案件台账"], unit).1)
        .collect();
    let ws = Workspace::new();
    load_registry(&ws);
    import(&ws, &[write_workbook(&ws, "各县台账.xlsx", &sheets)]);
    let layout = Ledger::of(&ws);
    let plain = Ledger::of(&csv_workspace_with_registry(&[reconsideration()]));
    assert_eq!(
        layout.report["rows"], plain.report["rows"],
        "report --by unit rows"
    );
    assert_same(&layout, &plain, "one sheet per county");
}

#[test]
fn the_file_name_gives_the_unit_when_nothing_inside_does() {
    let (cases, sheet) = one_unit("福泉市", Vec::new(), "Sheet1");
    let ws = Workspace::new();
    load_registry(&ws);
    let file = ws.write("福泉市复议台账.csv", &sheet.to_csv());
    import(&ws, &[file]);
    assert_same(
        &Ledger::of(&ws),
        &Ledger::of(&csv_workspace_with_registry(&[cases])),
        "unit from the file name",
    );
}
