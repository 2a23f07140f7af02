//! `caseledger backup`: a consistent copy of the ledger, taken while it is in use, with a
//! progress bar only when stderr is a terminal.

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressStyle};

use crate::cli::BackupArgs;
use crate::ledger::Ledger;
use crate::render::output::{self, Existing};

pub fn run(ledger_path: &Path, args: &BackupArgs, out: &mut dyn Write) -> Result<ExitCode> {
    let ledger = Ledger::open_existing(ledger_path)?;
    let bar = std::io::stderr().is_terminal().then(|| {
        let bar = ProgressBar::new(0);
        if let Ok(style) = ProgressStyle::with_template("{spinner} [{bar:30}] {pos}/{len} pages") {
            bar.set_style(style.progress_chars("=> "));
        }
        bar
    });
    let existing = if args.force {
        Existing::Replace
    } else {
        Existing::Keep
    };
    let staged = output::Staged::new(&args.file, Some(ledger_path), existing)?;
    let copied = ledger.backup_into(staged.path(), |done, total| {
        if let Some(bar) = &bar {
            bar.set_length(total);
            bar.set_position(done);
        }
    });
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    let copied = copied?;
    staged.commit()?;
    // Opened as any command would open it: the copy must be a ledger in its own right.
    let copy = Ledger::open_existing(&args.file)
        .with_context(|| format!("the copy `{}` is not a usable ledger", args.file.display()))?;
    let batches = copy.batches()?;
    let as_of = match batches.iter().map(|b| b.as_of).max() {
        Some(date) => format!(", latest as of {date}"),
        None => String::new(),
    };
    writeln!(
        out,
        "backed up `{}` to `{}`: {} batches{as_of}, {} KiB",
        ledger_path.display(),
        args.file.display(),
        batches.len(),
        copied.bytes.div_ceil(1024)
    )?;
    Ok(ExitCode::SUCCESS)
}
