//! Cells as offices write them (SPEC §2.1, §2.4): dates, appearance and outcomes in their
//! own words read like the plain forms; second-instance and retrial outcomes import
//! without touching a first-instance figure; 改正后终止 is corrected only when the 口径
//! says so; an Excel error value is an error at its cell.
//!
//! Each test writes the shared case set (`case_set`) twice, plainly and in the office's
//! forms, and compares the two ledgers; no figure is typed here.

use std::collections::BTreeMap;

use rust_xlsxwriter::Workbook;
use serde_json::Value;

use crate::case_set::{Table, litigation, reconsideration};
use crate::comparison::{Ledger, assert_same, csv_workspace, try_import, write_csv};
use crate::support::{Workspace, count};

const RECONSIDERATION_DATES: [&str; 3] = ["收案日期", "受理日期", "结案日期"];
const LITIGATION_DATES: [&str; 3] = ["立案日期", "开庭日期", "结案日期"];

/// Rewrites each plain spelling in `columns` with its office forms in turn, and checks
/// that every form was used, so no form goes untested for want of rows.
#[track_caller]
fn in_office_forms(table: &Table, columns: &[&str], forms: &[(&str, &[&str])]) -> Table {
    let mut used: BTreeMap<&str, usize> = BTreeMap::new();
    let rewritten = table.rewritten(columns, |text, _| {
        match forms.iter().find(|(plain, _)| *plain == text) {
            Some((plain, spellings)) => {
                let n = used.entry(plain).or_default();
                *n += 1;
                spellings[(*n - 1) % spellings.len()].to_owned()
            }
            None => text.to_owned(),
        }
    });
    for (plain, spellings) in forms {
        let n = used.get(plain).copied().unwrap_or(0);
        assert!(
            n >= spellings.len(),
            "too few `{plain}` cells for {spellings:?}"
        );
    }
    rewritten
}

/// A date as offices write it, the forms taken in turn: `2021年3月5号`,
/// `2021-03-05T00:00:00`, `二〇二一年三月五日`.
fn office_date(iso: &str, nth: usize) -> String {
    let (year, month, day) = (&iso[..4], &iso[5..7], &iso[8..]);
    let number = |digits: &str| digits.parse::<usize>().expect("a date");
    match nth % 3 {
        0 => format!("{year}年{}月{}号", number(month), number(day)),
        1 => format!("{iso}T00:00:00"),
        _ => {
            let year: String = year.chars().map(chinese_digit).collect();
            format!(
                "{year}年{}月{}日",
                chinese_number(number(month)),
                chinese_number(number(day))
            )
        }
    }
}

const CHINESE_DIGITS: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

fn chinese_digit(digit: char) -> char {
    CHINESE_DIGITS[digit.to_digit(10).expect("a digit") as usize]
}

/// 1–31 as written in official documents: 五, 十, 十二, 二十, 三十一.
fn chinese_number(n: usize) -> String {
    let digit = |d: usize| CHINESE_DIGITS[d].to_string();
    match (n / 10, n % 10) {
        (0, units) => digit(units),
        (1, 0) => "十".to_owned(),
        (1, units) => format!("十{}", digit(units)),
        (tens, 0) => format!("{}十", digit(tens)),
        (tens, units) => format!("{}十{}", digit(tens), digit(units)),
    }
}

#[test]
fn dates_as_offices_write_them_read_like_plain_dates() {
    let office = [
        reconsideration().rewritten(&RECONSIDERATION_DATES, office_date),
        litigation().rewritten(&LITIGATION_DATES, office_date),
    ];
    assert_same(
        &Ledger::of(&csv_workspace(&office)),
        &Ledger::of(&csv_workspace(&[reconsideration(), litigation()])),
        "office dates",
    );
}

/// Each case's `head_appeared`, by case number.
fn heads(ledger: &Ledger) -> BTreeMap<String, Value> {
    let cases = ledger.cases.as_array().expect("cases");
    cases
        .iter()
        .filter(|c| c["kind"] == "litigation")
        .map(|c| (c["case_no"].to_string(), c["head_appeared"].clone()))
        .collect()
}

/// A second hearing without the head, so that both 否 forms are used.
#[rustfmt::skip]
const HEARD_WITHOUT_THE_HEAD: &[&[&str]] = &[
    &["(2021)黔2702行初7号", "一审", "福泉市", "福泉市市场监督管理局", "行政处罚", "2021-03-03", "2021-04-20", "否", "", "", ""],
];

#[test]
fn appearance_as_offices_write_it_reads_as_yes_or_no() {
    let cases = litigation().with_rows(HEARD_WITHOUT_THE_HEAD);
    let office = in_office_forms(
        &cases,
        &["负责人出庭"],
        &[
            ("是", &["已出庭", "是（正职）", "出庭"]),
            ("否", &["未出庭", "否（委托律师）"]),
        ],
    );
    let office = Ledger::of(&csv_workspace(&[office]));
    let plain = Ledger::of(&csv_workspace(&[cases]));
    assert_eq!(
        office.report, plain.report,
        "report with office appearance forms"
    );
    assert_eq!(heads(&office), heads(&plain), "head_appeared of each case");
}

/// One more 维持 and 撤销, so that each has two wordings to try.
#[rustfmt::skip]
const UPHELD_AND_REVOKED: &[&[&str]] = &[
    &["都府复〔2021〕5号", "都匀市", "都匀市教育局", "政府信息公开", "2021-03-20", "2021-03-22", "2021-04-30", "维持", ""],
    &["福府复〔2021〕4号", "福泉市", "福泉市市场监督管理局", "行政处罚", "2021-04-02", "2021-04-06", "2021-05-28", "撤销", ""],
];

#[test]
fn outcomes_in_office_wording_give_the_report_of_the_plain_outcomes() {
    let cases = reconsideration().with_rows(UPHELD_AND_REVOKED);
    let office = in_office_forms(
        &cases,
        &["结案方式"],
        &[
            ("维持", &["维持原行政行为", "维持决定"]),
            ("撤销", &["撤销原行政行为", "责令重作"]),
            ("不予受理", &["不予受理决定"]),
            ("确认违法", &["确认违法并责令补救"]),
            ("终止", &["申请人撤回申请"]),
        ],
    );
    let office = Ledger::of(&csv_workspace(&[office, litigation()]));
    let plain = Ledger::of(&csv_workspace(&[cases, litigation()]));
    assert_eq!(
        office.report, plain.report,
        "report with office outcome wording"
    );
}

/// Appeals and retrials closed with each second-instance outcome; two give their 审级
/// only by the 行终 in their case number.
#[rustfmt::skip]
const APPEALS: &[&[&str]] = &[
    &["(2021)黔27行终11号", "二审", "都匀市", "都匀市公安局", "行政处罚", "2021-05-10", "2021-06-01", "是", "2021-06-20", "维持", ""],
    &["(2021)黔27行终12号", "二审", "都匀市", "都匀市人民政府", "行政征收", "2021-05-12", "2021-06-02", "否", "2021-06-25", "驳回上诉，维持原判", ""],
    &["(2021)黔27行终13号", "", "福泉市", "福泉市人民政府", "行政协议", "2021-06-01", "2021-06-15", "是", "2021-07-01", "改判", ""],
    &["(2021)黔27行终14号", "", "福泉市", "福泉市公安局", "行政处罚", "2021-06-05", "", "", "2021-07-05", "发回重审", ""],
    &["(2021)黔27行终15号", "二审", "都匀市", "都匀市自然资源局", "行政登记", "2021-06-10", "", "", "2021-06-30", "撤回上诉", ""],
    &["(2021)黔行再1号", "再审", "福泉市", "福泉市自然资源局", "行政强制", "2021-04-01", "2021-05-01", "是", "2021-06-01", "维持", ""],
];

#[test]
fn appeals_and_retrials_import_and_change_no_first_instance_figure() {
    // `csv_workspace` checks that every row, appeals included, became a case.
    let with = Ledger::of(&csv_workspace(&[
        reconsideration(),
        litigation().with_rows(APPEALS),
    ]));
    let without = Ledger::of(&csv_workspace(&[reconsideration(), litigation()]));
    assert_eq!(
        with.report, without.report,
        "the report is the first instance's"
    );
}

/// 维持原判 on a 一审 row: one given as 一审, one known as 一审 by its 行初 number.
#[rustfmt::skip]
const UPHELD_AT_FIRST_INSTANCE: &[&[&str]] = &[
    &["(2021)黔2701行初31号", "一审", "都匀市", "都匀市公安局", "行政处罚", "2021-03-01", "2021-04-01", "是", "2021-05-01", "维持原判", ""],
    &["(2021)黔2702行初9号", "", "福泉市", "福泉市公安局", "行政处罚", "2021-03-02", "", "", "2021-05-02", "维持原判", ""],
];

#[test]
fn upholding_a_judgment_is_an_error_on_a_first_instance_row() {
    let cases = litigation().with_rows(UPHELD_AT_FIRST_INSTANCE);
    let ws = Workspace::new();
    let file = write_csv(&ws, std::slice::from_ref(&cases)).remove(0);
    let name = file.display().to_string();
    // The two rows are the last; the header is row 1.
    let last = cases.rows.len() + 1;
    let mut run = try_import(&ws, std::slice::from_ref(&file)).failure();
    for row in [last - 1, last] {
        run = run.stderr_line_has(&[&format!("{name}:{row}:"), "维持原判"]);
    }
    assert!(!ws.ledger().exists(), "nothing was written");
}

/// Reconsiderations the respondent ended by correcting its act (改正后终止).
#[rustfmt::skip]
const CORRECTED_THEN_WITHDRAWN: &[&[&str]] = &[
    &["都府复〔2021〕6号", "都匀市", "都匀市综合行政执法局", "行政处罚", "2021-04-01", "2021-04-02", "2021-05-15", "改正后终止", ""],
    &["福府复〔2021〕5号", "福泉市", "福泉市交通运输局", "行政处罚", "2021-04-05", "2021-04-06", "2021-05-20", "被申请人改正后撤回", ""],
];

#[test]
fn correction_before_withdrawal_is_corrected_only_when_the_rules_say_so() {
    let period = ["--from", "2021-01-01", "--to", "2021-12-31"];
    let base = csv_workspace(&[reconsideration(), litigation()]).report_json(&period);
    let ws = csv_workspace(&[
        reconsideration().with_rows(CORRECTED_THEN_WITHDRAWN),
        litigation(),
    ]);
    let before = ws.report_json(&period);
    ws.ok([
        "rules",
        "set",
        "corrected_outcomes",
        "撤销,变更,确认违法,确认无效,责令履行,改正后终止",
    ]);
    let after = ws.report_json(&period);
    let n = CORRECTED_THEN_WITHDRAWN.len() as u64;

    // Closed on the reconsideration side, but not 纠错 by default.
    assert_eq!(
        count(&before, "counts", "closed"),
        count(&base, "counts", "closed") + n
    );
    assert_eq!(
        count(&before, "counts", "corrected"),
        count(&base, "counts", "corrected")
    );

    // Under the new rule the numerator grows by exactly those cases …
    let correction = |r: &Value, key: &str| r["rates"]["correction_rate"][key].clone();
    assert_eq!(
        count(&after, "counts", "corrected"),
        count(&before, "counts", "corrected") + n
    );
    assert_eq!(
        correction(&after, "numerator").as_u64(),
        correction(&before, "numerator").as_u64().map(|k| k + n)
    );
    assert_eq!(
        correction(&after, "denominator"),
        correction(&before, "denominator")
    );
    // … and nothing else moves.
    for (key, value) in before["counts"].as_object().expect("counts") {
        if key != "corrected" {
            assert_eq!(&after["counts"][key], value, "counts.{key}");
        }
    }
    assert_eq!(after["previous_counts"], before["previous_counts"]);
    for rate in ["loss_rate", "appearance_rate", "mediation_rate"] {
        assert_eq!(after["rates"][rate], before["rates"][rate], "{rate}");
    }
}

#[test]
fn an_excel_error_in_a_date_cell_is_an_error_naming_the_cell() {
    // A reference broken by deleting a row: the formula's cached result is #REF!.
    let ws = Workspace::new();
    let path = ws.path().join("复议台账.xlsx");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name("Sheet1").expect("name");
    for (col, header) in (0..).zip(["案号", "单位", "收案日期"]) {
        sheet.write_string(0, col, header).expect("header");
    }
    sheet.write_string(1, 0, "都府复〔2021〕1号").expect("case");
    sheet.write_string(1, 1, "都匀市").expect("unit");
    sheet
        .write_formula(1, 2, "=#REF!")
        .expect("formula")
        .set_formula_result(1, 2, "#REF!");
    book.save(&path).expect("save");
    try_import(&ws, &[path])
        .failure()
        .stderr_line_has(&["[Sheet1] C2", "收案日期", "#REF!"]);
    assert!(!ws.ledger().exists(), "nothing was written");
}
