//! `undo`: undoing the latest batch, or an earlier one, leaves every report as the
//! ledger would be without it.
//! The fixtures are those of [`crate::tracing_a_figure`].

use crate::support::Workspace;
use crate::tracing_a_figure::{WEEK1, WEEK2};

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
