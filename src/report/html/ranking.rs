//! The per-unit (or other breakdown) ranking: one small chart per core rate, rows worst
//! first as horizontal bars, the benchmark and the whole-ledger figure as reference lines.

use std::fmt::Write;

use super::svg::{Anchor, Axis, Svg, fit, float, text_width};
use super::{escape, percent_text};
use crate::model::Metric;
use crate::report::{BreakdownRow, Report, Rows, SortKey, rank};

/// The rates ranked: the 三率 the bureau is assessed on.
pub const RANKED: [Metric; 3] = [Metric::Correction, Metric::Loss, Metric::Appearance];

const WIDTH: f64 = 226.0;
const ROW: f64 = 17.0;
const TOP: f64 = 20.0;
const BOTTOM: f64 = 20.0;
const NAMES: f64 = 74.0;
const VALUES: f64 = 42.0;
const SIZE: f64 = 10.5;

/// One panel per ranked rate, or `None` when the report has fewer than two unit rows
/// (nothing to rank).
pub fn panels(report: &Report) -> Option<String> {
    let rows = report.rows.as_ref().filter(|rows| rows.rows.len() > 1)?;
    let mut html = String::from(r#"<div class="ranking">"#);
    for metric in RANKED {
        let _ = write!(
            html,
            r#"<figure class="panel"><figcaption>{}<span class="hint">（{}）</span></figcaption>{}</figure>"#,
            escape(metric.short_zh()),
            super::direction_hint(metric),
            panel(report, rows, metric)
        );
    }
    html.push_str("</div>");
    Some(html)
}

fn panel(report: &Report, rows: &Rows, metric: Metric) -> String {
    let mut ranked: Vec<&BreakdownRow> = rows.rows.iter().collect();
    ranked.sort_by(|a, b| rank(a, b, SortKey::Rate(metric)));
    let total = report.rates.get(metric);
    let benchmark = total.benchmark.as_ref();

    let height = TOP + ROW * float(ranked.len().max(1)) + BOTTOM;
    let base = height - BOTTOM;
    let (left, right) = (NAMES + 4.0, WIDTH - VALUES);
    let axis = Axis::holding(
        ranked
            .iter()
            .filter_map(|row| row.rates.get(metric).current.rate)
            .chain(total.current.rate)
            .chain(benchmark.map(|b| b.rate)),
    );
    let x_of = |value| left + axis.fraction(value) * (right - left);
    let mut svg = Svg::new(
        WIDTH,
        height,
        &format!("各{}{}排名", rows.by.label_zh(), metric.short_zh()),
    );
    svg.line((left, TOP - 2.0), (left, base), "axis");

    // Bars first, then the reference lines over them, then every figure on top: the
    // lines stay visible across the bars and no figure is struck through. The benchmark
    // is labelled above the bars, the whole figure below, so those two labels never
    // meet however close the lines are.
    let mut figures = Vec::new();
    for (i, row) in ranked.iter().enumerate() {
        let y = TOP + ROW * float(i);
        let baseline = y + ROW / 2.0 + 3.5;
        let name = fit(&row.name, NAMES, SIZE);
        svg.text_titled(NAMES, baseline, Anchor::End, "name", &name, &row.name);
        let figure = row.rates.get(metric);
        match figure.current.rate {
            Some(rate) => {
                let end = x_of(rate);
                let class = match figure.benchmark.as_ref().and_then(|b| b.better) {
                    Some(true) => "unit better",
                    Some(false) => "unit worse",
                    None => "unit",
                };
                svg.rect(left, y + 3.0, end - left, ROW - 6.0, class);
                figures.push((end + 3.0, baseline, percent_text(rate)));
            }
            None => figures.push((left + 3.0, baseline, "—".to_owned())),
        }
    }
    let benchmark = benchmark.map(|b| {
        let x = x_of(b.rate);
        svg.line((x, TOP - 4.0), (x, base), "reference");
        (x, format!("{} {}", b.label, percent_text(b.rate)))
    });
    let whole = total.current.rate.map(|rate| {
        let x = x_of(rate);
        svg.line((x, TOP), (x, base + 4.0), "total");
        (x, format!("合计 {}", percent_text(rate)))
    });
    for (x, y, text) in figures {
        svg.text(x, y, Anchor::Start, "value halo", &text);
    }
    if let Some((x, label)) = benchmark {
        svg.text(
            clamp_label(x, &label),
            TOP - 7.0,
            Anchor::Middle,
            "reference-label halo",
            &label,
        );
    }
    if let Some((x, label)) = whole {
        svg.text(
            clamp_label(x, &label),
            base + 14.0,
            Anchor::Middle,
            "total-label halo",
            &label,
        );
    }
    svg.finish()
}

/// The centre of a label at `x`, moved inwards so the label stays inside the panel.
fn clamp_label(x: f64, label: &str) -> f64 {
    let half = text_width(label, SIZE) / 2.0;
    x.clamp(half + 2.0, WIDTH - half - 2.0)
}
