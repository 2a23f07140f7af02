//! Answering questions about the ledger: check, batches, undo, history, cases, rules and
//! units.
//!
//! Hand counts: `应诉台账_出庭_2021-03-12.csv` has 5 first-instance hearings in
//! Jan–Mar 2021, heads appeared in 4, of whom 2 (副县长, 局长) qualify.

use std::path::PathBuf;

use serde_json::{Value, json};

use crate::support::{Workspace, count};

const WEEK1: &str = "复议台账_都匀市_2021-03-05.csv";
const WEEK2: &str = "复议台账_都匀市_2021-03-12.csv";
const COURT: &str = "应诉台账_都匀市人民法院_2021-03-12.csv";
const HEADS: &str = "应诉台账_出庭_2021-03-12.csv";
const BAD: &str = "复议台账_错误示例_2021-03-12.csv";
const UNITS: &str = "单位名录.csv";

fn sample() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("data")
        .join("sample")
}

#[test]
fn check_lists_every_problem_and_creates_no_ledger() {
    let ws = Workspace::new();
    let dir = ws.copy_fixtures(&[BAD, HEADS]);
    let run = ws.run(["check".as_ref(), dir.as_os_str()]).failure();
    let bad = dir.join(BAD).display().to_string();
    let heads = dir.join(HEADS).display().to_string();
    let run = run.stdout_has(&[
        &format!("{bad}:2:收到申请日期: error: `2021/13/5` is not a date"),
        &format!("{bad}:4:受理日期: error: 2021-03-01 is before 收到申请日期 2021-03-05"),
        &format!("{heads}:3:出庭负责人职务: warning: `法制科科长` is not a 正职, 副职 or 分管负责人 of the defendant agency"),
        &format!("{heads}:4:出庭负责人职务: warning: `律师` is not a 正职, 副职 or 分管负责人"),
        "5 errors, 2 warnings",
    ]);
    assert!(
        !run.stdout().contains(&format!("{heads}:2:")),
        "副县长 qualifies"
    );
    assert!(!ws.ledger().exists(), "check created a ledger");
    let good = ws.copy_fixtures(&[WEEK1]);
    ws.run(["check".as_ref(), good.join(WEEK1).as_os_str()])
        .success()
        .stdout_has(&["checked 1 file: 0 errors, 0 warnings"]);
    assert!(!ws.ledger().exists());
}

#[test]
fn qualified_appearances_are_a_rate_of_their_own() {
    let ws = Workspace::new();
    let dir = ws.copy_fixtures(&[HEADS]);
    ws.ok(["import".as_ref(), dir.as_os_str()]);
    let report = ws.report_json(&[]);
    assert_eq!(report["rates"]["appearance_rate"]["numerator"], 4);
    assert_eq!(report["rates"]["appearance_rate"]["denominator"], 5);
    let qualified = &report["rates"]["qualified_appearance_rate"];
    assert_eq!(
        (
            qualified["numerator"].as_u64(),
            qualified["denominator"].as_u64()
        ),
        (Some(2), Some(5))
    );
    assert_eq!(qualified["rate"], json!(40.0));
}

#[test]
fn batches_say_what_each_import_did() {
    let ws = Workspace::new();
    let dir = ws.copy_fixtures(&[WEEK1, WEEK2]);
    ws.ok(["import".as_ref(), dir.as_os_str()]);
    let batches: Value =
        serde_json::from_str(&ws.ok(["batches", "--format", "json"])).expect("json");
    let second = &batches[1];
    let keys: Vec<&str> = second
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "id",
            "file",
            "sha256",
            "kind",
            "as_of",
            "imported_at",
            "rows",
            "new",
            "changed",
            "unchanged"
        ]
    );
    assert_eq!(second["as_of"], "2021-03-12");
    assert_eq!(
        (
            second["rows"].as_u64(),
            second["new"].as_u64(),
            second["changed"].as_u64(),
            second["unchanged"].as_u64()
        ),
        (Some(5), Some(1), Some(2), Some(2))
    );
    assert_eq!(second["sha256"].as_str().map(str::len), Some(64));
}

/// Reports over several periods and dates of knowledge: what undo must leave identical.
fn reports(ws: &Workspace) -> Vec<String> {
    let periods: [&[&str]; 4] = [
        &["--to", "2021-03-12"],
        &["--from", "2020-01-01", "--to", "2020-12-31"],
        &["--to", "2021-03-12", "--as-of", "2021-03-12"],
        &["--to", "2021-03-12", "--as-of", "2021-03-05"],
    ];
    periods
        .iter()
        .map(|extra| {
            let mut args = vec!["report", "--format", "json", "--by", "unit"];
            args.extend_from_slice(extra);
            ws.run(args).stdout()
        })
        .collect()
}

#[test]
fn undoing_the_latest_batch_restores_every_report() {
    let ws = Workspace::new();
    let dir = ws.copy_fixtures(&[WEEK1, WEEK2]);
    ws.ok(["import".as_ref(), dir.join(WEEK1).as_os_str()]);
    let before = reports(&ws);
    ws.ok(["import".as_ref(), dir.join(WEEK2).as_os_str()]);
    assert_ne!(reports(&ws), before);
    ws.run(["undo", "2"])
        .success()
        .stdout_has(&["removed batch 2", "as of 2021-03-12"]);
    assert_eq!(reports(&ws), before);
}

#[test]
fn undoing_an_earlier_batch_keeps_what_later_files_confirmed() {
    // Week 2 lists 2号 and 2020-9号 unchanged, so it stored no version of them: after week
    // 1 is undone they must still be known, exactly as if only week 2 had been imported.
    let ws = Workspace::new();
    let dir = ws.copy_fixtures(&[WEEK1, WEEK2]);
    ws.ok(["import".as_ref(), dir.as_os_str()]);
    ws.run(["undo", "1"]).success().stdout_has(&[
        "2 kept by the later batches",
        "1 cases no other batch lists were removed",
    ]);

    let only_week2 = Workspace::new();
    let dir2 = only_week2.copy_fixtures(&[WEEK2]);
    only_week2.ok(["import".as_ref(), dir2.as_os_str()]);
    assert_eq!(reports(&ws), reports(&only_week2));
    ws.run(["undo", "1"])
        .failure()
        .stderr_has(&["there is no batch 1"]);
}

#[test]
fn history_shows_why_a_case_counted() {
    let ws = Workspace::new();
    let dir = ws.copy_fixtures(&[WEEK1, WEEK2]);
    ws.ok(["import".as_ref(), dir.as_os_str()]);
    // Any bracket style finds the case.
    let history: Value =
        serde_json::from_str(&ws.ok(["history", "都府复（2021）1号", "--format", "json"]))
            .expect("json");
    let versions = history[0]["versions"].as_array().expect("versions");
    assert_eq!(versions.len(), 2);
    assert_eq!(versions[0]["as_of"], "2021-03-05");
    assert_eq!(
        versions[0]["changed"]["outcome"],
        json!({"from": null, "to": "撤销"})
    );
    assert_eq!(
        versions[1]["changed"]["outcome"],
        json!({"from": "撤销", "to": "维持"})
    );
    assert_eq!(
        versions[1]["changed"].as_object().map(serde_json::Map::len),
        Some(2),
        "outcome and note changed"
    );
    let table = ws.ok(["history", "都府复〔2021〕1号"]);
    assert!(table.contains("outcome: 撤销 → 维持"), "{table}");
    ws.run(["history", "都府复〔2021〕99号"])
        .failure()
        .stderr_has(&["no case"]);
}

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
    let keys: Vec<&str> = json[0]
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
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

#[test]
fn rules_change_and_reset_the_denominators() {
    let ws = Workspace::new();
    ws.ok(["import".as_ref(), sample().as_os_str()]);
    // Published: 14 corrected of 169 closed, 13 of them 不予受理; 110 lost of 506.
    ws.run(["rules", "set", "correction_base", "accepted_closed"])
        .success()
        .stdout_has(&["correction_base = accepted_closed  (changed"]);
    let report = ws.report_json(&[]);
    let correction = &report["rates"]["correction_rate"];
    assert_eq!(
        (
            correction["numerator"].as_u64(),
            correction["denominator"].as_u64()
        ),
        (Some(14), Some(156))
    );
    assert_eq!(correction["rate"], json!(8.97));
    assert_eq!(report["rules"]["correction_base"], "accepted_closed");
    assert!(ws.ok(["report"]).contains("办结（不含不予受理）"));

    // Hearings of every instance widen the appearance rate, not the 一审开庭 count.
    ws.ok(["rules", "set", "appearance_scope", "all_instances"]);
    let wide = ws.report_json(&[]);
    assert_eq!(wide["counts"]["heard"], 363);
    let appearance = &wide["rates"]["appearance_rate"];
    assert!(
        appearance["denominator"].as_u64() > Some(363),
        "{appearance}"
    );

    ws.run(["rules", "set", "lost_outcomes", "撤销,维持"])
        .failure()
        .stderr_has(&["`维持` is not a 应诉台账 outcome"]);
    ws.ok(["rules", "reset"]);
    let report = ws.report_json(&[]);
    assert_eq!(report["rates"]["correction_rate"]["rate"], json!(8.28));
    assert_eq!(report["rules"]["correction_base"], "closed");
}

#[test]
fn a_unit_registry_maps_aliases_and_refuses_unknown_units() {
    let ws = Workspace::new();
    let dir = ws.copy_fixtures(&[UNITS, HEADS, COURT]);
    ws.run([
        "units".as_ref(),
        "import".as_ref(),
        dir.join(UNITS).as_os_str(),
    ])
    .success()
    .stdout_has(&["imported 4 units with 6 aliases"]);
    ws.ok(["import".as_ref(), dir.join(HEADS).as_os_str()]);
    // The alias 三都县 was stored as the canonical name, and --unit takes either.
    let by_alias = ws.report_json(&["--unit", "三都县"]);
    assert_eq!(by_alias["unit"], "三都水族自治县");
    assert_eq!(by_alias["counts"]["heard"], 1);
    ws.run(["report", "--unit", "三都自治县"])
        .failure()
        .stderr_has(&["`三都自治县` is not a unit of the registry (closest: 三都水族自治县"]);
    // Unit rows follow the registry's 区划代码 order, and every registered unit has one:
    // 州直 has no case in the file, so its row is all zeros.
    let units = ws.report_json(&["--by", "unit"]);
    let rows = units["rows"].as_array().expect("rows");
    let order: Vec<&str> = rows
        .iter()
        .map(|r| r["unit"].as_str().expect("unit"))
        .collect();
    assert_eq!(order, ["州直", "都匀市", "福泉市", "三都水族自治县"]);
    assert!(
        rows[0]["counts"]
            .as_object()
            .expect("counts")
            .values()
            .all(|n| *n == json!(0)),
        "{:#}",
        rows[0]
    );
    assert_ne!(rows[1]["counts"]["heard"], json!(0));

    // The court fixture's units are all in the registry; a file with an unknown unit is refused.
    ws.ok(["import".as_ref(), dir.join(COURT).as_os_str()]);
    let path = ws.write(
        "复议台账_2021-03-19.csv",
        "复议案号,单位,收到申请日期\n荔府复〔2021〕1号,荔波,2021-03-01\n".as_bytes(),
    );
    ws.run(["import".as_ref(), path.as_os_str()])
        .failure()
        .stderr_has(&["2:单位: error: `荔波` is not a unit of the registry"]);
}
