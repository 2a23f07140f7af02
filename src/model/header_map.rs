//! A user's own column headers (`columns map HEADER=字段`), each mapped once per ledger
//! kind to a field, or acknowledged as a column that is not read (`HEADER=-`).
//!
//! Matching a header against the map (by meaning, as every header is matched) is the
//! reader's business; storing it is the ledger's.

use std::collections::BTreeMap;

use super::{Field, Kind};

/// The headers users mapped, per kind, as they wrote them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HeaderMap {
    /// (kind, header as written) → the field it gives, or `None`: acknowledged, not read.
    entries: BTreeMap<(Kind, String), Option<Field>>,
}

impl HeaderMap {
    /// Maps a header of a kind's files, replacing an earlier mapping of the same header.
    pub fn insert(&mut self, kind: Kind, header: &str, field: Option<Field>) {
        self.entries.insert((kind, header.to_owned()), field);
    }

    /// Every mapping of a kind: the header as written, and its field (`None`: not read).
    pub fn of(&self, kind: Kind) -> impl Iterator<Item = (&str, Option<Field>)> {
        self.entries
            .iter()
            .filter(move |((k, _), _)| *k == kind)
            .map(|((_, header), field)| (header.as_str(), *field))
    }

    /// Every mapping, by kind then header.
    pub fn iter(&self) -> impl Iterator<Item = (Kind, &str, Option<Field>)> {
        self.entries
            .iter()
            .map(|((kind, header), field)| (*kind, header.as_str(), *field))
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}
