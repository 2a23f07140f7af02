//! `caseledger report`: the figures for a period, unit and date of knowledge, in every
//! output format.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Result, anyhow};

use super::support::output;
use crate::cli::{
    BreakdownArgs, By, EncodingArg, Format, ReportArgs, ReportOutput, ReportScope, WithArg,
};
use crate::ledger::Ledger;
use crate::model::Breakdown;
use crate::rates::Indicator;
use crate::report::{self, ReportOptions, SortKey};

pub fn run(ledger_path: &Path, args: &ReportArgs, out: &mut dyn Write) -> Result<ExitCode> {
    let ledger = Ledger::open_existing(ledger_path)?;
    let _view = ledger.snapshot()?;
    let mut options = report_options(&ledger, &args.scope)?;
    set_breakdown(&mut options, &args.breakdown)?;
    print(&ledger, &options, &args.output, out)?;
    Ok(ExitCode::SUCCESS)
}

/// Sets the rows `--by` and `--sort` ask for.
pub(super) fn set_breakdown(options: &mut ReportOptions, args: &BreakdownArgs) -> Result<()> {
    options.by = args.by.map(|by| match by {
        By::Unit => Breakdown::Unit,
        By::Matter => Breakdown::Matter,
        By::Respondent => Breakdown::Respondent,
        By::Defendant => Breakdown::Defendant,
        By::Court => Breakdown::Court,
    });
    options.sort = args
        .sort
        .as_deref()
        .map(str::parse::<SortKey>)
        .transpose()
        .map_err(|e| anyhow!(e))?;
    Ok(())
}

fn report_options(ledger: &Ledger, scope: &ReportScope) -> Result<ReportOptions> {
    Ok(ReportOptions {
        from: scope.from,
        to: scope.to,
        unit: super::unit_filter(ledger, scope.unit.as_deref())?,
        as_of: scope.as_of,
        rules: ledger.rules()?,
        ..ReportOptions::default()
    })
}

/// Builds a report and writes it in the chosen format.
pub(super) fn print(
    ledger: &Ledger,
    options: &ReportOptions,
    output: &ReportOutput,
    out: &mut dyn Write,
) -> Result<()> {
    let lang = super::lang(output.lang);
    let path = output.output.as_deref();
    match output.format {
        Format::Html | Format::Xlsx => {
            let (report, trend) = report::build_for_meeting(ledger, options)?;
            warn_if_unknown_unit(ledger, &report)?;
            warn_if_uncovered(&report);
            // (clap requires --output for xlsx.) Passed through untouched: HTML is UTF-8 already, a workbook is binary.
            output::emit(path, EncodingArg::Utf8, false, out, |w| {
                match output.format {
                    Format::Xlsx => report::write_xlsx(&report, &trend, w),
                    _ => report::write_html(&report, &trend, w),
                }
            })
        }
        format => {
            let report = report::build(ledger, options)?;
            warn_if_unknown_unit(ledger, &report)?;
            warn_if_uncovered(&report);
            let csv = format == Format::Csv;
            output::emit(path, output.encoding, csv, out, |w| match format {
                Format::Json => report::write_json(&report, w),
                Format::Csv => report::write_csv(&report, lang, w),
                Format::Markdown => report::write_markdown(&report, lang, w),
                Format::Text => report::write_text(&report, &narrated(&output.with), w),
                _ => report::write_table(&report, lang, w),
            })
        }
    }
}

/// The further indicators `--with` asks the narrative for, in the order reports list them.
fn narrated(with: &[WithArg]) -> Vec<Indicator> {
    let indicator = |arg: &WithArg| match arg {
        WithArg::MaintainRate => Indicator::Maintain,
        WithArg::ResolutionRate => Indicator::Resolution,
        WithArg::SuedAfterRate => Indicator::SuedAfter,
        WithArg::ReconsiderationLitigationRatio => Indicator::ReconsiderationLitigation,
    };
    let asked: Vec<Indicator> = with.iter().map(indicator).collect();
    Indicator::ALL
        .into_iter()
        .filter(|i| asked.contains(i))
        .collect()
}

/// A deadline counted in a year the calendar has no holiday schedule for was counted on
/// weekends alone (SPEC §7.2): the figures may be off by a holiday, so say so.
fn warn_if_uncovered(report: &report::Report) {
    if let Some(year) = report.uncovered_year {
        eprintln!(
            "warning: the calendar has no holiday schedule for {year}: deadlines in it were counted with weekends as the only rest days"
        );
    }
}

/// A `--unit` that no case carries is most likely a typo: say so, with the closest names.
fn warn_if_unknown_unit(ledger: &Ledger, report: &report::Report) -> Result<()> {
    match report.unit.as_deref() {
        Some(unit) => super::warn_if_unit_unused(ledger, unit),
        None => Ok(()),
    }
}
