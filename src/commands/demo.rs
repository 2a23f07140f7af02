//! `caseledger demo`: the shipped sample, imported into a throw-away ledger and reported,
//! so a new user sees the whole job with one command and no set-up.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};

use crate::cli::{DemoArgs, DemoThen};
use crate::ingest::ImportOptions;
use crate::ledger::Ledger;
use crate::report::ReportOptions;
use crate::spreadsheet::ReadOptions;

/// The sample's folder, benchmarks and unit registry within the source tree.
const SAMPLE: &str = "data/sample";
const BENCHMARKS: &str = "data/benchmarks.csv";
const UNITS: &str = "data/units.csv";

pub fn run(args: &DemoArgs, out: &mut dyn Write) -> Result<ExitCode> {
    let data = args.data.clone().unwrap_or_else(|| in_checkout(SAMPLE));
    if !data.is_dir() {
        bail!("no sample folder at `{}`: give --data DIR", data.display());
    }
    let dir =
        tempfile::tempdir().context("cannot create a temporary folder for the demo ledger")?;
    let ledger_path = dir.path().join("demo.sqlite");
    let mut ledger = Ledger::open_or_create(&ledger_path)?;
    if let Some(file) = optional(args.units.as_ref(), UNITS) {
        let display = file.display().to_string();
        let registry = crate::spreadsheet::units::read(&file, &display)
            .map_err(|d| listing("the unit registry", &d))?;
        ledger.store_units(&registry)?;
    }
    let options = ImportOptions::now(ReadOptions::default());
    let summary = super::import::import_paths(&mut ledger, &[data], &options)?;
    let mut log = std::io::stderr().lock();
    super::import::finish(&summary, false, "a temporary ledger", &mut log)?;
    if let Some(file) = optional(args.benchmarks.as_ref(), BENCHMARKS) {
        let display = file.display().to_string();
        let read = crate::spreadsheet::benchmarks::read(&file, &display)
            .map_err(|d| listing("the benchmarks", &d))?;
        ledger.store_benchmarks(&read, &options.imported_at)?;
    }
    match &args.then {
        None => {
            let mut options = ReportOptions::default();
            super::report::set_breakdown(&mut options, &args.breakdown)?;
            super::report::print(&ledger, &options, &args.output, out)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(DemoThen::Due(due)) => super::due::print(&ledger, due, out),
        Some(DemoThen::Leads(leads)) => super::leads::print(&ledger, leads, out),
    }
}

/// A file given on the command line, else the shipped one if it exists.
fn optional(given: Option<&PathBuf>, shipped: &str) -> Option<PathBuf> {
    given
        .cloned()
        .or_else(|| Some(in_checkout(shipped)).filter(|p| p.is_file()))
}

/// The diagnostics of a shipped file as one error.
fn listing(what: &str, diagnostics: &[crate::spreadsheet::Diagnostic]) -> anyhow::Error {
    let lines: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
    anyhow::anyhow!("cannot read {what}:\n{}", lines.join("\n"))
}

/// A path under the current folder, else under the source tree this binary was built
/// from (so `cargo run -- demo` works from anywhere in a checkout).
fn in_checkout(relative: &str) -> PathBuf {
    let here = PathBuf::from(relative);
    if here.exists() {
        here
    } else {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(relative)
    }
}
