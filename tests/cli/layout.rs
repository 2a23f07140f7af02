//! The layouts offices give a ledger (SPEC §2.6): title rows, a two-level header over a
//! row of column numbers, values written once in merged cells, a 序号 column with 小计 and
//! 合计 rows, blank spacer rows and footer lines. A [`Layout`] lays a [`Table`] of cases
//! out as a [`Sheet`]; the cases themselves never change.
//!
//! Shared by the tests and by `examples/make_layout_fixtures.rs`.

use crate::case_set::{Table, litigation, reconsideration};
use crate::sheet::{Merge, Sheet};

/// Group headers of a two-level 复议台账 header: 「办理情况」 over the three dates.
const RECONSIDERATION_GROUPS: &[(&str, &[&str])] =
    &[("办理情况", &["收案日期", "受理日期", "结案日期"])];

/// Group headers of a two-level 应诉台账 header.
const LITIGATION_GROUPS: &[(&str, &[&str])] = &[
    ("开庭情况", &["开庭日期", "负责人出庭"]),
    ("结案情况", &["结案日期", "裁判结果"]),
];

/// The footer lines a template ends with; the 填报人 line also carries the date it was
/// filled in, in the first date column, so that it looks like a case.
const FOOTER: [&str; 5] = [
    "填报单位：黔南州司法局",
    "填报人：张三",
    "审核人：李四",
    "联系电话：0854-8223456",
    "填报日期：2021年9月1日",
];
const FOOTER_DATE: &str = "2021-09-01";

/// How a sheet is laid out; `Layout::default()` is the plain one-row header.
// Each flag is one independent habit of a template; tests combine them freely.
#[allow(clippy::struct_excessive_bools)]
#[derive(Debug, Clone, Default)]
pub struct Layout {
    /// Title rows above the header, each merged across the table.
    pub titles: Vec<&'static str>,
    /// A two-level header: group headers merged across their columns above the column
    /// names, and every other column's name merged down over both rows.
    pub two_level: bool,
    /// A row of column numbers (1, 2, 3 …) under the header.
    pub column_numbers: bool,
    /// Columns whose runs of equal values within a unit's block are written once, in a
    /// cell merged down over the run (names the table lacks are ignored).
    pub merged: Vec<&'static str>,
    /// A 序号 column, a 小计 row after each unit's block and this total row (合计, 总计)
    /// at the end.
    pub serial: Option<&'static str>,
    /// A blank row between units' blocks.
    pub spacers: bool,
    /// Footer lines under the data.
    pub footer: bool,
}

impl Layout {
    /// Lays the table out on a sheet called `name`.
    pub fn sheet(&self, name: &str, table: &Table) -> Sheet {
        let mut header = table.header.clone();
        if self.serial.is_some() {
            header.insert(0, "序号".to_owned());
        }
        let offset = usize::from(self.serial.is_some());
        let width = header.len() as u16;
        let mut sheet = Sheet::new(name);
        for title in &self.titles {
            let row = sheet.push(vec![(*title).to_owned()]);
            sheet.merge(Merge {
                first_row: row,
                first_col: 0,
                last_row: row,
                last_col: width - 1,
            });
        }
        if self.two_level {
            two_level_header(&mut sheet, &header);
        } else {
            sheet.push(header.clone());
        }
        if self.column_numbers {
            sheet.push((1..=width).map(|n| n.to_string()).collect());
        }

        for (index, block) in blocks(table).into_iter().enumerate() {
            if self.spacers && index > 0 {
                sheet.push_blank();
            }
            let rows: Vec<u32> = block
                .clone()
                .map(|i| {
                    let mut cells = table.rows[i].clone();
                    if self.serial.is_some() {
                        cells.insert(0, (i + 1).to_string());
                    }
                    sheet.push(cells)
                })
                .collect();
            for name in &self.merged {
                if let Some(col) = table.header.iter().position(|h| h == name) {
                    merge_runs(
                        &mut sheet,
                        rows[0],
                        rows.len() as u32,
                        (col + offset) as u16,
                    );
                }
            }
            if self.serial.is_some() {
                sheet.push(total_row("小计", block.len()));
            }
        }
        if let Some(total) = self.serial {
            sheet.push(total_row(total, table.rows.len()));
        }
        if self.footer {
            sheet.push_blank();
            let date_col = header.iter().position(|h| h.ends_with("日期"));
            for line in FOOTER {
                let mut cells = vec![line.to_owned()];
                if line.starts_with("填报人") {
                    let date_col = date_col.expect("a date column for the footer's date");
                    cells.resize(date_col + 1, String::new());
                    FOOTER_DATE.clone_into(&mut cells[date_col]);
                }
                sheet.push(cells);
            }
        }
        sheet
    }
}

/// The group row and the column-name row, merged as a template merges them.
fn two_level_header(sheet: &mut Sheet, header: &[String]) {
    let groups = if header.iter().any(|h| h == "收案日期") {
        RECONSIDERATION_GROUPS
    } else {
        LITIGATION_GROUPS
    };
    // Every name starts in the upper row; a group's members move down under it.
    let top = sheet.push(header.to_vec());
    sheet.push(Vec::new());
    let mut col = 0;
    while col < header.len() {
        let first_col = col as u16;
        let group = groups.iter().find(|(_, members)| members[0] == header[col]);
        let (last_row, last_col) = if let Some((group, members)) = group {
            let names = header[col..].iter().take(members.len()).map(String::as_str);
            assert!(
                names.eq(members.iter().copied()),
                "the columns of 「{group}」 side by side"
            );
            for (name, col) in members.iter().zip(first_col..) {
                sheet.set(top + 1, col, name);
            }
            sheet.set(top, first_col, group);
            col += members.len();
            (top, col as u16 - 1)
        } else {
            col += 1;
            (top + 1, first_col)
        };
        sheet.merge(Merge {
            first_row: top,
            first_col,
            last_row,
            last_col,
        });
    }
}

/// The runs of rows that share a 单位 (the whole table when it has no 单位 column).
fn blocks(table: &Table) -> Vec<std::ops::Range<usize>> {
    let unit = table.header.iter().position(|h| h == "单位");
    let unit_of = |row: usize| unit.map(|u| &table.rows[row][u]);
    let mut blocks: Vec<std::ops::Range<usize>> = Vec::new();
    for row in 0..table.rows.len() {
        match blocks.last_mut() {
            Some(block) if unit_of(block.start) == unit_of(row) => block.end = row + 1,
            _ => blocks.push(row..row + 1),
        }
    }
    blocks
}

/// Merges each run of equal, non-empty cells in `col` over `rows` rows from `first`.
fn merge_runs(sheet: &mut Sheet, first: u32, rows: u32, col: u16) {
    let mut start = first;
    while start < first + rows {
        let value = sheet.get(start, col).to_owned();
        let mut end = start;
        while end + 1 < first + rows && sheet.get(end + 1, col) == value {
            end += 1;
        }
        if end > start && !value.is_empty() {
            sheet.merge(Merge {
                first_row: start,
                first_col: col,
                last_row: end,
                last_col: col,
            });
        }
        start = end + 1;
    }
}

/// A 小计/合计 row: the label in 序号 and the number of cases in 案号, as templates do.
fn total_row(label: &str, cases: usize) -> Vec<String> {
    vec![label.to_owned(), format!("共{cases}件")]
}

/// The workbooks of `tests/data/layouts/` and whether 单位 and 被告 are merged in them;
/// the .xls and .ods files are converted from them (see the README there).
pub const FIXTURES: [(&str, bool); 2] = [
    ("两级表头_合并单元格.xlsx", true),
    ("两级表头_逐行单位.xlsx", false),
];

/// The sheets of `tests/data/layouts/`: both ledgers under a title, with a two-level
/// header and column numbers; with `merged`, 单位 and 被告 written once per run of rows.
pub fn fixture_sheets(merged: bool) -> Vec<Sheet> {
    let layout = |title| Layout {
        titles: vec![title],
        two_level: true,
        column_numbers: true,
        merged: if merged {
            vec!["单位", "被告"]
        } else {
            Vec::new()
        },
        ..Layout::default()
    };
    vec![
        layout("黔南州2021年行政复议案件台账（截至2021年12月31日）")
            .sheet("复议台账", &reconsideration()),
        layout("黔南州2021年行政应诉案件台账（截至2021年12月31日）")
            .sheet("应诉台账", &litigation()),
    ]
}
