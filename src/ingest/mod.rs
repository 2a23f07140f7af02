//! One `import` call: read every file, validate every row, and write one batch per file,
//! all in a single transaction that commits only if no file had an error.
//!
//! Rows stream from the reader straight into the ledger; memory does not grow with a
//! file's size. Diagnostics go to the caller's sink as they are found.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::Result;
use chrono::NaiveDate;

use crate::spreadsheet::{
    self, Diagnostic, LedgerFile, ParsedRow, Part, ReadOptions, Rows, Severity, UnknownHeader,
    non_case, unrecorded,
};
mod read_ahead;
mod source;

use read_ahead::Read;

use crate::ledger::{BatchRef, BatchTally, BatchWriter, Ledger, Listed, NewBatch, Writer};
use crate::model::{Case, CaseNo, Facts, Kind, Outcome, TrackField};

/// Options of one import call.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    pub read: ReadOptions,
    /// `--as-of`: the date of knowledge of every file.
    pub as_of: Option<NaiveDate>,
    /// Validate and count, then write nothing.
    pub dry_run: bool,
    /// RFC 3339 time stamped on every batch of this call.
    pub imported_at: String,
    /// Today's date: no date of knowledge lies after it.
    pub today: NaiveDate,
    /// Whether a row naming another case (复议案号, 关联案号) is looked for in the ledger:
    /// not by `check`, whose ledger holds only the files checked.
    pub links: bool,
}

impl ImportOptions {
    /// Options for an import now, with the clock read once for every batch of the call.
    #[must_use]
    pub fn now(read: ReadOptions) -> ImportOptions {
        ImportOptions {
            read,
            as_of: None,
            dry_run: false,
            imported_at: timestamp(),
            today: chrono::Local::now().date_naive(),
            links: true,
        }
    }
}

/// The time stamped on what an import writes: RFC 3339 to the second, local offset.
#[must_use]
pub fn timestamp() -> String {
    chrono::Local::now()
        .format("%Y-%m-%dT%H:%M:%S%:z")
        .to_string()
}

/// Where a file's as-of date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AsOfSource {
    Flag,
    FileName,
    LatestDateInFile,
}

/// What happened to one file.
#[derive(Debug, Clone)]
pub enum FileOutcome {
    /// Read (and, if the import committed, written) as a batch.
    Batch {
        kind: Kind,
        as_of: NaiveDate,
        as_of_source: AsOfSource,
        tally: BatchTally,
    },
    /// The same bytes were imported before: nothing to do.
    AlreadyImported {
        batch_id: i64,
        file: String,
        as_of: NaiveDate,
    },
    /// Had no rows and no as-of date to file them under.
    Empty,
    /// A workbook sheet without a ledger header row: not read.
    NotALedger,
    /// Could not be read past its header, or had row errors.
    Rejected,
}

/// One file's (or one workbook sheet's) result.
#[derive(Debug, Clone)]
pub struct FileSummary {
    /// The path as given, with the sheet for workbooks: `周报.xlsx [复议]`.
    pub file: String,
    /// The path as given: the sheets of one workbook share it, and count as one file.
    pub path: String,
    pub outcome: FileOutcome,
    pub unknown_columns: Vec<String>,
    pub personal_columns: Vec<String>,
}

/// The result of an import call.
#[derive(Debug, Clone, Default)]
pub struct ImportSummary {
    pub files: Vec<FileSummary>,
    pub errors: u64,
    pub warnings: u64,
    /// Outcome spellings no list knows, most frequent first: what `outcomes map` needs.
    pub unknown_outcomes: Vec<UnknownSpelling>,
    /// Column headers nothing knows, each once, by kind then header: what `columns map`
    /// needs.
    pub unknown_headers: Vec<UnknownHeader>,
    /// Whether anything was written (false on any error, or for a dry run).
    pub committed: bool,
}

impl ImportSummary {
    /// The ready `caseledger columns map 'HEADER=字段' … --kind K` line of each ledger kind
    /// whose files had headers nothing reads, each with the column it seems to hold (`?`
    /// where it cannot tell, `-` for not read); empty when every header was known.
    #[must_use]
    pub fn columns_map_lines(&self) -> Vec<String> {
        Kind::ALL
            .into_iter()
            .filter_map(|kind| {
                let entries: Vec<(&str, crate::spreadsheet::suggest::Suggestion)> = self
                    .unknown_headers
                    .iter()
                    .filter(|u| u.kind == kind)
                    .map(|u| (u.header.as_str(), u.suggestion))
                    .collect();
                (!entries.is_empty()).then(|| crate::spreadsheet::columns_map_line(kind, &entries))
            })
            .collect()
    }

    /// The ready `caseledger outcomes map …` line for every unknown outcome spelling of
    /// the call, each with the canonical outcome it most resembles (`?` where none does)
    /// and, after a `#`, each one's rows; `None` when every spelling was known.
    #[must_use]
    pub fn outcome_map_line(&self) -> Option<String> {
        if self.unknown_outcomes.is_empty() {
            return None;
        }
        let entries: Vec<String> = self
            .unknown_outcomes
            .iter()
            .map(|u| crate::spreadsheet::shell_quote(&u.entry()))
            .collect();
        let rows: Vec<String> = self
            .unknown_outcomes
            .iter()
            .map(|u| format!("{} {}", u.rows, if u.rows == 1 { "row" } else { "rows" }))
            .collect();
        Some(format!(
            "caseledger outcomes map {}   # {}",
            entries.join(" "),
            rows.join(", ")
        ))
    }
}

/// An outcome spelling of an import that no built-in list or mapping knows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownSpelling {
    pub spelling: String,
    /// Rows that used it.
    pub rows: u64,
    /// The canonical outcome it most resembles: a suggestion for the clerk, never applied.
    pub closest: Option<Outcome>,
}

impl UnknownSpelling {
    /// `SPELLING=CANONICAL` as `outcomes map` takes it, `?` where no outcome resembles it.
    #[must_use]
    pub fn entry(&self) -> String {
        format!(
            "{}={}",
            self.spelling,
            self.closest.map_or("?", |o| o.name())
        )
    }
}

/// What an import tells its caller while it runs.
pub trait Observer {
    /// An error or warning, as soon as it is found.
    fn diagnostic(&mut self, diagnostic: &Diagnostic);

    /// How far the import has come.
    fn progress(&mut self, _progress: Progress<'_>) {}
}

/// Milestones of an import, for a progress display.
#[derive(Debug, Clone, Copy)]
pub enum Progress<'a> {
    /// The files to read, and their total size in bytes.
    Start { files: usize, bytes: u64 },
    /// A file begins.
    File { name: &'a str, bytes: u64 },
    /// Rows read so far in the current file.
    Rows(u64),
    /// Everything was read.
    Finish,
}

/// How often row progress is reported.
const ROWS_PER_PROGRESS: u64 = 8192;

/// An observer that ignores everything (the second read of a file).
struct Quiet;

impl Observer for Quiet {
    fn diagnostic(&mut self, _: &Diagnostic) {}
}

/// Counts diagnostics on their way to the caller's observer.
struct Sink<'a> {
    observer: &'a mut dyn Observer,
    errors: u64,
    warnings: u64,
    /// Each unknown outcome spelling: rows, and the closest canonical outcome.
    unknown_outcomes: BTreeMap<String, (u64, Option<Outcome>)>,
    /// Each unknown header, by kind and the header as matched.
    unknown_headers: BTreeMap<(Kind, String), UnknownHeader>,
    /// Each row that names another case (a lawsuit's 复议案号, a document's 关联案号):
    /// where, the kinds the named case may be of, and its matching key, checked against
    /// the ledger once every file is written.
    links: Vec<Link>,
}

impl Sink<'_> {
    fn send(&mut self, diagnostic: &Diagnostic) {
        match diagnostic.severity {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
            Severity::Note => {}
        }
        self.observer.diagnostic(diagnostic);
    }

    /// A parsed row's diagnostics, and its outcome spelling if no list knows it.
    fn parsed(&mut self, parsed: &ParsedRow) {
        parsed.diagnostics.iter().for_each(|d| self.send(d));
        if let Some(unknown) = &parsed.unknown_outcome {
            let entry = self
                .unknown_outcomes
                .entry(unknown.spelling.clone())
                .or_insert((0, unknown.closest));
            entry.0 += 1;
        }
    }

    /// What reading a file's header found: unknown columns (errors, remembered for the
    /// closing `columns map` advice), warnings and notes.
    fn header(&mut self, file: &LedgerFile) {
        file.header_errors.iter().for_each(|e| self.send(e));
        for unknown in &file.unknown_headers {
            let key = spreadsheet::columns::header_key(&unknown.header);
            self.unknown_headers
                .entry((unknown.kind, key))
                .or_insert_with(|| unknown.clone());
        }
        file.warnings.iter().for_each(|w| self.send(w));
        file.notes.iter().for_each(|n| self.send(n));
    }

    fn rows(&mut self, rows: u64) {
        if rows.is_multiple_of(ROWS_PER_PROGRESS) {
            self.observer.progress(Progress::Rows(rows));
        }
    }
}

/// Imports `paths` (files or folders) into `ledger`; see the module docs.
///
/// Returns an error only for failures of the ledger itself; problems with the input are
/// diagnostics, counted in the summary, and leave the ledger untouched.
pub fn import(
    ledger: &mut Ledger,
    paths: &[PathBuf],
    options: &ImportOptions,
    observer: &mut dyn Observer,
) -> Result<ImportSummary> {
    let mut sink = Sink {
        observer,
        errors: 0,
        warnings: 0,
        unknown_outcomes: BTreeMap::new(),
        unknown_headers: BTreeMap::new(),
        links: Vec::new(),
    };
    let registry = ledger.unit_registry()?;
    let mut options = options.clone();
    if !registry.is_empty() {
        options.read.units = Some(std::sync::Arc::new(registry));
    }
    let outcomes = ledger.outcome_map()?;
    if !outcomes.is_empty() {
        options.read.outcomes = Some(std::sync::Arc::new(outcomes));
    }
    let headers = ledger.header_map()?;
    if !headers.is_empty() {
        options.read.headers = Some(std::sync::Arc::new(headers));
    }
    let options = &options;
    let files = expand(paths, &mut sink);
    let size = |path: &PathBuf| std::fs::metadata(path).map_or(0, |m| m.len());
    sink.observer.progress(Progress::Start {
        files: files.len(),
        bytes: files.iter().map(size).sum(),
    });
    let writer = ledger.writer()?;
    let mut summary = ImportSummary::default();
    for path in &files {
        let name = path.display().to_string();
        sink.observer.progress(Progress::File {
            name: &name,
            bytes: size(path),
        });
        import_file(&writer, path, options, &mut sink, &mut summary.files)?;
    }
    sink.observer.progress(Progress::Finish);
    if options.links {
        warn_unlinked(&writer, &mut sink)?;
    }
    summary.errors = sink.errors;
    summary.warnings = sink.warnings;
    summary.unknown_headers = sink.unknown_headers.into_values().collect();
    summary.unknown_outcomes = sink
        .unknown_outcomes
        .into_iter()
        .map(|(spelling, (rows, closest))| UnknownSpelling {
            spelling,
            rows,
            closest,
        })
        .collect();
    summary.unknown_outcomes.sort_by(|a, b| {
        b.rows
            .cmp(&a.rows)
            .then_with(|| a.spelling.cmp(&b.spelling))
    });
    if summary.errors == 0 && !options.dry_run && !files.is_empty() {
        writer.commit()?;
        summary.committed = true;
    } else {
        writer.rollback()?;
    }
    Ok(summary)
}

/// A row naming another case, to be found in the ledger.
struct Link {
    /// The warning given when the ledger holds no such case.
    warning: Diagnostic,
    kinds: &'static [Kind],
    key: String,
}

/// A lawsuit whose 复议案号 names a reconsideration case the ledger does not hold, with
/// this import's files written, counts toward no 复议后起诉率; a document's 关联案号 that
/// names no case is followed by nobody: most likely a typo, or a ledger not imported yet.
fn warn_unlinked(writer: &Writer, sink: &mut Sink) -> Result<()> {
    for link in std::mem::take(&mut sink.links) {
        let mut held = false;
        for kind in link.kinds {
            held = held || writer.holds(*kind, &link.key)?;
        }
        if !held {
            sink.send(&link.warning);
        }
    }
    Ok(())
}

fn expand(paths: &[PathBuf], sink: &mut Sink) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for path in paths {
        let display = path.display().to_string();
        let Ok(metadata) = std::fs::metadata(path) else {
            sink.send(&Diagnostic::file_error(&display, "no such file or folder"));
            continue;
        };
        if let Some(what) = source::not_a_file(metadata.file_type()) {
            sink.send(&Diagnostic::file_error(
                &display,
                format!("{what}, not a file: caseledger reads only regular files"),
            ));
            continue;
        }
        match source::expand(std::slice::from_ref(path)) {
            Ok((found, skipped)) => {
                for skipped in skipped {
                    sink.send(&Diagnostic {
                        severity: Severity::Warning,
                        ..Diagnostic::file_error(
                            &skipped.path.display().to_string(),
                            skipped.reason,
                        )
                    });
                }
                if found.is_empty() {
                    sink.send(&Diagnostic::file_error(
                        &display,
                        "no .csv, .tsv, .xlsx, .xlsm, .xls, .xlsb, .ods or .et files in this folder",
                    ));
                }
                files.extend(found);
            }
            Err(e) => sink.send(&Diagnostic::file_error(
                &display,
                format!("cannot list: {e}"),
            )),
        }
    }
    files
}

fn import_file(
    writer: &Writer,
    path: &Path,
    options: &ImportOptions,
    sink: &mut Sink,
    summaries: &mut Vec<FileSummary>,
) -> Result<()> {
    let display = path.display().to_string();
    let rejected = FileSummary {
        file: display.clone(),
        path: display.clone(),
        outcome: FileOutcome::Rejected,
        unknown_columns: Vec::new(),
        personal_columns: Vec::new(),
    };
    let sha256 = match source::sha256(path) {
        Ok(hash) => hash,
        Err(e) => {
            sink.send(&Diagnostic::file_error(
                &display,
                format!("cannot read: {e}"),
            ));
            summaries.push(rejected);
            return Ok(());
        }
    };
    let contents = match spreadsheet::contents(path, &display, &options.read) {
        Ok(contents) => contents,
        Err(diagnostic) => {
            sink.send(&diagnostic);
            summaries.push(rejected);
            return Ok(());
        }
    };
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let known_as_of = options
        .as_of
        .map(|d| (d, AsOfSource::Flag))
        .or_else(|| source::date_in_file_name(&file_name).map(|d| (d, AsOfSource::FileName)));
    for part in &contents.parts {
        let source = Source {
            path,
            display: &display,
            part,
            sha256: &sha256,
            known_as_of,
        };
        summaries.push(import_part(writer, &source, options, sink)?);
    }
    Ok(())
}

/// One part of a file to import: the whole file, or one sheet of a workbook.
struct Source<'a> {
    path: &'a Path,
    display: &'a str,
    part: &'a Part,
    sha256: &'a str,
    known_as_of: Option<(NaiveDate, AsOfSource)>,
}

fn import_part(
    writer: &Writer,
    source: &Source,
    options: &ImportOptions,
    sink: &mut Sink,
) -> Result<FileSummary> {
    let mut summary = FileSummary {
        file: match source.part {
            Part::File => source.display.to_owned(),
            Part::Sheet(sheet) => format!("{} [{sheet}]", source.display),
        },
        path: source.display.to_owned(),
        outcome: FileOutcome::Rejected,
        unknown_columns: Vec::new(),
        personal_columns: Vec::new(),
    };
    let sheet = match source.part {
        Part::File => None,
        Part::Sheet(name) => Some(name.as_str()),
    };
    if let Some((batch_id, file, as_of)) = writer.batch_with_hash(source.sha256, sheet)? {
        summary.outcome = FileOutcome::AlreadyImported {
            batch_id,
            file,
            as_of,
        };
        return Ok(summary);
    }
    let (file, rows) = match open(source, &options.read, sink) {
        Opened::Ledger(file, rows) => {
            sink.header(&file);
            (file, rows)
        }
        Opened::NotALedger => {
            summary.outcome = match source.part {
                Part::File => FileOutcome::Empty,
                Part::Sheet(_) => FileOutcome::NotALedger,
            };
            return Ok(summary);
        }
        Opened::Failed => return Ok(summary),
    };
    summary.unknown_columns.clone_from(&file.unknown_columns);
    summary.personal_columns.clone_from(&file.personal_columns);

    let errors_before = sink.errors;
    let (as_of, as_of_source, rows) = if let Some((as_of, how)) = source.known_as_of {
        if let Some(warning) = ahead_of_today(as_of, options.today) {
            sink.send(&Diagnostic {
                severity: Severity::Warning,
                ..Diagnostic::file_error(source.display, warning)
            });
        }
        (as_of, how, rows)
    } else {
        // The as-of date is the latest date in the file: read it once to find that date
        // (reporting every problem), then again to write.
        let Some(latest) = latest_date(&file, rows, sink) else {
            if sink.errors == errors_before {
                summary.outcome = FileOutcome::Empty;
            }
            return Ok(summary);
        };
        let mut quiet = Sink {
            observer: &mut Quiet,
            errors: 0,
            warnings: 0,
            unknown_outcomes: BTreeMap::new(),
            unknown_headers: BTreeMap::new(),
            links: Vec::new(),
        };
        let Opened::Ledger(_, rows) = open(source, &options.read, &mut quiet) else {
            return Ok(summary);
        };
        (
            as_of_from_latest(latest, options.today),
            AsOfSource::LatestDateInFile,
            rows,
        )
    };
    let batch = NewBatch {
        file: file.label(),
        sheet: file.sheet.clone(),
        sha256: source.sha256.to_owned(),
        kind: file.kind,
        as_of,
        imported_at: options.imported_at.clone(),
    };
    let batch_ref = writer.begin_batch(&batch)?;
    let report_rows = as_of_source != AsOfSource::LatestDateInFile;
    let tally = write_rows(writer, &batch_ref, &file, rows, sink, report_rows)?;
    if sink.errors == errors_before {
        summary.outcome = FileOutcome::Batch {
            kind: file.kind,
            as_of,
            as_of_source,
            tally,
        };
    }
    Ok(summary)
}

/// The warning for a given as-of date after today, `None` when it is not after today.
/// A report dated ahead (a week ending on Sunday) is plausible; a typo is likelier.
fn ahead_of_today(as_of: NaiveDate, today: NaiveDate) -> Option<String> {
    (as_of > today).then(|| format!("the as-of date {as_of} is after today ({today})"))
}

/// The as-of date a part takes from the latest date in it: that date, never after today.
/// Nobody knows tomorrow: a typo such as 2031 must not become the date of knowledge (the
/// second pass warns about it).
fn as_of_from_latest(latest: NaiveDate, today: NaiveDate) -> NaiveDate {
    latest.min(today)
}

/// A part as opened for reading.
enum Opened {
    Ledger(Box<LedgerFile>, Rows),
    /// A workbook sheet that holds no ledger.
    NotALedger,
    /// Could not be read; the diagnostics were sent.
    Failed,
}

fn open(source: &Source, options: &ReadOptions, sink: &mut Sink) -> Opened {
    match spreadsheet::open(source.path, source.display, source.part, options) {
        Ok(Some((file, rows))) => Opened::Ledger(Box::new(file), rows),
        Ok(None) => Opened::NotALedger,
        Err(diagnostics) => {
            for d in &diagnostics {
                sink.send(d);
            }
            Opened::Failed
        }
    }
}

/// Reads every row for its diagnostics; returns the latest date among the good rows.
fn latest_date(file: &LedgerFile, rows: Rows, sink: &mut Sink) -> Option<NaiveDate> {
    std::thread::scope(|scope| {
        let mut parsed = read_ahead::start(scope, file, rows);
        let mut latest = None;
        let mut read_so_far = 0;
        while let Some(chunk) = parsed.next_chunk() {
            for read in &chunk {
                read_so_far += 1;
                sink.rows(read_so_far);
                match read {
                    Read::Unreadable(diagnostic) => sink.send(diagnostic),
                    Read::Skipped => {}
                    Read::Parsed(_, parsed) => {
                        sink.parsed(parsed);
                        if let Some(case) = &parsed.case {
                            latest = latest.max(Some(case.latest_date()));
                        }
                    }
                }
            }
            parsed.give_back(chunk);
        }
        latest
    })
}

/// Streams rows into the batch. Row diagnostics are sent only when `report_rows` (a
/// first pass may have sent them); dates after the as-of date and duplicates are always
/// checked here.
///
/// Rows are read and parsed on other threads, chunks ahead of the ledger (see
/// [`read_ahead`]): they are parsed while the previous ones are written, and memory
/// stays flat whatever the file's size.
fn write_rows(
    writer: &Writer,
    batch: &BatchRef,
    file: &LedgerFile,
    rows: Rows,
    sink: &mut Sink,
    report_rows: bool,
) -> Result<BatchTally> {
    std::thread::scope(|scope| {
        let mut parsed = read_ahead::start(scope, file, rows);
        let mut batch_writer = writer.rows(*batch)?;
        let mut read_so_far = 0;
        let mut not_cases = Vec::new();
        let mut unrecorded = Vec::new();
        while let Some(chunk) = parsed.next_chunk() {
            for read in &chunk {
                read_so_far += 1;
                sink.rows(read_so_far);
                let (row_no, parsed) = match read {
                    Read::Unreadable(diagnostic) => {
                        if report_rows {
                            sink.send(diagnostic);
                        }
                        continue;
                    }
                    Read::Skipped => continue,
                    Read::Parsed(row_no, parsed) => (*row_no, parsed),
                };
                if report_rows {
                    sink.parsed(parsed);
                }
                if let Some(why) = parsed.not_a_case {
                    not_cases.push((row_no, why));
                }
                let Some(case) = &parsed.case else { continue };
                if unrecorded::is_heard_unrecorded(case, batch.as_of) {
                    unrecorded.push(row_no);
                }
                write_row(&mut batch_writer, file, sink, row_no, case)?;
            }
            parsed.give_back(chunk);
        }
        if !not_cases.is_empty() {
            sink.send(&Diagnostic {
                severity: Severity::Note,
                cell: file.cell_ref(0, None),
                ..Diagnostic::file_error(&file.display, non_case::note(&not_cases))
            });
        }
        if !unrecorded.is_empty() {
            sink.send(&unrecorded::warning(file, &unrecorded));
        }
        for warning in unrecorded::missing_columns(file) {
            sink.send(&warning);
        }
        batch_writer.finish()
    })
}

/// The case a row names, if any: a lawsuit's 复议案号 or a document's 关联案号.
fn link(file: &LedgerFile, row_no: u32, case: &Case) -> Option<Link> {
    let (field, named, kinds, message): (_, _, &'static [Kind], _) = match &case.facts {
        Facts::Litigation { .. } => {
            let named = case.reconsideration_no()?;
            let message = format!(
                "`{named}` is no reconsideration case in the ledger: the lawsuit is linked to nothing (import its 复议台账, or correct the number)"
            );
            let field = spreadsheet::Field::Track(TrackField::ReconsiderationNo);
            (field, named, &[Kind::Reconsideration], message)
        }
        Facts::Rectification { linked_case_no, .. } => {
            let named = CaseNo::new(linked_case_no.as_deref()?)?;
            let message = format!(
                "`{named}` is no case in the ledger: the document is linked to nothing (import the ledger of its case, or correct the number)"
            );
            (
                spreadsheet::Field::LinkedCaseNo,
                named,
                &Kind::CASES,
                message,
            )
        }
        Facts::Reconsideration { .. } | Facts::Dispute { .. } => return None,
    };
    Some(Link {
        warning: Diagnostic {
            severity: Severity::Warning,
            row: Some(row_no),
            cell: file.cell_of(row_no, field),
            column: file.header_of(field).map(str::to_owned),
            ..Diagnostic::file_error(&file.display, message)
        },
        kinds,
        key: named.key().to_owned(),
    })
}

/// Writes one case of the batch, reporting a date after the as-of date or a case the
/// file already listed.
fn write_row(
    batch_writer: &mut BatchWriter,
    file: &LedgerFile,
    sink: &mut Sink,
    row_no: u32,
    case: &Case,
) -> Result<()> {
    file.dates_after(row_no, case, batch_writer.as_of())
        .iter()
        .for_each(|d| sink.send(d));
    if let Some(link) = link(file, row_no, case) {
        sink.links.push(link);
    }
    match batch_writer.write(row_no, case)? {
        Listed::Recorded(_) => {}
        Listed::Duplicate { first_row } => sink.send(&Diagnostic {
            row: Some(row_no),
            cell: file.cell_of(row_no, spreadsheet::Field::CaseNo),
            column: file
                .header_of(spreadsheet::Field::CaseNo)
                .map(str::to_owned),
            ..Diagnostic::file_error(
                &file.display,
                format!(
                    "case `{}` is already on row {first_row}; a file lists each case once",
                    case.case_no
                ),
            )
        }),
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::fixture::d;

    #[track_caller]
    fn ahead(as_of: &str, today: &str, expected: Option<&str>) {
        assert_eq!(ahead_of_today(d(as_of), d(today)).as_deref(), expected);
    }

    #[test]
    fn a_given_as_of_date_after_today_is_warned_about() {
        ahead("2021-08-27", "2021-08-31", None);
        ahead("2021-08-31", "2021-08-31", None);
        ahead(
            "2021-09-05",
            "2021-08-31",
            Some("the as-of date 2021-09-05 is after today (2021-08-31)"),
        );
    }

    #[track_caller]
    fn latest(latest: &str, today: &str, expected: &str) {
        assert_eq!(as_of_from_latest(d(latest), d(today)), d(expected));
    }

    #[test]
    fn the_latest_date_in_a_file_is_the_as_of_date_up_to_today() {
        latest("2021-08-27", "2021-08-31", "2021-08-27");
        latest("2021-08-31", "2021-08-31", "2021-08-31");
        latest("2031-08-27", "2021-08-31", "2021-08-31");
    }
}
