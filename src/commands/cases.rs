//! `caseledger cases`: the current cases behind any count of the report.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Result, anyhow, bail};

use super::support::output;
use crate::cli::{CasesArgs, CasesFormat, InstanceArg, OnArg};
use crate::ledger::Ledger;
use crate::model::{Instance, Kind, Outcome, Period};
use crate::report::cases::{self, CaseFilter, DateBasis, Require};

pub fn run(ledger_path: &Path, args: &CasesArgs, out: &mut dyn Write) -> Result<ExitCode> {
    let ledger = Ledger::open_existing(ledger_path)?;
    let _view = ledger.snapshot()?;
    let rules = ledger.rules()?;
    let filter = CaseFilter {
        kind: args.kind.map(super::kind),
        unit: super::unit_filter(&ledger, args.unit.as_deref())?,
        instance: args.instance.map(|i| match i {
            InstanceArg::First => Instance::First,
            InstanceArg::Second => Instance::Second,
            InstanceArg::Retrial => Instance::Retrial,
        }),
        names: super::name_filter(&args.filter)?,
        period: period(args)?,
        outcome: args
            .outcome
            .as_deref()
            .map(|name| {
                let name = crate::spreadsheet::cell::normalise(name);
                Outcome::from_name(&name)
                    .or_else(|| Kind::ALL.iter().find_map(|k| Outcome::read(*k, None, &name).known()))
                    .ok_or_else(|| anyhow!("`{name}` is not an outcome (use a canonical name such as 撤销 or 不予受理)"))
            })
            .transpose()?,
        require: [
            (args.corrected, Require::Corrected),
            (args.mediated, Require::Mediated),
            (args.lost, Require::Lost),
            (args.head_appeared, Require::HeadAppeared),
            (args.open, Require::Open),
            (args.sued_after, Require::SuedAfter),
        ]
        .into_iter()
        .filter_map(|(on, require)| on.then_some(require))
        .collect(),
    };
    let found = cases::list(&ledger, &filter, args.as_of, &rules)?;
    let csv = args.format == CasesFormat::Csv;
    output::emit_utf8(&ledger, args.output.as_deref(), csv, out, |w| {
        match args.format {
            CasesFormat::Table => cases::write_table(&found, w),
            CasesFormat::Csv => cases::write_csv(&found, w),
            CasesFormat::Json => cases::write_json(&found, w),
        }
    })?;
    Ok(ExitCode::SUCCESS)
}

/// `--from/--to/--on` as a period on a date basis; `--on` alone is an error.
fn period(args: &CasesArgs) -> Result<Option<(Period, DateBasis)>> {
    let Some(on) = args.on else { return Ok(None) };
    let (Some(from), Some(to)) = (args.from, args.to) else {
        bail!("--on needs both --from and --to");
    };
    let period = Period::new(from, to)
        .ok_or_else(|| anyhow!("the period starts ({from}) after it ends ({to})"))?;
    let basis = match on {
        OnArg::Received => DateBasis::Received,
        OnArg::Accepted => DateBasis::Accepted,
        OnArg::Closed => DateBasis::Closed,
        OnArg::Filed => DateBasis::Filed,
        OnArg::Hearing => DateBasis::Hearing,
    };
    Ok(Some((period, basis)))
}
