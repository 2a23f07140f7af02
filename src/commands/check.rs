//! `caseledger check`: everything import checks, with nothing written — what an office
//! runs before it sends its weekly file. It needs no ledger; given one (`--ledger`), it
//! also applies that ledger's unit registry and outcome spellings, as import would.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::{Context, Result};

use super::import::import_options;
use crate::cli::CheckArgs;
use crate::ingest::{self, FileOutcome, Observer};
use crate::ledger::Ledger;
use crate::render::output::RemovedOnSignal;
use crate::spreadsheet::Diagnostic;

/// Prints every diagnostic to the results: for `check` they are the result.
struct Listing<'a> {
    out: &'a mut dyn Write,
    failed: Option<std::io::Error>,
}

impl Observer for Listing<'_> {
    fn diagnostic(&mut self, diagnostic: &Diagnostic) {
        if self.failed.is_none()
            && let Err(e) = writeln!(self.out, "{diagnostic}")
        {
            self.failed = Some(e);
        }
    }
}

pub fn run(ledger: Option<&Path>, args: &CheckArgs, out: &mut dyn Write) -> Result<ExitCode> {
    let mut options = import_options(&args.read, true);
    // The files are checked on their own: a case they name may well be in the real ledger.
    options.links = false;
    // A ledger that does not exist yet has nothing to apply: check needs none.
    if let Some(path) = ledger.filter(|p| p.exists()) {
        let ledger = Ledger::open_existing(path)?;
        let registry = ledger.unit_registry()?;
        if !registry.is_empty() {
            options.read.units = Some(Arc::new(registry));
        }
        let outcomes = ledger.outcome_map()?;
        if !outcomes.is_empty() {
            options.read.outcomes = Some(Arc::new(outcomes));
        }
        let headers = ledger.header_map()?;
        if !headers.is_empty() {
            options.read.headers = Some(Arc::new(headers));
        }
    }
    // A throw-away ledger on disk, not in memory: a large file must not fill the memory.
    let dir = tempfile::tempdir().context("cannot create a temporary folder")?;
    // Removed when `dir` is dropped, on every return; on an interruption, by this.
    let _removal = RemovedOnSignal::new(dir.path());
    let mut ledger = Ledger::open_or_create(&dir.path().join("check.sqlite"))?;
    let mut listing = Listing { out, failed: None };
    let summary = ingest::import(&mut ledger, &args.paths, &options, &mut listing)?;
    if let Some(e) = listing.failed {
        return Err(e.into());
    }
    for hint in super::import::column_hints(&summary) {
        writeln!(out, "{hint}")?;
    }
    if let Some(hint) = super::import::outcome_hint(&summary) {
        writeln!(out, "{hint}")?;
    }
    let files = summary
        .files
        .iter()
        .filter(|f| !matches!(f.outcome, FileOutcome::NotALedger))
        .count();
    writeln!(
        out,
        "checked {files} {}: {} {}, {} {}",
        if files == 1 { "file" } else { "files" },
        summary.errors,
        if summary.errors == 1 {
            "error"
        } else {
            "errors"
        },
        summary.warnings,
        if summary.warnings == 1 {
            "warning"
        } else {
            "warnings"
        },
    )?;
    Ok(if summary.errors > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
