//! Reading one cell: normalisation, dates and booleans as offices write them, and the
//! typed values a workbook gives.

use std::borrow::Cow;

use crate::model::period::iso;
use chrono::{Days, NaiveDate};

/// One cell as its source gives it: a CSV gives text; a workbook also gives numbers,
/// dates and booleans.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Date(NaiveDate),
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
            Cell::Text(text) => CODES.iter().copied().find(|c| *c == text.trim()),
            _ => None,
        }
    }

    #[must_use]
    pub fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            // What `normalise` would leave empty, without building it: it trims first.
            Cell::Text(text) => text.trim().is_empty(),
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
    let trimmed = raw.trim();
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

/// The date styles a clerk may use, for error messages.
pub const DATE_STYLES: &str = "2021-08-31, 2021/8/31, 2021.8.31, 2021年8月31日 or 20210831";

/// Parses a normalised, non-empty date cell; `None` if it is not one of [`DATE_STYLES`].
///
/// A trailing time of day (`2021/8/31 0:00`, as Excel writes dates into CSV) is ignored.
#[must_use]
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let date_part = match text.split_once(' ') {
        Some((date, time)) if is_time(time.trim()) => date,
        Some(_) => return None,
        None => text,
    };
    let (y, m, d) = split_date(date_part)?;
    if !(1900..=2099).contains(&y) {
        return None;
    }
    NaiveDate::from_ymd_opt(y, m, d)
}

fn split_date(text: &str) -> Option<(i32, u32, u32)> {
    // 2021-08-31, the style nearly every row uses, without splitting into strings.
    if let [y1, y2, y3, y4, b'-', m1, m2, b'-', d1, d2] = *text.as_bytes() {
        let digits = [y1, y2, y3, y4, m1, m2, d1, d2];
        if digits.iter().all(u8::is_ascii_digit) {
            let n = |ds: &[u8]| ds.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0'));
            return Some((
                i32::try_from(n(&digits[..4])).ok()?,
                n(&digits[4..6]),
                n(&digits[6..]),
            ));
        }
    }
    if text.len() == 8 && text.bytes().all(|b| b.is_ascii_digit()) {
        return Some((
            text[..4].parse().ok()?,
            text[4..6].parse().ok()?,
            text[6..].parse().ok()?,
        ));
    }
    let parts: Vec<&str> = if let Some((y, rest)) = text.split_once('年') {
        let rest = rest.strip_suffix('日').unwrap_or(rest);
        let (m, d) = rest.split_once('月')?;
        vec![y, m, d]
    } else {
        let separator = text.chars().find(|c| matches!(c, '-' | '/' | '.'))?;
        text.split(separator).collect()
    };
    let [y, m, d] = parts.as_slice() else {
        return None;
    };
    let digits = |s: &str, max_len: usize| {
        (!s.is_empty() && s.len() <= max_len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    Some((
        i32::try_from(digits(y, 4).filter(|_| y.len() == 4)?).ok()?,
        digits(m, 2)?,
        digits(d, 2)?,
    ))
}

fn is_time(text: &str) -> bool {
    let parts: Vec<&str> = text.split(':').collect();
    (2..=3).contains(&parts.len())
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 2 && p.bytes().all(|b| b.is_ascii_digit()))
}

/// The boolean spellings accepted, for error messages.
pub const BOOLEAN_STYLES: &str = "是/否, 有/无, Y/N, yes/no, true/false, 1/0 or √/×";

/// Parses a normalised, non-empty yes/no cell; `None` if it is not one of [`BOOLEAN_STYLES`].
#[must_use]
pub fn parse_bool(text: &str) -> Option<bool> {
    match text.to_lowercase().as_str() {
        "是" | "有" | "y" | "yes" | "true" | "1" | "√" | "✓" | "✔" => Some(true),
        "否" | "无" | "n" | "no" | "false" | "0" | "×" | "✗" | "✘" | "x" => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn date(text: &str, expected: Option<&str>) {
        let expected = expected.map(|e| NaiveDate::parse_from_str(e, "%Y-%m-%d").unwrap());
        assert_eq!(parse_date(&normalise(text)), expected, "{text}");
    }

    #[test]
    fn dates_in_every_office_style() {
        date("2021-08-31", Some("2021-08-31"));
        date("2021/8/31", Some("2021-08-31"));
        date("2021.8.31", Some("2021-08-31"));
        date("2021年8月31日", Some("2021-08-31"));
        date("2021年08月01日", Some("2021-08-01"));
        date("2021年8月31", Some("2021-08-31"));
        date("20210831", Some("2021-08-31"));
        date("２０２１．８．３１", Some("2021-08-31"));
        date("\u{3000}2021-8-1 ", Some("2021-08-01"));
        date("2021/8/31 0:00", Some("2021-08-31"));
        date("2021-08-31 14:30:00", Some("2021-08-31"));
        date("2020-02-29", Some("2020-02-29"));
    }

    #[test]
    fn non_dates_are_rejected() {
        date("2021-13-45", None);
        date("2021-02-29", None);
        date("21-8-31", None);
        date("2021-8", None);
        date("2021/8-31", None);
        date("8/31/2021", None);
        date("2021083", None);
        date("202108311", None);
        date("2021-08-31 noon", None);
        date("0021-08-31", None);
        date("昨天", None);
        date("44439", None); // a serial number is only a date inside a workbook
    }

    #[track_caller]
    fn boolean(text: &str, expected: Option<bool>) {
        assert_eq!(parse_bool(&normalise(text)), expected, "{text}");
    }

    #[test]
    fn booleans() {
        for yes in ["是", "有", "Y", "y", "Yes", "TRUE", "1", "√", "１"] {
            boolean(yes, Some(true));
        }
        for no in ["否", "无", "N", "no", "False", "0", "×"] {
            boolean(no, Some(false));
        }
        boolean("可能", None);
        boolean("2", None);
    }

    #[test]
    fn workbook_cells() {
        assert_eq!(
            excel_serial_date(44_439.0),
            NaiveDate::from_ymd_opt(2021, 8, 31)
        );
        assert_eq!(
            excel_serial_date(44_439.75),
            NaiveDate::from_ymd_opt(2021, 8, 31)
        );
        assert_eq!(excel_serial_date(61.0), NaiveDate::from_ymd_opt(1900, 3, 1));
        assert_eq!(excel_serial_date(15.0), None);
        assert_eq!(excel_serial_date(1e9), None);
        assert_eq!(Cell::Number(2021.0).text(), "2021");
        assert_eq!(Cell::Number(12.5).text(), "12.5");
        assert_eq!(Cell::Bool(true).text(), "是");
        assert!(Cell::Text("\u{3000} ".into()).is_blank());
        assert!(is_scientific_notation("1.20211E+11"));
        assert!(is_scientific_notation("3e5"));
        assert!(!is_scientific_notation("黔南府复E+1号"));
        assert!(!is_scientific_notation("E+11"));
        assert!(!is_scientific_notation("(2021)黔27行初15号"));
    }

    #[test]
    fn normalises_width_and_space() {
        assert_eq!(
            normalise("\u{3000} （２０２１）黔27行初１５号 "),
            "(2021)黔27行初15号"
        );
        assert_eq!(normalise("行政处罚，罚款"), "行政处罚，罚款");
    }

    #[test]
    fn the_quick_path_of_normalise_maps_like_the_full_one() {
        let alphabet = [
            'a', '1', ' ', '\u{3000}', '２', 'Ｚ', '都', '〔', '（', '－', '：', '年', '，', '、',
            'ｦ',
        ];
        let mut checked = 0;
        for a in alphabet {
            for b in alphabet {
                for c in alphabet {
                    for d in alphabet {
                        let text: String = [a, b, c, d].iter().collect();
                        assert_eq!(normalise(&text), half_width(text.trim()), "{text:?}");
                        checked += 1;
                    }
                }
            }
        }
        assert_eq!(checked, alphabet.len().pow(4));
    }
}
