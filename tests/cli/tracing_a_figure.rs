//! The fixtures of the questions asked of a ledger (`check`, `batches`, `undo`,
//! `history`, `cases`, `rules` and `units` each have their file), and the figure they
//! trace: the qualified appearances, a rate of their own.
//!
//! Hand counts: `应诉台账_出庭_2021-03-12.csv` has 5 first-instance hearings in
//! Jan–Mar 2021, heads appeared in 4, of whom 2 (副县长, 局长) qualify.

use std::path::PathBuf;

use serde_json::json;

use crate::support::Workspace;

pub(crate) const WEEK1: &str = "复议台账_都匀市_2021-03-05.csv";
pub(crate) const WEEK2: &str = "复议台账_都匀市_2021-03-12.csv";
pub(crate) const COURT: &str = "应诉台账_都匀市人民法院_2021-03-12.csv";
pub(crate) const HEADS: &str = "应诉台账_出庭_2021-03-12.csv";
pub(crate) const BAD: &str = "复议台账_错误示例_2021-03-12.csv";
pub(crate) const UNITS: &str = "单位名录.csv";

pub(crate) fn sample() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("data")
        .join("sample")
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
