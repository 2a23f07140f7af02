//! The report as one JSON object, in the shape SPEC §5 fixes for outside checks.

use std::io::Write;

use anyhow::Result;

use super::Report;

/// Writes the report as pretty-printed JSON followed by a newline.
pub fn write_json(report: &Report, out: &mut dyn Write) -> Result<()> {
    serde_json::to_writer_pretty(&mut *out, report)?;
    writeln!(out)?;
    Ok(())
}
