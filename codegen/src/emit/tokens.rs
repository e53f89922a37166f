//! The small pieces every emitter uses: doc attributes, identifiers and
//! type names as tokens.

use crate::emit::docs::doc_line;
use crate::emit::rustdoc;
use crate::model::api::TypeRef;
use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

/// `#[doc]` attributes for `text`, made safe for rustdoc; nothing for empty text.
pub(crate) fn doc(text: &str) -> TokenStream {
    let text = rustdoc::rustdoc(text);
    let mut out = TokenStream::new();
    let mut line = String::new();
    for text in text.lines() {
        line.clear();
        line.push(' ');
        line.push_str(text);
        out.extend(doc_line(line.trim_end()));
    }
    out
}

/// An identifier from a model name; `r#` names become raw identifiers.
///
/// Names reach here already sanitized; anything else is repaired rather than
/// allowed to panic inside `proc_macro2`.
pub(crate) fn ident(name: &str) -> Ident {
    let (raw, bare) = match name.strip_prefix("r#") {
        Some(bare) => (true, bare),
        None => (false, name),
    };
    let valid = bare
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && bare.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && bare != "_";
    if !valid {
        let repaired: String = bare
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
            .collect();
        return Ident::new(&format!("_{repaired}"), Span::call_site());
    }
    if raw && !matches!(bare, "crate" | "self" | "super" | "Self") {
        Ident::new_raw(bare, Span::call_site())
    } else {
        Ident::new(bare, Span::call_site())
    }
}

/// The Rust type for a field or response.
pub(crate) fn type_tokens(ty: &TypeRef) -> TokenStream {
    match ty {
        TypeRef::String => quote! { String },
        TypeRef::Integer => quote! { i64 },
        TypeRef::Float => quote! { f64 },
        TypeRef::Bool => quote! { bool },
        TypeRef::Json => quote! { JsonValue },
        TypeRef::JsonObject => quote! { JsonMap<String, JsonValue> },
        TypeRef::Timestamp => quote! { rt::Timestamp },
        TypeRef::Secret => quote! { rt::Secret },
        TypeRef::List(item) => {
            let item = type_tokens(item);
            quote! { Vec<#item> }
        }
        TypeRef::Named(name) => {
            let name = ident(name);
            quote! { #name }
        }
        TypeRef::Upload => quote! { rt::Upload },
        TypeRef::Map(value) => {
            let value = type_tokens(value);
            quote! { ::std::collections::BTreeMap<String, #value> }
        }
        TypeRef::Boxed(inner) => {
            let inner = type_tokens(inner);
            quote! { Box<#inner> }
        }
    }
}

/// The type a method takes a value of this type by: a borrow.
pub(crate) fn borrowed(ty: &TypeRef) -> TokenStream {
    match ty {
        TypeRef::String => quote! { &str },
        TypeRef::List(item) => {
            let item = type_tokens(item);
            quote! { &[#item] }
        }
        other => {
            let ty = type_tokens(other);
            quote! { &#ty }
        }
    }
}
