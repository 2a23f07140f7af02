//! `caseledger benchmark import`: reference rates into the ledger.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Result, bail};

use crate::cli::{BenchmarkAction, BenchmarkArgs};
use crate::ingest;
use crate::ledger::Ledger;
use crate::spreadsheet::benchmarks;

pub fn run(ledger_path: &Path, args: &BenchmarkArgs, out: &mut dyn Write) -> Result<ExitCode> {
    let BenchmarkAction::Import { file } = &args.action;
    let display = file.display().to_string();
    let benchmarks = match benchmarks::read(file, &display) {
        Ok(benchmarks) => benchmarks,
        Err(diagnostics) => {
            for d in &diagnostics {
                eprintln!("{d}");
            }
            bail!(
                "{} in `{display}`; nothing was imported",
                match diagnostics.len() {
                    1 => "1 error".to_owned(),
                    n => format!("{n} errors"),
                }
            );
        }
    };
    let mut ledger = Ledger::open_or_create(ledger_path)?;
    let imported_at = ingest::timestamp();
    let (new, replaced) = ledger.store_benchmarks(&benchmarks, &imported_at)?;
    writeln!(
        out,
        "imported {} benchmarks from {display} ({new} new, {replaced} replaced)",
        benchmarks.len()
    )?;
    Ok(ExitCode::SUCCESS)
}
