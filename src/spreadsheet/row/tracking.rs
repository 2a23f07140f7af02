//! The work-list columns of a row (SPEC §7.1): deadlines' dates, hearing arrangements and
//! 包案 follow-up, each optional, with the order their dates must keep.

use chrono::{NaiveDate, NaiveTime};

use super::super::cell::{self, Cell};
use super::super::columns::Field;
use super::RowReader;
use crate::model::tracking::{ValueType, risk_level};
use crate::model::{Kind, TrackField, TrackValue, Tracking};

/// What a row's work-list columns said.
pub(super) struct TrackedRow {
    pub tracking: Tracking,
    /// The date part of 开庭时间, for a file that has no 开庭日期 column.
    pub hearing_day: Option<NaiveDate>,
}

pub(super) fn read(r: &mut RowReader, kind: Kind) -> TrackedRow {
    let mut tracking = Tracking::default();
    let mut hearing_day = None;
    // Most files have none of these columns: their rows skip the lookups.
    let tracked = r.file.tracked;
    for field in TrackField::of(kind).filter(|_| tracked) {
        let column = Field::Track(field);
        let value = match (field, field.value_type()) {
            (TrackField::Risk, _) => risk(r),
            (TrackField::Parties, _) => parties(r),
            (TrackField::HearingAt, _) => {
                let (day, time) = hearing_at(r);
                hearing_day = day;
                time.map(TrackValue::Time)
            }
            (_, ValueType::Date) => r.date(column).map(TrackValue::Date),
            (_, ValueType::Flag) => r.boolean(column).map(TrackValue::Flag),
            (_, ValueType::Text | ValueType::Time) => r.text(column).map(TrackValue::Text),
        };
        tracking.set(field, value);
    }
    TrackedRow {
        tracking,
        hearing_day,
    }
}

fn risk(r: &mut RowReader) -> Option<TrackValue> {
    let column = Field::Track(TrackField::Risk);
    let text = r.text(column)?;
    let level = risk_level(&text);
    if level.is_none() {
        r.error(
            column,
            format!("`{text}` is not a risk level (use 高, 中 or 低)"),
        );
    }
    level.map(|l| TrackValue::Text(l.to_owned()))
}

/// 申请人数 / 原告人数: a whole number of at least 1, stored without separators
/// (`1,200` and `23人` read as 1200 and 23).
fn parties(r: &mut RowReader) -> Option<TrackValue> {
    let column = Field::Track(TrackField::Parties);
    let text = r.text(column)?;
    let count = party_count(&text);
    if count.is_none() {
        r.error(
            column,
            format!("`{text}` is not a number of people (e.g. 23; never names)"),
        );
    }
    count.map(|n| TrackValue::Text(n.to_string()))
}

/// The number a 申请人数 cell gives: digits with optional thousands separators and a
/// trailing 人 or 名; `None` for anything else, a name above all, and for 0.
pub(crate) fn party_count(text: &str) -> Option<u32> {
    let digits = text
        .trim()
        .trim_end_matches(['人', '名'])
        .trim_end()
        .replace([',', '，'], "");
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok().filter(|n| *n > 0)
}

/// 开庭时间: its date and its time of day, each when the cell gives it.
fn hearing_at(r: &mut RowReader) -> (Option<NaiveDate>, Option<NaiveTime>) {
    let column = Field::Track(TrackField::HearingAt);
    let read = match r.cell(column) {
        None => return (None, None),
        Some(Cell::DateTime(at)) => Some((Some(at.date()), Some(at.time()))),
        Some(Cell::Date(date)) => Some((Some(*date), None)),
        // A time typed into a General cell is a fraction of a day; a serial number may
        // carry one too.
        Some(Cell::Number(n)) => serial_date_time(*n),
        Some(other) => cell::parse_date_time(&other.text_ref()),
    };
    let Some((day, time)) = read else {
        let text = r.text(column).unwrap_or_default();
        r.error(
            column,
            format!("`{text}` is not a date and time (e.g. 2021-03-15 09:30)"),
        );
        return (None, None);
    };
    (day, time.filter(|t| *t != NaiveTime::MIN || day.is_none()))
}

fn serial_date_time(serial: f64) -> Option<(Option<NaiveDate>, Option<NaiveTime>)> {
    let day = if serial >= 1.0 {
        Some(cell::excel_serial_date(serial)?)
    } else {
        None
    };
    let minutes = ((serial.fract() * 24.0 * 60.0).round() as u32).min(24 * 60 - 1);
    let time = NaiveTime::from_hms_opt(minutes / 60, minutes % 60, 0)?;
    Some((day, Some(time)))
}

/// The order work-list dates must keep (SPEC §7.1): an answer after the copy was served,
/// a resumption after the suspension, a defence after the complaint arrived.
pub(super) fn check_order(r: &mut RowReader, tracking: &Tracking) {
    for (earlier, later) in [
        (TrackField::CopyServedOn, TrackField::AnsweredOn),
        (TrackField::SuspendedOn, TrackField::ResumedOn),
        (TrackField::ComplaintReceivedOn, TrackField::DefendedOn),
    ] {
        let (Some(first), Some(then)) = (tracking.date(earlier), tracking.date(later)) else {
            continue;
        };
        if then < first {
            let name = r
                .file
                .header_of(Field::Track(earlier))
                .unwrap_or(earlier.key())
                .to_owned();
            r.error(
                Field::Track(later),
                format!("{then} is before {name} {first}"),
            );
        }
    }
    if tracking.date(TrackField::ResumedOn).is_some()
        && tracking.date(TrackField::SuspendedOn).is_none()
    {
        r.warn(
            Field::Track(TrackField::ResumedOn),
            "the review resumed but there is no suspension date (中止日期)".to_owned(),
        );
    }
}

#[cfg(test)]
mod party_tests {
    use super::party_count;

    #[track_caller]
    fn case(text: &str, expected: Option<u32>) {
        assert_eq!(party_count(text), expected, "{text:?}");
    }

    #[test]
    fn a_number_of_people_is_read_and_names_are_refused() {
        case("23", Some(23));
        case(" 23人", Some(23));
        case("1,200名", Some(1200));
        case("1，200", Some(1200));
        case("0", None);
        case("张三、李四", None);
        case("二十三", None);
        case("-3", None);
        case("", None);
    }
}
