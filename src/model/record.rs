//! The words of the two ledgers beside the case ledgers (SPEC §9): which document an
//! agency must answer (文书类型), how far it has rectified (整改情况), and how a dispute
//! ended before court (化解结果). Each is stored by its English key and shown by its
//! 中文 name; cells are read in the wordings offices use.

use std::fmt;

/// One of a closed set of words: its stored key, its 中文 name and the spellings a cell
/// may use for it.
pub trait Choice: Copy + Sized + 'static {
    const ALL: &'static [Self];
    fn key(self) -> &'static str;
    fn label_zh(self) -> &'static str;
    /// Other ways offices write it, beside the key and the 中文 name: none unless said.
    fn spellings(self) -> &'static [&'static str] {
        &[]
    }

    /// Reads a cell (spaces ignored); `None` when it names none of the words.
    fn from_cell(text: &str) -> Option<Self> {
        let text: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        Self::ALL.iter().copied().find(|choice| {
            choice.key() == text
                || choice.label_zh() == text
                || choice.spellings().contains(&text.as_str())
        })
    }

    /// Inverse of [`Choice::key`], for what the ledger stored.
    fn from_key(key: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|choice| choice.key() == key)
    }

    /// The 中文 names, for messages: `已整改、整改中、未整改`.
    fn names() -> String {
        Self::ALL
            .iter()
            .map(|c| c.label_zh())
            .collect::<Vec<_>>()
            .join("、")
    }
}

/// 文书类型: what the bureau, a court or a procuratorate sent the agency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DocType {
    /// 行政复议意见书 (2023 law 第76条: the agency replies within 60 days).
    ReconsiderationOpinion,
    /// 行政复议建议书
    ReconsiderationProposal,
    /// 司法建议书 (from a court)
    JudicialProposal,
    /// 检察建议书 (from a procuratorate)
    ProcuratorialProposal,
}

impl Choice for DocType {
    const ALL: &'static [DocType] = &[
        DocType::ReconsiderationOpinion,
        DocType::ReconsiderationProposal,
        DocType::JudicialProposal,
        DocType::ProcuratorialProposal,
    ];

    fn key(self) -> &'static str {
        match self {
            DocType::ReconsiderationOpinion => "reconsideration_opinion",
            DocType::ReconsiderationProposal => "reconsideration_proposal",
            DocType::JudicialProposal => "judicial_proposal",
            DocType::ProcuratorialProposal => "procuratorial_proposal",
        }
    }

    fn label_zh(self) -> &'static str {
        match self {
            DocType::ReconsiderationOpinion => "行政复议意见书",
            DocType::ReconsiderationProposal => "行政复议建议书",
            DocType::JudicialProposal => "司法建议书",
            DocType::ProcuratorialProposal => "检察建议书",
        }
    }

    fn spellings(self) -> &'static [&'static str] {
        match self {
            DocType::ReconsiderationOpinion => &["复议意见书", "意见书", "行政复议意见"],
            DocType::ReconsiderationProposal => &["复议建议书", "行政复议建议", "复议建议"],
            DocType::JudicialProposal => &["司法建议", "法院司法建议书"],
            DocType::ProcuratorialProposal => &["检察建议", "检察院检察建议书"],
        }
    }
}

/// 整改情况
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rectified {
    Done,
    InProgress,
    NotDone,
}

impl Choice for Rectified {
    const ALL: &'static [Rectified] = &[Rectified::Done, Rectified::InProgress, Rectified::NotDone];

    fn key(self) -> &'static str {
        match self {
            Rectified::Done => "done",
            Rectified::InProgress => "in_progress",
            Rectified::NotDone => "not_done",
        }
    }

    fn label_zh(self) -> &'static str {
        match self {
            Rectified::Done => "已整改",
            Rectified::InProgress => "整改中",
            Rectified::NotDone => "未整改",
        }
    }

    fn spellings(self) -> &'static [&'static str] {
        match self {
            Rectified::Done => &["整改完成", "已完成整改", "完成整改", "已完成", "已整改完毕"],
            Rectified::InProgress => &["正在整改", "整改中（未完成）", "部分整改"],
            Rectified::NotDone => &["未完成整改", "尚未整改", "未完成"],
        }
    }
}

/// 化解结果 of a dispute handled before court.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DisputeResult {
    /// 化解成功: the only result the 诉前化解率 counts as resolved.
    Resolved,
    /// 未化解
    Unresolved,
    /// 转入诉讼: it became a lawsuit.
    ToLitigation,
    /// 转入复议: it became a reconsideration case.
    ToReconsideration,
}

impl Choice for DisputeResult {
    const ALL: &'static [DisputeResult] = &[
        DisputeResult::Resolved,
        DisputeResult::Unresolved,
        DisputeResult::ToLitigation,
        DisputeResult::ToReconsideration,
    ];

    fn key(self) -> &'static str {
        match self {
            DisputeResult::Resolved => "resolved",
            DisputeResult::Unresolved => "unresolved",
            DisputeResult::ToLitigation => "to_litigation",
            DisputeResult::ToReconsideration => "to_reconsideration",
        }
    }

    fn label_zh(self) -> &'static str {
        match self {
            DisputeResult::Resolved => "化解成功",
            DisputeResult::Unresolved => "未化解",
            DisputeResult::ToLitigation => "转入诉讼",
            DisputeResult::ToReconsideration => "转入复议",
        }
    }

    fn spellings(self) -> &'static [&'static str] {
        match self {
            DisputeResult::Resolved => &["已化解", "成功化解", "化解", "调解成功", "和解"],
            DisputeResult::Unresolved => &["未能化解", "化解失败", "未成功"],
            DisputeResult::ToLitigation => &["进入诉讼", "已起诉", "转诉讼", "立案"],
            DisputeResult::ToReconsideration => &["进入复议", "申请复议", "转复议"],
        }
    }
}

macro_rules! display_by_label {
    ($($t:ty),*) => {$(
        impl fmt::Display for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.label_zh())
            }
        }
    )*};
}
display_by_label!(DocType, Rectified, DisputeResult);

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trips<T: Choice + PartialEq + fmt::Debug>() {
        for choice in T::ALL {
            assert_eq!(T::from_key(choice.key()), Some(*choice));
            assert_eq!(T::from_cell(choice.label_zh()), Some(*choice));
            for spelling in choice.spellings() {
                assert_eq!(T::from_cell(spelling), Some(*choice), "{spelling}");
            }
        }
    }

    #[test]
    fn every_word_reads_back_from_its_key_name_and_spellings() {
        round_trips::<DocType>();
        round_trips::<Rectified>();
        round_trips::<DisputeResult>();
    }

    #[test]
    fn office_wordings() {
        assert_eq!(
            DocType::from_cell("司法 建议书"),
            Some(DocType::JudicialProposal)
        );
        assert_eq!(Rectified::from_cell("整改完成"), Some(Rectified::Done));
        assert_eq!(
            DisputeResult::from_cell("转入诉讼"),
            Some(DisputeResult::ToLitigation)
        );
        assert_eq!(DisputeResult::from_cell("结案"), None);
    }
}
