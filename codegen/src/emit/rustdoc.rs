//! Description text made safe for rustdoc and for Rust comments: the spec's
//! Markdown is printed into the generated module's docs.

/// `text` rewritten so rustdoc renders it and neither rustdoc nor clippy warn:
/// code blocks never run as doctests, bare URLs become autolinks, stray
/// brackets and HTML-like tags are escaped, and lazy list continuations are
/// broken into paragraphs.
pub(crate) fn rustdoc(text: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut fence: Option<String> = None;
    let mut after_block_line = false;
    for line in plain(text).lines() {
        let trimmed = line.trim_start();
        if let Some(marker) = &fence {
            out.push(line.to_owned());
            if trimmed.starts_with(marker.as_str()) {
                fence = None;
            }
            continue;
        }
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            let marker = trimmed[..3].to_owned();
            let lang = trimmed[3..].trim();
            // Untagged or Rust-tagged blocks would compile as doctests.
            let lang = if lang.is_empty() || lang.starts_with("rust") {
                "text"
            } else {
                lang
            };
            out.push(format!("{marker}{lang}"));
            fence = Some(marker);
            after_block_line = false;
            continue;
        }
        if trimmed.is_empty() {
            out.push(String::new());
            after_block_line = false;
            continue;
        }
        let is_block_line = is_list_item(trimmed) || trimmed.starts_with('>');
        // A lazy continuation of a list item or quote becomes its own paragraph.
        if after_block_line && !is_block_line && !trimmed.starts_with('|') {
            out.push(String::new());
        }
        after_block_line = is_block_line;
        // Deeper indentation would make an indented code block, a doctest.
        let indent = (line.len() - trimmed.len()).min(if is_block_line { 3 } else { 0 });
        out.push(format!("{}{}", " ".repeat(indent), escape_inline(trimmed)));
    }
    if let Some(marker) = fence {
        out.push(marker);
    }
    while out.last().is_some_and(String::is_empty) {
        out.pop();
    }
    out.join("\n")
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

fn is_list_item(line: &str) -> bool {
    if line.starts_with("- ") || line.starts_with("* ") || line.starts_with("+ ") {
        return true;
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    digits > 0 && (line[digits..].starts_with(". ") || line[digits..].starts_with(") "))
}

/// Escapes what rustdoc would misread in running text, leaving code spans alone.
fn escape_inline(line: &str) -> String {
    // Only brackets, `<` and URLs are rewritten; most lines have none.
    if !line.contains(['[', ']', '<']) && !line.contains("http://") && !line.contains("https://") {
        return line.to_owned();
    }
    let mut out = String::with_capacity(line.len());
    let chars: Vec<char> = line.chars().collect();
    let mut i = 0;
    let mut in_code = false;
    while i < chars.len() {
        let c = chars[i];
        if c == '`' {
            in_code = !in_code;
            out.push(c);
            i += 1;
            continue;
        }
        if in_code {
            out.push(c);
            i += 1;
            continue;
        }
        match c {
            '[' => {
                // A real link is `[text](url)`; anything else reads as an intra-doc link.
                match link_end(&chars, i) {
                    Some(end) => {
                        out.extend(&chars[i..end]);
                        i = end;
                    }
                    None => {
                        out.push_str("\\[");
                        i += 1;
                    }
                }
            }
            ']' => {
                out.push_str("\\]");
                i += 1;
            }
            '<' => {
                let close = chars[i..].iter().position(|&c| c == '>');
                match close.filter(|_| url_at(&chars[i + 1..])) {
                    Some(len) => {
                        out.extend(&chars[i..=i + len]);
                        i += len + 1;
                    }
                    None => {
                        out.push_str("&lt;");
                        i += 1;
                    }
                }
            }
            'h' if url_at(&chars[i..]) => {
                let url: String = chars[i..]
                    .iter()
                    .take_while(|c| !c.is_whitespace() && !matches!(c, '"' | '\'' | '<' | '>'))
                    .collect();
                let url = url.trim_end_matches(['.', ',', ')', ';', ':']);
                out.push('<');
                out.push_str(url);
                out.push('>');
                i += url.chars().count();
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

/// Whether `chars` starts with `http://` or `https://`.
fn url_at(chars: &[char]) -> bool {
    let starts = |prefix: &str| {
        prefix.chars().count() <= chars.len() && prefix.chars().zip(chars).all(|(a, &b)| a == b)
    };
    starts("http://") || starts("https://")
}

/// End (exclusive) of a `[text](url)` link, or of an intra-doc link to code
/// (`` [`Type::method`] ``), starting at `start`.
fn link_end(chars: &[char], start: usize) -> Option<usize> {
    let close = start + chars[start..].iter().position(|&c| c == ']')?;
    let code = chars.get(start + 1) == Some(&'`') && close > start + 2 && chars[close - 1] == '`';
    if code && chars.get(close + 1) != Some(&'(') {
        return Some(close + 1);
    }
    if chars.get(close + 1) != Some(&'(') {
        return None;
    }
    let paren = close + 1 + chars[close + 1..].iter().position(|&c| c == ')')?;
    Some(paren + 1)
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
}
