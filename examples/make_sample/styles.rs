//! How offices write their cells: date and boolean styles, case-number brackets and the
//! ways a number gets retyped, 开庭时间, CSV quoting and the file encodings. Formatting only:
//! which office uses which style is `sources`' business.

use std::io;

use chrono::{Datelike, NaiveDate};

use super::cases::Typing;
use super::worklist::Value;

#[derive(Clone, Copy)]
pub enum DateStyle {
    /// 2021-08-31
    Iso,
    /// 2021/8/31
    Slash,
    /// 2021.8.31
    Dot,
    /// 2021年8月31日
    Chinese,
    /// 20210831
    Compact,
}

#[derive(Clone, Copy)]
pub enum BoolStyle {
    ShiFou,
    Tick,
    YesNo,
    OneZero,
    YouWu,
}

#[derive(Clone, Copy)]
pub enum Bracket {
    /// 〔2021〕, the standard for documents.
    Hexagonal,
    /// （2021）
    FullWidth,
    /// [2021]
    Square,
    /// (2021), usual in court case numbers.
    Ascii,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    /// What Chinese Excel writes when saving as CSV, with CRLF line ends.
    Gb18030,
}

pub fn format_date(date: NaiveDate, style: DateStyle) -> String {
    let (y, m, d) = (date.year(), date.month(), date.day());
    match style {
        DateStyle::Iso => format!("{y:04}-{m:02}-{d:02}"),
        DateStyle::Slash => format!("{y}/{m}/{d}"),
        DateStyle::Dot => format!("{y}.{m}.{d}"),
        DateStyle::Chinese => format!("{y}年{m}月{d}日"),
        DateStyle::Compact => format!("{y:04}{m:02}{d:02}"),
    }
}

pub fn format_opt_date(date: Option<NaiveDate>, style: DateStyle) -> String {
    date.map(|date| format_date(date, style))
        .unwrap_or_default()
}

pub fn format_bool(value: Option<bool>, style: BoolStyle) -> String {
    let (yes, no) = match style {
        BoolStyle::ShiFou => ("是", "否"),
        BoolStyle::Tick => ("√", "×"),
        BoolStyle::YesNo => ("Y", "N"),
        BoolStyle::OneZero => ("1", "0"),
        BoolStyle::YouWu => ("有", "无"),
    };
    value
        .map(|v| if v { yes } else { no })
        .unwrap_or_default()
        .to_string()
}

pub fn bracket_pair(bracket: Bracket) -> (&'static str, &'static str) {
    match bracket {
        Bracket::Hexagonal => ("〔", "〕"),
        Bracket::FullWidth => ("（", "）"),
        Bracket::Square => ("[", "]"),
        Bracket::Ascii => ("(", ")"),
    }
}

/// Retypes a case number: full-width digits, or a stray space before the serial number.
pub fn retype(number: String, typing: Typing, careless: bool) -> String {
    match typing {
        Typing::FullWidthDigits => number
            .chars()
            .map(|c| match c.to_digit(10) {
                Some(d) => char::from_u32(0xFF10 + d).unwrap_or(c),
                None => c,
            })
            .collect(),
        Typing::SpaceWhileOpen | Typing::SpaceFirstTime if careless => {
            let at = number
                .char_indices()
                .find(|&(_, c)| matches!(c, '〕' | '）' | ')' | ']'))
                .map_or(0, |(i, c)| i + c.len_utf8());
            let (head, tail) = number.split_at(at);
            format!("{head} {tail}")
        }
        _ => number,
    }
}

fn csv_field(cell: &str) -> String {
    if cell.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_string()
    }
}

pub fn push_line<S: AsRef<str>>(text: &mut String, cells: &[S]) {
    let line: Vec<String> = cells.iter().map(|cell| csv_field(cell.as_ref())).collect();
    text.push_str(&line.join(","));
    text.push('\n');
}

pub fn encode(text: &str, encoding: Encoding, name: &str) -> io::Result<Vec<u8>> {
    match encoding {
        Encoding::Utf8 => Ok(text.as_bytes().to_vec()),
        Encoding::Utf8Bom => Ok([b"\xEF\xBB\xBF", text.as_bytes()].concat()),
        Encoding::Gb18030 => {
            let crlf = text.replace('\n', "\r\n");
            let (bytes, _, unmappable) = encoding_rs::GB18030.encode(&crlf);
            if unmappable {
                return Err(io::Error::other(format!(
                    "{name}: a character has no GB18030 form"
                )));
            }
            Ok(bytes.into_owned())
        }
    }
}

/// A work-list cell in the office's date and boolean styles.
pub fn format_value(value: &Value, dates: DateStyle, bools: BoolStyle) -> String {
    match value {
        Value::Empty => String::new(),
        Value::Date(date) => format_date(*date, dates),
        Value::Flag(flag) => format_bool(Some(*flag), bools),
        Value::Text(text) => text.clone(),
        Value::Time(date, time) => format_hearing_at(*date, time, dates),
    }
}

/// 开庭时间 as each office types it; an office that writes dates as 2021.8.31 types only the
/// time, its 开庭日期 column having the date.
fn format_hearing_at(date: NaiveDate, time: &str, style: DateStyle) -> String {
    let (hour, minute) = time.split_once(':').unwrap_or((time, "00"));
    let hour: u32 = hour.parse().unwrap_or(9);
    match style {
        DateStyle::Chinese if hour < 12 => {
            format!("{}上午{hour}:{minute}", format_date(date, style))
        }
        DateStyle::Chinese => format!("{}下午{}:{minute}", format_date(date, style), hour - 12),
        DateStyle::Slash => format!("{} {hour}:{minute}", format_date(date, style)),
        DateStyle::Dot => format!("{hour}:{minute}"),
        DateStyle::Iso | DateStyle::Compact => format!("{} {time}", format_date(date, style)),
    }
}
