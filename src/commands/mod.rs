//! One file per subcommand: turn parsed arguments into domain options, call the domain
//! modules, and choose the writer. No SQL and no arithmetic here.

mod benchmark;
mod demo;
mod import;
mod output;
mod progress;
mod report;
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
    }
}

fn lang(arg: LangArg) -> crate::report::Lang {
    match arg {
        LangArg::Zh => crate::report::Lang::Zh,
        LangArg::En => crate::report::Lang::En,
    }
}
