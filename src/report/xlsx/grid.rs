//! One worksheet being filled: typed cells with their Excel look, written through one
//! place that neutralises text, draws the borders and measures every column, so widths,
//! row heights, frozen panes and the page set-up follow from what was written.

use anyhow::Result;
use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{
    ColNum, Color, ExcelDateTime, Format, FormatAlign, FormatBorder, RowNum, Worksheet,
};

use crate::rates::Percent;
use crate::report::formula_safe;
use crate::report::wording::signed;

/// A rate or a benchmark: the cell holds 8.28 and shows `8.28%`.
const RATE: &str = r#"0.00"%""#;
/// A change in percentage points: `-28.83`, `+22.02`, `0.00`.
const POINTS: &str = "+0.00;-0.00;0.00";
/// A plain ratio (复议诉讼比): `2.95`, never with a per cent sign.
const RATIO: &str = "0.00";
/// A relative change in per cent: `-77.69%`.
const RELATIVE: &str = r#"+0.00"%";-0.00"%";0.00"%""#;
const COUNT: &str = "0";
const COUNT_CHANGE: &str = "+0;-0;0";
const DATE: &str = "yyyy-mm-dd";

/// What a cell shows where a rate or change does not exist (denominator 0).
pub const MISSING: &str = "—";

/// Column widths in Excel's units (about one Latin digit; a CJK character takes two).
const MIN_WIDTH: usize = 8;
const MAX_WIDTH: usize = 40;
/// Room around the text, so it does not touch the borders.
const PADDING: usize = 2;
/// A header wider than this wraps onto two lines rather than widening its column.
const HEADER_WRAP: usize = 12;
/// Points per line of text: enough for CJK glyphs, which stand taller than Latin ones.
const LINE_HEIGHT: f64 = 16.0;

const HEADER_FILL: u32 = 0xDD_EB_F7;
const TOTAL_FILL: u32 = 0xF2_F2_F2;
const BORDER: u32 = 0x80_80_80;

/// A value and the way it is shown.
pub enum Cell {
    Text(String),
    /// A label one level down (受理 under 收案).
    Indented(String),
    /// A short mark such as 是 or 否, centred.
    Mark(&'static str),
    Count(u64),
    /// A difference of two counts.
    CountChange(i64),
    /// A rate or a benchmark, in per cent.
    Rate(Option<Percent>),
    /// A plain ratio such as 复议诉讼比 (its change is [`Cell::Points`], in plain units).
    Ratio(Option<Percent>),
    /// A change of a rate, in percentage points.
    Points(Option<Percent>),
    /// A relative change, in per cent.
    Relative(Option<Percent>),
    Date(NaiveDate),
    /// Text of several lines (`\n` between them), wrapped in its cell; the row grows to
    /// show every line.
    Lines(String),
    /// Part of the table, but nothing to show.
    Blank,
}

impl Cell {
    pub fn text(text: &str) -> Cell {
        Cell::Text(text.to_owned())
    }

    /// The text the cell shows, for measuring its column.
    fn shown(&self) -> String {
        let or_missing = |value: Option<Percent>, show: fn(Percent) -> String| {
            value.map_or_else(|| MISSING.to_owned(), show)
        };
        match self {
            Cell::Text(text) | Cell::Lines(text) => formula_safe(text),
            Cell::Indented(text) => format!("　{}", formula_safe(text)),
            Cell::Mark(text) => (*text).to_owned(),
            Cell::Count(n) => n.to_string(),
            Cell::CountChange(0) => "0".to_owned(),
            Cell::CountChange(n) => format!("{n:+}"),
            Cell::Rate(rate) => or_missing(*rate, |p| format!("{p}%")),
            Cell::Ratio(ratio) => or_missing(*ratio, |p| p.to_string()),
            Cell::Points(change) => or_missing(*change, signed),
            Cell::Relative(change) => or_missing(*change, |p| format!("{}%", signed(p))),
            Cell::Date(_) => DATE.to_owned(),
            Cell::Blank => String::new(),
        }
    }
}

/// Whether a row is an ordinary one or the 合计 row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Emphasis {
    Body,
    Total,
}

/// The formats of the value cells of one emphasis.
struct Looks {
    text: Format,
    indented: Format,
    mark: Format,
    count: Format,
    count_change: Format,
    rate: Format,
    ratio: Format,
    points: Format,
    relative: Format,
    date: Format,
    missing: Format,
    lines: Format,
}

impl Looks {
    fn new(base: &Format) -> Looks {
        let numeric = |format: &str| base.clone().set_num_format(format);
        Looks {
            text: base.clone(),
            indented: base.clone().set_indent(1),
            mark: base.clone().set_align(FormatAlign::Center),
            count: numeric(COUNT),
            count_change: numeric(COUNT_CHANGE),
            rate: numeric(RATE),
            ratio: numeric(RATIO),
            points: numeric(POINTS),
            relative: numeric(RELATIVE),
            date: numeric(DATE).set_align(FormatAlign::Center),
            missing: base.clone().set_align(FormatAlign::Right),
            lines: base.clone().set_text_wrap(),
        }
    }
}

/// A worksheet with its formats and what has been measured so far.
pub struct Grid {
    sheet: Worksheet,
    body: Looks,
    total: Looks,
    header: Format,
    title: Format,
    paragraph: Format,
    /// The widest text written in each column (headers as wrapped).
    widths: Vec<usize>,
    /// Header cells, to give their rows the height of the longest wrapped header.
    headers: Vec<(RowNum, ColNum, String)>,
    /// Cells of several lines, to give their rows the height of the tallest.
    multiline: Vec<(RowNum, ColNum, String)>,
    /// Text merged across the table, written once the column widths are known.
    paragraphs: Vec<(RowNum, ColNum, String)>,
}

impl Grid {
    pub fn new(name: &str) -> Result<Grid> {
        let mut sheet = Worksheet::new();
        sheet.set_name(name)?;
        let cell = Format::new()
            .set_border(FormatBorder::Thin)
            .set_border_color(Color::RGB(BORDER))
            .set_align(FormatAlign::VerticalCenter);
        let total = cell
            .clone()
            .set_bold()
            .set_background_color(Color::RGB(TOTAL_FILL));
        Ok(Grid {
            sheet,
            body: Looks::new(&cell),
            total: Looks::new(&total),
            header: cell
                .set_bold()
                .set_background_color(Color::RGB(HEADER_FILL))
                .set_align(FormatAlign::Center)
                .set_text_wrap(),
            title: Format::new().set_bold().set_font_size(14),
            paragraph: Format::new().set_text_wrap().set_align(FormatAlign::Top),
            widths: Vec::new(),
            headers: Vec::new(),
            multiline: Vec::new(),
            paragraphs: Vec::new(),
        })
    }

    /// The sheet's title, in large bold type, spilling over the cells to its right.
    pub fn title(&mut self, row: RowNum, text: &str) -> Result<()> {
        self.sheet
            .write_string_with_format(row, 0, formula_safe(text), &self.title)?;
        Ok(())
    }

    /// A line of plain text that spills to the right; it does not widen its column.
    pub fn note(&mut self, row: RowNum, text: &str) -> Result<()> {
        self.sheet.write_string(row, 0, formula_safe(text))?;
        Ok(())
    }

    /// Text wrapped within columns 0..=`last_col`, with a row tall enough for it.
    pub fn paragraph(&mut self, row: RowNum, last_col: ColNum, text: &str) {
        self.paragraphs.push((row, last_col, formula_safe(text)));
    }

    /// Header cells from column 0 along `row`.
    pub fn headers(&mut self, row: RowNum, labels: &[&str]) -> Result<()> {
        for (col, label) in (0..).zip(labels) {
            self.header(row, col, label)?;
        }
        Ok(())
    }

    /// One header cell. A `\n` in the label breaks the line there; a long label without
    /// one wraps onto two lines rather than widening its column.
    pub fn header(&mut self, row: RowNum, col: ColNum, label: &str) -> Result<()> {
        let text = formula_safe(label);
        let widest = text.lines().map(display_width).max().unwrap_or_default();
        let single_long_line = !text.contains('\n') && widest > HEADER_WRAP;
        self.measure(
            col,
            if single_long_line {
                widest.div_ceil(2)
            } else {
                widest
            },
        );
        self.headers.push((row, col, text.clone()));
        self.sheet
            .write_string_with_format(row, col, text, &self.header)?;
        Ok(())
    }

    /// A header merged over several cells (a group of columns, or two header rows).
    /// Its text does not widen the columns.
    pub fn merged_header(
        &mut self,
        first: (RowNum, ColNum),
        last: (RowNum, ColNum),
        label: &str,
    ) -> Result<()> {
        span(
            &mut self.sheet,
            first,
            last,
            &formula_safe(label),
            &self.header,
        )
    }

    /// Value cells from column 0 along `row`.
    pub fn row(&mut self, row: RowNum, cells: &[Cell], emphasis: Emphasis) -> Result<()> {
        for (col, cell) in (0..).zip(cells) {
            self.cell(row, col, cell, emphasis)?;
        }
        Ok(())
    }

    /// One value cell: numbers as numbers, a missing rate as [`MISSING`], text neutralised.
    pub fn cell(
        &mut self,
        row: RowNum,
        col: ColNum,
        cell: &Cell,
        emphasis: Emphasis,
    ) -> Result<()> {
        let looks = match emphasis {
            Emphasis::Body => &self.body,
            Emphasis::Total => &self.total,
        };
        let sheet = &mut self.sheet;
        let percent = |sheet: &mut Worksheet, value: Option<Percent>, format: &Format| {
            match value {
                Some(p) => sheet.write_number_with_format(row, col, p.as_f64(), format),
                None => sheet.write_string_with_format(row, col, MISSING, &looks.missing),
            }
            .map(|_| ())
        };
        match cell {
            Cell::Text(text) => {
                sheet.write_string_with_format(row, col, formula_safe(text), &looks.text)?;
            }
            Cell::Indented(text) => {
                sheet.write_string_with_format(row, col, formula_safe(text), &looks.indented)?;
            }
            Cell::Mark(text) => {
                sheet.write_string_with_format(row, col, *text, &looks.mark)?;
            }
            Cell::Count(n) => {
                sheet.write_number_with_format(row, col, count_number(*n), &looks.count)?;
            }
            Cell::CountChange(n) => {
                sheet.write_number_with_format(row, col, change_number(*n), &looks.count_change)?;
            }
            Cell::Rate(rate) => percent(sheet, *rate, &looks.rate)?,
            Cell::Ratio(ratio) => percent(sheet, *ratio, &looks.ratio)?,
            Cell::Points(change) => percent(sheet, *change, &looks.points)?,
            Cell::Relative(change) => percent(sheet, *change, &looks.relative)?,
            Cell::Date(date) => {
                sheet.write_date_with_format(row, col, excel_date(*date)?, &looks.date)?;
            }
            Cell::Lines(text) => {
                let text = formula_safe(text);
                sheet.write_string_with_format(row, col, &text, &looks.lines)?;
                self.multiline.push((row, col, text));
            }
            Cell::Blank => {
                sheet.write_blank(row, col, &looks.text)?;
            }
        }
        let shown = cell.shown();
        self.measure(col, shown.lines().map(display_width).max().unwrap_or(0));
        Ok(())
    }

    /// Sets the widths and row heights, freezes the rows above `rows` (which also repeat on
    /// every printed page) and the columns left of `cols`, and sets up the page.
    pub fn finish(mut self, (rows, cols): (RowNum, ColNum)) -> Result<Worksheet> {
        let widths: Vec<usize> = self
            .widths
            .iter()
            .map(|w| (w + PADDING).clamp(MIN_WIDTH, MAX_WIDTH))
            .collect();
        for (col, width) in (0..).zip(&widths) {
            self.sheet.set_column_width(col, *width as u32)?;
        }
        let mut heights: Vec<(RowNum, usize)> = Vec::new();
        for (row, col, text) in self.headers.iter().chain(&self.multiline) {
            let room = widths.get(usize::from(*col)).copied().unwrap_or(MIN_WIDTH);
            heights.push((*row, lines(text, room)));
        }
        for (row, last_col, text) in &self.paragraphs {
            let room: usize = widths.iter().take(usize::from(*last_col) + 1).sum();
            heights.push((*row, lines(text, room)));
            span(
                &mut self.sheet,
                (*row, 0),
                (*row, *last_col),
                text,
                &self.paragraph,
            )?;
        }
        heights.sort_unstable();
        for (row, lines) in heights {
            // Sorted: the last entry of a row, with the most lines, is set last.
            let lines = lines.max(1) as u32;
            self.sheet
                .set_row_height(row, f64::from(lines) * LINE_HEIGHT + 2.0)?;
        }
        self.sheet.set_freeze_panes(rows, cols)?;
        set_up_pages(&mut self.sheet, rows, Turn::Landscape)?;
        Ok(self.sheet)
    }

    fn measure(&mut self, col: ColNum, width: usize) {
        let col = usize::from(col);
        if self.widths.len() <= col {
            self.widths.resize(col + 1, 0);
        }
        self.widths[col] = self.widths[col].max(width);
    }
}

/// Text in a range of cells merged into one (or in the one cell, when that is all).
/// Which way a printed sheet is turned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Turn {
    Portrait,
    /// For a sheet wider than tall: a table of many columns.
    Landscape,
}

/// How every sheet caseledger writes prints: on A4, turned as asked, all columns on the
/// width of the page (as many pages down as needed), the first `header_rows` rows
/// repeated on each page, and 「第 N 页，共 M 页」 in the footer.
pub fn set_up_pages(sheet: &mut Worksheet, header_rows: RowNum, turn: Turn) -> Result<()> {
    if header_rows > 0 {
        sheet.set_repeat_rows(0, header_rows - 1)?;
    }
    sheet
        .set_paper_size(9) // A4
        .set_print_fit_to_pages(1, 0)
        .set_footer("&C第 &P 页，共 &N 页");
    match turn {
        Turn::Landscape => sheet.set_landscape(),
        Turn::Portrait => sheet.set_portrait(),
    };
    Ok(())
}

fn span(
    sheet: &mut Worksheet,
    first: (RowNum, ColNum),
    last: (RowNum, ColNum),
    text: &str,
    format: &Format,
) -> Result<()> {
    if first == last {
        sheet.write_string_with_format(first.0, first.1, text, format)?;
    } else {
        sheet.merge_range(first.0, first.1, last.0, last.1, text, format)?;
    }
    Ok(())
}

/// A date as Excel's date serial (dates before 1900 cannot be shown and are an error).
fn excel_date(date: NaiveDate) -> Result<ExcelDateTime> {
    let year = u16::try_from(date.year())?;
    Ok(ExcelDateTime::from_ymd(
        year,
        date.month() as u8,
        date.day() as u8,
    )?)
}

#[allow(clippy::cast_precision_loss)] // counts of cases stay far below 2^52
fn count_number(n: u64) -> f64 {
    n as f64
}

#[allow(clippy::cast_precision_loss)] // differences of counts stay far below 2^52
fn change_number(n: i64) -> f64 {
    n as f64
}

/// How many lines a text takes, wrapped in a column `width` wide (one unit of which is
/// kept free, as Excel keeps a margin).
fn lines(text: &str, width: usize) -> usize {
    let room = width.max(MIN_WIDTH) - 1;
    text.lines()
        .map(|line| display_width(line).div_ceil(room).max(1))
        .sum()
}

/// How wide a text shows, in Excel's column units: CJK and full-width characters take
/// two, everything else one.
pub(crate) fn display_width(text: &str) -> usize {
    text.chars().map(|c| if is_wide(c) { 2 } else { 1 }).sum()
}

/// East Asian wide and full-width characters: CJK ideographs and punctuation (U+3000
/// included), kana, Hangul, full-width forms.
fn is_wide(c: char) -> bool {
    matches!(u32::from(c),
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x2_0000..=0x3_FFFD)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn width(text: &str, expected: usize) {
        assert_eq!(display_width(text), expected, "{text}");
    }

    #[test]
    fn cjk_counts_twice() {
        width("", 0);
        width("8.28%", 5);
        width("合计", 4);
        width("行政机关负责人出庭应诉率", 24);
        width("同比增减（个百分点）", 20);
        width("　受理", 6);
        width("2021-08-31", 10);
        width("三都水族自治县", 14);
        width("—", 1);
    }

    #[track_caller]
    fn shown(cell: &Cell, expected: &str) {
        assert_eq!(cell.shown(), expected);
    }

    #[test]
    fn cells_are_measured_as_shown() {
        shown(&Cell::Rate(Some(Percent(828))), "8.28%");
        shown(&Cell::Rate(None), MISSING);
        shown(&Cell::Points(Some(Percent(-2883))), "-28.83");
        shown(&Cell::Ratio(Some(Percent(295))), "2.95");
        shown(&Cell::Points(Some(Percent(2202))), "+22.02");
        shown(&Cell::Relative(Some(Percent(-7769))), "-77.69%");
        shown(&Cell::CountChange(-25), "-25");
        shown(&Cell::CountChange(3), "+3");
        shown(&Cell::text("=1+1"), "'=1+1");
    }

    #[test]
    fn wrapped_lines() {
        assert_eq!(lines("本期", 8), 1);
        assert_eq!(lines("同比增减\n（个百分点）", 14), 2);
        assert_eq!(lines("同比增减（个百分点）", 12), 2);
        assert_eq!(lines("同比增减（个百分点）", 21), 1);
        assert_eq!(lines("", 8), 0);
    }
}
