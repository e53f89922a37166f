//! Enums, all of one forward-compatible form: the values the spec lists as
//! variants, any other value kept sealed in a catch-all that holds the
//! module's opaque `UnknownValue`, so no pattern can match its text and
//! code keeps its meaning the day a later spec lists that value.

use crate::emit::tokens::{doc, ident};
use crate::model::api::{Api, EnumDef, TypeDef};
use proc_macro2::TokenStream;
use quote::quote;

/// The opaque type every catch-all holds; nothing when the API has no enum.
/// Its field is private to the generated module, so only the enums' own
/// parsing makes one: a value is `Unknown` exactly when no variant lists it.
pub(crate) fn unknown_value(api: &Api) -> TokenStream {
    if !api.types.iter().any(|t| matches!(t, TypeDef::Enum(_))) {
        return TokenStream::new();
    }
    let docs = doc(
        "A value one of this API's enums does not list, kept as received.\n\n\
         Opaque on purpose: read it with [`UnknownValue::as_str`], but no pattern can \
         match its text. The day a later version lists the value, it arrives as a \
         variant of its own, and code written today keeps its meaning instead of \
         silently taking another branch.",
    );
    quote! {
        #docs
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        pub struct UnknownValue(String);

        impl UnknownValue {
            /// The value as it travels on the wire.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl ::std::fmt::Display for UnknownValue {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(&self.0)
            }
        }
    }
}

pub(crate) fn enumeration(def: &EnumDef) -> TokenStream {
    let name = ident(&def.name);
    let bare = def.name.trim_start_matches("r#");
    let other = def.catch_all.as_deref().unwrap_or("Unknown");
    let text = if def.doc.trim().is_empty() {
        format!("Values of `{bare}`.")
    } else {
        def.doc.clone()
    };
    let docs = doc(&format!(
        "{text}\n\n\
         A value this version does not list is kept, sealed, in [`{bare}::{other}`]; \
         [`{bare}::other`] (or `parse`) makes a value from its text, listed or not."
    ));
    let wires: Vec<&String> = def.variants.iter().map(|v| &v.wire).collect();
    let variants: Vec<_> = def.variants.iter().map(|v| ident(&v.name)).collect();
    let variant_docs = def.variants.iter().map(|v| doc(&format!("`{}`", v.wire)));
    let other = ident(other);
    let other_doc = doc(&format!(
        "The text of a value: its variant when this version lists it \
         (`{bare}::other(\"x\")` equals the variant for `x`), sealed in the catch-all \
         otherwise. For sending a value the API accepts before this crate lists it."
    ));
    quote! {
        #docs
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum #name {
            #(
                #variant_docs
                #variants,
            )*
            /// A value this version does not list, as received: read it with
            /// `as_str`; it cannot be matched by its text.
            #other(UnknownValue),
        }

        impl #name {
            /// The value as it travels on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    #(Self::#variants => #wires,)*
                    Self::#other(value) => value.as_str(),
                }
            }

            #other_doc
            pub fn other(text: impl Into<String>) -> Self {
                let text = text.into();
                match text.as_str() {
                    #(#wires => Self::#variants,)*
                    _ => Self::#other(UnknownValue(text)),
                }
            }
        }

        impl ::std::str::FromStr for #name {
            type Err = ::std::convert::Infallible;

            fn from_str(text: &str) -> Result<Self, Self::Err> {
                Ok(Self::other(text))
            }
        }

        impl Serialize for #name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for #name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                <String as Deserialize>::deserialize(deserializer).map(Self::other)
            }
        }

        impl ::std::fmt::Display for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    }
}
