//! What the ledger reports that a caller may branch on, or that a user must tell apart
//! from an ordinary failure: a file holding what caseledger never writes, a ledger from a
//! newer caseledger, SQLite refusing because of a lock or a broken file. Every other
//! failure travels as `anyhow` with the context of the file it concerns.

use std::fmt;

use rusqlite::ErrorCode;

/// An error of the ledger itself.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The file holds something caseledger never writes (a hand edit, a disk fault): what.
    #[error("damaged ledger: {0}")]
    Damaged(String),
    /// A stored setting caseledger cannot read back.
    #[error("damaged ledger setting `{key}`: {reason}")]
    DamagedSetting { key: String, reason: String },
    /// The ledger was written by a newer caseledger.
    #[error(
        "the ledger has schema version {found}, but this caseledger understands up to {supported}; use a newer caseledger"
    )]
    SchemaTooNew { found: i64, supported: i64 },
    /// Another connection holds a lock that SQLite would not wait for.
    #[error("the ledger is in use by another process")]
    Busy,
    /// SQLite finds the file is not a database, or a malformed one.
    #[error("the ledger file is not a sound SQLite database")]
    Corrupt,
}

impl Error {
    /// [`Error::Damaged`], saying what was found.
    pub(crate) fn damaged(what: impl fmt::Display) -> Error {
        Error::Damaged(what.to_string())
    }

    /// [`Error::Busy`] or [`Error::Corrupt`] when SQLite's refusal, anywhere among
    /// `error`'s causes, means one of them; `None` for any other error.
    pub(crate) fn refusal(error: &anyhow::Error) -> Option<Error> {
        error.chain().find_map(|cause| {
            let code = cause
                .downcast_ref::<rusqlite::Error>()?
                .sqlite_error_code()?;
            match code {
                ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked => Some(Error::Busy),
                ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase => Some(Error::Corrupt),
                // SQLite's other refusals are ordinary failures, reported as they come.
                _ => None,
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(code: ErrorCode, expected: Option<&str>) {
        let sqlite = rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error {
                code,
                extended_code: 0,
            },
            None,
        );
        let error = anyhow::Error::new(sqlite).context("cannot use ledger `x`");
        let found = Error::refusal(&error).map(|e| e.to_string());
        assert_eq!(found.as_deref(), expected, "{code:?}");
    }

    #[test]
    fn sqlite_refusals_are_told_apart() {
        case(
            ErrorCode::DatabaseBusy,
            Some("the ledger is in use by another process"),
        );
        case(
            ErrorCode::DatabaseLocked,
            Some("the ledger is in use by another process"),
        );
        case(
            ErrorCode::DatabaseCorrupt,
            Some("the ledger file is not a sound SQLite database"),
        );
        case(
            ErrorCode::NotADatabase,
            Some("the ledger file is not a sound SQLite database"),
        );
        case(ErrorCode::ConstraintViolation, None);
        case(ErrorCode::DiskFull, None);
    }

    #[test]
    fn an_error_without_sqlite_is_no_refusal() {
        assert!(Error::refusal(&anyhow::anyhow!("database is locked")).is_none());
    }
}
