//! One file per subcommand: turn parsed arguments into domain options, call the domain
//! modules, and choose the writer. No SQL and no arithmetic here.

mod backup;
mod batches;
mod benchmark;
mod calendar;
mod cases;
mod check;
mod columns;
mod completions;
mod demo;
mod due;
mod history;
mod import;
mod leads;
mod letterhead;
mod outcomes;
mod report;
mod rules;
mod selection;
mod serve;
mod support;
mod template;
mod trend;
mod undo;
mod units;
mod verify;

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;

use crate::cli::{Cli, Command, KindArg, LangArg};
use crate::ledger;

/// Runs a parsed command line, writing results to `out` and diagnostics to stderr.
pub fn run(cli: Cli, out: &mut dyn Write) -> Result<ExitCode> {
    crate::render::output::watch_signals();
    let ledger_path = cli.ledger.clone().unwrap_or_else(ledger::default_path);
    let ran = match cli.command {
        Command::Import(args) => import::run(&ledger_path, &args, out),
        Command::Report(args) => report::run(&ledger_path, &args, out),
        Command::Trend(args) => trend::run(&ledger_path, &args, out),
        Command::Benchmark(args) => benchmark::run(&ledger_path, &args, out),
        Command::Demo(args) => demo::run(&args, out),
        Command::Check(args) => check::run(cli.ledger.as_deref(), &args, out),
        Command::Verify => verify::run(&ledger_path, out),
        Command::Batches(args) => batches::list(&ledger_path, &args, out),
        Command::Undo(args) => undo::run(&ledger_path, &args, out),
        Command::Backup(args) => backup::run(&ledger_path, &args, out),
        Command::History(args) => history::run(&ledger_path, &args, out),
        Command::Cases(args) => cases::run(&ledger_path, &args, out),
        Command::Leads(args) => leads::run(&ledger_path, &args, out),
        Command::Clusters(args) => selection::clusters(&ledger_path, &args, out),
        Command::AtRisk(args) => selection::at_risk(&ledger_path, &args, out),
        Command::Due(args) => due::run(&ledger_path, &args, out),
        Command::Calendar(args) => calendar::run(&ledger_path, &args, out),
        Command::Rules(args) => rules::run(&ledger_path, &args, out),
        Command::Letterhead(args) => letterhead::run(&ledger_path, &args, out),
        Command::Units(args) => units::run(&ledger_path, &args, out),
        Command::Outcomes(args) => outcomes::run(&ledger_path, &args, out),
        Command::Columns(args) => columns::run(&ledger_path, &args, out),
        Command::Template(args) => template::run(&ledger_path, &args, out),
        Command::Completions(args) => completions::run(&args, out),
        Command::Serve(args) => serve::run(&ledger_path, &args, out),
    };
    ran.map_err(|e| ledger::advise(e, &ledger_path))
}

fn kind(arg: KindArg) -> crate::model::Kind {
    match arg {
        KindArg::Reconsideration => crate::model::Kind::Reconsideration,
        KindArg::Litigation => crate::model::Kind::Litigation,
        KindArg::Rectification => crate::model::Kind::Rectification,
        KindArg::Dispute => crate::model::Kind::Dispute,
    }
}

fn lang(arg: LangArg) -> crate::report::Lang {
    match arg {
        LangArg::Zh => crate::report::Lang::Zh,
        LangArg::En => crate::report::Lang::En,
    }
}

/// The ad-hoc filter `--matter`, `--respondent`, `--defendant` and `--court` ask for.
fn name_filter(args: &crate::cli::FilterArgs) -> Result<crate::model::Filter> {
    use crate::model::{Breakdown, Filter, NamePattern};
    let mut filter = Filter::default();
    for (by, written) in [
        (Breakdown::Matter, &args.matter),
        (Breakdown::Respondent, &args.respondent),
        (Breakdown::Defendant, &args.defendant),
        (Breakdown::Court, &args.court),
    ] {
        let Some(written) = written else { continue };
        let written = crate::spreadsheet::cell::normalise(written);
        let pattern = NamePattern::new(&written).ok_or_else(|| {
            anyhow::anyhow!(
                "`--{}` needs a name or a pattern such as '*公安局'",
                by.key()
            )
        })?;
        filter.add(by, pattern);
    }
    Ok(filter)
}

/// The unit a `--unit` names (see [`Ledger::unit_filter`](crate::ledger::Ledger::unit_filter)).
fn unit_filter(ledger: &crate::ledger::Ledger, unit: Option<&str>) -> Result<Option<String>> {
    ledger.unit_filter(unit)
}

/// A unit that no case carries is most likely a typo: say so, with the closest names.
fn warn_if_unit_unused(ledger: &crate::ledger::Ledger, unit: &str) -> Result<()> {
    // The unit and, when it is registered, every alias stored before the registry was.
    let registry = ledger.unit_registry()?;
    let mut names = vec![unit];
    if let Some(registered) = registry.units().iter().find(|u| u.name == unit) {
        names.extend(registered.aliases.iter().map(String::as_str));
    }
    if ledger.has_unit(&names)? {
        return Ok(());
    }
    let mut known = ledger.units_in_use()?;
    known.sort_by_key(|name| crate::model::unit::distance(unit, name));
    known.truncate(3);
    eprintln!(
        "warning: no case in the ledger has the unit `{unit}`{}",
        if known.is_empty() {
            String::new()
        } else {
            format!(" (closest: {})", known.join("、"))
        }
    );
    Ok(())
}
