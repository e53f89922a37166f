//! Markdown in descriptions: argument tables, and text made safe for rustdoc.

/// How an argument table marks a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Requirement {
    Required,
    /// Required only in some cases; the type says optional.
    Conditional,
    Optional,
}

/// One row of an argument table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Argument {
    pub name: String,
    pub description: String,
    pub requirement: Option<Requirement>,
}

/// Rows of the first table in `text` whose header names an argument column,
/// such as `| Arguments | Description | Required/Conditional/Optional |`.
pub(crate) fn argument_table(text: &str) -> Vec<Argument> {
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    for (i, line) in lines.iter().enumerate() {
        if !line.starts_with('|') {
            continue;
        }
        let header = cells(line);
        let is_rule = lines.get(i + 1).is_some_and(|l| is_separator(l));
        let Some(name_col) = header.iter().position(|h| is_name_header(h)) else {
            continue;
        };
        if !is_rule {
            continue;
        }
        let desc_col = header
            .iter()
            .position(|h| h.to_ascii_lowercase().contains("desc"));
        let req_col = header.iter().position(|h| {
            let h = h.to_ascii_lowercase();
            h.contains("required") || h.contains("optional")
        });
        return lines[i + 2..]
            .iter()
            .take_while(|l| l.starts_with('|'))
            .filter_map(|row| {
                let row = cells(row);
                let name = clean_name(row.get(name_col)?);
                if name.is_empty() {
                    return None;
                }
                Some(Argument {
                    name,
                    description: desc_col
                        .and_then(|c| row.get(c))
                        .map(|d| d.trim().to_owned())
                        .unwrap_or_default(),
                    requirement: req_col
                        .and_then(|c| row.get(c))
                        .and_then(|r| requirement(r)),
                })
            })
            .collect();
    }
    Vec::new()
}

fn is_name_header(cell: &str) -> bool {
    let cell = cell.to_ascii_lowercase();
    ["argument", "param", "field", "name", "attribute"]
        .iter()
        .any(|w| cell.contains(w))
}

fn is_separator(line: &str) -> bool {
    line.starts_with('|')
        && line.contains('-')
        && line
            .chars()
            .all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
}

/// Cells of a table row; `\|` does not split.
fn cells(line: &str) -> Vec<String> {
    let inner = line.trim().trim_start_matches('|');
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    let mut out = vec![String::new()];
    let mut chars = inner.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'|') => {
                chars.next();
                if let Some(last) = out.last_mut() {
                    last.push('|');
                }
            }
            '|' => out.push(String::new()),
            _ => {
                if let Some(last) = out.last_mut() {
                    last.push(c);
                }
            }
        }
    }
    out.into_iter().map(|c| c.trim().to_owned()).collect()
}

fn clean_name(cell: &str) -> String {
    cell.trim_matches(|c: char| c == '`' || c == '*' || c == '_' || c.is_whitespace())
        .to_owned()
}

fn requirement(cell: &str) -> Option<Requirement> {
    let cell = cell.trim().to_ascii_lowercase();
    if cell.starts_with("required") || cell == "yes" || cell == "true" {
        Some(Requirement::Required)
    } else if cell.starts_with("conditional") {
        Some(Requirement::Conditional)
    } else if cell.starts_with("optional") || cell == "no" || cell == "false" {
        Some(Requirement::Optional)
    } else {
        None
    }
}

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
    text.replace("\r\n", "\n")
        .chars()
        .filter_map(|c| match c {
            '\r' => Some('\n'),
            '\t' => Some(' '),
            '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => None,
            c if c.is_control() && c != '\n' => None,
            c => Some(c),
        })
        .collect()
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

    const SEED_TABLE: &str = "Intro [here](https://x.y/z)\n\n\
| Arguments   | Description | Required/Conditional/Optional     |\n\
| :---        |    :----:   |          ---: |\n\
| action      | Set this parameter \"call\".| Required  |\n\
| to   | Phone number | Required      |\n\
| `role`   | Role. | Conditional |\n\
| extra | x | Optional |";

    #[test]
    fn reads_the_argument_table() {
        let rows = argument_table(SEED_TABLE);
        assert_eq!(rows.len(), 4);
        assert_eq!(rows[0].name, "action");
        assert_eq!(rows[0].description, "Set this parameter \"call\".");
        assert_eq!(rows[0].requirement, Some(Requirement::Required));
        assert_eq!(rows[2].name, "role");
        assert_eq!(rows[2].requirement, Some(Requirement::Conditional));
        assert_eq!(rows[3].requirement, Some(Requirement::Optional));
    }

    #[test]
    fn ignores_tables_without_an_argument_column() {
        assert!(argument_table("| a | b |\n|---|---|\n| 1 | 2 |").is_empty());
        assert!(argument_table("no table").is_empty());
    }

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
