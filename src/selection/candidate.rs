//! 包案候选: the open cases a leader should own, each with the reasons it is listed.
//!
//! A list to review, not a prediction: every reason is a fact of the ledger a person can
//! check, over the 24 months before the date the list is made on.

use std::collections::{BTreeMap, HashSet};

use chrono::{Months, NaiveDate};
use serde::Serialize;

use super::cluster::{chains, parties};
use super::{agency_of, is_open};
use crate::model::{Case, CountableFacts, Instance, Kind, Outcome, Rules, TrackField};
use crate::rates::counts::{is_corrected, is_lost};

/// Why an open case is listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// 风险等级 高, and no 包案领导.
    UnownedHighRisk,
    /// A 行政赔偿 case (案由 containing 赔偿) against an agency with a case closed in the
    /// previous 24 months as 确认违法 or 撤销.
    DamagesAfterIllegal,
    /// In a 套案 or a 群体性案件 none of whose cases has a 包案领导.
    UnownedCluster,
    /// Against an agency whose 纠错率 or 败诉率 over the previous 24 months is at least
    /// twice the ledger's, over at least [`RECORD_MIN_CLOSED`] closed cases.
    AgencyRecord,
}

impl Reason {
    /// Every reason, in the order an item lists them.
    pub const ALL: [Reason; 4] = [
        Reason::UnownedHighRisk,
        Reason::DamagesAfterIllegal,
        Reason::UnownedCluster,
        Reason::AgencyRecord,
    ];

    /// The key in JSON and CSV.
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Reason::UnownedHighRisk => "unowned_high_risk",
            Reason::DamagesAfterIllegal => "damages_after_illegal",
            Reason::UnownedCluster => "unowned_cluster",
            Reason::AgencyRecord => "agency_record",
        }
    }

    /// The 中文 words of the table.
    #[must_use]
    pub fn label_zh(self) -> &'static str {
        match self {
            Reason::UnownedHighRisk => "高风险未包案",
            Reason::DamagesAfterIllegal => "违法确认后的行政赔偿",
            Reason::UnownedCluster => "套案或群体性案件未包案",
            Reason::AgencyRecord => "机关纠错率或败诉率为全部的两倍以上",
        }
    }
}

/// The fewest closed cases of an agency for its record to be a reason.
pub const RECORD_MIN_CLOSED: u64 = 5;

/// How far back a reason looks at closed cases.
const LOOK_BACK: Months = Months::new(24);

/// One open case to review, with its reasons.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub case_no: String,
    pub kind: Kind,
    pub unit: String,
    pub agency: Option<String>,
    pub reasons: Vec<Reason>,
    pub lead: Option<String>,
}

/// The open cases with at least one reason, by unit, then most reasons first, then by
/// case number.
#[must_use]
pub fn candidates(cases: &[Case], rules: &Rules, on: NaiveDate) -> Vec<Candidate> {
    let since = on.checked_sub_months(LOOK_BACK).unwrap_or(NaiveDate::MIN);
    let closed_recently = |case: &Case| {
        case.closed_on
            .is_some_and(|closed| closed >= since && closed <= on)
    };
    let illegal: HashSet<String> = cases
        .iter()
        .filter(|c| closed_recently(c))
        .filter(|c| {
            matches!(
                c.outcome,
                Some(Outcome::DeclaredUnlawful | Outcome::Revoked)
            )
        })
        .filter_map(agency_of)
        .collect();
    let records = Records::tally(cases.iter().filter(|c| closed_recently(c)), rules);
    let unowned = unowned_cluster_keys(cases, rules, on);

    let mut found: Vec<Candidate> = Vec::new();
    for case in cases.iter().filter(|c| is_open(c, on)) {
        let agency = agency_of(case);
        let lead = case
            .lead
            .as_deref()
            .map(str::trim)
            .filter(|l| !l.is_empty());
        let reasons: Vec<Reason> = Reason::ALL
            .into_iter()
            .filter(|reason| match reason {
                Reason::UnownedHighRisk => {
                    lead.is_none() && case.tracking.text(TrackField::Risk) == Some("高")
                }
                Reason::DamagesAfterIllegal => {
                    case.matter.as_deref().is_some_and(|m| m.contains("赔偿"))
                        && agency.as_ref().is_some_and(|a| illegal.contains(a))
                }
                Reason::UnownedCluster => unowned.contains(&(case.kind(), case.case_no.key())),
                Reason::AgencyRecord => agency.as_ref().is_some_and(|a| records.stands_out(a)),
            })
            .collect();
        if !reasons.is_empty() {
            found.push(Candidate {
                case_no: case.case_no.text().to_owned(),
                kind: case.kind(),
                unit: case.unit.clone(),
                agency,
                reasons,
                lead: lead.map(str::to_owned),
            });
        }
    }
    found.sort_by(|a, b| {
        a.unit
            .cmp(&b.unit)
            .then(b.reasons.len().cmp(&a.reasons.len()))
            .then(a.case_no.cmp(&b.case_no))
    });
    found
}

/// The open cases of the 套案 and 群体性案件 none of whose cases has a leader.
fn unowned_cluster_keys<'a>(
    cases: &'a [Case],
    rules: &Rules,
    on: NaiveDate,
) -> HashSet<(Kind, &'a str)> {
    let owned = |case: &Case| case.lead.as_deref().is_some_and(|l| !l.trim().is_empty());
    let mut keys = HashSet::new();
    for chain in chains(cases, rules) {
        if chain.len() >= rules.cluster_min as usize && !chain.iter().any(|c| owned(c)) {
            keys.extend(
                chain
                    .iter()
                    .filter(|c| is_open(c, on))
                    .map(|c| (c.kind(), c.case_no.key())),
            );
        }
    }
    for case in cases {
        if parties(case).is_some_and(|n| n >= rules.group_min) && !owned(case) {
            keys.insert((case.kind(), case.case_no.key()));
        }
    }
    keys
}

/// Each agency's closed cases and those corrected or lost, and the ledger's.
#[derive(Debug, Default)]
struct Records {
    agencies: BTreeMap<String, Tally>,
    ledger: Tally,
}

/// Closed reconsideration cases and those corrected; closed first-instance lawsuits and
/// those lost.
#[derive(Debug, Default, Clone, Copy)]
struct Tally {
    closed: u64,
    corrected: u64,
    decided: u64,
    lost: u64,
}

impl Tally {
    fn add(&mut self, case: &Case, rules: &Rules) {
        let Some(countable) = case.countable() else {
            return;
        };
        match countable.facts {
            CountableFacts::Reconsideration { .. } => {
                self.closed += 1;
                self.corrected += u64::from(is_corrected(&countable, rules));
            }
            CountableFacts::Litigation {
                instance: Instance::First,
                ..
            } => {
                self.decided += 1;
                self.lost += u64::from(is_lost(&countable, rules));
            }
            CountableFacts::Litigation { .. } => {}
        }
    }
}

impl Records {
    fn tally<'a>(closed: impl Iterator<Item = &'a Case>, rules: &Rules) -> Records {
        let mut records = Records::default();
        for case in closed {
            records.ledger.add(case, rules);
            if let Some(agency) = agency_of(case) {
                records.agencies.entry(agency).or_default().add(case, rules);
            }
        }
        records
    }

    /// Whether the agency's 纠错率 or 败诉率 is at least twice the ledger's (and above
    /// nothing), over at least [`RECORD_MIN_CLOSED`] closed cases; compared in integers.
    fn stands_out(&self, agency: &str) -> bool {
        let Some(own) = self.agencies.get(agency) else {
            return false;
        };
        let all = self.ledger;
        let twice = |part: u64, whole: u64, all_part: u64, all_whole: u64| {
            whole >= RECORD_MIN_CLOSED
                && part > 0
                && u128::from(part) * u128::from(all_whole)
                    >= 2 * u128::from(all_part) * u128::from(whole)
        };
        twice(own.corrected, own.closed, all.corrected, all.closed)
            || twice(own.lost, own.decided, all.lost, all.decided)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::fixture::{d, recon, suit};

    fn against(no: &str, agency: &str, received: &str) -> Case {
        let mut case = recon(no, "都匀市", received);
        if let crate::model::Facts::Reconsideration { respondent, .. } = &mut case.facts {
            *respondent = Some(agency.to_owned());
        }
        case
    }

    fn closed(mut case: Case, on: &str, outcome: Outcome) -> Case {
        case.closed_on = Some(d(on));
        case.outcome = Some(outcome);
        case
    }

    fn reasons_of<'a>(found: &'a [Candidate], case_no: &str) -> Option<&'a [Reason]> {
        found
            .iter()
            .find(|c| c.case_no == case_no)
            .map(|c| c.reasons.as_slice())
    }

    /// Agency 甲: 5 closed, 3 撤销 (60%); agency 乙: 10 closed, none corrected; the ledger
    /// 3 of 15 (20%): 甲 is at least twice the ledger, 乙 is not.
    #[test]
    fn an_agency_twice_the_ledger_s_rate_over_five_closed_cases_stands_out() {
        let mut cases: Vec<Case> = (0..5)
            .map(|i| {
                let outcome = if i < 3 {
                    Outcome::Revoked
                } else {
                    Outcome::Upheld
                };
                closed(
                    against(&format!("甲-{i}"), "甲局", "2021-01-04"),
                    "2021-03-01",
                    outcome,
                )
            })
            .collect();
        cases.extend((0..10).map(|i| {
            closed(
                against(&format!("乙-{i}"), "乙局", "2021-01-04"),
                "2021-03-01",
                Outcome::Upheld,
            )
        }));
        cases.push(against("甲-open", "甲局", "2021-06-01"));
        cases.push(against("乙-open", "乙局", "2021-06-01"));
        let found = candidates(&cases, &Rules::default(), d("2021-08-31"));
        assert_eq!(
            reasons_of(&found, "甲-open"),
            Some(&[Reason::AgencyRecord][..])
        );
        assert_eq!(reasons_of(&found, "乙-open"), None);
        // With only four closed cases 甲 has too few to judge.
        let fewer: Vec<Case> = cases
            .iter()
            .filter(|c| c.case_no.text() != "甲-4")
            .cloned()
            .collect();
        let found = candidates(&fewer, &Rules::default(), d("2021-08-31"));
        assert_eq!(reasons_of(&found, "甲-open"), None);
    }

    #[test]
    fn damages_follow_an_unlawful_finding_of_the_previous_24_months_only() {
        let mut damages = suit("赔-1", "福泉市", Instance::First, "2021-06-15");
        damages.matter = Some("行政赔偿".into());
        if let crate::model::Facts::Litigation { defendant, .. } = &mut damages.facts {
            *defendant = Some("福泉市人民政府".into());
        }
        let mut before = suit("旧-1", "福泉市", Instance::First, "2019-01-02");
        if let crate::model::Facts::Litigation { defendant, .. } = &mut before.facts {
            *defendant = Some("福泉市 人民政府".into());
        }
        let on = d("2021-08-31");
        for (closed_on, outcome, listed) in [
            ("2020-09-01", Outcome::DeclaredUnlawful, true),
            ("2019-09-01", Outcome::Revoked, true),
            ("2019-08-30", Outcome::DeclaredUnlawful, false),
            ("2020-09-01", Outcome::Upheld, false),
        ] {
            let cases = [damages.clone(), closed(before.clone(), closed_on, outcome)];
            let found = candidates(&cases, &Rules::default(), on);
            assert_eq!(
                reasons_of(&found, "赔-1") == Some(&[Reason::DamagesAfterIllegal][..]),
                listed,
                "{closed_on} {outcome:?}"
            );
        }
    }
}
