//! What the mock keeps of the requests it answers: the first ones, up to a
//! count and an estimated size, so that a flood or a long run cannot grow
//! its memory without bound. Later requests are only counted.

use super::headers::RecordedHeaders;
use super::query::RecordedQuery;
use serde_json::Value;
use std::fmt;
use std::mem::size_of;

/// A request the mock received. `Debug` shows no credential: headers and
/// query parameters that may carry one are redacted, and the raw body is
/// shown by its length.
#[derive(Clone, PartialEq)]
pub struct RecordedRequest {
    /// The operation it was routed to, if any.
    pub operation: Option<&'static str>,
    /// The HTTP method.
    pub method: String,
    /// The path as sent, percent-encoding included, without the query.
    pub path: String,
    /// The query string as sent (read it decoded with
    /// [`RecordedQuery::get`]).
    pub query: RecordedQuery,
    /// The headers as sent.
    pub headers: RecordedHeaders,
    /// The body as its operation's kind reads it ([`crate::BodyKind`]): the
    /// JSON (GraphQL included); a form as an object of strings (an array
    /// for a repeated key); a multipart body as an object of its parts
    /// (text as a string, a file as `{"filename", "content_type",
    /// "size"}`); text as a string; `None` for a file, an empty body, or
    /// one the mock refused before reading it.
    pub body: Option<serde_json::Value>,
    /// The body's bytes as sent; empty when there were none or the mock
    /// refused the request before reading them (401, 404, 405, 413, 415).
    pub raw_body: Vec<u8>,
    /// The status the mock answered with; 0 when it reset the connection
    /// instead ([`super::MockResponse::reset`]).
    pub status: u16,
}

impl fmt::Debug for RecordedRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RecordedRequest")
            .field("operation", &self.operation)
            .field("method", &self.method)
            .field("path", &self.path)
            .field("query", &self.query)
            .field("headers", &self.headers)
            .field("body", &self.body)
            .field("raw_body", &format_args!("<{} bytes>", self.raw_body.len()))
            .field("status", &self.status)
            .finish()
    }
}

#[derive(Debug)]
pub(super) struct Recording {
    kept: Vec<RecordedRequest>,
    bytes: usize,
    dropped: u64,
    max_requests: usize,
    max_bytes: usize,
}

impl Recording {
    pub(super) fn new(max_requests: usize, max_bytes: usize) -> Self {
        Recording {
            kept: Vec::new(),
            bytes: 0,
            dropped: 0,
            max_requests,
            max_bytes,
        }
    }

    /// Keeps `request` if it fits; once one does not, none after it is kept
    /// either, so that what is kept is always the beginning of the run.
    pub(super) fn push(&mut self, request: RecordedRequest) {
        let weight = weight(&request);
        let fits = self.kept.len() < self.max_requests
            && self.bytes.saturating_add(weight) <= self.max_bytes;
        if self.dropped > 0 || !fits {
            self.dropped += 1;
            return;
        }
        self.bytes += weight;
        self.kept.push(request);
    }

    pub(super) fn kept(&self) -> &[RecordedRequest] {
        &self.kept
    }

    pub(super) fn dropped(&self) -> u64 {
        self.dropped
    }

    /// The estimated memory the kept requests take.
    #[cfg(test)]
    pub(super) fn bytes(&self) -> usize {
        self.bytes
    }
}

/// An estimate of the memory `request` takes, from above: what it owns on
/// the heap plus its own size.
fn weight(request: &RecordedRequest) -> usize {
    size_of::<RecordedRequest>()
        + request.method.len()
        + request.path.len()
        + request.query.weight()
        + request.raw_body.len()
        + request.headers.weight()
        + request.body.as_ref().map_or(0, value_weight)
}

/// Each JSON node counts a `Value` and what it owns; an object entry also
/// its key and the map's bookkeeping (hash and index).
fn value_weight(value: &Value) -> usize {
    let own = match value {
        Value::String(s) => s.len(),
        Value::Array(items) => items.iter().map(value_weight).sum(),
        Value::Object(map) => map
            .iter()
            .map(|(k, v)| k.len() + size_of::<String>() + 2 * size_of::<usize>() + value_weight(v))
            .sum(),
        Value::Null | Value::Bool(_) | Value::Number(_) => 0,
    };
    size_of::<Value>() + own
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(path: &str, body: Option<Value>) -> RecordedRequest {
        RecordedRequest {
            operation: None,
            method: "POST".to_owned(),
            path: path.to_owned(),
            query: RecordedQuery::default(),
            headers: RecordedHeaders::default(),
            body,
            raw_body: Vec::new(),
            status: 200,
        }
    }

    #[test]
    fn keeps_the_first_requests_up_to_the_count_then_counts_the_rest() {
        let mut recording = Recording::new(3, usize::MAX);
        for i in 0..10 {
            recording.push(request(&format!("/{i}"), None));
        }
        let paths: Vec<&str> = recording.kept().iter().map(|r| r.path.as_str()).collect();
        assert_eq!(paths, ["/0", "/1", "/2"]);
        assert_eq!(recording.dropped(), 7);
    }

    #[test]
    fn stops_at_the_size_and_keeps_nothing_after_the_first_drop() {
        let small = request("/s", None);
        let big = request("/b", Some(Value::String("x".repeat(10_000))));
        let mut recording = Recording::new(100, 2 * weight(&small) + 5_000);
        recording.push(small.clone());
        recording.push(big);
        // It would fit, but keeping it would leave a gap in the record.
        recording.push(small);
        assert_eq!(recording.kept().len(), 1);
        assert_eq!(recording.dropped(), 2);
        assert!(recording.bytes() <= 2 * weight(&request("/s", None)) + 5_000);
    }

    #[test]
    fn a_body_of_many_small_values_weighs_more_than_its_text() {
        // `[0,0,...]`: two bytes of text per element, a whole `Value` in memory.
        let body: Value = serde_json::from_str(&format!("[{}0]", "0,".repeat(999))).unwrap();
        let text = body.to_string().len();
        assert!(value_weight(&body) >= 1000 * size_of::<Value>());
        assert!(value_weight(&body) > 5 * text);
    }
}
