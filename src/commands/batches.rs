//! `caseledger batches` and `caseledger undo`: where every number came from, and taking
//! a bad week back out.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;
use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{ContentArrangement, Table};

use crate::cli::{BatchesArgs, ListFormat, UndoArgs};
use crate::ledger::Ledger;
use crate::report;

pub fn list(ledger_path: &Path, args: &BatchesArgs, out: &mut dyn Write) -> Result<ExitCode> {
    let ledger = Ledger::open_existing(ledger_path)?;
    let batches = ledger.batches()?;
    match args.format {
        ListFormat::Json => report::write_json_value(&batches, out)?,
        ListFormat::Table => {
            let mut table = Table::new();
            table
                .load_style(UTF8_FULL_CONDENSED)
                .set_content_arrangement(ContentArrangement::Disabled)
                .set_header([
                    "id",
                    "file",
                    "kind",
                    "as of",
                    "imported at",
                    "rows",
                    "new",
                    "changed",
                    "unchanged",
                ]);
            for b in &batches {
                table.add_row([
                    b.id.to_string(),
                    b.file.clone(),
                    b.kind.clone(),
                    b.as_of.to_string(),
                    b.imported_at.clone(),
                    b.rows.to_string(),
                    b.new.to_string(),
                    b.changed.to_string(),
                    b.unchanged.to_string(),
                ]);
            }
            writeln!(out, "{table}")?;
            writeln!(out, "{} batches", batches.len())?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn undo(ledger_path: &Path, args: &UndoArgs, out: &mut dyn Write) -> Result<ExitCode> {
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
