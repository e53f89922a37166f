//! Request bodies other than JSON: form fields, multipart parts, a file,
//! text with its content type, and GraphQL, read in full for lowering to
//! type and the emitter to write.

use crate::draft::shape::Shape;
use crate::read::postman::{FormPart, KeyValue};
use serde_json::Value;

/// A non-JSON request body.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Payload {
    /// `application/x-www-form-urlencoded`, fields in the spec's order.
    Form(Vec<FormField>),
    /// `multipart/form-data`, parts in the spec's order.
    Multipart(Vec<Part>),
    /// The whole body is one file, with the request's `Content-Type`.
    File {
        src: Option<String>,
        content_type: Option<String>,
    },
    /// A string sent with `content_type`.
    Text {
        kind: TextKind,
        content_type: String,
        example: String,
    },
    /// `{"query": ..., "variables": ...}` with the query fixed by the spec.
    GraphQl {
        query: String,
        /// The variables' shape from the example, when it can be read.
        variables: Option<Shape>,
        example: Option<Value>,
    },
}

/// What a text body holds, by its declared language or content type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TextKind {
    Xml,
    Html,
    /// Plain text, or a language without a kind of its own.
    Plain,
}

/// A form key split at its brackets: `items[0][price]` is `items`, index
/// `0`, `price`; `tags[]` ends in `Append`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum KeyPart {
    Name(String),
    Index(usize),
    Append,
}

/// One urlencoded field.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FormField {
    /// The key as it goes on the wire.
    pub wire: String,
    pub path: Vec<KeyPart>,
    pub example: Option<String>,
    /// Disabled in the spec: sent only when the caller gives it.
    pub optional: bool,
    /// The key appears more than once.
    pub repeated: bool,
    pub description: String,
}

/// One multipart part.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Part {
    pub name: String,
    /// A file part (bytes or a stream with a file name); else text.
    pub file: bool,
    /// A file part's saved path, for docs.
    pub src: Option<String>,
    pub content_type: Option<String>,
    /// A text part's example value.
    pub example: Option<String>,
    pub optional: bool,
    pub description: String,
}

impl Payload {
    /// Urlencoded fields, bracket keys split and repeats marked.
    pub(crate) fn form(fields: &[KeyValue]) -> Payload {
        let count = |key: &str| fields.iter().filter(|f| f.key == key).count();
        Payload::Form(
            fields
                .iter()
                .map(|f| FormField {
                    wire: f.key.clone(),
                    path: key_path(&f.key),
                    example: f.value.clone(),
                    optional: f.disabled,
                    repeated: count(&f.key) > 1,
                    description: f.description.clone(),
                })
                .collect(),
        )
    }

    /// Multipart parts.
    pub(crate) fn multipart(parts: &[FormPart]) -> Payload {
        Payload::Multipart(
            parts
                .iter()
                .map(|p| Part {
                    name: p.field.key.clone(),
                    file: p.is_file,
                    src: p.src.clone(),
                    content_type: p.content_type.clone(),
                    example: if p.is_file {
                        None
                    } else {
                        p.field.value.clone()
                    },
                    optional: p.field.disabled,
                    description: p.field.description.clone(),
                })
                .collect(),
        )
    }

    /// A text body: its kind from the declared language, else from the
    /// `Content-Type` header; the header's value wins as the content type.
    pub(crate) fn text(language: &str, header: &str, example: &str) -> Payload {
        let media = header.to_ascii_lowercase();
        let kind = if language == "xml" || media.contains("xml") {
            TextKind::Xml
        } else if language == "html" || media.contains("html") {
            TextKind::Html
        } else {
            TextKind::Plain
        };
        let content_type = if header.is_empty() {
            match (kind, language) {
                (TextKind::Xml, _) => "application/xml",
                (TextKind::Html, _) => "text/html",
                (_, "javascript") => "application/javascript",
                _ => "text/plain",
            }
            .to_owned()
        } else {
            header.to_owned()
        };
        Payload::Text {
            kind,
            content_type,
            example: example.to_owned(),
        }
    }
}

/// `a[b][0][]` as `a`, `b`, `0`, append. A key whose brackets do not close
/// is one plain name: it is sent as written either way.
pub(crate) fn key_path(key: &str) -> Vec<KeyPart> {
    let plain = || vec![KeyPart::Name(key.to_owned())];
    let Some(open) = key.find('[').filter(|&i| i > 0) else {
        return plain();
    };
    let mut path = vec![KeyPart::Name(key[..open].to_owned())];
    let mut rest = &key[open..];
    while !rest.is_empty() {
        let Some(inner) = rest.strip_prefix('[') else {
            return plain();
        };
        let Some(close) = inner.find(']') else {
            return plain();
        };
        let name = &inner[..close];
        path.push(if name.is_empty() {
            KeyPart::Append
        } else if let Ok(index) = name.parse::<usize>() {
            KeyPart::Index(index)
        } else {
            KeyPart::Name(name.to_owned())
        });
        rest = &inner[close + 1..];
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kv(key: &str, value: &str, disabled: bool) -> KeyValue {
        KeyValue {
            key: key.into(),
            value: Some(value.into()),
            description: String::new(),
            disabled,
        }
    }

    #[test]
    fn bracket_keys_split_at_their_brackets() {
        let name = |s: &str| KeyPart::Name(s.into());
        assert_eq!(key_path("amount"), [name("amount")]);
        assert_eq!(key_path("metadata[key]"), [name("metadata"), name("key")]);
        assert_eq!(
            key_path("items[0][price]"),
            [name("items"), KeyPart::Index(0), name("price")]
        );
        assert_eq!(key_path("expand[]"), [name("expand"), KeyPart::Append]);
        // Not brackets to split: kept whole.
        assert_eq!(key_path("a[b"), [name("a[b")]);
        assert_eq!(key_path("[x]"), [name("[x]")]);
        assert_eq!(key_path("a[b]c"), [name("a[b]c")]);
    }

    #[test]
    fn form_fields_repeat_and_disabled_ones_are_optional() {
        let Payload::Form(fields) = Payload::form(&[
            kv("expand[]", "a", false),
            kv("expand[]", "b", false),
            kv("limit", "3", true),
        ]) else {
            panic!("a form");
        };
        assert!(fields[0].repeated && fields[1].repeated && !fields[2].repeated);
        assert!(!fields[0].optional && fields[2].optional);
        assert_eq!(fields[1].example.as_deref(), Some("b"));
    }

    #[test]
    fn multipart_text_and_file_parts() {
        let parts = [
            FormPart {
                field: kv("name", "report", false),
                ..FormPart::default()
            },
            FormPart {
                field: kv("upload", "", true),
                is_file: true,
                src: Some("/tmp/a.pdf".into()),
                content_type: Some("application/pdf".into()),
            },
        ];
        let Payload::Multipart(parts) = Payload::multipart(&parts) else {
            panic!("multipart");
        };
        assert!(!parts[0].file && parts[0].example.as_deref() == Some("report"));
        assert!(parts[1].file && parts[1].optional && parts[1].example.is_none());
        assert_eq!(parts[1].content_type.as_deref(), Some("application/pdf"));
    }

    #[test]
    fn text_bodies_get_their_content_type() {
        let content_type = |language: &str, header: &str| match Payload::text(language, header, "x")
        {
            Payload::Text {
                kind, content_type, ..
            } => (kind, content_type),
            _ => panic!("text"),
        };
        assert_eq!(
            content_type("xml", ""),
            (TextKind::Xml, "application/xml".into())
        );
        assert_eq!(
            content_type("", "Text/XML; charset=UTF-8"),
            (TextKind::Xml, "Text/XML; charset=UTF-8".into())
        );
        assert_eq!(
            content_type("html", ""),
            (TextKind::Html, "text/html".into())
        );
        assert_eq!(
            content_type("text", ""),
            (TextKind::Plain, "text/plain".into())
        );
        assert_eq!(content_type("", ""), (TextKind::Plain, "text/plain".into()));
        assert_eq!(
            content_type("javascript", ""),
            (TextKind::Plain, "application/javascript".into())
        );
        assert_eq!(
            content_type("", "text/csv"),
            (TextKind::Plain, "text/csv".into())
        );
    }
}
