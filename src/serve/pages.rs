//! The pages that only read: 总览 (the report and its downloads), 待办 (and its calendar),
//! 包案, 案件 and a case's history, 批次 and 口径, each from the library call its command
//! makes, as the ledger stood at its last commit.

use std::fmt::Write as _;
use std::sync::Arc;

use anyhow::Result;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use serde::Deserialize;

use super::Server;
use super::view::{self, Choice, Frame, Lang, Page, Titled};
use crate::due::{self, DueOptions};
use crate::ledger::{BatchRecord, Ledger};
use crate::model::case_no::match_key;
use crate::model::{Breakdown, Kind, Month, Rules};
use crate::report::cases::{self, CaseFilter, Require};
use crate::report::wording::{self, TextTable};
use crate::report::{self, ReportOptions};
use crate::spreadsheet::cell;

/// A page that could not be made: its status and what to tell the clerk.
pub struct Failure {
    status: StatusCode,
    lang: Lang,
    message: String,
}

impl Failure {
    pub fn bad_request(lang: Lang, message: impl Into<String>) -> Failure {
        Failure {
            status: StatusCode::BAD_REQUEST,
            lang,
            message: message.into(),
        }
    }

    /// A failure of the ledger itself (it cannot be opened, a query failed).
    pub fn ledger(lang: Lang, error: &anyhow::Error) -> Failure {
        Failure {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            lang,
            message: format!("{error:#}"),
        }
    }
}

impl IntoResponse for Failure {
    fn into_response(self) -> Response {
        view::message(self.status, self.lang, &self.message)
    }
}

pub type Answer = Result<Response, Failure>;

/// The ledger as the command line would open it for reading; `None` while there is none
/// yet (the pages then point at 导入).
pub fn open(server: &Server, lang: Lang) -> Result<Option<Ledger>, Failure> {
    if !server.ledger.exists() {
        return Ok(None);
    }
    Ledger::open_existing(&server.ledger)
        .map(Some)
        .map_err(|e| Failure::ledger(lang, &e))
}

/// Turns a library error into the page's failure: the message the command would print.
fn failed(lang: Lang) -> impl Fn(anyhow::Error) -> Failure {
    move |e| Failure::bad_request(lang, format!("{e:#}"))
}

/// A filter left empty in a form means "not set".
fn given(value: Option<&String>) -> Option<&str> {
    value.map(|v| v.trim()).filter(|v| !v.is_empty())
}

/// A date from the address, in any style a clerk writes one.
fn date(lang: Lang, name: &str, value: Option<&String>) -> Result<Option<NaiveDate>, Failure> {
    let Some(text) = given(value) else {
        return Ok(None);
    };
    let text = cell::normalise(text);
    cell::parse_date(&text).map(Some).ok_or_else(|| {
        Failure::bad_request(
            lang,
            format!("{name}: `{text}` is not a date (use {})", cell::DATE_STYLES),
        )
    })
}

/// The empty ledger's page: where to begin.
#[derive(Template)]
#[template(path = "serve/empty.html")]
struct EmptyPage {
    frame: Frame,
}

fn empty(page: Page, lang: Lang, server: &Server) -> Response {
    let title = lang.pick("台账为空", "The ledger is empty");
    view::render(&EmptyPage {
        frame: Frame::new(Some(page), title, lang, server.read_only),
    })
}

#[derive(Debug, Default, Deserialize)]
pub struct ReportQuery {
    from: Option<String>,
    to: Option<String>,
    unit: Option<String>,
    as_of: Option<String>,
    by: Option<String>,
    format: Option<String>,
    lang: Option<String>,
}

impl ReportQuery {
    fn lang(&self) -> Lang {
        lang_of(self.lang.as_ref())
    }

    fn options(&self, ledger: &Ledger) -> Result<ReportOptions, Failure> {
        let lang = self.lang();
        let by = match given(self.by.as_ref()) {
            None => None,
            Some(key) => Some(
                std::iter::once(Breakdown::Unit)
                    .chain(Breakdown::STORED)
                    .find(|b| b.key() == key)
                    .ok_or_else(|| {
                        Failure::bad_request(
                            lang,
                            format!(
                                "by: `{key}` is not a breakdown (use unit, matter, respondent, defendant or court)"
                            ),
                        )
                    })?,
            ),
        };
        Ok(ReportOptions {
            from: date(lang, "from", self.from.as_ref())?,
            to: date(lang, "to", self.to.as_ref())?,
            unit: ledger
                .unit_filter(given(self.unit.as_ref()))
                .map_err(failed(lang))?,
            as_of: date(lang, "as_of", self.as_of.as_ref())?,
            rules: ledger.rules().map_err(|e| Failure::ledger(lang, &e))?,
            by,
            ..ReportOptions::default()
        })
    }

    /// The query string of these filters, for the download links.
    fn filters(&self) -> String {
        [
            ("from", &self.from),
            ("to", &self.to),
            ("unit", &self.unit),
            ("as_of", &self.as_of),
            ("by", &self.by),
        ]
        .into_iter()
        .filter_map(|(key, value)| given(value.as_ref()).map(|v| format!("{key}={}", encode(v))))
        .collect::<Vec<_>>()
        .join("&")
    }
}

fn lang_of(value: Option<&String>) -> Lang {
    Lang::of_value(value.map(String::as_str))
}

/// Percent-encodes a value for a query string.
fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(byte));
        } else {
            // Writing to a String cannot fail.
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

/// 总览: the report with its pickers, the ranking and the trend.
#[derive(Template)]
#[template(path = "serve/report.html")]
struct ReportPage {
    frame: Frame,
    query: ReportQuery,
    breakdowns: Vec<Choice>,
    period: String,
    downloads: Vec<(&'static str, String)>,
    /// The 中文 page: the meeting page's own body, escaped by its renderer.
    html: Option<String>,
    /// The English page: the report's tables.
    tables: Vec<Titled>,
    footer: Vec<String>,
}

pub async fn overview(
    State(server): State<Arc<Server>>,
    Query(query): Query<ReportQuery>,
) -> Answer {
    let lang = query.lang();
    let Some(ledger) = open(&server, lang)? else {
        return Ok(empty(Page::Overview, lang, &server));
    };
    let _view = ledger.snapshot().map_err(|e| Failure::ledger(lang, &e))?;
    let options = query.options(&ledger)?;
    let (report, trend) = report::build_for_meeting(&ledger, &options).map_err(failed(lang))?;
    let title = wording::title(&report, lang.report());
    let (html, tables, footer) = match lang {
        Lang::Zh => (
            Some(report::html_content(&report, &trend)),
            Vec::new(),
            Vec::new(),
        ),
        Lang::En => {
            let r = lang.report();
            let mut tables = vec![Titled {
                heading: String::new(),
                table: wording::summary(&report, r),
            }];
            let named = [
                ("By unit", wording::units(&report, r)),
                ("Deadlines", wording::deadlines(&report, r)),
                ("Further indicators", wording::indicators(&report, r)),
            ];
            tables.extend(named.into_iter().filter_map(|(h, t)| {
                t.map(|table| Titled {
                    heading: h.to_owned(),
                    table,
                })
            }));
            tables.extend(
                wording::records(&report, r)
                    .into_iter()
                    .map(|table| Titled {
                        heading: String::new(),
                        table,
                    }),
            );
            tables.push(Titled {
                heading: "Monthly trend".to_owned(),
                table: wording::trend(&trend, r),
            });
            (None, tables, wording::footer(&report, r))
        }
    };
    let filters = query.filters();
    let downloads = ["xlsx", "docx", "csv", "html", "json"]
        .into_iter()
        .map(|format| {
            let sep = if filters.is_empty() { "" } else { "&" };
            (
                format,
                format!("/report/export?format={format}{sep}{filters}"),
            )
        })
        .collect();
    let period = format!(
        "{} – {} · {} {}",
        report.period.from,
        report.period.to,
        lang.pick("数据截至", "as of"),
        report.as_of
    );
    let by = options.by.unwrap_or(Breakdown::Unit);
    let breakdowns = std::iter::once(Breakdown::Unit)
        .chain(Breakdown::STORED)
        .map(|b| Choice {
            value: b.key(),
            label: match lang {
                Lang::Zh => b.label_zh(),
                Lang::En => b.key(),
            },
            selected: b == by,
        })
        .collect();
    Ok(view::render(&ReportPage {
        frame: Frame::new(Some(Page::Overview), &title, lang, server.read_only),
        query,
        breakdowns,
        period,
        downloads,
        html,
        tables,
        footer,
    }))
}

/// The report as a file, as `report --format F --output FILE` writes it.
pub async fn export(State(server): State<Arc<Server>>, Query(query): Query<ReportQuery>) -> Answer {
    let lang = query.lang();
    let Some(ledger) = open(&server, lang)? else {
        return Ok(empty(Page::Overview, lang, &server));
    };
    let _view = ledger.snapshot().map_err(|e| Failure::ledger(lang, &e))?;
    let options = query.options(&ledger)?;
    let mut bytes = Vec::new();
    let format = given(query.format.as_ref()).unwrap_or("csv");
    let (content_type, written) = match format {
        "xlsx" | "html" => {
            let (report, trend) =
                report::build_for_meeting(&ledger, &options).map_err(failed(lang))?;
            if format == "xlsx" {
                (
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    report::write_xlsx(&report, &trend, &mut bytes),
                )
            } else {
                (
                    "text/html; charset=utf-8",
                    report::write_html(&report, &trend, &mut bytes),
                )
            }
        }
        "csv" | "json" => {
            let report = report::build(&ledger, &options).map_err(failed(lang))?;
            if format == "csv" {
                // With a BOM, as `report --format csv` writes it, so Excel reads UTF-8.
                bytes.extend_from_slice("\u{feff}".as_bytes());
                (
                    "text/csv; charset=utf-8",
                    report::write_csv(&report, lang.report(), &mut bytes),
                )
            } else {
                ("application/json", report::write_json(&report, &mut bytes))
            }
        }
        "docx" => {
            let sources = crate::notice::gather(&ledger, &options).map_err(failed(lang))?;
            let notice = crate::notice::Notice {
                signed_on: chrono::Local::now().date_naive(),
                ..sources.notice()
            };
            (
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                crate::notice::write_docx(&notice, &mut bytes),
            )
        }
        other => {
            return Err(Failure::bad_request(
                lang,
                format!("format: `{other}` is not a download (use xlsx, docx, csv, html or json)"),
            ));
        }
    };
    written.map_err(|e| Failure::ledger(lang, &e))?;
    Ok(attachment(content_type, &format!("report.{format}"), bytes))
}

fn attachment(content_type: &'static str, name: &str, bytes: Vec<u8>) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        bytes,
    )
        .into_response()
}

#[derive(Debug, Default, Deserialize)]
pub struct DueQuery {
    on: Option<String>,
    within: Option<String>,
    unit: Option<String>,
    lead: Option<String>,
    lang: Option<String>,
}

impl DueQuery {
    fn build(&self, ledger: &Ledger) -> Result<due::DueList, Failure> {
        let lang = lang_of(self.lang.as_ref());
        let within = match given(self.within.as_ref()) {
            None => 7,
            Some(days) => days.parse().map_err(|_| {
                Failure::bad_request(lang, format!("within: `{days}` is not a number of days"))
            })?,
        };
        let options = DueOptions {
            on: date(lang, "on", self.on.as_ref())?
                .unwrap_or_else(|| chrono::Local::now().date_naive()),
            within,
            unit: ledger
                .unit_filter(given(self.unit.as_ref()))
                .map_err(failed(lang))?,
            lead: given(self.lead.as_ref()).map(|l| cell::normalise(l).into_owned()),
            kind: None,
            filter: crate::model::Filter::default(),
        };
        due::build(ledger, &options).map_err(failed(lang))
    }
}

/// 待办: the work list with its unit and leader filters.
#[derive(Template)]
#[template(path = "serve/due.html")]
struct DuePage {
    frame: Frame,
    query: DueQuery,
    on: NaiveDate,
    calendar: String,
    html: String,
}

pub async fn due(State(server): State<Arc<Server>>, Query(query): Query<DueQuery>) -> Answer {
    let lang = lang_of(query.lang.as_ref());
    let Some(ledger) = open(&server, lang)? else {
        return Ok(empty(Page::Due, lang, &server));
    };
    let _view = ledger.snapshot().map_err(|e| Failure::ledger(lang, &e))?;
    let list = query.build(&ledger)?;
    let calendar = [
        ("on", Some(list.asked.on.to_string())),
        ("within", query.within.clone()),
        ("unit", query.unit.clone()),
        ("lead", query.lead.clone()),
    ]
    .into_iter()
    .filter_map(|(key, value)| given(value.as_ref()).map(|v| format!("{key}={}", encode(v))))
    .collect::<Vec<_>>()
    .join("&");
    let title = format!("{} {}", lang.pick("待办事项", "Due"), list.asked.on);
    Ok(view::render(&DuePage {
        frame: Frame::new(Some(Page::Due), &title, lang, server.read_only).with_style("due.css"),
        on: list.asked.on,
        html: due::html_content(&list),
        calendar: format!("/due/export?{calendar}"),
        query,
    }))
}

/// The work list as an iCalendar file, as `due --format ics` writes it.
pub async fn due_calendar(
    State(server): State<Arc<Server>>,
    Query(query): Query<DueQuery>,
) -> Answer {
    let lang = lang_of(query.lang.as_ref());
    let Some(ledger) = open(&server, lang)? else {
        return Ok(empty(Page::Due, lang, &server));
    };
    let _view = ledger.snapshot().map_err(|e| Failure::ledger(lang, &e))?;
    let list = query.build(&ledger)?;
    let mut bytes = Vec::new();
    due::write_ics(&list, chrono::Utc::now().naive_utc(), &mut bytes)
        .map_err(|e| Failure::ledger(lang, &e))?;
    Ok(attachment(
        "text/calendar; charset=utf-8",
        &format!("due-{}.ics", list.asked.on),
        bytes,
    ))
}

#[derive(Debug, Default, Deserialize)]
pub struct LeadsQuery {
    month: Option<String>,
    lead: Option<String>,
    lang: Option<String>,
}

/// 包案: the monthly 调度 sheet.
#[derive(Template)]
#[template(path = "serve/leads.html")]
struct LeadsPage {
    frame: Frame,
    query: LeadsQuery,
    html: String,
}

pub async fn leads(State(server): State<Arc<Server>>, Query(query): Query<LeadsQuery>) -> Answer {
    let lang = lang_of(query.lang.as_ref());
    let Some(ledger) = open(&server, lang)? else {
        return Ok(empty(Page::Leads, lang, &server));
    };
    let _view = ledger.snapshot().map_err(|e| Failure::ledger(lang, &e))?;
    let month = match given(query.month.as_ref()) {
        None => None,
        Some(text) => Some(
            cell::normalise(text)
                .parse::<Month>()
                .map_err(|e| Failure::bad_request(lang, format!("month: {e}")))?,
        ),
    };
    let options = crate::leads::SheetOptions {
        month,
        lead: given(query.lead.as_ref()).map(|l| cell::normalise(l).into_owned()),
        rules: ledger.rules().map_err(|e| Failure::ledger(lang, &e))?,
        today: chrono::Local::now().date_naive(),
    };
    let sheet = crate::leads::build(&ledger, &options).map_err(failed(lang))?;
    let title = lang.pick("包案调度", "Leads").to_owned();
    Ok(view::render(&LeadsPage {
        frame: Frame::new(Some(Page::Leads), &title, lang, server.read_only)
            .with_style("leads.css"),
        html: crate::leads::text::html_content(&sheet),
        query,
    }))
}

#[derive(Debug, Default, Deserialize)]
pub struct CasesQuery {
    kind: Option<String>,
    unit: Option<String>,
    as_of: Option<String>,
    open: Option<String>,
    lang: Option<String>,
}

/// Cases shown on one page; the rest are counted and the filters narrow them.
const CASES_SHOWN: usize = 500;

/// 案件: the current cases, each linking to its history.
#[derive(Template)]
#[template(path = "serve/cases.html")]
struct CasesPage {
    frame: Frame,
    query: CasesQuery,
    kinds: Vec<Choice>,
    header: Vec<&'static str>,
    /// Each case: its 案号 (linked) and its other cells.
    rows: Vec<(String, Vec<String>)>,
    total: usize,
}

pub async fn cases(State(server): State<Arc<Server>>, Query(query): Query<CasesQuery>) -> Answer {
    let lang = lang_of(query.lang.as_ref());
    let Some(ledger) = open(&server, lang)? else {
        return Ok(empty(Page::Cases, lang, &server));
    };
    let _view = ledger.snapshot().map_err(|e| Failure::ledger(lang, &e))?;
    let kind = match given(query.kind.as_ref()) {
        None => None,
        Some(key) => Some(
            Kind::ALL
                .into_iter()
                .find(|k| k.key() == key)
                .ok_or_else(|| {
                    Failure::bad_request(lang, format!("kind: `{key}` is not a ledger kind"))
                })?,
        ),
    };
    let filter = CaseFilter {
        kind,
        unit: ledger
            .unit_filter(given(query.unit.as_ref()))
            .map_err(failed(lang))?,
        require: if given(query.open.as_ref()).is_some() {
            vec![Require::Open]
        } else {
            Vec::new()
        },
        ..CaseFilter::default()
    };
    let rules = ledger.rules().map_err(|e| Failure::ledger(lang, &e))?;
    let as_of = date(lang, "as_of", query.as_of.as_ref())?;
    let found = cases::list(&ledger, &filter, as_of, &rules).map_err(failed(lang))?;
    // The columns of the kinds listed, in their listing order, 案号 first.
    let mut header: Vec<&'static str> = Vec::new();
    for kind in Kind::ALL {
        if let Some(case) = found.iter().find(|c| c.kind() == kind) {
            for (key, _) in case.fields() {
                if key != "case_no" && !header.contains(&key) {
                    header.push(key);
                }
            }
        }
    }
    let rows = found
        .iter()
        .take(CASES_SHOWN)
        .map(|case| {
            let fields = case.fields();
            let cells = header
                .iter()
                .map(|key| {
                    fields
                        .iter()
                        .find(|(k, _)| k == key)
                        .map_or_else(String::new, |(_, v)| v.display())
                })
                .collect();
            (case.case_no.text().to_owned(), cells)
        })
        .collect();
    let title = lang.pick("案件", "Cases").to_owned();
    Ok(view::render(&CasesPage {
        frame: Frame::new(Some(Page::Cases), &title, lang, server.read_only),
        kinds: Kind::ALL
            .into_iter()
            .map(|k| Choice {
                value: k.key(),
                label: match lang {
                    Lang::Zh => k.label_zh(),
                    Lang::En => k.key(),
                },
                selected: Some(k) == kind,
            })
            .collect(),
        header,
        rows,
        total: found.len(),
        query,
    }))
}

#[derive(Debug, Default, Deserialize)]
pub struct HistoryQuery {
    case_no: Option<String>,
    lang: Option<String>,
}

/// A case's every version, oldest first.
#[derive(Template)]
#[template(path = "serve/history.html")]
struct HistoryPage {
    frame: Frame,
    case_no: String,
    tables: Vec<Titled>,
}

pub async fn history(
    State(server): State<Arc<Server>>,
    Query(query): Query<HistoryQuery>,
) -> Answer {
    let lang = lang_of(query.lang.as_ref());
    let Some(ledger) = open(&server, lang)? else {
        return Ok(empty(Page::Cases, lang, &server));
    };
    let Some(case_no) = given(query.case_no.as_ref()) else {
        return Err(Failure::bad_request(
            lang,
            "case_no: which case? (e.g. ?case_no=黔南府复决字〔2021〕15号)",
        ));
    };
    let found = ledger
        .history(&match_key(&cell::normalise(case_no)))
        .map_err(|e| Failure::ledger(lang, &e))?;
    if found.is_empty() {
        return Err(Failure {
            status: StatusCode::NOT_FOUND,
            lang,
            message: format!("no case `{case_no}` in the ledger"),
        });
    }
    let tables = found
        .iter()
        .filter_map(|(kind, versions)| {
            let last = versions.last()?;
            let keys: Vec<&'static str> = last.case.fields().into_iter().map(|(k, _)| k).collect();
            let mut header: Vec<String> = ["as_of", "batch", "file", "row"]
                .map(str::to_owned)
                .to_vec();
            header.extend(keys.iter().map(|k| (*k).to_owned()));
            let rows = versions
                .iter()
                .map(|v| {
                    let fields = v.case.fields();
                    let mut row = vec![
                        v.as_of.to_string(),
                        v.batch_id.to_string(),
                        v.file.clone(),
                        v.source_row.to_string(),
                    ];
                    row.extend(keys.iter().map(|key| {
                        fields
                            .iter()
                            .find(|(k, _)| k == key)
                            .map_or_else(String::new, |(_, v)| v.display())
                    }));
                    row
                })
                .collect();
            Some(Titled {
                heading: format!("{} {}", kind.label_zh(), last.case.case_no.text()),
                table: TextTable { header, rows },
            })
        })
        .collect();
    Ok(view::render(&HistoryPage {
        frame: Frame::new(Some(Page::Cases), case_no, lang, server.read_only),
        case_no: case_no.to_owned(),
        tables,
    }))
}

#[derive(Debug, Default, Deserialize)]
pub struct LangQuery {
    lang: Option<String>,
}

impl LangQuery {
    pub fn lang(&self) -> Lang {
        lang_of(self.lang.as_ref())
    }
}

/// 批次: every import, each with its undo (behind a confirmation).
#[derive(Template)]
#[template(path = "serve/batches.html")]
struct BatchesPage {
    frame: Frame,
    batches: Vec<BatchRecord>,
}

pub async fn batches(State(server): State<Arc<Server>>, Query(query): Query<LangQuery>) -> Answer {
    let lang = lang_of(query.lang.as_ref());
    let Some(ledger) = open(&server, lang)? else {
        return Ok(empty(Page::Batches, lang, &server));
    };
    let batches = ledger.batches().map_err(|e| Failure::ledger(lang, &e))?;
    let title = lang.pick("批次", "Batches").to_owned();
    Ok(view::render(&BatchesPage {
        frame: Frame::new(Some(Page::Batches), &title, lang, server.read_only),
        batches,
    }))
}

/// 口径: the counting rules in force, each beside its default.
#[derive(Template)]
#[template(path = "serve/rules.html")]
struct RulesPage {
    frame: Frame,
    /// Key, value in force, default.
    rules: Vec<(String, String, String)>,
}

pub async fn rules(State(server): State<Arc<Server>>, Query(query): Query<LangQuery>) -> Answer {
    let lang = lang_of(query.lang.as_ref());
    let rules = match open(&server, lang)? {
        Some(ledger) => ledger.rules().map_err(|e| Failure::ledger(lang, &e))?,
        None => Rules::default(),
    };
    let title = lang.pick("统计口径", "Counting rules").to_owned();
    Ok(view::render(&rules_page(
        &rules,
        &title,
        lang,
        server.read_only,
    )))
}

fn rules_page(rules: &Rules, title: &str, lang: Lang, read_only: bool) -> impl Template {
    let defaults = Rules::default().to_text();
    RulesPage {
        frame: Frame::new(Some(Page::Rules), title, lang, read_only),
        rules: rules
            .to_text()
            .into_iter()
            .zip(defaults)
            .map(|((key, value), (_, default))| (key.to_owned(), value, default))
            .collect(),
    }
}

/// The style sheets: the shared renderers' own, and the server's frame.
pub async fn asset(Path(name): Path<String>) -> Response {
    let css = match name.as_str() {
        "report.css" => report::HTML_STYLE,
        "due.css" => due::HTML_STYLE,
        "leads.css" => crate::leads::text::HTML_STYLE,
        "serve.css" => include_str!("serve.css"),
        _ => return StatusCode::NOT_FOUND.into_response(),
    };
    ([(header::CONTENT_TYPE, "text/css; charset=utf-8")], css).into_response()
}

pub async fn not_found(Query(query): Query<LangQuery>) -> Response {
    let lang = lang_of(query.lang.as_ref());
    view::message(
        StatusCode::NOT_FOUND,
        lang,
        lang.pick("没有这个页面。", "no such page"),
    )
}
