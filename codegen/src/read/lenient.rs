//! JSON that people typed, repaired where only one reading is possible.
//!
//! Two slips are common in saved examples and bodies: a comma before a
//! closing bracket, and text cut off at the end. A trailing comma has one
//! meaning, so it is dropped. Cut-off text is closed only when it stops
//! right after a complete value or an opening bracket; text cut inside a
//! string, a number, a literal or after a key could have gone on in more
//! than one way, so it is left to fail. The input has already been through
//! `jsonc::clean`, so comments are blank and positions match the original.

/// What was repaired; each note names its line and column (1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Repaired {
    pub text: String,
    pub notes: Vec<String>,
}

/// `text` with trailing commas removed and, if `close` allows, cut-off
/// brackets closed; `None` when there is nothing to repair or the repair
/// would be a guess. The caller still parses the result.
pub(crate) fn repair(text: &str, close: bool) -> Option<Repaired> {
    let mut out: Vec<u8> = text.as_bytes().to_vec();
    let mut notes = Vec::new();
    let mut stack: Vec<u8> = Vec::new();
    // The last byte outside strings that is not blank, with its position.
    let mut last: Option<(u8, usize, (usize, usize))> = None;
    let (mut line, mut column) = (1usize, 0usize);
    let mut in_string = false;
    let mut escaped = false;
    for (i, ch) in text.char_indices() {
        if ch == '\n' {
            line += 1;
            column = 0;
        } else {
            column += 1;
        }
        if in_string {
            if escaped {
                escaped = false;
            } else if ch == '\\' {
                escaped = true;
            } else if ch == '"' {
                in_string = false;
                last = Some((b'"', i, (line, column)));
            }
            continue;
        }
        match ch {
            '"' => in_string = true,
            '{' | '[' => stack.push(if ch == '{' { b'}' } else { b']' }),
            '}' | ']' => {
                if stack.pop() != Some(ch as u8) {
                    return None;
                }
                if let Some((b',', at, (l, c))) = last {
                    out[at] = b' ';
                    notes.push(format!("ignored a trailing comma at line {l}, column {c}"));
                }
            }
            c if c.is_whitespace() => continue,
            _ => {}
        }
        if ch != '"' {
            last = Some((u8::try_from(ch).unwrap_or(b'?'), i, (line, column)));
        }
    }
    if in_string || (!stack.is_empty() && !close) {
        return None;
    }
    if !stack.is_empty() {
        match last {
            Some((b',', at, _)) => out[at] = b' ',
            Some((b'"' | b'{' | b'[' | b'}' | b']', _, _)) => {}
            _ => return None,
        }
        notes.push(format!(
            "closed {} bracket(s) left open where the text ends (line {line})",
            stack.len()
        ));
        out.extend(stack.iter().rev());
    }
    if notes.is_empty() {
        return None;
    }
    let text = String::from_utf8(out).ok()?;
    Some(Repaired { text, notes })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(r: &Repaired) -> serde_json::Value {
        serde_json::from_str(&r.text).unwrap()
    }

    #[test]
    fn trailing_commas_are_dropped_with_their_position() {
        let r = repair("{\n  \"a\": [1, 2,],\n  \"b\": 1,\n}", false).unwrap();
        assert_eq!(value(&r), serde_json::json!({"a": [1, 2], "b": 1}));
        assert_eq!(
            r.notes,
            [
                "ignored a trailing comma at line 2, column 13",
                "ignored a trailing comma at line 3, column 9",
            ]
        );
    }

    #[test]
    fn a_comma_inside_a_string_is_text() {
        assert_eq!(repair(r#"{"a": "x,]"}"#, true), None);
        let r = repair(r#"{"a": "x,}", }"#, false).unwrap();
        assert_eq!(value(&r)["a"], "x,}");
    }

    #[test]
    fn text_cut_after_a_complete_value_is_closed() {
        let r = repair("{\"a\": {\"b\": [1, \"x\"", true).unwrap();
        assert_eq!(value(&r), serde_json::json!({"a": {"b": [1, "x"]}}));
        assert_eq!(
            r.notes,
            ["closed 3 bracket(s) left open where the text ends (line 1)"]
        );
        let r = repair("[{\"a\": 1},", true).unwrap();
        assert_eq!(value(&r), serde_json::json!([{"a": 1}]));
    }

    #[test]
    fn cuts_that_could_go_on_more_than_one_way_are_not_guessed() {
        // Inside a string, inside a number or literal, after a key.
        assert_eq!(repair("{\"a\": \"unfinished", true), None);
        assert_eq!(repair("{\"a\": 12", true), None);
        assert_eq!(repair("{\"a\": tru", true), None);
        assert_eq!(repair("{\"a\":", true), None);
        // Closing is only done when asked (a whole collection file is not).
        assert_eq!(repair("{\"a\": [1]", false), None);
        // Brackets that do not match are not a slip to repair.
        assert_eq!(repair("{\"a\": [1}", true), None);
        // Valid JSON needs no repair.
        assert_eq!(repair("{\"a\": 1}", true), None);
    }
}
