//! The command line: clap types only. Their doc comments are the `--help` text.

// Doc comments here are help text for people at a terminal, not rustdoc Markdown.
#![allow(clippy::doc_markdown)]

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::model::Month;

/// caseledger — 案件台账 in, the exact 三率 report out.
///
/// Imports the weekly case spreadsheets of reconsideration bodies and courts into a
/// versioned SQLite ledger, and reports the 行政复议被纠错率, 行政诉讼一审败诉率 and
/// 行政机关负责人出庭应诉率 (and the mediation rate) with their 同比, for any period,
/// unit and date of knowledge.
#[derive(Debug, Parser)]
#[command(name = "caseledger", version, max_term_width = 100)]
pub struct Cli {
    /// The ledger file [default: ~/.local/share/caseledger/ledger.sqlite]
    #[arg(long, global = true, env = "CASELEDGER_LEDGER", value_name = "PATH")]
    pub ledger: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Import case spreadsheets (files or folders) into the ledger, all or nothing
    Import(ImportArgs),
    /// Report counts, rates and 同比 for a period, for the whole or per unit
    Report(ReportArgs),
    /// Year-to-date rates at each week or month end
    Trend(TrendArgs),
    /// Reference rates (e.g. 全省平均) shown beside the report's rates
    Benchmark(BenchmarkArgs),
    /// Import the shipped sample into a temporary ledger and print its report
    Demo(DemoArgs),
    /// Check files as import would, writing nothing; with --ledger, also against that
    /// ledger's unit registry and outcome spellings
    Check(CheckArgs),
    /// Check that the ledger is sound: SQLite's checks of the file and caseledger's own
    /// (each case's current state against its versions, every batch's counts); writes nothing
    ///
    /// Prints every problem, naming the table, the row and what differs, and exits with
    /// status 1; prints one `ok` line when there is none.
    Verify,
    /// List every import (batch) with what it changed
    Batches(BatchesArgs),
    /// Remove a batch, so that every report is as if it had never been imported
    Undo(UndoArgs),
    /// Copy the ledger to FILE, consistent even while imports and reports run
    ///
    /// The copy is the ledger as it stood when the backup began, readable by its owner
    /// only, and is itself a ledger: give it to --ledger to report from it.
    Backup(BackupArgs),
    /// Every version of a case, oldest first, with what changed
    History(HistoryArgs),
    /// List current cases by the report's rules and filters
    Cases(CasesArgs),
    /// The monthly 调度 sheet: each 包案领导's cases, how they ended, overdue work, progress
    ///
    /// For each leader, the cases they own that were open at some point in the month or
    /// closed in it, as known at the month's end: 责任单位, 风险等级, overdue deadlines and
    /// hearing work, how each closed case ended (化解, 纠错, 败诉 or 维持/驳回, by the 口径) and
    /// the 化解进展 written that month.
    Leads(LeadsArgs),
    /// 套案 and 群体性案件: groups of similar cases one leader should press on together
    ///
    /// A 套案 is a chain of cases (both ledgers) against one 被申请人 or 被告 on one 案由,
    /// each received or filed at most cluster_days after the one before, of at least
    /// cluster_min cases with one still open; a 群体性案件 is an open case whose 申请人数 or
    /// 原告人数 is at least group_min (see `caseledger rules show`). Largest first.
    Clusters(SelectionArgs),
    /// 包案候选: open cases a leader should own, each with its reasons, to review (not a
    /// prediction)
    ///
    /// Reasons: unowned_high_risk (风险等级 高, no 包案领导); damages_after_illegal (a 行政赔偿
    /// case against an agency with a case closed as 确认违法 or 撤销 in the previous 24
    /// months); unowned_cluster (in a 套案 or 群体性案件 none of whose cases has a leader);
    /// agency_record (an agency whose 纠错率 or 败诉率 over the previous 24 months is at
    /// least twice the ledger's, over at least 5 closed cases).
    AtRisk(SelectionArgs),
    /// The work list: overdue items and those due soon (deadlines, hearings and their
    /// reminders), most urgent first
    ///
    /// As the ledger knew the cases on --on. Deadlines are counted on China's working-day
    /// calendar (see `caseledger calendar`).
    Due(DueArgs),
    /// The working-day calendar deadlines are counted on: holidays (休) and 调休 make-up
    /// working days (班)
    Calendar(CalendarArgs),
    /// Show or change the counting rules (口径) stored in the ledger
    Rules(RulesArgs),
    /// Show or change the words of the 通报 (report --format docx): issuer, area,
    /// recipients, issue number and title
    Letterhead(LetterheadArgs),
    /// The unit registry: canonical names and their aliases
    Units(UnitsArgs),
    /// Your offices' own outcome wording, mapped once to canonical outcomes
    Outcomes(OutcomesArgs),
    /// Your offices' own column headers, mapped once to the ledger's columns
    Columns(ColumnsArgs),
    /// Write a blank ledger workbook (.xlsx) for an office to fill in
    ///
    /// Every column import reads under its 中文 header, drop-down lists, date and text
    /// formats, and a 填表说明 sheet that import skips, so the filled file is sent back as is.
    Template(TemplateArgs),
    /// Print the completion script for a shell, e.g. caseledger completions bash
    Completions(CompletionsArgs),
    /// Serve the ledger as local web pages (总览, 导入, 待办, 包案, 案件, 批次, 口径)
    ///
    /// Listens on 127.0.0.1 only. The first line printed is the address to open, with a
    /// token valid for this run; every request without it is refused.
    Serve(ServeArgs),
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The port to listen on; 0 picks a free one
    #[arg(long, default_value_t = 0)]
    pub port: u16,

    /// Do not open the default browser
    #[arg(long)]
    pub no_browser: bool,

    /// Show the ledger without any form that writes (no import, undo or rule change)
    #[arg(long)]
    pub read_only: bool,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Files (.csv, .tsv, .xlsx, .xlsm, .xls, .xlsb, .ods, .et) or folders, searched recursively
    /// and read in name order
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    #[command(flatten)]
    pub read: ReadArgs,

    /// Check and count everything, then write nothing
    #[arg(long)]
    pub dry_run: bool,

    /// List every file, however many there are
    #[arg(short, long)]
    pub verbose: bool,
}

/// How files are read, for import and check alike.
#[derive(Debug, Args)]
pub struct ReadArgs {
    /// The ledger kind of every file, instead of detecting it from headers or names
    #[arg(long, value_enum)]
    pub kind: Option<KindArg>,

    /// The unit (县市) of rows whose unit cell is empty or missing, e.g. 都匀市
    #[arg(long, value_name = "NAME")]
    pub unit: Option<String>,

    /// Read only this sheet of each workbook [default: every sheet with a ledger header]
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,

    /// The date of knowledge of every file [default: the date in the file name, else the
    /// latest date in the file]
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<NaiveDate>,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    #[command(flatten)]
    pub scope: ReportScope,

    #[command(flatten)]
    pub filter: FilterArgs,

    #[command(flatten)]
    pub breakdown: BreakdownArgs,

    #[command(flatten)]
    pub output: ReportOutput,
}

/// A report's rows: what they break the figures down by, and their order.
#[derive(Debug, Args)]
pub struct BreakdownArgs {
    /// Add one row per unit, 案由, 被申请人, 被告 or 法院 (the whole-ledger figures stay on
    /// top)
    #[arg(long, value_enum, value_name = "WHAT")]
    pub by: Option<By>,

    /// Rank the rows: a rate (worst first, e.g. correction_rate or 纠错率), a count
    /// (largest first, e.g. closed) or unit, for the rows' names [default: unit]
    #[arg(long, value_name = "KEY", requires = "by")]
    pub sort: Option<String>,
}

/// The ad-hoc filters: only cases whose names match, compared as --by groups names
/// (spaces and full-width forms do not matter); a `*` stands for any characters.
#[derive(Debug, Args)]
pub struct FilterArgs {
    /// Only cases with this 案由, e.g. 征收补偿 or '*补偿'
    #[arg(long, value_name = "NAME")]
    pub matter: Option<String>,

    /// Only reconsideration cases against this 被申请人, e.g. '*公安局'
    #[arg(long, value_name = "NAME")]
    pub respondent: Option<String>,

    /// Only lawsuits against this 被告, e.g. '*自然资源局'
    #[arg(long, value_name = "NAME")]
    pub defendant: Option<String>,

    /// Only lawsuits in this 法院, e.g. '*中级人民法院'
    #[arg(long, value_name = "NAME")]
    pub court: Option<String>,
}

#[derive(Debug, Args)]
pub struct TrendArgs {
    /// The spacing of points: each Sunday, or each month end
    #[arg(long, value_enum)]
    pub every: Every,

    /// First day of the range [default: 1 January of --to's year]
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub from: Option<NaiveDate>,

    /// Last day of the range [default: the latest as-of date in the ledger]
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub to: Option<NaiveDate>,

    /// Only cases of this unit
    #[arg(long, value_name = "NAME")]
    pub unit: Option<String>,

    #[command(flatten)]
    pub filter: FilterArgs,

    /// Count each point as it was known then (only batches as of that date)
    #[arg(long)]
    pub as_known_then: bool,

    /// Output format
    #[arg(long, value_enum, default_value_t = TrendFormat::Table)]
    pub format: TrendFormat,

    /// Write to this file instead of standard output
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Language of the table's labels
    #[arg(long, value_enum, default_value_t = LangArg::Zh)]
    pub lang: LangArg,
}

#[derive(Debug, Args)]
pub struct BenchmarkArgs {
    #[command(subcommand)]
    pub action: BenchmarkAction,
}

#[derive(Debug, Subcommand)]
pub enum BenchmarkAction {
    /// Import a CSV with columns 指标, 起始日期, 截止日期, 比较值 (a rate in %), 名称;
    /// a benchmark with the same metric, period and name replaces the old one
    Import {
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
}

/// Which cases and which knowledge a report covers.
#[derive(Debug, Args)]
pub struct ReportScope {
    /// First day of the period [default: 1 January of --to's year]
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub from: Option<NaiveDate>,

    /// Last day of the period [default: the latest as-of date in the ledger]
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub to: Option<NaiveDate>,

    /// Only cases of this unit, e.g. 都匀市
    #[arg(long, value_name = "NAME")]
    pub unit: Option<String>,

    /// Count only batches as of this date or earlier: the report as it was known then
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<NaiveDate>,
}

/// How a report is written.
#[derive(Debug, Args)]
pub struct ReportOutput {
    /// Output format (xlsx and docx need --output)
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,

    /// Write to this file instead of standard output (xlsx and docx always need one)
    #[arg(long, short, value_name = "FILE", required_if_eq_any([("format", "xlsx"), ("format", "docx")]))]
    pub output: Option<PathBuf>,

    /// The document's title (docx) instead of the one `letterhead set title` keeps
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,

    /// The document's 成文日期 (docx) [default: today]
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub signed_on: Option<NaiveDate>,

    /// Text encoding of csv, markdown, text and table output
    #[arg(long, value_enum, default_value_t = EncodingArg::Utf8)]
    pub encoding: EncodingArg,

    /// Language of the table's labels
    #[arg(long, value_enum, default_value_t = LangArg::Zh)]
    pub lang: LangArg,

    /// Add a sentence on these further indicators to the narrative (--format text); e.g.
    /// --with maintain_rate,resolution_rate adds
    /// 「行政复议维持率为61.38%，同比…；实质性化解率为14.08%…」 (the other formats show them anyway)
    #[arg(long, value_enum, value_delimiter = ',', value_name = "KEYS")]
    pub with: Vec<WithArg>,
}

/// A further indicator the narrative can add.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum WithArg {
    /// 行政复议维持率
    #[value(name = "maintain_rate")]
    MaintainRate,
    /// 实质性化解率
    #[value(name = "resolution_rate")]
    ResolutionRate,
    /// 复议后起诉率
    #[value(name = "sued_after_rate")]
    SuedAfterRate,
    /// 复议诉讼比
    #[value(name = "reconsideration_litigation_ratio")]
    ReconsiderationLitigationRatio,
}

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Instead of the report, the work list or the 包案 sheet of the sample (e.g. demo due
    /// --on 2021-08-23, demo leads --month 2021-08)
    #[command(subcommand)]
    pub then: Option<DemoThen>,

    /// The sample folder [default: data/sample]
    #[arg(long, value_name = "DIR")]
    pub data: Option<PathBuf>,

    /// Benchmarks to compare with [default: data/benchmarks.csv, if present]
    #[arg(long, value_name = "FILE")]
    pub benchmarks: Option<PathBuf>,

    /// The unit registry [default: data/units.csv, if present]
    #[arg(long, value_name = "FILE")]
    pub units: Option<PathBuf>,

    #[command(flatten)]
    pub breakdown: BreakdownArgs,

    #[command(flatten)]
    pub output: ReportOutput,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files or folders, as for import
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    #[command(flatten)]
    pub read: ReadArgs,
}

#[derive(Debug, Args)]
pub struct BatchesArgs {
    /// Output format
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
}

#[derive(Debug, Args)]
pub struct UndoArgs {
    /// The batch to remove (see `caseledger batches`)
    #[arg(value_name = "BATCH_ID")]
    pub batch_id: i64,
}

#[derive(Debug, Args)]
pub struct BackupArgs {
    /// The copy to write, e.g. ledger-2021-08-31.sqlite
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// Replace FILE if it exists
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete in
    #[arg(value_enum)]
    pub shell: ShellArg,
}

/// A shell `caseledger completions` writes a script for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShellArg {
    /// Bash
    Bash,
    /// Zsh
    Zsh,
    /// Fish
    Fish,
    /// PowerShell
    Powershell,
}

#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// The case number, in any bracket style
    #[arg(value_name = "CASE_NO")]
    pub case_no: String,

    /// Output format
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
}

#[derive(Debug, Args)]
#[allow(clippy::struct_excessive_bools)] // each bool is a --flag of its own
pub struct CasesArgs {
    /// Only this ledger kind
    #[arg(long, value_enum)]
    pub kind: Option<KindArg>,

    /// Only this unit (an alias of the registry is fine)
    #[arg(long, value_name = "NAME")]
    pub unit: Option<String>,

    /// Only this instance (litigation)
    #[arg(long, value_enum)]
    pub instance: Option<InstanceArg>,

    #[command(flatten)]
    pub filter: FilterArgs,

    /// First day of the period, on the date chosen by --on
    #[arg(long, value_name = "DATE", value_parser = parse_date, requires = "on")]
    pub from: Option<NaiveDate>,

    /// Last day of the period, on the date chosen by --on
    #[arg(long, value_name = "DATE", value_parser = parse_date, requires = "on")]
    pub to: Option<NaiveDate>,

    /// Which date --from and --to apply to
    #[arg(long, value_enum)]
    pub on: Option<OnArg>,

    /// Only this canonical outcome (e.g. 撤销, 不予受理)
    #[arg(long, value_name = "OUTCOME")]
    pub outcome: Option<String>,

    /// Only cases counted as corrected (被纠错)
    #[arg(long)]
    pub corrected: bool,

    /// Only cases counted as mediated (调解成功)
    #[arg(long)]
    pub mediated: bool,

    /// Only cases counted as lost (败诉)
    #[arg(long)]
    pub lost: bool,

    /// Only cases where the agency head appeared in court
    #[arg(long)]
    pub head_appeared: bool,

    /// Only cases not closed yet
    #[arg(long)]
    pub open: bool,

    /// Only reconsideration cases that a lawsuit names in its 复议案号 (复议后起诉); with
    /// --on closed and the report's period, the report's numerator
    #[arg(long)]
    pub sued_after: bool,

    /// As known on this date (only batches as of it or earlier)
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<NaiveDate>,

    /// Output format
    #[arg(long, value_enum, default_value_t = CasesFormat::Table)]
    pub format: CasesFormat,

    /// Write to this file instead of standard output
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// What the demo shows instead of the report.
#[derive(Debug, Subcommand)]
pub enum DemoThen {
    /// The work list on the sample, e.g. demo due --on 2021-08-23
    Due(DueArgs),
    /// The monthly 调度 sheet of each 包案领导 on the sample
    Leads(LeadsArgs),
}

#[derive(Debug, Args)]
pub struct LeadsArgs {
    /// The month, e.g. 2021-08 or 2021年8月; cases as known at its end [default: the month
    /// of the latest as-of date in the ledger]
    #[arg(long, value_name = "YYYY-MM", value_parser = parse_month)]
    pub month: Option<Month>,

    /// Only this leader: the name as written in 包案领导, or one word of it (王某 finds
    /// 副县长 王某)
    #[arg(long, value_name = "NAME")]
    pub lead: Option<String>,

    /// Output format (xlsx and docx need --output)
    #[arg(long, value_enum, default_value_t = LeadsFormat::Table)]
    pub format: LeadsFormat,

    /// Write to this file instead of standard output (xlsx and docx always need one)
    #[arg(long, short, value_name = "FILE", required_if_eq_any([("format", "xlsx"), ("format", "docx")]))]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct SelectionArgs {
    /// As known on this date (only batches as of it or earlier); cases open on it
    /// [default: the latest as-of date in the ledger]
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<NaiveDate>,

    /// Output format (xlsx needs --output)
    #[arg(long, value_enum, default_value_t = SelectionFormat::Table)]
    pub format: SelectionFormat,

    /// Write to this file instead of standard output (xlsx always needs one)
    #[arg(long, short, value_name = "FILE", required_if_eq("format", "xlsx"))]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct DueArgs {
    /// The day of the list, with the ledger as known then [default: today]
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub on: Option<NaiveDate>,

    /// Besides the overdue items, list those due within this many days after --on
    #[arg(long, value_name = "DAYS", default_value_t = 7)]
    pub within: u32,

    /// Only cases of this unit (an alias of the registry is fine)
    #[arg(long, value_name = "NAME")]
    pub unit: Option<String>,

    /// Only cases this 包案领导 owns (the whole cell, or one name of a list like 张三、李四)
    #[arg(long, value_name = "NAME")]
    pub lead: Option<String>,

    #[command(flatten)]
    pub filter: FilterArgs,

    /// Only this ledger kind
    #[arg(long, value_enum)]
    pub kind: Option<KindArg>,

    /// Output format
    #[arg(long, value_enum, default_value_t = DueFormat::Table)]
    pub format: DueFormat,

    /// Write to this file instead of standard output
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CalendarArgs {
    #[command(subcommand)]
    pub action: CalendarAction,
}

#[derive(Debug, Subcommand)]
pub enum CalendarAction {
    /// Add or correct days from a CSV or workbook with columns 日期 and 类型 (休 or 班), all
    /// or none: for a year whose State Council notice came out after this caseledger, or to
    /// correct a day; a day imported before is replaced
    Import {
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// Print a year's holidays and make-up working days, those you added marked, and
    /// whether the year has a holiday schedule at all
    Show {
        #[arg(value_name = "YEAR")]
        year: i32,
    },
}

#[derive(Debug, Args)]
pub struct RulesArgs {
    #[command(subcommand)]
    pub action: RulesAction,
}

#[derive(Debug, Args)]
pub struct LetterheadArgs {
    #[command(subcommand)]
    pub action: LetterheadAction,
}

#[derive(Debug, Subcommand)]
pub enum LetterheadAction {
    /// Print the words in force
    Show,
    /// Change one: issuer (落款, e.g. 黔南州司法局), area (全州), recipients (the 主送
    /// line), issue (e.g. 第8期; empty for none), title (with {period} and {area}, e.g.
    /// 关于{period}{area}行政复议和行政应诉“三率”情况的通报)
    Set {
        #[arg(value_name = "KEY")]
        key: String,
        #[arg(value_name = "VALUE")]
        value: String,
    },
    /// Return every word to its default
    Reset,
}

#[derive(Debug, Subcommand)]
pub enum RulesAction {
    /// Print the rules in force
    Show,
    /// Change one rule: corrected_outcomes, mediated_outcomes, lost_outcomes (comma lists
    /// of canonical outcomes), correction_base (closed | accepted_closed), loss_base
    /// (first_instance_closed | judgments), appearance_scope (first_instance | all_instances),
    /// reply_days (e.g. 司法建议书=60), cluster_days, cluster_min, group_min (whole numbers)
    Set {
        #[arg(value_name = "KEY")]
        key: String,
        #[arg(value_name = "VALUE")]
        value: String,
    },
    /// Return every rule to its default
    Reset,
}

#[derive(Debug, Args)]
pub struct UnitsArgs {
    #[command(subcommand)]
    pub action: UnitsAction,
}

#[derive(Debug, Subcommand)]
pub enum UnitsAction {
    /// Replace the registry with a CSV of 单位, 别名 (separated by 、 or ;) and an optional
    /// 区划代码; afterwards unknown units are refused at import
    Import {
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// Print the registry
    Show,
}

#[derive(Debug, Args)]
pub struct OutcomesArgs {
    #[command(subcommand)]
    pub action: OutcomesAction,
}

#[derive(Debug, Subcommand)]
pub enum OutcomesAction {
    /// Read SPELLING as CANONICAL from now on, e.g. '维持原具体行政行为=维持' (all or none
    /// are stored; a failed import prints the line to edit)
    Map {
        #[arg(required = true, value_name = "SPELLING=CANONICAL")]
        entries: Vec<String>,
    },
    /// List the mapped spellings
    Show,
    /// Stop reading these spellings
    Unmap {
        #[arg(required = true, value_name = "SPELLING")]
        spellings: Vec<String>,
    },
}

#[derive(Debug, Args)]
pub struct ColumnsArgs {
    #[command(subcommand)]
    pub action: ColumnsAction,
}

#[derive(Debug, Subcommand)]
pub enum ColumnsAction {
    /// Read HEADER as the column 字段 in this kind's files from now on, e.g. '受理单位=单位',
    /// or acknowledge a column that is not read: '联系地址=-' (all or none are stored; a
    /// failed import prints the line to edit)
    Map {
        #[arg(required = true, value_name = "HEADER=字段")]
        entries: Vec<String>,
        /// The ledger whose files have these headers
        #[arg(long, value_enum)]
        kind: KindArg,
    },
    /// List the mapped headers
    Show,
    /// Stop reading these headers
    Unmap {
        #[arg(required = true, value_name = "HEADER")]
        headers: Vec<String>,
        /// The ledger whose files have these headers
        #[arg(long, value_enum)]
        kind: KindArg,
    },
}

#[derive(Debug, Args)]
pub struct TemplateArgs {
    /// Which ledger: 复议台账, 应诉台账, 整改台账 or 诉前台账
    #[arg(value_enum)]
    pub kind: KindArg,

    /// The workbook to write, e.g. 复议台账模板.xlsx (required: a workbook cannot go to
    /// the terminal)
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Replace the file if it exists
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// A table for people
    Table,
    /// JSON
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CasesFormat {
    /// A table for people
    Table,
    /// CSV for Excel (formula-safe)
    Csv,
    /// A JSON array of objects
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InstanceArg {
    /// 一审
    First,
    /// 二审
    Second,
    /// 再审
    Retrial,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OnArg {
    /// 收案日期 (reconsideration)
    Received,
    /// 受理日期 (reconsideration)
    Accepted,
    /// 结案日期
    Closed,
    /// 立案日期 (litigation)
    Filed,
    /// 开庭日期 (litigation)
    Hearing,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    /// 复议台账
    Reconsideration,
    /// 应诉台账
    Litigation,
    /// 整改台账: 意见书, 建议书 and their rectification
    Rectification,
    /// 诉前台账: disputes handled before court
    Dispute,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A table for people
    Table,
    /// One JSON object: counts, rates with 同比, and the rules used (docs/OUTPUT.md)
    Json,
    /// CSV for Excel (UTF-8 with BOM unless --encoding gb18030)
    Csv,
    /// A Markdown table for documents
    Markdown,
    /// The narrative paragraph of the published report (中文)
    Text,
    /// One self-contained HTML page with charts
    Html,
    /// An Excel workbook (汇总, 分县, 趋势); needs --output
    Xlsx,
    /// The monthly 通报 as a Word document in the official-document layout (GB/T
    /// 9704-2012), in the words `letterhead` keeps; needs --output
    Docx,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LeadsFormat {
    /// A table per leader, for people
    Table,
    /// One JSON object with every leader's cases (docs/OUTPUT.md)
    Json,
    /// A Markdown section per leader, for documents
    Markdown,
    /// One self-contained HTML page to print, a section per leader
    Html,
    /// An Excel workbook, a row per case; needs --output
    Xlsx,
    /// A Word document in the official-document layout, a table per leader; needs --output
    Docx,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SelectionFormat {
    /// A table for people, largest or most urgent first
    Table,
    /// One JSON object (docs/OUTPUT.md)
    Json,
    /// CSV for Excel (formula-safe)
    Csv,
    /// A Markdown table for documents
    Markdown,
    /// One self-contained HTML page to print
    Html,
    /// An Excel workbook of one sheet; needs --output
    Xlsx,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DueFormat {
    /// A table per unit for people
    Table,
    /// `{"on", "within", "items": [...]}` (docs/OUTPUT.md)
    Json,
    /// CSV for Excel (formula-safe)
    Csv,
    /// Markdown tables for documents
    Markdown,
    /// One self-contained page to print, a section per unit
    Html,
    /// An iCalendar file: hearings with reminder alarms, and deadlines as all-day events
    Ics,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TrendFormat {
    /// A table with a sparkline row
    Table,
    /// `{"points": [...]}`
    Json,
    /// CSV for Excel
    Csv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum By {
    /// One row per county-level unit
    Unit,
    /// One row per 案由 (both kinds of case)
    Matter,
    /// One row per 被申请人 (reconsideration cases only)
    Respondent,
    /// One row per 被告 (lawsuits only)
    Defendant,
    /// One row per 法院 (lawsuits only)
    Court,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Every {
    /// Each Sunday
    Week,
    /// Each month end
    Month,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EncodingArg {
    /// UTF-8 (CSV gets a byte-order mark so Excel reads it)
    #[value(name = "utf-8", alias = "utf8")]
    Utf8,
    /// GB18030, as older Chinese Excel expects
    Gb18030,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// 中文
    Zh,
    /// English
    En,
}

/// Reads a month as a clerk writes one: 2021-08, 2021/8, 2021年8月.
fn parse_month(text: &str) -> Result<Month, crate::model::Unknown> {
    crate::spreadsheet::cell::normalise(text).parse()
}

/// Reads a date in any style a clerk writes one.
fn parse_date(text: &str) -> Result<NaiveDate, String> {
    let text = crate::spreadsheet::cell::normalise(text);
    crate::spreadsheet::cell::parse_date(&text).ok_or_else(|| {
        format!(
            "`{text}` is not a date (use {})",
            crate::spreadsheet::cell::DATE_STYLES
        )
    })
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    #[test]
    fn clap_definitions_are_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn months_take_office_styles() {
        assert_eq!(parse_month("2021年8月"), parse_month("2021-08"));
        assert_eq!(parse_month("２０２１－０８"), parse_month("2021-08"));
        assert!(parse_month("8月").is_err());
    }

    #[test]
    fn dates_take_any_office_style() {
        assert_eq!(parse_date("2021年8月31日"), parse_date("2021-08-31"));
        assert!(parse_date("31/08/2021").is_err());
    }
}
