//! The operation descriptors: one `static` per operation, built with the
//! runtime's `const` constructors, and the list of them all. They hold what
//! the runtime needs to send a call (method, path, authentication,
//! idempotence, the item's own content type and `Accept`) and what the mock
//! and inspection read (constants, fields with their formats and values,
//! examples); bodies are written elsewhere.

use crate::draft::auth::{AuthScheme, Placement};
use crate::emit::gates;
use crate::emit::tokens::{doc, ident};
use crate::model::api::{Api, BodyKind, Operation, PathPiece, TypeRef};
use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};
use serde_json::Value;

pub(crate) fn descriptors(api: &Api) -> TokenStream {
    let statics = api.operations.iter().map(|op| descriptor(api, op));
    let names: Vec<_> = api
        .operations
        .iter()
        .map(|op| {
            let name = ident(&op.const_name);
            let gate = gates::cfg(&op.gate);
            quote! { #gate &#name }
        })
        .collect();
    quote! {
        /// Static descriptions of every operation: what the runtime sends, and
        /// the examples the spec documents.
        pub mod operations {
            #[allow(unused_imports)]
            use super::rt::{Auth, Constant, Example, Field, Format, Method, Operation, PathPart};

            #(#statics)*

            /// Every operation, in the order of the spec.
            pub static ALL: &[&Operation] = &[#(#names),*];
        }
    }
}

fn descriptor(api: &Api, op: &Operation) -> TokenStream {
    let constant = ident(&op.const_name);
    let docs = doc(&format!(
        "`{} {}`: *{}*.",
        op.http_method, op.template, op.item
    ));
    let name = &op.qualified_name;
    let item = &op.item;
    let method = format_ident!("{}", op.http_method);
    let path = op.path.iter().map(|piece| match piece {
        PathPiece::Literal(text) => quote! { PathPart::Literal(#text) },
        PathPiece::Param(i) => {
            let i = Literal::usize_unsuffixed(*i);
            quote! { PathPart::Param(#i) }
        }
        PathPiece::Username => quote! { PathPart::Username },
        PathPiece::Password => quote! { PathPart::Password },
    });
    let idempotent = op.idempotent;
    let auth = match &op.auth {
        AuthScheme::None => None,
        AuthScheme::Basic => Some(quote! { Auth::Basic }),
        AuthScheme::Bearer => Some(quote! { Auth::Bearer }),
        AuthScheme::ApiKey {
            name,
            placement: Placement::Header,
        } => Some(quote! { Auth::api_key_header(#name) }),
        AuthScheme::ApiKey {
            name,
            placement: Placement::Query,
        } => Some(quote! { Auth::api_key_query(#name) }),
        AuthScheme::OAuth2 {
            prefix,
            placement: Placement::Header,
        } => Some(quote! { Auth::oauth2_header(#prefix) }),
        AuthScheme::OAuth2 {
            placement: Placement::Query,
            ..
        } => Some(quote! { Auth::oauth2_query() }),
        AuthScheme::Signer { scheme } => Some(quote! { Auth::signer(#scheme) }),
    };
    let constants = op.body.iter().flat_map(|b| &b.constants).map(|(k, v)| {
        let value = match v {
            Value::Bool(b) => quote! { Constant::Bool(#b) },
            Value::Number(n) if n.is_i64() => {
                let n = Literal::i64_unsuffixed(n.as_i64().unwrap_or_default());
                quote! { Constant::Int(#n) }
            }
            Value::Number(n) => {
                let n = Literal::f64_unsuffixed(n.as_f64().unwrap_or_default());
                quote! { Constant::Float(#n) }
            }
            other => {
                let s = other.as_str().unwrap_or_default();
                quote! { Constant::Str(#s) }
            }
        };
        quote! { (#k, #value) }
    });
    let fields = fields(api, op);
    let examples = op.examples.iter().map(|e| {
        let (name, body) = (&e.name, &e.body);
        let status = Literal::u16_unsuffixed(e.status);
        quote! { Example::new(#name, #status, #body) }
    });
    // Setters only for what differs from `Operation::new`'s defaults.
    let mut setters = quote! { .item(#item) };
    // The main host is `Operation::new`'s default.
    if op.host != 0 {
        let host = Literal::usize_unsuffixed(op.host);
        setters.extend(quote! { .host(super::HOSTS[#host]) });
    }
    if idempotent {
        setters.extend(quote! { .idempotent(true) });
    }
    if let Some(auth) = auth {
        setters.extend(quote! { .auth(#auth) });
    }
    let constants: Vec<_> = constants.collect();
    if !constants.is_empty() {
        setters.extend(quote! { .constants(&[#(#constants),*]) });
    }
    if !op.query_constants.is_empty() {
        let pairs = op.query_constants.iter().map(|(k, v)| quote! { (#k, #v) });
        setters.extend(quote! { .query_constants(&[#(#pairs),*]) });
    }
    if !fields.is_empty() {
        setters.extend(quote! { .fields(&[#(#fields),*]) });
    }
    let examples: Vec<_> = examples.collect();
    if !examples.is_empty() {
        setters.extend(quote! { .examples(&[#(#examples),*]) });
    }
    if let Some(content_type) = &op.content_type {
        setters.extend(quote! { .content_type(#content_type) });
    }
    if let Some(accept) = &op.accept {
        setters.extend(quote! { .accept(#accept) });
    }
    let gate = gates::cfg(&op.gate);
    quote! {
        #gate
        #docs
        pub static #constant: Operation =
            Operation::new(#name, Method::#method, &[#(#path),*]) #setters;
    }
}

/// The operation's arguments for the runtime: path parameters, then the
/// top-level fields of a struct body, with their formats and enum values.
fn fields(api: &Api, op: &Operation) -> Vec<TokenStream> {
    // `Field::body("to").required().format(Format::named("e164"))`: short,
    // because a descriptor lists every argument of every operation.
    let field =
        |name: &str, path: bool, required: bool, format: Option<&str>, values: Vec<&str>| {
            let mut tokens = if path {
                quote! { Field::path(#name) }
            } else {
                quote! { Field::body(#name) }
            };
            if required && !path {
                tokens.extend(quote! { .required() });
            }
            if let Some(f) = format {
                tokens.extend(quote! { .format(Format::named(#f)) });
            }
            if !values.is_empty() {
                tokens.extend(quote! { .values(&[#(#values),*]) });
            }
            tokens
        };
    let mut out = Vec::new();
    for p in api.path_params(op.owner) {
        out.push(field(&p.wire, true, true, p.format.as_deref(), Vec::new()));
    }
    // Only a JSON body's fields are the mock's to check.
    let json = op
        .body
        .as_ref()
        .filter(|b| matches!(b.kind, BodyKind::Json));
    let body = match json.and_then(|b| b.ty.as_ref()) {
        Some(TypeRef::Named(name)) => api.struct_def(name),
        _ => None,
    };
    for f in body.map(|s| s.fields.as_slice()).unwrap_or_default() {
        let values = match &f.ty {
            TypeRef::Named(name) => api
                .enum_def(name)
                .map(|e| e.variants.iter().map(|v| v.wire.as_str()).collect())
                .unwrap_or_default(),
            _ => Vec::new(),
        };
        out.push(field(
            &f.wire,
            false,
            !f.optional,
            f.format.as_deref(),
            values,
        ));
    }
    out
}
