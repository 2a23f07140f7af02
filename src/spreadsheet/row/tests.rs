//! The consistency rules, row by row: each case a header, one row, and every diagnostic
//! it must give as `COLUMN: severity: message` (a prefix of the message).

use std::path::Path;

use crate::spreadsheet::{ReadOptions, open_csv_bytes};

const RECON: &str = "案号,单位,收案日期,受理日期,结案日期,结案方式";
const SUIT: &str = "案号,单位,立案日期,开庭日期,负责人出庭,出庭负责人职务,结案日期,裁判结果";

/// The diagnostics of the one row of a file with this header.
fn diagnostics(name: &str, header: &str, row: &str) -> Vec<String> {
    let bytes = format!("{header}\n{row}\n").into_bytes();
    let (file, mut rows) = open_csv_bytes(Path::new(name), name, bytes, &ReadOptions::default())
        .expect("a readable header")
        .expect("a ledger");
    let mut raw = rows.next().expect("one row").expect("a readable row");
    let parsed = file.parse(&mut raw).expect("a row with data");
    parsed
        .diagnostics
        .iter()
        .map(|d| {
            let severity = if d.is_error() { "error" } else { "warning" };
            format!(
                "{}: {severity}: {}",
                d.column.clone().unwrap_or_default(),
                d.message
            )
        })
        .collect()
}

#[track_caller]
fn case(name: &str, header: &str, row: &str, expected: &[&str]) {
    let found = diagnostics(name, header, row);
    assert_eq!(found.len(), expected.len(), "{row}: {found:#?}");
    for (found, expected) in found.iter().zip(expected) {
        assert!(
            found.starts_with(expected),
            "{row}: `{found}` is not `{expected}…`"
        );
    }
}

#[track_caller]
fn recon(row: &str, expected: &[&str]) {
    case("复议台账_2021-08-31.csv", RECON, row, expected);
}

#[track_caller]
fn suit(row: &str, expected: &[&str]) {
    case("应诉台账_2021-08-31.csv", SUIT, row, expected);
}

#[test]
fn reconsideration_rows() {
    recon(
        "都府复〔2021〕1号,都匀市,2021-01-05,2021-01-08,2021-03-01,维持",
        &[],
    );
    recon(
        "都府复〔2021〕1号,都匀市,2021-01-05,,2021-03-01,",
        &["结案方式: error: a closed case needs its outcome"],
    );
    recon(
        "都府复〔2021〕1号,都匀市,2021-01-05,,,维持",
        &["结案日期: error: the outcome is `维持` but the closing date is empty"],
    );
    recon(
        "都府复〔2021〕1号,都匀市,2021-03-05,2021-03-01,2021-03-02,维持",
        &[
            "结案日期: error: 2021-03-02 is before 收案日期 2021-03-05",
            "受理日期: error: 2021-03-01 is before 收案日期 2021-03-05",
        ],
    );
    recon(
        "都府复〔2021〕1号,都匀市,2021-01-05,2021-01-08,2021-01-09,不予受理",
        &["受理日期: warning: the outcome is 不予受理 but the case has an acceptance date"],
    );
    recon(
        "都府复〔2021〕1号,,2021-01-05,,,",
        &["单位: error: the unit is empty"],
    );
    recon(
        "都府复〔2021〕1号,都匀市,,,,",
        &["收案日期: error: a date is required here"],
    );
}

#[test]
fn litigation_rows() {
    suit(
        "(2021)黔2701行初1号,都匀市,2021-01-05,2021-02-01,是,副县长,2021-03-01,判决撤销",
        &[],
    );
    suit(
        "(2021)黔2701行初1号,都匀市,2021-01-05,,是,副县长,,",
        &["负责人出庭: warning: the head is marked as appearing but there is no hearing date"],
    );
    suit(
        "(2021)黔2701行初1号,都匀市,2021-02-05,2021-02-01,,,,",
        &["开庭日期: error: 2021-02-01 is before 立案日期 2021-02-05"],
    );
    suit(
        "(2021)黔2701行初1号,都匀市,2021-01-05,,,,2021-03-01,维持原判",
        &["裁判结果: error: `维持原判` (维持原判) ends a 二审 or 再审, not a 一审"],
    );
    suit(
        "(2021)黔27行终1号,都匀市,2021-01-05,,,,2021-03-01,驳回上诉，维持原判",
        &[],
    );
    suit(
        "(2021)黔2701行初1号,都匀市,2021-01-05,2021-02-01,是,律师,,",
        &["出庭负责人职务: warning: `律师` is not a 正职, 副职 or 分管负责人"],
    );
}

#[test]
fn work_list_dates_keep_their_order() {
    let header = "案号,单位,收案日期,副本送达日期,答复日期,中止日期,恢复审理日期";
    let name = "复议台账_2021-08-31.csv";
    case(
        name,
        header,
        "都府复〔2021〕1号,都匀市,2021-01-05,2021-01-08,2021-01-15,2021-02-01,2021-02-10",
        &[],
    );
    case(
        name,
        header,
        "都府复〔2021〕1号,都匀市,2021-01-05,2021-01-08,2021-01-07,,",
        &["答复日期: error: 2021-01-07 is before 副本送达日期 2021-01-08"],
    );
    case(
        name,
        header,
        "都府复〔2021〕1号,都匀市,2021-01-05,,,2021-02-10,2021-02-01",
        &["恢复审理日期: error: 2021-02-01 is before 中止日期 2021-02-10"],
    );
    case(
        name,
        header,
        "都府复〔2021〕1号,都匀市,2021-01-05,,,,2021-02-01",
        &["恢复审理日期: warning: the review resumed but there is no suspension date"],
    );
    case(
        "应诉台账_2021-08-31.csv",
        "案号,单位,立案日期,起诉状副本收到日期,答辩日期",
        "(2021)黔2701行初1号,都匀市,2021-01-05,2021-01-10,2021-01-09",
        &["答辩日期: error: 2021-01-09 is before 起诉状副本收到日期 2021-01-10"],
    );
}

const DOCUMENT: &str = "文号,文书类型,单位,发出日期,收到日期,回复期限,回复日期,整改情况";
const DISPUTE: &str = "争议编号,单位,收到日期,专家组审核日期,化解方案日期,化解结果,化解日期";

#[track_caller]
fn document(row: &str, expected: &[&str]) {
    case("整改台账_2025-06-30.csv", DOCUMENT, row, expected);
}

#[track_caller]
fn dispute(row: &str, expected: &[&str]) {
    case("诉前台账_2025-06-30.csv", DISPUTE, row, expected);
}

#[test]
fn document_rows() {
    document(
        "意〔2025〕1号,行政复议意见书,都匀市,2025-02-20,2025-03-03,,2025-05-06,已整改",
        &[],
    );
    document(
        "意〔2025〕1号,司法建议,都匀市,2025-02-20,,2025-04-20,,整改中",
        &[],
    );
    document(
        "意〔2025〕1号,行政复议意见书,都匀市,2025-02-20,2025-02-19,2025-02-10,2025-02-18,",
        &[
            "收到日期: error: 2025-02-19 is before 发出日期 2025-02-20",
            "回复期限: error: 2025-02-10 is before 发出日期 2025-02-20",
            "回复日期: error: 2025-02-18 is before 发出日期 2025-02-20",
        ],
    );
    document(
        "意〔2025〕1号,通知书,都匀市,2025-02-20,,,,完成",
        &[
            "文书类型: error: `通知书` is not a 文书类型 (use 行政复议意见书、",
            "整改情况: error: `完成` is not a 整改情况 (use 已整改、整改中、未整改)",
        ],
    );
    document(
        ",,都匀市,,,,,已整改",
        &[
            "文号: error: the 文号 is empty",
            "文书类型: error: the document type is empty",
            "发出日期: error: a date is required here",
            "整改情况: warning: the document is marked 已整改 but 回复日期 is empty",
        ],
    );
}

#[test]
fn dispute_rows() {
    dispute(
        "诉〔2025〕1号,都匀市,2025-03-03,2025-03-05,2025-03-07,化解成功,2025-04-10",
        &[],
    );
    dispute(
        "诉〔2025〕1号,都匀市,2025-03-03,2025-03-01,,,2025-04-10",
        &[
            "专家组审核日期: error: 2025-03-01 is before 收到日期 2025-03-03",
            "化解结果: error: the dispute ended on 2025-04-10 but its 化解结果 is empty",
        ],
    );
    dispute(
        "诉〔2025〕1号,都匀市,2025-03-03,,,转入诉讼,",
        &["化解日期: warning: the dispute has a 化解结果 but 化解日期 is empty"],
    );
    dispute(
        "诉〔2025〕1号,都匀市,2025-03-03,,,调处中,",
        &["化解结果: error: `调处中` is not a 化解结果 (use 化解成功、未化解、转入诉讼、转入复议)"],
    );
}

/// The one case of a one-row file with this header, or its diagnostics.
fn read_case(name: &str, header: &str, row: &str) -> Result<crate::model::Case, Vec<String>> {
    let bytes = format!("{header}\n{row}\n").into_bytes();
    let (file, mut rows) = open_csv_bytes(Path::new(name), name, bytes, &ReadOptions::default())
        .expect("a readable header")
        .expect("a ledger");
    let mut raw = rows.next().expect("one row").expect("a readable row");
    let parsed = file.parse(&mut raw).expect("a row with data");
    parsed.case.ok_or_else(|| {
        parsed
            .diagnostics
            .iter()
            .map(|d| d.message.clone())
            .collect()
    })
}

/// What a heard lawsuit's row gives: (hearing, appeared, title, outcome, 备注).
type Heard = (
    Option<String>,
    Option<bool>,
    Option<String>,
    Option<String>,
    Option<String>,
);

/// [`Heard`] as a test writes it.
type Expected<'a> = (
    Option<&'a str>,
    Option<bool>,
    Option<&'a str>,
    Option<&'a str>,
    Option<&'a str>,
);

#[track_caller]
fn heard(row: &str, expected: Expected) {
    use crate::model::Facts;
    let case =
        read_case("应诉台账_2021-08-31.csv", SUIT, row).unwrap_or_else(|e| panic!("{row}: {e:?}"));
    let Facts::Litigation {
        hearing_on,
        head_appeared,
        head_title,
        ..
    } = case.facts
    else {
        panic!("{row}: not a lawsuit");
    };
    let got: Heard = (
        hearing_on.map(crate::model::period::iso),
        head_appeared,
        head_title,
        case.outcome.map(|o| o.name().to_owned()),
        case.note,
    );
    let owned = |s: Option<&str>| s.map(str::to_owned);
    let expected: Heard = (
        owned(expected.0),
        expected.1,
        owned(expected.2),
        owned(expected.3),
        owned(expected.4),
    );
    assert_eq!(got, expected, "{row}");
}

#[test]
fn placeholders_read_as_empty() {
    // An open case stays open; a case heard on the papers has no hearing.
    heard(
        "(2021)黔2701行初1号,都匀市,2021-01-05,不开庭审理,/,,/,审理中",
        (None, None, None, None, None),
    );
    heard(
        "(2021)黔2701行初1号,都匀市,2021-01-05,未开庭,—,,未结案,尚未判决",
        (None, None, None, None, None),
    );
    heard(
        "(2021)黔2701行初1号,都匀市,2021-01-05,-,,,—,待判",
        (None, None, None, None, None),
    );
    // 无 stays a yes/no answer in the appearance column: 否.
    heard(
        "(2021)黔2701行初1号,都匀市,2021-01-05,2021-02-01,无,,/,/",
        (Some("2021-02-01"), Some(false), None, None, None),
    );
    // A placeholder is not a date where one is required.
    suit(
        "(2021)黔2701行初1号,都匀市,/,,,,,",
        &["立案日期: error: a date is required here"],
    );
    // A closing date with a placeholder for the outcome is still a closed case without one.
    suit(
        "(2021)黔2701行初1号,都匀市,2021-01-05,,,,2021-03-01,审理中",
        &["裁判结果: error: a closed case needs its outcome"],
    );
}

#[test]
fn appearances_that_name_who_appeared() {
    let on = Some("2021-02-01");
    let row = |appearance: &str, title: &str| {
        format!("(2021)黔2701行初1号,都匀市,2021-01-05,2021-02-01,{appearance},{title},,")
    };
    heard(
        &row("局长出庭", ""),
        (on, Some(true), Some("局长"), None, None),
    );
    heard(
        &row("分管副县长出庭", ""),
        (on, Some(true), Some("分管副县长"), None, None),
    );
    heard(
        &row("负责人出庭", ""),
        (on, Some(true), Some("负责人"), None, None),
    );
    // The title cell, when filled, is the title.
    heard(
        &row("副局长出庭", "常务副局长"),
        (on, Some(true), Some("常务副局长"), None, None),
    );
    heard(
        &row("委托律师出庭", ""),
        (
            on,
            Some(false),
            None,
            None,
            Some("负责人出庭：委托律师出庭"),
        ),
    );
    heard(
        &row("工作人员出庭", ""),
        (
            on,
            Some(false),
            None,
            None,
            Some("负责人出庭：工作人员出庭"),
        ),
    );
    heard(&row("/", ""), (on, None, None, None, None));
    suit(
        &row("是", ""),
        &["出庭负责人职务: warning: the head appeared but no title (职务) is given"],
    );
    suit(&row("出庭", "副县长"), &[]);
}

#[test]
fn outcomes_with_a_note_and_several_hearings() {
    heard(
        "(2021)黔2701行初1号,都匀市,2021-01-05,,,,2021-03-01,判决驳回原告诉讼请求（原告已上诉）",
        (
            None,
            None,
            None,
            Some("驳回诉讼请求"),
            Some("裁判结果：原告已上诉"),
        ),
    );
    heard(
        "(2021)黔2701行初1号,都匀市,2021-01-05,2021年10月18日、11月9日,否,,,",
        (
            Some("2021-10-18"),
            Some(false),
            None,
            None,
            Some("开庭日期：11月9日"),
        ),
    );
    suit(
        "(2021)黔2701行初1号,都匀市,2021-01-05,2021年10月18日、11月9日,,,,",
        &[
            "开庭日期: warning: `2021年10月18日、11月9日` holds several hearing dates: the hearing is the first, 2021-10-18",
        ],
    );
    suit(
        "(2021)黔2701行初1号,都匀市,2021-01-05,下周二,,,,",
        &["开庭日期: error: `下周二` is not a date"],
    );
}
