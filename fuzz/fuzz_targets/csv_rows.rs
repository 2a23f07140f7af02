//! Arbitrary bytes through the reader exactly as `check` and `import` read one CSV or TSV
//! file: encoding detection, the header search, kind and column detection, and every row
//! turned into a case or diagnostics. Any panic is a bug.
//!
//! The first byte chooses the options (bit 0: a `.tsv` file; bits 1–2: no `--kind`, or
//! either kind; bit 3: `--unit`; bit 4: a file name without a kind); the rest is the file.

#![no_main]

use std::hint::black_box;
use std::path::Path;

use caseledger::model::Kind;
use caseledger::spreadsheet::{self, ReadOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&choice, bytes)) = data.split_first() else {
        return;
    };
    let options = ReadOptions {
        kind: match (choice >> 1) & 3 {
            1 => Some(Kind::Reconsideration),
            2 => Some(Kind::Litigation),
            _ => None,
        },
        unit: (choice & 8 != 0).then(|| "都匀市".to_owned()),
        ..ReadOptions::default()
    };
    let name = match (choice & 1 != 0, choice & 16 != 0) {
        (false, false) => "复议台账_2021-08-31.csv",
        (true, false) => "应诉台账_2021-08-31.tsv",
        (false, true) => "周报.csv",
        (true, true) => "周报.tsv",
    };
    let as_of = chrono::NaiveDate::from_ymd_opt(2021, 8, 31).unwrap_or_default();
    let (file, rows) = match spreadsheet::open_csv_bytes(Path::new(name), name, bytes.to_vec(), &options)
    {
        Ok(Some(opened)) => opened,
        Ok(None) => return,
        Err(diagnostics) => {
            for d in &diagnostics {
                black_box(d.to_string());
            }
            return;
        }
    };
    for d in &file.warnings {
        black_box(d.to_string());
    }
    black_box(file.label());
    for row in rows {
        let raw = match row {
            Ok(raw) => raw,
            Err(diagnostic) => {
                black_box(diagnostic.to_string());
                continue;
            }
        };
        let row_no = raw.row;
        let Some(parsed) = file.parse(raw) else {
            continue;
        };
        for d in &parsed.diagnostics {
            black_box(d.to_string());
        }
        if let Some(case) = parsed.case {
            black_box(case.latest_date());
            black_box(case.case_no.key());
            for d in file.dates_after(row_no, &case, as_of) {
                black_box(d.to_string());
            }
            black_box(file.cell_of(row_no, spreadsheet::Field::CaseNo));
        }
    }
});
