//! The grouped bar chart: each rate this period, a year earlier and against its
//! benchmark, with the figures printed on the bars.

use super::svg::{Anchor, Axis, Svg, float, text_width};
use super::{direction_hint, percent_text};
use crate::model::Metric;
use crate::rates::Percent;
use crate::report::Report;

const WIDTH: f64 = 700.0;
const HEIGHT: f64 = 232.0;
const LEFT: f64 = 40.0;
const RIGHT: f64 = 8.0;
const TOP: f64 = 32.0;
const BOTTOM: f64 = 38.0;
const BAR: f64 = 40.0;
const GAP: f64 = 5.0;

/// One bar series: its legend text, CSS class and the value it takes from a rate.
struct Series {
    label: String,
    class: &'static str,
    value: fn(&Report, Metric) -> Option<Percent>,
}

/// The chart of every rate against last year and, when there are any, the benchmarks.
pub fn year_on_year(report: &Report) -> String {
    let mut series = vec![
        Series {
            label: "本期".to_owned(),
            class: "now",
            value: |r, m| r.rates.get(m).current.rate,
        },
        Series {
            label: "上年同期".to_owned(),
            class: "then",
            value: |r, m| r.rates.get(m).previous.rate,
        },
    ];
    let labels: Vec<&str> = Metric::ALL
        .iter()
        .filter_map(|m| report.rates.get(*m).benchmark.as_ref())
        .map(|b| b.label.as_str())
        .collect();
    if let Some(first) = labels.first() {
        series.push(Series {
            // One legend entry: the benchmarks' name when they share one.
            label: if labels.iter().all(|l| l == first) {
                (*first).to_owned()
            } else {
                "比较值".to_owned()
            },
            class: "bench",
            value: |r, m| r.rates.get(m).benchmark.as_ref().map(|b| b.rate),
        });
    }

    let axis = Axis::holding(
        Metric::ALL
            .iter()
            .flat_map(|m| series.iter().filter_map(|s| (s.value)(report, *m))),
    );
    let base = HEIGHT - BOTTOM;
    let plot_height = base - TOP;
    let y_of = |value: Percent| base - axis.fraction(value) * plot_height;
    let mut svg = Svg::new(WIDTH, HEIGHT, "各项比率本期、上年同期与比较值");

    svg.value_grid(axis, LEFT, WIDTH - RIGHT, y_of);

    let mut x = LEFT + 4.0;
    for s in &series {
        svg.rect(x, 8.0, 14.0, 10.0, s.class);
        svg.text(x + 19.0, 17.0, Anchor::Start, "legend", &s.label);
        x += 19.0 + text_width(&s.label, 11.0) + 22.0;
    }

    let group = (WIDTH - LEFT - RIGHT) / float(Metric::ALL.len());
    let cluster = float(series.len()) * BAR + float(series.len() - 1) * GAP;
    for (i, metric) in Metric::ALL.iter().enumerate() {
        let left = LEFT + group * float(i);
        let centre = left + group / 2.0;
        for (j, s) in series.iter().enumerate() {
            let x = centre - cluster / 2.0 + float(j) * (BAR + GAP);
            let middle = x + BAR / 2.0;
            match (s.value)(report, *metric) {
                Some(value) => {
                    let top = y_of(value);
                    svg.rect(x, top, BAR, base - top, s.class);
                    svg.text(
                        middle,
                        top - 4.0,
                        Anchor::Middle,
                        "value halo",
                        &percent_text(value),
                    );
                }
                None => svg.text(middle, base - 4.0, Anchor::Middle, "value", "—"),
            }
        }
        svg.text(
            centre,
            base + 16.0,
            Anchor::Middle,
            "group",
            metric.short_zh(),
        );
        svg.text(
            centre,
            base + 31.0,
            Anchor::Middle,
            "hint",
            direction_hint(*metric),
        );
    }
    svg.finish()
}
