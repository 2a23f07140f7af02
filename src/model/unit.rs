//! County-level units and their aliases: 三都县 and 三都水族自治县 are one unit.

use std::collections::HashMap;

/// One canonical unit of the registry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    pub name: String,
    /// 区划代码, which also orders units in reports.
    pub code: Option<String>,
    pub aliases: Vec<String>,
}

/// A registry that cannot be: one name for two units.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RegistryError {
    #[error("`{name}` names both {first} and {second}")]
    AliasOfTwo {
        name: String,
        first: String,
        second: String,
    },
}

/// The units a bureau counts, with every name they go by.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UnitRegistry {
    units: Vec<Unit>,
    /// Every accepted name (canonical names and aliases) → index into `units`.
    names: HashMap<String, usize>,
}

/// What the registry says about a name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved<'a> {
    /// The canonical name.
    Unit(&'a str),
    /// Not a known name; the closest known names, best first.
    Unknown(Vec<&'a str>),
}

impl UnitRegistry {
    /// Builds a registry; an alias that names two units is an error.
    pub fn new(units: Vec<Unit>) -> Result<UnitRegistry, RegistryError> {
        let mut names = HashMap::new();
        for (index, unit) in units.iter().enumerate() {
            for name in std::iter::once(&unit.name).chain(&unit.aliases) {
                if let Some(other) = names.insert(name.clone(), index)
                    && other != index
                {
                    return Err(RegistryError::AliasOfTwo {
                        name: name.clone(),
                        first: units[other].name.clone(),
                        second: unit.name.clone(),
                    });
                }
            }
        }
        Ok(UnitRegistry { units, names })
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.units.is_empty()
    }

    #[must_use]
    pub fn units(&self) -> &[Unit] {
        &self.units
    }

    /// The canonical unit of a name, or the closest names when there is none.
    #[must_use]
    pub fn resolve(&self, name: &str) -> Resolved<'_> {
        if let Some(index) = self.names.get(name) {
            return Resolved::Unit(&self.units[*index].name);
        }
        let mut scored: Vec<(usize, &str)> = self
            .names
            .iter()
            .map(|(known, index)| (distance(name, known), self.units[*index].name.as_str()))
            .collect();
        scored.sort_unstable();
        let mut suggestions: Vec<&str> = Vec::new();
        for (_, unit) in scored {
            if !suggestions.contains(&unit) {
                suggestions.push(unit);
            }
            if suggestions.len() == 3 {
                break;
            }
        }
        Resolved::Unknown(suggestions)
    }

    /// The canonical name of a known name or alias; other names stay as they are (cases
    /// imported before the registry keep counting, under the registry's name).
    #[must_use]
    pub fn canonical<'a>(&'a self, name: &'a str) -> &'a str {
        self.names
            .get(name)
            .map_or(name, |i| self.units[*i].name.as_str())
    }

    /// The units whose name or an alias occurs in `text` (a title, a sheet or file name),
    /// in order of first mention. A name inside a longer one (都匀 in 都匀市) is not a
    /// mention of its own.
    #[must_use]
    pub fn named_in(&self, text: &str) -> Vec<&str> {
        let mut spans: Vec<(usize, usize, usize)> = Vec::new();
        for (name, index) in &self.names {
            if name.is_empty() {
                continue;
            }
            for (start, _) in text.match_indices(name.as_str()) {
                spans.push((start, start + name.len(), *index));
            }
        }
        // Longest first at each start, so that a contained name is seen after its container.
        spans.sort_unstable_by_key(|&(start, end, _)| (start, std::cmp::Reverse(end)));
        let mut units: Vec<&str> = Vec::new();
        let mut covered_to = 0;
        for (start, end, index) in spans {
            if start < covered_to && end <= covered_to {
                continue;
            }
            covered_to = covered_to.max(end);
            let name = self.units[index].name.as_str();
            if !units.contains(&name) {
                units.push(name);
            }
        }
        units
    }

    /// The position of a canonical unit in the registry (by 区划代码 when given).
    #[must_use]
    pub fn position(&self, name: &str) -> Option<usize> {
        self.units.iter().position(|u| u.name == name)
    }
}

/// Edit distance between two names in characters (insertions, deletions, substitutions).
#[must_use]
pub fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        previous = current;
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn registry() -> UnitRegistry {
        let unit = |name: &str, aliases: &[&str]| Unit {
            name: name.into(),
            code: None,
            aliases: aliases.iter().map(|a| (*a).to_owned()).collect(),
        };
        UnitRegistry::new(vec![
            unit("都匀市", &["都匀"]),
            unit("三都水族自治县", &["三都县", "三都"]),
            unit("独山县", &[]),
        ])
        .unwrap()
    }

    #[test]
    fn aliases_resolve_to_canonical_names() {
        let r = registry();
        assert_eq!(r.resolve("三都县"), Resolved::Unit("三都水族自治县"));
        assert_eq!(r.resolve("都匀市"), Resolved::Unit("都匀市"));
    }

    #[test]
    fn unknown_names_get_the_closest_suggestions() {
        let r = registry();
        let Resolved::Unknown(suggestions) = r.resolve("独山") else {
            panic!("known")
        };
        assert_eq!(suggestions[0], "独山县");
        let Resolved::Unknown(suggestions) = r.resolve("三都自治县") else {
            panic!("known")
        };
        assert_eq!(suggestions[0], "三都水族自治县");
    }

    #[test]
    fn units_named_in_a_title() {
        let r = registry();
        let named = |text: &str| r.named_in(text);
        assert_eq!(named("都匀市2021年行政复议案件台账"), ["都匀市"]);
        assert_eq!(named("三都县复议台账"), ["三都水族自治县"]);
        assert_eq!(named("三都水族自治县、三都县"), ["三都水族自治县"]);
        assert_eq!(named("独山县与都匀市"), ["独山县", "都匀市"]);
        assert!(named("黔南州2021年行政复议案件台账").is_empty());
        assert!(named("").is_empty());
    }

    #[test]
    fn an_alias_of_two_units_is_refused() {
        let twice = vec![
            Unit {
                name: "甲".into(),
                code: None,
                aliases: vec!["乙".into()],
            },
            Unit {
                name: "乙".into(),
                code: None,
                aliases: vec![],
            },
        ];
        assert!(matches!(
            UnitRegistry::new(twice),
            Err(RegistryError::AliasOfTwo { .. })
        ));
    }

    #[test]
    fn distances() {
        assert_eq!(distance("三都县", "三都水族自治县"), 4);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("kitten", "sitting"), 3);
    }
}
