//! Request bodies as code: how each request type writes itself (its
//! formats checked by name through the vendor seam, then its fields in
//! declaration order), and how an operation builds its request (query and
//! header parameters, its constants, then the caller's body).

use crate::emit::payloads;
use crate::emit::tokens::ident;
use crate::model::api::{Api, FieldDef, Operation, ParamLocation, StructDef, TypeRef, VariantSpec};
use proc_macro2::{Literal, TokenStream};
use quote::quote;
use serde_json::Value;

/// `impl rt::WriteJson for T`: the formats first, so that nothing is
/// written for a body that is refused, then every field as `serde` would
/// write it, `None`s left out.
pub(crate) fn write_json(def: &StructDef) -> TokenStream {
    let name = ident(&def.name);
    let mut checks = Vec::new();
    let mut writes = Vec::new();
    for f in &def.fields {
        let field = ident(&f.name);
        let wire = f.wire.as_str();
        // Formats apply to text; a format on another type is the mock's to check.
        let format = f.format.as_deref().filter(|_| f.ty == TypeRef::String);
        match (f.optional, format) {
            (false, Some(format)) => {
                checks.push(quote! { object.check_format(#wire, #format, &self.#field)?; });
            }
            (true, Some(format)) => checks.push(quote! {
                if let Some(value) = &self.#field {
                    object.check_format(#wire, #format, value)?;
                }
            }),
            (_, None) => {}
        }
        writes.push(if f.optional {
            quote! {
                if let Some(value) = &self.#field {
                    object.field(#wire, value)?;
                }
            }
        } else {
            quote! { object.field(#wire, &self.#field)?; }
        });
    }
    if let Some(extra) = &def.extra {
        let extra = ident(extra);
        writes.push(quote! {
            for (key, value) in &self.#extra {
                object.field(key, value)?;
            }
        });
    }
    quote! {
        impl rt::WriteJson for #name {
            fn write_json(&self, object: &mut rt::JsonObject<'_>) -> Result<(), rt::Error> {
                #(#checks)*
                #(#writes)*
                Ok(())
            }
        }
    }
}

/// The steps after `client.request(..)` that make the request whole, each
/// on the `Result` so that a failure waits for the future: parameters,
/// then the body; with `variant`, its parameters too (`callback`, in the
/// query or written into the JSON body after the caller's fields). `Err`
/// when the model asks for what no request can carry.
pub(crate) fn steps(
    api: &Api,
    op: &Operation,
    variant: Option<&VariantSpec>,
) -> Result<TokenStream, String> {
    let mut out = TokenStream::new();
    if !op.query_constants.is_empty() {
        let calls = op
            .query_constants
            .iter()
            .map(|(k, v)| quote! { .query(#k, Some(#v)) });
        out.extend(quote! { .map(|request| request #(#calls)*) });
    }
    if let Some(p) = &op.params {
        let calls = p.fields.iter().map(|f| {
            let wire = &f.wire;
            let field = ident(&f.field);
            match (f.location, f.repeated) {
                (ParamLocation::Query, false) => quote! { .query(#wire, params.#field.as_deref()) },
                (ParamLocation::Query, true) => quote! { .query_all(#wire, &params.#field) },
                (ParamLocation::Header, false) => {
                    quote! { .header(#wire, params.#field.as_deref()) }
                }
                (ParamLocation::Header, true) => quote! { .header_all(#wire, &params.#field) },
            }
        });
        out.extend(quote! { .map(|request| request #(#calls)*) });
    }
    let variant_def = match variant.map(|v| &v.params) {
        Some(TypeRef::Named(name)) => api.struct_def(name),
        _ => None,
    };
    let in_body = variant.is_some_and(|v| !v.in_query);
    if let Some(def) = variant_def.filter(|_| !in_body) {
        let calls = def.fields.iter().map(|f| query_call(api, f));
        out.extend(quote! { .map(|request| request #(#calls)*) });
    }
    // The variant's parameters, written into the JSON object last.
    let extra = in_body.then(|| quote! { rt::WriteJson::write_json(callback, object)?; });
    let Some(body) = &op.body else {
        if let Some(extra) = extra {
            out.extend(quote! {
                .and_then(|request| request.json_object(|object| { #extra Ok(()) }))
            });
        }
        return Ok(out);
    };
    if extra.is_some() && payloads::build(body).is_some() {
        return Err(format!(
            "`{}`: a response variant's parameters need a JSON object body",
            op.item
        ));
    }
    if let Some(build) = payloads::build(body) {
        out.extend(quote! { .and_then(|request| #build) });
        return Ok(out);
    }
    let constants: Vec<TokenStream> = body
        .constants
        .iter()
        .map(|(key, value)| {
            let value = constant(value);
            quote! { object.field(#key, #value)?; }
        })
        .collect();
    let is_object = match &body.ty {
        Some(TypeRef::JsonObject) => true,
        Some(TypeRef::Named(name)) => api.struct_def(name).is_some(),
        _ => false,
    };
    if extra.is_some() && body.ty.is_some() && !is_object {
        return Err(format!(
            "`{}`: a response variant's parameters need a JSON object body",
            op.item
        ));
    }
    let object = |caller: TokenStream| {
        quote! {
            request.json_object(|object| {
                #(#constants)*
                #caller
            })
        }
    };
    // The caller's body: an object writes itself after the constants; any
    // other JSON goes as `serde_json` writes it.
    let caller = if is_object {
        match &extra {
            Some(extra) => {
                object(quote! { rt::WriteJson::write_json(body, object)?; #extra Ok(()) })
            }
            None => object(quote! { rt::WriteJson::write_json(body, object) }),
        }
    } else {
        quote! { request.json(body) }
    };
    let build = match &body.ty {
        None if constants.is_empty() && extra.is_none() => return Ok(out),
        None => object(quote! { #extra Ok(()) }),
        Some(_) if !is_object && !constants.is_empty() => {
            return Err(format!(
                "`{}` has constant fields but its body is not a JSON object",
                op.item
            ));
        }
        Some(_) if !body.optional => caller,
        Some(_) => {
            let none = if constants.is_empty() && extra.is_none() {
                quote! { Ok(request) }
            } else {
                object(quote! { #extra Ok(()) })
            };
            quote! {
                match body {
                    Some(body) => #caller,
                    None => #none,
                }
            }
        }
    };
    out.extend(quote! { .and_then(|request| #build) });
    Ok(out)
}

/// `.query(wire, ..)` for a field of a variant's parameters (`callback`):
/// text as it is, an enum by its wire value, anything else as it prints.
fn query_call(api: &Api, f: &FieldDef) -> TokenStream {
    let wire = &f.wire;
    let field = ident(&f.name);
    let read = match &f.ty {
        TypeRef::Secret => Some(quote! { expose }),
        TypeRef::String => Some(quote! { as_str }),
        TypeRef::Named(name) if api.enum_def(name).is_some() => Some(quote! { as_str }),
        _ => None,
    };
    match (f.optional, read) {
        (true, Some(read)) => quote! { .query(#wire, callback.#field.as_ref().map(|v| v.#read())) },
        (true, None) => {
            quote! { .query(#wire, callback.#field.as_ref().map(|v| v.to_string()).as_deref()) }
        }
        (false, Some(read)) => quote! { .query(#wire, Some(callback.#field.#read())) },
        (false, None) => quote! { .query(#wire, Some(callback.#field.to_string().as_str())) },
    }
}

/// A constant as the value `object.field` takes.
fn constant(value: &Value) -> TokenStream {
    match value {
        Value::Bool(b) => quote! { &#b },
        Value::Number(n) => match n.as_i64() {
            Some(i) => {
                let i = Literal::i64_suffixed(i);
                quote! { &#i }
            }
            None => {
                let f = Literal::f64_suffixed(n.as_f64().unwrap_or_default());
                quote! { &#f }
            }
        },
        other => {
            let s = other.as_str().unwrap_or_default();
            quote! { #s }
        }
    }
}
