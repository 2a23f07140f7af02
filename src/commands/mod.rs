//! One file per subcommand: turn parsed arguments into domain options, call the domain
//! modules, and choose the writer. No SQL and no arithmetic here.

mod batches;
mod benchmark;
mod cases;
mod check;
mod demo;
mod history;
mod import;
mod leads;
mod outcomes;
mod output;
mod progress;
mod report;
mod settings;
mod template;
mod trend;

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;

use crate::cli::{Cli, Command, LangArg};
use crate::ledger;

/// Runs a parsed command line, writing results to `out` and diagnostics to stderr.
pub fn run(cli: Cli, out: &mut dyn Write) -> Result<ExitCode> {
    let ledger_path = cli.ledger.clone().unwrap_or_else(ledger::default_path);
    match cli.command {
        Command::Import(args) => import::run(&ledger_path, &args, out),
        Command::Report(args) => report::run(&ledger_path, &args, out),
        Command::Trend(args) => trend::run(&ledger_path, &args, out),
        Command::Benchmark(args) => benchmark::run(&ledger_path, &args, out),
        Command::Demo(args) => demo::run(&args, out),
        Command::Check(args) => check::run(cli.ledger.as_deref(), &args, out),
        Command::Batches(args) => batches::list(&ledger_path, &args, out),
        Command::Undo(args) => batches::undo(&ledger_path, &args, out),
        Command::History(args) => history::run(&ledger_path, &args, out),
        Command::Cases(args) => cases::run(&ledger_path, &args, out),
        Command::Leads(args) => leads::run(&ledger_path, &args, out),
        Command::Rules(args) => settings::rules(&ledger_path, &args, out),
        Command::Units(args) => settings::units(&ledger_path, &args, out),
        Command::Outcomes(args) => outcomes::run(&ledger_path, &args, out),
        Command::Template(args) => template::run(&args, out),
    }
}

fn lang(arg: LangArg) -> crate::report::Lang {
    match arg {
        LangArg::Zh => crate::report::Lang::Zh,
        LangArg::En => crate::report::Lang::En,
    }
}

/// The unit a `--unit` names: the registry's canonical name (an alias is fine), or the
/// name as typed when there is no registry. An unknown name is an error with the closest.
fn unit_filter(ledger: &crate::ledger::Ledger, unit: Option<&str>) -> Result<Option<String>> {
    let Some(unit) = unit.map(crate::import::cell::normalise) else {
        return Ok(None);
    };
    let registry = ledger.unit_registry()?;
    if registry.is_empty() {
        return Ok(Some(unit.into_owned()));
    }
    match registry.resolve(&unit) {
        crate::model::Resolved::Unit(name) => Ok(Some(name.to_owned())),
        crate::model::Resolved::Unknown(closest) => anyhow::bail!(
            "`{unit}` is not a unit of the registry (closest: {})",
            closest.join("、")
        ),
    }
}
