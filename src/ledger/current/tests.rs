//! The compact current state: its columns as the migrations made them, its packed
//! deadline facts, and the state itself held to the latest versions through changes,
//! late weeks, undo and the work list's facts, with the breakdown names in one spelling.

use super::*;
use crate::ledger::Ledger;
use crate::ledger::test_fixtures::{self, both_ways, import, names, recon, suit, work_list_cases};
use crate::model::fixture::d;

fn packed(facts: Option<DeadlineFacts>) -> Option<Vec<u8>> {
    match deadline_value(facts) {
        ToSqlOutput::Owned(Value::Blob(bytes)) => Some(bytes),
        _ => None,
    }
}

#[test]
fn deadline_facts_pack_and_unpack() {
    assert_eq!(packed(None), None, "no facts, no value");
    let day = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
    for facts in [
        DeadlineFacts::default(),
        DeadlineFacts {
            simplified: true,
            hearing_arranged: true,
            copy_served_on: day("2025-01-24"),
            resumed_on: Some(NaiveDate::MIN),
            reminded_day_on: Some(NaiveDate::MAX),
            ..DeadlineFacts::default()
        },
        DeadlineFacts {
            extended: true,
            answered_on: day("0001-01-01"),
            defended_on: day("2025-06-19"),
            ..DeadlineFacts::default()
        },
    ] {
        let bytes = packed(Some(facts)).unwrap();
        assert_eq!(bytes.len(), DEADLINE_BYTES);
        assert_eq!(deadline_facts(&bytes).unwrap(), facts);
    }
}

/// Every named column is one the migrations made in `cases`, and they are in its order.
#[test]
fn the_current_columns_are_those_the_migrations_made() {
    let made = super::super::schema::migrated_columns("cases");
    let places: Vec<usize> = Current::ALL
        .iter()
        .map(|c| made.iter().position(|m| m == c.name()).unwrap())
        .collect();
    assert!(places.is_sorted(), "{places:?} in {made:?}");
    assert_eq!(
        COUNTED_COLUMNS.as_str(),
        "unit, outcome, instance, corrected, lost, head_appeared, head_title, \
         received_day, accepted_day, closed_day, filed_day, hearing_day, deadline_facts"
    );
    assert_eq!(COUNTED_COLUMN_COUNT, 13);
}

#[test]
fn damaged_deadline_facts_are_an_error() {
    let mut bytes = packed(Some(DeadlineFacts::default())).unwrap();
    assert!(deadline_facts(&bytes[..DEADLINE_BYTES - 1]).is_err());
    assert!(deadline_facts(&[]).is_err());
    bytes[1..5].copy_from_slice(&i32::MAX.to_le_bytes());
    let err = deadline_facts(&bytes).unwrap_err();
    assert!(
        matches!(err.downcast_ref::<Error>(), Some(Error::Damaged(_))),
        "{err}"
    );
}

#[test]
fn the_current_state_follows_changes_late_weeks_and_undo() {
    let mut ledger = Ledger::in_memory().unwrap();
    let first: Vec<Case> = (1..=6).map(|n| recon(n, "都匀市", None)).collect();
    import(&mut ledger, "2021-01-08", &first);
    let mut later = first.clone();
    later[1] = recon(2, "都匀市", Some(Outcome::Revoked));
    later[4] = recon(5, "瓮安县", Some(Outcome::Upheld));
    let later_batch = import(&mut ledger, "2021-03-05", &later);
    let (compact, versions) = both_ways(&ledger);
    assert_eq!(compact, versions);
    assert!(compact.iter().any(|c| c.contains("瓮安县")));

    // A late week between them changes only its own date of knowledge.
    let mut late = first.clone();
    late[0] = recon(1, "都匀市", Some(Outcome::Varied));
    import(&mut ledger, "2021-02-05", &late);
    let (compact, versions) = both_ways(&ledger);
    assert_eq!(compact, versions);
    assert!(!compact.iter().any(|c| c.contains("Varied")));

    ledger.undo(later_batch).unwrap();
    let (compact, versions) = both_ways(&ledger);
    assert_eq!(compact, versions);
    assert!(compact.iter().any(|c| c.contains("Varied")));
    assert!(!compact.iter().any(|c| c.contains("瓮安县")));

    let suits = [
        suit(1, Instance::First, Some("县长")),
        suit(2, Instance::Second, None),
    ];
    import(&mut ledger, "2021-04-02", &suits);
    let (compact, versions) = both_ways(&ledger);
    assert_eq!(compact, versions);
    assert_eq!(compact.len(), 8);
}

#[test]
fn work_list_facts_are_in_the_current_state() {
    let mut ledger = Ledger::in_memory().unwrap();
    let (recons, suits) = work_list_cases();
    import(&mut ledger, "2021-03-05", &recons);
    import(&mut ledger, "2021-03-12", &suits);
    let (compact, versions) = both_ways(&ledger);
    assert_eq!(compact, versions);
    let facts = test_fixtures::deadline_facts(&ledger);
    let served = DeadlineFacts {
        extended: true,
        copy_served_on: Some(d("2021-01-11")),
        suspended_on: Some(d("2021-02-01")),
        ..DeadlineFacts::default()
    };
    let reminded = DeadlineFacts {
        hearing_arranged: true,
        reminded_week_on: Some(d("2021-03-03")),
        reminded_day_on: Some(d("2021-03-09")),
        ..DeadlineFacts::default()
    };
    // 包案 facts alone, and no facts, keep the column empty.
    assert_eq!(facts, [Some(served), None, None, Some(reminded)]);

    // A later week that clears the facts clears them here too.
    import(&mut ledger, "2021-03-19", &[suit(1, Instance::First, None)]);
    assert_eq!(test_fixtures::deadline_facts(&ledger)[3], None);
    let (compact, versions) = both_ways(&ledger);
    assert_eq!(compact, versions);
}

#[test]
fn breakdown_names_are_kept_in_one_spelling_both_ways() {
    let mut ledger = Ledger::in_memory().unwrap();
    let mut spaced = recon(1, "都匀市", None);
    if let Facts::Reconsideration { respondent, .. } = &mut spaced.facts {
        *respondent = Some(" 都匀市\u{3000}公安局 ".into());
    }
    spaced.matter = Some("行政 处罚（罚款）".into());
    let mut plain = recon(2, "都匀市", None);
    if let Facts::Reconsideration { respondent, .. } = &mut plain.facts {
        *respondent = Some("都匀市公安局".into());
    }
    plain.matter = None;
    import(&mut ledger, "2021-01-08", &[spaced, plain]);
    let mut lawsuit = suit(1, Instance::First, None);
    if let Facts::Litigation {
        court, defendant, ..
    } = &mut lawsuit.facts
    {
        *court = Some("都匀市人民法院".into());
        *defendant = Some("都匀市 人民政府".into());
    }
    import(&mut ledger, "2021-04-09", &[lawsuit]);

    let some = |s: &str| Some(s.to_owned());
    for as_of in [None, Some("2021-04-09")] {
        assert_eq!(
            names(&ledger, Breakdown::Respondent, as_of),
            [None, some("都匀市公安局"), some("都匀市公安局")]
        );
        assert_eq!(
            names(&ledger, Breakdown::Matter, as_of),
            [None, None, some("行政处罚(罚款)")]
        );
        assert_eq!(
            names(&ledger, Breakdown::Defendant, as_of),
            [None, None, some("都匀市人民政府")]
        );
        assert_eq!(
            names(&ledger, Breakdown::Court, as_of),
            [None, None, some("都匀市人民法院")]
        );
        assert_eq!(names(&ledger, Breakdown::Unit, as_of), [None, None, None]);
    }
    // As known before the lawsuit: the versions query, with the same names.
    assert_eq!(
        names(&ledger, Breakdown::Respondent, Some("2021-01-08")),
        [some("都匀市公安局"), some("都匀市公安局")]
    );
}
