//! The 口径: which outcomes count as corrected, mediated and lost, and which cases form
//! each rate's denominator. Provinces count differently; every report states the rules used.

use std::collections::BTreeSet;

use serde::Serialize;

use super::Outcome;

/// The counting rules behind every figure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rules {
    #[serde(serialize_with = "outcome_names")]
    pub corrected_outcomes: BTreeSet<Outcome>,
    #[serde(serialize_with = "outcome_names")]
    pub mediated_outcomes: BTreeSet<Outcome>,
    #[serde(serialize_with = "outcome_names")]
    pub lost_outcomes: BTreeSet<Outcome>,
    pub correction_base: CorrectionBase,
    pub loss_base: LossBase,
    pub appearance_scope: AppearanceScope,
}

/// The denominator of the rates over 办结 (correction and mediation).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CorrectionBase {
    /// All closed cases, 不予受理 included (the default).
    Closed,
    /// Closed cases excluding 不予受理.
    AcceptedClosed,
}

/// The denominator of the loss rate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LossBase {
    /// Every first-instance case closed (the default).
    FirstInstanceClosed,
    /// First-instance cases closed by judgment: excluding 撤诉, 驳回起诉, 终结, 移送, 调解.
    Judgments,
}

/// Which hearings count toward the appearance rate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AppearanceScope {
    /// First-instance hearings only (the default).
    FirstInstance,
    /// Hearings of every instance.
    AllInstances,
}

/// Outcomes that end a lawsuit without a judgment on the merits.
pub const NON_JUDGMENT_OUTCOMES: [Outcome; 5] = [
    Outcome::Withdrawn,
    Outcome::SuitDismissed,
    Outcome::Concluded,
    Outcome::Transferred,
    Outcome::Mediated,
];

impl Default for Rules {
    fn default() -> Self {
        use Outcome::{
            Compensation, DeclaredUnlawful, DeclaredVoid, Mediated, OrderedToPay, OrderedToPerform,
            Revoked, Settled, Varied,
        };
        let corrected = [
            Revoked,
            Varied,
            DeclaredUnlawful,
            DeclaredVoid,
            OrderedToPerform,
        ];
        Rules {
            corrected_outcomes: corrected.into_iter().collect(),
            mediated_outcomes: [Mediated, Settled].into_iter().collect(),
            lost_outcomes: corrected
                .into_iter()
                .chain([OrderedToPay, Compensation])
                .collect(),
            correction_base: CorrectionBase::Closed,
            loss_base: LossBase::FirstInstanceClosed,
            appearance_scope: AppearanceScope::FirstInstance,
        }
    }
}

fn outcome_names<S: serde::Serializer>(
    set: &BTreeSet<Outcome>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.collect_seq(set.iter().map(|o| o.name()))
}

/// A set of outcomes as a 中文 list, e.g. `撤销、变更、确认违法`.
#[must_use]
pub fn list_zh(set: &BTreeSet<Outcome>) -> String {
    set.iter().map(|o| o.name()).collect::<Vec<_>>().join("、")
}
