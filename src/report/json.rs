//! Reports and trends as JSON, in the shapes SPEC §5 fixes for outside checks.

use std::io::Write;

use anyhow::Result;
use serde::Serialize;

use super::Report;

/// Writes the report as pretty-printed JSON followed by a newline.
pub fn write_json(report: &Report, out: &mut dyn Write) -> Result<()> {
    write_json_value(report, out)
}

/// Writes any serialisable value as pretty-printed JSON followed by a newline.
pub fn write_json_value<T: Serialize>(value: &T, out: &mut dyn Write) -> Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)?;
    Ok(())
}
