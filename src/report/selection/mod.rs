//! The 两包 selection as people and programs read it: `clusters` (套案 and 群体性案件)
//! and `at-risk` (包案候选), each laid out once as a [`Listing`] of text rows that every
//! format but JSON renders. Rendering never computes: the figures come from `selection`.

mod listing;

use std::io::Write;

use anyhow::Result;
use chrono::NaiveDate;
use serde::Serialize;

use crate::model::Rules;
use crate::selection::{Candidate, Cluster};

pub use listing::{Listing, write_csv, write_html, write_markdown, write_table, write_xlsx};

/// The clusters with the date and the rules they were found by.
#[derive(Debug, Clone)]
pub struct ClusterList {
    pub as_of: NaiveDate,
    pub rules: Rules,
    pub clusters: Vec<Cluster>,
}

/// The candidates with the date and the rules they were chosen by.
#[derive(Debug, Clone)]
pub struct CandidateList {
    pub as_of: NaiveDate,
    pub rules: Rules,
    pub items: Vec<Candidate>,
}

/// The rules of the selection in words, for every format but JSON.
fn rules_zh(rules: &Rules) -> String {
    format!(
        "口径：套案 = 同一被申请人/被告、同一案由，前后收案或立案相隔不超过 {} 天，至少 {} 件且有未结案件（cluster_days = {}，cluster_min = {}）；群体性案件 = 申请人数或原告人数不少于 {} 人的未结案件（group_min = {}）",
        rules.cluster_days,
        rules.cluster_min,
        rules.cluster_days,
        rules.cluster_min,
        rules.group_min,
        rules.group_min
    )
}

impl ClusterList {
    /// The clusters as rows, largest first; unless `whole`, at most
    /// [`CASE_NOS_SHOWN`] case numbers a row (the table, Markdown and the page).
    #[must_use]
    pub fn listing(&self, whole: bool) -> Listing {
        let rows = self
            .clusters
            .iter()
            .map(|c| {
                vec![
                    c.kind.label_zh().to_owned(),
                    c.agency.clone().unwrap_or_default(),
                    c.matter.clone().unwrap_or_default(),
                    c.cases.to_string(),
                    c.open.to_string(),
                    c.parties.map(|n| n.to_string()).unwrap_or_default(),
                    c.units.join("、"),
                    format!("{} 至 {}", c.first, c.last),
                    closed_zh(c.cases - c.open, c.corrected, c.lost),
                    c.lead.clone().unwrap_or_else(|| "（无）".to_owned()),
                    case_nos_zh(&c.case_nos, whole),
                ]
            })
            .collect();
        Listing {
            title: format!("套案与群体性案件（截至 {}）", self.as_of),
            notes: vec![
                format!("共 {} 组", self.clusters.len()),
                rules_zh(&self.rules),
            ],
            header: vec![
                "类型",
                "被申请人/被告",
                "案由",
                "案件数",
                "未结",
                "人数",
                "单位",
                "收案/立案",
                "已结",
                "包案领导",
                "案号",
            ],
            rows,
            empty: "没有套案或群体性案件。".to_owned(),
        }
    }

    /// Writes `{"as_of", "rules", "clusters": [...]}`.
    pub fn write_json(&self, out: &mut dyn Write) -> Result<()> {
        #[derive(Serialize)]
        struct Json<'a> {
            as_of: NaiveDate,
            rules: Selection,
            clusters: &'a [Cluster],
        }
        let json = Json {
            as_of: self.as_of,
            rules: Selection::of(&self.rules),
            clusters: &self.clusters,
        };
        crate::report::write_json_value(&json, out)
    }
}

impl CandidateList {
    /// The candidates as rows, by unit.
    #[must_use]
    pub fn listing(&self) -> Listing {
        let rows = self
            .items
            .iter()
            .map(|item| {
                vec![
                    item.unit.clone(),
                    item.kind.short_zh().to_owned(),
                    item.case_no.clone(),
                    item.agency.clone().unwrap_or_default(),
                    item.reasons
                        .iter()
                        .map(|r| r.label_zh())
                        .collect::<Vec<_>>()
                        .join("；"),
                    item.lead.clone().unwrap_or_else(|| "（无）".to_owned()),
                ]
            })
            .collect();
        Listing {
            title: format!("包案候选（截至 {}）", self.as_of),
            notes: vec![
                format!("共 {} 件：供研究确定包案领导，不是预测", self.items.len()),
                rules_zh(&self.rules),
                "违法确认后的行政赔偿、机关纠错率或败诉率：看此前 24 个月内结案的案件；机关至少 5 件结案".to_owned(),
            ],
            header: vec!["单位", "台账", "案号", "被申请人/被告", "理由", "包案领导"],
            rows,
            empty: "没有需要研究包案的案件。".to_owned(),
        }
    }

    /// Writes `{"as_of", "rules", "items": [...]}`.
    pub fn write_json(&self, out: &mut dyn Write) -> Result<()> {
        #[derive(Serialize)]
        struct Item<'a> {
            case_no: &'a str,
            kind: &'static str,
            unit: &'a str,
            agency: Option<&'a str>,
            reasons: Vec<&'static str>,
            lead: Option<&'a str>,
        }
        #[derive(Serialize)]
        struct Json<'a> {
            as_of: NaiveDate,
            rules: Selection,
            items: Vec<Item<'a>>,
        }
        let json = Json {
            as_of: self.as_of,
            rules: Selection::of(&self.rules),
            items: self
                .items
                .iter()
                .map(|item| Item {
                    case_no: &item.case_no,
                    kind: item.kind.key(),
                    unit: &item.unit,
                    agency: item.agency.as_deref(),
                    reasons: item.reasons.iter().map(|r| r.key()).collect(),
                    lead: item.lead.as_deref(),
                })
                .collect(),
        };
        crate::report::write_json_value(&json, out)
    }
}

/// The selection's rules in JSON, always all three (unlike a report's `rules`).
#[derive(Serialize)]
struct Selection {
    cluster_days: u32,
    cluster_min: u32,
    group_min: u32,
}

impl Selection {
    fn of(rules: &Rules) -> Selection {
        Selection {
            cluster_days: rules.cluster_days,
            cluster_min: rules.cluster_min,
            group_min: rules.group_min,
        }
    }
}

/// How many case numbers a row of the table, Markdown or the page shows.
pub const CASE_NOS_SHOWN: usize = 5;

/// `3（纠错 1，败诉 0）`, or `—` when no case is closed.
fn closed_zh(closed: usize, corrected: usize, lost: usize) -> String {
    if closed == 0 {
        return "—".to_owned();
    }
    format!("{closed}（纠错 {corrected}，败诉 {lost}）")
}

/// The case numbers joined by 、; unless `whole`, the first few and 「等 N 件」.
fn case_nos_zh(case_nos: &[String], whole: bool) -> String {
    if whole || case_nos.len() <= CASE_NOS_SHOWN {
        return case_nos.join("、");
    }
    format!(
        "{} 等 {} 件",
        case_nos[..CASE_NOS_SHOWN].join("、"),
        case_nos.len()
    )
}
