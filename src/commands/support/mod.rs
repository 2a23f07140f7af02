//! What the subcommands share but is none of them: where results go (standard output or
//! an owner-only file, in the encoding asked for) and how an import shows its progress and
//! diagnostics on a terminal.

pub mod output;
pub mod progress;
