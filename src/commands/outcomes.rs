//! `caseledger outcomes`: an office's own outcome wording (维持原具体行政行为 …), mapped
//! once to a canonical outcome and stored in the ledger for every later import and check.
//! Nothing is ever mapped without the user saying so.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Result, bail};

use super::support::parse_mappings;
use crate::cli::{OutcomesAction, OutcomesArgs};
use crate::ledger::Ledger;
use crate::model::OutcomeMap;
use crate::model::outcome::spelling_key;

pub fn run(ledger_path: &Path, args: &OutcomesArgs, out: &mut dyn Write) -> Result<ExitCode> {
    match &args.action {
        OutcomesAction::Map { entries } => map(ledger_path, entries, out),
        OutcomesAction::Show => {
            let map = Ledger::open_existing(ledger_path)?.outcome_map()?;
            if map.is_empty() {
                writeln!(
                    out,
                    "no outcome spellings are mapped: only the built-in ones are read (docs/FORMAT.md lists them)"
                )?;
            }
            for (spelling, outcome) in map.iter() {
                writeln!(out, "{spelling} = {outcome}")?;
            }
            Ok(ExitCode::SUCCESS)
        }
        OutcomesAction::Unmap { spellings } => unmap(ledger_path, spellings, out),
    }
}

/// Stores every mapping, or none of them if one is wrong.
fn map(ledger_path: &Path, entries: &[String], out: &mut dyn Write) -> Result<ExitCode> {
    let mappings = parse_mappings(entries, OutcomeMap::parse_entry)?;
    Ledger::open_or_create(ledger_path)?.map_outcomes(&mappings)?;
    for (spelling, outcome) in &mappings {
        writeln!(out, "{spelling} = {outcome}")?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Removes mappings, matched the way spellings are read (spaces and punctuation aside).
fn unmap(ledger_path: &Path, spellings: &[String], out: &mut dyn Write) -> Result<ExitCode> {
    let mut ledger = Ledger::open_existing(ledger_path)?;
    let map = ledger.outcome_map()?;
    let mut stored = Vec::new();
    for spelling in spellings {
        let key = spelling_key(spelling.trim());
        match map.iter().find(|(s, _)| spelling_key(s) == key) {
            Some((s, outcome)) => stored.push((s.to_owned(), outcome)),
            None => {
                bail!("`{spelling}` is not mapped (caseledger outcomes show lists the mappings)")
            }
        }
    }
    let spellings: Vec<String> = stored.iter().map(|(s, _)| s.clone()).collect();
    ledger.unmap_outcomes(&spellings)?;
    for (spelling, outcome) in stored {
        writeln!(out, "{spelling} is no longer read as {outcome}")?;
    }
    Ok(ExitCode::SUCCESS)
}
