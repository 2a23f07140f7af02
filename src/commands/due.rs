//! `caseledger due`: the week's work list, in every output format.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;

use super::support::output;
use crate::cli::{DueArgs, DueFormat};
use crate::due::{self, DueOptions};
use crate::ledger::Ledger;

pub fn run(ledger_path: &Path, args: &DueArgs, out: &mut dyn Write) -> Result<ExitCode> {
    print(&Ledger::open_existing(ledger_path)?, args, out)
}

/// The work list of an open ledger (the demo's too).
pub(super) fn print(ledger: &Ledger, args: &DueArgs, out: &mut dyn Write) -> Result<ExitCode> {
    let _view = ledger.snapshot()?;
    let unit = super::unit_filter(ledger, args.unit.as_deref())?;
    if let Some(unit) = &unit {
        super::warn_if_unit_unused(ledger, unit)?;
    }
    let options = DueOptions {
        on: args.on.unwrap_or_else(|| chrono::Local::now().date_naive()),
        within: args.within,
        unit,
        lead: args
            .lead
            .as_deref()
            .map(|lead| crate::spreadsheet::cell::normalise(lead).into_owned()),
        kind: args.kind.map(super::kind),
        filter: super::name_filter(&args.filter)?,
    };
    let list = due::build(ledger, &options)?;
    if !list.uncovered_years.is_empty() {
        let years: Vec<String> = list.uncovered_years.iter().map(i32::to_string).collect();
        eprintln!(
            "warning: no holiday schedule for {}: deadlines there were counted with weekends as the only rest days; add the year's 休 and 班 days with caseledger calendar import FILE",
            years.join(", ")
        );
    }
    let csv = args.format == DueFormat::Csv;
    output::emit_utf8(ledger, args.output.as_deref(), csv, out, |w| {
        match args.format {
            DueFormat::Table => due::write_table(&list, w),
            DueFormat::Json => due::write_json(&list, w),
            DueFormat::Csv => due::write_csv(&list, w),
            DueFormat::Markdown => due::write_markdown(&list, w),
            DueFormat::Html => due::write_html(&list, w),
            DueFormat::Ics => due::write_ics(&list, chrono::Utc::now().naive_utc(), w),
        }
    })?;
    Ok(ExitCode::SUCCESS)
}
