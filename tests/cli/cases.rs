//! `cases`: the cases behind a figure, as many as the report counts, and their exports.
//! The fixtures are those of [`crate::tracing_a_figure`].

use serde_json::Value;

use crate::support::{Workspace, count};
use crate::tracing_a_figure::sample;

#[test]
fn case_lists_are_the_report_counts() {
    let ws = Workspace::new();
    ws.ok(["import".as_ref(), sample().as_os_str()]);
    let period = ["--from", "2021-01-01", "--to", "2021-08-31"];
    let report = ws.report_json(&period);
    let listed = |filters: &[&str]| -> u64 {
        let mut args = vec!["cases", "--format", "json"];
        args.extend_from_slice(&period);
        args.extend_from_slice(filters);
        let json: Value = serde_json::from_str(&ws.ok(args)).expect("json");
        json.as_array().expect("array").len() as u64
    };
    let recon = ["--kind", "reconsideration"];
    let first = ["--kind", "litigation", "--instance", "first"];
    let checks: [(&str, Vec<&str>); 11] = [
        ("received", [&recon[..], &["--on", "received"]].concat()),
        ("accepted", [&recon[..], &["--on", "accepted"]].concat()),
        (
            "not_accepted",
            [&recon[..], &["--on", "closed", "--outcome", "不予受理"]].concat(),
        ),
        ("closed", [&recon[..], &["--on", "closed"]].concat()),
        (
            "corrected",
            [&recon[..], &["--on", "closed", "--corrected"]].concat(),
        ),
        (
            "mediated",
            [&recon[..], &["--on", "closed", "--mediated"]].concat(),
        ),
        ("filed", [&first[..], &["--on", "filed"]].concat()),
        (
            "first_instance_closed",
            [&first[..], &["--on", "closed"]].concat(),
        ),
        ("lost", [&first[..], &["--on", "closed", "--lost"]].concat()),
        ("heard", [&first[..], &["--on", "hearing"]].concat()),
        (
            "head_appeared",
            [&first[..], &["--on", "hearing", "--head-appeared"]].concat(),
        ),
    ];
    for (key, filters) in checks {
        assert_eq!(
            listed(&filters),
            count(&report, "counts", key),
            "{key}: cases {filters:?}"
        );
    }
    // Each unit's row of the breakdown, by `--unit`.
    let by_unit = ws.report_json(&[&period[..], &["--by", "unit"]].concat());
    let rows = by_unit["rows"].as_array().expect("rows");
    assert!(rows.len() > 1, "several units");
    for row in rows {
        let unit = row["unit"].as_str().expect("unit");
        for (key, filters) in [
            (
                "corrected",
                [&recon[..], &["--on", "closed", "--corrected"]].concat(),
            ),
            (
                "head_appeared",
                [&first[..], &["--on", "hearing", "--head-appeared"]].concat(),
            ),
        ] {
            let filters = [&filters[..], &["--unit", unit]].concat();
            assert_eq!(
                listed(&filters),
                count(row, "counts", key),
                "{unit} {key}: cases {filters:?}"
            );
        }
    }
}

#[test]
fn case_exports_carry_the_spec_keys_and_are_formula_safe() {
    let ws = Workspace::new();
    let path = ws.write(
        "复议台账_2021-03-05.csv",
        "复议案号,单位,被申请人,收到申请日期\n都府复〔2021〕1号,都匀市,=1+2,2021-01-05\n"
            .as_bytes(),
    );
    ws.ok(["import".as_ref(), path.as_os_str()]);
    let json: Value = serde_json::from_str(&ws.ok(["cases", "--format", "json"])).expect("json");
    let keys = crate::support::keys(&json[0]);
    assert_eq!(
        keys,
        [
            "kind",
            "case_no",
            "unit",
            "respondent",
            "matter",
            "received_on",
            "accepted_on",
            "closed_on",
            "outcome",
            "corrected",
            "lead",
            "note",
            "simplified",
            "copy_served_on",
            "answered_on",
            "extended",
            "suspended_on",
            "resumed_on",
            "owner_unit",
            "progress",
            "risk",
            "parties"
        ]
    );
    assert_eq!(json[0]["respondent"], "=1+2");
    let csv = ws.ok(["cases", "--format", "csv"]);
    assert!(csv.contains(",'=1+2,"), "{csv}");
}
