//! Value types as Rust: enums, forward compatible as the REST enums are,
//! and the checks of text that must take one of several forms.

use crate::emit::tokens::{doc, ident};
use crate::xml::model::{EnumValue, Form, ValueKind, ValueType};
use heck::ToSnakeCase;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

/// The Rust items of one value type.
pub(crate) fn value_type(def: &ValueType) -> TokenStream {
    match &def.kind {
        ValueKind::Enum(values) => enumeration(def, values),
        ValueKind::Forms(forms) => forms_check(def, forms),
    }
}

/// The name of the function that checks a forms type's text.
pub(crate) fn check_fn(def: &ValueType) -> proc_macro2::Ident {
    format_ident!("is_{}", def.name.to_snake_case())
}

/// The forms a forms type allows, in words.
pub(crate) fn describe(forms: &[Form]) -> String {
    let words: Vec<String> = forms
        .iter()
        .map(|f| match f {
            Form::Value(v) if v.is_empty() => "an empty value".to_owned(),
            Form::Value(v) => format!("`{v}`"),
            Form::Prefix(p) => format!("text starting with `{p}`"),
            Form::Integer { min, max } => format!("an integer from {min} to {max}"),
        })
        .collect();
    match words.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{}, or {last}", rest.join(", ")),
        _ => words.concat(),
    }
}

fn forms_check(def: &ValueType, forms: &[Form]) -> TokenStream {
    let name = check_fn(def);
    let tests = forms.iter().map(|f| match f {
        Form::Value(v) if v.is_empty() => quote! { text.is_empty() },
        Form::Value(v) => quote! { text == #v },
        Form::Prefix(p) => quote! { (text.len() > #p.len() && text.starts_with(#p)) },
        Form::Integer { min, max } => quote! { integer_in(text, #min, #max) },
    });
    let docs = doc(&format!(
        "Whether `text` is a `{}`: {}.",
        def.name,
        describe(forms)
    ));
    quote! {
        #docs
        fn #name(text: &str) -> bool {
            #(#tests)||*
        }
    }
}

fn enumeration(def: &ValueType, values: &[EnumValue]) -> TokenStream {
    let name = ident(&def.name);
    let bare = &def.name;
    let docs = doc(&format!(
        "{}\n\nA value this version does not list is kept, sealed, in [`{bare}::Unknown`]; \
         [`{bare}::other`] (or `parse`) makes a value from its text, listed or not.",
        def.doc
    ));
    let wires: Vec<&String> = values.iter().map(|v| &v.wire).collect();
    let variants: Vec<_> = values.iter().map(|v| ident(&v.name)).collect();
    let variant_docs = values.iter().map(|v| {
        if v.doc.is_empty() {
            doc(&format!("`{}`", v.wire))
        } else {
            doc(&format!("`{}`: {}", v.wire, v.doc))
        }
    });
    quote! {
        #docs
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum #name {
            #(
                #variant_docs
                #variants,
            )*
            /// A value this version does not list, as given: read it with
            /// `as_str`; it cannot be matched by its text.
            Unknown(UnknownValue),
        }

        impl #name {
            /// The value as written in the XML.
            pub fn as_str(&self) -> &str {
                match self {
                    #(Self::#variants => #wires,)*
                    Self::Unknown(value) => value.as_str(),
                }
            }

            /// The value for a text: its variant when this version lists it,
            /// sealed in `Unknown` otherwise. For a value the XML's reader
            /// accepts before this version lists it: it is written as given.
            pub fn other(text: impl Into<String>) -> Self {
                let text = text.into();
                match text.as_str() {
                    #(#wires => Self::#variants,)*
                    _ => Self::Unknown(UnknownValue(text)),
                }
            }
        }

        impl ::std::str::FromStr for #name {
            type Err = ::std::convert::Infallible;

            fn from_str(text: &str) -> Result<Self, Self::Err> {
                Ok(Self::other(text))
            }
        }

        impl ::std::fmt::Display for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    }
}
