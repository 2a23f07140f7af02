//! Canonical outcomes (结案方式 / 裁判结果) and the spellings offices use for them.
//!
//! Each ledger kind accepts its own list (SPEC §2.4). Rates never look at spellings,
//! only at the canonical [`Outcome`] and the 口径's outcome sets.

use std::fmt;

use super::Kind;

/// How a case was closed, after mapping the office's spelling to the canonical name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Outcome {
    /// 维持
    Upheld,
    /// 驳回请求 (reconsideration)
    RequestRejected,
    /// 驳回申请 (reconsideration)
    ApplicationRejected,
    /// 不予受理 (reconsideration)
    NotAccepted,
    /// 撤销
    Revoked,
    /// 变更
    Varied,
    /// 确认违法
    DeclaredUnlawful,
    /// 确认无效
    DeclaredVoid,
    /// 责令履行
    OrderedToPerform,
    /// 调解
    Mediated,
    /// 和解 (reconsideration)
    Settled,
    /// 终止 (reconsideration)
    Terminated,
    /// 驳回诉讼请求 (litigation)
    ClaimRejected,
    /// 给付 (litigation)
    OrderedToPay,
    /// 赔偿 (litigation)
    Compensation,
    /// 撤诉 (litigation)
    Withdrawn,
    /// 驳回起诉 (litigation)
    SuitDismissed,
    /// 终结 (litigation)
    Concluded,
    /// 移送 (litigation)
    Transferred,
    /// 其他
    Other,
}

/// Canonical outcome and its accepted spellings (canonical name first), per SPEC §2.4.
type Spellings = (Outcome, &'static [&'static str]);

const RECONSIDERATION: &[Spellings] = &[
    (Outcome::Upheld, &["维持"]),
    (
        Outcome::RequestRejected,
        &["驳回请求", "驳回", "驳回行政复议请求"],
    ),
    (
        Outcome::ApplicationRejected,
        &["驳回申请", "驳回行政复议申请"],
    ),
    (Outcome::NotAccepted, &["不予受理"]),
    (Outcome::Revoked, &["撤销", "部分撤销", "撤销并责令重作"]),
    (Outcome::Varied, &["变更"]),
    (Outcome::DeclaredUnlawful, &["确认违法"]),
    (Outcome::DeclaredVoid, &["确认无效"]),
    (Outcome::OrderedToPerform, &["责令履行", "责令履职"]),
    (Outcome::Mediated, &["调解", "调解结案"]),
    (Outcome::Settled, &["和解", "和解撤回"]),
    (Outcome::Terminated, &["终止", "撤回申请", "终止审理"]),
    (Outcome::Other, &["其他"]),
];

const LITIGATION: &[Spellings] = &[
    (
        Outcome::ClaimRejected,
        &["驳回诉讼请求", "判决驳回诉讼请求"],
    ),
    (Outcome::Revoked, &["撤销", "部分撤销", "判决撤销"]),
    (Outcome::Varied, &["变更"]),
    (Outcome::DeclaredUnlawful, &["确认违法"]),
    (Outcome::DeclaredVoid, &["确认无效"]),
    (
        Outcome::OrderedToPerform,
        &["责令履行", "履行", "履行法定职责"],
    ),
    (Outcome::OrderedToPay, &["给付"]),
    (Outcome::Compensation, &["赔偿"]),
    (Outcome::Mediated, &["调解"]),
    (Outcome::Withdrawn, &["撤诉", "准许撤诉", "按撤诉处理"]),
    (Outcome::SuitDismissed, &["驳回起诉", "裁定驳回起诉"]),
    (Outcome::Concluded, &["终结"]),
    (Outcome::Transferred, &["移送"]),
    (Outcome::Other, &["其他"]),
];

impl Outcome {
    /// The canonical 中文 name, as stored in the ledger and shown in reports.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Outcome::Upheld => "维持",
            Outcome::RequestRejected => "驳回请求",
            Outcome::ApplicationRejected => "驳回申请",
            Outcome::NotAccepted => "不予受理",
            Outcome::Revoked => "撤销",
            Outcome::Varied => "变更",
            Outcome::DeclaredUnlawful => "确认违法",
            Outcome::DeclaredVoid => "确认无效",
            Outcome::OrderedToPerform => "责令履行",
            Outcome::Mediated => "调解",
            Outcome::Settled => "和解",
            Outcome::Terminated => "终止",
            Outcome::ClaimRejected => "驳回诉讼请求",
            Outcome::OrderedToPay => "给付",
            Outcome::Compensation => "赔偿",
            Outcome::Withdrawn => "撤诉",
            Outcome::SuitDismissed => "驳回起诉",
            Outcome::Concluded => "终结",
            Outcome::Transferred => "移送",
            Outcome::Other => "其他",
        }
    }

    /// Maps an office's spelling to the canonical outcome for that ledger kind.
    ///
    /// The text must already be a normalised cell; inner whitespace is ignored.
    #[must_use]
    pub fn parse(kind: Kind, text: &str) -> Option<Outcome> {
        let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        spellings(kind)
            .iter()
            .find(|(_, names)| names.contains(&compact.as_str()))
            .map(|(outcome, _)| *outcome)
    }

    /// Reads a canonical name back (from the ledger or a 口径 setting), for any kind.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Outcome> {
        Kind::ALL
            .iter()
            .flat_map(|kind| spellings(*kind))
            .map(|(outcome, _)| *outcome)
            .find(|outcome| outcome.name() == name)
    }

    /// The canonical outcomes a ledger kind accepts, for error messages and help.
    pub fn accepted(kind: Kind) -> impl Iterator<Item = Outcome> {
        spellings(kind).iter().map(|(outcome, _)| *outcome)
    }
}

fn spellings(kind: Kind) -> &'static [Spellings] {
    match kind {
        Kind::Reconsideration => RECONSIDERATION,
        Kind::Litigation => LITIGATION,
    }
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(kind: Kind, text: &str, expected: Option<Outcome>) {
        assert_eq!(Outcome::parse(kind, text), expected, "{kind} {text}");
    }

    #[test]
    fn reconsideration_spellings() {
        let r = Kind::Reconsideration;
        case(r, "维持", Some(Outcome::Upheld));
        case(r, "驳回", Some(Outcome::RequestRejected));
        case(r, "驳回行政复议请求", Some(Outcome::RequestRejected));
        case(r, "驳回行政复议申请", Some(Outcome::ApplicationRejected));
        case(r, "不予受理", Some(Outcome::NotAccepted));
        case(r, "部分撤销", Some(Outcome::Revoked));
        case(r, "撤销并责令重作", Some(Outcome::Revoked));
        case(r, "责令履职", Some(Outcome::OrderedToPerform));
        case(r, "调解结案", Some(Outcome::Mediated));
        case(r, "和解撤回", Some(Outcome::Settled));
        case(r, "撤回申请", Some(Outcome::Terminated));
        case(r, "终止审理", Some(Outcome::Terminated));
        case(r, "确认 违法", Some(Outcome::DeclaredUnlawful));
        case(r, "其他", Some(Outcome::Other));
        case(r, "驳回诉讼请求", None);
        case(r, "撤诉", None);
        case(r, "", None);
    }

    #[test]
    fn litigation_spellings() {
        let l = Kind::Litigation;
        case(l, "判决驳回诉讼请求", Some(Outcome::ClaimRejected));
        case(l, "判决撤销", Some(Outcome::Revoked));
        case(l, "履行法定职责", Some(Outcome::OrderedToPerform));
        case(l, "履行", Some(Outcome::OrderedToPerform));
        case(l, "给付", Some(Outcome::OrderedToPay));
        case(l, "赔偿", Some(Outcome::Compensation));
        case(l, "准许撤诉", Some(Outcome::Withdrawn));
        case(l, "按撤诉处理", Some(Outcome::Withdrawn));
        case(l, "裁定驳回起诉", Some(Outcome::SuitDismissed));
        case(l, "终结", Some(Outcome::Concluded));
        case(l, "移送", Some(Outcome::Transferred));
        // 驳回 alone is ambiguous in a lawsuit (驳回诉讼请求 or 驳回起诉).
        case(l, "驳回", None);
        case(l, "维持", None);
        case(l, "不予受理", None);
    }

    #[test]
    fn canonical_names_round_trip() {
        for kind in Kind::ALL {
            for outcome in Outcome::accepted(kind) {
                assert_eq!(Outcome::from_name(outcome.name()), Some(outcome));
                assert_eq!(Outcome::parse(kind, outcome.name()), Some(outcome));
            }
        }
    }
}
