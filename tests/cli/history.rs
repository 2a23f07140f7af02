//! `history`: a case's versions, with what changed and from which file, and why it counted.
//! The fixtures are those of [`crate::tracing_a_figure`].

use serde_json::{Value, json};

use crate::support::Workspace;
use crate::tracing_a_figure::{WEEK1, WEEK2};

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
