//! Reads the top-level string fields of a body through `Serialize`, writing
//! nothing: the runtime checks formats this way before it serializes the
//! body for real. A JSON round trip would cost more than the check.

use serde::ser::{self, Impossible, Serialize};
use std::fmt;

/// Calls `visit(key, text)` for each top-level field of `body` whose key
/// `wanted` accepts and whose value is a string (or `Some` string). Stops at
/// the first `Err` from `visit` and returns it. A body that is neither a
/// struct nor a map has no fields.
pub(crate) fn string_fields<B, E>(
    body: &B,
    wanted: &dyn Fn(&str) -> bool,
    visit: &mut dyn FnMut(&str, &str) -> Result<(), E>,
) -> Result<(), E>
where
    B: Serialize + ?Sized,
{
    let mut failure = None;
    let mut fields = Fields {
        wanted,
        visit,
        failure: &mut failure,
    };
    // The probe's own error only means "stopped"; the cause is in `failure`.
    let _ = body.serialize(&mut fields);
    failure.map_or(Ok(()), Err)
}

/// The probe stopped: `visit` failed, or a shape it does not read.
#[derive(Debug)]
pub(crate) struct Stop;

impl fmt::Display for Stop {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("stopped")
    }
}

impl std::error::Error for Stop {}

impl ser::Error for Stop {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Stop
    }
}

struct Fields<'a, E> {
    wanted: &'a dyn Fn(&str) -> bool,
    visit: &'a mut dyn FnMut(&str, &str) -> Result<(), E>,
    failure: &'a mut Option<E>,
}

impl<E> Fields<'_, E> {
    fn field<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result<(), Stop> {
        if !(self.wanted)(key) {
            return Ok(());
        }
        let mut found = None;
        // `found` is set only for a string value; see `Text`.
        let _ = value.serialize(Text(&mut |text: &str| {
            found = Some((self.visit)(key, text));
        }));
        match found {
            Some(Err(error)) => {
                *self.failure = Some(error);
                Err(Stop)
            }
            _ => Ok(()),
        }
    }
}

/// Methods of a serializer that ignore a scalar value.
macro_rules! ignore_scalars {
    ($($method:ident($ty:ty)),* $(,)?) => {
        $(fn $method(self, _: $ty) -> Result<(), Stop> { Ok(()) })*
        fn serialize_none(self) -> Result<(), Stop> { Ok(()) }
        fn serialize_unit(self) -> Result<(), Stop> { Ok(()) }
        fn serialize_unit_struct(self, _: &'static str) -> Result<(), Stop> { Ok(()) }
        fn serialize_unit_variant(self, _: &'static str, _: u32, _: &'static str) -> Result<(), Stop> {
            Ok(())
        }
        fn serialize_newtype_variant<T: Serialize + ?Sized>(
            self, _: &'static str, _: u32, _: &'static str, _: &T,
        ) -> Result<(), Stop> {
            Ok(())
        }
        fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Stop> { Err(Stop) }
        fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Stop> { Err(Stop) }
        fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeTupleStruct, Stop> {
            Err(Stop)
        }
        fn serialize_tuple_variant(
            self, _: &'static str, _: u32, _: &'static str, _: usize,
        ) -> Result<Self::SerializeTupleVariant, Stop> {
            Err(Stop)
        }
        fn serialize_struct_variant(
            self, _: &'static str, _: u32, _: &'static str, _: usize,
        ) -> Result<Self::SerializeStructVariant, Stop> {
            Err(Stop)
        }
    };
}

/// The body itself: only a struct or a map has fields.
impl<'s, 'a, E> ser::Serializer for &'s mut Fields<'a, E> {
    type Ok = ();
    type Error = Stop;
    type SerializeSeq = Impossible<(), Stop>;
    type SerializeTuple = Impossible<(), Stop>;
    type SerializeTupleStruct = Impossible<(), Stop>;
    type SerializeTupleVariant = Impossible<(), Stop>;
    type SerializeMap = MapFields<'s, 'a, E>;
    type SerializeStruct = Self;
    type SerializeStructVariant = Impossible<(), Stop>;

    ignore_scalars!(
        serialize_bool(bool),
        serialize_i8(i8),
        serialize_i16(i16),
        serialize_i32(i32),
        serialize_i64(i64),
        serialize_u8(u8),
        serialize_u16(u16),
        serialize_u32(u32),
        serialize_u64(u64),
        serialize_f32(f32),
        serialize_f64(f64),
        serialize_char(char),
        serialize_str(&str),
        serialize_bytes(&[u8]),
    );

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Stop> {
        value.serialize(self)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Stop> {
        value.serialize(self)
    }

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, Stop> {
        Ok(self)
    }

    fn serialize_map(self, _: Option<usize>) -> Result<MapFields<'s, 'a, E>, Stop> {
        Ok(MapFields {
            fields: self,
            key: None,
        })
    }
}

impl<E> ser::SerializeStruct for &mut Fields<'_, E> {
    type Ok = ();
    type Error = Stop;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Stop> {
        self.field(key, value)
    }

    fn end(self) -> Result<(), Stop> {
        Ok(())
    }
}

/// A map body's entries; entries whose key is not a string are skipped.
pub(crate) struct MapFields<'s, 'a, E> {
    fields: &'s mut Fields<'a, E>,
    key: Option<String>,
}

impl<E> ser::SerializeMap for MapFields<'_, '_, E> {
    type Ok = ();
    type Error = Stop;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Stop> {
        let mut text = None;
        let _ = key.serialize(Text(&mut |k: &str| text = Some(k.to_owned())));
        self.key = text;
        Ok(())
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Stop> {
        match self.key.take() {
            Some(key) => self.fields.field(&key, value),
            None => Ok(()),
        }
    }

    fn end(self) -> Result<(), Stop> {
        Ok(())
    }
}

/// Hands a string value to its callback; ignores every other value.
struct Text<'f>(&'f mut dyn FnMut(&str));

impl ser::Serializer for Text<'_> {
    type Ok = ();
    type Error = Stop;
    type SerializeSeq = Impossible<(), Stop>;
    type SerializeTuple = Impossible<(), Stop>;
    type SerializeTupleStruct = Impossible<(), Stop>;
    type SerializeTupleVariant = Impossible<(), Stop>;
    type SerializeMap = Impossible<(), Stop>;
    type SerializeStruct = Impossible<(), Stop>;
    type SerializeStructVariant = Impossible<(), Stop>;

    ignore_scalars!(
        serialize_bool(bool),
        serialize_i8(i8),
        serialize_i16(i16),
        serialize_i32(i32),
        serialize_i64(i64),
        serialize_u8(u8),
        serialize_u16(u16),
        serialize_u32(u32),
        serialize_u64(u64),
        serialize_f32(f32),
        serialize_f64(f64),
        serialize_char(char),
        serialize_bytes(&[u8]),
    );

    fn serialize_str(self, text: &str) -> Result<(), Stop> {
        (self.0)(text);
        Ok(())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Stop> {
        value.serialize(self)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Stop> {
        value.serialize(self)
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Stop> {
        Err(Stop)
    }

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct, Stop> {
        Err(Stop)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[derive(serde::Serialize)]
    struct Body {
        to: String,
        other: u32,
        maybe: Option<String>,
        missing: Option<String>,
    }

    fn collect<B: Serialize>(body: &B) -> Vec<(String, String)> {
        let mut seen = Vec::new();
        let result: Result<(), ()> = string_fields(body, &|k| k != "skip", &mut |k, v| {
            seen.push((k.to_owned(), v.to_owned()));
            Ok(())
        });
        assert!(result.is_ok());
        seen
    }

    #[test]
    fn reads_string_fields_of_structs_and_maps() {
        let body = Body {
            to: "+1".into(),
            other: 3,
            maybe: Some("sip:a@b".into()),
            missing: None,
        };
        assert_eq!(
            collect(&body),
            [
                ("to".into(), "+1".into()),
                ("maybe".into(), "sip:a@b".into())
            ]
        );
        let map: BTreeMap<&str, &str> = [("a", "1"), ("skip", "2")].into_iter().collect();
        assert_eq!(collect(&map), [("a".into(), "1".into())]);
        assert!(collect(&vec!["x"]).is_empty());
        assert!(collect(&"text").is_empty());
    }

    #[test]
    fn the_first_failure_stops_the_walk() {
        let body = Body {
            to: "bad".into(),
            other: 0,
            maybe: Some("also bad".into()),
            missing: None,
        };
        let mut calls = 0;
        let result = string_fields(&body, &|_| true, &mut |k, _| {
            calls += 1;
            Err(k.to_owned())
        });
        assert_eq!(result, Err("to".to_owned()));
        assert_eq!(calls, 1);
    }
}
