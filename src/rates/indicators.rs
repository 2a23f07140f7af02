//! The further indicators of SPEC §8 beyond the 三率: 维持率, 实质性化解率, 复议后起诉率
//! (shares of 办结) and 复议诉讼比 (a ratio of two intakes, not a percentage).
//!
//! Each is a [`Share`] of two counts, compared with last year like every rate; only how
//! the ratio is rounded and shown differs.

use super::{Counts, Share};
use crate::model::Rules;

/// An indicator of SPEC §8 (按期办结率 is a deadline figure, with its own block).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Indicator {
    /// 行政复议维持率: 维持 ÷ 办结.
    Maintain,
    /// 实质性化解率: resolved ÷ 办结.
    Resolution,
    /// 复议后起诉率: closed cases a lawsuit names ÷ 办结.
    SuedAfter,
    /// 复议诉讼比: 复议收案 ÷ 一审收案.
    ReconsiderationLitigation,
}

impl Indicator {
    /// In the order reports list them.
    pub const ALL: [Indicator; 4] = [
        Indicator::Maintain,
        Indicator::Resolution,
        Indicator::SuedAfter,
        Indicator::ReconsiderationLitigation,
    ];

    /// The JSON key in `rates`.
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Indicator::Maintain => "maintain_rate",
            Indicator::Resolution => "resolution_rate",
            Indicator::SuedAfter => "sued_after_rate",
            Indicator::ReconsiderationLitigation => "reconsideration_litigation_ratio",
        }
    }

    #[must_use]
    pub fn label_zh(self) -> &'static str {
        match self {
            Indicator::Maintain => "行政复议维持率",
            Indicator::Resolution => "实质性化解率",
            Indicator::SuedAfter => "复议后起诉率",
            Indicator::ReconsiderationLitigation => "复议诉讼比",
        }
    }

    #[must_use]
    pub fn label_en(self) -> &'static str {
        match self {
            Indicator::Maintain => "Reconsideration upheld rate",
            Indicator::Resolution => "Substantive resolution rate",
            Indicator::SuedAfter => "Sued after reconsideration rate",
            Indicator::ReconsiderationLitigation => "Reconsideration to litigation ratio",
        }
    }

    /// Whether the figure is a plain ratio (2.95), not a percentage: shown without `%`,
    /// its change in plain units rather than percentage points.
    #[must_use]
    pub fn is_ratio(self) -> bool {
        match self {
            Indicator::ReconsiderationLitigation => true,
            Indicator::Maintain | Indicator::Resolution | Indicator::SuedAfter => false,
        }
    }

    /// The indicator's share of this period's (or last year's) counts under `rules`.
    #[must_use]
    pub fn share(self, counts: &Counts, rules: &Rules) -> Share {
        let closed = counts.closed_base(rules);
        match self {
            Indicator::Maintain => Share::new(counts.maintained, closed),
            Indicator::Resolution => Share::new(counts.resolved, closed),
            Indicator::SuedAfter => Share::new(counts.sued_after, closed),
            Indicator::ReconsiderationLitigation => Share::ratio(counts.received, counts.filed),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::rules::CorrectionBase;

    #[track_caller]
    fn case(indicator: Indicator, counts: &Counts, rules: &Rules, expected: (u64, u64, &str)) {
        let share = indicator.share(counts, rules);
        let rate = share.rate.map(|r| r.to_string()).unwrap_or_default();
        assert_eq!(
            (share.numerator, share.denominator, rate.as_str()),
            expected,
            "{}",
            indicator.key()
        );
    }

    #[test]
    fn shares_of_closed_follow_the_correction_base() {
        let counts = Counts {
            received: 587,
            closed: 2755,
            not_accepted: 55,
            maintained: 1691,
            resolved: 388,
            sued_after: 3,
            filed: 200,
            ..Counts::default()
        };
        let rules = Rules::default();
        case(Indicator::Maintain, &counts, &rules, (1691, 2755, "61.38"));
        case(Indicator::Resolution, &counts, &rules, (388, 2755, "14.08"));
        case(Indicator::SuedAfter, &counts, &rules, (3, 2755, "0.11"));
        // A ratio on a tie: 587 ÷ 200 = 2.935 rounds half-up to 2.94.
        let ratio = Indicator::ReconsiderationLitigation;
        case(ratio, &counts, &rules, (587, 200, "2.94"));
        let accepted = Rules {
            correction_base: CorrectionBase::AcceptedClosed,
            ..Rules::default()
        };
        case(
            Indicator::Maintain,
            &counts,
            &accepted,
            (1691, 2700, "62.63"),
        );
        // The ratio does not read 办结.
        case(ratio, &counts, &accepted, (587, 200, "2.94"));
        case(ratio, &Counts::default(), &rules, (0, 0, ""));
    }
}
