//! What the subcommands share but is none of them: where results go (standard output or
//! an owner-only file, in the encoding asked for) and how an import shows its progress and
//! diagnostics on a terminal, and how a list of mappings is checked before any is stored.

use std::fmt::Display;

use anyhow::{Result, bail};

pub mod output;
pub mod progress;

/// Parses every mapping entry, printing an error line for each wrong one; fails, so that
/// none is stored, unless all of them parse.
pub fn parse_mappings<T, E: Display>(
    entries: &[String],
    parse: impl Fn(&str) -> Result<T, E>,
) -> Result<Vec<T>> {
    let mut mappings = Vec::new();
    let mut wrong = 0;
    for entry in entries {
        match parse(entry) {
            Ok(mapping) => mappings.push(mapping),
            Err(e) => {
                wrong += 1;
                eprintln!("error: `{entry}`: {e}");
            }
        }
    }
    if wrong > 0 {
        bail!(
            "{wrong} of {} mappings cannot be stored; none was stored",
            entries.len()
        );
    }
    Ok(mappings)
}
