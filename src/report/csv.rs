//! Reports and trends as CSV for Excel: numbers as numbers, one rectangular table, and
//! text cells that cannot be read as formulas.

use std::io::Write;

use anyhow::Result;

use super::trend::Trend;
use super::wording::{
    COUNT_ROWS, DEADLINE_FIGURES, Figure, Record, deadline_figure, record_figure,
};
use super::{Lang, Report};
use crate::model::Metric;
use crate::rates::{Indicator, Percent, RateFigure};

/// Writes the report: one row per count and rate, or (with a breakdown) one row per unit,
/// 案由, 被申请人, 被告 or 法院.
pub fn write_csv(report: &Report, lang: Lang, out: &mut dyn Write) -> Result<()> {
    let mut csv = csv::Writer::from_writer(out);
    let zh = lang == Lang::Zh;
    if let Some(units) = &report.rows {
        write_units(report, units, zh, &mut csv)?;
    } else {
        write_summary(report, zh, &mut csv)?;
    }
    csv.flush()?;
    Ok(())
}

fn write_units(
    report: &Report,
    units: &super::Rows,
    zh: bool,
    csv: &mut csv::Writer<&mut dyn Write>,
) -> Result<()> {
    {
        let mut header = vec![if zh {
            units.by.label_zh().to_owned()
        } else {
            units.by.key().to_owned()
        }];
        for (label, _, key) in COUNT_ROWS {
            header.push(if zh {
                label.trim_start_matches('　').to_owned()
            } else {
                key.to_owned()
            });
        }
        for metric in Metric::ALL {
            let name = if zh { metric.short_zh() } else { metric.key() };
            header.push(name.to_owned());
            header.push(format!(
                "{name}{}",
                if zh { "(上年同期)" } else { "_previous" }
            ));
            header.push(format!(
                "{name}{}",
                if zh { "(同比增减)" } else { "_delta_pp" }
            ));
        }
        csv.write_record(&header)?;
        let total_label = if zh { "合计" } else { "total" };
        let rows = units
            .iter()
            .map(|u| (u.name.as_str(), &u.counts, &u.rates))
            .chain([(total_label, &report.counts, &report.rates)]);
        for (unit, counts, rates) in rows {
            let mut record = vec![safe(unit)];
            record.extend(
                COUNT_ROWS
                    .iter()
                    .map(|(_, _, key)| counts.get(key).unwrap_or_default().to_string()),
            );
            for metric in Metric::ALL {
                let figure = rates.get(metric);
                record.push(number(figure.current.rate));
                record.push(number(figure.previous.rate));
                record.push(number(figure.delta_pp));
            }
            csv.write_record(&record)?;
        }
    }
    Ok(())
}

fn write_summary(report: &Report, zh: bool, csv: &mut csv::Writer<&mut dyn Write>) -> Result<()> {
    {
        let header: &[&str] = if zh {
            &[
                "指标",
                "键",
                "本期",
                "上年同期",
                "同比增减",
                "同比变化率(%)",
                "分子",
                "分母",
                "上年分子",
                "上年分母",
                "比较值名称",
                "比较值",
                "优于比较值",
            ]
        } else {
            &[
                "figure",
                "key",
                "value",
                "previous",
                "change",
                "relative_change",
                "numerator",
                "denominator",
                "previous_numerator",
                "previous_denominator",
                "benchmark",
                "benchmark_rate",
                "better",
            ]
        };
        csv.write_record(header)?;
        for (label_zh, label_en, key) in COUNT_ROWS {
            let (now, then) = (
                report.counts.get(key).unwrap_or_default(),
                report.previous_counts.get(key).unwrap_or_default(),
            );
            let label = if zh {
                label_zh.trim_start_matches('　')
            } else {
                label_en.trim()
            };
            csv.write_record(count_record(label, key, now, then))?;
        }
        for metric in Metric::ALL {
            let label = if zh {
                metric.label_zh()
            } else {
                metric.label_en()
            };
            csv.write_record(rate_record(
                label,
                metric.key(),
                report.rates.get(metric),
                zh,
            ))?;
        }
        let label = if zh {
            "合规出庭率"
        } else {
            "Qualified appearance rate"
        };
        let qualified = &report.rates.qualified_appearance_rate;
        csv.write_record(rate_record(
            label,
            "qualified_appearance_rate",
            qualified,
            zh,
        ))?;
        // Only a report with deadline figures has these rows, as in the table.
        if report.has_deadlines() {
            for (label_zh, label_en, key) in DEADLINE_FIGURES {
                let label = if zh { label_zh } else { label_en };
                if let Some(figure) = deadline_figure(report, key) {
                    csv.write_record(figure_record(label, key, &figure, zh))?;
                }
            }
        }
        if report.has_indicators() {
            write_indicators(report, zh, csv)?;
        }
        // The 整改 and 诉前 figures, keyed by their JSON path (`disputes.received` is not
        // the count `received`), only for a ledger that holds such rows.
        for record in Record::shown(report) {
            for &(label_zh, label_en, key) in record.figures() {
                let label = if zh { label_zh } else { label_en };
                if let Some(figure) = record_figure(report, record, key) {
                    let key = format!("{}.{key}", record.key());
                    csv.write_record(figure_record(label, &key, &figure, zh))?;
                }
            }
        }
    }
    csv.flush()?;
    Ok(())
}

/// The further indicators, after the existing rows, like the rates (the ratio's values
/// are ratios, its change in plain units).
fn write_indicators(
    report: &Report,
    zh: bool,
    csv: &mut csv::Writer<&mut dyn Write>,
) -> Result<()> {
    for indicator in Indicator::ALL {
        let label = if zh {
            indicator.label_zh()
        } else {
            indicator.label_en()
        };
        let figure = report.rates.indicator(indicator);
        csv.write_record(rate_record(label, indicator.key(), figure, zh))?;
    }
    Ok(())
}

/// A count's or a rate's record.
fn figure_record(label: &str, key: &str, figure: &Figure, zh: bool) -> Vec<String> {
    match figure {
        Figure::Count(now, then) => count_record(label, key, *now, *then),
        Figure::Rate(figure) => rate_record(label, key, figure, zh),
    }
}

/// A count this period and last year, its change and relative change; the rate columns
/// empty.
fn count_record(label: &str, key: &str, now: u64, then: u64) -> Vec<String> {
    let mut record = vec![
        safe(label),
        key.to_owned(),
        now.to_string(),
        then.to_string(),
        (now as i64 - then as i64).to_string(),
        number(Percent::change(now as i64, then as i64)),
    ];
    record.extend(std::iter::repeat_n(String::new(), 7));
    record
}

fn rate_record(label: &str, key: &str, figure: &RateFigure, zh: bool) -> Vec<String> {
    let benchmark = figure.benchmark.as_ref();
    vec![
        safe(label),
        key.to_owned(),
        number(figure.current.rate),
        number(figure.previous.rate),
        number(figure.delta_pp),
        number(figure.relative_change),
        figure.current.numerator.to_string(),
        figure.current.denominator.to_string(),
        figure.previous.numerator.to_string(),
        figure.previous.denominator.to_string(),
        benchmark.map(|b| safe(&b.label)).unwrap_or_default(),
        number(benchmark.map(|b| b.rate)),
        match benchmark.and_then(|b| b.better) {
            Some(true) => (if zh { "是" } else { "yes" }).to_owned(),
            Some(false) => (if zh { "否" } else { "no" }).to_owned(),
            None => String::new(),
        },
    ]
}

/// Writes the trend: one row per point with its period, counts and rates.
pub fn write_trend_csv(trend: &Trend, lang: Lang, out: &mut dyn Write) -> Result<()> {
    let zh = lang == Lang::Zh;
    let mut csv = csv::Writer::from_writer(out);
    let mut header: Vec<String> = if zh {
        vec!["截至".into(), "起始".into()]
    } else {
        vec!["as_of".into(), "from".into()]
    };
    header.extend(COUNT_ROWS.iter().map(|(label, _, key)| {
        if zh {
            label.trim_start_matches('　').to_owned()
        } else {
            (*key).to_owned()
        }
    }));
    header.extend(Metric::ALL.iter().map(|m| {
        if zh {
            m.short_zh().to_owned()
        } else {
            m.key().to_owned()
        }
    }));
    csv.write_record(&header)?;
    for point in &trend.points {
        let mut record = vec![point.as_of.to_string(), point.period.from.to_string()];
        record.extend(
            COUNT_ROWS
                .iter()
                .map(|(_, _, key)| point.counts.get(key).unwrap_or_default().to_string()),
        );
        record.extend(Metric::ALL.iter().map(|m| number(point.rates.get(*m))));
        csv.write_record(&record)?;
    }
    csv.flush()?;
    Ok(())
}

/// A percentage as a plain number (`8.28`), empty when there is none.
fn number(value: Option<Percent>) -> String {
    value.map(|p| p.to_string()).unwrap_or_default()
}

/// Neutralises formula injection: a text cell starting with = + - @ (or a tab or carriage
/// return) is prefixed with `'`, so Excel shows it instead of evaluating it.
#[must_use]
pub fn safe(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_neutralised() {
        assert_eq!(safe("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(safe("+1"), "'+1");
        assert_eq!(safe("-1"), "'-1");
        assert_eq!(safe("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(safe("都匀市"), "都匀市");
    }
}
