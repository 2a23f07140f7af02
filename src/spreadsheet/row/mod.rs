//! One row → one [`Case`], or every reason it cannot be one.
//!
//! Each bad cell is reported on its own, then the consistency rules of SPEC §2.5 run
//! on what could be read, so a clerk fixes a row in one pass.

use std::borrow::Cow;

use chrono::NaiveDate;

use super::cell::{self, APPEARANCE_STYLES, BOOLEAN_STYLES, Cell, DATE_STYLES};
use super::columns::Field;
mod head;
mod record;
mod tracking;

use super::non_case::{self, NotACase};
use super::{Diagnostic, LedgerFile, MergedCell, RawRow, Severity};
use crate::model::appearance::{Appearer, Qualification, appearer, qualification};
use crate::model::case_no::{self, TypeCode};
use crate::model::outcome::OutcomeReading;
use crate::model::{Case, CaseNo, Facts, Instance, Kind, Outcome, Resolved, TrackField, Tracking};

/// What one row gave: a case (unless it had errors or was skipped) and its diagnostics.
#[derive(Debug, Default)]
pub struct ParsedRow {
    pub case: Option<Case>,
    pub diagnostics: Vec<Diagnostic>,
    /// A totals or footer row, skipped without a diagnostic (the file gets one note).
    pub not_a_case: Option<NotACase>,
    /// An outcome spelling no list or mapping knows, for the import's closing advice.
    pub unknown_outcome: Option<Box<UnknownOutcome>>,
}

/// An outcome cell nothing could read, with the canonical outcome it most resembles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownOutcome {
    pub spelling: String,
    pub closest: Option<Outcome>,
}

/// Reads cells of one row, collecting diagnostics as it goes.
struct RowReader<'a> {
    file: &'a LedgerFile,
    row: u32,
    cells: &'a mut [Cell],
    merged: &'a [MergedCell],
    /// Fields whose cell held an Excel error, already reported.
    failed: Vec<Field>,
    unknown_outcome: Option<Box<UnknownOutcome>>,
    /// Notes written beside yes/no answers, added to the case's 备注.
    kept_notes: Vec<String>,
    /// The title an appearance cell named (`局长出庭`), for a row whose title cell is empty.
    named_title: Option<String>,
    diagnostics: Vec<Diagnostic>,
}

impl RowReader<'_> {
    fn column(&self, field: Field) -> Option<usize> {
        self.file.fields.iter().position(|f| *f == Some(field))
    }

    /// The cell of a field; `None` when the column is absent or the cell blank.
    fn cell(&self, field: Field) -> Option<&Cell> {
        let cell = self.cells.get(self.column(field)?)?;
        (!cell.is_blank()).then_some(cell)
    }

    /// The normalised text of a field; `None` when the column is absent or the cell blank.
    fn text(&self, field: Field) -> Option<String> {
        self.cell(field).map(Cell::text)
    }

    /// [`RowReader::text`] for a cell that is only parsed, not kept: borrowed when it can be.
    fn text_ref(&self, field: Field) -> Option<Cow<'_, str>> {
        self.cell(field).map(Cell::text_ref)
    }

    /// Whether a cell that is read as a value (a date, an outcome, an appearance) holds
    /// one: neither blank nor a placeholder (`/`, 审理中 …).
    fn given(&self, field: Field) -> bool {
        self.text_ref(field)
            .is_some_and(|text| !cell::is_placeholder(&text))
    }

    /// A date cell: blank or a placeholder, a date, or the text that is not one.
    fn date_cell(&self, field: Field) -> DateCell {
        let date = match self.cell(field) {
            None => return DateCell::Empty,
            Some(Cell::Date(date)) => return DateCell::Date(*date),
            // A serial day number, or a date typed as digits (20210105) into a General cell.
            Some(Cell::Number(n)) => {
                cell::excel_serial_date(*n).or_else(|| cell::parse_date(&cell::number_text(*n)))
            }
            Some(other) => cell::parse_date(&other.text_ref()),
        };
        match date {
            Some(date) => DateCell::Date(date),
            None if !self.given(field) => DateCell::Empty,
            None => DateCell::NotADate(self.text(field).unwrap_or_default()),
        }
    }

    fn report(&mut self, severity: Severity, field: Option<Field>, message: String) {
        let column = field
            .and_then(|f| self.file.header_of(f))
            .map(str::to_owned);
        let index = field.and_then(|f| self.column(f));
        // A value written once in a merged cell is reported once, where it was written.
        let merged = index.and_then(|i| self.merged.iter().find(|m| m.column == i));
        let (row, cell) = match merged {
            Some(m) => {
                if !self.file.first_report_of(m, &message) {
                    return;
                }
                (
                    m.from_row,
                    self.file.cell_ref(m.from_row, Some(m.from_column)),
                )
            }
            None => (self.row, self.file.cell_ref(self.row, index)),
        };
        self.diagnostics.push(Diagnostic {
            severity,
            row: Some(row),
            cell,
            column,
            ..Diagnostic::file_error(&self.file.display, message)
        });
    }

    /// An empty cell a case needs. Where the format keeps no merges, the clerk may have
    /// written the value once over a merged block: say how to keep it.
    fn missing(&mut self, field: Field, message: &str) {
        if self.failed.contains(&field) {
            return;
        }
        let advice = if self.file.merges_known {
            ""
        } else {
            "; if it was merged over several rows, save the workbook as .xlsx, which keeps merged cells"
        };
        self.error(field, format!("{message}{advice}"));
    }

    /// Excel error values (`#REF!`, `#N/A` …) are not values: an error where the cell is
    /// parsed, a warning (and no value) in free text.
    fn excel_errors(&mut self) {
        for index in 0..self.cells.len() {
            let Some(code) = self.cells[index].excel_error().map(str::to_owned) else {
                continue;
            };
            let Some(Some(field)) = self.file.fields.get(index).copied() else {
                continue;
            };
            self.cells[index] = Cell::Empty;
            self.failed.push(field);
            if field.is_free_text() {
                self.warn(
                    field,
                    format!("the cell holds the Excel error `{code}`; read as empty"),
                );
            } else {
                self.error(
                    field,
                    format!("the cell holds the Excel error `{code}`, not a value: fix the formula or type the value"),
                );
            }
        }
    }

    fn error(&mut self, field: Field, message: String) {
        self.report(Severity::Error, Some(field), message);
    }

    fn warn(&mut self, field: Field, message: String) {
        self.report(Severity::Warning, Some(field), message);
    }

    /// A date; a placeholder (`/`, 未结案 …) reads as empty.
    fn date(&mut self, field: Field) -> Option<NaiveDate> {
        match self.date_cell(field) {
            DateCell::Empty => None,
            DateCell::Date(date) => Some(date),
            DateCell::NotADate(text) => {
                self.not_a_date(field, &text);
                None
            }
        }
    }

    fn not_a_date(&mut self, field: Field, text: &str) {
        self.error(field, format!("`{text}` is not a date (use {DATE_STYLES})"));
    }

    fn required_date(&mut self, field: Field) -> Option<NaiveDate> {
        if !self.given(field) {
            self.missing(field, "a date is required here");
            return None;
        }
        self.date(field)
    }

    /// A yes/no cell. A note in brackets after it (`是（正职）`) is kept for the case's 备注.
    fn boolean(&mut self, field: Field) -> Option<bool> {
        if let Cell::Bool(value) = self.cell(field)? {
            return Some(*value);
        }
        let appearance = field == Field::HeadAppeared;
        let Some(yes_no) = cell::parse_yes_no(&self.text_ref(field)?, appearance) else {
            let text = self.text(field).unwrap_or_default();
            if cell::is_placeholder(&text) {
                return None;
            }
            if appearance && let Some(appeared) = self.named_appearance(&text) {
                return Some(appeared);
            }
            let styles = if appearance {
                APPEARANCE_STYLES
            } else {
                BOOLEAN_STYLES
            };
            self.error(field, format!("`{text}` is not yes or no (use {styles})"));
            return None;
        };
        if let Some(note) = yes_no.note {
            self.keep_note(field, &note);
        }
        Some(yes_no.value)
    }

    /// An appearance cell naming who appeared (`局长出庭`, `委托律师出庭`): whether the head
    /// did, with the title it names kept for an empty title cell and a stand-in kept in
    /// 备注. `None` when the cell is not of that form.
    fn named_appearance(&mut self, text: &str) -> Option<bool> {
        let (word, note) = cell::split_note(text)?;
        let appeared = match appearer(word)? {
            Appearer::Head(title) => {
                self.named_title = Some(title);
                true
            }
            Appearer::StandIn => {
                self.keep_note(Field::HeadAppeared, word);
                false
            }
            Appearer::Nobody => false,
        };
        if let Some(note) = note.filter(|n| !n.is_empty()) {
            self.keep_note(Field::HeadAppeared, note);
        }
        Some(appeared)
    }

    /// Keeps what a clerk wrote beside a value for the case's 备注, under its header.
    fn keep_note(&mut self, field: Field, note: &str) {
        let header = self.file.header_of(field).unwrap_or(field.key());
        self.kept_notes.push(format!("{header}：{note}"));
    }

    /// The outcome, read for the row's kind and instance: the built-in spellings, then
    /// the ones users mapped; a note in brackets after a known outcome goes to 备注, a
    /// placeholder (审理中, 尚未判决 …) reads as empty. An unknown spelling is remembered
    /// for the closing advice.
    fn outcome(&mut self, kind: Kind, instance: Option<Instance>) -> Option<Outcome> {
        // Nearly every row names a built-in spelling: read it without copying the cell.
        let reading = Outcome::read(kind, instance, &self.text_ref(Field::Outcome)?);
        if let OutcomeReading::Known(outcome) = reading {
            return Some(outcome);
        }
        let text = self.text(Field::Outcome).unwrap_or_default();
        if cell::is_placeholder(&text) {
            return None;
        }
        if let Some((word, Some(note))) = cell::split_note(&text)
            && let OutcomeReading::Known(outcome) = Outcome::read(kind, instance, word)
        {
            if !note.is_empty() {
                self.keep_note(Field::Outcome, note);
            }
            return Some(outcome);
        }
        let mut reading = reading;
        if reading == OutcomeReading::Unknown
            && let Some(mapped) = self
                .file
                .outcome_map
                .as_deref()
                .and_then(|map| map.lookup(kind, instance, &text))
        {
            reading = mapped;
        }
        match reading {
            OutcomeReading::Known(outcome) => return Some(outcome),
            OutcomeReading::WrongInstance(outcome) => self.error(
                Field::Outcome,
                format!("`{text}` ({outcome}) ends a 二审 or 再审, not a 一审: check the 审级 or the outcome"),
            ),
            OutcomeReading::Unknown => {
                let accepted: Vec<&str> = Outcome::accepted_for(kind, instance)
                    .map(Outcome::name)
                    .collect();
                let whose = match instance {
                    Some(instance) if kind == Kind::Litigation => {
                        format!("{} {}", kind.label_zh(), instance.label_zh())
                    }
                    _ => kind.label_zh().to_owned(),
                };
                self.error(
                    Field::Outcome,
                    format!(
                        "`{text}` is not a {whose} outcome (accepted: {}); map your wording once with caseledger outcomes map",
                        accepted.join("、")
                    ),
                );
                self.unknown_outcome = Some(Box::new(UnknownOutcome {
                    closest: Outcome::closest(kind, instance, &text),
                    spelling: text,
                }));
            }
        }
        None
    }

    fn instance(&mut self, case_no: Option<&CaseNo>) -> Option<Instance> {
        let from_code = case_no.map_or(TypeCode::Unknown, case_no::type_code);
        if let Some(text) = self.text(Field::Instance) {
            let Some(instance) = Instance::from_cell(&text) else {
                self.error(
                    Field::Instance,
                    format!("`{text}` is not an instance (use 一审, 二审 or 再审)"),
                );
                return None;
            };
            if let TypeCode::Instance(code, implied) = from_code
                && implied != instance
            {
                self.warn(
                    Field::Instance,
                    format!("`{text}` disagrees with the case number's type code {code} ({}); using {text}", implied.label_zh()),
                );
            }
            return Some(instance);
        }
        let case_no = case_no?;
        match from_code {
            TypeCode::Instance(_, instance) => Some(instance),
            TypeCode::NotAnInstance(code) => {
                self.error(
                    Field::CaseNo,
                    format!("`{case_no}` has type code {code}, which is not a lawsuit's 一审, 二审 or 再审; give its 审级"),
                );
                None
            }
            TypeCode::Unknown => {
                self.error(
                    Field::CaseNo,
                    format!("the instance of `{case_no}` is unknown: add a 审级 column (一审/二审/再审) or use a 案号 with a type code such as 行初, 行终 or 行申"),
                );
                None
            }
        }
    }
}

impl LedgerFile {
    /// Turns one raw row into a case; `None` for rows without data in any ledger column
    /// (blank rows, and template rows that only carry a 序号), which are skipped.
    #[must_use]
    pub fn parse(&self, raw: &mut RawRow) -> Option<ParsedRow> {
        if raw.cells.iter().all(Cell::is_blank) {
            return None;
        }
        if let Some(why) = non_case::classify(&raw.cells) {
            return Some(ParsedRow {
                not_a_case: Some(why),
                ..ParsedRow::default()
            });
        }
        let has_data = raw.cells.iter().enumerate().any(|(index, cell)| {
            self.fields.get(index).is_some_and(Option::is_some) && !cell.is_blank()
        });
        if !has_data {
            return None;
        }
        let mut r = RowReader {
            file: self,
            row: raw.row,
            cells: &mut raw.cells,
            merged: &raw.merged,
            failed: Vec::new(),
            unknown_outcome: None,
            kept_notes: Vec::new(),
            named_title: None,
            diagnostics: Vec::new(),
        };
        r.excel_errors();
        let case_no_text = case_number(&mut r);
        let case = if self.kind.is_case() {
            let reading = Reading::read(&mut r, case_no_text.as_deref());
            check_consistency(&mut r, &reading);
            tracking::check_order(&mut r, &reading.tracking);
            reading.into_case(self.kind)
        } else {
            record::read(&mut r, case_no_text.as_deref())
        };
        let has_errors = r.diagnostics.iter().any(Diagnostic::is_error);
        Some(ParsedRow {
            case: if has_errors { None } else { case },
            diagnostics: r.diagnostics,
            not_a_case: None,
            unknown_outcome: r.unknown_outcome,
        })
    }
}

/// Everything one row's cells said, read cell by cell before the row is judged whole,
/// so the consistency rules run even on a row that cannot become a case.
struct Reading {
    case_no: Option<CaseNo>,
    unit: Option<String>,
    matter: Option<String>,
    /// 收案日期 or 立案日期.
    opened_on: Option<NaiveDate>,
    accepted_on: Option<NaiveDate>,
    closed_on: Option<NaiveDate>,
    outcome: Option<Outcome>,
    /// Whether the outcome cell was filled (even with an unknown outcome).
    outcome_given: bool,
    corrected: Option<bool>,
    respondent: Option<String>,
    instance: Option<Instance>,
    court: Option<String>,
    defendant: Option<String>,
    hearing_on: Option<NaiveDate>,
    head_appeared: Option<bool>,
    head_name: Option<String>,
    head_title: Option<String>,
    lost: Option<bool>,
    lead: Option<String>,
    note: Option<String>,
    tracking: Tracking,
}

impl Reading {
    fn read(r: &mut RowReader, case_no_text: Option<&str>) -> Reading {
        let kind = r.file.kind;
        let case_no = case_no_text.and_then(CaseNo::new);
        if case_no.is_none() && case_no_text.is_some() {
            let text = case_no_text.unwrap_or_default();
            r.error(Field::CaseNo, format!("`{text}` is not a case number"));
        } else if case_no.is_none() && r.text(Field::CaseNo).is_none() {
            r.missing(Field::CaseNo, "the case number (案号) is empty");
        }
        let unit = unit(r);
        let opened_field = opened_field(kind);
        let instance = if kind == Kind::Litigation {
            r.instance(case_no.as_ref())
        } else {
            None
        };
        let tracked = tracking::read(r, kind);
        let hearing_on = hearing_on(r, tracked.hearing_day);
        let (head_name, head_title) = head::read(r);
        Reading {
            tracking: tracked.tracking,
            instance,
            case_no,
            unit,
            matter: r.text(Field::Matter),
            opened_on: r.required_date(opened_field),
            accepted_on: r.date(Field::AcceptedOn),
            closed_on: r.date(Field::ClosedOn),
            outcome_given: r.given(Field::Outcome),
            outcome: r.outcome(kind, instance),
            corrected: r.boolean(Field::Corrected),
            respondent: r.text(Field::Respondent),
            court: r.text(Field::Court),
            defendant: r.text(Field::Defendant),
            hearing_on,
            head_appeared: r.boolean(Field::HeadAppeared),
            head_name,
            head_title: head_title.or_else(|| r.named_title.take()),
            lost: r.boolean(Field::Lost),
            lead: r.text(Field::Lead),
            note: with_kept_notes(r.text(Field::Note), &r.kept_notes),
        }
    }

    /// The case, when every fact it needs could be read.
    fn into_case(self, kind: Kind) -> Option<Case> {
        let facts = match kind {
            // Read by `record`.
            Kind::Rectification | Kind::Dispute => return None,
            Kind::Reconsideration => Facts::Reconsideration {
                respondent: self.respondent,
                received_on: self.opened_on?,
                accepted_on: self.accepted_on,
                corrected: self.corrected,
            },
            Kind::Litigation => Facts::Litigation {
                instance: self.instance?,
                court: self.court,
                defendant: self.defendant,
                filed_on: self.opened_on?,
                hearing_on: self.hearing_on,
                head_appeared: self.head_appeared,
                head_name: self.head_name,
                head_title: self.head_title,
                lost: self.lost,
            },
        };
        Some(Case {
            case_no: self.case_no?,
            unit: self.unit?,
            matter: self.matter,
            closed_on: self.closed_on,
            outcome: self.outcome,
            lead: self.lead,
            note: self.note,
            facts,
            tracking: self.tracking,
        })
    }
}

/// The unit of the row (or the file's), by the registry's name.
fn unit(r: &mut RowReader) -> Option<String> {
    if let Some(unit) = r.text(Field::Unit).or_else(|| r.file.unit_default.clone()) {
        canonical_unit(r, unit)
    } else {
        r.missing(Field::Unit, "the unit is empty (fill it in or give --unit)");
        None
    }
}

/// The column a case's ledger opens it with: 收案日期 or 立案日期.
fn opened_field(kind: Kind) -> Field {
    match kind {
        Kind::Litigation => Field::FiledOn,
        Kind::Rectification => Field::IssuedOn,
        Kind::Reconsideration | Kind::Dispute => Field::ReceivedOn,
    }
}

/// 开庭日期, or the date of 开庭时间 where that is all the row gives; a warning when the
/// two disagree. A cell with several hearings gives the first, the rest kept in 备注.
fn hearing_on(r: &mut RowReader, from_time: Option<NaiveDate>) -> Option<NaiveDate> {
    let written = match r.date_cell(Field::HearingOn) {
        DateCell::Empty => None,
        DateCell::Date(date) => Some(date),
        DateCell::NotADate(text) => {
            if let Some((first, rest)) = cell::first_of_several_dates(&text) {
                r.keep_note(Field::HearingOn, rest);
                r.warn(
                    Field::HearingOn,
                    format!("`{text}` holds several hearing dates: the hearing is the first, {first}; the rest is kept in 备注"),
                );
                Some(first)
            } else {
                r.not_a_date(Field::HearingOn, &text);
                None
            }
        }
    };
    if let (Some(day), Some(other)) = (written, from_time)
        && day != other
    {
        let header = r
            .file
            .header_of(Field::HearingOn)
            .unwrap_or("开庭日期")
            .to_owned();
        r.warn(
            Field::Track(TrackField::HearingAt),
            format!("the hearing time is on {other} but {header} says {day}; using {day}"),
        );
    }
    written.or(from_time)
}

/// The 备注 with the notes written beside yes/no answers (`负责人出庭：正职`), so that
/// nothing a clerk wrote is lost.
fn with_kept_notes(note: Option<String>, kept: &[String]) -> Option<String> {
    if kept.is_empty() {
        return note;
    }
    let kept = kept.join("；");
    Some(match note {
        Some(note) => format!("{note}；{kept}"),
        None => kept,
    })
}

/// The registry's name for a unit; without a registry, the name as written.
fn canonical_unit(r: &mut RowReader, unit: String) -> Option<String> {
    let Some(registry) = r.file.units.as_deref().filter(|u| !u.is_empty()) else {
        return Some(unit);
    };
    match registry.resolve(&unit) {
        Resolved::Unit(name) => Some(name.to_owned()),
        Resolved::Unknown(closest) => {
            r.error(
                Field::Unit,
                format!(
                    "`{unit}` is not a unit of the registry (closest: {}); fix the name, or add it as an alias with caseledger units import",
                    closest.join("、")
                ),
            );
            None
        }
    }
}

/// The case number's text, refusing what Excel made of a number-looking 案号.
fn case_number(r: &mut RowReader) -> Option<String> {
    let text = r.text(Field::CaseNo)?;
    let as_number = matches!(r.cell(Field::CaseNo), Some(Cell::Number(_)));
    if as_number || cell::is_scientific_notation(&text) {
        let how = if as_number {
            "stored as a number"
        } else {
            "in scientific notation"
        };
        r.error(
            Field::CaseNo,
            format!("the case number `{text}` is {how}: Excel converted it; format the 案号 column as text and type it again"),
        );
        return None;
    }
    Some(text)
}

/// SPEC §2.5: errors for impossible rows, warnings for doubtful ones, on whatever the
/// row's cells gave.
fn check_consistency(r: &mut RowReader, row: &Reading) {
    match (row.closed_on, row.outcome_given) {
        (Some(_), false) if r.file.header_of(Field::Outcome).is_some() => {
            r.error(Field::Outcome, "a closed case needs its outcome".to_owned());
        }
        (Some(_), false) => r.error(
            Field::ClosedOn,
            "a closed case needs its outcome, and the file has no 结案方式 column".to_owned(),
        ),
        (None, true) => {
            let outcome = r.text(Field::Outcome).unwrap_or_default();
            r.error(
                Field::ClosedOn,
                format!("the outcome is `{outcome}` but the closing date is empty"),
            );
        }
        _ => {}
    }
    if let Some(opened_on) = row.opened_on {
        let opened_field = opened_field(r.file.kind);
        let opened_header = r
            .file
            .header_of(opened_field)
            .unwrap_or(opened_field.key())
            .to_owned();
        for (field, date) in [
            (Field::ClosedOn, row.closed_on),
            (Field::AcceptedOn, row.accepted_on),
            (Field::HearingOn, row.hearing_on),
        ] {
            if let Some(date) = date
                && date < opened_on
            {
                r.error(
                    field,
                    format!("{date} is before {opened_header} {opened_on}"),
                );
            }
        }
    }
    if row.accepted_on.is_some() && row.outcome == Some(Outcome::NotAccepted) {
        r.warn(
            Field::AcceptedOn,
            "the outcome is 不予受理 but the case has an acceptance date".to_owned(),
        );
    }
    if row.head_appeared == Some(true) {
        if row.hearing_on.is_none() {
            r.warn(
                Field::HeadAppeared,
                "the head is marked as appearing but there is no hearing date".to_owned(),
            );
        }
        check_title(r, row.head_title.as_deref());
    }
}

/// What a date cell holds.
enum DateCell {
    /// Blank, or a placeholder (`/`, 未开庭 …).
    Empty,
    Date(NaiveDate),
    NotADate(String),
}

/// Flags an appearance that does not count as the agency head's under the 2020 provisions
/// (the qualified appearance rate leaves it out).
fn check_title(r: &mut RowReader, title: Option<&str>) {
    let Some(title) = title else {
        let field = if r.file.header_of(Field::HeadTitle).is_some() {
            Field::HeadTitle
        } else {
            Field::HeadAppeared
        };
        r.warn(
            field,
            "the head appeared but no title (职务) is given: the qualified appearance rate cannot count it".to_owned(),
        );
        return;
    };
    match qualification(Some(title)) {
        Qualification::Qualifies => {}
        Qualification::DoesNotQualify => r.warn(
            Field::HeadTitle,
            format!(
                "`{title}` is not a 正职, 副职 or 分管负责人 of the defendant agency: under the 2020 provisions on heads appearing in court this is not the head's appearance"
            ),
        ),
        Qualification::Unknown => r.warn(
            Field::HeadTitle,
            format!(
                "cannot tell whether `{title}` is a 正职, 副职 or 分管负责人 of the defendant agency; the qualified appearance rate leaves it out"
            ),
        ),
    }
}

#[cfg(test)]
mod tests;
