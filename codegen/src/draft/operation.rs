//! One Postman item read as an HTTP operation, before any Rust name is chosen.
//!
//! This is where support is decided: a construct the generator cannot turn
//! into a typed call is reported as `ErrorKind::Unsupported`, which the caller
//! may turn into a warning and skip. The path, body and responses are read by
//! their own modules; this one puts them together.

use crate::draft::auth::{AuthDraft, AuthScheme, Placement};
use crate::draft::body::{BodyDraft, Sent, body};
use crate::draft::hints::Hints;
use crate::draft::negotiation::{answered, declared, typed_by_examples};
use crate::draft::path::{Piece, Step, credential_vars, path};
use crate::draft::payload::Payload;
use crate::draft::query::{QueryParam, query_params, take_constants};
use crate::draft::response::{Example, ResponseDraft, responses};
use crate::draft::secrets::{looks_like_credential, without_credential_names};
use crate::draft::variant::{self, VariantDraft};
use crate::error::{Error, ErrorKind, Location, SkipReason, Warning};
use crate::read::markdown;
use crate::read::openapi::OperationSchemas;
use crate::read::overlay::OperationOverlay;
use crate::read::postman::{Item, KeyValue};
use crate::read::url::{self, Base};
use crate::read::variants::ResponseVariant;
use serde_json::Value;
use std::collections::BTreeMap;

const METHODS: &[&str] = &[
    "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE",
];
const IDEMPOTENT: &[&str] = &["GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE"];
/// Headers the runtime sets itself (`Accept` and `Content-Type` from what
/// the item declares: see `negotiation`), or that only describe an example
/// exchange.
const RESERVED_HEADERS: &[&str] = &[
    "accept",
    "authorization",
    "connection",
    "content-length",
    "content-type",
    "host",
    "user-agent",
];

#[derive(Debug, Clone)]
pub(crate) struct Draft<'a> {
    /// The collection file the item comes from, named in its errors.
    pub file: &'a str,
    pub item: &'a Item,
    pub overlay: Option<&'a OperationOverlay>,
    pub display: String,
    pub method: String,
    pub idempotent: bool,
    /// The scheme in force (inherited collection → folder → request) and
    /// where its credential goes.
    pub auth: AuthScheme,
    /// This item's own host; items of one collection may differ.
    pub base: Base,
    /// The collection variable the host is written as (`{{baseUrl}}`), which
    /// a caller may set; its value, if any, is the default in `base`.
    pub host_variable: Option<String>,
    /// The path's steps, from which resources and method names are derived.
    pub route: Vec<Step>,
    pub pieces: Vec<Piece>,
    pub template: String,
    pub param_docs: BTreeMap<String, String>,
    /// Example values of path parameters, from URL and collection variables.
    pub param_examples: BTreeMap<String, String>,
    pub query: Vec<KeyValue>,
    /// A response variant's parameters and answer, when the operation has one.
    pub variant: Option<VariantDraft<'a>>,
    /// The same query parameters, each typed from its example.
    #[allow(dead_code, reason = "read once parameter structs take typed values")]
    pub query_params: Vec<QueryParam>,
    /// Query parameters with a fixed value (the overlay's constants): the
    /// method sends them, callers never pass them.
    pub query_constants: Vec<(String, Value)>,
    pub headers: Vec<KeyValue>,
    /// The item's own `Content-Type`, as written (variables put in).
    pub content_type: Option<String>,
    /// The item's own `Accept`, as written (variables put in).
    pub accept: Option<String>,
    pub body: Option<BodyDraft>,
    /// A body other than JSON, read in full.
    pub payload: Option<Payload>,
    pub response: ResponseDraft,
    pub response_hints: Hints,
    pub doc: String,
    pub examples: Vec<Example>,
    /// Saved examples left out; reported if the operation is kept.
    pub dropped: Vec<Warning>,
    /// What an OpenAPI document's schemas say of the body and responses,
    /// which type them in place of the examples.
    pub schemas: Option<&'a OperationSchemas>,
}

/// Reads `item` as an operation.
pub(crate) fn draft<'a>(
    file: &'a str,
    item: &'a Item,
    overlay: Option<&'a OperationOverlay>,
    vars: &BTreeMap<String, String>,
    variants: &'a [ResponseVariant],
) -> Result<Draft<'a>, Error> {
    let display = item.display_path();
    let here = || Location::item(file, &display);
    let unsupported = |msg: String| Error::unsupported(here(), SkipReason::HttpMethod, msg);
    if let Some(e) = &item.broken {
        return Err(e.clone());
    }
    let request = &item.request;
    let mut dropped = item.dropped.clone();

    let method = request.method.clone();
    if !METHODS.contains(&method.as_str()) {
        return Err(unsupported(format!("HTTP method `{method}`")));
    }
    let auth_draft = AuthDraft::of(item.auth.as_ref()).or_header(&request.headers);
    let auth = auth_draft.scheme();
    // Credentials are the caller's: their collection values never become
    // examples or defaults.
    let without_credentials;
    let vars = if auth_draft.variables().iter().any(|v| vars.contains_key(*v)) {
        let mut kept = vars.clone();
        for name in auth_draft.variables() {
            kept.remove(name);
        }
        without_credentials = kept;
        &without_credentials
    } else {
        vars
    };
    let carrier = auth_draft.carrier();
    let carried = |placement: Placement, key: &str| {
        carrier
            .as_ref()
            .is_some_and(|(p, name)| *p == placement && key.eq_ignore_ascii_case(name))
    };
    // The host is an address, not an example, so it may use any variable
    // but the auth's; every example value is filled from the rest only.
    let mut parsed =
        url::parse(&request.url, vars).map_err(|m| Error::new(here(), ErrorKind::InvalidUrl(m)))?;
    let vars = &without_credential_names(vars);
    parsed.query.retain(|q| !carried(Placement::Query, &q.key));
    for q in &mut parsed.query {
        q.value = filled(&q.key, q.value.as_deref(), vars);
    }
    let query_constants = take_constants(overlay, &mut parsed.query)
        .map_err(|m| Error::new(here(), ErrorKind::Overlay(m)))?;
    let doc = overlay
        .and_then(|o| o.description.clone())
        .unwrap_or_else(|| request.description.clone());
    let table = markdown::argument_table(&request.description);
    let credentials = credential_vars(item.auth.as_ref());
    let (route, pieces, template) = path(&parsed.segments, &credentials);

    let mut param_docs = BTreeMap::new();
    let mut param_examples = BTreeMap::new();
    for var in &request.url.variables {
        param_docs.insert(var.key.clone(), var.description.clone());
        if let Some(value) = filled(&var.key, var.value.as_deref(), vars) {
            param_examples.insert(var.key.clone(), value);
        }
    }
    for piece in &pieces {
        if let Piece::Param(name) = piece
            && let Some(value) = filled(name, vars.get(name).map(String::as_str), vars)
        {
            param_examples.entry(name.clone()).or_insert(value);
        }
    }
    for row in &table {
        let is_param = pieces
            .iter()
            .any(|p| matches!(p, Piece::Param(n) if *n == row.name));
        if is_param && param_docs.get(&row.name).is_none_or(String::is_empty) {
            param_docs.insert(row.name.clone(), row.description.clone());
        }
    }

    let headers: Vec<KeyValue> = request
        .headers
        .iter()
        .filter(|h| {
            !h.disabled && !RESERVED_HEADERS.contains(&h.key.trim().to_ascii_lowercase().as_str())
        })
        .filter(|h| !carried(Placement::Header, &h.key))
        .map(|h| KeyValue {
            value: filled(&h.key, h.value.as_deref(), vars),
            ..h.clone()
        })
        .collect();
    let content_type = declared(&request.headers, "content-type", vars);
    let accept = declared(&request.headers, "accept", vars);

    let taken: Vec<&str> = pieces
        .iter()
        .filter_map(|p| match p {
            Piece::Param(n) => Some(n.as_str()),
            _ => None,
        })
        .chain(parsed.query.iter().map(|q| q.key.as_str()))
        .chain(query_constants.iter().map(|(k, _)| k.as_str()))
        .collect();
    let sent = body(
        file,
        &display,
        item,
        overlay,
        content_type.as_deref().unwrap_or_default(),
        &table,
        &taken,
        vars,
        &mut dropped,
    )?;
    let (mut body, payload) = match sent {
        Sent::Nothing => (None, None),
        Sent::Json(json) => (Some(json), None),
        Sent::Other(other) => (None, Some(other)),
    };

    let answers = responses(file, &display, item, vars, &mut dropped, variants);
    let response = answered(answers.response, accept.as_deref());
    let examples = answers.examples;
    let (response, implied) = typed_by_examples(response, accept.as_deref(), &examples);
    let accept = accept.or(implied);
    let variant = answers
        .variant
        .and_then(|(spec, other)| variant::take(spec, other, &mut body, &mut parsed.query));
    Ok(Draft {
        file,
        item,
        overlay,
        display: display.clone(),
        idempotent: overlay
            .and_then(|o| o.idempotent)
            .unwrap_or(IDEMPOTENT.contains(&method.as_str())),
        method,
        auth,
        base: parsed.base,
        host_variable: parsed.host_variable,
        route,
        pieces,
        template,
        param_docs,
        param_examples,
        variant,
        query_params: query_params(&parsed.query, vars),
        query: parsed.query,
        query_constants,
        headers,
        content_type,
        accept,
        body,
        payload,
        response,
        response_hints: Hints {
            overlay: overlay
                .map(|o| o.response_fields.clone())
                .unwrap_or_default(),
            ..Hints::default()
        },
        doc,
        examples,
        dropped,
        schemas: None,
    })
}

/// An example value with its `{{variables}}` replaced by the collection's
/// values. A variable the collection leaves undefined or empty gives no
/// value at all: sent as written, `{{name}}` would reach the server as if it
/// were data, so the value is left to the caller (a query or header
/// parameter is then not set; a path parameter's example is a placeholder).
///
/// `name` is the header, query or path parameter the value fills: when it
/// looks like a credential, there is no value either, whether written with
/// variables (whatever they are called) or written out in the item.
fn filled(name: &str, value: Option<&str>, vars: &BTreeMap<String, String>) -> Option<String> {
    let value = value?;
    if looks_like_credential(name) {
        return None;
    }
    url::resolve(value, vars).filter(|v| !v.is_empty())
}
