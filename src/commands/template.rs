//! `caseledger template`: write the blank workbook an office fills in.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Result, bail};

use crate::cli::TemplateArgs;
use crate::render::output::{self, Existing};

/// `ledger` is the ledger this run would use: a template never takes its place.
pub fn run(ledger: &Path, args: &TemplateArgs, out: &mut dyn Write) -> Result<ExitCode> {
    let Some(path) = args.output.as_deref() else {
        bail!(
            "a template is an Excel workbook, which cannot go to the terminal: give --output FILE.xlsx"
        );
    };
    let is_xlsx = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
    if !is_xlsx {
        // Excel refuses to open a workbook whose name says it is something else.
        bail!(
            "`{}`: a template is an .xlsx workbook; give a file name ending in .xlsx",
            path.display()
        );
    }
    let kind = super::kind(args.kind);
    let bytes = crate::spreadsheet::template::workbook(kind)?;
    let existing = if args.force {
        Existing::Replace
    } else {
        Existing::Keep
    };
    output::write(path, &bytes, Some(ledger), existing)?;
    writeln!(out, "wrote {} ({}模板)", path.display(), kind.label_zh())?;
    Ok(ExitCode::SUCCESS)
}
