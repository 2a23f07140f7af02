//! Canonical outcomes (结案方式 / 裁判结果) and the spellings offices use for them.
//!
//! Each ledger kind accepts its own list, and a lawsuit's appeal or retrial its own too
//! (SPEC §2.4). Rates never look at spellings, only at the canonical [`Outcome`] and the
//! 口径's outcome sets. A user's own spellings live in [`super::OutcomeMap`]; nothing
//! here guesses: [`Outcome::closest`] only suggests, and only what a spelling's own words say.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::sync::LazyLock;

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

mod spellings;

use spellings::{
    APPELLATE, FIRST_INSTANCE, LITIGATION_WORDS, NOT_DECIDED, RECONSIDERATION,
    RECONSIDERATION_WORDS, Spellings,
};

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
            && let Some(outcome) = find(&[List::Appellate], &key)
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
        let lists: &'static [List] = match kind {
            Kind::Reconsideration => &[List::Reconsideration],
            Kind::Litigation => &[List::FirstInstance, List::Appellate],
            Kind::Rectification | Kind::Dispute => &[],
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

    /// The accepted outcome an unknown spelling names, to suggest a mapping; never used
    /// to map one.
    ///
    /// Conservative: only an outcome whose own word or a documented synonym the spelling
    /// holds ([`spellings::RECONSIDERATION_WORDS`], [`spellings::LITIGATION_WORDS`]: 判决给付
    /// → 给付, 调解书 → 调解, 和解后撤回 → 和解, 告知…申请 and 转送 → 不予受理, 撤回 → 终止),
    /// the longest such word winning. `None` (shown `?`) when none is held, and for a
    /// spelling that means the case is not decided yet (审理中, 尚未判决 …).
    #[must_use]
    pub fn closest(kind: Kind, instance: Option<Instance>, text: &str) -> Option<Outcome> {
        let text: String = key_chars(text).collect();
        if NOT_DECIDED.iter().any(|word| text.contains(word)) {
            return None;
        }
        let words = match kind {
            Kind::Reconsideration => RECONSIDERATION_WORDS,
            Kind::Litigation => LITIGATION_WORDS,
            Kind::Rectification | Kind::Dispute => &[],
        };
        let accepted: Vec<Outcome> = outcomes_of(lists(kind, instance)).collect();
        let mut best: Option<(usize, Outcome)> = None;
        for (outcome, patterns) in words {
            if !accepted.contains(outcome) {
                continue;
            }
            for pattern in *patterns {
                let length = pattern.chars().filter(|c| *c != '…').count();
                if holds(&text, pattern) && best.is_none_or(|(best, _)| length > best) {
                    best = Some((length, *outcome));
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
fn lists(kind: Kind, instance: Option<Instance>) -> &'static [List] {
    match (kind, instance) {
        (Kind::Reconsideration, _) => &[List::Reconsideration],
        (Kind::Litigation, Some(Instance::First)) => &[List::FirstInstance],
        (Kind::Litigation, _) => &[List::Appellate, List::FirstInstance],
        // Documents and disputes have no outcome column.
        (Kind::Rectification | Kind::Dispute, _) => &[],
    }
}

/// The spelling lists, by the proceedings they belong to.
#[derive(Debug, Clone, Copy)]
enum List {
    Reconsideration,
    FirstInstance,
    Appellate,
}

impl List {
    fn spellings(self) -> &'static [Spellings] {
        match self {
            List::Reconsideration => RECONSIDERATION,
            List::FirstInstance => FIRST_INSTANCE,
            List::Appellate => APPELLATE,
        }
    }

    /// The list's spellings by their key: every row of every import reads an outcome,
    /// and comparing it with each spelling in turn was 8% of parsing a row.
    fn keyed(self) -> &'static HashMap<String, Outcome> {
        static KEYED: LazyLock<[HashMap<String, Outcome>; 3]> = LazyLock::new(|| {
            [List::Reconsideration, List::FirstInstance, List::Appellate]
                .map(|list| by_key(list.spellings()))
        });
        &KEYED[self as usize]
    }
}

fn find(lists: &[List], key: &str) -> Option<Outcome> {
    lists.iter().find_map(|list| list.keyed().get(key).copied())
}

/// The first outcome of the list that a key spells, for every key.
fn by_key(list: &[Spellings]) -> HashMap<String, Outcome> {
    let mut keyed = HashMap::new();
    for (outcome, spellings) in list {
        for spelling in *spellings {
            keyed
                .entry(key_chars(spelling).collect())
                .or_insert(*outcome);
        }
    }
    keyed
}

fn outcomes_of(lists: &'static [List]) -> impl Iterator<Item = Outcome> {
    lists
        .iter()
        .flat_map(|list| list.spellings())
        .map(|(outcome, _)| *outcome)
        .filter(|outcome| *outcome != Outcome::Other)
        // 其他 ends the list of a ledger that has outcomes at all.
        .chain((!lists.is_empty()).then_some(Outcome::Other))
}

/// Whether `text` holds the parts of `pattern` (split at `…`) in order.
fn holds(text: &str, pattern: &str) -> bool {
    let mut rest = text;
    for part in pattern.split('…') {
        match rest.find(part) {
            Some(at) => rest = &rest[at + part.len()..],
            None => return false,
        }
    }
    true
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests;
