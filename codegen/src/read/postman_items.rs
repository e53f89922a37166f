//! Reads a Postman Collection (v2.0 or v2.1) into plain Rust data: the
//! document, then its tree of folders and requests, flattened in order.
//!
//! This stage only checks shapes; what the requests mean is decided later.
//! Both schema versions are read by one lenient reader because the two differ
//! in a few spellings only (auth parameters as a map or a list, headers as a
//! string or a list), and real exports mix them. Each request is read by
//! `postman_request`.

use crate::error::{Error, ErrorKind, Location, Warning};
use crate::read::folders::{Selection, Visit};
use crate::read::limits::{self, Limits};
use crate::read::postman::{Auth, Collection, Item};
use crate::read::postman_fields::Reader;
use crate::read::{jsonc, lenient};
use serde_json::Value;

/// Reads `source` (the text of `file`) as a collection. A file that is not
/// valid JSON only for comments or trailing commas is read anyway, with a
/// warning that says where.
#[cfg(test)]
pub(crate) fn read(file: &str, source: &str) -> Result<Collection, Error> {
    read_folders(file, source, &Selection::new(&[]), &Limits::default())
}

/// Reads as [`read`] does, keeping only the items `selection` chooses; the
/// others are not read past their names. Fails when the text is over the
/// limit; an item over the limits (its name, its depth) is unreadable.
/// Whether every chosen folder was found is for the caller to check
/// ([`Selection::check`]) once every collection of the spec has been read.
pub(crate) fn read_folders(
    file: &str,
    source: &str,
    selection: &Selection<'_>,
    limits: &Limits,
) -> Result<Collection, Error> {
    limits.check_size(file, source.len())?;
    let source = jsonc::without_bom(source);
    let mut warnings = Vec::new();
    let root: Value = match serde_json::from_str(source) {
        Ok(root) => root,
        Err(strict) => {
            let fail = || Error::json(Location::file(file), "the collection", &strict);
            let cleaned = jsonc::clean(source, &|_| None);
            let repaired = lenient::repair(&cleaned, false);
            let (text, notes) = match repaired {
                Some(r) => (r.text, r.notes),
                None => (cleaned, vec!["ignored comments".to_owned()]),
            };
            let root = serde_json::from_str(&text).map_err(|_| fail())?;
            warnings.push(Warning::kept(
                Location::file(file),
                format!("read leniently: {}; {}", fail().kind, notes.join("; ")),
            ));
            root
        }
    };
    let reader = Reader { file, limits };
    let mut collection = reader.collection(&root, selection)?;
    warnings.append(&mut collection.warnings);
    collection.warnings = warnings;
    Ok(collection)
}

/// The auth a folder passes down: the nearest one declared, or the problem
/// that made it unreadable, which then belongs to each request under it.
type Inherited = Result<Option<Auth>, Error>;

/// `own` (a request's or folder's auth) over `parent`: none declared, or
/// `inherit`, keeps the parent's; `noauth` is a declaration like any other,
/// so it overrides.
fn inherit(own: Result<Option<Auth>, Error>, parent: &Inherited) -> Inherited {
    match own? {
        Some(auth) if auth.kind != "inherit" => Ok(Some(auth)),
        _ => parent.clone(),
    }
}

impl Reader<'_> {
    fn collection(&self, root: &Value, selection: &Selection<'_>) -> Result<Collection, Error> {
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
        let mut warnings = Vec::new();
        let variables = self.variables(root.get("variable"), &mut warnings);
        let auth = inherit(self.auth(None, root.get("auth")), &Ok(None));
        let mut items = Vec::new();
        let list = self.item_list(None, root.get("item"))?;
        self.items(list, &[], &auth, selection, &mut items);
        Ok(Collection {
            name,
            variables,
            items,
            warnings,
            top_folders: folder_names(list),
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
        inherited: &Inherited,
        selection: &Selection<'_>,
        out: &mut Vec<Item>,
    ) {
        let here_chosen = selection.request(folders);
        for (index, value) in list.iter().enumerate() {
            let here = format!("{} #{}", folders.join(" / "), index + 1);
            let here = here.trim();
            let numbered = format!("#{}", index + 1);
            let Some(obj) = value.as_object() else {
                if !here_chosen {
                    continue;
                }
                let e = self.format(Some(here), "an item must be a JSON object");
                out.push(Item::unreadable(folders, numbered, String::new(), e));
                continue;
            };
            let name = match self.string_field(Some(here), obj, "name") {
                Ok(name) => name.unwrap_or(numbered),
                Err(e) => {
                    if here_chosen {
                        out.push(Item::unreadable(folders, numbered, String::new(), e));
                    }
                    continue;
                }
            };
            if let Some(problem) = self.limits.item_problem(name.len(), folders.len()) {
                if here_chosen {
                    let name = limits::shortened(&name, self.limits.max_name_bytes);
                    let mut path = folders.to_vec();
                    path.push(name.clone());
                    let e = self.format(Some(&path.join(" / ")), problem);
                    out.push(Item::unreadable(folders, name, String::new(), e));
                }
                continue;
            }
            let mut path = folders.to_vec();
            path.push(name.clone());
            let chosen = if obj.contains_key("item") {
                selection.folder(&path) != Visit::Skip
            } else {
                here_chosen
            };
            if !chosen {
                continue;
            }
            let display = path.join(" / ");
            if obj.contains_key("item") {
                let own = self.auth(Some(&display), obj.get("auth"));
                match self.item_list(Some(&display), obj.get("item")) {
                    Ok(children) => {
                        let auth = inherit(own, inherited);
                        self.items(children, &path, &auth, selection, out);
                    }
                    Err(e) => out.push(Item::unreadable(folders, name, String::new(), e)),
                }
            } else if let Some(request) = obj.get("request") {
                let own = request
                    .as_object()
                    .map_or(Ok(None), |r| self.auth(Some(&display), r.get("auth")));
                let auth = inherit(own, inherited).map_err(|e| {
                    if e.location.item.as_deref() == Some(display.as_str()) {
                        e
                    } else {
                        let from = e.location.item.as_deref().unwrap_or("the collection");
                        self.format(
                            Some(&display),
                            format!(
                                "the auth it inherits from {from} cannot be read: {}",
                                e.kind
                            ),
                        )
                    }
                });
                let read = auth.and_then(|auth| Ok((auth, self.request(&display, request)?)));
                match read {
                    Ok((auth, request)) => {
                        let (examples, dropped) = self.examples(&display, obj.get("response"));
                        out.push(Item {
                            folders: folders.to_vec(),
                            name,
                            auth,
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

/// The names of the folders in `list`, as the error for a folder not
/// found lists them.
fn folder_names(list: &[Value]) -> Vec<String> {
    list.iter()
        .filter_map(Value::as_object)
        .filter(|obj| obj.contains_key("item"))
        .filter_map(|obj| obj.get("name").and_then(Value::as_str))
        .map(str::to_owned)
        .collect()
}
