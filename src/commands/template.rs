//! `caseledger template`: write the blank workbook an office fills in.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Result, bail};

use super::support::output;
use crate::cli::TemplateArgs;

pub fn run(args: &TemplateArgs, out: &mut dyn Write) -> Result<ExitCode> {
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
    let bytes = crate::template::workbook(kind)?;
    output::create_private(path, &bytes, args.force)?;
    writeln!(out, "wrote {} ({}模板)", path.display(), kind.label_zh())?;
    Ok(ExitCode::SUCCESS)
}
