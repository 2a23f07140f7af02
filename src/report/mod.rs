//! Assembles reports from the ledger — period, as-of date, unit, 口径, counts, deadline
//! figures and rates for this year and last, per unit (or 案由, 被申请人, 被告, 法院) on
//! request, against benchmarks —
//! and renders them into any writer. Rendering never computes: every figure comes from
//! [`Report`].

pub mod cases;
mod csv;
pub mod docx;
mod html;
mod json;
mod markdown;
pub mod selection;
mod table;
pub(crate) mod text;
pub mod trend;
pub mod wording;
pub(crate) mod xlsx;

use std::cmp::Ordering;
use std::collections::BTreeMap;

use anyhow::{Result, bail};
use chrono::{Days, NaiveDate};
use serde::Serialize;

use crate::ledger::Ledger;
use crate::model::breakdown::UNFILLED;
use crate::model::{Breakdown, Countable, CountableFacts, Filter, Kind, Metric, Period, Rules};
use crate::rates::{
    CaseDeadlines, Counts, DeadlineBasis, DeadlineFigures, DisputeCounts, DisputeFigures,
    Indicator, Rates, RectificationCounts, RectificationFigures, ReplyBasis, WithPrevious,
};

pub use csv::{safe as formula_safe, write_csv, write_trend_csv};
pub use html::{STYLE as HTML_STYLE, content as html_content, write_html};
pub use json::{write_json, write_json_value};
pub use markdown::write_markdown;
pub use table::{Lang, write_table, write_trend_table};
pub use text::write_text;
pub use xlsx::write_xlsx;
// For the fill-in template's column widths and printed pages: one measure of CJK text and
// one page set-up for every workbook.
pub(crate) use xlsx::{Turn, display_width, set_up_pages};

/// What to report on; `None` fields take the documented defaults.
#[derive(Debug, Clone, Default)]
pub struct ReportOptions {
    /// Defaults to 1 January of `to`'s year.
    pub from: Option<NaiveDate>,
    /// Defaults to the latest as-of date of the batches that count.
    pub to: Option<NaiveDate>,
    /// Only cases of this unit.
    pub unit: Option<String>,
    /// Only batches as of this date or earlier count.
    pub as_of: Option<NaiveDate>,
    pub rules: Rules,
    /// Add one row per unit, 案由, 被申请人, 被告 or 法院.
    pub by: Option<Breakdown>,
    /// The order of the rows (by name when `None`, units in the registry's order).
    pub sort: Option<SortKey>,
    /// Only the cases whose 案由, 被申请人, 被告 or 法院 match; a filtered report leaves the
    /// documents and disputes out, which have none of these names.
    pub filter: Filter,
}

/// How breakdown rows are ranked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    /// By the row's name (`unit` on the command line, whatever the breakdown).
    Name,
    /// Worst rate first: highest correction or loss rate, lowest appearance or mediation
    /// rate; rows without the rate last.
    Rate(Metric),
    /// Largest count first, by its JSON key.
    Count(&'static str),
}

impl std::str::FromStr for SortKey {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if matches!(s, "unit" | "单位") {
            return Ok(SortKey::Name);
        }
        if let Some(key) = Counts::KEYS.iter().find(|k| **k == s) {
            return Ok(SortKey::Count(key));
        }
        s.parse::<Metric>().map(SortKey::Rate).map_err(|_| {
            format!(
                "cannot sort by `{s}` (use unit, a rate such as correction_rate or 纠错率, or a count such as closed)"
            )
        })
    }
}

/// A report: every figure with what it was computed from.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub period: PeriodJson,
    pub previous_period: PeriodJson,
    /// The date of knowledge: batches as of this date or earlier were counted.
    pub as_of: NaiveDate,
    pub unit: Option<String>,
    /// The ad-hoc filter the cases were chosen by; absent when there is none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub filter: Option<Filter>,
    pub counts: Counts,
    pub previous_counts: Counts,
    pub rates: Rates,
    /// The deadline figures of the period (SPEC §7.6), the previous period's inside too;
    /// their rates are also in `rates`.
    pub deadlines: WithPrevious<DeadlineFigures>,
    pub previous_deadlines: DeadlineFigures,
    /// The documents of the 整改台账 (SPEC §9.1).
    pub rectification: WithPrevious<RectificationFigures>,
    /// The disputes of the 诉前台账 (SPEC §9.2).
    pub disputes: WithPrevious<DisputeFigures>,
    /// Which of the two later ledgers hold rows: only those are shown beside the rates.
    #[serde(skip)]
    pub holds: Holds,
    pub rules: Rules,
    /// The first year without a holiday schedule that a counted deadline relied on: it
    /// was counted on weekends alone, and the command says so.
    #[serde(skip)]
    pub uncovered_year: Option<i32>,
    /// The rows of a breakdown, when asked for; the figures above stay the whole ledger's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rows: Option<Rows>,
}

/// Whether the ledger (for the report's unit, as known on its date) holds documents or
/// disputes at all.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Holds {
    pub documents: bool,
    pub disputes: bool,
}

/// The rows of a breakdown: by unit, one per registered unit and per other unit with a
/// case counted in either period; by another key, one per name with a case counted in
/// either period, [`UNFILLED`] for the cases without one.
///
/// Each row's counts are its cases'; the rows sum to the whole ledger's counts, except
/// that a key of one kind of case (被申请人; 被告, 法院) leaves the other kind out of
/// every row: a `respondent` row has zero lawsuit counts.
#[derive(Debug, Clone)]
pub struct Rows {
    pub by: Breakdown,
    pub rows: Vec<BreakdownRow>,
}

/// The figures of one row of a breakdown.
#[derive(Debug, Clone)]
pub struct BreakdownRow {
    /// The unit, or the name under another key.
    pub name: String,
    pub counts: Counts,
    pub previous_counts: Counts,
    pub rates: Rates,
    pub deadlines: DeadlineFigures,
    pub previous_deadlines: DeadlineFigures,
}

impl Rows {
    /// The rows in the report's order.
    pub fn iter(&self) -> std::slice::Iter<'_, BreakdownRow> {
        self.rows.iter()
    }
}

impl<'a> IntoIterator for &'a Rows {
    type Item = &'a BreakdownRow;
    type IntoIter = std::slice::Iter<'a, BreakdownRow>;

    fn into_iter(self) -> Self::IntoIter {
        self.rows.iter()
    }
}

/// In JSON the rows are an array whose objects name their row by the key:
/// `{"unit": "都匀市", …}`, `{"matter": "行政处罚", …}`. Written by hand because the
/// name's field depends on the breakdown; the other fields keep their order.
impl Serialize for Rows {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{SerializeSeq, SerializeStruct};

        struct Keyed<'a>(Breakdown, &'a BreakdownRow);
        impl Serialize for Keyed<'_> {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let Keyed(by, row) = self;
                let mut object = serializer.serialize_struct("Row", 6)?;
                object.serialize_field(by.key(), &row.name)?;
                object.serialize_field("counts", &row.counts)?;
                object.serialize_field("previous_counts", &row.previous_counts)?;
                object.serialize_field("rates", &row.rates)?;
                object.serialize_field("deadlines", &row.deadlines)?;
                object.serialize_field("previous_deadlines", &row.previous_deadlines)?;
                object.end()
            }
        }

        let mut seq = serializer.serialize_seq(Some(self.rows.len()))?;
        for row in &self.rows {
            seq.serialize_element(&Keyed(self.by, row))?;
        }
        seq.end()
    }
}

/// A period as `{"from": …, "to": …}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PeriodJson {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl From<Period> for PeriodJson {
    fn from(p: Period) -> Self {
        PeriodJson {
            from: p.from,
            to: p.to,
        }
    }
}

/// This year's and last year's counts, tallied together.
#[derive(Debug, Clone, Copy, Default)]
struct Pair {
    now: Counts,
    then: Counts,
}

/// The report and monthly trend of the meeting's formats (html, xlsx, and `serve`'s
/// 总览): always with a breakdown, per unit unless another is asked for.
pub fn build_for_meeting(
    ledger: &Ledger,
    options: &ReportOptions,
) -> Result<(Report, trend::Trend)> {
    let options = ReportOptions {
        by: Some(options.by.unwrap_or(Breakdown::Unit)),
        ..options.clone()
    };
    let report = build(ledger, &options)?;
    let trend = trend::build(
        ledger,
        &trend::TrendOptions {
            every: trend::Every::Month,
            from: Some(report.period.from),
            to: Some(report.period.to),
            unit: options.unit.clone(),
            as_known_then: false,
            as_of: options.as_of,
            rules: options.rules.clone(),
            filter: options.filter.clone(),
        },
    )?;
    Ok((report, trend))
}

/// Builds the report: one pass over the cases known as of the report's date, tallying
/// this period and the year before together, for the whole and for each row.
///
/// Its jobs, one function each: the period and date of knowledge ([`resolve_period`]),
/// the tally of the counted cases ([`Tally`]), the rows worth a line ([`settle_rows`]),
/// the documents and disputes ([`records`]), the rows' rates in their order
/// ([`breakdown_rows`]), and the whole's figures ([`assemble`]).
pub fn build(ledger: &Ledger, options: &ReportOptions) -> Result<Report> {
    let (period, as_of) = resolve_period(ledger, options.from, options.to, options.as_of)?;
    let previous = period.previous_year();
    let rules = &options.rules;

    let registry = ledger.unit_registry()?;
    let calendar = ledger.work_calendar()?;
    let basis = DeadlineBasis {
        calendar: &calendar,
        as_of,
        scope: rules.appearance_scope,
    };
    let by = options.by;
    let mut tally = Tally::new(by, [period, previous], rules, &basis);
    let since = Some(scan_start(previous));
    let filter = &options.filter;
    let scan_by = by.unwrap_or_default();
    ledger.for_each_countable_where(options.as_of, since, scan_by, filter, |case, name| {
        let unit = registry.canonical(case.unit);
        if options.unit.as_ref().is_none_or(|u| u == unit) {
            tally.add(case, unit, name);
        }
    })?;
    let Tally {
        mut total,
        mut rows,
        ..
    } = tally;
    settle_rows(
        &mut total,
        &mut rows,
        by,
        &registry,
        options.unit.as_deref(),
    );

    let replies = ReplyBasis {
        calendar: &calendar,
        rules,
        as_of,
    };
    let records = records(ledger, options, &registry, [period, previous], &replies)?;
    let benchmarks = ledger.benchmarks_for(&period)?;
    let rates_of = |pair: &Pair| {
        let mut rates = Rates::compare(&pair.now, &pair.then, rules);
        rates.compare_with(&benchmarks);
        rates
    };
    let rows = by.map(|by| breakdown_rows(&rows, by, options.sort, &registry, rates_of));
    Ok(assemble(
        options,
        [period, previous],
        as_of,
        &total,
        rates_of(&total),
        &records,
        rows,
    ))
}

/// The tally of one pass over the counted cases: the whole and each row (under `by`),
/// this period and the year before.
struct Tally<'a> {
    by: Option<Breakdown>,
    periods: [Period; 2],
    rules: &'a Rules,
    basis: &'a DeadlineBasis<'a>,
    /// The cases no row takes (all of them without a breakdown).
    total: Pair,
    rows: BTreeMap<String, Pair>,
}

impl<'a> Tally<'a> {
    fn new(
        by: Option<Breakdown>,
        periods: [Period; 2],
        rules: &'a Rules,
        basis: &'a DeadlineBasis<'a>,
    ) -> Self {
        Tally {
            by,
            periods,
            rules,
            basis,
            total: Pair::default(),
            rows: BTreeMap::new(),
        }
    }

    /// Counts `case`, of the canonical `unit` and with `name` under the breakdown, in
    /// its row (or the whole) for both periods, its deadlines with it.
    fn add(&mut self, case: &Countable, unit: &str, name: Option<&str>) {
        let [period, previous] = &self.periods;
        let pair = match row_of(self.by, case, unit, name) {
            Some(name) => match self.rows.get_mut(name) {
                Some(pair) => pair,
                None => self.rows.entry(name.to_owned()).or_default(),
            },
            None => &mut self.total,
        };
        pair.now.add(case, period, self.rules);
        pair.then.add(case, previous, self.rules);
        if let Some(deadlines) = CaseDeadlines::judge(case, self.basis) {
            pair.now.deadlines.add(&deadlines, period);
            pair.then.deadlines.add(&deadlines, previous);
        }
    }
}

/// The breakdown's rows with their rates (`rates_of` a row's pair), in the order asked
/// for or the default one.
fn breakdown_rows(
    rows: &BTreeMap<String, Pair>,
    by: Breakdown,
    sort: Option<SortKey>,
    registry: &crate::model::UnitRegistry,
    rates_of: impl Fn(&Pair) -> Rates,
) -> Rows {
    let mut rows: Vec<BreakdownRow> = rows
        .iter()
        .map(|(name, pair)| BreakdownRow {
            name: name.clone(),
            counts: pair.now,
            previous_counts: pair.then,
            rates: rates_of(pair),
            deadlines: (&pair.now.deadlines).into(),
            previous_deadlines: (&pair.then.deadlines).into(),
        })
        .collect();
    sort_rows(&mut rows, sort, by, registry);
    Rows { by, rows }
}

/// The report from its settled parts: the whole's counts and `rates`, its deadline
/// figures (and the earliest year without a holiday schedule they were counted in), the
/// documents' and disputes' figures, and the rows.
fn assemble(
    options: &ReportOptions,
    [period, previous]: [Period; 2],
    as_of: NaiveDate,
    total: &Pair,
    rates: Rates,
    records: &Records,
    rows: Option<Rows>,
) -> Report {
    Report {
        period: period.into(),
        previous_period: previous.into(),
        as_of,
        unit: options.unit.clone(),
        filter: (!options.filter.is_empty()).then(|| options.filter.clone()),
        counts: total.now,
        previous_counts: total.then,
        rates,
        deadlines: WithPrevious::from_counts(&total.now.deadlines, &total.then.deadlines),
        previous_deadlines: (&total.then.deadlines).into(),
        rectification: WithPrevious::from_counts(&records.documents.0, &records.documents.1),
        disputes: WithPrevious::from_counts(&records.disputes.0, &records.disputes.1),
        holds: records.holds,
        rules: options.rules.clone(),
        uncovered_year: [total.now, total.then]
            .iter()
            .filter_map(|counts| counts.deadlines.uncovered_year)
            .min(),
        rows,
    }
}

/// Completes the tally once every case is added: the whole becomes the sum of its rows,
/// and the rows are those worth a line.
fn settle_rows(
    total: &mut Pair,
    rows: &mut BTreeMap<String, Pair>,
    by: Option<Breakdown>,
    registry: &crate::model::UnitRegistry,
    unit: Option<&str>,
) {
    // Counts add up: the whole is the sum of its rows (and of the cases no row takes),
    // not a second tally.
    for pair in rows.values() {
        total.now += pair.now;
        total.then += pair.then;
    }
    // A name only when one of its cases counts in either period; and every registered
    // unit, cases or none (a county with nothing to report is news too).
    rows.retain(|name, pair| {
        (by == Some(Breakdown::Unit) && registry.position(name).is_some())
            || pair.now != Counts::default()
            || pair.then != Counts::default()
    });
    if by == Some(Breakdown::Unit) {
        for registered in registry.units() {
            if unit.is_none_or(|u| u == registered.name) {
                rows.entry(registered.name.clone()).or_default();
            }
        }
    }
}

/// Puts breakdown rows in the order asked for, or the default one.
fn sort_rows(
    rows: &mut [BreakdownRow],
    sort: Option<SortKey>,
    by: Breakdown,
    registry: &crate::model::UnitRegistry,
) {
    match (sort, by) {
        (Some(key), _) => rows.sort_by(|a, b| rank(a, b, key)),
        // The registry's order (by 区划代码) when there is one; units outside it last.
        (None, Breakdown::Unit) => {
            rows.sort_by_key(|row| registry.position(&row.name).unwrap_or(usize::MAX));
        }
        // By name, the cases without one last.
        (None, _) => rows.sort_by_key(|row| row.name == UNFILLED),
    }
}

/// The figures of the documents and disputes, this period's and the previous one's.
#[derive(Debug, Default)]
struct Records {
    documents: (RectificationCounts, RectificationCounts),
    disputes: (DisputeCounts, DisputeCounts),
    holds: Holds,
}

fn records(
    ledger: &Ledger,
    options: &ReportOptions,
    registry: &crate::model::UnitRegistry,
    [period, previous]: [Period; 2],
    basis: &ReplyBasis,
) -> Result<Records> {
    let mut records = Records::default();
    if !options.filter.is_empty() {
        return Ok(records);
    }
    let kinds = [Kind::Rectification, Kind::Dispute];
    ledger.for_each_of(&kinds, options.as_of, |case| {
        let unit = registry.canonical(&case.unit);
        if options.unit.as_ref().is_some_and(|u| u != unit) {
            return;
        }
        match case.kind() {
            Kind::Rectification => {
                records.holds.documents = true;
                records.documents.0.add(&case, &period, basis);
                records.documents.1.add(&case, &previous, basis);
            }
            Kind::Dispute => {
                records.holds.disputes = true;
                records.disputes.0.add(&case, &period);
                records.disputes.1.add(&case, &previous);
            }
            Kind::Reconsideration | Kind::Litigation => {}
        }
    })?;
    Ok(records)
}

/// The row a case counts in under `by`, given its canonical unit and its name under the
/// key: `None` when it counts in the total alone (no breakdown, or a key of the other
/// kind of case, such as a lawsuit's 被申请人).
fn row_of<'a>(
    by: Option<Breakdown>,
    case: &Countable,
    unit: &'a str,
    name: Option<&'a str>,
) -> Option<&'a str> {
    let kind = match case.facts {
        CountableFacts::Reconsideration { .. } => Kind::Reconsideration,
        CountableFacts::Litigation { .. } => Kind::Litigation,
    };
    match by? {
        by if !by.applies_to(kind) => None,
        Breakdown::Unit => Some(unit),
        _ => Some(name.unwrap_or(UNFILLED)),
    }
}

/// The first day a case's latest date may fall on for it to count: last year's period
/// starts first, and a case with no date since then counts nowhere, except for a deadline
/// that runs from a date shortly before it.
fn scan_start(previous: Period) -> NaiveDate {
    previous
        .from
        .checked_sub_days(Days::new(DEADLINE_LEAD_DAYS))
        .unwrap_or(previous.from)
}

/// How long before the start of a period a deadline counted in it can start: a month
/// holds the longest (an answer's 10 working days across 春节 take three weeks; a
/// defence's 15 days, moved past 国庆, about as long).
const DEADLINE_LEAD_DAYS: u64 = 31;

impl Report {
    /// Whether either period holds a deadline figure: only then do the tables, the page,
    /// the workbook and the paragraph show them (JSON always has them).
    #[must_use]
    pub fn has_deadlines(&self) -> bool {
        !self.counts.deadlines.is_empty() || !self.previous_counts.deadlines.is_empty()
    }

    /// Whether any further indicator (维持率, 实质性化解率, 复议后起诉率, 复议诉讼比) has a
    /// denominator in either period: only then do the tables, the page, the workbook and
    /// the CSV show them (JSON always has them).
    #[must_use]
    pub fn has_indicators(&self) -> bool {
        Indicator::ALL.iter().any(|i| {
            let figure = self.rates.indicator(*i);
            figure.current.denominator > 0 || figure.previous.denominator > 0
        })
    }
}

/// The report period and date of knowledge from the options and the ledger (SPEC §5
/// defaults: `to` is the latest as-of date that counts, `from` 1 January of its year).
pub fn resolve_period(
    ledger: &Ledger,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    as_of: Option<NaiveDate>,
) -> Result<(Period, NaiveDate)> {
    let latest = ledger.latest_as_of(as_of)?;
    let Some(to) = to.or(latest) else {
        bail!(match as_of {
            Some(as_of) => format!(
                "no batch in the ledger is as of {as_of} or earlier; give --to, or a later --as-of"
            ),
            None => "the ledger has no batches yet: import files first, or give --to".to_owned(),
        });
    };
    let from = from.unwrap_or(Period::year_to_date(to).from);
    let Some(period) = Period::new(from, to) else {
        bail!("the period starts ({from}) after it ends ({to})");
    };
    Ok((period, as_of.or(latest).unwrap_or(to)))
}

/// Orders two rows by `key`, worst first; ties and missing rates by name.
fn rank(a: &BreakdownRow, b: &BreakdownRow, key: SortKey) -> Ordering {
    let by_name = a.name.cmp(&b.name);
    match key {
        SortKey::Name => by_name,
        SortKey::Count(key) => b.counts.get(key).cmp(&a.counts.get(key)).then(by_name),
        SortKey::Rate(metric) => {
            let (x, y) = (
                a.rates.get(metric).current.rate,
                b.rates.get(metric).current.rate,
            );
            match (x, y) {
                (Some(x), Some(y)) if metric.lower_is_better() => y.cmp(&x),
                (Some(x), Some(y)) => x.cmp(&y),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => Ordering::Equal,
            }
            .then(by_name)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::test_fixtures::import;
    use crate::model::fixture::{self, d};
    use crate::model::{Instance, Unit, UnitRegistry, WorkCalendar};

    fn registry() -> UnitRegistry {
        let unit = |name: &str| Unit {
            name: name.to_owned(),
            code: None,
            aliases: Vec::new(),
        };
        UnitRegistry::new(vec![unit("都匀市"), unit("瓮安县")]).unwrap()
    }

    fn received(now: u64, then: u64) -> Pair {
        let mut pair = Pair::default();
        pair.now.received = now;
        pair.then.received = then;
        pair
    }

    #[track_caller]
    fn settle(
        rows: &[(&str, Pair)],
        by: Option<Breakdown>,
        unit: Option<&str>,
        expected_rows: &[&str],
        expected_total: (u64, u64),
    ) {
        let mut total = received(1, 0);
        let mut rows: BTreeMap<String, Pair> = rows
            .iter()
            .map(|(name, pair)| ((*name).to_owned(), *pair))
            .collect();
        settle_rows(&mut total, &mut rows, by, &registry(), unit);
        assert_eq!(
            rows.keys().map(String::as_str).collect::<Vec<_>>(),
            expected_rows
        );
        assert_eq!((total.now.received, total.then.received), expected_total);
    }

    #[test]
    fn the_whole_is_its_rows_and_the_rows_are_those_worth_a_line() {
        let busy = received(2, 3);
        let idle = received(0, 0);
        // A name stays only when one of its cases counts; the cases no row takes stay in.
        settle(
            &[("征收", busy), ("登记", idle)],
            Some(Breakdown::Matter),
            None,
            &["征收"],
            (3, 3),
        );
        settle(
            &[("征收", busy), ("登记", idle)],
            None,
            None,
            &["征收"],
            (3, 3),
        );
        // Every registered unit has a row, cases or none; an unregistered one only with cases.
        settle(
            &[("都匀市", idle), ("某县", idle), ("外县", busy)],
            Some(Breakdown::Unit),
            None,
            &["外县", "瓮安县", "都匀市"],
            (3, 3),
        );
        // With one unit asked for, only that one of the registry.
        settle(
            &[],
            Some(Breakdown::Unit),
            Some("瓮安县"),
            &["瓮安县"],
            (1, 0),
        );
    }

    /// 2021 to the end of June, and the same months of 2020.
    fn periods() -> [Period; 2] {
        let period = Period::new(d("2021-01-01"), d("2021-06-30")).unwrap();
        [period, period.previous_year()]
    }

    #[test]
    fn the_period_defaults_to_the_year_of_its_end_and_knows_as_of_its_end() {
        let ledger = Ledger::in_memory().unwrap();
        let (period, as_of) = resolve_period(&ledger, None, Some(d("2021-06-30")), None).unwrap();
        assert_eq!(period, periods()[0]);
        assert_eq!(as_of, d("2021-06-30"));
        let (_, as_of) =
            resolve_period(&ledger, None, Some(d("2021-06-30")), Some(d("2021-03-31"))).unwrap();
        assert_eq!(as_of, d("2021-03-31"));
        let none = resolve_period(&ledger, None, None, None).unwrap_err();
        assert!(none.to_string().contains("no batches yet"), "{none}");
        let reversed = resolve_period(&ledger, Some(d("2021-07-01")), Some(d("2021-06-30")), None)
            .unwrap_err();
        assert!(reversed.to_string().contains("after it ends"), "{reversed}");
    }

    #[test]
    fn a_case_counts_in_its_row_for_the_period_it_falls_in() {
        let rules = Rules::default();
        let calendar = WorkCalendar::new();
        let basis = DeadlineBasis {
            calendar: &calendar,
            as_of: d("2021-06-30"),
            scope: rules.appearance_scope,
        };
        let this_year = fixture::recon("都府复〔2021〕1号", "都匀市", "2021-01-05");
        let last_year = fixture::recon("瓮府复〔2020〕1号", "瓮安县", "2020-02-03");
        let lawsuit = fixture::suit(
            "（2021）黔27行初1号",
            "都匀市",
            Instance::First,
            "2021-02-01",
        );

        let mut by_unit = Tally::new(Some(Breakdown::Unit), periods(), &rules, &basis);
        by_unit.add(&this_year.countable().unwrap(), "都匀市", None);
        by_unit.add(&last_year.countable().unwrap(), "瓮安县", None);
        let received = |pair: &Pair| (pair.now.received, pair.then.received);
        assert_eq!(received(&by_unit.rows["都匀市"]), (1, 0));
        assert_eq!(received(&by_unit.rows["瓮安县"]), (0, 1));
        assert_eq!(by_unit.total.now, Counts::default());

        // A 被申请人 is a reconsideration case's name: a lawsuit counts in the whole only,
        // a case without one in the unfilled row.
        let mut by_respondent = Tally::new(Some(Breakdown::Respondent), periods(), &rules, &basis);
        by_respondent.add(
            &this_year.countable().unwrap(),
            "都匀市",
            Some("都匀市公安局"),
        );
        by_respondent.add(&this_year.countable().unwrap(), "都匀市", None);
        by_respondent.add(
            &lawsuit.countable().unwrap(),
            "都匀市",
            Some("都匀市公安局"),
        );
        assert_eq!(
            by_respondent
                .rows
                .keys()
                .map(String::as_str)
                .collect::<Vec<_>>(),
            ["都匀市公安局", UNFILLED]
        );
        assert_eq!(by_respondent.total.now.filed, 1);
        assert_eq!(by_respondent.total.now.received, 0);

        let mut whole = Tally::new(None, periods(), &rules, &basis);
        whole.add(&this_year.countable().unwrap(), "都匀市", None);
        whole.add(&last_year.countable().unwrap(), "瓮安县", None);
        assert!(whole.rows.is_empty());
        assert_eq!(received(&whole.total), (1, 1));
    }

    #[test]
    fn breakdown_rows_carry_their_pairs_and_rates_in_the_order_asked_for() {
        let rows: BTreeMap<String, Pair> = [
            ("外县", received(1, 0)),
            ("瓮安县", received(2, 1)),
            ("都匀市", received(0, 3)),
        ]
        .into_iter()
        .map(|(name, pair)| (name.to_owned(), pair))
        .collect();
        let rules = Rules::default();
        let rates_of = |pair: &Pair| Rates::compare(&pair.now, &pair.then, &rules);
        let names = |rows: &Rows| rows.iter().map(|r| r.name.clone()).collect::<Vec<_>>();

        // Units in the registry's order, the others last.
        let by_unit = breakdown_rows(&rows, Breakdown::Unit, None, &registry(), rates_of);
        assert_eq!(names(&by_unit), ["都匀市", "瓮安县", "外县"]);
        let row = &by_unit.rows[1];
        assert_eq!((row.counts.received, row.previous_counts.received), (2, 1));
        assert_eq!(row.rates, rates_of(&rows["瓮安县"]));

        let by_name = breakdown_rows(
            &rows,
            Breakdown::Unit,
            Some(SortKey::Name),
            &registry(),
            rates_of,
        );
        assert_eq!(names(&by_name), ["外县", "瓮安县", "都匀市"]);
        let most = breakdown_rows(
            &rows,
            Breakdown::Matter,
            Some(SortKey::Count("received")),
            &registry(),
            rates_of,
        );
        assert_eq!(names(&most), ["瓮安县", "外县", "都匀市"]);
        assert_eq!(most.by, Breakdown::Matter);
    }

    #[test]
    fn the_report_takes_the_whole_s_figures_and_the_earlier_uncovered_year() {
        let mut total = received(4, 2);
        total.now.deadlines.uncovered_year = Some(2021);
        total.then.deadlines.uncovered_year = Some(2020);
        let options = ReportOptions {
            unit: Some("都匀市".into()),
            ..ReportOptions::default()
        };
        let rates = Rates::compare(&total.now, &total.then, &options.rules);
        let report = assemble(
            &options,
            periods(),
            d("2021-07-02"),
            &total,
            rates.clone(),
            &Records::default(),
            None,
        );
        assert_eq!(report.uncovered_year, Some(2020));
        assert_eq!(
            (report.counts, report.previous_counts),
            (total.now, total.then)
        );
        assert_eq!(report.rates, rates);
        assert_eq!(report.as_of, d("2021-07-02"));
        assert_eq!(report.unit.as_deref(), Some("都匀市"));
        assert_eq!(report.filter, None, "no filter, none shown");
        assert!(report.rows.is_none());
        assert!(!report.holds.documents && !report.holds.disputes);
    }

    #[test]
    fn documents_and_disputes_are_counted_for_the_unit_asked_and_left_out_of_a_filtered_report() {
        let mut ledger = Ledger::in_memory().unwrap();
        import(
            &mut ledger,
            "2021-06-30",
            &[
                fixture::document("黔南府复意〔2021〕1号", "都匀市", "2021-02-01"),
                fixture::document("黔南府复意〔2020〕7号", "都匀市", "2020-03-02"),
            ],
        );
        import(
            &mut ledger,
            "2021-06-30",
            &[fixture::dispute(
                "黔南诉前〔2021〕1号",
                "瓮安县",
                "2021-03-01",
            )],
        );
        let rules = Rules::default();
        let calendar = WorkCalendar::new();
        let basis = ReplyBasis {
            calendar: &calendar,
            rules: &rules,
            as_of: d("2021-06-30"),
        };
        let records_of = |options: &ReportOptions| {
            records(&ledger, options, &registry(), periods(), &basis).unwrap()
        };

        let all = records_of(&ReportOptions::default());
        assert!(all.holds.documents && all.holds.disputes);
        assert_eq!((all.documents.0.issued, all.documents.1.issued), (1, 1));
        assert_eq!((all.disputes.0.received, all.disputes.1.received), (1, 0));

        let one_unit = records_of(&ReportOptions {
            unit: Some("瓮安县".into()),
            ..ReportOptions::default()
        });
        assert!(!one_unit.holds.documents && one_unit.holds.disputes);
        assert_eq!(one_unit.documents.0.issued, 0);

        let mut filter = Filter::default();
        filter.add(
            Breakdown::Matter,
            crate::model::NamePattern::new("行政处罚").unwrap(),
        );
        let filtered = records_of(&ReportOptions {
            filter,
            ..ReportOptions::default()
        });
        assert!(!filtered.holds.documents && !filtered.holds.disputes);
        assert_eq!(filtered.disputes.0.received, 0);
    }
}
