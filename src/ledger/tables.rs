//! The ledger's table names, so that queries and migrations cannot drift apart, and the
//! date that stands for "everything known".

pub const BATCHES: &str = "batches";
pub const CASES: &str = "cases";
pub const VERSIONS: &str = "versions";
pub const SIGHTINGS: &str = "sightings";
pub const SETTINGS: &str = "settings";
pub const BENCHMARKS: &str = "benchmarks";
pub const UNITS: &str = "units";
pub const UNIT_ALIASES: &str = "unit_aliases";

/// A date later than any as-of date, for "everything known".
pub(super) const END_OF_TIME: &str = "9999-12-31";
