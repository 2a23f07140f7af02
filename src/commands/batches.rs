//! `caseledger batches`: every import, so a figure can be traced to the file behind it.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;

use crate::cli::{BatchesArgs, ListFormat};
use crate::ledger::Ledger;
use crate::render::table;
use crate::report;

pub fn list(ledger_path: &Path, args: &BatchesArgs, out: &mut dyn Write) -> Result<ExitCode> {
    let ledger = Ledger::open_existing(ledger_path)?;
    let batches = ledger.batches()?;
    match args.format {
        ListFormat::Json => report::write_json_value(&batches, out)?,
        ListFormat::Table => {
            let mut table = table::with_header([
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
