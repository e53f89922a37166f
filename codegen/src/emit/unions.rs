//! Unions (OpenAPI's `oneOf` and `anyOf`): an enum with a variant per type
//! and a catch-all that keeps any other value as received. Written as the
//! variants would be (`untagged`); read by the tag when the spec names one
//! (a tag no variant lists is the catch-all's), else as the first variant
//! that reads it. So a response never fails to decode for a variant this
//! version does not know.

use crate::emit::tokens::{doc, ident, type_tokens};
use crate::model::api::UnionDef;
use proc_macro2::TokenStream;
use quote::quote;

pub(crate) fn union(def: &UnionDef) -> TokenStream {
    let name = ident(&def.name);
    let bare = def.name.trim_start_matches("r#");
    let other = ident(&def.catch_all);
    let text = if def.doc.trim().is_empty() {
        format!("One of several types: `{bare}`.")
    } else {
        def.doc.clone()
    };
    let docs = doc(&format!(
        "{text}\n\nA value of none of these types (one a later version adds) is kept, \
         as received, in [`{bare}::{}`].",
        def.catch_all
    ));
    let variants = def.variants.iter().map(|v| {
        let variant = ident(&v.name);
        let ty = type_tokens(&v.ty);
        let docs = doc(&format!("A `{}`.", v.name.trim_start_matches("r#")));
        quote! { #docs #variant(#ty), }
    });
    let tagged = def.tag.as_ref().map(|tag| {
        let arms = def.variants.iter().filter(|v| !v.tags.is_empty()).map(|v| {
            let variant = ident(&v.name);
            let ty = type_tokens(&v.ty);
            let tags = &v.tags;
            quote! {
                if matches!(tag, Some(#(#tags)|*)) {
                    return match <#ty as Deserialize>::deserialize(&value) {
                        Ok(v) => Self::#variant(v),
                        Err(_) => Self::#other(value),
                    };
                }
            }
        });
        quote! {
            let tag = value.get(#tag).and_then(JsonValue::as_str);
            #(#arms)*
            if tag.is_some() {
                return Self::#other(value);
            }
        }
    });
    let tries = def.variants.iter().map(|v| {
        let variant = ident(&v.name);
        let ty = type_tokens(&v.ty);
        quote! {
            if let Ok(v) = <#ty as Deserialize>::deserialize(&value) {
                return Self::#variant(v);
            }
        }
    });
    let from_doc = doc(&format!(
        "Reads `value` as a [`{bare}`]: its variant, else [`{bare}::{}`].",
        def.catch_all
    ));
    quote! {
        #docs
        #[derive(Debug, Clone, PartialEq, Serialize)]
        #[serde(untagged)]
        #[non_exhaustive]
        // Variants hold whole responses; boxing them all would cost every reader.
        #[allow(clippy::large_enum_variant)]
        pub enum #name {
            #(#variants)*
            /// Any other value, as received.
            #other(JsonValue),
        }

        impl #name {
            #from_doc
            pub fn from_json(value: JsonValue) -> Self {
                #tagged
                #(#tries)*
                Self::#other(value)
            }
        }

        impl<'de> Deserialize<'de> for #name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                JsonValue::deserialize(deserializer).map(Self::from_json)
            }
        }
    }
}
