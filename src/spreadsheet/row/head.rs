//! The appearing head of one row, where a single column (出庭人员及职务) holds the name
//! and the title after it: `杨某（副县长）`, `杨某(副县长)`, `杨某 副县长`.

use super::RowReader;
use crate::spreadsheet::columns::Field;

/// The head's name and title: from their own columns, or split from a column holding
/// both; a title column beside it wins over the title split off the name.
pub(super) fn read(r: &RowReader) -> (Option<String>, Option<String>) {
    let name = r.text(Field::HeadName);
    let title = r.text(Field::HeadTitle);
    if !r.file.name_with_title {
        return (name, title);
    }
    let Some(text) = name else {
        return (None, title);
    };
    let (name, split_title) = split(&text);
    (Some(name), title.or(split_title))
}

/// `杨某（副县长）` → (杨某, 副县长); `杨某 副县长` → (杨某, 副县长); `杨某` → (杨某, None).
fn split(text: &str) -> (String, Option<String>) {
    let text = text.trim();
    for (open, close) in [('(', ')'), ('（', '）')] {
        if let Some(inner) = text.strip_suffix(close)
            && let Some(start) = inner.find(open)
        {
            let name = inner[..start].trim();
            let title = inner[start + open.len_utf8()..].trim();
            if !name.is_empty() && !title.is_empty() {
                return (name.to_owned(), Some(title.to_owned()));
            }
        }
    }
    match text.split_once(char::is_whitespace) {
        Some((name, title)) if !title.trim().is_empty() => {
            (name.to_owned(), Some(title.trim().to_owned()))
        }
        _ => (text.to_owned(), None),
    }
}

#[cfg(test)]
mod tests {
    use super::split;

    #[track_caller]
    fn case(text: &str, name: &str, title: Option<&str>) {
        assert_eq!(
            split(text),
            (name.to_owned(), title.map(str::to_owned)),
            "{text}"
        );
    }

    #[test]
    fn name_then_title() {
        case("杨某（副县长）", "杨某", Some("副县长"));
        case("杨某(副县长)", "杨某", Some("副县长"));
        case("杨某 副县长", "杨某", Some("副县长"));
        case("杨某\u{3000}局长", "杨某", Some("局长"));
        case("杨某", "杨某", None);
        case("（副县长）", "（副县长）", None);
    }
}
