//! Comparing two imports of the same cases: what a ledger says about them (the 2021
//! report by unit, and every case), and the ledger the plain one-row-header CSV gives.
//!
//! Every import here is `--as-of 2021-12-31`, so no file name or date decides a batch's
//! date of knowledge and two ledgers differ only by what was read from the files.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::case_set::Table;
use crate::sheet::{Sheet, save_workbook};
use crate::support::{Run, Workspace, fixtures};

pub const AS_OF: &str = "2021-12-31";

/// What a ledger says: the 2021 report with its by-unit rows, and the current cases.
#[derive(Debug)]
pub struct Ledger {
    pub report: Value,
    pub cases: Value,
}

impl Ledger {
    /// Reads the figures and the cases of a workspace's ledger.
    pub fn of(ws: &Workspace) -> Ledger {
        Ledger {
            report: ws.report_json(&["--from", "2021-01-01", "--to", AS_OF, "--by", "unit"]),
            cases: serde_json::from_str(&ws.ok(["cases", "--format", "json"])).expect("cases JSON"),
        }
    }

    pub fn case_count(&self) -> usize {
        self.cases.as_array().expect("a JSON array of cases").len()
    }
}

/// `import --as-of 2021-12-31 FILES…`, which must succeed.
pub fn import(ws: &Workspace, files: &[PathBuf]) -> Run {
    ws.run(import_args(files)).success()
}

/// `import --as-of 2021-12-31 FILES…`, whatever its outcome.
pub fn try_import(ws: &Workspace, files: &[PathBuf]) -> Run {
    ws.run(import_args(files))
}

fn import_args(files: &[PathBuf]) -> Vec<OsString> {
    let mut args: Vec<OsString> = vec!["import".into(), "--as-of".into(), AS_OF.into()];
    args.extend(files.iter().map(|f| f.as_os_str().to_owned()));
    args
}

/// Loads the unit registry fixture (`单位名录.csv`) into the workspace's ledger.
pub fn load_registry(ws: &Workspace) {
    let dir = ws.copy_fixtures(&["单位名录.csv"]);
    ws.ok([
        "units".as_ref(),
        "import".as_ref(),
        dir.join("单位名录.csv").as_os_str(),
    ]);
}

/// Writes each table as a plain CSV file into the workspace.
pub fn write_csv(ws: &Workspace, tables: &[Table]) -> Vec<PathBuf> {
    (1..)
        .zip(tables)
        .map(|(n, table)| ws.write(&format!("plain/台账{n}.csv"), &table.to_csv()))
        .collect()
}

/// Writes sheets as one workbook called `name` in the workspace.
pub fn write_workbook(ws: &Workspace, name: &str, sheets: &[Sheet]) -> PathBuf {
    let path = ws.path().join(name);
    save_workbook(sheets, &path).expect("write workbook");
    path
}

/// Writes each sheet as the CSV file Excel would save from it, named after the sheet.
pub fn write_sheets_as_csv(ws: &Workspace, sheets: &[Sheet]) -> Vec<PathBuf> {
    sheets
        .iter()
        .map(|s| ws.write(&format!("{}.csv", s.name), &s.to_csv()))
        .collect()
}

/// Copies a fixture of `tests/data/layouts/` into the workspace.
pub fn layout_fixture(ws: &Workspace, name: &str) -> PathBuf {
    let bytes = std::fs::read(fixtures().join("layouts").join(name)).expect("fixture");
    ws.write(&format!("in/{name}"), &bytes)
}

/// A workspace whose ledger holds the tables imported as plain CSV files; every row must
/// become a case, so that no comparison with it holds for want of cases.
pub fn csv_workspace(tables: &[Table]) -> Workspace {
    baseline(tables, false)
}

/// [`csv_workspace`], into a ledger that first loaded the unit registry.
pub fn csv_workspace_with_registry(tables: &[Table]) -> Workspace {
    baseline(tables, true)
}

fn baseline(tables: &[Table], registry: bool) -> Workspace {
    let ws = Workspace::new();
    if registry {
        load_registry(&ws);
    }
    import(&ws, &write_csv(&ws, tables));
    let rows: usize = tables.iter().map(|t| t.rows.len()).sum();
    assert_eq!(
        Ledger::of(&ws).case_count(),
        rows,
        "every plain row is a case"
    );
    ws
}

/// Asserts two ledgers give the same report and hold the same cases.
#[track_caller]
pub fn assert_same(layout: &Ledger, plain: &Ledger, what: &str) {
    let pretty = |v: &Value| serde_json::to_string_pretty(v).expect("JSON");
    assert_eq!(
        pretty(&layout.report),
        pretty(&plain.report),
        "{what}: the report differs from the plain CSV's"
    );
    assert_eq!(
        pretty(&layout.cases),
        pretty(&plain.cases),
        "{what}: the cases differ from the plain CSV's"
    );
}

/// The lines of a run's stdout and stderr that mention `file` and say something was
/// skipped or ignored: the notes about rows that are not cases.
pub fn skip_notes(run: &Run, file: &Path) -> Vec<String> {
    let name = file
        .file_name()
        .expect("file name")
        .to_string_lossy()
        .into_owned();
    let words = ["skip", "ignor", "跳过", "忽略"];
    format!("{}\n{}", run.stdout(), run.stderr())
        .lines()
        .filter(|line| line.contains(&name))
        .filter(|line| {
            let lower = line.to_lowercase();
            words.iter().any(|w| lower.contains(w))
        })
        .map(str::to_owned)
        .collect()
}
