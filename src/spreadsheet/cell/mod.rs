//! Reading one cell: normalisation, dates, booleans and placeholders as offices write
//! them, and the typed values a workbook gives.

use std::borrow::Cow;

mod date;
mod placeholder;
mod yes_no;

pub use date::{DATE_STYLES, first_of_several_dates, parse_date, parse_date_time};
pub use placeholder::{PLACEHOLDERS, is_placeholder};
pub use yes_no::{APPEARANCE_STYLES, BOOLEAN_STYLES, YesNo, parse_bool, parse_yes_no, split_note};

use crate::model::period::iso;
use chrono::{Days, NaiveDate, NaiveDateTime};

/// One cell as its source gives it: a CSV gives text; a workbook also gives numbers,
/// dates and booleans.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Date(NaiveDate),
    /// A workbook date cell with a time of day that is not midnight (开庭时间).
    DateTime(NaiveDateTime),
    Bool(bool),
    /// An Excel error value such as `#REF!` or `#N/A`: never a value of the ledger.
    Error(String),
}

impl Cell {
    /// The cell as normalised text: numbers without a spurious `.0`, dates as
    /// `2021-08-31`, booleans as 是/否.
    #[must_use]
    pub fn text(&self) -> String {
        self.text_ref().into_owned()
    }

    /// [`Cell::text`], borrowed from the cell when nothing in it needs mapping: what is
    /// only parsed (dates, yes/no, outcomes) is never copied.
    #[must_use]
    pub fn text_ref(&self) -> Cow<'_, str> {
        Cow::Owned(match self {
            Cell::Empty => String::new(),
            Cell::Text(text) => return normalise(text),
            Cell::Number(n) => number_text(*n),
            Cell::Date(date) => iso(*date),
            Cell::DateTime(at) => at.format("%Y-%m-%d %H:%M").to_string(),
            Cell::Bool(b) => (if *b { "是" } else { "否" }).to_owned(),
            Cell::Error(code) => code.clone(),
        })
    }

    /// The Excel error value the cell holds (`#REF!`, `#N/A` …): a workbook's error cell,
    /// or the same text in a CSV that Excel saved from a sheet with errors.
    #[must_use]
    pub fn excel_error(&self) -> Option<&str> {
        const CODES: &[&str] = &[
            "#REF!",
            "#N/A",
            "#VALUE!",
            "#DIV/0!",
            "#NAME?",
            "#NULL!",
            "#NUM!",
            "#SPILL!",
            "#CALC!",
            "#GETTING_DATA",
            "#DATA!",
        ];
        match self {
            Cell::Error(code) => Some(code),
            Cell::Text(text) => {
                let text = trim(text);
                // Checked on every cell of every row: most cells do not start with `#`.
                if !text.starts_with('#') {
                    return None;
                }
                CODES.iter().copied().find(|c| *c == text)
            }
            _ => None,
        }
    }

    #[must_use]
    pub fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            // What `normalise` would leave empty, without building it: it trims first.
            Cell::Text(text) => trim(text).is_empty(),
            _ => false,
        }
    }
}

/// A number as Excel shows it in a General cell: integers without decimals.
#[must_use]
pub fn number_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{n:.0}")
    } else {
        n.to_string()
    }
}

/// An Excel serial day number (1900 date system) as a date; `None` outside 1900–2099.
#[must_use]
pub fn excel_serial_date(serial: f64) -> Option<NaiveDate> {
    // Day 0 is 1899-12-30 once Excel's phantom 1900-02-29 is behind us (serial 61 on).
    const FIRST: f64 = 61.0;
    const LAST: f64 = 73_415.0; // 2100-12-31
    if !(FIRST..=LAST).contains(&serial) {
        return None;
    }
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30)?;
    epoch.checked_add_days(Days::new(serial.floor() as u64))
}

/// Whether text is a number Excel wrote in scientific notation, e.g. `1.20211E+11`:
/// what a long case number becomes when a cell was not formatted as text.
#[must_use]
pub fn is_scientific_notation(text: &str) -> bool {
    // Checked on every case number, nearly all of them Chinese: no copy to upper-case.
    let Some((mantissa, exponent)) = text.split_once(['E', 'e']) else {
        return false;
    };
    let exponent = exponent.strip_prefix('+').unwrap_or(exponent);
    !mantissa.is_empty()
        && mantissa.parse::<f64>().is_ok()
        && !exponent.is_empty()
        && exponent.bytes().all(|b| b.is_ascii_digit())
}

/// Trims (U+3000 included) and turns full-width digits, letters, brackets and the
/// punctuation of dates into half-width, so `２０２１．８．３１` reads like `2021.8.31`.
#[must_use]
pub fn normalise(raw: &str) -> Cow<'_, str> {
    let trimmed = trim(raw);
    // In UTF-8 the full-width forms (U+FF01–U+FF5E) are EF BC xx or EF BD xx and the
    // ideographic space (U+3000) is E3 80 80: without either there is nothing to map, as
    // in most cells, 〔2021〕 included (E3 80 94).
    let mapped = trimmed
        .as_bytes()
        .windows(3)
        .any(|w| matches!(w, [0xEF, 0xBC | 0xBD, _] | [0xE3, 0x80, 0x80]));
    if !mapped {
        return Cow::Borrowed(trimmed);
    }
    Cow::Owned(half_width(trimmed))
}

/// `str::trim`, without its work for the cells it leaves as they are: those whose first
/// and last characters cannot be whitespace. Every cell of every row is trimmed several
/// times, and the general trim was 8% of an import's instructions.
#[must_use]
pub fn trim(text: &str) -> &str {
    let bytes = text.as_bytes();
    let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
        return text;
    };
    // The last character's first byte: back over its continuation bytes (10xxxxxx).
    let last_lead = bytes
        .iter()
        .rev()
        .take(4)
        .find(|b| **b & 0xC0 != 0x80)
        .copied()
        .unwrap_or(last);
    if may_begin_whitespace(first) || may_begin_whitespace(last_lead) {
        text.trim()
    } else {
        text
    }
}

/// Whether a character whose UTF-8 encoding begins with `byte` may be whitespace as
/// `char::is_whitespace` has it: ASCII tab to carriage return and space, and the others
/// begin with C2 (U+0085, U+00A0), E1 (U+1680), E2 (U+2000–U+205F) or E3 (U+3000).
fn may_begin_whitespace(byte: u8) -> bool {
    matches!(byte, b'\t'..=b'\r' | b' ' | 0xC2 | 0xE1 | 0xE2 | 0xE3)
}

fn half_width(text: &str) -> String {
    let mut mapped = String::with_capacity(text.len());
    mapped.extend(text.chars().map(|c| match c {
        '０'..='９'
        | 'Ａ'..='Ｚ'
        | 'ａ'..='ｚ'
        | '（'
        | '）'
        | '［'
        | '］'
        | '｛'
        | '｝'
        | '．'
        | '／'
        | '－'
        | '：' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        other => other,
    }));
    mapped
}

/// Cells as a CSV gives them: text, and `Empty` for an empty string.
#[cfg(test)]
pub(crate) fn text_cells(texts: &[&str]) -> Vec<Cell> {
    texts
        .iter()
        .map(|t| {
            if t.is_empty() {
                Cell::Empty
            } else {
                Cell::Text((*t).to_owned())
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
