//! `caseledger template`: the blank workbook, read back with calamine (headers, formats,
//! drop-down lists, the 填表说明 sheet), then filled in by rewriting its ledger sheet's
//! XML as Excel saves typed cells, so that what is imported is the template itself with
//! its validations, formats and other sheets.
//!
//! Hand counts of the filled templates (2021-01-01 – 2021-03-31): 复议 received 5, closed
//! 4 (1号 撤销, 2号 不予受理, 4号 调解, 5号 维持 with 是否纠错 = 是), corrected 2, mediated 1;
//! 应诉 一审 closed 4 (行初1号 撤销, 行初2号 驳回诉讼请求, 行初3号 撤诉, 行初5号 调解 with
//! 是否败诉 = 是), lost 2, heard 3 (行初1号 2号 5号), head appeared 1 (行初1号).

mod parts;

use std::path::PathBuf;

use calamine::{Data, Reader};
use caseledger::model::{Kind, Outcome};

use crate::support::{Workspace, count};
use parts::{Row, book, fill, headers, list_values, part, sheet, text, validations};

/// SPEC §2.2: the 复议台账's columns in order, by their 中文 header.
const RECONSIDERATION_HEADERS: [&str; 21] = [
    "案号",
    "单位",
    "被申请人",
    "案由",
    "收案日期",
    "受理日期",
    "结案日期",
    "结案方式",
    "是否纠错",
    "包案领导",
    "备注",
    // SPEC §7.1: what the work list reads.
    "简易程序",
    "副本送达日期",
    "答复日期",
    "是否延期",
    "中止日期",
    "恢复审理日期",
    "责任单位",
    "化解进展",
    "风险等级",
    "申请人数",
];

/// SPEC §2.3: the 应诉台账's columns in order.
const LITIGATION_HEADERS: [&str; 30] = [
    "案号",
    "审级",
    "法院",
    "单位",
    "被告",
    "案由",
    "立案日期",
    "开庭日期",
    "负责人出庭",
    "出庭负责人",
    "出庭负责人职务",
    "结案日期",
    "裁判结果",
    "是否败诉",
    "包案领导",
    "备注",
    // SPEC §7.1: what the work list reads.
    "起诉状副本收到日期",
    "答辩日期",
    "开庭时间",
    "开庭地点",
    "拟出庭负责人",
    "拟出庭负责人职务",
    "裁判文书送达日期",
    "一次提醒日期",
    "二次提醒日期",
    "复议案号",
    "责任单位",
    "化解进展",
    "风险等级",
    "原告人数",
];

/// SPEC §2.4's canonical outcomes, first instance before appellate, 其他 last: what the
/// drop-down lists must offer.
const RECONSIDERATION_OUTCOMES: &[&str] = &[
    "维持",
    "驳回请求",
    "驳回申请",
    "不予受理",
    "撤销",
    "变更",
    "确认违法",
    "确认无效",
    "责令履行",
    "调解",
    "和解",
    "终止",
    "改正后终止",
    "其他",
];
const LITIGATION_OUTCOMES: &[&str] = &[
    "驳回诉讼请求",
    "撤销",
    "变更",
    "确认违法",
    "确认无效",
    "责令履行",
    "给付",
    "赔偿",
    "调解",
    "撤诉",
    "驳回起诉",
    "终结",
    "移送",
    "维持原判",
    "改判",
    "发回重审",
    "撤回上诉",
    "驳回再审申请",
    "指令再审",
    "提审",
    "其他",
];

fn row(cells: &[(&'static str, &str)]) -> Row {
    cells.iter().map(|(h, v)| (*h, (*v).to_owned())).collect()
}

fn reconsideration_cases() -> Vec<Row> {
    vec![
        row(&[
            ("案号", "黔南府复决字〔2021〕1号"),
            ("单位", "都匀市"),
            ("被申请人", "都匀市公安局"),
            ("案由", "行政处罚"),
            ("收案日期", "2021-01-05"),
            ("受理日期", "2021-01-08"),
            ("结案日期", "2021-03-01"),
            ("结案方式", "撤销"),
            ("包案领导", "张某某"),
        ]),
        row(&[
            ("案号", "黔南府复决字〔2021〕2号"),
            ("单位", "福泉市"),
            ("被申请人", "福泉市自然资源局"),
            ("案由", "政府信息公开"),
            ("收案日期", "2021-02-01"),
            ("结案日期", "2021-02-05"),
            ("结案方式", "不予受理"),
        ]),
        row(&[
            ("案号", "黔南府复决字〔2021〕3号"),
            ("单位", "都匀市"),
            ("收案日期", "2021-02-10"),
            ("受理日期", "2021-02-12"),
        ]),
        row(&[
            ("案号", "黔南府复决字〔2021〕4号"),
            ("单位", "瓮安县"),
            ("收案日期", "2021-01-20"),
            ("受理日期", "2021-01-22"),
            ("结案日期", "2021-03-10"),
            ("结案方式", "调解"),
        ]),
        row(&[
            ("案号", "黔南府复决字〔2021〕5号"),
            ("单位", "州直"),
            ("收案日期", "2021-01-15"),
            ("受理日期", "2021-01-18"),
            ("结案日期", "2021-03-15"),
            ("结案方式", "维持"),
            ("是否纠错", "是"),
            ("备注", "复查后自行纠正"),
        ]),
    ]
}

fn litigation_cases() -> Vec<Row> {
    vec![
        row(&[
            ("案号", "(2021)黔2701行初1号"),
            ("审级", "一审"),
            ("法院", "都匀市人民法院"),
            ("单位", "都匀市"),
            ("被告", "都匀市人民政府"),
            ("案由", "行政征收"),
            ("立案日期", "2021-01-10"),
            ("开庭日期", "2021-02-01"),
            ("负责人出庭", "是"),
            ("出庭负责人", "张某"),
            ("出庭负责人职务", "副市长"),
            ("结案日期", "2021-03-01"),
            ("裁判结果", "撤销"),
        ]),
        row(&[
            ("案号", "(2021)黔2701行初2号"),
            ("单位", "福泉市"),
            ("被告", "福泉市公安局"),
            ("立案日期", "2021-01-11"),
            ("开庭日期", "2021-02-02"),
            ("负责人出庭", "否"),
            ("结案日期", "2021-03-02"),
            ("裁判结果", "驳回诉讼请求"),
        ]),
        row(&[
            ("案号", "(2021)黔2701行初3号"),
            ("审级", "一审"),
            ("单位", "福泉市"),
            ("立案日期", "2021-01-12"),
            ("结案日期", "2021-02-20"),
            ("裁判结果", "撤诉"),
        ]),
        row(&[
            ("案号", "(2021)黔27行终3号"),
            ("审级", "二审"),
            ("法院", "黔南州中级人民法院"),
            ("单位", "福泉市"),
            ("立案日期", "2021-02-11"),
            ("开庭日期", "2021-02-25"),
            ("负责人出庭", "是"),
            ("出庭负责人", "李某"),
            ("出庭负责人职务", "局长"),
        ]),
        row(&[
            ("案号", "(2021)黔2701行初5号"),
            ("审级", "一审"),
            ("单位", "瓮安县"),
            ("立案日期", "2021-01-20"),
            ("开庭日期", "2021-02-10"),
            ("负责人出庭", "否"),
            ("结案日期", "2021-03-20"),
            ("裁判结果", "调解"),
            ("是否败诉", "是"),
            ("包案领导", "王某某"),
        ]),
    ]
}

/// Writes the template of `kind` (`reconsideration` or `litigation`) to `name`.
fn template(ws: &Workspace, kind: &str, name: &str) -> PathBuf {
    let path = ws.path().join(name);
    ws.ok([
        "template".as_ref(),
        kind.as_ref(),
        "--output".as_ref(),
        path.as_os_str(),
    ]);
    path
}

/// The same rows as a plain CSV with the same header.
fn csv(headers: &[&str], rows: &[Row]) -> String {
    let mut csv = headers.join(",") + "\n";
    for row in rows {
        let cells: Vec<&str> = headers
            .iter()
            .map(|h| {
                row.iter()
                    .find(|(header, _)| header == h)
                    .map_or("", |(_, value)| value.as_str())
            })
            .collect();
        csv += &cells.join(",");
        csv += "\n";
    }
    csv
}

#[test]
fn a_filled_template_imports_like_a_csv_of_the_same_cases() {
    let kinds = [
        (
            "reconsideration",
            "复议台账",
            &RECONSIDERATION_HEADERS[..],
            reconsideration_cases(),
        ),
        (
            "litigation",
            "应诉台账",
            &LITIGATION_HEADERS[..],
            litigation_cases(),
        ),
    ];
    let period = ["--from", "2021-01-01", "--to", "2021-03-31"];
    for (kind, label, headers, cases) in kinds {
        let ws = Workspace::new();
        let path = template(&ws, kind, &format!("{label}_2021-03-31.xlsx"));
        fill(&path, &cases);
        let run = ws.run(["import".as_ref(), path.as_os_str()]).success();
        let printed = run.stdout() + &run.stderr();
        assert!(!printed.contains("warning"), "{printed}");
        run.stdout_has(&[
            format!("[{label}]: {label} as of 2021-03-31 (file name), 5 rows: 5 new").as_str(),
            "[填表说明]: no ledger header row in this sheet; skipped",
        ]);

        let plain = Workspace::new();
        let csv_path = plain.write(
            &format!("{label}_2021-03-31.csv"),
            csv(headers, &cases).as_bytes(),
        );
        plain.ok(["import".as_ref(), csv_path.as_os_str()]);
        let report = ws.report_json(&period);
        assert_eq!(report, plain.report_json(&period));

        let counts: &[(&str, u64)] = match kind {
            "reconsideration" => &[
                ("received", 5),
                ("closed", 4),
                ("corrected", 2),
                ("mediated", 1),
            ],
            _ => &[
                ("first_instance_closed", 4),
                ("lost", 2),
                ("heard", 3),
                ("head_appeared", 1),
            ],
        };
        for (key, expected) in counts {
            assert_eq!(count(&report, "counts", key), *expected, "{kind} {key}");
        }
    }
}

#[test]
fn typed_cells_take_the_columns_formats() {
    let ws = Workspace::new();
    let path = template(&ws, "reconsideration", "复议台账.xlsx");
    fill(&path, &reconsideration_cases());
    let rows = sheet(&path, "复议台账");
    let received = RECONSIDERATION_HEADERS
        .iter()
        .position(|h| *h == "收案日期");
    let received = received.expect("a 收案日期 column");
    assert!(
        matches!(rows[1][received], Data::DateTime(_)),
        "{:?}",
        rows[1][received]
    );
    let styles = book(&path).worksheet_style("复议台账").expect("styles");
    let format = |row: u32, col: usize| {
        styles
            .get((row, u32::try_from(col).expect("a column")))
            .and_then(|s| s.number_format.as_ref())
            .map(|f| f.format_code.clone())
    };
    assert_eq!(format(1, 0).as_deref(), Some("@"), "案号 is text");
    assert_eq!(format(1, received).as_deref(), Some("yyyy-mm-dd"));
}

#[test]
fn every_drop_down_value_passes_check() {
    for (kind, label, headers, lists) in [
        (
            Kind::Reconsideration,
            "复议台账",
            &RECONSIDERATION_HEADERS[..],
            &["结案方式", "是否纠错", "简易程序", "是否延期"][..],
        ),
        (
            Kind::Litigation,
            "应诉台账",
            &LITIGATION_HEADERS[..],
            &["审级", "负责人出庭", "裁判结果", "是否败诉"][..],
        ),
    ] {
        let ws = Workspace::new();
        let path = template(&ws, kind.key(), &format!("{label}_2021-12-31.xlsx"));
        let validations = validations(&path);
        let validated: Vec<&str> = validations.iter().map(|(col, _)| headers[*col]).collect();
        assert_eq!(validated, lists, "{kind}");

        let mut rows = Vec::new();
        for (col, formula) in &validations {
            let header = headers[*col];
            let values = list_values(&path, formula);
            match header {
                "结案方式" | "裁判结果" => {
                    let outcomes = match kind {
                        Kind::Reconsideration => RECONSIDERATION_OUTCOMES,
                        Kind::Litigation => LITIGATION_OUTCOMES,
                        other => unreachable!("{other} has no outcomes"),
                    };
                    assert_eq!(values, outcomes, "{header}");
                }
                "审级" => assert_eq!(values, ["一审", "二审", "再审"]),
                _ => assert_eq!(values, ["是", "否"], "{header}"),
            }
            for value in values {
                let number = rows.len() + 1;
                let mut cells = match kind {
                    Kind::Reconsideration => row(&[
                        ("案号", &format!("黔南府复决字〔2021〕{number}号")),
                        ("单位", "都匀市"),
                        ("收案日期", "2021-01-05"),
                    ]),
                    // No type code in the 案号, so that any 审级 agrees with it.
                    Kind::Litigation => row(&[
                        ("案号", &format!("(2021)黔2701第{number}号")),
                        ("单位", "都匀市"),
                        ("立案日期", "2021-01-10"),
                    ]),
                    other => unreachable!("{other} is not in this loop"),
                };
                if kind == Kind::Litigation && header != "审级" {
                    // 维持原判, 改判 … end an appeal or a retrial, never a 一审.
                    let appellate = Outcome::from_name(&value).is_some_and(Outcome::is_appellate);
                    let instance = if appellate { "二审" } else { "一审" };
                    cells.push(("审级", instance.to_owned()));
                }
                if matches!(header, "结案方式" | "裁判结果") {
                    cells.push(("结案日期", "2021-03-01".to_owned()));
                }
                if header == "负责人出庭" {
                    // A hearing without a recorded appearance, an appearance without a
                    // hearing and one without a title are each warned about.
                    cells.push(("开庭日期", "2021-02-01".to_owned()));
                    if value == "是" {
                        cells.push(("出庭负责人职务", "局长".to_owned()));
                    }
                }
                cells.push((header, value));
                rows.push(cells);
            }
        }
        fill(&path, &rows);
        ws.run(["check".as_ref(), path.as_os_str()])
            .success()
            .stdout_has(&["checked 1 file: 0 errors, 0 warnings"]);
    }
}

#[test]
fn headers_instructions_and_lists_read_back() {
    for (kind, label, expected) in [
        ("reconsideration", "复议台账", &RECONSIDERATION_HEADERS[..]),
        ("litigation", "应诉台账", &LITIGATION_HEADERS[..]),
    ] {
        let ws = Workspace::new();
        let path = template(&ws, kind, &format!("{kind}.xlsx"));
        assert_eq!(book(&path).sheet_names(), [label, "填表说明", "选项"]);
        assert_eq!(headers(&path, label), expected);
        // Only the header row: the data rows carry formats and lists, not cells.
        assert_eq!(sheet(&path, label).len(), 1);

        let styles = book(&path).worksheet_style(label).expect("styles");
        let header_fill = |col: u32| {
            let style = styles.get((0, col)).expect("a header style");
            assert!(
                style.font.as_ref().is_some_and(calamine::Font::is_bold),
                "{col}"
            );
            style.fill.as_ref().and_then(|f| f.foreground_color)
        };
        // 案号 is required, 备注 is not: their fills differ, and both have one.
        let last = u32::try_from(expected.len() - 1).expect("a column");
        assert!(header_fill(0).is_some() && header_fill(last).is_some());
        assert_ne!(header_fill(0), header_fill(last));

        let instructions = sheet(&path, "填表说明");
        let mut lines = Vec::new();
        for row in &instructions {
            assert!(row[1..].iter().all(|c| *c == Data::Empty), "{row:?}");
            lines.push(text(&row[0]));
        }
        for line in &lines {
            let all = RECONSIDERATION_HEADERS.iter().chain(&LITIGATION_HEADERS);
            assert!(all.clone().all(|h| line != h), "a header as a line: {line}");
        }
        for header in expected {
            let start = format!("{header}（");
            assert!(
                lines.iter().any(|l| l.starts_with(&start)),
                "no line for {header}:\n{}",
                lines.join("\n")
            );
        }
        assert!(lines.iter().any(|l| l.contains("2021-08-31")), "dates");
        assert!(
            lines.iter().any(|l| l.contains("直接报送本文件")),
            "send as is"
        );

        // The blank template imports as nothing: no sheet is taken for a ledger by mistake.
        ws.run(["import".as_ref(), path.as_os_str()])
            .success()
            .stdout_has(&[
                format!("[{label}]: no rows; skipped").as_str(),
                "[填表说明]: no ledger header row in this sheet; skipped",
                "[选项]: no ledger header row in this sheet; skipped",
            ]);
    }
}

#[test]
fn an_existing_file_is_kept_without_force() {
    let ws = Workspace::new();
    let path = ws.write("复议台账模板.xlsx", b"a ledger someone filled in");
    ws.run([
        "template".as_ref(),
        "reconsideration".as_ref(),
        "--output".as_ref(),
        path.as_os_str(),
    ])
    .failure()
    .stderr_has(&["复议台账模板.xlsx", "already exists", "--force"]);
    assert_eq!(
        std::fs::read(&path).expect("the file"),
        b"a ledger someone filled in"
    );

    ws.ok([
        "template".as_ref(),
        "reconsideration".as_ref(),
        "--output".as_ref(),
        path.as_os_str(),
        "--force".as_ref(),
    ]);
    assert_eq!(headers(&path, "复议台账"), RECONSIDERATION_HEADERS);
}

#[test]
fn a_new_template_is_private_and_needs_a_file_name() {
    let ws = Workspace::new();
    let path = template(&ws, "litigation", "应诉台账模板.xlsx");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path)
            .expect("metadata")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "{mode:o}");
    }
    ws.run(["template", "litigation"])
        .failure()
        .stderr_has(&["--output", "terminal"]);
    ws.run(["template", "litigation", "--output", "应诉台账.csv"])
        .failure()
        .stderr_has(&["应诉台账.csv", ".xlsx"]);
}

/// The 整改台账 and 诉前台账 templates: their columns in order, a drop-down for each closed
/// set of words (文书类型, 整改情况, 化解结果), and every value offered passes `check`.
#[test]
fn the_later_ledgers_templates_offer_only_what_imports() {
    for (kind, label, first, lists, base) in [
        (
            "rectification",
            "整改台账",
            ["文号", "文书类型", "发出机关", "单位"],
            &["文书类型", "整改情况"][..],
            &[
                ("单位", "都匀市"),
                ("发出日期", "2025-03-03"),
                ("回复日期", "2025-04-01"),
            ][..],
        ),
        (
            "dispute",
            "诉前台账",
            ["争议编号", "单位", "涉及单位", "争议类型"],
            &["化解结果"][..],
            &[
                ("单位", "都匀市"),
                ("收到日期", "2025-03-03"),
                ("化解日期", "2025-03-20"),
            ][..],
        ),
    ] {
        let ws = Workspace::new();
        let path = template(&ws, kind, &format!("{label}_2025-06-30.xlsx"));
        let columns = headers(&path, label);
        assert_eq!(columns[..4], first, "{kind}");
        let validations = validations(&path);
        let validated: Vec<&str> = validations
            .iter()
            .map(|(col, _)| columns[*col].as_str())
            .collect();
        assert_eq!(validated, lists, "{kind}");
        let mut rows = Vec::new();
        for (col, formula) in &validations {
            let header = *lists
                .iter()
                .find(|l| **l == columns[*col])
                .expect("a listed column");
            for value in list_values(&path, formula) {
                let number = format!("编〔2025〕{}号", rows.len() + 1);
                let mut cells: Row = base.iter().map(|(h, v)| (*h, (*v).to_owned())).collect();
                cells.push((
                    if kind == "dispute" {
                        "争议编号"
                    } else {
                        "文号"
                    },
                    number,
                ));
                if kind == "rectification" && header != "文书类型" {
                    cells.push(("文书类型", "司法建议书".to_owned()));
                }
                if kind == "dispute" && header != "化解结果" {
                    cells.push(("化解结果", "化解成功".to_owned()));
                }
                cells.push((header, value));
                rows.push(cells);
            }
        }
        assert!(rows.len() >= 4, "{kind}: {rows:?}");
        fill(&path, &rows);
        ws.run(["check".as_ref(), path.as_os_str()])
            .success()
            .stdout_has(&["checked 1 file: 0 errors, 0 warnings"]);
    }
}

/// Asserts how a worksheet part prints: A4 turned as said, one page wide and as many
/// down as needed, the page number in the footer.
#[track_caller]
fn assert_prints(path: &std::path::Path, sheet_part: &str, orientation: &str) {
    let xml = part(path, sheet_part);
    assert!(
        xml.contains("<pageSetUpPr fitToPage=\"1\"/>"),
        "{sheet_part}: {xml}"
    );
    let setup = xml
        .split("<pageSetup ")
        .nth(1)
        .and_then(|s| s.split("/>").next())
        .unwrap_or_else(|| panic!("{sheet_part}: no pageSetup"));
    for attribute in [
        "paperSize=\"9\"".to_owned(),
        format!("orientation=\"{orientation}\""),
        "fitToHeight=\"0\"".to_owned(),
    ] {
        assert!(setup.contains(&attribute), "{sheet_part}: {setup}");
    }
    assert!(
        xml.contains("<oddFooter>&amp;C第 &amp;P 页，共 &amp;N 页</oddFooter>"),
        "{sheet_part}"
    );
}

#[test]
fn workbooks_print_one_page_wide_with_their_headers_on_every_page() {
    // Printed before, the blank form spread over six portrait pages of four columns.
    let ws = Workspace::new();
    let path = template(&ws, "reconsideration", "复议台账模板.xlsx");
    assert_prints(&path, "xl/worksheets/sheet1.xml", "landscape");
    assert_prints(&path, "xl/worksheets/sheet2.xml", "portrait");
    let book = part(&path, "xl/workbook.xml");
    assert!(
        book.contains("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">复议台账!$1:$1</definedName>"),
        "{book}"
    );
    // The report's and the 调度 sheet's workbooks too.
    let report = ws.path().join("report.xlsx");
    ws.run([
        "demo".as_ref(),
        "--format".as_ref(),
        "xlsx".as_ref(),
        "-o".as_ref(),
        report.as_os_str(),
    ])
    .success();
    for sheet in 1..=3 {
        assert_prints(
            &report,
            &format!("xl/worksheets/sheet{sheet}.xml"),
            "landscape",
        );
    }
    assert!(part(&report, "xl/workbook.xml").contains("_xlnm.Print_Titles"));
    let leads = ws.path().join("leads.xlsx");
    ws.run([
        "demo".as_ref(),
        "leads".as_ref(),
        "--format".as_ref(),
        "xlsx".as_ref(),
        "-o".as_ref(),
        leads.as_os_str(),
    ])
    .success();
    assert_prints(&leads, "xl/worksheets/sheet1.xml", "landscape");
}
