//! What every output shares, whichever command renders it: the escapes that neutralise
//! text for where it goes (a terminal, a Markdown file), the one look of a terminal
//! table, and the one guarded way a user's file is written (never over the ledger, never
//! half-written). A renderer takes these from here rather than setting up its own copy.

pub mod escape;
pub mod output;
pub mod page;
pub mod table;
