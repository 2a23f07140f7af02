//! `caseledger serve`: print the token address first, open the browser, serve.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;

use crate::cli::ServeArgs;
use crate::serve::{self, ServeOptions};

pub fn run(ledger_path: &Path, args: &ServeArgs, out: &mut dyn Write) -> Result<ExitCode> {
    let options = ServeOptions {
        ledger: ledger_path.to_path_buf(),
        port: args.port,
        read_only: args.read_only,
    };
    serve::run(&options, |url| {
        // The first line, flushed at once: scripts and tests read the address from it.
        writeln!(out, "{url}")?;
        out.flush()?;
        eprintln!("serving {} until Ctrl-C", ledger_path.display());
        if !args.no_browser {
            open_browser(url);
        }
        Ok(())
    })?;
    Ok(ExitCode::SUCCESS)
}

/// Asks the desktop to open `url`; where it cannot, the printed address still works.
fn open_browser(url: &str) {
    let (program, args): (&str, Vec<&str>) = if cfg!(target_os = "windows") {
        ("cmd", vec!["/C", "start", "", url])
    } else if cfg!(target_os = "macos") {
        ("open", vec![url])
    } else {
        ("xdg-open", vec![url])
    };
    let opened = std::process::Command::new(program)
        .args(&args)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    if opened.is_err() {
        eprintln!("could not open a browser: open the address above yourself");
    }
}
