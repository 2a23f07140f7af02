//! The escapes that neutralise text for where it goes, one per destination, so that no
//! case number or agency name a file brought in can act as markup or as a command: HTML,
//! Markdown (markup and HTML alike), and a terminal (control characters shown, never
//! obeyed). Every renderer uses these; none keeps a copy of its own.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::Write;

/// Text for HTML content and attribute values.
#[must_use]
pub fn html(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            c => escaped.push(c),
        }
    }
    escaped
}

/// Text for a Markdown line or table cell: what Markdown would read as table, emphasis,
/// link or code markup is backslash-escaped, what it would pass on as HTML is an entity,
/// a line break (which would end a table row) is a space, and a control character is
/// shown as `\u{1b}`.
#[must_use]
pub fn markdown(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '|' | '*' | '_' | '\\' | '`' | '[' | ']' => {
                escaped.push('\\');
                escaped.push(c);
            }
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '&' => escaped.push_str("&amp;"),
            '\n' | '\r' => escaped.push(' '),
            c if is_control(c) => shown(&mut escaped, c),
            c => escaped.push(c),
        }
    }
    escaped
}

/// Whether a terminal would act on the character rather than show it: C0 controls but
/// tab and line feed, DEL, and C1 controls (U+0080–U+009F, CSI among them).
#[must_use]
pub fn is_control(c: char) -> bool {
    c != '\n' && c != '\t' && c.is_control()
}

/// Text for a terminal or a log: every control character shown as `\u{1b}`.
#[must_use]
pub fn terminal(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_control) {
        return Cow::Borrowed(text);
    }
    let mut escaped = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_control(c) {
            shown(&mut escaped, c);
        } else {
            escaped.push(c);
        }
    }
    Cow::Owned(escaped)
}

/// A control character as text a terminal shows: `\u{1b}`.
fn shown(into: &mut String, c: char) {
    // Writing to a String cannot fail.
    let _ = write!(into, "\\u{{{:x}}}", u32::from(c));
}

/// A writer for a terminal: passes text on with every control character shown escaped
/// (see [`is_control`]), so that an escape sequence in a case number cannot retitle or
/// clear the terminal. Works on UTF-8 bytes as they come, however the writes split them.
pub struct Terminal<W: Write> {
    inner: W,
    /// The lead byte 0xC2 of a two-byte character whose second byte is still to come
    /// (a C1 control is 0xC2 0x80–0x9F).
    pending_lead: bool,
}

impl<W: Write> Terminal<W> {
    pub fn new(inner: W) -> Terminal<W> {
        Terminal {
            inner,
            pending_lead: false,
        }
    }
}

impl<W: Write> Write for Terminal<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let mut out = Vec::with_capacity(buf.len());
        let mut text = String::new();
        for &byte in buf {
            if std::mem::take(&mut self.pending_lead) {
                if (0x80..=0x9F).contains(&byte) {
                    shown(&mut text, char::from(byte));
                    out.extend_from_slice(text.as_bytes());
                    text.clear();
                    continue;
                }
                out.push(0xC2);
            }
            match byte {
                0xC2 => self.pending_lead = true,
                b'\n' | b'\t' => out.push(byte),
                0..0x20 | 0x7F => {
                    shown(&mut text, char::from(byte));
                    out.extend_from_slice(text.as_bytes());
                    text.clear();
                }
                byte => out.push(byte),
            }
        }
        self.inner.write_all(&out)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if std::mem::take(&mut self.pending_lead) {
            self.inner.write_all(&[0xC2])?;
        }
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn html_case(text: &str, expected: &str) {
        assert_eq!(html(text), expected, "{text}");
    }

    #[test]
    fn html_escapes_markup_and_quotes() {
        html_case("都匀市", "都匀市");
        html_case("a & b", "a &amp; b");
        html_case("<b>", "&lt;b&gt;");
        html_case(r#""x" 'y'"#, "&quot;x&quot; &#39;y&#39;");
        html_case("&amp;", "&amp;amp;");
    }

    #[track_caller]
    fn markdown_case(text: &str, expected: &str) {
        assert_eq!(markdown(text), expected, "{text}");
    }

    #[test]
    fn markdown_cells_stay_text_in_their_cell() {
        markdown_case("都匀市", "都匀市");
        markdown_case("a|b", "a\\|b");
        markdown_case("*x* _y_ `z` [l](u)", "\\*x\\* \\_y\\_ \\`z\\` \\[l\\](u)");
        markdown_case(
            "<script>alert(1)</script>",
            "&lt;script&gt;alert(1)&lt;/script&gt;",
        );
        markdown_case("a & b", "a &amp; b");
        markdown_case("两行\n文字", "两行 文字");
        markdown_case("\u{1b}]0;x\u{7}", "\\u{1b}\\]0;x\\u{7}");
    }

    #[test]
    fn text_for_a_terminal_shows_its_controls() {
        assert_eq!(terminal("都匀 1\t2\n"), "都匀 1\t2\n");
        assert_eq!(terminal("\u{1b}[2J\u{9b}"), "\\u{1b}[2J\\u{9b}");
    }

    #[track_caller]
    fn terminal_case(pieces: &[&[u8]], expected: &str) {
        let mut out = Terminal::new(Vec::new());
        for piece in pieces {
            out.write_all(piece).unwrap();
        }
        out.flush().unwrap();
        assert_eq!(
            String::from_utf8(out.inner).unwrap(),
            expected,
            "{pieces:?}"
        );
    }

    #[test]
    fn a_terminal_is_shown_control_characters_not_given_them() {
        terminal_case(&[b"plain\ttext\n"], "plain\ttext\n");
        terminal_case(&["案号 都匀".as_bytes()], "案号 都匀");
        terminal_case(
            &[b"\x1b]0;owned\x07\x1b[2J"],
            "\\u{1b}]0;owned\\u{7}\\u{1b}[2J",
        );
        terminal_case(&[b"a\rb\x7f"], "a\\u{d}b\\u{7f}");
        // C1 CSI (U+009B), whole or split between two writes; other 0xC2 characters kept.
        terminal_case(&["x\u{9b}2J".as_bytes()], "x\\u{9b}2J");
        terminal_case(&[b"x\xc2", b"\x9b2J"], "x\\u{9b}2J");
        terminal_case(&["£ ©".as_bytes()], "£ ©");
        terminal_case(&[b"\xc2", b"\xa3"], "£");
    }
}
