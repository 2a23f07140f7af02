//! Unit registry files: 单位, 别名 (separated by 、 or ;) and an optional 区划代码, which
//! orders the units in reports.

use std::path::Path;

use super::Diagnostic;
use super::cell::Cell;
use super::columns::header_key;
use super::csv_rows::CsvRows;
use crate::model::{Unit, UnitRegistry};

/// Reads a registry file, or every problem with it.
pub fn read(path: &Path, display: &str) -> Result<UnitRegistry, Vec<Diagnostic>> {
    let mut rows = CsvRows::open(path, display).map_err(|d| vec![d])?;
    let Some(header) = rows.next().transpose().map_err(|d| vec![d])? else {
        return Err(vec![Diagnostic::file_error(display, "the file is empty")]);
    };
    let keys: Vec<String> = header.cells.iter().map(|c| header_key(&c.text())).collect();
    let column = |names: &[&str]| keys.iter().position(|k| names.contains(&k.as_str()));
    let (Some(name_column), aliases_column, code_column) = (
        column(&["单位", "unit", "名称"]),
        column(&["别名", "aliases", "alias"]),
        column(&["区划代码", "code", "行政区划代码"]),
    ) else {
        return Err(vec![Diagnostic {
            row: Some(header.row),
            ..Diagnostic::file_error(display, "required column 单位 is missing")
        }]);
    };
    let mut units = Vec::new();
    let mut errors = Vec::new();
    for row in rows {
        let row = match row {
            Ok(row) => row,
            Err(d) => {
                errors.push(d);
                continue;
            }
        };
        if row.cells.iter().all(Cell::is_blank) {
            continue;
        }
        let text = |i: Option<usize>| {
            i.and_then(|i| row.cells.get(i))
                .map(Cell::text)
                .unwrap_or_default()
        };
        let name = text(Some(name_column));
        if name.is_empty() {
            errors.push(Diagnostic {
                row: Some(row.row),
                column: Some("单位".to_owned()),
                ..Diagnostic::file_error(display, "the unit name is empty")
            });
            continue;
        }
        let aliases = text(aliases_column)
            .split(['、', ';', '；', ',', '，'])
            .map(str::trim)
            .filter(|a| !a.is_empty() && *a != name)
            .map(str::to_owned)
            .collect();
        let code = Some(text(code_column)).filter(|c| !c.is_empty());
        units.push(Unit {
            name,
            code,
            aliases,
        });
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    // 区划代码 orders the registry; units without one keep the file's order, after them.
    units.sort_by(|a, b| match (&a.code, &b.code) {
        (Some(x), Some(y)) => x.cmp(y),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    UnitRegistry::new(units).map_err(|e| vec![Diagnostic::file_error(display, e)])
}
