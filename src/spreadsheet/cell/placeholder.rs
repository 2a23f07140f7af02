//! The words offices write in a date, outcome or appearance cell to say there is nothing
//! to write yet (`/`, `—`, 无, 审理中, 未开庭 …): read as an empty cell, never as a value,
//! so an open case stays open and a case heard on the papers has no hearing.

/// The placeholders, for the documentation and error messages. A cell made only of
/// slashes and dashes (`/`, `-`, `—`, `——`, `－`, `\`) is one too.
pub const PLACEHOLDERS: &[&str] = &[
    "无",
    "暂无",
    "空",
    "未开庭",
    "尚未开庭",
    "暂未开庭",
    "未开庭审理",
    "不开庭",
    "不开庭审理",
    "书面审理",
    "审理中",
    "正在审理",
    "正在审理中",
    "在审",
    "在审中",
    "尚未判决",
    "未判决",
    "未判",
    "待判",
    "待定",
    "未结",
    "未结案",
    "尚未结案",
    "未审结",
    "尚未审结",
    "办理中",
    "正在办理",
    "尚未办结",
    "未办结",
];

/// Whether a normalised cell says there is nothing to record yet.
#[must_use]
pub fn is_placeholder(text: &str) -> bool {
    let text = super::trim(text);
    let dashes = ['/', '\\', '-', '—', '–', '－', '／', '─'];
    (!text.is_empty() && text.chars().all(|c| dashes.contains(&c))) || PLACEHOLDERS.contains(&text)
}
