//! The report as one self-contained HTML page for the monthly meeting.

use std::io::Write;

use anyhow::{Result, bail};

use super::Report;
use super::trend::Trend;

/// Writes the page: headline figures, the table, charts of this year against last year
/// and the benchmark, the per-unit ranking and the monthly trend.
pub fn write_html(report: &Report, trend: &Trend, out: &mut dyn Write) -> Result<()> {
    let _ = (report, trend, out);
    bail!("the HTML report is not available in this build")
}
