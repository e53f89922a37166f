//! Every operation under `paths`, in document order, as an item: named by
//! its `operationId` (else its method and path), in the folder of its
//! first tag (else of its path's first segment), sent to the document's
//! first server (its variables at their defaults) unless the path or the
//! operation names its own.

use crate::error::{Error, Location, SkipReason, Warning};
use crate::read::openapi::context::Context;
use crate::read::openapi::convert::Converter;
use crate::read::openapi::output::OperationSchemas;
use crate::read::openapi::refs::Documents;
use crate::read::openapi::schema::Schemas;
use crate::read::openapi::{content, params, security};
use crate::read::postman::{Collection, Item, KeyValue, Request, Url};
use serde_json::Value;
use std::collections::BTreeMap;

const METHODS: &[&str] = &[
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];
/// The collection variable every operation's host is written as, so that a
/// caller sets the server by that name.
const HOST: &str = "baseUrl";

pub(super) fn read(
    docs: &Documents,
    root: &Value,
    warnings: &mut Vec<Warning>,
) -> (Collection, Vec<OperationSchemas>, Schemas) {
    let file = docs.entry.as_str();
    let mut c = Converter::new(docs);
    let title = root
        .pointer("/info/title")
        .and_then(Value::as_str)
        .unwrap_or("API")
        .to_owned();
    let mut variables = BTreeMap::new();
    let (main, prefix) = server(root.get("servers"));
    if let Some(main) = main {
        variables.insert(HOST.to_owned(), main);
    }
    let mut items = Vec::new();
    let mut schemas = Vec::new();
    let paths = root.get("paths").and_then(Value::as_object);
    for (path, path_item) in paths.into_iter().flatten() {
        let (path_item, path_file) = match docs.deref(file, path_item) {
            Ok((t, _)) => (t.value, t.file),
            Err(m) => {
                let here = Location::item(file, path);
                warnings.push(Warning::skipped_part(here, m));
                continue;
            }
        };
        for method in METHODS {
            let Some(op) = path_item.get(*method) else {
                continue;
            };
            let name = op
                .get("operationId")
                .and_then(Value::as_str)
                .filter(|n| !n.trim().is_empty())
                .map_or_else(
                    || format!("{} {path}", method.to_uppercase()),
                    str::to_owned,
                );
            let folder = op
                .get("tags")
                .and_then(|t| t.get(0))
                .and_then(Value::as_str)
                .map(str::to_owned)
                .or_else(|| {
                    path.split('/')
                        .find(|s| !s.is_empty() && !s.contains('{'))
                        .map(str::to_owned)
                })
                .unwrap_or_else(|| "default".to_owned());
            let folders = vec![folder];
            let display = format!("{} / {name}", folders[0]);
            let here = Location::item(file, &display);
            let ctx = Context {
                docs,
                root,
                file: path_file,
                path,
                method,
                path_item,
                op,
                prefix: prefix.as_deref(),
                here: &here,
            };
            let read = operation(&mut c, &ctx, warnings);
            for m in c.warnings.drain(..) {
                warnings.push(Warning::kept(
                    here.clone(),
                    format!("typed as any JSON: {m}"),
                ));
            }
            match read {
                Ok((request, auth, examples, schema)) => {
                    items.push(Item {
                        folders,
                        name,
                        auth,
                        request,
                        examples,
                        broken: None,
                        dropped: Vec::new(),
                    });
                    schemas.push(schema);
                }
                Err(e) => {
                    items.push(Item::unreadable(&folders, name, method.to_uppercase(), e));
                    schemas.push(OperationSchemas::default());
                }
            }
        }
    }
    let collection = Collection {
        name: title,
        variables,
        items,
        warnings: Vec::new(),
        top_folders: Vec::new(),
    };
    (collection, schemas, c.schemas)
}

type Read = (
    Request,
    Option<crate::read::postman::Auth>,
    Vec<crate::read::postman::Example>,
    OperationSchemas,
);

fn operation(
    c: &mut Converter<'_>,
    ctx: &Context<'_>,
    warnings: &mut Vec<Warning>,
) -> Result<Read, Error> {
    let unsupported = |reason, m: String| Error::unsupported(ctx.here.clone(), reason, m);
    let security = ctx.op.get("security").or_else(|| ctx.root.get("security"));
    let auth = security::auth(ctx.docs, ctx.root, security)
        .map_err(|m| unsupported(SkipReason::SignerAuth, m))?;
    let params = params::read(c, ctx, warnings)?;
    let body = content::request_body(c, ctx)?;
    let responses = content::responses(c, ctx);
    // The operation's own server, else its path's, else the document's.
    let own = ctx
        .op
        .get("servers")
        .or_else(|| ctx.path_item.get("servers"))
        .map(|s| server(Some(s)));
    let host = match &own {
        Some((Some(url), _)) => url.clone(),
        Some((None, Some(prefix))) => format!("{{{{{HOST}}}}}{prefix}"),
        _ => format!("{{{{{HOST}}}}}{}", ctx.prefix.unwrap_or_default()),
    };
    // A path key with a query (`/responses?beta=true`): its pairs are
    // sent by every call, as written.
    let (path, fixed) = ctx.path.split_once('?').unwrap_or((ctx.path, ""));
    let raw = format!("{host}{path}");
    let mut query: Vec<KeyValue> = fixed
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            KeyValue {
                key: key.to_owned(),
                value: Some(value.to_owned()),
                description: format!("Always `{value}` for this operation."),
                disabled: false,
            }
        })
        .collect();
    query.extend(params.query);
    let mut headers = params.headers;
    if let Some(ct) = &body.content_type {
        headers.push(header("Content-Type", ct));
    }
    if let Some(accept) = &responses.accept {
        headers.push(header("Accept", accept));
    }
    let summary = ctx
        .op
        .get("summary")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let text = ctx
        .op
        .get("description")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let mut description = match (summary.trim(), text.trim()) {
        ("", t) => t.to_owned(),
        (s, "") => s.to_owned(),
        (s, t) => format!("{s}\n\n{t}"),
    };
    if ctx.op.get("deprecated").and_then(Value::as_bool) == Some(true) {
        description = format!("**Deprecated.**\n\n{description}");
    }
    let request = Request {
        method: ctx.method.to_uppercase(),
        url: Url {
            raw: Some(raw),
            query: Some(query),
            variables: params.path,
            ..Url::default()
        },
        headers,
        body: body.body,
        description,
    };
    let schemas = OperationSchemas {
        body: body.schema,
        body_optional: body.optional,
        response: responses.schema,
        errors: responses.errors,
    };
    Ok((request, auth, responses.examples, schemas))
}

fn header(key: &str, value: &str) -> KeyValue {
    KeyValue {
        key: key.to_owned(),
        value: Some(value.to_owned()),
        description: String::new(),
        disabled: false,
    }
}

/// The first server of `servers`: its URL with each variable at its
/// default, when absolute; else its path, which every operation's path
/// then starts with.
fn server(servers: Option<&Value>) -> (Option<String>, Option<String>) {
    let Some(first) = servers.and_then(|s| s.get(0)) else {
        return (None, None);
    };
    let mut url = first
        .get("url")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    if let Some(Value::Object(vars)) = first.get("variables") {
        for (name, var) in vars {
            let default = var
                .get("default")
                .and_then(Value::as_str)
                .unwrap_or_default();
            url = url.replace(&format!("{{{name}}}"), default);
        }
    }
    let url = url.trim_end_matches('/').to_owned();
    if url.contains("://") {
        (Some(url), None)
    } else if url.is_empty() {
        (None, None)
    } else {
        (None, Some(format!("/{}", url.trim_start_matches('/'))))
    }
}
