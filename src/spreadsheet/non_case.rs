//! Rows of a ledger sheet that are not cases: totals (合计, 总计, 小计) and the footer a
//! template asks for (填报人, 审核人, 联系电话, 填报日期 …). They are skipped with one
//! note per file, never reported as bad cases.

use std::fmt::Write as _;

use super::cell::Cell;

/// Why a row is not a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotACase {
    /// A totals row: 合计, 总计 or 小计 in one of its cells.
    Total,
    /// A footer line: its first filled cell starts like 填报人：….
    Footer,
}

impl NotACase {
    fn label(self) -> &'static str {
        match self {
            NotACase::Total => "totals",
            NotACase::Footer => "footer",
        }
    }
}

const TOTALS: &[&str] = &["合计", "总计", "小计", "共计", "总数"];

/// How footer lines begin. A case's first filled cell is its 序号 or 案号, which never
/// begins like these.
const FOOTER_STARTS: &[&str] = &[
    "填报人",
    "填表人",
    "审核人",
    "负责人",
    "单位负责人",
    "分管领导",
    "主管领导",
    "联系人",
    "联系电话",
    "电话",
    "填报单位",
    "填报日期",
    "填表日期",
    "报送日期",
    "制表",
    "审核",
    "统计人",
    "单位(盖章)",
    "注:",
    "注：",
    "说明:",
    "说明：",
    "备注:",
    "备注：",
];

/// Whether a row is a totals or footer line rather than a case.
///
/// Runs on every row of every import, so it looks at a cell's first character before
/// anything else, and compares without building strings.
#[must_use]
pub fn classify(cells: &[Cell]) -> Option<NotACase> {
    let mut first = true;
    for cell in cells {
        let text = match cell {
            Cell::Empty => continue,
            Cell::Text(text) => text.trim_start(),
            _ => {
                first = false;
                continue;
            }
        };
        let Some(lead) = text.chars().next() else {
            continue;
        };
        if TOTALS_LEAD.contains(&lead) && text.len() <= 24 {
            let text = cell.text_ref();
            let bare = text.trim_end_matches([':', '：']);
            if TOTALS.iter().any(|word| same_ignoring_spaces(bare, word)) {
                return Some(NotACase::Total);
            }
        }
        if first && FOOTER_LEAD.contains(&lead) {
            let text = cell.text_ref();
            if FOOTER_STARTS
                .iter()
                .any(|start| starts_ignoring_spaces(&text, start))
            {
                return Some(NotACase::Footer);
            }
        }
        first = false;
    }
    None
}

/// The first characters of [`TOTALS`] and [`FOOTER_STARTS`] (a test keeps them in step).
const TOTALS_LEAD: &[char] = &['合', '总', '小', '共'];
const FOOTER_LEAD: &[char] = &[
    '填', '审', '负', '单', '分', '主', '联', '电', '报', '制', '统', '注', '说', '备',
];

fn without_spaces(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars().filter(|c| !c.is_whitespace())
}

fn same_ignoring_spaces(text: &str, word: &str) -> bool {
    // Spaced-out words (合 计) are a little longer than the word, never much.
    text.len() <= word.len() * 3 && without_spaces(text).eq(word.chars())
}

fn starts_ignoring_spaces(text: &str, start: &str) -> bool {
    let mut chars = without_spaces(text);
    start.chars().all(|c| chars.next() == Some(c))
}

/// The file's one note: `skipped 3 rows that are not cases: totals (row 41), footer
/// (rows 43–44)`.
#[must_use]
pub fn note(rows: &[(u32, NotACase)]) -> String {
    let mut groups: Vec<(NotACase, u32, u32)> = Vec::new();
    for &(row, why) in rows {
        match groups.last_mut() {
            Some((last_why, _, end)) if *last_why == why && *end + 1 == row => *end = row,
            _ => groups.push((why, row, row)),
        }
    }
    let mut text = if rows.len() == 1 {
        "skipped 1 row that is not a case:".to_owned()
    } else {
        format!("skipped {} rows that are not cases:", rows.len())
    };
    for (index, (why, start, end)) in groups.iter().enumerate() {
        let separator = if index == 0 { " " } else { ", " };
        // Writing to a String cannot fail.
        let _ = if start == end {
            write!(text, "{separator}{} (row {start})", why.label())
        } else {
            write!(text, "{separator}{} (rows {start}–{end})", why.label())
        };
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(cells: &[&str], expected: Option<NotACase>) {
        let cells = crate::spreadsheet::cell::text_cells(cells);
        assert_eq!(classify(&cells), expected, "{cells:?}");
    }

    #[test]
    fn totals_and_footers() {
        case(&["合计", "", "", "15"], Some(NotACase::Total));
        case(&["", "总 计：", "", "15"], Some(NotACase::Total));
        case(&["小计"], Some(NotACase::Total));
        case(
            &["填报人：张三", "", "审核人：李四"],
            Some(NotACase::Footer),
        );
        case(&["", "填报日期：", "2021-09-01"], Some(NotACase::Footer));
        case(&["联系电话：0854-8222222"], Some(NotACase::Footer));
        case(&["注：本表每周五报送"], Some(NotACase::Footer));
        case(&["单位（盖章）："], Some(NotACase::Footer));
    }

    #[test]
    fn cases_with_such_words_are_cases() {
        case(
            &[
                "1",
                "都府复〔2021〕1号",
                "都匀市",
                "2021-01-05",
                "填报人已核实",
            ],
            None,
        );
        case(&["都府复〔2021〕2号", "都匀市", "合计赔偿5万元"], None);
        case(&["2", "都府复〔2021〕3号", "审核中"], None);
        case(&["", "", ""], None);
    }

    #[test]
    fn the_first_characters_are_in_step_with_the_words() {
        let first = |word: &&str| word.chars().next().unwrap();
        assert!(TOTALS.iter().all(|w| TOTALS_LEAD.contains(&first(w))));
        assert!(
            FOOTER_STARTS
                .iter()
                .all(|w| FOOTER_LEAD.contains(&first(w)))
        );
    }

    #[test]
    fn one_note_with_ranges() {
        assert_eq!(
            note(&[(41, NotACase::Total)]),
            "skipped 1 row that is not a case: totals (row 41)"
        );
        assert_eq!(
            note(&[
                (20, NotACase::Total),
                (41, NotACase::Total),
                (43, NotACase::Footer),
                (44, NotACase::Footer),
            ]),
            "skipped 4 rows that are not cases: totals (row 20), totals (row 41), footer (rows 43–44)"
        );
    }
}
