//! The week's work list (SPEC §7.4): every overdue item and every item due within a window
//! after a date, on the cases as the ledger knew them that day, most urgent first.
//!
//! Assembly reads the ledger and asks [`task::tasks`] what each case needs; it decides
//! nothing about deadlines itself. The renderers (table, JSON, CSV, Markdown, HTML,
//! iCalendar) lay out what a [`DueList`] holds and compute nothing.

mod csv;
mod html;
mod ics;
mod json;
mod markdown;
mod table;
pub mod task;

use std::cmp::Ordering;
use std::collections::BTreeSet;

use anyhow::Result;
use chrono::{Days, NaiveDate, NaiveTime};

use crate::ledger::Ledger;
use crate::model::{Case, Facts, Filter, Kind, TrackField, UnitRegistry, WorkCalendar};
use crate::model::{deadline, lead};
use task::{Item, Task};

pub use csv::write_csv;
pub use html::{STYLE as HTML_STYLE, content as html_content, write_html};
pub use ics::write_ics;
pub use json::write_json;
pub use markdown::write_markdown;
pub use table::write_table;

/// Which items to list.
#[derive(Debug, Clone)]
pub struct DueOptions {
    /// The day of the list: the ledger as known that day, and what is overdue by then.
    pub on: NaiveDate,
    /// Items due up to this many days after `on` are listed besides the overdue ones.
    pub within: u32,
    /// Only cases of this (canonical) unit.
    pub unit: Option<String>,
    /// Only cases this 包案领导 owns.
    pub lead: Option<String>,
    /// Only cases of this ledger.
    pub kind: Option<Kind>,
    /// Only cases whose 案由, 被申请人, 被告 or 法院 match.
    pub filter: Filter,
}

/// The listed items, most urgent first, with what was asked.
#[derive(Debug, Clone)]
pub struct DueList {
    pub asked: DueOptions,
    pub items: Vec<DueItem>,
    /// Years without a holiday schedule that a listed date was counted in: the caller warns.
    pub uncovered_years: BTreeSet<i32>,
    /// The units with items, in the order lists group them: the registry's (区划代码),
    /// then by name.
    pub units: Vec<String>,
}

/// One thing to do on one case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueItem {
    pub kind: Kind,
    /// The case number as the office wrote it.
    pub case_no: String,
    /// The normalised case number that identifies the case within its kind.
    pub case_key: String,
    /// The canonical unit.
    pub unit: String,
    pub item: Item,
    /// The deadline, or the day the item is about.
    pub date: NaiveDate,
    /// The hearing's time of day, for an item on the hearing's day when it is known.
    pub time: Option<NaiveTime>,
    /// `date` − the list's day, in calendar days (negative when past).
    pub days_left: i64,
    /// Working days after the list's day through `date` (negative when past).
    pub working_days_left: i64,
    pub overdue: bool,
    pub lead: Option<String>,
    pub owner_unit: Option<String>,
    /// The hearing, for the items of a lawsuit with one.
    pub hearing: Option<Hearing>,
}

/// A lawsuit's hearing as the work list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hearing {
    pub date: NaiveDate,
    pub time: Option<NaiveTime>,
    pub place: Option<String>,
    /// 拟出庭负责人 and 职务.
    pub planned_head: Option<String>,
    pub planned_title: Option<String>,
    /// The two reminders' days (两提), done or not.
    pub remind_week: NaiveDate,
    pub remind_day: NaiveDate,
}

/// Lists the work of `options.on`: the cases as known that day, their overdue items and
/// those due within the window, most urgent first.
pub fn build(ledger: &Ledger, options: &DueOptions) -> Result<DueList> {
    let calendar = ledger.work_calendar()?;
    let registry = ledger.unit_registry()?;
    // The 口径's reply days per document type decide a 建议书's reply deadline.
    let rules = ledger.rules()?;
    let mut items = Vec::new();
    let mut uncovered_years = BTreeSet::new();
    ledger.for_each_case_with_work(options.on, |case| {
        if options.kind.is_some_and(|k| k != case.kind())
            || !options.filter.passes_case(&case)
            || options.lead.as_deref().is_some_and(|wanted| {
                !case
                    .lead
                    .as_deref()
                    .is_some_and(|cell| lead::owns(cell, wanted))
            })
        {
            return;
        }
        let unit = registry.canonical(&case.unit);
        if options.unit.as_deref().is_some_and(|u| u != unit) {
            return;
        }
        let unit = unit.to_owned();
        for task in task::tasks(&case, &calendar, &rules, options.on) {
            if !listed(&task, options.on, options.within) {
                continue;
            }
            uncovered_years.extend(task.uncovered_year);
            items.push(item(&case, &unit, &task, &calendar, options.on));
        }
    })?;
    sort(&mut items, &registry);
    let mut units: Vec<String> = Vec::new();
    for item in &items {
        if !units.contains(&item.unit) {
            units.push(item.unit.clone());
        }
    }
    units.sort_by(|a, b| unit_order(&registry, a, b));
    Ok(DueList {
        asked: options.clone(),
        items,
        uncovered_years,
        units,
    })
}

impl DueList {
    /// The items of each unit, units in [`DueList::units`] order, items most urgent first.
    #[must_use]
    pub fn by_unit(&self) -> Vec<(&str, Vec<&DueItem>)> {
        self.units
            .iter()
            .map(|unit| {
                let items = self.items.iter().filter(|i| &i.unit == unit).collect();
                (unit.as_str(), items)
            })
            .collect()
    }

    /// How many items are overdue.
    #[must_use]
    pub fn overdue(&self) -> usize {
        self.items.iter().filter(|i| i.overdue).count()
    }
}

/// Whether a case's item belongs on the list of `on`: overdue, due from `on` through
/// `within` days after it, or under way (an escalation runs from its day through the
/// hearing). An appeal window that has closed is over, not overdue: it is not listed.
fn listed(task: &Task, on: NaiveDate, within: u32) -> bool {
    let until = on
        .checked_add_days(Days::new(u64::from(within)))
        .unwrap_or(NaiveDate::MAX);
    task.overdue || (task.date >= on && task.date <= until) || task.item == Item::Escalate
}

fn item(case: &Case, unit: &str, task: &Task, calendar: &WorkCalendar, on: NaiveDate) -> DueItem {
    let tracking = &case.tracking;
    let text = |field| tracking.text(field).map(str::to_owned);
    let hearing = match &case.facts {
        Facts::Litigation {
            hearing_on: Some(date),
            ..
        } => Some(Hearing {
            date: *date,
            time: tracking.hearing_time(),
            place: text(TrackField::HearingPlace),
            planned_head: text(TrackField::PlannedHeadName),
            planned_title: text(TrackField::PlannedHeadTitle),
            remind_week: deadline::remind_week_due(calendar, *date).date,
            remind_day: deadline::remind_day_due(calendar, *date).date,
        }),
        _ => None,
    };
    DueItem {
        kind: case.kind(),
        case_no: case.case_no.text().to_owned(),
        case_key: case.case_no.key().to_owned(),
        unit: unit.to_owned(),
        item: task.item,
        date: task.date,
        // A reminder's day is not the hearing's: the hearing's time would read as its own.
        time: task
            .time
            .filter(|_| hearing.as_ref().is_some_and(|h| h.date == task.date)),
        days_left: task.date.signed_duration_since(on).num_days(),
        working_days_left: calendar.working_days_between(on, task.date),
        overdue: task.overdue,
        lead: case.lead.clone().filter(|l| !l.trim().is_empty()),
        owner_unit: text(TrackField::OwnerUnit).filter(|o| !o.trim().is_empty()),
        hearing,
    }
}

/// Most urgent first: overdue items first, the oldest first; then by date; then by unit,
/// case number and the item's order.
fn sort(items: &mut [DueItem], registry: &UnitRegistry) {
    // Keyed once per item: the registry's position is a search, and lists run to 100,000.
    items.sort_by_cached_key(|i| {
        (
            !i.overdue,
            i.date,
            unit_rank(registry, &i.unit),
            i.unit.clone(),
            i.case_key.clone(),
            i.kind,
            i.item,
        )
    });
}

/// The registry's order (区划代码), units it does not know after, by name.
fn unit_order(registry: &UnitRegistry, a: &str, b: &str) -> Ordering {
    unit_rank(registry, a)
        .cmp(&unit_rank(registry, b))
        .then_with(|| a.cmp(b))
}

fn unit_rank(registry: &UnitRegistry, unit: &str) -> usize {
    registry.position(unit).unwrap_or(usize::MAX)
}

/// How much time is left, as a clerk says it: `逾期 3 天`, `今天`, `还有 5 天（3 个工作日）`;
/// an item under way since an earlier day (an escalation) is `进行中`.
#[must_use]
pub fn time_left_zh(item: &DueItem) -> String {
    match item.days_left {
        _ if item.overdue => format!("逾期 {} 天", -item.days_left),
        0 => "今天".to_owned(),
        n if n < 0 => "进行中".to_owned(),
        n => format!("还有 {n} 天（{} 个工作日）", item.working_days_left),
    }
}

/// The date with the hearing's time when known: `2025-03-17 09:30`.
#[must_use]
pub fn date_text(item: &DueItem) -> String {
    match item.time {
        Some(time) => format!("{} {}", item.date, time.format("%H:%M")),
        None => item.date.to_string(),
    }
}

/// What the list covers, in words: the day, the window and the filters.
#[must_use]
pub fn scope_zh(list: &DueList) -> String {
    let mut parts = vec![format!(
        "截至 {}：逾期事项及此后 {} 天内到期事项",
        list.asked.on, list.asked.within
    )];
    parts.extend(list.asked.unit.as_ref().map(|unit| format!("单位 {unit}")));
    parts.extend(
        list.asked
            .lead
            .as_ref()
            .map(|lead| format!("包案领导 {lead}")),
    );
    parts.extend(list.asked.kind.map(|kind| kind.label_zh().to_owned()));
    parts.extend(list.asked.filter.label_zh());
    parts.join("；")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Unit;
    use crate::model::fixture::d;

    fn task(item: Item, date: &str, overdue: bool) -> Task {
        Task {
            item,
            date: d(date),
            time: None,
            overdue,
            uncovered_year: None,
        }
    }

    #[track_caller]
    fn window(item: Item, date: &str, overdue: bool, within: u32, expected: bool) {
        let on = d("2025-03-10");
        assert_eq!(
            listed(&task(item, date, overdue), on, within),
            expected,
            "{item:?} {date} overdue={overdue} within={within}"
        );
    }

    #[test]
    fn the_window() {
        window(Item::Decision, "2025-03-10", false, 7, true); // today
        window(Item::Decision, "2025-03-17", false, 7, true); // the window's last day
        window(Item::Decision, "2025-03-18", false, 7, false);
        window(Item::Decision, "2025-03-18", false, 8, true);
        window(Item::Decision, "2025-03-11", false, 0, false);
        window(Item::Decision, "2025-03-10", false, 0, true);
        window(Item::Answer, "2021-01-04", true, 0, true); // overdue, however long ago
        window(Item::Appeal, "2025-03-07", false, 7, false); // the appeal window closed
        window(Item::Escalate, "2025-03-07", false, 0, true); // under way since Friday
        window(Item::Hearing, "2025-06-30", false, u32::MAX, true);
    }

    fn due(unit: &str, case_key: &str, item: Item, date: &str, overdue: bool) -> DueItem {
        DueItem {
            kind: Kind::Litigation,
            case_no: case_key.to_owned(),
            case_key: case_key.to_owned(),
            unit: unit.to_owned(),
            item,
            date: d(date),
            time: None,
            days_left: 0,
            working_days_left: 0,
            overdue,
            lead: None,
            owner_unit: None,
            hearing: None,
        }
    }

    #[test]
    fn most_urgent_first() {
        let registry = UnitRegistry::new(vec![
            Unit {
                name: "福泉市".into(),
                code: Some("522702".into()),
                aliases: vec![],
            },
            Unit {
                name: "都匀市".into(),
                code: Some("522701".into()),
                aliases: vec![],
            },
        ])
        .unwrap();
        let mut items = vec![
            due("都匀市", "2", Item::RemindDay, "2025-03-14", false),
            due("都匀市", "1", Item::Hearing, "2025-03-14", false),
            due("福泉市", "1", Item::Hearing, "2025-03-14", false),
            due("州直", "9", Item::Decision, "2025-03-11", false),
            due("都匀市", "3", Item::RecordAppearance, "2025-03-03", true),
            due("荔波县", "4", Item::Answer, "2025-02-20", true),
            due("都匀市", "1", Item::RemindWeek, "2025-03-14", false),
        ];
        sort(&mut items, &registry);
        let order: Vec<(&str, &str, Item)> = items
            .iter()
            .map(|i| (i.unit.as_str(), i.case_key.as_str(), i.item))
            .collect();
        assert_eq!(
            order,
            [
                ("荔波县", "4", Item::Answer), // overdue, oldest first
                ("都匀市", "3", Item::RecordAppearance),
                ("州直", "9", Item::Decision),  // then by date
                ("福泉市", "1", Item::Hearing), // the registry's first unit
                ("都匀市", "1", Item::Hearing), // then case number, item order
                ("都匀市", "1", Item::RemindWeek),
                ("都匀市", "2", Item::RemindDay),
            ]
        );
    }

    #[test]
    fn time_left_in_words() {
        let mut item = due("都匀市", "1", Item::Answer, "2025-03-10", true);
        item.days_left = -3;
        assert_eq!(time_left_zh(&item), "逾期 3 天");
        item.overdue = false;
        item.days_left = 0;
        assert_eq!(time_left_zh(&item), "今天");
        item.days_left = 5;
        item.working_days_left = 3;
        assert_eq!(time_left_zh(&item), "还有 5 天（3 个工作日）");
        item.days_left = -1;
        assert_eq!(time_left_zh(&item), "进行中");
        item.time = NaiveTime::from_hms_opt(9, 30, 0);
        assert_eq!(date_text(&item), "2025-03-10 09:30");
    }
}
