//! Reads a Postman Collection (v2.0 or v2.1) into plain Rust data: the
//! document, then its tree of folders and requests, flattened in order.
//!
//! This stage only checks shapes; what the requests mean is decided later.
//! Both schema versions are read by one lenient reader because the two differ
//! in a few spellings only (auth parameters as a map or a list, headers as a
//! string or a list), and real exports mix them. Each request is read by
//! `postman_request`.

use crate::error::{Error, ErrorKind, Location};
use crate::read::postman::{Auth, Collection, Item};
use crate::read::postman_fields::Reader;
use serde_json::Value;

/// Reads `source` (the text of `file`) as a collection.
pub(crate) fn read(file: &str, source: &str) -> Result<Collection, Error> {
    let root: Value = serde_json::from_str(source)
        .map_err(|e| Error::json(Location::file(file), "the collection", &e))?;
    let reader = Reader { file };
    reader.collection(&root)
}

impl Reader<'_> {
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
}
