//! Unit registry files: 单位, 别名 (separated by 、 or ;) and an optional 区划代码, which
//! orders the units in reports.

use std::path::Path;

use super::Diagnostic;
use super::reference_table::{self, Column};
use crate::model::{Unit, UnitRegistry};

/// The columns of a registry file.
const COLUMNS: [Column; 3] = [
    Column {
        headers: &["单位", "unit", "名称"],
        label: "单位",
        required: true,
    },
    Column {
        headers: &["别名", "aliases", "alias"],
        label: "别名",
        required: false,
    },
    Column {
        headers: &["区划代码", "code", "行政区划代码"],
        label: "区划代码",
        required: false,
    },
];

/// Reads a registry file, or every problem with it.
pub fn read(path: &Path, display: &str) -> Result<UnitRegistry, Vec<Diagnostic>> {
    let table = reference_table::read(path, display, &COLUMNS)?;
    let mut units = Vec::new();
    let mut errors = Vec::new();
    for row in &table.rows {
        let name = table.text(row, 0);
        if name.is_empty() {
            errors.push(Diagnostic {
                row: Some(row.row),
                column: table.header_of(0),
                ..Diagnostic::file_error(display, "the unit name is empty")
            });
            continue;
        }
        let aliases = table
            .text(row, 1)
            .split(['、', ';', '；', ',', '，'])
            .map(str::trim)
            .filter(|a| !a.is_empty() && *a != name)
            .map(str::to_owned)
            .collect();
        let code = Some(table.text(row, 2)).filter(|c| !c.is_empty());
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
    UnitRegistry::new(units).map_err(|e| vec![Diagnostic::file_error(display, e.to_string())])
}
