//! The set-up the ledger's tests share: a few cases of each kind, an import of them as one
//! batch, and the readings that hold the compact current state to the versions, so that
//! the tests beside `current.rs`, `schema.rs`, `write.rs` and `read.rs` (and the report's,
//! which need a ledger) build their ledgers one way.

use super::Ledger;
use super::write::{Listed, NewBatch};
use crate::model::fixture::{self, d};
use crate::model::{
    Breakdown, Case, DeadlineFacts, Facts, Instance, Kind, Outcome, TrackField, TrackValue,
};

/// Reconsideration case `n` of `unit`, accepted, with a matter, corrected when `n` is a
/// multiple of three, and closed on 1 March with `outcome` if given.
pub fn recon(n: u32, unit: &str, outcome: Option<Outcome>) -> Case {
    let mut case =
        fixture::recon(&format!("都府复〔2021〕{n}号"), unit, "2021-01-05").accepted("2021-01-08");
    case.matter = Some("行政处罚".into());
    if let Facts::Reconsideration { corrected, .. } = &mut case.facts {
        *corrected = n.is_multiple_of(3).then_some(true);
    }
    match outcome {
        Some(outcome) => case.closed("2021-03-01", outcome),
        None => case,
    }
}

/// Lawsuit `n` at `instance`, heard (the head appearing when `n` is even, as `title`)
/// and closed as revoked.
pub fn suit(n: u32, instance: Instance, title: Option<&str>) -> Case {
    fixture::suit(
        &format!("（2021）黔27行初{n}号"),
        "福泉市",
        instance,
        "2021-02-01",
    )
    .heard("2021-03-10", Some(n.is_multiple_of(2)), title)
    .closed("2021-04-01", Outcome::Revoked)
}

/// `case` with work-list facts.
pub fn tracked(mut case: Case, facts: &[(TrackField, TrackValue)]) -> Case {
    for (field, value) in facts {
        case.tracking.set(*field, Some(value.clone()));
    }
    case
}

/// A lawsuit naming reconsideration case `n` in its 复议案号, written as `no`.
pub fn naming(n: u32, no: &str) -> Case {
    tracked(
        suit(n, Instance::First, None),
        &[(TrackField::ReconsiderationNo, TrackValue::Text(no.into()))],
    )
}

/// A reconsideration case with deadline facts, one with 包案 facts only, and a
/// lawsuit with its hearing's reminders.
pub fn work_list_cases() -> (Vec<Case>, Vec<Case>) {
    let date = |s| TrackValue::Date(d(s));
    let recons = vec![
        tracked(
            recon(1, "都匀市", None),
            &[
                (TrackField::CopyServedOn, date("2021-01-11")),
                (TrackField::Extended, TrackValue::Flag(true)),
                (TrackField::SuspendedOn, date("2021-02-01")),
            ],
        ),
        tracked(
            recon(2, "都匀市", None),
            &[(TrackField::Progress, TrackValue::Text("约谈".into()))],
        ),
        recon(3, "都匀市", None),
    ];
    let suits = vec![tracked(
        suit(1, Instance::First, None),
        &[
            (
                TrackField::HearingPlace,
                TrackValue::Text("第一法庭".into()),
            ),
            (TrackField::RemindedWeekOn, date("2021-03-03")),
            (TrackField::RemindedDayOn, date("2021-03-09")),
        ],
    )];
    (recons, suits)
}

/// A batch of `kind` as of `as_of`, from a file named after it, with `sha256`.
pub fn new_batch(as_of: &str, sha256: String, kind: Kind) -> NewBatch {
    NewBatch {
        file: format!("{as_of}.csv"),
        sheet: None,
        sha256,
        kind,
        as_of: d(as_of),
        imported_at: String::new(),
    }
}

/// Writes `cases` as one batch as of `as_of`; returns its id and how each row landed.
pub fn import_listed(ledger: &mut Ledger, as_of: &str, cases: &[Case]) -> (i64, Vec<Listed>) {
    let writer = ledger.writer().unwrap();
    let batch = writer
        .begin_batch(&new_batch(
            as_of,
            format!("{as_of}{}", cases.len()),
            cases[0].kind(),
        ))
        .unwrap();
    let mut rows = writer.rows(batch).unwrap();
    let listed = (2..)
        .zip(cases)
        .map(|(row, case)| rows.write(row, case).unwrap())
        .collect();
    rows.finish().unwrap();
    writer.commit().unwrap();
    (batch.id, listed)
}

/// [`import_listed`], every row recorded; returns the batch's id.
pub fn import(ledger: &mut Ledger, as_of: &str, cases: &[Case]) -> i64 {
    let (id, listed) = import_listed(ledger, as_of, cases);
    assert!(listed.iter().all(|l| matches!(l, Listed::Recorded(_))));
    id
}

/// The compact current state, as the counts read it, next to the latest versions.
pub fn both_ways(ledger: &Ledger) -> (Vec<String>, Vec<String>) {
    let mut compact = Vec::new();
    ledger
        .for_each_countable(None, None, |c| compact.push(format!("{c:?}")))
        .unwrap();
    let mut versions = Vec::new();
    ledger
        .for_each_case(None, |c| {
            versions.extend(c.countable().map(|c| format!("{c:?}")));
        })
        .unwrap();
    compact.sort();
    versions.sort();
    (compact, versions)
}

/// The deadline facts of the compact current state, in case-id order.
pub fn deadline_facts(ledger: &Ledger) -> Vec<Option<DeadlineFacts>> {
    let mut facts = Vec::new();
    ledger
        .for_each_countable(None, None, |c| facts.push(c.deadlines))
        .unwrap();
    facts
}

/// Each case's name under `by`, as the compact state and as the versions give it.
pub fn names(ledger: &Ledger, by: Breakdown, as_of: Option<&str>) -> Vec<Option<String>> {
    let mut names = Vec::new();
    ledger
        .for_each_countable_by(as_of.map(d), None, by, |_, name| {
            names.push(name.map(str::to_owned));
        })
        .unwrap();
    names.sort();
    names
}
