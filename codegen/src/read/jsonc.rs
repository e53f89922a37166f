//! Lenient JSON for request and response bodies written by people.
//!
//! Saved examples in real collections carry `//` and `/* */` comments and
//! unquoted `{{variable}}` placeholders (`"num": {{count}}`). Both are removed
//! before parsing. Removed characters become spaces, newlines stay, so line and
//! column numbers in parse errors still point into the original text.

/// Returns `text` with comments blanked out and every placeholder outside a
/// string replaced by `resolve(name)`, or by `null` when that gives nothing.
/// A placeholder keeps its length so that later columns do not shift.
pub(crate) fn clean(text: &str, resolve: &dyn Fn(&str) -> Option<String>) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let mut in_string = false;
    while i < bytes.len() {
        let rest = &text[i..];
        let c = bytes[i];
        if in_string {
            let ch = next_char(rest);
            out.push(ch);
            i += ch.len_utf8();
            if c == b'\\' {
                if let Some(escaped) = text[i..].chars().next() {
                    out.push(escaped);
                    i += escaped.len_utf8();
                }
            } else if c == b'"' {
                in_string = false;
            }
            continue;
        }
        if rest.starts_with("//") {
            let end = rest.find('\n').unwrap_or(rest.len());
            blank(&mut out, &rest[..end]);
            i += end;
        } else if let Some(after) = rest.strip_prefix("/*") {
            let end = after.find("*/").map_or(rest.len(), |p| p + 4);
            blank(&mut out, &rest[..end]);
            i += end;
        } else if rest.starts_with("{{") {
            let (len, closed) = placeholder_len(rest);
            let name = if closed {
                &rest[2..len - 2]
            } else {
                &rest[2..len]
            };
            let name = name.trim();
            let value = resolve(name)
                .and_then(|v| scalar_json(&v))
                .unwrap_or_else(|| "null".to_owned());
            out.push_str(&value);
            // Pad to the placeholder's width; a longer value simply shifts columns.
            for _ in value.chars().count()..rest[..len].chars().count() {
                out.push(' ');
            }
            i += len;
        } else {
            let ch = next_char(rest);
            if ch == '"' {
                in_string = true;
            }
            out.push(ch);
            i += ch.len_utf8();
        }
    }
    out
}

fn next_char(s: &str) -> char {
    s.chars().next().unwrap_or(' ')
}

/// Spaces for every character of `removed`, newlines kept.
fn blank(out: &mut String, removed: &str) {
    for ch in removed.chars() {
        out.push(if ch == '\n' { '\n' } else { ' ' });
    }
}

/// Byte length of the `{{...}}` placeholder at the start of `s`, nesting allowed
/// (`{{a_{{b}}}}`), and whether it was closed; an unclosed placeholder runs to
/// the end of the line. URL paths use it too.
pub(crate) fn placeholder_len(s: &str) -> (usize, bool) {
    let mut depth = 0usize;
    let mut i = 0;
    let bytes = s.as_bytes();
    while i < bytes.len() {
        if s[i..].starts_with("{{") {
            depth += 1;
            i += 2;
        } else if s[i..].starts_with("}}") {
            depth = depth.saturating_sub(1);
            i += 2;
            if depth == 0 {
                return (i, true);
            }
        } else if bytes[i] == b'\n' {
            return (i, false);
        } else {
            i += next_char(&s[i..]).len_utf8();
        }
    }
    (s.len(), false)
}

/// A variable's value as a JSON scalar: numbers and booleans as they are,
/// anything else as a string.
fn scalar_json(value: &str) -> Option<String> {
    let trimmed = value.trim();
    match serde_json::from_str::<serde_json::Value>(trimmed) {
        Ok(v) if v.is_number() || v.is_boolean() => Some(trimmed.to_owned()),
        _ => serde_json::to_string(value).ok(),
    }
}

/// Whether the text looks like a JSON document (object or array) rather than
/// plain text or XML.
pub(crate) fn looks_like_json(text: &str) -> bool {
    let cleaned = clean(text, &|_| None);
    matches!(cleaned.trim_start().chars().next(), Some('{') | Some('['))
}

/// `text` without a leading UTF-8 byte order mark, which some editors
/// write and JSON parsers refuse.
pub(crate) fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn none(_: &str) -> Option<String> {
        None
    }

    #[test]
    fn strips_line_and_block_comments_but_not_urls_in_strings() {
        let text = "{\n \"a\": \"http://x\", // note\n /* b */ \"b\": 1\n}";
        let cleaned = clean(text, &none);
        let v: serde_json::Value = serde_json::from_str(&cleaned).unwrap();
        assert_eq!(v["a"], "http://x");
        assert_eq!(v["b"], 1);
        assert_eq!(cleaned.lines().count(), text.lines().count());
    }

    #[test]
    fn escaped_quote_does_not_end_string() {
        let cleaned = clean(r#"{"a": "x\"//y"}"#, &none);
        let v: serde_json::Value = serde_json::from_str(&cleaned).unwrap();
        assert_eq!(v["a"], "x\"//y");
    }

    #[test]
    fn placeholders_resolve_or_become_null() {
        let resolve = |name: &str| (name == "n").then(|| "1000".to_owned());
        let cleaned = clean(r#"{"n": {{n}}, "m": {{missing}}, "s": "{{n}}"}"#, &resolve);
        let v: serde_json::Value = serde_json::from_str(&cleaned).unwrap();
        assert_eq!(v["n"], 1000);
        assert!(v["m"].is_null());
        assert_eq!(v["s"], "{{n}}");
    }

    #[test]
    fn nested_and_unclosed_placeholders_do_not_panic() {
        assert!(clean("{\"a\": {{x_{{y}}}} }", &none).contains("null"));
        let _ = clean("{{never closed", &none);
        let _ = clean("\"unterminated \\", &none);
        let _ = clean("/* open", &none);
        let _ = clean("é{{é", &none);
    }

    #[test]
    fn error_positions_survive_cleaning() {
        let text = "{\n  // comment\n  \"a\": ,\n}";
        let err = serde_json::from_str::<serde_json::Value>(&clean(text, &none)).unwrap_err();
        assert_eq!((err.line(), err.column()), (3, 8));
    }
}
