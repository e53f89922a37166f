//! The body that arrived against the one the item describes, by meaning:
//! JSON by value, form fields by name and value (a repeated key's values in
//! order), multipart parts one by one (name, file name, content type,
//! content), a file body's content, raw text exactly, GraphQL's query and
//! variables.

use super::multipart;
use super::reader::{Body, Part, PartValue};
use wiremock::Request;

/// What example calls send for every file, which items only name by path:
/// the generator's stand-in (`example_calls::UPLOAD_CONTENT`). So a file
/// body or file part is checked for this content, under the file name the
/// item saved it with (Postman sends a file under the last piece of its
/// path), with the content type the item gives, if any.
const UPLOAD_CONTENT: &str = "example file content";

/// How the body `r` carries differs from `want`, if it does.
pub fn check(want: &Body, r: &Request) -> Option<String> {
    let got = String::from_utf8_lossy(&r.body);
    let problem = match want {
        Body::None => None,
        Body::Json(v) => {
            let sent = serde_json::from_slice::<serde_json::Value>(&r.body).ok();
            (sent.as_ref() != Some(v)).then(|| format!("{v:.200}"))
        }
        Body::Text(t) => (got != *t).then(|| format!("text {t:.200?}")),
        Body::Form(pairs) => {
            let sent = in_key_order(form_pairs(&r.body));
            let wanted = in_key_order(pairs.clone());
            (sent != wanted).then(|| format!("form {wanted:.200?}"))
        }
        Body::Multipart(parts) => {
            let content_type = r
                .headers
                .get("content-type")
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default();
            match multipart::parse(content_type, &r.body) {
                Ok(sent) => parts_differ(parts, &sent),
                Err(e) => Some(format!("multipart that does not parse: {e}")),
            }
        }
        Body::File => (got != UPLOAD_CONTENT).then(|| format!("file {UPLOAD_CONTENT:?}")),
        Body::GraphQl { query, variables } => {
            let v: serde_json::Value = serde_json::from_slice(&r.body).unwrap_or_default();
            let same = v.get("query").and_then(|q| q.as_str()) == Some(query.as_str())
                && (variables.is_null() || v.get("variables") == Some(variables));
            (!same).then(|| format!("graphql {query:.100?} {variables:.100}"))
        }
    };
    problem.map(|p| format!("body {got:.200} != {p}"))
}

/// The first way the parts sent differ from those wanted, in order.
fn parts_differ(want: &[Part], sent: &[multipart::Part]) -> Option<String> {
    if want.len() != sent.len() {
        let names: Vec<&str> = sent.iter().map(|p| p.name.as_str()).collect();
        return Some(format!("parts {want:?} (sent {names:?})"));
    }
    want.iter().zip(sent).find_map(|(w, s)| {
        let same = w.name == s.name
            && match &w.value {
                PartValue::Text(text) => s.file_name.is_none() && s.content == text.as_bytes(),
                PartValue::File {
                    file_name,
                    content_type,
                } => {
                    s.content == UPLOAD_CONTENT.as_bytes()
                        // A file part always has a name, or servers read it
                        // as text; the item names it only when it saved one.
                        && s.file_name.is_some()
                        && (file_name.is_none() || s.file_name == *file_name)
                        && (content_type.is_none() || s.content_type == *content_type)
                }
            };
        (!same).then(|| format!("part {w:?} (sent {s:?})"))
    })
}

/// Pairs ordered by key only: keys may come in any order, but a repeated
/// key's values keep theirs (`tag=a&tag=b` is a list, in order).
fn in_key_order(mut pairs: Vec<(String, String)>) -> Vec<(String, String)> {
    pairs.sort_by(|a, b| a.0.cmp(&b.0));
    pairs
}

/// `a=b&c=d` read as pairs, `+` and `%XX` decoded (so bracket keys read as
/// written: `items%5B0%5D` is `items[0]`).
fn form_pairs(body: &[u8]) -> Vec<(String, String)> {
    String::from_utf8_lossy(body)
        .split('&')
        .filter(|s| !s.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (
                super::percent_decode(&k.replace('+', " ")),
                super::percent_decode(&v.replace('+', " ")),
            )
        })
        .collect()
}
