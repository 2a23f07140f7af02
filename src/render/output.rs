//! The one way caseledger writes a file a user named (`--output`, `template`, `backup`):
//! never over the ledger or its write-ahead log, and never in place. The bytes go to an
//! owner-only temporary file in the target's folder, are flushed to the disk and only
//! then renamed over the target, so a full disk or an interruption leaves the previous
//! file whole and no temporary file behind (Ctrl-C, SIGTERM and SIGHUP included; only
//! SIGKILL cannot be caught).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, Once};

use anyhow::{Context, Result, bail};
use tempfile::NamedTempFile;

/// Whether an existing file at the target's name may be replaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Existing {
    Replace,
    /// The file at that name may be a ledger someone has filled in: give --force.
    Keep,
}

/// Writes `bytes` to `path` through a temporary file renamed into place; `ledger` is the
/// ledger of this run, which (with its `-wal` and `-shm`) is never written over.
pub fn write(path: &Path, bytes: &[u8], ledger: Option<&Path>, existing: Existing) -> Result<()> {
    let mut staged = Staged::new(path, ledger, existing)?;
    staged
        .file()
        .write_all(bytes)
        .with_context(|| format!("cannot write `{}`", path.display()))?;
    staged.commit()
}

/// A file being written under a temporary name beside its target; dropped without
/// [`Staged::commit`] (an error, a panic, a signal), it is removed.
pub struct Staged {
    temporary: NamedTempFile,
    target: PathBuf,
    existing: Existing,
    _removal: RemovedOnSignal,
}

impl Staged {
    /// Checks the target and creates the owner-only temporary file beside it.
    pub fn new(target: &Path, ledger: Option<&Path>, existing: Existing) -> Result<Staged> {
        if let Some(ledger) = ledger {
            refuse_ledger(target, ledger)?;
        }
        if existing == Existing::Keep && target.symlink_metadata().is_ok() {
            bail!(already_exists(target));
        }
        if target.is_dir() {
            bail!("`{}` is a folder; give a file name", target.display());
        }
        let dir = folder_of(target);
        // tempfile creates it 0600: the file holds case data from its first byte.
        let temporary = tempfile::Builder::new()
            .prefix(".caseledger-")
            .suffix(".tmp")
            .tempfile_in(dir)
            .with_context(|| format!("cannot create a file in `{}`", dir.display()))?;
        let removal = RemovedOnSignal::new(temporary.path());
        Ok(Staged {
            temporary,
            target: target.to_path_buf(),
            existing,
            _removal: removal,
        })
    }

    /// The temporary file's path, for writers that open it by name (SQLite).
    #[must_use]
    pub fn path(&self) -> &Path {
        self.temporary.path()
    }

    pub fn file(&mut self) -> &mut std::fs::File {
        self.temporary.as_file_mut()
    }

    /// Flushes the file to the disk and renames it over the target.
    pub fn commit(self) -> Result<()> {
        let target = &self.target;
        self.temporary
            .as_file()
            .sync_all()
            .with_context(|| format!("cannot write `{}`", target.display()))?;
        let persisted = match self.existing {
            Existing::Replace => self.temporary.persist(target),
            // Refuses atomically a file that appeared at the name meanwhile.
            Existing::Keep => self.temporary.persist_noclobber(target),
        };
        match persisted {
            Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => {
                bail!(already_exists(target))
            }
            persisted => {
                persisted.with_context(|| format!("cannot write `{}`", target.display()))?;
            }
        }
        // The rename is durable once the folder is; a folder that cannot be opened or
        // synced (some file systems) still holds the renamed file.
        if let Ok(dir) = std::fs::File::open(folder_of(target)) {
            let _ = dir.sync_all();
        }
        Ok(())
    }
}

fn folder_of(path: &Path) -> &Path {
    path.parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

fn already_exists(path: &Path) -> String {
    format!(
        "`{}` already exists; give --force to replace it",
        path.display()
    )
}

/// Refuses a target that is the ledger, its `-wal` or `-shm`, or a link to one of them:
/// the same canonical path, or the same file (device and inode) under another name.
fn refuse_ledger(target: &Path, ledger: &Path) -> Result<()> {
    let target_name = canonical(target);
    for suffix in ["", "-wal", "-shm"] {
        let mut side = ledger.as_os_str().to_owned();
        side.push(suffix);
        let side = PathBuf::from(side);
        if target_name.is_some() && target_name == canonical(&side) || same_file(target, &side) {
            bail!(
                "`{}` is the ledger `{}`{}; writing there would destroy it: give another file",
                target.display(),
                ledger.display(),
                if suffix.is_empty() {
                    String::new()
                } else {
                    format!(" (its `{suffix}` file)")
                }
            );
        }
    }
    Ok(())
}

/// The canonical path of a file, or of its folder joined with its name when the file does
/// not exist yet (the folder's links resolved all the same).
fn canonical(path: &Path) -> Option<PathBuf> {
    if let Ok(path) = std::fs::canonicalize(path) {
        return Some(path);
    }
    let name = path.file_name()?;
    Some(std::fs::canonicalize(folder_of(path)).ok()?.join(name))
}

#[cfg(unix)]
fn same_file(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (std::fs::metadata(a), std::fs::metadata(b)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_: &Path, _: &Path) -> bool {
    // Canonical paths are all Windows offers without unsafe code.
    false
}

/// Paths removed if the process is interrupted while they exist.
static ON_SIGNAL: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Removes a temporary file or folder if the process is interrupted (SIGINT, SIGTERM,
/// SIGHUP) while this lives; dropping it only forgets the path.
pub struct RemovedOnSignal {
    path: PathBuf,
}

impl RemovedOnSignal {
    #[must_use]
    pub fn new(path: &Path) -> RemovedOnSignal {
        watch_signals();
        if let Ok(mut paths) = ON_SIGNAL.lock() {
            paths.push(path.to_path_buf());
        }
        RemovedOnSignal {
            path: path.to_path_buf(),
        }
    }
}

impl Drop for RemovedOnSignal {
    fn drop(&mut self) {
        if let Ok(mut paths) = ON_SIGNAL.lock()
            && let Some(at) = paths.iter().rposition(|p| *p == self.path)
        {
            paths.swap_remove(at);
        }
    }
}

/// Starts, once, the thread that waits for an interruption, removes the registered paths
/// and ends the process as the signal would have; and turns a write past the file-size
/// limit into an error rather than a kill. Called when a command starts.
pub fn watch_signals() {
    #[cfg(unix)]
    {
        static WATCH: Once = Once::new();
        WATCH.call_once(|| {
            use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM, SIGXFSZ};
            // Past the file-size limit a write then fails with an error, which removes the
            // temporary file and says so, instead of the signal killing the process.
            let _ = signal_hook::flag::register(
                SIGXFSZ,
                std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false)),
            );
            let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP])
            else {
                return; // no handler: the files are still removed on every other exit
            };
            std::thread::spawn(move || {
                if let Some(signal) = signals.forever().next() {
                    if let Ok(paths) = ON_SIGNAL.lock() {
                        for path in paths.iter() {
                            if path.is_dir() {
                                let _ = std::fs::remove_dir_all(path);
                            } else {
                                let _ = std::fs::remove_file(path);
                            }
                        }
                    }
                    let _ = signal_hook::low_level::emulate_default_handler(signal);
                    std::process::exit(128 + signal);
                }
            });
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_file_is_written_owner_only_and_nothing_else_is_left() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("report.csv");
        write(&target, b"figures", None, Existing::Keep).unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"figures");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&target).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }

    #[test]
    fn an_existing_file_is_kept_unless_replacing() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("template.xlsx");
        std::fs::write(&target, b"filled in").unwrap();
        let refused = write(&target, b"blank", None, Existing::Keep).unwrap_err();
        assert!(refused.to_string().contains("--force"), "{refused}");
        assert_eq!(std::fs::read(&target).unwrap(), b"filled in");
        write(&target, b"blank", None, Existing::Replace).unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"blank");
    }

    #[test]
    fn the_ledger_and_its_side_files_are_refused_under_any_name() {
        let dir = tempfile::tempdir().unwrap();
        let ledger = dir.path().join("ledger.sqlite");
        std::fs::write(&ledger, b"ledger").unwrap();
        std::fs::write(dir.path().join("ledger.sqlite-wal"), b"log").unwrap();
        let mut targets = vec![
            ledger.clone(),
            dir.path().join(".").join("ledger.sqlite"),
            dir.path().join("ledger.sqlite-wal"),
            dir.path().join("ledger.sqlite-shm"),
        ];
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(&ledger, dir.path().join("link.csv")).unwrap();
            std::fs::hard_link(&ledger, dir.path().join("hard.csv")).unwrap();
            targets.push(dir.path().join("link.csv"));
            targets.push(dir.path().join("hard.csv"));
        }
        for target in targets {
            let refused = write(&target, b"x", Some(&ledger), Existing::Replace).unwrap_err();
            assert!(refused.to_string().contains("is the ledger"), "{refused}");
        }
        assert_eq!(std::fs::read(&ledger).unwrap(), b"ledger");
    }

    #[test]
    fn a_dropped_file_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("copy.sqlite");
        let mut staged = Staged::new(&target, None, Existing::Keep).unwrap();
        staged.file().write_all(b"half").unwrap();
        drop(staged);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
