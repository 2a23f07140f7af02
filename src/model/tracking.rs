//! What the work list follows on a case beyond what the rates count: the dates statutory
//! deadlines run from and end on, how a hearing is arranged and reminded, and 包案
//! follow-up (SPEC §7.1). Every fact is optional, and a case with none of them is stored
//! and hashed exactly as before they existed.
//!
//! The facts are listed once, in [`TrackField::ALL`]: storage, listings and the reader
//! iterate over it rather than naming each field.

use chrono::{NaiveDate, NaiveTime};

use super::Kind;
use super::period::iso;

/// One optional fact of the work list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TrackField {
    /// 简易程序
    Simplified,
    /// 副本送达日期: the respondent received the application copy.
    CopyServedOn,
    /// 答复日期: the respondent's written answer and evidence arrived.
    AnsweredOn,
    /// 是否延期: the decision period was extended.
    Extended,
    /// 中止日期
    SuspendedOn,
    /// 恢复审理日期
    ResumedOn,
    /// 起诉状副本收到日期
    ComplaintReceivedOn,
    /// 答辩日期: the defence and evidence were filed.
    DefendedOn,
    /// 开庭时间: the time of day of the hearing (its date is `hearing_on`).
    HearingAt,
    /// 开庭地点
    HearingPlace,
    /// 拟出庭负责人
    PlannedHeadName,
    /// 拟出庭负责人职务
    PlannedHeadTitle,
    /// 裁判文书送达日期
    ServedOn,
    /// 一次提醒日期: the agency was reminded a week before the hearing.
    RemindedWeekOn,
    /// 二次提醒日期: the appearing head was telephoned the day before.
    RemindedDayOn,
    /// 复议案号: the reconsideration case a lawsuit followed.
    ReconsiderationNo,
    /// 责任单位
    OwnerUnit,
    /// 化解进展
    Progress,
    /// 风险等级: 高, 中 or 低.
    Risk,
    /// 申请人数 / 原告人数: how many applicants or plaintiffs, as a whole number (never
    /// their names); a large one makes the case a 群体性案件.
    Parties,
}

/// The type of a fact's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueType {
    Date,
    Flag,
    Text,
    /// A time of day, `09:30`.
    Time,
}

/// A fact's value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TrackValue {
    Date(NaiveDate),
    Flag(bool),
    Text(String),
    Time(NaiveTime),
}

impl TrackValue {
    /// As stored and listed: dates ISO, flags 是/否, times `HH:MM`.
    #[must_use]
    pub fn display(&self) -> String {
        match self {
            TrackValue::Date(date) => iso(*date),
            TrackValue::Flag(flag) => (if *flag { "是" } else { "否" }).to_owned(),
            TrackValue::Text(text) => text.clone(),
            TrackValue::Time(time) => time.format("%H:%M").to_string(),
        }
    }
}

impl TrackField {
    /// Every fact, in the order of storage, listings and the content hash. Append only:
    /// the order is part of the hash of every stored version.
    pub const ALL: [TrackField; 20] = [
        TrackField::Simplified,
        TrackField::CopyServedOn,
        TrackField::AnsweredOn,
        TrackField::Extended,
        TrackField::SuspendedOn,
        TrackField::ResumedOn,
        TrackField::ComplaintReceivedOn,
        TrackField::DefendedOn,
        TrackField::HearingAt,
        TrackField::HearingPlace,
        TrackField::PlannedHeadName,
        TrackField::PlannedHeadTitle,
        TrackField::ServedOn,
        TrackField::RemindedWeekOn,
        TrackField::RemindedDayOn,
        TrackField::ReconsiderationNo,
        TrackField::OwnerUnit,
        TrackField::Progress,
        TrackField::Risk,
        TrackField::Parties,
    ];

    /// The English key: in JSON, listings, the ledger's column and as a header.
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            TrackField::Simplified => "simplified",
            TrackField::CopyServedOn => "copy_served_on",
            TrackField::AnsweredOn => "answered_on",
            TrackField::Extended => "extended",
            TrackField::SuspendedOn => "suspended_on",
            TrackField::ResumedOn => "resumed_on",
            TrackField::ComplaintReceivedOn => "complaint_received_on",
            TrackField::DefendedOn => "defended_on",
            TrackField::HearingAt => "hearing_at",
            TrackField::HearingPlace => "hearing_place",
            TrackField::PlannedHeadName => "planned_head_name",
            TrackField::PlannedHeadTitle => "planned_head_title",
            TrackField::ServedOn => "served_on",
            TrackField::RemindedWeekOn => "reminded_week_on",
            TrackField::RemindedDayOn => "reminded_day_on",
            TrackField::ReconsiderationNo => "reconsideration_no",
            TrackField::OwnerUnit => "owner_unit",
            TrackField::Progress => "progress",
            TrackField::Risk => "risk",
            TrackField::Parties => "parties",
        }
    }

    #[must_use]
    pub fn value_type(self) -> ValueType {
        match self {
            TrackField::Simplified | TrackField::Extended => ValueType::Flag,
            TrackField::CopyServedOn
            | TrackField::AnsweredOn
            | TrackField::SuspendedOn
            | TrackField::ResumedOn
            | TrackField::ComplaintReceivedOn
            | TrackField::DefendedOn
            | TrackField::ServedOn
            | TrackField::RemindedWeekOn
            | TrackField::RemindedDayOn => ValueType::Date,
            TrackField::HearingAt => ValueType::Time,
            TrackField::HearingPlace
            | TrackField::PlannedHeadName
            | TrackField::PlannedHeadTitle
            | TrackField::ReconsiderationNo
            | TrackField::OwnerUnit
            | TrackField::Progress
            | TrackField::Risk
            | TrackField::Parties => ValueType::Text,
        }
    }

    /// Whether a ledger of `kind` has this fact.
    #[must_use]
    pub fn applies_to(self, kind: Kind) -> bool {
        match self {
            TrackField::Simplified
            | TrackField::CopyServedOn
            | TrackField::AnsweredOn
            | TrackField::Extended
            | TrackField::SuspendedOn
            | TrackField::ResumedOn => kind == Kind::Reconsideration,
            TrackField::ComplaintReceivedOn
            | TrackField::DefendedOn
            | TrackField::HearingAt
            | TrackField::HearingPlace
            | TrackField::PlannedHeadName
            | TrackField::PlannedHeadTitle
            | TrackField::ServedOn
            | TrackField::RemindedWeekOn
            | TrackField::RemindedDayOn
            | TrackField::ReconsiderationNo => kind == Kind::Litigation,
            TrackField::OwnerUnit | TrackField::Progress | TrackField::Risk => true,
            TrackField::Parties => kind.is_case(),
        }
    }

    /// The facts of one kind of ledger, in [`TrackField::ALL`]'s order.
    pub fn of(kind: Kind) -> impl Iterator<Item = TrackField> {
        TrackField::ALL
            .into_iter()
            .filter(move |f| f.applies_to(kind))
    }

    /// The field's place in [`TrackField::ALL`].
    #[must_use]
    pub fn index(self) -> usize {
        self as usize
    }
}

/// The work-list facts of one case version. Most cases have none, so the facts live
/// behind one pointer that stays empty for them: a case is as small as before.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tracking {
    /// `None` exactly when no fact is known, so that equality needs no special case.
    values: Option<Box<[Option<TrackValue>; TrackField::ALL.len()]>>,
}

impl Tracking {
    /// Whether no fact is known: the case reads, stores and hashes as a plain one.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.values.is_none()
    }

    #[must_use]
    pub fn get(&self, field: TrackField) -> Option<&TrackValue> {
        self.values.as_ref()?[field.index()].as_ref()
    }

    pub fn set(&mut self, field: TrackField, value: Option<TrackValue>) {
        match (&mut self.values, value) {
            (None, None) => {}
            (Some(values), value) => {
                values[field.index()] = value;
                if values.iter().all(Option::is_none) {
                    self.values = None;
                }
            }
            (None, Some(value)) => {
                let mut values: Box<[Option<TrackValue>; TrackField::ALL.len()]> = Box::default();
                values[field.index()] = Some(value);
                self.values = Some(values);
            }
        }
    }

    #[must_use]
    pub fn date(&self, field: TrackField) -> Option<NaiveDate> {
        match self.get(field) {
            Some(TrackValue::Date(date)) => Some(*date),
            _ => None,
        }
    }

    #[must_use]
    pub fn flag(&self, field: TrackField) -> Option<bool> {
        match self.get(field) {
            Some(TrackValue::Flag(flag)) => Some(*flag),
            _ => None,
        }
    }

    #[must_use]
    pub fn text(&self, field: TrackField) -> Option<&str> {
        match self.get(field) {
            Some(TrackValue::Text(text)) => Some(text),
            _ => None,
        }
    }

    #[must_use]
    pub fn hearing_time(&self) -> Option<NaiveTime> {
        match self.get(TrackField::HearingAt) {
            Some(TrackValue::Time(time)) => Some(*time),
            _ => None,
        }
    }

    /// Every fact with its field, in [`TrackField::ALL`]'s order.
    pub fn iter(&self) -> impl Iterator<Item = (TrackField, Option<&TrackValue>)> {
        TrackField::ALL
            .into_iter()
            .map(|field| (field, self.get(field)))
    }

    /// The latest date among the facts, for a file's as-of date.
    #[must_use]
    pub fn latest_date(&self) -> Option<NaiveDate> {
        self.values
            .as_ref()?
            .iter()
            .filter_map(|v| match v {
                Some(TrackValue::Date(date)) => Some(*date),
                _ => None,
            })
            .max()
    }
}

/// A risk level as offices write it (高, 高风险, 较高 …) in its canonical form 高, 中 or 低.
#[must_use]
pub fn risk_level(text: &str) -> Option<&'static str> {
    let text: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let text = text.trim_end_matches("风险");
    match text {
        "高" | "较高" | "重大" | "high" | "High" | "HIGH" => Some("高"),
        "中" | "一般" | "中等" | "medium" | "Medium" | "MEDIUM" => Some("中"),
        "低" | "较低" | "low" | "Low" | "LOW" => Some("低"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_is_listed_once_in_order() {
        for (index, field) in TrackField::ALL.into_iter().enumerate() {
            assert_eq!(field.index(), index, "{field:?}");
        }
        let keys: std::collections::BTreeSet<&str> =
            TrackField::ALL.iter().map(|f| f.key()).collect();
        assert_eq!(keys.len(), TrackField::ALL.len());
    }

    #[test]
    fn kinds_have_their_own_facts_and_share_three() {
        let recon: Vec<_> = TrackField::of(Kind::Reconsideration).collect();
        let lit: Vec<_> = TrackField::of(Kind::Litigation).collect();
        assert_eq!(recon.len(), 10);
        assert_eq!(lit.len(), 14);
        assert!(recon.contains(&TrackField::Progress) && lit.contains(&TrackField::Progress));
        assert!(!recon.contains(&TrackField::HearingAt));
    }

    #[test]
    fn risk_levels() {
        for (text, level) in [
            ("高", Some("高")),
            ("高风险", Some("高")),
            ("较高", Some("高")),
            (" 中 ", Some("中")),
            ("一般", Some("中")),
            ("低风险", Some("低")),
            ("很高", None),
            ("", None),
        ] {
            assert_eq!(risk_level(text), level, "{text}");
        }
    }

    #[test]
    fn values_read_back_by_type() {
        let mut tracking = Tracking::default();
        assert!(tracking.is_empty());
        let day = NaiveDate::from_ymd_opt(2025, 1, 24).unwrap();
        tracking.set(TrackField::CopyServedOn, Some(TrackValue::Date(day)));
        tracking.set(TrackField::Simplified, Some(TrackValue::Flag(true)));
        assert_eq!(tracking.date(TrackField::CopyServedOn), Some(day));
        assert_eq!(tracking.flag(TrackField::Simplified), Some(true));
        assert_eq!(tracking.text(TrackField::Progress), None);
        assert_eq!(tracking.latest_date(), Some(day));
        assert!(!tracking.is_empty());
        tracking.set(TrackField::CopyServedOn, None);
        tracking.set(TrackField::Simplified, None);
        assert_eq!(tracking, Tracking::default(), "emptied is empty");
    }
}
