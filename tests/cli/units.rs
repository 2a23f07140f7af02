//! `units`: a unit registry that maps aliases and refuses units it does not know.
//! The fixtures are those of [`crate::tracing_a_figure`].

use serde_json::json;

use crate::support::Workspace;
use crate::tracing_a_figure::{COURT, HEADS, UNITS};

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
