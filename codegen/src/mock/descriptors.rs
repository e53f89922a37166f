//! The runtime's operation descriptors, built at run time from the model:
//! what `emit/descriptors` prints as code, here as values. The runtime's
//! descriptors are `&'static`; their text is leaked, once per served
//! collection, which a command or a test process can afford (a few hundred
//! bytes per operation).

use crate::draft::auth::{AuthScheme, Placement};
use crate::error::{Location, Warning};
use crate::model::api::{Api, Operation as Model, PathPiece};
use crate::model::descriptor::{self, DescribedBody};
use postman_runtime::{
    Auth, BodyKind, Constant, Example, Field, Format, Host, Method, Operation, PathPart,
};
use serde_json::Value;

fn leak(text: &str) -> &'static str {
    Box::leak(text.to_owned().into_boxed_str())
}

fn leak_all<T>(items: Vec<T>) -> &'static [T] {
    Box::leak(items.into_boxed_slice())
}

/// Every operation of `api` as a descriptor; one whose method the runtime
/// has no name for is left out with a warning.
pub(crate) fn operations(
    api: &Api,
    file: &str,
    warnings: &mut Vec<Warning>,
) -> &'static [&'static Operation] {
    let selectors = descriptor::query_selectors(api);
    let mut out: Vec<&'static Operation> = Vec::new();
    for (op, query) in api.operations.iter().zip(&selectors) {
        match operation(api, op, query) {
            Some(built) => out.push(Box::leak(Box::new(built))),
            None => warnings.push(Warning::skipped_part(
                Location::item(file, &op.item),
                format!("the mock cannot serve method {}", op.http_method),
            )),
        }
    }
    leak_all(out)
}

fn method(name: &str) -> Option<Method> {
    Some(match name {
        "GET" => Method::GET,
        "POST" => Method::POST,
        "PUT" => Method::PUT,
        "PATCH" => Method::PATCH,
        "DELETE" => Method::DELETE,
        "HEAD" => Method::HEAD,
        "OPTIONS" => Method::OPTIONS,
        "TRACE" => Method::TRACE,
        _ => return None,
    })
}

fn operation(api: &Api, op: &Model, query: &[(String, String)]) -> Option<Operation> {
    let path = op.path.iter().map(|piece| match piece {
        PathPiece::Literal(text) => PathPart::Literal(leak(text)),
        PathPiece::Param(i) => PathPart::Param(*i),
        PathPiece::Username => PathPart::Username,
        PathPiece::Password => PathPart::Password,
    });
    let path = leak_all(path.collect());
    let mut built = Operation::new(leak(&op.qualified_name), method(&op.http_method)?, path)
        .item(leak(&op.item))
        .idempotent(op.idempotent)
        .auth(auth(&op.auth));
    if op.host != 0
        && let Some(host) = api.hosts.get(op.host)
    {
        built = built.host(Host::new(
            leak(&host.name),
            host.default.as_deref().map(leak),
        ));
    }
    let constants = op.body.iter().flat_map(|b| &b.constants);
    let constants: Vec<_> = constants.map(|(k, v)| (leak(k), constant(v))).collect();
    let fields = descriptor::fields(api, op).into_iter().map(|f| {
        let mut field = if f.path {
            Field::path(leak(&f.wire))
        } else {
            Field::body(leak(&f.wire))
        };
        if f.required {
            field = field.required();
        }
        if let Some(format) = &f.format {
            field = field.format(Format::named(leak(format)));
        }
        if !f.values.is_empty() {
            field = field.values(leak_all(f.values.iter().map(|v| leak(v)).collect()));
        }
        field
    });
    let examples = op
        .examples
        .iter()
        .map(|e| Example::new(leak(&e.name), e.status, leak(&e.body)));
    built = built
        .constants(leak_all(constants))
        .fields(leak_all(fields.collect()))
        .examples(leak_all(examples.collect()))
        .body_kind(match descriptor::body(op) {
            DescribedBody::Json => BodyKind::Json,
            DescribedBody::Form => BodyKind::Form,
            DescribedBody::Multipart => BodyKind::Multipart,
            DescribedBody::Text(content_type) => BodyKind::Text(leak(&content_type)),
            DescribedBody::File => BodyKind::File,
            DescribedBody::GraphQl => BodyKind::GraphQl,
        })
        .query(leak_all(
            query.iter().map(|(k, v)| (leak(k), leak(v))).collect(),
        ));
    if let Some(content_type) = &op.content_type {
        built = built.content_type(leak(content_type));
    }
    if let Some(accept) = &op.accept {
        built = built.accept(leak(accept));
    }
    Some(built)
}

fn auth(scheme: &AuthScheme) -> Auth {
    match scheme {
        AuthScheme::None => Auth::None,
        AuthScheme::Basic => Auth::Basic,
        AuthScheme::Bearer => Auth::Bearer,
        AuthScheme::ApiKey { name, placement } => match placement {
            Placement::Header => Auth::api_key_header(leak(name)),
            Placement::Query => Auth::api_key_query(leak(name)),
        },
        AuthScheme::OAuth2 { prefix, placement } => match placement {
            Placement::Header => Auth::oauth2_header(leak(prefix)),
            Placement::Query => Auth::oauth2_query(),
        },
        AuthScheme::Signer { scheme } => Auth::signer(leak(scheme)),
    }
}

/// A constant as the emitter writes it: a bool, an integer, a float, else
/// its text.
fn constant(value: &Value) -> Constant {
    match value {
        Value::Bool(b) => Constant::Bool(*b),
        Value::Number(n) if n.is_i64() => Constant::Int(n.as_i64().unwrap_or_default()),
        Value::Number(n) => Constant::Float(n.as_f64().unwrap_or_default()),
        other => Constant::Str(leak(other.as_str().unwrap_or_default())),
    }
}
