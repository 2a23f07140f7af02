//! Where rendered output goes: standard output or a file (readable by its owner only),
//! in UTF-8 (with a BOM for CSV, so Excel reads it) or GB18030.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};

use crate::cli::EncodingArg;

/// Renders into memory, encodes, then writes to `path` or `out`.
pub fn emit(
    path: Option<&Path>,
    encoding: EncodingArg,
    byte_order_mark: bool,
    out: &mut dyn Write,
    render: impl FnOnce(&mut dyn Write) -> Result<()>,
) -> Result<()> {
    let mut text = Vec::new();
    render(&mut text)?;
    let bytes = match encoding {
        EncodingArg::Utf8 if byte_order_mark => [b"\xEF\xBB\xBF".as_slice(), &text].concat(),
        EncodingArg::Utf8 => text,
        EncodingArg::Gb18030 => {
            let text = String::from_utf8(text).context("output is not text")?;
            // GB18030 covers all of Unicode: nothing is replaced (unlike GBK's `&#NNN;`).
            encoding_rs::GB18030.encode(&text).0.into_owned()
        }
    };
    match path {
        Some(path) => write_private(path, &bytes),
        None => Ok(out.write_all(&bytes)?),
    }
}

/// Writes a file that only its owner can read: reports hold case data.
pub fn write_private(path: &Path, bytes: &[u8]) -> Result<()> {
    create_private(path, bytes, true)
}

/// Writes a file that only its owner can read; an existing one is replaced only with
/// `replace`, because the file at that name may be a ledger someone has filled in.
pub fn create_private(path: &Path, bytes: &[u8], replace: bool) -> Result<()> {
    let mut file = private_file(path, replace)?;
    file.write_all(bytes)
        .with_context(|| format!("cannot write `{}`", path.display()))
}

fn private_file(path: &Path, replace: bool) -> Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    if replace {
        options.write(true).create(true).truncate(true);
    } else {
        // One step, so nothing can appear at the name between a check and the write.
        options.write(true).create_new(true);
    }
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    match options.open(path) {
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => anyhow::bail!(
            "`{}` already exists; give --force to replace it",
            path.display()
        ),
        opened => opened.with_context(|| format!("cannot create `{}`", path.display())),
    }
}
