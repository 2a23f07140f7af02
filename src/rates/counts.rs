//! The counts of SPEC §4 and those behind the further indicators of §8 (维持, 实质性化解,
//! 复议后起诉), each on its own date basis, tallied case by case.

use serde::Serialize;

use super::DeadlineCounts;
use crate::model::appearance::{Qualification, qualification};
use crate::model::rules::{AppearanceScope, CorrectionBase, LossBase, NON_JUDGMENT_OUTCOMES};
use crate::model::{Countable, CountableFacts, Instance, Outcome, Period, Rules};

/// How many cases fall under each count for one period. Field order is the JSON order.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// 收案: reconsideration, received in the period.
    pub received: u64,
    /// 受理: reconsideration, accepted in the period.
    pub accepted: u64,
    /// 不予受理: reconsideration closed in the period as 不予受理.
    pub not_accepted: u64,
    /// 办结: reconsideration closed in the period, every outcome.
    pub closed: u64,
    /// 被纠错: closed in the period and corrected.
    pub corrected: u64,
    /// 调解成功: closed in the period and mediated.
    pub mediated: u64,
    /// 一审收案: first-instance lawsuits filed in the period.
    pub filed: u64,
    /// 一审结案: first-instance lawsuits closed in the period.
    pub first_instance_closed: u64,
    /// 一审败诉: first-instance lawsuits closed in the period and lost.
    pub lost: u64,
    /// 一审开庭: first-instance hearings in the period.
    pub heard: u64,
    /// 负责人出庭: heard in the period with the agency head in court.
    pub head_appeared: u64,
    /// 出庭情况未填报: heard in the period with nothing recorded about the head's
    /// appearance (a blank cell, or a file without the column). Counted as not appeared.
    pub heard_unrecorded: u64,
    /// 维持: closed in the period (in the correction base) as 维持.
    pub maintained: u64,
    /// 实质性化解: closed in the period (in the correction base) with a resolved outcome.
    pub resolved: u64,
    /// 复议后起诉: closed in the period (in the correction base) and named by a lawsuit.
    pub sued_after: u64,
    /// First-instance lawsuits closed by judgment: the loss base under `judgments`.
    #[serde(skip)]
    pub judgments: u64,
    /// Heard in the period with a head whose title qualifies under the 2020 provisions.
    #[serde(skip)]
    pub qualified_appeared: u64,
    /// Hearings, appearances and qualifying appearances in every instance: the
    /// appearance rates' terms under `appearance_scope = all_instances`.
    #[serde(skip)]
    pub all_instances: Hearings,
    /// The deadline figures of SPEC §7.6, added by [`DeadlineCounts::add`] (judging a
    /// deadline needs the calendar and the date of knowledge); the report shows them as
    /// `deadlines`.
    #[serde(skip)]
    pub deadlines: DeadlineCounts,
}

impl std::ops::AddAssign for Counts {
    /// The counts of two disjoint sets of cases together (every field, skipped ones too).
    fn add_assign(&mut self, other: Counts) {
        let Counts {
            received,
            accepted,
            not_accepted,
            closed,
            corrected,
            mediated,
            filed,
            first_instance_closed,
            lost,
            heard,
            head_appeared,
            heard_unrecorded,
            maintained,
            resolved,
            sued_after,
            judgments,
            qualified_appeared,
            all_instances,
            deadlines,
        } = other;
        self.received += received;
        self.accepted += accepted;
        self.not_accepted += not_accepted;
        self.closed += closed;
        self.corrected += corrected;
        self.mediated += mediated;
        self.filed += filed;
        self.first_instance_closed += first_instance_closed;
        self.lost += lost;
        self.heard += heard;
        self.head_appeared += head_appeared;
        self.heard_unrecorded += heard_unrecorded;
        self.maintained += maintained;
        self.resolved += resolved;
        self.sued_after += sued_after;
        self.judgments += judgments;
        self.qualified_appeared += qualified_appeared;
        self.all_instances.heard += all_instances.heard;
        self.all_instances.head_appeared += all_instances.head_appeared;
        self.all_instances.qualified_appeared += all_instances.qualified_appeared;
        self.all_instances.unrecorded += all_instances.unrecorded;
        self.deadlines += deadlines;
    }
}

/// Hearings in a period and the agency heads who appeared at them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Hearings {
    pub heard: u64,
    pub head_appeared: u64,
    pub qualified_appeared: u64,
    /// Hearings with nothing recorded about the head's appearance.
    pub unrecorded: u64,
}

impl Hearings {
    /// Whether every hearing has its appearance unrecorded: a rate over them would only
    /// look measured.
    #[must_use]
    pub fn all_unrecorded(&self) -> bool {
        self.heard > 0 && self.unrecorded == self.heard
    }
}

impl Counts {
    /// The JSON keys of the counts, in order.
    pub const KEYS: [&'static str; 15] = [
        "received",
        "accepted",
        "not_accepted",
        "closed",
        "corrected",
        "mediated",
        "filed",
        "first_instance_closed",
        "lost",
        "heard",
        "head_appeared",
        "heard_unrecorded",
        "maintained",
        "resolved",
        "sued_after",
    ];

    /// A count by its JSON key.
    #[must_use]
    pub fn get(&self, key: &str) -> Option<u64> {
        Some(match key {
            "received" => self.received,
            "accepted" => self.accepted,
            "not_accepted" => self.not_accepted,
            "closed" => self.closed,
            "corrected" => self.corrected,
            "mediated" => self.mediated,
            "filed" => self.filed,
            "first_instance_closed" => self.first_instance_closed,
            "lost" => self.lost,
            "heard" => self.heard,
            "head_appeared" => self.head_appeared,
            "heard_unrecorded" => self.heard_unrecorded,
            "maintained" => self.maintained,
            "resolved" => self.resolved,
            "sued_after" => self.sued_after,
            _ => return None,
        })
    }

    /// Adds one case's current state to the counts for `period` under `rules`.
    pub fn add(&mut self, case: &Countable, period: &Period, rules: &Rules) {
        let closed_in_period = period.holds(case.closed_on);
        match case.facts {
            CountableFacts::Reconsideration {
                received_on,
                accepted_on,
                sued_after,
                ..
            } => {
                self.received += u64::from(period.contains(received_on));
                self.accepted += u64::from(period.holds(accepted_on));
                if closed_in_period {
                    self.closed += 1;
                    self.not_accepted += u64::from(case.outcome == Some(Outcome::NotAccepted));
                    self.corrected += u64::from(is_corrected(case, rules));
                    self.mediated += u64::from(is_mediated(case, rules));
                    // The same base as the correction rate's, so that the shares of 办结
                    // can be read side by side.
                    if in_correction_base(case, rules) {
                        self.maintained += u64::from(case.outcome == Some(Outcome::Upheld));
                        self.resolved += u64::from(
                            case.outcome
                                .is_some_and(|o| rules.resolved_outcomes.contains(&o)),
                        );
                        self.sued_after += u64::from(sued_after);
                    }
                }
            }
            CountableFacts::Litigation {
                instance,
                filed_on,
                hearing_on,
                head_appeared,
                head_title,
                ..
            } => {
                if period.holds(hearing_on) {
                    let appeared = head_appeared == Some(true);
                    let unrecorded = head_appeared.is_none();
                    let qualified =
                        appeared && qualification(head_title) == Qualification::Qualifies;
                    let all = &mut self.all_instances;
                    all.heard += 1;
                    all.head_appeared += u64::from(appeared);
                    all.qualified_appeared += u64::from(qualified);
                    all.unrecorded += u64::from(unrecorded);
                    if instance == Instance::First {
                        self.heard += 1;
                        self.head_appeared += u64::from(appeared);
                        self.qualified_appeared += u64::from(qualified);
                        self.heard_unrecorded += u64::from(unrecorded);
                    }
                }
                if instance == Instance::First {
                    self.filed += u64::from(period.contains(filed_on));
                    if closed_in_period {
                        self.first_instance_closed += 1;
                        self.judgments += u64::from(is_judgment(case));
                        self.lost += u64::from(is_lost(case, rules));
                    }
                }
            }
        }
    }

    /// The numerator and denominator of a rate under `rules`.
    #[must_use]
    pub fn fraction(&self, metric: super::Metric, rules: &Rules) -> (u64, u64) {
        use super::Metric;
        let closed_base = self.closed_base(rules);
        match metric {
            Metric::Correction => (self.corrected, closed_base),
            Metric::Mediation => (self.mediated, closed_base),
            Metric::Loss => match rules.loss_base {
                LossBase::FirstInstanceClosed => (self.lost, self.first_instance_closed),
                LossBase::Judgments => (self.lost, self.judgments),
            },
            Metric::Appearance => {
                let h = self.hearings(rules);
                (h.head_appeared, h.heard)
            }
        }
    }

    /// 办结 as the rates over it count it under `correction_base`.
    #[must_use]
    pub fn closed_base(&self, rules: &Rules) -> u64 {
        match rules.correction_base {
            CorrectionBase::Closed => self.closed,
            CorrectionBase::AcceptedClosed => self.closed - self.not_accepted,
        }
    }

    /// The hearings the appearance rates count under `rules`: first instance (the 一审开庭
    /// and 负责人出庭 counts), or every instance.
    #[must_use]
    pub fn hearings(&self, rules: &Rules) -> Hearings {
        match rules.appearance_scope {
            AppearanceScope::FirstInstance => Hearings {
                heard: self.heard,
                head_appeared: self.head_appeared,
                qualified_appeared: self.qualified_appeared,
                unrecorded: self.heard_unrecorded,
            },
            AppearanceScope::AllInstances => self.all_instances,
        }
    }
}

/// Whether a closed reconsideration case counts as corrected: its 是否纠错 cell if filled,
/// else its outcome in the corrected set; never a 不予受理 outside the `accepted_closed` base.
#[must_use]
pub fn is_corrected(case: &Countable, rules: &Rules) -> bool {
    let CountableFacts::Reconsideration { corrected, .. } = case.facts else {
        return false;
    };
    in_correction_base(case, rules)
        && corrected.unwrap_or(
            case.outcome
                .is_some_and(|o| rules.corrected_outcomes.contains(&o)),
        )
}

/// Whether a closed reconsideration case counts as mediated (调解成功).
#[must_use]
pub fn is_mediated(case: &Countable, rules: &Rules) -> bool {
    matches!(case.facts, CountableFacts::Reconsideration { .. })
        && in_correction_base(case, rules)
        && case
            .outcome
            .is_some_and(|o| rules.mediated_outcomes.contains(&o))
}

fn in_correction_base(case: &Countable, rules: &Rules) -> bool {
    case.closed_on.is_some()
        && !(case.outcome == Some(Outcome::NotAccepted)
            && rules.correction_base == CorrectionBase::AcceptedClosed)
}

/// Whether a closed lawsuit counts as lost: its 是否败诉 cell if filled, else its outcome
/// in the lost set; never a non-judgment outside the `judgments` base.
#[must_use]
pub fn is_lost(case: &Countable, rules: &Rules) -> bool {
    let CountableFacts::Litigation { lost, .. } = case.facts else {
        return false;
    };
    case.closed_on.is_some()
        && (is_judgment(case) || rules.loss_base != LossBase::Judgments)
        && lost.unwrap_or(
            case.outcome
                .is_some_and(|o| rules.lost_outcomes.contains(&o)),
        )
}

/// Whether a lawsuit ended in a judgment on the merits (not 撤诉, 驳回起诉, 终结, 移送, 调解).
fn is_judgment(case: &Countable) -> bool {
    case.outcome
        .is_none_or(|o| !NON_JUDGMENT_OUTCOMES.contains(&o))
}

/// Whether hearings of this instance count toward the appearance rate.
#[must_use]
pub fn counts_hearings(instance: Instance, rules: &Rules) -> bool {
    instance == Instance::First || rules.appearance_scope == AppearanceScope::AllInstances
}

#[cfg(test)]
mod tests {

    use super::*;
    use crate::model::fixture::{self, d};
    use crate::model::{Case, Facts};
    use crate::rates::Metric;

    fn period() -> Period {
        Period::new(d("2021-01-01"), d("2021-08-31")).unwrap()
    }

    fn recon(received: &str, accepted: Option<&str>, closed: Option<(&str, Outcome)>) -> Case {
        let mut case = fixture::recon("都府复〔2021〕1号", "都匀市", received);
        if let Some(accepted) = accepted {
            case = case.accepted(accepted);
        }
        match closed {
            Some((on, outcome)) => case.closed(on, outcome),
            None => case,
        }
    }

    fn suit(
        instance: Instance,
        hearing: Option<&str>,
        head: Option<bool>,
        closed: Option<(&str, Outcome)>,
    ) -> Case {
        let mut case = fixture::suit("(2021)黔27行初1号", "都匀市", instance, "2020-12-01");
        if let Some(hearing) = hearing {
            case = case.heard(hearing, head, None);
        } else if let Facts::Litigation { head_appeared, .. } = &mut case.facts {
            *head_appeared = head;
        }
        match closed {
            Some((on, outcome)) => case.closed(on, outcome),
            None => case,
        }
    }

    fn tally(cases: &[Case], rules: &Rules) -> Counts {
        let mut counts = Counts::default();
        for case in cases {
            counts.add(&case.countable().expect("a case"), &period(), rules);
        }
        counts
    }

    #[test]
    fn reconsideration_counts_use_their_own_dates() {
        let cases = [
            // received last year, accepted and closed (corrected) this year
            recon(
                "2020-12-30",
                Some("2021-01-04"),
                Some(("2021-03-01", Outcome::Revoked)),
            ),
            // received this year, not accepted
            recon(
                "2021-02-01",
                None,
                Some(("2021-02-05", Outcome::NotAccepted)),
            ),
            // received this year, mediated
            recon(
                "2021-03-01",
                Some("2021-03-03"),
                Some(("2021-05-01", Outcome::Settled)),
            ),
            // received this year, closed after the period
            recon(
                "2021-08-01",
                Some("2021-08-03"),
                Some(("2021-09-01", Outcome::Revoked)),
            ),
            // received and closed last year
            recon(
                "2020-05-01",
                Some("2020-05-03"),
                Some(("2020-12-01", Outcome::Upheld)),
            ),
        ];
        let c = tally(&cases, &Rules::default());
        assert_eq!(
            (
                c.received,
                c.accepted,
                c.not_accepted,
                c.closed,
                c.corrected,
                c.mediated
            ),
            (3, 3, 1, 3, 1, 1)
        );
        assert_eq!(c.fraction(Metric::Correction, &Rules::default()), (1, 3));

        let rules = Rules {
            correction_base: CorrectionBase::AcceptedClosed,
            ..Rules::default()
        };
        assert_eq!(
            tally(&cases, &rules).fraction(Metric::Correction, &rules),
            (1, 2)
        );
    }

    #[test]
    fn corrected_column_overrides_the_outcome() {
        let mut case = recon(
            "2021-01-05",
            Some("2021-01-06"),
            Some(("2021-02-01", Outcome::Revoked)),
        );
        if let Facts::Reconsideration { corrected, .. } = &mut case.facts {
            *corrected = Some(false);
        }
        assert_eq!(tally(&[case], &Rules::default()).corrected, 0);
    }

    #[test]
    fn litigation_counts_first_instance_only_by_default() {
        let cases = [
            suit(
                Instance::First,
                Some("2021-02-01"),
                Some(true),
                Some(("2021-03-01", Outcome::Revoked)),
            ),
            suit(
                Instance::First,
                Some("2021-02-01"),
                Some(false),
                Some(("2021-03-01", Outcome::ClaimRejected)),
            ),
            suit(
                Instance::First,
                None,
                None,
                Some(("2021-03-01", Outcome::Withdrawn)),
            ),
            suit(
                Instance::First,
                Some("2020-12-20"),
                Some(true),
                Some(("2021-01-10", Outcome::OrderedToPay)),
            ),
            suit(Instance::First, Some("2021-08-20"), None, None),
            suit(
                Instance::Second,
                Some("2021-04-01"),
                Some(true),
                Some(("2021-05-01", Outcome::Revoked)),
            ),
        ];
        let c = tally(&cases, &Rules::default());
        assert_eq!(
            (
                c.first_instance_closed,
                c.lost,
                c.heard,
                c.head_appeared,
                c.judgments
            ),
            (4, 2, 3, 1, 3)
        );
        let judgments = Rules {
            loss_base: LossBase::Judgments,
            appearance_scope: AppearanceScope::AllInstances,
            ..Rules::default()
        };
        let c = tally(&cases, &judgments);
        assert_eq!(c.fraction(Metric::Loss, &judgments), (2, 3));
        assert_eq!(c.fraction(Metric::Appearance, &judgments), (2, 4));

        // Counts of parts add up to the counts of the whole, every field included.
        for split in 0..=cases.len() {
            let mut parts = tally(&cases[..split], &judgments);
            parts += tally(&cases[split..], &judgments);
            assert_eq!(parts, c, "split at {split}");
        }
        assert_ne!(tally(&cases[..3], &judgments), c);
    }
}
