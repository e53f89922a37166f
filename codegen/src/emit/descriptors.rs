//! The operation descriptors: one `static` per operation, built with the
//! runtime's `const` constructors, and the list of them all. They hold what
//! the runtime needs to send a call (method, path, authentication,
//! idempotence, the item's own content type and `Accept`) and what the mock
//! and inspection read (constants, fields with their formats and values,
//! examples, how a listing pages); bodies are written elsewhere.

use crate::draft::auth::{AuthScheme, Placement};
use crate::emit::gates;
use crate::emit::paging;
use crate::emit::tokens::{doc, ident};
use crate::model::api::{Api, Operation, PathPiece};
use crate::model::descriptor::{self, DescribedBody};
use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};
use serde_json::Value;

pub(crate) fn descriptors(api: &Api) -> TokenStream {
    let selectors = descriptor::query_selectors(api);
    let statics = api
        .operations
        .iter()
        .zip(&selectors)
        .map(|(op, query)| descriptor(api, op, query));
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
            use super::rt::{
                Auth, Constant, Example, Field, Format, Method, OffsetPaging, Operation, Pagination,
                PathPart,
            };

            #(#statics)*

            /// Every operation, in the order of the spec.
            pub static ALL: &[&Operation] = &[#(#names),*];
        }
    }
}

fn descriptor(api: &Api, op: &Operation, query: &[(String, String)]) -> TokenStream {
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
        let when = e.when.as_ref().map(|param| quote! { .when(#param) });
        quote! { Example::new(#name, #status, #body) #when }
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
    // Spelt out in full: a new name in the module's `use` line would
    // change every generated module, JSON-only ones included.
    let kind = match descriptor::body(op) {
        DescribedBody::Json => None,
        DescribedBody::Form => Some(quote! { Form }),
        DescribedBody::Multipart => Some(quote! { Multipart }),
        DescribedBody::Text(content_type) => Some(quote! { Text(#content_type) }),
        DescribedBody::File => Some(quote! { File }),
        DescribedBody::GraphQl => Some(quote! { GraphQl }),
    };
    if let Some(kind) = kind {
        setters.extend(quote! { .body_kind(super::rt::BodyKind::#kind) });
    }
    if !query.is_empty() {
        let pairs = query.iter().map(|(k, v)| quote! { (#k, #v) });
        setters.extend(quote! { .query(&[#(#pairs),*]) });
    }
    if let Some(spec) = &op.paging {
        setters.extend(paging::descriptor(spec));
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
/// top-level fields of the body, with their formats and enum values.
fn fields(api: &Api, op: &Operation) -> Vec<TokenStream> {
    // `Field::body("to").required().format(Format::named("e164"))`: short,
    // because a descriptor lists every argument of every operation.
    descriptor::fields(api, op)
        .iter()
        .map(|f| {
            let name = &f.wire;
            let mut tokens = if f.path {
                quote! { Field::path(#name) }
            } else {
                quote! { Field::body(#name) }
            };
            if f.required && !f.path {
                tokens.extend(quote! { .required() });
            }
            if let Some(format) = &f.format {
                tokens.extend(quote! { .format(Format::named(#format)) });
            }
            if !f.values.is_empty() {
                let values = &f.values;
                tokens.extend(quote! { .values(&[#(#values),*]) });
            }
            tokens
        })
        .collect()
}
