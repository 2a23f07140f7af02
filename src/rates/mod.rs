//! Pure arithmetic from cases to figures: the counts of SPEC §4, the deadline figures
//! of §7.6 and the further indicators of §8, exact rates rounded half-up to hundredths,
//! and the 同比 comparison with the year before.
//!
//! No IO and no floating point: every shown figure is an integer number of hundredths,
//! so a printed rate, its delta and its relative change can be re-derived by hand.

pub mod counts;
pub mod deadlines;
pub mod figure;
pub mod indicators;
pub mod records;

// Domain values the figures are made of, named here too for the renderers' convenience.
pub use crate::model::{Benchmark, Comparison, Metric, Percent};
pub use counts::Counts;
pub use deadlines::{CaseDeadlines, DeadlineBasis, DeadlineCounts, DeadlineFigures};
pub use figure::{RateFigure, Rates, Share};
pub use indicators::Indicator;
pub use records::{
    DisputeCounts, DisputeFigures, RectificationCounts, RectificationFigures, ReplyBasis,
    WithPrevious,
};
