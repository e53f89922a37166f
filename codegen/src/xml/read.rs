//! The vocabulary table read from JSON: its shape checked, every name and
//! reference resolved, every problem reported (one per item, never a panic).

use crate::error::{Error, Errors, Location};
use crate::xml::json::{integer, shape, string};
use crate::xml::model::{EnumValue, Form, ValueKind, ValueType, Vocabulary};
use crate::xml::names;
use crate::xml::read_elements;
use crate::xml::unique;
use serde_json::{Map, Value};

/// Reads `text` (the file `file`) as a vocabulary.
pub(crate) fn read(file: &str, text: &str) -> Result<Vocabulary, Errors> {
    let value: Value = serde_json::from_str(text)
        .map_err(|e| Error::json(Location::file(file), "the file", &e))?;
    let Some(top) = value.as_object() else {
        return Err(shape(file, None, "the table is not a JSON object").into());
    };
    let mut errors = Vec::new();
    let value_types = match top.get("value_types") {
        None => Vec::new(),
        Some(Value::Object(types)) => read_value_types(file, types, &mut errors),
        Some(_) => {
            errors.push(shape(file, None, "`value_types` is not an object"));
            Vec::new()
        }
    };
    let elements = match top.get("elements") {
        Some(Value::Array(list)) => read_elements::read(file, list, &value_types, &mut errors),
        _ => {
            errors.push(shape(file, None, "`elements` is missing or not an array"));
            Vec::new()
        }
    };
    let root_name = string(top, "root").unwrap_or_default();
    let root = elements.iter().position(|e| e.wire == root_name);
    if root.is_none() {
        errors.push(shape(
            file,
            None,
            &format!("`root` names no element (`{root_name}`)"),
        ));
    }
    unique::check(file, &value_types, &elements, &mut errors);
    if let Some(errors) = Errors::from_list(errors) {
        return Err(errors);
    }
    Ok(Vocabulary {
        name: string(top, "name").unwrap_or_default(),
        doc: string(top, "doc").unwrap_or_default(),
        root: root.unwrap_or_default(),
        value_types,
        elements,
    })
}

fn read_value_types(
    file: &str,
    types: &Map<String, Value>,
    errors: &mut Vec<Error>,
) -> Vec<ValueType> {
    let mut out = Vec::new();
    for (name, def) in types {
        let item = format!("value_types.{name}");
        let Some(def) = def.as_object() else {
            errors.push(shape(file, Some(&item), "not an object"));
            continue;
        };
        if !names::is_type_name(name) {
            errors.push(shape(
                file,
                Some(&item),
                "the name is not an UpperCamelCase identifier",
            ));
            continue;
        }
        let kind = match string(def, "kind").as_deref() {
            Some("enum") => read_enum(def).map(ValueKind::Enum),
            Some("string") => read_forms(def).map(ValueKind::Forms),
            other => Err(format!("`kind` is {other:?}, not \"enum\" or \"string\"")),
        };
        match kind {
            Ok(kind) => out.push(ValueType {
                name: name.clone(),
                doc: string(def, "doc").unwrap_or_default(),
                kind,
            }),
            Err(message) => errors.push(shape(file, Some(&item), &message)),
        }
    }
    out
}

fn read_enum(def: &Map<String, Value>) -> Result<Vec<EnumValue>, String> {
    let Some(Value::Array(values)) = def.get("values") else {
        return Err("`values` is missing or not an array".into());
    };
    let mut out: Vec<EnumValue> = Vec::new();
    for value in values {
        let (wire, name, doc) = match value {
            Value::String(wire) => (wire.clone(), None, String::new()),
            Value::Object(v) => match string(v, "value") {
                Some(wire) => (
                    wire,
                    string(v, "name"),
                    string(v, "doc").unwrap_or_default(),
                ),
                None => return Err("a value has no `value`".into()),
            },
            _ => return Err("a value is neither text nor an object".into()),
        };
        let name = name.unwrap_or_else(|| names::variant(&wire));
        if !names::is_variant_name(&name) {
            return Err(format!(
                "value `{wire}` has no usable variant name (`{name}`): give it a `name`"
            ));
        }
        if out.iter().any(|v| v.name == name || v.wire == wire) {
            return Err(format!("value `{wire}` (variant `{name}`) is listed twice"));
        }
        out.push(EnumValue { wire, name, doc });
    }
    if out.is_empty() {
        return Err("`values` is empty".into());
    }
    Ok(out)
}

fn read_forms(def: &Map<String, Value>) -> Result<Vec<Form>, String> {
    let Some(Value::Array(forms)) = def.get("forms") else {
        return Err("`forms` is missing or not an array".into());
    };
    let mut out = Vec::new();
    for form in forms {
        let form = form.as_object().ok_or("a form is not an object")?;
        if let Some(value) = string(form, "value") {
            out.push(Form::Value(value));
        } else if let Some(prefix) = string(form, "prefix") {
            out.push(Form::Prefix(prefix));
        } else if let Some(Value::Object(range)) = form.get("integer") {
            let (min, max) = (integer(range, "min"), integer(range, "max"));
            match (min, max) {
                (Some(min), Some(max)) if min <= max => out.push(Form::Integer { min, max }),
                _ => return Err("an integer form needs `min` <= `max`".into()),
            }
        } else {
            return Err("a form is none of `value`, `prefix`, `integer`".into());
        }
    }
    if out.is_empty() {
        return Err("`forms` is empty".into());
    }
    Ok(out)
}
