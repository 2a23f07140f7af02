//! The 化解进展 recorded in a month: the texts the month's versions wrote or rewrote, each
//! with the as-of date of the version that first carried it.

use chrono::NaiveDate;
use serde::Serialize;

/// One 化解进展 text with the as-of date of the version that first recorded it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProgressNote {
    pub as_of: NaiveDate,
    pub text: String,
}

/// The progress recorded in a period: each version's 化解进展 that differs from the text
/// in force just before it (`before`: the text the period began with), with that
/// version's as-of date, oldest first. A text carried over unchanged is no news, and an
/// emptied cell records nothing.
#[must_use]
pub fn progress_notes<'a>(
    before: Option<&'a str>,
    during: impl IntoIterator<Item = (NaiveDate, Option<&'a str>)>,
) -> Vec<ProgressNote> {
    let mut last = before;
    let mut notes = Vec::new();
    for (as_of, text) in during {
        if let Some(text) = text
            && last != Some(text)
        {
            notes.push(ProgressNote {
                as_of,
                text: text.to_owned(),
            });
        }
        last = text;
    }
    notes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::fixture::d;

    #[track_caller]
    fn notes(before: Option<&str>, during: &[(&str, Option<&str>)], expected: &[(&str, &str)]) {
        let got = progress_notes(before, during.iter().map(|(a, t)| (d(a), *t)));
        let got: Vec<(String, String)> = got
            .into_iter()
            .map(|n| (n.as_of.to_string(), n.text))
            .collect();
        let expected: Vec<(String, String)> = expected
            .iter()
            .map(|(a, t)| ((*a).to_owned(), (*t).to_owned()))
            .collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn progress_is_what_changed_in_the_month() {
        notes(None, &[], &[]);
        notes(Some("约谈"), &[], &[]);
        notes(
            None,
            &[("2021-08-06", Some("约谈")), ("2021-08-20", Some("调解中"))],
            &[("2021-08-06", "约谈"), ("2021-08-20", "调解中")],
        );
        // Carried over from July, then unchanged twice: nothing new until it changes.
        notes(
            Some("约谈"),
            &[
                ("2021-08-06", Some("约谈")),
                ("2021-08-13", Some("约谈")),
                ("2021-08-20", Some("调解中")),
                ("2021-08-27", Some("调解中")),
            ],
            &[("2021-08-20", "调解中")],
        );
        // Emptied, then written again: written again is recorded again.
        notes(
            Some("约谈"),
            &[("2021-08-06", None), ("2021-08-13", Some("约谈"))],
            &[("2021-08-13", "约谈")],
        );
    }
}
