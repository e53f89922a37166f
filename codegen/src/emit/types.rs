//! Structs and enums for bodies, responses and parameters.

use crate::emit::body;
use crate::emit::payloads;
use crate::emit::tokens::{doc, ident, type_tokens};
use crate::model::api::{Api, EnumDef, FieldDef, ParamLocation, ParamsSpec, StructDef, TypeDef};
use crate::model::naming;
use proc_macro2::TokenStream;
use quote::quote;

pub(crate) fn types(api: &Api) -> TokenStream {
    let bodies = body::body_structs(api);
    let (forms, in_forms) = payloads::form_structs(api);
    let defs = api.types.iter().map(|def| match def {
        // A request body type writes itself, right after its definition.
        TypeDef::Struct(s) => {
            let name = s.name.as_str();
            let json = bodies.contains(name).then(|| body::write_json(s));
            let form = forms
                .get(name)
                .map(|repeated| payloads::write_form(s, repeated));
            let nested = in_forms.contains(name).then(|| payloads::form_value(s));
            let def = structure(s);
            quote! { #def #json #form #nested }
        }
        TypeDef::Enum(e) => enumeration(e),
    });
    let multipart = payloads::multipart_types(api);
    let params = api
        .operations
        .iter()
        .filter_map(|op| op.params.as_ref().map(|p| params(p, &op.item)));
    quote! { #(#defs)* #multipart #(#params)* }
}

fn structure(def: &StructDef) -> TokenStream {
    let name = ident(&def.name);
    let docs = doc(&def.doc);
    let fields = def.fields.iter().map(field);
    let extra = def.extra.as_ref().map(|extra| {
        let extra = ident(extra);
        quote! {
            /// Fields the spec does not describe, kept as received.
            #[serde(flatten)]
            pub #extra: JsonMap<String, JsonValue>,
        }
    });
    // Default only when it cannot hide a missing required field.
    let default = def
        .fields
        .iter()
        .all(|f| f.optional)
        .then(|| quote! { Default, });
    quote! {
        #docs
        #[derive(Debug, Clone, PartialEq, #default Serialize, Deserialize)]
        pub struct #name {
            #(#fields)*
            #extra
        }
    }
}

fn field(f: &FieldDef) -> TokenStream {
    let name = ident(&f.name);
    let text = if !f.doc.trim().is_empty() {
        f.doc.clone()
    } else if f.wire.is_empty() {
        "The field whose name is empty.".to_owned()
    } else if f.wire.contains('`') {
        format!("The \"{}\" field.", f.wire)
    } else {
        format!("The `{}` field.", f.wire)
    };
    let docs = doc(&text);
    let wire = &f.wire;
    let rename = (naming::bare(&f.name) != f.wire).then(|| quote! { #[serde(rename = #wire)] });
    let ty = type_tokens(&f.ty);
    if f.optional {
        quote! {
            #docs
            #rename
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub #name: Option<#ty>,
        }
    } else {
        quote! {
            #docs
            #rename
            pub #name: #ty,
        }
    }
}

fn enumeration(def: &EnumDef) -> TokenStream {
    let name = ident(&def.name);
    let text = if def.doc.trim().is_empty() {
        format!("Values of `{}`.", def.name)
    } else {
        def.doc.clone()
    };
    let docs = doc(&text);
    let wires: Vec<&String> = def.variants.iter().map(|v| &v.wire).collect();
    let variants: Vec<_> = def.variants.iter().map(|v| ident(&v.name)).collect();
    let variant_docs = def.variants.iter().map(|v| doc(&format!("`{}`", v.wire)));
    let as_str_doc = doc("The value as it travels on the wire.");
    let display = quote! {
        impl ::std::fmt::Display for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
    let Some(catch_all) = &def.catch_all else {
        return quote! {
            #docs
            #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
            #[non_exhaustive]
            pub enum #name {
                #(
                    #variant_docs
                    #[serde(rename = #wires)]
                    #variants,
                )*
            }

            impl #name {
                #as_str_doc
                pub fn as_str(&self) -> &'static str {
                    match self {
                        #(Self::#variants => #wires,)*
                    }
                }
            }

            #display
        };
    };
    let other = ident(catch_all);
    quote! {
        #docs
        ///
        /// Values this version does not know are kept, not rejected.
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum #name {
            #(
                #variant_docs
                #variants,
            )*
            /// A value this version of the spec does not list, as received.
            #other(String),
        }

        impl #name {
            #as_str_doc
            pub fn as_str(&self) -> &str {
                match self {
                    #(Self::#variants => #wires,)*
                    Self::#other(value) => value,
                }
            }
        }

        impl Serialize for #name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for #name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let value = <String as Deserialize>::deserialize(deserializer)?;
                Ok(match value.as_str() {
                    #(#wires => Self::#variants,)*
                    _ => Self::#other(value),
                })
            }
        }

        #display
    }
}

fn params(spec: &ParamsSpec, item: &str) -> TokenStream {
    let name = ident(&spec.type_name);
    let docs = doc(&format!(
        "Query and header parameters of *{item}*; unset ones are not sent."
    ));
    let fields = spec.fields.iter().map(|f| {
        let field = ident(&f.field);
        let place = match f.location {
            ParamLocation::Query => "query parameter",
            ParamLocation::Header => "header",
        };
        let mut text = format!("The `{}` {place}.", f.wire);
        if !f.doc.trim().is_empty() {
            text = format!("{text}\n\n{}", f.doc);
        }
        let docs = doc(&text);
        if f.repeated {
            quote! { #docs pub #field: Vec<String>, }
        } else {
            quote! { #docs pub #field: Option<String>, }
        }
    });
    quote! {
        #docs
        #[derive(Debug, Clone, Default, PartialEq, Eq)]
        pub struct #name {
            #(#fields)*
        }
    }
}
