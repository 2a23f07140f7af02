//! Whether an appearance in court counts as the agency head's (行政机关负责人出庭).
//!
//! Under the Supreme People's Court's 2020 provisions on heads of administrative agencies
//! appearing in court (《最高人民法院关于行政机关负责人出庭应诉若干问题的规定》), the head is the
//! agency's 正职 or 副职 leader, or another leader in charge of the matter (分管负责人);
//! staff, lawyers and heads of subordinate offices (科长, 所长, 队长 …) do not count.
//! An appearance cell may name who appeared (`局长出庭`, `委托律师出庭`): [`appearer`].

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

/// Who an appearance cell written `X出庭` says appeared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Appearer {
    /// Someone with the title X appeared for the agency (负责人出庭, 局长出庭, 分管副县长出庭).
    Head(String),
    /// A lawyer, an agent or staff appeared instead (委托律师出庭, 工作人员出庭): not the head.
    StandIn,
    /// Nobody for the agency's leadership (负责人未出庭).
    Nobody,
}

/// Whoever is written before 出庭 and is not a leader of the agency: the agency sent
/// someone to court, but the head did not appear.
const STAND_INS: &[&str] = &[
    "律师",
    "代理人",
    "工作人员",
    "法律顾问",
    "办事员",
    "科员",
    "职员",
    "干部",
    "法制员",
];

/// Reads an appearance cell of the form `X出庭` (also `X出庭应诉`, `X到庭`, `由X亲自出庭`);
/// `None` when the cell is not of that form or names no one.
#[must_use]
pub fn appearer(word: &str) -> Option<Appearer> {
    let who = ["出庭应诉", "出庭", "到庭"]
        .iter()
        .find_map(|suffix| word.strip_suffix(suffix))?;
    let who = who.strip_prefix('由').unwrap_or(who);
    let who = who.strip_suffix("亲自").unwrap_or(who);
    if who.is_empty() || who.starts_with(['未', '不', '没', '无']) {
        return None;
    }
    if ["未", "不", "没有", "没"]
        .iter()
        .any(|no| who.ends_with(no))
    {
        return Some(Appearer::Nobody);
    }
    if STAND_INS.iter().any(|s| who.contains(s)) {
        return Some(Appearer::StandIn);
    }
    Some(Appearer::Head(who.to_owned()))
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

    #[track_caller]
    #[allow(clippy::needless_pass_by_value)] // test cases read as values
    fn by(word: &str, expected: Option<Appearer>) {
        assert_eq!(appearer(word), expected, "{word}");
    }

    #[test]
    fn who_appeared() {
        let head = |title: &str| Some(Appearer::Head(title.to_owned()));
        by("负责人出庭", head("负责人"));
        by("局长出庭", head("局长"));
        by("副局长出庭", head("副局长"));
        by("分管副县长出庭", head("分管副县长"));
        by("局长出庭应诉", head("局长"));
        by("副县长到庭", head("副县长"));
        by("由副局长亲自出庭", head("副局长"));
        by("委托律师出庭", Some(Appearer::StandIn));
        by("律师出庭", Some(Appearer::StandIn));
        by("工作人员出庭", Some(Appearer::StandIn));
        by("委托代理人出庭", Some(Appearer::StandIn));
        by("负责人未出庭", Some(Appearer::Nobody));
        by("出庭", None);
        by("未出庭", None);
        by("不出庭", None);
        by("是", None);
        by("局长", None);
    }
}
