//! Reading one cell: normalisation, dates and booleans as offices write them, and the
//! typed values a workbook gives.

use std::borrow::Cow;

use crate::model::period::iso;
use chrono::{Days, NaiveDate, NaiveDateTime, NaiveTime};

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
                let text = text.trim();
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
pub const DATE_STYLES: &str = "2021-08-31, 2021/8/31, 2021.8.31, 2021年8月31日(号), 20210831, \
     2021-08-31T00:00:00 or 二〇二一年八月三十一日, with a four-digit year";

/// Parses a normalised, non-empty date cell; `None` if it is not one of [`DATE_STYLES`].
///
/// A trailing time of day (`2021/8/31 0:00`, as Excel writes dates into CSV, or the
/// `T00:00:00Z` of an ISO date-time) is ignored. A date without a four-digit year
/// (`3月5日`, `21-3-5`) is `None`: a century is never guessed.
#[must_use]
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let (y, m, d) = split_date(without_time(text)?)?;
    if !(1900..=2099).contains(&y) {
        return None;
    }
    NaiveDate::from_ymd_opt(y, m, d)
}

/// The date part of a cell, once a time of day after a space or an ISO `T` is dropped;
/// `None` when what follows is not a time.
fn without_time(text: &str) -> Option<&str> {
    let Some(at) = text.find([' ', 'T']) else {
        return Some(text);
    };
    let (date, time) = (&text[..at], &text[at + 1..]);
    let iso = text.as_bytes()[at] == b'T';
    // An ISO date-time has an ISO date: 2021-03-05T00:00:00, never 2021/3/5T0:00.
    let date_ok = !iso || date.bytes().all(|b| b.is_ascii_digit() || b == b'-');
    (date_ok && is_time(time.trim())).then_some(date)
}

/// Parses a normalised date-and-time cell (开庭时间): `2021-03-15 09:30`,
/// `2021年3月15日 下午2:30`, `2021-03-15T09:30:00`, a date alone, or a time alone
/// (`09:30`). `None` when it is neither.
#[must_use]
pub fn parse_date_time(text: &str) -> Option<(Option<NaiveDate>, Option<NaiveTime>)> {
    if let Some(time) = parse_time(text) {
        return Some((None, Some(time)));
    }
    let split = text
        .find(['T', ' ', '上', '下'])
        .filter(|at| *at > 0)
        .map(|at| (&text[..at], text[at..].trim_start_matches(['T', ' '])));
    if let Some((date, time)) = split
        && let (Some(date), Some(time)) = (parse_date(date.trim()), parse_time(time))
    {
        return Some((Some(date), Some(time)));
    }
    parse_date(text).map(|date| (Some(date), None))
}

/// A time of day: `9:30`, `09:30:00`, `上午9:30`, `下午2:30` (afternoon), `14时30分`.
fn parse_time(text: &str) -> Option<NaiveTime> {
    let text = text.trim();
    let (afternoon, clock) = if let Some(rest) = text.strip_prefix("下午") {
        (true, rest)
    } else {
        (false, text.strip_prefix("上午").unwrap_or(text))
    };
    let clock = clock.replace('时', ":").replace('分', "");
    let clock = clock.trim_end_matches(':');
    let parts: Vec<&str> = clock.split(':').collect();
    let number = |s: &str| {
        (!s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    let (hour, minute) = match parts.as_slice() {
        [h, m] | [h, m, _] => (number(h)?, number(m)?),
        [h] if clock.len() < text.len() => (number(h)?, 0),
        _ => return None,
    };
    if let [_, _, seconds] = parts.as_slice() {
        number(seconds)?;
    }
    let hour = if afternoon && hour < 12 {
        hour + 12
    } else {
        hour
    };
    NaiveTime::from_hms_opt(hour, minute, 0)
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
    if let Some((y, rest)) = text.split_once('年') {
        let rest = rest.strip_suffix(['日', '号']).unwrap_or(rest);
        let (m, d) = rest.split_once('月')?;
        return Some((year(y)?, day_or_month(m)?, day_or_month(d)?));
    }
    let separator = text.chars().find(|c| matches!(c, '-' | '/' | '.'))?;
    let mut parts = text.split(separator);
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 {
        return None;
    }
    Some((year(y)?, arabic(m, 2)?, arabic(d, 2)?))
}

/// A year in four digits, Arabic (2021) or Chinese (二〇二一, 二零二一).
fn year(text: &str) -> Option<i32> {
    let n = if text.len() == 4 {
        arabic(text, 4)?
    } else {
        let mut digits = 0;
        let n = text.chars().try_fold(0, |n, c| {
            digits += 1;
            Some(n * 10 + chinese_digit(c)?)
        })?;
        (digits == 4).then_some(n)?
    };
    i32::try_from(n).ok()
}

/// A month or day in Arabic digits (8, 08) or Chinese numerals (八, 十二, 三十一).
fn day_or_month(text: &str) -> Option<u32> {
    arabic(text, 2).or_else(|| chinese_number(text))
}

fn arabic(text: &str, max_len: usize) -> Option<u32> {
    (!text.is_empty() && text.len() <= max_len && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

/// 一 to 九 and the zeros of a year written out: 〇, 零 and ○.
fn chinese_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '零' | '○' => 0,
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// 1 to 99 as official documents write months and days: 五, 十, 十二, 二十, 三十一.
fn chinese_number(text: &str) -> Option<u32> {
    let single = |s: &str| {
        let mut chars = s.chars();
        let digit = chinese_digit(chars.next()?).filter(|d| *d > 0)?;
        chars.next().is_none().then_some(digit)
    };
    match text.split_once('十') {
        None => single(text),
        Some((tens, ones)) => {
            let tens = if tens.is_empty() {
                1
            } else {
                single(tens).filter(|t| *t > 1)?
            };
            let ones = if ones.is_empty() { 0 } else { single(ones)? };
            Some(tens * 10 + ones)
        }
    }
}

/// A time of day after a date: `0:00`, `14:30:00`, also with fractional seconds and a
/// zone as ISO date-times have them (`00:00:00.000`, `Z`, `+08:00`, `-0500`).
fn is_time(text: &str) -> bool {
    let clock = match text.rfind(['+', '-']) {
        Some(at) if is_offset(&text[at + 1..]) => &text[..at],
        Some(_) => return false,
        None => text.strip_suffix('Z').unwrap_or(text),
    };
    let (clock, fraction) = match clock.split_once('.') {
        Some((clock, fraction)) => (clock, Some(fraction)),
        None => (clock, None),
    };
    let fields: Vec<&str> = clock.split(':').collect();
    let within = |i: usize, max: u32| {
        fields
            .get(i)
            .and_then(|f| arabic(f, 2))
            .is_some_and(|n| n <= max)
    };
    let seconds = match fields.len() {
        2 => fraction.is_none(),
        3 => within(2, 60) && fraction.is_none_or(|f| arabic(f, 9).is_some()),
        _ => false,
    };
    seconds && within(0, 23) && within(1, 59)
}

/// A zone offset after `+` or `-`: `08`, `0800` or `08:00`.
fn is_offset(text: &str) -> bool {
    if !text.is_ascii() {
        return false;
    }
    let (hours, minutes) = match text.split_once(':') {
        Some(split) => split,
        None if text.len() == 4 => text.split_at(2),
        None => (text, "00"),
    };
    hours.len() == 2
        && minutes.len() == 2
        && arabic(hours, 2).is_some_and(|h| h <= 14)
        && arabic(minutes, 2).is_some_and(|m| m < 60)
}

/// The boolean spellings accepted, for error messages.
pub const BOOLEAN_STYLES: &str = "是/否, 有/无, Y/N, yes/no, true/false, 1/0 or √/×, \
     optionally followed by a note in brackets: 是（正职）";

/// The spellings of an appearance column (负责人出庭), for error messages.
pub const APPEARANCE_STYLES: &str = "是/否, 出庭/未出庭, 到庭/未到庭, Y/N, yes/no, 1/0 or √/×, \
     optionally followed by a note in brackets: 是（正职）, 否（委托律师）";

/// Parses a normalised, non-empty yes/no cell; `None` if it is not one of
/// [`BOOLEAN_STYLES`] without a note.
#[must_use]
pub fn parse_bool(text: &str) -> Option<bool> {
    const YES: [&str; 9] = ["是", "有", "y", "yes", "true", "1", "√", "✓", "✔"];
    const NO: [&str; 10] = ["否", "无", "n", "no", "false", "0", "×", "✗", "✘", "x"];
    let is = |words: &[&str]| words.iter().any(|w| w.eq_ignore_ascii_case(text));
    if is(&YES) {
        Some(true)
    } else if is(&NO) {
        Some(false)
    } else {
        None
    }
}

/// A yes/no cell as read, with the note a clerk added in brackets (`是（正职）`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YesNo {
    pub value: bool,
    /// The text inside the brackets, trimmed; `None` when there were none or they were empty.
    pub note: Option<String>,
}

/// Parses a normalised, non-empty yes/no cell that may carry a note in brackets;
/// `None` if it is not one of [`BOOLEAN_STYLES`] (or [`APPEARANCE_STYLES`] for a column
/// that records whether someone appeared in court).
#[must_use]
pub fn parse_yes_no(text: &str, appearance: bool) -> Option<YesNo> {
    let (word, note) = split_note(text)?;
    let value = match parse_bool(word) {
        Some(value) => value,
        None if appearance => appeared(word)?,
        None => return None,
    };
    let note = note.filter(|n| !n.is_empty()).map(str::to_owned);
    Some(YesNo { value, note })
}

/// What an appearance column says besides yes and no.
fn appeared(word: &str) -> Option<bool> {
    match word {
        "已出庭" | "出庭" | "到庭" | "已到庭" => Some(true),
        "未出庭" | "不出庭" | "未到庭" => Some(false),
        _ => None,
    }
}

/// Splits `是（正职）` into `是` and `正职`; a cell without a closing bracket at its end
/// has no note. `None` when a closing bracket has no opening one of its kind.
fn split_note(text: &str) -> Option<(&str, Option<&str>)> {
    let openers: &[char] = match text.chars().next_back()? {
        ')' | '）' => &['(', '（'],
        ']' | '］' | '】' => &['[', '［', '【'],
        _ => return Some((text, None)),
    };
    let close = text.len() - text.chars().next_back()?.len_utf8();
    let open = text[..close].rfind(openers)?;
    let opener_len = text[open..].chars().next()?.len_utf8();
    let note = text[open + opener_len..close].trim();
    Some((text[..open].trim_end(), Some(note)))
}

#[cfg(test)]
mod tests {
    use super::*;

    mod dates {
        use super::*;

        #[track_caller]
        fn case(text: &str, expected: Option<&str>) {
            let expected = expected.map(|e| NaiveDate::parse_from_str(e, "%Y-%m-%d").unwrap());
            assert_eq!(parse_date(&normalise(text)), expected, "{text}");
        }

        #[test]
        fn every_office_style() {
            case("2021-08-31", Some("2021-08-31"));
            case("2021/8/31", Some("2021-08-31"));
            case("2021.8.31", Some("2021-08-31"));
            case("2021年8月31日", Some("2021-08-31"));
            case("2021年08月01日", Some("2021-08-01"));
            case("2021年8月31", Some("2021-08-31"));
            case("20210831", Some("2021-08-31"));
            case("２０２１．８．３１", Some("2021-08-31"));
            case("\u{3000}2021-8-1 ", Some("2021-08-01"));
            case("2021/8/31 0:00", Some("2021-08-31"));
            case("2021-08-31 14:30:00", Some("2021-08-31"));
            case("2021-08-31 14:30:00.000", Some("2021-08-31"));
            case("2020-02-29", Some("2020-02-29"));
        }

        #[test]
        fn hao_for_the_day() {
            case("2021年3月5号", Some("2021-03-05"));
            case("2021年12月31号", Some("2021-12-31"));
            case("２０２１年３月５号", Some("2021-03-05"));
        }

        #[test]
        fn iso_date_times() {
            case("2021-03-05T00:00:00", Some("2021-03-05"));
            case("2021-03-05T23:59", Some("2021-03-05"));
            case("2021-03-05T00:00:00.000", Some("2021-03-05"));
            case("2021-03-05T00:00:00.123456789", Some("2021-03-05"));
            case("2021-03-05T00:00:00Z", Some("2021-03-05"));
            case("2021-03-05T00:00:00.000Z", Some("2021-03-05"));
            case("2021-03-05T08:00:00+08:00", Some("2021-03-05"));
            case("2021-03-05T08:00:00+0800", Some("2021-03-05"));
            case("2021-03-05T08:00:00+08", Some("2021-03-05"));
            case("2021-03-05T20:00:00-05:00", Some("2021-03-05"));
            case("2021-03-05 08:00:00+08:00", Some("2021-03-05"));
        }

        #[test]
        fn chinese_numerals() {
            case("二〇二一年三月五日", Some("2021-03-05"));
            case("二零二一年十二月三十一日", Some("2021-12-31"));
            case("二○二一年十月十日", Some("2021-10-10"));
            case("二〇二一年三月五号", Some("2021-03-05"));
            case("二〇二〇年二月二十九日", Some("2020-02-29"));
            case("二〇二一年十一月二十日", Some("2021-11-20"));
            case("二〇二一年一月二十一日", Some("2021-01-21"));
            case("二〇二一年八月三十日", Some("2021-08-30"));
            case("一九九九年九月九日", Some("1999-09-09"));
            case("二〇二一年三月五", Some("2021-03-05"));
            // Mixed forms are unambiguous too.
            case("2021年三月五日", Some("2021-03-05"));
            case("二〇二一年3月5日", Some("2021-03-05"));
        }

        #[test]
        fn non_dates_are_rejected() {
            case("2021-13-45", None);
            case("2021-02-29", None);
            case("2021-8", None);
            case("2021/8-31", None);
            case("8/31/2021", None);
            case("2021083", None);
            case("202108311", None);
            case("2021-08-31 noon", None);
            case("2021-08-31 25:00", None);
            case("2021-08-31 14:30.5", None);
            case("0021-08-31", None);
            case("昨天", None);
            case("44439", None); // a serial number is only a date inside a workbook
            case("2021-1-2-3", None);
        }

        #[test]
        fn a_missing_or_short_year_is_never_guessed() {
            case("3月5日", None);
            case("三月五日", None);
            case("21年3月5日", None);
            case("二一年三月五日", None);
            case("21-3-5", None);
            case("21-8-31", None);
            case("21/3/5", None);
            case("210305", None);
            case("年3月5日", None);
        }

        #[test]
        fn malformed_iso_and_numerals_are_rejected() {
            case("2021-03-05T", None);
            case("2021-03-05T00", None);
            case("2021-03-05T24:00:00", None);
            case("2021-03-05T00:00:00+25:00", None);
            case("2021-03-05T00:00:00+8", None);
            case("2021-03-05T00:00.5", None);
            case("2021-03-05T00:00:00.", None);
            case("2021-03-05T00:00:00ZZ", None);
            case("2021/3/5T00:00:00", None);
            case("2021年3月5日T00:00", None);
            case("二〇二一年十三月一日", None);
            case("二〇二一年二月三十日", None);
            case("二〇二一年三月三十二日", None);
            case("二〇二一年三月〇五日", None);
            case("二〇二一年三月一十日", None);
            case("二〇二一年三月十十日", None);
            case("二〇二一年三月五五日", None);
            case("二〇二一年零月五日", None);
            case("二〇二一〇年三月五日", None);
            case("2021年3月5日号", None);
        }
    }

    mod booleans {
        use super::*;

        #[track_caller]
        fn case(text: &str, expected: Option<bool>) {
            assert_eq!(parse_bool(&normalise(text)), expected, "{text}");
        }

        #[track_caller]
        fn noted(text: &str, appearance: bool, expected: Option<(bool, Option<&str>)>) {
            let expected = expected.map(|(value, note)| YesNo {
                value,
                note: note.map(str::to_owned),
            });
            assert_eq!(
                parse_yes_no(&normalise(text), appearance),
                expected,
                "{text} (appearance: {appearance})"
            );
        }

        #[test]
        fn plain_yes_and_no() {
            for yes in ["是", "有", "Y", "y", "Yes", "TRUE", "1", "√", "１"] {
                case(yes, Some(true));
                noted(yes, false, Some((true, None)));
            }
            for no in ["否", "无", "N", "no", "False", "0", "×", "X"] {
                case(no, Some(false));
                noted(no, true, Some((false, None)));
            }
            case("可能", None);
            case("2", None);
            case("是（正职）", None); // a note is only read by parse_yes_no
        }

        #[test]
        fn notes_in_brackets() {
            noted("是（正职）", false, Some((true, Some("正职"))));
            noted("否（委托律师）", false, Some((false, Some("委托律师"))));
            noted("是(副职)", false, Some((true, Some("副职"))));
            noted("是【分管】", false, Some((true, Some("分管"))));
            noted("是[分管]", false, Some((true, Some("分管"))));
            noted("是［分管］", false, Some((true, Some("分管"))));
            noted(
                "是 （ 常务副县长 ）",
                false,
                Some((true, Some("常务副县长"))),
            );
            noted("Y(正职)", false, Some((true, Some("正职"))));
            noted("是()", false, Some((true, None)));
            noted("是（正职）（兼）", false, None);
        }

        #[test]
        fn appearance_words_only_for_appearance_columns() {
            for yes in ["已出庭", "出庭", "到庭", "已到庭"] {
                noted(yes, true, Some((true, None)));
                noted(yes, false, None);
            }
            for no in ["未出庭", "不出庭", "未到庭"] {
                noted(no, true, Some((false, None)));
                noted(no, false, None);
            }
            noted("出庭（副县长）", true, Some((true, Some("副县长"))));
            noted("未出庭(委托律师)", true, Some((false, Some("委托律师"))));
        }

        #[test]
        fn what_is_not_yes_or_no() {
            noted("可能", true, None);
            noted("（正职）", false, None);
            noted("是（正职", false, None);
            noted("是正职）", false, None);
            noted("是】", false, None);
            noted("是（正职】", false, None);
            noted("是（正职）说明", false, None);
            noted("出庭了", true, None);
        }
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
