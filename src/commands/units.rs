//! `caseledger units`: the unit registry, one name per county, kept in the ledger.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Result, bail};

use crate::cli::{UnitsAction, UnitsArgs};
use crate::ledger::Ledger;
use crate::spreadsheet::units;

pub fn run(ledger_path: &Path, args: &UnitsArgs, out: &mut dyn Write) -> Result<ExitCode> {
    match &args.action {
        UnitsAction::Import { file } => {
            let display = file.display().to_string();
            let registry = match units::read(file, &display) {
                Ok(registry) => registry,
                Err(diagnostics) => {
                    for d in &diagnostics {
                        eprintln!("{d}");
                    }
                    bail!("`{display}` has errors; the registry was not changed");
                }
            };
            let mut ledger = Ledger::open_or_create(ledger_path)?;
            ledger.store_units(&registry)?;
            let aliases: usize = registry.units().iter().map(|u| u.aliases.len()).sum();
            writeln!(
                out,
                "imported {} units with {aliases} aliases from {display}",
                registry.units().len()
            )?;
        }
        UnitsAction::Show => {
            let registry = Ledger::open_existing(ledger_path)?.unit_registry()?;
            if registry.is_empty() {
                writeln!(
                    out,
                    "no unit registry: units are taken as written (caseledger units import FILE)"
                )?;
            }
            for unit in registry.units() {
                let code = unit
                    .code
                    .as_deref()
                    .map(|c| format!(" [{c}]"))
                    .unwrap_or_default();
                writeln!(out, "{}{code}: {}", unit.name, unit.aliases.join("、"))?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
