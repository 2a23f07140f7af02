//! The accepted spellings of each canonical outcome, per ledger kind and instance: the
//! words of the 2017 and 2023 laws, the long forms offices write, and SPEC §2.4's lists.

use super::Outcome;

/// Canonical outcome and its accepted spellings (canonical name first), per SPEC §2.4.
///
/// Spellings are compared by [`super::spelling_key`], so one written with punctuation also
/// stands for the one without (`驳回上诉，维持原判` for `驳回上诉维持原判`).
pub(super) type Spellings = (Outcome, &'static [&'static str]);

/// 行政复议: SPEC §2.4 and the wording of the 2017 and 2023 行政复议法 and its 实施条例.
#[rustfmt::skip]
pub(super) const RECONSIDERATION: &[Spellings] = &[
    (Outcome::Upheld, &[
        "维持", "维持原行政行为", "维持该行政行为", "维持原具体行政行为", "维持具体行政行为",
        "维持决定", "决定维持", "决定维持该行政行为", "维持原决定",
    ]),
    (Outcome::RequestRejected, &[
        "驳回请求", "驳回", "驳回行政复议请求", "驳回复议请求", "驳回申请人的行政复议请求",
        "驳回申请人行政复议请求", "决定驳回申请人的行政复议请求",
    ]),
    (Outcome::ApplicationRejected, &[
        "驳回申请", "驳回行政复议申请", "驳回复议申请", "决定驳回申请", "决定驳回行政复议申请",
    ]),
    (Outcome::NotAccepted, &["不予受理", "不予受理决定", "决定不予受理", "不予受理行政复议申请"]),
    (Outcome::Revoked, &[
        "撤销", "部分撤销", "撤销并责令重作", "撤销原行政行为", "撤销该行政行为",
        "撤销原具体行政行为", "撤销具体行政行为", "责令重作", "撤销并责令重新作出",
        "撤销并责令重新作出行政行为", "撤销决定", "决定撤销", "决定撤销该行政行为",
        "部分撤销该行政行为", "撤销原决定",
    ]),
    (Outcome::Varied, &[
        "变更", "变更原行政行为", "变更该行政行为", "变更决定", "决定变更", "决定变更该行政行为",
    ]),
    (Outcome::DeclaredUnlawful, &[
        "确认违法", "确认违法并责令补救", "确认该行政行为违法", "确认原行政行为违法",
        "确认违法决定", "确认具体行政行为违法",
    ]),
    (Outcome::DeclaredVoid, &["确认无效", "确认该行政行为无效", "确认原行政行为无效"]),
    (Outcome::OrderedToPerform, &[
        "责令履行", "责令履职", "责令履行法定职责", "责令被申请人履行法定职责", "责令限期履行",
        "决定被申请人在一定期限内履行",
    ]),
    (Outcome::Mediated, &["调解", "调解结案", "达成调解", "调解成功"]),
    (Outcome::Settled, &["和解", "和解撤回", "达成和解", "和解结案", "和解后撤回", "和解后撤回申请"]),
    (Outcome::Terminated, &[
        "终止", "撤回申请", "终止审理", "申请人撤回申请", "撤回复议申请",
        "申请人撤回行政复议申请", "撤回行政复议申请", "终止行政复议", "终止复议",
        "行政复议终止", "决定终止行政复议",
    ]),
    (Outcome::TerminatedAfterCorrection, &[
        "改正后终止", "被申请人改正后撤回", "被申请人改变原行政行为后撤回", "自行纠正后终止",
        "改正后撤回",
    ]),
    (Outcome::Other, &["其他"]),
];

/// 行政诉讼 一审: SPEC §2.4 and the wording of the 行政诉讼法's judgments and rulings.
#[rustfmt::skip]
pub(super) const FIRST_INSTANCE: &[Spellings] = &[
    (Outcome::ClaimRejected, &[
        "驳回诉讼请求", "判决驳回诉讼请求", "驳回原告诉讼请求", "驳回原告的诉讼请求",
        "判决驳回原告诉讼请求", "判决驳回原告的诉讼请求", "驳回原告全部诉讼请求",
        "驳回原告的全部诉讼请求", "判决驳回原告全部诉讼请求", "判决驳回原告的全部诉讼请求",
    ]),
    (Outcome::Revoked, &[
        "撤销", "部分撤销", "判决撤销", "判决部分撤销", "撤销被诉行政行为",
        "判决撤销被诉行政行为", "撤销并责令重作", "撤销并责令重新作出行政行为",
        "判决撤销并责令重作", "撤销并责令重新作出", "判决撤销并责令重新作出",
        "判决撤销并责令重新作出行政行为", "判决撤销并责令被告重新作出行政行为",
        "撤销并责令被告重新作出行政行为",
    ]),
    (Outcome::Varied, &["变更", "判决变更"]),
    (Outcome::DeclaredUnlawful, &[
        "确认违法", "判决确认违法", "确认被诉行政行为违法", "判决确认被诉行政行为违法",
        "确认违法但不撤销", "判决确认违法但不撤销",
    ]),
    (Outcome::DeclaredVoid, &["确认无效", "判决确认无效", "确认被诉行政行为无效"]),
    (Outcome::OrderedToPerform, &[
        "责令履行", "履行", "履行法定职责", "判决履行", "判决履行法定职责", "责令履行法定职责",
        "责令履职",
    ]),
    (Outcome::OrderedToPay, &["给付", "判决给付", "履行给付义务", "判决履行给付义务"]),
    (Outcome::Compensation, &["赔偿", "判决赔偿", "行政赔偿"]),
    (Outcome::Mediated, &["调解", "调解结案", "达成调解", "调解书", "达成调解协议"]),
    (Outcome::Withdrawn, &[
        "撤诉", "准许撤诉", "按撤诉处理", "裁定准许撤诉", "裁定按撤诉处理", "原告撤诉",
        "撤回起诉", "原告撤回起诉", "准予撤诉", "裁定准予撤诉", "准许原告撤诉",
        "裁定准许原告撤诉", "准予原告撤诉", "裁定准予原告撤诉", "准许原告撤回起诉",
        "裁定准许原告撤回起诉", "按原告撤诉处理", "裁定按原告撤诉处理",
    ]),
    (Outcome::SuitDismissed, &[
        "驳回起诉", "裁定驳回起诉", "驳回原告起诉", "驳回原告的起诉", "裁定驳回原告起诉",
        "裁定驳回原告的起诉",
    ]),
    (Outcome::Concluded, &["终结", "终结诉讼", "裁定终结诉讼"]),
    (Outcome::Transferred, &["移送", "移送管辖", "裁定移送"]),
    (Outcome::Other, &["其他"]),
];

/// 行政诉讼 二审 and 再审: what only an appeal or a retrial ends with. Such a case may
/// also end like a first instance (撤诉, 调解, 其他), so [`FIRST_INSTANCE`] applies too.
#[rustfmt::skip]
pub(super) const APPELLATE: &[Spellings] = &[
    (Outcome::JudgmentUpheld, &[
        "维持原判", "驳回上诉，维持原判", "驳回上诉", "维持", "判决驳回上诉", "维持原判决",
        "维持原裁定", "驳回上诉，维持原判决", "驳回上诉，维持原裁定", "判决驳回上诉，维持原判",
        "裁定驳回上诉，维持原裁定", "驳回上诉，维持一审判决", "维持一审判决",
    ]),
    (Outcome::JudgmentAmended, &["改判", "依法改判", "判决改判", "撤销原判，依法改判"]),
    (Outcome::Remanded, &[
        "发回重审", "撤销原判发回重审", "裁定发回重审", "裁定撤销原判，发回重审",
        "撤销一审判决，发回重审",
    ]),
    (Outcome::AppealWithdrawn, &[
        "撤回上诉", "准许撤回上诉", "裁定准许撤回上诉", "上诉人撤回上诉", "按撤回上诉处理",
        "准予撤回上诉", "裁定准予撤回上诉", "准许上诉人撤回上诉", "裁定准许上诉人撤回上诉",
        "按上诉人撤回上诉处理", "按自动撤回上诉处理",
    ]),
    (Outcome::RetrialRefused, &[
        "驳回再审申请", "裁定驳回再审申请", "驳回再审申请人的再审申请",
        "裁定驳回再审申请人的再审申请",
    ]),
    (Outcome::RetrialOrdered, &["指令再审", "裁定指令再审"]),
    (Outcome::RetriedAbove, &["提审", "裁定提审"]),
];

/// The words of each canonical outcome, and their documented synonyms, that a
/// suggestion may go by: an unknown spelling is suggested an outcome only when it holds
/// one of them (`…` stands for anything in between). The longest match wins; on a tie,
/// the earlier entry (so 和解…撤回 is 和解, and 撤回 alone is 终止).
pub(super) type Words = (Outcome, &'static [&'static str]);

/// A reconsideration's outcome words and synonyms.
#[rustfmt::skip]
pub(super) const RECONSIDERATION_WORDS: &[Words] = &[
    (Outcome::Settled, &["和解", "和解…撤回"]),
    (Outcome::TerminatedAfterCorrection, &[
        "改正后终止", "改正…撤回", "纠正…撤回", "改变…撤回", "改正…终止", "纠正…终止",
    ]),
    (Outcome::NotAccepted, &["不予受理", "告知…申请", "转送"]),
    (Outcome::ApplicationRejected, &["驳回…申请"]),
    (Outcome::RequestRejected, &["驳回…请求", "驳回…申请人…请求", "驳回"]),
    (Outcome::Upheld, &["维持"]),
    (Outcome::Revoked, &["撤销", "责令重作", "重新作出"]),
    (Outcome::Varied, &["变更"]),
    (Outcome::DeclaredUnlawful, &["确认…违法"]),
    (Outcome::DeclaredVoid, &["确认…无效"]),
    (Outcome::OrderedToPerform, &["履行", "履职", "责令…答复"]),
    (Outcome::Mediated, &["调解"]),
    (Outcome::Terminated, &["终止", "撤回"]),
];

/// A lawsuit's outcome words and synonyms, appellate ones first (驳回上诉 before
/// 驳回…请求); only those of outcomes the instance accepts are suggested.
#[rustfmt::skip]
pub(super) const LITIGATION_WORDS: &[Words] = &[
    (Outcome::AppealWithdrawn, &["撤回上诉"]),
    (Outcome::JudgmentUpheld, &["维持", "驳回上诉"]),
    (Outcome::JudgmentAmended, &["改判", "撤销…改判"]),
    (Outcome::Remanded, &["发回重审", "发回"]),
    (Outcome::RetrialRefused, &["驳回…再审"]),
    (Outcome::RetrialOrdered, &["指令…再审"]),
    (Outcome::RetriedAbove, &["提审"]),
    (Outcome::ClaimRejected, &["驳回…诉讼请求", "驳回…请求"]),
    (Outcome::SuitDismissed, &["驳回…起诉"]),
    (Outcome::Withdrawn, &["撤诉", "撤回起诉"]),
    (Outcome::Revoked, &["撤销", "重新作出"]),
    (Outcome::Varied, &["变更"]),
    (Outcome::DeclaredUnlawful, &["确认…违法"]),
    (Outcome::DeclaredVoid, &["确认…无效"]),
    (Outcome::OrderedToPay, &["给付"]),
    (Outcome::OrderedToPerform, &["履行", "履职"]),
    (Outcome::Compensation, &["赔偿"]),
    (Outcome::Mediated, &["调解"]),
    (Outcome::Concluded, &["终结"]),
    (Outcome::Transferred, &["移送"]),
];

/// Words meaning the case is not decided yet: a spelling holding one is never suggested
/// an outcome (the cell should be left empty).
pub(super) const NOT_DECIDED: &[&str] = &[
    "审理中",
    "在审",
    "尚未",
    "未判",
    "待判",
    "未结",
    "未审结",
    "未办结",
    "待定",
    "未开庭",
    "正在",
    "办理中",
    "未决",
];
