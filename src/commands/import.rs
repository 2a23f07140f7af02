//! `caseledger import`: read files into the ledger, all or nothing, and say what changed.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Result, bail};

use super::support::progress::Console;
use crate::cli::{ImportArgs, ReadArgs};
use crate::ingest::{self, AsOfSource, FileOutcome, ImportOptions, ImportSummary};
use crate::ledger::{BatchTally, Ledger};
use crate::spreadsheet::{ReadOptions, cell};

/// Above this many files the per-file lines are shown only with `--verbose`.
const LIST_FILES_UP_TO: usize = 20;

pub fn run(ledger_path: &Path, args: &ImportArgs, out: &mut dyn Write) -> Result<ExitCode> {
    let options = import_options(&args.read, args.dry_run);
    let existed = ledger_path.exists();
    let mut ledger = Ledger::open_or_create(ledger_path)?;
    let summary = import_paths(&mut ledger, &args.paths, &options);
    if !existed && !summary.as_ref().is_ok_and(|s| s.committed) {
        // Leave no trace: a failed or dry first import must not leave an empty ledger.
        ledger.remove_if_empty()?;
    }
    let summary = summary?;
    if summary.errors == 0 {
        // With errors nothing was imported: per-file lines would only mislead.
        write_summary(&summary, args.verbose, out)?;
    }
    finish(
        &summary,
        options.dry_run,
        &ledger_path.display().to_string(),
        out,
    )
}

/// The options of an import (or a check) from the command line.
pub(super) fn import_options(read: &ReadArgs, dry_run: bool) -> ImportOptions {
    ImportOptions {
        as_of: read.as_of,
        dry_run,
        ..ImportOptions::now(ReadOptions {
            kind: read.kind.map(super::kind),
            unit: read
                .unit
                .as_deref()
                .map(|u| cell::normalise(u).into_owned()),
            sheet: read.sheet.clone(),
            units: None,
            outcomes: None,
            headers: None,
        })
    }
}

/// Runs the import, printing every diagnostic to stderr as it is found.
pub(super) fn import_paths(
    ledger: &mut Ledger,
    paths: &[PathBuf],
    options: &ImportOptions,
) -> Result<ImportSummary> {
    ingest::import(ledger, paths, options, &mut Console::new())
}

/// The closing line, and the exit status: failure if anything was rejected.
pub(super) fn finish(
    summary: &ImportSummary,
    dry_run: bool,
    ledger: &str,
    out: &mut dyn Write,
) -> Result<ExitCode> {
    if summary.errors > 0 {
        for hint in column_hints(summary) {
            eprintln!("{hint}");
        }
        if let Some(hint) = outcome_hint(summary) {
            eprintln!("{hint}");
        }
        let files = summary
            .files
            .iter()
            .filter(|f| matches!(f.outcome, FileOutcome::Rejected))
            .map(|f| f.path.as_str())
            .collect::<std::collections::BTreeSet<_>>()
            .len()
            .max(1);
        bail!(
            "{} in {} {}; nothing was imported",
            plural(summary.errors, "error", "errors"),
            files,
            if files == 1 { "file" } else { "files" }
        );
    }
    let total = totals(summary);
    let batches = summary
        .files
        .iter()
        .filter(|f| matches!(f.outcome, FileOutcome::Batch { .. }))
        .count();
    // A workbook of several sheets is one file: `imported 1 file (2 sheets)`.
    let files = summary
        .files
        .iter()
        .filter(|f| matches!(f.outcome, FileOutcome::Batch { .. }))
        .map(|f| f.path.as_str())
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    let sheets = if files < batches {
        format!(" ({batches} sheets)")
    } else {
        String::new()
    };
    let verb = if dry_run { "would import" } else { "imported" };
    let before = summary
        .files
        .iter()
        .filter(|f| matches!(f.outcome, FileOutcome::AlreadyImported { .. }))
        .count();
    if batches == 0 && before == summary.files.len() {
        writeln!(out, "nothing to import: every file was imported before")?;
    } else if batches == 0 {
        writeln!(out, "nothing to import: the files hold no rows")?;
    } else {
        writeln!(
            out,
            "{verb} {files} {}{sheets} ({}: {} new, {} changed, {} unchanged) into {ledger}{}",
            if files == 1 { "file" } else { "files" },
            plural(total.rows, "row", "rows"),
            total.new,
            total.changed,
            total.unchanged,
            if dry_run {
                " (dry run: nothing written)"
            } else {
                ""
            }
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

/// For each kind, one ready command mapping every unknown column header of the call to
/// the column it seems to be (`-`: not read, `?`: to be decided).
pub(super) fn column_hints(summary: &ImportSummary) -> Vec<String> {
    summary
        .columns_map_lines()
        .into_iter()
        .map(|line| format!(
            "unknown columns: check each suggested column (fix any `?`; `-` means not read), then run this once and import again:\n{line}"
        ))
        .collect()
}

/// One ready-to-edit command mapping every unknown outcome spelling of the call to the
/// canonical outcome it most resembles (`?` where none does), with each one's rows:
/// the clerk checks it, edits it and runs it once, then imports again.
pub(super) fn outcome_hint(summary: &ImportSummary) -> Option<String> {
    let line = summary.outcome_map_line()?;
    Some(format!(
        "unknown outcome spellings: check each suggested outcome (fix any `?`), then run this once and import again:\n{line}"
    ))
}

fn totals(summary: &ImportSummary) -> BatchTally {
    let mut total = BatchTally::default();
    for file in &summary.files {
        if let FileOutcome::Batch { tally, .. } = &file.outcome {
            total.rows += tally.rows;
            total.new += tally.new;
            total.changed += tally.changed;
            total.unchanged += tally.unchanged;
        }
    }
    total
}

/// Per-file lines (for a few files, or with `--verbose`), then the columns that were
/// ignored or deliberately not stored, each listed once.
pub(super) fn write_summary(
    summary: &ImportSummary,
    verbose: bool,
    out: &mut dyn Write,
) -> Result<()> {
    if verbose || summary.files.len() <= LIST_FILES_UP_TO {
        for file in &summary.files {
            match &file.outcome {
                FileOutcome::Batch {
                    kind,
                    as_of,
                    as_of_source,
                    tally,
                } => {
                    let source = match as_of_source {
                        AsOfSource::Flag => "--as-of",
                        AsOfSource::FileName => "file name",
                        AsOfSource::LatestDateInFile => "latest date in the file",
                    };
                    writeln!(
                        out,
                        "{}: {} as of {as_of} ({source}), {}: {} new, {} changed, {} unchanged",
                        file.file,
                        kind.label_zh(),
                        plural(tally.rows, "row", "rows"),
                        tally.new,
                        tally.changed,
                        tally.unchanged
                    )?;
                }
                FileOutcome::AlreadyImported {
                    batch_id,
                    file: earlier,
                    as_of,
                } => writeln!(
                    out,
                    "{}: already imported as batch {batch_id} ({earlier}, as of {as_of}); skipped",
                    file.file
                )?,
                FileOutcome::Empty => writeln!(out, "{}: no rows; skipped", file.file)?,
                FileOutcome::NotALedger => writeln!(
                    out,
                    "{}: no ledger header row in this sheet; skipped",
                    file.file
                )?,
                FileOutcome::Rejected => {}
            }
        }
    } else {
        let skipped = summary
            .files
            .iter()
            .filter(|f| matches!(f.outcome, FileOutcome::AlreadyImported { .. }))
            .count();
        if skipped > 0 {
            writeln!(
                out,
                "{skipped} files were imported before and were skipped (--verbose lists them)"
            )?;
        }
    }
    let mut ignored: BTreeMap<&str, usize> = BTreeMap::new();
    let mut personal: BTreeMap<&str, usize> = BTreeMap::new();
    for file in &summary.files {
        for column in &file.unknown_columns {
            *ignored.entry(column).or_default() += 1;
        }
        for column in &file.personal_columns {
            *personal.entry(column).or_default() += 1;
        }
    }
    if !ignored.is_empty() {
        writeln!(out, "columns not read: {}", listing(&ignored))?;
    }
    if !personal.is_empty() {
        writeln!(out, "personal names not stored: {}", listing(&personal))?;
    }
    Ok(())
}

/// Columns named in a summary line; a file of thousands of columns must not print them all.
const LISTED_COLUMNS: usize = 20;

fn listing(columns: &BTreeMap<&str, usize>) -> String {
    let mut listed = columns
        .iter()
        .take(LISTED_COLUMNS)
        .map(|(name, files)| format!("{name} ({})", plural(*files as u64, "file", "files")))
        .collect::<Vec<_>>()
        .join(", ");
    if columns.len() > LISTED_COLUMNS {
        // Writing to a String cannot fail.
        let _ = write!(listed, " and {} more", columns.len() - LISTED_COLUMNS);
    }
    listed
}

fn plural(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
