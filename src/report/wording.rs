//! The text of a report's figures, shared by the table, Markdown and narrative writers:
//! labels, `8.28% (14/169)` shares (`2.95 (709/240)` for a ratio), 同比 phrases and the
//! footer that states the 口径.

use std::borrow::Cow;

use crate::model::rules::{AppearanceScope, CorrectionBase, LossBase, list_zh};
use crate::model::{Filter, Metric};
use crate::rates::{
    Comparison, Counts, DeadlineFigures, DisputeFigures, Indicator, Percent, RateFigure,
    RectificationFigures, Share,
};

use super::trend::Trend;
use super::{Lang, Report};

/// A count row: its label in both languages and its JSON key.
pub const COUNT_ROWS: [(&str, &str, &str); 11] = [
    ("行政复议收案", "Reconsideration received", "received"),
    ("　受理", "  accepted", "accepted"),
    ("　不予受理", "  not accepted", "not_accepted"),
    ("　办结", "  closed", "closed"),
    ("　被纠错", "  corrected", "corrected"),
    ("　调解成功", "  mediated", "mediated"),
    ("行政诉讼一审收案", "First-instance suits filed", "filed"),
    ("　一审结案", "  closed", "first_instance_closed"),
    ("　一审败诉", "  lost", "lost"),
    ("　一审开庭", "  heard", "heard"),
    ("　负责人出庭", "  head appeared", "head_appeared"),
];

/// The hearings whose head's appearance was not recorded: a row under the appearance
/// rates, shown only when there are such hearings in either period.
pub const UNRECORDED_ROW: (&str, &str, &str) = (
    "　出庭情况未填报",
    "  appearance not recorded",
    "heard_unrecorded",
);

/// This period's and last year's hearings without a recorded appearance, when either
/// has any: what [`UNRECORDED_ROW`] shows.
#[must_use]
pub fn unrecorded(report: &Report) -> Option<(u64, u64)> {
    let (now, then) = (
        report.counts.heard_unrecorded,
        report.previous_counts.heard_unrecorded,
    );
    (now > 0 || then > 0).then_some((now, then))
}

/// The deadline figures of SPEC §7.6 in the `deadlines` object's order: labels in both
/// languages and the JSON key.
pub const DEADLINE_FIGURES: [(&str, &str, &str); 8] = [
    (
        "办结（审理期限可计）",
        "Decided (deadline known)",
        "decided",
    ),
    ("按期办结", "Decided on time", "decided_on_time"),
    (
        "行政复议按期办结率",
        "On-time decision rate",
        "on_time_rate",
    ),
    ("行政复议答复逾期", "Answers late", "answers_late"),
    ("行政应诉答辩逾期", "Defences late", "defences_late"),
    (
        "开庭（记录两提）",
        "Hearings (arrangements kept)",
        "hearings",
    ),
    ("两提按时", "Notified on time", "notified"),
    ("开庭通知率", "Hearing notice rate", "notice_rate"),
];

/// The deadline figures a table shows: the two rates (their shares carry the counts
/// behind them) and the two late counts.
const DEADLINE_TABLE: [&str; 4] = [
    "on_time_rate",
    "answers_late",
    "defences_late",
    "notice_rate",
];

/// A count or a rate in both periods: a deadline figure, or a figure of the 整改台账 or
/// 诉前台账.
pub enum Figure<'a> {
    Count(u64, u64),
    /// A rate the report holds, or one compared from the figures of a record block.
    Rate(Cow<'a, RateFigure>),
}

/// The deadline figure of a key of [`DEADLINE_FIGURES`].
#[must_use]
pub fn deadline_figure<'a>(report: &'a Report, key: &str) -> Option<Figure<'a>> {
    let (now, then) = (&report.deadlines.current, &report.deadlines.previous);
    let count = |get: fn(&DeadlineFigures) -> u64| Figure::Count(get(now), get(then));
    Some(match key {
        "decided" => count(|d| d.decided),
        "decided_on_time" => count(|d| d.decided_on_time),
        "on_time_rate" => Figure::Rate(Cow::Borrowed(&report.rates.on_time_rate)),
        "answers_late" => count(|d| d.answers_late),
        "defences_late" => count(|d| d.defences_late),
        "hearings" => count(|d| d.hearings),
        "notified" => count(|d| d.notified),
        "notice_rate" => Figure::Rate(Cow::Borrowed(&report.rates.notice_rate)),
        _ => return None,
    })
}

/// The blocks of figures of the two ledgers beside the case ledgers (SPEC §9), each
/// shown after the rates only when the ledger holds such rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Record {
    /// The 整改台账: documents issued, replies, rectification.
    Rectification,
    /// The 诉前台账: disputes received, ended, resolved.
    Disputes,
}

impl Record {
    pub const ALL: [Record; 2] = [Record::Rectification, Record::Disputes];

    /// The block's key in JSON.
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Record::Rectification => "rectification",
            Record::Disputes => "disputes",
        }
    }

    /// The heading of the block's table.
    #[must_use]
    pub fn heading(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Record::Rectification, Lang::Zh) => "整改情况",
            (Record::Rectification, Lang::En) => "Rectification",
            (Record::Disputes, Lang::Zh) => "诉前化解",
            (Record::Disputes, Lang::En) => "Pre-litigation disputes",
        }
    }

    /// The block's figures in its JSON object's order: labels in both languages and
    /// the key.
    #[must_use]
    pub fn figures(self) -> &'static [(&'static str, &'static str, &'static str)] {
        match self {
            Record::Rectification => &RECTIFICATION_FIGURES,
            Record::Disputes => &DISPUTE_FIGURES,
        }
    }

    /// Whether the ledger holds rows of this block's kind (for the report's unit, as
    /// known on its date): only then is the block shown.
    #[must_use]
    pub fn held(self, report: &Report) -> bool {
        match self {
            Record::Rectification => report.holds.documents,
            Record::Disputes => report.holds.disputes,
        }
    }

    /// The blocks the report shows.
    pub fn shown(report: &Report) -> impl Iterator<Item = Record> + '_ {
        Record::ALL.into_iter().filter(|record| record.held(report))
    }
}

/// The figures of the `rectification` block.
pub const RECTIFICATION_FIGURES: [(&str, &str, &str); 6] = [
    ("整改文书发出", "Documents issued", "issued"),
    ("到期应反馈", "Replies due", "replies_due"),
    ("按期反馈", "Replied on time", "replied_on_time"),
    ("到期反馈率", "Reply rate", "reply_rate"),
    ("已整改", "Rectified", "rectified"),
    ("整改完成率", "Rectification rate", "rectified_rate"),
];

/// The figures of the `disputes` block.
pub const DISPUTE_FIGURES: [(&str, &str, &str); 4] = [
    ("诉前受理", "Disputes received", "received"),
    ("诉前办结", "Disputes ended", "ended"),
    ("化解成功", "Resolved", "resolved"),
    (
        "诉前化解率",
        "Pre-litigation resolution rate",
        "pre_litigation_rate",
    ),
];

/// The figure of a key of a record block's [`Record::figures`].
#[must_use]
pub fn record_figure(report: &Report, record: Record, key: &str) -> Option<Figure<'static>> {
    let rate = |figure: RateFigure| Figure::Rate(Cow::Owned(figure));
    Some(match record {
        Record::Rectification => {
            let (now, then) = (
                &report.rectification.current,
                &report.rectification.previous,
            );
            let count = |get: fn(&RectificationFigures) -> u64| Figure::Count(get(now), get(then));
            match key {
                "issued" => count(|f| f.issued),
                "replies_due" => count(|f| f.replies_due),
                "replied_on_time" => count(|f| f.replied_on_time),
                "reply_rate" => rate(report.rectification.reply_rate()),
                "rectified" => count(|f| f.rectified),
                "rectified_rate" => rate(report.rectification.rectified_rate()),
                _ => return None,
            }
        }
        Record::Disputes => {
            let (now, then) = (&report.disputes.current, &report.disputes.previous);
            let count = |get: fn(&DisputeFigures) -> u64| Figure::Count(get(now), get(then));
            match key {
                "received" => count(|f| f.received),
                "ended" => count(|f| f.ended),
                "resolved" => count(|f| f.resolved),
                "pre_litigation_rate" => rate(report.disputes.pre_litigation_rate()),
                _ => return None,
            }
        }
    })
}

/// A table as header and rows of text.
pub struct TextTable {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

fn pick(lang: Lang, zh: &str, en: &str) -> String {
    (if lang == Lang::Zh { zh } else { en }).to_owned()
}

/// The report's title line: the unit, and the ad-hoc filter when there is one
/// (「行政复议与行政应诉统计（全部单位；被申请人：*公安局）」).
#[must_use]
pub fn title(report: &Report, lang: Lang) -> String {
    let filter = report.filter.as_ref();
    let scope = match lang {
        Lang::Zh => {
            let unit = report.unit.as_deref().unwrap_or("全部单位");
            match filter.and_then(Filter::label_zh) {
                Some(filter) => format!("{unit}；{filter}"),
                None => unit.to_owned(),
            }
        }
        Lang::En => {
            let unit = report.unit.as_deref().unwrap_or("all units");
            match filter.and_then(Filter::label_en) {
                Some(filter) => format!("{unit}; {filter}"),
                None => unit.to_owned(),
            }
        }
    };
    match lang {
        Lang::Zh => format!("行政复议与行政应诉统计（{scope}）"),
        Lang::En => format!("Reconsideration and litigation figures ({scope})"),
    }
}

/// Counts and rates this period, last year and 同比; a benchmark column when any rate has one.
#[must_use]
pub fn summary(report: &Report, lang: Lang) -> TextTable {
    let with_benchmarks = Metric::ALL
        .iter()
        .any(|m| report.rates.get(*m).benchmark.is_some());
    let mut header = if lang == Lang::Zh {
        vec!["指标", "本期", "上年同期", "同比"]
    } else {
        vec!["Figure", "This period", "Year before", "Year on year"]
    };
    if with_benchmarks {
        header.push(if lang == Lang::Zh {
            "比较值"
        } else {
            "Benchmark"
        });
    }
    let mut rows = Vec::new();
    for (zh, en, key) in COUNT_ROWS {
        let now = report.counts.get(key).unwrap_or_default();
        let then = report.previous_counts.get(key).unwrap_or_default();
        let mut row = vec![
            pick(lang, zh, en),
            now.to_string(),
            then.to_string(),
            count_change(now, then, lang),
        ];
        if with_benchmarks {
            row.push(String::new());
        }
        rows.push(row);
    }
    for metric in Metric::ALL {
        let figure = report.rates.get(metric);
        let mut row = vec![
            pick(lang, metric.label_zh(), metric.label_en()),
            share(&figure.current),
            share(&figure.previous),
            rate_change(figure, lang),
        ];
        if with_benchmarks {
            row.push(
                figure
                    .benchmark
                    .as_ref()
                    .map(|b| benchmark(b, lang))
                    .unwrap_or_default(),
            );
        }
        rows.push(row);
        if metric == Metric::Appearance {
            // The 2020 provisions' reading of the same hearings, right under the rate it narrows.
            let qualified = &report.rates.qualified_appearance_rate;
            let mut row = vec![
                pick(lang, "　其中合规出庭率", "  qualified appearance rate"),
                share(&qualified.current),
                share(&qualified.previous),
                rate_change(qualified, lang),
            ];
            if with_benchmarks {
                row.push(String::new());
            }
            rows.push(row);
            if let Some((now, then)) = unrecorded(report) {
                let (zh, en, _) = UNRECORDED_ROW;
                let mut row = figure_row(pick(lang, zh, en), &Figure::Count(now, then), lang);
                if with_benchmarks {
                    row.push(String::new());
                }
                rows.push(row);
            }
        }
    }
    TextTable {
        header: header.into_iter().map(str::to_owned).collect(),
        rows,
    }
}

/// The deadline figures this period, last year and 同比, when the report has any: a
/// table of its own under the 三率, so a ledger without work-list columns reads as before.
#[must_use]
pub fn deadlines(report: &Report, lang: Lang) -> Option<TextTable> {
    if !report.has_deadlines() {
        return None;
    }
    let header = if lang == Lang::Zh {
        ["期限与通知", "本期", "上年同期", "同比"]
    } else {
        ["Deadlines", "This period", "Year before", "Year on year"]
    };
    let rows = DEADLINE_FIGURES
        .iter()
        .filter(|(_, _, key)| DEADLINE_TABLE.contains(key))
        .filter_map(|&(zh, en, key)| {
            Some(figure_row(
                pick(lang, zh, en),
                &deadline_figure(report, key)?,
                lang,
            ))
        })
        .collect();
    Some(TextTable {
        header: header.into_iter().map(str::to_owned).collect(),
        rows,
    })
}

/// The figures of the 整改台账 and of the 诉前台账 this period, last year and 同比: a
/// table for each the ledger holds rows of, after the deadline figures and the further
/// indicators.
#[must_use]
pub fn records(report: &Report, lang: Lang) -> Vec<TextTable> {
    Record::shown(report)
        .map(|record| record_table(report, record, lang))
        .collect()
}

/// The table of one block of [`records`].
#[must_use]
pub fn record_table(report: &Report, record: Record, lang: Lang) -> TextTable {
    let header = if lang == Lang::Zh {
        [record.heading(lang), "本期", "上年同期", "同比"]
    } else {
        [
            record.heading(lang),
            "This period",
            "Year before",
            "Year on year",
        ]
    };
    let rows = record
        .figures()
        .iter()
        .filter_map(|&(zh, en, key)| {
            Some(figure_row(
                pick(lang, zh, en),
                &record_figure(report, record, key)?,
                lang,
            ))
        })
        .collect();
    TextTable {
        header: header.into_iter().map(str::to_owned).collect(),
        rows,
    }
}

/// A row of a count or rate: its label, this period, last year and 同比 (a rate's in
/// percentage points, a count's in per cent).
fn figure_row(label: String, figure: &Figure, lang: Lang) -> Vec<String> {
    match figure {
        Figure::Rate(figure) => vec![
            label,
            share(&figure.current),
            share(&figure.previous),
            rate_change(figure, lang),
        ],
        Figure::Count(now, then) => vec![
            label,
            now.to_string(),
            then.to_string(),
            count_change(*now, *then, lang),
        ],
    }
}

/// The further indicators (维持率, 实质性化解率, 复议后起诉率, 复议诉讼比) this period, last
/// year and 同比: a block of their own after the 三率 and the deadline figures, so the
/// first screen stays the 三率. `None` when none has a denominator in either period.
#[must_use]
pub fn indicators(report: &Report, lang: Lang) -> Option<TextTable> {
    if !report.has_indicators() {
        return None;
    }
    let figures = Indicator::ALL.map(|i| (i, report.rates.indicator(i)));
    let header = if lang == Lang::Zh {
        ["其他指标", "本期", "上年同期", "同比"]
    } else {
        [
            "Further indicators",
            "This period",
            "Year before",
            "Year on year",
        ]
    };
    let rows = figures
        .iter()
        .map(|(indicator, figure)| {
            vec![
                pick(lang, indicator.label_zh(), indicator.label_en()),
                indicator_share(*indicator, &figure.current),
                indicator_share(*indicator, &figure.previous),
                indicator_change(*indicator, figure, lang),
            ]
        })
        .collect();
    Some(TextTable {
        header: header.into_iter().map(str::to_owned).collect(),
        rows,
    })
}

/// A further indicator's share: `61.38% (1691/2755)`, or a ratio `2.95 (709/240)`.
#[must_use]
pub fn indicator_share(indicator: Indicator, value: &Share) -> String {
    if !indicator.is_ratio() {
        return share(value);
    }
    let ratio = value.rate.map_or_else(|| "—".to_owned(), |r| r.to_string());
    format!("{ratio} ({}/{})", value.numerator, value.denominator)
}

/// A further indicator's 同比: in percentage points, or for a ratio in its own units.
#[must_use]
pub fn indicator_change(indicator: Indicator, figure: &RateFigure, lang: Lang) -> String {
    if !indicator.is_ratio() {
        return rate_change(figure, lang);
    }
    figure
        .delta_pp
        .map_or_else(|| "—".to_owned(), |delta| direction(delta, lang, ""))
}

/// One row per unit (or 案由, 被申请人…) with each rate and its change, then the
/// whole-ledger total.
#[must_use]
pub fn units(report: &Report, lang: Lang) -> Option<TextTable> {
    let units = report.rows.as_ref()?;
    let mut header = vec![pick(lang, units.by.label_zh(), units.by.label_en())];
    for metric in Metric::ALL {
        header.push(pick(lang, metric.short_zh(), metric.key()));
        header.push(pick(lang, "同比(个百分点)", "change (pp)"));
    }
    let row = |name: String, rates: &crate::rates::Rates| {
        let mut row = vec![name];
        for metric in Metric::ALL {
            let figure = rates.get(metric);
            row.push(share(&figure.current));
            row.push(figure.delta_pp.map_or_else(|| "—".to_owned(), signed));
        }
        row
    };
    let mut rows: Vec<Vec<String>> = units
        .iter()
        .map(|u| row(u.name.clone(), &u.rates))
        .collect();
    rows.push(row(pick(lang, "合计", "Total"), &report.rates));
    Some(TextTable { header, rows })
}

/// The year-to-date rates at each point, then a sparkline row.
#[must_use]
pub fn trend(trend: &Trend, lang: Lang) -> TextTable {
    let mut header = vec![pick(lang, "截至", "As of")];
    header.extend(
        Metric::ALL
            .iter()
            .map(|m| pick(lang, m.short_zh(), m.key())),
    );
    let mut rows: Vec<Vec<String>> = trend
        .points
        .iter()
        .map(|p| {
            let mut row = vec![p.as_of.to_string()];
            row.extend(Metric::ALL.iter().map(|m| {
                p.rates
                    .get(*m)
                    .map_or_else(|| "—".to_owned(), |r| format!("{r}%"))
            }));
            row
        })
        .collect();
    let mut spark = vec![pick(lang, "走势", "Trend")];
    for metric in Metric::ALL {
        let values: Vec<Option<Percent>> =
            trend.points.iter().map(|p| p.rates.get(metric)).collect();
        spark.push(sparkline(&values));
    }
    rows.push(spark);
    TextTable { header, rows }
}

/// One block character per point, scaled between the lowest and highest value; a
/// space where there is no rate.
#[must_use]
pub fn sparkline(values: &[Option<Percent>]) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let known: Vec<i64> = values.iter().flatten().map(|p| p.0).collect();
    let (Some(low), Some(high)) = (known.iter().min(), known.iter().max()) else {
        return String::new();
    };
    values
        .iter()
        .map(|v| match v {
            None => ' ',
            Some(_) if high == low => BARS[3],
            Some(p) => BARS[((p.0 - low) * 7 / (high - low)) as usize],
        })
        .collect()
}

/// `8.28% (14/169)`, `— (0/0)` when there is no denominator, or `未填报 (0/15)` when
/// none of the denominator's cases has the fact recorded.
#[must_use]
pub fn share(share: &Share) -> String {
    format!(
        "{} ({}/{})",
        rate_text(share),
        share.numerator,
        share.denominator
    )
}

/// A share's rate as shown: `8.28%`, `—` without a denominator, `未填报` when the facts
/// behind it were not recorded.
#[must_use]
pub fn rate_text(share: &Share) -> String {
    match share.rate {
        Some(rate) => format!("{rate}%"),
        None if share.denominator > 0 => "未填报".to_owned(),
        None => "—".to_owned(),
    }
}

/// `+22.02` or `-28.83`: a change with its sign.
#[must_use]
pub fn signed(change: Percent) -> String {
    if change.0 > 0 {
        format!("+{change}")
    } else {
        change.to_string()
    }
}

/// A count's 同比 in per cent: 上升 2.43% / 下降 10.84% / 持平.
#[must_use]
pub fn count_change(now: u64, then: u64, lang: Lang) -> String {
    Percent::change(now as i64, then as i64)
        .map_or_else(|| "—".to_owned(), |change| direction(change, lang, "%"))
}

/// A rate's 同比 in percentage points, never in per cent (上升 2 个百分点, not 上升 2%).
#[must_use]
pub fn rate_change(figure: &RateFigure, lang: Lang) -> String {
    figure.delta_pp.map_or_else(
        || "—".to_owned(),
        |delta| {
            direction(
                delta,
                lang,
                if lang == Lang::Zh {
                    " 个百分点"
                } else {
                    " pp"
                },
            )
        },
    )
}

/// `上升 X`, `下降 X` or `持平` (English: up, down, unchanged).
#[must_use]
pub fn direction(change: Percent, lang: Lang, unit: &str) -> String {
    let (up, down, flat) = match lang {
        Lang::Zh => ("上升", "下降", "持平"),
        Lang::En => ("up", "down", "unchanged"),
    };
    match change.0.signum() {
        1 => format!("{up} {change}{unit}"),
        -1 => format!("{down} {}{unit}", change.abs()),
        _ => flat.to_owned(),
    }
}

/// `优于全省平均 14.05%` / `better than 全省平均 14.05%`.
#[must_use]
pub fn benchmark(comparison: &Comparison, lang: Lang) -> String {
    let verdict = match (comparison.better, lang) {
        (Some(true), Lang::Zh) => "优于",
        (Some(false), Lang::Zh) => "未优于",
        (Some(true), Lang::En) => "better than ",
        (Some(false), Lang::En) => "not better than ",
        (None, _) => "",
    };
    format!("{verdict}{} {}%", comparison.label, comparison.rate)
}

/// The footer: period, knowledge date, unit and the 口径 behind every figure.
#[must_use]
pub fn footer(report: &Report, lang: Lang) -> Vec<String> {
    let rules = &report.rules;
    let (p, q) = (&report.period, &report.previous_period);
    if lang == Lang::Zh {
        let closed_base = match rules.correction_base {
            CorrectionBase::Closed => "办结（含不予受理）",
            CorrectionBase::AcceptedClosed => "办结（不含不予受理）",
        };
        let loss_base = match rules.loss_base {
            LossBase::FirstInstanceClosed => "一审结案",
            LossBase::Judgments => "一审结案（不含撤诉、驳回起诉、终结、移送、调解）",
        };
        let hearings = match rules.appearance_scope {
            AppearanceScope::FirstInstance => "一审开庭",
            AppearanceScope::AllInstances => "各审级开庭",
        };
        let mut lines = vec![
            format!(
                "统计期间：{} 至 {}；上年同期：{} 至 {}",
                p.from, p.to, q.from, q.to
            ),
            format!(
                "数据截至：{}（只计入截至该日的批次）；单位：{}",
                report.as_of,
                report.unit.as_deref().unwrap_or("全部")
            ),
            format!(
                "口径：被纠错率 = 被纠错 ÷ {closed_base}，被纠错 = {}（是否纠错列优先）；调解成功率 = 调解成功 ÷ {closed_base}，调解成功 = {}",
                list_zh(&rules.corrected_outcomes),
                list_zh(&rules.mediated_outcomes)
            ),
            format!(
                "　　　败诉率 = 一审败诉 ÷ {loss_base}，败诉 = {}（是否败诉列优先）；出庭应诉率 = 负责人出庭 ÷ {hearings}",
                list_zh(&rules.lost_outcomes)
            ),
        ];
        if report.has_deadlines() {
            lines.push(format!(
                "　　　按期办结率 = 审理期限内办结 ÷ 有受理日期的办结；通知率 = 两次提醒均按时 ÷ {hearings}；只计填写了期限或开庭安排列的案件，答复、答辩逾期计入期限届满日所在期间"
            ));
        }
        lines.push(format!(
            "　　　维持率 = 维持 ÷ {closed_base}；实质性化解率 = 实质性化解 ÷ {closed_base}，实质性化解 = {}；复议后起诉率 = 应诉台账以复议案号引用的办结案件 ÷ {closed_base}；复议诉讼比 = 行政复议收案 ÷ 一审收案（比值，同比增减为两个比值之差）",
            list_zh(&rules.resolved_outcomes)
        ));
        lines.extend(record_rules(report, lang));
        lines.push(
            "　　　比率四舍五入保留两位小数；同比增减为两个显示比率之差（个百分点）".to_owned(),
        );
        lines
    } else {
        let closed_base = match rules.correction_base {
            CorrectionBase::Closed => "all closed cases (不予受理 included)",
            CorrectionBase::AcceptedClosed => "closed cases except 不予受理",
        };
        let loss_base = match rules.loss_base {
            LossBase::FirstInstanceClosed => "first-instance cases closed",
            LossBase::Judgments => {
                "first-instance judgments (not 撤诉, 驳回起诉, 终结, 移送, 调解)"
            }
        };
        let hearings = match rules.appearance_scope {
            AppearanceScope::FirstInstance => "first-instance hearings",
            AppearanceScope::AllInstances => "hearings of every instance",
        };
        let mut lines = vec![
            format!(
                "Period: {} to {}; year before: {} to {}",
                p.from, p.to, q.from, q.to
            ),
            format!(
                "As of: {} (only batches as of that date or earlier); unit: {}",
                report.as_of,
                report.unit.as_deref().unwrap_or("all")
            ),
            format!(
                "Rules (口径): corrected = {} (是否纠错 column first) and mediated = {}, over {closed_base};",
                list_zh(&rules.corrected_outcomes),
                list_zh(&rules.mediated_outcomes)
            ),
            format!(
                "  lost = {} (是否败诉 column first), over {loss_base}; head appeared, over {hearings}.",
                list_zh(&rules.lost_outcomes)
            ),
        ];
        if report.has_deadlines() {
            lines.push(format!(
                "  On-time rate = decided within the statutory period, over decided with an acceptance date; notice rate = both reminders on time, over {hearings}; only cases with deadline or hearing columns filled count, and a late answer or defence counts in the period of its deadline."
            ));
        }
        lines.push(format!(
            "  Upheld rate = 维持, resolution rate = resolved ({}), sued-after rate = closed cases a lawsuit names in its 复议案号, each over {closed_base}; reconsideration to litigation ratio = received ÷ first-instance suits filed (a ratio; its change in plain units).",
            list_zh(&rules.resolved_outcomes)
        ));
        lines.extend(record_rules(report, lang));
        lines.push("Rates are rounded half-up to two decimals; changes are differences of the shown rates, in percentage points.".to_owned());
        lines
    }
}

/// The footer's lines for the rates of the 整改台账 and 诉前台账, each only when the
/// ledger holds such rows.
fn record_rules(report: &Report, lang: Lang) -> Vec<String> {
    let mut lines = Vec::new();
    if report.holds.documents {
        lines.push(pick(
            lang,
            "　　　到期反馈率 = 按期反馈 ÷ 回复期限在本期且已届满的意见书、建议书；整改完成率 = 已整改 ÷ 本期发出",
            "  Reply rate = replied on time, over documents whose reply deadline fell in the period and has passed; rectification rate = rectified, over documents issued in the period.",
        ));
    }
    if report.holds.disputes {
        lines.push(pick(
            lang,
            "　　　诉前化解率 = 化解成功 ÷ 化解日期在本期的争议（诉前办结）",
            "  Pre-litigation resolution rate = 化解成功, over disputes whose 化解日期 falls in the period (ended).",
        ));
    }
    lines
}

/// The count of a key in both periods, for writers that need numbers.
#[must_use]
pub fn count_pair(report: &Report, key: &str) -> (u64, u64) {
    let get = |c: &Counts| c.get(key).unwrap_or_default();
    (get(&report.counts), get(&report.previous_counts))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sparklines_scale_between_extremes() {
        let p = |v| Some(Percent(v));
        assert_eq!(sparkline(&[p(0), p(700), p(350)]), "▁█▄");
        assert_eq!(sparkline(&[p(5), None, p(5)]), "▄ ▄");
        assert_eq!(sparkline(&[None, None]), "");
    }
}
