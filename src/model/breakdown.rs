//! What a report's rows can break the figures down by: unit, 案由, 被申请人, 被告 or 法院,
//! and the one spelling of a name under which a case is counted.
//!
//! Names are compared after [`name_key`], so that one agency typed three ways is one row.
//! No IO here: the ledger stores these names beside each case, the report groups by them.

use super::{Case, Facts, Kind};

/// The row of the cases that have no name under the key.
pub const UNFILLED: &str = "（未填）";

/// A key to break a report down by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Breakdown {
    /// The county-level unit, mapped through the unit registry.
    #[default]
    Unit,
    /// 案由, of both kinds of case.
    Matter,
    /// 被申请人, of reconsideration cases only.
    Respondent,
    /// 被告, of lawsuits only.
    Defendant,
    /// 法院, of lawsuits only.
    Court,
}

impl Breakdown {
    /// The keys whose names the ledger keeps beside each case (the unit is kept anyway).
    pub const STORED: [Breakdown; 4] = [
        Breakdown::Matter,
        Breakdown::Respondent,
        Breakdown::Defendant,
        Breakdown::Court,
    ];

    /// The key as on the command line and in each JSON row (`{"matter": "行政处罚", …}`).
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Breakdown::Unit => "unit",
            Breakdown::Matter => "matter",
            Breakdown::Respondent => "respondent",
            Breakdown::Defendant => "defendant",
            Breakdown::Court => "court",
        }
    }

    /// The column heading in 中文.
    #[must_use]
    pub fn label_zh(self) -> &'static str {
        match self {
            Breakdown::Unit => "单位",
            Breakdown::Matter => "案由",
            Breakdown::Respondent => "被申请人",
            Breakdown::Defendant => "被告",
            Breakdown::Court => "法院",
        }
    }

    /// The column heading in English.
    #[must_use]
    pub fn label_en(self) -> &'static str {
        match self {
            Breakdown::Unit => "Unit",
            Breakdown::Matter => "Matter",
            Breakdown::Respondent => "Respondent",
            Breakdown::Defendant => "Defendant",
            Breakdown::Court => "Court",
        }
    }

    /// The title of the breakdown's sheet or section: 分县 for units, as bureaus say it.
    #[must_use]
    pub fn title_zh(self) -> String {
        match self {
            Breakdown::Unit => "分县".to_owned(),
            other => format!("分{}", other.label_zh()),
        }
    }

    /// Whether cases of `kind` have a name under this key: a lawsuit has no 被申请人 and
    /// a reconsideration case no 被告 or 法院, so they are in no row of that breakdown.
    #[must_use]
    pub fn applies_to(self, kind: Kind) -> bool {
        match self {
            Breakdown::Unit | Breakdown::Matter => true,
            Breakdown::Respondent => kind == Kind::Reconsideration,
            Breakdown::Defendant | Breakdown::Court => kind == Kind::Litigation,
        }
    }

    /// The case's name under this key, as [`name_key`] spells it; `None` when the case
    /// has none (it goes in the [`UNFILLED`] row) or the key does not apply to it. The
    /// unit is returned as stored: the registry maps it.
    #[must_use]
    pub fn name_of(self, case: &Case) -> Option<String> {
        let text = match (self, &case.facts) {
            (Breakdown::Unit, _) => return Some(case.unit.clone()),
            (Breakdown::Matter, _) => case.matter.as_deref(),
            (Breakdown::Respondent, Facts::Reconsideration { respondent, .. }) => {
                respondent.as_deref()
            }
            (Breakdown::Defendant, Facts::Litigation { defendant, .. }) => defendant.as_deref(),
            (Breakdown::Court, Facts::Litigation { court, .. }) => court.as_deref(),
            _ => None,
        };
        text.and_then(name_key)
    }
}

/// The spelling a name is grouped under: full-width letters, digits and punctuation as
/// half-width, every space (the ideographic one too) removed; `None` when nothing is
/// left. Clerks type 县公安局, 县 公安局 and 县公安局（交警） for the same agencies.
#[must_use]
pub fn name_key(text: &str) -> Option<String> {
    let key: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            other => other,
        })
        .collect();
    (!key.is_empty()).then_some(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(text: &str, expected: Option<&str>) {
        assert_eq!(name_key(text).as_deref(), expected, "{text:?}");
    }

    #[test]
    fn names_are_grouped_by_one_spelling() {
        case("都匀市公安局", Some("都匀市公安局"));
        case(" 都匀市 公安局\t", Some("都匀市公安局"));
        case("\u{3000}都匀市公安局\u{3000}", Some("都匀市公安局"));
        case("都匀市公安局（交警大队）", Some("都匀市公安局(交警大队)"));
        case("ＡＢＣ１２３", Some("ABC123"));
        case("", None);
        case(" \u{3000} ", None);
    }

    #[test]
    fn keys_apply_to_their_kind() {
        assert!(Breakdown::Matter.applies_to(Kind::Litigation));
        assert!(Breakdown::Respondent.applies_to(Kind::Reconsideration));
        assert!(!Breakdown::Respondent.applies_to(Kind::Litigation));
        assert!(!Breakdown::Court.applies_to(Kind::Reconsideration));
        assert_eq!(Breakdown::Unit.title_zh(), "分县");
        assert_eq!(Breakdown::Respondent.title_zh(), "分被申请人");
    }
}
