//! Case numbers (案号): the key of a case, and what a court's 案号 says about its instance.
//!
//! Offices write the same 案号 with different brackets and stray spaces from week to week;
//! matching uses a normalised key while the text as written is kept for display.

use std::fmt;
use std::hash::{Hash, Hasher};

use super::Instance;

/// A case number as written, compared and hashed by its normalised matching key.
#[derive(Debug, Clone, Eq)]
pub struct CaseNo {
    text: String,
    key: String,
}

impl CaseNo {
    /// Wraps a (cell-normalised) case number; `None` if it is empty.
    #[must_use]
    pub fn new(text: &str) -> Option<CaseNo> {
        let key = match_key(text);
        // Brackets alone (`（）`) number nothing.
        key.chars().any(|c| c != '(' && c != ')').then(|| CaseNo {
            text: text.trim().to_owned(),
            key,
        })
    }

    /// The text as the office wrote it.
    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The normalised key that identifies the case within its ledger kind.
    #[must_use]
    pub fn key(&self) -> &str {
        &self.key
    }
}

impl PartialEq for CaseNo {
    fn eq(&self, other: &Self) -> bool {
        self.key == other.key
    }
}

impl Hash for CaseNo {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.key.hash(state);
    }
}

impl fmt::Display for CaseNo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

/// The matching key of a case number: every bracket style becomes `()`, whitespace goes,
/// full-width digits and letters become half-width.
#[must_use]
pub fn match_key(text: &str) -> String {
    // Never longer than the text: sized once rather than grown character by character.
    let mut key = String::with_capacity(text.len());
    key.extend(
        text.chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| match c {
                '（' | '〔' | '[' | '［' | '【' | '(' | '〈' => '(',
                '）' | '〕' | ']' | '］' | '】' | ')' | '〉' => ')',
                '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
                other => other,
            }),
    );
    key
}

/// A court's case-type code (类型代字) and the instance it implies; `None` for codes of
/// proceedings that are not a lawsuit's instance (e.g. 行审, non-litigation enforcement review).
const TYPE_CODES: &[(&str, Option<Instance>)] = &[
    ("行赔初", Some(Instance::First)),
    ("行赔终", Some(Instance::Second)),
    ("行赔再", Some(Instance::Retrial)),
    ("行赔申", Some(Instance::Retrial)),
    ("行赔监", Some(Instance::Retrial)),
    ("行赔抗", Some(Instance::Retrial)),
    ("行审复", None),
    ("行审", None),
    ("行初", Some(Instance::First)),
    ("行终", Some(Instance::Second)),
    ("行再", Some(Instance::Retrial)),
    ("行申", Some(Instance::Retrial)),
    ("行监", Some(Instance::Retrial)),
    ("行抗", Some(Instance::Retrial)),
];

/// What a 案号's type code says about the instance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TypeCode {
    /// A known code of a lawsuit instance.
    Instance(&'static str, Instance),
    /// A known code that is not a lawsuit instance.
    NotAnInstance(&'static str),
    /// No known code in the number.
    Unknown,
}

/// Finds the type code in a court's case number, longest code first (行审复 before 行审).
#[must_use]
pub fn type_code(case_no: &CaseNo) -> TypeCode {
    let key = case_no.key();
    let mut codes: Vec<&(&str, Option<Instance>)> = TYPE_CODES.iter().collect();
    codes.sort_by_key(|(code, _)| std::cmp::Reverse(code.chars().count()));
    for (code, instance) in codes {
        if key.contains(code) {
            return match instance {
                Some(instance) => TypeCode::Instance(code, *instance),
                None => TypeCode::NotAnInstance(code),
            };
        }
    }
    TypeCode::Unknown
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn key(text: &str, expected: &str) {
        assert_eq!(match_key(text), expected, "{text}");
    }

    #[test]
    fn keys_ignore_brackets_spaces_and_width() {
        key("黔南府复决字〔2021〕15号", "黔南府复决字(2021)15号");
        key("黔南府复决字[2021]15号", "黔南府复决字(2021)15号");
        key("黔南府复决字（2021）15号", "黔南府复决字(2021)15号");
        key("黔南府复决字【２０２１】１５号", "黔南府复决字(2021)15号");
        key(" (2021) 黔27 行初 15号 ", "(2021)黔27行初15号");
        key("(2021)\u{3000}黔27行初15号", "(2021)黔27行初15号");
        key("", "");
    }

    #[test]
    fn equal_by_key_but_keep_text() {
        let a = CaseNo::new("都府复〔2021〕3号").unwrap();
        let b = CaseNo::new("都府复[2021] 3号").unwrap();
        assert_eq!(a, b);
        assert_eq!(b.text(), "都府复[2021] 3号");
        assert!(CaseNo::new("  ").is_none());
        assert!(CaseNo::new("（）").is_none());
    }

    #[track_caller]
    fn code(text: &str, expected: TypeCode) {
        assert_eq!(type_code(&CaseNo::new(text).unwrap()), expected, "{text}");
    }

    #[test]
    fn instance_from_type_code() {
        for (text, letters, instance) in [
            ("(2021)黔27行初15号", "行初", Instance::First),
            ("(2021)黔2701行赔初3号", "行赔初", Instance::First),
            ("(2021)黔27行终8号", "行终", Instance::Second),
            ("(2021)黔27行赔终2号", "行赔终", Instance::Second),
            ("(2021)黔行申101号", "行申", Instance::Retrial),
            ("(2021)黔27行再1号", "行再", Instance::Retrial),
            ("(2021)黔27行监1号", "行监", Instance::Retrial),
            ("(2021)黔27行抗1号", "行抗", Instance::Retrial),
            ("(2021)黔27行赔抗1号", "行赔抗", Instance::Retrial),
        ] {
            code(text, TypeCode::Instance(letters, instance));
        }
        code("(2021)黔2701行审复4号", TypeCode::NotAnInstance("行审复"));
        code("(2021)黔2701行审44号", TypeCode::NotAnInstance("行审"));
        code("〔2021〕黔27民初15号", TypeCode::Unknown);
    }
}
