//! Rates with their 同比: this period's share, last year's, and the change between the
//! two shown figures.

use serde::Serialize;

use super::{Benchmark, Comparison, Counts, Indicator, Percent};
use crate::model::{Metric, Rules};

/// A numerator over a denominator and the rate it gives (none when the denominator is 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Share {
    pub numerator: u64,
    pub denominator: u64,
    pub rate: Option<Percent>,
}

impl Share {
    #[must_use]
    pub fn new(numerator: u64, denominator: u64) -> Share {
        Share {
            numerator,
            denominator,
            rate: Percent::of(numerator, denominator),
        }
    }

    /// The share with no rate: its facts were not recorded for any case of the
    /// denominator, so the published arithmetic (0 of N) would only look measured.
    #[must_use]
    pub fn unrecorded(self) -> Share {
        Share { rate: None, ..self }
    }

    /// A plain ratio rather than a percentage (复议诉讼比): `rate` is numerator ÷
    /// denominator to two decimals.
    #[must_use]
    pub fn ratio(numerator: u64, denominator: u64) -> Share {
        Share {
            numerator,
            denominator,
            rate: Percent::ratio(numerator, denominator),
        }
    }
}

/// One rate this period against the same period a year earlier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RateFigure {
    #[serde(flatten)]
    pub current: Share,
    pub previous: Share,
    /// Shown rate minus shown previous rate, in percentage points (for a ratio, in its
    /// own plain units).
    pub delta_pp: Option<Percent>,
    /// `delta_pp` as a percentage of the shown previous rate.
    pub relative_change: Option<Percent>,
    /// The reference rate for this period, when one was imported.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub benchmark: Option<Comparison>,
}

impl RateFigure {
    #[must_use]
    pub fn compare(current: Share, previous: Share) -> RateFigure {
        let both = current.rate.zip(previous.rate);
        RateFigure {
            current,
            previous,
            delta_pp: both.map(|(now, then)| now.minus(then)),
            relative_change: both.and_then(|(now, then)| Percent::change(now.0, then.0)),
            benchmark: None,
        }
    }
}

/// The rates of a report: the four the bureau lists, in its order, then those that
/// narrow or follow them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rates {
    pub correction_rate: RateFigure,
    pub loss_rate: RateFigure,
    pub appearance_rate: RateFigure,
    pub mediation_rate: RateFigure,
    /// Appearances by a head whose title qualifies under the 2020 provisions (正职, 副职 or
    /// 分管负责人 of the defendant), over the same hearings as the appearance rate.
    pub qualified_appearance_rate: RateFigure,
    /// 行政复议按期办结率: decided on time over decided with a known deadline (SPEC §7.6).
    pub on_time_rate: RateFigure,
    /// 通知率: hearings with both reminders on time over hearings with arrangements kept.
    pub notice_rate: RateFigure,
    /// The further indicators of SPEC §8, in [`Indicator::ALL`]'s order.
    pub maintain_rate: RateFigure,
    pub resolution_rate: RateFigure,
    pub sued_after_rate: RateFigure,
    /// A ratio, not a percentage: `rate` 2.95 means 2.95 reconsideration cases received
    /// per first-instance lawsuit filed.
    pub reconsideration_litigation_ratio: RateFigure,
}

impl Rates {
    /// Computes every rate from this period's and last year's counts under `rules`.
    #[must_use]
    pub fn compare(current: &Counts, previous: &Counts, rules: &Rules) -> Rates {
        let share = |counts: &Counts, metric| {
            let (n, d) = counts.fraction(metric, rules);
            let share = Share::new(n, d);
            let unrecorded = match metric {
                Metric::Appearance => counts.hearings(rules).all_unrecorded(),
                Metric::Correction | Metric::Loss | Metric::Mediation => false,
            };
            if unrecorded {
                share.unrecorded()
            } else {
                share
            }
        };
        let figure = |metric| RateFigure::compare(share(current, metric), share(previous, metric));
        let indicator = |indicator: Indicator| {
            RateFigure::compare(
                indicator.share(current, rules),
                indicator.share(previous, rules),
            )
        };
        Rates {
            correction_rate: figure(Metric::Correction),
            loss_rate: figure(Metric::Loss),
            appearance_rate: figure(Metric::Appearance),
            mediation_rate: figure(Metric::Mediation),
            qualified_appearance_rate: RateFigure::compare(
                qualified(current, rules),
                qualified(previous, rules),
            ),
            on_time_rate: RateFigure::compare(on_time(current), on_time(previous)),
            notice_rate: RateFigure::compare(noticed(current), noticed(previous)),
            maintain_rate: indicator(Indicator::Maintain),
            resolution_rate: indicator(Indicator::Resolution),
            sued_after_rate: indicator(Indicator::SuedAfter),
            reconsideration_litigation_ratio: indicator(Indicator::ReconsiderationLitigation),
        }
    }

    /// The figure of a further indicator.
    #[must_use]
    pub fn indicator(&self, indicator: Indicator) -> &RateFigure {
        match indicator {
            Indicator::Maintain => &self.maintain_rate,
            Indicator::Resolution => &self.resolution_rate,
            Indicator::SuedAfter => &self.sued_after_rate,
            Indicator::ReconsiderationLitigation => &self.reconsideration_litigation_ratio,
        }
    }

    /// Sets each rate's comparison with the benchmark of its metric, if any.
    pub fn compare_with(&mut self, benchmarks: &[Benchmark]) {
        for benchmark in benchmarks {
            let figure = self.get_mut(benchmark.metric);
            figure.benchmark = Some(benchmark.compare(figure.current.rate));
        }
    }

    fn get_mut(&mut self, metric: Metric) -> &mut RateFigure {
        match metric {
            Metric::Correction => &mut self.correction_rate,
            Metric::Loss => &mut self.loss_rate,
            Metric::Appearance => &mut self.appearance_rate,
            Metric::Mediation => &mut self.mediation_rate,
        }
    }

    #[must_use]
    pub fn get(&self, metric: Metric) -> &RateFigure {
        match metric {
            Metric::Correction => &self.correction_rate,
            Metric::Loss => &self.loss_rate,
            Metric::Appearance => &self.appearance_rate,
            Metric::Mediation => &self.mediation_rate,
        }
    }
}

/// Qualifying appearances over the hearings the 口径 covers; no rate when none of them
/// has its appearance recorded.
fn qualified(counts: &Counts, rules: &Rules) -> Share {
    let hearings = counts.hearings(rules);
    let share = Share::new(hearings.qualified_appeared, hearings.heard);
    if hearings.all_unrecorded() {
        share.unrecorded()
    } else {
        share
    }
}

/// Decisions on time over decisions with a known deadline.
fn on_time(counts: &Counts) -> Share {
    Share::new(counts.deadlines.decided_on_time, counts.deadlines.decided)
}

/// Hearings notified on time over hearings with arrangements kept.
fn noticed(counts: &Counts) -> Share {
    Share::new(counts.deadlines.notified, counts.deadlines.hearings)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A figure in `Rates` that `Indicator::ALL` does not list would be in the JSON but in
    /// no table, page or workbook: the further indicators are the rates' last fields, in
    /// the order of `ALL`.
    #[test]
    fn the_further_indicators_are_the_rates_last_fields_in_order() {
        let rates = Rates::compare(&Counts::default(), &Counts::default(), &Rules::default());
        let json = serde_json::to_value(&rates).unwrap();
        let keys: Vec<&str> = json
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .skip_while(|key| *key != Indicator::ALL[0].key())
            .collect();
        let listed: Vec<&str> = Indicator::ALL.iter().map(|i| i.key()).collect();
        assert_eq!(keys, listed);
    }

    #[track_caller]
    fn case(now: (u64, u64), then: (u64, u64), delta: Option<&str>, relative: Option<&str>) {
        let f = RateFigure::compare(Share::new(now.0, now.1), Share::new(then.0, then.1));
        assert_eq!(
            f.delta_pp.map(|p| p.to_string()).as_deref(),
            delta,
            "{now:?} {then:?}"
        );
        assert_eq!(
            f.relative_change.map(|p| p.to_string()).as_deref(),
            relative,
            "{now:?} {then:?}"
        );
    }

    #[test]
    fn deltas_come_from_the_shown_rates() {
        case((14, 169), (72, 194), Some("-28.83"), Some("-77.69"));
        case((110, 506), (170, 494), Some("-12.67"), Some("-36.82"));
        case((275, 363), (151, 281), Some("22.02"), Some("40.98"));
        case((76, 169), (58, 194), Some("15.07"), Some("50.40"));
        // no rate last year: no delta
        case((1, 2), (0, 0), None, None);
        // last year's rate was 0: a delta but no relative change
        case((1, 2), (0, 5), Some("50.00"), None);
    }

    #[test]
    fn a_ratio_changes_in_plain_units() {
        // 铁岭市: 709 ÷ 240 = 2.95 against 587 ÷ 200 = 2.94 (a tie, rounded up).
        let f = RateFigure::compare(Share::ratio(709, 240), Share::ratio(587, 200));
        let json = serde_json::to_value(f).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"numerator": 709, "denominator": 240, "rate": 2.95,
                "previous": {"numerator": 587, "denominator": 200, "rate": 2.94},
                "delta_pp": 0.01, "relative_change": 0.34})
        );
    }

    #[test]
    fn json_shape() {
        let f = RateFigure::compare(Share::new(14, 169), Share::new(72, 194));
        let json = serde_json::to_value(f).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"numerator": 14, "denominator": 169, "rate": 8.28,
                "previous": {"numerator": 72, "denominator": 194, "rate": 37.11},
                "delta_pp": -28.83, "relative_change": -77.69})
        );
    }
}
