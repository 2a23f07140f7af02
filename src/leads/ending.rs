//! How a closed case ended, in the groups the monthly 调度 meeting reviews: 化解, 纠错,
//! 败诉 or 维持/驳回. The 口径 (and the rates' own tests of it) decides 纠错 and 败诉, so
//! the sheet and the report never disagree about a case.

use std::collections::BTreeSet;

use serde::Serialize;

use crate::model::{Case, Facts, Instance, Outcome, Rules};
use crate::rates::counts::{is_corrected, is_lost};

/// How a closed case ended, in the groups the 调度 meeting reviews.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Ending {
    /// 化解: mediated, settled or withdrawn (调解, 和解, 终止, 撤诉, 改正后终止, 撤回上诉).
    Resolved,
    /// 纠错: a reconsideration the 口径 counts as corrected.
    Corrected,
    /// 败诉: a first-instance lawsuit the 口径 counts as lost.
    Lost,
    /// 维持/驳回: every other ending.
    Upheld,
}

impl Ending {
    pub const ALL: [Ending; 4] = [
        Ending::Resolved,
        Ending::Corrected,
        Ending::Lost,
        Ending::Upheld,
    ];

    #[must_use]
    pub fn label_zh(self) -> &'static str {
        match self {
            Ending::Resolved => "化解",
            Ending::Corrected => "纠错",
            Ending::Lost => "败诉",
            Ending::Upheld => "维持/驳回",
        }
    }
}

/// Outcomes that resolve a dispute without a decision against either side, beside the
/// 口径's mediated set: 终止 (the application withdrawn), 撤诉, 改正后终止 and 撤回上诉.
const RESOLVED_OUTCOMES: [Outcome; 6] = [
    Outcome::Mediated,
    Outcome::Settled,
    Outcome::Terminated,
    Outcome::Withdrawn,
    Outcome::TerminatedAfterCorrection,
    Outcome::AppealWithdrawn,
];

/// The outcomes that make a closed case 化解 when the 口径 does not count it against the
/// agency: the mediated set of `rules` and the outcomes above.
#[must_use]
pub fn resolved_outcomes(rules: &Rules) -> BTreeSet<Outcome> {
    rules
        .mediated_outcomes
        .iter()
        .copied()
        .chain(RESOLVED_OUTCOMES)
        .collect()
}

/// How a closed case ended. The 口径 decides first, so the sheet agrees with the rates: a
/// reconsideration it counts as corrected is 纠错, a first-instance lawsuit it counts as
/// lost is 败诉 (so under a 口径 that counts 改正后终止 as corrected, that is 纠错 too).
/// Then a mediated, settled or withdrawn case is 化解; anything else is 维持/驳回.
/// `None` for a document or a dispute, which end in their own words (整改情况, 化解结果).
#[must_use]
pub fn ending(case: &Case, rules: &Rules) -> Option<Ending> {
    let countable = case.countable()?;
    let counted_against = match &case.facts {
        Facts::Reconsideration { .. } => {
            is_corrected(&countable, rules).then_some(Ending::Corrected)
        }
        Facts::Litigation { instance, .. } => {
            (*instance == Instance::First && is_lost(&countable, rules)).then_some(Ending::Lost)
        }
        Facts::Rectification { .. } | Facts::Dispute { .. } => None,
    };
    let resolved = case
        .outcome
        .is_some_and(|o| resolved_outcomes(rules).contains(&o));
    Some(counted_against.unwrap_or(if resolved {
        Ending::Resolved
    } else {
        Ending::Upheld
    }))
}

#[cfg(test)]
mod tests {

    use super::*;
    use crate::model::fixture::d;
    use crate::model::rules::LossBase;
    use crate::model::{CaseNo, Tracking};

    fn recon(outcome: Outcome) -> Case {
        Case {
            case_no: CaseNo::new("都府复〔2021〕1号").unwrap(),
            unit: "都匀市".into(),
            matter: None,
            closed_on: Some(d("2021-08-10")),
            outcome: Some(outcome),
            lead: Some("王某".into()),
            note: None,
            tracking: Tracking::default(),
            facts: Facts::Reconsideration {
                respondent: None,
                received_on: d("2021-06-01"),
                accepted_on: None,
                corrected: None,
            },
        }
    }

    fn suit(instance: Instance, outcome: Outcome) -> Case {
        let mut case = recon(outcome);
        case.facts = Facts::Litigation {
            instance,
            court: None,
            defendant: None,
            filed_on: d("2021-03-01"),
            hearing_on: None,
            head_appeared: None,
            head_name: None,
            head_title: None,
            lost: None,
        };
        case
    }

    #[track_caller]
    fn ends(case: &Case, rules: &Rules, expected: Ending) {
        assert_eq!(ending(case, rules), Some(expected), "{:?}", case.outcome);
    }

    #[test]
    fn endings_follow_the_rules_then_the_outcome() {
        let rules = Rules::default();
        let closed = recon;
        ends(&closed(Outcome::Mediated), &rules, Ending::Resolved);
        ends(&closed(Outcome::Settled), &rules, Ending::Resolved);
        ends(&closed(Outcome::Terminated), &rules, Ending::Resolved);
        ends(
            &closed(Outcome::TerminatedAfterCorrection),
            &rules,
            Ending::Resolved,
        );
        ends(&closed(Outcome::Revoked), &rules, Ending::Corrected);
        ends(
            &closed(Outcome::OrderedToPerform),
            &rules,
            Ending::Corrected,
        );
        ends(&closed(Outcome::Upheld), &rules, Ending::Upheld);
        ends(&closed(Outcome::RequestRejected), &rules, Ending::Upheld);
        ends(&closed(Outcome::NotAccepted), &rules, Ending::Upheld);
        ends(&closed(Outcome::Other), &rules, Ending::Upheld);
        // 是否纠错 overrides the outcome, as in the rates.
        let mut overridden = closed(Outcome::Mediated);
        if let Facts::Reconsideration { corrected, .. } = &mut overridden.facts {
            *corrected = Some(true);
        }
        ends(&overridden, &rules, Ending::Corrected);
        // A 口径 that counts 改正后终止 as corrected (上海).
        let mut shanghai = Rules::default();
        shanghai
            .set(
                "corrected_outcomes",
                "撤销,变更,确认违法,确认无效,责令履行,改正后终止",
            )
            .unwrap();
        ends(
            &closed(Outcome::TerminatedAfterCorrection),
            &shanghai,
            Ending::Corrected,
        );

        ends(
            &suit(Instance::First, Outcome::Revoked),
            &rules,
            Ending::Lost,
        );
        ends(
            &suit(Instance::First, Outcome::Compensation),
            &rules,
            Ending::Lost,
        );
        ends(
            &suit(Instance::First, Outcome::Withdrawn),
            &rules,
            Ending::Resolved,
        );
        ends(
            &suit(Instance::First, Outcome::Mediated),
            &rules,
            Ending::Resolved,
        );
        ends(
            &suit(Instance::First, Outcome::ClaimRejected),
            &rules,
            Ending::Upheld,
        );
        ends(
            &suit(Instance::First, Outcome::SuitDismissed),
            &rules,
            Ending::Upheld,
        );
        // Only first instance counts toward 败诉, as in the loss rate.
        ends(
            &suit(Instance::Second, Outcome::JudgmentAmended),
            &rules,
            Ending::Upheld,
        );
        ends(
            &suit(Instance::Second, Outcome::AppealWithdrawn),
            &rules,
            Ending::Resolved,
        );
        let judgments = Rules {
            loss_base: LossBase::Judgments,
            ..Rules::default()
        };
        ends(
            &suit(Instance::First, Outcome::Revoked),
            &judgments,
            Ending::Lost,
        );
    }
}
