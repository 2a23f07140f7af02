//! The work list as an iCalendar file (RFC 5545) for phones and desktop calendars: one
//! event per hearing, with alarms on the days of its two reminders (两提), and one all-day
//! event per deadline, a document's reply and a dispute's steps included.
//!
//! Every event's UID is derived from the case's kind, its normalised case number and the
//! item, so importing next week's file updates an event (a hearing moved, a deadline
//! extended) instead of adding a second one. Timed hearings are in `Asia/Shanghai`, with
//! its definition included: a fixed UTC+8 since 1991, so one STANDARD rule is exact.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::io::Write;

use anyhow::Result;
use chrono::{Days, NaiveDate, NaiveDateTime, NaiveTime};

use super::{DueItem, DueList, time_left_zh};
use crate::due::task::Item;
use crate::model::Kind;

/// The zone of every timed event: courts and bureaus keep Beijing time.
const ZONE: &str = "Asia/Shanghai";

/// Its definition: China has kept UTC+8 without daylight saving since 1991.
const VTIMEZONE: &str = "BEGIN:VTIMEZONE\nTZID:Asia/Shanghai\nBEGIN:STANDARD\n\
DTSTART:19910915T000000\nTZOFFSETFROM:+0800\nTZOFFSETTO:+0800\nTZNAME:CST\nEND:STANDARD\n\
END:VTIMEZONE";

/// A hearing without a known end is given two hours.
const HEARING_MINUTES: i64 = 120;

/// When a reminder's alarm rings on its day: the start of the office day.
const REMINDER_TIME: NaiveTime = NaiveTime::from_hms_opt(9, 0, 0).unwrap();

/// Writes the calendar. `stamp` is the export's time in UTC (each event's DTSTAMP).
pub fn write_ics(list: &DueList, stamp: NaiveDateTime, out: &mut dyn Write) -> Result<()> {
    let stamp = stamp.format("%Y%m%dT%H%M%SZ").to_string();
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//caseledger//due//ZH".to_owned(),
        "CALSCALE:GREGORIAN".to_owned(),
        "METHOD:PUBLISH".to_owned(),
        format!("X-WR-CALNAME:{}", text("待办事项")),
    ];
    let timed = list
        .items
        .iter()
        .any(|i| is_hearing_work(i.item) && i.hearing.as_ref().is_some_and(|h| h.time.is_some()));
    if timed {
        lines.extend(VTIMEZONE.lines().map(str::to_owned));
    }
    // A hearing's open items, gathered once: its event lists them all.
    let mut hearing_work: HashMap<(Kind, &str), Vec<&DueItem>> = HashMap::new();
    for item in list.items.iter().filter(|i| is_hearing_work(i.item)) {
        hearing_work
            .entry((item.kind, item.case_key.as_str()))
            .or_default()
            .push(item);
    }
    let mut written = HashSet::new();
    for item in &list.items {
        if is_hearing_work(item.item) {
            // One event per hearing, however many of its items the list holds.
            if written.insert(uid(item, Item::Hearing)) {
                let work = &hearing_work[&(item.kind, item.case_key.as_str())];
                lines.extend(
                    hearing_event(list, item, work, &stamp)
                        .into_iter()
                        .flatten(),
                );
            }
        } else if is_deadline(item.item) {
            let (uid, event) = deadline_event(list, item, &stamp);
            if written.insert(uid) {
                lines.extend(event);
            }
        }
    }
    lines.push("END:VCALENDAR".to_owned());
    let mut ics = String::new();
    for line in &lines {
        ics.push_str(&fold(line));
    }
    out.write_all(ics.as_bytes())?;
    Ok(())
}

/// Items about a hearing still to come: they share the hearing's event.
fn is_hearing_work(item: Item) -> bool {
    matches!(
        item,
        Item::Hearing | Item::RemindWeek | Item::RemindDay | Item::VerifyHead | Item::Escalate
    )
}

/// Items that end a period: each an all-day event on its last day. Listed one by one so a
/// new item is a decision here, not silently left out or in.
fn is_deadline(item: Item) -> bool {
    match item {
        Item::Answer
        | Item::Decision
        | Item::Defence
        | Item::Appeal
        | Item::Reply
        | Item::ExpertReview
        | Item::ResolutionPlan
        | Item::CourtReview
        | Item::PreLitigation => true,
        Item::Hearing
        | Item::RemindWeek
        | Item::RemindDay
        | Item::VerifyHead
        | Item::Escalate
        | Item::RecordAppearance => false,
    }
}

/// The UID of an item's event: the same case and item give the same UID in every export.
fn uid(item: &DueItem, event: Item) -> String {
    let key = format!(
        "{}\u{0}{}\u{0}{}",
        item.kind.key(),
        item.case_key,
        event.key()
    );
    let hash = xxhash_rust::xxh3::xxh3_128(key.as_bytes());
    format!("{}-{hash:032x}@caseledger", event.key())
}

/// The hearing of a lawsuit with work before it: timed in Beijing time (two hours) or all
/// day, with an alarm at 09:00 on each reminder's day.
fn hearing_event(
    list: &DueList,
    item: &DueItem,
    work: &[&DueItem],
    stamp: &str,
) -> Option<Vec<String>> {
    let hearing = item.hearing.as_ref()?;
    let uid = uid(item, Item::Hearing);
    let mut lines = vec![
        "BEGIN:VEVENT".to_owned(),
        format!("UID:{uid}"),
        format!("DTSTAMP:{stamp}"),
    ];
    let start = if let Some(time) = hearing.time {
        lines.push(format!(
            "DTSTART;TZID={ZONE}:{}",
            hearing.date.and_time(time).format("%Y%m%dT%H%M%S")
        ));
        lines.push(format!("DURATION:PT{}H", HEARING_MINUTES / 60));
        hearing.date.and_time(time)
    } else {
        lines.extend(all_day(hearing.date));
        hearing.date.and_time(NaiveTime::MIN)
    };
    lines.push(format!(
        "SUMMARY:{}",
        text(&format!("开庭：{}（{}）", item.case_no, item.unit))
    ));
    if let Some(place) = &hearing.place {
        lines.push(format!("LOCATION:{}", text(place)));
    }
    let mut description = vec![format!("{} {}", item.kind.short_zh(), item.case_no)];
    match (&hearing.planned_head, &hearing.planned_title) {
        (Some(name), Some(title)) => description.push(format!("拟出庭负责人：{name}（{title}）")),
        (Some(name), None) => description.push(format!("拟出庭负责人：{name}")),
        _ => description.push("拟出庭负责人：未报".to_owned()),
    }
    description.push(format!(
        "两提：{}（前一周）、{}（前一日）",
        hearing.remind_week, hearing.remind_day
    ));
    let open: Vec<String> = work
        .iter()
        .filter(|i| i.item != Item::Hearing)
        .map(|i| format!("{}（{}，{}）", i.item.label_zh(), i.date, time_left_zh(i)))
        .collect();
    if !open.is_empty() {
        description.push(format!("截至 {} 待办：{}", list.asked.on, open.join("；")));
    }
    description.extend(people(item));
    lines.push(format!("DESCRIPTION:{}", text(&description.join("\n"))));
    for (day, what) in [
        (hearing.remind_week, "开庭前一周提醒"),
        (hearing.remind_day, "开庭前一日提醒"),
    ] {
        let minutes = start
            .signed_duration_since(day.and_time(REMINDER_TIME))
            .num_minutes();
        lines.extend([
            "BEGIN:VALARM".to_owned(),
            "ACTION:DISPLAY".to_owned(),
            format!("TRIGGER:{}", before(minutes)),
            format!(
                "DESCRIPTION:{}",
                text(&format!("{what}：{}（{}）", item.case_no, item.unit))
            ),
            "END:VALARM".to_owned(),
        ]);
    }
    lines.push("END:VEVENT".to_owned());
    Some(lines)
}

/// A deadline as an all-day event on its last day that blocks no time.
fn deadline_event(list: &DueList, item: &DueItem, stamp: &str) -> (String, Vec<String>) {
    let uid = uid(item, item.item);
    let mut lines = vec![
        "BEGIN:VEVENT".to_owned(),
        format!("UID:{uid}"),
        format!("DTSTAMP:{stamp}"),
    ];
    lines.extend(all_day(item.date));
    lines.push("TRANSP:TRANSPARENT".to_owned());
    lines.push(format!(
        "SUMMARY:{}",
        text(&format!(
            "{}：{}（{}）",
            item.item.label_zh(),
            item.case_no,
            item.unit
        ))
    ));
    let mut description = vec![
        format!("{} {}", item.kind.short_zh(), item.case_no),
        format!("截至 {}：{}", list.asked.on, time_left_zh(item)),
    ];
    description.extend(people(item));
    lines.push(format!("DESCRIPTION:{}", text(&description.join("\n"))));
    lines.push("END:VEVENT".to_owned());
    (uid, lines)
}

fn people(item: &DueItem) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(lead) = &item.lead {
        lines.push(format!("包案领导：{lead}"));
    }
    if let Some(owner) = &item.owner_unit {
        lines.push(format!("责任单位：{owner}"));
    }
    lines
}

/// An all-day event on `date`: DTSTART and the next day as its exclusive end.
fn all_day(date: NaiveDate) -> [String; 2] {
    let next = date.checked_add_days(Days::new(1)).unwrap_or(date);
    [
        format!("DTSTART;VALUE=DATE:{}", date.format("%Y%m%d")),
        format!("DTEND;VALUE=DATE:{}", next.format("%Y%m%d")),
    ]
}

/// A trigger `minutes` before the event's start, as an RFC 5545 duration: `-P6DT15H`.
fn before(minutes: i64) -> String {
    let minutes = minutes.max(0);
    let (days, hours, rest) = (minutes / 1440, minutes % 1440 / 60, minutes % 60);
    let mut duration = String::from("-P");
    if days > 0 {
        let _ = write!(duration, "{days}D");
    }
    if hours > 0 || rest > 0 || days == 0 {
        duration.push('T');
        if hours > 0 || rest == 0 {
            let _ = write!(duration, "{hours}H");
        }
        if rest > 0 {
            let _ = write!(duration, "{rest}M");
        }
    }
    duration
}

/// A TEXT value escaped (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks.
fn text(value: &str) -> String {
    let mut escaped = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => escaped.push_str("\\\\"),
            ';' => escaped.push_str("\\;"),
            ',' => escaped.push_str("\\,"),
            '\n' => escaped.push_str("\\n"),
            '\r' => {}
            c => escaped.push(c),
        }
    }
    escaped
}

/// A content line folded (RFC 5545 §3.1): at most 75 octets a line, continuation lines
/// opened by a space, never inside a UTF-8 character; each line ends in CRLF.
fn fold(line: &str) -> String {
    const LIMIT: usize = 75;
    let mut folded = String::with_capacity(line.len() + line.len() / 64 * 3 + 2);
    let mut used = 0;
    for c in line.chars() {
        if used + c.len_utf8() > LIMIT {
            folded.push_str("\r\n ");
            used = 1;
        }
        folded.push(c);
        used += c.len_utf8();
    }
    folded.push_str("\r\n");
    folded
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Kind;

    /// Item `item` of case `no` (its key as written) of `kind`, due on `date`, with
    /// nothing else known.
    fn item(kind: Kind, no: &str, item: Item, date: &str) -> DueItem {
        DueItem {
            kind,
            case_no: no.to_owned(),
            case_key: no.to_owned(),
            unit: "都匀市".into(),
            item,
            date: NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap(),
            time: None,
            days_left: 0,
            working_days_left: 0,
            overdue: false,
            lead: None,
            owner_unit: None,
            hearing: None,
        }
    }

    #[track_caller]
    fn escaped(value: &str, expected: &str) {
        assert_eq!(text(value), expected, "{value}");
    }

    #[test]
    fn text_is_escaped() {
        escaped("都匀市", "都匀市");
        escaped("a,b;c", "a\\,b\\;c");
        escaped("C:\\x", "C:\\\\x");
        escaped("一\r\n二\n三", "一\\n二\\n三");
    }

    #[test]
    fn long_lines_fold_between_characters() {
        assert_eq!(fold("VERSION:2.0"), "VERSION:2.0\r\n");
        let ascii = "X".repeat(160);
        let folded = fold(&ascii);
        let lines: Vec<&str> = folded.split("\r\n").collect();
        assert_eq!(
            lines.iter().map(|l| l.len()).collect::<Vec<_>>(),
            [75, 75, 12, 0]
        );
        assert!(lines[1].starts_with(' '));
        // Three-octet characters are never split: a line may end short of 75 octets.
        let line = format!("SUMMARY:{}", "开".repeat(60));
        let folded = fold(&line);
        for part in folded.split("\r\n") {
            assert!(part.len() <= 75, "{part:?} is {} octets", part.len());
        }
        let unfolded = folded.replace("\r\n ", "");
        assert_eq!(unfolded, format!("{line}\r\n"));
    }

    #[test]
    fn uids_depend_on_the_case_and_the_item_only() {
        // The number as written is not the key: the uid follows the key.
        let item = |kind, case_key: &str, date: &str| DueItem {
            case_no: format!("{case_key} as written"),
            ..item(kind, case_key, Item::Decision, date)
        };
        let decision = uid(
            &item(Kind::Reconsideration, "都府复(2025)2号", "2025-05-06"),
            Item::Decision,
        );
        assert!(decision.starts_with("decision-") && decision.ends_with("@caseledger"));
        assert_eq!(decision.len(), "decision-".len() + 32 + "@caseledger".len());
        // An extended deadline is the same event, moved.
        let moved = uid(
            &item(Kind::Reconsideration, "都府复(2025)2号", "2025-06-05"),
            Item::Decision,
        );
        assert_eq!(moved, decision);
        for other in [
            uid(
                &item(Kind::Reconsideration, "都府复(2025)3号", "2025-05-06"),
                Item::Decision,
            ),
            uid(
                &item(Kind::Litigation, "都府复(2025)2号", "2025-05-06"),
                Item::Decision,
            ),
            uid(
                &item(Kind::Reconsideration, "都府复(2025)2号", "2025-05-06"),
                Item::Answer,
            ),
        ] {
            assert_ne!(other, decision);
        }
    }

    #[test]
    fn documents_and_disputes_get_all_day_events() {
        let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let item = |kind, no: &str, what| item(kind, no, what, "2025-03-10");
        let items = vec![
            item(Kind::Rectification, "意〔2025〕1号", Item::Reply),
            item(Kind::Dispute, "诉前1号", Item::ExpertReview),
            item(Kind::Dispute, "诉前1号", Item::ResolutionPlan),
            item(Kind::Dispute, "诉前1号", Item::CourtReview),
            item(Kind::Dispute, "诉前1号", Item::PreLitigation),
        ];
        let list = DueList {
            asked: crate::due::DueOptions {
                on: day("2025-03-10"),
                within: 7,
                unit: None,
                lead: None,
                kind: None,
                filter: crate::model::Filter::default(),
            },
            items,
            uncovered_years: std::collections::BTreeSet::new(),
            units: vec!["都匀市".into()],
        };
        let mut out = Vec::new();
        write_ics(&list, day("2025-03-10").and_time(NaiveTime::MIN), &mut out).unwrap();
        let ics = String::from_utf8(out).unwrap().replace("\r\n ", "");
        assert_eq!(ics.matches("BEGIN:VEVENT").count(), 5, "{ics}");
        assert_eq!(ics.matches("DTSTART;VALUE=DATE:20250310").count(), 5);
        for key in [
            "reply",
            "expert_review",
            "resolution_plan",
            "court_review",
            "pre_litigation",
        ] {
            assert!(ics.contains(&format!("UID:{key}-")), "{key}");
        }
        assert!(ics.contains("SUMMARY:整改回复期限：意〔2025〕1号（都匀市）"));
        assert!(ics.contains("DESCRIPTION:诉前 诉前1号"));
    }

    #[track_caller]
    fn trigger(minutes: i64, expected: &str) {
        assert_eq!(before(minutes), expected, "{minutes}");
    }

    #[test]
    fn triggers() {
        trigger(7 * 1440 + 30, "-P7DT30M"); // 09:30 hearing, reminder at 09:00 a week before
        trigger(6 * 1440 + 15 * 60, "-P6DT15H"); // all-day hearing: from midnight
        trigger(3 * 1440, "-P3D");
        trigger(90, "-PT1H30M");
        trigger(0, "-PT0H");
    }
}
