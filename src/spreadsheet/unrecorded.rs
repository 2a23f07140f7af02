//! Heard 一审 cases whose file says nothing about the head's appearance: the one warning
//! per file that tells the clerk the 出庭率 will show them as 出庭情况未填报, instead of
//! letting a blank cell or a missing column pass for "did not appear".

use super::{Diagnostic, Field, LedgerFile, Severity};
use crate::model::{Case, Facts, Instance};

/// Rows listed in the warning before "and N more".
const LISTED: usize = 5;

/// Whether a case is a heard 一审 with nothing recorded about the head's appearance.
#[must_use]
pub fn is_heard_unrecorded(case: &Case) -> bool {
    matches!(
        case.facts,
        Facts::Litigation {
            instance: Instance::First,
            hearing_on: Some(_),
            head_appeared: None,
            ..
        }
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
