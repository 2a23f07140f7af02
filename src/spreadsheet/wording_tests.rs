//! The corpus of real wording (`tests/data/wording/`): every cell and header spelling seen
//! in ledgers, judgments and bureau forms, with the reading it must get, run line by line.
//! Every spelling added to the reader enters it.

use std::path::PathBuf;

use super::cell::{
    first_of_several_dates, is_placeholder, normalise, parse_date, parse_yes_no, split_note,
};
use super::columns::{describe, field_for};
use super::suggest::{Suggestion, suggest};
use crate::model::appearance::{Appearer, appearer};
use crate::model::outcome::OutcomeReading;
use crate::model::period::iso;
use crate::model::{Instance, Kind, Outcome};

/// One line of a corpus file: what it reads, for which ledger, the spelling, the reading.
struct Line {
    number: usize,
    what: String,
    kind: Option<Kind>,
    instance: Option<Instance>,
    spelling: String,
    expected: String,
}

fn corpus(name: &str) -> Vec<Line> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/wording")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.starts_with('#') && !line.trim().is_empty())
        .map(|(index, line)| {
            let parts: Vec<&str> = line.split('\t').collect();
            let [what, kind, instance, spelling, expected] = parts[..] else {
                panic!(
                    "{name}:{}: not five tab-separated fields: {line}",
                    index + 1
                );
            };
            let kind = match kind {
                "复议" => Some(Kind::Reconsideration),
                "应诉" => Some(Kind::Litigation),
                _ => None,
            };
            Line {
                number: index + 1,
                what: what.to_owned(),
                kind,
                instance: Instance::from_cell(instance),
                spelling: spelling.replace("\\n", "\n"),
                expected: expected.to_owned(),
            }
        })
        .collect()
}

/// What the reader makes of one cell line, in the corpus's words.
fn reading(line: &Line) -> String {
    let text = normalise(&line.spelling).into_owned();
    let kind = line.kind.unwrap_or(Kind::Litigation);
    match line.what.as_str() {
        "outcome" => match outcome_cell(kind, line.instance, &text) {
            OutcomeReading::Known(outcome) => outcome.name().to_owned(),
            OutcomeReading::WrongInstance(outcome) => format!("wrong instance: {outcome}"),
            OutcomeReading::Unknown => "unknown".to_owned(),
        },
        "suggest" => match Outcome::read(kind, line.instance, &text) {
            OutcomeReading::Known(outcome) => outcome.name().to_owned(),
            OutcomeReading::WrongInstance(_) | OutcomeReading::Unknown => {
                Outcome::closest(kind, line.instance, &text)
                    .map_or("?", Outcome::name)
                    .to_owned()
            }
        },
        "placeholder" => (if is_placeholder(&text) { "空" } else { "值" }).to_owned(),
        "appearance" => appearance(&text),
        "hearing" => {
            match parse_date(&text).or_else(|| first_of_several_dates(&text).map(|(d, _)| d)) {
                Some(date) => iso(date),
                None if is_placeholder(&text) => "空".to_owned(),
                None => "not a date".to_owned(),
            }
        }
        other => panic!("line {}: unknown reading `{other}`", line.number),
    }
}

/// An outcome cell as the row reader reads it: the spelling, or the spelling before a
/// note in brackets (the note goes to 备注).
fn outcome_cell(kind: Kind, instance: Option<Instance>, text: &str) -> OutcomeReading {
    match Outcome::read(kind, instance, text) {
        OutcomeReading::Unknown => split_note(text).map_or(OutcomeReading::Unknown, |(word, _)| {
            Outcome::read(kind, instance, word)
        }),
        reading => reading,
    }
}

fn appearance(text: &str) -> String {
    if let Some(yes_no) = parse_yes_no(text, true) {
        return (if yes_no.value { "出庭" } else { "未出庭" }).to_owned();
    }
    if is_placeholder(text) {
        return "空".to_owned();
    }
    match appearer(text) {
        Some(Appearer::Head(title)) => format!("出庭:{title}"),
        Some(Appearer::StandIn | Appearer::Nobody) => "未出庭".to_owned(),
        None => "not an appearance".to_owned(),
    }
}

#[test]
fn every_cell_spelling_reads_as_the_corpus_says() {
    let lines = corpus("cells.tsv");
    let wrong: Vec<String> = lines
        .iter()
        .filter_map(|line| {
            let got = reading(line);
            (got != line.expected).then(|| {
                format!(
                    "cells.tsv:{}: `{}` read as {got}, not {}",
                    line.number, line.spelling, line.expected
                )
            })
        })
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// A wrong suggestion without a `?` is worse than a `?`: every built-in spelling of the
/// corpus, taken as unknown, must be suggested its own outcome.
#[test]
fn suggestions_never_name_another_outcome_for_a_corpus_spelling() {
    let wrong: Vec<String> = corpus("cells.tsv")
        .iter()
        .filter(|line| line.what == "outcome")
        .filter_map(|line| {
            let kind = line.kind?;
            let suggested = Outcome::closest(kind, line.instance, &line.spelling);
            (suggested.map(Outcome::name) != Some(line.expected.as_str())).then(|| {
                format!(
                    "cells.tsv:{}: `{}` suggests {suggested:?}, not {}",
                    line.number, line.spelling, line.expected
                )
            })
        })
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The field the header reader gives a header, by its canonical 中文 header.
fn header_reading(line: &Line) -> Option<String> {
    let kind = line.kind?;
    Some(canonical_header(kind, field_for(kind, &line.spelling)?))
}

/// A field's canonical 中文 header in a kind's ledger, without its aliases.
fn canonical_header(kind: Kind, field: super::columns::Field) -> String {
    let described = describe(kind, field);
    described
        .split(" (")
        .next()
        .unwrap_or(&described)
        .to_owned()
}

/// Headers the reader knows are read as the corpus says; those it does not know yet are
/// left to [`every_header_spelling_is_read`].
#[test]
fn no_header_spelling_is_read_as_another_field() {
    let wrong: Vec<String> = corpus("headers.tsv")
        .iter()
        .filter_map(|line| {
            let got = header_reading(line)?;
            (got != line.expected).then(|| {
                format!(
                    "headers.tsv:{}: `{}` read as {got}, not {}",
                    line.number, line.spelling, line.expected
                )
            })
        })
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Every header of the corpus is read: directly by the header reader (normalised headers,
/// 时间 ≡ 日期, 是否X ≡ X …), or, where offices use a word for a column that no header rule
/// reads on its own (受理单位, 审理结果), suggested as that column in the `columns map`
/// line of the first import.
#[test]
fn every_header_spelling_is_read_or_suggested() {
    let missing: Vec<String> = corpus("headers.tsv")
        .iter()
        .filter(|line| {
            let read = header_reading(line).or_else(|| header_suggestion(line));
            read.as_deref() != Some(line.expected.as_str())
        })
        .map(|line| {
            format!(
                "headers.tsv:{}: `{}` is neither read nor suggested as {}",
                line.number, line.spelling, line.expected
            )
        })
        .collect();
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

/// The field the `columns map` line suggests for a header no rule reads (no values
/// sampled, no field taken), by its canonical 中文 header.
fn header_suggestion(line: &Line) -> Option<String> {
    let kind = line.kind?;
    match suggest(kind, &line.spelling, &[], &|_| false) {
        Suggestion::Field(field) => Some(canonical_header(kind, field)),
        Suggestion::NotRead | Suggestion::Unsure => None,
    }
}
