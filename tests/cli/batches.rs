//! `batches`: what each import did, as a table and as JSON.
//! The fixtures are those of [`crate::tracing_a_figure`].

use serde_json::Value;

use crate::support::Workspace;
use crate::tracing_a_figure::{WEEK1, WEEK2};

#[test]
fn batches_say_what_each_import_did() {
    let ws = Workspace::new();
    let dir = ws.copy_fixtures(&[WEEK1, WEEK2]);
    ws.ok(["import".as_ref(), dir.as_os_str()]);
    let batches: Value =
        serde_json::from_str(&ws.ok(["batches", "--format", "json"])).expect("json");
    let second = &batches[1];
    let keys = crate::support::keys(second);
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
