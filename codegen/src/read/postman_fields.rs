//! The reader of a collection's JSON, and what every part of the collection
//! shares: strings, key-value lists, variables, auth and descriptions, with
//! errors that name the file and the item.

use crate::error::{Error, ErrorKind, Location, Warning};
use crate::read::limits::Limits;
use crate::read::postman::{Auth, KeyValue};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// Reads the JSON of one collection file.
pub(super) struct Reader<'a> {
    pub(super) file: &'a str,
    pub(super) limits: &'a Limits,
}

impl Reader<'_> {
    pub(super) fn err(&self, item: Option<&str>, kind: ErrorKind) -> Error {
        let location = match item {
            Some(item) => Location::item(self.file, item),
            None => Location::file(self.file),
        };
        Error::new(location, kind)
    }

    pub(super) fn format(&self, item: Option<&str>, msg: impl Into<String>) -> Error {
        self.err(item, ErrorKind::UnexpectedFormat(msg.into()))
    }

    /// Headers, query parameters and URL variables: a list of `{key, value}`
    /// objects, or (v2.0 headers) a `Key: Value` string.
    pub(super) fn key_values(
        &self,
        item: Option<&str>,
        what: &str,
        value: Option<&Value>,
    ) -> Result<Vec<KeyValue>, Error> {
        let list = match value {
            None | Some(Value::Null) => return Ok(Vec::new()),
            Some(Value::String(text)) => {
                return Ok(text
                    .lines()
                    .filter_map(|line| {
                        let (k, v) = line.split_once(':')?;
                        Some(KeyValue {
                            key: k.trim().to_owned(),
                            value: Some(v.trim().to_owned()),
                            ..KeyValue::default()
                        })
                    })
                    .collect());
            }
            Some(Value::Array(list)) => list,
            Some(Value::Object(o)) if o.is_empty() => return Ok(Vec::new()),
            Some(_) => return Err(self.format(item, format!("`{what}` must be an array"))),
        };
        let mut out = Vec::new();
        for entry in list {
            let Some(obj) = entry.as_object() else {
                return Err(self.format(item, format!("`{what}` entries must be objects")));
            };
            // Real exports contain `{}` placeholders; they declare nothing.
            let key = match obj.get("key").or_else(|| obj.get("id")) {
                Some(Value::String(k)) => k.clone(),
                None | Some(Value::Null) => continue,
                Some(_) => {
                    return Err(self.format(item, format!("`{what}` keys must be strings")));
                }
            };
            out.push(KeyValue {
                key,
                value: scalar(obj.get("value")),
                description: description(obj.get("description")),
                disabled: obj.get("disabled").and_then(Value::as_bool) == Some(true),
            });
        }
        Ok(out)
    }

    /// Collection variables. A malformed entry is left out with a warning:
    /// it costs the items that use it their default, not the collection.
    /// One Postman marks `"type": "secret"` is read as declared but empty,
    /// so its value never reaches generated code (as undefined, it gives
    /// no default and no example).
    pub(super) fn variables(
        &self,
        value: Option<&Value>,
        warnings: &mut Vec<Warning>,
    ) -> BTreeMap<String, String> {
        let entries: Vec<Value> = match value {
            Some(Value::Array(list)) => list.clone(),
            None | Some(Value::Null) => Vec::new(),
            Some(other) => vec![other.clone()],
        };
        let mut out = BTreeMap::new();
        for (n, entry) in entries.iter().enumerate() {
            let one = Value::Array(vec![entry.clone()]);
            let secret = entry
                .get("type")
                .and_then(Value::as_str)
                .is_some_and(|t| t.trim().eq_ignore_ascii_case("secret"));
            match self.key_values(None, "variable", Some(&one)) {
                Ok(kvs) => out.extend(kvs.into_iter().filter(|kv| !kv.disabled).map(|kv| {
                    let value = if secret { None } else { kv.value };
                    (kv.key, value.unwrap_or_default())
                })),
                Err(e) => warnings.push(Warning::skipped_part(
                    e.location,
                    format!("collection variable #{}: {}; left out", n + 1, e.kind),
                )),
            }
        }
        out
    }

    pub(super) fn auth(
        &self,
        item: Option<&str>,
        value: Option<&Value>,
    ) -> Result<Option<Auth>, Error> {
        let obj = match value {
            None | Some(Value::Null) => return Ok(None),
            Some(Value::Object(obj)) => obj,
            Some(_) => return Err(self.format(item, "`auth` must be an object")),
        };
        let Some(kind) = self.string_field(item, obj, "type")? else {
            return Err(self.format(item, "`auth` needs a `type`"));
        };
        let params = match obj.get(&kind) {
            // v2.0: {"basic": {"username": "...", "password": "..."}}
            Some(Value::Object(map)) => map
                .iter()
                .filter_map(|(k, v)| Some((k.clone(), scalar(Some(v))?)))
                .collect(),
            // v2.1: {"basic": [{"key": "username", "value": "..."}, ...]}
            Some(Value::Array(_)) => self
                .key_values(item, "auth parameters", obj.get(&kind))?
                .into_iter()
                .map(|kv| (kv.key, kv.value.unwrap_or_default()))
                .collect(),
            _ => BTreeMap::new(),
        };
        Ok(Some(Auth { kind, params }))
    }

    pub(super) fn string_field(
        &self,
        item: Option<&str>,
        obj: &Map<String, Value>,
        key: &str,
    ) -> Result<Option<String>, Error> {
        match obj.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(_) => Err(self.format(item, format!("`{key}` must be a string"))),
        }
    }
}

/// A description: a string, or `{"content": "..."}`.
pub(super) fn description(value: Option<&Value>) -> String {
    match value {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Object(o)) => o
            .get("content")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned(),
        _ => String::new(),
    }
}

/// A scalar value as text; `None` for null, arrays and objects.
pub(super) fn scalar(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}
