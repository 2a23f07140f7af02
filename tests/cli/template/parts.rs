//! The parts of a template workbook: read with calamine or straight from its zip, and
//! its ledger sheet filled in as Excel saves what a clerk typed, every other part kept.

use std::fmt::Write as _;
use std::fs::File;
use std::io::{Read, Write};
use std::path::Path;

use calamine::{Data, Reader, Xlsx, open_workbook};
use chrono::NaiveDate;

/// One filled row: (header, value), dates as `yyyy-mm-dd`.
pub type Row = Vec<(&'static str, String)>;

/// The workbook, opened as calamine's .xlsx reader (which also reads cell styles).
pub fn book(path: &Path) -> Xlsx<std::io::BufReader<File>> {
    open_workbook(path).unwrap_or_else(|e| panic!("cannot open {}: {e}", path.display()))
}

/// A sheet's cells, row by row.
pub fn sheet(path: &Path, name: &str) -> Vec<Vec<Data>> {
    let range = book(path)
        .worksheet_range(name)
        .unwrap_or_else(|e| panic!("no sheet {name}: {e}"));
    range.rows().map(<[Data]>::to_vec).collect()
}

/// A text cell's text; an empty cell is "".
pub fn text(cell: &Data) -> String {
    match cell {
        Data::String(s) => s.clone(),
        Data::Empty => String::new(),
        other => panic!("not a text cell: {other:?}"),
    }
}

/// The header row of a ledger sheet, as calamine reads it.
pub fn headers(path: &Path, sheet_name: &str) -> Vec<String> {
    sheet(path, sheet_name)
        .first()
        .map(|row| row.iter().map(text).collect())
        .unwrap_or_default()
}

/// The text of one part of the workbook's zip.
pub fn part(path: &Path, name: &str) -> String {
    let mut archive = zip::ZipArchive::new(File::open(path).expect("open xlsx")).expect("a zip");
    let mut entry = archive.by_name(name).expect("part of the workbook");
    let mut xml = String::new();
    entry.read_to_string(&mut xml).expect("UTF-8 XML");
    xml
}

/// The value of `name="…"` in an XML tag's text.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    tag[start..].split('"').next()
}

/// Excel's letters for a 0-based column: 0 → A, 25 → Z, 26 → AA.
fn letter(col: usize) -> String {
    let mut n = col + 1;
    let mut letters = Vec::new();
    while n > 0 {
        letters.push(char::from(
            b'A' + u8::try_from((n - 1) % 26).expect("a letter"),
        ));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// The 0-based column of a cell reference such as `H2`.
fn column_of(reference: &str) -> usize {
    reference
        .chars()
        .take_while(char::is_ascii_uppercase)
        .fold(0, |n, c| n * 26 + (c as usize - 'A' as usize + 1))
        - 1
}

/// The style index each column of a sheet carries (`<col min max style>`), as Excel
/// gives a cell typed into that column.
fn column_styles(xml: &str, columns: usize) -> Vec<Option<String>> {
    let mut styles = vec![None; columns];
    for tag in xml.split("<col ").skip(1) {
        let tag = format!(" {}", tag.split("/>").next().unwrap_or_default());
        let number = |name| -> usize {
            attribute(&tag, name)
                .and_then(|n| n.parse().ok())
                .expect("col min and max")
        };
        if let Some(style) = attribute(&tag, "style") {
            for col in number("min")..=number("max").min(columns) {
                styles[col - 1] = Some(style.to_owned());
            }
        }
    }
    styles
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Days since Excel's epoch, as Excel stores a typed date.
fn serial(date: &str) -> i64 {
    let date = NaiveDate::parse_from_str(date, "%Y-%m-%d").expect("a yyyy-mm-dd date");
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30).expect("Excel's epoch");
    (date - epoch).num_days()
}

/// Fills the first sheet's data rows as Excel saves what a clerk typed: text as
/// inline strings, a date (a column whose header ends in 日期) as its serial number,
/// every cell with its column's style. Every other part of the file is kept as it was.
pub fn fill(path: &Path, rows: &[Row]) {
    const SHEET: &str = "xl/worksheets/sheet1.xml";
    let first = book(path).sheet_names()[0].clone();
    let headers = headers(path, &first);
    let xml = part(path, SHEET);
    let styles = column_styles(&xml, headers.len());
    let mut cells = String::new();
    for (number, row) in (2..).zip(rows) {
        write!(cells, "<row r=\"{number}\">").expect("a string");
        let mut row = row.clone();
        row.sort_by_key(|(header, _)| headers.iter().position(|h| h == header));
        for (header, value) in row {
            let col = headers
                .iter()
                .position(|h| h == header)
                .unwrap_or_else(|| panic!("no column {header} in {headers:?}"));
            let style = styles[col]
                .as_ref()
                .map(|s| format!(" s=\"{s}\""))
                .unwrap_or_default();
            let at = format!("{}{number}", letter(col));
            if header.ends_with("日期") {
                write!(cells, "<c r=\"{at}\"{style}><v>{}</v></c>", serial(&value))
            } else {
                write!(
                    cells,
                    "<c r=\"{at}\"{style} t=\"inlineStr\"><is><t>{}</t></is></c>",
                    escape(&value)
                )
            }
            .expect("a string");
        }
        cells.push_str("</row>");
    }
    assert!(xml.contains("</sheetData>"), "{xml}");
    let last = format!("{}{}", letter(headers.len() - 1), rows.len() + 1);
    let xml = xml
        .replace("</sheetData>", &format!("{cells}</sheetData>"))
        .replace(
            &format!("<dimension ref=\"A1:{}1\"/>", letter(headers.len() - 1)),
            &format!("<dimension ref=\"A1:{last}\"/>"),
        );

    let mut archive = zip::ZipArchive::new(File::open(path).expect("open")).expect("a zip");
    let mut parts = Vec::new();
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index).expect("an entry");
        let name = entry.name().expect("a name").into_owned();
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).expect("read an entry");
        parts.push((name, bytes));
    }
    let mut writer = zip::ZipWriter::new(File::create(path).expect("rewrite"));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in parts {
        writer.start_file(&name, options).expect("an entry");
        let bytes = if name == SHEET {
            xml.as_bytes()
        } else {
            &bytes
        };
        writer.write_all(bytes).expect("write an entry");
    }
    writer.finish().expect("a zip");
}

/// Every `<dataValidation>` of the first sheet: its column and the range of its list.
pub fn validations(path: &Path) -> Vec<(usize, String)> {
    let xml = part(path, "xl/worksheets/sheet1.xml");
    xml.split("<dataValidation ")
        .skip(1)
        .map(|tag| {
            let tag = format!(" {tag}");
            assert_eq!(attribute(&tag, "type"), Some("list"), "{tag}");
            let sqref = attribute(&tag, "sqref").expect("sqref");
            let (first, last) = sqref.split_once(':').expect("a range");
            assert_eq!(column_of(first), column_of(last), "{sqref}");
            assert!(first.ends_with('2') && last.ends_with("1001"), "{sqref}");
            let formula = tag
                .split("<formula1>")
                .nth(1)
                .and_then(|f| f.split("</formula1>").next())
                .expect("a list formula");
            (column_of(first), formula.to_owned())
        })
        .collect()
}

/// The values a list formula such as `选项!$A$2:$A$14` names, read with calamine.
pub fn list_values(path: &Path, formula: &str) -> Vec<String> {
    let (sheet_name, range) = formula.split_once('!').expect("a sheet range");
    let sheet_name = sheet_name.trim_matches('\'');
    let (first, last) = range.split_once(':').expect("a range");
    let row = |cell: &str| -> usize {
        cell.rsplit('$')
            .next()
            .and_then(|n| n.parse().ok())
            .expect("a row")
    };
    let col = column_of(&first.replace('$', ""));
    assert_eq!(col, column_of(&last.replace('$', "")), "{formula}");
    let rows = sheet(path, sheet_name);
    (row(first)..=row(last))
        .map(|r| text(&rows[r - 1][col]))
        .collect()
}
