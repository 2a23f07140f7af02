//! A temporary workspace with its own ledger, and a runner for the real binary.

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use tempfile::TempDir;

/// The repository's fixtures folder.
pub fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("data")
}

/// A temporary folder holding input files and a ledger.
pub struct Workspace {
    dir: TempDir,
}

impl Workspace {
    pub fn new() -> Workspace {
        Workspace {
            dir: tempfile::tempdir().expect("temporary folder"),
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn ledger(&self) -> PathBuf {
        self.path().join("ledger.sqlite")
    }

    /// Copies fixtures into `in/` (or a subfolder given in `name`) and returns the folder.
    pub fn copy_fixtures(&self, names: &[&str]) -> PathBuf {
        let dir = self.path().join("in");
        std::fs::create_dir_all(&dir).expect("input folder");
        for name in names {
            std::fs::copy(fixtures().join(name), dir.join(name)).expect("copy fixture");
        }
        dir
    }

    /// Writes bytes to a file under the workspace and returns its path.
    pub fn write(&self, relative: &str, bytes: &[u8]) -> PathBuf {
        let path = self.path().join(relative);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("folder");
        std::fs::write(&path, bytes).expect("write file");
        path
    }

    /// Runs `caseledger --ledger <ws>/ledger.sqlite ARGS…` with a scrubbed environment.
    pub fn run<I, S>(&self, args: I) -> Run
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        let mut cmd = Command::cargo_bin("caseledger").expect("binary");
        cmd.env_clear()
            .env("HOME", self.path())
            .env("COLUMNS", "120")
            .env("NO_COLOR", "1")
            .current_dir(self.path())
            .arg("--ledger")
            .arg(self.ledger())
            .args(args);
        let description = format!("{cmd:?}");
        let output = cmd.output().expect("run caseledger");
        Run {
            description,
            output,
        }
    }

    /// Runs a command that must succeed and returns its stdout.
    pub fn ok<I, S>(&self, args: I) -> String
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        self.run(args).success().stdout()
    }

    /// `report --format json` with extra arguments, parsed.
    pub fn report_json(&self, extra: &[&str]) -> serde_json::Value {
        let mut args = vec!["report", "--format", "json"];
        args.extend_from_slice(extra);
        let stdout = self.ok(args);
        serde_json::from_str(&stdout)
            .unwrap_or_else(|e| panic!("report is not JSON ({e}):\n{stdout}"))
    }
}

/// A finished run, which prints everything about itself when an expectation fails.
pub struct Run {
    description: String,
    output: Output,
}

impl Run {
    fn explain(&self, expectation: &str) -> String {
        format!(
            "{expectation}\ncommand: {}\nstatus: {}\n--- stdout\n{}\n--- stderr\n{}",
            self.description,
            self.output.status,
            String::from_utf8_lossy(&self.output.stdout),
            String::from_utf8_lossy(&self.output.stderr)
        )
    }

    pub fn success(self) -> Run {
        assert!(
            self.output.status.success(),
            "{}",
            self.explain("expected success")
        );
        self
    }

    pub fn failure(self) -> Run {
        assert!(
            !self.output.status.success(),
            "{}",
            self.explain("expected failure")
        );
        self
    }

    pub fn stdout_bytes(&self) -> Vec<u8> {
        self.output.stdout.clone()
    }

    pub fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.output.stdout).into_owned()
    }

    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.output.stderr).into_owned()
    }

    /// Asserts stderr contains every one of `needles`.
    pub fn stderr_has(self, needles: &[&str]) -> Run {
        let stderr = self.stderr();
        for needle in needles {
            assert!(
                stderr.contains(needle),
                "{}",
                self.explain(&format!("stderr lacks `{needle}`"))
            );
        }
        self
    }

    /// Asserts one line of stderr contains every one of `needles`, so a message is checked
    /// whole (e.g. a cell and its column) while its wording stays free.
    pub fn stderr_line_has(self, needles: &[&str]) -> Run {
        let found = self
            .stderr()
            .lines()
            .any(|line| needles.iter().all(|n| line.contains(n)));
        assert!(
            found,
            "{}",
            self.explain(&format!("no line of stderr has all of {needles:?}"))
        );
        self
    }

    /// Asserts stderr lacks every one of `needles`.
    pub fn stderr_lacks(self, needles: &[&str]) -> Run {
        let stderr = self.stderr();
        for needle in needles {
            assert!(
                !stderr.contains(needle),
                "{}",
                self.explain(&format!("stderr has `{needle}`"))
            );
        }
        self
    }

    pub fn stdout_has(self, needles: &[&str]) -> Run {
        let stdout = self.stdout();
        for needle in needles {
            assert!(
                stdout.contains(needle),
                "{}",
                self.explain(&format!("stdout lacks `{needle}`"))
            );
        }
        self
    }
}

/// The keys of a JSON object, in the order the output wrote them.
pub fn keys(object: &serde_json::Value) -> Vec<&str> {
    object
        .as_object()
        .expect("a JSON object")
        .keys()
        .map(String::as_str)
        .collect()
}

/// A count from a JSON report, e.g. `count(&r, "counts", "closed")`.
pub fn count(report: &serde_json::Value, group: &str, key: &str) -> u64 {
    report[group][key]
        .as_u64()
        .unwrap_or_else(|| panic!("no {group}.{key} in {report:#}"))
}
