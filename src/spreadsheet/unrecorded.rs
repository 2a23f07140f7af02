//! Facts a file does not record, said once per file instead of passing for a measured
//! zero: heard 一审 cases with nothing about the head's appearance (the 出庭率 shows them
//! as 出庭情况未填报), and a missing column a figure reads (受理日期, 结案日期).

use super::columns::describe;
use super::{Diagnostic, Field, LedgerFile, Severity};
use chrono::NaiveDate;

use crate::model::{Case, Facts, Instance, Kind};

/// Rows listed in the warning before "and N more".
const LISTED: usize = 5;

/// Whether a case is a 一审 heard by `as_of` (the file's date of knowledge) with nothing
/// recorded about the head's appearance. A hearing still ahead is not yet a missing fact:
/// a weekly file lists next week's hearings with the appearance cell empty.
#[must_use]
pub fn is_heard_unrecorded(case: &Case, as_of: NaiveDate) -> bool {
    matches!(
        case.facts,
        Facts::Litigation {
            instance: Instance::First,
            hearing_on: Some(heard),
            head_appeared: None,
            ..
        } if heard <= as_of
    )
}

/// The file's warning about its heard cases without a recorded appearance, by row.
#[must_use]
pub fn warning(file: &LedgerFile, rows: &[u32]) -> Diagnostic {
    let listed: Vec<String> = rows.iter().take(LISTED).map(u32::to_string).collect();
    let more = match rows.len().saturating_sub(LISTED) {
        0 => String::new(),
        n => format!(" and {n} more"),
    };
    let cases = if rows.len() == 1 {
        "1 heard 一审 case has".to_owned()
    } else {
        format!("{} heard 一审 cases have", rows.len())
    };
    let (which, them) = if rows.len() == 1 {
        ("row", "it")
    } else {
        ("rows", "them")
    };
    let source = match file.header_of(Field::HeadAppeared) {
        Some(header) => format!("an empty `{header}` cell"),
        None => "no 负责人出庭 column in the file".to_owned(),
    };
    let message = format!(
        "{cases} {source} ({which} {}{more}): the appearance rate counts {them} as not appeared and reports show {them} as 出庭情况未填报",
        listed.join(", ")
    );
    Diagnostic {
        severity: Severity::Warning,
        cell: file.cell_ref(0, None),
        ..Diagnostic::file_error(&file.display, message)
    }
}

/// The columns whose absence a figure would read as a fact, by ledger: without a 受理日期
/// no case counts as accepted, without a 结案日期 every case counts as open.
fn fact_columns(kind: Kind) -> &'static [(Field, &'static str)] {
    match kind {
        Kind::Reconsideration => &[
            (Field::AcceptedOn, "no case of it counts as accepted (受理)"),
            (Field::ClosedOn, "every case of it counts as open (未办结)"),
        ],
        Kind::Litigation => &[(Field::ClosedOn, "every case of it counts as open (未结案)")],
        // Their figures read columns every such file must have.
        Kind::Rectification | Kind::Dispute => &[],
    }
}

/// One warning per column a figure reads and the file lacks, so that a count of 0 is
/// never taken for a measured one. (A closed case without an outcome column is already
/// an error on its row.)
#[must_use]
pub fn missing_columns(file: &LedgerFile) -> Vec<Diagnostic> {
    fact_columns(file.kind)
        .iter()
        .filter(|(field, _)| file.header_of(*field).is_none())
        .map(|(field, consequence)| Diagnostic {
            severity: Severity::Warning,
            cell: file.cell_ref(0, None),
            ..Diagnostic::file_error(
                &file.display,
                format!(
                    "the file has no {} column: {consequence}; add the column, or map the header that holds it",
                    describe(file.kind, *field)
                ),
            )
        })
        .collect()
}
