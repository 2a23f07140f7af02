//! The committed workbooks of `tests/data/layouts/` in every format offices send —
//! .xlsx, .xls (merges kept) and .ods (no merges in our reader) — import with the figures
//! and cases of the plain CSV of the same cases; the .xlsx files are what the generator
//! writes, and the .xls kept the .xlsx's merged cells through the conversion.

use std::path::Path;

use calamine::{Dimensions, Reader, Xls, Xlsx, open_workbook};

use crate::case_set::{litigation, reconsideration};
use crate::comparison::{Ledger, assert_same, csv_workspace, import, layout_fixture, try_import};
use crate::layout::{FIXTURES, fixture_sheets};
use crate::sheet::save_workbook;
use crate::support::{Workspace, fixtures};

/// Imports one fixture into a fresh ledger and compares it with the plain CSV.
#[track_caller]
fn assert_imports_like_plain_csv(name: &str) {
    let ws = Workspace::new();
    import(&ws, &[layout_fixture(&ws, name)]);
    let plain = Ledger::of(&csv_workspace(&[reconsideration(), litigation()]));
    assert_same(&Ledger::of(&ws), &plain, name);
}

#[test]
fn the_xlsx_fixture_imports_like_the_plain_csv() {
    assert_imports_like_plain_csv("两级表头_合并单元格.xlsx");
}

#[test]
fn the_xls_fixture_with_merged_cells_imports_like_the_plain_csv() {
    assert_imports_like_plain_csv("两级表头_合并单元格.xls");
}

#[test]
fn the_ods_fixture_imports_like_the_plain_csv() {
    assert_imports_like_plain_csv("两级表头_逐行单位.ods");
}

#[test]
fn an_ods_with_merged_units_is_refused_with_advice_to_save_as_xlsx() {
    // Our .ods reader sees no merges, so the rows under a merged 单位 have none.
    let ws = Workspace::new();
    try_import(&ws, &[layout_fixture(&ws, "两级表头_合并单元格.ods")])
        .failure()
        .stderr_line_has(&["单位", ".xlsx"]);
    assert!(!ws.ledger().exists(), "nothing was written");
}

/// Each sheet's merged ranges, sorted, as calamine reads them.
fn sorted(mut merges: Vec<Dimensions>) -> Vec<((u32, u32), (u32, u32))> {
    merges.sort_by_key(|d| (d.start, d.end));
    merges.into_iter().map(|d| (d.start, d.end)).collect()
}

#[test]
fn the_xls_fixture_keeps_the_merged_cells_of_the_xlsx() {
    let dir = fixtures().join("layouts");
    let mut xlsx: Xlsx<_> = open_workbook(dir.join("两级表头_合并单元格.xlsx")).expect("xlsx");
    let xls: Xls<_> = open_workbook(dir.join("两级表头_合并单元格.xls")).expect("xls");
    assert_eq!(xls.sheet_names(), xlsx.sheet_names());
    for sheet in xlsx.sheet_names() {
        let original = sorted(xlsx.merge_cells_by_sheet_name(&sheet).expect("xlsx merges"));
        let converted = sorted(xls.merge_cells_by_sheet_name(&sheet).expect("xls merges"));
        assert!(!original.is_empty(), "[{sheet}] has merged cells");
        assert_eq!(converted, original, "[{sheet}] merged ranges");
    }
}

#[test]
fn the_xlsx_fixtures_are_what_the_generator_writes() {
    // If this fails after a change to the case set or the layouts, regenerate and
    // convert as tests/data/layouts/README.md says.
    let ws = Workspace::new();
    for (name, merged) in FIXTURES {
        let fresh = ws.path().join(name);
        save_workbook(&fixture_sheets(merged), &fresh).expect("write workbook");
        let committed = fixtures().join("layouts").join(name);
        assert!(
            same_bytes(&fresh, &committed),
            "{name} differs from what examples/make_layout_fixtures.rs writes"
        );
    }
}

fn same_bytes(a: &Path, b: &Path) -> bool {
    std::fs::read(a).expect("read") == std::fs::read(b).expect("read")
}
