//! Resource handles, one method per operation, and the operation descriptors
//! the runtime reads.

use crate::draft::operation::AuthScheme;
use crate::emit::examples;
use crate::emit::tokens::{borrowed, doc, ident, type_tokens};
use crate::model::api::{Api, Handle, Operation, ParamLocation, PathPiece, ResponseSpec, TypeRef};
use crate::model::naming;
use crate::read::overlay::DocExamples;
use proc_macro2::{Ident, Literal, TokenStream};
use quote::{format_ident, quote};
use serde_json::Value;

pub(crate) fn operations(api: &Api, client: &Ident, examples: Option<&DocExamples>) -> TokenStream {
    let handles = api.handles.iter().map(|h| handle_struct(h, client));
    let impls = impls(api, client, examples);
    let descriptors = descriptors(api);
    quote! {
        #(#handles)*
        #impls
        #descriptors
    }
}

fn handle_struct(h: &Handle, client: &Ident) -> TokenStream {
    let name = ident(&h.type_name);
    let docs = doc(&format!(
        "The `{}` resource identified by `{}`, with its operations.\n\n\
         Cheap to create and to clone: it holds the client and the path parameters.",
        h.resource, h.param.wire
    ));
    // One list rather than a field per parameter: a field per parameter
    // repeats every ancestor's in each handle, quadratic in the path's length.
    quote! {
        #docs
        #[derive(Debug, Clone)]
        pub struct #name {
            client: #client,
            path_params: Vec<String>,
        }
    }
}

/// One `impl` block per owner (the client, then each handle): the accessors
/// of its child handles, then its operations.
fn impls(api: &Api, client: &Ident, examples: Option<&DocExamples>) -> TokenStream {
    let owners = std::iter::once(None).chain((0..api.handles.len()).map(Some));
    let mut out = TokenStream::new();
    for owner in owners {
        let children = api
            .handles
            .iter()
            .filter(|h| h.parent == owner)
            .map(|h| accessor(h, owner.is_none()));
        let ops = api
            .operations
            .iter()
            .filter(|op| op.owner == owner)
            .map(|op| method(api, op, examples));
        let body: TokenStream = children.chain(ops).collect();
        if body.is_empty() {
            continue;
        }
        let target = match owner.and_then(|o| api.handles.get(o)) {
            Some(h) => {
                let name = ident(&h.type_name);
                quote! { #name }
            }
            None => quote! { #client },
        };
        out.extend(quote! { impl #target { #body } });
    }
    out
}

/// The method that steps from the parent (or the client) to handle `h`.
fn accessor(h: &Handle, on_client: bool) -> TokenStream {
    let name = ident(&h.type_name);
    let accessor = ident(&h.accessor);
    let own = &h.param;
    let own_field = ident(&own.field);
    let mut text = format!(
        "The `{}` resource identified by `{}`.",
        h.resource, own.wire
    );
    if !own.doc.trim().is_empty() {
        text = format!("{text}\n\n`{}`: {}", own.wire, own.doc.trim());
    }
    let docs = doc(&text);
    let build = if on_client {
        quote! {
            #name {
                client: self.clone(),
                path_params: vec![#own_field.into()],
            }
        }
    } else {
        quote! {
            let mut path_params = self.path_params.clone();
            path_params.push(#own_field.into());
            #name {
                client: self.client.clone(),
                path_params,
            }
        }
    };
    quote! {
        #docs
        pub fn #accessor(&self, #own_field: impl Into<String>) -> #name {
            #build
        }
    }
}

fn method(api: &Api, op: &Operation, examples: Option<&DocExamples>) -> TokenStream {
    let name = ident(&op.method_name);
    let constant = ident(&op.const_name);
    let mut text = op.doc.trim().to_owned();
    if !text.is_empty() {
        text.push_str("\n\n");
    }
    text.push_str(&format!("`{} {}`", op.http_method, op.template));
    if op
        .path
        .iter()
        .any(|p| matches!(p, PathPiece::Username | PathPiece::Password))
    {
        text.push_str(
            "\n\nThe `{{...}}` part of the path is filled in from the client's credentials; \
             callers do not pass it.",
        );
    }
    text.push_str(
        "\n\n# Errors\n\nFails when an argument is invalid, when the request cannot be \
         sent, when the API answers with a non-success status, or when the answer \
         cannot be decoded.",
    );
    let mut docs = doc(&text);
    // The example is a Rust code block on purpose, so it skips sanitizing.
    if let Some(lines) = examples.and_then(|config| examples::section(api, op, config)) {
        docs.extend(quote! { #[doc = ""] });
        for line in lines {
            let line = format!(" {line}");
            let line = line.trim_end();
            docs.extend(quote! { #[doc = #line] });
        }
    }

    let (client, path_args, args) = if op.owner.is_some() {
        (
            quote! { self.client },
            quote! { let path: Vec<&str> = self.path_params.iter().map(String::as_str).collect(); },
            quote! { &path },
        )
    } else {
        (quote! { self }, TokenStream::new(), quote! { &[] })
    };

    let mut inputs = Vec::new();
    let mut steps = Vec::new();
    if let Some(p) = &op.params {
        let ty = ident(&p.type_name);
        inputs.push(quote! { params: &#ty });
        for f in &p.fields {
            let wire = &f.wire;
            let field = ident(&f.field);
            let call = match (f.location, f.repeated) {
                (ParamLocation::Query, false) => quote! { .query(#wire, params.#field.as_deref()) },
                (ParamLocation::Query, true) => quote! { .query_all(#wire, &params.#field) },
                (ParamLocation::Header, false) => {
                    quote! { .header(#wire, params.#field.as_deref()) }
                }
                (ParamLocation::Header, true) => quote! { .header_all(#wire, &params.#field) },
            };
            steps.push(call);
        }
    }
    let mut optional_body = TokenStream::new();
    match op.body.as_ref().and_then(|b| b.ty.as_ref().map(|t| (b, t))) {
        Some((b, ty)) if b.optional => {
            let ty = borrowed(ty);
            inputs.push(quote! { body: Option<#ty> });
            optional_body = quote! {
                let request = match body {
                    Some(body) => request.json(body)?,
                    None => request,
                };
            };
        }
        Some((_, ty)) => {
            let ty = borrowed(ty);
            inputs.push(quote! { body: #ty });
            steps.push(quote! { .json(body)? });
        }
        None => {}
    }
    let (output, decode) = match &op.response {
        ResponseSpec::Json(ty) => (type_tokens(ty), quote! { json() }),
        ResponseSpec::Empty => (quote! { () }, quote! { empty() }),
        ResponseSpec::Text => (quote! { String }, quote! { text() }),
        ResponseSpec::Any => (quote! { JsonValue }, quote! { json_or_null() }),
    };
    quote! {
        #docs
        pub async fn #name(&self, #(#inputs),*) -> Result<#output, rt::Error> {
            #path_args
            let request = #client.request(&operations::#constant, #args)? #(#steps)*;
            #optional_body
            #client.execute(request).await?.#decode
        }
    }
}

fn descriptors(api: &Api) -> TokenStream {
    let statics = api.operations.iter().map(|op| descriptor(api, op));
    let names: Vec<_> = api
        .operations
        .iter()
        .map(|op| ident(&op.const_name))
        .collect();
    quote! {
        /// Static descriptions of every operation: what the runtime sends, and
        /// the examples the spec documents.
        pub mod operations {
            #[allow(unused_imports)]
            use super::rt::{Auth, Constant, Example, Field, Format, Method, Operation, PathPart};

            #(#statics)*

            /// Every operation, in the order of the spec.
            pub static ALL: &[&Operation] = &[#(&#names),*];
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
    let auth = match op.auth {
        AuthScheme::None => quote! { Auth::None },
        AuthScheme::Basic => quote! { Auth::Basic },
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
    quote! {
        #docs
        pub static #constant: Operation = Operation {
            name: #name,
            item: #item,
            method: Method::#method,
            path: &[#(#path),*],
            idempotent: #idempotent,
            auth: #auth,
            constants: &[#(#constants),*],
            fields: &[#(#fields),*],
            examples: &[#(#examples),*],
        };
    }
}

/// The operation's arguments for the runtime: path parameters, then the
/// top-level fields of a struct body, with their formats and enum values.
fn fields(api: &Api, op: &Operation) -> Vec<TokenStream> {
    // `Field::body("to").required().format(Format::PhoneOrSip)`: short,
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
                let variant = ident(&naming::camel(f, "Unknown"));
                tokens.extend(quote! { .format(Format::#variant) });
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
    let body = match op.body.as_ref().and_then(|b| b.ty.as_ref()) {
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
