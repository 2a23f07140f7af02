//! The package around a document's body: content types, relationships, the default
//! fonts, the setting that gives odd and even pages their own footers, and those two
//! footers with the 「— N —」 page number; zipped into one .docx.

use std::fmt::Write as _;
use std::io::{Cursor, Write};

use anyhow::{Context, Result};
use zip::CompressionMethod;
use zip::write::{SimpleFileOptions, ZipWriter};

use super::{Align, DECLARATION, Font, LINE_PITCH, Lines, Look, NAMESPACES, Size};
use super::{paragraph_properties, run_properties, text_element};

/// The relationship ids of the two footers in `word/_rels/document.xml.rels`.
pub const ODD_FOOTER: &str = "rIdFooterOdd";
pub const EVEN_FOOTER: &str = "rIdFooterEven";

const CONTENT_TYPES: &str = "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
     <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
     <Default Extension=\"xml\" ContentType=\"application/xml\"/>\
     <Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>\
     <Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>\
     <Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>\
     <Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>\
     <Override PartName=\"/word/footer2.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>\
     </Types>";

const PACKAGE_RELATIONSHIPS: &str = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
     <Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>\
     </Relationships>";

/// The document's own relationships: styles, settings and the two footers.
fn document_relationships() -> String {
    let relationship = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    format!(
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
         <Relationship Id=\"rIdStyles\" Type=\"{relationship}/styles\" Target=\"styles.xml\"/>\
         <Relationship Id=\"rIdSettings\" Type=\"{relationship}/settings\" Target=\"settings.xml\"/>\
         <Relationship Id=\"{ODD_FOOTER}\" Type=\"{relationship}/footer\" Target=\"footer1.xml\"/>\
         <Relationship Id=\"{EVEN_FOOTER}\" Type=\"{relationship}/footer\" Target=\"footer2.xml\"/>\
         </Relationships>"
    )
}

/// The defaults every paragraph starts from: 3号 仿宋 at the body's pitch, so that text
/// a clerk adds in Word or WPS looks like the body around it.
fn styles() -> String {
    let mut out = format!("{DECLARATION}<w:styles {NAMESPACES}><w:docDefaults><w:rPrDefault>");
    run_properties(&mut out, Look::FLUSH);
    out.push_str("</w:rPrDefault><w:pPrDefault>");
    let _ = write!(
        out,
        "<w:pPr><w:spacing w:line=\"{LINE_PITCH}\" w:lineRule=\"exact\" w:before=\"0\" w:after=\"0\"/><w:jc w:val=\"both\"/></w:pPr>"
    );
    out.push_str(
        "</w:pPrDefault></w:docDefaults>\
         <w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>\
         <w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>\
         <w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/>\
         <w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/>\
         </w:tblCellMar></w:tblPr></w:style></w:styles>",
    );
    out
}

/// Odd and even pages take their own footers (the page number's side alternates);
/// punctuation is compressed as Chinese documents set it.
fn settings() -> String {
    format!(
        "{DECLARATION}<w:settings {NAMESPACES}><w:defaultTabStop w:val=\"420\"/>\
         <w:evenAndOddHeaders/><w:characterSpacingControl w:val=\"compressPunctuation\"/>\
         </w:settings>"
    )
}

/// A footer holding the page number as 「— N —」 in 4号 宋体, one character in from the
/// outer edge: the right on odd pages, the left on even ones (GB/T 9704 §7.5).
fn footer(align: Align) -> String {
    let (left_chars, right_chars) = match align {
        Align::Right => (0, 1),
        Align::Left | Align::Centre | Align::Justify => (1, 0),
    };
    let look = Look {
        font: Font::SongTi,
        size: Size::Si,
        align,
        indent_first: false,
        left_chars,
        right_chars,
        lines: Lines::Single,
        keep_next: false,
    };
    let mut out = format!("{DECLARATION}<w:ftr {NAMESPACES}><w:p>");
    paragraph_properties(&mut out, look);
    let mut run = |inner: &str, text: Option<&str>| {
        out.push_str("<w:r>");
        run_properties(&mut out, look);
        out.push_str(inner);
        if let Some(text) = text {
            text_element(&mut out, text);
        }
        out.push_str("</w:r>");
    };
    run("", Some("— "));
    run("<w:fldChar w:fldCharType=\"begin\"/>", None);
    run(
        "<w:instrText xml:space=\"preserve\"> PAGE </w:instrText>",
        None,
    );
    run("<w:fldChar w:fldCharType=\"separate\"/>", None);
    run("", Some("1"));
    run("<w:fldChar w:fldCharType=\"end\"/>", None);
    run("", Some(" —"));
    out.push_str("</w:p></w:ftr>");
    out
}

/// The .docx: every part, deflated, in one zip.
pub fn package(document: &str) -> Result<Vec<u8>> {
    let parts: [(&str, String); 8] = [
        (
            "[Content_Types].xml",
            format!("{DECLARATION}{CONTENT_TYPES}"),
        ),
        (
            "_rels/.rels",
            format!("{DECLARATION}{PACKAGE_RELATIONSHIPS}"),
        ),
        ("word/document.xml", document.to_owned()),
        (
            "word/_rels/document.xml.rels",
            format!("{DECLARATION}{}", document_relationships()),
        ),
        ("word/styles.xml", styles()),
        ("word/settings.xml", settings()),
        ("word/footer1.xml", footer(Align::Right)),
        ("word/footer2.xml", footer(Align::Left)),
    ];
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for (name, text) in parts {
        zip.start_file(name, options)
            .with_context(|| format!("cannot write `{name}` into the document"))?;
        zip.write_all(text.as_bytes())?;
    }
    Ok(zip
        .finish()
        .context("cannot finish the document")?
        .into_inner())
}
