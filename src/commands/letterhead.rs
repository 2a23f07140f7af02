//! `caseledger letterhead`: the words of the bureau's 通报 kept in its ledger, shown,
//! changed or reset.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;

use crate::cli::{LetterheadAction, LetterheadArgs};
use crate::ledger::Ledger;
use crate::model::Letterhead;

pub fn run(ledger_path: &Path, args: &LetterheadArgs, out: &mut dyn Write) -> Result<ExitCode> {
    let words = match &args.action {
        LetterheadAction::Show => Ledger::open_existing(ledger_path)?.letterhead()?,
        LetterheadAction::Set { key, value } => {
            Ledger::open_or_create(ledger_path)?.set_letterhead(key, value)?
        }
        LetterheadAction::Reset => {
            Ledger::open_existing(ledger_path)?.reset_letterhead()?;
            Letterhead::default()
        }
    };
    let defaults = Letterhead::default().to_text();
    for ((key, value), (_, default)) in words.to_text().into_iter().zip(defaults) {
        if value == default {
            writeln!(out, "{key} = {value}")?;
        } else {
            let default = if default.is_empty() { "none" } else { &default };
            writeln!(out, "{key} = {value}  (changed; the default is {default})")?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
