//! The part of a case that the counts of SPEC §4 and the deadline figures of §7.6 read:
//! its unit, dates, outcome and flags, borrowed from wherever the case is held.
//!
//! A report over a million cases reads this from the ledger's compact current state
//! without building a [`Case`] (and its strings) per case; a case as known on an earlier
//! date is a full [`Case`] and lends the same view. Either way the counting rules see one
//! type, so they live in one place.

use chrono::NaiveDate;

use super::{Case, Facts, Instance, Outcome, TrackField, Tracking};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Countable<'a> {
    /// The unit as stored (not yet mapped through the registry).
    pub unit: &'a str,
    pub closed_on: Option<NaiveDate>,
    pub outcome: Option<Outcome>,
    pub facts: CountableFacts<'a>,
    /// The work-list facts, for a case that carries any deadline or hearing fact.
    pub deadlines: Option<DeadlineFacts>,
}

/// The work-list facts the deadline figures read (SPEC §7.6).
///
/// A case has them when its version carries any deadline or hearing fact of SPEC §7.1;
/// the 包案 facts alone (责任单位, 化解进展, 风险等级) do not count. The ledger keeps values,
/// not which columns a file had, so a case whose every work-list cell is empty cannot be
/// told from one in a file without the columns: neither enters the deadline figures, and
/// a ledger without work-list columns reports none.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DeadlineFacts {
    /// 简易程序: the shorter answer and decision periods.
    pub simplified: bool,
    /// 是否延期: 30 more days to decide.
    pub extended: bool,
    pub copy_served_on: Option<NaiveDate>,
    pub answered_on: Option<NaiveDate>,
    pub suspended_on: Option<NaiveDate>,
    pub resumed_on: Option<NaiveDate>,
    pub complaint_received_on: Option<NaiveDate>,
    pub defended_on: Option<NaiveDate>,
    /// Whether the hearing's arrangements are recorded (开庭时间, 开庭地点, 拟出庭负责人 or
    /// 职务, a reminder): only such a hearing counts toward 通知率.
    pub hearing_arranged: bool,
    pub reminded_week_on: Option<NaiveDate>,
    pub reminded_day_on: Option<NaiveDate>,
}

/// What a work-list fact is to the deadline figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DeadlineRole {
    /// A deadline fact: it brings the case into the deadline figures.
    Deadline,
    /// A hearing's arrangement: a deadline fact that shows the arrangements are kept.
    Hearing,
    /// Not counted there: the appeal window, the link to a reconsideration case, the
    /// 包案 facts.
    Other,
}

/// Every fact's role, so that a new fact must be given one.
fn deadline_role(field: TrackField) -> DeadlineRole {
    match field {
        TrackField::Simplified
        | TrackField::CopyServedOn
        | TrackField::AnsweredOn
        | TrackField::Extended
        | TrackField::SuspendedOn
        | TrackField::ResumedOn
        | TrackField::ComplaintReceivedOn
        | TrackField::DefendedOn => DeadlineRole::Deadline,
        TrackField::HearingAt
        | TrackField::HearingPlace
        | TrackField::PlannedHeadName
        | TrackField::PlannedHeadTitle
        | TrackField::RemindedWeekOn
        | TrackField::RemindedDayOn => DeadlineRole::Hearing,
        TrackField::ServedOn
        | TrackField::ReconsiderationNo
        | TrackField::OwnerUnit
        | TrackField::Progress
        | TrackField::Risk
        | TrackField::Parties => DeadlineRole::Other,
    }
}

impl DeadlineFacts {
    /// The deadline facts of a version's work list, `None` when it carries none.
    #[must_use]
    pub fn of(tracking: &Tracking) -> Option<DeadlineFacts> {
        let kept = |role: DeadlineRole| {
            TrackField::ALL
                .into_iter()
                .any(|field| deadline_role(field) == role && tracking.get(field).is_some())
        };
        if tracking.is_empty() || !(kept(DeadlineRole::Deadline) || kept(DeadlineRole::Hearing)) {
            return None;
        }
        Some(DeadlineFacts {
            simplified: tracking.flag(TrackField::Simplified) == Some(true),
            extended: tracking.flag(TrackField::Extended) == Some(true),
            copy_served_on: tracking.date(TrackField::CopyServedOn),
            answered_on: tracking.date(TrackField::AnsweredOn),
            suspended_on: tracking.date(TrackField::SuspendedOn),
            resumed_on: tracking.date(TrackField::ResumedOn),
            complaint_received_on: tracking.date(TrackField::ComplaintReceivedOn),
            defended_on: tracking.date(TrackField::DefendedOn),
            hearing_arranged: kept(DeadlineRole::Hearing),
            reminded_week_on: tracking.date(TrackField::RemindedWeekOn),
            reminded_day_on: tracking.date(TrackField::RemindedDayOn),
        })
    }
}

/// The counted facts only one kind of ledger records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CountableFacts<'a> {
    Reconsideration {
        received_on: NaiveDate,
        accepted_on: Option<NaiveDate>,
        corrected: Option<bool>,
        /// Whether a lawsuit in the ledger names this closed case in its 复议案号
        /// (复议后起诉). A case alone cannot know: the ledger sets it from its lawsuits,
        /// as known on the same date (`Ledger::for_each_countable`).
        sued_after: bool,
    },
    Litigation {
        instance: Instance,
        filed_on: NaiveDate,
        hearing_on: Option<NaiveDate>,
        head_appeared: Option<bool>,
        /// Read only for an appearance in the period, to judge the title's qualification.
        head_title: Option<&'a str>,
        lost: Option<bool>,
    },
}

impl Case {
    /// The view of this case that the counts read; `None` for a document or a dispute,
    /// which the 三率 do not count.
    #[must_use]
    pub fn countable(&self) -> Option<Countable<'_>> {
        let facts = match &self.facts {
            Facts::Reconsideration {
                received_on,
                accepted_on,
                corrected,
                ..
            } => CountableFacts::Reconsideration {
                received_on: *received_on,
                accepted_on: *accepted_on,
                corrected: *corrected,
                sued_after: false,
            },
            Facts::Litigation {
                instance,
                filed_on,
                hearing_on,
                head_appeared,
                head_title,
                lost,
                ..
            } => CountableFacts::Litigation {
                instance: *instance,
                filed_on: *filed_on,
                hearing_on: *hearing_on,
                head_appeared: *head_appeared,
                head_title: head_title.as_deref(),
                lost: *lost,
            },
            Facts::Rectification { .. } | Facts::Dispute { .. } => return None,
        };
        Some(Countable {
            unit: &self.unit,
            closed_on: self.closed_on,
            outcome: self.outcome,
            facts,
            deadlines: DeadlineFacts::of(&self.tracking),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::TrackValue;

    fn tracking(facts: &[(TrackField, TrackValue)]) -> Tracking {
        let mut tracking = Tracking::default();
        for (field, value) in facts {
            tracking.set(*field, Some(value.clone()));
        }
        tracking
    }

    #[test]
    fn only_deadline_and_hearing_facts_bring_a_case_in() {
        let day = NaiveDate::from_ymd_opt(2025, 3, 10).unwrap();
        let text = |s: &str| TrackValue::Text(s.to_owned());
        assert_eq!(DeadlineFacts::of(&Tracking::default()), None);
        // 包案 follow-up alone, or the appeal window, says nothing about deadlines kept.
        let lead_only = tracking(&[
            (TrackField::Progress, text("约谈")),
            (TrackField::Risk, text("高")),
            (TrackField::ServedOn, TrackValue::Date(day)),
        ]);
        assert_eq!(DeadlineFacts::of(&lead_only), None);
        // A flag written 否 is a fact: the office keeps the column.
        let plain = tracking(&[(TrackField::Extended, TrackValue::Flag(false))]);
        assert_eq!(DeadlineFacts::of(&plain), Some(DeadlineFacts::default()));
        let defence = tracking(&[(TrackField::ComplaintReceivedOn, TrackValue::Date(day))]);
        let facts = DeadlineFacts::of(&defence).unwrap();
        assert_eq!(facts.complaint_received_on, Some(day));
        assert!(
            !facts.hearing_arranged,
            "a defence date arranges no hearing"
        );
        let place = tracking(&[(TrackField::HearingPlace, text("第一法庭"))]);
        assert!(DeadlineFacts::of(&place).unwrap().hearing_arranged);
    }
}
