//! Yes/no cells as offices write them, with the appearance column's own words and a note
//! in brackets after the answer.

/// The boolean spellings accepted, for error messages.
pub const BOOLEAN_STYLES: &str = "是/否, 有/无, Y/N, yes/no, true/false, 1/0 or √/×, \
     optionally followed by a note in brackets: 是（正职）";

/// The spellings of an appearance column (负责人出庭), for error messages.
pub const APPEARANCE_STYLES: &str = "是/否, 出庭/未出庭, 到庭/未到庭, Y/N, yes/no, 1/0 or √/×, \
     optionally followed by a note in brackets: 是（正职）, 否（委托律师）";

/// Parses a normalised, non-empty yes/no cell; `None` if it is not one of
/// [`BOOLEAN_STYLES`] without a note.
#[must_use]
pub fn parse_bool(text: &str) -> Option<bool> {
    const YES: [&str; 9] = ["是", "有", "y", "yes", "true", "1", "√", "✓", "✔"];
    const NO: [&str; 10] = ["否", "无", "n", "no", "false", "0", "×", "✗", "✘", "x"];
    let is = |words: &[&str]| words.iter().any(|w| w.eq_ignore_ascii_case(text));
    if is(&YES) {
        Some(true)
    } else if is(&NO) {
        Some(false)
    } else {
        None
    }
}

/// A yes/no cell as read, with the note a clerk added in brackets (`是（正职）`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YesNo {
    pub value: bool,
    /// The text inside the brackets, trimmed; `None` when there were none or they were empty.
    pub note: Option<String>,
}

/// Parses a normalised, non-empty yes/no cell that may carry a note in brackets;
/// `None` if it is not one of [`BOOLEAN_STYLES`] (or [`APPEARANCE_STYLES`] for a column
/// that records whether someone appeared in court).
#[must_use]
pub fn parse_yes_no(text: &str, appearance: bool) -> Option<YesNo> {
    let (word, note) = split_note(text)?;
    let value = match parse_bool(word) {
        Some(value) => value,
        None if appearance => appeared(word)?,
        None => return None,
    };
    let note = note.filter(|n| !n.is_empty()).map(str::to_owned);
    Some(YesNo { value, note })
}

/// What an appearance column says besides yes and no.
fn appeared(word: &str) -> Option<bool> {
    match word {
        "已出庭" | "出庭" | "到庭" | "已到庭" => Some(true),
        "未出庭" | "不出庭" | "未到庭" => Some(false),
        _ => None,
    }
}

/// Splits `是（正职）` into `是` and `正职`; a cell without a closing bracket at its end
/// has no note. `None` when a closing bracket has no opening one of its kind.
#[must_use]
pub fn split_note(text: &str) -> Option<(&str, Option<&str>)> {
    let openers: &[char] = match text.chars().next_back()? {
        ')' | '）' => &['(', '（'],
        ']' | '］' | '】' => &['[', '［', '【'],
        _ => return Some((text, None)),
    };
    let close = text.len() - text.chars().next_back()?.len_utf8();
    let open = text[..close].rfind(openers)?;
    let opener_len = text[open..].chars().next()?.len_utf8();
    let note = text[open + opener_len..close].trim();
    Some((text[..open].trim_end(), Some(note)))
}
