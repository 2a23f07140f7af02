//! `caseledger history`: every version of a case and what changed — how a clerk answers
//! 「这个案子上个月为什么算纠错?」 — and, for a reconsideration case, the lawsuits that
//! name it in their 复议案号 (why it counts as 复议后起诉), and for any case the
//! documents (意见书, 建议书) that name it in their 关联案号.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Result, bail};
use serde_json::{Map, Value, json};

use crate::cli::{HistoryArgs, ListFormat};
use crate::ledger::{Ledger, VersionRecord};
use crate::model::case_no::match_key;
use crate::model::{Case, FieldValue, Kind};
use crate::report;
use crate::report::cases::json_value;

pub fn run(ledger_path: &Path, args: &HistoryArgs, out: &mut dyn Write) -> Result<ExitCode> {
    let ledger = Ledger::open_existing(ledger_path)?;
    let key = match_key(&crate::spreadsheet::cell::normalise(&args.case_no));
    let found = ledger.history(&key)?;
    if found.is_empty() {
        bail!("no case `{}` in the ledger", args.case_no);
    }
    let named_by = ledger.lawsuits_naming(&key)?;
    let documents = ledger.documents_naming(&key)?;
    match args.format {
        ListFormat::Json => {
            let cases: Vec<Value> = found
                .iter()
                .map(|(kind, versions)| {
                    let mut json = history_json(*kind, versions);
                    if let Some(object) = json.as_object_mut() {
                        if *kind == Kind::Reconsideration {
                            object.insert("named_by".into(), json!(named_by));
                        }
                        if kind.is_case() {
                            object.insert("documents".into(), json!(documents));
                        }
                    }
                    json
                })
                .collect();
            report::write_json_value(&cases, out)?;
        }
        ListFormat::Table => {
            for (kind, versions) in &found {
                write_history(*kind, versions, out)?;
                if *kind == Kind::Reconsideration && !named_by.is_empty() {
                    writeln!(
                        out,
                        "  named by lawsuits (复议后起诉): {}",
                        named_by.join(", ")
                    )?;
                }
                if kind.is_case() && !documents.is_empty() {
                    writeln!(out, "  named by documents (整改): {}", documents.join(", "))?;
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Each version with the fields that changed since the one before (all fields for the first).
fn changes(versions: &[VersionRecord]) -> Vec<Vec<(&'static str, FieldValue, FieldValue)>> {
    let mut previous: Option<&Case> = None;
    versions
        .iter()
        .map(|v| {
            let changed = match previous {
                Some(before) => v.case.changes_since(before),
                None => v
                    .case
                    .fields()
                    .into_iter()
                    .filter(|(_, value)| *value != FieldValue::Empty)
                    .map(|(key, value)| (key, FieldValue::Empty, value))
                    .collect(),
            };
            previous = Some(&v.case);
            changed
        })
        .collect()
}

fn history_json(kind: Kind, versions: &[VersionRecord]) -> Value {
    let entries: Vec<Value> = versions
        .iter()
        .zip(changes(versions))
        .map(|(v, changed)| {
            let mut fields = Map::new();
            for (key, before, after) in changed {
                fields.insert(key.into(), json!({"from": json_value(&before), "to": json_value(&after)}));
            }
            json!({"batch_id": v.batch_id, "file": v.file, "row": v.source_row, "as_of": v.as_of, "changed": fields})
        })
        .collect();
    let case_no = versions.last().map(|v| v.case.case_no.text().to_owned());
    json!({"kind": kind.key(), "case_no": case_no, "versions": entries})
}

fn write_history(kind: Kind, versions: &[VersionRecord], out: &mut dyn Write) -> Result<()> {
    let Some(last) = versions.last() else {
        return Ok(());
    };
    writeln!(
        out,
        "{} {} ({} versions)",
        kind.label_zh(),
        last.case.case_no,
        versions.len()
    )?;
    for (index, (v, changed)) in versions.iter().zip(changes(versions)).enumerate() {
        writeln!(
            out,
            "  as of {} — batch {}, {} row {}",
            v.as_of, v.batch_id, v.file, v.source_row
        )?;
        for (key, before, after) in changed {
            if index == 0 {
                writeln!(out, "    {key}: {}", after.display())?;
            } else {
                writeln!(out, "    {key}: {} → {}", shown(&before), shown(&after))?;
            }
        }
    }
    Ok(())
}

fn shown(value: &FieldValue) -> String {
    match value {
        FieldValue::Empty => "(empty)".to_owned(),
        other => other.display(),
    }
}
