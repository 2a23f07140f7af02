//! The SPEC's figures counted in the tests with their own code, never the crate's: cases
//! as plain facts, the counts of SPEC §4 for a period, and the rates and 同比 a report
//! must show for them. Shared by the end-to-end breadth test and the property tests.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde_json::Value;

/// (spelling, canonical) pairs from SPEC §2.4.
pub const RECON_OUTCOMES: [(&str, &str); 22] = [
    ("维持", "维持"),
    ("驳回", "驳回请求"),
    ("驳回行政复议请求", "驳回请求"),
    ("驳回请求", "驳回请求"),
    ("驳回行政复议申请", "驳回申请"),
    ("不予受理", "不予受理"),
    ("撤销", "撤销"),
    ("部分撤销", "撤销"),
    ("撤销并责令重作", "撤销"),
    ("变更", "变更"),
    ("确认违法", "确认违法"),
    ("确认无效", "确认无效"),
    ("责令履行", "责令履行"),
    ("责令履职", "责令履行"),
    ("调解", "调解"),
    ("调解结案", "调解"),
    ("和解", "和解"),
    ("和解撤回", "和解"),
    ("终止", "终止"),
    ("撤回申请", "终止"),
    ("终止审理", "终止"),
    ("其他", "其他"),
];
/// (spelling, canonical) pairs from SPEC §2.4.
pub const LIT_OUTCOMES: [(&str, &str); 21] = [
    ("驳回诉讼请求", "驳回诉讼请求"),
    ("判决驳回诉讼请求", "驳回诉讼请求"),
    ("撤销", "撤销"),
    ("部分撤销", "撤销"),
    ("判决撤销", "撤销"),
    ("变更", "变更"),
    ("确认违法", "确认违法"),
    ("确认无效", "确认无效"),
    ("责令履行", "责令履行"),
    ("履行", "责令履行"),
    ("履行法定职责", "责令履行"),
    ("给付", "给付"),
    ("赔偿", "赔偿"),
    ("调解", "调解"),
    ("撤诉", "撤诉"),
    ("准许撤诉", "撤诉"),
    ("按撤诉处理", "撤诉"),
    ("驳回起诉", "驳回起诉"),
    ("裁定驳回起诉", "驳回起诉"),
    ("终结", "终结"),
    ("移送", "移送"),
];
const CORRECTED: [&str; 5] = ["撤销", "变更", "确认违法", "确认无效", "责令履行"];
const MEDIATED: [&str; 2] = ["调解", "和解"];
const LOST: [&str; 7] = [
    "撤销",
    "变更",
    "确认违法",
    "确认无效",
    "责令履行",
    "给付",
    "赔偿",
];
/// The 案号 type codes of first-instance cases (SPEC §2.3).
pub const FIRST_INSTANCE: [&str; 2] = ["行初", "行赔初"];

/// A reconsideration case as facts; `closed` holds (date, spelling, canonical outcome).
#[derive(Debug, Clone)]
pub struct Recon {
    pub number: u32,
    pub unit: &'static str,
    pub received: NaiveDate,
    pub accepted: Option<NaiveDate>,
    pub closed: Option<(NaiveDate, &'static str, &'static str)>,
    pub corrected: Option<bool>,
}

/// A litigation case as facts; `code` is its 案号 type code (行初, 行终, …).
#[derive(Debug, Clone)]
pub struct Suit {
    pub number: u32,
    pub unit: &'static str,
    pub code: &'static str,
    pub filed: NaiveDate,
    pub hearing: Option<NaiveDate>,
    pub head: Option<bool>,
    pub closed: Option<(NaiveDate, &'static str, &'static str)>,
    pub lost: Option<bool>,
}

/// SPEC §4's counts by key.
pub type Counts = BTreeMap<&'static str, u64>;

/// The keys of SPEC §4's counts.
pub const KEYS: [&str; 12] = [
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
];

/// The same dates one year earlier, 29 February becoming 28 February (SPEC §4).
pub fn previous_year((from, to): (NaiveDate, NaiveDate)) -> (NaiveDate, NaiveDate) {
    let back = |d: NaiveDate| {
        d.with_year(d.year() - 1)
            .or_else(|| NaiveDate::from_ymd_opt(d.year() - 1, 2, 28))
            .unwrap_or(d)
    };
    (back(from), back(to))
}

/// SPEC §4 for the period [from, to], over the cases of `unit` (all when `None`).
pub fn counts(
    recon: &[Recon],
    suits: &[Suit],
    (from, to): (NaiveDate, NaiveDate),
    unit: Option<&str>,
) -> Counts {
    let inside = |d: Option<NaiveDate>| d.is_some_and(|d| from <= d && d <= to);
    let mine = |u: &str| unit.is_none_or(|unit| unit == u);
    let mut c: Counts = KEYS.iter().map(|key| (*key, 0)).collect();
    let mut add = |key, yes: bool| *c.entry(key).or_default() += u64::from(yes);
    for case in recon.iter().filter(|c| mine(c.unit)) {
        add("received", inside(Some(case.received)));
        add("accepted", inside(case.accepted));
        let closed = case.closed.filter(|(d, _, _)| inside(Some(*d)));
        add("closed", closed.is_some());
        add(
            "not_accepted",
            closed.is_some_and(|(_, _, o)| o == "不予受理"),
        );
        add(
            "corrected",
            closed.is_some_and(|(_, _, o)| case.corrected.unwrap_or(CORRECTED.contains(&o))),
        );
        add(
            "mediated",
            closed.is_some_and(|(_, _, o)| MEDIATED.contains(&o)),
        );
    }
    for case in suits
        .iter()
        .filter(|s| mine(s.unit) && FIRST_INSTANCE.contains(&s.code))
    {
        add("filed", inside(Some(case.filed)));
        let closed = case.closed.filter(|(d, _, _)| inside(Some(*d)));
        add("first_instance_closed", closed.is_some());
        add(
            "lost",
            closed.is_some_and(|(_, _, o)| case.lost.unwrap_or(LOST.contains(&o))),
        );
        add("heard", inside(case.hearing));
        add(
            "head_appeared",
            inside(case.hearing) && case.head == Some(true),
        );
        add(
            "heard_unrecorded",
            inside(case.hearing) && case.head.is_none(),
        );
    }
    c
}

/// Each rate of SPEC §1 with its numerator and denominator counts.
const RATES: [(&str, &str, &str); 4] = [
    ("correction_rate", "corrected", "closed"),
    ("loss_rate", "lost", "first_instance_closed"),
    ("appearance_rate", "head_appeared", "heard"),
    ("mediation_rate", "mediated", "closed"),
];

/// `n ÷ d` in hundredths, rounded half away from zero (四舍五入); `None` when `d` is 0.
fn hundredths(n: i64, d: i64) -> Option<i64> {
    if d == 0 {
        return None;
    }
    let (n, d) = if d < 0 { (-n, -d) } else { (n, d) };
    let twice = 2 * n.abs() * 100 / d;
    let rounded = twice / 2 + twice % 2;
    Some(if n < 0 { -rounded } else { rounded })
}

/// Whether a JSON figure shows `expected` hundredths (or null for `None`).
#[allow(clippy::cast_precision_loss, clippy::float_cmp)] // exact: both sides are h / 100
fn shows(actual: &Value, expected: Option<i64>) -> bool {
    match expected {
        None => actual.is_null(),
        Some(h) => actual.as_f64() == Some(h as f64 / 100.0),
    }
}

/// Every difference between what a report (or one unit row of it) shows in `counts`,
/// `previous_counts` and `rates` and what SPEC §4 gives for `now` and `then`.
pub fn differences(figures: &Value, now: &Counts, then: &Counts) -> Vec<String> {
    let mut found = Vec::new();
    for (group, expected) in [("counts", now), ("previous_counts", then)] {
        for (key, value) in expected {
            if figures[group][key].as_u64() != Some(*value) {
                found.push(format!(
                    "{group}.{key}: {} instead of {value}",
                    figures[group][key]
                ));
            }
        }
    }
    for (rate, numerator, denominator) in RATES {
        let shown = &figures["rates"][rate];
        let part = |counts: &Counts| (counts[numerator] as i64, counts[denominator] as i64);
        let ((n, d), (pn, pd)) = (part(now), part(then));
        // A rate over hearings none of which has its appearance recorded is not shown.
        let unrecorded = |counts: &Counts, d: i64| {
            rate == "appearance_rate" && d > 0 && counts["heard_unrecorded"] as i64 == d
        };
        let rate_of = |n: i64, d: i64, counts: &Counts| {
            if unrecorded(counts, d) {
                None
            } else {
                hundredths(100 * n, d)
            }
        };
        let (current, previous) = (rate_of(n, d, now), rate_of(pn, pd, then));
        let delta = current.zip(previous).map(|(c, p)| c - p);
        let relative = delta
            .zip(previous)
            .and_then(|(delta, p)| hundredths(100 * delta, p));
        let checks = [
            ("numerator", shown["numerator"].as_i64() == Some(n)),
            ("denominator", shown["denominator"].as_i64() == Some(d)),
            ("rate", shows(&shown["rate"], current)),
            (
                "previous.numerator",
                shown["previous"]["numerator"].as_i64() == Some(pn),
            ),
            (
                "previous.denominator",
                shown["previous"]["denominator"].as_i64() == Some(pd),
            ),
            ("previous.rate", shows(&shown["previous"]["rate"], previous)),
            ("delta_pp", shows(&shown["delta_pp"], delta)),
            (
                "relative_change",
                shows(&shown["relative_change"], relative),
            ),
        ];
        for (field, ok) in checks {
            if !ok {
                found.push(format!(
                    "rates.{rate}.{field}: expected n {n}/{d}, previous {pn}/{pd} \
                     (rate {current:?}, previous {previous:?}, delta {delta:?}, \
                     relative {relative:?} in hundredths), shown {shown}"
                ));
            }
        }
    }
    found
}
