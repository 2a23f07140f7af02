//! `caseledger rules` and `caseledger units`: the 口径 and the unit registry a bureau
//! keeps in its ledger.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Result, bail};

use crate::cli::{RulesAction, RulesArgs, UnitsAction, UnitsArgs};
use crate::ledger::Ledger;
use crate::model::Rules;
use crate::spreadsheet::units;

pub fn rules(ledger_path: &Path, args: &RulesArgs, out: &mut dyn Write) -> Result<ExitCode> {
    let rules = match &args.action {
        RulesAction::Show => Ledger::open_existing(ledger_path)?.rules()?,
        RulesAction::Set { key, value } => {
            Ledger::open_or_create(ledger_path)?.set_rule(key, value)?
        }
        RulesAction::Reset => {
            Ledger::open_existing(ledger_path)?.reset_rules()?;
            Rules::default()
        }
    };
    let defaults = Rules::default().to_text();
    for ((key, value), (_, default)) in rules.to_text().into_iter().zip(defaults) {
        let note = if value == default {
            ""
        } else {
            "  (changed; the default is "
        };
        if note.is_empty() {
            writeln!(out, "{key} = {value}")?;
        } else {
            writeln!(out, "{key} = {value}{note}{default})")?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn units(ledger_path: &Path, args: &UnitsArgs, out: &mut dyn Write) -> Result<ExitCode> {
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
