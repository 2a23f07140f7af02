//! The work list as JSON, in the shape SPEC §7.4 fixes: `{"on", "within", "items"}`,
//! with `"filter"` after `"within"` when the list was filtered.

use std::io::Write;

use anyhow::Result;
use serde::Serialize;

use super::{DueItem, DueList};
use crate::model::Filter;
use crate::model::period::iso;

#[derive(Serialize)]
struct Json<'a> {
    on: String,
    within: u32,
    /// The ad-hoc filter, only when one was given: the list without one is unchanged.
    #[serde(skip_serializing_if = "Option::is_none")]
    filter: Option<&'a Filter>,
    items: Vec<JsonItem<'a>>,
}

/// One item with exactly the SPEC's keys; the hearing's details stay out.
#[derive(Serialize)]
struct JsonItem<'a> {
    kind: &'static str,
    case_no: &'a str,
    unit: &'a str,
    item: &'static str,
    date: String,
    days_left: i64,
    working_days_left: i64,
    overdue: bool,
    lead: Option<&'a str>,
    owner_unit: Option<&'a str>,
}

impl<'a> From<&'a DueItem> for JsonItem<'a> {
    fn from(item: &'a DueItem) -> Self {
        JsonItem {
            kind: item.kind.key(),
            case_no: &item.case_no,
            unit: &item.unit,
            item: item.item.key(),
            date: iso(item.date),
            days_left: item.days_left,
            working_days_left: item.working_days_left,
            overdue: item.overdue,
            lead: item.lead.as_deref(),
            owner_unit: item.owner_unit.as_deref(),
        }
    }
}

/// Writes the list as pretty-printed JSON followed by a newline.
pub fn write_json(list: &DueList, out: &mut dyn Write) -> Result<()> {
    let json = Json {
        on: iso(list.asked.on),
        within: list.asked.within,
        filter: (!list.asked.filter.is_empty()).then_some(&list.asked.filter),
        items: list.items.iter().map(JsonItem::from).collect(),
    };
    crate::report::write_json_value(&json, out)
}
