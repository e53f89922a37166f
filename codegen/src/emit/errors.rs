//! An operation's documented error bodies as one type, a variant per
//! status the spec documents, read from the runtime's error by its status
//! (`GetNodeError::of(&error)`): the error keeps status and body, and this
//! is how a caller reaches them typed.

use crate::emit::tokens::{doc, ident, type_tokens};
use crate::model::api::{ErrorBodies, Operation};
use proc_macro2::{Literal, TokenStream};
use quote::quote;

pub(crate) fn error_type(op: &Operation, errors: &ErrorBodies) -> TokenStream {
    let name = ident(&errors.type_name);
    let docs = doc(&format!(
        "The error bodies *{}* documents, by status. Read one from the call's \
         error with `{}::of(&error)`.",
        op.item,
        errors.type_name.trim_start_matches("r#")
    ));
    let variants = errors.bodies.iter().map(|b| {
        let variant = ident(&b.variant);
        let ty = type_tokens(&b.ty);
        let docs = doc(&format!("The body of a `{}` response.", b.status));
        quote! { #docs #variant(#ty), }
    });
    // Exact statuses first, then ranges (`4XX`), then `default`.
    let mut arms = Vec::new();
    let mut ordered: Vec<_> = errors.bodies.iter().collect();
    ordered.sort_by_key(|b| match b.status.parse::<u16>() {
        Ok(_) => 0,
        Err(_) if b.status != "default" => 1,
        Err(_) => 2,
    });
    let mut fallback = quote! { None };
    for b in ordered {
        let variant = ident(&b.variant);
        let read = quote! { serde_json::from_slice(body).ok().map(Self::#variant) };
        if let Ok(code) = b.status.parse::<u16>() {
            let code = Literal::u16_unsuffixed(code);
            arms.push(quote! { #code => #read, });
        } else if let Some(first) = b.status.chars().next().and_then(|c| c.to_digit(10)) {
            let low = Literal::u16_unsuffixed(first as u16 * 100);
            let high = Literal::u16_unsuffixed(first as u16 * 100 + 99);
            arms.push(quote! { #low..=#high => #read, });
        } else {
            fallback = read;
        }
    }
    let read = if arms.is_empty() {
        fallback
    } else {
        quote! {
            match error.status()?.as_u16() {
                #(#arms)*
                _ => #fallback,
            }
        }
    };
    quote! {
        #docs
        #[derive(Debug, Clone, PartialEq)]
        #[non_exhaustive]
        // Variants hold whole bodies; boxing them all would cost every reader.
        #[allow(clippy::large_enum_variant)]
        pub enum #name {
            #(#variants)*
        }

        impl #name {
            /// The body of `error` as documented for its status; `None` when
            /// the status has no documented body, or the body does not read
            /// as documented (the error still holds it, raw).
            pub fn of(error: &rt::Error) -> Option<Self> {
                let body = error.body()?;
                #read
            }
        }
    }
}
