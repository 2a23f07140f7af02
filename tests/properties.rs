//! Properties of the pure readers and arithmetic, over generated inputs: every spelling a
//! clerk may use reads back to the same value, and nothing a file holds makes them panic;
//! and of the binary: importing generated cases and reporting them gives the figures
//! counted from the same cases by the tests' own code.

mod reference;

use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;

use caseledger::model::case_no::match_key;
use caseledger::model::{Instance, Kind, Outcome, OutcomeReading};
use caseledger::rates::Percent;
use caseledger::spreadsheet::cell::{normalise, parse_bool, parse_date, parse_yes_no};
use chrono::{Datelike, Days, NaiveDate};
use proptest::prelude::*;
use reference::{LIT_OUTCOMES, RECON_OUTCOMES, Recon, Suit};
use serde_json::Value;

fn any_date() -> impl Strategy<Value = NaiveDate> {
    (0_u64..73_000).prop_map(|days| {
        NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or_default() + chrono::Days::new(days)
    })
}

fn full_width(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_ascii_digit() {
                char::from_u32(c as u32 + 0xFEE0).unwrap_or(c)
            } else {
                c
            }
        })
        .collect()
}

proptest! {
    #[test]
    fn every_date_style_reads_back(date in any_date().prop_filter("in range", |d| d.year() <= 2099), style in 0_usize..7) {
        let (y, m, d) = (date.year(), date.month(), date.day());
        let text = match style {
            0 => format!("{y}-{m:02}-{d:02}"),
            1 => format!("{y}/{m}/{d}"),
            2 => format!("{y}.{m}.{d}"),
            3 => format!("{y}年{m}月{d}日"),
            4 => format!("{y}{m:02}{d:02}"),
            5 => format!("\u{3000}{y}/{m}/{d} 0:00 "),
            _ => full_width(&format!("{y}-{m}-{d}")),
        };
        prop_assert_eq!(parse_date(&normalise(&text)), Some(date), "{}", text);
    }

    #[test]
    fn no_text_makes_the_readers_panic(text in "\\PC{0,40}") {
        let cell = normalise(&text);
        let _ = parse_date(&cell);
        let _ = parse_bool(&cell);
        let _ = parse_yes_no(&cell, true);
        for kind in Kind::ALL {
            for instance in [None, Some(Instance::First), Some(Instance::Second)] {
                let _ = Outcome::read(kind, instance, &cell);
                let _ = Outcome::closest(kind, instance, &cell);
            }
        }
        let key = match_key(&cell);
        prop_assert_eq!(match_key(&key), key.clone(), "the key of a key is itself");
    }

    #[test]
    fn case_numbers_match_whatever_the_brackets(year in 1990_u32..2100, number in 1_u32..100_000, style in 0_usize..6, space in any::<bool>()) {
        let (open, close) = [("〔", "〕"), ("（", "）"), ("[", "]"), ("(", ")"), ("【", "】"), ("［", "］")][style];
        let gap = if space { " " } else { "" };
        let written = format!("都府复{open}{year}{close}{gap}{number}号");
        prop_assert_eq!(match_key(&normalise(&written)), format!("都府复({year}){number}号"));
    }

    #[test]
    fn outcome_spellings_ignore_inner_spaces(index in 0_usize..13, at in 0_usize..4) {
        let outcome = Outcome::accepted(Kind::Reconsideration).nth(index).unwrap_or(Outcome::Other);
        let mut spelled: Vec<char> = outcome.name().chars().collect();
        spelled.insert(at.min(spelled.len()), ' ');
        let spelled: String = spelled.into_iter().collect();
        prop_assert_eq!(Outcome::read(Kind::Reconsideration, None, &normalise(&spelled)), OutcomeReading::Known(outcome));
    }

    #[test]
    fn rates_round_half_up_exactly(numerator in 0_u64..1_000_000, extra in 0_u64..1_000_000) {
        let denominator = numerator + extra + 1;
        let rate = Percent::of(numerator, denominator).map(|p| p.0);
        // Reference: 10000·n/d rounded half-up, in integers.
        let scaled = u128::from(numerator) * 10_000;
        let d = u128::from(denominator);
        let expected = (scaled / d + u128::from(scaled % d * 2 >= d)) as i64;
        prop_assert_eq!(rate, Some(expected));
        prop_assert!((0..=10_000).contains(&expected));
    }
}

const UNITS: [&str; 3] = ["都匀市", "福泉市", "州直"];
/// Every case's dates lie between this day and the files' as-of date, 2021-12-31.
const FIRST_DAY: (i32, u32, u32) = (2019, 12, 1);

fn day(offset: u64) -> NaiveDate {
    let (y, m, d) = FIRST_DAY;
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default() + Days::new(offset)
}

/// Reconsideration cases received up to 2021-10-01, closed up to 96 days later.
fn recon_cases() -> impl Strategy<Value = Vec<Recon>> {
    let case = (
        0..UNITS.len(),
        0_u64..670,
        proptest::option::of(0_u64..6),
        proptest::option::of((6_u64..96, 0..RECON_OUTCOMES.len())),
        proptest::option::of(any::<bool>()),
    )
        .prop_map(|(unit, received, accepted, closed, corrected)| {
            let received = day(received);
            let closed = closed.map(|(after, o)| {
                let (spelling, canonical) = RECON_OUTCOMES[o];
                (received + Days::new(after), spelling, canonical)
            });
            let not_accepted = closed.is_some_and(|(_, _, o)| o == "不予受理");
            Recon {
                number: 0,
                unit: UNITS[unit],
                received,
                accepted: accepted
                    .filter(|_| !not_accepted)
                    .map(|d| received + Days::new(d)),
                closed,
                corrected,
            }
        });
    proptest::collection::vec(case, 1..30).prop_map(|mut cases| {
        for (n, case) in (1..).zip(&mut cases) {
            case.number = n;
        }
        cases
    })
}

/// Litigation cases of every instance, filed up to 2021-07-23, heard and closed later.
fn suits() -> impl Strategy<Value = Vec<Suit>> {
    let case = (
        0..UNITS.len(),
        prop::sample::select(vec!["行初", "行赔初", "行初", "行终", "行申"]),
        0_u64..600,
        proptest::option::of((10_u64..80, proptest::option::of(any::<bool>()))),
        proptest::option::of((1_u64..80, 0..LIT_OUTCOMES.len())),
        proptest::option::of(any::<bool>()),
    )
        .prop_map(|(unit, code, filed, hearing, closed, lost)| {
            let filed = day(filed);
            let hearing = hearing.map(|(after, head)| (filed + Days::new(after), head));
            let after = hearing.map_or(filed, |(d, _)| d);
            Suit {
                number: 0,
                unit: UNITS[unit],
                code,
                filed,
                hearing: hearing.map(|(d, _)| d),
                head: hearing.and_then(|(_, head)| head),
                closed: closed.map(|(days, o)| {
                    let (spelling, canonical) = LIT_OUTCOMES[o];
                    (after + Days::new(days), spelling, canonical)
                }),
                lost,
            }
        });
    proptest::collection::vec(case, 1..30).prop_map(|mut cases| {
        for (n, case) in (1..).zip(&mut cases) {
            case.number = n;
        }
        cases
    })
}

/// A period in 2021 starting by 1 March; often ending on a month end (28 February among
/// them, whose year before must end on 28 February 2020, not the 29th).
fn periods() -> impl Strategy<Value = (NaiveDate, NaiveDate)> {
    (
        0_u64..60,
        prop_oneof![Just(58_u64), Just(242), Just(364), 0_u64..365],
    )
        .prop_map(|(from, to)| {
            let start = NaiveDate::from_ymd_opt(2021, 1, 1).unwrap_or_default();
            (start + Days::new(from.min(to)), start + Days::new(to))
        })
}

fn cell(date: Option<NaiveDate>) -> String {
    date.map(|d| d.to_string()).unwrap_or_default()
}

fn flag(value: Option<bool>) -> &'static str {
    value.map_or("", |yes| if yes { "是" } else { "否" })
}

/// The cases as the SPEC's two ledgers, as of 2021-12-31, in `dir`.
fn write_ledgers(dir: &Path, recon: &[Recon], suits: &[Suit], with_instance: bool) {
    let mut text = String::from("案号,单位,收案日期,受理日期,结案日期,结案方式,是否纠错\n");
    for c in recon {
        let (closed, outcome) = c.closed.map_or((None, ""), |(d, s, _)| (Some(d), s));
        let _ = writeln!(
            text,
            "都府复〔{}〕{}号,{},{},{},{},{outcome},{}",
            c.received.year(),
            c.number,
            c.unit,
            c.received,
            cell(c.accepted),
            cell(closed),
            flag(c.corrected)
        );
    }
    std::fs::write(dir.join("复议台账_2021-12-31.csv"), text).expect("write 复议台账");
    let mut text =
        String::from("案号,单位,立案日期,开庭日期,负责人出庭,结案日期,裁判结果,是否败诉,审级\n");
    for c in suits {
        let (closed, outcome) = c.closed.map_or((None, ""), |(d, s, _)| (Some(d), s));
        let instance = match c.code {
            _ if !with_instance => "",
            "行初" | "行赔初" => "一审",
            "行终" => "二审",
            _ => "再审",
        };
        let _ = writeln!(
            text,
            "({})黔2701{}{}号,{},{},{},{},{},{outcome},{},{instance}",
            c.filed.year(),
            c.code,
            c.number,
            c.unit,
            c.filed,
            cell(c.hearing),
            flag(c.head),
            cell(closed),
            flag(c.lost)
        );
    }
    std::fs::write(dir.join("应诉台账_2021-12-31.csv"), text).expect("write 应诉台账");
}

/// Runs the binary on the ledger in `dir`; its stdout, or the whole story when it fails.
fn caseledger(dir: &Path, args: &[&str]) -> Result<String, TestCaseError> {
    let output = Command::new(env!("CARGO_BIN_EXE_caseledger"))
        .env_clear()
        .env("HOME", dir)
        .arg("--ledger")
        .arg(dir.join("ledger.sqlite"))
        .args(args)
        .output()
        .map_err(|e| TestCaseError::fail(format!("cannot run caseledger: {e}")))?;
    if !output.status.success() {
        return Err(TestCaseError::fail(format!(
            "caseledger {args:?} failed: {}",
            String::from_utf8_lossy(&output.stderr)
        )));
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

fn report(
    dir: &Path,
    (from, to): (NaiveDate, NaiveDate),
    extra: &[&str],
) -> Result<Value, TestCaseError> {
    let (from, to) = (from.to_string(), to.to_string());
    let mut args = vec!["report", "--from", &from, "--to", &to, "--format", "json"];
    args.extend_from_slice(extra);
    let stdout = caseledger(dir, &args)?;
    serde_json::from_str(&stdout)
        .map_err(|e| TestCaseError::fail(format!("report is not JSON ({e}): {stdout}")))
}

proptest! {
    // Each case runs the binary three times (about 15 ms in all): 64 take a second.
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn import_then_report_gives_the_reference_figures(
        recon in recon_cases(),
        suits in suits(),
        period in periods(),
        with_instance in any::<bool>(),
    ) {
        let dir = tempfile::tempdir().expect("temporary folder");
        let input = dir.path().join("in");
        std::fs::create_dir(&input).expect("input folder");
        write_ledgers(&input, &recon, &suits, with_instance);
        caseledger(dir.path(), &["import", &input.display().to_string()])?;
        let previous = reference::previous_year(period);
        let whole = report(dir.path(), period, &[])?;
        let differences = reference::differences(
            &whole,
            &reference::counts(&recon, &suits, period, None),
            &reference::counts(&recon, &suits, previous, None),
        );
        prop_assert!(differences.is_empty(), "{}", differences.join("\n"));

        let by_unit = report(dir.path(), period, &["--by", "unit"])?;
        let rows = by_unit["rows"].as_array().cloned().unwrap_or_default();
        // A unit with a case counted in either year has its row; a row is one unit's.
        for unit in UNITS {
            let now = reference::counts(&recon, &suits, period, Some(unit));
            let then = reference::counts(&recon, &suits, previous, Some(unit));
            match rows.iter().find(|r| r["unit"] == unit) {
                Some(row) => {
                    let differences = reference::differences(row, &now, &then);
                    prop_assert!(differences.is_empty(), "{}: {}", unit, differences.join("\n"));
                }
                None => prop_assert!(
                    now.values().chain(then.values()).all(|n| *n == 0),
                    "no row for {} in {}", unit, by_unit
                ),
            }
        }
        prop_assert!(
            rows.iter().all(|r| UNITS.iter().any(|u| r["unit"] == *u)),
            "rows for other units: {}", by_unit
        );
        let differences = reference::differences(
            &by_unit,
            &reference::counts(&recon, &suits, period, None),
            &reference::counts(&recon, &suits, previous, None),
        );
        prop_assert!(differences.is_empty(), "--by unit totals: {}", differences.join("\n"));
    }
}
