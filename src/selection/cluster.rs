//! 套案 and 群体性案件: cases one leader should press on together.
//!
//! A 套案 is a chain of cases against one agency on one 案由 (names compared as `--by`
//! groups them), each received or filed at most `cluster_days` after the one before, of at
//! least `cluster_min` cases with one still open. A 群体性案件 is one open case with at
//! least `group_min` applicants or plaintiffs.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::Serialize;

use super::{agency_of, is_open};
use crate::model::breakdown::name_key;
use crate::model::{Case, Rules, TrackField};
use crate::rates::counts::{is_corrected, is_lost};

/// Which kind of group a cluster is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ClusterKind {
    /// 套案: similar cases against one agency.
    Similar,
    /// 群体性案件: one case of many applicants or plaintiffs.
    Group,
}

impl ClusterKind {
    /// The 中文 name.
    #[must_use]
    pub fn label_zh(self) -> &'static str {
        match self {
            ClusterKind::Similar => "套案",
            ClusterKind::Group => "群体性",
        }
    }
}

/// One cluster with what a leader needs to see of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cluster {
    pub agency: Option<String>,
    pub matter: Option<String>,
    pub kind: ClusterKind,
    pub cases: usize,
    pub open: usize,
    /// The canonical units of its cases, in name order.
    pub units: Vec<String>,
    /// The first and last day a case of it was received or filed.
    pub first: NaiveDate,
    pub last: NaiveDate,
    /// The 包案领导 written on any of its cases, each once, joined by 、; `None` when no
    /// case has one.
    pub lead: Option<String>,
    /// Applicants or plaintiffs of a 群体性案件 (`None` for a 套案).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parties: Option<u32>,
    /// The canonical outcomes of its closed cases, with how many cases each.
    pub outcomes: BTreeMap<&'static str, usize>,
    /// Closed cases counted as 纠错 and as 败诉 by the 口径.
    pub corrected: usize,
    pub lost: usize,
    /// Its case numbers, as written, in date order.
    pub case_nos: Vec<String>,
}

/// The clusters among `cases` as of `on`, largest first (most cases, then most open, then
/// by agency): every 套案, then every 群体性案件 not already listed.
#[must_use]
pub fn clusters(cases: &[Case], rules: &Rules, on: NaiveDate) -> Vec<Cluster> {
    let mut found = Vec::new();
    for chain in chains(cases, rules) {
        if chain.len() >= rules.cluster_min as usize && chain.iter().any(|c| is_open(c, on)) {
            found.push(summary(&chain, ClusterKind::Similar, rules, on));
        }
    }
    for case in cases {
        if let Some(parties) = parties(case).filter(|n| *n >= rules.group_min)
            && is_open(case, on)
        {
            let mut group = summary(&[case], ClusterKind::Group, rules, on);
            group.parties = Some(parties);
            found.push(group);
        }
    }
    found.sort_by(|a, b| {
        b.cases
            .cmp(&a.cases)
            .then(b.open.cmp(&a.open))
            .then(b.parties.cmp(&a.parties))
            .then(a.agency.cmp(&b.agency))
            .then(a.first.cmp(&b.first))
    });
    found
}

/// Every chain of cases against one agency on one 案由, each at most `cluster_days`
/// after the one before, whatever its length and whether open or not.
#[must_use]
pub fn chains<'a>(cases: &'a [Case], rules: &Rules) -> Vec<Vec<&'a Case>> {
    let mut by_name: BTreeMap<(String, String), Vec<&Case>> = BTreeMap::new();
    for case in cases {
        let matter = case.matter.as_deref().and_then(name_key);
        if let (Some(agency), Some(matter)) = (agency_of(case), matter) {
            by_name.entry((agency, matter)).or_default().push(case);
        }
    }
    let mut chains = Vec::new();
    for mut group in by_name.into_values() {
        group.sort_by_key(|c| (c.opened_on(), c.case_no.key().to_owned()));
        let mut chain: Vec<&Case> = Vec::new();
        for case in group {
            let gap = chain
                .last()
                .map(|last| (case.opened_on() - last.opened_on()).num_days());
            if gap.is_some_and(|days| days > i64::from(rules.cluster_days)) {
                chains.push(std::mem::take(&mut chain));
            }
            chain.push(case);
        }
        chains.push(chain);
    }
    chains
}

/// The number of applicants or plaintiffs written on a case.
#[must_use]
pub fn parties(case: &Case) -> Option<u32> {
    case.tracking.text(TrackField::Parties)?.parse().ok()
}

fn summary(cases: &[&Case], kind: ClusterKind, rules: &Rules, on: NaiveDate) -> Cluster {
    let mut outcomes = BTreeMap::new();
    let (mut corrected, mut lost) = (0, 0);
    let mut leads: Vec<&str> = Vec::new();
    for case in cases {
        if let Some(outcome) = case.outcome.filter(|_| !is_open(case, on)) {
            *outcomes.entry(outcome.name()).or_insert(0) += 1;
        }
        if let Some(countable) = case.countable().filter(|_| !is_open(case, on)) {
            corrected += usize::from(is_corrected(&countable, rules));
            lost += usize::from(is_lost(&countable, rules));
        }
        if let Some(lead) = case
            .lead
            .as_deref()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            && !leads.contains(&lead)
        {
            leads.push(lead);
        }
    }
    let units: BTreeSet<&str> = cases.iter().map(|c| c.unit.as_str()).collect();
    let dates = cases.iter().map(|c| c.opened_on());
    let earliest = dates.clone().min().unwrap_or(on);
    let latest = dates.max().unwrap_or(on);
    Cluster {
        agency: cases.first().and_then(|c| agency_of(c)),
        matter: cases
            .first()
            .and_then(|c| c.matter.as_deref())
            .and_then(name_key),
        kind,
        cases: cases.len(),
        open: cases.iter().filter(|c| is_open(c, on)).count(),
        units: units.into_iter().map(str::to_owned).collect(),
        first: earliest,
        last: latest,
        lead: (!leads.is_empty()).then(|| leads.join("、")),
        parties: None,
        outcomes,
        corrected,
        lost,
        case_nos: cases.iter().map(|c| c.case_no.text().to_owned()).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::TrackValue;
    use crate::model::fixture::{d, recon};

    fn against(no: &str, agency: &str, matter: &str, received: &str) -> Case {
        let mut case = recon(no, "都匀市", received);
        case.matter = Some(matter.to_owned());
        if let crate::model::Facts::Reconsideration { respondent, .. } = &mut case.facts {
            *respondent = Some(agency.to_owned());
        }
        case
    }

    #[test]
    fn a_chain_breaks_at_a_gap_longer_than_cluster_days() {
        let rules = Rules::default();
        let mut cases: Vec<Case> = ["2021-01-01", "2021-03-01", "2021-05-29", "2021-07-01"]
            .iter()
            .enumerate()
            .map(|(i, day)| against(&format!("A-{i}"), "县 自然资源局", "征收补偿", day))
            .collect();
        // 89 and 89 days, then 33: one chain of four.
        assert_eq!(chains(&cases, &rules).len(), 1);
        cases.push(against("A-9", "县自然资源局", "征收补偿", "2021-10-01"));
        // 92 days after the fourth: a chain of its own.
        let lengths: Vec<usize> = chains(&cases, &rules).iter().map(Vec::len).collect();
        assert_eq!(lengths, [4, 1]);
        cases.push(against("A-8", "县自然资源局", "征收补偿", "2021-08-15"));
        assert_eq!(clusters(&cases, &rules, d("2021-12-31")).len(), 1);
        let cluster = &clusters(&cases, &rules, d("2021-12-31"))[0];
        assert_eq!(cluster.cases, 6);
        assert_eq!(cluster.agency.as_deref(), Some("县自然资源局"));
        assert_eq!(
            (cluster.first, cluster.last),
            (d("2021-01-01"), d("2021-10-01"))
        );
    }

    #[test]
    fn other_agencies_or_matters_and_closed_chains_make_no_cluster() {
        let rules = Rules::default();
        let mut cases: Vec<Case> = (0..5)
            .map(|i| against(&format!("B-{i}"), "县公安局", "行政处罚", "2021-02-01"))
            .collect();
        cases[4].matter = Some("行政强制".to_owned());
        assert!(clusters(&cases, &rules, d("2021-12-31")).is_empty());
        cases[4].matter = Some("行政处罚".to_owned());
        assert_eq!(clusters(&cases, &rules, d("2021-12-31")).len(), 1);
        for case in &mut cases {
            case.closed_on = Some(d("2021-03-01"));
        }
        assert!(clusters(&cases, &rules, d("2021-12-31")).is_empty());
    }

    #[test]
    fn many_parties_make_a_group_case() {
        let rules = Rules::default();
        let mut case = against("G-1", "县住建局", "房屋征收", "2021-02-01");
        case.tracking
            .set(TrackField::Parties, Some(TrackValue::Text("9".into())));
        assert!(clusters(std::slice::from_ref(&case), &rules, d("2021-12-31")).is_empty());
        case.tracking
            .set(TrackField::Parties, Some(TrackValue::Text("23".into())));
        case.lead = Some("副县长 王某".into());
        let found = clusters(&[case], &rules, d("2021-12-31"));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].kind, ClusterKind::Group);
        assert_eq!(found[0].parties, Some(23));
        assert_eq!(found[0].lead.as_deref(), Some("副县长 王某"));
    }
}
