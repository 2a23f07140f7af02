//! The report as an Excel workbook: sheets 汇总, 分县 and 趋势.

use std::path::Path;

use anyhow::{Result, bail};

use super::Report;
use super::trend::Trend;

/// Writes the workbook to `path`.
pub fn write_xlsx(report: &Report, trend: &Trend, path: &Path) -> Result<()> {
    let _ = (report, trend, path);
    bail!("the Excel report is not available in this build")
}
