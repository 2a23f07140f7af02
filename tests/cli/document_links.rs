//! A document's 关联案号 links it to the case it came from, however the brackets are
//! written: `history` of the case names the document, and a number the ledger does not
//! hold is a warning naming the file, row, column and value.

use crate::support::Workspace;

const RECONSIDERATION: &str = "案号,单位,收案日期,受理日期,结案日期,结案方式
黔南府复决字〔2025〕15号,都匀市,2025-01-06,2025-01-08,2025-02-20,撤销
";

const DOCUMENTS: &str = "文号,文书类型,单位,关联案号,发出日期,收到日期
黔南府复意〔2025〕1号,行政复议意见书,都匀市,黔南府复决字(2025)15号,2025-02-20,2025-03-03
黔南府复意〔2025〕2号,行政复议意见书,都匀市,黔南府复决字〔2025〕99号,2025-02-21,2025-03-03
";

#[test]
fn a_document_names_its_case_and_an_unknown_number_is_a_warning() {
    let ws = Workspace::new();
    let recon = ws.write(
        "in/复议台账_都匀市_2025-03-31.csv",
        RECONSIDERATION.as_bytes(),
    );
    let documents = ws.write("in/整改台账_都匀市_2025-03-31.csv", DOCUMENTS.as_bytes());
    ws.run(["import".as_ref(), recon.as_os_str(), documents.as_os_str()])
        .success()
        .stderr_line_has(&[
            "整改台账_都匀市_2025-03-31.csv:3",
            "关联案号",
            "`黔南府复决字〔2025〕99号` is no case in the ledger",
        ])
        .stderr_lacks(&["黔南府复决字〔2025〕15号` is no case"]);
    ws.run(["history", "黔南府复决字〔2025〕15号"])
        .success()
        .stdout_has(&["named by documents (整改): 黔南府复意〔2025〕1号"]);
    let json = ws.ok(["history", "黔南府复决字〔2025〕15号", "--format", "json"]);
    let cases: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert_eq!(
        cases[0]["documents"],
        serde_json::json!(["黔南府复意〔2025〕1号"])
    );
}
