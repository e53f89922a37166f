//! The overlay: what a Postman collection cannot say.
//!
//! A small JSON file beside the collection. It names operations and types,
//! fixes docs, declares constant and enumerated fields, and names resources.
//! Every key is checked, so a typo is an error instead of a silent no-op.
//!
//! ```json
//! {
//!   "resources": { "members": "member", "Media": { "collection": "media", "item": "media_item" } },
//!   "params": { "member_address": { "format": "e164" } },
//!   "doc_examples": { "types_path": "my_sdk", "prologue": ["let client = ...;"] },
//!   "operations": [
//!     {
//!       "item": ["Folder", "Item name"],
//!       "name": "add_user",
//!       "response_type": "ActionResponse",
//!       "fields": {
//!         "action": { "constant": "call" },
//!         "role": { "enum": ["agent", "customer"], "type_name": "Role" }
//!       }
//!     }
//!   ]
//! }
//! ```

use crate::error::{Error, ErrorKind, Location};
use crate::read::jsonc;
use crate::read::limits::Limits;
use crate::read::paging::{self, OperationPaging, PagingOverlay};
use crate::read::variants::{self, ResponseVariant};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Default)]
pub(crate) struct Overlay {
    /// Accessor names for resources, by the path literal that introduces
    /// them, or by a path ending in it (`Masking/Session`): the longest
    /// match wins.
    pub resources: BTreeMap<String, ResourceNames>,
    /// Path parameters, by name wherever they appear, or by a path ending
    /// in the parameter (`Masking/Session/{id}`): `description`, `format`.
    pub params: BTreeMap<String, FieldOverlay>,
    /// Runnable examples for the generated docs.
    pub doc_examples: Option<DocExamples>,
    /// Responses a request parameter switches (`variants`).
    pub response_variants: Vec<ResponseVariant>,
    /// How listings page (`paging`), for every operation whose answer has
    /// the places it names.
    pub pagination: Option<PagingOverlay>,
    pub operations: Vec<OperationOverlay>,
}

/// The accessors of one resource: the item's (a literal followed by a
/// parameter, `client.message(id)`) and the collection's (the literal alone,
/// `client.messages()`), which is the item's, pluralized, unless given.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct ResourceNames {
    pub item: Option<String>,
    pub collection: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct OperationOverlay {
    /// The overlay file the entry comes from, named in errors about it.
    pub file: String,
    /// Folder names then the item name.
    pub item: Vec<String>,
    /// Narrows `item` to one HTTP method when several items share a name.
    pub method: Option<String>,
    pub name: Option<String>,
    pub description: Option<String>,
    pub request_type: Option<String>,
    pub response_type: Option<String>,
    pub idempotent: Option<bool>,
    /// The body is a free-form JSON object sent as the caller builds it.
    pub free_form_body: bool,
    pub fields: BTreeMap<String, FieldOverlay>,
    pub response_fields: BTreeMap<String, FieldOverlay>,
    /// The operation's own paging, or `false` (`paging`).
    pub pagination: Option<OperationPaging>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct FieldOverlay {
    /// The field always has this value; callers never pass it.
    pub constant: Option<Value>,
    /// The allowed values.
    pub values: Option<Vec<String>>,
    pub type_name: Option<String>,
    pub description: Option<String>,
    pub required: Option<bool>,
    /// `string`, `integer`, `number`, `boolean`, `object` or `any`.
    pub r#type: Option<String>,
    /// A format: `timestamp` (decoded as the runtime's `Timestamp`), or any
    /// other name, which the vendor checks by that name.
    pub format: Option<String>,
    /// A value to show in examples (path parameters).
    pub example: Option<String>,
}

/// How examples are written: where the types live, and the hidden lines
/// around each example.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocExamples {
    /// The path that names the generated types in a doctest, such as `my_sdk`.
    pub types_path: String,
    /// Hidden lines before the example; they must bind `client`.
    pub prologue: Vec<String>,
    /// Hidden lines after it.
    pub epilogue: Vec<String>,
}

/// The format of a date-time field: typed as the runtime's `Timestamp`.
pub(crate) const TIMESTAMP: &str = "timestamp";

impl FieldOverlay {
    /// Whether the overlay, not the examples, decides the field's type.
    pub(crate) fn declares_type(&self) -> bool {
        self.values.is_some() || self.r#type.is_some() || self.format.as_deref() == Some(TIMESTAMP)
    }

    /// The format the runtime checks before sending: a timestamp is a type,
    /// not a check, so it is left out.
    pub(crate) fn checked_format(&self) -> Option<String> {
        self.format.clone().filter(|f| f != TIMESTAMP)
    }
}

/// Reads the overlay in `source` (the text of `file`).
pub(crate) fn read(file: &str, source: &str, limits: &Limits) -> Result<Overlay, Error> {
    limits.check_size(file, source.len())?;
    let root: Value = serde_json::from_str(jsonc::without_bom(source))
        .map_err(|e| Error::json(Location::file(file), "the overlay", &e))?;
    let bad = |msg: String| Error::new(Location::file(file), ErrorKind::Overlay(msg));
    let root = object(&root, "the overlay").map_err(bad)?;
    check_keys(
        root,
        "the overlay",
        &[
            "resources",
            "params",
            "doc_examples",
            "response_variants",
            "pagination",
            "operations",
        ],
    )
    .map_err(bad)?;
    let mut overlay = Overlay::default();
    if let Some(resources) = root.get("resources") {
        for (literal, names) in object(resources, "`resources`").map_err(bad)? {
            let names = resource_names(names, &format!("`resources.{literal}`")).map_err(bad)?;
            overlay.resources.insert(literal.clone(), names);
        }
    }
    overlay.params = fields(root.get("params"), "`params`").map_err(bad)?;
    if let Some(value) = root.get("doc_examples") {
        overlay.doc_examples = Some(doc_examples(value).map_err(bad)?);
    }
    if let Some(value) = root.get("response_variants") {
        overlay.response_variants = variants::read(value).map_err(bad)?;
    }
    if let Some(value) = root.get("pagination") {
        overlay.pagination = Some(paging::read_api(value).map_err(bad)?);
    }
    let operations = match root.get("operations") {
        None => return Ok(overlay),
        Some(Value::Array(list)) => list,
        Some(_) => return Err(bad("`operations` must be an array".into())),
    };
    for (n, entry) in operations.iter().enumerate() {
        let what = format!("`operations[{n}]`");
        let mut op = operation(entry, &what).map_err(bad)?;
        op.file = file.to_owned();
        overlay.operations.push(op);
    }
    Ok(overlay)
}

/// A name (the item's) or `{"item": .., "collection": ..}`.
fn resource_names(value: &Value, what: &str) -> Result<ResourceNames, String> {
    if let Some(item) = value.as_str() {
        return Ok(ResourceNames {
            item: Some(item.to_owned()),
            collection: None,
        });
    }
    let obj = object(value, what)
        .map_err(|_| format!("{what} must be a name or an object of `item` and `collection`"))?;
    check_keys(obj, what, &["item", "collection"])?;
    Ok(ResourceNames {
        item: string(obj, "item", what)?,
        collection: string(obj, "collection", what)?,
    })
}

fn doc_examples(value: &Value) -> Result<DocExamples, String> {
    let what = "`doc_examples`";
    let obj = object(value, what)?;
    check_keys(obj, what, &["types_path", "prologue", "epilogue"])?;
    let lines = |key: &str| -> Result<Vec<String>, String> {
        match obj.get(key) {
            None => Ok(Vec::new()),
            Some(Value::Array(items)) => items
                .iter()
                .map(|v| v.as_str().map(str::to_owned))
                .collect::<Option<Vec<_>>>()
                .ok_or_else(|| format!("{what}.{key} must hold strings")),
            Some(_) => Err(format!("{what}.{key} must be an array of lines")),
        }
    };
    Ok(DocExamples {
        types_path: string(obj, "types_path", what)?
            .ok_or_else(|| format!("{what} needs `types_path`"))?,
        prologue: lines("prologue")?,
        epilogue: lines("epilogue")?,
    })
}

fn operation(entry: &Value, what: &str) -> Result<OperationOverlay, String> {
    let obj = object(entry, what)?;
    check_keys(
        obj,
        what,
        &[
            "item",
            "method",
            "name",
            "description",
            "request_type",
            "response_type",
            "idempotent",
            "body",
            "fields",
            "response_fields",
            "pagination",
        ],
    )?;
    let item = match obj.get("item") {
        Some(Value::Array(parts)) if !parts.is_empty() => parts
            .iter()
            .map(|p| p.as_str().map(str::to_owned))
            .collect::<Option<Vec<_>>>()
            .ok_or_else(|| format!("{what}.item must hold strings"))?,
        _ => return Err(format!("{what} needs `item`: [folder..., name]")),
    };
    let free_form_body = match obj.get("body") {
        None => false,
        Some(Value::String(s)) if s == "free_form" => true,
        Some(_) => return Err(format!("{what}.body must be \"free_form\"")),
    };
    Ok(OperationOverlay {
        file: String::new(),
        item,
        method: string(obj, "method", what)?.map(|m| m.to_ascii_uppercase()),
        name: string(obj, "name", what)?,
        description: string(obj, "description", what)?,
        request_type: string(obj, "request_type", what)?,
        response_type: string(obj, "response_type", what)?,
        idempotent: match obj.get("idempotent") {
            None => None,
            Some(Value::Bool(b)) => Some(*b),
            Some(_) => return Err(format!("{what}.idempotent must be a boolean")),
        },
        free_form_body,
        fields: fields(obj.get("fields"), &format!("{what}.fields"))?,
        response_fields: fields(
            obj.get("response_fields"),
            &format!("{what}.response_fields"),
        )?,
        pagination: obj
            .get("pagination")
            .map(|v| paging::read_operation(v, &format!("{what}.pagination")))
            .transpose()?,
    })
}

fn fields(value: Option<&Value>, what: &str) -> Result<BTreeMap<String, FieldOverlay>, String> {
    let Some(value) = value else {
        return Ok(BTreeMap::new());
    };
    let mut out = BTreeMap::new();
    for (name, spec) in object(value, what)? {
        let here = format!("{what}.{name}");
        let obj = object(spec, &here)?;
        check_keys(
            obj,
            &here,
            &[
                "constant",
                "enum",
                "type_name",
                "description",
                "required",
                "type",
                "format",
                "example",
            ],
        )?;
        let values = match obj.get("enum") {
            None => None,
            Some(Value::Array(vals)) if !vals.is_empty() => Some(
                vals.iter()
                    .map(|v| v.as_str().map(str::to_owned))
                    .collect::<Option<Vec<_>>>()
                    .ok_or_else(|| format!("{here}.enum must hold strings"))?,
            ),
            Some(_) => return Err(format!("{here}.enum must be a non-empty array")),
        };
        let constant = match obj.get("constant") {
            None => None,
            Some(v @ (Value::String(_) | Value::Number(_) | Value::Bool(_))) => Some(v.clone()),
            Some(_) => {
                return Err(format!(
                    "{here}.constant must be a string, number or boolean"
                ));
            }
        };
        let r#type = string(obj, "type", &here)?;
        let format = string(obj, "format", &here)?;
        // Any other name is the vendor's to check, at run time.
        if format.as_deref().is_some_and(|f| f.trim().is_empty()) {
            return Err(format!("{here}.format must name a format"));
        }
        if let Some(t) = &r#type {
            const TYPES: &[&str] = &["string", "integer", "number", "boolean", "object", "any"];
            if !TYPES.contains(&t.as_str()) {
                return Err(format!(
                    "{here}.type `{t}` is not one of {}",
                    TYPES.join(", ")
                ));
            }
        }
        out.insert(
            name.clone(),
            FieldOverlay {
                constant,
                values,
                type_name: string(obj, "type_name", &here)?,
                description: string(obj, "description", &here)?,
                required: match obj.get("required") {
                    None => None,
                    Some(Value::Bool(b)) => Some(*b),
                    Some(_) => return Err(format!("{here}.required must be a boolean")),
                },
                r#type,
                format,
                example: string(obj, "example", &here)?,
            },
        );
    }
    Ok(out)
}

fn object<'v>(value: &'v Value, what: &str) -> Result<&'v Map<String, Value>, String> {
    value
        .as_object()
        .ok_or_else(|| format!("{what} must be a JSON object"))
}

fn check_keys(obj: &Map<String, Value>, what: &str, allowed: &[&str]) -> Result<(), String> {
    match obj.keys().find(|k| !allowed.contains(&k.as_str())) {
        Some(key) => Err(format!(
            "{what} has unknown key `{key}` (allowed: {})",
            allowed.join(", ")
        )),
        None => Ok(()),
    }
}

fn string(obj: &Map<String, Value>, key: &str, what: &str) -> Result<Option<String>, String> {
    match obj.get(key) {
        None => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(format!("{what}.{key} must be a string")),
    }
}
