//! The 口径: which outcomes count as corrected, mediated, resolved and lost, and which
//! cases form each rate's denominator. Provinces count differently; every report states the rules used.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::record::Choice;
use super::{DocType, Instance, Kind, Outcome};

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
    /// 实质性化解: stored as its own list, not relative to `corrected_outcomes`, so that
    /// changing what counts as 纠错 leaves the resolution rate alone.
    #[serde(serialize_with = "outcome_names")]
    pub resolved_outcomes: BTreeSet<Outcome>,
    /// The days a document of a type has to reply, from its receipt, when it names no
    /// 回复期限 of its own: a bureau's practice for 建议书 (the law gives only the 意见书's
    /// 60 days, which a value here replaces). Empty by default, and then not in JSON.
    #[serde(
        skip_serializing_if = "BTreeMap::is_empty",
        serialize_with = "reply_days_json"
    )]
    pub reply_days: BTreeMap<DocType, u32>,
    /// 套案: the most days between one case and the next of the same agency and 案由 for
    /// both to be in one cluster (90 by default, and then not in JSON).
    #[serde(skip_serializing_if = "is_default_cluster_days")]
    pub cluster_days: u32,
    /// 套案: the fewest cases a cluster holds (5 by default, and then not in JSON).
    #[serde(skip_serializing_if = "is_default_cluster_min")]
    pub cluster_min: u32,
    /// 群体性案件: the fewest applicants or plaintiffs of one case (10 by default, and then
    /// not in JSON).
    #[serde(skip_serializing_if = "is_default_group_min")]
    pub group_min: u32,
}

/// The defaults of the 两包 selection's rules.
const CLUSTER_DAYS: u32 = 90;
const CLUSTER_MIN: u32 = 5;
const GROUP_MIN: u32 = 10;

// serde's skip_serializing_if passes a reference.
#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_default_cluster_days(days: &u32) -> bool {
    *days == CLUSTER_DAYS
}

#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_default_cluster_min(n: &u32) -> bool {
    *n == CLUSTER_MIN
}

#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_default_group_min(n: &u32) -> bool {
    *n == GROUP_MIN
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
            Revoked, Settled, TerminatedAfterCorrection, Varied,
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
            resolved_outcomes: corrected
                .into_iter()
                .chain([Mediated, Settled, TerminatedAfterCorrection])
                .collect(),
            reply_days: BTreeMap::new(),
            cluster_days: CLUSTER_DAYS,
            cluster_min: CLUSTER_MIN,
            group_min: GROUP_MIN,
        }
    }
}

/// The keys `rules set` accepts, in the order `rules show` lists them.
pub const KEYS: [&str; 11] = [
    "corrected_outcomes",
    "mediated_outcomes",
    "lost_outcomes",
    "correction_base",
    "loss_base",
    "appearance_scope",
    "resolved_outcomes",
    "reply_days",
    "cluster_days",
    "cluster_min",
    "group_min",
];

/// Why a rule cannot be set to a value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RuleError {
    #[error("`{key}` is not a rule (rules are: {})", KEYS.join(", "))]
    UnknownRule { key: String },
    #[error("`{value}` is not a {rule} ({accepted})")]
    NotA {
        rule: &'static str,
        value: String,
        accepted: String,
    },
    #[error("`{name}` is not a {ledger} outcome (accepted: {accepted})")]
    NotAnOutcome {
        name: String,
        ledger: &'static str,
        accepted: String,
    },
    #[error(
        "`{name}` is a 二审/再审 outcome, and only 一审 cases count toward the loss rate (accepted: {accepted})"
    )]
    AppellateOutcome { name: String, accepted: String },
    #[error(
        "`{part}` is not a document type and its days (write e.g. 司法建议书=60,检察建议书=30; the types are {types})"
    )]
    NotReplyDays { part: String, types: String },
    #[error("`{value}` is not a {rule} (a whole number from {min} to {max})")]
    NotANumber {
        rule: &'static str,
        value: String,
        min: u32,
        max: u32,
    },
}

/// The value of a rule with a closed set of values, by its key; the error lists the keys.
fn one_of<T: Choice>(rule: &'static str, value: &str) -> Result<T, RuleError> {
    T::from_key(value).ok_or_else(|| {
        let keys: Vec<&str> = T::ALL.iter().map(|choice| choice.key()).collect();
        let accepted = match keys.split_last() {
            Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
            Some((last, _)) => (*last).to_owned(),
            None => String::new(),
        };
        RuleError::NotA {
            rule,
            value: value.to_owned(),
            accepted,
        }
    })
}

impl Rules {
    /// Changes one rule from its text form (as stored, or as typed after `rules set`).
    ///
    /// Outcome lists are canonical names separated by `,` `，` `、` or `;`: any
    /// reconsideration outcome for `corrected_outcomes`, `mediated_outcomes` and
    /// `resolved_outcomes`, a
    /// first-instance litigation outcome for `lost_outcomes` (only 一审 counts toward the
    /// loss rate). The error says what would be accepted.
    pub fn set(&mut self, key: &str, value: &str) -> Result<(), RuleError> {
        let value = value.trim();
        match key {
            "corrected_outcomes" => {
                self.corrected_outcomes = outcomes(Kind::Reconsideration, None, value)?;
            }
            "mediated_outcomes" => {
                self.mediated_outcomes = outcomes(Kind::Reconsideration, None, value)?;
            }
            "resolved_outcomes" => {
                self.resolved_outcomes = outcomes(Kind::Reconsideration, None, value)?;
            }
            "lost_outcomes" => {
                self.lost_outcomes = outcomes(Kind::Litigation, Some(Instance::First), value)?;
            }
            "correction_base" => {
                self.correction_base = one_of("correction_base", value)?;
            }
            "loss_base" => {
                self.loss_base = one_of("loss_base", value)?;
            }
            "appearance_scope" => {
                self.appearance_scope = one_of("appearance_scope", value)?;
            }
            "reply_days" => self.reply_days = reply_days(value)?,
            "cluster_days" => self.cluster_days = number("cluster_days", value, 1, 3650)?,
            "cluster_min" => self.cluster_min = number("cluster_min", value, 2, 10_000)?,
            "group_min" => self.group_min = number("group_min", value, 2, 1_000_000)?,
            _ => {
                return Err(RuleError::UnknownRule {
                    key: key.to_owned(),
                });
            }
        }
        Ok(())
    }

    /// Every rule in its text form, in [`KEYS`] order: what `rules show` prints and the
    /// ledger stores.
    #[must_use]
    pub fn to_text(&self) -> Vec<(&'static str, String)> {
        let names =
            |set: &BTreeSet<Outcome>| set.iter().map(|o| o.name()).collect::<Vec<_>>().join(",");
        vec![
            (KEYS[0], names(&self.corrected_outcomes)),
            (KEYS[1], names(&self.mediated_outcomes)),
            (KEYS[2], names(&self.lost_outcomes)),
            (KEYS[3], self.correction_base.key().to_owned()),
            (KEYS[4], self.loss_base.key().to_owned()),
            (KEYS[5], self.appearance_scope.key().to_owned()),
            (KEYS[6], names(&self.resolved_outcomes)),
            (
                KEYS[7],
                self.reply_days
                    .iter()
                    .map(|(doc_type, days)| format!("{}={days}", doc_type.label_zh()))
                    .collect::<Vec<_>>()
                    .join(","),
            ),
            (KEYS[8], self.cluster_days.to_string()),
            (KEYS[9], self.cluster_min.to_string()),
            (KEYS[10], self.group_min.to_string()),
        ]
    }
}

// A rule with a closed set of values is stored, shown and set by its key; the 中文 name
// says what it counts.
impl Choice for CorrectionBase {
    const ALL: &'static [Self] = &[CorrectionBase::Closed, CorrectionBase::AcceptedClosed];

    fn key(self) -> &'static str {
        match self {
            CorrectionBase::Closed => "closed",
            CorrectionBase::AcceptedClosed => "accepted_closed",
        }
    }

    fn label_zh(self) -> &'static str {
        match self {
            CorrectionBase::Closed => "全部办结案件",
            CorrectionBase::AcceptedClosed => "扣除不予受理的办结案件",
        }
    }
}

impl Choice for LossBase {
    const ALL: &'static [Self] = &[LossBase::FirstInstanceClosed, LossBase::Judgments];

    fn key(self) -> &'static str {
        match self {
            LossBase::FirstInstanceClosed => "first_instance_closed",
            LossBase::Judgments => "judgments",
        }
    }

    fn label_zh(self) -> &'static str {
        match self {
            LossBase::FirstInstanceClosed => "全部一审审结案件",
            LossBase::Judgments => "一审判决结案的案件",
        }
    }
}

impl Choice for AppearanceScope {
    const ALL: &'static [Self] = &[
        AppearanceScope::FirstInstance,
        AppearanceScope::AllInstances,
    ];

    fn key(self) -> &'static str {
        match self {
            AppearanceScope::FirstInstance => "first_instance",
            AppearanceScope::AllInstances => "all_instances",
        }
    }

    fn label_zh(self) -> &'static str {
        match self {
            AppearanceScope::FirstInstance => "一审开庭",
            AppearanceScope::AllInstances => "各审级开庭",
        }
    }
}

fn outcomes(
    kind: Kind,
    instance: Option<Instance>,
    value: &str,
) -> Result<BTreeSet<Outcome>, RuleError> {
    let mut set = BTreeSet::new();
    for name in value
        .split([',', '，', '、', ';', '；'])
        .map(str::trim)
        .filter(|n| !n.is_empty())
    {
        let found = Outcome::from_name(name);
        let outcome = found
            .filter(|o| Outcome::accepted_for(kind, instance).any(|a| a == *o))
            .ok_or_else(|| {
                let accepted: Vec<&str> = Outcome::accepted_for(kind, instance)
                    .map(Outcome::name)
                    .collect();
                let accepted = accepted.join("、");
                match found {
                    Some(o) if o.is_appellate() => RuleError::AppellateOutcome {
                        name: name.to_owned(),
                        accepted,
                    },
                    _ => RuleError::NotAnOutcome {
                        name: name.to_owned(),
                        ledger: kind.label_zh(),
                        accepted,
                    },
                }
            })?;
        set.insert(outcome);
    }
    Ok(set)
}

/// A whole number from `min` to `max`, for a count or a number of days.
fn number(rule: &'static str, value: &str, min: u32, max: u32) -> Result<u32, RuleError> {
    value
        .parse()
        .ok()
        .filter(|n| (min..=max).contains(n))
        .ok_or_else(|| RuleError::NotANumber {
            rule,
            value: value.to_owned(),
            min,
            max,
        })
}

/// `司法建议书=60,检察建议书=30`: a document type (as a cell may name it) and a number of
/// days from 1 to 365 for each; empty for none.
fn reply_days(value: &str) -> Result<BTreeMap<DocType, u32>, RuleError> {
    let mut days = BTreeMap::new();
    for part in value
        .split([',', '，', '、', ';', '；'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let parsed = part
            .split_once(['=', '＝', ':', '：'])
            .and_then(|(name, n)| {
                let n: u32 = n.trim().parse().ok().filter(|n| (1..=365).contains(n))?;
                Some((DocType::from_cell(name)?, n))
            });
        let (doc_type, n) = parsed.ok_or_else(|| RuleError::NotReplyDays {
            part: part.to_owned(),
            types: DocType::names(),
        })?;
        days.insert(doc_type, n);
    }
    Ok(days)
}

fn reply_days_json<S: serde::Serializer>(
    days: &BTreeMap<DocType, u32>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.collect_map(days.iter().map(|(t, n)| (t.label_zh(), n)))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reply_days_per_document_type() {
        let mut rules = Rules::default();
        assert_eq!(rules.to_text()[7], ("reply_days", String::new()));
        rules
            .set("reply_days", "司法建议书=60，检察建议 ＝ 30")
            .unwrap();
        assert_eq!(
            rules.reply_days.into_iter().collect::<Vec<_>>(),
            [
                (DocType::JudicialProposal, 60),
                (DocType::ProcuratorialProposal, 30)
            ]
        );
        for bad in ["司法建议书", "通知书=30", "司法建议书=0", "司法建议书=天"] {
            assert!(
                matches!(
                    Rules::default().set("reply_days", bad),
                    Err(RuleError::NotReplyDays { .. })
                ),
                "{bad}"
            );
        }
        let mut cleared = Rules::default();
        cleared.set("reply_days", "司法建议书=60").unwrap();
        cleared.set("reply_days", "").unwrap();
        assert_eq!(cleared, Rules::default());
    }

    #[test]
    fn selection_rules_are_whole_numbers_and_stay_out_of_json_at_their_defaults() {
        let mut rules = Rules::default();
        let json = serde_json::to_string(&rules).unwrap();
        assert!(
            !json.contains("cluster") && !json.contains("group_min"),
            "{json}"
        );
        rules.set("cluster_days", "60").unwrap();
        rules.set("group_min", " 20 ").unwrap();
        assert_eq!(
            (rules.cluster_days, rules.cluster_min, rules.group_min),
            (60, 5, 20)
        );
        let json = serde_json::to_string(&rules).unwrap();
        assert!(json.contains(r#""cluster_days":60"#) && json.contains(r#""group_min":20"#));
        assert!(!json.contains("cluster_min"), "{json}");
        for (key, bad) in [
            ("cluster_days", "0"),
            ("cluster_min", "1"),
            ("group_min", "十"),
        ] {
            assert!(
                matches!(
                    Rules::default().set(key, bad),
                    Err(RuleError::NotANumber { .. })
                ),
                "{key}={bad}"
            );
        }
    }

    #[test]
    fn rules_round_trip_through_text() {
        let mut rules = Rules::default();
        rules
            .set("corrected_outcomes", "撤销，变更、确认违法")
            .unwrap();
        rules.set("loss_base", "judgments").unwrap();
        rules.set("reply_days", "司法建议书=60").unwrap();
        let mut again = Rules::default();
        for (key, value) in rules.to_text() {
            again.set(key, &value).unwrap();
        }
        assert_eq!(again, rules);
        assert_eq!(rules.corrected_outcomes.len(), 3);
    }

    #[test]
    fn any_reconsideration_outcome_can_count_as_corrected() {
        let mut rules = Rules::default();
        rules
            .set(
                "corrected_outcomes",
                "撤销,变更,确认违法,确认无效,责令履行,改正后终止",
            )
            .unwrap();
        assert!(
            rules
                .corrected_outcomes
                .contains(&Outcome::TerminatedAfterCorrection)
        );
        rules.set("mediated_outcomes", "调解、和解、终止").unwrap();
        let text = rules.to_text();
        assert_eq!(
            text[0],
            (
                "corrected_outcomes",
                "撤销,变更,确认违法,确认无效,责令履行,改正后终止".to_owned()
            )
        );
        let mut again = Rules::default();
        for (key, value) in text {
            again.set(key, &value).unwrap();
        }
        assert_eq!(again, rules);
    }

    #[test]
    fn defaults_are_unchanged() {
        let text = Rules::default().to_text();
        assert_eq!(text[0].1, "撤销,变更,确认违法,确认无效,责令履行");
        assert_eq!(text[1].1, "调解,和解");
        assert_eq!(text[2].1, "撤销,变更,确认违法,确认无效,责令履行,给付,赔偿");
        assert_eq!(
            text[6],
            (
                "resolved_outcomes",
                "撤销,变更,确认违法,确认无效,责令履行,调解,和解,改正后终止".to_owned()
            )
        );
    }

    #[test]
    fn resolved_outcomes_stand_on_their_own() {
        let mut rules = Rules::default();
        rules
            .set(
                "corrected_outcomes",
                "撤销,变更,确认违法,确认无效,责令履行,改正后终止",
            )
            .unwrap();
        assert_eq!(rules.resolved_outcomes, Rules::default().resolved_outcomes);
        rules.set("resolved_outcomes", "调解、和解").unwrap();
        assert_eq!(rules.resolved_outcomes.len(), 2);
        assert!(rules.set("resolved_outcomes", "维持原判").is_err());
    }

    #[test]
    fn only_first_instance_outcomes_can_be_lost() {
        let mut rules = Rules::default();
        rules.set("lost_outcomes", "撤销,给付,其他").unwrap();
        let appellate = rules
            .set("lost_outcomes", "撤销,改判")
            .unwrap_err()
            .to_string();
        assert!(
            appellate.starts_with(
                "`改判` is a 二审/再审 outcome, and only 一审 cases count toward the loss rate (accepted: 驳回诉讼请求、"
            ),
            "{appellate}"
        );
        assert!(!appellate.contains("维持原判"), "{appellate}");
        assert!(
            rules
                .set("lost_outcomes", "改正后终止")
                .unwrap_err()
                .to_string()
                .starts_with("`改正后终止` is not a 应诉台账 outcome")
        );
        assert!(rules.set("corrected_outcomes", "维持原判").is_err());
        assert!(rules.lost_outcomes.contains(&Outcome::Other));
    }

    #[test]
    fn bad_rules_say_what_is_accepted() {
        let mut rules = Rules::default();
        assert!(
            rules
                .set("lost_outcomes", "维持")
                .unwrap_err()
                .to_string()
                .contains("accepted: 驳回诉讼请求")
        );
        assert!(
            rules
                .set("correction_base", "all")
                .unwrap_err()
                .to_string()
                .contains("closed or accepted_closed")
        );
        assert!(
            rules
                .set("speed", "fast")
                .unwrap_err()
                .to_string()
                .contains("rules are: corrected_outcomes")
        );
        assert_eq!(rules, Rules::default());
    }
}
