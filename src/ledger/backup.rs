//! A consistent copy of a ledger in use, through SQLite's online backup API.
//!
//! The copy is written into a file the caller provides (an owner-only temporary file
//! beside the destination) and checked; the caller renames it into place, so a failed
//! backup leaves nothing behind and a file it replaces stays whole until the copy is.

use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use rusqlite::Connection;
use rusqlite::backup::{Backup, StepResult};

use super::{BUSY_TIMEOUT, Ledger};

/// Pages copied per step (4 KiB each): small enough for a steady progress bar.
const PAGES_PER_STEP: i32 = 256;

/// What a backup copied.
#[derive(Debug, Clone, Copy)]
pub struct Copied {
    pub pages: u64,
    pub bytes: u64,
}

impl Ledger {
    /// Copies the ledger into the empty file at `path` as it stands when the copy starts,
    /// while imports and reports go on; `progress(done, total)` is called with pages after
    /// each step. The copy passes SQLite's `quick_check` and is closed before this returns,
    /// so that the caller can rename it into place (see `render::output::Staged`).
    pub fn backup_into(&self, path: &Path, mut progress: impl FnMut(u64, u64)) -> Result<Copied> {
        let mut copy = Connection::open(super::sqlite_name(path))
            .with_context(|| format!("cannot open `{}`", path.display()))?;
        let copied = {
            // One read transaction for the whole copy: every step reads the same state, so
            // an import that commits meanwhile is in the copy entirely or not at all, and
            // does not restart it (with the write-ahead log it does not wait for us either).
            let read = self.conn.unchecked_transaction()?;
            read.query_row("SELECT count(*) FROM sqlite_schema", [], |_| Ok(()))?;
            let backup = Backup::new(&self.conn, &mut copy)?;
            let deadline = Instant::now() + BUSY_TIMEOUT;
            loop {
                let step = backup.step(PAGES_PER_STEP)?;
                let p = backup.progress();
                let total = u64::try_from(p.pagecount).unwrap_or(0);
                let remaining = u64::try_from(p.remaining).unwrap_or(0);
                progress(total.saturating_sub(remaining), total);
                match step {
                    StepResult::Done => break,
                    StepResult::More => {}
                    // Transient: the destination is ours alone, so only a lock elsewhere.
                    _ if Instant::now() < deadline => {
                        std::thread::sleep(Duration::from_millis(20));
                    }
                    _ => bail!("the ledger stayed locked for {BUSY_TIMEOUT:?}; try again"),
                }
            }
            u64::try_from(backup.progress().pagecount).unwrap_or(0)
        };
        let check: String = copy.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
        if check != "ok" {
            bail!("the copy failed SQLite's check ({check}); nothing was written");
        }
        let page_size: i64 = copy.query_row("PRAGMA page_size", [], |r| r.get(0))?;
        // Closed before the rename, so no journal or log is left under the temporary name.
        copy.close().map_err(|(_, e)| e)?;
        Ok(Copied {
            pages: copied,
            bytes: copied * u64::try_from(page_size).unwrap_or(0),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_copy_is_a_ledger_with_the_same_schema() {
        let dir = tempfile::tempdir().unwrap();
        let ledger = Ledger::open_or_create(&dir.path().join("ledger.sqlite")).unwrap();
        let target = dir.path().join("copy.sqlite");
        std::fs::write(&target, b"").unwrap();
        let mut calls = 0;
        let copied = ledger.backup_into(&target, |_, _| calls += 1).unwrap();
        assert!(copied.pages > 0 && calls > 0);
        let copy = Ledger::open_existing(&target).unwrap();
        assert_eq!(
            super::super::schema::user_version(&copy.conn).unwrap(),
            super::super::schema::LATEST
        );
    }
}
