//! The vocabulary of the sample: units, courts, agencies, matters, names, and the outcome
//! spellings each kind of case is closed with (canonical names and SPEC §2.4's accepted
//! spellings), with their weights.

/// The reporting units; 州直 reports the prefecture's own agencies.
pub const UNITS: [&str; 13] = [
    "都匀市",
    "福泉市",
    "荔波县",
    "贵定县",
    "瓮安县",
    "独山县",
    "平塘县",
    "罗甸县",
    "长顺县",
    "龙里县",
    "惠水县",
    "三都水族自治县",
    "州直",
];
pub const ZHOU: usize = 12;

/// Reconsideration case-number prefixes, per unit.
pub const RECON_PREFIX: [&str; 13] = [
    "都府复",
    "福府复",
    "荔府复决字",
    "定府复",
    "瓮府复",
    "独府复",
    "平府复",
    "罗府复",
    "长府复",
    "龙府复",
    "惠府复",
    "三府复",
    "黔南府复",
];

/// The courts with concentrated jurisdiction and their code in case numbers.
pub const COURTS: [(&str, &str); 4] = [
    ("黔南州中级人民法院", "27"),
    ("都匀市人民法院", "2701"),
    ("瓮安县人民法院", "2725"),
    ("惠水县人民法院", "2731"),
];
pub const MIDDLE_COURT: usize = 0;

/// Weights of the units among reconsideration cases.
#[rustfmt::skip]
pub const RECON_WEIGHTS: [(usize, u32); 13] = [
    (0, 16), (1, 8), (2, 5), (3, 7), (4, 8), (5, 6), (6, 5), (7, 5), (8, 5), (9, 7), (10, 7),
    (11, 4), (ZHOU, 18),
];
/// Units whose files have a 是否纠错 column: the flagged cases go there.
pub const RECON_FLAG_UNITS: [usize; 3] = [ZHOU, 0, 4];
/// Weights of the units among litigation cases (the defendant's unit).
#[rustfmt::skip]
pub const LIT_WEIGHTS: [(usize, u32); 13] = [
    (0, 20), (1, 7), (2, 4), (3, 6), (4, 8), (5, 5), (6, 4), (7, 4), (8, 4), (9, 7), (10, 7),
    (11, 4), (ZHOU, 20),
];
/// Units heard by 都匀市人民法院, whose files have a 是否败诉 column: the flagged cases go there.
pub const LIT_FLAG_UNITS: [usize; 3] = [0, ZHOU, 5];

/// Agencies (the unit's name goes first) with weights and the matters they are challenged on.
pub const AGENCIES: [(&str, u32, &[&str]); 9] = [
    (
        "公安局",
        30,
        &[
            "行政处罚",
            "行政处罚",
            "行政处罚",
            "政府信息公开",
            "行政不作为",
        ],
    ),
    (
        "自然资源局",
        14,
        &["征收补偿", "行政确认", "政府信息公开", "行政处罚"],
    ),
    (
        "市场监督管理局",
        14,
        &["行政处罚", "政府信息公开", "行政不作为"],
    ),
    (
        "人力资源和社会保障局",
        12,
        &["行政确认", "行政不作为", "政府信息公开"],
    ),
    (
        "住房和城乡建设局",
        9,
        &["征收补偿", "行政强制", "政府信息公开"],
    ),
    ("综合行政执法局", 8, &["行政强制", "行政处罚"]),
    ("农业农村局", 5, &["行政处罚", "行政确认"]),
    ("卫生健康局", 4, &["行政处罚", "政府信息公开"]),
    ("交通运输局", 4, &["行政处罚", "行政强制"]),
];
pub const GOVERNMENT_MATTERS: [&str; 5] = [
    "征收补偿",
    "征收补偿",
    "政府信息公开",
    "行政不作为",
    "行政强制",
];
#[rustfmt::skip]
pub const SURNAMES: [&str; 24] = [
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭",
    "何", "罗", "韦", "蒙", "石", "潘", "莫", "龙",
];
pub const COMPANIES: [&str; 5] = [
    "贵州某某置业有限公司",
    "黔南某某商贸有限公司",
    "某某建筑工程有限公司",
    "某某农业开发有限公司",
    "某某运输有限公司",
];
pub const CLERKS: [&str; 6] = ["刘某", "陈某", "杨某", "黄某", "吴某", "韦某"];
pub const JUDGES: [&str; 4] = ["周某", "石某", "潘某", "莫某"];

#[rustfmt::skip]
pub const RECON_CORRECTED: [(&str, u32); 8] = [
    ("撤销", 20), ("部分撤销", 5), ("撤销并责令重作", 8), ("变更", 4), ("确认违法", 15),
    ("确认无效", 2), ("责令履行", 6), ("责令履职", 4),
];
pub const RECON_MEDIATED: [(&str, u32); 4] = [
    ("调解", 25),
    ("调解结案", 15),
    ("和解", 10),
    ("和解撤回", 10),
];
#[rustfmt::skip]
pub const RECON_OTHER: [(&str, u32); 10] = [
    ("维持", 30), ("驳回请求", 8), ("驳回", 6), ("驳回行政复议请求", 10), ("驳回申请", 3),
    ("驳回行政复议申请", 4), ("终止", 4), ("撤回申请", 6), ("终止审理", 3), ("其他", 2),
];
pub const NOT_ACCEPTED_REASONS: [&str; 4] = [
    "不属于行政复议范围",
    "超过法定申请期限",
    "申请人不具备主体资格",
    "已向人民法院提起行政诉讼",
];
pub const WITHDRAWN: [((&str, &str), u32); 3] = [
    (("撤回申请", "申请人撤回申请"), 40),
    (("其他", "已告知向有权机关提出"), 40),
    // An ASCII comma, so that the field must be quoted.
    (("终止", "申请人撤回申请, 终止审查"), 20),
];

#[rustfmt::skip]
pub const LIT_LOST: [(&str, u32); 11] = [
    ("判决撤销", 15), ("撤销", 10), ("部分撤销", 5), ("确认违法", 25), ("履行法定职责", 8),
    ("责令履行", 4), ("履行", 2), ("给付", 6), ("赔偿", 6), ("变更", 3), ("确认无效", 2),
];
#[rustfmt::skip]
pub const LIT_KEPT_HEARD: [(&str, u32); 9] = [
    ("判决驳回诉讼请求", 30), ("驳回诉讼请求", 30), ("准许撤诉", 10), ("裁定驳回起诉", 8),
    ("调解", 5), ("驳回起诉", 5), ("按撤诉处理", 3), ("终结", 1), ("其他", 1),
];
#[rustfmt::skip]
pub const LIT_KEPT_UNHEARD: [(&str, u32); 9] = [
    ("准许撤诉", 30), ("撤诉", 15), ("按撤诉处理", 10), ("裁定驳回起诉", 25), ("驳回起诉", 10),
    ("调解", 4), ("移送", 3), ("终结", 2), ("其他", 1),
];
pub const APPEAL_RESULTS: [((&str, &str), u32); 6] = [
    (("驳回诉讼请求", "驳回上诉，维持原判"), 60),
    (("判决撤销", "撤销一审判决并改判撤销被诉行为"), 8),
    (("撤诉", "准许撤回上诉"), 12),
    (("裁定驳回起诉", "维持一审驳回起诉裁定"), 10),
    (("其他", "发回重审"), 6),
    (("确认违法", "改判确认违法"), 4),
];
pub const RETRIAL_RESULTS: [((&str, &str), u32); 2] = [
    (("其他", "裁定驳回再审申请"), 80),
    (("撤诉", "准许撤回再审申请"), 20),
];

/// Outcome spellings that count as 纠错 (SPEC §2.4, default 口径).
pub fn recon_corrects(outcome: &str) -> bool {
    matches!(
        outcome,
        "撤销"
            | "部分撤销"
            | "撤销并责令重作"
            | "变更"
            | "确认违法"
            | "确认无效"
            | "责令履行"
            | "责令履职"
    )
}

/// Outcome spellings that count as 败诉 (SPEC §2.4, default 口径).
pub fn lit_loses(outcome: &str) -> bool {
    matches!(
        outcome,
        "撤销"
            | "部分撤销"
            | "判决撤销"
            | "变更"
            | "确认违法"
            | "确认无效"
            | "责令履行"
            | "履行"
            | "履行法定职责"
            | "给付"
            | "赔偿"
    )
}
