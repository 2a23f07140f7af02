//! caseledger: weekly case spreadsheets (案件台账) → a versioned SQLite ledger → the exact
//! 三率 report with its 同比.
//!
//! Data flows one way: `spreadsheet` reads files into typed [`model::Case`]s, `ingest` writes
//! them as batches into the `ledger` (the only module with SQL), `rates` tallies the
//! ledger's current cases into counts and rates, and `report` assembles and renders them
//! (and, in `report::due`, the week's work list; in `report::docx`, the Word documents);
//! `render` holds what every output shares.
//! `template` writes the blank workbook offices fill in, from the importer's own columns.
//! `worklist` says what must be done next on a case: deadlines and hearing reminders.
//! `lead_sheet` gathers each 包案领导's cases for the monthly 调度 meeting; `selection`
//! finds the cases a leader should take on (套案, 群体性案件, 包案候选).
//! `render` holds what every output shares: the escapes for HTML, Markdown and a terminal,
//! and the one guarded way a user's file is written.
//! `serve` shows the same calls as local web pages (the web layer only: no rule of its own).
//! `commands` turns each subcommand's options into calls of these; `cli` only parses.

pub mod cli;
pub mod commands;
pub mod ingest;
pub mod lead_sheet;
pub mod ledger;
pub mod model;
pub mod rates;
pub mod render;
pub mod report;
pub mod selection;
pub mod serve;
pub mod spreadsheet;
pub mod template;
pub mod worklist;
