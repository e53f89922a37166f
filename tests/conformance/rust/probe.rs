//! Which keys of a JSON value a generated type leaves untyped.
//!
//! The value is deserialized into the type through a wrapper that walks it
//! as serde asks for it. A key the type does not declare is buffered by
//! serde for the flattened `extra` map (its visitor builds serde's private
//! `Content`) or skipped (`deserialize_ignored_any`): that key is
//! *undeclared*, a field our spec lacks. A declared field read as any JSON
//! (`serde_json::Value`) is *untyped*. Array indexes print as `[]`, so a
//! key missing from every element of a list is reported once.

use serde::Serialize;
use serde::de::value::BorrowedStrDeserializer;
use serde::de::{DeserializeOwned, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Error, Value};
use std::any::type_name;
use std::cell::RefCell;
use std::collections::BTreeSet;

/// What a type left untyped in one value, by path (`objects[].name`).
#[derive(Debug, Default, PartialEq, Eq, Serialize)]
pub struct Probe {
    /// Keys the type does not declare (kept in `extra`, or ignored).
    pub undeclared: BTreeSet<String>,
    /// Declared keys typed as any JSON value.
    pub untyped: BTreeSet<String>,
}

/// Deserializes `value` as `T`, noting what `T` leaves untyped; the error
/// is serde's when `value` does not parse as `T`.
pub fn probe<T: DeserializeOwned>(value: &Value) -> Result<Probe, Error> {
    let log = RefCell::new(Probe::default());
    T::deserialize(Walker {
        value,
        path: String::new(),
        log: &log,
    })?;
    Ok(log.into_inner())
}

/// A value being deserialized, with its path and the shared log.
struct Walker<'a> {
    value: &'a Value,
    path: String,
    log: &'a RefCell<Probe>,
}

impl<'a> Walker<'a> {
    fn child(&self, value: &'a Value, step: &str) -> Walker<'a> {
        let path = match (self.path.is_empty(), step.starts_with('[')) {
            (true, _) | (false, true) => format!("{}{step}", self.path),
            (false, false) => format!("{}.{step}", self.path),
        };
        Walker {
            value,
            path,
            log: self.log,
        }
    }

    fn shown(&self) -> String {
        if self.path.is_empty() {
            "(the whole body)".into()
        } else {
            self.path.clone()
        }
    }

    fn walk<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value {
            Value::Object(map) => visitor.visit_map(MapWalker {
                iter: map.iter(),
                pending: None,
                parent: self,
            }),
            Value::Array(items) => visitor.visit_seq(SeqWalker {
                iter: items.iter(),
                parent: self,
            }),
            other => other.deserialize_any(visitor),
        }
    }
}

/// Scalars go to the value itself: nothing below them to walk.
macro_rules! forward_scalars {
    ($($method:ident)*) => {
        $(
            fn $method<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
                self.value.$method(visitor)
            }
        )*
    };
}
/// Serde's buffer for a key it does not know is its private `Content`.
fn is_buffered<T>() -> bool {
    type_name::<T>().contains("Content")
}

impl<'a> Deserializer<'a> for Walker<'a> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
        if is_buffered::<V::Value>() {
            self.log.borrow_mut().undeclared.insert(self.shown());
            return self.value.deserialize_any(visitor);
        }
        if type_name::<V::Value>() == type_name::<Value>() {
            self.log.borrow_mut().untyped.insert(self.shown());
            return self.value.deserialize_any(visitor);
        }
        self.walk(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
        self.log.borrow_mut().undeclared.insert(self.shown());
        self.value.deserialize_ignored_any(visitor)
    }

    fn deserialize_option<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'a>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_map<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
        self.walk(visitor)
    }

    fn deserialize_struct<V: Visitor<'a>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.walk(visitor)
    }

    fn deserialize_seq<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
        self.walk(visitor)
    }

    fn deserialize_tuple<V: Visitor<'a>>(self, _len: usize, visitor: V) -> Result<V::Value, Error> {
        self.walk(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'a>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.walk(visitor)
    }

    fn deserialize_enum<V: Visitor<'a>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.value.deserialize_enum(name, variants, visitor)
    }

    fn deserialize_unit_struct<V: Visitor<'a>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.value.deserialize_unit_struct(name, visitor)
    }

    forward_scalars! {
        deserialize_bool deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64
        deserialize_i128 deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64
        deserialize_u128 deserialize_f32 deserialize_f64 deserialize_char deserialize_str
        deserialize_string deserialize_bytes deserialize_byte_buf deserialize_unit
        deserialize_identifier
    }
}

/// The entries of an object, each value walked under its key.
struct MapWalker<'a> {
    iter: serde_json::map::Iter<'a>,
    pending: Option<(&'a String, &'a Value)>,
    parent: Walker<'a>,
}

impl<'a> MapAccess<'a> for MapWalker<'a> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'a>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        let Some((key, value)) = self.iter.next() else {
            return Ok(None);
        };
        self.pending = Some((key, value));
        seed.deserialize(BorrowedStrDeserializer::new(key.as_str()))
            .map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'a>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let Some((key, value)) = self.pending.take() else {
            return Err(serde::de::Error::custom("a value asked for before its key"));
        };
        seed.deserialize(self.parent.child(value, key))
            .map_err(|e| within(key, e))
    }
}

/// `error`, raised below `step`, naming where: "at `a.b[]`: message" (a
/// missing field is named at the object that lacks it).
fn within(step: &str, error: Error) -> Error {
    let text = error.to_string();
    let (path, message) = match text.strip_prefix("at `").and_then(|r| r.split_once("`: ")) {
        Some((rest, message)) if rest.starts_with('[') => {
            (format!("{step}{rest}"), message.to_owned())
        }
        Some((rest, message)) => (format!("{step}.{rest}"), message.to_owned()),
        None => (step.to_owned(), text),
    };
    serde::de::Error::custom(format!("at `{path}`: {message}"))
}

/// The items of an array, each walked under `[]`.
struct SeqWalker<'a> {
    iter: std::slice::Iter<'a, Value>,
    parent: Walker<'a>,
}

impl<'a> SeqAccess<'a> for SeqWalker<'a> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'a>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        match self.iter.next() {
            Some(value) => seed
                .deserialize(self.parent.child(value, "[]"))
                .map(Some)
                .map_err(|e| within("[]", e)),
            None => Ok(None),
        }
    }
}

#[cfg(test)]
#[path = "probe_tests.rs"]
mod tests;
