//! The Word documents: the monthly 通报 (`report --format docx`) and the 调度表 (`leads
//! --format docx`) in the layout of GB/T 9704-2012, their parts in ECMA-376's element
//! order, the bureau's words from `letterhead`, and the pages as `LibreOffice` renders them.

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

use quick_xml::Reader;
use quick_xml::events::Event;

use crate::support::Workspace;

/// The published figures of the sample (黔南州, January to August 2021).
const PUBLISHED: [&str; 4] = ["8.28%", "21.74%", "75.76%", "44.97%"];

/// Twips of a length in millimetres, rounded: 1440 to the inch of 25.4 mm.
fn twips(millimetres: f64) -> i64 {
    (millimetres * 1440.0 / 25.4).round() as i64
}

/// Every part of a .docx by name, as text.
fn parts(path: &Path) -> HashMap<String, String> {
    let file = std::fs::File::open(path).expect("open the document");
    let mut archive = zip::ZipArchive::new(file).expect("a .docx is a zip");
    (0..archive.len())
        .map(|i| {
            let mut entry = archive.by_index(i).expect("an entry");
            let mut text = String::new();
            entry.read_to_string(&mut text).expect("a text part");
            (entry.name().expect("a part's name").into_owned(), text)
        })
        .collect()
}

/// `demo --format docx` into the workspace, signed on 2021-09-10.
fn demo_notice(ws: &Workspace) -> PathBuf {
    let path = ws.path().join("通报.docx");
    ws.run([
        "demo".as_ref(),
        "--format".as_ref(),
        "docx".as_ref(),
        "--signed-on".as_ref(),
        "2021-09-10".as_ref(),
        "--output".as_ref(),
        path.as_os_str(),
    ])
    .success();
    path
}

/// The paragraphs of a part as (the XML of the paragraph, its text).
fn paragraphs(xml: &str) -> Vec<(&str, String)> {
    xml.split("<w:p>")
        .skip(1)
        .map(|chunk| {
            let paragraph = chunk.split("</w:p>").next().unwrap_or_default();
            let text: String = paragraph
                .split("<w:t xml:space=\"preserve\">")
                .skip(1)
                .filter_map(|run| run.split("</w:t>").next())
                .collect();
            (paragraph, text)
        })
        .collect()
}

#[test]
fn the_notice_has_the_official_page_fonts_and_figures() {
    let ws = Workspace::new();
    let parts = parts(&demo_notice(&ws));
    let document = &parts["word/document.xml"];
    for font in [
        "w:eastAsia=\"仿宋_GB2312\"",
        "w:eastAsia=\"方正小标宋简体\"",
    ] {
        assert!(document.contains(font), "no {font}");
    }
    // A4, 天头 37 mm and 订口 28 mm; the 版心 156 × 225 mm leaves the rest (26 and 35 mm).
    assert!(document.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"));
    let margins = format!(
        "<w:pgMar w:top=\"{}\" w:right=\"{}\" w:bottom=\"{}\" w:left=\"{}\"",
        twips(37.0),
        11906 - twips(28.0) - twips(156.0),
        16838 - twips(37.0) - twips(225.0),
        twips(28.0)
    );
    assert!(document.contains(&margins), "no {margins}");

    let paragraphs = paragraphs(document);
    let body = paragraphs
        .iter()
        .find(|(_, text)| text.contains("被纠错率8.28%"))
        .expect("the published paragraph");
    assert!(body.0.contains("w:firstLineChars=\"200\""), "{}", body.0);
    assert!(body.0.contains("w:eastAsia=\"仿宋_GB2312\""));
    assert!(body.0.contains("<w:sz w:val=\"32\"/>"), "3号 is 16 pt");
    let text: String = paragraphs.iter().map(|(_, t)| t.as_str()).collect();
    for figure in PUBLISHED {
        assert!(text.contains(figure), "{figure} missing");
    }
    // The sections in order, each numbered, then the signature and the date.
    let at = |needle: &str| {
        text.find(needle)
            .unwrap_or_else(|| panic!("no {needle} in {text}"))
    };
    assert!(at("一、总体情况") < at("二、“三率”情况"));
    assert!(at("二、“三率”情况") < at("三、各县（市）情况"));
    assert!(at("三、各县（市）情况") < at("四、需关注事项"));
    assert!(at("四、需关注事项") < at("州司法局2021年9月10日"));
    assert!(text.starts_with("关于2021年1月至8月全州行政复议和行政应诉“三率”情况的通报"));
    // Odd pages carry the number on the right, even pages on the left.
    let footers = [&parts["word/footer1.xml"], &parts["word/footer2.xml"]];
    assert!(footers[0].contains("<w:jc w:val=\"right\"/>"));
    assert!(footers[1].contains("<w:jc w:val=\"left\"/>"));
    assert!(parts["word/settings.xml"].contains("<w:evenAndOddHeaders/>"));
    for footer in footers {
        assert!(footer.contains(" PAGE "), "{footer}");
        assert!(footer.contains("— "), "{footer}");
    }
}

/// ECMA-376 Part 1's sequences (wml.xsd) of the children of each properties element:
/// a child may be left out, never moved before one listed ahead of it.
const SEQUENCES: [(&str, &[&str]); 5] = [
    (
        "w:rPr",
        &[
            "w:rStyle",
            "w:rFonts",
            "w:b",
            "w:bCs",
            "w:i",
            "w:iCs",
            "w:caps",
            "w:smallCaps",
            "w:strike",
            "w:dstrike",
            "w:outline",
            "w:shadow",
            "w:emboss",
            "w:imprint",
            "w:noProof",
            "w:snapToGrid",
            "w:vanish",
            "w:webHidden",
            "w:color",
            "w:spacing",
            "w:w",
            "w:kern",
            "w:position",
            "w:sz",
            "w:szCs",
            "w:highlight",
            "w:u",
            "w:effect",
            "w:bdr",
            "w:shd",
            "w:fitText",
            "w:vertAlign",
            "w:rtl",
            "w:cs",
            "w:em",
            "w:lang",
            "w:eastAsianLayout",
            "w:specVanish",
            "w:oMath",
            "w:rPrChange",
        ],
    ),
    (
        "w:pPr",
        &[
            "w:pStyle",
            "w:keepNext",
            "w:keepLines",
            "w:pageBreakBefore",
            "w:framePr",
            "w:widowControl",
            "w:numPr",
            "w:suppressLineNumbers",
            "w:pBdr",
            "w:shd",
            "w:tabs",
            "w:suppressAutoHyphens",
            "w:kinsoku",
            "w:wordWrap",
            "w:overflowPunct",
            "w:topLinePunct",
            "w:autoSpaceDE",
            "w:autoSpaceDN",
            "w:bidi",
            "w:adjustRightInd",
            "w:snapToGrid",
            "w:spacing",
            "w:ind",
            "w:contextualSpacing",
            "w:mirrorIndents",
            "w:suppressOverlap",
            "w:jc",
            "w:textDirection",
            "w:textAlignment",
            "w:textboxTightWrap",
            "w:outlineLvl",
            "w:divId",
            "w:cnfStyle",
            "w:rPr",
            "w:sectPr",
            "w:pPrChange",
        ],
    ),
    (
        "w:sectPr",
        &[
            // EG_HdrFtrReferences: headers and footers in any order among themselves.
            "w:headerReference|w:footerReference",
            "w:footnotePr",
            "w:endnotePr",
            "w:type",
            "w:pgSz",
            "w:pgMar",
            "w:paperSrc",
            "w:pgBorders",
            "w:lnNumType",
            "w:pgNumType",
            "w:cols",
            "w:formProt",
            "w:vAlign",
            "w:noEndnote",
            "w:titlePg",
            "w:textDirection",
            "w:bidi",
            "w:rtlGutter",
            "w:docGrid",
            "w:printerSettings",
            "w:sectPrChange",
        ],
    ),
    (
        "w:tblPr",
        &[
            "w:tblStyle",
            "w:tblpPr",
            "w:tblOverlap",
            "w:bidiVisual",
            "w:tblStyleRowBandSize",
            "w:tblStyleColBandSize",
            "w:tblW",
            "w:jc",
            "w:tblCellSpacing",
            "w:tblInd",
            "w:tblBorders",
            "w:shd",
            "w:tblLayout",
            "w:tblCellMar",
            "w:tblLook",
            "w:tblCaption",
            "w:tblDescription",
            "w:tblPrChange",
        ],
    ),
    (
        "w:tcPr",
        &[
            "w:cnfStyle",
            "w:tcW",
            "w:gridSpan",
            "w:hMerge",
            "w:vMerge",
            "w:tcBorders",
            "w:shd",
            "w:noWrap",
            "w:tcMar",
            "w:textDirection",
            "w:tcFitText",
            "w:vAlign",
            "w:hideMark",
            "w:headers",
            "w:cellIns",
            "w:cellDel",
            "w:cellMerge",
            "w:tcPrChange",
        ],
    ),
];

/// Every misplaced child of a properties element in one part, as `part: parent: child
/// after previous`; also counts the elements checked, so a test knows it checked some.
fn order_errors(name: &str, xml: &str, checked: &mut HashMap<&'static str, usize>) -> Vec<String> {
    let mut reader = Reader::from_str(xml);
    // The open elements, each with the place in its sequence of its last child so far.
    let mut stack: Vec<(String, usize, String)> = Vec::new();
    let mut errors = Vec::new();
    loop {
        let event = reader
            .read_event()
            .unwrap_or_else(|e| panic!("{name} is not well-formed XML: {e}"));
        let (element, empty) = match &event {
            Event::Start(e) => (e.name(), false),
            Event::Empty(e) => (e.name(), true),
            Event::End(_) => {
                stack.pop();
                continue;
            }
            Event::Eof => break,
            _ => continue,
        };
        let element = String::from_utf8_lossy(element.as_ref().as_bytes()).into_owned();
        if let Some((parent, last, previous)) = stack.last_mut()
            && let Some((_, sequence)) = SEQUENCES.iter().find(|(p, _)| p == parent)
        {
            match sequence
                .iter()
                .position(|s| s.split('|').any(|s| s == element))
            {
                Some(place) if place >= *last => {
                    *last = place;
                    previous.clone_from(&element);
                }
                Some(_) => errors.push(format!("{name}: {parent}: {element} after {previous}")),
                None => errors.push(format!("{name}: {parent}: {element} is not in its schema")),
            }
        }
        if let Some((parent, _)) = SEQUENCES.iter().find(|(p, _)| *p == element) {
            *checked.entry(parent).or_default() += 1;
        }
        if !empty {
            stack.push((element, 0, String::new()));
        }
    }
    errors
}

/// Checks every XML part of a document; every kind of properties element must occur.
#[track_caller]
fn assert_schema_order(path: &Path, kinds: &[&str]) {
    let mut checked = HashMap::new();
    let mut errors = Vec::new();
    // Every part is XML (the package holds no pictures).
    for (name, xml) in parts(path) {
        errors.extend(order_errors(&name, &xml, &mut checked));
    }
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    for kind in kinds {
        assert!(
            checked.get(kind).copied().unwrap_or(0) > 0,
            "no {kind} checked"
        );
    }
}

#[test]
fn every_properties_element_follows_the_schema_order() {
    let ws = Workspace::new();
    let all = ["w:rPr", "w:pPr", "w:sectPr", "w:tblPr", "w:tcPr"];
    assert_schema_order(&demo_notice(&ws), &all);
    assert_schema_order(&demo_leads(&ws), &all);
}

#[test]
fn the_order_check_finds_a_misplaced_child() {
    // Not a check that cannot fail: a size before the fonts is what docx-rs writes.
    let mut checked = HashMap::new();
    let wrong =
        "<w:r><w:rPr><w:sz w:val=\"32\"/><w:rFonts w:eastAsia=\"仿宋_GB2312\"/></w:rPr></w:r>";
    let errors = order_errors("x", wrong, &mut checked);
    assert_eq!(errors, ["x: w:rPr: w:rFonts after w:sz"]);
    let foreign = "<w:sectPr><w:pgMar/><w:bogus/></w:sectPr>";
    assert_eq!(
        order_errors("x", foreign, &mut checked),
        ["x: w:sectPr: w:bogus is not in its schema"]
    );
}

/// `demo leads --month 2021-08 --format docx` into the workspace.
fn demo_leads(ws: &Workspace) -> PathBuf {
    let path = ws.path().join("调度表.docx");
    ws.run([
        "demo".as_ref(),
        "leads".as_ref(),
        "--month".as_ref(),
        "2021-08".as_ref(),
        "--format".as_ref(),
        "docx".as_ref(),
        "--output".as_ref(),
        path.as_os_str(),
    ])
    .success();
    path
}

#[test]
fn the_lead_sheet_is_a_landscape_document_with_a_table_per_leader() {
    let ws = Workspace::new();
    let parts = parts(&demo_leads(&ws));
    let document = &parts["word/document.xml"];
    assert!(document.contains("<w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/>"));
    let paragraphs = paragraphs(document);
    let texts: Vec<&str> = paragraphs.iter().map(|(_, t)| t.as_str()).collect();
    assert_eq!(texts[0], "包案化解调度表（2021年8月）");
    // The sample's 曾某 owns one lawsuit, open at the end of August (data/sample).
    let lead = texts
        .iter()
        .position(|t| *t == "副县长 曾某")
        .expect("the leader's heading");
    assert!(
        texts[lead + 1].starts_with("包案 1 件：在办 1 件"),
        "{}",
        texts[lead + 1]
    );
    assert_eq!(texts[lead + 2], "台账", "the table follows the tally");
    assert!(texts[lead..].contains(&"(2021)黔27行初52号"));
    // One table per heading in 黑体 (a leader).
    let leaders = paragraphs
        .iter()
        .filter(|(xml, _)| xml.contains("w:eastAsia=\"黑体\"") && xml.contains("<w:keepNext/>"))
        .count();
    assert_eq!(document.matches("<w:tbl>").count(), leaders);
}

#[test]
fn letterhead_words_are_kept_in_the_ledger_and_reach_the_document() {
    let ws = Workspace::new();
    ws.run(["letterhead", "set", "signature", "x"])
        .failure()
        .stderr_has(&["signature", "issuer"]);
    ws.ok(["letterhead", "set", "issuer", "黔南州司法局"]);
    ws.ok(["letterhead", "set", "issue", "第8期"]);
    ws.ok(["letterhead", "set", "recipients", "各县（市）司法局："]);
    let shown = ws.ok(["letterhead", "show"]);
    assert!(
        shown.contains("issuer = 黔南州司法局  (changed; the default is 州司法局)"),
        "{shown}"
    );
    assert!(shown.contains("area = 全州\n"), "{shown}");

    let data = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/sample");
    ws.run(["import".as_ref(), data.as_os_str()]).success();
    let path = ws.path().join("r.docx");
    ws.run([
        "report".as_ref(),
        "--format".as_ref(),
        "docx".as_ref(),
        "--title".as_ref(),
        r"关于全州“三率”的通报\n（8月）".as_ref(),
        "--signed-on".as_ref(),
        "2021-09-10".as_ref(),
        "-o".as_ref(),
        path.as_os_str(),
    ])
    .success();
    let parts = parts(&path);
    let texts: Vec<String> = paragraphs(&parts["word/document.xml"])
        .into_iter()
        .map(|(_, t)| t)
        .collect();
    assert_eq!(texts[0], "关于全州“三率”的通报（8月）", "two lines");
    let title = paragraphs(&parts["word/document.xml"])[0].0.to_owned();
    assert_eq!(title.matches("<w:br/>").count(), 1, "{title}");
    assert_eq!(texts[1], "第8期");
    assert!(texts.contains(&"各县（市）司法局：".to_owned()));
    assert_eq!(texts[texts.len() - 2..], ["黔南州司法局", "2021年9月10日"]);

    ws.ok(["letterhead", "reset"]);
    assert!(
        ws.ok(["letterhead", "show"])
            .contains("issuer = 州司法局\n")
    );
    ws.run(["report", "--format", "docx"])
        .failure()
        .stderr_has(&["--output"]);
}

/// Renders a document to PDF with `LibreOffice`, in a profile of its own so tests can run
/// side by side; `None` (with a notice) when `LibreOffice` is not installed, a failure
/// when it is not and `CI` is set.
fn render(ws: &Workspace, docx: &Path) -> Option<PathBuf> {
    let installed = Command::new("soffice").arg("--version").output().is_ok()
        && Command::new("pdftotext").arg("-v").output().is_ok();
    if !installed {
        assert!(
            std::env::var_os("CI").is_none(),
            "LibreOffice (soffice) and poppler-utils (pdftotext) are needed in CI: apt-get install libreoffice-writer fonts-noto-cjk poppler-utils"
        );
        eprintln!("note: soffice or pdftotext not installed: the rendered pages are not checked");
        return None;
    }
    let profile = ws.path().join("libreoffice-profile");
    let output = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(ws.path())
        .arg(docx)
        .env("HOME", ws.path())
        .output()
        .expect("run soffice");
    let pdf = docx.with_extension("pdf");
    assert!(
        pdf.is_file(),
        "soffice made no PDF: {}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    Some(pdf)
}

/// A word of `pdftotext -bbox`, in points from the page's top left corner.
#[derive(Debug, Clone)]
struct Word {
    x_min: f64,
    y_min: f64,
    x_max: f64,
    text: String,
}

/// Each page's size and words.
fn pages(pdf: &Path) -> Vec<((f64, f64), Vec<Word>)> {
    let output = Command::new("pdftotext")
        .arg("-bbox")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("run pdftotext");
    let html = String::from_utf8(output.stdout).expect("UTF-8");
    let attribute = |tag: &str, name: &str| -> f64 {
        let start = tag.find(&format!("{name}=\"")).expect(name) + name.len() + 2;
        tag[start..]
            .split('"')
            .next()
            .unwrap_or_default()
            .parse()
            .expect("a number")
    };
    html.split("<page ")
        .skip(1)
        .map(|page| {
            let size = (attribute(page, "width"), attribute(page, "height"));
            let words = page
                .split("<word ")
                .skip(1)
                .map(|word| Word {
                    x_min: attribute(word, "xMin"),
                    y_min: attribute(word, "yMin"),
                    x_max: attribute(word, "xMax"),
                    text: word
                        .split('>')
                        .nth(1)
                        .and_then(|t| t.split('<').next())
                        .unwrap_or_default()
                        .to_owned(),
                })
                .collect();
            (size, words)
        })
        .collect()
}

/// Points of a length in millimetres.
fn pt(millimetres: f64) -> f64 {
    millimetres * 72.0 / 25.4
}

#[test]
fn libreoffice_renders_the_notice_on_the_official_page() {
    let ws = Workspace::new();
    let Some(pdf) = render(&ws, &demo_notice(&ws)) else {
        return;
    };
    let pages = pages(&pdf);
    assert!(pages.len() >= 2, "{} pages", pages.len());
    let tolerance = pt(1.0);
    for (n, ((width, height), words)) in pages.iter().enumerate() {
        let number = n + 1;
        assert!((width - pt(210.0)).abs() < 1.0 && (height - pt(297.0)).abs() < 1.0);
        // 「— N —」 7 mm under the 版心, one 4号 character (14 pt) in from the outer edge.
        let footer: Vec<&Word> = words
            .iter()
            .filter(|w| w.y_min > pt(297.0 - 35.0))
            .collect();
        let line: String = footer.iter().map(|w| w.text.as_str()).collect();
        assert_eq!(line, format!("—{number}—"), "page {number}");
        let top = footer.iter().map(|w| w.y_min).fold(f64::MAX, f64::min);
        assert!(
            (top - pt(297.0 - 35.0 + 7.0)).abs() < pt(1.5),
            "page {number}: {top}"
        );
        let left = footer.iter().map(|w| w.x_min).fold(f64::MAX, f64::min);
        let right = footer.iter().map(|w| w.x_max).fold(0.0, f64::max);
        if number % 2 == 1 {
            assert!(
                (right - (pt(210.0 - 26.0) - 14.0)).abs() < tolerance,
                "page {number}: {right}"
            );
        } else {
            assert!(
                (left - (pt(28.0) + 14.0)).abs() < tolerance,
                "page {number}: {left}"
            );
        }
    }
    // Page 1: the 版心 starts 37 mm from the top and 28 mm from the left.
    let first = &pages[0].1;
    let top = first.iter().map(|w| w.y_min).fold(f64::MAX, f64::min);
    let left = first.iter().map(|w| w.x_min).fold(f64::MAX, f64::min);
    assert!((top - pt(37.0)).abs() < tolerance, "top {top}");
    assert!((left - pt(28.0)).abs() < tolerance, "left {left}");
    // The body's lines, those that start at the left edge, are 22 to 225 mm.
    let mut lines: Vec<f64> = first
        .iter()
        .filter(|w| (w.x_min - left).abs() < 1.0 && w.y_min < pt(297.0 - 35.0))
        .map(|w| w.y_min)
        .collect();
    lines.dedup_by(|a, b| (*a - *b).abs() < 0.5);
    let pitches: Vec<f64> = lines
        .windows(2)
        .map(|p| p[1] - p[0])
        .filter(|d| *d < 40.0)
        .collect();
    assert!(pitches.len() >= 5, "{lines:?}");
    let pitch = pt(225.0) / 22.0;
    for d in &pitches {
        assert!(
            (d - pitch).abs() < 0.5,
            "line pitch {d}, not {pitch}: {pitches:?}"
        );
    }
    // 28 characters to a line of 156 mm: the 主送 line, 16 characters of 3号 without a
    // Latin letter or a space, is set at that pitch or closer.
    let recipients = first
        .iter()
        .find(|w| w.text == "各县（市）人民政府，州直各部门：")
        .expect("the 主送 line as one word");
    let per_character = (recipients.x_max - recipients.x_min) / 16.0;
    assert!(
        per_character <= pt(156.0) / 28.0,
        "{per_character} pt a character"
    );
    let text: String = pages
        .iter()
        .flat_map(|(_, words)| words.iter().map(|w| w.text.as_str()))
        .collect();
    for figure in PUBLISHED {
        assert!(text.contains(figure), "{figure} not on the pages");
    }
}

#[test]
fn a_section_without_data_is_left_out() {
    // One week of 都匀市 (tests/data): received 4 (1号 2号 3号 4号), closed 4 (1号 维持,
    // 2号 不予受理, 3号 撤销并责令重作, 2020年9号 调解结案): 纠错 1 and 调解 1, 25.00% each;
    // no lawsuit, no benchmark, no work-list column and no 包案领导.
    let ws = Workspace::new();
    let input = ws.copy_fixtures(&["复议台账_都匀市_2021-03-12.csv"]);
    ws.run(["import".as_ref(), input.as_os_str()]).success();
    let path = ws.path().join("r.docx");
    ws.run([
        "report".as_ref(),
        "--format".as_ref(),
        "docx".as_ref(),
        "-o".as_ref(),
        path.as_os_str(),
    ])
    .success();
    let texts: Vec<String> = paragraphs(&parts(&path)["word/document.xml"])
        .into_iter()
        .map(|(_, t)| t)
        .collect();
    let text = texts.concat();
    assert!(
        text.starts_with("关于2021年1月1日至3月12日全州行政复议和行政应诉"),
        "{text}"
    );
    assert!(text.contains("收案4件，受理3件，不予受理1件，办结4件，其中被纠错1件，被纠错率25.00%"));
    assert!(text.contains("三、各县（市）情况"), "{text}");
    for absent in ["四、", "需关注事项", "未优于", "均优于", "全省平均"] {
        assert!(!text.contains(absent), "{absent} in {text}");
    }
}
