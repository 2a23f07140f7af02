//! The monthly 情况通报 as a Word document: title, 主送, 一、总体情况 (the published
//! paragraph), 二、“三率”情况 (the summary table), 三、各县（市）情况 (the units ranked),
//! 四、需关注事项 (overdue work and open 包案 cases), then 落款 and 成文日期.
//!
//! Every figure and phrase comes from the report, the work list and the 包案 sheet as the
//! other formats show them; a section without data is left out, never printed empty. It
//! stands beside the three, written on the report's Word document kit, so none of them
//! depends on another's output.

use std::io::Write;

use anyhow::Result;
use chrono::{Datelike, NaiveDate};

use crate::due::task::Item;
use crate::due::{DueList, DueOptions};
use crate::leads::{LeadSheet, SheetOptions, Status};
use crate::ledger::Ledger;
use crate::model::{Breakdown, Letterhead, Metric, Month};
use crate::rates::Percent;
use crate::report::docx::{Align, Document, Look, Orientation, Table};
use crate::report::text::{level, paragraph, period_phrase};
use crate::report::wording::{self, share};
use crate::report::{Lang, Report, ReportOptions};

/// What the 通报 is made of.
#[derive(Debug, Clone, Copy)]
pub struct Notice<'a> {
    /// The report, broken down by unit.
    pub report: &'a Report,
    /// The bureau's words; the title's pattern unless `title` is given.
    pub words: &'a Letterhead,
    /// A title for this document alone.
    pub title: Option<&'a str>,
    /// 成文日期.
    pub signed_on: NaiveDate,
    /// The work list on the report's as-of date: its overdue items are reported.
    pub due: &'a DueList,
    /// The 包案 sheet of the as-of date's month: its open cases are reported.
    pub leads: &'a LeadSheet,
}

/// What the 通报 is built from besides the caller's title and date: the report broken
/// down by unit, the work list on its as-of date and the 包案 sheet of that month, built
/// as `due` and `leads` build theirs, so the document and the commands agree.
pub struct NoticeSources {
    pub report: Report,
    pub words: Letterhead,
    pub due: DueList,
    pub leads: LeadSheet,
}

impl NoticeSources {
    /// The 通报 of these sources, titled by the letterhead's pattern and signed on the
    /// report's as-of date (a caller that knows better replaces both).
    #[must_use]
    pub fn notice(&self) -> Notice<'_> {
        Notice {
            report: &self.report,
            words: &self.words,
            title: None,
            signed_on: self.report.as_of,
            due: &self.due,
            leads: &self.leads,
        }
    }
}

/// Builds what the 通报 of `options` shows: the report per unit (unless another
/// breakdown is asked for), the work overdue on its as-of date and the 包案 cases of
/// that date's month, within the report's unit and filter.
pub fn gather(ledger: &Ledger, options: &ReportOptions) -> Result<NoticeSources> {
    let options = ReportOptions {
        by: Some(options.by.unwrap_or(Breakdown::Unit)),
        ..options.clone()
    };
    let report = crate::report::build(ledger, &options)?;
    let due = crate::due::build(
        ledger,
        &DueOptions {
            on: report.as_of,
            within: 0,
            unit: report.unit.clone(),
            lead: None,
            kind: None,
            filter: options.filter.clone(),
        },
    )?;
    let leads = crate::leads::build(
        ledger,
        &SheetOptions {
            month: Some(Month::of(report.as_of)),
            lead: None,
            rules: options.rules.clone(),
            today: report.as_of,
        },
    )?;
    Ok(NoticeSources {
        words: ledger.letterhead()?,
        report,
        due,
        leads,
    })
}

/// The three rates of 两降一升, the ones the units are ranked by.
const RANKED: [Metric; 3] = [Metric::Correction, Metric::Loss, Metric::Appearance];

/// The section numbers, in order: a section left out takes no number.
const NUMBERS: [&str; 4] = ["一", "二", "三", "四"];

/// Writes the 通报 as a .docx.
pub fn write_docx(notice: &Notice, out: &mut dyn Write) -> Result<()> {
    let report = notice.report;
    let words = notice.words;
    let mut doc = Document::new(Orientation::Portrait);
    let title = notice.title.map_or_else(
        || words.title_for(&period_phrase(report, false)),
        crate::model::letterhead::lines,
    );
    doc.paragraph(Look::TITLE, &title);
    if !words.issue.is_empty() {
        doc.paragraph(
            Look {
                align: Align::Centre,
                ..Look::FLUSH
            },
            &words.issue,
        );
    }
    doc.paragraph(Look::FLUSH, "");
    doc.paragraph(Look::FLUSH, &words.recipients);

    let mut numbers = NUMBERS.iter();
    let mut heading = |doc: &mut Document, name: &str| {
        let number = numbers.next().copied().unwrap_or("");
        doc.paragraph(Look::HEADING, &format!("{number}、{name}"));
    };

    heading(&mut doc, "总体情况");
    doc.paragraph(Look::BODY, &paragraph(report, &[], &words.area));

    heading(&mut doc, "“三率”情况");
    let summary = wording::summary(report, Lang::Zh);
    let wide = summary.header.len() > 4;
    doc.table(&Table {
        shares: if wide {
            vec![30, 20, 20, 20, 22]
        } else {
            vec![34, 24, 24, 24]
        },
        header: summary.header,
        rows: lines(summary.rows),
    });
    for (i, line) in wording::footer(report, Lang::Zh).iter().enumerate() {
        let line = line.trim_start_matches('　');
        let text = if i == 0 {
            format!("注：{line}")
        } else {
            line.to_owned()
        };
        doc.paragraph(Look::NOTE, &text);
    }

    if let Some(table) = unit_table(report) {
        heading(&mut doc, "各县（市）情况");
        doc.table(&table);
        if let Some(sentence) = worse_than_benchmark(report) {
            doc.paragraph(Look::BODY, &sentence);
        }
    }

    let overdue = overdue_sentence(notice.due);
    let open_cases = open_lead_cases(notice.leads, report.unit.as_deref());
    if overdue.is_some() || open_cases.is_some() {
        heading(&mut doc, "需关注事项");
        let mut sub = ["（一）", "（二）"].into_iter();
        if let Some(sentence) = overdue {
            let number = sub.next().unwrap_or_default();
            doc.paragraph(Look::SUBHEADING, &format!("{number}逾期事项"));
            doc.paragraph(Look::BODY, &sentence);
        }
        if let Some((sentence, table)) = open_cases {
            let number = sub.next().unwrap_or_default();
            doc.paragraph(Look::SUBHEADING, &format!("{number}包案案件"));
            doc.paragraph(Look::BODY, &sentence);
            doc.table(&table);
        }
    }

    doc.paragraph(Look::FLUSH, "");
    doc.paragraph(Look::SIGNATURE, &words.issuer);
    doc.paragraph(Look::SIGNATURE, &date_zh(notice.signed_on));
    doc.write(out)
}

/// Cells of one line each.
fn lines(rows: Vec<Vec<String>>) -> Vec<Vec<Vec<String>>> {
    rows.into_iter()
        .map(|row| row.into_iter().map(|cell| vec![cell]).collect())
        .collect()
}

/// `2021年9月10日`, as GB/T 9704 writes 成文日期 (Arabic numerals).
fn date_zh(date: NaiveDate) -> String {
    format!("{}年{}月{}日", date.year(), date.month(), date.day())
}

/// Each unit's three rates with its place among the units (1 is the best, in each
/// rate's good direction; ties share a place), then the whole; `None` without unit rows.
fn unit_table(report: &Report) -> Option<Table> {
    let rows = report.rows.as_ref()?;
    if rows.rows.is_empty() {
        return None;
    }
    let mut header = vec![rows.by.label_zh().to_owned()];
    for metric in RANKED {
        header.push(metric.short_zh().to_owned());
        header.push("名次".to_owned());
    }
    let places: Vec<Vec<Option<usize>>> = RANKED
        .iter()
        .map(|metric| {
            let rates: Vec<Option<Percent>> = rows
                .iter()
                .map(|row| row.rates.get(*metric).current.rate)
                .collect();
            places(&rates, metric.lower_is_better())
        })
        .collect();
    let mut body: Vec<Vec<Vec<String>>> = rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let mut cells = vec![vec![row.name.clone()]];
            for (m, metric) in RANKED.iter().enumerate() {
                cells.push(vec![share(&row.rates.get(*metric).current)]);
                cells.push(vec![
                    places[m][i].map_or_else(|| "—".to_owned(), |p| p.to_string()),
                ]);
            }
            cells
        })
        .collect();
    let mut total = vec![vec!["合计".to_owned()]];
    for metric in RANKED {
        total.push(vec![share(&report.rates.get(metric).current)]);
        total.push(vec![String::new()]);
    }
    body.push(total);
    Some(Table {
        // 七字 for 三都水族自治县, two characters for a place, the rest for the rates.
        shares: vec![200, 201, 65, 202, 65, 202, 65],
        header,
        rows: body,
    })
}

/// Each rate's place among the rates (1 the best; equal rates share a place, the next
/// place counting them all); no place without a rate.
fn places(rates: &[Option<Percent>], lower_is_better: bool) -> Vec<Option<usize>> {
    rates
        .iter()
        .map(|rate| {
            let rate = (*rate)?;
            let better = rates
                .iter()
                .flatten()
                .filter(|other| {
                    if lower_is_better {
                        **other < rate
                    } else {
                        **other > rate
                    }
                })
                .count();
            Some(better + 1)
        })
        .collect()
}

/// 「被纠错率未优于全省平均水平（14.05%）的有：都匀市、荔波县。」 for each ranked rate with
/// a benchmark; `None` when no rate has one.
fn worse_than_benchmark(report: &Report) -> Option<String> {
    let rows = report.rows.as_ref()?;
    let mut clauses = Vec::new();
    let mut all_better = Vec::new();
    for metric in RANKED {
        let Some(benchmark) = &report.rates.get(metric).benchmark else {
            continue;
        };
        let worse: Vec<&str> = rows
            .iter()
            .filter(|row| {
                row.rates
                    .get(metric)
                    .benchmark
                    .as_ref()
                    .is_some_and(|b| b.better == Some(false))
            })
            .map(|row| row.name.as_str())
            .collect();
        let name = metric.short_zh();
        let against = format!("{}（{}%）", level(&benchmark.label), benchmark.rate);
        if worse.is_empty() {
            all_better.push(format!("{name}均优于{against}"));
        } else {
            clauses.push(format!("{name}未优于{against}的有{}", worse.join("、")));
        }
    }
    if clauses.is_empty() && all_better.is_empty() {
        return None;
    }
    let by = rows.by.label_zh();
    let mut sentence = String::new();
    if !all_better.is_empty() {
        sentence = format!("各{by}{}", all_better.join("，"));
        sentence.push_str(if clauses.is_empty() { "。" } else { "；" });
    }
    if !clauses.is_empty() {
        sentence.push_str(&clauses.join("；"));
        sentence.push('。');
    }
    Some(sentence)
}

/// 「截至2021年8月31日，逾期未办事项共9项：州直4项（登记出庭情况3项、整改回复期限1项），……。」
/// `None` when nothing is overdue.
fn overdue_sentence(due: &DueList) -> Option<String> {
    let overdue: Vec<_> = due.items.iter().filter(|item| item.overdue).collect();
    if overdue.is_empty() {
        return None;
    }
    let units: Vec<String> = due
        .units
        .iter()
        .filter_map(|unit| {
            let mut items: Vec<(Item, usize)> = Vec::new();
            for entry in overdue.iter().filter(|entry| entry.unit == *unit) {
                match items.iter_mut().find(|(item, _)| *item == entry.item) {
                    Some((_, count)) => *count += 1,
                    None => items.push((entry.item, 1)),
                }
            }
            let total: usize = items.iter().map(|(_, count)| count).sum();
            (total > 0).then(|| {
                let parts: Vec<String> = items
                    .iter()
                    .map(|(item, count)| format!("{}{count}项", item.label_zh()))
                    .collect();
                format!("{unit}{total}项（{}）", parts.join("、"))
            })
        })
        .collect();
    Some(format!(
        "截至{}，逾期未办事项共{}项：{}。",
        date_zh(due.asked.on),
        overdue.len(),
        units.join("；")
    ))
}

/// The 包案 cases still open at the month's end (of the report's unit, when it has
/// one): a sentence with their number and a table of them; `None` when there is none.
fn open_lead_cases(sheet: &LeadSheet, unit: Option<&str>) -> Option<(String, Table)> {
    let open = |case: &&crate::leads::OwnedCase| {
        case.status == Status::Open && unit.is_none_or(|u| u == case.unit)
    };
    let mut rows = Vec::new();
    let mut leads = 0;
    for entry in &sheet.leads {
        let before = rows.len();
        for case in entry.cases.iter().filter(open) {
            let overdue: Vec<String> = case
                .overdue
                .iter()
                .map(|o| format!("{} {}", o.item.label_zh(), o.date))
                .collect();
            rows.push(vec![
                vec![entry.lead.clone()],
                vec![case.case_no.clone()],
                vec![case.unit.clone()],
                vec![case.risk.clone().unwrap_or_default()],
                overdue,
            ]);
        }
        leads += usize::from(rows.len() > before);
    }
    if rows.is_empty() {
        return None;
    }
    let sentence = format!(
        "截至{}底，{}位包案领导名下尚未办结的案件共{}件，具体如下：",
        sheet.month.label_zh(),
        leads,
        rows.len()
    );
    Some((
        sentence,
        Table {
            shares: vec![20, 30, 16, 7, 27],
            header: ["包案领导", "案号", "单位", "风险", "逾期事项"]
                .map(str::to_owned)
                .to_vec(),
            rows,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_share_ties_and_skip_the_missing() {
        let p = |v| Some(Percent(v));
        // Lower is better: 5.00 first, the two 8.28 second, 9.00 fourth.
        assert_eq!(
            places(&[p(828), p(500), None, p(828), p(900)], true),
            [Some(2), Some(1), None, Some(2), Some(4)]
        );
        // Higher is better.
        assert_eq!(places(&[p(100), p(200)], false), [Some(2), Some(1)]);
    }
}
