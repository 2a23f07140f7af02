//! Column headers: which field each header means, per ledger kind, and which kind a
//! file's headers reveal (SPEC §2.2, §2.3).
//!
//! Headers are matched by meaning, not by spelling: line breaks, spaces, full-width forms
//! and a trailing note in brackets never matter, and the variants offices write
//! (立案时间, 是否出庭, 出庭情况) reach the field they name through a few documented rules.

pub use crate::model::Field;
use crate::model::tracking::ValueType;
use crate::model::{Kind, TrackField};

/// One column of a ledger: its field, its 中文 header then the accepted aliases, and
/// whether a file must have it.
struct ColumnSpec {
    field: Field,
    headers: &'static [&'static str],
    required: bool,
}

const fn spec(field: Field, headers: &'static [&'static str], required: bool) -> ColumnSpec {
    ColumnSpec {
        field,
        headers,
        required,
    }
}

const RECONSIDERATION: &[ColumnSpec] = &[
    spec(
        Field::CaseNo,
        &["案号", "复议案号", "文号", "案件编号"],
        true,
    ),
    spec(Field::Unit, &["单位", "县市", "所属县市", "地区"], true),
    spec(Field::Respondent, &["被申请人"], false),
    spec(Field::Matter, &["案由", "申请事项", "案件类型"], false),
    spec(
        Field::ReceivedOn,
        &["收案日期", "收到申请日期", "申请日期"],
        true,
    ),
    // A 复议 case is 立案 when it is accepted (an 应诉台账's 立案日期 is the court's filing).
    spec(Field::AcceptedOn, &["受理日期", "立案日期"], false),
    spec(
        Field::ClosedOn,
        &["结案日期", "办结日期", "审结日期"],
        false,
    ),
    spec(
        Field::Outcome,
        &["结案方式", "审理结果", "办理结果", "处理结果", "复议结果"],
        false,
    ),
    spec(Field::Corrected, &["是否纠错"], false),
    spec(Field::Lead, &["包案领导"], false),
    spec(Field::Note, &["备注"], false),
    spec(
        track(TrackField::Simplified),
        &["简易程序", "是否简易程序"],
        false,
    ),
    spec(
        track(TrackField::CopyServedOn),
        &["副本送达日期", "答复通知送达日期", "副本发送日期"],
        false,
    ),
    spec(
        track(TrackField::AnsweredOn),
        &["答复日期", "书面答复日期", "答复提交日期"],
        false,
    ),
    spec(
        track(TrackField::Extended),
        &["是否延期", "延期审理"],
        false,
    ),
    spec(track(TrackField::SuspendedOn), &["中止日期"], false),
    spec(
        track(TrackField::ResumedOn),
        &["恢复审理日期", "恢复日期"],
        false,
    ),
    spec(track(TrackField::OwnerUnit), OWNER_UNIT, false),
    spec(track(TrackField::Progress), PROGRESS, false),
    spec(track(TrackField::Risk), RISK, false),
    spec(
        track(TrackField::Parties),
        &["申请人数", "申请人人数"],
        false,
    ),
];

const LITIGATION: &[ColumnSpec] = &[
    // A 二审 or 再审 sheet names its case number after its 审级, which the 案号 still gives.
    spec(
        Field::CaseNo,
        &["案号", "二审案号", "上诉案号", "再审案号"],
        true,
    ),
    spec(Field::Instance, &["审级", "审判程序"], false),
    spec(Field::Court, &["法院", "受理法院"], false),
    spec(Field::Unit, &["单位", "县市", "所属县市", "地区"], true),
    spec(Field::Defendant, &["被告", "被诉机关"], false),
    spec(Field::Matter, &["案由"], false),
    spec(Field::FiledOn, &["立案日期", "收案日期"], true),
    spec(Field::HearingOn, &["开庭日期"], false),
    spec(
        Field::HeadAppeared,
        &[
            "负责人出庭",
            "是否负责人出庭",
            "行政机关负责人是否出庭",
            "出庭",
            "负责人出庭情况",
        ],
        false,
    ),
    spec(Field::HeadName, HEAD_NAME, false),
    spec(Field::HeadTitle, &["出庭负责人职务", "职务"], false),
    spec(Field::ClosedOn, &["结案日期", "审结日期"], false),
    spec(Field::Outcome, &["裁判结果", "结案方式", "判决结果"], false),
    spec(Field::Lost, &["是否败诉"], false),
    spec(Field::Lead, &["包案领导"], false),
    spec(Field::Note, &["备注"], false),
    spec(
        track(TrackField::ComplaintReceivedOn),
        &["起诉状副本收到日期", "应诉通知收到日期"],
        false,
    ),
    spec(
        track(TrackField::DefendedOn),
        &["答辩日期", "答辩状提交日期", "举证日期"],
        false,
    ),
    spec(track(TrackField::HearingAt), &["开庭时间"], false),
    spec(track(TrackField::HearingPlace), &["开庭地点"], false),
    spec(
        track(TrackField::PlannedHeadName),
        &["拟出庭负责人", "拟出庭人员"],
        false,
    ),
    spec(
        track(TrackField::PlannedHeadTitle),
        &["拟出庭负责人职务"],
        false,
    ),
    spec(
        track(TrackField::ServedOn),
        &["裁判文书送达日期", "判决送达日期"],
        false,
    ),
    spec(track(TrackField::RemindedWeekOn), &["一次提醒日期"], false),
    spec(track(TrackField::RemindedDayOn), &["二次提醒日期"], false),
    // In an 应诉台账, 复议案号 is the reconsideration case the lawsuit followed.
    spec(
        track(TrackField::ReconsiderationNo),
        &["复议案号", "原复议案号"],
        false,
    ),
    spec(track(TrackField::OwnerUnit), OWNER_UNIT, false),
    spec(track(TrackField::Progress), PROGRESS, false),
    spec(track(TrackField::Risk), RISK, false),
    spec(
        track(TrackField::Parties),
        &["原告人数", "原告人人数"],
        false,
    ),
];

/// SPEC §9.1. The 文号 is the document's own number; 关联案号 the case it came from.
const RECTIFICATION: &[ColumnSpec] = &[
    spec(Field::CaseNo, &["文号", "建议书文号", "意见书文号"], true),
    spec(Field::DocType, &["文书类型"], true),
    spec(Field::Issuer, &["发出机关"], false),
    spec(Field::Unit, &["单位", "县市", "所属县市", "地区"], true),
    spec(Field::Addressee, &["被建议单位", "收文单位"], false),
    spec(Field::LinkedCaseNo, &["关联案号", "案号"], false),
    spec(Field::IssuedOn, &["发出日期"], true),
    spec(Field::ReceivedOn, &["收到日期", "送达日期"], false),
    spec(Field::ReplyDueOn, &["回复期限"], false),
    spec(Field::RepliedOn, &["回复日期", "反馈日期"], false),
    spec(Field::Status, &["整改情况"], false),
    spec(Field::Lead, &["包案领导"], false),
    spec(Field::Note, &["备注"], false),
    spec(track(TrackField::OwnerUnit), OWNER_UNIT, false),
    spec(track(TrackField::Progress), PROGRESS, false),
    spec(track(TrackField::Risk), RISK, false),
];

/// SPEC §9.2.
const DISPUTE: &[ColumnSpec] = &[
    spec(Field::CaseNo, &["争议编号", "编号"], true),
    spec(Field::Unit, &["单位", "县市", "所属县市", "地区"], true),
    spec(Field::Agency, &["涉及单位", "被申请人", "被告"], false),
    spec(Field::Matter, &["争议类型"], false),
    spec(Field::ReceivedOn, &["收到日期"], true),
    spec(Field::ReviewedOn, &["专家组审核日期"], false),
    spec(Field::PlannedOn, &["化解方案日期"], false),
    spec(
        Field::CourtReceivedOn,
        &["起诉状收到日期", "法院收到日期"],
        false,
    ),
    spec(Field::MediationStartedOn, &["诉前协调开始日期"], false),
    spec(Field::Result, &["化解结果"], false),
    spec(Field::ResolvedOn, &["化解日期", "结案日期"], false),
    spec(Field::Lead, &["包案领导"], false),
    spec(Field::Note, &["备注"], false),
    spec(track(TrackField::OwnerUnit), OWNER_UNIT, false),
    spec(track(TrackField::Progress), PROGRESS, false),
    spec(track(TrackField::Risk), RISK, false),
];

const OWNER_UNIT: &[&str] = &["责任单位", "承办单位"];
/// The appearing head's name; the last two headers hold the title after it.
const HEAD_NAME: &[&str] = &[
    "出庭负责人",
    "出庭负责人姓名",
    "出庭人员及职务",
    "出庭负责人及职务",
];
/// Headers of one column holding the head's name and title: `杨某（副县长）`, `杨某 副县长`.
const NAME_WITH_TITLE: &[&str] = &["出庭人员及职务", "出庭负责人及职务"];
const PROGRESS: &[&str] = &["化解进展", "工作进展", "进展情况"];
const RISK: &[&str] = &["风险等级", "败诉风险"];

const fn track(field: TrackField) -> Field {
    Field::Track(field)
}

/// Columns every template has that hold nothing of a case: not listed as unknown.
const LAYOUT: &[&str] = &["序号", "no."];

/// Whether a header is a template's row-numbering column (序号).
#[must_use]
pub fn is_layout(header: &str) -> bool {
    LAYOUT.contains(&header_key(header).as_str())
}

/// Columns known not to matter to any ledger: who filled in the sheet, how to reach
/// people, a row's own checkbox. Not read, and not an error.
const IGNORABLE: &[&str] = &[
    "联系电话",
    "电话",
    "联系方式",
    "联系人",
    "承办人",
    "经办人",
    "填报人",
    "填表人",
    "审核人",
    "统计人",
    "代理人",
    "委托代理人",
    "代理律师",
];

/// Whether a header is a template's row-numbering column or on the list of columns
/// known not to matter.
#[must_use]
pub fn is_ignorable(header: &str) -> bool {
    let key = header_key(header);
    LAYOUT.contains(&key.as_str()) || IGNORABLE.contains(&key.as_str())
}

/// Columns of personal names (申请人, 原告, 第三人): recognised so that they are never read.
const PERSONAL: &[&str] = &[
    "申请人",
    "申请人姓名",
    "原告",
    "原告姓名",
    "第三人",
    "第三人姓名",
];

impl Field {
    /// Whether the field is kept as written, not parsed into a date, flag, outcome or key.
    #[must_use]
    pub fn is_free_text(self) -> bool {
        matches!(
            self,
            Field::Respondent
                | Field::Matter
                | Field::Lead
                | Field::Note
                | Field::Court
                | Field::Defendant
                | Field::HeadName
                | Field::HeadTitle
                | Field::Issuer
                | Field::Addressee
                | Field::Agency
                | Field::Track(
                    TrackField::HearingPlace
                        | TrackField::PlannedHeadName
                        | TrackField::PlannedHeadTitle
                        | TrackField::OwnerUnit
                        | TrackField::Progress
                )
        )
    }
}

fn specs(kind: Kind) -> &'static [ColumnSpec] {
    match kind {
        Kind::Reconsideration => RECONSIDERATION,
        Kind::Litigation => LITIGATION,
        Kind::Rectification => RECTIFICATION,
        Kind::Dispute => DISPUTE,
    }
}

/// A header as matched: every full-width form folded (U+FF01–U+FF5E, U+3000), all
/// whitespace and line breaks dropped, English lower-cased.
#[must_use]
pub fn header_key(header: &str) -> String {
    header
        .chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A header as messages and 备注 print it: on one line, each run of whitespace (a line
/// break typed with Alt+Enter included) one space.
#[must_use]
pub fn one_line(header: &str) -> String {
    header.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A key without a trailing note in brackets: `立案日期(年月日)` → `立案日期`.
fn without_note(key: &str) -> Option<&str> {
    let (open, close) = match key.chars().last()? {
        ')' => ('(', ')'),
        '】' => ('【', '】'),
        ']' => ('[', ']'),
        _ => return None,
    };
    debug_assert!(key.ends_with(close));
    let start = key.rfind(open)?;
    (start > 0).then(|| &key[..start])
}

/// The field a normalised key names exactly: the English key, the 中文 header or an alias.
fn exact(kind: Kind, key: &str) -> Option<Field> {
    specs(kind)
        .iter()
        .find(|s| s.field.key_in(kind) == key || s.headers.contains(&key))
        .map(|s| s.field)
}

/// The field a header names in a ledger kind: exactly, or through the rules offices'
/// variants follow, each tried only where the exact spelling names nothing:
/// a trailing note in brackets is dropped; `时间` reads as `日期` for a date field;
/// `是否X` as `X` for a yes/no field; `X情况` as `X`.
#[must_use]
pub fn field_for(kind: Kind, header: &str) -> Option<Field> {
    let key = header_key(header);
    if let Some(field) = exact(kind, &key) {
        return Some(field);
    }
    let bare = without_note(&key).unwrap_or(&key);
    let mut candidates: Vec<(String, Option<ValueType>)> = vec![(bare.to_owned(), None)];
    if let Some(x) = bare.strip_suffix("情况") {
        candidates.push((x.to_owned(), None));
    }
    for (candidate, wanted) in candidates.clone() {
        if candidate.contains("时间") {
            candidates.push((candidate.replace("时间", "日期"), Some(ValueType::Date)));
        }
        if wanted.is_none() && candidate.contains("是否") {
            candidates.push((candidate.replacen("是否", "", 1), Some(ValueType::Flag)));
        }
    }
    candidates.into_iter().find_map(|(candidate, wanted)| {
        exact(kind, &candidate).filter(|f| wanted.is_none_or(|t| f.value_type() == t))
    })
}

/// A field's 中文 header in a kind's ledger; `None` when the kind has no such field.
#[must_use]
pub fn header(kind: Kind, field: Field) -> Option<&'static str> {
    specs(kind)
        .iter()
        .find(|s| s.field == field)
        .map(|s| s.headers.first().copied().unwrap_or(field.key()))
}

/// Whether a normalised header shares a word (two characters in a row) with a header or
/// alias of a kind's columns: a column that may matter, which no suggestion sets aside.
#[must_use]
pub fn shares_a_word(kind: Kind, key: &str) -> bool {
    let chars: Vec<char> = key.chars().collect();
    chars.windows(2).any(|pair| {
        let word: String = pair.iter().collect();
        specs(kind)
            .iter()
            .any(|s| s.headers.iter().any(|h| h.contains(&word)))
    })
}

/// Whether a header's column holds the appearing head's name with the title after it.
#[must_use]
pub fn holds_name_and_title(header: &str) -> bool {
    let key = header_key(header);
    NAME_WITH_TITLE.contains(&without_note(&key).unwrap_or(&key))
}

/// Whether a header is a column of personal names that must not be stored.
#[must_use]
pub fn is_personal(header: &str) -> bool {
    PERSONAL.contains(&header_key(header).as_str())
}

/// The 中文 header and aliases of a field, for messages: `收案日期 (收到申请日期, 申请日期)`.
#[must_use]
pub fn describe(kind: Kind, field: Field) -> String {
    specs(kind).iter().find(|s| s.field == field).map_or_else(
        || field.key().to_owned(),
        |s| match s.headers.split_first() {
            Some((first, [])) => (*first).to_owned(),
            Some((first, rest)) => format!("{first} ({})", rest.join(", ")),
            None => field.key().to_owned(),
        },
    )
}

/// The columns a kind's file must have.
pub fn required(kind: Kind) -> impl Iterator<Item = Field> {
    specs(kind).iter().filter(|s| s.required).map(|s| s.field)
}

/// The kinds whose ledgers a header belongs to (several, one, or none).
fn kinds_of(header: &str) -> Vec<Kind> {
    let personal_kind = match header_key(header).as_str() {
        "申请人" | "申请人姓名" => Some(Kind::Reconsideration),
        "原告" | "原告姓名" => Some(Kind::Litigation),
        _ => None,
    };
    Kind::ALL
        .into_iter()
        .filter(|kind| field_for(*kind, header).is_some() || personal_kind == Some(*kind))
        .collect()
}

/// What a file's headers say about its kind.
#[derive(Debug, PartialEq, Eq)]
pub enum KindEvidence {
    /// More of the headers belong to this kind only.
    Clear(Kind),
    /// As many headers belong only to one kind as only to another: e.g. 被申请人 and 被告.
    Conflicting {
        first: (Kind, String),
        second: (Kind, String),
    },
    /// Every recognised header occurs in several kinds (e.g. 案号, 收案日期, 结案方式).
    None,
}

/// Whether a header that belongs to `kinds` is evidence for `kind`: it belongs to no
/// other kind, except that a case ledger's header a later ledger borrows as an alias
/// (被申请人, 被告 for a dispute's agency) still tells the two case ledgers apart.
fn is_evidence(kind: Kind, kinds: &[Kind]) -> bool {
    kinds.contains(&kind)
        && kinds
            .iter()
            .all(|other| *other == kind || (kind.is_case() && !other.is_case()))
}

/// Detects the kind from the headers that only one kind of ledger has; the kind with
/// more of them wins, so one stray column (a 复议台账's 案件类型 in an 应诉台账) does not
/// block a file.
#[must_use]
pub fn detect_kind<'a>(headers: impl IntoIterator<Item = &'a str>) -> KindEvidence {
    let headers: Vec<&str> = headers.into_iter().collect();
    // 复议案号 is a 复议台账's own case number, unless a 案号 column stands beside it: then
    // it is the reconsideration case a lawsuit followed, which says nothing of the kind.
    let beside_case_no = headers.iter().any(|h| header_key(h) == "案号");
    let mut evidence: Vec<(Kind, Vec<&str>)> = Kind::ALL.map(|k| (k, Vec::new())).to_vec();
    for header in headers {
        let kinds = kinds_of(header);
        for (kind, found) in &mut evidence {
            let own_number = *kind == Kind::Reconsideration
                && header_key(header) == "复议案号"
                && !beside_case_no;
            if is_evidence(*kind, &kinds) || own_number {
                found.push(header);
            }
        }
    }
    evidence.retain(|(_, found)| !found.is_empty());
    // Most evidence first; among equals, the order of `Kind::ALL`.
    evidence.sort_by_key(|(_, found)| std::cmp::Reverse(found.len()));
    match evidence.as_slice() {
        [] => KindEvidence::None,
        [(kind, _)] => KindEvidence::Clear(*kind),
        [(kind, most), (_, next), ..] if most.len() > next.len() => KindEvidence::Clear(*kind),
        [(first, a), (second, b), ..] => KindEvidence::Conflicting {
            first: (*first, a[0].to_owned()),
            second: (*second, b[0].to_owned()),
        },
    }
}

/// Detects the kind from a file name: 整改 or the name of a document (意见书, 建议书,
/// 司法建议, 检察建议) ⇒ rectification; 诉前 ⇒ dispute; else 复议 ⇒ reconsideration,
/// 诉讼 or 应诉 ⇒ litigation.
#[must_use]
pub fn kind_from_file_name(name: &str) -> Option<Kind> {
    let rectification = ["整改", "意见书", "建议书", "司法建议", "检察建议"]
        .iter()
        .any(|word| name.contains(word));
    let dispute = name.contains("诉前");
    match (rectification, dispute) {
        (true, false) => return Some(Kind::Rectification),
        (false, true) => return Some(Kind::Dispute),
        (true, true) => return None,
        (false, false) => {}
    }
    let recon = name.contains("复议");
    let lit = name.contains("诉讼") || name.contains("应诉");
    match (recon, lit) {
        (true, false) => Some(Kind::Reconsideration),
        (false, true) => Some(Kind::Litigation),
        _ => None,
    }
}

/// Every column of a kind's ledger, in the order of SPEC §2.2/§2.3: its field, its 中文
/// header, its aliases, and whether a file must have it. The fill-in template is built from
/// this, so that it offers exactly the columns the importer reads.
pub fn columns(
    kind: Kind,
) -> impl Iterator<Item = (Field, &'static str, &'static [&'static str], bool)> {
    specs(kind).iter().map(|s| {
        let (header, aliases) = s
            .headers
            .split_first()
            .map_or((s.field.key(), &[][..]), |(header, aliases)| {
                (*header, aliases)
            });
        (s.field, header, aliases, s.required)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn field(kind: Kind, header: &str, expected: Option<Field>) {
        assert_eq!(field_for(kind, header), expected, "{kind} {header}");
    }

    #[test]
    fn headers_and_aliases() {
        let (r, l) = (Kind::Reconsideration, Kind::Litigation);
        field(r, "案号", Some(Field::CaseNo));
        field(r, " 复议案号\u{3000}", Some(Field::CaseNo));
        field(r, "收到申请日期", Some(Field::ReceivedOn));
        field(r, "办理结果", Some(Field::Outcome));
        field(r, "结 案 日 期", Some(Field::ClosedOn));
        field(r, "Case_No", Some(Field::CaseNo));
        field(r, "被告", None);
        field(l, "收案日期", Some(Field::FiledOn));
        field(l, "行政机关负责人是否出庭", Some(Field::HeadAppeared));
        field(l, "判决结果", Some(Field::Outcome));
        field(l, "审判程序", Some(Field::Instance));
        field(l, "HEARING_ON", Some(Field::HearingOn));
        field(l, "序号", None);
    }

    #[test]
    fn headers_by_meaning() {
        let (r, l) = (Kind::Reconsideration, Kind::Litigation);
        // Line breaks, full-width forms and a trailing note never matter.
        field(l, "负责人\n出庭", Some(Field::HeadAppeared));
        field(l, "立案日期（年月日）", Some(Field::FiledOn));
        field(l, "立案日期【必填】", Some(Field::FiledOn));
        field(r, "ＣＡＳＥ＿ＮＯ", Some(Field::CaseNo));
        // 时间 is 日期 for a date field only: 开庭时间 stays the hearing's time.
        field(l, "立案时间", Some(Field::FiledOn));
        field(l, "结案时间", Some(Field::ClosedOn));
        field(r, "受理时间", Some(Field::AcceptedOn));
        field(r, "审结时间", Some(Field::ClosedOn));
        field(l, "开庭时间", Some(Field::Track(TrackField::HearingAt)));
        field(r, "结案方式时间", None);
        // 是否X is X for a yes/no field; X情况 is X.
        field(l, "是否出庭", Some(Field::HeadAppeared));
        field(l, "负责人是否出庭", Some(Field::HeadAppeared));
        field(l, "出庭情况", Some(Field::HeadAppeared));
        field(r, "是否纠错（是/否）", Some(Field::Corrected));
        field(l, "是否案号", None);
        field(r, "整改情况", None);
        // One header, two ledgers: 立案 is a 复议 case's acceptance, a lawsuit's filing.
        field(r, "立案日期", Some(Field::AcceptedOn));
        field(l, "立案日期", Some(Field::FiledOn));
        field(r, "处理结果", Some(Field::Outcome));
        for header in ["二审案号", "上诉案号", "再审案号"] {
            field(l, header, Some(Field::CaseNo));
        }
        field(l, "出庭人员及职务", Some(Field::HeadName));
        assert!(holds_name_and_title("出庭负责人及职务"));
        assert!(!holds_name_and_title("出庭负责人"));
        assert_eq!(one_line(" 负责人\r\n出庭 "), "负责人 出庭");
    }

    #[track_caller]
    fn detect(headers: &[&str], expected: &KindEvidence) {
        assert_eq!(
            &detect_kind(headers.iter().copied()),
            expected,
            "{headers:?}"
        );
    }

    #[test]
    fn kind_from_headers() {
        use KindEvidence::{Clear, None};
        detect(
            &["案号", "被申请人", "收案日期"],
            &Clear(Kind::Reconsideration),
        );
        detect(
            &["复议案号", "单位", "收案日期"],
            &Clear(Kind::Reconsideration),
        );
        detect(&["案号", "受理日期"], &Clear(Kind::Reconsideration));
        detect(&["案号", "审级", "立案日期"], &Clear(Kind::Litigation));
        detect(&["案号", "单位", "开庭日期"], &Clear(Kind::Litigation));
        detect(&["案号", "单位", "裁判结果"], &Clear(Kind::Litigation));
        detect(&["案号", "单位", "收案日期", "结案方式", "结案日期"], &None);
        assert!(matches!(
            detect_kind(["被申请人", "被告"]),
            KindEvidence::Conflicting { .. }
        ));
        // A stray 复议 column in an 应诉台账 is outvoted.
        detect(
            &["案号", "案件类型", "审级", "被告", "立案日期"],
            &Clear(Kind::Litigation),
        );
    }

    #[test]
    fn the_later_ledgers_from_their_own_headers() {
        use KindEvidence::Clear;
        // 文号 is also a 复议台账's case number; 文书类型 and 整改情况 are not.
        detect(
            &["文号", "文书类型", "单位", "发出日期", "整改情况"],
            &Clear(Kind::Rectification),
        );
        detect(
            &["文号", "文书类型", "单位", "关联案号", "发出日期"],
            &Clear(Kind::Rectification),
        );
        // 被申请人 is borrowed for a dispute's agency: the dispute's own columns win.
        detect(
            &[
                "争议编号",
                "单位",
                "被申请人",
                "收到日期",
                "化解结果",
                "化解日期",
            ],
            &Clear(Kind::Dispute),
        );
        // …and a 复议台账 keeps 被申请人 as its own evidence.
        detect(
            &["案号", "被申请人", "收案日期"],
            &Clear(Kind::Reconsideration),
        );
        let (r, d) = (Kind::Rectification, Kind::Dispute);
        field(r, "doc_no", Some(Field::CaseNo));
        field(r, "case_no", Some(Field::LinkedCaseNo));
        field(r, "案号", Some(Field::LinkedCaseNo));
        field(d, "dispute_no", Some(Field::CaseNo));
        field(d, "被告", Some(Field::Agency));
        field(d, "结案日期", Some(Field::ResolvedOn));
    }

    #[test]
    fn kind_from_names() {
        assert_eq!(
            kind_from_file_name("复议台账_都匀市_2021-08-27.csv"),
            Some(Kind::Reconsideration)
        );
        assert_eq!(kind_from_file_name("应诉台账.csv"), Some(Kind::Litigation));
        assert_eq!(
            kind_from_file_name("行政诉讼案件.csv"),
            Some(Kind::Litigation)
        );
        assert_eq!(kind_from_file_name("台账.csv"), None);
        for (name, kind) in [
            ("整改台账_都匀市_2025-06-30.csv", Some(Kind::Rectification)),
            ("行政复议意见书建议书台账.xlsx", Some(Kind::Rectification)),
            ("司法建议落实情况.xlsx", Some(Kind::Rectification)),
            ("诉前台账_都匀市.csv", Some(Kind::Dispute)),
            ("诉前化解整改.csv", None),
            ("复议建议汇总.csv", Some(Kind::Reconsideration)),
        ] {
            assert_eq!(kind_from_file_name(name), kind, "{name}");
        }
    }

    #[test]
    fn personal_columns_are_known() {
        assert!(is_personal("申请人"));
        assert!(is_personal(" 原告 "));
        assert!(!is_personal("被申请人"));
        assert_eq!(
            describe(Kind::Reconsideration, Field::ReceivedOn),
            "收案日期 (收到申请日期, 申请日期)"
        );
    }
}
