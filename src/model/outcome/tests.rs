//! Every spelling list, per kind and instance, and the user's own mappings' rules.

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
    // 驳回…申请 is held whole; 驳回 alone is shorter.
    closest(r, None, "驳回申请人", Some(Outcome::ApplicationRejected));
    closest(r, None, "驳回申请人的请求", Some(Outcome::RequestRejected));
    // 撤回 is 终止 unless 和解 or a correction precedes it.
    closest(r, None, "申请人主动撤回", Some(Outcome::Terminated));
    closest(r, None, "双方和解后申请人撤回", Some(Outcome::Settled));
    closest(
        r,
        None,
        "被申请人自行纠正后申请人撤回",
        Some(Outcome::TerminatedAfterCorrection),
    );
    closest(r, None, "告知向有权机关申请", Some(Outcome::NotAccepted));
    closest(r, None, "转送有关机关", Some(Outcome::NotAccepted));
    closest(r, None, "出具行政复议调解书", Some(Outcome::Mediated));
    // Not decided yet: never an outcome, whatever words it shares.
    closest(r, None, "审理中", None);
    closest(r, None, "正在审理", None);
    closest(r, None, "尚未作出决定", None);
    closest(r, None, "中止审理", None);
    closest(r, None, "已结", None);
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
    closest(
        l,
        Some(First),
        "判决给付抚恤金",
        Some(Outcome::OrderedToPay),
    );
    closest(l, Some(First), "尚未判决", None);
    closest(l, Some(First), "待判", None);
    closest(l, Some(First), "判决书已送达", None);
    closest(
        l,
        Some(Second),
        "撤销一审判决并改判",
        Some(Outcome::JudgmentAmended),
    );
    closest(
        l,
        Some(Second),
        "撤销原判，发回原审法院重审",
        Some(Outcome::Remanded),
    );
}

#[test]
#[rustfmt::skip]
fn court_wording_of_judgments_and_rulings() {
    use Outcome::*;
    let l = |outcome, texts| spellings(Litigation, Some(First), outcome, texts);
    l(Withdrawn, "准予撤诉 裁定准予撤诉 准许原告撤诉 裁定准许原告撤诉 准予原告撤诉");
    l(Withdrawn, "准许原告撤回起诉 裁定准许原告撤回起诉 按原告撤诉处理 裁定按原告撤诉处理");
    l(Revoked, "判决撤销并责令重新作出 撤销并责令被告重新作出行政行为");
    l(ClaimRejected, "驳回原告全部诉讼请求 判决驳回原告的全部诉讼请求");
    l(SuitDismissed, "驳回原告起诉 裁定驳回原告的起诉");
    l(DeclaredUnlawful, "确认违法但不撤销 判决确认违法但不撤销");
    l(Mediated, "调解书 达成调解协议");
    let a = |outcome, texts| spellings(Litigation, Some(Second), outcome, texts);
    a(JudgmentUpheld, "判决驳回上诉，维持原判 裁定驳回上诉，维持原裁定 驳回上诉，维持一审判决");
    a(Remanded, "裁定撤销原判，发回重审 撤销一审判决，发回重审");
    a(AppealWithdrawn, "准予撤回上诉 裁定准许上诉人撤回上诉 按上诉人撤回上诉处理 按自动撤回上诉处理");
    let r = |outcome, texts| spellings(Litigation, Some(Retrial), outcome, texts);
    r(RetrialRefused, "驳回再审申请人的再审申请 裁定驳回再审申请人的再审申请");
    spellings(Reconsideration, None, Settled, "和解后撤回 和解后撤回申请");
}
