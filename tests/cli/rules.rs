//! `rules`: a 口径 changed, shown and reset, and the denominators it moves.
//! The fixtures are those of [`crate::tracing_a_figure`].

use serde_json::json;

use crate::support::Workspace;
use crate::tracing_a_figure::sample;

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
