//! Percentages held as whole hundredths, rounded half-up (四舍五入) exactly once; ratios
//! (复议诉讼比) are held the same way, as hundredths of one.

use std::fmt;

use serde::{Serialize, Serializer};

/// A percentage in hundredths of a percent: 8.28% is `Percent(828)`.
///
/// Also used for percentage-point differences, which are shown the same way, and for a
/// ratio shown to two decimals (2.95 is `Percent(295)`, see [`Percent::ratio`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Percent(pub i64);

impl Percent {
    /// `100 × numerator ÷ denominator`, rounded half-up to two decimals; `None` when
    /// the denominator is 0.
    #[must_use]
    pub fn of(numerator: u64, denominator: u64) -> Option<Percent> {
        hundredths(i128::from(numerator) * 100, i128::from(denominator))
    }

    /// `numerator ÷ denominator` as a plain ratio, rounded half-up to two decimals
    /// (587 ÷ 200 = 2.935 → 2.94); `None` when the denominator is 0.
    #[must_use]
    pub fn ratio(numerator: u64, denominator: u64) -> Option<Percent> {
        hundredths(i128::from(numerator), i128::from(denominator))
    }

    /// `100 × (current − previous) ÷ previous`, rounded half-up: a relative change.
    #[must_use]
    pub fn change(current: i64, previous: i64) -> Option<Percent> {
        hundredths(
            (i128::from(current) - i128::from(previous)) * 100,
            i128::from(previous),
        )
    }

    /// Shown rate minus shown previous rate, in percentage points.
    #[must_use]
    pub fn minus(self, previous: Percent) -> Percent {
        Percent(self.0 - previous.0)
    }

    /// The figure as a JSON-friendly number (at most two decimals when printed).
    #[must_use]
    #[allow(clippy::cast_precision_loss)] // hundredths of a percent stay far below 2^52
    pub fn as_f64(self) -> f64 {
        self.0 as f64 / 100.0
    }

    /// Reads a percentage written with at most two decimals (`14.05`, `14.05%`, `8`),
    /// exactly, without going through floating point.
    #[must_use]
    pub fn parse(text: &str) -> Option<Percent> {
        let text = text.trim().trim_end_matches(['%', '％']).trim();
        let (negative, digits) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
        let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if whole.is_empty() || fraction.len() > 2 || !all_digits(whole) || !all_digits(fraction) {
            return None;
        }
        let whole: i64 = whole.parse().ok()?;
        let fraction: i64 = format!("{fraction:0<2}").parse().ok()?;
        let value = whole.checked_mul(100)?.checked_add(fraction)?;
        Some(Percent(if negative { -value } else { value }))
    }

    /// Absolute value, for phrases like 下降 28.83 个百分点.
    #[must_use]
    pub fn abs(self) -> Percent {
        Percent(self.0.abs())
    }
}

/// `n ÷ d` in hundredths (so `100 × n ÷ d`), rounded half away from zero.
fn hundredths(n: i128, d: i128) -> Option<Percent> {
    if d == 0 {
        return None;
    }
    let (n, d) = if d < 0 { (-n, -d) } else { (n, d) };
    let scaled = n * 100;
    // Half away from zero: add half the divisor to the magnitude, then truncate.
    let magnitude = (scaled.abs() * 2 + d) / (2 * d);
    let value = if scaled < 0 { -magnitude } else { magnitude };
    i64::try_from(value).ok().map(Percent)
}

impl fmt::Display for Percent {
    /// Two decimals, no unit: `8.28`, `-28.83`, `0.00`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        write!(f, "{sign}{}.{:02}", abs / 100, abs % 100)
    }
}

impl Serialize for Percent {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // An integer of hundredths ÷ 100 prints as its shortest round-trip form, which is
        // exactly the two-decimal figure (8.28, not 8.2799999).
        serializer.serialize_f64(self.as_f64())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn rate(n: u64, d: u64, expected: Option<&str>) {
        assert_eq!(
            Percent::of(n, d).map(|p| p.to_string()).as_deref(),
            expected,
            "{n}/{d}"
        );
    }

    #[test]
    fn rates_round_half_up_not_truncate() {
        rate(14, 169, Some("8.28"));
        rate(110, 506, Some("21.74")); // 21.7391… truncation would give 21.73
        rate(275, 363, Some("75.76")); // 75.7575… truncation would give 75.75
        rate(76, 169, Some("44.97"));
        rate(72, 194, Some("37.11"));
        rate(1, 8, Some("12.50"));
        rate(1, 80_000, Some("0.00")); // 0.00125 rounds down
        rate(1, 40_000, Some("0.00")); // 0.0025 → 0.00
        rate(1, 20_000, Some("0.01")); // 0.005 exactly: half rounds up
        rate(2675, 100_000, Some("2.68")); // SQLite's round(2.675, 2) gives 2.67
        rate(0, 5, Some("0.00"));
        rate(5, 5, Some("100.00"));
        rate(3, 0, None);
        rate(0, 0, None);
    }

    #[track_caller]
    fn ratio(n: u64, d: u64, expected: Option<&str>) {
        assert_eq!(
            Percent::ratio(n, d).map(|p| p.to_string()).as_deref(),
            expected,
            "{n}/{d}"
        );
    }

    #[test]
    fn ratios_round_half_up_to_two_decimals() {
        ratio(587, 200, Some("2.94")); // 2.935 exactly: a tie rounds up, never to 2.93
        ratio(709, 240, Some("2.95")); // 2.9541…
        ratio(1, 3, Some("0.33"));
        ratio(2, 3, Some("0.67"));
        ratio(1, 200, Some("0.01")); // 0.005: half up
        ratio(1, 201, Some("0.00"));
        ratio(240, 240, Some("1.00"));
        ratio(0, 7, Some("0.00"));
        ratio(5, 0, None);
    }

    #[track_caller]
    fn change(current: i64, previous: i64, expected: Option<&str>) {
        assert_eq!(
            Percent::change(current, previous)
                .map(|p| p.to_string())
                .as_deref(),
            expected,
            "{current} vs {previous}"
        );
    }

    #[test]
    fn relative_changes_round_half_away_from_zero() {
        change(828, 3711, Some("-77.69")); // 8.28% vs 37.11%
        change(2174, 3441, Some("-36.82"));
        change(181, 203, Some("-10.84"));
        change(169, 194, Some("-12.89"));
        change(3, 2, Some("50.00"));
        change(1, 8, Some("-87.50"));
        change(199_999, 200_000, Some("0.00")); // -0.0005 rounds to zero, never "-0.00"
        change(200_010, 200_000, Some("0.01")); // 0.005 → 0.01
        change(199_990, 200_000, Some("-0.01")); // -0.005 → -0.01, symmetric
        change(5, 0, None);
    }

    #[test]
    fn parses_written_percentages_exactly() {
        assert_eq!(Percent::parse("14.05"), Some(Percent(1405)));
        assert_eq!(Percent::parse("14.05%"), Some(Percent(1405)));
        assert_eq!(Percent::parse(" 8 "), Some(Percent(800)));
        assert_eq!(Percent::parse("73.9"), Some(Percent(7390)));
        assert_eq!(Percent::parse("-1.5"), Some(Percent(-150)));
        assert_eq!(Percent::parse("14.055"), None);
        assert_eq!(Percent::parse("abc"), None);
        assert_eq!(Percent::parse(".5"), None);
        assert_eq!(Percent::parse(""), None);
    }

    #[test]
    fn displays_two_decimals_and_serialises_as_number() {
        assert_eq!(Percent(-5).to_string(), "-0.05");
        assert_eq!(Percent(2202).to_string(), "22.02");
        assert_eq!(serde_json::to_string(&Percent(828)).unwrap(), "8.28");
        assert_eq!(serde_json::to_string(&Percent(-2883)).unwrap(), "-28.83");
        assert_eq!(serde_json::to_string(&Percent(10_000)).unwrap(), "100.0");
    }
}
