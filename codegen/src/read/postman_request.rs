//! One request of a collection: method, URL, headers, body and saved
//! examples.

use crate::error::{Error, SkipReason, Warning};
use crate::read::postman::{Body, Example, FormPart, Request, Url};
use crate::read::postman_fields::{Reader, description, scalar};
use serde_json::Value;

impl Reader<'_> {
    pub(super) fn request(&self, item: &str, value: &Value) -> Result<Request, Error> {
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
                let e = self.format(Some(item), "the request has no `url`");
                return Err(e.with_reason(SkipReason::NoUrl));
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
        match mode.as_str() {
            "raw" => {}
            "urlencoded" => {
                let fields =
                    self.key_values(Some(item), "body.urlencoded", obj.get("urlencoded"))?;
                return Ok(Body::Urlencoded(fields));
            }
            "formdata" => return self.form_data(item, obj.get("formdata")),
            "file" => {
                let src = obj
                    .get("file")
                    .and_then(|f| f.get("src"))
                    .and_then(|v| scalar(Some(v)));
                return Ok(Body::File { src });
            }
            "graphql" => return self.graphql(item, obj.get("graphql")),
            _ => return Ok(Body::Other(mode)),
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

    /// Multipart parts: `{key, value}` text parts and `{key, type: "file",
    /// src}` file parts; `src` may be a path or a list of paths.
    fn form_data(&self, item: &str, value: Option<&Value>) -> Result<Body, Error> {
        let fields = self.key_values(Some(item), "body.formdata", value)?;
        let list = value
            .and_then(Value::as_array)
            .map_or(&[][..], Vec::as_slice);
        // `key_values` drops entries without a key; pair the rest in order.
        let entries = list.iter().filter(|e| {
            e.get("key")
                .or_else(|| e.get("id"))
                .is_some_and(|k| !k.is_null())
        });
        let parts = fields
            .into_iter()
            .zip(entries)
            .map(|(field, entry)| {
                let src = match entry.get("src") {
                    Some(Value::Array(paths)) => paths.first().and_then(|v| scalar(Some(v))),
                    other => other.and_then(|v| scalar(Some(v))),
                };
                FormPart {
                    is_file: entry.get("type").and_then(Value::as_str) == Some("file"),
                    src,
                    content_type: entry
                        .get("contentType")
                        .and_then(|v| scalar(Some(v)))
                        .filter(|c| !c.is_empty()),
                    field,
                }
            })
            .collect();
        Ok(Body::FormData(parts))
    }

    /// A GraphQL body; its variables may be saved as JSON text or as JSON.
    fn graphql(&self, item: &str, value: Option<&Value>) -> Result<Body, Error> {
        let obj = match value {
            None | Some(Value::Null) => {
                return Ok(Body::GraphQl {
                    query: String::new(),
                    variables: None,
                });
            }
            Some(Value::Object(obj)) => obj,
            Some(_) => return Err(self.format(Some(item), "`body.graphql` must be an object")),
        };
        let query = self
            .string_field(Some(item), obj, "query")?
            .unwrap_or_default();
        let variables = match obj.get("variables") {
            None | Some(Value::Null) => None,
            Some(Value::String(text)) => Some(text.clone()).filter(|t| !t.trim().is_empty()),
            Some(json) => Some(json.to_string()),
        };
        Ok(Body::GraphQl { query, variables })
    }

    /// The saved examples that can be read, and a warning for each that
    /// cannot: a broken example costs itself, not its operation.
    pub(super) fn examples(
        &self,
        item: &str,
        value: Option<&Value>,
    ) -> (Vec<Example>, Vec<Warning>) {
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
            content_type: content_type(obj.get("header")),
            request_body,
        })
    }
}

/// The value of the first `Content-Type` in a saved response's headers,
/// read leniently: the headers only inform the response's type, so a
/// malformed list (a string, as old exports hold, or entries without a
/// value) is no error, only no type.
fn content_type(headers: Option<&Value>) -> Option<String> {
    headers?.as_array()?.iter().find_map(|header| {
        let header = header.as_object()?;
        let key = header.get("key")?.as_str()?;
        let value = header.get("value")?.as_str()?.trim();
        let disabled = header.get("disabled").and_then(Value::as_bool) == Some(true);
        (key.trim().eq_ignore_ascii_case("content-type") && !disabled && !value.is_empty())
            .then(|| value.to_owned())
    })
}
