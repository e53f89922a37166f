//! The item's own content negotiation: the `Content-Type` it declares for
//! its body and the `Accept` it asks with, each sent as the item writes it,
//! and what an `Accept` that names no JSON type, or a saved response of
//! another type, makes of the response.

use crate::draft::response::{Example, ResponseDraft};
use crate::read::postman::KeyValue;
use crate::read::url;
use std::collections::BTreeMap;

/// The value of the item's first enabled header `name` (in any case), the
/// collection's variables put in: `None` when the item has none, gives it
/// no value (empty, or a variable without one), or one no header can carry
/// (a control character, text other than ASCII).
pub(super) fn declared(
    headers: &[KeyValue],
    name: &str,
    vars: &BTreeMap<String, String>,
) -> Option<String> {
    let header = headers
        .iter()
        .find(|h| !h.disabled && h.key.trim().eq_ignore_ascii_case(name))?;
    let value = url::resolve(header.value.as_deref()?, vars)?;
    let value = value.trim();
    let sendable = value
        .bytes()
        .all(|b| b == b'\t' || (b' '..=b'~').contains(&b));
    (!value.is_empty() && sendable).then(|| value.to_owned())
}

/// What the body of a response to a request asking for `accept` holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Accepted {
    /// JSON, or anything (`*/*`, or a value that names no media type): the
    /// saved examples type it, as with no `Accept` at all.
    Json,
    /// Text in another format: `text/csv`, XML, YAML.
    Text,
    /// Bytes of any other kind: `application/pdf`, `image/png`.
    Bytes,
}

/// What `accept` (a list of media ranges with parameters) asks for: JSON if
/// any range admits it, text if every range is a text format, else bytes.
pub(crate) fn accepted(accept: &str) -> Accepted {
    let mut all_text = true;
    let mut ranges = 0;
    for range in accept.split(',') {
        let media = range
            .split(';')
            .next()
            .unwrap_or_default()
            .trim()
            .to_ascii_lowercase();
        if media.is_empty() {
            continue;
        }
        let Some((kind, sub)) = media.split_once('/') else {
            return Accepted::Json;
        };
        let json = sub == "json" || sub.ends_with("+json") || sub == "*";
        if json && matches!(kind, "application" | "*") {
            return Accepted::Json;
        }
        ranges += 1;
        all_text &= kind == "text"
            || sub == "xml"
            || sub.ends_with("+xml")
            || sub.ends_with("+yaml")
            || matches!(
                sub,
                "yaml"
                    | "x-yaml"
                    | "csv"
                    | "javascript"
                    | "ecmascript"
                    | "x-www-form-urlencoded"
                    | "x-ndjson"
                    | "jsonl"
            );
    }
    match (ranges, all_text) {
        (0, _) => Accepted::Json,
        (_, true) => Accepted::Text,
        (_, false) => Accepted::Bytes,
    }
}

/// The response drafted from the saved examples, as the item's `Accept`
/// makes it: a type other than JSON is read as text or bytes, never as
/// JSON, whatever the examples show; examples of no body keep it empty.
pub(super) fn answered(response: ResponseDraft, accept: Option<&str>) -> ResponseDraft {
    match (accept.map(accepted), response) {
        (_, ResponseDraft::Empty) => ResponseDraft::Empty,
        (Some(Accepted::Text), _) => ResponseDraft::Text,
        (Some(Accepted::Bytes), _) => ResponseDraft::Bytes,
        (None | Some(Accepted::Json), response) => response,
    }
}

/// The response as the saved successful responses' `Content-Type` types
/// it, when the item's `Accept` (`accept`) leaves it open (none, or one
/// admitting JSON): bytes if any is neither JSON nor text (a PDF, an
/// image: Postman saves those as lossy text, or nothing, so their body
/// cannot tell), else text if any is text; else `response` unchanged.
/// With it, the `Accept` to send when the item declares none: those
/// examples' media types, so that a server choosing by `Accept` answers
/// in the type the crate reads (never `application/json` for a PDF).
pub(super) fn typed_by_examples(
    response: ResponseDraft,
    accept: Option<&str>,
    examples: &[Example],
) -> (ResponseDraft, Option<String>) {
    if accept.is_some_and(|a| accepted(a) != Accepted::Json) {
        return (response, None);
    }
    let mut kinds = Vec::new();
    let mut media: Vec<String> = Vec::new();
    for example in examples {
        let success = (200..300).contains(&example.status) && !matches!(example.status, 204 | 205);
        let Some(content_type) = example.content_type.as_deref().filter(|_| success) else {
            continue;
        };
        let kind = accepted(content_type);
        let bare = content_type.split(';').next().unwrap_or_default().trim();
        // Only a type that is neither JSON nor a range (`*/*` says nothing).
        if kind != Accepted::Json && !bare.contains('*') {
            kinds.push(kind);
            let bare = bare.to_ascii_lowercase();
            if !media.contains(&bare) {
                media.push(bare);
            }
        }
    }
    let typed = if kinds.contains(&Accepted::Bytes) {
        ResponseDraft::Bytes
    } else if kinds.contains(&Accepted::Text) {
        ResponseDraft::Text
    } else {
        return (response, None);
    };
    let implied = accept.is_none().then(|| media.join(", "));
    (typed, implied)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_ranges_ask_for_json_text_or_bytes() {
        for json in [
            "application/json",
            "application/vnd.api+json; ext=bulk",
            "application/json;odata.metadata=full",
            "*/*",
            "application/*",
            "text/csv, application/json;q=0.5",
            "json",
            " , ",
        ] {
            assert_eq!(accepted(json), Accepted::Json, "{json}");
        }
        for text in [
            "text/csv",
            "text/plain; charset=utf-8",
            "application/xml, text/*",
        ] {
            assert_eq!(accepted(text), Accepted::Text, "{text}");
        }
        for bytes in [
            "application/pdf",
            "image/png",
            "image/*",
            "text/csv, image/png",
        ] {
            assert_eq!(accepted(bytes), Accepted::Bytes, "{bytes}");
        }
    }

    #[test]
    fn the_declared_value_as_written_else_none() {
        let header = |key: &str, value: &str, disabled: bool| KeyValue {
            key: key.into(),
            value: Some(value.into()),
            description: String::new(),
            disabled,
        };
        let vars = BTreeMap::from([("type".to_owned(), "image/png".to_owned())]);
        let headers = [
            header("Accept", "text/csv", true),
            header("accept", " Application/PDF ", false),
            header("Content-Type", "{{type}}", false),
            header("X-A", "{{missing}}", false),
            header("X-B", "caf\u{e9}", false),
            header("X-C", "a\r\nb", false),
        ];
        let get = |name| declared(&headers, name, &vars);
        assert_eq!(get("ACCEPT").as_deref(), Some("Application/PDF"));
        assert_eq!(get("content-type").as_deref(), Some("image/png"));
        for none in ["x-a", "x-b", "x-c", "x-d"] {
            assert_eq!(get(none), None, "{none}");
        }
    }

    #[test]
    fn a_non_json_accept_is_never_read_as_json() {
        let text = Some("text/csv");
        let pdf = Some("application/pdf");
        assert!(matches!(
            answered(ResponseDraft::Any, text),
            ResponseDraft::Text
        ));
        assert!(matches!(
            answered(ResponseDraft::Text, pdf),
            ResponseDraft::Bytes
        ));
        assert!(matches!(
            answered(ResponseDraft::Empty, pdf),
            ResponseDraft::Empty
        ));
        assert!(matches!(
            answered(ResponseDraft::Any, Some("application/json")),
            ResponseDraft::Any
        ));
        assert!(matches!(
            answered(ResponseDraft::Text, None),
            ResponseDraft::Text
        ));
    }

    fn example(status: u16, content_type: Option<&str>) -> Example {
        Example {
            name: String::new(),
            status,
            body: String::new(),
            content_type: content_type.map(str::to_owned),
            when: None,
        }
    }

    #[test]
    fn saved_responses_of_another_type_make_bytes_or_text_and_the_accept() {
        let typed = |examples: &[Example], accept| {
            let (response, implied) = typed_by_examples(ResponseDraft::Empty, accept, examples);
            (format!("{response:?}"), implied)
        };
        let pdf = example(200, Some("application/pdf"));
        let png = example(200, Some("Image/PNG; q=1"));
        let csv = example(200, Some("text/csv; charset=utf-8"));
        let json = example(200, Some("application/json; charset=utf-8"));
        let error = example(400, Some("text/html"));
        let bytes = (
            "Bytes".to_owned(),
            Some("application/pdf, image/png".to_owned()),
        );
        assert_eq!(typed(&[pdf.clone(), png.clone()], None), bytes);
        assert_eq!(
            typed(&[csv.clone(), json.clone()], None),
            ("Text".to_owned(), Some("text/csv".to_owned()))
        );
        assert_eq!(
            typed(&[csv, pdf.clone()], Some("*/*")),
            ("Bytes".to_owned(), None),
            "the item's own Accept is kept"
        );
        assert_eq!(typed(&[json, error], None), ("Empty".to_owned(), None));
        assert_eq!(
            typed(&[pdf], Some("text/plain")),
            ("Empty".to_owned(), None),
            "an Accept naming no JSON decides alone"
        );
        let any = example(200, Some("*/*"));
        assert_eq!(
            typed(&[any, example(201, None)], None),
            ("Empty".to_owned(), None)
        );
    }
}
