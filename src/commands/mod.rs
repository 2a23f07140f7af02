//! One file per subcommand: turn parsed arguments into domain options, call the domain
//! modules, and choose the writer. No SQL and no arithmetic here.

mod demo;
mod import;
mod report;

use std::io::Write;
use std::path::PathBuf;
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
        Command::Demo(args) => demo::run(&args, out),
    }
}

/// Where the ledger is, as chosen by `--ledger`, `CASELEDGER_LEDGER` or the default.
pub type LedgerPath = PathBuf;

fn lang(arg: LangArg) -> crate::report::Lang {
    match arg {
        LangArg::Zh => crate::report::Lang::Zh,
        LangArg::En => crate::report::Lang::En,
    }
}
