//! Which ledger a file or case belongs to, and the court instance of a lawsuit.

use std::fmt;
use std::str::FromStr;

use super::Unknown;

/// The ledgers a bureau keeps: the two 案件台账 the rates count, and the two it follows
/// the rest of its mechanism with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// 复议台账: one row per 行政复议 case.
    Reconsideration,
    /// 应诉台账: one row per 行政诉讼 case with an agency as defendant.
    Litigation,
    /// 整改台账: one row per 意见书 or 建议书 an agency must reply to and act on.
    Rectification,
    /// 诉前台账: one row per major dispute handled before it becomes a lawsuit.
    Dispute,
}

impl Kind {
    pub const ALL: [Kind; 4] = [
        Kind::Reconsideration,
        Kind::Litigation,
        Kind::Rectification,
        Kind::Dispute,
    ];

    /// The two ledgers of cases, whose outcomes the rates count.
    pub const CASES: [Kind; 2] = [Kind::Reconsideration, Kind::Litigation];

    /// Whether rows of this kind are cases with outcomes (counted by the 三率), not
    /// documents or disputes.
    #[must_use]
    pub fn is_case(self) -> bool {
        matches!(self, Kind::Reconsideration | Kind::Litigation)
    }

    /// The stable English key used on the command line, in JSON and in the ledger.
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Kind::Reconsideration => "reconsideration",
            Kind::Litigation => "litigation",
            Kind::Rectification => "rectification",
            Kind::Dispute => "dispute",
        }
    }

    /// The name clerks use for the spreadsheet.
    #[must_use]
    pub fn label_zh(self) -> &'static str {
        match self {
            Kind::Reconsideration => "复议台账",
            Kind::Litigation => "应诉台账",
            Kind::Rectification => "整改台账",
            Kind::Dispute => "诉前台账",
        }
    }
}

impl Kind {
    /// The ledger in one word, for a listing's column: 复议, 应诉, 整改 or 诉前.
    #[must_use]
    pub fn short_zh(self) -> &'static str {
        match self {
            Kind::Reconsideration => "复议",
            Kind::Litigation => "应诉",
            Kind::Rectification => "整改",
            Kind::Dispute => "诉前",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

impl FromStr for Kind {
    type Err = Unknown;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim() {
            "reconsideration" | "复议" | "复议台账" => Ok(Kind::Reconsideration),
            "litigation" | "诉讼" | "应诉" | "应诉台账" => Ok(Kind::Litigation),
            "rectification" | "整改" | "整改台账" => Ok(Kind::Rectification),
            "dispute" | "诉前" | "诉前台账" | "诉前化解" => Ok(Kind::Dispute),
            other => Err(Unknown::new(
                "a ledger kind",
                other,
                "reconsideration, litigation, rectification or dispute",
            )),
        }
    }
}

/// The court instance (审级) of a lawsuit; only first-instance cases count toward the rates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Instance {
    /// 一审
    First,
    /// 二审
    Second,
    /// 再审 (including applications for retrial and procuratorial protests)
    Retrial,
}

impl Instance {
    /// The stable English key stored in the ledger.
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Instance::First => "first",
            Instance::Second => "second",
            Instance::Retrial => "retrial",
        }
    }

    #[must_use]
    pub fn label_zh(self) -> &'static str {
        match self {
            Instance::First => "一审",
            Instance::Second => "二审",
            Instance::Retrial => "再审",
        }
    }

    /// Reads a 审级 cell as offices write it; `None` if it names no instance.
    #[must_use]
    pub fn from_cell(text: &str) -> Option<Instance> {
        match text {
            "一审" | "第一审" | "一审程序" | "初审" | "first" => Some(Instance::First),
            "二审" | "第二审" | "二审程序" | "终审" | "second" => Some(Instance::Second),
            "再审" | "再审程序" | "审判监督" | "审判监督程序" | "申请再审" | "retrial" => {
                Some(Instance::Retrial)
            }
            _ => None,
        }
    }

    /// Inverse of [`Instance::key`].
    #[must_use]
    pub fn from_key(key: &str) -> Option<Instance> {
        [Instance::First, Instance::Second, Instance::Retrial]
            .into_iter()
            .find(|i| i.key() == key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(cell: &str, expected: Option<Instance>) {
        assert_eq!(Instance::from_cell(cell), expected, "{cell}");
    }

    #[test]
    fn instance_cells() {
        case("一审", Some(Instance::First));
        case("第一审", Some(Instance::First));
        case("二审", Some(Instance::Second));
        case("再审", Some(Instance::Retrial));
        case("审判监督程序", Some(Instance::Retrial));
        case("三审", None);
        case("", None);
    }

    #[test]
    fn kind_keys_round_trip() {
        for kind in Kind::ALL {
            assert_eq!(kind.key().parse::<Kind>(), Ok(kind));
        }
        assert!("复议".parse::<Kind>().is_ok());
        assert!("other".parse::<Kind>().is_err());
    }
}
