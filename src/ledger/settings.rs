//! What a bureau configures once and every report uses: the 口径 (rules), the unit
//! registry and the words of its documents (letterhead). Changing any never touches
//! stored cases.

use anyhow::{Context, Result, anyhow};
use chrono::NaiveDate;
use rusqlite::{TransactionBehavior, params};

use super::tables::{SETTINGS, UNIT_ALIASES, UNITS};
use super::{Error, Ledger};
use crate::model::outcome::spelling_key;
use crate::model::rules::KEYS;
use crate::model::{
    DayType, Field, HeaderMap, Kind, Letterhead, Outcome, OutcomeMap, Rules, Unit, UnitRegistry,
    WorkCalendar,
};

/// Settings keys of the rules are prefixed so other settings can live beside them.
const RULE_PREFIX: &str = "rules.";

/// Settings keys of the document's words (`letterhead set`).
const LETTERHEAD_PREFIX: &str = "letterhead.";

/// Settings keys of the user's outcome spellings: the prefix, then the spelling as typed.
const OUTCOME_PREFIX: &str = "outcomes.";

/// Settings keys of the user's column headers: the prefix, the kind's key, `.`, then the
/// header as written; the value is the field's key, or `-` for a column not read.
const COLUMN_PREFIX: &str = "columns.";

/// The stored value of a header acknowledged but not read.
const NOT_READ: &str = "-";

/// Settings keys of the user's calendar days: the prefix, then the ISO date.
const CALENDAR_PREFIX: &str = "calendar.";

impl Ledger {
    /// The rules in force: the defaults, with what `rules set` stored.
    pub fn rules(&self) -> Result<Rules> {
        let mut rules = Rules::default();
        let mut stmt = self.conn.prepare(&format!(
            "SELECT key, value FROM {SETTINGS} WHERE key LIKE 'rules.%' ORDER BY key"
        ))?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let key: String = row.get(0)?;
            let value: String = row.get(1)?;
            let name = key.trim_start_matches(RULE_PREFIX);
            rules.set(name, &value).map_err(|e| Error::DamagedSetting {
                key: key.clone(),
                reason: e.to_string(),
            })?;
        }
        Ok(rules)
    }
    /// The unit a filter names (`--unit`, a page's `unit=`): the registry's canonical
    /// name (an alias is fine), or the name as typed when there is no registry. An unknown
    /// name is an error with the closest.
    pub fn unit_filter(&self, unit: Option<&str>) -> Result<Option<String>> {
        let Some(unit) = unit.map(crate::spreadsheet::cell::normalise) else {
            return Ok(None);
        };
        let registry = self.unit_registry()?;
        if registry.is_empty() {
            return Ok(Some(unit.into_owned()));
        }
        match registry.resolve(&unit) {
            crate::model::Resolved::Unit(name) => Ok(Some(name.to_owned())),
            crate::model::Resolved::Unknown(closest) => Err(anyhow!(
                "`{unit}` is not a unit of the registry (closest: {})",
                closest.join("、")
            )),
        }
    }

    /// Stores one rule after checking it; returns the rules now in force.
    pub fn set_rule(&mut self, key: &str, value: &str) -> Result<Rules> {
        let mut rules = self.rules()?;
        rules.set(key, value).map_err(|e| anyhow!(e))?;
        self.store(RULE_PREFIX, key, rules.to_text())?;
        Ok(rules)
    }

    /// Stores the checked value of `key`, as its settings write it out, under `prefix`.
    fn store(&self, prefix: &str, key: &str, text: Vec<(&'static str, String)>) -> Result<()> {
        let stored = text
            .into_iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v)
            .unwrap_or_default();
        self.conn.execute(
            &format!("INSERT INTO {SETTINGS} (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
            params![format!("{prefix}{key}"), stored],
        )?;
        Ok(())
    }

    /// Returns every rule to its default.
    pub fn reset_rules(&mut self) -> Result<()> {
        self.conn.execute(
            &format!("DELETE FROM {SETTINGS} WHERE key LIKE 'rules.%'"),
            [],
        )?;
        debug_assert!(KEYS.iter().all(|k| !k.contains('%')));
        Ok(())
    }

    /// The words of the bureau's documents: the defaults, with what `letterhead set` stored.
    pub fn letterhead(&self) -> Result<Letterhead> {
        let mut words = Letterhead::default();
        let mut stmt = self.conn.prepare(&format!(
            "SELECT key, value FROM {SETTINGS} WHERE key LIKE 'letterhead.%' ORDER BY key"
        ))?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let key: String = row.get(0)?;
            let value: String = row.get(1)?;
            words
                .set(key.trim_start_matches(LETTERHEAD_PREFIX), &value)
                .map_err(|e| Error::DamagedSetting {
                    key: key.clone(),
                    reason: e,
                })?;
        }
        Ok(words)
    }

    /// Stores one of the document's words after checking it; returns the words now in force.
    pub fn set_letterhead(&mut self, key: &str, value: &str) -> Result<Letterhead> {
        let mut words = self.letterhead()?;
        words.set(key, value).map_err(|e| anyhow!(e))?;
        self.store(LETTERHEAD_PREFIX, key, words.to_text())?;
        Ok(words)
    }

    /// Returns every word of the documents to its default.
    pub fn reset_letterhead(&mut self) -> Result<()> {
        self.conn.execute(
            &format!("DELETE FROM {SETTINGS} WHERE key LIKE 'letterhead.%'"),
            [],
        )?;
        Ok(())
    }

    /// The unit registry (empty when none was imported).
    pub fn unit_registry(&self) -> Result<UnitRegistry> {
        let mut units: Vec<Unit> = self
            .conn
            .prepare(&format!("SELECT name, code FROM {UNITS} ORDER BY position"))?
            .query_map([], |r| {
                Ok(Unit {
                    name: r.get(0)?,
                    code: r.get(1)?,
                    aliases: Vec::new(),
                })
            })?
            .collect::<Result<_, _>>()?;
        let mut stmt = self.conn.prepare(&format!(
            "SELECT alias, unit FROM {UNIT_ALIASES} ORDER BY rowid"
        ))?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let (alias, unit): (String, String) = (row.get(0)?, row.get(1)?);
            if let Some(u) = units.iter_mut().find(|u| u.name == unit) {
                u.aliases.push(alias);
            }
        }
        UnitRegistry::new(units).map_err(|e| anyhow!("damaged unit registry: {e}"))
    }

    /// Replaces the unit registry with `registry`, in one transaction.
    pub fn store_units(&mut self, registry: &UnitRegistry) -> Result<()> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .context("cannot start writing the ledger")?;
        tx.execute(&format!("DELETE FROM {UNIT_ALIASES}"), [])?;
        tx.execute(&format!("DELETE FROM {UNITS}"), [])?;
        {
            let mut unit = tx.prepare(&format!(
                "INSERT INTO {UNITS} (name, code, position) VALUES (?1, ?2, ?3)"
            ))?;
            let mut alias = tx.prepare(&format!(
                "INSERT INTO {UNIT_ALIASES} (alias, unit) VALUES (?1, ?2)"
            ))?;
            for (position, u) in registry.units().iter().enumerate() {
                unit.execute(params![u.name, u.code, position as i64])?;
                for a in u.aliases.iter().filter(|a| **a != u.name) {
                    alias.execute(params![a, u.name])?;
                }
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// The outcome spellings users mapped (empty when none were).
    pub fn outcome_map(&self) -> Result<OutcomeMap> {
        let mut map = OutcomeMap::default();
        for (spelling, value) in self.settings_under(OUTCOME_PREFIX)? {
            let outcome = Outcome::from_name(&value).ok_or_else(|| Error::DamagedSetting {
                key: format!("{OUTCOME_PREFIX}{spelling}"),
                reason: format!("`{value}` is not an outcome"),
            })?;
            map.insert(&spelling, outcome);
        }
        Ok(map)
    }

    /// Stores outcome spellings, all or none. A spelling is one mapping however it is
    /// written (spaces and punctuation aside, as it is read): mapping it again replaces it.
    pub fn map_outcomes(&mut self, entries: &[(String, Outcome)]) -> Result<()> {
        let stored = self.outcome_map()?;
        let replaced: Vec<String> = stored
            .iter()
            .filter(|(old, _)| {
                entries
                    .iter()
                    .any(|(new, _)| spelling_key(new) == spelling_key(old))
            })
            .map(|(old, _)| old.to_owned())
            .collect();
        self.put_settings(
            OUTCOME_PREFIX,
            &replaced,
            entries
                .iter()
                .map(|(spelling, outcome)| (spelling.clone(), outcome.name().to_owned())),
        )
    }

    /// Removes the mappings of spellings exactly as they were stored, all or none.
    pub fn unmap_outcomes(&mut self, spellings: &[String]) -> Result<()> {
        self.put_settings(OUTCOME_PREFIX, spellings, std::iter::empty())
    }

    /// The column headers users mapped (empty when none were).
    pub fn header_map(&self) -> Result<HeaderMap> {
        let mut map = HeaderMap::default();
        for (key, value) in self.settings_under(COLUMN_PREFIX)? {
            let damaged = || Error::DamagedSetting {
                key: format!("{COLUMN_PREFIX}{key}"),
                reason: format!(
                    "`{value}` is not a mapping of a ledger kind's header to its column"
                ),
            };
            let (kind, header) = key.split_once('.').ok_or_else(damaged)?;
            let kind = Kind::ALL
                .into_iter()
                .find(|k| k.key() == kind)
                .ok_or_else(damaged)?;
            let field = if value == NOT_READ {
                None
            } else {
                Some(
                    Field::columns()
                        .find(|f| f.key() == value)
                        .ok_or_else(damaged)?,
                )
            };
            map.insert(kind, header, field);
        }
        Ok(map)
    }

    /// Stores header mappings of one kind, all or none, after removing the `replaced`
    /// headers (earlier spellings of the same header).
    pub fn map_headers(
        &mut self,
        kind: Kind,
        replaced: &[String],
        entries: &[(String, Option<Field>)],
    ) -> Result<()> {
        let prefix = format!("{COLUMN_PREFIX}{}.", kind.key());
        self.put_settings(
            &prefix,
            replaced,
            entries.iter().map(|(header, field)| {
                (
                    header.clone(),
                    field.map_or(NOT_READ, Field::key).to_owned(),
                )
            }),
        )
    }

    /// Removes header mappings of one kind exactly as they were stored, all or none.
    pub fn unmap_headers(&mut self, kind: Kind, headers: &[String]) -> Result<()> {
        let prefix = format!("{COLUMN_PREFIX}{}.", kind.key());
        self.put_settings(&prefix, headers, std::iter::empty())
    }

    /// The working-day calendar: the State Council's schedule, with the days users added
    /// or corrected (`calendar import`) over it.
    pub fn work_calendar(&self) -> Result<WorkCalendar> {
        Ok(WorkCalendar::with_overrides(self.calendar_days()?))
    }

    /// The days users added or corrected, in date order.
    pub fn calendar_days(&self) -> Result<Vec<(NaiveDate, DayType)>> {
        self.settings_under(CALENDAR_PREFIX)?
            .into_iter()
            .map(|(date, value)| {
                let damaged = |reason: String| Error::DamagedSetting {
                    key: format!("{CALENDAR_PREFIX}{date}"),
                    reason,
                };
                let day: DayType = value
                    .parse()
                    .map_err(|_| damaged(format!("`{value}` is not a kind of day")))?;
                let date = NaiveDate::parse_from_str(&date, "%Y-%m-%d")
                    .map_err(|_| damaged(format!("`{date}` is not a date")))?;
                Ok((date, day))
            })
            .collect()
    }

    /// Adds or corrects calendar days, all or none; a day given again is replaced.
    pub fn store_calendar_days(&mut self, days: &[(NaiveDate, DayType)]) -> Result<()> {
        self.put_settings(
            CALENDAR_PREFIX,
            &[],
            days.iter()
                .map(|(date, day)| (date.to_string(), day.key().to_owned())),
        )
    }

    /// The settings whose keys start with `prefix`, by key, with the prefix taken off.
    fn settings_under(&self, prefix: &str) -> Result<Vec<(String, String)>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT key, value FROM {SETTINGS} WHERE key LIKE ?1 ORDER BY key"
        ))?;
        let rows = stmt.query_map([format!("{prefix}%")], |row| {
            let key: String = row.get(0)?;
            Ok((
                key.strip_prefix(prefix).unwrap_or(&key).to_owned(),
                row.get(1)?,
            ))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Removes the `removed` keys under `prefix` and stores `entries` there, all or none;
    /// a key stored before takes the new value.
    fn put_settings(
        &mut self,
        prefix: &str,
        removed: &[String],
        entries: impl IntoIterator<Item = (String, String)>,
    ) -> Result<()> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .context("cannot start writing the ledger")?;
        {
            let mut delete = tx.prepare(&format!("DELETE FROM {SETTINGS} WHERE key = ?1"))?;
            for key in removed {
                delete.execute(params![format!("{prefix}{key}")])?;
            }
            let mut insert = tx.prepare(&format!(
                "INSERT INTO {SETTINGS} (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value"
            ))?;
            for (key, value) in entries {
                insert.execute(params![format!("{prefix}{key}"), value])?;
            }
        }
        tx.commit()?;
        Ok(())
    }
}
