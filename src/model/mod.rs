//! The domain vocabulary: ledgers, cases, outcomes, instances, periods and the 口径.
//!
//! Pure types and the rules that belong to them. Nothing here reads files, issues SQL
//! or formats text for people; everything else in the crate builds on these types.

pub mod appearance;
pub mod benchmark;
pub mod breakdown;
pub mod calendar;
pub mod case;
pub mod case_no;
pub mod countable;
pub mod deadline;
pub mod field;
pub mod filter;
#[cfg(test)]
pub(crate) mod fixture;
pub mod header_map;
pub mod kind;
pub mod lead;
pub mod letterhead;
pub mod metric;
pub mod outcome;
pub mod outcome_map;
pub mod percent;
pub mod period;
pub mod record;
pub mod rules;
pub mod tracking;
pub mod unit;
pub mod unknown;

pub use benchmark::{Benchmark, Comparison};
pub use breakdown::Breakdown;
pub use calendar::{DayType, WorkCalendar};
pub use case::{Case, Facts, FieldValue};
pub use case_no::CaseNo;
pub use countable::{Countable, CountableFacts, DeadlineFacts};
pub use deadline::{Due, Law};
pub use field::{Field, FieldRef};
pub use filter::{Filter, NamePattern};
pub use header_map::HeaderMap;
pub use kind::{Instance, Kind};
pub use letterhead::Letterhead;
pub use metric::Metric;
pub use outcome::{Outcome, OutcomeReading};
pub use outcome_map::{OutcomeMap, OutcomeMapError};
pub use percent::Percent;
pub use period::{Month, Period};
pub use record::{Choice, DisputeResult, DocType, Rectified};
pub use rules::Rules;
pub use tracking::{TrackField, TrackValue, Tracking};
pub use unit::{RegistryError, Resolved, Unit, UnitRegistry};
pub use unknown::Unknown;
