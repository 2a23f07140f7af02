//! `caseledger trend`: year-to-date rates at each week or month end.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Result, bail};

use super::support::output;
use crate::cli::{Every as EveryArg, TrendArgs, TrendFormat};
use crate::ledger::Ledger;
use crate::report;
use crate::report::trend::{self, Every, TrendOptions};

pub fn run(ledger_path: &Path, args: &TrendArgs, out: &mut dyn Write) -> Result<ExitCode> {
    let ledger = Ledger::open_existing(ledger_path)?;
    let _view = ledger.snapshot()?;
    let options = TrendOptions {
        every: match args.every {
            EveryArg::Week => Every::Week,
            EveryArg::Month => Every::Month,
        },
        from: args.from,
        to: args.to,
        unit: super::unit_filter(&ledger, args.unit.as_deref())?,
        as_known_then: args.as_known_then,
        as_of: None,
        rules: ledger.rules()?,
        filter: super::name_filter(&args.filter)?,
    };
    let trend = trend::build(&ledger, &options)?;
    if trend.points.is_empty() {
        bail!(
            "no {} ends in the range: widen --from/--to",
            match options.every {
                Every::Week => "week",
                Every::Month => "month",
            }
        );
    }
    let lang = super::lang(args.lang);
    let csv = args.format == TrendFormat::Csv;
    output::emit_utf8(&ledger, args.output.as_deref(), csv, out, |w| {
        match args.format {
            TrendFormat::Table => report::write_trend_table(&trend, lang, w),
            TrendFormat::Json => report::write_json_value(&trend, w),
            TrendFormat::Csv => report::write_trend_csv(&trend, lang, w),
        }
    })?;
    Ok(ExitCode::SUCCESS)
}
