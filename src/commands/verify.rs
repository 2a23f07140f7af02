//! `caseledger verify`: whether a ledger is sound. Prints every problem the ledger's
//! check finds (they are the result, like `check`'s) and fails, or one `ok` line.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};

use crate::ledger::Ledger;

pub fn run(ledger_path: &Path, out: &mut dyn Write) -> Result<ExitCode> {
    let ledger = Ledger::open_to_verify(ledger_path)?;
    let found = ledger
        .verify()
        .with_context(|| format!("cannot verify ledger `{}`", ledger_path.display()))?;
    if found.is_sound() {
        writeln!(
            out,
            "ok: {} batches, {} cases, {} versions, {} sightings (schema version {})",
            found.batches, found.cases, found.versions, found.sightings, found.schema
        )?;
        return Ok(ExitCode::SUCCESS);
    }
    for problem in &found.problems {
        writeln!(out, "{problem}")?;
    }
    if found.more > 0 {
        writeln!(out, "and {} more", found.more)?;
    }
    if let Some(reason) = found.skipped {
        writeln!(out, "caseledger's own checks were not run: {reason}")?;
    }
    let count = found.count();
    writeln!(
        out,
        "{count} {} in ledger `{}`",
        if count == 1 { "problem" } else { "problems" },
        ledger_path.display()
    )?;
    Ok(ExitCode::FAILURE)
}
