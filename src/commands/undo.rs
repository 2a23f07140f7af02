//! `caseledger undo`: taking a bad week back out, so every report is as if it had never
//! been imported.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;

use crate::cli::UndoArgs;
use crate::ledger::Ledger;

pub fn run(ledger_path: &Path, args: &UndoArgs, out: &mut dyn Write) -> Result<ExitCode> {
    let mut ledger = Ledger::open_existing(ledger_path)?;
    let undone = ledger.undo(args.batch_id)?;
    writeln!(
        out,
        "removed batch {} ({}, as of {}): {} versions{}{}",
        undone.batch_id,
        undone.file,
        undone.as_of,
        undone.versions,
        match undone.carried_forward {
            0 => String::new(),
            n => format!("; {n} kept by the later batches that listed them unchanged"),
        },
        match undone.cases_removed {
            0 => String::new(),
            n => format!("; {n} cases no other batch lists were removed"),
        },
    )?;
    Ok(ExitCode::SUCCESS)
}
