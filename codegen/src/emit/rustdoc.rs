//! Description text made safe for rustdoc and for Rust comments: the spec's
//! Markdown is printed into the generated module's docs.
//!
//! Text from a spec is data, never code: rustdoc compiles and runs every
//! code block it finds in docs, so none may survive. The rule is inert by
//! construction rather than a list of dangerous info strings: every line
//! is read as rustdoc's Markdown would, its containers (quotes, list items,
//! nested either way) taken apart, and
//!
//! - every fenced block, whatever its fence (backticks or tildes, any
//!   length), info string, indentation or container, is printed again at
//!   the top level with a backtick fence longer than any backtick run in
//!   it and the info string `text`, so nothing inside can close it and
//!   rustdoc never compiles it;
//! - every other line is printed with at most three spaces of indentation,
//!   each container marker followed by exactly one space and the text by
//!   none, so no line can open an indented code block, in a container or
//!   out; a fence inside a line cannot open a block either;
//! - `<` never starts a line (`inline`), so no HTML block can hide lines
//!   from the rules above.

use crate::emit::inline::escape_inline;

/// `text` rewritten so rustdoc renders it and neither rustdoc nor clippy warn:
/// code blocks never run as doctests, bare URLs become autolinks, stray
/// brackets and HTML-like tags are escaped, and lazy list continuations are
/// broken into paragraphs.
pub(crate) fn rustdoc(text: &str) -> String {
    let text = plain(text);
    let lines: Vec<&str> = text.lines().collect();
    let mut out: Vec<String> = Vec::new();
    let mut after_block_line = false;
    let mut at = 0;
    while let Some(&raw) = lines.get(at) {
        at += 1;
        let line = Line::parse(raw);
        if let Some(fence) = line.fence() {
            let mut body = Vec::new();
            while let Some(&next) = lines.get(at) {
                at += 1;
                if fence.closed_by(next) {
                    break;
                }
                body.push(line.inside(next));
            }
            push_block(&mut out, &body);
            after_block_line = false;
            continue;
        }
        if line.content.is_empty() && line.markers.is_empty() {
            out.push(String::new());
            after_block_line = false;
            continue;
        }
        let is_block_line = !line.markers.is_empty();
        // A lazy continuation of a list item or quote becomes its own paragraph.
        if after_block_line && !is_block_line && !line.content.starts_with('|') {
            out.push(String::new());
        }
        after_block_line = is_block_line;
        out.push(line.print());
    }
    while out.last().is_some_and(String::is_empty) {
        out.pop();
    }
    out.join("\n")
}

/// `body` as a fenced block rustdoc never compiles, at the top level: after
/// a blank line, which ends any list or quote above it.
fn push_block(out: &mut Vec<String>, body: &[String]) {
    let longest = body.iter().map(|l| longest_run(l, '`')).max().unwrap_or(0);
    let fence = "`".repeat(longest.max(2) + 1);
    if out.last().is_some_and(|l| !l.is_empty()) {
        out.push(String::new());
    }
    out.push(format!("{fence}text"));
    out.extend(body.iter().cloned());
    out.push(fence);
}

/// The longest run of `c` in `line`.
pub(crate) fn longest_run(line: &str, c: char) -> usize {
    let mut longest = 0;
    let mut run = 0;
    for ch in line.chars() {
        run = if ch == c { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    longest
}

/// A line taken apart as Markdown's block rules read it: indentation,
/// container markers (`>`, `-`, `*`, `+`, `1.`, `1)`), then the text.
struct Line<'a> {
    indent: usize,
    markers: Vec<&'a str>,
    content: &'a str,
    /// How many markers are `>`: the quotes a fenced block's lines are in.
    quotes: usize,
    /// Spaces between the last `>` (its own optional space aside) or the
    /// line's start, and the text: a fenced block's lines lose as many.
    gap: usize,
}

impl<'a> Line<'a> {
    fn parse(line: &'a str) -> Line<'a> {
        let rest = line.trim_start_matches(' ');
        let indent = line.len() - rest.len();
        let mut rest = rest;
        let mut markers = Vec::new();
        let mut quotes = 0;
        let mut after_quote = line.len() - rest.len();
        loop {
            if let Some(after) = rest.strip_prefix('>') {
                markers.push(">");
                quotes += 1;
                rest = after.strip_prefix(' ').unwrap_or(after);
                after_quote = line.len() - rest.len();
                rest = rest.trim_start_matches(' ');
                continue;
            }
            let Some(len) = list_marker(rest) else { break };
            markers.push(&rest[..len]);
            rest = rest[len..].trim_start_matches(' ');
        }
        let content = rest.trim_end();
        let gap = if quotes == 0 {
            line.len() - rest.len()
        } else {
            line.len() - rest.len() - after_quote
        };
        Line {
            indent,
            markers,
            content,
            quotes,
            gap,
        }
    }

    /// The fence this line opens: its text starts with three or more
    /// backticks or tildes (and, for backticks, holds no other backtick:
    /// `` ```code``` `` is inline code).
    fn fence(&self) -> Option<Fence> {
        let c = self
            .content
            .chars()
            .next()
            .filter(|c| matches!(c, '`' | '~'))?;
        let len = self.content.chars().take_while(|&ch| ch == c).count();
        let inline = c == '`' && self.content[len..].contains('`');
        (len >= 3 && !inline).then_some(Fence { c, len })
    }

    /// `line`, a line of the fenced block this line opens, without the
    /// quote markers and indentation the block's container gives it.
    fn inside(&self, line: &str) -> String {
        let mut rest = line;
        for _ in 0..self.quotes {
            let trimmed = rest.trim_start_matches(' ');
            match trimmed.strip_prefix('>') {
                Some(after) => rest = after.strip_prefix(' ').unwrap_or(after),
                None => break,
            }
        }
        let spaces = rest.len() - rest.trim_start_matches(' ').len();
        rest[spaces.min(self.gap)..].to_owned()
    }

    /// The line as printed: at most three spaces, each marker followed by
    /// one space, the text escaped. A text that starts like a fence but
    /// is inline code starts with a backslash, so it never reads as one.
    fn print(&self) -> String {
        let mut out = " ".repeat(if self.markers.is_empty() {
            0
        } else {
            self.indent.min(3)
        });
        for marker in &self.markers {
            out.push_str(marker);
            out.push(' ');
        }
        if self.content.starts_with("```") {
            out.push('\\');
        }
        out.push_str(&escape_inline(self.content));
        out.truncate(out.trim_end().len());
        out
    }
}

/// The length of the list marker `text` starts with (`-`, `*`, `+`, or up to
/// nine digits and `.` or `)`), followed by a space or nothing.
fn list_marker(text: &str) -> Option<usize> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let len = match text.as_bytes().get(digits)? {
        b'-' | b'*' | b'+' if digits == 0 => 1,
        b'.' | b')' if (1..=9).contains(&digits) => digits + 1,
        _ => return None,
    };
    matches!(text.as_bytes().get(len), None | Some(b' ')).then_some(len)
}

/// An opening fence.
struct Fence {
    c: char,
    len: usize,
}

impl Fence {
    /// Whether `line` closes the block: once its containers' markers are
    /// gone, a run of the fence's character at least as long, and nothing else.
    fn closed_by(&self, line: &str) -> bool {
        let text = line.trim_start_matches([' ', '>']);
        let run = text.chars().take_while(|&ch| ch == self.c).count();
        run >= self.len && text[run..].trim().is_empty()
    }
}

/// `text` with line ends made `\n`, tabs made spaces, and the characters
/// Rust refuses in comments removed: other control characters, and the
/// text-direction overrides (U+202A to U+202E, U+2066 to U+2069) that can make
/// code read differently than it compiles.
pub(crate) fn plain(text: &str) -> String {
    // Most text has nothing to remove: one scan, one copy.
    if !text
        .chars()
        .any(|c| c.is_control() && c != '\n' || is_direction(c))
    {
        return text.to_owned();
    }
    text.replace("\r\n", "\n")
        .chars()
        .filter_map(|c| match c {
            '\r' => Some('\n'),
            '\t' => Some(' '),
            c if is_direction(c) => None,
            c if c.is_control() && c != '\n' => None,
            c => Some(c),
        })
        .collect()
}

/// The text-direction overrides and isolates.
fn is_direction(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rustdoc_neutralises_doctests_links_and_tags() {
        let doc = rustdoc(
            "See http://a.b/c.\n\n```\nlet x = 1;\n```\n\n    indented\n[x] <soap:Body>\n> quote\nlazy",
        );
        assert!(doc.contains("<http://a.b/c>."), "{doc}");
        assert!(doc.contains("```text"), "{doc}");
        assert!(!doc.contains("    indented"), "{doc}");
        assert!(doc.contains("\\[x\\] &lt;soap:Body>"), "{doc}");
        assert!(doc.contains("> quote\n\nlazy"), "{doc}");
        assert!(rustdoc("[here](https://x)").contains("[here](https://x)"));
        assert!(rustdoc("`[a]` <https://x>").contains("`[a]` <https://x>"));
        assert_eq!(rustdoc("See [`A::b`]."), "See [`A::b`].");
        assert_eq!(rustdoc("one\rtwo \u{202e}x\u{7}"), "one\ntwo x");
    }

    /// Fenced blocks come out at the top level, fenced longer than any
    /// backtick run inside, tagged `text`, without their containers.
    #[test]
    fn every_fenced_block_is_text_at_the_top_level() {
        assert_eq!(
            rustdoc("A\n````rust\n```\nx\n````"),
            "A\n\n````text\n```\nx\n````"
        );
        assert_eq!(
            rustdoc("> - ~~~~ should_panic\n>   a\n>     b\n>   ~~~~\nafter"),
            "```text\na\n  b\n```\nafter"
        );
        assert_eq!(rustdoc("```rust\nunclosed"), "```text\nunclosed\n```");
        assert_eq!(rustdoc("1) ```\n   x\n   ```"), "```text\nx\n```");
    }

    /// A container's marker is followed by one space, so what follows it
    /// never reads as indented code; a line is indented three spaces at most.
    #[test]
    fn container_lines_cannot_hold_indented_code() {
        assert_eq!(rustdoc(">     code"), "> code");
        assert_eq!(rustdoc("-     code"), "- code");
        assert_eq!(rustdoc("      - > 1.    code"), "   - > 1. code");
        assert_eq!(rustdoc("- a\n\n      code"), "- a\n\ncode");
        assert_eq!(rustdoc("> ```a``` b"), "> \\```a``` b");
    }
}
