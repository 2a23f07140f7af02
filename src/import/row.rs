//! One row → one [`Case`], or every reason it cannot be one.
//!
//! Each bad cell is reported on its own, then the consistency rules of SPEC §2.5 run
//! on what could be read, so a clerk fixes a row in one pass.

use chrono::NaiveDate;

use super::cell::{self, BOOLEAN_STYLES, Cell, DATE_STYLES};
use super::columns::Field;
use super::{Diagnostic, LedgerFile, RawRow, Severity};
use crate::model::appearance::{Qualification, qualification};
use crate::model::case_no::{self, TypeCode};
use crate::model::{Case, CaseNo, Facts, Instance, Kind, Outcome, Resolved};

/// What one row gave: a case (unless it had errors or was skipped) and its diagnostics.
#[derive(Debug, Default)]
pub struct ParsedRow {
    pub case: Option<Case>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Case numbers that mark a totals row at the foot of a ledger rather than a case.
const TOTALS: &[&str] = &["合计", "总计", "小计"];

/// Reads cells of one row, collecting diagnostics as it goes.
struct RowReader<'a> {
    file: &'a LedgerFile,
    row: u32,
    cells: Vec<Cell>,
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

    fn report(&mut self, severity: Severity, field: Option<Field>, message: String) {
        let column = field
            .and_then(|f| self.file.header_of(f))
            .map(str::to_owned);
        let index = field.and_then(|f| self.column(f));
        self.diagnostics.push(Diagnostic {
            severity,
            row: Some(self.row),
            cell: self.file.cell_ref(self.row, index),
            column,
            ..Diagnostic::file_error(&self.file.display, message)
        });
    }

    fn error(&mut self, field: Field, message: String) {
        self.report(Severity::Error, Some(field), message);
    }

    fn warn(&mut self, field: Field, message: String) {
        self.report(Severity::Warning, Some(field), message);
    }

    fn date(&mut self, field: Field) -> Option<NaiveDate> {
        let date = match self.cell(field)? {
            Cell::Date(date) => return Some(*date),
            Cell::Number(serial) => cell::excel_serial_date(*serial),
            other => cell::parse_date(&other.text()),
        };
        if date.is_none() {
            let text = self.text(field).unwrap_or_default();
            self.error(field, format!("`{text}` is not a date (use {DATE_STYLES})"));
        }
        date
    }

    fn required_date(&mut self, field: Field) -> Option<NaiveDate> {
        if self.text(field).is_none() {
            self.error(field, "a date is required here".to_owned());
            return None;
        }
        self.date(field)
    }

    fn boolean(&mut self, field: Field) -> Option<bool> {
        if let Cell::Bool(value) = self.cell(field)? {
            return Some(*value);
        }
        let text = self.text(field)?;
        let value = cell::parse_bool(&text);
        if value.is_none() {
            self.error(
                field,
                format!("`{text}` is not yes or no (use {BOOLEAN_STYLES})"),
            );
        }
        value
    }

    fn outcome(&mut self, kind: Kind) -> Option<Outcome> {
        let text = self.text(Field::Outcome)?;
        let outcome = Outcome::parse(kind, &text);
        if outcome.is_none() {
            let accepted: Vec<&str> = Outcome::accepted(kind).map(Outcome::name).collect();
            self.error(
                Field::Outcome,
                format!(
                    "`{text}` is not a {} outcome (accepted: {})",
                    kind.label_zh(),
                    accepted.join("、")
                ),
            );
        }
        outcome
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
    /// Turns one raw row into a case; `None` for blank rows, which are skipped.
    #[must_use]
    pub fn parse(&self, raw: RawRow) -> Option<ParsedRow> {
        if raw.cells.iter().all(Cell::is_blank) {
            return None;
        }
        let mut r = RowReader {
            file: self,
            row: raw.row,
            cells: raw.cells,
            diagnostics: Vec::new(),
        };
        let case_no_text = case_number(&mut r);
        if let Some(text) = &case_no_text
            && TOTALS.contains(&text.as_str())
        {
            r.warn(
                Field::CaseNo,
                format!("a `{text}` row is a total, not a case; skipped"),
            );
            return Some(ParsedRow {
                case: None,
                diagnostics: r.diagnostics,
            });
        }
        let case_no = case_no_text.as_deref().and_then(CaseNo::new);
        if case_no.is_none() && r.text(Field::CaseNo).is_none() {
            r.error(Field::CaseNo, "the case number (案号) is empty".to_owned());
        }
        let unit = if let Some(unit) = r.text(Field::Unit).or_else(|| self.unit_default.clone()) {
            canonical_unit(&mut r, unit)
        } else {
            r.error(
                Field::Unit,
                "the unit is empty (fill it in or give --unit)".to_owned(),
            );
            None
        };
        let matter = r.text(Field::Matter);
        let closed_on = r.date(Field::ClosedOn);
        let outcome = r.outcome(self.kind);
        let lead = r.text(Field::Lead);
        let note = r.text(Field::Note);
        let facts = match self.kind {
            Kind::Reconsideration => reconsideration_facts(&mut r),
            Kind::Litigation => litigation_facts(&mut r, case_no.as_ref()),
        };
        let case = match (case_no, unit, facts) {
            (Some(case_no), Some(unit), Some(facts)) => Some(Case {
                case_no,
                unit,
                matter,
                closed_on,
                outcome,
                lead,
                note,
                facts,
            }),
            _ => None,
        };
        if let Some(case) = &case {
            check_consistency(&mut r, case);
        }
        let has_errors = r.diagnostics.iter().any(Diagnostic::is_error);
        Some(ParsedRow {
            case: if has_errors { None } else { case },
            diagnostics: r.diagnostics,
        })
    }
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

fn reconsideration_facts(r: &mut RowReader) -> Option<Facts> {
    let respondent = r.text(Field::Respondent);
    let received_on = r.required_date(Field::ReceivedOn);
    let accepted_on = r.date(Field::AcceptedOn);
    let corrected = r.boolean(Field::Corrected);
    Some(Facts::Reconsideration {
        respondent,
        received_on: received_on?,
        accepted_on,
        corrected,
    })
}

fn litigation_facts(r: &mut RowReader, case_no: Option<&CaseNo>) -> Option<Facts> {
    let instance = r.instance(case_no);
    let court = r.text(Field::Court);
    let defendant = r.text(Field::Defendant);
    let filed_on = r.required_date(Field::FiledOn);
    let hearing_on = r.date(Field::HearingOn);
    let head_appeared = r.boolean(Field::HeadAppeared);
    let head_name = r.text(Field::HeadName);
    let head_title = r.text(Field::HeadTitle);
    let lost = r.boolean(Field::Lost);
    Some(Facts::Litigation {
        instance: instance?,
        court,
        defendant,
        filed_on: filed_on?,
        hearing_on,
        head_appeared,
        head_name,
        head_title,
        lost,
    })
}

/// SPEC §2.5: errors for impossible rows, warnings for doubtful ones.
fn check_consistency(r: &mut RowReader, case: &Case) {
    match (case.closed_on, case.outcome) {
        (Some(_), None) => r.error(Field::Outcome, "a closed case needs its outcome".to_owned()),
        (None, Some(outcome)) => r.error(
            Field::ClosedOn,
            format!("the outcome is `{outcome}` but the closing date is empty"),
        ),
        _ => {}
    }
    let (opened_field, opened_on) = match &case.facts {
        Facts::Reconsideration { received_on, .. } => (Field::ReceivedOn, *received_on),
        Facts::Litigation { filed_on, .. } => (Field::FiledOn, *filed_on),
    };
    let opened_header = r
        .file
        .header_of(opened_field)
        .unwrap_or(opened_field.key())
        .to_owned();
    let not_before_opening = |r: &mut RowReader, field: Field, date: Option<NaiveDate>| {
        if let Some(date) = date
            && date < opened_on
        {
            r.error(
                field,
                format!("{date} is before {opened_header} {opened_on}"),
            );
        }
    };
    not_before_opening(r, Field::ClosedOn, case.closed_on);
    match &case.facts {
        Facts::Reconsideration { accepted_on, .. } => {
            not_before_opening(r, Field::AcceptedOn, *accepted_on);
            if accepted_on.is_some() && case.outcome == Some(Outcome::NotAccepted) {
                r.warn(
                    Field::AcceptedOn,
                    "the outcome is 不予受理 but the case has an acceptance date".to_owned(),
                );
            }
        }
        Facts::Litigation {
            hearing_on,
            head_appeared,
            head_title,
            ..
        } => {
            not_before_opening(r, Field::HearingOn, *hearing_on);
            if *head_appeared == Some(true) {
                if hearing_on.is_none() {
                    r.warn(
                        Field::HeadAppeared,
                        "the head is marked as appearing but there is no hearing date".to_owned(),
                    );
                }
                check_title(r, head_title.as_deref());
            }
        }
    }
}

/// Flags an appearance that does not count as the agency head's under the 2020 provisions
/// (the qualified appearance rate leaves it out).
fn check_title(r: &mut RowReader, title: Option<&str>) {
    let Some(title) = title else { return };
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

/// Every date a case carries, with the field it came from.
pub(super) fn dated_fields(case: &Case) -> Vec<(Field, NaiveDate)> {
    let mut dates = vec![(Field::ClosedOn, case.closed_on)];
    match &case.facts {
        Facts::Reconsideration {
            received_on,
            accepted_on,
            ..
        } => dates.extend([
            (Field::ReceivedOn, Some(*received_on)),
            (Field::AcceptedOn, *accepted_on),
        ]),
        Facts::Litigation {
            filed_on,
            hearing_on,
            ..
        } => dates.extend([
            (Field::FiledOn, Some(*filed_on)),
            (Field::HearingOn, *hearing_on),
        ]),
    }
    dates
        .into_iter()
        .filter_map(|(f, d)| d.map(|d| (f, d)))
        .collect()
}
