//! Canonical outcomes (结案方式 / 裁判结果) and the spellings offices use for them.
//!
//! Each ledger kind accepts its own list, and a lawsuit's appeal or retrial its own too
//! (SPEC §2.4). Rates never look at spellings, only at the canonical [`Outcome`] and the
//! 口径's outcome sets. A user's own spellings live in [`super::OutcomeMap`]; nothing
//! here guesses: [`Outcome::closest`] only suggests.

use std::borrow::Cow;
use std::cmp::Reverse;
use std::fmt;
use std::iter;

use super::{Instance, Kind};

/// How a case was closed, after mapping the office's spelling to the canonical name.
///
/// The order of the variants orders outcome sets in the stored 口径: new variants go last.
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
    /// 改正后终止 (reconsideration): the respondent corrected its act and the
    /// application was withdrawn.
    TerminatedAfterCorrection,
    /// 维持原判 (litigation, 二审/再审)
    JudgmentUpheld,
    /// 改判 (litigation, 二审/再审)
    JudgmentAmended,
    /// 发回重审 (litigation, 二审/再审)
    Remanded,
    /// 撤回上诉 (litigation, 二审/再审)
    AppealWithdrawn,
    /// 驳回再审申请 (litigation, 再审)
    RetrialRefused,
    /// 指令再审 (litigation, 再审)
    RetrialOrdered,
    /// 提审 (litigation, 再审): a higher court retries the case itself.
    RetriedAbove,
}

/// What an outcome cell says, read for a ledger kind and court instance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutcomeReading {
    /// A spelling of this outcome, which the kind and instance accept.
    Known(Outcome),
    /// A spelling of an outcome of another instance: 维持原判 on a 一审 row.
    WrongInstance(Outcome),
    /// No built-in spelling.
    Unknown,
}

impl OutcomeReading {
    /// The outcome when it is [`OutcomeReading::Known`].
    #[must_use]
    pub fn known(self) -> Option<Outcome> {
        match self {
            OutcomeReading::Known(outcome) => Some(outcome),
            OutcomeReading::WrongInstance(_) | OutcomeReading::Unknown => None,
        }
    }
}

/// Canonical outcome and its accepted spellings (canonical name first), per SPEC §2.4.
///
/// Spellings are compared by [`spelling_key`], so one written with punctuation also
/// stands for the one without (`驳回上诉，维持原判` for `驳回上诉维持原判`).
type Spellings = (Outcome, &'static [&'static str]);

/// 行政复议: SPEC §2.4 and the wording of the 2017 and 2023 行政复议法 and its 实施条例.
#[rustfmt::skip]
const RECONSIDERATION: &[Spellings] = &[
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
    (Outcome::Settled, &["和解", "和解撤回", "达成和解", "和解结案"]),
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
const FIRST_INSTANCE: &[Spellings] = &[
    (Outcome::ClaimRejected, &[
        "驳回诉讼请求", "判决驳回诉讼请求", "驳回原告诉讼请求", "驳回原告的诉讼请求",
        "判决驳回原告诉讼请求", "判决驳回原告的诉讼请求",
    ]),
    (Outcome::Revoked, &[
        "撤销", "部分撤销", "判决撤销", "判决部分撤销", "撤销被诉行政行为",
        "判决撤销被诉行政行为", "撤销并责令重作", "撤销并责令重新作出行政行为",
        "判决撤销并责令重作",
    ]),
    (Outcome::Varied, &["变更", "判决变更"]),
    (Outcome::DeclaredUnlawful, &[
        "确认违法", "判决确认违法", "确认被诉行政行为违法", "判决确认被诉行政行为违法",
    ]),
    (Outcome::DeclaredVoid, &["确认无效", "判决确认无效", "确认被诉行政行为无效"]),
    (Outcome::OrderedToPerform, &[
        "责令履行", "履行", "履行法定职责", "判决履行", "判决履行法定职责", "责令履行法定职责",
        "责令履职",
    ]),
    (Outcome::OrderedToPay, &["给付", "判决给付", "履行给付义务", "判决履行给付义务"]),
    (Outcome::Compensation, &["赔偿", "判决赔偿", "行政赔偿"]),
    (Outcome::Mediated, &["调解", "调解结案", "达成调解"]),
    (Outcome::Withdrawn, &[
        "撤诉", "准许撤诉", "按撤诉处理", "裁定准许撤诉", "裁定按撤诉处理", "原告撤诉",
        "撤回起诉", "原告撤回起诉",
    ]),
    (Outcome::SuitDismissed, &["驳回起诉", "裁定驳回起诉"]),
    (Outcome::Concluded, &["终结", "终结诉讼", "裁定终结诉讼"]),
    (Outcome::Transferred, &["移送", "移送管辖", "裁定移送"]),
    (Outcome::Other, &["其他"]),
];

/// 行政诉讼 二审 and 再审: what only an appeal or a retrial ends with. Such a case may
/// also end like a first instance (撤诉, 调解, 其他), so [`FIRST_INSTANCE`] applies too.
#[rustfmt::skip]
const APPELLATE: &[Spellings] = &[
    (Outcome::JudgmentUpheld, &[
        "维持原判", "驳回上诉，维持原判", "驳回上诉", "维持", "判决驳回上诉", "维持原判决",
        "维持原裁定", "驳回上诉，维持原判决", "驳回上诉，维持原裁定",
    ]),
    (Outcome::JudgmentAmended, &["改判", "依法改判", "判决改判", "撤销原判，依法改判"]),
    (Outcome::Remanded, &["发回重审", "撤销原判发回重审", "裁定发回重审"]),
    (Outcome::AppealWithdrawn, &[
        "撤回上诉", "准许撤回上诉", "裁定准许撤回上诉", "上诉人撤回上诉", "按撤回上诉处理",
    ]),
    (Outcome::RetrialRefused, &["驳回再审申请", "裁定驳回再审申请"]),
    (Outcome::RetrialOrdered, &["指令再审", "裁定指令再审"]),
    (Outcome::RetriedAbove, &["提审", "裁定提审"]),
];

/// The characters a spelling's match key drops: whitespace aside, the punctuation
/// clerks put between the parts of a long outcome.
const IGNORED: [char; 7] = ['，', ',', '、', '；', ';', '。', '.'];

/// The form in which spellings are compared: no whitespace, no `，,、；;。.`, and
/// full-width letters and digits as half-width.
#[must_use]
pub fn spelling_key(text: &str) -> Cow<'_, str> {
    let changes = |c: char| c.is_whitespace() || IGNORED.contains(&c) || full_width(c);
    if !text.chars().any(changes) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(key_chars(text).collect())
}

fn full_width(c: char) -> bool {
    ('\u{FF01}'..='\u{FF5E}').contains(&c)
}

fn key_chars(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars()
        .map(|c| {
            if full_width(c) {
                char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
            } else {
                c
            }
        })
        .filter(|c| !c.is_whitespace() && !IGNORED.contains(c))
}

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
            Outcome::TerminatedAfterCorrection => "改正后终止",
            Outcome::JudgmentUpheld => "维持原判",
            Outcome::JudgmentAmended => "改判",
            Outcome::Remanded => "发回重审",
            Outcome::AppealWithdrawn => "撤回上诉",
            Outcome::RetrialRefused => "驳回再审申请",
            Outcome::RetrialOrdered => "指令再审",
            Outcome::RetriedAbove => "提审",
        }
    }

    /// Reads an office's spelling for a ledger kind and, for a lawsuit, its instance.
    ///
    /// The text is a normalised cell; whitespace and the punctuation of [`spelling_key`]
    /// are ignored. A reconsideration ignores `instance`. A 一审 reads the first-instance
    /// spellings and calls an appellate one [`OutcomeReading::WrongInstance`]; a 二审 or
    /// 再审 reads the appellate spellings, then the first-instance ones; an unknown
    /// instance reads both, appellate first.
    #[must_use]
    pub fn read(kind: Kind, instance: Option<Instance>, text: &str) -> OutcomeReading {
        let key = spelling_key(text);
        if let Some(outcome) = find(lists(kind, instance), &key) {
            return OutcomeReading::Known(outcome);
        }
        if kind == Kind::Litigation
            && instance == Some(Instance::First)
            && let Some(outcome) = find(&[APPELLATE], &key)
        {
            return OutcomeReading::WrongInstance(outcome);
        }
        OutcomeReading::Unknown
    }

    /// Reads a canonical name back (from the ledger or a 口径 setting), for any kind.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Outcome> {
        [RECONSIDERATION, FIRST_INSTANCE, APPELLATE]
            .into_iter()
            .flatten()
            .map(|(outcome, _)| *outcome)
            .find(|outcome| outcome.name() == name)
    }

    /// Every canonical outcome of a ledger kind, whatever the instance: first-instance
    /// ones before appellate ones, 其他 last (the order of a template's drop-down).
    pub fn accepted(kind: Kind) -> impl Iterator<Item = Outcome> {
        let lists: &'static [&'static [Spellings]] = match kind {
            Kind::Reconsideration => &[RECONSIDERATION],
            Kind::Litigation => &[FIRST_INSTANCE, APPELLATE],
        };
        outcomes_of(lists)
    }

    /// The canonical outcomes [`Outcome::read`] accepts for a kind and instance, in the
    /// order it tries them (其他 last), for error messages.
    pub fn accepted_for(kind: Kind, instance: Option<Instance>) -> impl Iterator<Item = Outcome> {
        outcomes_of(lists(kind, instance))
    }

    /// Whether only a lawsuit's appeal or retrial ends this way (维持原判, 改判, 发回重审 …).
    #[must_use]
    pub fn is_appellate(self) -> bool {
        matches!(
            self,
            Outcome::JudgmentUpheld
                | Outcome::JudgmentAmended
                | Outcome::Remanded
                | Outcome::AppealWithdrawn
                | Outcome::RetrialRefused
                | Outcome::RetrialOrdered
                | Outcome::RetriedAbove
        )
    }

    /// The accepted outcome whose name or a spelling shares the longest run of
    /// characters with `text`, to suggest a mapping for an unknown spelling; never used
    /// to map one.
    ///
    /// Ties go to the spelling that holds more of the text's characters (so
    /// `撤销处罚决定` suggests 撤销 by 撤销决定, not 驳回请求 by a long spelling that holds
    /// only 决定), then to the shorter spelling (less in it that does not match), then to
    /// the order of [`Outcome::accepted_for`]. `None` when no spelling shares a run of two
    /// characters.
    #[must_use]
    pub fn closest(kind: Kind, instance: Option<Instance>, text: &str) -> Option<Outcome> {
        // Longest common run, characters of the text held, then the shorter spelling.
        type Score = (usize, usize, Reverse<usize>);
        let text: Vec<char> = key_chars(text).collect();
        let mut best: Option<(Score, Outcome)> = None;
        for (outcome, spellings) in lists(kind, instance).iter().copied().flatten() {
            for spelling in *spellings {
                let spelling: Vec<char> = key_chars(spelling).collect();
                let run = longest_common_run(&text, &spelling);
                let shared = text.iter().filter(|c| spelling.contains(c)).count();
                let score = (run, shared, Reverse(spelling.len()));
                if run >= 2 && best.is_none_or(|(best, _)| score > best) {
                    best = Some((score, *outcome));
                }
            }
        }
        best.map(|(_, outcome)| outcome)
    }

    /// Every built-in reading of a spelling, by kind: what a user's own mapping may not
    /// redefine.
    pub(super) fn built_in(text: &str) -> Vec<(Kind, Outcome)> {
        let key = spelling_key(text);
        Kind::ALL
            .into_iter()
            .filter_map(|kind| Some((kind, find(lists(kind, None), &key)?)))
            .collect()
    }
}

/// The lists [`Outcome::read`] tries, in order.
fn lists(kind: Kind, instance: Option<Instance>) -> &'static [&'static [Spellings]] {
    match (kind, instance) {
        (Kind::Reconsideration, _) => &[RECONSIDERATION],
        (Kind::Litigation, Some(Instance::First)) => &[FIRST_INSTANCE],
        (Kind::Litigation, _) => &[APPELLATE, FIRST_INSTANCE],
    }
}

fn find(lists: &[&[Spellings]], key: &str) -> Option<Outcome> {
    lists
        .iter()
        .copied()
        .flatten()
        .find(|(_, spellings)| spellings.iter().any(|s| key_chars(s).eq(key.chars())))
        .map(|(outcome, _)| *outcome)
}

fn outcomes_of(lists: &'static [&'static [Spellings]]) -> impl Iterator<Item = Outcome> {
    lists
        .iter()
        .copied()
        .flatten()
        .map(|(outcome, _)| *outcome)
        .filter(|outcome| *outcome != Outcome::Other)
        .chain(iter::once(Outcome::Other))
}

/// The length of the longest run of characters both texts contain.
fn longest_common_run(a: &[char], b: &[char]) -> usize {
    // runs[j] is the length of the common run ending at the current a[i] and b[j - 1].
    let mut runs = vec![0; b.len() + 1];
    let mut longest = 0;
    for &x in a {
        for j in (1..=b.len()).rev() {
            runs[j] = if x == b[j - 1] { runs[j - 1] + 1 } else { 0 };
            longest = longest.max(runs[j]);
        }
    }
    longest
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Instance::{First, Retrial, Second};
    use Kind::{Litigation, Reconsideration};
    use OutcomeReading::{Known, Unknown, WrongInstance};

    #[track_caller]
    fn case(kind: Kind, instance: Option<Instance>, text: &str, expected: OutcomeReading) {
        let instance_label = instance.map_or("?", Instance::label_zh);
        assert_eq!(
            Outcome::read(kind, instance, text),
            expected,
            "{kind} {instance_label} {text}"
        );
    }

    /// Each space-separated spelling reads as `outcome`.
    #[track_caller]
    fn spellings(kind: Kind, instance: Option<Instance>, outcome: Outcome, texts: &str) {
        for text in texts.split_whitespace() {
            case(kind, instance, text, Known(outcome));
        }
    }

    #[test]
    #[rustfmt::skip]
    fn reconsideration_spellings() {
        use Outcome::*;
        let r = |outcome, texts| spellings(Reconsideration, None, outcome, texts);
        r(Upheld, "维持 维持原行政行为 维持该行政行为 维持原具体行政行为 维持具体行政行为");
        r(Upheld, "维持决定 决定维持 决定维持该行政行为 维持原决定");
        r(RequestRejected, "驳回请求 驳回 驳回行政复议请求 驳回复议请求");
        r(RequestRejected, "驳回申请人的行政复议请求 决定驳回申请人的行政复议请求");
        r(ApplicationRejected, "驳回申请 驳回行政复议申请 驳回复议申请 决定驳回申请");
        r(NotAccepted, "不予受理 不予受理决定 决定不予受理 不予受理行政复议申请");
        r(Revoked, "撤销 部分撤销 撤销并责令重作 撤销原行政行为 撤销该行政行为");
        r(Revoked, "撤销原具体行政行为 撤销具体行政行为 责令重作 撤销并责令重新作出");
        r(Revoked, "撤销决定 决定撤销 决定撤销该行政行为 部分撤销该行政行为");
        r(Varied, "变更 变更原行政行为 变更该行政行为 变更决定 决定变更");
        r(DeclaredUnlawful, "确认违法 确认违法并责令补救 确认该行政行为违法");
        r(DeclaredUnlawful, "确认原行政行为违法 确认违法决定");
        r(DeclaredVoid, "确认无效 确认该行政行为无效 确认原行政行为无效");
        r(OrderedToPerform, "责令履行 责令履职 责令履行法定职责 责令被申请人履行法定职责");
        r(OrderedToPerform, "责令限期履行 决定被申请人在一定期限内履行");
        r(Mediated, "调解 调解结案 达成调解");
        r(Settled, "和解 和解撤回 达成和解");
        r(Terminated, "终止 撤回申请 终止审理 申请人撤回申请 撤回复议申请");
        r(Terminated, "申请人撤回行政复议申请 撤回行政复议申请 终止行政复议 终止复议");
        r(TerminatedAfterCorrection, "改正后终止 被申请人改正后撤回");
        r(TerminatedAfterCorrection, "被申请人改变原行政行为后撤回 自行纠正后终止");
        r(Other, "其他");
    }

    #[test]
    #[rustfmt::skip]
    fn first_instance_spellings() {
        use Outcome::*;
        let l = |outcome, texts| spellings(Litigation, Some(First), outcome, texts);
        l(ClaimRejected, "驳回诉讼请求 判决驳回诉讼请求 驳回原告诉讼请求 驳回原告的诉讼请求");
        l(Revoked, "撤销 部分撤销 判决撤销 撤销被诉行政行为 判决撤销被诉行政行为");
        l(Varied, "变更 判决变更");
        l(DeclaredUnlawful, "确认违法 判决确认违法 确认被诉行政行为违法");
        l(DeclaredVoid, "确认无效 判决确认无效");
        l(OrderedToPerform, "责令履行 履行 履行法定职责 判决履行 判决履行法定职责");
        l(OrderedToPerform, "责令履行法定职责");
        l(OrderedToPay, "给付 判决给付");
        l(Compensation, "赔偿 判决赔偿 行政赔偿");
        l(Mediated, "调解 调解结案");
        l(Withdrawn, "撤诉 准许撤诉 按撤诉处理 裁定准许撤诉 原告撤诉");
        l(SuitDismissed, "驳回起诉 裁定驳回起诉");
        l(Concluded, "终结 终结诉讼 裁定终结诉讼");
        l(Transferred, "移送 移送管辖");
        l(Other, "其他");
    }

    #[test]
    #[rustfmt::skip]
    fn appellate_spellings() {
        use Outcome::*;
        for instance in [Some(Second), Some(Retrial), None] {
            let a = |outcome, texts| spellings(Litigation, instance, outcome, texts);
            a(JudgmentUpheld, "维持原判 驳回上诉，维持原判 驳回上诉 维持 判决驳回上诉");
            a(JudgmentUpheld, "驳回上诉维持原判 驳回上诉,维持原判 驳回上诉；维持原判。");
            a(JudgmentUpheld, "驳回上诉、维持原判");
            a(JudgmentAmended, "改判 依法改判");
            a(Remanded, "发回重审 撤销原判发回重审 撤销原判，发回重审");
            a(AppealWithdrawn, "撤回上诉 准许撤回上诉");
            a(RetrialRefused, "驳回再审申请 裁定驳回再审申请");
            a(RetrialOrdered, "指令再审");
            a(RetriedAbove, "提审");
            // An appeal or retrial may also end like a first instance.
            a(Withdrawn, "撤诉 准许撤诉");
            a(Mediated, "调解");
            a(Revoked, "撤销");
            a(Other, "其他");
            case(
                Litigation,
                instance,
                "驳回上诉 维持原判",
                Known(JudgmentUpheld),
            );
        }
    }

    #[test]
    fn an_appellate_outcome_on_a_first_instance_row() {
        let first = Some(First);
        case(
            Litigation,
            first,
            "维持原判",
            WrongInstance(Outcome::JudgmentUpheld),
        );
        case(
            Litigation,
            first,
            "维持",
            WrongInstance(Outcome::JudgmentUpheld),
        );
        case(
            Litigation,
            first,
            "驳回上诉，维持原判",
            WrongInstance(Outcome::JudgmentUpheld),
        );
        case(
            Litigation,
            first,
            "依法改判",
            WrongInstance(Outcome::JudgmentAmended),
        );
        case(
            Litigation,
            first,
            "发回重审",
            WrongInstance(Outcome::Remanded),
        );
        case(
            Litigation,
            first,
            "准许撤回上诉",
            WrongInstance(Outcome::AppealWithdrawn),
        );
        case(
            Litigation,
            first,
            "驳回再审申请",
            WrongInstance(Outcome::RetrialRefused),
        );
        case(
            Litigation,
            first,
            "指令再审",
            WrongInstance(Outcome::RetrialOrdered),
        );
        case(
            Litigation,
            first,
            "提审",
            WrongInstance(Outcome::RetriedAbove),
        );
        // A reconsideration has no instance.
        case(
            Reconsideration,
            Some(Second),
            "维持",
            Known(Outcome::Upheld),
        );
        case(Reconsideration, Some(First), "维持原判", Unknown);
    }

    #[test]
    fn what_no_list_reads() {
        case(Reconsideration, None, "驳回诉讼请求", Unknown);
        case(Reconsideration, None, "撤诉", Unknown);
        case(Reconsideration, None, "维持原判", Unknown);
        case(Reconsideration, None, "", Unknown);
        case(Reconsideration, None, "，", Unknown);
        // 驳回 alone is ambiguous in a lawsuit (驳回诉讼请求, 驳回起诉 or 驳回上诉).
        for instance in [Some(First), Some(Second), Some(Retrial), None] {
            case(Litigation, instance, "驳回", Unknown);
            case(Litigation, instance, "不予受理", Unknown);
            case(Litigation, instance, "改正后终止", Unknown);
            case(Litigation, instance, "撤销原判", Unknown);
        }
    }

    #[test]
    fn whitespace_punctuation_and_width_are_ignored() {
        case(
            Reconsideration,
            None,
            "确认 违法",
            Known(Outcome::DeclaredUnlawful),
        );
        case(
            Reconsideration,
            None,
            "确认\u{3000}违法",
            Known(Outcome::DeclaredUnlawful),
        );
        case(Reconsideration, None, "撤销。", Known(Outcome::Revoked));
        case(
            Reconsideration,
            None,
            "确认违法，并责令补救",
            Known(Outcome::DeclaredUnlawful),
        );
        case(Reconsideration, None, "撤销、责令重作", Unknown);
        assert_eq!(spelling_key("驳回上诉，维持原判"), "驳回上诉维持原判");
        assert_eq!(spelling_key("ＡＢ c.d"), "ABcd");
        assert!(matches!(spelling_key("撤销"), Cow::Borrowed("撤销")));
    }

    /// The names ledgers store and hash: none may ever change.
    #[test]
    fn no_canonical_name_changed() {
        let stored = [
            (Outcome::Upheld, "维持"),
            (Outcome::RequestRejected, "驳回请求"),
            (Outcome::ApplicationRejected, "驳回申请"),
            (Outcome::NotAccepted, "不予受理"),
            (Outcome::Revoked, "撤销"),
            (Outcome::Varied, "变更"),
            (Outcome::DeclaredUnlawful, "确认违法"),
            (Outcome::DeclaredVoid, "确认无效"),
            (Outcome::OrderedToPerform, "责令履行"),
            (Outcome::Mediated, "调解"),
            (Outcome::Settled, "和解"),
            (Outcome::Terminated, "终止"),
            (Outcome::ClaimRejected, "驳回诉讼请求"),
            (Outcome::OrderedToPay, "给付"),
            (Outcome::Compensation, "赔偿"),
            (Outcome::Withdrawn, "撤诉"),
            (Outcome::SuitDismissed, "驳回起诉"),
            (Outcome::Concluded, "终结"),
            (Outcome::Transferred, "移送"),
            (Outcome::Other, "其他"),
            (Outcome::TerminatedAfterCorrection, "改正后终止"),
            (Outcome::JudgmentUpheld, "维持原判"),
            (Outcome::JudgmentAmended, "改判"),
            (Outcome::Remanded, "发回重审"),
            (Outcome::AppealWithdrawn, "撤回上诉"),
            (Outcome::RetrialRefused, "驳回再审申请"),
            (Outcome::RetrialOrdered, "指令再审"),
            (Outcome::RetriedAbove, "提审"),
        ];
        for (outcome, name) in stored {
            assert_eq!(outcome.name(), name);
            assert_eq!(Outcome::from_name(name), Some(outcome), "{name}");
        }
        let listed: usize = Kind::ALL
            .into_iter()
            .map(|kind| Outcome::accepted(kind).count())
            .sum();
        // 撤销 变更 确认违法 确认无效 责令履行 调解 其他 are in both kinds.
        assert_eq!(listed - 7, stored.len());
        assert_eq!(
            Outcome::from_name("驳回上诉"),
            None,
            "a spelling is not a name"
        );
    }

    #[test]
    fn each_list_starts_with_the_canonical_name() {
        for (outcome, spellings) in [RECONSIDERATION, FIRST_INSTANCE, APPELLATE]
            .into_iter()
            .flatten()
        {
            assert_eq!(spellings[0], outcome.name());
        }
    }

    /// No spelling reads as two outcomes anywhere one ledger kind may meet it.
    #[test]
    fn no_spelling_is_ambiguous() {
        for lists in [&[RECONSIDERATION][..], &[FIRST_INSTANCE, APPELLATE]] {
            let mut seen = std::collections::BTreeMap::new();
            for (outcome, spellings) in lists.iter().copied().flatten() {
                for spelling in *spellings {
                    let key = spelling_key(spelling).into_owned();
                    if let Some(other) = seen.insert(key, *outcome) {
                        assert_eq!(other, *outcome, "`{spelling}` is {other} and {outcome}");
                    }
                }
            }
        }
    }

    #[test]
    fn accepted_lists() {
        let names = |outcomes: &mut dyn Iterator<Item = Outcome>| {
            outcomes.map(Outcome::name).collect::<Vec<_>>().join("、")
        };
        assert_eq!(
            names(&mut Outcome::accepted(Reconsideration)),
            "维持、驳回请求、驳回申请、不予受理、撤销、变更、确认违法、确认无效、责令履行、调解、和解、终止、改正后终止、其他"
        );
        assert_eq!(
            names(&mut Outcome::accepted(Litigation)),
            "驳回诉讼请求、撤销、变更、确认违法、确认无效、责令履行、给付、赔偿、调解、撤诉、驳回起诉、终结、移送、\
             维持原判、改判、发回重审、撤回上诉、驳回再审申请、指令再审、提审、其他"
        );
        assert_eq!(
            names(&mut Outcome::accepted_for(Litigation, Some(First))),
            "驳回诉讼请求、撤销、变更、确认违法、确认无效、责令履行、给付、赔偿、调解、撤诉、驳回起诉、终结、移送、其他"
        );
        assert_eq!(
            names(&mut Outcome::accepted_for(Litigation, Some(Second))),
            "维持原判、改判、发回重审、撤回上诉、驳回再审申请、指令再审、提审、\
             驳回诉讼请求、撤销、变更、确认违法、确认无效、责令履行、给付、赔偿、调解、撤诉、驳回起诉、终结、移送、其他"
        );
        assert_eq!(
            Outcome::accepted_for(Reconsideration, Some(First)).collect::<Vec<_>>(),
            Outcome::accepted(Reconsideration).collect::<Vec<_>>()
        );
        for kind in Kind::ALL {
            for outcome in Outcome::accepted(kind) {
                let appellate = APPELLATE.iter().any(|(o, _)| *o == outcome);
                assert_eq!(outcome.is_appellate(), appellate, "{outcome}");
                let instance = if appellate { Some(Second) } else { Some(First) };
                assert_eq!(
                    Outcome::read(kind, instance, outcome.name()),
                    Known(outcome)
                );
            }
        }
    }

    #[track_caller]
    fn closest(kind: Kind, instance: Option<Instance>, text: &str, expected: Option<Outcome>) {
        assert_eq!(Outcome::closest(kind, instance, text), expected, "{text}");
    }

    #[test]
    fn closest_suggests_and_never_maps() {
        let r = Reconsideration;
        closest(r, None, "撤销处罚决定", Some(Outcome::Revoked));
        closest(r, None, "维持处罚决定", Some(Outcome::Upheld));
        closest(r, None, "申请人主动撤回", Some(Outcome::Terminated));
        closest(
            r,
            None,
            "责令被申请人重新答复",
            Some(Outcome::OrderedToPerform),
        );
        closest(
            r,
            None,
            "确认 该 行为 违法",
            Some(Outcome::DeclaredUnlawful),
        );
        // The longest run wins: 驳回申请人(的行政复议请求) over 驳回申请.
        closest(r, None, "驳回申请人", Some(Outcome::RequestRejected));
        // Equal runs (撤销, 决定): the spelling holding more of the text, 撤销决定.
        closest(r, None, "撤销处罚决定", Some(Outcome::Revoked));
        // Equal runs and shares: the shorter spelling, 申请人撤回申请, not
        // 被申请人改变原行政行为后撤回.
        closest(r, None, "申请人主动撤回", Some(Outcome::Terminated));
        closest(r, None, "不知道", None);
        closest(r, None, "撤", None);
        closest(r, None, "", None);
        let l = Litigation;
        closest(l, Some(First), "判决撤销处罚决定", Some(Outcome::Revoked));
        closest(
            l,
            Some(Second),
            "驳回上诉请求",
            Some(Outcome::JudgmentUpheld),
        );
        closest(l, Some(First), "驳回上诉请求", Some(Outcome::ClaimRejected));
        closest(l, None, "二审维持", Some(Outcome::JudgmentUpheld));
    }
}
