//! `caseledger clusters` and `caseledger at-risk`: the 两包 selection, in every format.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;

use super::support::output;
use crate::cli::{SelectionArgs, SelectionFormat};
use crate::ledger::Ledger;
use crate::report::selection::{self as render, CandidateList, ClusterList, Listing};
use crate::selection;

pub fn clusters(ledger_path: &Path, args: &SelectionArgs, out: &mut dyn Write) -> Result<ExitCode> {
    let ledger = Ledger::open_existing(ledger_path)?;
    let _view = ledger.snapshot()?;
    let rules = ledger.rules()?;
    let (cases, as_of) = selection::read_cases(&ledger, args.as_of)?;
    let list = ClusterList {
        as_of,
        clusters: selection::clusters(&cases, &rules, as_of),
        rules,
    };
    // A spreadsheet keeps every case number; the page and the table the first few.
    let whole = matches!(args.format, SelectionFormat::Csv | SelectionFormat::Xlsx);
    write(&ledger, args, out, &list.listing(whole), "套案", |w| {
        list.write_json(w)
    })
}

pub fn at_risk(ledger_path: &Path, args: &SelectionArgs, out: &mut dyn Write) -> Result<ExitCode> {
    let ledger = Ledger::open_existing(ledger_path)?;
    let _view = ledger.snapshot()?;
    let rules = ledger.rules()?;
    let (cases, as_of) = selection::read_cases(&ledger, args.as_of)?;
    let list = CandidateList {
        as_of,
        items: selection::candidates(&cases, &rules, as_of),
        rules,
    };
    write(&ledger, args, out, &list.listing(), "包案候选", |w| {
        list.write_json(w)
    })
}

/// Writes the list in the chosen format; `json` writes the JSON, the rest the listing.
fn write(
    ledger: &Ledger,
    args: &SelectionArgs,
    out: &mut dyn Write,
    listing: &Listing,
    sheet: &str,
    json: impl Fn(&mut dyn Write) -> Result<()>,
) -> Result<ExitCode> {
    let csv = args.format == SelectionFormat::Csv;
    output::emit_utf8(ledger, args.output.as_deref(), csv, out, |w| {
        match args.format {
            SelectionFormat::Table => render::write_table(listing, w),
            SelectionFormat::Json => json(w),
            SelectionFormat::Csv => render::write_csv(listing, w),
            SelectionFormat::Markdown => render::write_markdown(listing, w),
            SelectionFormat::Html => render::write_html(listing, w),
            SelectionFormat::Xlsx => render::write_xlsx(listing, sheet, w),
        }
    })?;
    Ok(ExitCode::SUCCESS)
}
