//! Damaged and hostile files: each is refused with a message naming the file (and row and
//! column where there is one) and leaves a ledger byte for byte as it was, or is read with
//! a warning that says what looks wrong. The table of `docs/BAD_INPUT.md` comes from these
//! inputs at full size (100,000 columns there, 20,000 here).

use rust_xlsxwriter::Workbook;

use crate::support::{Run, Workspace, fixtures};

const GOOD: &str = "复议台账_都匀市_2021-03-05.csv";

/// The good fixture's bytes, split into lines (without their line breaks).
fn good_lines() -> Vec<Vec<u8>> {
    let bytes = std::fs::read(fixtures().join(GOOD)).expect("read fixture");
    bytes
        .split(|b| *b == b'\n')
        .filter(|line| !line.is_empty())
        .map(<[u8]>::to_vec)
        .collect()
}

/// Lines joined with line breaks, each one ended by a line break.
fn lines(lines: &[Vec<u8>]) -> Vec<u8> {
    lines
        .iter()
        .flat_map(|l| [l.as_slice(), b"\n"].concat())
        .collect()
}

/// A workspace whose ledger holds the good fixture, with the ledger's bytes and report.
struct Seeded {
    ws: Workspace,
    ledger: Vec<u8>,
    report: String,
}

impl Seeded {
    fn new() -> Seeded {
        let ws = Workspace::new();
        let dir = ws.copy_fixtures(&[GOOD]);
        ws.ok(["import".as_ref(), dir.join(GOOD).as_os_str()]);
        let ledger = std::fs::read(ws.ledger()).expect("read ledger");
        let report = ws.ok(["report", "--format", "json", "--by", "unit"]);
        Seeded { ws, ledger, report }
    }

    /// `check` and `import` of a file holding `bytes`.
    fn check_and_import(&self, name: &str, bytes: &[u8]) -> (Run, Run) {
        let path = self.ws.write(&format!("bad/{name}"), bytes);
        let check = self.ws.run(["check".as_ref(), path.as_os_str()]);
        let import = self.ws.run(["import".as_ref(), path.as_os_str()]);
        (check, import)
    }

    #[track_caller]
    fn assert_unchanged(&self, name: &str) {
        let ledger = std::fs::read(self.ws.ledger()).expect("read ledger");
        assert!(ledger == self.ledger, "{name}: the ledger's bytes changed");
        let report = self.ws.ok(["report", "--format", "json", "--by", "unit"]);
        assert_eq!(report, self.report, "{name}: the report changed");
    }

    /// The report is unchanged (the ledger gained a batch that lists no new facts).
    #[track_caller]
    fn assert_unchanged_report(&self, name: &str) {
        let report = self.ws.ok(["report", "--format", "json", "--by", "unit"]);
        assert_eq!(report, self.report, "{name}: the report changed");
    }

    /// Both commands fail, each printing every one of `needles` (check on stdout, import on
    /// stderr, where each writes diagnostics), and the ledger is untouched.
    #[track_caller]
    fn refused(&self, name: &str, bytes: &[u8], needles: &[&str]) {
        let needles: Vec<String> = needles.iter().map(|n| format!("{name}{n}")).collect();
        let needles: Vec<&str> = needles.iter().map(String::as_str).collect();
        let (check, import) = self.check_and_import(name, bytes);
        check.failure().stdout_has(&needles);
        import
            .failure()
            .stderr_has(&needles)
            .stderr_has(&["nothing was imported"]);
        self.assert_unchanged(name);
    }

    /// Both commands succeed; an empty file adds nothing, not even a batch.
    #[track_caller]
    fn skipped_as_empty(&self, name: &str, bytes: &[u8]) {
        let (check, import) = self.check_and_import(name, bytes);
        check
            .success()
            .stdout_has(&["checked 1 file: 0 errors, 0 warnings"]);
        import
            .success()
            .stdout_has(&[&format!("{name}: no rows; skipped")]);
        self.assert_unchanged(name);
    }
}

#[test]
fn truncated_files() {
    let seeded = Seeded::new();
    let good = good_lines();
    let row4 = &good[3];

    // Cut mid-row (after 受理日期 of row 4): read, with a warning naming the row.
    let end = find(row4, b"2021.2.12") + "2021.2.12".len();
    let mut cut = lines(&good[..3]);
    cut.extend_from_slice(&row4[..end]);
    let name = "cut_mid_row_2021-03-05.csv";
    let warning = format!("{name}:4: warning: the file ends inside this row (7 of 11 cells)");
    // It is imported: the others below are compared with a ledger that has not seen it.
    let (check, import) = Seeded::new().check_and_import(name, &cut);
    check
        .success()
        .stdout_has(&[&warning, "0 errors, 1 warning"]);
    import.success().stderr_has(&[&warning]);

    // Cut inside a character of 被申请人 on row 4.
    let inside = find(row4, "都匀市市场".as_bytes()) + 4;
    let mut cut = lines(&good[..3]);
    cut.extend_from_slice(&row4[..inside]);
    seeded.refused(
        "cut_mid_char_2021-03-05.csv",
        &cut,
        &[":4:column 4: error: bytes that are not UTF-8, in a file read as UTF-8"],
    );

    // Cut inside a quoted 申请事项 that spans two lines.
    let quoted = String::from_utf8(row4.clone())
        .expect("utf-8")
        .replace("行政处罚", "\"行政处罚，含\n多项\"");
    let mut cut = lines(&good[..3]);
    cut.extend_from_slice(&quoted.as_bytes()[..=find(quoted.as_bytes(), b"\n")]);
    seeded.refused(
        "cut_mid_quote_2021-03-05.csv",
        &cut,
        &[
            ":4:收到申请日期: error: a date is required here",
            ":4: warning: the file ends inside this row (5 of 11 cells, in a quote never closed)",
        ],
    );

    // A workbook cut in half.
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (col, header) in ["复议案号", "单位", "收到申请日期"].iter().enumerate() {
        sheet.write_string(0, col as u16, *header).expect("cell");
    }
    let xlsx = book.save_to_buffer().expect("workbook");
    seeded.refused(
        "cut_half_2021-03-05.xlsx",
        &xlsx[..xlsx.len() / 2],
        &[": error: cannot read the workbook"],
    );
}

#[test]
fn wrong_encodings() {
    let seeded = Seeded::new();
    let good =
        String::from_utf8(std::fs::read(fixtures().join(GOOD)).expect("fixture")).expect("utf-8");
    let utf16 = |big_endian: bool| -> Vec<u8> {
        let units = good.encode_utf16();
        let mut bytes = if big_endian {
            vec![0xFE, 0xFF]
        } else {
            vec![0xFF, 0xFE]
        };
        for unit in units {
            bytes.extend(if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            });
        }
        bytes
    };
    let utf16_message = ": error: the file is UTF-16 (Excel's \"Unicode text\")";
    seeded.refused("utf16le_2021-03-05.csv", &utf16(false), &[utf16_message]);
    seeded.refused("utf16be_2021-03-05.csv", &utf16(true), &[utf16_message]);
    // UTF-16 without its byte-order mark is caught by its NUL bytes (the first one is the
    // high byte of the first comma, so it opens column 2).
    seeded.refused(
        "utf16_no_bom_2021-03-05.csv",
        &utf16(false)[2..],
        &[":1:column 2: error: a NUL byte"],
    );

    // Latin-1 cannot spell a Chinese header: the file is no ledger.
    seeded.refused(
        "latin1_2021-03-05.csv",
        b"case_no,unit,received\nA-1,Z\xFCrich,2021-01-05\n",
        &[":1: error: cannot tell which ledger this is (复议台账, 应诉台账, 整改台账 or 诉前台账)"],
    );
    // Windows-1252 quotes and accents decode as neither UTF-8 nor GB18030.
    seeded.refused(
        "cp1252_2021-03-05.csv",
        b"Caf\xE9,\x93quoted\x94\n1,2\n",
        &[":1:column 1: error: bytes that are neither UTF-8 nor GB18030/GBK"],
    );
    // A GBK row appended to a UTF-8 file (GBK for 都府复〔2021〕7号).
    let mut mixed = good.clone().into_bytes();
    mixed.extend_from_slice(b"\xB6\xBC\xB8\xAE\xB8\xB4\xA1\xB22021\xA1\xB37\xBA\xC5,x\n");
    seeded.refused(
        "gbk_in_utf8_2021-03-05.csv",
        &mixed,
        &[":7:column 1: error: bytes that are not UTF-8, in a file read as UTF-8"],
    );
}

#[test]
fn nul_bytes() {
    let seeded = Seeded::new();
    let mut good = good_lines();
    // A NUL after a known case number would otherwise make it a new, different case.
    good[1] = [
        &good[1][..find(&good[1], b",")],
        b"\0",
        &good[1][find(&good[1], b",")..],
    ]
    .concat();
    seeded.refused(
        "nul_in_cell_2021-03-05.csv",
        &lines(&good),
        &[":2:column 1: error: a NUL byte, which spreadsheets never write"],
    );
    seeded.refused(
        "nul_only_2021-03-05.csv",
        &[0; 1024],
        &[":1:column 1: error: a NUL byte"],
    );
}

#[test]
fn a_ten_megabyte_cell() {
    let seeded = Seeded::new();
    let row = "都府复〔2021〕8号,都匀市,周某,都匀市公安局,行政处罚,2021-02-01,2021-02-02,2021-03-01,维持,,";
    let big = "x".repeat(10 << 20);
    let mut note = lines(&good_lines());
    note.extend_from_slice(format!("{row}{big}\n").as_bytes());
    // Past the 4 MiB a row may hold, the row is stopped while it is read, before the
    // cell's length can be counted.
    let message = ":7: error: cannot read the file here: a row of more than 4 MiB";
    seeded.refused("big_note_2021-03-05.csv", &note, &[message]);

    let mut case_no = lines(&good_lines());
    let rest = &row[find(row.as_bytes(), b",")..];
    case_no.extend_from_slice(format!("{big}{rest}\n").as_bytes());
    seeded.refused("big_case_no_2021-03-05.csv", &case_no, &[message]);
    // Under the row bound, the cell bound names the cell.
    let long = "x".repeat(40_000);
    let mut note = lines(&good_lines());
    note.extend_from_slice(format!("{row}{long}\n").as_bytes());
    let message = ":7:column 11: error: a cell of 40000 characters (`xxxxxxxxxxxx…`), more than a spreadsheet cell holds (32767)";
    seeded.refused("long_note_2021-03-05.csv", &note, &[message]);
}

#[test]
fn duplicate_headers() {
    let seeded = Seeded::new();
    let with_column = |header: &str| {
        let mut good = good_lines();
        good[0].extend_from_slice(format!(",{header}").as_bytes());
        for line in &mut good[1..] {
            line.extend_from_slice(b",x");
        }
        lines(&good)
    };
    seeded.refused(
        "dup_case_no_2021-03-05.csv",
        &with_column("复议案号"),
        &[":1:复议案号: error: columns `复议案号` and `复议案号` both give `case_no`; keep one"],
    );
    seeded.refused(
        "dup_note_2021-03-05.csv",
        &with_column("备注"),
        &[":1:备注: error: columns `备注` and `备注` both give `note`; keep one"],
    );
}

#[test]
fn sixteen_thousand_columns() {
    // Nearly as wide as a sheet (16,384 columns; a wider row is refused, see csv_rows).
    let seeded = Seeded::new();
    let columns = 16_000;
    let mut wide = good_lines();
    let extra = columns - 11;
    let names: Vec<String> = (0..extra).map(|i| format!("c{i}")).collect();
    wide[0].extend_from_slice(format!(",{}", names.join(",")).as_bytes());
    for line in &mut wide[1..] {
        line.extend(std::iter::repeat_n(b',', extra));
    }
    let name = "wide_2021-03-05.csv";
    let (check, import) = seeded.check_and_import(name, &lines(&wide));
    // Every column nothing knows is named, each with the line that settles it.
    check.failure().stdout_has(&[
        "c0: error: unknown column `c0`",
        "caseledger columns map 'c15988=-' --kind reconsideration",
        &format!("checked 1 file: {extra} errors, 0 warnings"),
    ]);
    import.failure().stderr_has(&["nothing was imported"]);
    seeded.assert_unchanged(name);
}

#[test]
fn header_only_and_empty_files() {
    let seeded = Seeded::new();
    let header = lines(&good_lines()[..1]);
    let name = "header_only_2021-03-05.csv";
    let header_only = Seeded::new();
    let (check, import) = header_only.check_and_import(name, &header);
    check
        .success()
        .stdout_has(&["checked 1 file: 0 errors, 0 warnings"]);
    import
        .success()
        .stdout_has(&["0 rows: 0 new, 0 changed, 0 unchanged"]);
    header_only.assert_unchanged_report(name);

    seeded.skipped_as_empty("empty_2021-03-05.csv", b"");
    seeded.skipped_as_empty("bom_only_2021-03-05.csv", b"\xEF\xBB\xBF");
    seeded.skipped_as_empty("blank_lines_2021-03-05.csv", b"\n\r\n\n\n");
}

fn find(haystack: &[u8], needle: &[u8]) -> usize {
    haystack
        .windows(needle.len())
        .position(|w| w == needle)
        .expect("needle in fixture")
}
