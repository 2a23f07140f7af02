//! `caseledger calendar`: the days a bureau adds to the built-in holiday schedule, and a
//! year's schedule as deadlines are counted on it.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Result, bail};
use chrono::{Datelike, Weekday};

use crate::cli::{CalendarAction, CalendarArgs};
use crate::ledger::Ledger;
use crate::model::{DayType, WorkCalendar};
use crate::spreadsheet::calendar;

pub fn run(ledger_path: &Path, args: &CalendarArgs, out: &mut dyn Write) -> Result<ExitCode> {
    match &args.action {
        CalendarAction::Import { file } => import(ledger_path, file, out)?,
        CalendarAction::Show { year } => show(ledger_path, *year, out)?,
    }
    Ok(ExitCode::SUCCESS)
}

fn import(ledger_path: &Path, file: &Path, out: &mut dyn Write) -> Result<()> {
    let display = file.display().to_string();
    let days = match calendar::read(file, &display) {
        Ok(days) => days,
        Err(diagnostics) => {
            for d in &diagnostics {
                eprintln!("{d}");
            }
            bail!(
                "{} in `{display}`; no day was imported",
                match diagnostics.len() {
                    1 => "1 error".to_owned(),
                    n => format!("{n} errors"),
                }
            );
        }
    };
    let mut ledger = Ledger::open_or_create(ledger_path)?;
    ledger.store_calendar_days(&days)?;
    let years: BTreeSet<i32> = days.iter().map(|(date, _)| date.year()).collect();
    for year in years {
        let of_year = || days.iter().filter(|(date, _)| date.year() == year);
        let rest = of_year().filter(|(_, t)| *t == DayType::Rest).count();
        let work = of_year().filter(|(_, t)| *t == DayType::Work).count();
        writeln!(out, "{year}: {rest} 休, {work} 班")?;
    }
    writeln!(out, "imported {} calendar days from {display}", days.len())?;
    Ok(())
}

fn show(ledger_path: &Path, year: i32, out: &mut dyn Write) -> Result<()> {
    // Without a ledger there are no days of the user's: the built-in schedule alone.
    let (calendar, added) = if ledger_path.exists() {
        let ledger = Ledger::open_existing(ledger_path)?;
        let added: BTreeSet<_> = ledger
            .calendar_days()?
            .into_iter()
            .filter(|(date, _)| date.year() == year)
            .map(|(date, _)| date)
            .collect();
        (ledger.work_calendar()?, added)
    } else {
        (WorkCalendar::new(), BTreeSet::new())
    };
    let (first, last) = WorkCalendar::built_in_years();
    let built_in = WorkCalendar::built_in_covers(year);
    let source = match (built_in, added.len()) {
        (true, 0) => format!(
            "{year}: the State Council's holiday schedule, built into caseledger ({first}–{last})"
        ),
        (true, n) => format!(
            "{year}: the State Council's holiday schedule, built into caseledger ({first}–{last}), with {n} of your days (marked +)"
        ),
        (false, 0) => format!(
            "{year}: no holiday schedule: deadlines are counted with weekends as the only rest days; add the year's 休 and 班 days with caseledger calendar import FILE"
        ),
        (false, n) => format!(
            "{year}: not in the built-in schedule ({first}–{last}); your {n} days (marked +), added with caseledger calendar import"
        ),
    };
    writeln!(out, "{source}")?;
    for (date, day_type) in calendar.year_days(year) {
        let mark = if added.contains(&date) { "+" } else { " " };
        writeln!(
            out,
            "{mark} {date} {} {}",
            weekday_zh(date.weekday()),
            day_type.label_zh()
        )?;
    }
    Ok(())
}

fn weekday_zh(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "周一",
        Weekday::Tue => "周二",
        Weekday::Wed => "周三",
        Weekday::Thu => "周四",
        Weekday::Fri => "周五",
        Weekday::Sat => "周六",
        Weekday::Sun => "周日",
    }
}
