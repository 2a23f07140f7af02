//! The year-to-date figures at each week end or month end: how the rates moved, either
//! as everything is known now or as the bureau knew them at each point.

use anyhow::Result;
use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::Serialize;

use super::{PeriodJson, resolve_period};
use crate::ledger::Ledger;
use crate::model::{Breakdown, Filter, Period, Rules};
use crate::rates::{Counts, Percent, Rates};

/// The spacing of trend points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Every {
    /// Each Sunday.
    Week,
    /// Each last day of a month.
    Month,
}

/// What a trend covers.
#[derive(Debug, Clone)]
pub struct TrendOptions {
    pub every: Every,
    /// Defaults to 1 January of `to`'s year.
    pub from: Option<NaiveDate>,
    /// Defaults to the latest as-of date in the ledger.
    pub to: Option<NaiveDate>,
    pub unit: Option<String>,
    /// Count each point only with batches as of that point.
    pub as_known_then: bool,
    /// Otherwise, count batches as of this date or earlier (everything when `None`).
    pub as_of: Option<NaiveDate>,
    pub rules: Rules,
    /// Only the cases whose 案由, 被申请人, 被告 or 法院 match.
    pub filter: Filter,
}

/// The trend: one point per period end.
#[derive(Debug, Clone, Serialize)]
pub struct Trend {
    /// The ad-hoc filter the cases were chosen by; absent when there is none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub filter: Option<Filter>,
    pub points: Vec<TrendPoint>,
}

/// Year-to-date figures at one period end.
#[derive(Debug, Clone, Serialize)]
pub struct TrendPoint {
    /// The period end; also the date of knowledge under `--as-known-then`.
    pub as_of: NaiveDate,
    /// 1 January of the point's year through the point.
    pub period: PeriodJson,
    pub counts: Counts,
    pub rates: PointRates,
}

/// The four rates at a point, as numbers (or null).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PointRates {
    pub correction_rate: Option<Percent>,
    pub loss_rate: Option<Percent>,
    pub appearance_rate: Option<Percent>,
    pub mediation_rate: Option<Percent>,
}

impl PointRates {
    fn of(counts: &Counts, rules: &Rules) -> PointRates {
        let rates = Rates::compare(counts, &Counts::default(), rules);
        PointRates {
            correction_rate: rates.correction_rate.current.rate,
            loss_rate: rates.loss_rate.current.rate,
            appearance_rate: rates.appearance_rate.current.rate,
            mediation_rate: rates.mediation_rate.current.rate,
        }
    }

    #[must_use]
    pub fn get(&self, metric: crate::model::Metric) -> Option<Percent> {
        use crate::model::Metric;
        match metric {
            Metric::Correction => self.correction_rate,
            Metric::Loss => self.loss_rate,
            Metric::Appearance => self.appearance_rate,
            Metric::Mediation => self.mediation_rate,
        }
    }
}

/// Builds the trend (no points when no week or month ends in the range). Everything
/// known now takes one pass over the cases; as known then takes one pass per point.
pub fn build(ledger: &Ledger, options: &TrendOptions) -> Result<Trend> {
    let (range, _) = resolve_period(ledger, options.from, options.to, options.as_of)?;
    let ends = period_ends(&range, options.every);
    let periods: Vec<Period> = ends.iter().map(|end| Period::year_to_date(*end)).collect();
    let mut counts = vec![Counts::default(); ends.len()];
    let registry = ledger.unit_registry()?;
    let wanted = |unit: &str| {
        options
            .unit
            .as_ref()
            .is_none_or(|u| u == registry.canonical(unit))
    };
    if options.as_known_then {
        for ((end, period), counts) in ends.iter().zip(&periods).zip(counts.iter_mut()) {
            ledger.for_each_countable_where(
                Some(*end),
                Some(period.from),
                Breakdown::Unit,
                &options.filter,
                |case, _| {
                    if wanted(case.unit) {
                        counts.add(case, period, &options.rules);
                    }
                },
            )?;
        }
    } else {
        let since = periods.first().map(|p| p.from);
        let filter = &options.filter;
        ledger.for_each_countable_where(
            options.as_of,
            since,
            Breakdown::Unit,
            filter,
            |case, _| {
                if wanted(case.unit) {
                    for (period, counts) in periods.iter().zip(counts.iter_mut()) {
                        counts.add(case, period, &options.rules);
                    }
                }
            },
        )?;
    }
    let points = ends
        .iter()
        .zip(periods)
        .zip(counts)
        .map(|((end, period), counts)| TrendPoint {
            as_of: *end,
            period: period.into(),
            rates: PointRates::of(&counts, &options.rules),
            counts,
        })
        .collect();
    Ok(Trend {
        filter: (!options.filter.is_empty()).then(|| options.filter.clone()),
        points,
    })
}

/// Every Sunday, or every month's last day, within the range.
#[must_use]
pub fn period_ends(range: &Period, every: Every) -> Vec<NaiveDate> {
    let mut ends = Vec::new();
    let mut day = match every {
        Every::Week => {
            let to_sunday = (7 - range.from.weekday().num_days_from_sunday()) % 7;
            range.from.checked_add_days(Days::new(u64::from(to_sunday)))
        }
        Every::Month => month_end(range.from),
    };
    while let Some(end) = day.filter(|d| *d <= range.to) {
        ends.push(end);
        day = match every {
            Every::Week => end.checked_add_days(Days::new(7)),
            Every::Month => end.succ_opt().and_then(month_end),
        };
    }
    debug_assert!(
        ends.iter()
            .all(|d| every == Every::Month || d.weekday() == Weekday::Sun)
    );
    ends
}

fn month_end(date: NaiveDate) -> Option<NaiveDate> {
    let (year, month) = if date.month() == 12 {
        (date.year() + 1, 1)
    } else {
        (date.year(), date.month() + 1)
    };
    NaiveDate::from_ymd_opt(year, month, 1)?.pred_opt()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::fixture::d;

    #[track_caller]
    fn ends(from: &str, to: &str, every: Every, expected: &[&str]) {
        let range = Period::new(d(from), d(to)).unwrap();
        let expected: Vec<NaiveDate> = expected.iter().map(|s| d(s)).collect();
        assert_eq!(period_ends(&range, every), expected, "{from}..{to}");
    }

    #[test]
    fn month_and_week_ends() {
        ends(
            "2021-01-01",
            "2021-03-31",
            Every::Month,
            &["2021-01-31", "2021-02-28", "2021-03-31"],
        );
        ends("2020-02-01", "2020-03-30", Every::Month, &["2020-02-29"]);
        ends(
            "2020-12-15",
            "2021-01-31",
            Every::Month,
            &["2020-12-31", "2021-01-31"],
        );
        ends(
            "2021-08-01",
            "2021-08-31",
            Every::Week,
            &[
                "2021-08-01",
                "2021-08-08",
                "2021-08-15",
                "2021-08-22",
                "2021-08-29",
            ],
        );
        ends("2021-08-02", "2021-08-14", Every::Week, &["2021-08-08"]);
        ends("2021-08-02", "2021-08-07", Every::Week, &[]);
    }
}
