//! Properties of the pure readers and arithmetic, over generated inputs: every spelling a
//! clerk may use reads back to the same value, and nothing a file holds makes them panic.

use caseledger::import::cell::{normalise, parse_bool, parse_date};
use caseledger::model::case_no::match_key;
use caseledger::model::{Kind, Outcome};
use caseledger::rates::Percent;
use chrono::{Datelike, NaiveDate};
use proptest::prelude::*;

fn any_date() -> impl Strategy<Value = NaiveDate> {
    (0_u64..73_000).prop_map(|days| {
        NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or_default() + chrono::Days::new(days)
    })
}

fn full_width(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_ascii_digit() {
                char::from_u32(c as u32 + 0xFEE0).unwrap_or(c)
            } else {
                c
            }
        })
        .collect()
}

proptest! {
    #[test]
    fn every_date_style_reads_back(date in any_date().prop_filter("in range", |d| d.year() <= 2099), style in 0_usize..7) {
        let (y, m, d) = (date.year(), date.month(), date.day());
        let text = match style {
            0 => format!("{y}-{m:02}-{d:02}"),
            1 => format!("{y}/{m}/{d}"),
            2 => format!("{y}.{m}.{d}"),
            3 => format!("{y}年{m}月{d}日"),
            4 => format!("{y}{m:02}{d:02}"),
            5 => format!("\u{3000}{y}/{m}/{d} 0:00 "),
            _ => full_width(&format!("{y}-{m}-{d}")),
        };
        prop_assert_eq!(parse_date(&normalise(&text)), Some(date), "{}", text);
    }

    #[test]
    fn no_text_makes_the_readers_panic(text in "\\PC{0,40}") {
        let cell = normalise(&text);
        let _ = parse_date(&cell);
        let _ = parse_bool(&cell);
        for kind in Kind::ALL {
            let _ = Outcome::parse(kind, &cell);
        }
        let key = match_key(&cell);
        prop_assert_eq!(match_key(&key), key.clone(), "the key of a key is itself");
    }

    #[test]
    fn case_numbers_match_whatever_the_brackets(year in 1990_u32..2100, number in 1_u32..100_000, style in 0_usize..6, space in any::<bool>()) {
        let (open, close) = [("〔", "〕"), ("（", "）"), ("[", "]"), ("(", ")"), ("【", "】"), ("［", "］")][style];
        let gap = if space { " " } else { "" };
        let written = format!("都府复{open}{year}{close}{gap}{number}号");
        prop_assert_eq!(match_key(&normalise(&written)), format!("都府复({year}){number}号"));
    }

    #[test]
    fn outcome_spellings_ignore_inner_spaces(index in 0_usize..13, at in 0_usize..4) {
        let outcome = Outcome::accepted(Kind::Reconsideration).nth(index).unwrap_or(Outcome::Other);
        let mut spelled: Vec<char> = outcome.name().chars().collect();
        spelled.insert(at.min(spelled.len()), ' ');
        let spelled: String = spelled.into_iter().collect();
        prop_assert_eq!(Outcome::parse(Kind::Reconsideration, &normalise(&spelled)), Some(outcome));
    }

    #[test]
    fn rates_round_half_up_exactly(numerator in 0_u64..1_000_000, extra in 0_u64..1_000_000) {
        let denominator = numerator + extra + 1;
        let rate = Percent::of(numerator, denominator).map(|p| p.0);
        // Reference: 10000·n/d rounded half-up, in integers.
        let scaled = u128::from(numerator) * 10_000;
        let d = u128::from(denominator);
        let expected = (scaled / d + u128::from(scaled % d * 2 >= d)) as i64;
        prop_assert_eq!(rate, Some(expected));
        prop_assert!((0..=10_000).contains(&expected));
    }
}
