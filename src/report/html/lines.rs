//! The trend chart: the year-to-date rates at each month end, one line per rate with
//! its markers and figures; a missing rate leaves a gap in its line.

use chrono::Datelike;

use super::percent_text;
use super::svg::{Anchor, Axis, Shape, Svg, float, text_width};
use crate::model::Metric;
use crate::rates::Percent;
use crate::report::trend::{Trend, TrendPoint};

const WIDTH: f64 = 700.0;
const HEIGHT: f64 = 300.0;
const LEFT: f64 = 40.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 40.0;
const BOTTOM: f64 = 26.0;
/// Space kept inside the plot at both ends, so end labels are not cut.
const INSET: f64 = 24.0;
/// The least distance between two labels' baselines at one point.
const LABEL_GAP: f64 = 12.0;
/// Beyond this many points only every few are labelled.
const MAX_LABELLED: usize = 13;

/// Each line's marker, in the order of [`Metric::ALL`].
const SHAPES: [Shape; 4] = [
    Shape::Circle,
    Shape::Square,
    Shape::Triangle,
    Shape::Diamond,
];

/// The chart, or `None` when the trend has no points.
pub fn chart(trend: &Trend) -> Option<String> {
    let points = &trend.points;
    if points.is_empty() {
        return None;
    }
    let axis = Axis::holding(
        points
            .iter()
            .flat_map(|p| Metric::ALL.iter().filter_map(|m| p.rates.get(*m))),
    );
    let base = HEIGHT - BOTTOM;
    let y_of = |value: Percent| base - axis.fraction(value) * (base - TOP);
    let (first, last) = (LEFT + INSET, WIDTH - RIGHT - INSET);
    let x_of = |i: usize| {
        if points.len() == 1 {
            f64::midpoint(first, last)
        } else {
            first + (last - first) * float(i) / float(points.len() - 1)
        }
    };
    let every = points.len().div_ceil(MAX_LABELLED);
    let labelled = |i: usize| i.is_multiple_of(every) || i + 1 == points.len();
    let mut svg = Svg::new(WIDTH, HEIGHT, "各月末累计比率走势");

    svg.value_grid(axis, LEFT, WIDTH - RIGHT, y_of);
    let tick_label = month_labels(points);
    for (i, label) in tick_label.iter().enumerate() {
        if labelled(i) {
            svg.line((x_of(i), base), (x_of(i), base + 4.0), "axis");
            svg.text(x_of(i), base + 16.0, Anchor::Middle, "tick", label);
        }
    }

    let mut x = LEFT + 4.0;
    for (n, metric) in Metric::ALL.iter().enumerate() {
        let class = format!("series s{n}");
        svg.line((x, 13.0), (x + 22.0, 13.0), &class);
        svg.marker(SHAPES[n], x + 11.0, 13.0, &class);
        svg.text(x + 28.0, 17.0, Anchor::Start, "legend", metric.short_zh());
        x += 28.0 + text_width(metric.short_zh(), 11.0) + 22.0;
    }

    for (n, metric) in Metric::ALL.iter().enumerate() {
        let class = format!("series s{n}");
        let mut run: Vec<(f64, f64)> = Vec::new();
        for (i, point) in points.iter().enumerate() {
            match point.rates.get(*metric) {
                Some(value) => run.push((x_of(i), y_of(value))),
                None => draw_run(&mut svg, &mut run, &class),
            }
        }
        draw_run(&mut svg, &mut run, &class);
        for (i, point) in points.iter().enumerate() {
            if let Some(value) = point.rates.get(*metric) {
                svg.marker(SHAPES[n], x_of(i), y_of(value), &class);
            }
        }
    }

    for (i, point) in points.iter().enumerate() {
        if !labelled(i) {
            continue;
        }
        for (n, y, text) in spread_labels(point, y_of) {
            svg.text(
                x_of(i),
                y,
                Anchor::Middle,
                &format!("value halo s{n}"),
                &text,
            );
        }
    }
    Some(svg.finish())
}

/// Draws a run of consecutive known points as one line and starts the next run.
fn draw_run(svg: &mut Svg, run: &mut Vec<(f64, f64)>, class: &str) {
    if run.len() > 1 {
        svg.polyline(run, class);
    }
    run.clear();
}

/// The figures at one point, each just above its marker, pushed apart where two
/// rates lie close: (series, baseline, text), top to bottom.
fn spread_labels(point: &TrendPoint, y_of: impl Fn(Percent) -> f64) -> Vec<(usize, f64, String)> {
    let mut labels: Vec<(usize, f64, String)> = Metric::ALL
        .iter()
        .enumerate()
        .filter_map(|(n, m)| {
            point
                .rates
                .get(*m)
                .map(|value| (n, y_of(value) - 7.0, percent_text(value)))
        })
        .collect();
    labels.sort_by(|a, b| a.1.total_cmp(&b.1));
    let mut floor = f64::NEG_INFINITY;
    for label in &mut labels {
        label.1 = label.1.max(floor);
        floor = label.1 + LABEL_GAP;
    }
    labels
}

/// `1月`, `2月` … for month ends within one year; `2020-12`, `2021-01` … across years;
/// `08-01`, `08-08` … for points closer than a month.
fn month_labels(points: &[TrendPoint]) -> Vec<String> {
    let month = |p: &TrendPoint| (p.as_of.year(), p.as_of.month());
    let monthly = points.windows(2).all(|w| month(&w[0]) != month(&w[1]));
    let one_year = points
        .windows(2)
        .all(|w| w[0].as_of.year() == w[1].as_of.year());
    points
        .iter()
        .map(|p| match (monthly, one_year) {
            (true, true) => format!("{}月", p.as_of.month()),
            (true, false) => p.as_of.format("%Y-%m").to_string(),
            (false, _) => p.as_of.format("%m-%d").to_string(),
        })
        .collect()
}
