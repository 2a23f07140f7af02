//! `trend`: the monthly points ending at the report's published figures, corrections
//! replayed as known then, and the weekly table and CSV.
//!
//! Figures are the published ones the shipped sample reproduces, or what `data/README.md`
//! says of its corrections, as noted beside each.

use serde_json::{Value, json};

use crate::formats::with_sample;

#[test]
fn monthly_trend_ends_at_the_report_figures() {
    let ws = with_sample();
    let trend: Value =
        serde_json::from_str(&ws.ok(["trend", "--every", "month", "--format", "json"]))
            .expect("json");
    let points = trend["points"].as_array().expect("points");
    let ends: Vec<&str> = points
        .iter()
        .map(|p| p["as_of"].as_str().expect("date"))
        .collect();
    assert_eq!(
        ends,
        [
            "2021-01-31",
            "2021-02-28",
            "2021-03-31",
            "2021-04-30",
            "2021-05-31",
            "2021-06-30",
            "2021-07-31",
            "2021-08-31"
        ]
    );
    let last = &points[7];
    assert_eq!(
        last["period"],
        json!({"from": "2021-01-01", "to": "2021-08-31"})
    );
    assert_eq!(
        last["rates"],
        json!({"correction_rate": 8.28, "loss_rate": 21.74, "appearance_rate": 75.76, "mediation_rate": 44.97})
    );
    assert_eq!(last["counts"]["closed"], 169);
}

#[test]
fn trend_as_known_then_replays_corrections() {
    // data/README.md: 独府复〔2021〕2号 was reported as 撤销 in the files of 19 and 26 March
    // 2021 and corrected to 维持 on 2 April, so the March point known then has one more
    // corrected case than the March point known now.
    let ws = with_sample();
    let now: Value =
        serde_json::from_str(&ws.ok(["trend", "--every", "month", "--format", "json"]))
            .expect("json");
    let then: Value = serde_json::from_str(&ws.ok([
        "trend",
        "--every",
        "month",
        "--format",
        "json",
        "--as-known-then",
    ]))
    .expect("json");
    let march = |t: &Value| {
        t["points"][2]["counts"]["corrected"]
            .as_u64()
            .expect("count")
    };
    assert_eq!(now["points"][2]["as_of"], "2021-03-31");
    assert_eq!(march(&then), march(&now) + 1);
    // On 31 August everything was known: the last points agree.
    assert_eq!(then["points"][7], now["points"][7]);
}

#[test]
fn weekly_trend_table_has_sundays_and_sparklines() {
    let ws = with_sample();
    let table = ws.ok(["trend", "--every", "week", "--from", "2021-07-01"]);
    for sunday in ["2021-07-04", "2021-08-29"] {
        assert!(table.contains(sunday), "{table}");
    }
    assert!(!table.contains("2021-08-31"), "{table}");
    assert!(table.contains("走势"), "{table}");
    let csv = ws.ok([
        "trend",
        "--every",
        "week",
        "--from",
        "2021-08-01",
        "--format",
        "csv",
    ]);
    assert!(csv.starts_with("\u{feff}截至,起始,"), "{csv}");
    assert_eq!(csv.lines().count(), 1 + 5);
}
