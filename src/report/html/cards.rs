//! The headline cards: one per rate with its figure, share, 同比 and benchmark, good
//! and bad news marked by colour and by a word or tick.

use super::{Tone, direction_hint, escape, percent_text};
use crate::model::Metric;
use crate::rates::RateFigure;
use crate::report::{Lang, Report, wording};

/// One card per rate: the figure, its share, 同比 and benchmark.
pub fn cards(report: &Report) -> String {
    let mut html = String::from(r#"<div class="cards">"#);
    for metric in Metric::ALL {
        html.push_str(&card(metric, report.rates.get(metric)));
    }
    html.push_str("</div>");
    html
}

fn card(metric: Metric, figure: &RateFigure) -> String {
    let rate = match figure.current.rate {
        Some(rate) => percent_text(rate),
        None => wording::rate_text(&figure.current),
    };
    let change = match figure.delta_pp {
        Some(delta) => {
            let tone = Tone::of_change(metric, delta);
            let arrow = match delta.0.signum() {
                1 => "▲ ",
                -1 => "▼ ",
                _ => "",
            };
            let tag = match tone {
                Tone::Good => r#"<span class="tag good">向好</span>"#,
                Tone::Bad => r#"<span class="tag bad">变差</span>"#,
                Tone::Even => "",
            };
            format!(
                r#"<p class="label">同比{tag}</p><p class="change {}">{arrow}{}</p>"#,
                tone.class(),
                escape(&wording::rate_change(figure, Lang::Zh)),
            )
        }
        None if figure.current.rate.is_some() => {
            r#"<p class="label">同比</p><p class="change even">—（上年同期无比率）</p>"#.to_owned()
        }
        None => r#"<p class="label">同比</p><p class="change even">—</p>"#.to_owned(),
    };
    let benchmark = figure.benchmark.as_ref().map_or_else(String::new, |b| {
        let tone = Tone::of_verdict(b.better);
        let mark = match tone {
            Tone::Good => "✓ ",
            Tone::Bad => "✗ ",
            Tone::Even => "",
        };
        format!(
            r#"<p class="benchmark {}">{mark}{}</p>"#,
            tone.class(),
            escape(&wording::benchmark(b, Lang::Zh))
        )
    });
    format!(
        "<article class=\"card\"><h3>{}</h3>\
         <p class=\"figure\">{rate}<span class=\"nd\">{}/{}</span></p>\
         <p class=\"hint\">{}</p>{change}\
         <p class=\"previous\">上年同期 {}</p>{benchmark}</article>",
        escape(metric.label_zh()),
        figure.current.numerator,
        figure.current.denominator,
        direction_hint(metric),
        escape(&wording::share(&figure.previous)),
    )
}
