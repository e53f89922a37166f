//! `application/x-www-form-urlencoded` bodies, written by generated code
//! from typed values: a nested struct becomes bracket keys
//! (`metadata[key]`), a list becomes indexed keys (`items[0][price]`), and a
//! field the spec repeats is written once per value under the same key.

use crate::{Error, Timestamp};
use serde_json::Value;

/// A urlencoded body being written; see [`crate::Request::form`].
///
/// Keys and values are encoded as the WHATWG `application/x-www-form-urlencoded`
/// serializer does: ASCII letters, digits and `*-._` stay, a space becomes
/// `+`, every other byte of the UTF-8 text is percent-encoded.
pub struct Form<'a> {
    out: &'a mut String,
}

impl<'a> Form<'a> {
    pub(crate) fn new(out: &'a mut String) -> Self {
        Form { out }
    }

    /// Appends one `key=value` pair.
    pub fn pair(&mut self, key: &str, value: &str) {
        if !self.out.is_empty() {
            self.out.push('&');
        }
        push_encoded(self.out, key);
        self.out.push('=');
        push_encoded(self.out, value);
    }

    /// Writes `value` as the field `name` of the object at `prefix`:
    /// under `prefix[name]`, or `name` at the top (`prefix` empty).
    ///
    /// # Errors
    ///
    /// What the value's [`FormValue::write_form`] returns.
    pub fn field<T: FormValue + ?Sized>(
        &mut self,
        prefix: &str,
        name: &str,
        value: &T,
    ) -> Result<(), Error> {
        if prefix.is_empty() {
            value.write_form(name, self)
        } else {
            value.write_form(&format!("{prefix}[{name}]"), self)
        }
    }

    /// Writes every value under the same `key` (`tag=a&tag=b`), for a key
    /// that the spec repeats.
    ///
    /// # Errors
    ///
    /// What a value's [`FormValue::write_form`] returns.
    pub fn repeated<T: FormValue>(&mut self, key: &str, values: &[T]) -> Result<(), Error> {
        values.iter().try_for_each(|v| v.write_form(key, self))
    }
}

impl std::fmt::Debug for Form<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Not the text: it can hold personal data.
        f.debug_struct("Form")
            .field("bytes", &self.out.len())
            .finish_non_exhaustive()
    }
}

/// A value that writes itself into a urlencoded body under a key:
/// implemented for text, numbers, booleans, lists, options, JSON values and
/// every generated form type.
pub trait FormValue {
    /// Writes this value under `key`; an object or a list adds its own
    /// brackets after it.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::InvalidInput`] naming the key, for a value no
    /// form can carry.
    fn write_form(&self, key: &str, form: &mut Form<'_>) -> Result<(), Error>;
}

impl<T: FormValue + ?Sized> FormValue for &T {
    fn write_form(&self, key: &str, form: &mut Form<'_>) -> Result<(), Error> {
        (**self).write_form(key, form)
    }
}

impl FormValue for str {
    fn write_form(&self, key: &str, form: &mut Form<'_>) -> Result<(), Error> {
        form.pair(key, self);
        Ok(())
    }
}

impl FormValue for String {
    fn write_form(&self, key: &str, form: &mut Form<'_>) -> Result<(), Error> {
        form.pair(key, self);
        Ok(())
    }
}

impl FormValue for Timestamp {
    fn write_form(&self, key: &str, form: &mut Form<'_>) -> Result<(), Error> {
        form.pair(key, self.as_str());
        Ok(())
    }
}

macro_rules! display_values {
    ($($t:ty),*) => {$(
        impl FormValue for $t {
            fn write_form(&self, key: &str, form: &mut Form<'_>) -> Result<(), Error> {
                form.pair(key, &self.to_string());
                Ok(())
            }
        }
    )*};
}
display_values!(bool, i64, u64, i32, u32);

impl FormValue for f64 {
    fn write_form(&self, key: &str, form: &mut Form<'_>) -> Result<(), Error> {
        if !self.is_finite() {
            return Err(Error::invalid(key, "is not a finite number"));
        }
        form.pair(key, &self.to_string());
        Ok(())
    }
}

impl<T: FormValue> FormValue for Option<T> {
    fn write_form(&self, key: &str, form: &mut Form<'_>) -> Result<(), Error> {
        self.as_ref().map_or(Ok(()), |v| v.write_form(key, form))
    }
}

/// A list as indexed keys, `key[0]`, `key[1]`, ...
impl<T: FormValue> FormValue for [T] {
    fn write_form(&self, key: &str, form: &mut Form<'_>) -> Result<(), Error> {
        self.iter()
            .enumerate()
            .try_for_each(|(i, v)| v.write_form(&format!("{key}[{i}]"), form))
    }
}

impl<T: FormValue> FormValue for Vec<T> {
    fn write_form(&self, key: &str, form: &mut Form<'_>) -> Result<(), Error> {
        self.as_slice().write_form(key, form)
    }
}

/// Any JSON: `null` writes nothing, an object its fields in brackets.
impl FormValue for Value {
    fn write_form(&self, key: &str, form: &mut Form<'_>) -> Result<(), Error> {
        match self {
            Value::Null => Ok(()),
            Value::Bool(b) => b.write_form(key, form),
            Value::Number(n) => {
                form.pair(key, &n.to_string());
                Ok(())
            }
            Value::String(s) => s.write_form(key, form),
            Value::Array(items) => items.write_form(key, form),
            Value::Object(map) => map.write_form(key, form),
        }
    }
}

impl FormValue for serde_json::Map<String, Value> {
    fn write_form(&self, key: &str, form: &mut Form<'_>) -> Result<(), Error> {
        self.iter().try_for_each(|(k, v)| form.field(key, k, v))
    }
}

/// A form type generated from a spec: its fields written in declaration
/// order at the top of the body.
pub trait WriteForm {
    /// Appends this body's fields to `form`.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::InvalidInput`] naming the field at fault.
    fn write_form(&self, form: &mut Form<'_>) -> Result<(), Error>;
}

fn push_encoded(out: &mut String, text: &str) {
    for byte in text.bytes() {
        match byte {
            b' ' => out.push('+'),
            b'*' | b'-' | b'.' | b'_' => out.push(char::from(byte)),
            _ if byte.is_ascii_alphanumeric() => out.push(char::from(byte)),
            _ => crate::path::push_percent(out, byte),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn written(write: impl FnOnce(&mut Form<'_>) -> Result<(), Error>) -> String {
        let mut out = String::new();
        write(&mut Form::new(&mut out)).unwrap();
        out
    }

    #[test]
    fn keys_and_values_are_encoded_as_whatwg_says() {
        let text = written(|f| {
            f.field("", "a b", "x+y&z=1 ~é*-._")?;
            f.field("", "n", &3i64)
        });
        assert_eq!(text, "a+b=x%2By%26z%3D1+%7E%C3%A9*-._&n=3");
    }

    #[test]
    fn nested_values_become_bracket_keys_and_lists_indexes() {
        let text = written(|f| {
            f.field("", "metadata", &json!({"order": "o1"}))?;
            f.field("", "items", &json!([{"price": "p1", "qty": 2}]))?;
            f.repeated("expand[]", &["a".to_owned(), "b".to_owned()])?;
            f.field("", "gone", &None::<String>)
        });
        assert_eq!(
            text,
            "metadata%5Border%5D=o1&items%5B0%5D%5Bprice%5D=p1&items%5B0%5D%5Bqty%5D=2\
             &expand%5B%5D=a&expand%5B%5D=b"
        );
    }

    #[test]
    fn a_number_that_is_not_finite_is_refused_by_name() {
        let mut out = String::new();
        let err = Form::new(&mut out)
            .field("", "ratio", &f64::NAN)
            .unwrap_err();
        assert_eq!(err.to_string(), "invalid ratio: is not a finite number");
    }
}
