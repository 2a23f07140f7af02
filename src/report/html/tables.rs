//! The tables of the shared wording as HTML: the counts and rates, the units, the
//! deadline figures, the further indicators and the 整改 and 诉前 figures. The text is
//! the wording's own; only colours and the smaller `(n/d)` are added.

use std::fmt::Write as _;

use super::{Tone, escape};
use crate::model::Metric;
use crate::rates::Rates;
use crate::report::wording::{self, DEADLINE_FIGURES, Figure, Record, TextTable};
use crate::report::{Lang, Report};

/// The counts and rates table, rate changes and verdicts coloured.
pub fn summary(report: &Report) -> String {
    let table = wording::summary(report, Lang::Zh);
    let column = |name: &str| table.header.iter().position(|h| h == name);
    let (change, benchmark) = (column("同比"), column("比较值"));
    let metric_of = |row: &[String]| {
        Metric::ALL
            .into_iter()
            .find(|m| row.first().is_some_and(|label| label == m.label_zh()))
    };
    table_html(
        &table,
        "summary",
        |_, row| {
            let label = row.first().map_or("", String::as_str);
            match (label.starts_with('　'), label.ends_with('率')) {
                (false, true) => "group rate",
                (false, false) => "group",
                (true, true) => "rate",
                (true, false) => "",
            }
        },
        |_, row, col| {
            let metric = metric_of(row)?;
            let figure = report.rates.get(metric);
            if Some(col) == change {
                Some(Tone::of_change(metric, figure.delta_pp?))
            } else if Some(col) == benchmark {
                Some(Tone::of_verdict(figure.benchmark.as_ref()?.better))
            } else {
                None
            }
        },
    )
}

/// The per-unit table, each 同比 coloured by its rate's good direction.
pub fn units(report: &Report, table: &TextTable) -> String {
    // The wording lists the units in the report's order, then the total.
    let rates: Vec<&Rates> = report
        .rows
        .iter()
        .flatten()
        .map(|row| &row.rates)
        .chain(std::iter::once(&report.rates))
        .collect();
    let aligned = rates.len() == table.rows.len();
    let last = table.rows.len().saturating_sub(1);
    table_html(
        table,
        "units",
        |index, _| if index == last { "total" } else { "" },
        |index, _, col| {
            // Columns: unit, then a share and its change for each rate.
            if !aligned || col == 0 || col % 2 == 1 {
                return None;
            }
            let metric = *Metric::ALL.get((col - 1) / 2)?;
            Some(Tone::of_change(metric, rates[index].get(metric).delta_pp?))
        },
    )
}

/// The deadline table: a rate's 同比 is good news when it rises, a late count's when it
/// falls.
pub fn deadlines(report: &Report, table: &TextTable) -> String {
    let figure_of = |row: &[String]| {
        let label = row.first()?;
        let (_, _, key) = DEADLINE_FIGURES.iter().find(|(zh, _, _)| zh == label)?;
        wording::deadline_figure(report, key)
    };
    figures_table(table, figure_of, true)
}

/// A block of the 整改台账 or 诉前台账: a rate's 同比 is good news when it rises; the
/// counts are uncoloured (more documents or disputes is neither).
pub fn records(report: &Report, record: Record, table: &TextTable) -> String {
    let figure_of = |row: &[String]| {
        let label = row.first()?;
        let (_, _, key) = record.figures().iter().find(|(zh, _, _)| zh == label)?;
        wording::record_figure(report, record, key)
    };
    figures_table(table, figure_of, false)
}

/// A table of figures with a 同比 column, its rows of rates set apart: a rate rising is
/// good news; a count falling is, when `counts_coloured` (late answers), else counts
/// stay plain.
fn figures_table<'r>(
    table: &TextTable,
    figure_of: impl Fn(&[String]) -> Option<Figure<'r>>,
    counts_coloured: bool,
) -> String {
    let change = table.header.iter().position(|h| h == "同比");
    table_html(
        table,
        "summary",
        |_, row| {
            let label = row.first().map_or("", String::as_str);
            if label.ends_with('率') {
                "group rate"
            } else {
                "group"
            }
        },
        |_, row, col| {
            if Some(col) != change {
                return None;
            }
            let (sign, rising_is_good) = match figure_of(row)? {
                Figure::Rate(figure) => (figure.delta_pp?.0.signum(), true),
                // A change from none is shown as —, and left uncoloured.
                Figure::Count(_, 0) => return None,
                Figure::Count(..) if !counts_coloured => return None,
                Figure::Count(now, then) => ((now as i64 - then as i64).signum(), false),
            };
            Some(match sign {
                0 => Tone::Even,
                1 if rising_is_good => Tone::Good,
                -1 if !rising_is_good => Tone::Good,
                _ => Tone::Bad,
            })
        },
    )
}

/// The further indicators, uncoloured: whether more 维持 or more lawsuits per
/// reconsideration is good news is the reader's call, not the page's.
pub fn indicators(table: &TextTable) -> String {
    table_html(table, "summary", |_, _| "group rate", |_, _, _| None)
}

/// A table of text; `row_class` and `tone` style rows and cells by row index and text.
fn table_html(
    table: &TextTable,
    class: &str,
    row_class: impl Fn(usize, &[String]) -> &'static str,
    tone: impl Fn(usize, &[String], usize) -> Option<Tone>,
) -> String {
    let mut html = format!("<table class=\"{class}\">\n<thead><tr>");
    for cell in &table.header {
        // `同比(个百分点)`: the unit on a line of its own keeps the column narrow.
        match cell.split_once('(') {
            Some((name, unit)) => {
                let _ = write!(
                    html,
                    r#"<th>{}<br><span class="unit">({}</span></th>"#,
                    escape(name),
                    escape(unit)
                );
            }
            None => {
                let _ = write!(html, "<th>{}</th>", escape(cell));
            }
        }
    }
    html.push_str("</tr></thead>\n<tbody>\n");
    for (index, row) in table.rows.iter().enumerate() {
        let _ = write!(html, "<tr{}>", class_attribute(row_class(index, row)));
        for (col, cell) in row.iter().enumerate() {
            let class = tone(index, row, col).map_or("", Tone::class);
            let _ = write!(
                html,
                "<td{}>{}</td>",
                class_attribute(class),
                cell_html(cell)
            );
        }
        html.push_str("</tr>\n");
    }
    html.push_str("</tbody>\n</table>");
    html
}

/// ` class="…"`, or nothing for no class.
fn class_attribute(class: &str) -> String {
    if class.is_empty() {
        String::new()
    } else {
        format!(" class=\"{class}\"")
    }
}

/// A cell's text; a share's `(n/d)` is set smaller than its rate.
fn cell_html(text: &str) -> String {
    match text.split_once(" (") {
        Some((rate, rest)) if rest.ends_with(')') && rest.contains('/') => format!(
            r#"<span class="r">{}</span> <span class="nd">({}</span>"#,
            escape(rate),
            escape(rest)
        ),
        _ => escape(text),
    }
}
