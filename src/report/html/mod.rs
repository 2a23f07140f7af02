//! The report as one self-contained HTML page for the monthly meeting: headline cards,
//! the tables and inline SVG charts, laid out to print on A4. No scripts and nothing
//! fetched from anywhere; every figure printed is a [`Report`] or [`Trend`] value's own
//! text, never recomputed, and every text is escaped (unit, 案由 and agency names come
//! from user files).

mod bars;
mod cards;
mod lines;
mod ranking;
mod svg;
mod tables;

use std::fmt::Write as _;
use std::io::Write;

use anyhow::Result;

use super::trend::Trend;
use super::wording::{self, Record};
use super::{Lang, Report};
use crate::model::{Breakdown, Metric};
use crate::rates::Percent;
use crate::render::page::document_start;

/// The page's style sheet, inlined into its `<head>` (and served by `serve`).
pub const STYLE: &str = concat!(
    include_str!("../../render/base.css"),
    include_str!("page.css")
);

/// Section numbers, in the order sections appear.
const NUMERALS: [&str; 12] = [
    "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二",
];

/// Writes the page: headline figures, the table, charts of this year against last year
/// and the benchmark, the per-unit (or other breakdown) ranking and the monthly trend.
pub fn write_html(report: &Report, trend: &Trend, out: &mut dyn Write) -> Result<()> {
    out.write_all(page(report, trend).as_bytes())?;
    Ok(())
}

fn page(report: &Report, trend: &Trend) -> String {
    let title = escape(&wording::title(report, Lang::Zh));
    let mut html = document_start(&title, STYLE);
    html.push_str(&content(report, trend));
    html.push_str("</main>\n</body>\n</html>\n");
    html
}

/// What the page holds inside its `<main>`, every text escaped: also the body of
/// `serve`'s 总览.
#[must_use]
pub fn content(report: &Report, trend: &Trend) -> String {
    let title = escape(&wording::title(report, Lang::Zh));
    // 分单位 for units, as the meeting says it; 分案由, 分被告… for the other keys.
    let by = report.rows.as_ref().map_or(Breakdown::Unit, |rows| rows.by);
    let ranking_heading = format!("分{}排名（由差到好）", by.label_zh());
    let rows_heading = format!("分{}明细", by.label_zh());
    let mut sections = vec![
        ("主要指标", cards::cards(report)),
        ("统计表", tables::summary(report)),
        (
            if Metric::ALL
                .iter()
                .any(|m| report.rates.get(*m).benchmark.is_some())
            {
                "本期与上年同期、比较值对比"
            } else {
                "本期与上年同期对比"
            },
            format!(
                r#"<figure class="chart">{}<figcaption class="note">柱顶数字为比率；“—”表示该期无可计算的比率或无比较值。</figcaption></figure>"#,
                bars::year_on_year(report)
            ),
        ),
        ("月度走势", trend_section(trend)),
    ];
    if let Some(panels) = ranking::panels(report) {
        sections.push((&ranking_heading, panels + &ranking_legend(report, by)));
    }
    if let Some(units) = wording::units(report, Lang::Zh) {
        sections.push((&rows_heading, tables::units(report, &units)));
    }
    // Last, so the page still opens on the 三率; only when the ledger keeps deadlines.
    if let Some(deadlines) = wording::deadlines(report, Lang::Zh) {
        sections.push(("期限与通知", tables::deadlines(report, &deadlines)));
    }
    if let Some(indicators) = wording::indicators(report, Lang::Zh) {
        sections.push(("其他指标", tables::indicators(&indicators)));
    }
    // The 整改 and 诉前 figures, only for a ledger that holds such rows.
    for record in Record::shown(report) {
        let table = wording::record_table(report, record, Lang::Zh);
        sections.push((
            record.heading(Lang::Zh),
            tables::records(report, record, &table),
        ));
    }

    let mut html = header(report, &title);
    for ((heading, body), numeral) in sections.iter().zip(NUMERALS) {
        let _ = writeln!(
            html,
            "<section>\n<h2>{numeral}、{heading}</h2>\n{body}\n</section>"
        );
    }
    html.push_str(&footer(report));
    html
}

/// The title and the period, date of knowledge and unit every report states.
fn header(report: &Report, title: &str) -> String {
    let (p, q) = (&report.period, &report.previous_period);
    let unit = escape(report.unit.as_deref().unwrap_or("全部"));
    format!(
        "<header>\n<h1>{title}</h1>\n<p class=\"meta\">\
         <span>统计期间 <b>{} 至 {}</b></span>\
         <span>上年同期 <b>{} 至 {}</b></span>\
         <span>数据截至 <b>{}</b></span>\
         <span>单位 <b>{unit}</b></span></p>\n</header>\n",
        p.from, p.to, q.from, q.to, report.as_of
    )
}

/// Whether a figure reads as good news, bad news or neither: shown by colour and by a
/// word or mark, so it survives printing in black and white.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tone {
    Good,
    Bad,
    Even,
}

impl Tone {
    /// A change is good when it moves the way the metric should (两降一升).
    fn of_change(metric: Metric, delta: Percent) -> Tone {
        match delta.0.signum() {
            0 => Tone::Even,
            sign if (sign < 0) == metric.lower_is_better() => Tone::Good,
            _ => Tone::Bad,
        }
    }

    fn of_verdict(better: Option<bool>) -> Tone {
        match better {
            Some(true) => Tone::Good,
            Some(false) => Tone::Bad,
            None => Tone::Even,
        }
    }

    fn class(self) -> &'static str {
        match self {
            Tone::Good => "good",
            Tone::Bad => "bad",
            Tone::Even => "even",
        }
    }
}

/// The trend chart with its caption, or a note saying why there is none.
fn trend_section(trend: &Trend) -> String {
    let known = trend
        .points
        .iter()
        .any(|p| Metric::ALL.iter().any(|m| p.rates.get(*m).is_some()));
    let note = match (trend.points.len(), known) {
        (0, _) => return r#"<p class="note">统计期间内没有月末时点，未绘制走势。</p>"#.to_owned(),
        (_, false) => {
            return r#"<p class="note">各月末均无可计算的比率，未绘制走势。</p>"#.to_owned();
        }
        (1, true) => "仅有一个月末时点，暂无走势可比。",
        _ => "各点为当年1月1日至该月末的累计比率（%）；线条中断处表示该月末无可计算的比率。",
    };
    match lines::chart(trend) {
        Some(chart) => format!(
            r#"<figure class="chart">{chart}<figcaption class="note">{note}</figcaption></figure>"#
        ),
        None => format!(r#"<p class="note">{note}</p>"#),
    }
}

/// What the ranking's colours and lines mean.
fn ranking_legend(report: &Report, by: Breakdown) -> String {
    let label = ranking::RANKED
        .iter()
        .find_map(|m| report.rates.get(*m).benchmark.as_ref())
        .map(|b| escape(&b.label));
    let mut html = String::from(r#"<p class="legend">"#);
    if let Some(label) = label {
        let _ = write!(
            html,
            r#"<span><i class="swatch better"></i>优于{label}</span><span><i class="swatch worse"></i>未优于{label}</span><span><i class="swatch reference"></i>{label}</span>"#
        );
    }
    let _ = write!(
        html,
        r#"<span><i class="swatch total"></i>合计</span><span>无比率的{}标为“—”，列于末尾</span></p>"#,
        by.label_zh()
    );
    html
}

/// The footer lines that state the period, the date of knowledge and the 口径.
fn footer(report: &Report) -> String {
    let mut html = String::from("<footer>\n<h2>说明</h2>\n");
    for line in wording::footer(report, Lang::Zh) {
        let _ = writeln!(html, "<p>{}</p>", escape(&line));
    }
    html.push_str("</footer>\n");
    html
}

/// `8.28%`: a rate as printed everywhere on the page.
fn percent_text(value: Percent) -> String {
    format!("{value}%")
}

/// Which way the metric should move.
fn direction_hint(metric: Metric) -> &'static str {
    if metric.lower_is_better() {
        "越低越好"
    } else {
        "越高越好"
    }
}

pub(super) use crate::render::escape::html as escape;

#[cfg(test)]
mod tests {
    use crate::rates::WithPrevious;
    use crate::report::Holds;
    use chrono::NaiveDate;

    use super::*;
    use crate::model::{Period, Rules};
    use crate::rates::{Benchmark, Counts, DeadlineCounts, Rates};
    use crate::report::trend::{PointRates, TrendPoint};
    use crate::report::{BreakdownRow, PeriodJson, Rows};

    fn date(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn period(from: &str, to: &str) -> PeriodJson {
        PeriodJson {
            from: date(from),
            to: date(to),
        }
    }

    /// Counts giving the four rates: (办结, 被纠错, 调解成功, 一审结案, 败诉, 开庭, 出庭).
    fn counts(c: [u64; 7]) -> Counts {
        Counts {
            closed: c[0],
            corrected: c[1],
            mediated: c[2],
            first_instance_closed: c[3],
            lost: c[4],
            heard: c[5],
            head_appeared: c[6],
            ..Counts::default()
        }
    }

    fn rates(now: &Counts, then: &Counts) -> Rates {
        let range = Period::new(date("2021-01-01"), date("2021-08-31")).unwrap();
        let benchmark = |metric, rate| Benchmark {
            metric,
            period: range,
            rate: Percent(rate),
            label: "全省平均".to_owned(),
        };
        let mut rates = Rates::compare(now, then, &Rules::default());
        rates.compare_with(&[
            benchmark(Metric::Correction, 1405),
            benchmark(Metric::Loss, 2233),
            benchmark(Metric::Appearance, 7399),
        ]);
        rates
    }

    fn unit(name: &str, now: [u64; 7], then: [u64; 7]) -> BreakdownRow {
        let (now, then) = (counts(now), counts(then));
        BreakdownRow {
            name: name.to_owned(),
            rates: rates(&now, &then),
            deadlines: (&now.deadlines).into(),
            previous_deadlines: (&then.deadlines).into(),
            counts: now,
            previous_counts: then,
        }
    }

    fn report(unit: Option<&str>, rows: Option<Vec<BreakdownRow>>) -> Report {
        let now = counts([169, 14, 76, 506, 110, 363, 275]);
        let then = counts([194, 72, 58, 494, 170, 281, 151]);
        Report {
            period: period("2021-01-01", "2021-08-31"),
            previous_period: period("2020-01-01", "2020-08-31"),
            as_of: date("2021-08-31"),
            unit: unit.map(str::to_owned),
            filter: None,
            rates: rates(&now, &then),
            counts: now,
            previous_counts: then,
            deadlines: WithPrevious::from_counts(&now.deadlines, &then.deadlines),
            previous_deadlines: (&then.deadlines).into(),
            rectification: WithPrevious::default(),
            disputes: WithPrevious::default(),
            holds: Holds::default(),
            rules: Rules::default(),
            uncovered_year: None,
            rows: rows.map(|rows| Rows {
                by: Breakdown::Unit,
                rows,
            }),
        }
    }

    fn point(end: &str, rates: [Option<i64>; 4]) -> TrendPoint {
        TrendPoint {
            as_of: date(end),
            period: period("2021-01-01", end),
            counts: Counts::default(),
            rates: PointRates {
                correction_rate: rates[0].map(Percent),
                loss_rate: rates[1].map(Percent),
                appearance_rate: rates[2].map(Percent),
                mediation_rate: rates[3].map(Percent),
            },
        }
    }

    fn trend() -> Trend {
        Trend {
            filter: None,
            points: vec![
                point(
                    "2021-01-31",
                    [Some(1176), Some(2241), Some(6875), Some(4706)],
                ),
                point("2021-02-28", [Some(732), None, Some(6970), Some(4634)]),
                point("2021-03-31", [Some(597), Some(1871), Some(7091), None]),
            ],
        }
    }

    fn rendered(report: &Report, trend: &Trend) -> String {
        let mut out = Vec::new();
        write_html(report, trend, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn hostile_unit_names_are_escaped() {
        let hostile = r#"<script>alert('x')</script> & "县""#;
        let rows = vec![
            unit(hostile, [10, 1, 2, 20, 5, 10, 8], [10, 3, 1, 20, 6, 10, 5]),
            unit(
                "都匀市",
                [26, 3, 14, 100, 25, 82, 62],
                [20, 8, 5, 90, 28, 70, 42],
            ),
        ];
        let page = rendered(&report(Some(hostile), Some(rows)), &trend());
        assert!(!page.contains("<script"), "{page}");
        assert!(!page.contains("alert('x')"));
        assert!(
            page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;县&quot;")
        );
    }

    #[test]
    fn nothing_is_fetched_or_run() {
        let rows = vec![unit(
            "都匀市",
            [26, 3, 14, 100, 25, 82, 62],
            [20, 8, 5, 90, 28, 70, 42],
        )];
        let page = rendered(&report(None, Some(rows)), &trend());
        for needle in [
            "http://", "https://", "<script", "src=", "href=", "url(", "@import", "<link", "<img",
            "<iframe", "<object", "<embed",
        ] {
            assert!(!page.contains(needle), "`{needle}` in the page");
        }
        // No event handler attributes either (onload=, onclick= …).
        let handler = page.match_indices(" on").find(|(i, _)| {
            let rest = &page[i + 3..];
            let name = rest.trim_start_matches(|c: char| c.is_ascii_lowercase());
            name.len() < rest.len() && name.starts_with('=')
        });
        assert_eq!(handler, None);
        assert!(page.starts_with("<!DOCTYPE html>"));
        assert!(page.contains(r#"<meta charset="utf-8">"#));
        assert!(page.contains(r#"lang="zh-CN""#));
    }

    #[test]
    fn every_rate_of_the_report_is_printed() {
        let rows = vec![
            unit(
                "贵定县",
                [12, 3, 3, 30, 10, 25, 19],
                [11, 4, 2, 29, 10, 22, 12],
            ),
            unit("罗甸县", [6, 1, 2, 23, 4, 10, 5], [3, 1, 0, 21, 10, 9, 4]),
            unit("长顺县", [0, 0, 0, 0, 0, 0, 0], [8, 2, 1, 20, 6, 10, 5]),
        ];
        let report = report(None, Some(rows));
        let trend = trend();
        let page = rendered(&report, &trend);
        let mut figures = Vec::new();
        for metric in Metric::ALL {
            let figure = report.rates.get(metric);
            figures.extend(figure.current.rate.map(percent_text));
            figures.extend(figure.previous.rate.map(percent_text));
            figures.extend(
                figure
                    .delta_pp
                    .map(|d| wording::direction(d, Lang::Zh, " 个百分点")),
            );
            figures.extend(figure.benchmark.as_ref().map(|b| percent_text(b.rate)));
            figures.push(wording::share(&figure.previous));
            // Each unit shows its share and 同比 (its previous rates stay in the JSON).
            for row in report.rows.iter().flatten() {
                let figure = row.rates.get(metric);
                figures.push(wording::share(&figure.current));
                figures.extend(figure.delta_pp.map(wording::signed));
            }
        }
        for point in &trend.points {
            figures.extend(
                Metric::ALL
                    .iter()
                    .filter_map(|m| point.rates.get(*m))
                    .map(percent_text),
            );
        }
        // As read on the page: markup such as the smaller `(n/d)` span left out.
        let text = without_tags(&page);
        for figure in figures {
            assert!(text.contains(&figure), "`{figure}` missing");
        }
        for expected in [
            "8.28%",
            "37.11%",
            "下降 28.83 个百分点",
            "优于全省平均 14.05%",
            "75.76%",
        ] {
            assert!(page.contains(expected), "`{expected}` missing");
        }
    }

    fn without_tags(html: &str) -> String {
        let mut text = String::new();
        let mut in_tag = false;
        for c in html.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => text.push(c),
                _ => {}
            }
        }
        text
    }

    #[test]
    fn renders_without_unit_rows_or_trend_points() {
        let mut empty = report(None, None);
        empty.counts = Counts::default();
        empty.previous_counts = Counts::default();
        empty.rates = rates(&empty.counts, &empty.previous_counts);
        let page = rendered(
            &empty,
            &Trend {
                filter: None,
                points: Vec::new(),
            },
        );
        assert!(page.contains("行政复议与行政应诉统计（全部单位）"));
        assert!(page.contains("单位 <b>全部</b>"));
        assert!(page.contains("未绘制走势"));
        assert!(!page.contains("分单位"));
        assert!(page.contains("— (0/0)"));
        assert!(page.ends_with("</html>\n"));
    }

    #[test]
    fn deadlines_have_a_section_only_when_kept() {
        let plain = rendered(&report(None, None), &trend());
        assert!(!plain.contains("期限与通知"));
        let mut kept = report(None, None);
        kept.counts.deadlines = DeadlineCounts {
            decided: 4,
            decided_on_time: 3,
            hearings: 2,
            notified: 2,
            ..DeadlineCounts::default()
        };
        kept.previous_counts.deadlines = DeadlineCounts {
            decided: 2,
            decided_on_time: 1,
            answers_due: 1,
            answers_late: 1,
            ..DeadlineCounts::default()
        };
        kept.rates = rates(&kept.counts, &kept.previous_counts);
        kept.deadlines =
            WithPrevious::from_counts(&kept.counts.deadlines, &kept.previous_counts.deadlines);
        kept.previous_deadlines = (&kept.previous_counts.deadlines).into();
        let page = rendered(&kept, &trend());
        let section = page.find("、期限与通知</h2>").expect("the section");
        let text = without_tags(&page[section..]);
        for expected in [
            "75.00% (3/4)",
            "50.00% (1/2)",
            "上升 25.00 个百分点",
            "100.00% (2/2)",
            "下降 100.00%",
        ] {
            assert!(text.contains(expected), "`{expected}` missing");
        }
        // The page still opens on the 三率.
        assert!(page.find("主要指标").expect("cards") < section);
    }

    #[test]
    fn a_single_point_or_missing_rates_still_draw() {
        let one = Trend {
            filter: None,
            points: vec![point("2021-01-31", [None, Some(0), None, None])],
        };
        let page = rendered(&report(None, None), &one);
        assert!(page.contains("仅有一个月末时点"));
        let blank = Trend {
            filter: None,
            points: vec![
                point("2021-01-31", [None; 4]),
                point("2021-02-28", [None; 4]),
            ],
        };
        let page = rendered(&report(None, None), &blank);
        assert!(page.contains("各月末均无可计算的比率"));
    }

    #[track_caller]
    fn tone(metric: Metric, delta: i64, expected: Tone) {
        assert_eq!(
            Tone::of_change(metric, Percent(delta)),
            expected,
            "{metric:?} {delta}"
        );
    }

    #[test]
    fn changes_are_judged_by_each_metrics_direction() {
        tone(Metric::Correction, -2883, Tone::Good);
        tone(Metric::Loss, 120, Tone::Bad);
        tone(Metric::Appearance, 2202, Tone::Good);
        tone(Metric::Mediation, -5, Tone::Bad);
        tone(Metric::Mediation, 0, Tone::Even);
    }
}
