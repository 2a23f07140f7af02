//! The forms that write: 导入 (upload, checked, then imported all or nothing through the
//! same `ingest::import` as `caseledger import`), undoing a batch and changing a rule,
//! each of the last two behind a confirmation page. `--read-only` refuses them all.

use std::sync::Arc;

use askama::Template;
use axum::Form;
use axum::extract::{Multipart, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

use super::Server;
use super::pages::{Answer, Failure, LangQuery};
use super::view::{self, Frame, Lang, Page};
use crate::ingest::{self, FileOutcome, ImportOptions, ImportSummary, Observer};
use crate::ledger::Ledger;
use crate::model::OutcomeMap;
use crate::spreadsheet::{Diagnostic, ReadOptions, Severity};

/// Diagnostics listed on the result page; the rest are counted.
const LISTED: usize = 500;

/// 导入: the upload form, and after an upload its result.
#[derive(Template)]
#[template(path = "serve/import.html")]
struct ImportPage {
    frame: Frame,
    result: Option<ImportResult>,
}

/// What an upload came to, as the page shows it.
struct ImportResult {
    imported: bool,
    headline: String,
    files: Vec<String>,
    problems: Vec<Diagnostic>,
    more: usize,
    /// The ready `caseledger outcomes map …` line, and its entries (`SPELLING=CANONICAL`,
    /// `?` where no outcome resembles it) for the form that stores them after a
    /// confirmation.
    outcome_map: Option<String>,
    /// The ready `caseledger columns map …` line of each ledger kind with unknown headers.
    columns_map: Vec<String>,
    outcome_entries: Vec<String>,
}

fn refused_read_only(lang: Lang) -> Response {
    view::message(
        StatusCode::FORBIDDEN,
        lang,
        lang.pick(
            "只读模式：不能导入、撤销或修改口径。",
            "read-only: importing, undoing and changing rules are turned off",
        ),
    )
}

pub async fn form(State(server): State<Arc<Server>>, Query(query): Query<LangQuery>) -> Response {
    let lang = query.lang();
    if server.read_only {
        return refused_read_only(lang);
    }
    let title = lang.pick("导入周报", "Import weekly files");
    view::render(&ImportPage {
        frame: Frame::new(Some(Page::Import), title, lang, false),
        result: None,
    })
}

/// Collects every diagnostic for the page (the command prints them as they come).
#[derive(Default)]
struct Collected(Vec<Diagnostic>);

impl Observer for Collected {
    fn diagnostic(&mut self, diagnostic: &Diagnostic) {
        self.0.push(diagnostic.clone());
    }
}

/// The upload: each `file` field is saved under its own name in a private temporary
/// folder (the name carries the as-of date and the kind), then imported in one call.
pub async fn import(
    State(server): State<Arc<Server>>,
    Query(query): Query<LangQuery>,
    mut multipart: Multipart,
) -> Answer {
    let lang = query.lang();
    if server.read_only {
        return Ok(refused_read_only(lang));
    }
    let folder = tempfile::tempdir().map_err(|e| Failure::ledger(lang, &e.into()))?;
    let paths = match save(&mut multipart, folder.path(), &server, lang).await? {
        Ok(paths) => paths,
        Err(too_large) => return Ok(too_large),
    };
    if paths.is_empty() {
        return Err(Failure::bad_request(
            lang,
            lang.pick("请选择要导入的文件。", "choose the files to import"),
        ));
    }
    let existed = server.ledger.exists();
    let mut ledger =
        Ledger::open_or_create(&server.ledger).map_err(|e| Failure::ledger(lang, &e))?;
    let mut collected = Collected::default();
    let options = ImportOptions::now(ReadOptions::default());
    let summary = ingest::import(&mut ledger, &paths, &options, &mut collected);
    if !existed && !summary.as_ref().is_ok_and(|s| s.committed) {
        // As `import`: a failed first import leaves no empty ledger behind.
        ledger
            .remove_if_empty()
            .map_err(|e| Failure::ledger(lang, &e))?;
    }
    let summary = summary.map_err(|e| Failure::ledger(lang, &e))?;
    // The files' own names, not the temporary folder's.
    let folder_prefix = folder.path().join("").display().to_string();
    let local = |text: &str| text.replace(&folder_prefix, "");
    let mut problems: Vec<Diagnostic> = collected
        .0
        .into_iter()
        .filter(|d| d.severity != Severity::Note)
        .map(|d| Diagnostic {
            file: local(&d.file),
            message: local(&d.message),
            ..d
        })
        .collect();
    let more = problems.len().saturating_sub(LISTED);
    problems.truncate(LISTED);
    let result = ImportResult {
        imported: summary.committed,
        headline: headline(&summary, lang),
        files: summary
            .files
            .iter()
            .map(|f| file_line(&local(&f.file), &f.outcome, lang))
            .collect(),
        problems,
        more,
        outcome_map: summary.outcome_map_line(),
        columns_map: summary.columns_map_lines(),
        outcome_entries: summary
            .unknown_outcomes
            .iter()
            .map(crate::ingest::UnknownSpelling::entry)
            .collect(),
    };
    let status = if summary.errors > 0 {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let title = lang.pick("导入结果", "Import result");
    let mut response = view::render(&ImportPage {
        frame: Frame::new(Some(Page::Import), title, lang, false),
        result: Some(result),
    });
    *response.status_mut() = status;
    Ok(response)
}

/// Saves each `file` field of the upload under its own name in `folder`; an upload over
/// the limit is answered with the 413 page instead.
async fn save(
    multipart: &mut Multipart,
    folder: &std::path::Path,
    server: &Server,
    lang: Lang,
) -> Result<Result<Vec<std::path::PathBuf>, Response>, Failure> {
    let mut paths = Vec::new();
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                return Ok(Err(super::guard::too_large(server, lang)));
            }
            Err(e) => return Err(Failure::bad_request(lang, e.body_text())),
        };
        if field.name() != Some("file") {
            continue;
        }
        let Some(name) = field.file_name().and_then(file_name) else {
            continue;
        };
        let bytes = match field.bytes().await {
            Ok(bytes) => bytes,
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                return Ok(Err(super::guard::too_large(server, lang)));
            }
            Err(e) => return Err(Failure::bad_request(lang, e.body_text())),
        };
        let path = folder.join(&name);
        if paths.contains(&path) {
            return Err(Failure::bad_request(
                lang,
                format!("`{name}` was given twice: send each file once"),
            ));
        }
        std::fs::write(&path, &bytes).map_err(|e| Failure::ledger(lang, &e.into()))?;
        paths.push(path);
    }
    Ok(Ok(paths))
}

/// The last part of an uploaded file's name; none for a name that is only a folder.
fn file_name(given: &str) -> Option<String> {
    let name = given.rsplit(['/', '\\']).next()?.trim();
    (!name.is_empty() && name != "." && name != "..").then(|| name.to_owned())
}

fn headline(summary: &ImportSummary, lang: Lang) -> String {
    let batches = summary
        .files
        .iter()
        .filter(|f| matches!(f.outcome, FileOutcome::Batch { .. }))
        .count();
    match (lang, summary.errors, summary.committed) {
        (Lang::Zh, 0, true) => format!("已导入 {batches} 个文件。"),
        (Lang::En, 0, true) => format!("imported {batches} file(s)"),
        (Lang::Zh, 0, false) => "没有新内容：文件此前已导入或没有数据行。".to_owned(),
        (Lang::En, 0, false) => {
            "nothing to import: the files were imported before or hold no rows".to_owned()
        }
        (Lang::Zh, errors, _) => format!("发现 {errors} 个错误，未导入任何内容，台账保持不变。"),
        (Lang::En, errors, _) => {
            format!("{errors} error(s): nothing was imported, the ledger is unchanged")
        }
    }
}

fn file_line(file: &str, outcome: &FileOutcome, lang: Lang) -> String {
    match outcome {
        FileOutcome::Batch {
            kind, as_of, tally, ..
        } => format!(
            "{file}: {} {} {as_of}, {} {}: {} {}, {} {}, {} {}",
            kind.label_zh(),
            lang.pick("截至", "as of"),
            tally.rows,
            lang.pick("行", "rows"),
            tally.new,
            lang.pick("新增", "new"),
            tally.changed,
            lang.pick("变更", "changed"),
            tally.unchanged,
            lang.pick("未变", "unchanged"),
        ),
        FileOutcome::AlreadyImported { batch_id, .. } => format!(
            "{file}: {} {batch_id}",
            lang.pick("此前已导入，批次", "imported before as batch")
        ),
        FileOutcome::Empty => format!("{file}: {}", lang.pick("没有数据行", "no rows")),
        FileOutcome::NotALedger => {
            format!(
                "{file}: {}",
                lang.pick("不是台账工作表，已跳过", "not a ledger sheet; skipped")
            )
        }
        FileOutcome::Rejected => format!("{file}: {}", lang.pick("有错误", "has errors")),
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct UndoForm {
    batch: i64,
    confirm: Option<String>,
    lang: Option<String>,
}

/// Asks again before anything is removed.
#[derive(Template)]
#[template(path = "serve/confirm.html")]
struct ConfirmPage {
    frame: Frame,
    question: String,
    action: &'static str,
    fields: Vec<(&'static str, String)>,
}

/// The page that asks before a write: it posts `fields` back to `action` with
/// `confirm=yes`.
fn confirmation(
    page: Page,
    title: &str,
    lang: Lang,
    question: String,
    action: &'static str,
    fields: Vec<(&'static str, String)>,
) -> Response {
    view::render(&ConfirmPage {
        frame: Frame::new(Some(page), title, lang, false),
        question,
        action,
        fields,
    })
}

/// Undo a batch: the first POST asks, the confirmed one removes it.
pub async fn undo(State(server): State<Arc<Server>>, Form(form): Form<UndoForm>) -> Answer {
    let lang = Lang::of_value(form.lang.as_deref());
    if server.read_only {
        return Ok(refused_read_only(lang));
    }
    if form.confirm.as_deref() != Some("yes") {
        return Ok(confirmation(
            Page::Batches,
            lang.pick("确认撤销", "Confirm undo"),
            lang,
            match lang {
                Lang::Zh => format!(
                    "撤销批次 {}？此后所有报表将如同从未导入该批次。",
                    form.batch
                ),
                Lang::En => format!(
                    "undo batch {}? Every report will be as if it had never been imported.",
                    form.batch
                ),
            },
            "/undo",
            vec![("batch", form.batch.to_string())],
        ));
    }
    let mut ledger =
        Ledger::open_existing(&server.ledger).map_err(|e| Failure::ledger(lang, &e))?;
    let undone = ledger
        .undo(form.batch)
        .map_err(|e| Failure::bad_request(lang, format!("{e:#}")))?;
    let text = match lang {
        Lang::Zh => format!(
            "已撤销批次 {}（{}，截至 {}）：{} 个版本。",
            undone.batch_id, undone.file, undone.as_of, undone.versions
        ),
        Lang::En => format!(
            "removed batch {} ({}, as of {}): {} versions",
            undone.batch_id, undone.file, undone.as_of, undone.versions
        ),
    };
    Ok(view::message(StatusCode::OK, lang, &text))
}

/// Store outcome spellings (`entry=SPELLING=CANONICAL`, repeated): the first POST asks,
/// the confirmed one stores them all or, if any entry is wrong, none.
pub async fn map_outcomes(
    State(server): State<Arc<Server>>,
    Form(form): Form<Vec<(String, String)>>,
) -> Answer {
    let field = |name: &'static str| values(&form, name);
    let lang = Lang::of_value(field("lang").next().as_deref());
    if server.read_only {
        return Ok(refused_read_only(lang));
    }
    let entries: Vec<String> = field("entry").filter(|e| !e.is_empty()).collect();
    let mut mappings = Vec::new();
    let mut wrong = Vec::new();
    for entry in &entries {
        match OutcomeMap::parse_entry(entry) {
            Ok(mapping) => mappings.push(mapping),
            Err(e) => wrong.push(format!("`{entry}`: {e}")),
        }
    }
    if !wrong.is_empty() || entries.is_empty() {
        return Err(Failure::bad_request(
            lang,
            if wrong.is_empty() {
                lang.pick("没有要保存的写法。", "no spelling to store")
                    .to_owned()
            } else {
                wrong.join("; ")
            },
        ));
    }
    if field("confirm").next().as_deref() != Some("yes") {
        return Ok(confirmation(
            Page::Import,
            lang.pick("确认结案方式写法", "Confirm the outcome spellings"),
            lang,
            match lang {
                Lang::Zh => format!(
                    "保存这些写法：{}？此后导入和检查都按此读取。",
                    entries.join("，")
                ),
                Lang::En => format!(
                    "store these spellings: {}? Every later import and check reads them so.",
                    entries.join(", ")
                ),
            },
            "/outcomes",
            entries.into_iter().map(|e| ("entry", e)).collect(),
        ));
    }
    let mut ledger =
        Ledger::open_or_create(&server.ledger).map_err(|e| Failure::ledger(lang, &e))?;
    ledger
        .map_outcomes(&mappings)
        .map_err(|e| Failure::ledger(lang, &e))?;
    Ok(view::message(
        StatusCode::OK,
        lang,
        lang.pick(
            "已保存。请重新上传这些文件。",
            "stored: upload the files again",
        ),
    ))
}

/// The values of one field of a form that repeats it, trimmed.
fn values<'a>(
    form: &'a [(String, String)],
    name: &'static str,
) -> impl Iterator<Item = String> + 'a {
    form.iter()
        .filter(move |(key, _)| key == name)
        .map(|(_, value)| value.trim().to_owned())
}

#[derive(Debug, Default, Deserialize)]
pub struct RuleForm {
    key: String,
    value: String,
    confirm: Option<String>,
    lang: Option<String>,
}

/// Change one rule: the first POST asks, the confirmed one stores it.
pub async fn set_rule(State(server): State<Arc<Server>>, Form(form): Form<RuleForm>) -> Answer {
    let lang = Lang::of_value(form.lang.as_deref());
    if server.read_only {
        return Ok(refused_read_only(lang));
    }
    if form.confirm.as_deref() != Some("yes") {
        return Ok(confirmation(
            Page::Rules,
            lang.pick("确认修改口径", "Confirm the rule"),
            lang,
            match lang {
                Lang::Zh => format!(
                    "将口径 {} 改为 “{}”？此后的报表按新口径计算。",
                    form.key, form.value
                ),
                Lang::En => format!(
                    "set {} to `{}`? Reports from now on count by it.",
                    form.key, form.value
                ),
            },
            "/rules",
            vec![("key", form.key), ("value", form.value)],
        ));
    }
    let mut ledger =
        Ledger::open_or_create(&server.ledger).map_err(|e| Failure::ledger(lang, &e))?;
    ledger
        .set_rule(&form.key, &form.value)
        .map_err(|e| Failure::bad_request(lang, format!("{e:#}")))?;
    let text = match lang {
        Lang::Zh => format!("口径 {} 已改为 “{}”。", form.key, form.value),
        Lang::En => format!("{} is now `{}`", form.key, form.value),
    };
    Ok(view::message(StatusCode::OK, lang, &text))
}
