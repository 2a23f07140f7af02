//! The reporting sources and their files: each office's headers, column order, date and
//! boolean style, case-number brackets and encoding, and the weekly cadence (cumulative
//! snapshots for reconsideration, deltas for the courts). The work-list columns an office
//! appends come from `worklist`, written in the office's styles (`styles`). The only module
//! that writes.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};

use super::calendar::{Calendar, ymd};
use super::cases::{Lit, LitView, Recon, ReconView};
use super::names::{COURTS, UNITS};
use super::population::Population;
use super::records::{self, Records};
use super::styles::{
    BoolStyle, Bracket, DateStyle, Encoding, bracket_pair, encode, format_bool, format_date,
    format_opt_date, format_value, push_line, retype,
};
use super::worklist::{self, Adopted, WorkRow, Worklist};

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
    /// The `n`th column the office's work-list template appends.
    Work(usize),
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
    /// The `n`th column the court's work-list template appends.
    Work(usize),
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
    worklist: &Worklist,
    records: &Records,
) -> io::Result<Vec<PathBuf>> {
    let mut writer = Writer {
        out,
        written: Vec::new(),
    };
    let mut recon: Vec<_> = population.recon.iter().zip(&worklist.recon).collect();
    recon.sort_by_key(|(case, _)| (case.unit, case.year, case.seq));
    let mut lit: Vec<_> = population.lit.iter().zip(&worklist.lit).collect();
    lit.sort_by_key(|(case, _)| (case.court, case.year, case.instance, case.seq));
    // The lawsuits of disputes come after every other row, so the others keep their 序号.
    lit.extend(records.lawsuits.iter().map(|(case, work)| (case, work)));
    let recon_adopted: Vec<_> = (0..UNITS.len())
        .map(|unit| worklist::recon_adoption(unit, calendar))
        .collect();
    let court_adopted: Vec<_> = (0..COURTS.len())
        .map(|court| worklist::court_adoption(court, calendar))
        .collect();
    let mut last_text: Vec<Option<String>> = vec![None; UNITS.len()];
    let mut last_docs: Vec<Option<String>> = vec![None; UNITS.len()];
    let mut last_disputes: Vec<Option<String>> = vec![None; UNITS.len()];
    let mut last_view: Vec<Option<(LitView, WorkRow)>> = vec![None; lit.len()];
    for (report, &date) in calendar.reports.iter().enumerate() {
        let previous_year_end = calendar.last_before_year(date.year());
        for (unit, source) in RECON_SOURCES.iter().enumerate() {
            let adopted = recon_adopted[unit].as_ref();
            let rows: Vec<(&Recon, ReconView, WorkRow)> = recon
                .iter()
                .filter(|(case, _)| {
                    case.unit == unit && in_year_file(case, date, previous_year_end)
                })
                .filter_map(|&(case, work)| {
                    let view = case.view(report, date)?;
                    let row = worklist::recon_row(case, work, adopted, report, &view);
                    Some((case, view, row))
                })
                .collect();
            if rows.is_empty() {
                continue;
            }
            let layout = with_work(source.layout[template(date)], adopted, report, RCol::Work);
            let text = recon_text(source, &layout, &rows, date);
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
        write_records(
            &mut writer,
            records,
            (report, date),
            report == calendar.last(),
            previous_year_end,
            (&mut last_docs, &mut last_disputes),
        )?;
        for (court, source) in COURT_SOURCES.iter().enumerate() {
            let adopted = court_adopted[court].as_ref();
            let layout = with_work(source.layout[template(date)], adopted, report, LCol::Work);
            // A row is sent again only when something its columns show has changed.
            let shows_lead = layout
                .iter()
                .any(|(_, column)| matches!(column, LCol::Lead));
            let mut rows = Vec::new();
            for (i, &(case, work)) in lit
                .iter()
                .enumerate()
                .filter(|(_, (case, _))| case.court == court)
            {
                let Some(mut view) = case.view(report) else {
                    continue;
                };
                let mut row = worklist::lit_row(case, work, adopted, report, &mut view);
                if !shows_lead {
                    row.lead.clear();
                }
                let shown = Some((view, row));
                if last_view[i] != shown {
                    let first = last_view[i].is_none();
                    last_view[i].clone_from(&shown);
                    if let Some((view, row)) = shown {
                        rows.push((case, view, row, first));
                    }
                }
            }
            if rows.is_empty() {
                continue;
            }
            let text = court_text(source, &layout, &rows, date);
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

/// Each unit's 整改台账 and 诉前台账 of a report, when they changed since the unit's last ones
/// (and always in the final report). The reconsideration office keeps them, in its own date
/// style and encoding.
fn write_records(
    writer: &mut Writer,
    records: &Records,
    (report, date): (usize, NaiveDate),
    last_report: bool,
    previous_year_end: Option<usize>,
    (last_docs, last_disputes): (&mut [Option<String>], &mut [Option<String>]),
) -> io::Result<()> {
    for (unit, source) in RECON_SOURCES.iter().enumerate() {
        let style = source.dates[1];
        let ledgers = [
            (
                "整改台账",
                records::docs_text(records, unit, report, date, previous_year_end, style),
                &mut last_docs[unit],
            ),
            (
                "诉前台账",
                records::disputes_text(records, unit, report, date, previous_year_end, style),
                &mut last_disputes[unit],
            ),
        ];
        for (label, text, last) in ledgers {
            let Some(text) = text else { continue };
            if !last_report && last.as_ref() == Some(&text) {
                continue;
            }
            let name = format!(
                "{label}_{}_{}.csv",
                UNITS[unit],
                format_date(date, DateStyle::Iso)
            );
            writer.write(date, &name, &text, source.encoding)?;
            *last = Some(text);
        }
    }
    Ok(())
}

/// A template's columns, with the work-list columns the office appends once it has adopted
/// them.
fn with_work<C: Copy>(
    layout: Layout<C>,
    adopted: Option<&Adopted>,
    report: usize,
    work: fn(usize) -> C,
) -> Vec<(&'static str, C)> {
    let appended = adopted
        .filter(|a| a.at <= report)
        .map_or(&[][..], |a| a.columns);
    layout
        .iter()
        .copied()
        .chain(
            appended
                .iter()
                .enumerate()
                .map(|(n, &(header, _))| (header, work(n))),
        )
        .collect()
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

fn recon_text(
    source: &ReconSource,
    layout: &[(&str, RCol)],
    rows: &[(&Recon, ReconView, WorkRow)],
    date: NaiveDate,
) -> String {
    let dates = source.dates[template(date)];
    let brackets = match source.brackets_from {
        Some((from, later)) if date >= from => later,
        _ => source.brackets,
    };
    let mut text = String::new();
    let headers: Vec<&str> = layout.iter().map(|(header, _)| *header).collect();
    push_line(&mut text, &headers);
    for (i, (case, view, work)) in rows.iter().enumerate() {
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
                RCol::Lead => work.lead.clone(),
                RCol::Note => work.note.unwrap_or(view.note).to_string(),
                RCol::Clerk => case.clerk.to_string(),
                RCol::Work(n) => format_value(&work.cells[n], dates, source.bools),
            })
            .collect();
        push_line(&mut text, &cells);
    }
    text
}

fn court_text(
    source: &CourtSource,
    layout: &[(&str, LCol)],
    rows: &[(&Lit, LitView, WorkRow, bool)],
    date: NaiveDate,
) -> String {
    let dates = source.dates[template(date)];
    let brackets = bracket_pair(source.brackets[template(date)]);
    let mut text = String::new();
    let headers: Vec<&str> = layout.iter().map(|(header, _)| *header).collect();
    push_line(&mut text, &headers);
    for (i, (case, view, work, first)) in rows.iter().enumerate() {
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
                LCol::Lead => work.lead.clone(),
                LCol::Note => case.remark.as_deref().unwrap_or(view.note).to_string(),
                LCol::Judge => case.judge.to_string(),
                LCol::Work(n) => work.cells.get(n).map_or_else(String::new, |value| {
                    format_value(value, dates, source.head_bools)
                }),
            })
            .collect();
        push_line(&mut text, &cells);
    }
    text
}
