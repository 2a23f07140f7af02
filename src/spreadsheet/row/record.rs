//! Rows of the two ledgers beside the case ledgers (SPEC §9): a document an agency must
//! answer and act on (整改台账), and a dispute handled before court (诉前台账). Each bad
//! cell is reported on its own, then the order their dates must keep.

use chrono::NaiveDate;

use super::super::columns::Field;
use super::{RowReader, tracking};
use crate::model::{Case, CaseNo, Choice, DisputeResult, DocType, Facts, Kind, Rectified};

/// The document or dispute of one row, when every fact it needs could be read.
pub(super) fn read(r: &mut RowReader, number: Option<&str>) -> Option<Case> {
    let kind = r.file.kind;
    let case_no = own_number(r, number);
    let unit = super::unit(r);
    let tracking = tracking::read(r, kind).tracking;
    let lead = r.text(Field::Lead);
    let note = r.text(Field::Note);
    let (matter, facts) = match kind {
        Kind::Rectification => (None, document(r)),
        Kind::Dispute => (r.text(Field::Matter), dispute(r)),
        Kind::Reconsideration | Kind::Litigation => (None, None),
    };
    Some(Case {
        case_no: case_no?,
        unit: unit?,
        matter,
        closed_on: None,
        outcome: None,
        lead,
        note,
        facts: facts?,
        tracking,
    })
}

/// The 文号 or 争议编号, normalised like a 案号.
fn own_number(r: &mut RowReader, number: Option<&str>) -> Option<CaseNo> {
    let header = r
        .file
        .header_of(Field::CaseNo)
        .unwrap_or(match r.file.kind {
            Kind::Dispute => "争议编号",
            // Only the two later ledgers have a number of their own; 文号 is the document's.
            Kind::Rectification | Kind::Reconsideration | Kind::Litigation => "文号",
        })
        .to_owned();
    let case_no = number.and_then(CaseNo::new);
    match number {
        Some(text) if case_no.is_none() => {
            r.error(Field::CaseNo, format!("`{text}` is not a {header}"));
        }
        None if r.text(Field::CaseNo).is_none() => {
            r.missing(Field::CaseNo, &format!("the {header} is empty"));
        }
        _ => {}
    }
    case_no
}

fn document(r: &mut RowReader) -> Option<Facts> {
    let doc_type = if r.cell(Field::DocType).is_some() {
        choice::<DocType>(r, Field::DocType)
    } else {
        r.missing(
            Field::DocType,
            &format!("the document type is empty (use {})", DocType::names()),
        );
        None
    };
    let issued_on = r.required_date(Field::IssuedOn);
    let received_on = r.date(Field::ReceivedOn);
    let reply_due_on = r.date(Field::ReplyDueOn);
    let replied_on = r.date(Field::RepliedOn);
    let status = choice::<Rectified>(r, Field::Status);
    if let Some(issued) = issued_on {
        not_before(
            r,
            Field::IssuedOn,
            issued,
            &[
                (Field::ReceivedOn, received_on),
                (Field::ReplyDueOn, reply_due_on),
                (Field::RepliedOn, replied_on),
            ],
        );
    }
    if status == Some(Rectified::Done) && replied_on.is_none() {
        let header = header(r, Field::RepliedOn);
        r.warn(
            Field::Status,
            format!(
                "the document is marked 已整改 but {header} is empty: the reply is not counted"
            ),
        );
    }
    Some(Facts::Rectification {
        doc_type: doc_type?,
        issuer: r.text(Field::Issuer),
        addressee: r.text(Field::Addressee),
        linked_case_no: r.text(Field::LinkedCaseNo),
        issued_on: issued_on?,
        received_on,
        reply_due_on,
        replied_on,
        status,
    })
}

fn dispute(r: &mut RowReader) -> Option<Facts> {
    let received_on = r.required_date(Field::ReceivedOn);
    let reviewed_on = r.date(Field::ReviewedOn);
    let planned_on = r.date(Field::PlannedOn);
    let court_received_on = r.date(Field::CourtReceivedOn);
    let mediation_started_on = r.date(Field::MediationStartedOn);
    let result = choice::<DisputeResult>(r, Field::Result);
    let resolved_on = r.date(Field::ResolvedOn);
    if let Some(received) = received_on {
        not_before(
            r,
            Field::ReceivedOn,
            received,
            &[
                (Field::ReviewedOn, reviewed_on),
                (Field::PlannedOn, planned_on),
                (Field::MediationStartedOn, mediation_started_on),
                (Field::ResolvedOn, resolved_on),
            ],
        );
    }
    let result_written = r.cell(Field::Result).is_some();
    match (resolved_on, result_written) {
        (Some(day), false) => r.error(
            Field::Result,
            format!(
                "the dispute ended on {day} but its 化解结果 is empty (use {})",
                DisputeResult::names()
            ),
        ),
        // An unreadable result is its own error already.
        (None, true) if result.is_some() => {
            let header = header(r, Field::ResolvedOn);
            r.warn(
                Field::ResolvedOn,
                format!(
                    "the dispute has a 化解结果 but {header} is empty: it is not counted as ended"
                ),
            );
        }
        _ => {}
    }
    Some(Facts::Dispute {
        agency: r.text(Field::Agency),
        received_on: received_on?,
        reviewed_on,
        planned_on,
        court_received_on,
        mediation_started_on,
        result,
        resolved_on,
    })
}

/// A word of a closed set; an error naming the accepted words when the cell is another.
fn choice<T: Choice>(r: &mut RowReader, field: Field) -> Option<T> {
    let text = r.text(field)?;
    let value = T::from_cell(&text);
    if value.is_none() {
        let header = header(r, field);
        r.error(
            field,
            format!("`{text}` is not a {header} (use {})", T::names()),
        );
    }
    value
}

/// Errors for each date written before `first`, the date the row began with.
fn not_before(
    r: &mut RowReader,
    first_field: Field,
    first: NaiveDate,
    later: &[(Field, Option<NaiveDate>)],
) {
    let first_header = header(r, first_field);
    for (field, date) in later {
        if let Some(date) = date
            && *date < first
        {
            r.error(*field, format!("{date} is before {first_header} {first}"));
        }
    }
}

fn header(r: &RowReader, field: Field) -> String {
    r.file
        .header_of(field)
        .unwrap_or(field.key_in(r.file.kind))
        .to_owned()
}
