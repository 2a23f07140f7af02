//! The SQLite ledger: the only module that issues SQL.
//!
//! A ledger holds every import as a batch and every new or changed case as a version;
//! versions are never updated in place. The current state of a case as of a date is its
//! version from the batch with the latest as-of date on or before it (ties: the later
//! import). Each case row also carries a compact copy of its latest version, derived
//! from the versions and kept in step by every write, so that reports on everything
//! known and re-imports need not search the versions.

mod backup;
mod benchmarks;
mod case_row;
mod current;
mod error;
mod known;
mod lead;
mod read;
pub mod schema;
mod settings;
mod sightings;
mod tables;
#[cfg(test)]
pub(crate) mod test_fixtures;
mod undo;
mod verify;
mod work;
mod write;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use rusqlite::{Connection, OpenFlags};

pub use backup::Copied;
pub use error::Error;
pub use lead::LedCase;
pub use read::{BatchRecord, DayColumn, Narrowing, VersionRecord};
pub use undo::Undone;
pub use verify::{Problem, Verification};
pub use write::{BatchRef, BatchTally, BatchWriter, Listed, NewBatch, Recorded, Writer};

/// A consistent view of the ledger, from [`Ledger::snapshot`] until dropped.
pub struct Snapshot<'a> {
    _read: rusqlite::Transaction<'a>,
}

/// SQLite's page cache while an import or undo writes, in KiB (negative: a size, not a
/// page count). At the 2 MiB default the pages of a unique index filled in random key
/// order fall out of the cache between two visits, and each row costs a page written
/// and read back; this holds the index of a few million cases. Only writers get it: a
/// report reads each page once.
pub(crate) const WRITE_CACHE: i64 = -64 * 1024;

/// SQLite's default page cache (2 MiB), restored when a write ends.
pub(crate) const DEFAULT_CACHE: i64 = -2000;

/// How long a writer waits for another process's import before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// An open ledger file.
pub struct Ledger {
    conn: Connection,
    /// The file, so a writer can tell that it still exists (see [`Ledger::remove_if_empty`]).
    path: Option<PathBuf>,
    /// This user may not write the file: opened for reading only.
    read_only: bool,
}

impl Ledger {
    /// Opens a ledger, creating it (readable by its owner only) if it does not exist.
    pub fn open_or_create(path: &Path) -> Result<Ledger> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).with_context(|| {
                format!("cannot create the folder of ledger `{}`", dir.display())
            })?;
        }
        match create_private_file(path) {
            // Another import may have created it a moment ago: use that one.
            Err(e) if e.kind() != std::io::ErrorKind::AlreadyExists => {
                return Err(e)
                    .with_context(|| format!("cannot create ledger `{}`", path.display()));
            }
            _ => {}
        }
        Ledger::open_existing(path)
    }

    /// Deletes the ledger file if it holds nothing at all (after a first import that wrote
    /// nothing). Holds the exclusive lock while it checks and deletes, so a second process
    /// cannot have written meanwhile; one waiting for the lock finds the file gone and
    /// stops (see [`Ledger::writer`]). Returns whether the file was deleted.
    pub fn remove_if_empty(mut self) -> Result<bool> {
        let Some(path) = self.path.take() else {
            return Ok(false);
        };
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Exclusive)?;
        let empty: bool = tx.query_row(
            &format!(
                "SELECT NOT EXISTS (SELECT 1 FROM {b}) AND NOT EXISTS (SELECT 1 FROM {s}) \
                 AND NOT EXISTS (SELECT 1 FROM {m}) AND NOT EXISTS (SELECT 1 FROM {u})",
                b = tables::BATCHES,
                s = tables::SETTINGS,
                m = tables::BENCHMARKS,
                u = tables::UNITS
            ),
            [],
            |r| r.get(0),
        )?;
        if empty {
            std::fs::remove_file(&path)
                .with_context(|| format!("cannot remove the empty ledger `{}`", path.display()))?;
        }
        drop(tx);
        if empty {
            // Closing checkpoints and removes the write-ahead log; remove what is left.
            drop(self.conn);
            for suffix in ["-wal", "-shm"] {
                let mut side = path.clone().into_os_string();
                side.push(suffix);
                match std::fs::remove_file(&side) {
                    Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                        return Err(e).with_context(|| {
                            format!("cannot remove `{}`", PathBuf::from(&side).display())
                        });
                    }
                    _ => {}
                }
            }
        }
        Ok(empty)
    }

    /// Opens a ledger that must already exist (reports never create an empty one).
    pub fn open_existing(path: &Path) -> Result<Ledger> {
        require_exists(path)?;
        if !writable(path) {
            return Ledger::open_read_only(path);
        }
        // One connection per process, used from one thread: SQLite's own mutexes only cost.
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        // Switching a new ledger to write-ahead logging and migrating it can be refused at
        // once, without the busy wait, while another process does the same: retry for as
        // long as the busy wait would have waited.
        let deadline = Instant::now() + BUSY_TIMEOUT;
        let mut ledger = loop {
            let conn = Connection::open_with_flags(sqlite_name(path), flags)
                .with_context(|| format!("cannot open ledger `{}`", path.display()))?;
            match Ledger::prepare(conn) {
                Ok(ledger) => break ledger,
                Err(e)
                    if matches!(Error::refusal(&e), Some(Error::Busy))
                        && Instant::now() < deadline =>
                {
                    std::thread::sleep(Duration::from_millis(20));
                }
                Err(e) => {
                    return Err(e)
                        .with_context(|| format!("cannot use ledger `{}`", path.display()));
                }
            }
        };
        ledger.path = Some(path.to_path_buf());
        Ok(ledger)
    }

    /// Opens a ledger to check it as it is: not upgraded, nothing written (see
    /// [`Ledger::verify`]). One newer than this build is refused, as everywhere.
    pub fn open_to_verify(path: &Path) -> Result<Ledger> {
        require_exists(path)?;
        // Read-write when allowed, only so that SQLite can use the write-ahead log beside
        // the file as it does for every other command; `read_only` keeps writers out.
        // A ledger this user may not write is opened as immutable, as for reports: SQLite
        // would otherwise leave a log and an index beside it that later block its owner.
        let opened = if writable(path) {
            Connection::open_with_flags(
                sqlite_name(path),
                OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            )
        } else {
            Connection::open_with_flags(
                immutable_uri(path),
                OpenFlags::SQLITE_OPEN_READ_ONLY
                    | OpenFlags::SQLITE_OPEN_URI
                    | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            )
        };
        let conn = opened.with_context(|| format!("cannot open ledger `{}`", path.display()))?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        let found = schema::user_version(&conn)
            .with_context(|| format!("cannot read ledger `{}`", path.display()))?;
        if found > schema::LATEST {
            return Err(Error::SchemaTooNew {
                found,
                supported: schema::LATEST,
            }
            .into());
        }
        Ok(Ledger {
            conn,
            path: Some(path.to_path_buf()),
            read_only: true,
        })
    }

    /// A ledger this user may read but not write (a copy marked read-only, a read-only
    /// mount): reports work; anything that writes is refused. Opened as immutable, since
    /// its write-ahead log could not be created beside it; nobody with this access can
    /// change it meanwhile.
    fn open_read_only(path: &Path) -> Result<Ledger> {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(immutable_uri(path), flags)
            .with_context(|| format!("cannot open ledger `{}`", path.display()))?;
        let found = schema::user_version(&conn)?;
        if found > schema::LATEST {
            return Err(Error::SchemaTooNew {
                found,
                supported: schema::LATEST,
            }
            .into());
        }
        if found < schema::LATEST {
            bail!(
                "the ledger `{}` was written by an earlier caseledger and must be upgraded, \
                 which needs write access: run any caseledger command on it once as its owner",
                path.display()
            );
        }
        Ok(Ledger {
            conn,
            path: Some(path.to_path_buf()),
            read_only: true,
        })
    }

    /// The ledger's file (none for a ledger in memory): what no output may overwrite.
    #[must_use]
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Holds one view of the ledger until dropped: every query made meanwhile sees the
    /// same state, so a report taken while an import commits shows it all or not at all
    /// (its period, rules and counts alike). With the write-ahead log an import goes on
    /// meanwhile; the next snapshot sees it.
    pub fn snapshot(&self) -> Result<Snapshot<'_>> {
        let tx = self.conn.unchecked_transaction()?;
        // The read lock is taken by the first read, so read now rather than later.
        tx.query_row("SELECT count(*) FROM sqlite_schema", [], |_| Ok(()))?;
        Ok(Snapshot { _read: tx })
    }

    /// A ledger in memory, for tests.
    pub fn in_memory() -> Result<Ledger> {
        Ledger::prepare(Connection::open_in_memory()?)
    }

    fn prepare(mut conn: Connection) -> Result<Ledger> {
        conn.busy_timeout(BUSY_TIMEOUT)?;
        // Write-ahead logging: a report reads the last committed state while an import
        // writes, instead of waiting for it once the import's pages outgrow the cache.
        // (A ledger in memory answers "memory"; that is fine.)
        let _mode: String =
            conn.pragma_update_and_check(None, "journal_mode", "wal", |r| r.get(0))?;
        conn.pragma_update(None, "foreign_keys", true)?;
        schema::migrate(&mut conn)?;
        Ok(Ledger {
            conn,
            path: None,
            read_only: false,
        })
    }
}

/// Adds to a failed command's error what the user can do when SQLite found the ledger
/// damaged or could not write it; any other error is returned as it was. Damage in a
/// page a write reads stops the write (SQLite rolls it back): nothing is written to a
/// ledger known to be damaged.
#[must_use]
pub fn advise(error: anyhow::Error, path: &Path) -> anyhow::Error {
    let code = error.chain().find_map(|cause| {
        cause
            .downcast_ref::<rusqlite::Error>()
            .and_then(rusqlite::Error::sqlite_error_code)
    });
    let advice = match code {
        Some(rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase) => format!(
            "the ledger `{}` is damaged and nothing was written to it: run `caseledger verify` to see where, and restore the last copy `caseledger backup` made",
            path.display()
        ),
        Some(rusqlite::ErrorCode::ReadOnly | rusqlite::ErrorCode::CannotOpen) => format!(
            "the ledger `{}` cannot be written by this user (the file or its folder is read-only): reports still work; to change it, ask its owner or copy it to a folder you can write",
            path.display()
        ),
        _ => return error,
    };
    error.context(advice)
}

fn require_exists(path: &Path) -> Result<()> {
    if !path.exists() {
        bail!(
            "no ledger at `{}`: import files first (caseledger import PATH…), or give --ledger",
            path.display()
        );
    }
    Ok(())
}

/// Whether this process may write the file (it exists) and, unless its write-ahead log is
/// already there, create the log beside it: in a read-only folder SQLite could open the
/// file but not write through it, so the ledger is read as a read-only one instead.
fn writable(path: &Path) -> bool {
    let refused = |e: &std::io::Error| {
        matches!(
            e.kind(),
            std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem
        )
    };
    if let Err(e) = std::fs::OpenOptions::new().write(true).open(path) {
        return !refused(&e);
    }
    let mut log = path.as_os_str().to_owned();
    log.push("-wal");
    if Path::new(&log).exists() {
        return true;
    }
    let folder = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    // A file without a name (or one removed at once where there is none): leaves nothing.
    match tempfile::tempfile_in(folder) {
        Ok(_) => true,
        Err(e) => !refused(&e),
    }
}

/// The name to give SQLite for a file: SQLite reads a name that begins with `file:` as a
/// URI (`file:x.sqlite?mode=memory` would be no file at all), so such a relative name is
/// given as `./file:…`. A path is only ever a path.
pub(crate) fn sqlite_name(path: &Path) -> PathBuf {
    if path.as_os_str().as_encoded_bytes().starts_with(b"file:") {
        Path::new(".").join(path)
    } else {
        path.to_path_buf()
    }
}

/// `file:PATH?immutable=1`, with the characters a URI gives meaning to escaped.
fn immutable_uri(path: &Path) -> String {
    let mut uri = String::from("file:");
    for c in path.to_string_lossy().chars() {
        match c {
            '%' => uri.push_str("%25"),
            '?' => uri.push_str("%3F"),
            '#' => uri.push_str("%23"),
            c => uri.push(c),
        }
    }
    uri.push_str("?immutable=1");
    uri
}

#[cfg(unix)]
fn create_private_file(path: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .map(drop)
}

#[cfg(not(unix))]
fn create_private_file(path: &Path) -> std::io::Result<()> {
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map(drop)
}

/// Where the ledger lives when neither `--ledger` nor `CASELEDGER_LEDGER` says:
/// `$XDG_DATA_HOME/caseledger/ledger.sqlite` (by default `~/.local/share/…`), or
/// `%APPDATA%\caseledger\ledger.sqlite` on Windows; `./caseledger.sqlite` if there is no home.
#[must_use]
pub fn default_path() -> PathBuf {
    let var = |name: &str| {
        std::env::var_os(name)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    let base = if cfg!(windows) {
        var("APPDATA")
    } else {
        var("XDG_DATA_HOME").or_else(|| var("HOME").map(|home| home.join(".local").join("share")))
    };
    base.map_or_else(
        || PathBuf::from("caseledger.sqlite"),
        |dir| dir.join("caseledger").join("ledger.sqlite"),
    )
}
