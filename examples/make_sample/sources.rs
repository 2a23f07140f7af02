//! The reporting sources and their files: each office's headers, column order, date and
//! boolean style, case-number brackets and encoding, and the weekly cadence (cumulative
//! snapshots for reconsideration, deltas for the courts). The only module that writes.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};

use super::calendar::{Calendar, ymd};
use super::cases::{Lit, LitView, Recon, ReconView, Typing};
use super::names::{COURTS, UNITS};
use super::population::Population;

#[derive(Clone, Copy)]
enum DateStyle {
    /// 2021-08-31
    Iso,
    /// 2021/8/31
    Slash,
    /// 2021.8.31
    Dot,
    /// 2021年8月31日
    Chinese,
    /// 20210831
    Compact,
}

#[derive(Clone, Copy)]
enum BoolStyle {
    ShiFou,
    Tick,
    YesNo,
    OneZero,
    YouWu,
}

#[derive(Clone, Copy)]
enum Bracket {
    /// 〔2021〕, the standard for documents.
    Hexagonal,
    /// （2021）
    FullWidth,
    /// [2021]
    Square,
    /// (2021), usual in court case numbers.
    Ascii,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Encoding {
    Utf8,
    Utf8Bom,
    /// What Chinese Excel writes when saving as CSV, with CRLF line ends.
    Gb18030,
}

/// A reconsideration ledger column.
#[derive(Clone, Copy)]
enum RCol {
    Seq,
    CaseNo,
    Unit,
    Applicant,
    Respondent,
    Matter,
    Received,
    Accepted,
    Closed,
    Outcome,
    Corrected,
    Lead,
    Note,
    Clerk,
}

/// A litigation ledger column.
#[derive(Clone, Copy)]
enum LCol {
    Seq,
    CaseNo,
    Instance,
    Court,
    Unit,
    Defendant,
    Plaintiff,
    ThirdParty,
    Matter,
    Filed,
    Hearing,
    Head,
    HeadName,
    HeadTitle,
    Closed,
    Outcome,
    Lost,
    Lead,
    Note,
    Judge,
}

type Layout<C> = &'static [(&'static str, C)];

/// One reconsideration office; `[0]` is the 2020 template, `[1]` the 2021 one.
struct ReconSource {
    layout: [Layout<RCol>; 2],
    dates: [DateStyle; 2],
    bools: BoolStyle,
    brackets: Bracket,
    /// A later bracket style and the first report that uses it.
    brackets_from: Option<(NaiveDate, Bracket)>,
    encoding: Encoding,
}

/// One court; `[0]` is the 2020 template, `[1]` the 2021 one.
struct CourtSource {
    layout: [Layout<LCol>; 2],
    dates: [DateStyle; 2],
    head_bools: BoolStyle,
    lost_bools: BoolStyle,
    brackets: [Bracket; 2],
    encoding: Encoding,
}

use RCol as R;

#[rustfmt::skip]
const DUYUN: Layout<RCol> = &[
    ("序号", R::Seq), ("复议案号", R::CaseNo), ("单位", R::Unit), ("申请人", R::Applicant),
    ("被申请人", R::Respondent), ("案由", R::Matter), ("收案日期", R::Received),
    ("受理日期", R::Accepted), ("结案日期", R::Closed), ("结案方式", R::Outcome),
    ("是否纠错", R::Corrected), ("备注", R::Note),
];
#[rustfmt::skip]
const FUQUAN: Layout<RCol> = &[
    ("案号", R::CaseNo), ("被申请人", R::Respondent), ("申请事项", R::Matter),
    ("收到申请日期", R::Received), ("受理日期", R::Accepted), ("办结日期", R::Closed),
    ("办理结果", R::Outcome), ("备注", R::Note), ("县市", R::Unit),
];
#[rustfmt::skip]
const LIBO: Layout<RCol> = &[
    ("序号", R::Seq), ("案件编号", R::CaseNo), ("所属县市", R::Unit), ("申请人", R::Applicant),
    ("被申请人", R::Respondent), ("案由", R::Matter), ("申请日期", R::Received),
    ("受理日期", R::Accepted), ("审结日期", R::Closed), ("审理结果", R::Outcome),
    ("承办人", R::Clerk),
];
#[rustfmt::skip]
const GUIDING_2020: Layout<RCol> = &[
    ("案号", R::CaseNo), ("单位", R::Unit), ("被申请人", R::Respondent), ("案由", R::Matter),
    ("收案日期", R::Received), ("受理日期", R::Accepted), ("结案日期", R::Closed),
    ("结案方式", R::Outcome),
];
#[rustfmt::skip]
const GUIDING_2021: Layout<RCol> = &[
    ("序号", R::Seq), ("复议案号", R::CaseNo), ("单位", R::Unit), ("申请人", R::Applicant),
    ("被申请人", R::Respondent), ("案件类型", R::Matter), ("收到申请日期", R::Received),
    ("受理日期", R::Accepted), ("办结日期", R::Closed), ("办理结果", R::Outcome),
    ("包案领导", R::Lead), ("备注", R::Note),
];
#[rustfmt::skip]
const WENGAN: Layout<RCol> = &[
    ("文号", R::CaseNo), ("地区", R::Unit), ("被申请人", R::Respondent), ("案由", R::Matter),
    ("收案日期", R::Received), ("受理日期", R::Accepted), ("结案日期", R::Closed),
    ("结案方式", R::Outcome), ("是否纠错", R::Corrected), ("备注", R::Note),
];
#[rustfmt::skip]
const DUSHAN: Layout<RCol> = &[
    ("案号", R::CaseNo), ("单位", R::Unit), ("申请人", R::Applicant), ("被申请人", R::Respondent),
    ("案由", R::Matter), ("收案日期", R::Received), ("受理日期", R::Accepted),
    ("结案日期", R::Closed), ("审理结果", R::Outcome), ("包案领导", R::Lead),
];
#[rustfmt::skip]
const PINGTANG: Layout<RCol> = &[
    ("序号", R::Seq), ("案号", R::CaseNo), ("县市", R::Unit), ("被申请人", R::Respondent),
    ("申请人", R::Applicant), ("申请事项", R::Matter), ("收到申请日期", R::Received),
    ("受理日期", R::Accepted), ("结案日期", R::Closed), ("结案方式", R::Outcome),
    ("备注", R::Note),
];
#[rustfmt::skip]
const LUODIAN: Layout<RCol> = &[
    ("复议案号", R::CaseNo), ("单位", R::Unit), ("被申请人", R::Respondent), ("案由", R::Matter),
    ("收案日期", R::Received), ("受理日期", R::Accepted), ("结案日期", R::Closed),
    ("结案方式", R::Outcome),
];
#[rustfmt::skip]
const CHANGSHUN: Layout<RCol> = &[
    ("序号", R::Seq), ("案号", R::CaseNo), ("所属县市", R::Unit), ("申请人", R::Applicant),
    ("被申请人", R::Respondent), ("案由", R::Matter), ("收案日期", R::Received),
    ("受理日期", R::Accepted), ("结案日期", R::Closed), ("结案方式", R::Outcome),
    ("备注", R::Note),
];
#[rustfmt::skip]
const LONGLI: Layout<RCol> = &[
    ("案件编号", R::CaseNo), ("单位", R::Unit), ("被申请人", R::Respondent), ("案由", R::Matter),
    ("申请日期", R::Received), ("受理日期", R::Accepted), ("办结日期", R::Closed),
    ("结案方式", R::Outcome), ("包案领导", R::Lead), ("备注", R::Note),
];
#[rustfmt::skip]
const HUISHUI: Layout<RCol> = &[
    ("案号", R::CaseNo), ("县市", R::Unit), ("申请人", R::Applicant), ("被申请人", R::Respondent),
    ("申请事项", R::Matter), ("收到申请日期", R::Received), ("受理日期", R::Accepted),
    ("审结日期", R::Closed), ("办理结果", R::Outcome), ("承办人", R::Clerk),
];
#[rustfmt::skip]
const SANDU: Layout<RCol> = &[
    ("复议案号", R::CaseNo), ("单位", R::Unit), ("被申请人", R::Respondent), ("案由", R::Matter),
    ("收案日期", R::Received), ("受理日期", R::Accepted), ("结案日期", R::Closed),
    ("结案方式", R::Outcome), ("备注", R::Note),
];
#[rustfmt::skip]
const ZHOUZHI: Layout<RCol> = &[
    ("序号", R::Seq), ("复议案号", R::CaseNo), ("单位", R::Unit), ("被申请人", R::Respondent),
    ("申请人", R::Applicant), ("案由", R::Matter), ("收案日期", R::Received),
    ("受理日期", R::Accepted), ("结案日期", R::Closed), ("结案方式", R::Outcome),
    ("是否纠错", R::Corrected), ("包案领导", R::Lead), ("备注", R::Note),
];

const fn office(
    layout: Layout<RCol>,
    dates: DateStyle,
    bools: BoolStyle,
    encoding: Encoding,
) -> ReconSource {
    ReconSource {
        layout: [layout, layout],
        dates: [dates, dates],
        bools,
        brackets: Bracket::Hexagonal,
        brackets_from: None,
        encoding,
    }
}

/// The reconsideration offices, in the order of `UNITS`.
const RECON_SOURCES: [ReconSource; 13] = [
    office(DUYUN, DateStyle::Iso, BoolStyle::Tick, Encoding::Utf8Bom),
    ReconSource {
        brackets: Bracket::FullWidth,
        brackets_from: Some((ymd(2020, 7, 3), Bracket::Hexagonal)),
        ..office(FUQUAN, DateStyle::Slash, BoolStyle::ShiFou, Encoding::Utf8)
    },
    office(
        LIBO,
        DateStyle::Chinese,
        BoolStyle::ShiFou,
        Encoding::Gb18030,
    ),
    ReconSource {
        layout: [GUIDING_2020, GUIDING_2021],
        dates: [DateStyle::Dot, DateStyle::Iso],
        ..office(
            GUIDING_2020,
            DateStyle::Dot,
            BoolStyle::ShiFou,
            Encoding::Utf8,
        )
    },
    office(
        WENGAN,
        DateStyle::Compact,
        BoolStyle::OneZero,
        Encoding::Utf8,
    ),
    office(DUSHAN, DateStyle::Slash, BoolStyle::ShiFou, Encoding::Utf8),
    ReconSource {
        brackets: Bracket::Square,
        ..office(
            PINGTANG,
            DateStyle::Chinese,
            BoolStyle::ShiFou,
            Encoding::Gb18030,
        )
    },
    office(LUODIAN, DateStyle::Dot, BoolStyle::ShiFou, Encoding::Utf8),
    office(CHANGSHUN, DateStyle::Iso, BoolStyle::ShiFou, Encoding::Utf8),
    office(
        LONGLI,
        DateStyle::Compact,
        BoolStyle::ShiFou,
        Encoding::Utf8,
    ),
    ReconSource {
        brackets: Bracket::FullWidth,
        ..office(HUISHUI, DateStyle::Slash, BoolStyle::ShiFou, Encoding::Utf8)
    },
    office(SANDU, DateStyle::Chinese, BoolStyle::ShiFou, Encoding::Utf8),
    office(ZHOUZHI, DateStyle::Iso, BoolStyle::ShiFou, Encoding::Utf8),
];

use LCol as L;

#[rustfmt::skip]
const MIDDLE_2020: Layout<LCol> = &[
    ("序号", L::Seq), ("案号", L::CaseNo), ("审级", L::Instance), ("受理法院", L::Court),
    ("原告", L::Plaintiff), ("被告", L::Defendant), ("单位", L::Unit), ("第三人", L::ThirdParty),
    ("案由", L::Matter), ("立案日期", L::Filed), ("开庭日期", L::Hearing),
    ("行政机关负责人是否出庭", L::Head), ("出庭负责人", L::HeadName),
    ("出庭负责人职务", L::HeadTitle), ("结案日期", L::Closed), ("裁判结果", L::Outcome),
    ("是否败诉", L::Lost), ("备注", L::Note),
];
#[rustfmt::skip]
const MIDDLE_2021: Layout<LCol> = &[
    ("序号", L::Seq), ("案号", L::CaseNo), ("审判程序", L::Instance), ("受理法院", L::Court),
    ("原告", L::Plaintiff), ("被告", L::Defendant), ("单位", L::Unit), ("第三人", L::ThirdParty),
    ("案由", L::Matter), ("立案日期", L::Filed), ("开庭日期", L::Hearing),
    ("行政机关负责人是否出庭", L::Head), ("出庭负责人", L::HeadName),
    ("出庭负责人职务", L::HeadTitle), ("结案日期", L::Closed), ("裁判结果", L::Outcome),
    ("是否败诉", L::Lost), ("备注", L::Note),
];
#[rustfmt::skip]
const DUYUN_COURT: Layout<LCol> = &[
    ("案号", L::CaseNo), ("法院", L::Court), ("所属县市", L::Unit), ("被诉机关", L::Defendant),
    ("原告", L::Plaintiff), ("第三人", L::ThirdParty), ("案由", L::Matter),
    ("收案日期", L::Filed), ("开庭日期", L::Hearing), ("负责人出庭", L::Head),
    ("出庭负责人姓名", L::HeadName), ("职务", L::HeadTitle), ("审结日期", L::Closed),
    ("判决结果", L::Outcome), ("是否败诉", L::Lost), ("承办人", L::Judge), ("备注", L::Note),
];
#[rustfmt::skip]
const WENGAN_COURT: Layout<LCol> = &[
    ("序号", L::Seq), ("案号", L::CaseNo), ("县市", L::Unit), ("被告", L::Defendant),
    ("原告", L::Plaintiff), ("案由", L::Matter), ("立案日期", L::Filed), ("开庭日期", L::Hearing),
    ("是否负责人出庭", L::Head), ("出庭负责人", L::HeadName), ("出庭负责人职务", L::HeadTitle),
    ("结案日期", L::Closed), ("结案方式", L::Outcome), ("包案领导", L::Lead), ("备注", L::Note),
];
#[rustfmt::skip]
const HUISHUI_COURT: Layout<LCol> = &[
    ("案号", L::CaseNo), ("单位", L::Unit), ("被告", L::Defendant), ("原告", L::Plaintiff),
    ("第三人", L::ThirdParty), ("案由", L::Matter), ("立案日期", L::Filed),
    ("开庭日期", L::Hearing), ("负责人出庭", L::Head), ("出庭负责人", L::HeadName),
    ("出庭负责人职务", L::HeadTitle), ("结案日期", L::Closed), ("裁判结果", L::Outcome),
    ("备注", L::Note),
];

/// The courts, in the order of `COURTS`.
const COURT_SOURCES: [CourtSource; 4] = [
    CourtSource {
        layout: [MIDDLE_2020, MIDDLE_2021],
        dates: [DateStyle::Iso, DateStyle::Iso],
        head_bools: BoolStyle::ShiFou,
        lost_bools: BoolStyle::ShiFou,
        brackets: [Bracket::Ascii, Bracket::Ascii],
        encoding: Encoding::Utf8Bom,
    },
    CourtSource {
        layout: [DUYUN_COURT, DUYUN_COURT],
        dates: [DateStyle::Slash, DateStyle::Slash],
        head_bools: BoolStyle::Tick,
        lost_bools: BoolStyle::OneZero,
        brackets: [Bracket::FullWidth, Bracket::FullWidth],
        encoding: Encoding::Utf8,
    },
    CourtSource {
        layout: [WENGAN_COURT, WENGAN_COURT],
        dates: [DateStyle::Chinese, DateStyle::Chinese],
        head_bools: BoolStyle::YouWu,
        lost_bools: BoolStyle::YouWu,
        brackets: [Bracket::Ascii, Bracket::Ascii],
        encoding: Encoding::Gb18030,
    },
    CourtSource {
        layout: [HUISHUI_COURT, HUISHUI_COURT],
        dates: [DateStyle::Compact, DateStyle::Dot],
        head_bools: BoolStyle::YesNo,
        lost_bools: BoolStyle::YesNo,
        brackets: [Bracket::Hexagonal, Bracket::FullWidth],
        encoding: Encoding::Utf8,
    },
];

fn template(date: NaiveDate) -> usize {
    usize::from(date.year() >= 2021)
}

fn format_date(date: NaiveDate, style: DateStyle) -> String {
    let (y, m, d) = (date.year(), date.month(), date.day());
    match style {
        DateStyle::Iso => format!("{y:04}-{m:02}-{d:02}"),
        DateStyle::Slash => format!("{y}/{m}/{d}"),
        DateStyle::Dot => format!("{y}.{m}.{d}"),
        DateStyle::Chinese => format!("{y}年{m}月{d}日"),
        DateStyle::Compact => format!("{y:04}{m:02}{d:02}"),
    }
}

fn format_opt_date(date: Option<NaiveDate>, style: DateStyle) -> String {
    date.map(|date| format_date(date, style))
        .unwrap_or_default()
}

fn format_bool(value: Option<bool>, style: BoolStyle) -> String {
    let (yes, no) = match style {
        BoolStyle::ShiFou => ("是", "否"),
        BoolStyle::Tick => ("√", "×"),
        BoolStyle::YesNo => ("Y", "N"),
        BoolStyle::OneZero => ("1", "0"),
        BoolStyle::YouWu => ("有", "无"),
    };
    value
        .map(|v| if v { yes } else { no })
        .unwrap_or_default()
        .to_string()
}

fn bracket_pair(bracket: Bracket) -> (&'static str, &'static str) {
    match bracket {
        Bracket::Hexagonal => ("〔", "〕"),
        Bracket::FullWidth => ("（", "）"),
        Bracket::Square => ("[", "]"),
        Bracket::Ascii => ("(", ")"),
    }
}

/// Retypes a case number: full-width digits, or a stray space before the serial number.
fn retype(number: String, typing: Typing, careless: bool) -> String {
    match typing {
        Typing::FullWidthDigits => number
            .chars()
            .map(|c| match c.to_digit(10) {
                Some(d) => char::from_u32(0xFF10 + d).unwrap_or(c),
                None => c,
            })
            .collect(),
        Typing::SpaceWhileOpen | Typing::SpaceFirstTime if careless => {
            let at = number
                .char_indices()
                .find(|&(_, c)| matches!(c, '〕' | '）' | ')' | ']'))
                .map_or(0, |(i, c)| i + c.len_utf8());
            let (head, tail) = number.split_at(at);
            format!("{head} {tail}")
        }
        _ => number,
    }
}

fn csv_field(cell: &str) -> String {
    if cell.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_string()
    }
}

fn push_line<S: AsRef<str>>(text: &mut String, cells: &[S]) {
    let line: Vec<String> = cells.iter().map(|cell| csv_field(cell.as_ref())).collect();
    text.push_str(&line.join(","));
    text.push('\n');
}

fn encode(text: &str, encoding: Encoding, name: &str) -> io::Result<Vec<u8>> {
    match encoding {
        Encoding::Utf8 => Ok(text.as_bytes().to_vec()),
        Encoding::Utf8Bom => Ok([b"\xEF\xBB\xBF", text.as_bytes()].concat()),
        Encoding::Gb18030 => {
            let crlf = text.replace('\n', "\r\n");
            let (bytes, _, unmappable) = encoding_rs::GB18030.encode(&crlf);
            if unmappable {
                return Err(io::Error::other(format!(
                    "{name}: a character has no GB18030 form"
                )));
            }
            Ok(bytes.into_owned())
        }
    }
}

/// Writes the sample files; returns their paths.
struct Writer<'a> {
    out: &'a Path,
    written: Vec<PathBuf>,
}

impl Writer<'_> {
    fn write(
        &mut self,
        date: NaiveDate,
        name: &str,
        text: &str,
        encoding: Encoding,
    ) -> io::Result<()> {
        let dir = self.out.join(format_date(date, DateStyle::Iso));
        fs::create_dir_all(&dir)?;
        let path = dir.join(name);
        fs::write(&path, encode(text, encoding, name)?)?;
        self.written.push(path);
        Ok(())
    }
}

/// Writes every file of the season into `out`; returns the paths written.
pub fn write_all(
    out: &Path,
    calendar: &Calendar,
    population: &Population,
) -> io::Result<Vec<PathBuf>> {
    let mut writer = Writer {
        out,
        written: Vec::new(),
    };
    let mut recon: Vec<&Recon> = population.recon.iter().collect();
    recon.sort_by_key(|case| (case.unit, case.year, case.seq));
    let mut lit: Vec<&Lit> = population.lit.iter().collect();
    lit.sort_by_key(|case| (case.court, case.year, case.instance, case.seq));
    let mut last_text: Vec<Option<String>> = vec![None; UNITS.len()];
    let mut last_view: Vec<Option<LitView>> = vec![None; lit.len()];
    for (report, &date) in calendar.reports.iter().enumerate() {
        let previous_year_end = calendar.last_before_year(date.year());
        for (unit, source) in RECON_SOURCES.iter().enumerate() {
            let rows: Vec<(&Recon, ReconView)> = recon
                .iter()
                .filter(|case| case.unit == unit && in_year_file(case, date, previous_year_end))
                .filter_map(|case| case.view(report, date).map(|view| (*case, view)))
                .collect();
            if rows.is_empty() {
                continue;
            }
            let text = recon_text(source, &rows, date);
            if report < calendar.last() && last_text[unit].as_ref() == Some(&text) {
                continue;
            }
            let name = format!(
                "复议台账_{}_{}.csv",
                UNITS[unit],
                format_date(date, DateStyle::Iso)
            );
            writer.write(date, &name, &text, source.encoding)?;
            last_text[unit] = Some(text);
        }
        for (court, source) in COURT_SOURCES.iter().enumerate() {
            let mut rows = Vec::new();
            for (i, case) in lit
                .iter()
                .enumerate()
                .filter(|(_, case)| case.court == court)
            {
                let Some(view) = case.view(report) else {
                    continue;
                };
                if last_view[i].as_ref() != Some(&view) {
                    rows.push((*case, view.clone(), last_view[i].is_none()));
                    last_view[i] = Some(view);
                }
            }
            if rows.is_empty() {
                continue;
            }
            let text = court_text(source, &rows, date);
            let name = format!(
                "应诉台账_{}_{}.csv",
                COURTS[court].0,
                format_date(date, DateStyle::Iso)
            );
            writer.write(date, &name, &text, source.encoding)?;
        }
    }
    Ok(writer.written)
}

/// Whether a case is in its unit's ledger of `date`'s year: received this year, or carried over
/// because its closing had not been reported in last year's files.
fn in_year_file(case: &Recon, date: NaiveDate, previous_year_end: Option<usize>) -> bool {
    if case.received.year() >= date.year() {
        return true;
    }
    match (previous_year_end, case.known_closed) {
        (Some(year_end), Some(known)) => known > year_end,
        _ => true,
    }
}

fn recon_text(source: &ReconSource, rows: &[(&Recon, ReconView)], date: NaiveDate) -> String {
    let layout = source.layout[template(date)];
    let dates = source.dates[template(date)];
    let brackets = match source.brackets_from {
        Some((from, later)) if date >= from => later,
        _ => source.brackets,
    };
    let mut text = String::new();
    let headers: Vec<&str> = layout.iter().map(|(header, _)| *header).collect();
    push_line(&mut text, &headers);
    for (i, (case, view)) in rows.iter().enumerate() {
        let cells: Vec<String> = layout
            .iter()
            .map(|&(_, column)| match column {
                RCol::Seq => (i + 1).to_string(),
                RCol::CaseNo => retype(
                    case.number(bracket_pair(brackets)),
                    case.typing,
                    view.closed.is_none(),
                ),
                RCol::Unit => UNITS[case.unit].to_string(),
                RCol::Applicant => case.applicant.clone(),
                RCol::Respondent => case.respondent.clone(),
                RCol::Matter => case.matter.to_string(),
                RCol::Received => format_date(view.received, dates),
                RCol::Accepted => format_opt_date(view.accepted, dates),
                RCol::Closed => format_opt_date(view.closed, dates),
                RCol::Outcome => view.outcome.to_string(),
                RCol::Corrected => format_bool(view.corrected, source.bools),
                RCol::Lead => case.lead.clone(),
                RCol::Note => view.note.to_string(),
                RCol::Clerk => case.clerk.to_string(),
            })
            .collect();
        push_line(&mut text, &cells);
    }
    text
}

fn court_text(source: &CourtSource, rows: &[(&Lit, LitView, bool)], date: NaiveDate) -> String {
    let layout = source.layout[template(date)];
    let dates = source.dates[template(date)];
    let brackets = bracket_pair(source.brackets[template(date)]);
    let mut text = String::new();
    let headers: Vec<&str> = layout.iter().map(|(header, _)| *header).collect();
    push_line(&mut text, &headers);
    for (i, (case, view, first)) in rows.iter().enumerate() {
        let cells: Vec<String> = layout
            .iter()
            .map(|&(_, column)| match column {
                LCol::Seq => (i + 1).to_string(),
                LCol::CaseNo => retype(case.number(brackets), case.typing, *first),
                LCol::Instance => case.instance.label().to_string(),
                LCol::Court => COURTS[case.court].0.to_string(),
                LCol::Unit => UNITS[case.unit].to_string(),
                LCol::Defendant => case.defendant.clone(),
                LCol::Plaintiff => case.plaintiff.clone(),
                LCol::ThirdParty => case.third_party.clone(),
                LCol::Matter => case.matter.to_string(),
                LCol::Filed => format_date(case.filed, dates),
                LCol::Hearing => format_opt_date(view.hearing, dates),
                LCol::Head => format_bool(view.head, source.head_bools),
                LCol::HeadName => view.head_name.clone(),
                LCol::HeadTitle => view.head_title.to_string(),
                LCol::Closed => format_opt_date(view.closed, dates),
                LCol::Outcome => view.outcome.to_string(),
                LCol::Lost => format_bool(view.lost, source.lost_bools),
                LCol::Lead => case.lead.clone(),
                LCol::Note => view.note.to_string(),
                LCol::Judge => case.judge.to_string(),
            })
            .collect();
        push_line(&mut text, &cells);
    }
    text
}
