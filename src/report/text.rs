//! The narrative paragraph of the bureau's published report, written from the figures:
//! 「今年1月至8月，全州行政复议案件收案181件……被纠错率8.28%，同比下降28.83个百分点……」

use std::io::Write;

use anyhow::Result;
use chrono::{Datelike, NaiveDate};

use super::Report;
use crate::model::Metric;
use crate::rates::{Indicator, Percent, RateFigure};

/// Writes the paragraph (中文 only: it is the text of a Chinese report), with a sentence
/// on the further indicators `with` asks for (none by default: the published paragraph
/// is about the 三率).
pub fn write_text(report: &Report, with: &[Indicator], out: &mut dyn Write) -> Result<()> {
    writeln!(out, "{}", paragraph(report, with, "全州"))?;
    Ok(())
}

/// The paragraph, naming the whole ledger's area `area` (全州, the document's own words)
/// when the report is not of one unit.
#[must_use]
pub fn paragraph(report: &Report, with: &[Indicator], area: &str) -> String {
    let c = &report.counts;
    let r = &report.rates;
    format!(
        "{period}，{unit}行政复议案件收案{}件，受理{}件，不予受理{}件，办结{}件，其中被纠错{}件{}；\
         调解成功{}件{}。行政诉讼一审结案{}件，败诉{}件{}；一审开庭{}件，行政机关负责人出庭应诉{}件{}{unrecorded}。{verdict}{deadlines}{indicators}{rectification}{disputes}",
        c.received,
        c.accepted,
        c.not_accepted,
        c.closed,
        c.corrected,
        rate_clause("被纠错率", &r.correction_rate),
        c.mediated,
        rate_clause("调解成功率", &r.mediation_rate),
        c.first_instance_closed,
        c.lost,
        rate_clause("一审败诉率", &r.loss_rate),
        c.heard,
        c.head_appeared,
        rate_clause("出庭应诉率", &r.appearance_rate),
        period = period_phrase(report, true),
        unit = scope_phrase(report, area),
        unrecorded = unrecorded_clause(c.heard_unrecorded),
        verdict = verdict(report),
        deadlines = deadline_sentence(report),
        indicators = indicator_sentence(report, with),
        rectification = rectification_sentence(report),
        disputes = dispute_sentence(report),
    )
}

/// `，被纠错率8.28%，同比下降28.83个百分点，低于全省平均水平（14.05%）`, leaving out what
/// cannot be said (no rate, no previous rate, no benchmark).
fn rate_clause(name: &str, figure: &RateFigure) -> String {
    let Some(rate) = figure.current.rate else {
        return String::new();
    };
    let change = change_clause(figure);
    if let Some(benchmark) = &figure.benchmark {
        let relation = match rate.cmp(&benchmark.rate) {
            std::cmp::Ordering::Less => "低于",
            std::cmp::Ordering::Greater => "高于",
            std::cmp::Ordering::Equal => "持平于",
        };
        return format!(
            "，{name}{}{change}，{relation}{}（{}）",
            percent(rate),
            level(&benchmark.label),
            percent(benchmark.rate)
        );
    }
    format!("，{name}{}{change}", percent(rate))
}

/// `，出庭情况未填报15件`: hearings counted as not appeared because nothing was
/// recorded; nothing when every appearance was.
fn unrecorded_clause(count: u64) -> String {
    if count == 0 {
        String::new()
    } else {
        format!("，出庭情况未填报{count}件")
    }
}

/// `，同比下降28.83个百分点`, or nothing without last year's rate.
fn change_clause(figure: &RateFigure) -> String {
    figure
        .delta_pp
        .map_or_else(String::new, |delta| match delta.0.signum() {
            1 => format!("，同比上升{delta}个百分点"),
            -1 => format!("，同比下降{}个百分点", delta.abs()),
            _ => "，与上年同期持平".to_owned(),
        })
}

/// 「行政复议按期办结率为96.00%，同比上升3.00个百分点；开庭通知率为100.00%。」 after the
/// three rates, only for a report with deadline figures and only the rates it has.
fn deadline_sentence(report: &Report) -> String {
    if !report.has_deadlines() {
        return String::new();
    }
    let clauses: Vec<String> = [
        ("行政复议按期办结率", &report.rates.on_time_rate),
        ("开庭通知率", &report.rates.notice_rate),
    ]
    .into_iter()
    .filter_map(|(name, figure)| {
        let rate = figure.current.rate?;
        Some(format!(
            "{name}为{}{}",
            percent(rate),
            change_clause(figure)
        ))
    })
    .collect();
    sentence(&clauses)
}

/// 「行政复议维持率为61.38%，同比上升1.20个百分点；实质性化解率为14.08%。」 for the
/// indicators asked for that have a figure; a ratio reads 「复议诉讼比为2.95，同比上升0.01」.
fn indicator_sentence(report: &Report, with: &[Indicator]) -> String {
    let clauses: Vec<String> = with
        .iter()
        .filter_map(|indicator| {
            let figure = report.rates.indicator(*indicator);
            let rate = figure.current.rate?;
            Some(if indicator.is_ratio() {
                let change =
                    figure
                        .delta_pp
                        .map_or_else(String::new, |delta| match delta.0.signum() {
                            1 => format!("，同比上升{delta}"),
                            -1 => format!("，同比下降{}", delta.abs()),
                            _ => "，与上年同期持平".to_owned(),
                        });
                format!("{}为{rate}{change}", indicator.label_zh())
            } else {
                format!(
                    "{}为{}{}",
                    indicator.label_zh(),
                    percent(rate),
                    change_clause(figure)
                )
            })
        })
        .collect();
    sentence(&clauses)
}

/// 「整改：发出意见书、建议书3件，到期应反馈3件，按期反馈1件，到期反馈率33.33%；已整改1件，
/// 整改完成率33.33%。」 only for a ledger that holds documents; a rate without a base is
/// left out, as in the sentences above.
fn rectification_sentence(report: &Report) -> String {
    if !report.holds.documents {
        return String::new();
    }
    let r = &report.rectification;
    let clauses = [
        format!(
            "发出意见书、建议书{}件，到期应反馈{}件，按期反馈{}件{}",
            r.issued,
            r.replies_due,
            r.replied_on_time,
            rate_clause("到期反馈率", &r.reply_rate())
        ),
        format!(
            "已整改{}件{}",
            r.rectified,
            rate_clause("整改完成率", &r.rectified_rate())
        ),
    ];
    format!("整改：{}", sentence(&clauses))
}

/// 「诉前化解：受理争议3件，办结1件，化解成功1件，诉前化解率100.00%。」 only for a ledger that
/// holds disputes.
fn dispute_sentence(report: &Report) -> String {
    if !report.holds.disputes {
        return String::new();
    }
    let d = &report.disputes;
    let clauses = [format!(
        "受理争议{}件，办结{}件，化解成功{}件{}",
        d.received,
        d.ended,
        d.resolved,
        rate_clause("诉前化解率", &d.pre_litigation_rate())
    )];
    format!("诉前化解：{}", sentence(&clauses))
}

/// Clauses joined into one sentence of the paragraph; nothing when there are none.
fn sentence(clauses: &[String]) -> String {
    if clauses.is_empty() {
        return String::new();
    }
    format!("{}。", clauses.join("；"))
}

/// 「三项指标均优于全省平均水平」 and its variants, over the three rates of 两降一升.
fn verdict(report: &Report) -> String {
    let core = [Metric::Correction, Metric::Loss, Metric::Appearance];
    let compared: Vec<(Metric, bool, &str)> = core
        .iter()
        .filter_map(|m| {
            let b = report.rates.get(*m).benchmark.as_ref()?;
            Some((*m, b.better?, b.label.as_str()))
        })
        .collect();
    let Some((_, _, label)) = compared.first() else {
        return String::new();
    };
    let level = level(label);
    let better: Vec<&str> = compared
        .iter()
        .filter(|(_, b, _)| *b)
        .map(|(m, _, _)| m.short_zh())
        .collect();
    let count = ["零", "一", "两", "三"][compared.len().min(3)];
    if better.len() == compared.len() {
        if compared.len() == 1 {
            format!("{}优于{level}。", better[0])
        } else {
            format!("{count}项指标均优于{level}。")
        }
    } else if better.is_empty() {
        format!("{count}项指标均未优于{level}。")
    } else {
        format!("{}优于{level}。", better.join("、"))
    }
}

/// A benchmark's name as a level: 全省平均 → 全省平均水平.
pub(crate) fn level(label: &str) -> String {
    if label.ends_with("平均") {
        format!("{label}水平")
    } else {
        label.to_owned()
    }
}

fn percent(rate: Percent) -> String {
    format!("{rate}%")
}

/// 「全州」 (the area) or the unit, with the ad-hoc filter that chose the cases:
/// 「全州（被申请人：*公安局）」.
fn scope_phrase(report: &Report, area: &str) -> String {
    let unit = report.unit.as_deref().unwrap_or(area);
    match report
        .filter
        .as_ref()
        .and_then(crate::model::Filter::label_zh)
    {
        Some(filter) => format!("{unit}（{filter}）"),
        None => unit.to_owned(),
    }
}

/// 「今年1月至8月」, 「2020年3月」, 「今年全年」 or 「2021年3月5日至4月2日」; with
/// `relative` false, the year is always a number (a title: 「2021年1月至8月」).
#[must_use]
pub fn period_phrase(report: &Report, relative: bool) -> String {
    let (from, to) = (report.period.from, report.period.to);
    let year = if relative && to.year() == report.as_of.year() {
        "今年".to_owned()
    } else {
        format!("{}年", to.year())
    };
    let month_start = from.day() == 1;
    let month_end = to.succ_opt().is_none_or(|next| next.day() == 1);
    if from.year() == to.year() && month_start && month_end {
        if from.month() == 1 && to.month() == 12 {
            return format!("{year}全年");
        }
        if from.month() == to.month() {
            return format!("{year}{}月", to.month());
        }
        return format!("{year}{}月至{}月", from.month(), to.month());
    }
    let day = |d: NaiveDate| format!("{}月{}日", d.month(), d.day());
    if from.year() == to.year() {
        format!("{year}{}至{}", day(from), day(to))
    } else {
        format!("{}年{}至{}年{}", from.year(), day(from), to.year(), day(to))
    }
}
