//! `check`: every problem of every file listed, with its file, row and column, and no
//! ledger created.
//! The fixtures are those of [`crate::tracing_a_figure`].

use crate::support::Workspace;
use crate::tracing_a_figure::{BAD, HEADS, WEEK1};

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
