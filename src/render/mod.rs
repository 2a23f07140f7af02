//! What every output shares, whichever command renders it: the escapes that neutralise
//! text for where it goes (a terminal, a Markdown file), and the one guarded way a
//! user's file is written (never over the ledger, never half-written).

pub mod escape;
pub mod output;
