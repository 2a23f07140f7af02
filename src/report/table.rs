//! The report as a table for people: counts, rates, last year's figures and 同比 in
//! words, with a footer that says what was counted and how.

use std::io::Write;

use anyhow::Result;
use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{CellAlignment, ContentArrangement, Table};

use super::Report;
use crate::model::rules::{AppearanceScope, CorrectionBase, LossBase, list_zh};
use crate::rates::{Counts, Metric, Percent, RateFigure, Share};

/// The language of labels.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

/// A count row: its label in both languages and how to read it from [`Counts`].
type CountRow = (&'static str, &'static str, fn(&Counts) -> u64);

const COUNT_ROWS: &[CountRow] = &[
    ("行政复议收案", "Reconsideration received", |c| {
        c.received
    }),
    ("　受理", "  accepted", |c| c.accepted),
    ("　不予受理", "  not accepted", |c| c.not_accepted),
    ("　办结", "  closed", |c| c.closed),
    ("　被纠错", "  corrected", |c| c.corrected),
    ("　调解成功", "  mediated", |c| c.mediated),
    (
        "行政诉讼一审收案",
        "First-instance suits filed",
        |c| c.filed,
    ),
    ("　一审结案", "  closed", |c| c.first_instance_closed),
    ("　一审败诉", "  lost", |c| c.lost),
    ("　一审开庭", "  heard", |c| c.heard),
    ("　负责人出庭", "  head appeared", |c| c.head_appeared),
];

/// Writes the table and its footer.
pub fn write_table(report: &Report, lang: Lang, out: &mut dyn Write) -> Result<()> {
    let zh = lang == Lang::Zh;
    let unit = report.unit.as_deref();
    let title = match (zh, unit) {
        (true, None) => "行政复议与行政应诉统计（全部单位）".to_owned(),
        (true, Some(u)) => format!("行政复议与行政应诉统计（{u}）"),
        (false, None) => "Reconsideration and litigation figures (all units)".to_owned(),
        (false, Some(u)) => format!("Reconsideration and litigation figures ({u})"),
    };
    writeln!(out, "{title}")?;

    let mut table = Table::new();
    table
        .load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Disabled);
    table.set_header(if zh {
        ["指标", "本期", "上年同期", "同比"]
    } else {
        ["Figure", "This period", "Year before", "Year on year"]
    });
    for (label_zh, label_en, get) in COUNT_ROWS {
        let (now, then) = (get(&report.counts), get(&report.previous_counts));
        table.add_row([
            (if zh { *label_zh } else { *label_en }).to_owned(),
            now.to_string(),
            then.to_string(),
            count_change(now, then, lang),
        ]);
    }
    for metric in Metric::ALL {
        let figure = report.rates.get(metric);
        table.add_row([
            (if zh {
                metric.label_zh()
            } else {
                metric.label_en()
            })
            .to_owned(),
            share(&figure.current),
            share(&figure.previous),
            rate_change(figure, lang),
        ]);
    }
    for column in 1..4 {
        if let Some(c) = table.column_mut(column) {
            c.set_cell_alignment(CellAlignment::Right);
        }
    }
    writeln!(out, "{table}")?;
    write_footer(report, lang, out)
}

/// `8.28% (14/169)`, or `— (0/0)` when there is no denominator.
fn share(share: &Share) -> String {
    let rate = share
        .rate
        .map_or_else(|| "—".to_owned(), |r| format!("{r}%"));
    format!("{rate} ({}/{})", share.numerator, share.denominator)
}

fn count_change(now: u64, then: u64, lang: Lang) -> String {
    let Some(change) = Percent::change(now as i64, then as i64) else {
        return "—".to_owned();
    };
    direction(change, lang, "%")
}

/// Rates change in percentage points, never in per cent (上升 2 个百分点, not 上升 2%).
fn rate_change(figure: &RateFigure, lang: Lang) -> String {
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

fn direction(change: Percent, lang: Lang, unit: &str) -> String {
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

fn write_footer(report: &Report, lang: Lang, out: &mut dyn Write) -> Result<()> {
    let rules = &report.rules;
    let (p, q) = (&report.period, &report.previous_period);
    if lang == Lang::Zh {
        writeln!(
            out,
            "统计期间：{} 至 {}；上年同期：{} 至 {}",
            p.from, p.to, q.from, q.to
        )?;
        writeln!(
            out,
            "数据截至：{}（只计入截至该日的批次）；单位：{}",
            report.as_of,
            report.unit.as_deref().unwrap_or("全部")
        )?;
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
        writeln!(
            out,
            "口径：被纠错率 = 被纠错 ÷ {closed_base}，被纠错 = {}（是否纠错列优先）；调解成功率 = 调解成功 ÷ {closed_base}，调解成功 = {}",
            list_zh(&rules.corrected_outcomes),
            list_zh(&rules.mediated_outcomes)
        )?;
        writeln!(
            out,
            "　　　败诉率 = 一审败诉 ÷ {loss_base}，败诉 = {}（是否败诉列优先）；出庭应诉率 = 负责人出庭 ÷ {hearings}",
            list_zh(&rules.lost_outcomes)
        )?;
        writeln!(
            out,
            "　　　比率四舍五入保留两位小数；同比增减为两个显示比率之差（个百分点）"
        )?;
    } else {
        writeln!(
            out,
            "Period: {} to {}; year before: {} to {}",
            p.from, p.to, q.from, q.to
        )?;
        writeln!(
            out,
            "As of: {} (only batches as of that date or earlier); unit: {}",
            report.as_of,
            report.unit.as_deref().unwrap_or("all")
        )?;
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
        writeln!(
            out,
            "Rules (口径): corrected = {} (是否纠错 column first) and mediated = {}, over {closed_base};",
            list_zh(&rules.corrected_outcomes),
            list_zh(&rules.mediated_outcomes)
        )?;
        writeln!(
            out,
            "  lost = {} (是否败诉 column first), over {loss_base}; head appeared, over {hearings}.",
            list_zh(&rules.lost_outcomes)
        )?;
        writeln!(
            out,
            "Rates are rounded half-up to two decimals; changes are differences of the shown rates, in percentage points."
        )?;
    }
    Ok(())
}
