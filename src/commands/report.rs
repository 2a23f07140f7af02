//! `caseledger report`: the figures for a period, unit and date of knowledge.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;

use crate::cli::{Format, ReportArgs, ReportOutput, ReportScope};
use crate::import::cell;
use crate::ledger::Ledger;
use crate::model::Rules;
use crate::report::{self, ReportOptions};

pub fn run(ledger_path: &Path, args: &ReportArgs, out: &mut dyn Write) -> Result<ExitCode> {
    let ledger = Ledger::open_existing(ledger_path)?;
    print(&ledger, &report_options(&args.scope), &args.output, out)?;
    Ok(ExitCode::SUCCESS)
}

fn report_options(scope: &ReportScope) -> ReportOptions {
    ReportOptions {
        from: scope.from,
        to: scope.to,
        unit: scope.unit.as_deref().map(cell::normalise),
        as_of: scope.as_of,
        rules: Rules::default(),
    }
}

/// Builds a report and writes it in the chosen format.
pub(super) fn print(
    ledger: &Ledger,
    options: &ReportOptions,
    output: &ReportOutput,
    out: &mut dyn Write,
) -> Result<()> {
    let report = report::build(ledger, options)?;
    match output.format {
        Format::Table => report::write_table(&report, super::lang(output.lang), out),
        Format::Json => report::write_json(&report, out),
    }
}
