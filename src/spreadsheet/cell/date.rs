//! Dates as offices write them: ISO and slashed forms, 年月日 (and 号), digits alone,
//! Chinese numerals as in official documents, with or without a time of day.

use chrono::{NaiveDate, NaiveTime};

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

/// A cell holding several dates (`2021年10月18日、11月9日`, two hearings): the first
/// date and the rest as written. `None` unless the text before the first separator
/// (`、`, `，`, `；`, `及`, `和`) is a date and something follows it.
#[must_use]
pub fn first_of_several_dates(text: &str) -> Option<(NaiveDate, &str)> {
    let (first, rest) = text.split_once(['、', '，', ',', '；', ';', '及', '和'])?;
    let rest = rest.trim();
    if rest.is_empty() {
        return None;
    }
    Some((parse_date(first.trim())?, rest))
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
        // Exactly four numerals, checked before any arithmetic: a long cell must not overflow.
        if text.chars().count() != 4 {
            return None;
        }
        text.chars()
            .try_fold(0, |n, c| Some(n * 10 + chinese_digit(c)?))?
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
