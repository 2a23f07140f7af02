//! Whether an appearance in court counts as the agency head's (行政机关负责人出庭).
//!
//! Under the Supreme People's Court's 2020 provisions on heads of administrative agencies
//! appearing in court (《最高人民法院关于行政机关负责人出庭应诉若干问题的规定》), the head is the
//! agency's 正职 or 副职 leader, or another leader in charge of the matter (分管负责人);
//! staff, lawyers and heads of subordinate offices (科长, 所长, 队长 …) do not count.

/// What a title says about an appearance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Qualification {
    /// A 正职, 副职 or 分管 leader of the agency.
    Qualifies,
    /// Staff, a lawyer, or the head of a subordinate office.
    DoesNotQualify,
    /// No title, or one that says neither.
    Unknown,
}

/// Titles of people who are not the agency's leaders, checked first: 主任科员 is a
/// civil-service rank, 派出所所长 heads a subordinate office.
const NOT_LEADERS: &[&str] = &[
    "工作人员",
    "科员",
    "办事员",
    "职员",
    "干部",
    "律师",
    "法律顾问",
    "代理人",
    "法制员",
    "科长",
    "股长",
    "所长",
    "队长",
    "站长",
    "处长",
    "组长",
    "主任科员",
    "专员",
];

/// Endings of the titles of an agency's 正职 and 副职 leaders.
const LEADERS: &[&str] = &[
    "省长",
    "州长",
    "市长",
    "县长",
    "区长",
    "旗长",
    "乡长",
    "镇长",
    "主席",
    "厅长",
    "局长",
    "主任",
    "负责人",
    "委员会主任",
    "院长",
    "署长",
    "行长",
    "社长",
];

/// Classifies a (normalised) 出庭负责人职务.
#[must_use]
pub fn qualification(title: Option<&str>) -> Qualification {
    let Some(title) = title.map(str::trim).filter(|t| !t.is_empty()) else {
        return Qualification::Unknown;
    };
    if NOT_LEADERS.iter().any(|t| title.contains(t)) {
        Qualification::DoesNotQualify
    } else if title.contains("分管") || LEADERS.iter().any(|t| title.ends_with(t)) {
        Qualification::Qualifies
    } else {
        Qualification::Unknown
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(title: &str, expected: Qualification) {
        assert_eq!(qualification(Some(title)), expected, "{title}");
    }

    #[test]
    fn titles() {
        use Qualification::{DoesNotQualify, Qualifies, Unknown};
        for leader in [
            "县长",
            "副县长",
            "副市长",
            "局长",
            "副局长",
            "常务副县长",
            "主任",
            "分管副局长",
            "州人民政府副州长",
            "负责人",
        ] {
            case(leader, Qualifies);
        }
        for other in [
            "工作人员",
            "科员",
            "律师",
            "法制科科长",
            "派出所所长",
            "交警大队长",
            "主任科员",
            "法律顾问",
            "副科长",
        ] {
            case(other, DoesNotQualify);
        }
        case("秘书", Unknown);
        assert_eq!(qualification(None), Unknown);
        assert_eq!(qualification(Some("  ")), Unknown);
    }
}
