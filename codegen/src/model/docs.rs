//! Doc text made to match the generated types: an argument table without
//! the rows callers never pass (constants the method sends itself), and a
//! spec's "defaults to" on a field the Rust type requires.

use serde_json::Value;

/// `doc` without the table rows whose first cell names one of `constants`.
pub(crate) fn without_constant_rows(doc: &str, constants: &[(String, Value)]) -> String {
    if constants.is_empty() {
        return doc.to_owned();
    }
    let is_constant_row = |line: &str| {
        let line = line.trim();
        let Some(rest) = line.strip_prefix('|') else {
            return false;
        };
        let cell = rest.split('|').next().unwrap_or_default();
        let name = cell.trim().trim_matches('`');
        constants.iter().any(|(key, _)| key == name)
    };
    let kept: Vec<&str> = doc.lines().filter(|l| !is_constant_row(l)).collect();
    let mut out = kept.join("\n");
    if doc.ends_with('\n') {
        out.push('\n');
    }
    out
}

/// A required request field's doc, with a note when the spec's text speaks
/// of a default: the text stays, but the Rust type has no default, so the
/// caller always chooses the value.
pub(crate) fn required_field(doc: String) -> String {
    if !doc.to_ascii_lowercase().contains("default") {
        return doc;
    }
    format!(
        "{}\n\nRequired here: the text above is the API's; this type has no default, \
         so the value is always the one given.",
        doc.trim_end()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constant_rows_leave_the_table() {
        let doc =
            "Adds.\n\n| Arg | Description |\n| :--- | --- |\n| action | Set it. |\n| `to` | Who. |";
        let constants = [("action".to_owned(), Value::from("call"))];
        assert_eq!(
            without_constant_rows(doc, &constants),
            "Adds.\n\n| Arg | Description |\n| :--- | --- |\n| `to` | Who. |"
        );
        assert_eq!(without_constant_rows(doc, &[]), doc);
    }

    #[test]
    fn a_default_in_the_text_of_a_required_field_is_qualified() {
        assert_eq!(required_field("Who.".into()), "Who.");
        let noted = required_field("Role. Defaults to agent.".into());
        assert!(noted.starts_with("Role. Defaults to agent.\n\nRequired here"));
    }
}
