//! End-to-end tests of the `caseledger` binary on real files in temporary folders.
//!
//! Table of contents:
//! - `backup`: `backup` copies that report like the ledger, owner-only, never over a
//!   file unasked, consistent while an import runs; and `completions`;
//! - `bad_input`: truncated, mis-encoded, NUL-filled, huge, wide and empty files, each
//!   refused or warned about with its file, row and column, the ledger left as it was;
//! - `batches`: what each import did, as a table and as JSON;
//! - `browser`: `serve` in Chromium: a refused upload, the sample's last week uploaded
//!   through the page, and the report's published rates read back (skipped without
//!   chromium unless `CI` is set);
//! - `breakdowns`: `report --by matter|respondent|defendant|court`: rows that add up, one
//!   row per agency however spelled, （未填）, ranking, every format;
//! - `calendar`: holidays and make-up days a bureau adds (CSV or workbook, all or nothing)
//!   and the deadlines they move;
//! - `cases`: the cases behind a figure, as many as the report counts, and their
//!   exports (the spec's keys, formula-safe);
//! - `case_set`: the cases the layout and cell tests share, as tables, and their plain CSV;
//! - `cells`: dates, appearance and outcomes in office wording, appeals and retrials,
//!   改正后终止 under the 口径, and Excel error values;
//! - `check`: every problem of every file listed, and no ledger created;
//! - `comparison`: two imports of the same cases compared, report and cases;
//! - `deadline_figures`: 按期办结率, late answers and defences and 通知率 counted by hand
//!   in every report format, and a ledger without work-list columns reporting none;
//! - `docx`: the 通报 and the 调度表 as Word documents: the official page, fonts and
//!   figures, ECMA-376's element order, the bureau's words, and the pages `LibreOffice`
//!   renders (page size, margins, line pitch, 「— N —」 odd right and even left);
//! - `document_links`: a document's 关联案号 found however it is written, named in the
//!   case's `history`, and a warning when no case has the number;
//! - `due`: the work list of hand-counted ledgers as known on a date, its filters and
//!   formats (an iCalendar file read back by a parser);
//! - `every_spelling_against_reference`: ledgers in every form the SPEC allows against a
//!   reference counted in the test;
//! - `formats`: breakdown by unit, benchmarks, and the csv, markdown and text formats;
//! - `headers`: office headers read by meaning, and every unknown column named with the
//!   `columns map` line that settles it, beside the `outcomes map` line of the same run;
//! - `history`: a case's versions, what changed and from which file;
//! - `hostile_input`: --output onto the ledger or a link to it, a full disk, FIFOs,
//!   devices and looping links, a line past the row bound, `file:` ledger names, terminal
//!   escapes and markup in the data, and a damaged ledger: each refused or neutralised,
//!   the ledger and earlier output kept;
//! - `import`: what import accepts, rejects and reports, and that a rejected import
//!   leaves the ledger as it was;
//! - `indicators`: 维持率, 实质性化解率, 复议后起诉率 and 复议诉讼比 reproduce published
//!   figures (中山市, 秀山县, 铁岭市 2024) in every format; lawsuits linked to the cases
//!   they name, a 口径 change that moves the 纠错率 alone;
//! - `layout`: how offices lay a ledger out on a sheet (titles, two-level headers, merges,
//!   序号 and totals, footers);
//! - `layout_fixtures`: the committed .xlsx, .xls and .ods layout fixtures, and that they
//!   are what the generator writes;
//! - `layouts`: every layout of SPEC §2.6 imports like the plain CSV of its cases;
//! - `leads`: the monthly 包案 调度 sheet: each leader's cases, endings, overdue work and
//!   the month's progress, as known at the month's end, in JSON, xlsx and HTML;
//! - `outcomes`: an office's own outcome wording mapped once, from the failed import's
//!   advice to every later import and `check --ledger`;
//! - `record_figures`: the figures of the 整改台账 and 诉前台账 counted by hand in every
//!   report format, each block only for a ledger that holds such rows;
//! - `records`: the 整改台账 and 诉前台账 end to end: kind detection, check and import,
//!   every consistency error, cases, history over two weeks, batches and undo, the work
//!   list of every item worked out by hand on the 2025 calendar in every format (an
//!   iCalendar file read back), and the 包案 sheet with documents and disputes;
//! - `reference`: SPEC §4's counts and rates computed by the tests' own code (shared with
//!   the property tests);
//! - `report`: report formats, defaults and golden output;
//! - `rules`: a 口径 changed, shown and reset, and the denominators it moves;
//! - `robustness`: a killed import, two imports at once, and reports during an import;
//! - `sample`: the shipped sample reproduces the published figures, and regenerates
//!   byte for byte;
//! - `selection`: `clusters` (套案, 群体性案件), `at-risk` (包案候选) and the ad-hoc
//!   filters of report, cases, trend and due, counted by hand, in every format;
//! - `serve`: `serve --port 0` prints its token address first; the token, cookie, Host
//!   and Origin checks over real HTTP, and `--read-only`;
//! - `sheet`: a grid of cells with merges, written as .xlsx or as Excel's CSV;
//! - `template`: the blank workbook offices fill in, read back, filled in and imported
//!   like a CSV of the same cases;
//! - `tracing_a_figure`: the fixtures the files of the commands that answer questions
//!   about a ledger share, and the qualified appearances;
//! - `trend`: monthly and weekly points, as known now and as known then, ending at the
//!   report's figures;
//! - `undo`: undoing the latest or an earlier batch leaves every report as without it;
//! - `units`: a unit registry that maps aliases and refuses unknown units;
//! - `verify`: a sound ledger verified ok, and copies damaged one way each (a case's
//!   current state, a missing batch, a batch's counts, a corrupt page) named and failed;
//! - `unrecorded`: heard cases without a recorded appearance: the import warning,
//!   `heard_unrecorded`, the line under the rate and a rate that is not shown;
//! - `versions`: re-imports, corrections and reports as of an earlier date;
//! - `workbook`: Excel workbooks: typed cells, several sheets, numeric case numbers;
//! - `xlsx_report`: the Excel report, read back cell by cell.

mod backup;
mod bad_input;
mod batches;
mod breakdowns;
mod browser;
mod calendar;
mod case_set;
mod cases;
mod cells;
mod check;
mod comparison;
mod deadline_figures;
mod document_links;
mod docx;
mod due;
mod every_spelling_against_reference;
mod formats;
mod headers;
mod history;
mod hostile_input;
mod import;
mod indicators;
mod layout;
mod layout_fixtures;
mod layouts;
mod leads;
mod outcomes;
mod record_figures;
mod records;
#[path = "../reference/mod.rs"]
mod reference;
mod report;
mod robustness;
mod rules;
mod sample;
mod selection;
mod serve;
mod sheet;
mod support;
mod template;
mod tracing_a_figure;
mod trend;
mod undo;
mod units;
mod unrecorded;
mod verify;
mod versions;
mod workbook;
mod xlsx_report;
