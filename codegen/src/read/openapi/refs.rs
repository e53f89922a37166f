//! The files of one OpenAPI document and the `$ref`s between them: a
//! reference is a file (relative to the one it is written in; none for the
//! same file) and a JSON pointer into it.

use serde_json::Value;
use std::collections::BTreeMap;

/// Every file of a document, by its name as the entry names it
/// (`lob/resources/a.yml`), parsed.
#[derive(Debug, Default)]
pub(crate) struct Documents {
    pub entry: String,
    files: BTreeMap<String, Value>,
}

/// Where a reference leads.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Target<'a> {
    pub file: &'a str,
    pub value: &'a Value,
}

/// Follows at most this many `$ref`s in a row (a loop of references is an
/// error, not a hang).
const MAX_HOPS: usize = 64;

impl Documents {
    pub(crate) fn new(entry: &str) -> Self {
        Documents {
            entry: entry.to_owned(),
            files: BTreeMap::new(),
        }
    }

    pub(crate) fn insert(&mut self, name: String, value: Value) {
        self.files.insert(name, value);
    }

    /// How many files it has.
    pub(crate) fn len(&self) -> usize {
        self.files.len()
    }

    pub(crate) fn contains(&self, name: &str) -> bool {
        self.files.contains_key(name)
    }

    /// The entry file's value.
    pub(crate) fn root(&self) -> Option<&Value> {
        self.files.get(&self.entry)
    }

    /// The value `reference` (written in `file`) points at, with its file
    /// and a key naming it uniquely (`file#pointer`).
    pub(crate) fn resolve(
        &self,
        file: &str,
        reference: &str,
    ) -> Result<(Target<'_>, String), String> {
        let (path, pointer) = reference.split_once('#').unwrap_or((reference, ""));
        let name = if path.is_empty() {
            file.to_owned()
        } else {
            join(file, path)?
        };
        let (name, root) = self
            .files
            .get_key_value(&name)
            .ok_or_else(|| format!("`$ref` to `{reference}`: no such file (`{name}`)"))?;
        let value = pointed(root, pointer)
            .ok_or_else(|| format!("`$ref` to `{reference}`: nothing at that pointer"))?;
        Ok((Target { file: name, value }, format!("{name}#{pointer}")))
    }

    /// `value` with its `$ref`s followed until a value that is not one;
    /// the key is that of the last reference followed, if any.
    pub(crate) fn deref<'a>(
        &'a self,
        file: &'a str,
        value: &'a Value,
    ) -> Result<(Target<'a>, Option<String>), String> {
        let mut at = Target { file, value };
        let mut key = None;
        for _ in 0..MAX_HOPS {
            let Some(reference) = reference_of(at.value) else {
                return Ok((at, key));
            };
            let (next, k) = self.resolve(at.file, reference)?;
            at = next;
            key = Some(k);
        }
        Err(format!("more than {MAX_HOPS} `$ref`s in a row (a loop?)"))
    }
}

/// The `$ref` of an object that is one.
pub(crate) fn reference_of(value: &Value) -> Option<&str> {
    value.get("$ref").and_then(Value::as_str)
}

/// The files `value` (from `file`) refers to, by name, each once.
pub(crate) fn referenced_files(file: &str, value: &Value) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![value];
    while let Some(v) = stack.pop() {
        match v {
            Value::Object(map) => {
                if let Some(Value::String(r)) = map.get("$ref") {
                    let path = r.split('#').next().unwrap_or_default();
                    if !path.is_empty()
                        && let Ok(name) = join(file, path)
                        && !out.contains(&name)
                    {
                        out.push(name);
                    }
                }
                stack.extend(map.values());
            }
            Value::Array(items) => stack.extend(items),
            _ => {}
        }
    }
    out
}

/// `name` with `.` and `..` worked out (a leading `..` stays).
pub(crate) fn normalize(name: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for (i, piece) in name.split('/').enumerate() {
        match piece {
            "" if i == 0 => parts.push(""),
            "" | "." => {}
            ".." => {
                if parts.last().is_none_or(|p| *p == ".." || p.is_empty()) {
                    parts.push("..");
                } else {
                    parts.pop();
                }
            }
            other => parts.push(other),
        }
    }
    parts.join("/")
}

/// `path` relative to the folder of `file`, with `.` and `..` worked out.
/// Only files beside the entry or below its folder's parents as written:
/// a URL is refused (nothing is fetched).
pub(crate) fn join(file: &str, path: &str) -> Result<String, String> {
    if path.contains("://") {
        return Err(format!("`$ref` to `{path}`: only local files are read"));
    }
    let mut parts: Vec<&str> = if path.starts_with('/') {
        Vec::new()
    } else {
        let mut p: Vec<&str> = file.split('/').collect();
        p.pop();
        p
    };
    for piece in path.split('/') {
        match piece {
            "" | "." => {}
            ".." => {
                if parts.last().is_none_or(|p| *p == "..") {
                    parts.push("..");
                } else {
                    parts.pop();
                }
            }
            other => parts.push(other),
        }
    }
    Ok(parts.join("/"))
}

/// The value at JSON pointer `pointer` (RFC 6901, percent-decoded as a
/// URI fragment).
fn pointed<'a>(root: &'a Value, pointer: &str) -> Option<&'a Value> {
    let mut at = root;
    for token in pointer.split('/').skip(1) {
        let token = percent_decoded(token).replace("~1", "/").replace("~0", "~");
        at = match at {
            Value::Object(map) => map.get(&token)?,
            Value::Array(items) => items.get(token.parse::<usize>().ok()?)?,
            _ => return None,
        };
    }
    Some(at)
}

fn percent_decoded(text: &str) -> String {
    if !text.contains('%') {
        return text.to_owned();
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn references_within_and_across_files() {
        let mut docs = Documents::new("api/main.yml");
        docs.insert(
            "api/main.yml".into(),
            json!({"components": {"schemas": {"a/b": {"$ref": "models/pet.yml#/Pet"}}}}),
        );
        docs.insert(
            "api/models/pet.yml".into(),
            json!({"Pet": {"type": "object"}}),
        );
        let root = docs.root().unwrap();
        let (at, key) = docs
            .deref("api/main.yml", &root["components"]["schemas"]["a/b"])
            .unwrap();
        assert_eq!(at.file, "api/models/pet.yml");
        assert_eq!(at.value, &json!({"type": "object"}));
        assert_eq!(key.as_deref(), Some("api/models/pet.yml#/Pet"));
        let (at, _) = docs
            .resolve("api/main.yml", "#/components/schemas/a~1b")
            .unwrap();
        assert!(at.value.get("$ref").is_some());
        assert!(docs.resolve("api/main.yml", "#/nope").is_err());
        assert_eq!(join("a/b/c.yml", "../d/./e.yml").unwrap(), "a/d/e.yml");
        assert_eq!(join("c.yml", "../e.yml").unwrap(), "../e.yml");
        assert_eq!(normalize("/a/b/../c/./d.yml"), "/a/c/d.yml");
        assert_eq!(normalize("../x/../y.yml"), "../y.yml");
        assert!(join("c.yml", "https://x/y.yml").is_err());
        assert_eq!(
            referenced_files("api/main.yml", root),
            ["api/models/pet.yml"]
        );
    }

    #[test]
    fn a_loop_of_references_is_an_error() {
        let mut docs = Documents::new("m.json");
        docs.insert(
            "m.json".into(),
            json!({"a": {"$ref": "#/b"}, "b": {"$ref": "#/a"}}),
        );
        let root = docs.root().unwrap();
        assert!(docs.deref("m.json", &root["a"]).is_err());
    }
}
