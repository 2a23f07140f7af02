//! The report as an Excel workbook: sheets 汇总 (the rates, counts and 口径), 分县 (one
//! row per unit and the 合计; 分案由, 分被申请人, 分被告 or 分法院 under `--by`) and 趋势
//! (the year-to-date figures at each month end).
//! Like every writer it only lays out figures the report already holds.

pub(crate) mod grid;
mod listing;
mod summary;
mod trend;
mod units;

use std::io::Write;

use anyhow::{Context, Result};
use rust_xlsxwriter::Workbook;

use super::Report;
use super::trend::Trend;

pub(crate) use grid::{Turn, display_width, set_up_pages};
pub(crate) use listing::write_listing;

/// Writes the workbook to `path`, created readable by its owner only (it holds case data).
///
/// Figures are numbers, so they can be summed and charted:
/// - A rate is written as the per-cent figure itself, 8.28 for 8.28%, with the number
///   format `0.00"%"`. The cell holds exactly the two-decimal figure every other output
///   shows (from [`Percent`](crate::rates::Percent), divided by 100 once); Excel's own
///   `0.00%` would need 0.0828, a second division whose binary result is no longer the
///   printed figure and whose display depends on Excel's rounding.
/// - A change of a rate is in percentage points (`+0.00;-0.00;0.00`, header 个百分点),
///   a relative change in per cent; a count is an integer.
/// - A rate or change that does not exist (denominator 0, or no rate last year) is the
///   text `—`, as in the table and text reports, never an empty cell: arithmetic on it
///   gives `#VALUE!` instead of silently reading it as 0.
/// - Every text cell goes through [`formula_safe`](crate::report::formula_safe).
///
/// The whole workbook is built in memory first, so a failure leaves no partial file.
pub fn write_xlsx(report: &Report, trend: &Trend, out: &mut dyn Write) -> Result<()> {
    let mut workbook = Workbook::new();
    workbook.push_worksheet(summary::sheet(report)?);
    workbook.push_worksheet(units::sheet(report)?);
    workbook.push_worksheet(trend::sheet(report, trend)?);
    let bytes = workbook
        .save_to_buffer()
        .context("cannot lay out the workbook")?;
    out.write_all(&bytes)?;
    Ok(())
}
