//! Bodies other than JSON as code: how form types write themselves (their
//! fields under their keys, repeated keys once per value), the struct of
//! each multipart body and how it writes its parts, and the call that sets
//! each kind of body on a request.

use crate::emit::gates;
use crate::emit::tokens::{doc, ident, type_tokens};
use crate::model::api::{Api, BodyKind, BodySpec, MultipartDef, StructDef, TypeRef};
use proc_macro2::TokenStream;
use quote::quote;

/// `impl rt::WriteForm`, by the runtime's `form_impl!` table: every field
/// in declaration order, a repeated key once per value.
pub(crate) fn write_form(def: &StructDef, repeated: &[String]) -> TokenStream {
    let name = ident(&def.name);
    let rows = def.fields.iter().map(|f| {
        let field = ident(&f.name);
        let wire = f.wire.as_str();
        let listed = repeated.contains(&f.wire) && matches!(f.ty, TypeRef::List(_));
        let kind = match (listed, f.optional) {
            (true, false) => ident("repeated"),
            (true, true) => ident("repeated_opt"),
            (false, _) => ident("field"),
        };
        quote! { #kind #wire => #field, }
    });
    quote! { rt::form_impl!(top #name { #(#rows)* }); }
}

/// `impl rt::FormValue` for a struct nested in a form, by the same table:
/// its fields in brackets after the key it is written under.
pub(crate) fn form_value(def: &StructDef) -> TokenStream {
    let name = ident(&def.name);
    let rows = def.fields.iter().map(|f| {
        let field = ident(&f.name);
        let wire = f.wire.as_str();
        quote! { field #wire => #field, }
    });
    quote! { rt::form_impl!(nested #name { #(#rows)* }); }
}

/// The struct of every multipart body, and how it writes its parts.
pub(crate) fn multipart_types(api: &Api) -> Result<TokenStream, String> {
    api.operations
        .iter()
        .filter_map(|op| match &op.body.as_ref()?.kind {
            BodyKind::Multipart(def) => {
                Some(gates::items(multipart(def), gates::of_type(api, &def.name)))
            }
            _ => None,
        })
        .collect()
}

fn multipart(def: &MultipartDef) -> TokenStream {
    let name = ident(&def.name);
    let docs = doc(&def.doc);
    let mut fields = Vec::new();
    let mut writes = Vec::new();
    for p in &def.parts {
        let field = ident(&p.field);
        let wire = p.wire.as_str();
        let text = if !p.doc.trim().is_empty() {
            p.doc.clone()
        } else if p.ty == TypeRef::Upload {
            format!("The file sent as the part \"{wire}\".")
        } else {
            format!("The part \"{wire}\".")
        };
        let field_doc = doc(&text);
        let ty = type_tokens(&p.ty);
        let ty = if p.optional {
            quote! { Option<#ty> }
        } else {
            ty
        };
        fields.push(quote! { #field_doc pub #field: #ty, });
        // `by_ref` borrows the value; `place` names it, for `to_string`.
        let write = |by_ref: TokenStream, place: TokenStream| match &p.ty {
            TypeRef::Upload => {
                let content_type = match &p.content_type {
                    Some(t) => quote! { Some(#t) },
                    None => quote! { None },
                };
                quote! { multipart.file(#wire, #content_type, #by_ref)?; }
            }
            TypeRef::String => quote! { multipart.text(#wire, #by_ref)?; },
            _ => quote! { multipart.text(#wire, &#place.to_string())?; },
        };
        writes.push(if p.optional {
            let write = write(quote! { value }, quote! { value });
            quote! {
                if let Some(value) = &self.#field {
                    #write
                }
            }
        } else {
            write(quote! { &self.#field }, quote! { self.#field })
        });
    }
    // A form-data body without entries has no part to write.
    let multipart = if writes.is_empty() {
        quote! { _multipart }
    } else {
        quote! { multipart }
    };
    quote! {
        #docs
        #[derive(Debug, Clone, PartialEq)]
        pub struct #name {
            #(#fields)*
        }

        impl rt::WriteMultipart for #name {
            fn write_multipart(&self, #multipart: &mut rt::Multipart) -> Result<(), rt::Error> {
                #(#writes)*
                Ok(())
            }
        }
    }
}

/// The call that sets a body other than JSON from the method's `body`
/// argument; `None` for JSON.
pub(crate) fn build(body: &BodySpec) -> Option<TokenStream> {
    let has_arg = body.ty.is_some();
    Some(match &body.kind {
        BodyKind::Json => return None,
        BodyKind::Form { .. } if has_arg => {
            quote! { request.form(|form| rt::WriteForm::write_form(body, form)) }
        }
        BodyKind::Form { .. } => quote! { request.form(|_| Ok(())) },
        BodyKind::Multipart(_) => quote! {
            request.multipart(|multipart| rt::WriteMultipart::write_multipart(body, multipart))
        },
        BodyKind::File { content_type } => {
            let content_type = match content_type {
                Some(t) => quote! { Some(#t) },
                None => quote! { None },
            };
            quote! { request.file(body, #content_type) }
        }
        BodyKind::Text { content_type } => quote! { request.text(body, #content_type) },
        BodyKind::GraphQl { query, .. } if has_arg => {
            quote! { request.graphql(#query, Some(body)) }
        }
        BodyKind::GraphQl {
            query,
            variables: true,
        } => quote! { request.graphql(#query, Some(&JsonMap::<String, JsonValue>::new())) },
        BodyKind::GraphQl { query, .. } => {
            quote! { request.graphql(#query, None::<&JsonValue>) }
        }
    })
}
