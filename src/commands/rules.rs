//! `caseledger rules`: the 口径 a bureau keeps in its ledger, shown, changed or reset.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;

use crate::cli::{RulesAction, RulesArgs};
use crate::ledger::Ledger;
use crate::model::Rules;

pub fn run(ledger_path: &Path, args: &RulesArgs, out: &mut dyn Write) -> Result<ExitCode> {
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
        let default = if default.is_empty() { "none" } else { &default };
        if note.is_empty() {
            writeln!(out, "{key} = {value}")?;
        } else {
            writeln!(out, "{key} = {value}{note}{default})")?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
