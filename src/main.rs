//! The `caseledger` binary: parse, run, print `error: …`, exit.

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use caseledger::render::escape::terminal;
use clap::Parser;

fn main() -> ExitCode {
    let cli = caseledger::cli::Cli::parse();
    let stdout = io::stdout();
    let on_terminal = stdout.is_terminal();
    let lock = io::BufWriter::new(stdout.lock());
    // On a terminal, a control character in the data is shown, never obeyed.
    let mut out: Box<dyn Write> = if on_terminal {
        Box::new(caseledger::render::escape::Terminal::new(lock))
    } else {
        Box::new(lock)
    };
    let result = caseledger::commands::run(cli, &mut out).and_then(|code| {
        out.flush()?;
        Ok(code)
    });
    match result {
        Ok(code) => code,
        // `caseledger report | head` closing the pipe early is not a failure.
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            let _ = out.flush();
            eprintln!("error: {}", terminal(&format!("{e:#}")));
            ExitCode::FAILURE
        }
    }
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}
