//! Text decoding of CSV bytes: UTF-8 (with or without BOM) or GB18030, detected per file
//! and never guessed silently.
//!
//! Decisions are made on the first non-ASCII field and then held for the whole file, so a
//! file that switches encoding half-way is an error at the row where it switches.

use encoding_rs::GB18030;

/// The encoding a file turned out to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Gb18030,
}

impl Encoding {
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Gb18030 => "GB18030",
        }
    }
}

/// Decodes fields of one file, settling its encoding on first sight of non-ASCII text.
#[derive(Debug, Default)]
pub struct FieldDecoder {
    encoding: Option<Encoding>,
}

impl FieldDecoder {
    /// A decoder already settled, e.g. by a byte-order mark.
    #[must_use]
    pub fn settled(encoding: Encoding) -> FieldDecoder {
        FieldDecoder {
            encoding: Some(encoding),
        }
    }

    /// The encoding seen so far (`None` while every field was plain ASCII).
    #[must_use]
    pub fn encoding(&self) -> Option<Encoding> {
        self.encoding
    }

    /// Decodes one field; the error says why the bytes are not text in this file.
    pub fn decode(&mut self, bytes: &[u8]) -> Result<String, String> {
        match self.encoding {
            // Checked in one pass, ASCII and all.
            Some(Encoding::Utf8) => std::str::from_utf8(bytes)
                .map(str::to_owned)
                .map_err(|_| "bytes that are not UTF-8, in a file read as UTF-8".to_owned()),
            // ASCII is valid UTF-8, and GB18030 leaves it unchanged.
            _ if bytes.is_ascii() => Ok(String::from_utf8_lossy(bytes).into_owned()),
            Some(Encoding::Gb18030) => decode_gb18030(bytes)
                .ok_or_else(|| "bytes that are not GB18030, in a file read as GB18030".to_owned()),
            None => {
                if let Ok(text) = std::str::from_utf8(bytes) {
                    self.encoding = Some(Encoding::Utf8);
                    Ok(text.to_owned())
                } else if let Some(text) = decode_gb18030(bytes) {
                    self.encoding = Some(Encoding::Gb18030);
                    Ok(text)
                } else {
                    Err("bytes that are neither UTF-8 nor GB18030/GBK".to_owned())
                }
            }
        }
    }
}

/// Non-ASCII bytes in a row from which a row that is valid UTF-8 in a GB18030 file is
/// taken for what it is: UTF-8 (two Chinese characters; GBK text almost never lines up
/// as valid UTF-8 over that length).
const UTF8_EVIDENCE_BYTES: usize = 6;

impl FieldDecoder {
    /// Checks a whole row before its fields are decoded: in a file read as GB18030, a row
    /// whose Chinese text is valid UTF-8 was pasted from elsewhere and would decode into
    /// nonsense without any error.
    pub fn check_row<'a>(
        &self,
        mut fields: impl Iterator<Item = &'a [u8]> + Clone,
    ) -> Result<(), String> {
        if self.encoding != Some(Encoding::Gb18030) {
            return Ok(());
        }
        let non_ascii: usize = fields
            .clone()
            .map(|f| f.iter().filter(|b| !b.is_ascii()).count())
            .sum();
        let all_utf8 = fields.all(|f| std::str::from_utf8(f).is_ok());
        if non_ascii >= UTF8_EVIDENCE_BYTES && all_utf8 {
            Err("UTF-8 text in a file read as GB18030 (the file mixes encodings)".to_owned())
        } else {
            Ok(())
        }
    }
}

fn decode_gb18030(bytes: &[u8]) -> Option<String> {
    GB18030
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(std::borrow::Cow::into_owned)
}

/// What the first bytes of a file say about its encoding.
#[derive(Debug, PartialEq, Eq)]
pub enum ByteOrderMark {
    /// UTF-8 BOM, three bytes long.
    Utf8,
    /// UTF-16 (as Excel's "Unicode text"), which is not accepted.
    Utf16,
    None,
}

#[must_use]
pub fn sniff_bom(start: &[u8]) -> ByteOrderMark {
    if start.starts_with(&[0xEF, 0xBB, 0xBF]) {
        ByteOrderMark::Utf8
    } else if start.starts_with(&[0xFF, 0xFE]) || start.starts_with(&[0xFE, 0xFF]) {
        ByteOrderMark::Utf16
    } else {
        ByteOrderMark::None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gb(text: &str) -> Vec<u8> {
        GB18030.encode(text).0.into_owned()
    }

    #[test]
    fn settles_on_first_non_ascii_field() {
        let mut decoder = FieldDecoder::default();
        assert_eq!(decoder.decode(b"2021-08-31").unwrap(), "2021-08-31");
        assert_eq!(decoder.encoding(), None);
        assert_eq!(decoder.decode(&gb("案号")).unwrap(), "案号");
        assert_eq!(decoder.encoding(), Some(Encoding::Gb18030));
        assert_eq!(decoder.decode(&gb("𠀀都匀市")).unwrap(), "𠀀都匀市");
        assert!(decoder.decode(&[0x81, 0x20]).is_err());
    }

    #[test]
    fn gb18030_file_rejects_a_utf8_row() {
        let mut decoder = FieldDecoder::default();
        decoder.decode(&gb("案号")).unwrap();
        let gbk_row = [gb("都府复〔2021〕2号"), gb("都匀市")];
        assert!(decoder.check_row(gbk_row.iter().map(Vec::as_slice)).is_ok());
        let utf8_row = ["都府复〔2021〕2号".as_bytes(), "州直".as_bytes()];
        assert!(decoder.check_row(utf8_row.into_iter()).is_err());
        // A UTF-8 file is never questioned this way.
        assert!(
            FieldDecoder::settled(Encoding::Utf8)
                .check_row(utf8_row.into_iter())
                .is_ok()
        );
    }

    #[test]
    fn utf8_file_rejects_later_gbk_bytes() {
        let mut decoder = FieldDecoder::default();
        assert_eq!(decoder.decode("案号".as_bytes()).unwrap(), "案号");
        assert_eq!(decoder.encoding(), Some(Encoding::Utf8));
        assert!(decoder.decode(&gb("都匀市")).is_err());
    }

    #[test]
    fn boms() {
        assert_eq!(sniff_bom(b"\xEF\xBB\xBF\xE6\xA1"), ByteOrderMark::Utf8);
        assert_eq!(sniff_bom(b"\xFF\xFEa\0"), ByteOrderMark::Utf16);
        assert_eq!(sniff_bom(b"a,b"), ByteOrderMark::None);
    }
}
