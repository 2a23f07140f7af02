//! The bureau's own words on its documents, set once per ledger: who issues the 通报, the
//! area it speaks of, to whom it is sent, its issue number and the pattern of its title.
//! The defaults give a complete document; nothing here touches a figure.

/// The words of the monthly 通报 around its figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Letterhead {
    /// 发文机关署名, the 落款.
    pub issuer: String,
    /// The area the figures cover, as the paragraph names it: 全州, 全市, 全县.
    pub area: String,
    /// The 主送 line, ending in its colon.
    pub recipients: String,
    /// The issue number (第8期), printed under the title; empty when not numbered.
    pub issue: String,
    /// The title, with `{area}` and `{period}` (2021年1月至8月) filled in; `\n` (typed as
    /// backslash and n) where its second line starts.
    pub title: String,
}

/// The keys of `letterhead set`, in the order `letterhead show` lists them.
pub const KEYS: [&str; 5] = ["issuer", "area", "recipients", "issue", "title"];

impl Default for Letterhead {
    fn default() -> Self {
        Letterhead {
            issuer: "州司法局".to_owned(),
            area: "全州".to_owned(),
            recipients: "各县（市）人民政府，州直各部门：".to_owned(),
            issue: String::new(),
            title: r"关于{period}{area}行政复议和\n行政应诉“三率”情况的通报".to_owned(),
        }
    }
}

impl Letterhead {
    /// Sets one key; an unknown key, or a title without a place for the period, is an
    /// error naming what is accepted.
    pub fn set(&mut self, key: &str, value: &str) -> Result<(), String> {
        let value = value.trim().to_owned();
        let slot = match key {
            "issuer" => &mut self.issuer,
            "area" => &mut self.area,
            "recipients" => &mut self.recipients,
            "issue" => &mut self.issue,
            "title" => &mut self.title,
            other => {
                return Err(format!(
                    "no letterhead key `{other}` (use one of {})",
                    KEYS.join(", ")
                ));
            }
        };
        if key != "issue" && value.is_empty() {
            return Err(format!("`{key}` cannot be empty"));
        }
        *slot = value;
        Ok(())
    }

    /// Every key with its value, in [`KEYS`] order.
    #[must_use]
    pub fn to_text(&self) -> Vec<(&'static str, String)> {
        let values = [
            &self.issuer,
            &self.area,
            &self.recipients,
            &self.issue,
            &self.title,
        ];
        KEYS.into_iter().zip(values.map(Clone::clone)).collect()
    }

    /// The title for a period phrase (2021年1月至8月), each of its lines a line of text.
    #[must_use]
    pub fn title_for(&self, period: &str) -> String {
        lines(&self.title)
            .replace("{period}", period)
            .replace("{area}", &self.area)
    }
}

/// A title as typed, its `\n` a line break.
#[must_use]
pub fn lines(title: &str) -> String {
    title.replace(r"\n", "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_set_checked_and_listed() {
        let mut words = Letterhead::default();
        words.set("area", " 全市 ").unwrap();
        words.set("issue", "第8期").unwrap();
        assert_eq!(
            words.title_for("2021年1月至8月"),
            "关于2021年1月至8月全市行政复议和\n行政应诉“三率”情况的通报"
        );
        assert_eq!(lines(r"第一行\n第二行"), "第一行\n第二行");
        assert!(words.set("issuer", "").is_err());
        assert!(words.set("signature", "x").unwrap_err().contains("issuer"));
        words.set("issue", "").unwrap();
        let listed = words.to_text();
        assert_eq!(listed[1], ("area", "全市".to_owned()));
        assert_eq!(listed[3], ("issue", String::new()));
    }
}
