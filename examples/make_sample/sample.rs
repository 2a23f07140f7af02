//! The sample season under `data/sample/`: weekly case files of 黔南州's reconsideration
//! offices and courts from January 2020 to 31 August 2021, synthetic but shaped on the
//! published January–August 2021 figures (SPEC §6). Everything comes from one fixed seed, so
//! the bytes never change between runs. The work-list columns (SPEC §7) are drawn on top of
//! the cases from seeds of their own, so that adding them changed no case. After writing,
//! the files are read back by an independent tally and every SPEC §6 figure is checked. Only
//! std, `chrono` and `encoding_rs`: the integration tests include this file as a module.

#[path = "baoan.rs"]
mod baoan;
#[path = "calendar.rs"]
mod calendar;
#[path = "cases.rs"]
mod cases;
#[path = "corrections.rs"]
mod corrections;
#[path = "deadlines.rs"]
mod deadlines;
#[path = "hearings.rs"]
mod hearings;
#[path = "holidays.rs"]
mod holidays;
#[path = "names.rs"]
mod names;
#[path = "plan.rs"]
mod plan;
#[path = "population.rs"]
mod population;
#[path = "records.rs"]
mod records;
#[path = "sources.rs"]
mod sources;
#[path = "styles.rs"]
mod styles;
#[path = "tally.rs"]
mod tally;
#[path = "worklist.rs"]
mod worklist;

use std::io;
use std::path::Path;

use calendar::{Calendar, ymd};
use population::Population;
use tally::{KEYS, Ledger};
use worklist::Worklist;

/// A year and the SPEC §4 counts its January–August must give.
type Target = ((i32, &'static str), [(&'static str, u64); 10]);

/// The figures the sample must give for January–August of each year (`filed` is free).
const TARGETS: [Target; 2] = [
    (
        (2020, "2020-01-01..2020-08-31"),
        [
            ("received", 203),
            ("accepted", 170),
            ("not_accepted", 15),
            ("closed", 194),
            ("corrected", 72),
            ("mediated", 58),
            ("first_instance_closed", 494),
            ("lost", 170),
            ("heard", 281),
            ("head_appeared", 151),
        ],
    ),
    (
        (2021, "2021-01-01..2021-08-31"),
        [
            ("received", 181),
            ("accepted", 149),
            ("not_accepted", 13),
            ("closed", 169),
            ("corrected", 14),
            ("mediated", 76),
            ("first_instance_closed", 506),
            ("lost", 110),
            ("heard", 363),
            ("head_appeared", 275),
        ],
    ),
];

/// Writes the whole sample into `out` (which should be empty) and checks it.
///
/// Fails if a file cannot be written or if the files, read back, miss any SPEC §6 figure or
/// a planted correction does not change its count when reported as of an earlier date.
pub fn write_sample(out: &Path) -> io::Result<()> {
    let calendar = Calendar::new();
    let population = Population::generate(&calendar)?;
    let worklist = Worklist::plan(&population, &calendar);
    let records = records::Records::draw(&population, &calendar);
    let files = sources::write_all(out, &calendar, &population, &worklist, &records)?;
    // The tally reads the case ledgers; the 整改台账 and 诉前台账 carry no SPEC §6 figure.
    let case_files: Vec<_> = files
        .into_iter()
        .filter(|file| {
            let name = file
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default();
            name.contains("复议") || name.contains("应诉")
        })
        .collect();
    let ledger = Ledger::read(&case_files)?;
    let mut misses = Vec::new();
    for ((year, label), targets) in TARGETS {
        let counts = ledger.counts((ymd(year, 1, 1), ymd(year, 8, 31)), None);
        for (key, want) in targets {
            let got = KEYS.iter().position(|k| *k == key).map(|i| counts[i]);
            if got != Some(want) {
                misses.push(format!("{label} {key}: want {want}, got {got:?}"));
            }
        }
    }
    for fix in &population.corrections {
        let (number, key) = (&fix.case_no, fix.key);
        match ledger.case_count(
            fix.reconsideration,
            number,
            key,
            fix.period,
            fix.wrong_as_of,
        ) {
            Some((then, now)) if then != now => {}
            found => misses.push(format!(
                "correction of {number} does not change {key} as of {}: {found:?}",
                fix.wrong_as_of
            )),
        }
    }
    ledger.work_misses(&mut misses);
    if misses.is_empty() {
        Ok(())
    } else {
        Err(io::Error::other(format!(
            "the sample misses its figures:\n{}",
            misses.join("\n")
        )))
    }
}
