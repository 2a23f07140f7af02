//! A user's own outcome spellings (`outcomes map SPELLING=CANONICAL`), each mapped once
//! to a canonical [`Outcome`].
//!
//! Only spellings no built-in list knows may be mapped, so a mapping never changes how a
//! built-in spelling reads. Storing the map is the ledger's business, not this module's.

use std::collections::BTreeMap;

use super::outcome::spelling_key;
use super::{Instance, Kind, Outcome, OutcomeReading};

/// The user's spellings, keyed by their [`spelling_key`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OutcomeMap {
    /// Match key → (the spelling as the user wrote it, its canonical outcome).
    entries: BTreeMap<String, (String, Outcome)>,
}

/// Why an `outcomes map` entry cannot be taken.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OutcomeMapError {
    #[error("`{0}` is not a mapping (write SPELLING=CANONICAL, e.g. 撤销处罚决定=撤销)")]
    NotAMapping(String),
    #[error("`{0}` has no spelling before `=` (write SPELLING=CANONICAL, e.g. 撤销处罚决定=撤销)")]
    EmptySpelling(String),
    #[error(
        "`{0}` has no canonical outcome after `=` (write SPELLING=CANONICAL, e.g. 撤销处罚决定=撤销)"
    )]
    EmptyCanonical(String),
    #[error("`{name}` is not a canonical outcome (accepted: {})", accepted_names())]
    UnknownCanonical { name: String },
    #[error(
        "`{spelling}` is already built in as {}; it needs no mapping",
        meanings_text(.meanings)
    )]
    BuiltIn {
        spelling: String,
        /// What the spelling reads as, by ledger kind.
        meanings: Vec<(Kind, Outcome)>,
    },
}

impl OutcomeMap {
    /// Reads one `SPELLING=CANONICAL` entry (`＝` also separates), both sides trimmed.
    ///
    /// Refused: an empty side, a canonical side that is not a canonical name, and a
    /// spelling some built-in list already reads (the error says as what).
    pub fn parse_entry(entry: &str) -> Result<(String, Outcome), OutcomeMapError> {
        let entry = entry.trim();
        let (spelling, name) = entry
            .split_once(['=', '＝'])
            .ok_or_else(|| OutcomeMapError::NotAMapping(entry.to_owned()))?;
        let (spelling, name) = (spelling.trim(), name.trim());
        if spelling_key(spelling).is_empty() {
            return Err(OutcomeMapError::EmptySpelling(entry.to_owned()));
        }
        if name.is_empty() {
            return Err(OutcomeMapError::EmptyCanonical(entry.to_owned()));
        }
        let outcome = Outcome::from_name(&spelling_key(name)).ok_or_else(|| {
            OutcomeMapError::UnknownCanonical {
                name: name.to_owned(),
            }
        })?;
        let meanings = Outcome::built_in(spelling);
        if !meanings.is_empty() {
            return Err(OutcomeMapError::BuiltIn {
                spelling: spelling.to_owned(),
                meanings,
            });
        }
        Ok((spelling.to_owned(), outcome))
    }

    /// Maps a spelling, replacing what it mapped to before (which is returned).
    pub fn insert(&mut self, spelling: &str, outcome: Outcome) -> Option<Outcome> {
        let key = spelling_key(spelling).into_owned();
        self.entries
            .insert(key, (spelling.to_owned(), outcome))
            .map(|(_, before)| before)
    }

    /// Forgets a spelling (written in any way with the same match key); what it mapped to.
    pub fn remove(&mut self, spelling: &str) -> Option<Outcome> {
        self.entries
            .remove(spelling_key(spelling).as_ref())
            .map(|(_, outcome)| outcome)
    }

    /// Each spelling as the user wrote it, with its canonical outcome, by match key.
    pub fn iter(&self) -> impl Iterator<Item = (&str, Outcome)> {
        self.entries
            .values()
            .map(|(spelling, outcome)| (spelling.as_str(), *outcome))
    }

    #[must_use]
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// How a mapped spelling reads in a ledger kind and instance; `None` when the user
    /// did not map it, or mapped it to an outcome of the other kind only.
    ///
    /// A mapping to an outcome of this kind that the instance does not accept (an
    /// appellate one on a 一审 row) is [`OutcomeReading::WrongInstance`].
    #[must_use]
    pub fn lookup(
        &self,
        kind: Kind,
        instance: Option<Instance>,
        text: &str,
    ) -> Option<OutcomeReading> {
        let (_, outcome) = self.entries.get(spelling_key(text).as_ref())?;
        let outcome = *outcome;
        if Outcome::accepted_for(kind, instance).any(|o| o == outcome) {
            Some(OutcomeReading::Known(outcome))
        } else if Outcome::accepted(kind).any(|o| o == outcome) {
            Some(OutcomeReading::WrongInstance(outcome))
        } else {
            None
        }
    }
}

fn accepted_names() -> String {
    let mut names: Vec<&str> = Vec::new();
    for outcome in Kind::ALL.into_iter().flat_map(Outcome::accepted) {
        if !names.contains(&outcome.name()) {
            names.push(outcome.name());
        }
    }
    names.join("、")
}

/// `撤销`, or `维持 (复议台账) and 维持原判 (应诉台账)` when the kinds read it differently.
fn meanings_text(meanings: &[(Kind, Outcome)]) -> String {
    match meanings {
        [(_, first), rest @ ..] if rest.iter().all(|(_, o)| o == first) => first.name().to_owned(),
        _ => meanings
            .iter()
            .map(|(kind, outcome)| format!("{outcome} ({})", kind.label_zh()))
            .collect::<Vec<_>>()
            .join(" and "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn entry(text: &str, expected: Result<(&str, Outcome), &str>) {
        let got = OutcomeMap::parse_entry(text).map_err(|e| e.to_string());
        let expected = expected
            .map(|(spelling, outcome)| (spelling.to_owned(), outcome))
            .map_err(str::to_owned);
        assert_eq!(got, expected, "{text}");
    }

    #[test]
    fn entries() {
        entry("撤销处罚决定=撤销", Ok(("撤销处罚决定", Outcome::Revoked)));
        entry(
            " 撤销处罚决定 ＝ 撤销 ",
            Ok(("撤销处罚决定", Outcome::Revoked)),
        );
        entry(
            "二审维持=维持原判",
            Ok(("二审维持", Outcome::JudgmentUpheld)),
        );
        entry(
            "被申请人自行撤销=改正后终止",
            Ok(("被申请人自行撤销", Outcome::TerminatedAfterCorrection)),
        );
        entry(
            "不符合受理条件=不予受理",
            Ok(("不符合受理条件", Outcome::NotAccepted)),
        );
    }

    #[test]
    fn bad_entries_say_what_is_wrong() {
        let how = "(write SPELLING=CANONICAL, e.g. 撤销处罚决定=撤销)";
        entry(
            "撤销处罚决定",
            Err(&format!("`撤销处罚决定` is not a mapping {how}")),
        );
        entry(
            "=撤销",
            Err(&format!("`=撤销` has no spelling before `=` {how}")),
        );
        entry(
            "，=撤销",
            Err(&format!("`，=撤销` has no spelling before `=` {how}")),
        );
        entry(
            "撤销处罚决定=",
            Err(&format!(
                "`撤销处罚决定=` has no canonical outcome after `=` {how}"
            )),
        );
        let unknown = OutcomeMap::parse_entry("撤销处罚决定=撤消")
            .unwrap_err()
            .to_string();
        assert!(
            unknown.starts_with("`撤消` is not a canonical outcome (accepted: 维持、驳回请求、"),
            "{unknown}"
        );
        assert!(unknown.ends_with("、提审)"), "{unknown}");
        assert_eq!(unknown.matches("撤销").count(), 1, "{unknown}");
        // A spelling is not a canonical name.
        assert!(OutcomeMap::parse_entry("x=驳回上诉").is_err());
    }

    #[test]
    fn built_in_spellings_cannot_be_mapped() {
        entry(
            "撤销=变更",
            Err("`撤销` is already built in as 撤销; it needs no mapping"),
        );
        entry(
            "驳回上诉，维持原判=改判",
            Err("`驳回上诉，维持原判` is already built in as 维持原判; it needs no mapping"),
        );
        entry(
            "驳回 上诉=维持原判",
            Err("`驳回 上诉` is already built in as 维持原判; it needs no mapping"),
        );
        entry(
            "维持=维持",
            Err(
                "`维持` is already built in as 维持 (复议台账) and 维持原判 (应诉台账); it needs no mapping",
            ),
        );
        entry(
            "驳回=驳回起诉",
            Err("`驳回` is already built in as 驳回请求; it needs no mapping"),
        );
        let Err(OutcomeMapError::BuiltIn { meanings, .. }) =
            OutcomeMap::parse_entry("调解结案=和解")
        else {
            panic!("调解结案 is built in");
        };
        assert_eq!(
            meanings,
            [
                (Kind::Reconsideration, Outcome::Mediated),
                (Kind::Litigation, Outcome::Mediated)
            ]
        );
    }

    #[track_caller]
    fn lookup(
        map: &OutcomeMap,
        kind: Kind,
        instance: Option<Instance>,
        text: &str,
        expected: Option<OutcomeReading>,
    ) {
        assert_eq!(map.lookup(kind, instance, text), expected, "{kind} {text}");
    }

    #[test]
    fn lookups_answer_only_for_mapped_spellings() {
        use Instance::{First, Second};
        use Kind::{Litigation, Reconsideration};
        use OutcomeReading::{Known, WrongInstance};
        let mut map = OutcomeMap::default();
        assert_eq!(map.insert("撤销处罚决定", Outcome::Revoked), None);
        map.insert("二审维持", Outcome::JudgmentUpheld);
        map.insert("不符合受理条件", Outcome::NotAccepted);
        assert_eq!(map.len(), 3);

        lookup(
            &map,
            Reconsideration,
            None,
            "撤销处罚决定",
            Some(Known(Outcome::Revoked)),
        );
        lookup(
            &map,
            Litigation,
            Some(First),
            "撤销 处罚决定。",
            Some(Known(Outcome::Revoked)),
        );
        lookup(
            &map,
            Litigation,
            Some(Second),
            "二审维持",
            Some(Known(Outcome::JudgmentUpheld)),
        );
        lookup(
            &map,
            Litigation,
            None,
            "二审维持",
            Some(Known(Outcome::JudgmentUpheld)),
        );
        lookup(
            &map,
            Litigation,
            Some(First),
            "二审维持",
            Some(WrongInstance(Outcome::JudgmentUpheld)),
        );
        // Mapped to an outcome of the other kind only: the map has nothing to say.
        lookup(&map, Reconsideration, None, "二审维持", None);
        lookup(&map, Litigation, Some(First), "不符合受理条件", None);
        // Built-in spellings are not the map's business.
        lookup(&map, Reconsideration, None, "撤销", None);
        lookup(&map, Reconsideration, None, "", None);
    }

    #[test]
    fn insert_iter_and_remove() {
        let mut map = OutcomeMap::default();
        map.insert("撤销处罚决定", Outcome::Revoked);
        map.insert("二审维持", Outcome::JudgmentUpheld);
        assert_eq!(
            map.insert("撤销 处罚决定", Outcome::Varied),
            Some(Outcome::Revoked)
        );
        let listed: Vec<(&str, Outcome)> = map.iter().collect();
        assert_eq!(
            listed,
            [
                ("二审维持", Outcome::JudgmentUpheld),
                ("撤销 处罚决定", Outcome::Varied)
            ]
        );
        assert_eq!(map.remove("撤销处罚决定。"), Some(Outcome::Varied));
        assert_eq!(map.remove("撤销处罚决定"), None);
        assert_eq!(map.len(), 1);
        assert!(!map.is_empty());
    }
}
