//! caseledger: weekly case spreadsheets (案件台账) → a versioned SQLite ledger → the exact
//! 三率 report with its 同比.
//!
//! Data flows one way: `spreadsheet` reads files into typed [`model::Case`]s, `ingest` writes
//! them as batches into the `ledger` (the only module with SQL), `rates` tallies the
//! ledger's current cases into counts and rates, and `report` assembles and renders the
//! 三率 report (and, in `report::docx`, the Word document kit); `notice` writes the monthly
//! 通报 from the report, the work list and the 包案 sheet.
//! `due` is the week's work list: what must be done next on a case (`due::task`: deadlines
//! and hearing reminders), gathered from the ledger and rendered in every format.
//! `leads` gathers each 包案领导's cases for the monthly 调度 meeting and renders that
//! sheet; `selection` finds the cases a leader should take on (套案, 群体性案件, 包案候选).
//! `spreadsheet::template` writes the blank workbook offices fill in, from the importer's
//! own columns.
//! `render` holds what every output shares: the escapes for HTML, Markdown and a terminal,
//! the table preset, the HTML page head, and the one guarded way a user's file is written.
//! `serve` shows the same calls as local web pages (the web layer only: no rule of its own).
//! `commands` turns each subcommand's options into calls of these; `cli` only parses.

pub mod cli;
pub mod commands;
pub mod due;
pub mod ingest;
pub mod leads;
pub mod ledger;
pub mod model;
pub mod notice;
pub mod rates;
pub mod render;
pub mod report;
pub mod selection;
pub mod serve;
pub mod spreadsheet;
