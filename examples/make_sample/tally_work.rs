//! The work-list columns read back (SPEC §7.1), independently of the generator: their headers
//! and aliases, dates in the file's style, flags and risk levels, the order their dates must
//! keep, no recorded act after the file's as-of date; and, over the whole season, that the
//! sample gives the work list something to show: hearings known ahead of the week after
//! 23 August 2021, 包案 progress that changes between July and August, and 复议案号 that name
//! real reconsideration cases of the lawsuit's unit.

use std::collections::{BTreeMap, BTreeSet};
use std::io;

use chrono::NaiveDate;

use super::{Cells, Row, Versions, bad, case_key};

#[rustfmt::skip]
pub const RECON_WORK_HEADERS: [(&str, &str); 20] = [
    ("简易程序", "simplified"), ("是否简易程序", "simplified"),
    ("副本送达日期", "copy_served_on"), ("答复通知送达日期", "copy_served_on"),
    ("副本发送日期", "copy_served_on"), ("答复日期", "answered_on"),
    ("书面答复日期", "answered_on"), ("答复提交日期", "answered_on"),
    ("是否延期", "extended"), ("延期审理", "extended"), ("中止日期", "suspended_on"),
    ("恢复审理日期", "resumed_on"), ("恢复日期", "resumed_on"), ("责任单位", "owner_unit"),
    ("承办单位", "owner_unit"), ("化解进展", "progress"), ("工作进展", "progress"),
    ("进展情况", "progress"), ("风险等级", "risk"), ("败诉风险", "risk"),
];

#[rustfmt::skip]
pub const LIT_WORK_HEADERS: [(&str, &str); 24] = [
    ("起诉状副本收到日期", "complaint_received_on"), ("应诉通知收到日期", "complaint_received_on"),
    ("答辩日期", "defended_on"), ("答辩状提交日期", "defended_on"), ("举证日期", "defended_on"),
    ("开庭时间", "hearing_at"), ("开庭地点", "hearing_place"),
    ("拟出庭负责人", "planned_head_name"), ("拟出庭人员", "planned_head_name"),
    ("拟出庭负责人职务", "planned_head_title"), ("裁判文书送达日期", "served_on"),
    ("判决送达日期", "served_on"), ("一次提醒日期", "reminded_week_on"),
    ("二次提醒日期", "reminded_day_on"), ("复议案号", "reconsideration_no"),
    ("原复议案号", "reconsideration_no"), ("责任单位", "owner_unit"), ("承办单位", "owner_unit"),
    ("化解进展", "progress"), ("工作进展", "progress"), ("进展情况", "progress"),
    ("风险等级", "risk"), ("败诉风险", "risk"), ("包案领导", "lead"),
];

/// What the season-wide checks need of one version.
#[derive(Clone, Default)]
pub struct Work {
    pub unit: String,
    pub lead: String,
    pub progress: String,
    pub reconsideration_no: String,
}

/// The date of 开庭时间 (`2021-08-26 09:30`, `2021年8月30日上午9:30`), or `None` for a time
/// alone; an error when it is neither.
fn hearing_day(text: &str) -> Result<Option<NaiveDate>, ()> {
    let date = text
        .split([' ', '上', '下'])
        .next()
        .filter(|d| !d.contains(':'))
        .map(super::parse_date);
    let time = text.rsplit([' ', '午']).next().unwrap_or_default();
    let clock = time.split_once(':').is_some_and(|(h, m)| {
        h.len() <= 2 && m.len() == 2 && (h.bytes().chain(m.bytes())).all(|b| b.is_ascii_digit())
    });
    match date {
        Some(None) => Err(()),
        _ if !clock => Err(()),
        Some(day) => Ok(day),
        None => Ok(None),
    }
}

/// Reads a row's work-list cells and checks them against the row and the file's date.
pub fn read(cells: &Cells, row: &Row, as_of: NaiveDate) -> io::Result<Work> {
    let fail = |message: String| Err(bad(cells.file, cells.row, &message));
    for key in ["simplified", "extended"] {
        cells.flag(key)?;
    }
    if !matches!(cells.text("risk"), "" | "高" | "中" | "低") {
        return fail(format!("risk `{}` is not 高, 中 or 低", cells.text("risk")));
    }
    let date = |key: &str| cells.date(key);
    let (start, accepted, hearing, closed) = match *row {
        Row::Recon {
            received,
            accepted,
            closed,
            ..
        } => (received, accepted, None, closed),
        Row::Lit {
            filed,
            hearing,
            closed,
            ..
        } => (filed, None, hearing, closed),
    };
    let at = cells.text("hearing_at");
    if !at.is_empty() {
        match hearing_day(at) {
            Err(()) => return fail(format!("开庭时间 `{at}` is not a date and time")),
            Ok(Some(day)) if Some(day) != hearing => {
                return fail(format!("开庭时间 `{at}` is not on the hearing date"));
            }
            _ if hearing.is_none() => return fail(format!("开庭时间 `{at}` without 开庭日期")),
            _ => {}
        }
    }
    // (earlier, later): the later fact never comes first.
    let order = [
        (accepted, date("copy_served_on")?),
        (date("copy_served_on")?, date("answered_on")?),
        (accepted, date("suspended_on")?),
        (date("suspended_on")?, date("resumed_on")?),
        (Some(start), date("complaint_received_on")?),
        (date("complaint_received_on")?, date("defended_on")?),
        (closed, date("served_on")?),
        (date("reminded_week_on")?, hearing),
        (date("reminded_day_on")?, hearing),
    ];
    for (earlier, later) in order {
        if let (Some(earlier), Some(later)) = (earlier, later)
            && later < earlier
        {
            return fail(format!(
                "work-list dates out of order: {later} before {earlier}"
            ));
        }
    }
    if date("resumed_on")?.is_some() && date("suspended_on")?.is_none() {
        return fail("resumed without a suspension".to_string());
    }
    for key in [
        "copy_served_on",
        "answered_on",
        "suspended_on",
        "resumed_on",
        "complaint_received_on",
        "defended_on",
        "served_on",
        "reminded_week_on",
        "reminded_day_on",
    ] {
        if date(key)?.is_some_and(|d| d > as_of) {
            return fail(format!("{key} after the file's as-of date"));
        }
    }
    Ok(Work {
        unit: cells.text("unit").to_string(),
        lead: cells.text("lead").to_string(),
        progress: cells.text("progress").to_string(),
        reconsideration_no: cells.text("reconsideration_no").to_string(),
    })
}

/// Season-wide: what the work list of the week after 23 August 2021 and the 包案 sheets of
/// July and August need from the sample. Each miss is one line.
pub fn check(cases: &BTreeMap<(bool, String), Versions>, misses: &mut Vec<String>) {
    let due_on = NaiveDate::from_ymd_opt(2021, 8, 23).unwrap_or_default();
    let week = (
        due_on.succ_opt().unwrap_or(due_on),
        due_on + chrono::TimeDelta::days(7),
    );
    let mut ahead = 0;
    let mut changed = 0;
    let mut leads = BTreeSet::new();
    let recon_units: BTreeMap<&str, &str> = cases
        .iter()
        .filter(|((reconsideration, _), _)| *reconsideration)
        .filter_map(|((_, key), versions)| {
            versions
                .last()
                .map(|(_, _, work)| (key.as_str(), work.unit.as_str()))
        })
        .collect();
    for ((reconsideration, key), versions) in cases {
        // Known on 23 August: the latest version as of that day.
        if let Some((_, Row::Lit { hearing, head, .. }, _)) =
            versions.iter().rev().find(|(as_of, _, _)| *as_of <= due_on)
            && head.is_none()
            && hearing.is_some_and(|h| week.0 <= h && h <= week.1)
        {
            ahead += 1;
        }
        let progress = |month: u32| -> BTreeSet<&str> {
            versions
                .iter()
                .filter(|(as_of, _, work)| {
                    chrono::Datelike::month(as_of) == month && !work.progress.is_empty()
                })
                .map(|(_, _, work)| work.progress.as_str())
                .collect()
        };
        let (july, august) = (progress(7), progress(8));
        if !july.is_empty() && !august.is_empty() && july.is_disjoint(&august) {
            changed += 1;
        }
        for (as_of, _, work) in versions {
            if chrono::Datelike::month(as_of) == 8 && !work.lead.is_empty() {
                leads.insert(work.lead.clone());
            }
        }
        let Some((_, _, work)) = versions.last() else {
            continue;
        };
        if !*reconsideration && !work.reconsideration_no.is_empty() {
            let linked = recon_units.get(case_key(&work.reconsideration_no).as_str());
            if linked != Some(&work.unit.as_str()) {
                misses.push(format!(
                    "{key}: 复议案号 {} is not a reconsideration case of {}",
                    work.reconsideration_no, work.unit
                ));
            }
        }
    }
    for (what, got, want) in [
        ("hearings known on 2021-08-23 for the week after", ahead, 5),
        (
            "包案 cases whose progress changed from July to August",
            changed,
            10,
        ),
        ("leaders named in August 2021", leads.len(), 15),
    ] {
        if got < want {
            misses.push(format!(
                "work list: {what}: want at least {want}, got {got}"
            ));
        }
    }
}
