//! A case's logical arguments (`args` in cases/*.json), as the Rust calls
//! read them: each accessor fails with a message naming the case, so a
//! table that asks for an argument its case lacks fails that case alone.

use plivo::runtime::Upload;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use std::cell::RefCell;
use std::collections::BTreeSet;

/// The arguments of one case, and which of them the call read: an
/// argument it never reads would silently go unsent ([`Args::unread`]).
///
/// The PHLO calls read path parameters and whole bodies only; query
/// parameters, single fields and uploads serve the catalogue's groups.
#[derive(Debug, Clone)]
pub struct Args {
    case: String,
    args: Value,
    read: RefCell<BTreeSet<String>>,
}

impl Args {
    /// The arguments of case `case`, as its table gives them.
    pub fn new(case: &str, args: Value) -> Self {
        Args {
            case: case.to_owned(),
            args,
            read: RefCell::default(),
        }
    }

    fn part(&self, part: &str) -> Option<&Value> {
        self.args.get(part)
    }

    fn mark(&self, key: String) {
        self.read.borrow_mut().insert(key);
    }

    /// The arguments no accessor has read (`query.limit`, `body.name`):
    /// after a call is built, each is one its request leaves out.
    pub fn unread(&self) -> Vec<String> {
        let read = self.read.borrow();
        let mut unread = Vec::new();
        for part in ["path", "query", "body", "files"] {
            let Some(Value::Object(map)) = self.part(part) else {
                continue;
            };
            if read.contains(part) {
                continue;
            }
            for key in map.keys() {
                let key = format!("{part}.{key}");
                if !read.contains(&key) {
                    unread.push(key);
                }
            }
        }
        unread
    }

    fn missing(&self, what: &str) -> String {
        format!("{}: {what} is not among its arguments", self.case)
    }

    /// Path parameter `name`.
    pub fn path(&self, name: &str) -> Result<String, String> {
        self.mark(format!("path.{name}"));
        match self.part("path").and_then(|p| p.get(name)) {
            Some(Value::String(s)) => Ok(s.clone()),
            Some(other) => Ok(other.to_string()),
            None => Err(self.missing(&format!("$path.{name}"))),
        }
    }

    /// The whole body as the request type `T` (read as its wire names).
    pub fn body<T: DeserializeOwned>(&self) -> Result<T, String> {
        self.mark("body".into());
        let body = self.part("body").ok_or_else(|| self.missing("$body"))?;
        serde_json::from_value(body.clone())
            .map_err(|e| format!("{}: $body is not a {}: {e}", self.case, short::<T>()))
    }

    /// The body as the request type `T`, read from `{}` when the case has
    /// none (a request type whose fields are all optional).
    #[allow(dead_code)] // read by the calls of the catalogue's groups
    pub fn body_or_empty<T: DeserializeOwned>(&self) -> Result<T, String> {
        match self.part("body") {
            Some(_) => self.body(),
            None => serde_json::from_value(Value::Object(Map::new())).map_err(|e| {
                format!(
                    "{}: no body, and {{}} is not a {}: {e}",
                    self.case,
                    short::<T>()
                )
            }),
        }
    }

    /// The body as a JSON object, `None` when the case has none.
    pub fn body_map(&self) -> Result<Option<Map<String, Value>>, String> {
        self.mark("body".into());
        match self.part("body") {
            None => Ok(None),
            Some(Value::Object(map)) => Ok(Some(map.clone())),
            Some(_) => Err(format!("{}: $body is not an object", self.case)),
        }
    }

    /// Query parameter `name` as `T`, `None` when the case leaves it out.
    #[allow(dead_code)] // read by the calls of the catalogue's groups
    pub fn query<T: DeserializeOwned>(&self, name: &str) -> Result<Option<T>, String> {
        self.mark(format!("query.{name}"));
        match self.part("query").and_then(|q| q.get(name)) {
            None => Ok(None),
            Some(value) => serde_json::from_value(value.clone())
                .map(Some)
                .map_err(|e| {
                    format!(
                        "{}: $query.{name} is not a {}: {e}",
                        self.case,
                        short::<T>()
                    )
                }),
        }
    }

    /// Body field `name` as `T`, `None` when the case leaves it out.
    #[allow(dead_code)] // read by the calls of the catalogue's groups
    pub fn field<T: DeserializeOwned>(&self, name: &str) -> Result<Option<T>, String> {
        self.mark(format!("body.{name}"));
        match self.part("body").and_then(|q| q.get(name)) {
            None => Ok(None),
            Some(value) => serde_json::from_value(value.clone())
                .map(Some)
                .map_err(|e| format!("{}: $body.{name} is not a {}: {e}", self.case, short::<T>())),
        }
    }

    /// Body field `name` as `T`; an error when the case leaves it out.
    #[allow(dead_code)] // read by the calls of the catalogue's groups
    pub fn required<T: DeserializeOwned>(&self, name: &str) -> Result<T, String> {
        self.field(name)?
            .ok_or_else(|| self.missing(&format!("$body.{name}")))
    }

    /// Body field `name` as JSON text (a multipart part holding JSON).
    #[allow(dead_code)] // read by the calls of the catalogue's groups
    pub fn json_text(&self, name: &str) -> Result<String, String> {
        let value: Value = self.required(name)?;
        Ok(value.to_string())
    }

    /// Upload `name`, `None` when the case has no such file.
    #[allow(dead_code)] // read by the calls of the catalogue's groups
    pub fn upload_opt(&self, name: &str) -> Result<Option<Upload>, String> {
        match self.part("files").and_then(|f| f.get(name)) {
            None => Ok(None),
            Some(_) => self.upload(name).map(Some),
        }
    }

    /// Upload `name` (`$files.name`): its text, file name and media type.
    #[allow(dead_code)] // read by the calls of the catalogue's groups
    pub fn upload(&self, name: &str) -> Result<Upload, String> {
        self.mark(format!("files.{name}"));
        let file = self
            .part("files")
            .and_then(|f| f.get(name))
            .ok_or_else(|| self.missing(&format!("$files.{name}")))?;
        let field = |key: &str| {
            file.get(key)
                .and_then(Value::as_str)
                .ok_or_else(|| format!("{}: $files.{name} has no {key}", self.case))
        };
        Ok(Upload::bytes(field("text")?.as_bytes().to_vec())
            .file_name(field("name")?)
            .content_type(field("type")?))
    }
}

/// A type's last path segment, for messages.
fn short<T>() -> &'static str {
    let name = std::any::type_name::<T>();
    name.rsplit("::").next().unwrap_or(name)
}
