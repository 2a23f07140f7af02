//! Writes the sample season of weekly case files: `cargo run --example make_sample [-- OUT_DIR]`.
//! `OUT_DIR` (default `data/sample` in the package) is deleted and written anew.

mod sample;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

fn main() {
    if let Err(error) = run() {
        eprintln!("error: {error}");
        std::process::exit(1);
    }
}

fn run() -> io::Result<()> {
    let out = std::env::args_os().nth(1).map_or_else(
        || {
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("data")
                .join("sample")
        },
        PathBuf::from,
    );
    if out.exists() {
        fs::remove_dir_all(&out)?;
    }
    fs::create_dir_all(&out)?;
    sample::write_sample(&out)?;
    let (files, bytes) = size(&out)?;
    println!("wrote {files} files, {bytes} bytes, to {}", out.display());
    Ok(())
}

/// Number of files and total bytes under `dir`.
fn size(dir: &Path) -> io::Result<(u64, u64)> {
    let mut total = (0, 0);
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        if entry.file_type()?.is_dir() {
            let (files, bytes) = size(&entry.path())?;
            total = (total.0 + files, total.1 + bytes);
        } else {
            total = (total.0 + 1, total.1 + entry.metadata()?.len());
        }
    }
    Ok(total)
}
