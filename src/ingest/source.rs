//! Where input files come from: expanding folders, fingerprinting content, and reading
//! the date of knowledge from a file name.

use std::fmt::Write as _;
use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use sha2::{Digest, Sha256};

/// Extensions of files caseledger reads, lower case.
pub const EXTENSIONS: &[&str] = &["csv", "tsv", "xlsx", "xlsm", "xls", "xlsb", "ods", "et"];

/// A path a folder walk left out, and why (said to the user as a warning).
#[derive(Debug)]
pub struct Skipped {
    pub path: PathBuf,
    pub reason: String,
}

/// Expands the command-line paths: a file stays itself; a folder gives every ledger file
/// inside it and its subfolders, sorted by path. Office lock files (`~$…`) and hidden
/// files are left out, and so is anything that is not a regular file (a FIFO, device or
/// socket could be read forever) and every link to a folder: links are not followed into
/// folders, so a link back up (`up -> ..`) cannot make the walk go round. A link to a
/// file is read like the file.
pub fn expand(paths: &[PathBuf]) -> std::io::Result<(Vec<PathBuf>, Vec<Skipped>)> {
    let mut files = Vec::new();
    let mut skipped = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut found = Vec::new();
            walk(path, &mut found, &mut skipped)?;
            found.sort();
            files.extend(found);
        } else {
            files.push(path.clone());
        }
    }
    Ok((files, skipped))
}

fn walk(dir: &Path, found: &mut Vec<PathBuf>, skipped: &mut Vec<Skipped>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if name.starts_with('.') || name.starts_with("~$") {
            continue;
        }
        let file_type = entry.file_type()?;
        if file_type.is_dir() {
            walk(&path, found, skipped)?;
            continue;
        }
        // What the entry is, following a link to its end (a broken link is nothing).
        let target = std::fs::metadata(&path).map(|m| m.file_type());
        let reason = match target {
            Ok(t) if t.is_dir() => Some(
                "a link to a folder, not followed: name the folder itself to read it".to_owned(),
            ),
            Ok(t) if t.is_file() && has_ledger_extension(&path) => {
                found.push(path.clone());
                None
            }
            Ok(_) if !has_ledger_extension(&path) => None,
            Ok(t) => not_a_file(t).map(|what| format!("{what}, not a file: skipped")),
            Err(_) if file_type.is_symlink() && has_ledger_extension(&path) => {
                Some("a link to nothing: skipped".to_owned())
            }
            Err(e) => return Err(e),
        };
        if let Some(reason) = reason {
            skipped.push(Skipped { path, reason });
        }
    }
    Ok(())
}

/// What a path that is neither a file nor a folder is ("a FIFO", "a device"…), or `None`
/// for a regular file or folder. Only regular files are read: the others may never end.
#[must_use]
pub fn not_a_file(file_type: std::fs::FileType) -> Option<&'static str> {
    if file_type.is_file() || file_type.is_dir() {
        return None;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return Some("a FIFO (named pipe)");
        }
        if file_type.is_char_device() || file_type.is_block_device() {
            return Some("a device");
        }
        if file_type.is_socket() {
            return Some("a socket");
        }
    }
    Some("not a regular file")
}

#[must_use]
pub fn has_ledger_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// The SHA-256 of a file's bytes, as lower-case hex.
pub fn sha256(path: &Path) -> std::io::Result<String> {
    let mut file = File::open(path)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0_u8; 1 << 16];
    loop {
        match file.read(&mut buf)? {
            0 => break,
            n => hasher.update(&buf[..n]),
        }
    }
    let mut hex = String::with_capacity(64);
    for byte in hasher.finalize() {
        // Writing to a String cannot fail.
        let _ = write!(hex, "{byte:02x}");
    }
    Ok(hex)
}

/// The latest date written in a file name as `2021-08-27`, `2021_08_27`, `2021.08.27`
/// or `20210827`; offices name weekly files by their report date.
#[must_use]
pub fn date_in_file_name(name: &str) -> Option<NaiveDate> {
    let chars: Vec<char> = name.chars().collect();
    let mut latest = None;
    for start in 0..chars.len() {
        if !chars[start].is_ascii_digit() || (start > 0 && chars[start - 1].is_ascii_digit()) {
            continue;
        }
        let run = chars[start..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        let candidate: Option<String> = if run == 8 {
            Some(chars[start..start + 8].iter().collect())
        } else if run == 4 {
            separated_date(&chars[start..])
        } else {
            None
        };
        let date = candidate.and_then(|digits| NaiveDate::parse_from_str(&digits, "%Y%m%d").ok());
        if let Some(date) = date.filter(|d| (1990..=2099).contains(&chrono::Datelike::year(d))) {
            latest = latest.max(Some(date));
        }
    }
    latest
}

/// `YYYY-MM-DD` (or `_`, `.`) at the start of `chars`, as eight digits.
fn separated_date(chars: &[char]) -> Option<String> {
    let text: String = chars.iter().take(11).collect();
    let bytes = text.as_bytes();
    if text.len() < 10 || !text.is_ascii() {
        return None;
    }
    let sep = bytes[4];
    let shape_ok = matches!(sep, b'-' | b'_' | b'.')
        && bytes[7] == sep
        && [5, 6, 8, 9].iter().all(|i| bytes[*i].is_ascii_digit())
        && bytes.get(10).is_none_or(|b| !b.is_ascii_digit());
    shape_ok.then(|| format!("{}{}{}", &text[..4], &text[5..7], &text[8..10]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(name: &str, expected: Option<&str>) {
        let expected = expected.map(|e| NaiveDate::parse_from_str(e, "%Y-%m-%d").unwrap());
        assert_eq!(date_in_file_name(name), expected, "{name}");
    }

    #[test]
    fn dates_in_file_names() {
        case("复议台账_都匀市_2021-08-27.csv", Some("2021-08-27"));
        case("应诉台账20210827.csv", Some("2021-08-27"));
        case("周报_2021_08_27.xlsx", Some("2021-08-27"));
        case("周报2021.08.27.csv", Some("2021-08-27"));
        case("台账_2021-01-01至2021-08-27.csv", Some("2021-08-27"));
        case("台账_202108271.csv", None);
        case("台账_2021-13-01.csv", None);
        case("台账_2021-8-27.csv", None);
        case("台账_第3周.csv", None);
        case("台账.csv", None);
    }
}
