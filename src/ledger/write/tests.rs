//! Writing a batch: a version only for new or changed facts, a row listed twice, the
//! known cases in memory or by the index alike, and the page cache's share.

use super::*;
use crate::ledger::test_fixtures::{import, import_listed, new_batch, recon};
use crate::model::Outcome;
use crate::model::fixture::{self, d};

fn case(outcome: Option<Outcome>, brackets: &str) -> Case {
    let case = fixture::recon(&format!("都府复{brackets}1号"), "都匀市", "2021-01-05");
    match outcome {
        Some(outcome) => case.closed("2021-02-01", outcome),
        None => case,
    }
}

fn record(writer: &Writer, as_of: &str, case: &Case) -> Recorded {
    let batch = writer
        .begin_batch(&new_batch(as_of, as_of.into(), case.kind()))
        .unwrap();
    let mut rows = writer.rows(batch).unwrap();
    let Listed::Recorded(recorded) = rows.write(2, case).unwrap() else {
        panic!("listed once so far");
    };
    assert_eq!(
        rows.write(3, case).unwrap(),
        Listed::Duplicate { first_row: 2 },
        "listed twice"
    );
    rows.finish().unwrap();
    recorded
}

/// Writes a first batch of three cases, then a re-import that lists one unchanged,
/// one unchanged again, one changed, one new, and each of them a second time; the
/// map of known cases is read after `load_after` rows found by the index.
fn reimport(load_after: u64) -> (Vec<Listed>, Vec<Case>, bool) {
    let mut ledger = Ledger::in_memory().unwrap();
    let writer = ledger.writer().unwrap();
    let open = |n: u32| case(None, &format!("〔2021〕{n}"));
    let batch = |as_of: &str| {
        writer
            .begin_batch(&new_batch(as_of, as_of.into(), Kind::Reconsideration))
            .unwrap()
    };
    let mut first = writer.rows(batch("2021-01-08")).unwrap();
    for n in 1..=3 {
        first.write(n + 1, &open(n)).unwrap();
    }
    first.finish().unwrap();
    let mut rows = writer.rows(batch("2021-02-05")).unwrap();
    rows.load_after(load_after);
    let closed = case(Some(Outcome::Upheld), "〔2021〕3");
    let listed: Vec<Listed> = [open(1), open(2), closed, open(4)]
        .iter()
        .cycle()
        .take(8)
        .zip(2..)
        .map(|(case, row)| rows.write(row, case).unwrap())
        .collect();
    let mapped = rows.known.is_some();
    rows.finish().unwrap();
    writer.commit().unwrap();
    let mut now = Vec::new();
    ledger.for_each_case(None, |c| now.push(c)).unwrap();
    (listed, now, mapped)
}

#[test]
fn a_reimport_decides_every_row_alike_with_the_cases_in_memory_or_not() {
    let (by_index, cases, mapped) = reimport(u64::MAX);
    assert!(!mapped);
    let expected: Vec<Listed> = [
        Recorded::Unchanged,
        Recorded::Unchanged,
        Recorded::Changed,
        Recorded::New,
    ]
    .map(Listed::Recorded)
    .into_iter()
    .chain((2..=5).map(|first_row| Listed::Duplicate { first_row }))
    .collect();
    assert_eq!(by_index, expected);
    for load_after in [1, 2] {
        let (by_map, with_map, mapped) = reimport(load_after);
        assert!(mapped, "read after {load_after} rows");
        assert_eq!(by_map, expected);
        assert_eq!(with_map, cases);
    }
}

#[test]
fn the_page_cache_gives_way_to_the_map_and_a_ledger_too_large_for_one_keeps_it() {
    let full = WRITE_CACHE_KIB;
    let (plan, cache) = map_plan(Kind::Reconsideration, false, 0);
    assert_eq!((plan.map(|p| p.load_after), cache), (Some(1024), full));
    let (plan, cache) = map_plan(Kind::Reconsideration, false, 1_000_000);
    assert_eq!(plan.map(|p| p.load_after), Some(7812));
    assert!(cache < full && cache >= MIN_CACHE_KIB);
    assert!(cache + 1_000_000 * known::BYTES_PER_CASE / 1024 <= MAP_AND_CACHE_KIB);
    assert_eq!(
        map_plan(Kind::Litigation, false, 3_000_000).0.map(|_| ()),
        None
    );
    assert_eq!(map_plan(Kind::Litigation, false, 3_000_000).1, full);
    assert_eq!(map_plan(Kind::Litigation, true, 1000).0.map(|_| ()), None);
}

#[test]
fn foreign_keys_are_enforced_again_once_an_import_is_done() {
    let enforced = |conn: &Connection| -> bool {
        conn.pragma_query_value(None, "foreign_keys", |r| r.get(0))
            .unwrap()
    };
    let mut ledger = Ledger::in_memory().unwrap();
    assert!(enforced(&ledger.conn));
    let writer = ledger.writer().unwrap();
    assert!(!enforced(writer.conn));
    writer.commit().unwrap();
    assert!(enforced(&ledger.conn));
    drop(ledger.writer().unwrap());
    assert!(enforced(&ledger.conn));
    ledger.writer().unwrap().rollback().unwrap();
    assert!(enforced(&ledger.conn));
}

#[test]
fn versions_are_stored_only_for_new_or_changed_facts() {
    let mut ledger = Ledger::in_memory().unwrap();
    let writer = ledger.writer().unwrap();
    assert_eq!(
        record(&writer, "2021-01-08", &case(None, "〔2021〕")),
        Recorded::New
    );
    assert_eq!(
        record(&writer, "2021-01-15", &case(None, "[2021]")),
        Recorded::Unchanged
    );
    let closed = case(Some(Outcome::Upheld), "〔2021〕");
    assert_eq!(record(&writer, "2021-02-05", &closed), Recorded::Changed);
    // A late week compares with what was known at its own date.
    assert_eq!(
        record(&writer, "2021-01-22", &case(None, "〔2021〕")),
        Recorded::Unchanged
    );
    writer.commit().unwrap();
    let mut now = Vec::new();
    ledger.for_each_case(None, |c| now.push(c)).unwrap();
    assert_eq!(now, [closed]);
    let mut then = Vec::new();
    ledger
        .for_each_case(Some(d("2021-01-31")), |c| then.push(c))
        .unwrap();
    assert_eq!(then[0].outcome, None);
}

#[test]
fn an_unchanged_row_is_known_by_its_content() {
    let mut ledger = Ledger::in_memory().unwrap();
    import(&mut ledger, "2021-01-08", &[recon(1, "都匀市", None)]);
    let (_, listed) = import_listed(
        &mut ledger,
        "2021-01-15",
        &[recon(1, "都匀市", None), recon(2, "都匀市", None)],
    );
    assert_eq!(
        listed,
        [
            Listed::Recorded(Recorded::Unchanged),
            Listed::Recorded(Recorded::New)
        ]
    );
    let mut noted = recon(1, "都匀市", None);
    noted.note = Some("补正".into());
    let (_, listed) = import_listed(&mut ledger, "2021-01-22", &[noted]);
    assert_eq!(
        listed,
        [Listed::Recorded(Recorded::Changed)],
        "a note alone is a change"
    );
}
