//! Where rendered output goes: standard output or a file (through the guarded write of
//! `render::output`), in UTF-8 (with a BOM for CSV, so Excel reads it) or GB18030.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};

use crate::cli::EncodingArg;
use crate::ledger::Ledger;
use crate::render::output::{self, Existing};

/// Renders into memory, encodes, then writes to `path` (never over `ledger`) or `out`.
pub fn emit(
    ledger: Option<&Path>,
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
        Some(path) => output::write(path, &bytes, ledger, Existing::Replace),
        None => Ok(out.write_all(&bytes)?),
    }
}

/// [`emit`] in UTF-8: every output but the report's listings, which may ask for GB18030.
/// A byte-order mark goes before CSV, for Excel; other text, a workbook or a document is
/// passed through untouched.
pub fn emit_utf8(
    ledger: &Ledger,
    path: Option<&Path>,
    csv: bool,
    out: &mut dyn Write,
    render: impl FnOnce(&mut dyn Write) -> Result<()>,
) -> Result<()> {
    emit(ledger.path(), path, EncodingArg::Utf8, csv, out, render)
}
