//! The table's elements: content, attributes (their types resolved against
//! the value types), children and rules. A bad element is reported and
//! left out; the others are still read.

use crate::error::Error;
use crate::xml::json::{integer, shape, string};
use crate::xml::model::{AttrType, Attribute, Content, Element, Rule, ValueKind, ValueType};
use crate::xml::names;
use serde_json::{Map, Value};

/// Every element of `list`, children resolved by tag.
pub(crate) fn read(
    file: &str,
    list: &[Value],
    types: &[ValueType],
    errors: &mut Vec<Error>,
) -> Vec<Element> {
    // First every element alone, then the children, which name any of them.
    let mut read: Vec<(Element, Vec<String>)> = Vec::new();
    for (at, value) in list.iter().enumerate() {
        let tag = value
            .get("name")
            .and_then(Value::as_str)
            .map_or_else(|| format!("elements[{at}]"), str::to_owned);
        let item = format!("elements.{tag}");
        match value
            .as_object()
            .ok_or("not an object".to_owned())
            .and_then(|v| element(v, types))
        {
            Ok(pair) if read.iter().any(|(e, _)| e.wire == pair.0.wire) => {
                errors.push(shape(file, Some(&item), "the element is listed twice"));
            }
            Ok(pair) => read.push(pair),
            Err(message) => errors.push(shape(file, Some(&item), &message)),
        }
    }
    let tags: Vec<String> = read.iter().map(|(e, _)| e.wire.clone()).collect();
    read.into_iter()
        .map(|(mut element, children)| {
            for child in children {
                match tags.iter().position(|t| *t == child) {
                    Some(at) if !element.children.contains(&at) => element.children.push(at),
                    Some(_) => {}
                    None => errors.push(shape(
                        file,
                        Some(&format!("elements.{}", element.wire)),
                        &format!("child `{child}` is no element of the table"),
                    )),
                }
            }
            element
        })
        .collect()
}

/// One element, and the tags of its children.
fn element(
    def: &Map<String, Value>,
    types: &[ValueType],
) -> Result<(Element, Vec<String>), String> {
    let wire = string(def, "name").ok_or("`name` is missing")?;
    if !names::is_xml_name(&wire) {
        return Err(format!("`{wire}` is not an XML name"));
    }
    let content = match string(def, "content").as_deref() {
        Some("empty") => Content::Empty,
        Some("text") => Content::Text,
        Some("children") => Content::Children,
        Some("mixed") => Content::Mixed,
        other => {
            return Err(format!(
                "`content` is {other:?}, not empty, text, children or mixed"
            ));
        }
    };
    let children: Vec<String> = match def.get("children") {
        None => Vec::new(),
        Some(Value::Array(list)) => list
            .iter()
            .map(|c| c.as_str().map(str::to_owned).ok_or("a child is not text"))
            .collect::<Result<_, _>>()?,
        Some(_) => return Err("`children` is not an array".into()),
    };
    let holds_elements = matches!(content, Content::Children | Content::Mixed);
    if children.is_empty() && content == Content::Children {
        return Err("the content is children, but `children` lists none".into());
    }
    if !children.is_empty() && !holds_elements {
        return Err("`children` given, but the content is not children or mixed".into());
    }
    let mut attributes: Vec<Attribute> = Vec::new();
    if let Some(list) = def.get("attributes") {
        let list = list.as_array().ok_or("`attributes` is not an array")?;
        for value in list {
            let value = value.as_object().ok_or("an attribute is not an object")?;
            let attribute = attribute(value, types)?;
            if attributes
                .iter()
                .any(|a| a.wire == attribute.wire || a.rust == attribute.rust)
            {
                return Err(format!("attribute `{}` is listed twice", attribute.wire));
            }
            attributes.push(attribute);
        }
    }
    let rules = match def.get("rules") {
        None => Vec::new(),
        Some(Value::Array(list)) => list
            .iter()
            .map(|r| rule(r, &attributes))
            .collect::<Result<_, _>>()?,
        Some(_) => return Err("`rules` is not an array".into()),
    };
    let element = Element {
        rust: string(def, "rust").unwrap_or_else(|| names::type_name(&wire)),
        wire,
        doc: string(def, "doc").unwrap_or_default(),
        content,
        text_doc: string(def, "text").unwrap_or_default(),
        children: Vec::new(),
        attributes,
        rules,
    };
    if !names::is_type_name(&element.rust) {
        return Err(format!("no usable Rust name (`{}`)", element.rust));
    }
    Ok((element, children))
}

fn attribute(def: &Map<String, Value>, types: &[ValueType]) -> Result<Attribute, String> {
    let wire = string(def, "name").ok_or("an attribute has no `name`")?;
    if !names::is_xml_name(&wire) {
        return Err(format!("attribute `{wire}` is not an XML name"));
    }
    let at = |what: &str| format!("attribute `{wire}`: {what}");
    let named = |name: &str| types.iter().position(|t| t.name == name);
    let ty = match def.get("type") {
        Some(Value::String(t)) => match t.as_str() {
            "boolean" => AttrType::Bool,
            "integer" => AttrType::Integer,
            "string" => AttrType::String,
            other => {
                AttrType::Named(named(other).ok_or_else(|| at(&format!("unknown type `{other}`")))?)
            }
        },
        Some(Value::Object(list)) => {
            let item = string(list, "list").ok_or_else(|| at("a list type needs `list`"))?;
            let item = named(&item).ok_or_else(|| at(&format!("unknown type `{item}`")))?;
            if !matches!(types[item].kind, ValueKind::Enum(_)) {
                return Err(at("a list's items must be an enum"));
            }
            let separator = string(list, "separator").unwrap_or_else(|| ",".into());
            AttrType::List { item, separator }
        }
        _ => return Err(at("`type` is missing")),
    };
    let attribute = Attribute {
        rust: string(def, "rust").unwrap_or_else(|| names::field(&wire)),
        doc: string(def, "doc").unwrap_or_default(),
        required: def
            .get("required")
            .and_then(Value::as_bool)
            .unwrap_or(false),
        default: string(def, "default"),
        min: integer(def, "min"),
        max: integer(def, "max"),
        max_chars: integer(def, "max_length").and_then(|n| usize::try_from(n).ok()),
        max_bytes: integer(def, "max_bytes").and_then(|n| usize::try_from(n).ok()),
        ty,
        wire: wire.clone(),
    };
    let numeric = attribute.min.is_some() || attribute.max.is_some();
    if numeric && attribute.ty != AttrType::Integer {
        return Err(at("`min` and `max` need an integer"));
    }
    if attribute
        .min
        .zip(attribute.max)
        .is_some_and(|(lo, hi)| lo > hi)
    {
        return Err(at("`min` is above `max`"));
    }
    let lengths = attribute.max_chars.is_some() || attribute.max_bytes.is_some();
    if lengths
        && matches!(
            attribute.ty,
            AttrType::Bool | AttrType::Integer | AttrType::List { .. }
        )
    {
        return Err(at("`max_length` and `max_bytes` need text"));
    }
    if !names::is_field_name(&attribute.rust) {
        return Err(at(&format!("no usable Rust name (`{}`)", attribute.rust)));
    }
    Ok(attribute)
}

fn rule(value: &Value, attributes: &[Attribute]) -> Result<Rule, String> {
    let find = |side: &str| -> Result<(usize, &Map<String, Value>), String> {
        let part = value
            .get(side)
            .and_then(Value::as_object)
            .ok_or(format!("a rule has no `{side}`"))?;
        let name = string(part, "attribute").unwrap_or_default();
        let at = attributes.iter().position(|a| a.wire == name);
        Ok((
            at.ok_or(format!(
                "a rule names no attribute of the element (`{name}`)"
            ))?,
            part,
        ))
    };
    let (when, when_part) = find("when")?;
    let (then, then_part) = find("then")?;
    let equals = string(when_part, "equals").ok_or("a rule's `when` has no `equals`")?;
    let one_of: Vec<String> = then_part
        .get("one_of")
        .and_then(Value::as_array)
        .map(|list| {
            list.iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default();
    if one_of.is_empty() {
        return Err("a rule's `then` has no `one_of`".into());
    }
    Ok(Rule {
        when,
        equals,
        then,
        one_of,
    })
}
