//! An independent reading of the written files, the way SPEC §2–§4 describe the importer:
//! decode, split, map headers by their aliases, parse dates, booleans and outcome spellings,
//! check the consistency rules, keep every case's versions by as-of date, and count the
//! figures. It shares no code with the generator, so that a mistake there shows up here.
//! The work-list columns are read and checked in `work`.

#[path = "tally_work.rs"]
mod work;

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

/// The SPEC §4 counts, in this order.
pub const KEYS: [&str; 11] = [
    "received",
    "accepted",
    "not_accepted",
    "closed",
    "corrected",
    "mediated",
    "filed",
    "first_instance_closed",
    "lost",
    "heard",
    "head_appeared",
];

pub type Counts = [u64; 11];

#[rustfmt::skip]
const UNITS: [&str; 13] = [
    "都匀市", "福泉市", "荔波县", "贵定县", "瓮安县", "独山县", "平塘县", "罗甸县", "长顺县", "龙里县",
    "惠水县", "三都水族自治县", "州直",
];

#[rustfmt::skip]
const RECON_HEADERS: [(&str, &str); 25] = [
    ("案号", "case_no"), ("复议案号", "case_no"), ("文号", "case_no"), ("案件编号", "case_no"),
    ("单位", "unit"), ("县市", "unit"), ("所属县市", "unit"), ("地区", "unit"),
    ("被申请人", "respondent"), ("案由", "matter"), ("申请事项", "matter"), ("案件类型", "matter"),
    ("收案日期", "received_on"), ("收到申请日期", "received_on"), ("申请日期", "received_on"),
    ("受理日期", "accepted_on"), ("结案日期", "closed_on"), ("办结日期", "closed_on"),
    ("审结日期", "closed_on"), ("结案方式", "outcome"), ("审理结果", "outcome"),
    ("办理结果", "outcome"), ("是否纠错", "corrected"), ("包案领导", "lead"), ("备注", "note"),
];

#[rustfmt::skip]
const LIT_HEADERS: [(&str, &str); 30] = [
    ("案号", "case_no"), ("审级", "instance"), ("审判程序", "instance"), ("法院", "court"),
    ("受理法院", "court"), ("单位", "unit"), ("县市", "unit"), ("所属县市", "unit"),
    ("地区", "unit"), ("被告", "defendant"), ("被诉机关", "defendant"), ("案由", "matter"),
    ("立案日期", "filed_on"), ("收案日期", "filed_on"), ("开庭日期", "hearing_on"),
    ("负责人出庭", "head_appeared"), ("是否负责人出庭", "head_appeared"),
    ("行政机关负责人是否出庭", "head_appeared"), ("出庭负责人", "head_name"),
    ("出庭负责人姓名", "head_name"), ("出庭负责人职务", "head_title"), ("职务", "head_title"),
    ("结案日期", "closed_on"), ("审结日期", "closed_on"), ("裁判结果", "outcome"),
    ("结案方式", "outcome"), ("判决结果", "outcome"), ("是否败诉", "lost"), ("包案领导", "lead"),
    ("备注", "note"),
];

/// Columns that are no key but expected: personal names (never stored) and office extras.
const EXPECTED_EXTRA: [&str; 5] = ["序号", "申请人", "原告", "第三人", "承办人"];

#[rustfmt::skip]
const RECON_OUTCOMES: [(&str, &str); 23] = [
    ("维持", "维持"), ("驳回请求", "驳回请求"), ("驳回", "驳回请求"),
    ("驳回行政复议请求", "驳回请求"), ("驳回申请", "驳回申请"), ("驳回行政复议申请", "驳回申请"),
    ("不予受理", "不予受理"), ("撤销", "撤销"), ("部分撤销", "撤销"), ("撤销并责令重作", "撤销"),
    ("变更", "变更"), ("确认违法", "确认违法"), ("确认无效", "确认无效"), ("责令履行", "责令履行"),
    ("责令履职", "责令履行"), ("调解", "调解"), ("调解结案", "调解"), ("和解", "和解"),
    ("和解撤回", "和解"), ("终止", "终止"), ("撤回申请", "终止"), ("终止审理", "终止"),
    ("其他", "其他"),
];

#[rustfmt::skip]
const LIT_OUTCOMES: [(&str, &str); 22] = [
    ("驳回诉讼请求", "驳回诉讼请求"), ("判决驳回诉讼请求", "驳回诉讼请求"), ("撤销", "撤销"),
    ("部分撤销", "撤销"), ("判决撤销", "撤销"), ("变更", "变更"), ("确认违法", "确认违法"),
    ("确认无效", "确认无效"), ("责令履行", "责令履行"), ("履行", "责令履行"),
    ("履行法定职责", "责令履行"), ("给付", "给付"), ("赔偿", "赔偿"), ("调解", "调解"),
    ("撤诉", "撤诉"), ("准许撤诉", "撤诉"), ("按撤诉处理", "撤诉"), ("驳回起诉", "驳回起诉"),
    ("裁定驳回起诉", "驳回起诉"), ("终结", "终结"), ("移送", "移送"), ("其他", "其他"),
];

const CORRECTED: [&str; 5] = ["撤销", "变更", "确认违法", "确认无效", "责令履行"];
const MEDIATED: [&str; 2] = ["调解", "和解"];
const LOST: [&str; 7] = [
    "撤销",
    "变更",
    "确认违法",
    "确认无效",
    "责令履行",
    "给付",
    "赔偿",
];

/// One row as the importer would store it (only the fields the counts need).
#[derive(Clone, PartialEq, Eq, Debug)]
enum Row {
    Recon {
        received: NaiveDate,
        accepted: Option<NaiveDate>,
        closed: Option<NaiveDate>,
        outcome: Option<&'static str>,
        corrected: Option<bool>,
    },
    Lit {
        first_instance: bool,
        filed: NaiveDate,
        hearing: Option<NaiveDate>,
        head: Option<bool>,
        closed: Option<NaiveDate>,
        outcome: Option<&'static str>,
        lost: Option<bool>,
    },
}

impl Row {
    /// Adds this case's contribution to the counts of the period `from..=to`.
    fn count(&self, (from, to): (NaiveDate, NaiveDate), counts: &mut Counts) {
        let within = |date: Option<NaiveDate>| date.is_some_and(|d| from <= d && d <= to);
        let mut add = |key: usize, yes: bool| counts[key] += u64::from(yes);
        match *self {
            Row::Recon {
                received,
                accepted,
                closed,
                outcome,
                corrected,
            } => {
                let outcome = outcome.unwrap_or_default();
                add(0, within(Some(received)));
                add(1, within(accepted));
                if within(closed) {
                    add(2, outcome == "不予受理");
                    add(3, true);
                    add(4, corrected.unwrap_or(CORRECTED.contains(&outcome)));
                    add(5, MEDIATED.contains(&outcome));
                }
            }
            Row::Lit {
                first_instance: true,
                filed,
                hearing,
                head,
                closed,
                outcome,
                lost,
            } => {
                let outcome = outcome.unwrap_or_default();
                add(6, within(Some(filed)));
                if within(closed) {
                    add(7, true);
                    add(8, lost.unwrap_or(LOST.contains(&outcome)));
                }
                if within(hearing) {
                    add(9, true);
                    add(10, head == Some(true));
                }
            }
            Row::Lit { .. } => {}
        }
    }
}

/// A case's versions: the file's as-of date, the row, and its work-list cells.
type Versions = Vec<(NaiveDate, Row, work::Work)>;

/// Header aliases and the key each one means.
type Aliases = &'static [(&'static str, &'static str)];

/// Every version of every case read from the files, oldest first.
pub struct Ledger {
    cases: BTreeMap<(bool, String), Versions>,
}

fn bad(file: &Path, row: usize, message: &str) -> io::Error {
    io::Error::other(format!("{}:{row}: {message}", file.display()))
}

/// A case number as matched: brackets unified, full-width digits narrowed, spaces dropped.
pub fn case_key(number: &str) -> String {
    number
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '（' | '〔' | '[' => '(',
            '）' | '〕' | ']' => ')',
            '０'..='９' => char::from_u32(c as u32 - 0xFF10 + u32::from(b'0')).unwrap_or(c),
            _ => c,
        })
        .collect()
}

fn parse_date(text: &str) -> Option<NaiveDate> {
    let parts: Vec<&str> = if text.contains('年') {
        text.trim_end_matches('日').split(['年', '月']).collect()
    } else if text.len() == 8 && text.bytes().all(|b| b.is_ascii_digit()) {
        vec![&text[..4], &text[4..6], &text[6..]]
    } else {
        text.split(['-', '/', '.']).collect()
    };
    match parts.as_slice() {
        [y, m, d] => NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?),
        _ => None,
    }
}

fn parse_bool(text: &str) -> Result<Option<bool>, ()> {
    match text.to_lowercase().as_str() {
        "" => Ok(None),
        "是" | "有" | "y" | "yes" | "true" | "1" | "√" => Ok(Some(true)),
        "否" | "无" | "n" | "no" | "false" | "0" | "×" => Ok(Some(false)),
        _ => Err(()),
    }
}

fn split_csv(line: &str) -> Option<Vec<String>> {
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut chars = line.chars().peekable();
    let mut quoted = false;
    let mut at_start = true;
    while let Some(c) = chars.next() {
        if quoted {
            if c != '"' {
                cell.push(c);
            } else if chars.peek() == Some(&'"') {
                cell.push('"');
                chars.next();
            } else {
                quoted = false;
            }
        } else if c == ',' {
            cells.push(std::mem::take(&mut cell));
            at_start = true;
            continue;
        } else if c == '"' && at_start {
            quoted = true;
        } else {
            cell.push(c);
        }
        at_start = false;
    }
    cells.push(cell);
    (!quoted).then_some(cells)
}

fn decode(bytes: &[u8]) -> Option<String> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return String::from_utf8(rest.to_vec()).ok();
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Some(text.to_string());
    }
    encoding_rs::GB18030
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(std::borrow::Cow::into_owned)
}

/// The cells of one row by key.
struct Cells<'a> {
    file: &'a Path,
    row: usize,
    columns: &'a BTreeMap<&'static str, usize>,
    values: Vec<String>,
}

impl Cells<'_> {
    fn text(&self, key: &str) -> &str {
        self.columns
            .get(key)
            .and_then(|&i| self.values.get(i))
            .map_or("", |cell| cell.trim())
    }

    fn date(&self, key: &str) -> io::Result<Option<NaiveDate>> {
        let text = self.text(key);
        if text.is_empty() {
            return Ok(None);
        }
        parse_date(text).map(Some).ok_or_else(|| {
            bad(
                self.file,
                self.row,
                &format!("{key}: `{text}` is not a date"),
            )
        })
    }

    fn required_date(&self, key: &str) -> io::Result<NaiveDate> {
        self.date(key)?
            .ok_or_else(|| bad(self.file, self.row, &format!("{key} is empty")))
    }

    fn flag(&self, key: &str) -> io::Result<Option<bool>> {
        let text = self.text(key);
        parse_bool(text).map_err(|()| {
            bad(
                self.file,
                self.row,
                &format!("{key}: `{text}` is not a boolean"),
            )
        })
    }

    fn outcome(&self, table: &[(&str, &'static str)]) -> io::Result<Option<&'static str>> {
        let text = self.text("outcome");
        if text.is_empty() {
            return Ok(None);
        }
        table
            .iter()
            .find(|(spelling, _)| *spelling == text)
            .map(|&(_, canonical)| Some(canonical))
            .ok_or_else(|| bad(self.file, self.row, &format!("unknown outcome `{text}`")))
    }
}

/// SPEC §2.5, plus: no date after the file's as-of date.
fn check_row(cells: &Cells, row: &Row, as_of: NaiveDate) -> io::Result<()> {
    let fail = |message: &str| Err(bad(cells.file, cells.row, message));
    let (start, accepted, hearing, closed, outcome) = match *row {
        Row::Recon {
            received,
            accepted,
            closed,
            outcome,
            ..
        } => (received, accepted, None, closed, outcome),
        Row::Lit {
            filed,
            hearing,
            closed,
            outcome,
            head,
            ..
        } => {
            if head == Some(true) && hearing.is_none() {
                return fail("head appeared without a hearing");
            }
            (filed, None, hearing, closed, outcome)
        }
    };
    if closed.is_some() != outcome.is_some() {
        return fail("closed_on and outcome must go together");
    }
    if outcome == Some("不予受理") && accepted.is_some() {
        return fail("不予受理 with an acceptance date");
    }
    // A hearing may lie ahead: set, with nobody yet recorded as appearing.
    let scheduled = match *row {
        Row::Lit { head, .. } => head.is_none() && closed.is_none(),
        Row::Recon { .. } => false,
    };
    let dates = [
        Some(start),
        accepted,
        hearing.filter(|_| !scheduled),
        closed,
    ];
    if dates.iter().flatten().any(|date| *date > as_of) {
        return fail("a date after the file's as-of date");
    }
    let ordered = accepted.is_none_or(|d| d >= start)
        && hearing.is_none_or(|d| d >= start)
        && closed.is_none_or(|d| d >= start && hearing.is_none_or(|h| d >= h));
    if !ordered {
        return fail("dates out of order");
    }
    if UNITS.contains(&cells.text("unit")) {
        Ok(())
    } else {
        fail("unknown unit")
    }
}

fn read_row(cells: &Cells, reconsideration: bool) -> io::Result<Row> {
    if reconsideration {
        return Ok(Row::Recon {
            received: cells.required_date("received_on")?,
            accepted: cells.date("accepted_on")?,
            closed: cells.date("closed_on")?,
            outcome: cells.outcome(&RECON_OUTCOMES)?,
            corrected: cells.flag("corrected")?,
        });
    }
    let number = case_key(cells.text("case_no"));
    let first_instance = match cells.text("instance") {
        "一审" => true,
        "二审" | "再审" => false,
        "" if number.contains("行初") => true,
        "" if number.contains("行终") || number.contains("行申") => false,
        other => {
            return Err(bad(
                cells.file,
                cells.row,
                &format!("unknown instance `{other}`"),
            ));
        }
    };
    Ok(Row::Lit {
        first_instance,
        filed: cells.required_date("filed_on")?,
        hearing: cells.date("hearing_on")?,
        head: cells.flag("head_appeared")?,
        closed: cells.date("closed_on")?,
        outcome: cells.outcome(&LIT_OUTCOMES)?,
        lost: cells.flag("lost")?,
    })
}

impl Ledger {
    /// Reads the files in order of as-of date (their folder) and name.
    pub fn read(files: &[PathBuf]) -> io::Result<Self> {
        let mut files = files.to_vec();
        files.sort();
        let mut ledger = Ledger {
            cases: BTreeMap::new(),
        };
        for file in &files {
            ledger.read_file(file)?;
        }
        Ok(ledger)
    }

    fn read_file(&mut self, file: &Path) -> io::Result<()> {
        let name = file
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let reconsideration = name.contains("复议");
        if !reconsideration && !name.contains("应诉") {
            return Err(bad(file, 0, "neither a 复议 nor an 应诉 file"));
        }
        let as_of = name
            .strip_suffix(".csv")
            .and_then(|stem| stem.rsplit('_').next())
            .and_then(|date| NaiveDate::parse_from_str(date, "%Y-%m-%d").ok())
            .ok_or_else(|| bad(file, 0, "no as-of date in the file name"))?;
        let text = decode(&fs::read(file)?).ok_or_else(|| bad(file, 0, "cannot decode"))?;
        let mut lines = text.lines();
        let header = split_csv(lines.next().unwrap_or_default())
            .ok_or_else(|| bad(file, 1, "bad quoting"))?;
        let (table, work_table): (Aliases, Aliases) = if reconsideration {
            (&RECON_HEADERS, &work::RECON_WORK_HEADERS)
        } else {
            (&LIT_HEADERS, &work::LIT_WORK_HEADERS)
        };
        let mut columns = BTreeMap::new();
        for (i, title) in header.iter().enumerate() {
            let title = title.trim();
            let known = table
                .iter()
                .chain(work_table)
                .find(|(alias, _)| *alias == title);
            match known {
                Some(&(_, key)) if columns.insert(key, i).is_some() => {
                    return Err(bad(file, 1, &format!("two columns for {key}")));
                }
                Some(_) => {}
                None if EXPECTED_EXTRA.contains(&title) => {}
                None => return Err(bad(file, 1, &format!("unexpected column `{title}`"))),
            }
        }
        let start = if reconsideration {
            "received_on"
        } else {
            "filed_on"
        };
        if ["case_no", "unit", start]
            .iter()
            .any(|key| !columns.contains_key(key))
        {
            return Err(bad(file, 1, "a required column is missing"));
        }
        for (i, line) in lines.enumerate() {
            let row = i + 2;
            let values = split_csv(line).ok_or_else(|| bad(file, row, "bad quoting"))?;
            if values.len() != header.len() {
                return Err(bad(file, row, "wrong number of cells"));
            }
            let cells = Cells {
                file,
                row,
                columns: &columns,
                values,
            };
            let parsed = read_row(&cells, reconsideration)?;
            check_row(&cells, &parsed, as_of)?;
            let work = work::read(&cells, &parsed, as_of)?;
            let key = (reconsideration, case_key(cells.text("case_no")));
            self.cases
                .entry(key)
                .or_default()
                .push((as_of, parsed, work));
        }
        Ok(())
    }

    /// The counts of `period` on every case's latest version known on `as_of` (all if `None`).
    pub fn counts(&self, period: (NaiveDate, NaiveDate), as_of: Option<NaiveDate>) -> Counts {
        let mut counts = [0; 11];
        for versions in self.cases.values() {
            if let Some((_, row, _)) = versions
                .iter()
                .rev()
                .find(|(date, _, _)| as_of.is_none_or(|a| *date <= a))
            {
                row.count(period, &mut counts);
            }
        }
        counts
    }

    /// One case's contribution to `key` in `period`, as known on `as_of` and with all files.
    pub fn case_count(
        &self,
        reconsideration: bool,
        number: &str,
        key: &str,
        period: (NaiveDate, NaiveDate),
        as_of: NaiveDate,
    ) -> Option<(u64, u64)> {
        let versions = self.cases.get(&(reconsideration, case_key(number)))?;
        let index = KEYS.iter().position(|k| *k == key)?;
        let count = |row: &Row| {
            let mut counts = [0; 11];
            row.count(period, &mut counts);
            counts[index]
        };
        let (_, then, _) = versions.iter().rev().find(|(date, _, _)| *date <= as_of)?;
        let (_, now, _) = versions.last()?;
        Some((count(then), count(now)))
    }

    /// What the work list needs from the season; each miss is one line.
    pub fn work_misses(&self, misses: &mut Vec<String>) {
        work::check(&self.cases, misses);
    }
}
