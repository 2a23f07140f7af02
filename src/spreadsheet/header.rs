//! Finding a sheet's header the way offices lay it out: title rows above it, a group row
//! over sub-headers (「办理情况」 over 收案日期/受理日期/结案日期), header cells merged
//! down over the block, and a row of column numbers under it.
//!
//! It works on cell text alone, so a CSV saved from such a sheet reads like the workbook;
//! where a format records merges, the reader has already filled merged cells down.

use super::cell::Cell;
use super::columns::{self, Field};
use super::{Diagnostic, RawRow, Rows};
use crate::model::Kind;

/// How far down to look for the row naming the case-number column.
const SEARCH_ROWS: usize = 10;

/// Rows a header block may span: a group row or two above the sub-headers.
const MAX_BLOCK_ROWS: usize = 4;

/// The header of a sheet, however many rows it takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderBlock {
    /// The first and last rows of the block (equal for a one-row header).
    pub first_row: u32,
    pub last_row: u32,
    /// Each column's name: the lowest non-empty header text in its column.
    pub names: Vec<String>,
    /// The text of each non-blank row above the block (the sheet's title), in order.
    pub titles: Vec<String>,
}

/// What the top of a sheet holds.
#[derive(Debug)]
pub enum Top {
    /// A header block that names a case-number column.
    Found(HeaderBlock),
    /// No such block: the first non-blank row, whose missing columns will be reported.
    Guess(HeaderBlock),
    /// Nothing but blank rows.
    Empty,
}

/// Reads the top of a sheet up to and including its header (and a column-number row
/// under it), and returns what it found with the rows read past it, which the caller
/// puts back in front of the rest.
pub fn find(rows: &mut Rows, kinds: &[Kind]) -> Result<(Top, Vec<RawRow>), Vec<Diagnostic>> {
    let mut above: Vec<RawRow> = Vec::new();
    for _ in 0..SEARCH_ROWS {
        let Some(row) = next(rows)? else { break };
        if is_blank(&row) {
            continue;
        }
        let Some(case_column) = case_number_column(&row, kinds) else {
            above.push(row);
            continue;
        };
        // Header rows directly above (a group row naming 单位 …) belong to the block.
        let mut block = vec![row];
        while block.len() < MAX_BLOCK_ROWS {
            match above.last() {
                Some(r) if r.row + 1 == block[0].row && names_a_column(r, kinds) => {
                    if let Some(r) = above.pop() {
                        block.insert(0, r);
                    }
                }
                _ => break,
            }
        }
        let mut pushed_back = Vec::new();
        while let Some(candidate) = next(rows)? {
            if block.len() < MAX_BLOCK_ROWS && continues(&candidate, case_column, kinds) {
                block.push(candidate);
                continue;
            }
            if !is_column_numbers(&candidate) {
                pushed_back.push(candidate);
            }
            break;
        }
        let header = HeaderBlock {
            first_row: block[0].row,
            last_row: block[block.len() - 1].row,
            names: lowest_names(&block),
            titles: above.iter().map(row_text).collect(),
        };
        return Ok((Top::Found(header), pushed_back));
    }
    let mut above = above.into_iter();
    Ok(match above.next() {
        Some(first) => {
            let header = HeaderBlock {
                first_row: first.row,
                last_row: first.row,
                names: first
                    .cells
                    .iter()
                    .map(|c| columns::one_line(&c.text()))
                    .collect(),
                titles: Vec::new(),
            };
            (Top::Guess(header), above.collect())
        }
        None => (Top::Empty, Vec::new()),
    })
}

fn next(rows: &mut Rows) -> Result<Option<RawRow>, Vec<Diagnostic>> {
    rows.next().transpose().map_err(|d| vec![d])
}

fn is_blank(row: &RawRow) -> bool {
    row.cells.iter().all(Cell::is_blank)
}

/// The column whose header names the case number in one of `kinds`.
fn case_number_column(row: &RawRow, kinds: &[Kind]) -> Option<usize> {
    row.cells.iter().position(|cell| {
        let text = cell.text();
        kinds
            .iter()
            .any(|k| columns::field_for(*k, &text) == Some(Field::CaseNo))
    })
}

fn is_header_text(text: &str, kinds: &[Kind]) -> bool {
    !text.is_empty()
        && (kinds.iter().any(|k| columns::field_for(*k, text).is_some())
            || columns::is_personal(text))
}

/// Whether a row names at least one column of a ledger.
fn names_a_column(row: &RawRow, kinds: &[Kind]) -> bool {
    row.cells.iter().any(|c| is_header_text(&c.text(), kinds))
}

/// Whether a row under the header's first row is still header: it names a column, and
/// its case-number cell is blank (or the case-number header, filled down from a merge).
/// A data row always has a case number there.
fn continues(row: &RawRow, case_column: usize, kinds: &[Kind]) -> bool {
    let case_cell_is_header = row
        .cells
        .get(case_column)
        .is_none_or(|c| c.is_blank() || is_header_text(&c.text(), kinds));
    case_cell_is_header && names_a_column(row, kinds)
}

/// A row of column numbers (1, 2, 3 …) that templates put under the header.
fn is_column_numbers(row: &RawRow) -> bool {
    let numbers: Option<Vec<u64>> = row
        .cells
        .iter()
        .filter(|c| !c.is_blank())
        .map(|c| match c {
            Cell::Number(n) if n.fract() == 0.0 && *n >= 0.0 && *n < 1000.0 => Some(*n as u64),
            Cell::Text(_) => {
                let text = c.text();
                let digits = text
                    .trim_start_matches(['(', '（'])
                    .trim_end_matches([')', '）']);
                digits.parse().ok()
            }
            _ => None,
        })
        .collect();
    numbers.is_some_and(|n| n.len() >= 3 && n.windows(2).all(|w| w[0] < w[1]))
}

/// Each column's lowest non-empty text within the block, on one line.
fn lowest_names(block: &[RawRow]) -> Vec<String> {
    let width = block.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    (0..width)
        .map(|column| {
            block
                .iter()
                .rev()
                .filter_map(|r| r.cells.get(column))
                .map(|c| columns::one_line(&c.text()))
                .find(|text| !text.is_empty())
                .unwrap_or_default()
        })
        .collect()
}

/// A title row's text: its non-blank cells joined by spaces, each on one line.
fn row_text(row: &RawRow) -> String {
    row.cells
        .iter()
        .map(|c| columns::one_line(&c.text()))
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_rows(lines: &[&[&str]]) -> Rows {
        let rows: Vec<Result<RawRow, Diagnostic>> = lines
            .iter()
            .enumerate()
            .map(|(i, cells)| {
                Ok(RawRow::new(
                    i as u32 + 1,
                    crate::spreadsheet::cell::text_cells(cells),
                ))
            })
            .collect();
        Box::new(rows.into_iter())
    }

    #[track_caller]
    fn case(lines: &[&[&str]], names: &[&str], rows: (u32, u32), next_row: Option<u32>) {
        let mut source = text_rows(lines);
        let (top, back) = find(&mut source, &Kind::ALL).unwrap();
        let Top::Found(header) = top else {
            panic!("no header in {lines:?}: {top:?}")
        };
        assert_eq!(header.names, names);
        assert_eq!((header.first_row, header.last_row), rows);
        let next = back
            .first()
            .map(|r| r.row)
            .or_else(|| source.next().and_then(Result::ok).map(|r: RawRow| r.row));
        assert_eq!(next, next_row);
    }

    #[test]
    fn one_row_header() {
        case(
            &[
                &["案号", "单位", "收案日期"],
                &["A1", "都匀市", "2021-01-05"],
            ],
            &["案号", "单位", "收案日期"],
            (1, 1),
            Some(2),
        );
    }

    #[test]
    fn title_rows_and_a_group_row_without_merges() {
        case(
            &[
                &["都匀市2021年行政复议案件台账"],
                &[],
                &["序号", "案号", "单位", "办理情况", "", "", "结案方式"],
                &["", "", "", "收案日期", "受理日期", "结案日期", ""],
                &["1", "A1", "都匀市", "2021-01-05", "", "", ""],
            ],
            &[
                "序号",
                "案号",
                "单位",
                "收案日期",
                "受理日期",
                "结案日期",
                "结案方式",
            ],
            (3, 4),
            Some(5),
        );
    }

    #[test]
    fn cells_filled_down_from_a_merge() {
        case(
            &[
                &["案号", "单位", "办理情况", "", ""],
                &["案号", "单位", "收案日期", "受理日期", "结案日期"],
                &["A1", "都匀市", "2021-01-05", "", ""],
            ],
            &["案号", "单位", "收案日期", "受理日期", "结案日期"],
            (1, 2),
            Some(3),
        );
    }

    #[test]
    fn a_group_row_above_the_case_number() {
        // 单位 is written only in the upper row, 案号 only in the lower one.
        case(
            &[
                &["标题"],
                &["单位", "", "办理情况", ""],
                &["", "案号", "收案日期", "结案日期"],
                &["都匀市", "A1", "2021-01-05", ""],
            ],
            &["单位", "案号", "收案日期", "结案日期"],
            (2, 3),
            Some(4),
        );
    }

    #[test]
    fn a_row_of_column_numbers_is_skipped() {
        case(
            &[
                &["案号", "单位", "收案日期"],
                &["1", "2", "3"],
                &["A1", "都匀市", "2021-01-05"],
            ],
            &["案号", "单位", "收案日期"],
            (1, 1),
            Some(3),
        );
        // Two numbers are too few to be sure: the row is left for the reader to judge.
        case(
            &[&["案号", "收案日期"], &["1", "2"]],
            &["案号", "收案日期"],
            (1, 1),
            Some(2),
        );
    }

    #[test]
    fn a_data_row_with_a_header_word_is_still_data() {
        case(
            &[&["案号", "单位", "备注"], &["A1", "都匀市", "单位"]],
            &["案号", "单位", "备注"],
            (1, 1),
            Some(2),
        );
    }

    #[test]
    fn no_header_is_a_guess_or_empty() {
        let mut rows = text_rows(&[&[], &["名称", "数量"], &["甲", "1"]]);
        let (top, _) = find(&mut rows, &Kind::ALL).unwrap();
        assert!(matches!(top, Top::Guess(h) if h.names == ["名称", "数量"] && h.first_row == 2));
        let mut rows = text_rows(&[&[], &[""]]);
        assert!(matches!(find(&mut rows, &Kind::ALL).unwrap().0, Top::Empty));
    }

    #[test]
    fn titles_are_kept_for_the_unit() {
        let mut rows = text_rows(&[
            &["都匀市2021年行政复议案件台账", ""],
            &["（截至2021年8月31日）"],
            &["案号", "收案日期"],
        ]);
        let (Top::Found(header), _) = find(&mut rows, &Kind::ALL).unwrap() else {
            panic!("no header")
        };
        assert_eq!(
            header.titles,
            ["都匀市2021年行政复议案件台账", "(截至2021年8月31日)"]
        );
    }
}
