//! Rust identifiers from arbitrary text, and scopes that keep them unique.
//!
//! Names are plain strings here; a leading `r#` marks a raw identifier and
//! the emitter turns it into one.

use heck::{ToShoutySnakeCase, ToSnakeCase, ToUpperCamelCase};
use std::collections::{BTreeMap, BTreeSet};

/// Keywords that can be used as raw identifiers (`r#type`).
const RAW_OK: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "do", "dyn",
    "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl", "in", "let",
    "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref", "return",
    "static", "struct", "trait", "true", "try", "type", "typeof", "unsafe", "unsized", "use",
    "virtual", "where", "while", "yield",
];

/// Keywords that cannot be raw identifiers; they get a trailing underscore.
const NO_RAW: &[&str] = &["crate", "self", "super", "Self", "_"];

/// Words of `text`: ASCII letters and digits, anything else separates.
fn ascii_words(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' })
        .collect()
}

fn fix_leading_digit(name: String, prefix: &str) -> String {
    match name.chars().next() {
        Some(c) if c.is_ascii_digit() => format!("{prefix}{name}"),
        _ => name,
    }
}

fn escape_keyword(name: String) -> String {
    if NO_RAW.contains(&name.as_str()) {
        format!("{name}_")
    } else if RAW_OK.contains(&name.as_str()) {
        format!("r#{name}")
    } else {
        name
    }
}

/// A `snake_case` identifier for `text`, or `fallback` when the text has no
/// letters or digits. Keywords become raw identifiers; a leading digit gets `_`.
pub(crate) fn snake(text: &str, fallback: &str) -> String {
    let name = ascii_words(text).to_snake_case();
    let name = if name.is_empty() {
        fallback.to_owned()
    } else {
        name
    };
    escape_keyword(fix_leading_digit(name, "_"))
}

/// An `UpperCamelCase` identifier for `text`; a leading digit gets `V`.
pub(crate) fn camel(text: &str, fallback: &str) -> String {
    let name = ascii_words(text).to_upper_camel_case();
    let name = if name.is_empty() {
        fallback.to_owned()
    } else {
        name
    };
    escape_keyword(fix_leading_digit(name, "V"))
}

/// A `SHOUTY_SNAKE_CASE` identifier for `text`.
pub(crate) fn shouty(text: &str, fallback: &str) -> String {
    let name = ascii_words(text).to_shouty_snake_case();
    let name = if name.is_empty() {
        fallback.to_owned()
    } else {
        name
    };
    fix_leading_digit(name, "_")
}

/// The identifier without a raw marker, for building longer names from it.
pub(crate) fn bare(name: &str) -> &str {
    name.strip_prefix("r#").unwrap_or(name)
}

/// The identifier to put a suffix after: bare, and without the `_` a
/// keyword got (`Self_` + `Request` is `SelfRequest`, which rustc's
/// `non_camel_case_types` accepts; `Self_Request` it does not).
pub(crate) fn stem(name: &str) -> &str {
    bare(name).trim_end_matches('_')
}

/// A set of names in one Rust namespace; hands out unique ones.
#[derive(Debug, Default, Clone)]
pub(crate) struct Scope {
    taken: BTreeSet<String>,
    /// The first suffix not yet tried, per base name. Names are never given
    /// back, so every suffix below it stays taken; without it, the n-th claim
    /// of one name would try n candidates.
    next: BTreeMap<String, usize>,
    /// Suffixed candidates tried so far, to keep an eye on the cost.
    tried: usize,
}

impl Scope {
    /// A scope in which `reserved` names are already taken.
    pub(crate) fn with_reserved(reserved: &[&str]) -> Self {
        Scope {
            taken: reserved.iter().map(|s| (*s).to_owned()).collect(),
            ..Scope::default()
        }
    }

    pub(crate) fn contains(&self, name: &str) -> bool {
        self.taken.contains(bare(name))
    }

    /// Takes `name`, or `name_2`, `name_3`, ... (`Name2` for camel case) when
    /// taken; a keyword's `self_` goes on as `self_2`, `Self_` as `Self2`,
    /// never `self__2` or `Self_2`, which rustc's case lints refuse.
    pub(crate) fn claim(&mut self, name: &str) -> String {
        if self.taken.insert(bare(name).to_owned()) {
            return name.to_owned();
        }
        let base = bare(name);
        let camel = base.chars().next().is_some_and(|c| c.is_ascii_uppercase());
        let mut n = self.next.get(base).copied().unwrap_or(2);
        loop {
            self.tried += 1;
            let candidate = if camel {
                format!("{}{n}", stem(base))
            } else if base.ends_with('_') {
                format!("{base}{n}")
            } else {
                format!("{base}_{n}")
            };
            n += 1;
            if self.taken.insert(candidate.clone()) {
                self.next.insert(base.to_owned(), n);
                return candidate;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snake_handles_spaces_hyphens_camel_keywords_and_digits() {
        assert_eq!(
            snake("Add item to a Multi-Level Cart", "op"),
            "add_item_to_a_multi_level_cart"
        );
        assert_eq!(snake("createdAt", "f"), "created_at");
        assert_eq!(snake("type", "f"), "r#type");
        assert_eq!(snake("self", "f"), "self_");
        assert_eq!(snake("3ds-secure", "f"), "_3ds_secure");
        assert_eq!(snake("/todos/:id", "op"), "todos_id");
        assert_eq!(snake("¿?", "field"), "field");
    }

    #[test]
    fn camel_handles_keywords_and_digits() {
        assert_eq!(camel("line_item_group", "T"), "LineItemGroup");
        assert_eq!(camel("self", "T"), "Self_");
        assert_eq!(camel("200", "T"), "V200");
        assert_eq!(camel("", "Value"), "Value");
    }

    #[test]
    fn scope_claims_unique_names() {
        let mut scope = Scope::with_reserved(&["Client"]);
        assert_eq!(scope.claim("Client"), "Client2");
        assert_eq!(scope.claim("get"), "get");
        assert_eq!(scope.claim("get"), "get_2");
        assert_eq!(scope.claim("r#type"), "r#type");
        assert_eq!(scope.claim("r#type"), "type_2");
        assert_eq!(scope.claim("self_"), "self_");
        assert_eq!(scope.claim("self_"), "self_2");
        assert_eq!(scope.claim("Self_"), "Self_");
        assert_eq!(scope.claim("Self_"), "Self2");
    }

    /// 5,000 items of one name took seconds when each claim tried `_2`,
    /// `_3`, ... from the start: the candidates tried must grow linearly.
    #[test]
    fn repeated_claims_try_each_candidate_once() {
        let mut scope = Scope::with_reserved(&["get_4"]);
        let names: Vec<String> = (0..5_000).map(|_| scope.claim("get")).collect();
        assert_eq!(names[..4], ["get", "get_2", "get_3", "get_5"]);
        assert_eq!(names[4_999], "get_5001");
        assert!(scope.tried <= 2 * 5_000, "{} candidates tried", scope.tried);
    }
}
