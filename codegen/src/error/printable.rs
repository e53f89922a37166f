//! Spec text made fit for a terminal: what the command line and every
//! error, warning and diff line print goes through [`printable`].

use std::borrow::Cow;
use std::fmt::Write;

/// `text` with every character that could act on a terminal, rather than
/// show, written as an escape: control characters (C0 such as ESC, BEL and
/// line ends, DEL, C1 such as CSI and OSC), the line and paragraph
/// separators, and the text-direction controls (U+061C, U+200E, U+200F,
/// U+202A to U+202E, U+2066 to U+2069). So a name from a spec can neither
/// move the cursor, recolour or retitle the terminal, start a line of its
/// own (a fake `error:` or `cargo:` line), nor reorder what is shown.
/// `\n`, `\r` and `\t` read as such; the rest as `\u{1b}`.
pub fn printable(text: &str) -> Cow<'_, str> {
    if !text.chars().any(acts) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if acts(c) => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Whether a terminal acts on `c` rather than shows it.
fn acts(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{61c}'
                | '\u{200e}'
                | '\u{200f}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2066}'..='\u{2069}'
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_controls_are_escaped_and_the_rest_kept() {
        assert!(matches!(printable("Plain – naïve 名前"), Cow::Borrowed(_)));
        assert_eq!(
            printable("a\u{1b}[31mred\u{7}\n\u{9b}2J\u{9d}0;t\u{9c}\u{202e}x\u{2028}"),
            "a\\u{1b}[31mred\\u{7}\\n\\u{9b}2J\\u{9d}0;t\\u{9c}\\u{202e}x\\u{2028}"
        );
        assert_eq!(printable("\u{7f}\r\t"), "\\u{7f}\\r\\t");
    }
}
