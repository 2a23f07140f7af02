//! Every field of a case, listed once: its key, the kind of ledger that has it, its place
//! in storage and in listings, and how to read it off a [`Case`]. The ledger's columns,
//! the content hash, the spreadsheet columns and the listings all iterate over these
//! lists instead of naming each field, so a new field is added here, in [`Case`] and in
//! the one place a stored row is assembled back into a case.

use chrono::{NaiveDate, NaiveTime};

use super::record::Choice;
use super::tracking::{TrackField, TrackValue, ValueType};
use super::{Case, CaseNo, Facts, Kind, Outcome};

/// A field of a ledger row, named by its English key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    CaseNo,
    Unit,
    Respondent,
    Matter,
    ReceivedOn,
    AcceptedOn,
    ClosedOn,
    Outcome,
    Corrected,
    Lead,
    Note,
    Instance,
    Court,
    Defendant,
    FiledOn,
    HearingOn,
    HeadAppeared,
    HeadName,
    HeadTitle,
    Lost,
    DocType,
    Issuer,
    Addressee,
    /// 关联案号 of a document: listed as `case_no`, since its own number is `doc_no`.
    LinkedCaseNo,
    IssuedOn,
    ReplyDueOn,
    RepliedOn,
    Status,
    Agency,
    ReviewedOn,
    PlannedOn,
    CourtReceivedOn,
    MediationStartedOn,
    Result,
    ResolvedOn,
    /// A work-list fact (deadlines, hearings, 包案).
    Track(TrackField),
}

/// The fields every case has, then each kind's own, in the order of the ledger's
/// columns and of the content hash. Append only: the order is part of the hash of every
/// stored version.
const SHARED: [Field; 7] = [
    Field::CaseNo,
    Field::Unit,
    Field::Matter,
    Field::ClosedOn,
    Field::Outcome,
    Field::Lead,
    Field::Note,
];
const RECONSIDERATION: [Field; 4] = [
    Field::Respondent,
    Field::ReceivedOn,
    Field::AcceptedOn,
    Field::Corrected,
];
const LITIGATION: [Field; 9] = [
    Field::Instance,
    Field::Court,
    Field::Defendant,
    Field::FiledOn,
    Field::HearingOn,
    Field::HeadAppeared,
    Field::HeadName,
    Field::HeadTitle,
    Field::Lost,
];

const RECTIFICATION: [Field; 9] = [
    Field::DocType,
    Field::Issuer,
    Field::Addressee,
    Field::LinkedCaseNo,
    Field::IssuedOn,
    Field::ReceivedOn,
    Field::ReplyDueOn,
    Field::RepliedOn,
    Field::Status,
];
const DISPUTE: [Field; 8] = [
    Field::Agency,
    Field::ReceivedOn,
    Field::ReviewedOn,
    Field::PlannedOn,
    Field::CourtReceivedOn,
    Field::MediationStartedOn,
    Field::Result,
    Field::ResolvedOn,
];

/// The columns the two later ledgers added after the work-list ones; `received_on` is
/// the reconsideration ledger's column.
const LATER_COLUMNS: [Field; 15] = [
    Field::DocType,
    Field::Issuer,
    Field::Addressee,
    Field::LinkedCaseNo,
    Field::IssuedOn,
    Field::ReplyDueOn,
    Field::RepliedOn,
    Field::Status,
    Field::Agency,
    Field::ReviewedOn,
    Field::PlannedOn,
    Field::CourtReceivedOn,
    Field::MediationStartedOn,
    Field::Result,
    Field::ResolvedOn,
];

/// The work-list facts whose columns came after [`LATER_COLUMNS`], in that order (append
/// only). A version hashes them on their own and only when written, so that the versions
/// stored before them keep their hashes.
pub const LATER_TRACKED: [TrackField; 1] = [TrackField::Parties];

/// Each kind's fields as its spreadsheet orders them (SPEC §2.2, §2.3): listings and
/// exports show them in this order.
const RECONSIDERATION_LISTED: [Field; 11] = [
    Field::CaseNo,
    Field::Unit,
    Field::Respondent,
    Field::Matter,
    Field::ReceivedOn,
    Field::AcceptedOn,
    Field::ClosedOn,
    Field::Outcome,
    Field::Corrected,
    Field::Lead,
    Field::Note,
];
const LITIGATION_LISTED: [Field; 16] = [
    Field::CaseNo,
    Field::Instance,
    Field::Court,
    Field::Unit,
    Field::Defendant,
    Field::Matter,
    Field::FiledOn,
    Field::HearingOn,
    Field::HeadAppeared,
    Field::HeadName,
    Field::HeadTitle,
    Field::ClosedOn,
    Field::Outcome,
    Field::Lost,
    Field::Lead,
    Field::Note,
];

const RECTIFICATION_LISTED: [Field; 13] = [
    Field::CaseNo,
    Field::DocType,
    Field::Issuer,
    Field::Unit,
    Field::Addressee,
    Field::LinkedCaseNo,
    Field::IssuedOn,
    Field::ReceivedOn,
    Field::ReplyDueOn,
    Field::RepliedOn,
    Field::Status,
    Field::Lead,
    Field::Note,
];
const DISPUTE_LISTED: [Field; 13] = [
    Field::CaseNo,
    Field::Unit,
    Field::Agency,
    Field::Matter,
    Field::ReceivedOn,
    Field::ReviewedOn,
    Field::PlannedOn,
    Field::CourtReceivedOn,
    Field::MediationStartedOn,
    Field::Result,
    Field::ResolvedOn,
    Field::Lead,
    Field::Note,
];

/// Number of ledger columns before the work-list ones: the first two ledgers' fields.
pub const FIRST_COLUMNS: usize = SHARED.len() + RECONSIDERATION.len() + LITIGATION.len();

impl Field {
    /// Every column the ledger stores for a version, in order: the fields of the first
    /// two ledgers, the work-list facts in [`TrackField::ALL`]'s order, then the columns
    /// the later ledgers added, then [`LATER_TRACKED`]. Append only.
    pub fn columns() -> impl Iterator<Item = Field> {
        SHARED
            .into_iter()
            .chain(RECONSIDERATION)
            .chain(LITIGATION)
            .chain(
                TrackField::ALL
                    .into_iter()
                    .filter(|f| !LATER_TRACKED.contains(f))
                    .map(Field::Track),
            )
            .chain(LATER_COLUMNS)
            .chain(LATER_TRACKED.map(Field::Track))
    }

    /// The fields every case has, in column and hash order.
    pub fn shared() -> impl Iterator<Item = Field> {
        SHARED.into_iter()
    }

    /// The fields only a case of `kind` has, in column and hash order.
    #[must_use]
    pub fn own(kind: Kind) -> &'static [Field] {
        match kind {
            Kind::Reconsideration => &RECONSIDERATION,
            Kind::Litigation => &LITIGATION,
            Kind::Rectification => &RECTIFICATION,
            Kind::Dispute => &DISPUTE,
        }
    }

    /// A kind's fields in its spreadsheet's order, work-list facts last.
    pub fn listed(kind: Kind) -> impl Iterator<Item = Field> {
        let ledger: &'static [Field] = match kind {
            Kind::Reconsideration => &RECONSIDERATION_LISTED,
            Kind::Litigation => &LITIGATION_LISTED,
            Kind::Rectification => &RECTIFICATION_LISTED,
            Kind::Dispute => &DISPUTE_LISTED,
        };
        ledger
            .iter()
            .copied()
            .chain(TrackField::of(kind).map(Field::Track))
    }

    /// The English key: in JSON, listings, the ledger's column and as a header.
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Field::CaseNo => "case_no",
            Field::Unit => "unit",
            Field::Respondent => "respondent",
            Field::Matter => "matter",
            Field::ReceivedOn => "received_on",
            Field::AcceptedOn => "accepted_on",
            Field::ClosedOn => "closed_on",
            Field::Outcome => "outcome",
            Field::Corrected => "corrected",
            Field::Lead => "lead",
            Field::Note => "note",
            Field::Instance => "instance",
            Field::Court => "court",
            Field::Defendant => "defendant",
            Field::FiledOn => "filed_on",
            Field::HearingOn => "hearing_on",
            Field::HeadAppeared => "head_appeared",
            Field::HeadName => "head_name",
            Field::HeadTitle => "head_title",
            Field::Lost => "lost",
            Field::DocType => "doc_type",
            Field::Issuer => "issuer",
            Field::Addressee => "addressee",
            Field::LinkedCaseNo => "linked_case_no",
            Field::IssuedOn => "issued_on",
            Field::ReplyDueOn => "reply_due_on",
            Field::RepliedOn => "replied_on",
            Field::Status => "status",
            Field::Agency => "agency",
            Field::ReviewedOn => "reviewed_on",
            Field::PlannedOn => "planned_on",
            Field::CourtReceivedOn => "court_received_on",
            Field::MediationStartedOn => "mediation_started_on",
            Field::Result => "result",
            Field::ResolvedOn => "resolved_on",
            Field::Track(field) => field.key(),
        }
    }

    /// The key in listings and JSON of a ledger of `kind`: a document's number is its
    /// `doc_no` and its 关联案号 the `case_no`; a dispute's number is its `dispute_no`.
    #[must_use]
    pub fn key_in(self, kind: Kind) -> &'static str {
        match (kind, self) {
            (Kind::Rectification, Field::CaseNo) => "doc_no",
            (Kind::Rectification, Field::LinkedCaseNo) => "case_no",
            (Kind::Dispute, Field::CaseNo) => "dispute_no",
            _ => self.key(),
        }
    }

    /// How the field's value is stored: case numbers, instances and outcomes as text.
    #[must_use]
    pub fn value_type(self) -> ValueType {
        match self {
            Field::ReceivedOn
            | Field::AcceptedOn
            | Field::ClosedOn
            | Field::FiledOn
            | Field::HearingOn
            | Field::IssuedOn
            | Field::ReplyDueOn
            | Field::RepliedOn
            | Field::ReviewedOn
            | Field::PlannedOn
            | Field::CourtReceivedOn
            | Field::MediationStartedOn
            | Field::ResolvedOn => ValueType::Date,
            Field::Corrected | Field::HeadAppeared | Field::Lost => ValueType::Flag,
            Field::Track(field) => field.value_type(),
            _ => ValueType::Text,
        }
    }
}

/// A field's value as a case holds it, borrowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldRef<'a> {
    CaseNo(&'a CaseNo),
    /// A word of a closed set (an instance, a document type …): its key and 中文 name.
    Choice(Option<(&'static str, &'static str)>),
    Outcome(Option<Outcome>),
    Text(Option<&'a str>),
    Date(Option<NaiveDate>),
    Flag(Option<bool>),
    Time(Option<NaiveTime>),
}

fn choice<T: Choice>(value: Option<T>) -> FieldRef<'static> {
    FieldRef::Choice(value.map(|v| (v.key(), v.label_zh())))
}

fn text(value: Option<&String>) -> FieldRef<'_> {
    FieldRef::Text(value.map(String::as_str))
}

impl Case {
    /// The value of one field; `None` when the case's kind has no such field.
    #[must_use]
    pub fn get(&self, field: Field) -> Option<FieldRef<'_>> {
        let shared = match field {
            Field::CaseNo => Some(FieldRef::CaseNo(&self.case_no)),
            Field::Unit => Some(FieldRef::Text(Some(&self.unit))),
            Field::Matter => Some(text(self.matter.as_ref())),
            Field::ClosedOn => Some(FieldRef::Date(self.closed_on)),
            Field::Outcome => Some(FieldRef::Outcome(self.outcome)),
            Field::Lead => Some(text(self.lead.as_ref())),
            Field::Note => Some(text(self.note.as_ref())),
            Field::Track(field) => field.applies_to(self.kind()).then(|| {
                match (field.value_type(), self.tracking.get(field)) {
                    (_, Some(TrackValue::Date(date))) => FieldRef::Date(Some(*date)),
                    (_, Some(TrackValue::Flag(flag))) => FieldRef::Flag(Some(*flag)),
                    (_, Some(TrackValue::Text(text))) => FieldRef::Text(Some(text)),
                    (_, Some(TrackValue::Time(time))) => FieldRef::Time(Some(*time)),
                    (ValueType::Date, None) => FieldRef::Date(None),
                    (ValueType::Flag, None) => FieldRef::Flag(None),
                    (ValueType::Text, None) => FieldRef::Text(None),
                    (ValueType::Time, None) => FieldRef::Time(None),
                }
            }),
            _ => None,
        };
        if shared.is_some() {
            return shared;
        }
        match (&self.facts, field) {
            (Facts::Reconsideration { respondent, .. }, Field::Respondent) => {
                Some(text(respondent.as_ref()))
            }
            (Facts::Reconsideration { received_on, .. }, Field::ReceivedOn) => {
                Some(FieldRef::Date(Some(*received_on)))
            }
            (Facts::Reconsideration { accepted_on, .. }, Field::AcceptedOn) => {
                Some(FieldRef::Date(*accepted_on))
            }
            (Facts::Reconsideration { corrected, .. }, Field::Corrected) => {
                Some(FieldRef::Flag(*corrected))
            }
            (Facts::Litigation { instance, .. }, Field::Instance) => Some(FieldRef::Choice(Some(
                (instance.key(), instance.label_zh()),
            ))),
            (Facts::Litigation { court, .. }, Field::Court) => Some(text(court.as_ref())),
            (Facts::Litigation { defendant, .. }, Field::Defendant) => {
                Some(text(defendant.as_ref()))
            }
            (Facts::Litigation { filed_on, .. }, Field::FiledOn) => {
                Some(FieldRef::Date(Some(*filed_on)))
            }
            (Facts::Litigation { hearing_on, .. }, Field::HearingOn) => {
                Some(FieldRef::Date(*hearing_on))
            }
            (Facts::Litigation { head_appeared, .. }, Field::HeadAppeared) => {
                Some(FieldRef::Flag(*head_appeared))
            }
            (Facts::Litigation { head_name, .. }, Field::HeadName) => {
                Some(text(head_name.as_ref()))
            }
            (Facts::Litigation { head_title, .. }, Field::HeadTitle) => {
                Some(text(head_title.as_ref()))
            }
            (Facts::Litigation { lost, .. }, Field::Lost) => Some(FieldRef::Flag(*lost)),
            _ => self.later_field(field),
        }
    }

    /// [`Case::get`] for the fields of the two later ledgers.
    fn later_field(&self, field: Field) -> Option<FieldRef<'_>> {
        let date = |value: &Option<NaiveDate>| Some(FieldRef::Date(*value));
        match (&self.facts, field) {
            (Facts::Rectification { doc_type, .. }, Field::DocType) => {
                Some(choice(Some(*doc_type)))
            }
            (Facts::Rectification { issuer, .. }, Field::Issuer) => Some(text(issuer.as_ref())),
            (Facts::Rectification { addressee, .. }, Field::Addressee) => {
                Some(text(addressee.as_ref()))
            }
            (Facts::Rectification { linked_case_no, .. }, Field::LinkedCaseNo) => {
                Some(text(linked_case_no.as_ref()))
            }
            (Facts::Rectification { issued_on, .. }, Field::IssuedOn) => {
                Some(FieldRef::Date(Some(*issued_on)))
            }
            (Facts::Rectification { received_on, .. }, Field::ReceivedOn) => date(received_on),
            (Facts::Rectification { reply_due_on, .. }, Field::ReplyDueOn) => date(reply_due_on),
            (Facts::Rectification { replied_on, .. }, Field::RepliedOn) => date(replied_on),
            (Facts::Rectification { status, .. }, Field::Status) => Some(choice(*status)),
            (Facts::Dispute { agency, .. }, Field::Agency) => Some(text(agency.as_ref())),
            (Facts::Dispute { received_on, .. }, Field::ReceivedOn) => {
                Some(FieldRef::Date(Some(*received_on)))
            }
            (Facts::Dispute { reviewed_on, .. }, Field::ReviewedOn) => date(reviewed_on),
            (Facts::Dispute { planned_on, .. }, Field::PlannedOn) => date(planned_on),
            (
                Facts::Dispute {
                    court_received_on, ..
                },
                Field::CourtReceivedOn,
            ) => date(court_received_on),
            (
                Facts::Dispute {
                    mediation_started_on,
                    ..
                },
                Field::MediationStartedOn,
            ) => date(mediation_started_on),
            (Facts::Dispute { result, .. }, Field::Result) => Some(choice(*result)),
            (Facts::Dispute { resolved_on, .. }, Field::ResolvedOn) => date(resolved_on),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Instance;
    use crate::model::fixture::{dispute, document, recon, suit};

    #[test]
    fn every_stored_field_belongs_to_exactly_the_kinds_that_list_it() {
        for kind in Kind::ALL {
            let case = match kind {
                Kind::Reconsideration => recon("A-1", "都匀市", "2021-01-04"),
                Kind::Litigation => suit("A-1", "都匀市", Instance::First, "2021-01-04"),
                Kind::Rectification => document("A-1", "都匀市", "2021-01-04"),
                Kind::Dispute => dispute("A-1", "都匀市", "2021-01-04"),
            };
            let listed: Vec<Field> = Field::listed(kind).collect();
            for field in Field::columns() {
                // Every case has the shared fields; a kind lists those it uses.
                let shared = Field::shared().any(|f| f == field);
                assert_eq!(
                    case.get(field).is_some(),
                    listed.contains(&field) || shared,
                    "{kind} {field:?}"
                );
            }
            let own: Vec<Field> = Field::shared()
                .chain(Field::own(kind).iter().copied())
                .collect();
            let ledger: Vec<Field> = listed
                .iter()
                .copied()
                .filter(|f| !matches!(f, Field::Track(_)))
                .collect();
            assert!(ledger.iter().all(|f| own.contains(f)), "{kind}");
            assert!(
                Field::own(kind).iter().all(|f| ledger.contains(f)),
                "{kind}"
            );
        }
    }

    #[test]
    fn keys_are_unique() {
        let keys: std::collections::BTreeSet<&str> = Field::columns().map(Field::key).collect();
        assert_eq!(keys.len(), Field::columns().count());
    }
}
