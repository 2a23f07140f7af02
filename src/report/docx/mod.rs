//! The Word document kit: an A4 page in the layout of GB/T 9704-2012 (党政机关公文格式),
//! paragraphs in its fonts and sizes, tables within the 版心, and the 「— N —」 page
//! numbers, written as the few parts of a .docx that Word and WPS need.
//!
//! Every element is written in ECMA-376's order (a test checks it), so the files open in
//! Word and WPS as well as in `LibreOffice`. What goes on the page is the callers' (the
//! 通报 in `crate::notice`, the 调度表 in `leads::docx`): this module decides nothing but layout.

mod parts;

use std::fmt::Write as _;
use std::io::Write;

use anyhow::Result;
use quick_xml::escape::escape;

/// Twips (1/20 pt) in a millimetre, times 1000: lengths are exact integers until the end.
const TWIPS_PER_1000_MM: i64 = 56_693;

/// A length in millimetres as twips, rounded half-up.
const fn mm(millimetres: i64) -> i64 {
    (millimetres * TWIPS_PER_1000_MM + 500) / 1000
}

/// A4, portrait (GB/T 9704 §5.2.1).
const A4_WIDTH: i64 = 11_906;
const A4_HEIGHT: i64 = 16_838;

/// The body's line pitch: 22 lines in the 225 mm 版心 (GB/T 9704 §5.2.3), 28.95 pt.
pub const LINE_PITCH: i64 = 579;

/// How a page is turned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Orientation {
    /// The official-document page: 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm.
    Portrait,
    /// For a wide table: the same page turned, its 版心 225 × 156 mm.
    Landscape,
}

impl Orientation {
    /// Page width and height, in twips.
    fn page(self) -> (i64, i64) {
        match self {
            Orientation::Portrait => (A4_WIDTH, A4_HEIGHT),
            Orientation::Landscape => (A4_HEIGHT, A4_WIDTH),
        }
    }

    /// Margins top, right, bottom, left, in twips: the 版心 is 156 mm wide and 225 mm
    /// high, 37 mm from the top and 28 mm from the left edge (so 35 mm below it and 26 mm
    /// beside it); turned, its left side is the portrait page's top.
    fn margins(self) -> [i64; 4] {
        let (top, bottom) = (mm(37), A4_HEIGHT - mm(37) - mm(225));
        let (left, right) = (mm(28), A4_WIDTH - mm(28) - mm(156));
        match self {
            Orientation::Portrait => [top, right, bottom, left],
            Orientation::Landscape => [left, bottom, right, top],
        }
    }

    /// The width of the 版心, in twips.
    #[must_use]
    pub fn text_width(self) -> i64 {
        let (width, _) = self.page();
        let [_, right, _, left] = self.margins();
        width - left - right
    }
}

/// The typefaces of GB/T 9704, by their names on office PCs (and in WPS).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Font {
    /// The title: 方正小标宋简体.
    XiaoBiaoSong,
    /// The body, 1. and （1） headings: `仿宋_GB2312`.
    FangSong,
    /// 一、 headings: 黑体.
    HeiTi,
    /// （一） headings: `楷体_GB2312`.
    KaiTi,
    /// Page numbers: 宋体, its digits half-width.
    SongTi,
}

impl Font {
    fn name(self) -> &'static str {
        match self {
            Font::XiaoBiaoSong => "方正小标宋简体",
            Font::FangSong => "仿宋_GB2312",
            Font::HeiTi => "黑体",
            Font::KaiTi => "楷体_GB2312",
            Font::SongTi => "宋体",
        }
    }

    /// The font of Latin letters and digits: Times New Roman beside the Chinese faces,
    /// 宋体's own half-width digits in page numbers.
    fn latin(self) -> &'static str {
        match self {
            Font::SongTi => Font::SongTi.name(),
            Font::XiaoBiaoSong | Font::FangSong | Font::HeiTi | Font::KaiTi => "Times New Roman",
        }
    }
}

/// Chinese type sizes (字号), in half-points as Word counts them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Size {
    /// 二号, 22 pt: the title.
    Er,
    /// 三号, 16 pt: the body.
    San,
    /// 四号, 14 pt: page numbers.
    Si,
    /// 小四, 12 pt: tables.
    XiaoSi,
    /// 五号, 10.5 pt: the notes under a table.
    Wu,
}

impl Size {
    fn half_points(self) -> i64 {
        match self {
            Size::Er => 44,
            Size::San => 32,
            Size::Si => 28,
            Size::XiaoSi => 24,
            Size::Wu => 21,
        }
    }

    /// One character's width, in twips: an indent of one character.
    fn twips(self) -> i64 {
        self.half_points() * 10
    }
}

/// Where a paragraph's lines sit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Both edges, the body's alignment.
    Justify,
    Left,
    Centre,
    Right,
}

impl Align {
    fn value(self) -> &'static str {
        match self {
            Align::Justify => "both",
            Align::Left => "left",
            Align::Centre => "center",
            Align::Right => "right",
        }
    }
}

/// How a paragraph looks: its face, size, alignment and indents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Look {
    pub font: Font,
    pub size: Size,
    pub align: Align,
    /// Indent the first line by two characters (`w:firstLineChars="200"`).
    pub indent_first: bool,
    /// Keep this many characters clear of the left edge (`w:leftChars`).
    pub left_chars: u8,
    /// Keep this many characters clear of the right edge (`w:rightChars`).
    pub right_chars: u8,
    /// How the lines are spaced.
    pub lines: Lines,
    /// Kept on the page of the paragraph after it: a heading.
    pub keep_next: bool,
}

impl Look {
    /// The body: 3号 仿宋, justified, two characters in, 22 lines to the page.
    pub const BODY: Look = Look {
        font: Font::FangSong,
        size: Size::San,
        align: Align::Justify,
        indent_first: true,
        left_chars: 0,
        right_chars: 0,
        lines: Lines::Body,
        keep_next: false,
    };
    /// The title: 2号 小标宋, centred.
    pub const TITLE: Look = Look {
        font: Font::XiaoBiaoSong,
        size: Size::Er,
        align: Align::Centre,
        indent_first: false,
        left_chars: 0,
        right_chars: 0,
        lines: Lines::Title,
        keep_next: true,
    };
    /// A 一、 heading: 3号 黑体.
    pub const HEADING: Look = Look {
        font: Font::HeiTi,
        keep_next: true,
        ..Look::BODY
    };
    /// A （一） heading: 3号 楷体.
    pub const SUBHEADING: Look = Look {
        font: Font::KaiTi,
        ..Look::HEADING
    };
    /// A line of the body without the indent: 主送, a blank line.
    pub const FLUSH: Look = Look {
        indent_first: false,
        ..Look::BODY
    };
    /// 落款 and 成文日期: right-aligned, two characters clear of the edge.
    pub const SIGNATURE: Look = Look {
        align: Align::Right,
        indent_first: false,
        right_chars: 2,
        ..Look::BODY
    };
    /// A table cell: 小四 仿宋, single lines.
    pub const CELL: Look = Look {
        font: Font::FangSong,
        size: Size::XiaoSi,
        align: Align::Centre,
        indent_first: false,
        left_chars: 0,
        right_chars: 0,
        lines: Lines::Single,
        keep_next: false,
    };
    /// A note under a table: 五号 仿宋, single lines.
    pub const NOTE: Look = Look {
        size: Size::Wu,
        align: Align::Justify,
        ..Look::CELL
    };
}

/// How a paragraph's lines are spaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lines {
    /// The body's: 22 lines to the page, on the grid, each character 0.25 pt closer so
    /// that 28 fit on a line (16 pt characters would leave room for 27.6).
    Body,
    /// The title's: at the body's pitch, off the grid (a 22 pt line would take two).
    Title,
    /// A table's or a note's: single lines in their own size, off the grid.
    Single,
}

impl Lines {
    /// The run's `w:spacing` (the space between characters), in twentieths of a point.
    fn tracking(self) -> i64 {
        match self {
            Lines::Body => -5,
            Lines::Title | Lines::Single => 0,
        }
    }
}

/// A table: column widths as shares of the 版心's width, a header row (repeated on
/// each page) and rows of cells, each cell as its lines.
#[derive(Debug, Clone, Default)]
pub struct Table {
    pub shares: Vec<u32>,
    pub header: Vec<String>,
    pub rows: Vec<Vec<Vec<String>>>,
}

/// A document being written: the page and the body's XML so far.
#[derive(Debug)]
pub struct Document {
    orientation: Orientation,
    body: String,
}

impl Document {
    #[must_use]
    pub fn new(orientation: Orientation) -> Self {
        Document {
            orientation,
            body: String::new(),
        }
    }

    /// A paragraph of one run of text; a line break where the text has one.
    pub fn paragraph(&mut self, look: Look, text: &str) {
        let body = &mut self.body;
        body.push_str("<w:p>");
        paragraph_properties(body, look);
        for (i, line) in text.split('\n').enumerate() {
            body.push_str("<w:r>");
            run_properties(body, look);
            if i > 0 {
                body.push_str("<w:br/>");
            }
            text_element(body, line);
            body.push_str("</w:r>");
        }
        body.push_str("</w:p>");
    }

    /// A table across the 版心: a bold header row repeated on every page, single lines of
    /// 小四, the first column left-aligned.
    pub fn table(&mut self, table: &Table) {
        let width = self.orientation.text_width();
        let total: i64 = table
            .shares
            .iter()
            .map(|s| i64::from(*s))
            .sum::<i64>()
            .max(1);
        let widths: Vec<i64> = table
            .shares
            .iter()
            .map(|s| width * i64::from(*s) / total)
            .collect();
        let body = &mut self.body;
        let _ = write!(
            body,
            "<w:tbl><w:tblPr><w:tblW w:w=\"{}\" w:type=\"dxa\"/><w:jc w:val=\"center\"/>\
             <w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type=\"fixed\"/>\
             <w:tblCellMar><w:left w:w=\"40\" w:type=\"dxa\"/><w:right w:w=\"40\" w:type=\"dxa\"/></w:tblCellMar>\
             </w:tblPr><w:tblGrid>",
            widths.iter().sum::<i64>(),
            borders = ["top", "left", "bottom", "right", "insideH", "insideV"]
                .map(|side| format!(
                    "<w:{side} w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
                ))
                .concat(),
        );
        for w in &widths {
            let _ = write!(body, "<w:gridCol w:w=\"{w}\"/>");
        }
        body.push_str("</w:tblGrid>");
        let header: Vec<Vec<String>> = table.header.iter().map(|h| vec![h.clone()]).collect();
        table_row(body, &widths, &header, true);
        for row in &table.rows {
            table_row(body, &widths, row, false);
        }
        body.push_str("</w:tbl>");
    }

    /// The .docx file: the body, the page and its footers, zipped.
    pub fn write(self, out: &mut dyn Write) -> Result<()> {
        let bytes = parts::package(&self.document_xml())?;
        out.write_all(&bytes)?;
        Ok(())
    }

    /// `word/document.xml`: the body, then the section's page.
    fn document_xml(&self) -> String {
        let (width, height) = self.orientation.page();
        let [top, right, bottom, left] = self.orientation.margins();
        let orient = match self.orientation {
            Orientation::Portrait => "",
            Orientation::Landscape => " w:orient=\"landscape\"",
        };
        // The page number's line starts 7 mm below the 版心 (GB/T 9704 §7.5): the
        // footer's distance is to its bottom, a 4号 line (14 pt, about 5 mm) lower.
        let footer = bottom - mm(7) - Size::Si.twips();
        format!(
            "{DECLARATION}<w:document {NAMESPACES}><w:body>{body}\
             <w:sectPr><w:footerReference w:type=\"default\" r:id=\"{odd}\"/>\
             <w:footerReference w:type=\"even\" r:id=\"{even}\"/>\
             <w:pgSz w:w=\"{width}\" w:h=\"{height}\"{orient}/>\
             <w:pgMar w:top=\"{top}\" w:right=\"{right}\" w:bottom=\"{bottom}\" w:left=\"{left}\" \
             w:header=\"851\" w:footer=\"{footer}\" w:gutter=\"0\"/>\
             <w:docGrid w:type=\"lines\" w:linePitch=\"{LINE_PITCH}\"/>\
             </w:sectPr></w:body></w:document>",
            body = self.body,
            odd = parts::ODD_FOOTER,
            even = parts::EVEN_FOOTER,
        )
    }
}

/// Every part's first line.
const DECLARATION: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

/// The namespaces of the document and its footers.
const NAMESPACES: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" \
     xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";

/// One row of a table; a header row repeats on every page and is not split.
fn table_row(body: &mut String, widths: &[i64], cells: &[Vec<String>], header: bool) {
    body.push_str("<w:tr>");
    if header {
        body.push_str("<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
    }
    for (i, width) in widths.iter().enumerate() {
        let _ = write!(
            body,
            "<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/><w:vAlign w:val=\"center\"/></w:tcPr>"
        );
        let look = Look {
            align: if i == 0 && !header {
                Align::Left
            } else {
                Align::Centre
            },
            font: if header { Font::HeiTi } else { Font::FangSong },
            ..Look::CELL
        };
        let lines = cells.get(i).map_or(&[][..], Vec::as_slice);
        // A cell holds at least one paragraph (ECMA-376 §17.4.66).
        if lines.is_empty() {
            body.push_str("<w:p>");
            paragraph_properties(body, look);
            body.push_str("</w:p>");
        }
        for line in lines {
            body.push_str("<w:p>");
            paragraph_properties(body, look);
            body.push_str("<w:r>");
            run_properties(body, look);
            text_element(body, line);
            body.push_str("</w:r></w:p>");
        }
        body.push_str("</w:tc>");
    }
    body.push_str("</w:tr>");
}

/// `w:pPr` in schema order: keepNext, snapToGrid, spacing, ind, jc, then the paragraph
/// mark's rPr.
fn paragraph_properties(out: &mut String, look: Look) {
    out.push_str("<w:pPr>");
    if look.keep_next {
        out.push_str("<w:keepNext/>");
    }
    let (snap, line, rule) = match look.lines {
        Lines::Body => ("", LINE_PITCH, "exact"),
        Lines::Title => ("<w:snapToGrid w:val=\"0\"/>", LINE_PITCH, "exact"),
        Lines::Single => ("<w:snapToGrid w:val=\"0\"/>", 240, "auto"),
    };
    let _ = write!(
        out,
        "{snap}<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"{line}\" w:lineRule=\"{rule}\"/>"
    );
    let first = if look.indent_first {
        format!(
            " w:firstLineChars=\"200\" w:firstLine=\"{}\"",
            2 * look.size.twips()
        )
    } else {
        " w:firstLineChars=\"0\" w:firstLine=\"0\"".to_owned()
    };
    let side = |name: &str, chars: u8| {
        if chars == 0 {
            return String::new();
        }
        format!(
            " w:{name}Chars=\"{}\" w:{name}=\"{}\"",
            u32::from(chars) * 100,
            i64::from(chars) * look.size.twips()
        )
    };
    let _ = write!(
        out,
        "<w:ind{}{}{first}/><w:jc w:val=\"{}\"/>",
        side("left", look.left_chars),
        side("right", look.right_chars),
        look.align.value()
    );
    run_properties(out, look);
    out.push_str("</w:pPr>");
}

/// `w:rPr` in schema order: rFonts, spacing, sz, szCs, lang.
fn run_properties(out: &mut String, look: Look) {
    let (latin, name) = (look.font.latin(), look.font.name());
    let _ = write!(
        out,
        "<w:rPr><w:rFonts w:ascii=\"{latin}\" w:hAnsi=\"{latin}\" w:eastAsia=\"{name}\" w:cs=\"{latin}\" w:hint=\"eastAsia\"/>"
    );
    let tracking = look.lines.tracking();
    if tracking != 0 {
        let _ = write!(out, "<w:spacing w:val=\"{tracking}\"/>");
    }
    let size = look.size.half_points();
    let _ = write!(
        out,
        "<w:sz w:val=\"{size}\"/><w:szCs w:val=\"{size}\"/><w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\"/></w:rPr>"
    );
}

/// `w:t` with the text escaped, its spaces kept.
fn text_element(out: &mut String, text: &str) {
    let _ = write!(out, "<w:t xml:space=\"preserve\">{}</w:t>", escape(text));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_is_gbt_9704s() {
        // 37 mm, 28 mm, 35 mm and 26 mm, each within half a millimetre (28.35 twips).
        let [top, right, bottom, left] = Orientation::Portrait.margins();
        for (twips, millimetres) in [(top, 37), (right, 26), (bottom, 35), (left, 28)] {
            assert!(
                (twips * 1000 - millimetres * 56_693).abs() < 28_350,
                "{twips}"
            );
        }
        // 156 mm of text, 22 lines of 28.95 pt in 225 mm (637 pt).
        assert_eq!(Orientation::Portrait.text_width(), 11_906 - 1587 - 1475);
        const { assert!(22 * LINE_PITCH <= 12_756 && 23 * LINE_PITCH > 12_756) };
        assert_eq!(Orientation::Landscape.text_width(), 16_838 - 2098 - 1984);
    }
}
