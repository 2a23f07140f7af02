//! The plan of the sample: categories of cases by the windows their dates fall in (before
//! 2020, Jan–Aug 2020, Sep–Dec 2020, Jan–Aug 2021, still open), each with its planned
//! outcome and appearance classes. The counts are solved by hand so that SPEC §6's figures
//! hold; the sums are spelled out above each table and checked again on the written files.

use chrono::NaiveDate;

use super::calendar::{SEASON_END, ymd};
use super::cases::Instance;

/// Where one event of a category must fall.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// The event never happens in this category.
    Never,
    Within(NaiveDate, NaiveDate),
    /// Not yet by the end of the season.
    After,
}

impl Stage {
    pub fn admits(self, date: Option<NaiveDate>) -> bool {
        match (self, date) {
            (Stage::Never, None) => true,
            (Stage::Within(lo, hi), Some(date)) => lo <= date && date <= hi,
            (Stage::After, Some(date)) => date > SEASON_END,
            _ => false,
        }
    }
}

pub const BEFORE_2020: (NaiveDate, NaiveDate) = (ymd(2019, 10, 8), ymd(2019, 12, 31));
pub const JAN_AUG_2020: (NaiveDate, NaiveDate) = (ymd(2020, 1, 1), ymd(2020, 8, 31));
pub const SEP_DEC_2020: (NaiveDate, NaiveDate) = (ymd(2020, 9, 1), ymd(2020, 12, 31));
pub const JAN_AUG_2021: (NaiveDate, NaiveDate) = (ymd(2021, 1, 1), ymd(2021, 8, 31));
pub const IN_2019: Stage = Stage::Within(ymd(2019, 5, 1), ymd(2019, 12, 31));
pub const IN_A20: Stage = Stage::Within(JAN_AUG_2020.0, JAN_AUG_2020.1);
pub const IN_S20: Stage = Stage::Within(SEP_DEC_2020.0, SEP_DEC_2020.1);
pub const IN_A21: Stage = Stage::Within(JAN_AUG_2021.0, JAN_AUG_2021.1);

/// What happens to a reconsideration application.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum RClass {
    /// 不予受理.
    NotAccepted,
    /// Closed before acceptance: withdrawn, or referred to the competent body.
    Withdrawn,
    Corrected,
    /// 撤回申请 after the agency undid its act, with 是否纠错 = 是.
    CorrectedByFlag,
    Mediated,
    Other,
    /// 确认违法 with 是否纠错 = 否.
    OtherByFlag,
    /// Accepted and still under review at the end.
    Open,
    /// Received at the end and not yet accepted.
    Pending,
}

pub struct ReconPlan {
    pub code: &'static str,
    pub received: (NaiveDate, NaiveDate),
    pub accepted: Stage,
    pub closed: Stage,
    pub classes: &'static [(RClass, u32)],
}

pub const fn recon(
    code: &'static str,
    received: (NaiveDate, NaiveDate),
    accepted: Stage,
    closed: Stage,
    classes: &'static [(RClass, u32)],
) -> ReconPlan {
    ReconPlan {
        code,
        received,
        accepted,
        closed,
        classes,
    }
}

use RClass::{
    Corrected, CorrectedByFlag, Mediated, NotAccepted, Open, Other, OtherByFlag, Pending, Withdrawn,
};
use Stage::{After, Never};

/// Reconsideration categories. Jan–Aug 2020: received R4–R9 = 203, accepted R2+R4+R5 = 170,
/// 不予受理 R3+R7 = 15, closed R1+R2+R3+R4+R7+R9 = 194, corrected 9+1+62 = 72, mediated
/// 7+1+50 = 58. Jan–Aug 2021: received S4–S8 = 181, accepted S2+S4+S5 = 149, 不予受理
/// S3+S6 = 13, closed S1+S2+S3+S4+S6+S7 = 169, corrected 3+11 = 14, mediated 12+2+62 = 76.
#[rustfmt::skip]
pub const RECON_PLAN: [ReconPlan; 20] = [
    recon("R1", BEFORE_2020, Stage::Within(BEFORE_2020.0, BEFORE_2020.1), IN_A20,
        &[(Corrected, 9), (Mediated, 7), (Other, 4)]),
    recon("R2", (ymd(2019, 11, 15), BEFORE_2020.1), IN_A20, IN_A20,
        &[(Corrected, 1), (Mediated, 1), (Other, 1)]),
    recon("R3", (ymd(2019, 12, 16), BEFORE_2020.1), Never, IN_A20, &[(NotAccepted, 1)]),
    recon("R4", JAN_AUG_2020, IN_A20, IN_A20,
        &[(Corrected, 61), (CorrectedByFlag, 1), (Mediated, 50), (Other, 28), (OtherByFlag, 1)]),
    recon("R5", JAN_AUG_2020, IN_A20, IN_S20, &[(Corrected, 10), (Mediated, 8), (Other, 8)]),
    recon("R6", JAN_AUG_2020, IN_S20, IN_S20, &[(Corrected, 2), (Mediated, 2), (Other, 2)]),
    recon("R7", JAN_AUG_2020, Never, IN_A20, &[(NotAccepted, 14)]),
    recon("R8", JAN_AUG_2020, Never, IN_S20, &[(NotAccepted, 1)]),
    recon("R9", JAN_AUG_2020, Never, IN_A20, &[(Withdrawn, 15)]),
    recon("T1", SEP_DEC_2020, IN_S20, IN_S20, &[(Corrected, 20), (Mediated, 25), (Other, 15)]),
    recon("T2", SEP_DEC_2020, Never, IN_S20, &[(NotAccepted, 6)]),
    recon("T3", SEP_DEC_2020, Never, IN_S20, &[(Withdrawn, 8)]),
    recon("S1", SEP_DEC_2020, IN_S20, IN_A21, &[(Corrected, 3), (Mediated, 12), (Other, 7)]),
    recon("S2", SEP_DEC_2020, IN_A21, IN_A21, &[(Mediated, 2), (Other, 1)]),
    recon("S3", SEP_DEC_2020, Never, IN_A21, &[(NotAccepted, 1)]),
    recon("S4", JAN_AUG_2021, IN_A21, IN_A21,
        &[(Corrected, 10), (CorrectedByFlag, 1), (Mediated, 62), (Other, 40), (OtherByFlag, 1)]),
    recon("S5", JAN_AUG_2021, IN_A21, After, &[(Open, 32)]),
    recon("S6", JAN_AUG_2021, Never, IN_A21, &[(NotAccepted, 12)]),
    recon("S7", JAN_AUG_2021, Never, IN_A21, &[(Withdrawn, 17)]),
    recon("S8", (ymd(2021, 8, 23), SEASON_END), After, Never, &[(Pending, 6)]),
];

/// The result of a first-instance case.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum LClass {
    Lost,
    /// 准许撤诉 after the agency changed its act, with 是否败诉 = 是.
    LostByFlag,
    NotLost,
    /// 赔偿 the agency offered itself, with 是否败诉 = 否.
    NotLostByFlag,
    Open,
}

/// Whether the agency's head appeared at the hearing.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum HClass {
    Yes,
    No,
    /// Heard, but the cell left empty.
    Unknown,
}

pub struct LitPlan {
    pub code: &'static str,
    pub filed: (NaiveDate, NaiveDate),
    pub hearing: Stage,
    pub closed: Stage,
    pub results: &'static [(LClass, u32)],
    pub heads: &'static [(HClass, u32)],
    pub open_note: &'static str,
}

pub const fn lit(
    code: &'static str,
    filed: (NaiveDate, NaiveDate),
    hearing: Stage,
    closed: Stage,
    results: &'static [(LClass, u32)],
    heads: &'static [(HClass, u32)],
) -> LitPlan {
    LitPlan {
        code,
        filed,
        hearing,
        closed,
        results,
        heads,
        open_note: "",
    }
}

pub const SUSPENDED: &str = "中止审理（等待关联民事案件审结）";

/// First-instance categories. Jan–Aug 2020: closed L1+L2+L3+L4+L5 = 494, lost 35+33+100+2 =
/// 170, heard L2+L9+L4+L6+L10 = 281, head appeared 30+3+102+14+2 = 151. Jan–Aug 2021: closed
/// M1+M2+M3+M4+M5+M6 = 506, lost 5+12+19+72+2 = 110, heard M3+M9+M5+M7 = 363, head appeared
/// 52+2+176+45 = 275.
#[rustfmt::skip]
pub const LIT_PLAN: [LitPlan; 21] = [
    lit("L1", (ymd(2019, 5, 6), ymd(2019, 12, 31)), IN_2019, IN_A20,
        &[(LClass::Lost, 35), (LClass::NotLost, 25)], &[(HClass::Yes, 22), (HClass::No, 38)]),
    lit("L2", (ymd(2019, 7, 1), ymd(2019, 12, 31)), IN_A20, IN_A20,
        &[(LClass::Lost, 33), (LClass::NotLost, 27)],
        &[(HClass::Yes, 30), (HClass::No, 29), (HClass::Unknown, 1)]),
    lit("L3", (ymd(2019, 8, 1), ymd(2019, 12, 31)), Never, IN_A20, &[(LClass::NotLost, 25)], &[]),
    lit("L9", (ymd(2019, 8, 1), ymd(2019, 12, 31)), IN_A20, IN_S20,
        &[(LClass::Lost, 2), (LClass::NotLost, 3)], &[(HClass::Yes, 3), (HClass::No, 2)]),
    lit("L4", JAN_AUG_2020, IN_A20, IN_A20,
        &[(LClass::Lost, 100), (LClass::NotLostByFlag, 1), (LClass::NotLost, 88)],
        &[(HClass::Yes, 102), (HClass::No, 85), (HClass::Unknown, 2)]),
    lit("L5", JAN_AUG_2020, Never, IN_A20,
        &[(LClass::LostByFlag, 2), (LClass::NotLost, 158)], &[]),
    lit("L6", JAN_AUG_2020, IN_A20, IN_S20,
        &[(LClass::Lost, 9), (LClass::NotLost, 16)], &[(HClass::Yes, 14), (HClass::No, 11)]),
    LitPlan {
        open_note: SUSPENDED,
        ..lit("L10", JAN_AUG_2020, IN_A20, After, &[(LClass::Open, 2)], &[(HClass::Yes, 2)])
    },
    lit("L7", JAN_AUG_2020, IN_S20, IN_S20,
        &[(LClass::Lost, 20), (LClass::NotLost, 40)], &[(HClass::Yes, 36), (HClass::No, 24)]),
    lit("M1", JAN_AUG_2020, IN_S20, IN_A21,
        &[(LClass::Lost, 5), (LClass::NotLost, 10)], &[(HClass::Yes, 9), (HClass::No, 6)]),
    lit("L8", JAN_AUG_2020, Never, IN_S20, &[(LClass::NotLost, 30)], &[]),
    lit("N1", SEP_DEC_2020, IN_S20, IN_S20,
        &[(LClass::Lost, 20), (LClass::NotLost, 40)], &[(HClass::Yes, 38), (HClass::No, 22)]),
    lit("N2", SEP_DEC_2020, Never, IN_S20, &[(LClass::NotLost, 50)], &[]),
    lit("M2", SEP_DEC_2020, IN_S20, IN_A21,
        &[(LClass::Lost, 12), (LClass::NotLost, 38)], &[(HClass::Yes, 32), (HClass::No, 18)]),
    lit("M3", SEP_DEC_2020, IN_A21, IN_A21,
        &[(LClass::Lost, 19), (LClass::NotLost, 51)],
        &[(HClass::Yes, 52), (HClass::No, 17), (HClass::Unknown, 1)]),
    lit("M4", SEP_DEC_2020, Never, IN_A21, &[(LClass::NotLost, 30)], &[]),
    LitPlan {
        open_note: SUSPENDED,
        ..lit("M9", SEP_DEC_2020, IN_A21, After, &[(LClass::Open, 3)],
            &[(HClass::Yes, 2), (HClass::No, 1)])
    },
    lit("M5", JAN_AUG_2021, IN_A21, IN_A21,
        &[(LClass::Lost, 72), (LClass::NotLostByFlag, 1), (LClass::NotLost, 157)],
        &[(HClass::Yes, 176), (HClass::No, 52), (HClass::Unknown, 2)]),
    lit("M6", JAN_AUG_2021, Never, IN_A21,
        &[(LClass::LostByFlag, 2), (LClass::NotLost, 109)], &[]),
    lit("M7", JAN_AUG_2021, IN_A21, After, &[(LClass::Open, 60)],
        &[(HClass::Yes, 45), (HClass::No, 14), (HClass::Unknown, 1)]),
    lit("M8", JAN_AUG_2021, Never, After, &[(LClass::Open, 80)], &[]),
];

/// Appeals (二审) and retrial applications (再审) at the 中院: they never count.
pub struct AppealPlan {
    pub code: &'static str,
    pub instance: Instance,
    pub filed: (NaiveDate, NaiveDate),
    pub closed_from: NaiveDate,
    pub count: u32,
}

#[rustfmt::skip]
pub const APPEAL_PLAN: [AppealPlan; 5] = [
    AppealPlan { code: "A1", instance: Instance::Second, filed: (ymd(2019, 9, 2), ymd(2019, 12, 31)),
        closed_from: ymd(2020, 1, 2), count: 14 },
    AppealPlan { code: "A2", instance: Instance::Second, filed: JAN_AUG_2020,
        closed_from: JAN_AUG_2020.0, count: 55 },
    AppealPlan { code: "A3", instance: Instance::Second, filed: SEP_DEC_2020,
        closed_from: SEP_DEC_2020.0, count: 30 },
    AppealPlan { code: "A4", instance: Instance::Second, filed: JAN_AUG_2021,
        closed_from: JAN_AUG_2021.0, count: 55 },
    AppealPlan { code: "A5", instance: Instance::Retrial, filed: (ymd(2020, 3, 2), ymd(2021, 8, 20)),
        closed_from: ymd(2020, 3, 2), count: 12 },
];
