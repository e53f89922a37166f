//! How callers build request types: a constructor that takes the required
//! fields by name and a `with_` setter per optional field. Request types
//! are `#[non_exhaustive]`, so a field the spec adds later, if optional,
//! breaks no caller.

use crate::emit::tokens::{doc, ident, type_tokens};
use crate::model::api::{FieldDef, ParamsSpec, StructDef};
use crate::model::naming;
use proc_macro2::TokenStream;
use quote::quote;

/// The struct of required fields (when there are any), the constructor and
/// the setters.
pub(crate) fn request(def: &StructDef) -> TokenStream {
    let name = ident(&def.name);
    let bare = naming::bare(&def.name);
    let (required, optional): (Vec<&FieldDef>, Vec<&FieldDef>) =
        def.fields.iter().partition(|f| !f.optional);
    let setters = optional.iter().map(|f| {
        let field = ident(&f.name);
        let setter = ident(&format!("with_{}", naming::bare(&f.name)));
        let ty = type_tokens(&f.ty);
        let docs = doc(&format!("Sets `{}`.", f.wire));
        quote! {
            #docs
            pub fn #setter(mut self, value: impl Into<#ty>) -> Self {
                self.#field = Some(value.into());
                self
            }
        }
    });
    let unset = optional.iter().map(|f| ident(&f.name));
    let Some(fields_name) = &def.required else {
        let new_doc = doc(&format!("An empty [`{bare}`]: every field is optional."));
        return quote! {
            impl #name {
                #new_doc
                pub fn new() -> Self {
                    // Every field optional: the type derives `Default`.
                    Self::default()
                }
                #(#setters)*
            }
        };
    };
    let fields_type = ident(fields_name);
    let set: Vec<_> = required.iter().map(|f| ident(&f.name)).collect();
    let required_fields = required.iter().map(|f| {
        let field = ident(&f.name);
        let ty = type_tokens(&f.ty);
        let docs = doc(&field_text(f));
        quote! { #docs pub #field: #ty, }
    });
    // Why a struct of required fields (two of one type cannot be swapped
    // silently) is the runtime's crate docs' to say, once.
    // A type read as well as built keeps unknown keys: none when built.
    let extra = def.extra.as_ref().map(|extra| {
        let extra = ident(extra);
        quote! { #extra: JsonMap::new(), }
    });
    let fields_doc = doc(&format!("The required fields of [`{bare}::new`]."));
    let new_doc = doc("From its required fields; the optional ones are unset.");
    quote! {
        #fields_doc
        #[derive(Debug, Clone, PartialEq)]
        pub struct #fields_type {
            #(#required_fields)*
        }

        impl #name {
            #new_doc
            pub fn new(required: #fields_type) -> Self {
                let #fields_type { #(#set),* } = required;
                Self { #(#set,)* #(#unset: None,)* #extra }
            }
            #(#setters)*
        }
    }
}

/// A field's doc, or a line naming it when the spec says nothing.
pub(crate) fn field_text(f: &FieldDef) -> String {
    if !f.doc.trim().is_empty() {
        f.doc.clone()
    } else if f.wire.is_empty() {
        "The field whose name is empty.".to_owned()
    } else if f.wire.contains('`') {
        format!("The \"{}\" field.", f.wire)
    } else {
        format!("The `{}` field.", f.wire)
    }
}

/// `new` and a setter per parameter of a query and header struct.
pub(crate) fn params(spec: &ParamsSpec) -> TokenStream {
    let name = ident(&spec.type_name);
    let setters = spec.fields.iter().map(|f| {
        let field = ident(&f.field);
        let setter = ident(&format!("with_{}", naming::bare(&f.field)));
        if f.repeated {
            let docs = doc(&format!(
                "Sets the values of `{}`, in order, each to the text it displays as \
                 (a `&str`, a `String`, a number).",
                f.wire
            ));
            quote! {
                #docs
                pub fn #setter<V: ::std::fmt::Display>(mut self, values: impl IntoIterator<Item = V>) -> Self {
                    self.#field = values.into_iter().map(|v| v.to_string()).collect();
                    self
                }
            }
        } else {
            let docs = doc(&format!(
                "Sets `{}` to the text `value` displays as (a `&str`, a `String`, a number).",
                f.wire
            ));
            quote! {
                #docs
                pub fn #setter(mut self, value: impl ::std::fmt::Display) -> Self {
                    self.#field = Some(value.to_string());
                    self
                }
            }
        }
    });
    quote! {
        impl #name {
            /// No parameter set; set them with the `with_` methods.
            pub fn new() -> Self {
                Self::default()
            }
            #(#setters)*
        }
    }
}
