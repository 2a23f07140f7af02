//! A word that names none of the values it could: what was written, and what would have
//! been accepted, for every `FromStr` of the domain vocabulary.

/// `2021-13` is not a month, `other` is not a ledger kind …
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{value}` is not {what} ({accepted})")]
pub struct Unknown {
    /// What the word should have named, with its article: `a month`.
    pub what: &'static str,
    pub value: String,
    /// The accepted forms, or how to write one.
    pub accepted: &'static str,
}

impl Unknown {
    #[must_use]
    pub fn new(what: &'static str, value: &str, accepted: &'static str) -> Unknown {
        Unknown {
            what,
            value: value.to_owned(),
            accepted,
        }
    }
}
