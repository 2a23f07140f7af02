//! The ad-hoc filters of a report, a listing, a trend or a work list: only the cases whose
//! 案由, 被申请人, 被告 or 法院 matches a name or a `*` glob, compared in the spelling
//! [`name_key`] groups names under, so that a filter finds what `--by` would show.
//!
//! A key of one kind of case leaves the other kind out: `--respondent` selects
//! reconsideration cases, `--defendant` and `--court` lawsuits. No IO here.

use serde::Serialize;

use super::Breakdown;
use super::breakdown::name_key;

/// A name to match, in [`name_key`]'s spelling; each `*` stands for any run of characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamePattern {
    /// As written, for the report's header.
    written: String,
    /// The pieces between the `*`s, each in [`name_key`]'s spelling.
    pieces: Vec<String>,
}

impl NamePattern {
    /// Reads a pattern as given on the command line; `None` when it holds no character
    /// other than spaces.
    #[must_use]
    pub fn new(written: &str) -> Option<NamePattern> {
        let written = written.trim();
        name_key(written)?;
        let pieces = written
            .split('*')
            .map(|piece| name_key(piece).unwrap_or_default())
            .collect();
        Some(NamePattern {
            written: written.to_owned(),
            pieces,
        })
    }

    /// Whether a name already in [`name_key`]'s spelling matches.
    #[must_use]
    pub fn matches(&self, name: &str) -> bool {
        let [first, middle @ .., last] = self.pieces.as_slice() else {
            // No `*`: one piece, the whole name.
            return self.pieces.first().is_some_and(|whole| whole == name);
        };
        let Some(mut rest) = name.strip_prefix(first.as_str()) else {
            return false;
        };
        for piece in middle {
            match rest.find(piece.as_str()) {
                Some(at) => rest = &rest[at + piece.len()..],
                None => return false,
            }
        }
        rest.len() >= last.len() && rest.ends_with(last.as_str())
    }

    /// The pattern as the user wrote it.
    #[must_use]
    pub fn as_written(&self) -> &str {
        &self.written
    }
}

/// Every condition a case must meet: one name pattern per key at most, all of them
/// together. The empty filter takes every case.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    conditions: Vec<(Breakdown, NamePattern)>,
}

impl Filter {
    /// Adds the condition that the case's name under `by` matches `pattern`, replacing an
    /// earlier one on the same key.
    pub fn add(&mut self, by: Breakdown, pattern: NamePattern) {
        self.conditions.retain(|(key, _)| *key != by);
        self.conditions.push((by, pattern));
        self.conditions.sort_by_key(|(key, _)| key_order(*key));
    }

    /// Whether no condition is set.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.conditions.is_empty()
    }

    /// The keys the conditions are on, in a fixed order.
    pub fn keys(&self) -> impl Iterator<Item = Breakdown> + '_ {
        self.conditions.iter().map(|(key, _)| *key)
    }

    /// Whether a case passes, given its name under each key (in [`name_key`]'s
    /// spelling, `None` when it has none or the key is not of its kind).
    #[must_use]
    pub fn passes<'a>(&self, mut name: impl FnMut(Breakdown) -> Option<&'a str>) -> bool {
        self.conditions
            .iter()
            .all(|(key, pattern)| name(*key).is_some_and(|n| pattern.matches(n)))
    }

    /// Whether a case passes, its names read off the case itself.
    #[must_use]
    pub fn passes_case(&self, case: &super::Case) -> bool {
        self.conditions
            .iter()
            .all(|(key, pattern)| key.name_of(case).is_some_and(|name| pattern.matches(&name)))
    }

    /// The header line of a filtered report: 「被申请人：*公安局」, conditions joined by
    /// 「；」; `None` for the empty filter.
    #[must_use]
    pub fn label_zh(&self) -> Option<String> {
        self.label(Breakdown::label_zh, "：", "；")
    }

    /// The same in English: `Respondent: *公安局; Matter: 征收补偿`.
    #[must_use]
    pub fn label_en(&self) -> Option<String> {
        self.label(Breakdown::label_en, ": ", "; ")
    }

    fn label(
        &self,
        name: fn(Breakdown) -> &'static str,
        colon: &str,
        join: &str,
    ) -> Option<String> {
        (!self.is_empty()).then(|| {
            self.conditions
                .iter()
                .map(|(key, pattern)| format!("{}{colon}{}", name(*key), pattern.as_written()))
                .collect::<Vec<_>>()
                .join(join)
        })
    }
}

/// The order conditions are listed in: as `--by` lists the keys.
fn key_order(key: Breakdown) -> u8 {
    match key {
        Breakdown::Unit => 0,
        Breakdown::Matter => 1,
        Breakdown::Respondent => 2,
        Breakdown::Defendant => 3,
        Breakdown::Court => 4,
    }
}

/// In JSON a filter is an object of the patterns as written, by key:
/// `{"respondent": "*公安局"}`.
impl Serialize for Filter {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.conditions.len()))?;
        for (key, pattern) in &self.conditions {
            map.serialize_entry(key.key(), pattern.as_written())?;
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(pattern: &str, name: &str, expected: bool) {
        let pattern = NamePattern::new(pattern).unwrap();
        let name = name_key(name).unwrap();
        assert_eq!(pattern.matches(&name), expected, "{pattern:?} on {name}");
    }

    #[test]
    fn patterns_match_names_as_grouped() {
        case("都匀市公安局", "都匀市公安局", true);
        case("都匀市 公安局", "都匀市公安局", true);
        case("都匀市公安局", "都匀市 公安局", true);
        case("都匀市公安局", "都匀市公安局交警大队", false);
        case("*公安局", "都匀市公安局", true);
        case("*公安局", "公安局", true);
        case("*公安局", "都匀市公安局交警大队", false);
        case("都匀市*", "都匀市自然资源局", true);
        case("都匀市*", "福泉市自然资源局", false);
        case("*自然资源*", "都匀市自然资源局", true);
        case("*", "任何机关", true);
        case("都*局", "都匀市公安局", true);
        case("都*匀*局", "都匀局", true);
        case("都匀*匀市", "都匀市", false);
        case("ＡＢＣ*", "ABC公司", true);
    }

    #[test]
    fn blank_patterns_are_refused() {
        assert!(NamePattern::new("  ").is_none());
        assert!(NamePattern::new("").is_none());
    }

    #[test]
    fn every_condition_must_hold_and_labels_follow_the_key_order() {
        let mut filter = Filter::default();
        assert!(filter.passes(|_| None));
        assert_eq!(filter.label_zh(), None);
        filter.add(Breakdown::Respondent, NamePattern::new("*公安局").unwrap());
        filter.add(Breakdown::Matter, NamePattern::new("行政处罚").unwrap());
        let names = |key| match key {
            Breakdown::Matter => Some("行政处罚"),
            Breakdown::Respondent => Some("都匀市公安局"),
            Breakdown::Unit | Breakdown::Defendant | Breakdown::Court => None,
        };
        assert!(filter.passes(names));
        assert!(!filter.passes(|key| (key == Breakdown::Matter).then_some("行政处罚")));
        assert_eq!(
            filter.label_zh().as_deref(),
            Some("案由：行政处罚；被申请人：*公安局")
        );
        assert_eq!(
            serde_json::to_string(&filter).unwrap(),
            r#"{"matter":"行政处罚","respondent":"*公安局"}"#
        );
    }
}
