//! The million-case benchmark: caseledger against the tools an analyst would reach for,
//! side by side, on one generated 1,000,000-row 复议台账.
//!
//! `cargo bench --bench million` (add `-- --rows 200000` for a quicker run). Needs the
//! Debian packages `sqlite3` and `time` (GNU time, for peak memory); when `python3` has
//! pandas (`pip install pandas`), its `read_csv` + `to_sql` into a new SQLite file is timed
//! too. Prints a Markdown table for docs/PERFORMANCE.md; a baseline's peak memory is shown
//! beside its time.

use std::fmt::Write as _;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

const UNITS: [&str; 13] = [
    "都匀市",
    "福泉市",
    "荔波县",
    "贵定县",
    "瓮安县",
    "独山县",
    "平塘县",
    "罗甸县",
    "长顺县",
    "龙里县",
    "惠水县",
    "三都水族自治县",
    "州直",
];
const OUTCOMES: [&str; 9] = [
    "维持",
    "驳回请求",
    "撤销",
    "变更",
    "确认违法",
    "调解",
    "和解",
    "终止",
    "不予受理",
];

/// A small deterministic generator (`SplitMix64`), so every run measures the same file.
struct Mix(u64);

impl Mix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// A prime that divides no row count used here: `i * STRIDE mod rows` visits every
/// number below `rows` once, in an order with no run of ascending keys.
const STRIDE: u64 = 1_000_003;

/// Writes `rows` cases received 2012–2021 whose case numbers come in random order (the
/// worst case for the unique index on case numbers); with `changed_every`, every n-th
/// case has another outcome (a later snapshot in which 1% of cases changed).
fn write_ledger(path: &Path, rows: u64, changed_every: Option<u64>) -> std::io::Result<()> {
    let mut out = BufWriter::new(std::fs::File::create(path)?);
    writeln!(
        out,
        "案号,单位,被申请人,案由,收案日期,受理日期,结案日期,结案方式,备注"
    )?;
    let epoch = chrono::NaiveDate::from_ymd_opt(2012, 1, 1).unwrap_or_default();
    for i in 0..rows {
        let mut r = Mix(i);
        let received = epoch + chrono::Days::new(r.below(3650));
        let accepted = received + chrono::Days::new(r.below(5));
        let closed = accepted + chrono::Days::new(10 + r.below(80));
        let unit = UNITS[r.below(13) as usize];
        let mut outcome = (r.below(10) > 0).then(|| OUTCOMES[r.below(9) as usize]);
        if changed_every.is_some_and(|n| i % n == 0) {
            outcome = Some(if outcome == Some("维持") {
                "撤销"
            } else {
                "维持"
            });
        }
        let year = chrono::Datelike::year(&received);
        let accepted = if outcome == Some("不予受理") {
            String::new()
        } else {
            accepted.to_string()
        };
        let (closed, outcome) = outcome.map_or((String::new(), ""), |o| (closed.to_string(), o));
        let number = (u128::from(i) * u128::from(STRIDE) % u128::from(rows)) as u64;
        writeln!(
            out,
            "府复〔{year}〕{number}号,{unit},{unit}某局,行政处罚,{received},{accepted},{closed},{outcome},"
        )?;
    }
    out.flush()
}

/// Runs a command under GNU time; returns (seconds, peak KiB or None).
fn measure(command: Command) -> (f64, Option<u64>) {
    let report = std::env::temp_dir().join(format!("caseledger-bench-time-{}", std::process::id()));
    let timed = Path::new("/usr/bin/time").exists();
    let mut run = if timed {
        let mut wrapped = Command::new("/usr/bin/time");
        wrapped
            .arg("-f")
            .arg("%M")
            .arg("-o")
            .arg(&report)
            .arg(command.get_program())
            .args(command.get_args());
        if let Some(dir) = command.get_current_dir() {
            wrapped.current_dir(dir);
        }
        wrapped
    } else {
        command
    };
    let start = Instant::now();
    let status = run
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status();
    let seconds = start.elapsed().as_secs_f64();
    if !status.is_ok_and(|s| s.success()) {
        eprintln!("a measured command failed: {run:?}");
    }
    let peak = timed
        .then(|| std::fs::read_to_string(&report).ok())
        .flatten()
        .and_then(|s| s.trim().lines().last().and_then(|l| l.trim().parse().ok()));
    (seconds, peak)
}

/// pandas reading the file and writing it to a new SQLite file, when Python has pandas.
fn pandas(csv: &str, out: &Path) -> Option<(f64, Option<u64>)> {
    let present = Command::new("python3")
        .args(["-c", "import pandas"])
        .output()
        .is_ok_and(|o| o.status.success());
    present.then(|| {
        let mut c = Command::new("python3");
        c.args([
            "-c",
            "import sys, sqlite3, pandas\n\
             with sqlite3.connect(sys.argv[2]) as db:\n    \
             pandas.read_csv(sys.argv[1]).to_sql('plain', db, index=False)",
            csv,
        ])
        .arg(out);
        measure(c)
    })
}

/// The files and commands of one run.
struct Run {
    bin: PathBuf,
    ledger: PathBuf,
    plain: PathBuf,
    first: PathBuf,
    later: PathBuf,
    sqlite: bool,
    table: String,
    goals: String,
    /// The highest peak memory of any import, in KiB.
    import_peak: u64,
}

impl Run {
    fn caseledger(&self, args: &[&str]) -> (f64, Option<u64>) {
        let mut c = Command::new(&self.bin);
        c.arg("--ledger").arg(&self.ledger).args(args);
        measure(c)
    }

    /// An import, whose peak memory counts toward the memory goal.
    fn import(&mut self, ledger: &Path, file: &str) -> (f64, Option<u64>) {
        let mut c = Command::new(&self.bin);
        c.arg("--ledger").arg(ledger).args(["import", file]);
        let measured = measure(c);
        self.import_peak = self.import_peak.max(measured.1.unwrap_or(0));
        measured
    }

    /// The median of three runs of a quick command.
    fn median(&self, args: &[&str]) -> (f64, Option<u64>) {
        let mut runs = [(); 3].map(|()| self.caseledger(args));
        runs.sort_by(|a, b| a.0.total_cmp(&b.0));
        runs[1]
    }

    /// A goal beside what was measured.
    fn goal(&mut self, what: &str, measured: &str, target: &str, met: bool) {
        let _ = writeln!(
            self.goals,
            "| {what} | {measured} | {target} | {} |",
            if met { "met" } else { "missed" }
        );
    }

    fn sqlite(&self, sql: &str) -> Option<(f64, Option<u64>)> {
        self.sqlite.then(|| {
            let mut c = Command::new("sqlite3");
            c.arg(&self.plain).arg(sql);
            measure(c)
        })
    }

    /// What SQLite alone needs to store the rows in caseledger's tables: the plain table
    /// copied into a file with the ledger's schema, then `INSERT … SELECT`s (a case with
    /// its current state and a version per row, one run of sightings) in the file's order, nothing
    /// parsed or checked, with the shell's default journal.
    fn schema_floor(&self) -> Option<(f64, Option<u64>)> {
        if !self.sqlite {
            return None;
        }
        let schema = Command::new("sqlite3")
            .arg(&self.ledger)
            .arg(".schema")
            .output()
            .ok()?;
        let floor = self.plain.with_file_name("floor.sqlite");
        std::fs::copy(&self.plain, &floor).ok()?;
        let day =
            |column: &str| format!("CAST(julianday(nullif({column}, '')) - 1721424.5 AS INTEGER)");
        let sql = format!(
            "{schema}
            BEGIN;
            INSERT INTO batches (id, file, sha256, kind, as_of, imported_at)
                VALUES (1, 'plain', '', 'reconsideration', '2021-12-31', '');
            INSERT INTO cases (id, kind, case_key, content, last_day, unit, outcome,
                    received_day, accepted_day, closed_day)
                SELECT rowid, 'reconsideration', 案号, rowid * 2654435761,
                    {last}, 单位, nullif(结案方式, ''), {received}, {accepted}, {closed}
                FROM plain;
            INSERT INTO sightings (batch_id, first_case, cases, first_row)
                SELECT 1, 1, count(*), 2 FROM plain;
            INSERT INTO versions (case_id, batch_id, as_of, source_row, case_no, unit, matter,
                    closed_on, outcome, respondent, received_on, accepted_on)
                SELECT rowid, 1, '2021-12-31', rowid + 1, 案号, 单位, 案由, nullif(结案日期, ''),
                    nullif(结案方式, ''), 被申请人, 收案日期, nullif(受理日期, '')
                FROM plain;
            COMMIT;",
            schema = String::from_utf8_lossy(&schema.stdout),
            last = day("max(收案日期, 受理日期, 结案日期)"),
            received = day("收案日期"),
            accepted = day("受理日期"),
            closed = day("结案日期"),
        );
        let mut c = Command::new("sqlite3");
        c.arg(&floor).arg(sql);
        let measured = measure(c);
        let _ = std::fs::remove_file(&floor);
        Some(measured)
    }

    fn row(
        &mut self,
        what: &str,
        ours: (f64, Option<u64>),
        theirs: Option<(&str, (f64, Option<u64>))>,
    ) {
        let mib = |kib: Option<u64>| kib.map_or("—".to_owned(), |k| (k / 1024).to_string());
        let (baseline, ratio) =
            theirs.map_or(("—".to_owned(), "—".to_owned()), |(name, (t, peak))| {
                let peak = peak.map_or(String::new(), |k| format!(", {} MiB", k / 1024));
                (
                    format!("{name}: {t:.2} s{peak}"),
                    format!("{:.2}×", ours.0 / t),
                )
            });
        let _ = writeln!(
            self.table,
            "| {what} | {:.2} s | {} | {baseline} | {ratio} |",
            ours.0,
            mib(ours.1)
        );
    }
}

#[allow(clippy::too_many_lines, clippy::cast_precision_loss)] // one step after another; sizes far below 2^52
fn main() {
    let rows: u64 = std::env::args()
        .skip_while(|a| a != "--rows")
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(1_000_000);
    // `--keep DIR` leaves the files and ledgers in DIR, for profiling a step on its own.
    let kept = std::env::args()
        .skip_while(|a| a != "--keep")
        .nth(1)
        .map(PathBuf::from);
    let temporary = tempfile::tempdir().expect("temporary folder");
    let dir = kept.as_deref().unwrap_or(temporary.path());
    std::fs::create_dir_all(dir).expect("the folder for --keep");
    for old in ["ledger.sqlite", "plain.sqlite"] {
        let _ = std::fs::remove_file(dir.join(old));
    }
    let mut run = Run {
        bin: PathBuf::from(env!("CARGO_BIN_EXE_caseledger")),
        ledger: dir.join("ledger.sqlite"),
        plain: dir.join("plain.sqlite"),
        first: dir.join("复议台账_2021-12-31.csv"),
        later: dir.join("复议台账_2022-01-07.csv"),
        sqlite: Command::new("sqlite3").arg("--version").output().is_ok(),
        table: String::new(),
        goals: String::new(),
        import_peak: 0,
    };
    write_ledger(&run.first, rows, None).expect("write the ledger file");
    write_ledger(&run.later, rows, Some(100)).expect("write the changed snapshot");
    let (first, later) = (
        run.first.display().to_string(),
        run.later.display().to_string(),
    );

    let sqlite_import = run.sqlite(&format!(".import --csv {first} plain"));
    let ledger = run.ledger.clone();
    let import = run.import(&ledger, &first);
    run.row(
        "first import",
        import,
        sqlite_import.map(|t| ("sqlite3 .import", t)),
    );
    let floor = run.schema_floor();
    if let Some(floor) = floor {
        run.row(
            "first import, vs SQLite alone in caseledger's tables",
            import,
            Some(("sqlite3: the same rows set-wise", floor)),
        );
    }
    // The work list on the first file's day: about a tenth of the cases are open, nearly
    // every one with a decision overdue for years, so nearly every one is an item (written
    // as JSON, which `measure` discards).
    let open_cases = run.sqlite(
        "SELECT 案号, 单位, 受理日期 FROM plain WHERE 结案日期 = '' ORDER BY 单位, 受理日期",
    );
    let due = run.caseledger(&["due", "--on", "2021-12-31", "--format", "json"]);
    run.row(
        "due (work list on 2021-12-31, JSON)",
        due,
        open_cases.map(|t| ("sqlite3 SELECT of the open cases", t)),
    );
    let again = run.import(&ledger, &first);
    run.row(
        "re-import, same file",
        again,
        sqlite_import.map(|t| ("sqlite3 .import", t)),
    );
    // The shell's import of the changed file itself, into a table of its own.
    let sqlite_later = run.sqlite(&format!(".import --csv {later} later"));
    let changed = run.import(&ledger, &later);
    run.row(
        "re-import, 1% changed",
        changed,
        sqlite_later.map(|t| ("sqlite3 .import of that file", t)),
    );
    let group_by = run.sqlite(
        "SELECT 单位, count(*), sum(结案方式 = '撤销'), sum(结案日期 BETWEEN '2021-01-01' AND '2021-12-31') FROM plain GROUP BY 单位",
    );
    let report = run.caseledger(&["report", "--to", "2021-12-31", "--format", "json"]);
    run.row(
        "report (all figures, 同比)",
        report,
        group_by.map(|t| ("sqlite3 GROUP BY", t)),
    );
    let by_unit = run.caseledger(&[
        "report",
        "--to",
        "2021-12-31",
        "--by",
        "unit",
        "--format",
        "json",
    ]);
    run.row(
        "report --by unit",
        by_unit,
        group_by.map(|t| ("sqlite3 GROUP BY", t)),
    );
    // A key kept beside each case's counted state, read only for this breakdown.
    let by_respondent = run.caseledger(&[
        "report",
        "--to",
        "2021-12-31",
        "--by",
        "respondent",
        "--format",
        "json",
    ]);
    run.row(
        "report --by respondent",
        by_respondent,
        Some(("report --by unit", by_unit)),
    );
    // The worst case: periods that cover every year, so no case can be skipped by date.
    let every_year = run.caseledger(&[
        "report",
        "--from",
        "2013-01-01",
        "--to",
        "2021-12-31",
        "--by",
        "unit",
        "--format",
        "json",
    ]);
    run.row(
        "report --by unit, 2013–2021 against 2012–2020",
        every_year,
        group_by.map(|t| ("sqlite3 GROUP BY", t)),
    );
    // After the re-imports 1% of cases have two versions: the latest as of the day is
    // found per case, as every week after the first.
    let due_later = run.caseledger(&["due", "--on", "2022-01-07", "--format", "json"]);
    run.row(
        "due after the re-imports (on 2022-01-07)",
        due_later,
        Some(("due on the first import", due)),
    );
    // A listing of the cases behind one figure, against the report that counts them.
    let listing = run.median(&[
        "cases",
        "--kind",
        "reconsideration",
        "--corrected",
        "--on",
        "closed",
        "--from",
        "2021-01-01",
        "--to",
        "2021-12-31",
        "--format",
        "csv",
    ]);
    let counting = run.median(&[
        "report",
        "--from",
        "2021-01-01",
        "--to",
        "2021-12-31",
        "--format",
        "json",
    ]);
    run.row(
        "cases --kind reconsideration --corrected, closed in 2021 (CSV)",
        listing,
        Some(("report of 2021 (JSON)", counting)),
    );
    let changed_case = case_no(0, rows);
    let history = run.median(&["history", &changed_case]);
    run.row(
        &format!("history of one case ({changed_case}, two versions)"),
        history,
        None,
    );
    // Undo the 1%-changed batch, then the first import (by then the only batch).
    let undo_changed = run.caseledger(&["undo", "2"]);
    run.row(
        "undo the 1%-changed batch",
        undo_changed,
        Some(("its import", changed)),
    );
    let undo_first = run.caseledger(&["undo", "1"]);
    run.row(
        "undo the first import",
        undo_first,
        Some(("its import", import)),
    );
    let pandas = pandas(&first, &dir.join("pandas.sqlite"));
    let _ = std::fs::remove_file(dir.join("pandas.sqlite"));
    if let Some(pandas) = pandas {
        run.row(
            "first import, vs pandas",
            import,
            Some(("pandas read_csv + to_sql", pandas)),
        );
    }
    let ledger_mib = std::fs::metadata(&run.ledger).map_or(0, |m| m.len() >> 20);
    let season = season(&mut run, dir, rows.min(100_000));

    let ratio = |ours: f64, theirs: Option<(f64, Option<u64>)>| theirs.map(|t| ours / t.0);
    let shown = |r: Option<f64>| r.map_or("—".to_owned(), |r| format!("{r:.2}×"));
    let at_most = |r: Option<f64>, limit: f64| r.is_some_and(|r| r <= limit);
    let vs_pandas = ratio(import.0, pandas);
    run.goal(
        "first import, against pandas",
        &shown(vs_pandas),
        "< 1×",
        vs_pandas.is_some_and(|r| r < 1.0),
    );
    let vs_shell = ratio(import.0, sqlite_import);
    run.goal(
        "first import, against the sqlite3 shell",
        &shown(vs_shell),
        "≤ 1.5×",
        at_most(vs_shell, 1.5),
    );
    let floor_ratio = floor.and_then(|f| sqlite_import.map(|t| f.0 / t.0));
    run.goal(
        "(floor: SQLite alone storing the rows in caseledger's tables, against the shell; first import against the floor)",
        &format!("{} ; {}", shown(floor_ratio), shown(ratio(import.0, floor))),
        "for reference",
        true,
    );
    run.goal(
        "peak memory of any import (all of the above and the season)",
        &format!("{} MiB", run.import_peak / 1024),
        "≤ 100 MiB",
        run.import_peak <= 100 * 1024,
    );
    let vs_changed = ratio(changed.0, sqlite_later);
    run.goal(
        "1%-changed re-import, against the shell's import of that file",
        &shown(vs_changed),
        "≤ 0.8×",
        at_most(vs_changed, 0.8),
    );
    let vs_same = ratio(again.0, sqlite_import);
    run.goal(
        "identical file again, against the shell's import",
        &shown(vs_same),
        "≈ 0.01× (≤ 0.02×)",
        at_most(vs_same, 0.02),
    );
    let vs_report = listing.0 / counting.0;
    run.goal(
        "cases --kind … --corrected for one year, against the report counting them",
        &format!("{vs_report:.2}×"),
        "≤ 2×",
        vs_report <= 2.0,
    );
    run.goal(
        "history of one case (process start to finish)",
        &format!("{:.0} ms", history.0 * 1000.0),
        "< 50 ms",
        history.0 < 0.05,
    );
    for (what, undo, imported) in [
        (
            "undo of the first import, against the import",
            undo_first,
            import,
        ),
        (
            "undo of the 1%-changed batch, against its import",
            undo_changed,
            changed,
        ),
    ] {
        let r = undo.0 / imported.0;
        run.goal(what, &format!("{r:.2}×"), "≤ 1×", r <= 1.0);
    }
    if let Some(season) = season {
        run.goal(
            &format!(
                "season: the last week's import ({} cases); ledger per case at the end",
                season.cases
            ),
            &format!(
                "{:.2} s; {:.0} bytes per case",
                season.last_week,
                season.bytes as f64 / season.cases as f64
            ),
            "for reference",
            true,
        );
        run.goal(
            "season: growth of the last week per unchanged case (whole file; all but the week's cases and versions; sightings alone)",
            &format!(
                "{:.1} bytes; {:.1} bytes; {:.1} bytes",
                season.growth_per_unchanged,
                season.unchanged_cost,
                season.sightings_per_unchanged
            ),
            "≤ 2 bytes (all but cases and versions)",
            season.unchanged_cost <= 2.0,
        );
    }
    println!("{rows} rows (case numbers in random order); ledger file {ledger_mib} MiB");
    println!(
        "| step | caseledger | peak MiB | baseline | ratio |\n| --- | ---: | ---: | --- | ---: |\n{}",
        run.table
    );
    println!(
        "| goal | measured | target | |\n| --- | ---: | ---: | --- |\n{}",
        run.goals
    );
    // `--keep` promises the files and ledgers for profiling afterwards.
    if kept.is_none() {
        for file in [&run.first, &run.later, &run.plain, &run.ledger] {
            let _ = std::fs::remove_file(file);
        }
    }
}

/// The case number `write_ledger` gives its `i`-th row.
fn case_no(i: u64, rows: u64) -> String {
    let epoch = chrono::NaiveDate::from_ymd_opt(2012, 1, 1).unwrap_or_default();
    let year = chrono::Datelike::year(&(epoch + chrono::Days::new(Mix(i).below(3650))));
    let number = (u128::from(i) * u128::from(STRIDE) % u128::from(rows)) as u64;
    format!("府复〔{year}〕{number}号")
}

/// What a season of weekly snapshots left.
struct Season {
    cases: u64,
    last_week: f64,
    bytes: u64,
    growth_per_unchanged: f64,
    /// The growth of everything but the cases and their versions (which hold the week's
    /// new and changed cases), per unchanged case: what an unchanged case-week costs.
    unchanged_cost: f64,
    sightings_per_unchanged: f64,
}

const WEEKS: u64 = 52;

/// Week `week`'s cumulative snapshot of a province that receives `total` cases in the
/// year: every case received so far, in the order received (a clerk's sheet gains rows
/// at the bottom), with random case numbers. A case is accepted a few days after it is
/// received and closed 2–11 weeks later; the rest of its row never changes.
fn write_week(path: &Path, week: u64, total: u64) -> std::io::Result<(u64, String)> {
    let start = chrono::NaiveDate::from_ymd_opt(2025, 1, 5).unwrap_or_default();
    let day = |week: u64| start + chrono::Days::new(7 * week);
    let listed = |week: u64| total * (week + 1) / WEEKS;
    let as_of = day(week);
    let mut out = BufWriter::new(std::fs::File::create(path)?);
    writeln!(
        out,
        "案号,单位,被申请人,案由,收案日期,受理日期,结案日期,结案方式,备注"
    )?;
    let mut received_week = 0;
    for i in 0..listed(week) {
        while listed(received_week) <= i {
            received_week += 1;
        }
        let mut r = Mix(i ^ 0x5EA5_0000);
        let received = day(received_week) - chrono::Days::new(r.below(7));
        let accepted = received + chrono::Days::new(1 + r.below(3));
        let close_week = received_week + 2 + r.below(10);
        let unit = UNITS[r.below(13) as usize];
        let number = (u128::from(i) * u128::from(STRIDE) % u128::from(total)) as u64;
        let accepted = if accepted <= as_of {
            accepted.to_string()
        } else {
            String::new()
        };
        let (closed, outcome) = if close_week <= week {
            (
                (day(close_week) - chrono::Days::new(r.below(5))).to_string(),
                OUTCOMES[r.below(7) as usize],
            )
        } else {
            (String::new(), "")
        };
        writeln!(
            out,
            "黔府复〔2025〕{number}号,{unit},{unit}某局,行政处罚,{received},{accepted},{closed},{outcome},"
        )?;
    }
    out.flush()?;
    Ok((listed(week), as_of.to_string()))
}

/// Imports a season of weekly snapshots growing to `total` cases, one week at a time.
#[allow(clippy::cast_precision_loss)] // sizes far below 2^52
fn season(run: &mut Run, dir: &Path, total: u64) -> Option<Season> {
    let ledger = dir.join("season.sqlite");
    let _ = std::fs::remove_file(&ledger);
    let pages = |ledger: &Path, tables: &str| -> Option<u64> {
        let out = Command::new("sqlite3")
            .arg(ledger)
            .arg(format!(
                "SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name IN ({tables})"
            ))
            .output()
            .ok()?;
        String::from_utf8_lossy(&out.stdout).trim().parse().ok()
    };
    let sightings = |ledger: &Path| pages(ledger, "'sightings'");
    // The cases, their key index and the versions with theirs.
    let cases_and_versions = |ledger: &Path| {
        pages(
            ledger,
            "SELECT name FROM sqlite_schema WHERE tbl_name IN ('cases', 'versions')",
        )
    };
    let (mut last_week, mut before, mut sightings_before, mut cases) = (0.0, 0, 0, 0);
    let mut held_before = 0;
    for week in 0..WEEKS {
        let (listed, as_of) = write_week(&dir.join("season.csv"), week, total).ok()?;
        let file = dir.join(format!("复议台账_{as_of}.csv"));
        std::fs::rename(dir.join("season.csv"), &file).ok()?;
        if week == WEEKS - 1 {
            before = std::fs::metadata(&ledger).ok()?.len();
            sightings_before = sightings(&ledger).unwrap_or(0);
            held_before = cases_and_versions(&ledger).unwrap_or(0);
        }
        last_week = run.import(&ledger, &file.display().to_string()).0;
        let _ = std::fs::remove_file(&file);
        cases = listed;
    }
    let bytes = std::fs::metadata(&ledger).ok()?.len();
    let unchanged: u64 = Command::new("sqlite3")
        .arg(&ledger)
        .arg("SELECT unchanged FROM batches ORDER BY id DESC LIMIT 1")
        .output()
        .ok()
        .and_then(|o| String::from_utf8_lossy(&o.stdout).trim().parse().ok())?;
    let per = |grown: u64| grown as f64 / unchanged.max(1) as f64;
    let season = Season {
        cases,
        last_week,
        bytes,
        growth_per_unchanged: per(bytes.saturating_sub(before)),
        unchanged_cost: per(bytes.saturating_sub(before).saturating_sub(
            cases_and_versions(&ledger)
                .unwrap_or(0)
                .saturating_sub(held_before),
        )),
        sightings_per_unchanged: per(sightings(&ledger)
            .unwrap_or(0)
            .saturating_sub(sightings_before)),
    };
    run.row(
        &format!("season: week {WEEKS} of {WEEKS}, {cases} cases ({unchanged} unchanged)"),
        (last_week, None),
        None,
    );
    let _ = std::fs::remove_file(&ledger);
    Some(season)
}
