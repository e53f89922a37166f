//! Reads a Postman Collection (v2.0 or v2.1) into plain Rust data.
//!
//! This stage only checks shapes; what the requests mean is decided later.
//! Both schema versions are read by one lenient reader because the two differ
//! in a few spellings only (auth parameters as a map or a list, headers as a
//! string or a list), and real exports mix them.

use crate::error::{Error, ErrorKind, Location, Warning};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// A whole collection.
#[derive(Debug, Clone)]
pub(crate) struct Collection {
    pub name: String,
    /// Collection variables: name to value.
    pub variables: BTreeMap<String, String>,
    /// Every request in document order, folders flattened.
    pub items: Vec<Item>,
}

/// An authentication declaration (`"auth": {"type": "basic", ...}`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Auth {
    /// `basic`, `noauth`, `bearer`, `apikey`, ...
    pub kind: String,
    /// The scheme's parameters, such as `username` and `password`.
    pub params: BTreeMap<String, String>,
}

/// One request, with the folders it sits in.
#[derive(Debug, Clone)]
pub(crate) struct Item {
    pub folders: Vec<String>,
    pub name: String,
    /// The auth in force: the request's own, else the nearest folder's, else the collection's.
    pub auth: Option<Auth>,
    pub request: Request,
    pub examples: Vec<Example>,
    /// Why the item (or the folder it stands for) could not be read; the
    /// rest of the collection still is.
    pub broken: Option<Error>,
    /// Saved examples left out because they could not be read.
    pub dropped: Vec<Warning>,
}

impl Item {
    /// An item (or folder) that could not be read: it keeps its place, name
    /// and, when it says one, its method, so that reports and overlay
    /// entries still find it.
    fn unreadable(folders: &[String], name: String, method: String, error: Error) -> Item {
        Item {
            folders: folders.to_vec(),
            name,
            auth: None,
            request: Request {
                method,
                ..Request::default()
            },
            examples: Vec::new(),
            broken: Some(error),
            dropped: Vec::new(),
        }
    }

    /// `Folder / Sub-folder / Name`, as errors and docs show it.
    pub(crate) fn display_path(&self) -> String {
        let mut parts = self.folders.clone();
        parts.push(self.name.clone());
        parts.join(" / ")
    }
}

#[derive(Debug, Clone, Default)]
pub(crate) struct Request {
    pub method: String,
    pub url: Url,
    pub headers: Vec<KeyValue>,
    pub body: Body,
    pub description: String,
}

/// A header, query parameter or path variable.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct KeyValue {
    pub key: String,
    /// `None` for a query flag without `=`.
    pub value: Option<String>,
    pub description: String,
    pub disabled: bool,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct Url {
    pub raw: Option<String>,
    pub protocol: Option<String>,
    /// Host labels; a single label may be a `{{variable}}` holding a whole base URL.
    pub host: Option<Vec<String>>,
    pub port: Option<String>,
    pub path: Option<Vec<String>>,
    pub query: Option<Vec<KeyValue>>,
    pub variables: Vec<KeyValue>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) enum Body {
    #[default]
    None,
    Raw {
        text: String,
        language: Option<String>,
    },
    /// A mode other than raw (`urlencoded`, `formdata`, `file`, `graphql`).
    Other(String),
}

/// A saved example response.
#[derive(Debug, Clone)]
pub(crate) struct Example {
    pub name: String,
    pub status: Option<u16>,
    pub body: Option<String>,
    /// The body of the request that produced the example, if saved.
    pub request_body: Body,
}

/// Reads `source` (the text of `file`) as a collection.
pub(crate) fn read(file: &str, source: &str) -> Result<Collection, Error> {
    let root: Value = serde_json::from_str(source)
        .map_err(|e| Error::json(Location::file(file), "the collection", &e))?;
    let reader = Reader { file };
    reader.collection(&root)
}

struct Reader<'a> {
    file: &'a str,
}

impl Reader<'_> {
    fn err(&self, item: Option<&str>, kind: ErrorKind) -> Error {
        let location = match item {
            Some(item) => Location::item(self.file, item),
            None => Location::file(self.file),
        };
        Error::new(location, kind)
    }

    fn format(&self, item: Option<&str>, msg: impl Into<String>) -> Error {
        self.err(item, ErrorKind::UnexpectedFormat(msg.into()))
    }

    fn collection(&self, root: &Value) -> Result<Collection, Error> {
        let root = root
            .as_object()
            .ok_or_else(|| self.format(None, "the collection must be a JSON object"))?;
        if root.contains_key("requests") && !root.contains_key("item") {
            return Err(self.err(
                None,
                ErrorKind::Unsupported(
                    "Postman Collection v1; export the collection as v2.1".into(),
                ),
            ));
        }
        let info = root
            .get("info")
            .and_then(Value::as_object)
            .ok_or_else(|| self.format(None, "missing `info` object"))?;
        if let Some(schema) = info.get("schema").and_then(Value::as_str) {
            let known = ["/v2.0.", "/v2.1."].iter().any(|v| schema.contains(v));
            if !known {
                return Err(self.err(
                    None,
                    ErrorKind::Unsupported(format!(
                        "schema `{schema}`; only Postman Collection v2.0 and v2.1 are read"
                    )),
                ));
            }
        }
        let name = self.string_field(None, info, "name")?.unwrap_or_default();
        let variables = self.variables(root.get("variable"))?;
        let auth = self.auth(None, root.get("auth"))?;
        let mut items = Vec::new();
        let list = self.item_list(None, root.get("item"))?;
        self.items(list, &[], auth.as_ref(), &mut items);
        Ok(Collection {
            name,
            variables,
            items,
        })
    }

    fn item_list<'v>(
        &self,
        item: Option<&str>,
        value: Option<&'v Value>,
    ) -> Result<&'v [Value], Error> {
        match value {
            None | Some(Value::Null) => Ok(&[]),
            Some(Value::Array(list)) => Ok(list),
            Some(_) => Err(self.format(item, "`item` must be an array")),
        }
    }

    /// Reads `list` into `out`. A problem stays with its item (a folder's
    /// with the folder): it never stops the reading of the others.
    fn items(
        &self,
        list: &[Value],
        folders: &[String],
        inherited: Option<&Auth>,
        out: &mut Vec<Item>,
    ) {
        for (index, value) in list.iter().enumerate() {
            let here = format!("{} #{}", folders.join(" / "), index + 1);
            let here = here.trim();
            let numbered = format!("#{}", index + 1);
            let Some(obj) = value.as_object() else {
                let e = self.format(Some(here), "an item must be a JSON object");
                out.push(Item::unreadable(folders, numbered, String::new(), e));
                continue;
            };
            let name = match self.string_field(Some(here), obj, "name") {
                Ok(name) => name.unwrap_or(numbered),
                Err(e) => {
                    out.push(Item::unreadable(folders, numbered, String::new(), e));
                    continue;
                }
            };
            let mut path = folders.to_vec();
            path.push(name.clone());
            let display = path.join(" / ");
            if obj.contains_key("item") {
                let folder = self
                    .auth(Some(&display), obj.get("auth"))
                    .and_then(|own| Ok((own, self.item_list(Some(&display), obj.get("item"))?)));
                match folder {
                    Ok((own, children)) => {
                        self.items(children, &path, own.as_ref().or(inherited), out);
                    }
                    Err(e) => out.push(Item::unreadable(folders, name, String::new(), e)),
                }
            } else if let Some(request) = obj.get("request") {
                let read = request
                    .as_object()
                    .map_or(Ok(None), |r| self.auth(Some(&display), r.get("auth")))
                    .and_then(|auth| Ok((auth, self.request(&display, request)?)));
                match read {
                    Ok((request_auth, request)) => {
                        let (examples, dropped) = self.examples(&display, obj.get("response"));
                        out.push(Item {
                            folders: folders.to_vec(),
                            name,
                            auth: request_auth.or_else(|| inherited.cloned()),
                            request,
                            examples,
                            broken: None,
                            dropped,
                        });
                    }
                    Err(e) => {
                        let method = request
                            .get("method")
                            .and_then(Value::as_str)
                            .unwrap_or("GET")
                            .to_ascii_uppercase();
                        out.push(Item::unreadable(folders, name, method, e));
                    }
                }
            } else {
                let e = self.format(
                    Some(&display),
                    "an item needs either `request` (a request) or `item` (a folder)",
                );
                out.push(Item::unreadable(folders, name, String::new(), e));
            }
        }
    }

    fn request(&self, item: &str, value: &Value) -> Result<Request, Error> {
        let obj = match value {
            // v2.0 and v2.1 both allow a bare URL string for a GET request.
            Value::String(url) => {
                return Ok(Request {
                    method: "GET".into(),
                    url: Url {
                        raw: Some(url.clone()),
                        ..Url::default()
                    },
                    ..Request::default()
                });
            }
            Value::Object(obj) => obj,
            _ => return Err(self.format(Some(item), "`request` must be an object or a URL")),
        };
        let method = self
            .string_field(Some(item), obj, "method")?
            .unwrap_or_else(|| "GET".into())
            .to_ascii_uppercase();
        let url = match obj.get("url") {
            None | Some(Value::Null) => {
                return Err(self.format(Some(item), "the request has no `url`"));
            }
            Some(v) => self.url(item, v)?,
        };
        Ok(Request {
            method,
            url,
            headers: self.key_values(Some(item), "header", obj.get("header"))?,
            body: self.body(item, obj.get("body"))?,
            description: description(obj.get("description")),
        })
    }

    fn url(&self, item: &str, value: &Value) -> Result<Url, Error> {
        let obj = match value {
            Value::String(raw) => {
                return Ok(Url {
                    raw: Some(raw.clone()),
                    ..Url::default()
                });
            }
            Value::Object(obj) => obj,
            _ => return Err(self.format(Some(item), "`url` must be a string or an object")),
        };
        let host = match obj.get("host") {
            None | Some(Value::Null) => None,
            Some(Value::String(h)) => Some(h.split('.').map(str::to_owned).collect()),
            Some(Value::Array(parts)) => Some(self.strings(item, "url.host", parts)?),
            Some(_) => return Err(self.format(Some(item), "`url.host` must be a string or array")),
        };
        let path = match obj.get("path") {
            None | Some(Value::Null) => None,
            Some(Value::String(p)) => Some(
                p.split('/')
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned)
                    .collect(),
            ),
            Some(Value::Array(parts)) => {
                let mut out = Vec::new();
                for part in parts {
                    match part {
                        Value::String(s) => out.push(s.clone()),
                        // v2.0 allows `{"type": "string", "value": "..."}` segments.
                        Value::Object(o) => match o.get("value").and_then(Value::as_str) {
                            Some(s) => out.push(s.to_owned()),
                            None => {
                                return Err(self.format(
                                    Some(item),
                                    "a `url.path` segment object needs a string `value`",
                                ));
                            }
                        },
                        _ => {
                            return Err(
                                self.format(Some(item), "`url.path` segments must be strings")
                            );
                        }
                    }
                }
                Some(out)
            }
            Some(_) => return Err(self.format(Some(item), "`url.path` must be a string or array")),
        };
        let port = match obj.get("port") {
            None | Some(Value::Null) => None,
            Some(Value::String(p)) => Some(p.clone()),
            Some(Value::Number(n)) => Some(n.to_string()),
            Some(_) => return Err(self.format(Some(item), "`url.port` must be a string")),
        };
        let query = match obj.get("query") {
            None | Some(Value::Null) => None,
            v => Some(self.key_values(Some(item), "url.query", v)?),
        };
        Ok(Url {
            raw: self.string_field(Some(item), obj, "raw")?,
            protocol: self.string_field(Some(item), obj, "protocol")?,
            host,
            port,
            path,
            query,
            variables: self.key_values(Some(item), "url.variable", obj.get("variable"))?,
        })
    }

    fn strings(&self, item: &str, what: &str, parts: &[Value]) -> Result<Vec<String>, Error> {
        parts
            .iter()
            .map(|p| {
                p.as_str()
                    .map(str::to_owned)
                    .ok_or_else(|| self.format(Some(item), format!("`{what}` must hold strings")))
            })
            .collect()
    }

    fn body(&self, item: &str, value: Option<&Value>) -> Result<Body, Error> {
        let obj = match value {
            None | Some(Value::Null) => return Ok(Body::None),
            Some(Value::Object(obj)) => obj,
            Some(_) => return Err(self.format(Some(item), "`body` must be an object")),
        };
        if obj.get("disabled").and_then(Value::as_bool) == Some(true) {
            return Ok(Body::None);
        }
        let Some(mode) = self.string_field(Some(item), obj, "mode")? else {
            return Ok(Body::None);
        };
        if mode != "raw" {
            return Ok(Body::Other(mode));
        }
        let text = self
            .string_field(Some(item), obj, "raw")?
            .unwrap_or_default();
        let language = obj
            .get("options")
            .and_then(|o| o.get("raw"))
            .and_then(|r| r.get("language"))
            .and_then(Value::as_str)
            .map(str::to_owned);
        Ok(Body::Raw { text, language })
    }

    /// The saved examples that can be read, and a warning for each that
    /// cannot: a broken example costs itself, not its operation.
    fn examples(&self, item: &str, value: Option<&Value>) -> (Vec<Example>, Vec<Warning>) {
        let list = match value {
            None | Some(Value::Null) => return (Vec::new(), Vec::new()),
            Some(Value::Array(list)) => list,
            Some(_) => {
                let e = self.format(Some(item), "`response` must be an array");
                return (Vec::new(), vec![Warning::skipped_example(&e)]);
            }
        };
        let mut out = Vec::new();
        let mut dropped = Vec::new();
        for (n, v) in list.iter().enumerate() {
            match self.example(item, n + 1, v) {
                Ok(example) => out.push(example),
                Err(e) => dropped.push(Warning::skipped_example(&e)),
            }
        }
        (out, dropped)
    }

    fn example(&self, item: &str, number: usize, value: &Value) -> Result<Example, Error> {
        let fail = |msg: String| self.format(Some(item), format!("saved response #{number}{msg}"));
        let obj = value
            .as_object()
            .ok_or_else(|| fail(" must be an object".into()))?;
        let status = match obj.get("code") {
            None | Some(Value::Null) => None,
            Some(Value::Number(c)) => Some(
                c.as_u64()
                    .and_then(|c| u16::try_from(c).ok())
                    .filter(|c| (100..=599).contains(c))
                    .ok_or_else(|| fail(format!(": `code` {c} is not an HTTP status")))?,
            ),
            Some(_) => return Err(fail(": `code` must be a number".into())),
        };
        let body = match obj.get("body") {
            None | Some(Value::Null) => None,
            Some(Value::String(b)) => Some(b.clone()),
            Some(_) => return Err(fail(": `body` must be a string".into())),
        };
        let request_body = match obj.get("originalRequest").and_then(Value::as_object) {
            Some(r) => self.body(item, r.get("body"))?,
            None => Body::None,
        };
        Ok(Example {
            name: self
                .string_field(Some(item), obj, "name")?
                .unwrap_or_default(),
            status,
            body,
            request_body,
        })
    }

    /// Headers, query parameters and URL variables: a list of `{key, value}`
    /// objects, or (v2.0 headers) a `Key: Value` string.
    fn key_values(
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

    fn variables(&self, value: Option<&Value>) -> Result<BTreeMap<String, String>, Error> {
        Ok(self
            .key_values(None, "variable", value)?
            .into_iter()
            .filter(|kv| !kv.disabled)
            .map(|kv| (kv.key, kv.value.unwrap_or_default()))
            .collect())
    }

    fn auth(&self, item: Option<&str>, value: Option<&Value>) -> Result<Option<Auth>, Error> {
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

    fn string_field(
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
fn description(value: Option<&Value>) -> String {
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
fn scalar(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}
