//! Writes the workbooks of `tests/data/layouts/` from the tests' own case set and
//! layouts, so the fixtures hold exactly the cases the tests compare them with.
//!
//! `cargo run --example make_layout_fixtures`, then convert them to .xls and .ods as
//! `tests/data/layouts/README.md` says.

use std::path::Path;

// The tests' modules, included whole; the generator needs only part of each.
#[path = "../tests/cli/case_set.rs"]
#[allow(dead_code)]
mod case_set;
#[path = "../tests/cli/layout.rs"]
#[allow(dead_code)]
mod layout;
#[path = "../tests/cli/sheet.rs"]
#[allow(dead_code)]
mod sheet;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/layouts");
    std::fs::create_dir_all(&dir)?;
    for (name, merged) in layout::FIXTURES {
        let path = dir.join(name);
        sheet::save_workbook(&layout::fixture_sheets(merged), &path)?;
        println!("wrote {}", path.display());
    }
    Ok(())
}
