//! JSON object bodies, written field by field by generated code: the
//! operation's constants first, then the caller's fields in declaration
//! order. The runtime looks nothing up by name; the generator, which knows
//! every field, its format and the constants, emits the calls.

use crate::{Error, Vendor};
use serde::Serialize;

/// A JSON object being written into a request body; see
/// [`crate::Request::json_object`].
///
/// Each field is serialized once, straight into the body, so the bytes are
/// those `serde_json` writes for the same fields in the same order.
pub struct JsonObject<'a> {
    /// Checks formats by name.
    vendor: &'static dyn Vendor,
    out: &'a mut Vec<u8>,
    empty: bool,
}

impl<'a> JsonObject<'a> {
    /// An object written after the `{` already in `out`.
    pub(crate) fn new(vendor: &'static dyn Vendor, out: &'a mut Vec<u8>) -> Self {
        JsonObject {
            vendor,
            out,
            empty: true,
        }
    }

    /// Appends the field `key` with `value`.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::InvalidInput`], naming `key`, when `value` cannot
    /// be serialized as JSON (a map with non-string keys, for example).
    pub fn field<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result<(), Error> {
        let mark = self.out.len();
        if !self.empty {
            self.out.push(b',');
        }
        let written = serde_json::to_writer(&mut *self.out, key)
            .and_then(|()| {
                self.out.push(b':');
                serde_json::to_writer(&mut *self.out, value)
            })
            .map_err(|e| Error::invalid(key, e.to_string()));
        match written {
            Ok(()) => {
                self.empty = false;
                Ok(())
            }
            Err(e) => {
                // Nothing half-written stays behind.
                self.out.truncate(mark);
                Err(e)
            }
        }
    }

    /// Checks that `value`, of the field `field`, has the format called
    /// `format`, as the vendor defines it ([`Vendor::check_format`]).
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::InvalidInput`] naming `field`, with the vendor's
    /// reason, when it does not.
    pub fn check_format(&self, field: &str, format: &str, value: &str) -> Result<(), Error> {
        crate::vendor::check_format(self.vendor, field, format, value)
    }
}

impl std::fmt::Debug for JsonObject<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Not the bytes: they can hold phone numbers.
        f.debug_struct("JsonObject")
            .field("bytes", &self.out.len())
            .finish_non_exhaustive()
    }
}

/// A body that writes itself as the fields of a JSON object, checking the
/// formats its fields must have: implemented by every generated request
/// type, and by a free-form JSON object, which is written exactly as built.
pub trait WriteJson {
    /// Appends this body's fields to `object`.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::InvalidInput`] naming the field at fault, when a
    /// value does not have its format or cannot be serialized.
    fn write_json(&self, object: &mut JsonObject<'_>) -> Result<(), Error>;
}

impl WriteJson for serde_json::Map<String, serde_json::Value> {
    fn write_json(&self, object: &mut JsonObject<'_>) -> Result<(), Error> {
        self.iter()
            .try_for_each(|(key, value)| object.field(key, value))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[derive(Debug)]
    struct Digits;

    impl Vendor for Digits {
        fn name(&self) -> &'static str {
            "digits"
        }
        fn check_format(&self, format: &str, value: &str) -> Result<(), String> {
            match format {
                "digits" if value.bytes().all(|b| b.is_ascii_digit()) => Ok(()),
                _ => Err("must be digits".into()),
            }
        }
    }

    static DIGITS: Digits = Digits;

    fn written(write: impl FnOnce(&mut JsonObject<'_>) -> Result<(), Error>) -> String {
        let mut out = b"{".to_vec();
        write(&mut JsonObject::new(&DIGITS, &mut out)).unwrap();
        out.push(b'}');
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn fields_are_written_in_order_with_keys_escaped() {
        let text = written(|o| {
            o.field("action", "call")?;
            o.field("n", &3)?;
            o.field("quote\"d", &Some(1.5))?;
            o.field("list", &[true, false])
        });
        assert_eq!(
            text,
            r#"{"action":"call","n":3,"quote\"d":1.5,"list":[true,false]}"#
        );
        assert_eq!(written(|_| Ok(())), "{}");
    }

    #[test]
    fn a_free_form_object_is_written_as_serde_json_writes_it() {
        let map = json!({"b": [1, {"c": null}], "a": "é\n"});
        let map = map.as_object().unwrap();
        assert_eq!(
            written(|o| map.write_json(o)),
            serde_json::to_string(map).unwrap()
        );
    }

    #[test]
    fn a_field_that_cannot_be_serialized_names_itself_and_leaves_nothing() {
        let mut bad = std::collections::HashMap::new();
        bad.insert((1, 2), "pair keys are not JSON");
        let mut out = b"{".to_vec();
        let mut object = JsonObject::new(&DIGITS, &mut out);
        object.field("a", &1).unwrap();
        let err = object.field("bad", &bad).unwrap_err();
        assert!(err.to_string().starts_with("invalid bad: "), "{err}");
        object.field("b", &2).unwrap();
        assert_eq!(out, br#"{"a":1,"b":2"#);
    }

    #[test]
    fn formats_are_the_vendors_by_name() {
        let mut out = Vec::new();
        let object = JsonObject::new(&DIGITS, &mut out);
        assert!(object.check_format("pin", "digits", "0123").is_ok());
        let err = object.check_format("pin", "digits", "12a").unwrap_err();
        assert_eq!(err.to_string(), "invalid pin: must be digits");
    }
}
