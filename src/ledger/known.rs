//! The cases of one kind a ledger holds, read in one sequential scan into memory, so that
//! a large re-import decides its unchanged rows without searching the unique index of
//! case keys once per row (in random order, that search was a fifth of the writer's time).
//!
//! Each case is found by a 128-bit xxh3 hash of its matching key. What an answer from
//! here is trusted for, and why that is exactly what the index search would decide:
//!
//! - **Absent.** A key whose hash is not here is not in the ledger: equal keys hash
//!   equally. The writer still inserts it with `ON CONFLICT DO NOTHING` and falls back to
//!   the index when the insert finds the key (a case an earlier row of the batch added).
//! - **Found, same content hash.** The row is taken as unchanged without reading the
//!   key back. For that to be wrong, the row's key would have to share all 128 bits of
//!   its hash with another key in the ledger *and* the row's content hash (64 bits, over
//!   bytes that begin with the key itself) would have to equal that other case's: far
//!   less likely than the 64-bit content hash alone misjudging a changed row, which the
//!   index search path already accepts. Storing the keys themselves to compare would
//!   take another 20–30 MB for a million cases; reading each back by id would bring back
//!   a random search per row.
//! - **Found, other content.** The writer looks the key up in the index as before, so a
//!   changed row is decided exactly as without the map.
//! - **Two keys of the ledger with one hash.** Found when the table of hashes is built
//!   (the second meets the first on its way to a free slot); such a hash, and a case
//!   with no content hash, answers [`Found::Unsure`] and its rows go through the index.

use anyhow::Result;
use rusqlite::Connection;
use rusqlite::types::ValueRef;

use super::Error;
use super::tables::CASES;
use crate::model::Kind;

/// Bytes of memory per case held, at most: its entry and up to three slots of the
/// table of hashes (at least half of which stay empty).
pub const BYTES_PER_CASE: u64 = (size_of::<Entry>() + 3 * size_of::<u32>()) as u64;

/// The 128-bit hash a matching key is found by.
#[must_use]
pub fn key_hash(key: &str) -> u128 {
    xxhash_rust::xxh3::xxh3_128(key.as_bytes())
}

#[derive(Debug, Clone, Copy)]
struct Entry {
    hash: u128,
    id: i64,
    content: i64,
}

/// What the map says about a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    /// No case of the ledger has this key.
    Absent,
    /// The case whose key has this hash: its id and content hash.
    Case { id: i64, content: i64 },
    /// Ask the ledger: two keys share the hash, or the case has no content hash.
    Unsure,
}

/// A slot of the table that holds no entry.
const EMPTY: u32 = u32::MAX;

/// Every case of one kind: entries in the order of their ids, and an open-addressing
/// table of their positions by key hash.
///
/// A weekly snapshot lists its cases in about the order they were first imported, which
/// is the order of their ids: each look-up first tries the entry after the one found
/// last, which is then read in sequence rather than at a random place in some 40 MB.
pub struct KnownCases {
    kind: Kind,
    entries: Vec<Entry>,
    /// Positions in `entries`, at the slot a hash's low bits name or the next free one.
    slots: Vec<u32>,
    /// Hashes shared by two cases, or of a case with no content hash; sorted.
    unsure: Vec<u128>,
    /// The entry after the one found last.
    next: usize,
}

impl KnownCases {
    /// Reads every case of `kind` in one scan of the table in id order (not through the
    /// index of keys, which would visit the rows in key order, at random). `expected`
    /// sizes the vector up front; capacity never touched costs no memory.
    pub fn load(conn: &Connection, kind: Kind, expected: usize) -> Result<KnownCases> {
        let mut entries = Vec::with_capacity(expected);
        let mut unsure = Vec::new();
        let mut scan = conn.prepare(&format!(
            "SELECT id, case_key, content FROM {CASES} NOT INDEXED WHERE kind = ?1 ORDER BY id"
        ))?;
        let mut rows = scan.query([kind.key()])?;
        while let Some(row) = rows.next()? {
            let hash = match row.get_ref(1)? {
                ValueRef::Text(key) => xxhash_rust::xxh3::xxh3_128(key),
                _ => return Err(Error::damaged("a case key that is not text").into()),
            };
            match row.get::<_, Option<i64>>(2)? {
                Some(content) => entries.push(Entry {
                    hash,
                    id: row.get(0)?,
                    content,
                }),
                None => unsure.push(hash),
            }
        }
        Ok(KnownCases::from_entries(kind, entries, unsure))
    }

    fn from_entries(kind: Kind, mut entries: Vec<Entry>, mut unsure: Vec<u128>) -> KnownCases {
        entries.shrink_to_fit();
        // At most two thirds full, so that a key not held is known absent after a few
        // slots.
        let size = (entries.len() + entries.len() / 2 + 1).next_power_of_two();
        let mut slots = vec![EMPTY; size];
        for (at, entry) in entries.iter().enumerate() {
            let mut slot = slot_of(entry.hash, size);
            while slots[slot] != EMPTY {
                if entries[slots[slot] as usize].hash == entry.hash {
                    // Two cases with one hash: neither is trusted.
                    unsure.push(entry.hash);
                }
                slot = (slot + 1) & (size - 1);
            }
            slots[slot] = at as u32;
        }
        unsure.sort_unstable();
        unsure.dedup();
        KnownCases {
            kind,
            entries,
            slots,
            unsure,
            next: 0,
        }
    }

    /// The kind of the cases held.
    #[must_use]
    pub fn kind(&self) -> Kind {
        self.kind
    }

    /// The case whose key hashes to `hash`.
    pub fn find(&mut self, hash: u128) -> Found {
        if !self.unsure.is_empty() && self.unsure.binary_search(&hash).is_ok() {
            return Found::Unsure;
        }
        let at = match self.entries.get(self.next) {
            Some(entry) if entry.hash == hash => self.next,
            _ => {
                let size = self.slots.len();
                let mut slot = slot_of(hash, size);
                loop {
                    let at = self.slots[slot];
                    if at == EMPTY {
                        return Found::Absent;
                    }
                    if self.entries[at as usize].hash == hash {
                        break at as usize;
                    }
                    slot = (slot + 1) & (size - 1);
                }
            }
        };
        self.next = at + 1;
        let entry = self.entries[at];
        Found::Case {
            id: entry.id,
            content: entry.content,
        }
    }
}

/// The slot a hash starts looking in: its low bits (`size` is a power of two).
fn slot_of(hash: u128, size: usize) -> usize {
    (hash as usize) & (size - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(hash: u128, id: i64) -> Entry {
        Entry {
            hash,
            id,
            content: id * 10,
        }
    }

    #[test]
    fn every_case_is_found_by_its_hash_and_no_other_hash_finds_one() {
        for n in [0_i64, 1, 2, 3, 7, 8, 9, 1000] {
            let hashes: Vec<u128> = (0..n)
                .map(|i| key_hash(&format!("府复〔2021〕{i}号")))
                .collect();
            let entries = hashes
                .iter()
                .zip(1..)
                .map(|(h, id)| entry(*h, id))
                .collect();
            let mut known = KnownCases::from_entries(Kind::Reconsideration, entries, Vec::new());
            for (hash, id) in hashes.iter().zip(1..) {
                assert_eq!(
                    known.find(*hash),
                    Found::Case {
                        id,
                        content: id * 10
                    }
                );
            }
            for hash in [0, u128::MAX, key_hash("府复〔2022〕1号")] {
                assert_eq!(known.find(hash), Found::Absent);
            }
        }
    }

    #[test]
    fn hashes_that_start_at_one_slot_are_found_in_any_order() {
        // Equal low bits: each look-up that misses the next entry walks the slots.
        let hashes = [1 << 64, 2 << 64, 3 << 64, u128::MAX << 64, 0];
        let entries = hashes
            .iter()
            .zip(1..)
            .map(|(h, id)| entry(*h, id))
            .collect();
        let mut known = KnownCases::from_entries(Kind::Litigation, entries, Vec::new());
        for order in [
            [0, 1, 2, 3, 4],
            [4, 3, 2, 1, 0],
            [2, 0, 3, 1, 4],
            [3, 4, 0, 1, 2],
        ] {
            for i in order {
                let id = i as i64 + 1;
                assert_eq!(
                    known.find(hashes[i]),
                    Found::Case {
                        id,
                        content: id * 10
                    }
                );
            }
            assert_eq!(known.find(4 << 64), Found::Absent);
        }
    }

    #[test]
    fn a_hash_two_cases_share_or_without_content_is_left_to_the_ledger() {
        let entries = vec![entry(5, 1), entry(9, 2), entry(5, 3), entry(7, 4)];
        let mut known = KnownCases::from_entries(Kind::Reconsideration, entries, vec![11]);
        assert_eq!(known.find(5), Found::Unsure);
        assert_eq!(known.find(9), Found::Case { id: 2, content: 20 });
        // The entry after the last found has the hash, and still is not trusted.
        assert_eq!(known.find(5), Found::Unsure);
        assert_eq!(known.find(11), Found::Unsure);
        assert_eq!(known.find(9), Found::Case { id: 2, content: 20 });
        assert_eq!(known.find(7), Found::Case { id: 4, content: 40 });
        assert_eq!(known.find(6), Found::Absent);
    }

    #[test]
    fn the_scan_reads_only_the_cases_of_its_kind() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(&format!(
            "CREATE TABLE {CASES} (id INTEGER PRIMARY KEY, kind TEXT, case_key TEXT, content INTEGER);
             INSERT INTO {CASES} VALUES (1, 'reconsideration', 'a', 100), (2, 'litigation', 'a', 200),
                 (3, 'reconsideration', 'b', NULL);"
        ))
        .unwrap();
        let mut known = KnownCases::load(&conn, Kind::Reconsideration, 3).unwrap();
        assert_eq!(
            known.find(key_hash("a")),
            Found::Case {
                id: 1,
                content: 100
            }
        );
        assert_eq!(known.find(key_hash("b")), Found::Unsure);
        assert_eq!(known.find(key_hash("c")), Found::Absent);
    }
}
