//! The one look of a table on a terminal: box lines in the condensed UTF-8 style, and
//! columns never wrapped, so that a long 案号 or name stays whole and a table piped to a
//! file reads the same as on screen.

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{ContentArrangement, Row, Table};

/// An empty table with `header`, in the look every listing shares.
#[must_use]
pub fn with_header(header: impl Into<Row>) -> Table {
    let mut table = Table::new();
    table
        .load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Disabled)
        .set_header(header);
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_row_is_not_wrapped_and_the_lines_are_condensed() {
        let mut table = with_header(["案号", "单位"]);
        let long = "黔南府复决字〔2021〕1234567890号".repeat(8);
        table.add_row([long.as_str(), "都匀市"]);
        let text = table.to_string();
        let lines: Vec<&str> = text.lines().collect();
        // Top line, header, the line under it, one row, bottom line: no line between rows
        // beyond the header's, and the row on one line however wide.
        assert_eq!(lines.len(), 5, "{text}");
        assert!(lines[3].contains(&long), "{text}");
        assert!(
            lines[0].starts_with('┌') && lines[2].starts_with('╞'),
            "{text}"
        );
    }
}
