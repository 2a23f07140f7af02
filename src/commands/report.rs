//! `caseledger report`: the figures for a period, unit and date of knowledge, in every
//! output format.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Result, anyhow};

use super::support::output;
use crate::cli::{BreakdownArgs, By, Format, ReportArgs, ReportOutput, ReportScope, WithArg};
use crate::ledger::Ledger;
use crate::model::Breakdown;
use crate::notice::{self, Notice};
use crate::rates::Indicator;
use crate::report::trend::Trend;
use crate::report::{self, Report, ReportOptions, SortKey};

pub fn run(ledger_path: &Path, args: &ReportArgs, out: &mut dyn Write) -> Result<ExitCode> {
    let ledger = Ledger::open_existing(ledger_path)?;
    let _view = ledger.snapshot()?;
    let mut options = report_options(&ledger, &args.scope)?;
    options.filter = super::name_filter(&args.filter)?;
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
    let listing = |write: &dyn Fn(&Report, &mut dyn Write) -> Result<()>, out| {
        print_listing(ledger, options, output, out, write)
    };
    match output.format {
        Format::Html => print_meeting(ledger, options, output, out, report::write_html),
        Format::Xlsx => print_meeting(ledger, options, output, out, report::write_xlsx),
        Format::Docx => print_notice(ledger, options, output, out),
        Format::Json => listing(&|report, w| report::write_json(report, w), out),
        Format::Csv => listing(&|report, w| report::write_csv(report, lang, w), out),
        Format::Markdown => listing(&|report, w| report::write_markdown(report, lang, w), out),
        Format::Text => listing(
            &|report, w| report::write_text(report, &narrated(&output.with), w),
            out,
        ),
        Format::Table => listing(&|report, w| report::write_table(report, lang, w), out),
    }
}

/// The meeting's formats (HTML, xlsx): they always carry a breakdown (per unit unless
/// another is asked for) and the monthly trend.
fn print_meeting(
    ledger: &Ledger,
    options: &ReportOptions,
    output: &ReportOutput,
    out: &mut dyn Write,
    write: fn(&Report, &Trend, &mut dyn Write) -> Result<()>,
) -> Result<()> {
    let (report, trend) = report::build_for_meeting(ledger, options)?;
    warn_if_unknown_unit(ledger, &report)?;
    warn_if_uncovered(&report);
    // (clap requires --output for xlsx.) Passed through untouched: HTML is UTF-8 already, a workbook is binary.
    output::emit_utf8(ledger, output.output.as_deref(), false, out, |w| {
        write(&report, &trend, w)
    })
}

/// The 通报 (docx): its third section ranks the units; its fourth lists the work overdue
/// on the report's date and the 包案 cases open in its month.
fn print_notice(
    ledger: &Ledger,
    options: &ReportOptions,
    output: &ReportOutput,
    out: &mut dyn Write,
) -> Result<()> {
    let sources = notice::gather(ledger, options)?;
    warn_if_unknown_unit(ledger, &sources.report)?;
    warn_if_uncovered(&sources.report);
    let notice = Notice {
        title: output.title.as_deref(),
        signed_on: output
            .signed_on
            .unwrap_or_else(|| chrono::Local::now().date_naive()),
        ..sources.notice()
    };
    // (clap requires --output for docx.) A document is binary: passed through.
    output::emit_utf8(ledger, output.output.as_deref(), false, out, |w| {
        notice::write_docx(&notice, w)
    })
}

/// The other formats: the report alone, in the encoding asked for (CSV with a byte-order
/// mark in UTF-8, for Excel).
fn print_listing(
    ledger: &Ledger,
    options: &ReportOptions,
    output: &ReportOutput,
    out: &mut dyn Write,
    write: &dyn Fn(&Report, &mut dyn Write) -> Result<()>,
) -> Result<()> {
    let report = report::build(ledger, options)?;
    warn_if_unknown_unit(ledger, &report)?;
    warn_if_uncovered(&report);
    let csv = output.format == Format::Csv;
    output::emit(
        ledger.path(),
        output.output.as_deref(),
        output.encoding,
        csv,
        out,
        |w| write(&report, w),
    )
}

/// The further indicators `--with` asks the narrative for, in the order reports list them.
fn narrated(with: &[WithArg]) -> Vec<Indicator> {
    // From the indicator to its value, so that a new indicator has no narrative until it
    // is given one here.
    let arg = |indicator: Indicator| match indicator {
        Indicator::Maintain => WithArg::MaintainRate,
        Indicator::Resolution => WithArg::ResolutionRate,
        Indicator::SuedAfter => WithArg::SuedAfterRate,
        Indicator::ReconsiderationLitigation => WithArg::ReconsiderationLitigationRatio,
    };
    Indicator::ALL
        .into_iter()
        .filter(|i| with.contains(&arg(*i)))
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
