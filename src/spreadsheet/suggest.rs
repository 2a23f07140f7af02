//! What a column no header rule knows most likely holds: a suggestion for the clerk's
//! `columns map` line, and the reading of one failed run, never a mapping on its own.
//!
//! Suggestions are conservative. A field is proposed only when the header holds one of
//! the words listed below for it and the column's values do not contradict it; a header
//! that shares no word with any column, over values that look like none, is proposed as
//! not read (`-`); anything else is `?`, for the clerk to decide.

use super::cell::{self, Cell};
use super::columns::{self, Field};
use crate::model::tracking::ValueType;
use crate::model::{Kind, Outcome, OutcomeReading};

/// What a column seems to hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Suggestion {
    /// This field.
    Field(Field),
    /// Nothing the ledger reads.
    NotRead,
    /// Cannot tell: the clerk decides.
    Unsure,
}

/// The words that point at a field, tried in order: every word of an entry must occur
/// in the header, and the first entry whose field the ledger has wins. Documented in
/// docs/FORMAT.md; a word enters here only with the field every office means by it.
const WORDS: &[(&[&str], Field)] = &[
    (&["出庭", "职务"], Field::HeadTitle),
    (&["出庭", "姓名"], Field::HeadName),
    (&["出庭", "人员"], Field::HeadName),
    (&["出庭"], Field::HeadAppeared),
    (&["开庭", "日期"], Field::HearingOn),
    // 审结方式 / 办结方式 name how a case ended, not when: before 审结 and 办结.
    (&["审结方式"], Field::Outcome),
    (&["办结方式"], Field::Outcome),
    (&["审结"], Field::ClosedOn),
    (&["办结"], Field::ClosedOn),
    (&["结案", "日期"], Field::ClosedOn),
    // 复议决定日期 is when the decision was made; 复议决定 alone is what it decided.
    (&["决定", "日期"], Field::ClosedOn),
    (&["复议决定"], Field::Outcome),
    (&["结果"], Field::Outcome),
    (&["结案方式"], Field::Outcome),
    (&["判决"], Field::Outcome),
    (&["裁判"], Field::Outcome),
    (&["单位"], Field::Unit),
    (&["县区"], Field::Unit),
    (&["区县"], Field::Unit),
    (&["立案"], Field::FiledOn),
    (&["立案"], Field::AcceptedOn),
    (&["受理", "日期"], Field::AcceptedOn),
    (&["受理", "日期"], Field::FiledOn),
    (&["收案"], Field::ReceivedOn),
    (&["收案"], Field::FiledOn),
    (&["纠错"], Field::Corrected),
    (&["败诉"], Field::Lost),
    (&["法院"], Field::Court),
    (&["被申请"], Field::Respondent),
    (&["被告"], Field::Defendant),
    (&["被诉"], Field::Defendant),
    (&["案由"], Field::Matter),
    (&["包案"], Field::Lead),
    (&["备注"], Field::Note),
];

/// Suggests what the column under `header` holds in a `kind` ledger, from its header's
/// words and a sample of its cells; `taken` says whether a field is already given by
/// another column (then it is not suggested again).
#[must_use]
pub fn suggest(
    kind: Kind,
    header: &str,
    values: &[&Cell],
    taken: &dyn Fn(Field) -> bool,
) -> Suggestion {
    // 时间 is 日期 here as everywhere a date is read.
    let key = columns::header_key(header).replace("时间", "日期");
    let profile = Profile::of(kind, values);
    let by_words = WORDS
        .iter()
        .find(|(words, field)| {
            words.iter().all(|w| key.contains(w)) && columns::header(kind, *field).is_some()
        })
        .map(|(_, field)| *field);
    if let Some(field) = by_words {
        return if taken(field) || !profile.fits(field) {
            Suggestion::Unsure
        } else {
            Suggestion::Field(field)
        };
    }
    if profile.mostly(profile.outcomes) && !taken(Field::Outcome) {
        return Suggestion::Field(Field::Outcome);
    }
    let looks_like_a_value = profile.mostly(profile.dates + profile.flags + profile.outcomes);
    if looks_like_a_value || columns::shares_a_word(kind, &key) {
        Suggestion::Unsure
    } else {
        Suggestion::NotRead
    }
}

/// How many of a column's sampled cells read as dates, yes/no or outcomes.
struct Profile {
    filled: usize,
    dates: usize,
    flags: usize,
    outcomes: usize,
}

impl Profile {
    fn of(kind: Kind, values: &[&Cell]) -> Profile {
        let mut profile = Profile {
            filled: 0,
            dates: 0,
            flags: 0,
            outcomes: 0,
        };
        for value in values.iter().filter(|c| !c.is_blank()) {
            profile.filled += 1;
            let text = value.text();
            match value {
                Cell::Date(_) | Cell::DateTime(_) => profile.dates += 1,
                Cell::Bool(_) => profile.flags += 1,
                Cell::Empty | Cell::Text(_) | Cell::Number(_) | Cell::Error(_) => {
                    if cell::parse_date(&text).is_some() {
                        profile.dates += 1;
                    } else if cell::parse_yes_no(&text, true).is_some() {
                        profile.flags += 1;
                    } else if matches!(
                        Outcome::read(kind, None, &text),
                        OutcomeReading::Known(_) | OutcomeReading::WrongInstance(_)
                    ) {
                        profile.outcomes += 1;
                    }
                }
            }
        }
        profile
    }

    /// Whether more than half of the filled cells are among `count`.
    fn mostly(&self, count: usize) -> bool {
        self.filled > 0 && count * 2 > self.filled
    }

    /// Whether the values do not contradict the field: a date field over cells that are
    /// mostly not dates, or any other field over cells that are mostly dates, does.
    fn fits(&self, field: Field) -> bool {
        if self.filled == 0 {
            return true;
        }
        match field.value_type() {
            ValueType::Date => self.mostly(self.dates),
            ValueType::Flag | ValueType::Text | ValueType::Time => !self.mostly(self.dates),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(kind: Kind, header: &str, values: &[&str], expected: Suggestion) {
        let cells: Vec<Cell> = values.iter().map(|v| Cell::Text((*v).to_owned())).collect();
        let cells: Vec<&Cell> = cells.iter().collect();
        assert_eq!(
            suggest(kind, header, &cells, &|_| false),
            expected,
            "{header} {values:?}"
        );
    }

    #[test]
    fn by_words_checked_against_values() {
        use Suggestion::{Field as F, NotRead, Unsure};
        let (r, l) = (Kind::Reconsideration, Kind::Litigation);
        case(r, "受理单位", &["都匀市", "惠水县"], F(Field::Unit));
        case(r, "办理单位", &[], F(Field::Unit));
        case(r, "办结时间", &["2021-03-05"], F(Field::ClosedOn));
        case(r, "审结情况", &["维持", "撤销"], Unsure);
        case(r, "处理结果情况", &["维持", "撤销"], F(Field::Outcome));
        case(l, "负责人到庭出庭", &["是", "否"], F(Field::HeadAppeared));
        case(l, "实际出庭人员", &["杨某"], F(Field::HeadName));
        case(l, "出庭领导职务", &["副县长"], F(Field::HeadTitle));
        case(l, "受理法院名称", &["黔南州中级人民法院"], F(Field::Court));
        case(r, "出庭", &["是"], Unsure);
        // Values alone: outcome words name the outcome; dates or yes/no say too little.
        case(r, "办案情况", &["维持", "驳回", "撤销"], F(Field::Outcome));
        case(r, "某某", &["2021-03-05", "2021-04-01"], Unsure);
        case(l, "某某", &["是", "否"], Unsure);
        // A header sharing no word with a column, over free text: not read.
        case(r, "联系地址", &["都匀市广惠路"], NotRead);
        case(r, "身份证号码", &["522701199001011234"], NotRead);
        // …but one that shares a word is the clerk's to decide.
        case(r, "申请人住址", &["都匀市"], Unsure);
    }

    #[test]
    fn a_field_already_given_is_not_suggested() {
        let cells = [Cell::Text("都匀市".to_owned())];
        let cells: Vec<&Cell> = cells.iter().collect();
        assert_eq!(
            suggest(Kind::Reconsideration, "受理单位", &cells, &|f| f
                == Field::Unit),
            Suggestion::Unsure
        );
    }
}
