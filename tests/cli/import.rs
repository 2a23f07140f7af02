//! What `import` accepts, what it rejects, and that a rejected import changes nothing.

use encoding_rs::GB18030;

use crate::support::{Workspace, count, fixtures};

const WEEK1: &str = "复议台账_都匀市_2021-03-05.csv";
const WEEK2: &str = "复议台账_都匀市_2021-03-12.csv";
const COURT: &str = "应诉台账_都匀市人民法院_2021-03-12.csv";
const BAD: &str = "复议台账_错误示例_2021-03-12.csv";

fn fixture(name: &str) -> String {
    std::fs::read_to_string(fixtures().join(name)).expect("fixture")
}

#[test]
fn personal_names_never_reach_the_ledger() {
    let ws = Workspace::new();
    let dir = ws.copy_fixtures(&[WEEK1, COURT]);
    ws.run(["import".as_ref(), dir.as_os_str()])
        .success()
        .stdout_has(&[
            "personal names not stored: 原告 (1 file), 申请人 (1 file), 第三人 (1 file)",
        ]);
    let ledger = std::fs::read(ws.ledger()).expect("ledger");
    let contains = |needle: &str| ledger.windows(needle.len()).any(|w| w == needle.as_bytes());
    // Names from the 申请人 and 原告 columns of the fixtures; the agencies are stored.
    for name in ["王某某", "赵某", "钱某", "周某", "吴某"] {
        assert!(!contains(name), "`{name}` was stored in the ledger");
    }
    assert!(contains("都匀市公安局"));
}

#[test]
fn every_bad_row_is_named_and_nothing_is_written() {
    let ws = Workspace::new();
    let good = ws.copy_fixtures(&[WEEK1]);
    ws.ok(["import".as_ref(), good.join(WEEK1).as_os_str()]);
    let before = std::fs::read(ws.ledger()).expect("ledger");
    let report_before = ws.report_json(&[]);

    let dir = ws.copy_fixtures(&[BAD, WEEK2]);
    let run = ws
        .run([
            "import".as_ref(),
            dir.join(BAD).as_os_str(),
            dir.join(WEEK2).as_os_str(),
        ])
        .failure();
    let file = dir.join(BAD).display().to_string();
    let expected = [
        format!("{file}:2:收到申请日期: error: `2021/13/5` is not a date"),
        format!("{file}:3:单位: error: the unit is empty"),
        format!(
            "{file}:3:审理结果: error: `驳回起诉` is not a 复议台账 outcome (accepted: 维持、驳回请求"
        ),
        format!("{file}:4:审理结果: error: a closed case needs its outcome"),
        format!("{file}:4:受理日期: error: 2021-03-01 is before 收到申请日期 2021-03-05"),
        "error: 5 errors in 1 file; nothing was imported".to_owned(),
    ];
    let run = run.stderr_has(&expected.iter().map(String::as_str).collect::<Vec<_>>());
    // Row 5 is blank; row 6 is good and is not mentioned.
    assert!(
        !run.stderr().contains(&format!("{file}:6")),
        "{}",
        run.stderr()
    );
    assert!(
        !run.stderr().contains(&format!("{file}:5")),
        "{}",
        run.stderr()
    );

    assert_eq!(
        std::fs::read(ws.ledger()).expect("ledger"),
        before,
        "the ledger file changed"
    );
    assert_eq!(ws.report_json(&[]), report_before);
}

#[test]
fn a_failed_first_import_leaves_no_ledger() {
    let ws = Workspace::new();
    let dir = ws.copy_fixtures(&[BAD]);
    ws.run(["import".as_ref(), dir.as_os_str()]).failure();
    assert!(!ws.ledger().exists());
    ws.run(["report"]).failure().stderr_has(&["no ledger at"]);
    assert!(!ws.ledger().exists());
}

#[test]
fn dry_run_counts_but_writes_nothing() {
    let ws = Workspace::new();
    let dir = ws.copy_fixtures(&[WEEK1]);
    ws.run(["import".as_ref(), "--dry-run".as_ref(), dir.as_os_str()])
        .success()
        .stdout_has(&[
            "would import 1 file (5 rows: 5 new, 0 changed, 0 unchanged)",
            "dry run",
        ]);
    assert!(!ws.ledger().exists());
}

/// The same rows in GB18030 with CRLF (as Chinese Excel saves CSV) and in UTF-8 with a
/// BOM give the same report as the plain UTF-8 file.
#[test]
fn gb18030_and_bom_files_import_alike() {
    let text = fixture(WEEK1);
    let reference = {
        let ws = Workspace::new();
        let path = ws.write(&format!("utf8/{WEEK1}"), text.as_bytes());
        ws.ok(["import".as_ref(), path.as_os_str()]);
        ws.report_json(&[])
    };
    let crlf = text.replace('\n', "\r\n");
    let (gb, _, unmappable) = GB18030.encode(&crlf);
    assert!(!unmappable);
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(text.as_bytes());
    for (label, bytes) in [("gb18030", gb.into_owned()), ("bom", bom)] {
        let ws = Workspace::new();
        let path = ws.write(&format!("{label}/{WEEK1}"), &bytes);
        ws.ok(["import".as_ref(), path.as_os_str()]);
        assert_eq!(ws.report_json(&[]), reference, "{label}");
        assert_eq!(count(&reference, "counts", "closed"), 3);
    }
}

#[test]
fn undecodable_bytes_are_an_error_naming_file_and_row() {
    let ws = Workspace::new();
    let mut bytes = "复议案号,单位,收到申请日期\n都府复〔2021〕1号,都匀市,2021-01-05\n"
        .as_bytes()
        .to_vec();
    // A GBK-encoded row in a file whose first rows are UTF-8.
    bytes.extend_from_slice(&GB18030.encode("都府复〔2021〕2号,都匀市,2021-01-06\n").0);
    let path = ws.write("复议台账_2021-03-05.csv", &bytes);
    let file = path.display().to_string();
    ws.run(["import".as_ref(), path.as_os_str()])
        .failure()
        .stderr_has(&[&format!(
            "{file}:3:column 1: error: bytes that are not UTF-8"
        )]);
}

#[test]
fn kind_comes_from_headers_then_name_then_flag() {
    let ws = Workspace::new();
    // Only columns both ledgers have, and a name that says nothing.
    let path = ws.write(
        "台账_2021-03-05.csv",
        "案号,单位,收案日期\nX1号,都匀市,2021-01-05\n".as_bytes(),
    );
    ws.run(["import".as_ref(), path.as_os_str()])
        .failure()
        .stderr_has(&[
            "cannot tell which ledger this is (复议台账, 应诉台账, 整改台账 or 诉前台账)",
            "--kind",
        ]);
    ws.run([
        "import".as_ref(),
        "--kind".as_ref(),
        "reconsideration".as_ref(),
        path.as_os_str(),
    ])
    .success()
    .stdout_has(&["复议台账 as of 2021-03-05 (file name), 1 row: 1 new"]);
}

#[test]
fn header_problems_are_reported_before_any_row() {
    let ws = Workspace::new();
    let missing = ws.write(
        "a/复议台账_2021-03-05.csv",
        "复议案号,被申请人,结案日期\n1号,某局,2021-01-05\n".as_bytes(),
    );
    let twice = ws.write(
        "b/复议台账_2021-03-05.csv",
        "案号,复议案号,单位,收案日期\n1号,1号,都匀市,2021-01-05\n".as_bytes(),
    );
    ws.run(["import".as_ref(), missing.as_os_str(), twice.as_os_str()])
        .failure()
        .stderr_has(&[
            "required column 单位 (县市, 所属县市, 地区) is missing from this 复议台账 file, or give --unit",
            "required column 收案日期 (收到申请日期, 申请日期) is missing",
            ":1:复议案号: error: columns `案号` and `复议案号` both give `case_no`",
        ]);
}

#[test]
fn unit_flag_fills_files_without_a_unit_column() {
    let ws = Workspace::new();
    let path = ws.write(
        "复议台账_2021-03-05.tsv",
        "复议案号\t收到申请日期\n荔府复〔2021〕1号\t2021-01-05\n".as_bytes(),
    );
    ws.run(["import".as_ref(), path.as_os_str()])
        .failure()
        .stderr_has(&["or give --unit"]);
    ws.ok([
        "import".as_ref(),
        "--unit".as_ref(),
        "荔波县".as_ref(),
        path.as_os_str(),
    ]);
    let report = ws.report_json(&["--unit", "荔波县"]);
    assert_eq!(count(&report, "counts", "received"), 1);
}

#[test]
fn a_case_listed_twice_in_one_file_is_an_error() {
    let ws = Workspace::new();
    let path = ws.write(
        "复议台账_2021-03-05.csv",
        "复议案号,单位,收到申请日期\n都府复〔2021〕1号,都匀市,2021-01-05\n都府复[2021] 1号,都匀市,2021-01-06\n".as_bytes(),
    );
    let file = path.display().to_string();
    ws.run(["import".as_ref(), path.as_os_str()])
        .failure()
        .stderr_has(&[&format!(
            "{file}:3:复议案号: error: case `都府复[2021] 1号` is already on row 2"
        )]);
}

#[test]
fn as_of_comes_from_the_latest_date_when_the_name_has_none() {
    let ws = Workspace::new();
    let path = ws.write(
        "复议台账.csv",
        "复议案号,单位,收到申请日期,受理日期\n都府复〔2021〕1号,都匀市,2021-01-05,2021-01-09\n都府复〔2021〕2号,都匀市,2021-01-07,\n".as_bytes(),
    );
    ws.run(["import".as_ref(), path.as_os_str()])
        .success()
        .stdout_has(&["复议台账 as of 2021-01-09 (latest date in the file), 2 rows: 2 new"]);
}

/// A 回复期限 is a deadline set ahead, not a day something happened: it does not date the
/// file, nor is it warned about as a date after the file's.
#[test]
fn a_reply_deadline_ahead_does_not_date_the_file() {
    let ws = Workspace::new();
    let path = ws.write(
        "整改台账.csv",
        "文号,文书类型,单位,发出日期,收到日期,回复期限
黔南府复建〔2025〕1号,行政复议建议书,都匀市,2025-03-01,2025-03-04,2027-06-30
"
        .as_bytes(),
    );
    ws.run(["import".as_ref(), path.as_os_str()])
        .success()
        .stdout_has(&["整改台账 as of 2025-03-04 (latest date in the file), 1 row: 1 new"])
        .stderr_lacks(&["warning"]);
}

#[test]
fn import_shows_twenty_warnings_per_file_and_check_shows_all() {
    let ws = Workspace::new();
    // 受理日期 and 结案日期 are there, empty, so that the file's only warnings are its rows'.
    let mut text = "复议案号,单位,收到申请日期,受理日期,结案日期\n".to_owned();
    for i in 1..=25 {
        // Received after the file's as-of date (3 March): a warning, not an error.
        let day = 4 + i % 5;
        text += &[
            "都府复〔2021〕",
            &i.to_string(),
            "号,都匀市,2021-03-0",
            &day.to_string(),
            ",,\n",
        ]
        .concat();
    }
    let path = ws.write("复议台账_2021-03-03.csv", text.as_bytes());
    let run = ws.run(["import".as_ref(), path.as_os_str()]).success();
    let stderr = run.stderr();
    assert_eq!(stderr.matches(": warning: ").count(), 20, "{stderr}");
    assert!(
        stderr.contains("… and 5 more warnings (caseledger check lists them all)"),
        "{stderr}"
    );
    let check = ws.run(["check".as_ref(), path.as_os_str()]).success();
    assert_eq!(check.stdout().matches(": warning: ").count(), 25);
}

#[test]
fn a_utf8_row_in_a_gb18030_file_is_an_error_not_nonsense() {
    let ws = Workspace::new();
    let mut bytes = GB18030
        .encode("复议案号,单位,收到申请日期\n都府复〔2021〕1号,都匀市,2021-01-05\n")
        .0
        .into_owned();
    bytes.extend_from_slice("都府复〔2021〕2号,州直,2021-01-06\n".as_bytes());
    let path = ws.write("复议台账_2021-03-05.csv", &bytes);
    let file = path.display().to_string();
    ws.run(["import".as_ref(), path.as_os_str()])
        .failure()
        .stderr_has(&[&format!(
            "{file}:3: error: UTF-8 text in a file read as GB18030"
        )]);
}

#[test]
fn clerks_files_as_they_come() {
    let ws = Workspace::new();
    // A template with pre-numbered rows, a unit column beside --unit, an empty file, and a
    // typo year in a file without a date in its name.
    let template = ws.write(
        "a/复议台账_2021-03-05.csv",
        "序号,复议案号,单位,收到申请日期\n1,都府复〔2021〕1号,,2021-01-05\n2,,,\n3,,,\n".as_bytes(),
    );
    let empty = ws.write("b/复议台账_2021-03-05.csv", b"");
    let typo = ws.write(
        "c/复议台账.csv",
        "复议案号,单位,收到申请日期\n都府复〔2021〕9号,都匀市,2031-01-05\n".as_bytes(),
    );
    let run = ws
        .run([
            "import".as_ref(),
            "--unit".as_ref(),
            "都匀市".as_ref(),
            template.as_os_str(),
            empty.as_os_str(),
            typo.as_os_str(),
        ])
        .success();
    let today = chrono::Local::now().date_naive();
    run.stdout_has(&[
        "a/复议台账_2021-03-05.csv: 复议台账 as of 2021-03-05 (file name), 1 row: 1 new",
        "b/复议台账_2021-03-05.csv: no rows; skipped",
        &format!("c/复议台账.csv: 复议台账 as of {today} (latest date in the file)"),
    ])
    .stderr_has(&[
        "a/复议台账_2021-03-05.csv:1:单位: warning: the file has a `单位` column: --unit 都匀市 fills only its empty cells",
        &format!("c/复议台账.csv:2:收到申请日期: warning: 2031-01-05 is after the file's as-of date {today}"),
    ]);
}

#[test]
fn a_unit_no_case_has_is_pointed_out() {
    let ws = Workspace::new();
    let dir = ws.copy_fixtures(&[WEEK1]);
    ws.ok(["import".as_ref(), dir.as_os_str()]);
    ws.run(["report", "--unit", "都匀"])
        .success()
        .stderr_has(&["warning: no case in the ledger has the unit `都匀` (closest: 都匀市)"]);
    let known = ws.run(["report", "--unit", "都匀市"]).success();
    assert!(!known.stderr().contains("warning"), "{}", known.stderr());
}

#[test]
fn a_file_dated_after_today_is_pointed_out() {
    let ws = Workspace::new();
    let path = ws.write(
        "复议台账_2099-01-01.csv",
        "复议案号,单位,收到申请日期\n都府复〔2021〕1号,都匀市,2021-01-05\n".as_bytes(),
    );
    ws.run(["import".as_ref(), path.as_os_str()])
        .success()
        .stderr_has(&["warning: the as-of date 2099-01-01 is after today"]);
}
