//! The rates a report carries, and which way is better for each.

/// The four rates a report carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Metric {
    /// 行政复议被纠错率
    Correction,
    /// 行政诉讼一审败诉率
    Loss,
    /// 行政机关负责人出庭应诉率
    Appearance,
    /// 行政复议调解成功率
    Mediation,
}

impl Metric {
    pub const ALL: [Metric; 4] = [
        Metric::Correction,
        Metric::Loss,
        Metric::Appearance,
        Metric::Mediation,
    ];

    /// The JSON key.
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Metric::Correction => "correction_rate",
            Metric::Loss => "loss_rate",
            Metric::Appearance => "appearance_rate",
            Metric::Mediation => "mediation_rate",
        }
    }

    #[must_use]
    pub fn label_zh(self) -> &'static str {
        match self {
            Metric::Correction => "行政复议被纠错率",
            Metric::Loss => "行政诉讼一审败诉率",
            Metric::Appearance => "行政机关负责人出庭应诉率",
            Metric::Mediation => "行政复议调解成功率",
        }
    }

    #[must_use]
    pub fn label_en(self) -> &'static str {
        match self {
            Metric::Correction => "Reconsideration correction rate",
            Metric::Loss => "First-instance loss rate",
            Metric::Appearance => "Agency-head court appearance rate",
            Metric::Mediation => "Reconsideration mediation rate",
        }
    }

    /// The short name used in tables and charts.
    #[must_use]
    pub fn short_zh(self) -> &'static str {
        match self {
            Metric::Correction => "纠错率",
            Metric::Loss => "败诉率",
            Metric::Appearance => "出庭应诉率",
            Metric::Mediation => "调解成功率",
        }
    }

    fn aliases(self) -> &'static [&'static str] {
        match self {
            Metric::Correction => &["被纠错率", "行政复议纠错率"],
            Metric::Loss => &["一审败诉率", "行政诉讼败诉率"],
            Metric::Appearance => &["出庭率", "负责人出庭率", "负责人出庭应诉率"],
            Metric::Mediation => &["调解率", "调解和解率"],
        }
    }

    /// Whether a lower figure is the better one (两降一升: correction and loss should fall).
    #[must_use]
    pub fn lower_is_better(self) -> bool {
        matches!(self, Metric::Correction | Metric::Loss)
    }
}

impl std::str::FromStr for Metric {
    type Err = super::Unknown;

    /// Accepts the JSON key, the full 中文 name, or the short name clerks use (纠错率).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        Metric::ALL
            .into_iter()
            .find(|m| m.key() == s || m.label_zh() == s || m.short_zh() == s || m.aliases().contains(&s))
            .ok_or_else(|| {
                super::Unknown::new(
                    "a rate",
                    s,
                    "use correction_rate, loss_rate, appearance_rate, mediation_rate or their 中文 names",
                )
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metric_names() {
        for metric in Metric::ALL {
            assert_eq!(metric.key().parse(), Ok(metric));
            assert_eq!(metric.label_zh().parse(), Ok(metric));
            assert_eq!(metric.short_zh().parse(), Ok(metric));
        }
        assert_eq!("出庭率".parse(), Ok(Metric::Appearance));
        assert_eq!("被纠错率".parse(), Ok(Metric::Correction));
        assert!("结案率".parse::<Metric>().is_err());
    }
}
