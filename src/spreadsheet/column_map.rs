//! What each column of one file means in its ledger kind: the user's `columns map` first,
//! then the built-in headers, then the list of columns known not to matter; a column none
//! of these knows is an error naming it, with the `columns map` line that settles it.

use std::collections::BTreeMap;

use super::cell::Cell;
use super::columns::{self, Field};
use super::suggest::{self, Suggestion};
use super::{Diagnostic, RawRow, UnknownHeader};
use crate::model::{HeaderMap, Kind};

/// What a header's names mean in one ledger kind.
pub(super) struct ColumnMap<'a> {
    /// For each column, the field it holds.
    pub(super) fields: Vec<Option<Field>>,
    /// Each field given, with the header that gives it.
    pub(super) seen: BTreeMap<Field, &'a str>,
    pub(super) unknown_columns: Vec<String>,
    pub(super) personal_columns: Vec<String>,
    pub(super) unknown_headers: Vec<UnknownHeader>,
    /// One error per unknown header: the file cannot be imported, but its rows are read.
    pub(super) header_errors: Vec<Diagnostic>,
    /// Two columns giving one field.
    pub(super) errors: Vec<Diagnostic>,
}

/// What a header means: the user's mapping first, then the built-in headers.
enum Meaning {
    Field(Field),
    NotRead,
    Personal,
    Unknown,
}

fn meaning(kind: Kind, header: &str, mapped: Option<&HeaderMap>) -> Meaning {
    let key = columns::header_key(header);
    let user = mapped.and_then(|map| {
        map.of(kind)
            .find(|(h, _)| columns::header_key(h) == key)
            .map(|(_, field)| field)
    });
    match (user, columns::field_for(kind, header)) {
        (Some(Some(field)), _) | (None, Some(field)) => Meaning::Field(field),
        (Some(None), _) => Meaning::NotRead,
        (None, None) if header.is_empty() || columns::is_ignorable(header) => Meaning::NotRead,
        (None, None) if columns::is_personal(header) => Meaning::Personal,
        (None, None) => Meaning::Unknown,
    }
}

pub(super) fn map_columns<'a>(
    kind: Kind,
    headers: &'a [String],
    sample: &[&RawRow],
    mapped: Option<&HeaderMap>,
    at_header: &dyn Fn(Option<&str>, String) -> Diagnostic,
) -> ColumnMap<'a> {
    let mut columns = ColumnMap {
        fields: Vec::with_capacity(headers.len()),
        seen: BTreeMap::new(),
        unknown_columns: Vec::new(),
        personal_columns: Vec::new(),
        unknown_headers: Vec::new(),
        header_errors: Vec::new(),
        errors: Vec::new(),
    };
    let meanings: Vec<Meaning> = headers.iter().map(|h| meaning(kind, h, mapped)).collect();
    for (header_text, meaning) in headers.iter().zip(&meanings) {
        let field = match meaning {
            Meaning::Field(field) => Some(*field),
            Meaning::NotRead | Meaning::Unknown => None,
            Meaning::Personal => {
                columns.personal_columns.push(header_text.clone());
                None
            }
        };
        if matches!(meaning, Meaning::NotRead)
            && !header_text.is_empty()
            && !columns::is_layout(header_text)
        {
            columns.unknown_columns.push(header_text.clone());
        }
        if let Some(field) = field
            && let Some(earlier) = columns.seen.insert(field, header_text)
        {
            columns.errors.push(at_header(
                Some(header_text),
                format!(
                    "columns `{earlier}` and `{header_text}` both give `{}`; keep one",
                    field.key()
                ),
            ));
        }
        columns.fields.push(field);
    }
    // Unknown columns last, so that a suggestion never takes a field a known column gives.
    for (index, meaning) in meanings.iter().enumerate() {
        if !matches!(meaning, Meaning::Unknown) {
            continue;
        }
        let header_text = &headers[index];
        let values: Vec<&Cell> = sample.iter().filter_map(|r| r.cells.get(index)).collect();
        let suggestion = suggest::suggest(kind, header_text, &values, &|f| {
            columns.seen.contains_key(&f)
        });
        if let Suggestion::Field(field) = suggestion {
            columns.seen.insert(field, header_text);
            columns.fields[index] = Some(field);
        }
        columns.header_errors.push(at_header(
            Some(header_text),
            unknown_header_message(kind, header_text, suggestion),
        ));
        columns.unknown_headers.push(UnknownHeader {
            kind,
            header: header_text.clone(),
            suggestion,
        });
    }
    columns
}

/// The error for a header nothing knows, ending with the line that settles it.
fn unknown_header_message(kind: Kind, header: &str, suggestion: Suggestion) -> String {
    let what = match suggestion {
        Suggestion::Field(field) => format!(
            "it looks like {} (read so in this run): check, then run",
            columns::header(kind, field).unwrap_or(field.key())
        ),
        Suggestion::NotRead => {
            "it resembles no column read; if it is not needed, acknowledge it with".to_owned()
        }
        Suggestion::Unsure => {
            "name the column it is (`-` if it is not needed), then run".to_owned()
        }
    };
    format!(
        "unknown column `{header}` in this {} file: {what} {}",
        kind.label_zh(),
        columns_map_line(kind, &[(header, suggestion)])
    )
}

/// A ready `caseledger columns map` line for headers of one kind, each with its
/// suggested field, `-` (not read) or `?` (to be decided).
#[must_use]
pub fn columns_map_line(kind: Kind, entries: &[(&str, Suggestion)]) -> String {
    let entries: Vec<String> = entries
        .iter()
        .map(|(header, suggestion)| {
            let field = match suggestion {
                Suggestion::Field(field) => columns::header(kind, *field).unwrap_or(field.key()),
                Suggestion::NotRead => "-",
                Suggestion::Unsure => "?",
            };
            shell_quote(&format!("{header}={field}"))
        })
        .collect();
    format!(
        "caseledger columns map {} --kind {}",
        entries.join(" "),
        kind.key()
    )
}

/// Single-quotes a word for a shell command line a user copies.
#[must_use]
pub fn shell_quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', "'\\''"))
}
