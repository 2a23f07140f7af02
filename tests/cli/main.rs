//! End-to-end tests of the `caseledger` binary on real files in temporary folders.
//!
//! Table of contents:
//! - `bad_input`: truncated, mis-encoded, NUL-filled, huge, wide and empty files, each
//!   refused or warned about with its file, row and column, the ledger left as it was;
//! - `breadth`: ledgers in every form the SPEC allows against a reference counted in the
//!   test;
//! - `formats`: breakdown by unit, benchmarks, trend, and the csv, markdown and text
//!   formats;
//! - `import`: what import accepts, rejects and reports, and that a rejected import
//!   leaves the ledger as it was;
//! - `versions`: re-imports, corrections and reports as of an earlier date;
//! - `outcomes`: an office's own outcome wording mapped once, from the failed import's
//!   advice to every later import and `check --ledger`;
//! - `questions`: check, batches, undo, history, cases, rules and units;
//! - `reference`: SPEC §4's counts and rates computed by the tests' own code (shared with
//!   the property tests);
//! - `report`: report formats, defaults and golden output;
//! - `robustness`: a killed import, two imports at once, and reports during an import;
//! - `sample`: the shipped sample reproduces the published figures, and regenerates
//!   byte for byte;
//! - `template`: the blank workbook offices fill in, read back, filled in and imported
//!   like a CSV of the same cases;
//! - `workbook`: Excel workbooks: typed cells, several sheets, numeric case numbers;
//! - `xlsx_report`: the Excel report, read back cell by cell.

mod bad_input;
mod breadth;
mod formats;
mod import;
mod outcomes;
mod questions;
#[path = "../reference/mod.rs"]
mod reference;
mod report;
mod robustness;
mod sample;
mod support;
mod template;
mod versions;
mod workbook;
mod xlsx_report;
