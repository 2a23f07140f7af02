//! `caseledger columns`: an office's own column headers (受理单位, 办结时间 …), mapped
//! once per ledger kind to the column they hold, or acknowledged as not read, and stored
//! in the ledger for every later import and check. Nothing is mapped without the user.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Result, bail};

use super::support::parse_mappings;
use crate::cli::{ColumnsAction, ColumnsArgs};
use crate::ledger::Ledger;
use crate::model::{Field, Kind};
use crate::spreadsheet::columns::{self, field_for, header_key, one_line};

pub fn run(ledger_path: &Path, args: &ColumnsArgs, out: &mut dyn Write) -> Result<ExitCode> {
    match &args.action {
        ColumnsAction::Map { entries, kind } => map(ledger_path, super::kind(*kind), entries, out),
        ColumnsAction::Show => {
            let map = Ledger::open_existing(ledger_path)?.header_map()?;
            if map.is_empty() {
                writeln!(
                    out,
                    "no column headers are mapped: only the built-in ones are read (docs/FORMAT.md lists them)"
                )?;
            }
            for (kind, header, field) in map.iter() {
                writeln!(
                    out,
                    "{}: {}",
                    kind.label_zh(),
                    entry_text(kind, header, field)
                )?;
            }
            Ok(ExitCode::SUCCESS)
        }
        ColumnsAction::Unmap { headers, kind } => {
            unmap(ledger_path, super::kind(*kind), headers, out)
        }
    }
}

/// `HEADER = 字段`, or `HEADER = - (not read)`.
fn entry_text(kind: Kind, header: &str, field: Option<Field>) -> String {
    match field {
        Some(field) => format!(
            "{header} = {}",
            columns::header(kind, field).unwrap_or(field.key())
        ),
        None => format!("{header} = - (not read)"),
    }
}

/// Reads one `HEADER=字段` entry: the header on one line, and the field it names in
/// `kind`'s ledger (its 中文 header, an alias or its English key), or `None` for `-`.
fn parse_entry(kind: Kind, entry: &str) -> Result<(String, Option<Field>), String> {
    let (header, name) = entry
        .split_once(['=', '＝'])
        .ok_or_else(|| "not a mapping (write HEADER=字段, e.g. 受理单位=单位)".to_owned())?;
    let (header, name) = (one_line(header), name.trim());
    if header.is_empty() {
        return Err("no header before `=` (write HEADER=字段, e.g. 受理单位=单位)".to_owned());
    }
    if let Some(field) = field_for(kind, &header) {
        return Err(format!(
            "`{header}` is already read as {} in a {}; it needs no mapping",
            columns::header(kind, field).unwrap_or(field.key()),
            kind.label_zh()
        ));
    }
    match name {
        "-" | "－" | "—" => Ok((header, None)),
        "" | "?" | "？" => Err(format!(
            "say which column `{header}` is, or `-` if it is not needed"
        )),
        name => match field_for(kind, name) {
            Some(field) => Ok((header, Some(field))),
            None => Err(format!(
                "`{name}` is not a column of a {} (accepted: {}, or - for a column not read)",
                kind.label_zh(),
                columns::columns(kind)
                    .map(|(_, header, _, _)| header)
                    .collect::<Vec<_>>()
                    .join("、")
            )),
        },
    }
}

/// Stores every mapping, or none of them if one is wrong.
fn map(
    ledger_path: &Path,
    kind: Kind,
    entries: &[String],
    out: &mut dyn Write,
) -> Result<ExitCode> {
    let mappings = parse_mappings(entries, |entry| parse_entry(kind, entry))?;
    let mut ledger = Ledger::open_or_create(ledger_path)?;
    // A header is one mapping however it is written (line breaks, spaces, full width).
    let replaced: Vec<String> = ledger
        .header_map()?
        .of(kind)
        .filter(|(old, _)| {
            mappings
                .iter()
                .any(|(new, _)| header_key(new) == header_key(old))
        })
        .map(|(old, _)| old.to_owned())
        .collect();
    ledger.map_headers(kind, &replaced, &mappings)?;
    for (header, field) in &mappings {
        writeln!(
            out,
            "{}: {}",
            kind.label_zh(),
            entry_text(kind, header, *field)
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Removes mappings, matched the way headers are read.
fn unmap(
    ledger_path: &Path,
    kind: Kind,
    headers: &[String],
    out: &mut dyn Write,
) -> Result<ExitCode> {
    let mut ledger = Ledger::open_existing(ledger_path)?;
    let map = ledger.header_map()?;
    let mut stored = Vec::new();
    for header in headers {
        let key = header_key(header);
        match map.of(kind).find(|(h, _)| header_key(h) == key) {
            Some((h, field)) => stored.push((h.to_owned(), field)),
            None => bail!(
                "`{header}` is not mapped in a {} (caseledger columns show lists the mappings)",
                kind.label_zh()
            ),
        }
    }
    let removed: Vec<String> = stored.iter().map(|(h, _)| h.clone()).collect();
    ledger.unmap_headers(kind, &removed)?;
    for (header, _) in stored {
        writeln!(out, "{}: {header} is no longer mapped", kind.label_zh())?;
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries() {
        let l = Kind::Litigation;
        assert_eq!(
            parse_entry(l, "负责人\n到庭=负责人出庭"),
            Ok(("负责人 到庭".to_owned(), Some(Field::HeadAppeared)))
        );
        assert_eq!(
            parse_entry(l, "受理单位＝unit"),
            Ok(("受理单位".to_owned(), Some(Field::Unit)))
        );
        assert_eq!(
            parse_entry(l, "联系地址=-"),
            Ok(("联系地址".to_owned(), None))
        );
        for wrong in [
            "受理单位",
            "=单位",
            "受理单位=?",
            "受理单位=单 位 名",
            "立案时间=立案日期",
        ] {
            assert!(parse_entry(l, wrong).is_err(), "{wrong}");
        }
    }
}
