//! `due`: the work list of small ledgers whose every date is worked out by hand below, as
//! known on a day, filtered, and in every output format.
//!
//! The State Council schedules used (国办发明电): 2024 国庆 10-01…10-07 off, Sunday 09-29
//! and Saturday 10-12 worked; 2025 元旦 01-01; 春节 01-28…02-04 off, Sunday 01-26 and
//! Saturday 02-08 worked; 清明 04-04…04-06; 劳动节 05-01…05-05, Sunday 04-27 worked.
//! Periods do not count their first day; a period in calendar days that ends on a day off
//! ends on the next working day; reminders before a hearing move back to a working day.
//!
//! The cases (all received from 2024 on: the 2023 law, answers in working days):
//! - 复议 都府复〔2025〕1号 (都匀市, lead 张三): copy served Friday 2025-01-24 → answer due
//!   02-13 (01-26, 01-27, 02-05, 02-06, 02-07, 02-08, 02-10, 02-11, 02-12, 02-13); answered
//!   02-12 in the 03-14 file.
//! - 复议 福府复〔2025〕3号 (福泉市): copy served Tuesday 01-07 → answer due 01-21 (01-08…
//!   01-10, 01-13…01-17, 01-20, 01-21), answered late (01-27) in the 03-14 file; accepted
//!   01-06 → decision due 03-07 (60 days: 25 in January, 28 in February, 7 in March; a
//!   Friday), extended in the 03-14 file → 90 days end Sunday 04-06 in 清明 → 04-07.
//! - 复议 都府复〔2025〕2号 (都匀市, lead 李四), in the 03-14 file: copy served Tuesday
//!   03-04 → answer due 03-18 (03-05…03-07, 03-10…03-14, 03-17, 03-18); accepted 03-03 →
//!   decision due 05-06 (60 days end Friday 05-02, in 劳动节).
//! - 复议 荔府复〔2024〕9号 (荔波县): closed 2024-12-20; nothing to do.
//! - 应诉 （2025）黔2701行初5号 (都匀市): complaint received Monday 03-03 → defence due 03-18.
//! - 应诉 （2025）黔2701行初8号 (都匀市, leads 王五、张三): hearing Monday 2025-03-17 09:30 →
//!   reminders 03-10 (a week before) and Friday 03-14 (the day before is a Sunday); no
//!   head arranged, so from Monday 03-10 verify, from Friday 03-14 escalate.
//! - 应诉 （2024）黔2702行初30号 (福泉市): hearing Tuesday 2024-10-08 09:00, right after
//!   国庆 → both reminders on Monday 09-30 (a week before, 10-01, and the day before, 10-07,
//!   are holidays), escalation from 09-30; in the 2025-03-07 file it closed by judgment,
//!   served Wednesday 03-05 → the appeal window closes 03-20.
//!
//! Files: 应诉 as of 2024-09-27 (…行初30号 before its hearing), 复议 as of 2025-01-24, 应诉
//! as of 2025-03-07, 复议 as of 2025-03-14.

use serde_json::{Value, json};

use crate::support::Workspace;

const UNITS: &str =
    "单位,别名,区划代码\n都匀市,都匀,522701\n福泉市,福泉,522702\n荔波县,荔波,522722\n";

pub const RECONSIDERATION: &str = "案号,单位,被申请人,收案日期,受理日期,结案日期,结案方式,包案领导,简易程序,副本送达日期,答复日期,是否延期,责任单位\n";

const RECONSIDERATION_0124: &str = "\
都府复〔2025〕1号,都匀市,都匀市自然资源局,2025-01-20,,,,张三,否,2025-01-24,,,都匀市自然资源局
福府复〔2025〕3号,福泉市,福泉市市场监管局,2025-01-02,2025-01-06,,,,否,2025-01-07,,,
荔府复〔2024〕9号,荔波县,荔波县公安局,2024-10-08,2024-10-10,2024-12-20,维持,,,,,,
";

const RECONSIDERATION_0314: &str = "\
都府复〔2025〕1号,都匀市,都匀市自然资源局,2025-01-20,,,,张三,否,2025-01-24,2025-02-12,,都匀市自然资源局
福府复〔2025〕3号,福泉市,福泉市市场监管局,2025-01-02,2025-01-06,,,,否,2025-01-07,2025-01-27,是,
都府复〔2025〕2号,都匀市,都匀市住建局,2025-02-25,2025-03-03,,,李四,否,2025-03-04,,,
";

const LITIGATION: &str = "案号,审级,法院,单位,被告,立案日期,开庭时间,开庭地点,拟出庭负责人,拟出庭负责人职务,负责人出庭,出庭负责人职务,结案日期,裁判结果,起诉状副本收到日期,裁判文书送达日期,包案领导,责任单位\n";

// …行初30号's 责任单位 `=福泉市住建局` is what a formula-minded clerk might type: the CSV
// export must defuse it.
const LITIGATION_20240927: &str = "\
（2024）黔2702行初30号,一审,福泉市人民法院,福泉市,福泉市住建局,2024-09-02,2024-10-08 09:00,福泉市人民法院第二法庭,,,,,,,,,,=福泉市住建局
";

const LITIGATION_0307: &str = "\
（2025）黔2701行初5号,一审,都匀市人民法院,都匀市,都匀市公安局,2025-02-20,,,,,,,,,2025-03-03,,,
（2025）黔2701行初8号,一审,都匀市人民法院,都匀市,都匀市人社局,2025-02-10,2025-03-17 09:30,都匀市人民法院第一法庭,,,,,,,,,王五、张三,都匀市人社局
（2024）黔2702行初30号,一审,福泉市人民法院,福泉市,福泉市住建局,2024-09-02,2024-10-08 09:00,福泉市人民法院第二法庭,,,是,副局长,2025-02-28,驳回诉讼请求,,2025-03-05,,=福泉市住建局
";

/// A ledger with the unit registry and the four files above.
fn ledger() -> Workspace {
    let ws = Workspace::new();
    let units = ws.write("单位名录.csv", UNITS.as_bytes());
    ws.ok(["units".as_ref(), "import".as_ref(), units.as_os_str()]);
    for (name, header, rows) in [
        ("应诉台账_2024-09-27.csv", LITIGATION, LITIGATION_20240927),
        (
            "复议台账_2025-01-24.csv",
            RECONSIDERATION,
            RECONSIDERATION_0124,
        ),
        ("应诉台账_2025-03-07.csv", LITIGATION, LITIGATION_0307),
        (
            "复议台账_2025-03-14.csv",
            RECONSIDERATION,
            RECONSIDERATION_0314,
        ),
    ] {
        let path = ws.write(&format!("in/{name}"), format!("{header}{rows}").as_bytes());
        ws.ok(["import".as_ref(), path.as_os_str()]);
    }
    ws
}

/// `due --format json` with extra arguments, parsed.
fn due(ws: &Workspace, args: &[&str]) -> Value {
    let mut all = vec!["due", "--format", "json"];
    all.extend_from_slice(args);
    let stdout = ws.ok(all);
    serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("due is not JSON ({e}):\n{stdout}"))
}

/// The items of `due --on ON` with extra arguments.
fn items(ws: &Workspace, on: &str, args: &[&str]) -> Vec<Value> {
    let mut all = vec!["--on", on];
    all.extend_from_slice(args);
    let list = due(ws, &all);
    list["items"].as_array().cloned().unwrap_or_default()
}

const R: &str = "reconsideration";
const L: &str = "litigation";

/// A case of these ledgers by a short name: its kind, case number (the importer reads
/// full-width brackets as half-width ones: （2025） is kept as (2025)), unit, lead and
/// 责任单位.
fn case(short: &str) -> (&str, &str, &str, Option<&str>, Option<&str>) {
    match short {
        "1号" => (
            R,
            "都府复〔2025〕1号",
            "都匀市",
            Some("张三"),
            Some("都匀市自然资源局"),
        ),
        "2号" => (R, "都府复〔2025〕2号", "都匀市", Some("李四"), None),
        "3号" => (R, "福府复〔2025〕3号", "福泉市", None, None),
        // The case of tests/cli/calendar.rs.
        "2027-1号" => (R, "都府复〔2027〕1号", "都匀市", None, None),
        "行初5号" => (L, "(2025)黔2701行初5号", "都匀市", None, None),
        "行初8号" => (
            L,
            "(2025)黔2701行初8号",
            "都匀市",
            Some("王五、张三"),
            Some("都匀市人社局"),
        ),
        "行初30号" => (
            L,
            "(2024)黔2702行初30号",
            "福泉市",
            None,
            Some("=福泉市住建局"),
        ),
        other => panic!("no case {other}"),
    }
}

/// The items a list must hold, one a line: `CASE ITEM DATE DAYS_LEFT WORKING_DAYS_LEFT`,
/// then `overdue` when it is.
pub fn expected(lines: &[&str]) -> Vec<Value> {
    lines
        .iter()
        .map(|line| {
            let words: Vec<&str> = line.split_whitespace().collect();
            let (kind, case_no, unit, lead, owner) = case(words[0]);
            let number = |i: usize| words[i].parse::<i64>().expect("a number");
            json!({
                "kind": kind, "case_no": case_no, "unit": unit, "item": words[1],
                "date": words[2], "days_left": number(3), "working_days_left": number(4),
                "overdue": words.get(5) == Some(&"overdue"), "lead": lead, "owner_unit": owner,
            })
        })
        .collect()
}

#[test]
fn the_json_is_the_spec_shape() {
    let ws = ledger();
    let list = due(&ws, &["--on", "2025-03-07"]);
    let keys: Vec<&String> = list.as_object().expect("object").keys().collect();
    assert_eq!(keys, ["on", "within", "items"]);
    assert_eq!(list["on"], "2025-03-07");
    assert_eq!(list["within"], 7);
    let item_keys: Vec<&String> = list["items"][0].as_object().expect("item").keys().collect();
    assert_eq!(
        item_keys,
        [
            "kind",
            "case_no",
            "unit",
            "item",
            "date",
            "days_left",
            "working_days_left",
            "overdue",
            "lead",
            "owner_unit"
        ]
    );
}

#[test]
fn friday_7_march_2025_as_known_then() {
    let ws = ledger();
    // Window 03-07…03-14. Overdue, oldest first: 3号's answer (01-21: 45 days, 29 working
    // days ago: 01-22…01-24, 01-26, 01-27, 02-05…02-08, then four full weeks), 1号's (02-13:
    // 22 days; 02-14, then three full weeks = 16 working days). Then 3号's decision, due
    // today; the hearing's reminders, Monday (1 working day) and Friday (5).
    // Not listed: the defence (03-18) and the appeal window (03-20), beyond the window.
    assert_eq!(
        items(&ws, "2025-03-07", &[]),
        expected(&[
            "3号 answer 2025-01-21 -45 -29 overdue",
            "1号 answer 2025-02-13 -22 -16 overdue",
            "3号 decision 2025-03-07 0 0",
            "行初8号 remind_week 2025-03-10 3 1",
            "行初8号 remind_day 2025-03-14 7 5",
        ])
    );
}

#[test]
fn friday_14_march_2025() {
    let ws = ledger();
    // The 03-14 file: both answers are in (1号's on time, 3号's late: neither is work any
    // more), 3号's decision was extended to 04-07 (24 days away), 2号 is new. Window
    // 03-14…03-21. The week reminder (03-10) was never recorded: overdue by 4 days (03-11…
    // 03-14). Today: the day reminder, and escalation (no head arranged on the eve).
    // Monday 03-17 (1 working day): the hearing at 09:30 and verifying its head. Tuesday
    // 03-18 (2): the defence and 2号's answer, by case number. Thursday 03-20 (4): the
    // appeal window of …行初30号.
    assert_eq!(
        items(&ws, "2025-03-14", &[]),
        expected(&[
            "行初8号 remind_week 2025-03-10 -4 -4 overdue",
            "行初8号 remind_day 2025-03-14 0 0",
            "行初8号 escalate 2025-03-14 0 0",
            "行初8号 hearing 2025-03-17 3 1",
            "行初8号 verify_head 2025-03-17 3 1",
            "行初5号 defence 2025-03-18 4 2",
            "2号 answer 2025-03-18 4 2",
            "行初30号 appeal 2025-03-20 6 4",
        ])
    );
}

#[test]
fn wednesday_30_april_2025_before_labour_day() {
    let ws = ledger();
    // Everything of March is overdue: the appearance at the 03-17 hearing was never
    // recorded (44 days, 32 working days ago); the defence and 2号's answer (03-18: 43
    // days; 03-19…03-21, 03-24…03-28, 03-31…04-03, 04-07…04-25, Sunday 04-27, 04-28…04-30
    // = 31 working days); 3号's extended decision (04-07: 23 days; 18 working days). The
    // appeal window closed on 03-20: over, not overdue. Due: 2号's decision on 05-06, the
    // first working day after 劳动节 (6 days, 1 working day).
    assert_eq!(
        items(&ws, "2025-04-30", &[]),
        expected(&[
            "行初8号 record_appearance 2025-03-17 -44 -32 overdue",
            "行初5号 defence 2025-03-18 -43 -31 overdue",
            "2号 answer 2025-03-18 -43 -31 overdue",
            "3号 decision 2025-04-07 -23 -18 overdue",
            "2号 decision 2025-05-06 6 1",
        ])
    );
}

#[test]
fn the_window_is_counted_in_days_after_on() {
    let ws = ledger();
    // On Friday 01-24, 1号's copy was served that day: its answer is due 02-13, 20 days
    // (10 working days) later, so only a window of 20 days or more lists it. Known then:
    // …行初30号 as of 2024-09-27, whose hearing has passed with no appearance recorded
    // (2024-10-08 → 2025-01-24: 108 days; 78 working days: 10-09…10-11, Saturday 10-12,
    // then 14 full weeks to 01-17 less 元旦 (70 − 1), then 01-20…01-24 → 3 + 1 + 69 + 5).
    let overdue = [
        "行初30号 record_appearance 2024-10-08 -108 -78 overdue",
        "3号 answer 2025-01-21 -3 -3 overdue",
    ];
    assert_eq!(
        items(&ws, "2025-01-24", &["--within", "19"]),
        expected(&overdue)
    );
    let with_answer = [overdue[0], overdue[1], "1号 answer 2025-02-13 20 10"];
    assert_eq!(
        items(&ws, "2025-01-24", &["--within", "20"]),
        expected(&with_answer)
    );
    // --within 0: overdue items and today's only.
    let today: Vec<Value> = items(&ws, "2025-03-14", &["--within", "0"]);
    let listed: Vec<&str> = today
        .iter()
        .map(|i| i["item"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(listed, ["remind_week", "remind_day", "escalate"]);
    // Through Wednesday 03-19: all but the appeal window (03-20).
    assert_eq!(items(&ws, "2025-03-14", &["--within", "5"]).len(), 7);
    assert_eq!(items(&ws, "2025-03-14", &["--within", "6"]).len(), 8);
}

#[test]
fn a_hearing_right_after_national_day_2024() {
    let ws = ledger();
    // Friday 2024-09-27, as known then: both reminders fall on Monday 09-30 (3 days; 2
    // working days, Sunday 09-29 being worked). The hearing itself (10-08) is 11 days away:
    // 3 working days (09-29, 09-30, 10-08).
    let reminders = [
        "行初30号 remind_week 2024-09-30 3 2",
        "行初30号 remind_day 2024-09-30 3 2",
    ];
    assert_eq!(items(&ws, "2024-09-27", &[]), expected(&reminders));
    let with_hearing = [
        reminders[0],
        reminders[1],
        "行初30号 hearing 2024-10-08 11 3",
    ];
    assert_eq!(
        items(&ws, "2024-09-27", &["--within", "11"]),
        expected(&with_hearing)
    );
    // The hearing's day, nothing recorded: both reminders 8 days overdue (1 working day:
    // 10-08, the holiday between); escalation under way since 09-30; the hearing today and
    // its head still to verify. The 2025 files are not known yet.
    assert_eq!(
        items(&ws, "2024-10-08", &[]),
        expected(&[
            "行初30号 remind_week 2024-09-30 -8 -1 overdue",
            "行初30号 remind_day 2024-09-30 -8 -1 overdue",
            "行初30号 escalate 2024-09-30 -8 -1",
            "行初30号 hearing 2024-10-08 0 0",
            "行初30号 verify_head 2024-10-08 0 0",
        ])
    );
}

#[test]
fn a_later_file_is_ignored_before_its_date() {
    let ws = ledger();
    // Thursday 03-13, the day before the 03-14 file: the answers are still missing, the
    // decision (03-07, unextended then) overdue, and 2号 unknown.
    assert_eq!(
        items(&ws, "2025-03-13", &["--kind", "reconsideration"]),
        expected(&[
            "3号 answer 2025-01-21 -51 -33 overdue",
            "1号 answer 2025-02-13 -28 -20 overdue",
            "3号 decision 2025-03-07 -6 -4 overdue",
        ])
    );
    assert_eq!(
        items(&ws, "2025-03-14", &["--kind", "reconsideration"]),
        expected(&["2号 answer 2025-03-18 4 2"])
    );
}

#[test]
fn filters_by_unit_lead_and_kind() {
    let ws = ledger();
    let keys = |args: &[&str]| -> Vec<String> {
        items(&ws, "2025-03-14", args)
            .iter()
            .map(|i| {
                format!(
                    "{} {}",
                    i["case_no"].as_str().unwrap_or(""),
                    i["item"].as_str().unwrap_or("")
                )
            })
            .collect()
    };
    let suit_8 = [
        "remind_week",
        "remind_day",
        "escalate",
        "hearing",
        "verify_head",
    ]
    .map(|item| format!("(2025)黔2701行初8号 {item}"));
    // 福泉 is the registry's alias of 福泉市.
    assert_eq!(keys(&["--unit", "福泉"]), ["(2024)黔2702行初30号 appeal"]);
    assert_eq!(keys(&["--unit", "荔波县"]), Vec::<String>::new());
    // 张三 is one of the two leads of …行初8号 (and owns 1号, which has nothing left to do).
    assert_eq!(keys(&["--lead", "张三"]), suit_8);
    assert_eq!(keys(&["--lead", "李四"]), ["都府复〔2025〕2号 answer"]);
    assert_eq!(
        keys(&["--kind", "reconsideration"]),
        ["都府复〔2025〕2号 answer"]
    );
    assert_eq!(
        keys(&["--kind", "litigation", "--unit", "都匀市", "--within", "3"]),
        suit_8
    );
    // An unknown unit is refused with the registry's closest names.
    ws.run(["due", "--on", "2025-03-14", "--unit", "都云市"])
        .failure()
        .stderr_has(&["`都云市` is not a unit of the registry", "都匀市"]);
}

/// The events of an iCalendar file as a calendar program reads them.
fn events(ics: &str) -> Vec<icalendar::Event> {
    let calendar: icalendar::Calendar = ics
        .parse()
        .unwrap_or_else(|e| panic!("not iCalendar ({e}):\n{ics}"));
    calendar.events().cloned().collect()
}

#[test]
fn the_ics_file_updates_rather_than_duplicates() {
    use icalendar::{CalendarDateTime, Component, DatePerhapsTime, EventLike};
    let ws = ledger();
    let ics = ws.ok(["due", "--on", "2025-03-14", "--format", "ics"]);
    // RFC 5545 §3.1: CRLF line endings, lines of at most 75 octets.
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    for line in ics.split("\r\n") {
        assert!(!line.contains('\n'), "a bare line feed in {line:?}");
        assert!(line.len() <= 75, "{line:?} is {} octets", line.len());
    }
    assert!(ics.contains("\r\n "), "long Chinese lines are folded");
    let found = events(&ics);
    // The hearing of …行初8号 (its five items share it), the defence, 2号's answer, the appeal.
    let summaries: Vec<&str> = found.iter().filter_map(|e| e.get_summary()).collect();
    assert_eq!(
        summaries,
        [
            "开庭：(2025)黔2701行初8号（都匀市）",
            "答辩期限：(2025)黔2701行初5号（都匀市）",
            "答复期限：都府复〔2025〕2号（都匀市）",
            "上诉期限：(2024)黔2702行初30号（福泉市）",
        ]
    );
    let hearing = &found[0];
    assert_eq!(
        hearing.get_start(),
        Some(DatePerhapsTime::DateTime(CalendarDateTime::WithTimezone {
            date_time: chrono::NaiveDate::from_ymd_opt(2025, 3, 17)
                .and_then(|d| d.and_hms_opt(9, 30, 0))
                .expect("date"),
            tzid: "Asia/Shanghai".into(),
        }))
    );
    assert_eq!(hearing.get_location(), Some("都匀市人民法院第一法庭"));
    assert!(hearing.get_timestamp().is_some(), "DTSTAMP");
    let appeal = &found[3];
    assert_eq!(
        appeal.get_start(),
        Some(DatePerhapsTime::Date(
            chrono::NaiveDate::from_ymd_opt(2025, 3, 20).expect("date")
        ))
    );
    assert_eq!(
        appeal.get_end(),
        Some(DatePerhapsTime::Date(
            chrono::NaiveDate::from_ymd_opt(2025, 3, 21).expect("date")
        ))
    );
    assert!(
        appeal
            .get_description()
            .is_some_and(|d| d.contains("责任单位：=福泉市住建局"))
    );

    // The alarms, read by the parser's own tree: 09:00 on Monday 03-10 and Friday 03-14,
    // 7 days 30 minutes and 3 days 30 minutes before the 09:30 hearing.
    let tree = icalendar::parser::unfold(&ics);
    let tree = icalendar::parser::read_calendar(&tree).expect("parsed");
    assert!(tree.components.iter().any(|c| c.name == "VTIMEZONE"));
    let vevents: Vec<_> = tree
        .components
        .iter()
        .filter(|c| c.name == "VEVENT")
        .collect();
    let triggers: Vec<String> = vevents[0]
        .components
        .iter()
        .filter(|c| c.name == "VALARM")
        .filter_map(|alarm| {
            alarm
                .find_prop("TRIGGER")
                .map(|p| p.val.as_str().to_owned())
        })
        .collect();
    assert_eq!(triggers, ["-P7DT30M", "-P3DT30M"]);
    assert!(
        vevents[1..].iter().all(|e| e.components.is_empty()),
        "deadlines have no alarm"
    );

    // Exported again a week earlier and again the same day: the same events keep their UIDs.
    let uids = |ics: &str| -> Vec<String> {
        events(ics)
            .iter()
            .filter_map(|e| e.get_uid().map(str::to_owned))
            .collect()
    };
    let first = uids(&ics);
    assert_eq!(first.len(), 4);
    assert!(first[0].starts_with("hearing-") && first[0].ends_with("@caseledger"));
    assert!(first[3].starts_with("appeal-"));
    assert_eq!(
        uids(&ws.ok(["due", "--on", "2025-03-14", "--format", "ics"])),
        first
    );
    let earlier = uids(&ws.ok(["due", "--on", "2025-03-07", "--format", "ics"]));
    assert!(
        earlier.contains(&first[0]),
        "the hearing's UID on 03-07: {earlier:?}"
    );
}

#[test]
fn an_undated_hearing_is_an_all_day_event() {
    let ws = ledger();
    // 2024-10-08 at 09:00 in the file of 2024-09-27; asked on 09-27 with a window of 11 days.
    let ics = ws.ok([
        "due",
        "--on",
        "2024-09-27",
        "--within",
        "11",
        "--format",
        "ics",
    ]);
    let found = events(&ics);
    assert_eq!(found.len(), 1, "one hearing, whatever number of its items");
    // A hearing known by its date alone.
    let file = ws.write(
        "in/应诉台账_2025-05-06.csv",
        format!("{LITIGATION}（2025）黔2701行初9号,一审,都匀市人民法院,都匀市,都匀市林业局,2025-04-01,2025-05-12,,,,,,,,,,,\n")
            .as_bytes(),
    );
    ws.ok(["import".as_ref(), file.as_os_str()]);
    let ics = ws.ok([
        "due",
        "--on",
        "2025-05-06",
        "--kind",
        "litigation",
        "--format",
        "ics",
    ]);
    let hearing = events(&ics)
        .into_iter()
        .find(|e| icalendar::Component::get_summary(e).is_some_and(|s| s.contains("行初9号")))
        .expect("the hearing");
    assert_eq!(
        icalendar::Component::get_start(&hearing),
        Some(icalendar::DatePerhapsTime::Date(
            chrono::NaiveDate::from_ymd_opt(2025, 5, 12).expect("date")
        ))
    );
    // Monday 05-12: reminders Monday 05-05 → back to Wednesday 04-30 (劳动节), and Friday
    // 05-09; at 09:00, from the day's start: 11 days 15 hours, 2 days 15 hours.
    assert!(ics.contains("TRIGGER:-P11DT15H\r\n"), "{ics}");
    assert!(ics.contains("TRIGGER:-P2DT15H\r\n"), "{ics}");
}

#[test]
fn the_html_page_has_a_section_per_unit() {
    let ws = ledger();
    let html = ws.ok(["due", "--on", "2025-03-14", "--format", "html"]);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert_eq!(html.matches("<section class=\"unit\">").count(), 2);
    // In the registry's order, each with its own heading.
    let duyun = html.find("<h2>都匀市").expect("都匀市's section");
    let fuquan = html.find("<h2>福泉市").expect("福泉市's section");
    assert!(duyun < fuquan);
    assert!(html.contains("逾期 4 天"));
    assert!(html.contains("2025-03-17 09:30"));
    assert!(html.contains("@page { size: A4"));
    for external in ["<script", "<link", "src=", "href=", "http"] {
        assert!(!html.contains(external), "{external}");
    }
    // Only units with items: 荔波县's one case is closed.
    assert!(!html.contains("荔波县"));
}

#[test]
fn the_table_csv_and_markdown_for_people_and_excel() {
    let ws = ledger();
    let table = ws.ok(["due", "--on", "2025-03-14"]);
    let duyun = table
        .find("都匀市：7 项，逾期 1 项")
        .expect("都匀市's group");
    let fuquan = table
        .find("福泉市：1 项，逾期 0 项")
        .expect("福泉市's group");
    assert!(duyun < fuquan, "{table}");
    for text in [
        "逾期 4 天",
        "2025-03-17 09:30",
        "还有 3 天（1 个工作日）",
        "开庭前一日提醒",
        "共 8 项，逾期 1 项",
    ] {
        assert!(table.contains(text), "{text}:\n{table}");
    }
    let csv = ws
        .run(["due", "--on", "2025-03-14", "--format", "csv"])
        .success()
        .stdout_bytes();
    assert!(csv.starts_with(b"\xEF\xBB\xBF"), "a BOM for Excel");
    let csv = String::from_utf8(csv[3..].to_vec()).expect("UTF-8");
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 9);
    assert!(
        lines[0].starts_with("单位,台账,案号,事项,事项代码,日期,时间,剩余天数,剩余工作日,是否逾期")
    );
    // The reminder is on 03-10; the hearing's time belongs to the hearing's day.
    assert!(
        lines[1].contains(",remind_week,2025-03-10,,-4,-4,是,"),
        "{}",
        lines[1]
    );
    assert!(
        lines[4].contains(",hearing,2025-03-17,09:30,3,1,否,"),
        "{}",
        lines[4]
    );
    assert!(lines[8].ends_with(",'=福泉市住建局"), "{}", lines[8]);
    let markdown = ws.ok(["due", "--on", "2025-03-14", "--format", "markdown"]);
    assert!(markdown.contains("### 都匀市（7 项，逾期 1 项）"));
    assert!(markdown.contains("| 2025-03-10 | **逾期 4 天** | 开庭前一周提醒 |"));
    assert!(markdown.contains("共 8 项，逾期 1 项。"));
}

#[test]
fn an_output_file_is_for_its_owner_only() {
    let ws = ledger();
    let path = ws.path().join("本周.html");
    ws.ok([
        "due".as_ref(),
        "--on".as_ref(),
        "2025-03-14".as_ref(),
        "--format".as_ref(),
        "html".as_ref(),
        "--output".as_ref(),
        path.as_os_str(),
    ]);
    let html = std::fs::read_to_string(&path).expect("written");
    assert!(html.contains("待办事项"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path)
            .expect("metadata")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}

#[test]
fn an_empty_list_says_so() {
    let ws = ledger();
    ws.run(["due", "--on", "2025-03-14", "--unit", "荔波县"])
        .success()
        .stdout_has(&["没有逾期或到期的事项"]);
    let list = due(
        &ws,
        &["--on", "2025-03-14", "--unit", "荔波县", "--within", "30"],
    );
    assert_eq!(list, json!({"on": "2025-03-14", "within": 30, "items": []}));
}
