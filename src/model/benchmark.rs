//! Reference rates a report is compared with, such as the province average (全省平均).

use serde::Serialize;

use super::{Metric, Percent, Period};

/// A reference rate for one metric over one period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Benchmark {
    pub metric: Metric,
    pub period: Period,
    pub rate: Percent,
    /// What the figure is, e.g. 全省平均.
    pub label: String,
}

/// A figure set beside its benchmark.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Comparison {
    pub label: String,
    pub rate: Percent,
    /// Whether the figure is better than the benchmark in the metric's good direction;
    /// `None` when there is no figure to compare.
    pub better: Option<bool>,
}

impl Benchmark {
    /// Compares a shown rate with this benchmark. An equal rate is not better.
    #[must_use]
    pub fn compare(&self, rate: Option<Percent>) -> Comparison {
        Comparison {
            label: self.label.clone(),
            rate: self.rate,
            better: rate.map(|r| {
                if self.metric.lower_is_better() {
                    r < self.rate
                } else {
                    r > self.rate
                }
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    fn benchmark(metric: Metric, rate: i64) -> Benchmark {
        let d = |m, day| NaiveDate::from_ymd_opt(2021, m, day).unwrap();
        Benchmark {
            metric,
            period: Period::new(d(1, 1), d(8, 31)).unwrap(),
            rate: Percent(rate),
            label: "全省平均".into(),
        }
    }

    #[test]
    fn better_follows_each_metrics_direction() {
        assert_eq!(
            benchmark(Metric::Correction, 1405)
                .compare(Some(Percent(828)))
                .better,
            Some(true)
        );
        assert_eq!(
            benchmark(Metric::Loss, 2233)
                .compare(Some(Percent(2174)))
                .better,
            Some(true)
        );
        assert_eq!(
            benchmark(Metric::Appearance, 7399)
                .compare(Some(Percent(7576)))
                .better,
            Some(true)
        );
        assert_eq!(
            benchmark(Metric::Appearance, 7399)
                .compare(Some(Percent(7000)))
                .better,
            Some(false)
        );
        assert_eq!(
            benchmark(Metric::Correction, 828)
                .compare(Some(Percent(828)))
                .better,
            Some(false)
        );
        assert_eq!(
            benchmark(Metric::Mediation, 4000).compare(None).better,
            None
        );
    }
}
