//! What an element may contain, as an enum per element: one variant per
//! allowed child (and `Text` for mixed content), with `From` for each, so
//! a child of any other kind does not compile.

use crate::emit::tokens::{doc, ident};
use crate::xml::emit_write::child_write;
use crate::xml::model::{Content, Element, Vocabulary};
use crate::xml::names::child_enum;
use proc_macro2::TokenStream;
use quote::quote;

/// The enum, its `From` impls and its writer; nothing for an element
/// without children.
pub(crate) fn children(vocab: &Vocabulary, element: &Element) -> TokenStream {
    if !element.has_children() {
        return TokenStream::new();
    }
    let kind = ident(&child_enum(&element.rust));
    let parent = &element.rust;
    let docs = doc(&format!(
        "What [`{parent}`] (`<{}>`) may contain. Each allowed element converts into it \
         (`From`), so `{parent}::child` takes exactly these and nothing else compiles. \
         Elements are boxed: they differ much in size.",
        element.wire
    ));
    let mixed = element.content == Content::Mixed;
    let text_variant = mixed.then(|| {
        quote! { /// Text, escaped when written.
        Text(String), }
    });
    let text_from = mixed.then(|| {
        quote! {
            impl From<String> for #kind {
                fn from(text: String) -> Self {
                    Self::Text(text)
                }
            }

            impl From<&str> for #kind {
                fn from(text: &str) -> Self {
                    Self::Text(text.to_owned())
                }
            }
        }
    });
    let variants = element.children.iter().map(|&c| {
        let child = &vocab.elements[c];
        let name = ident(&child.rust);
        let docs = doc(&format!("`<{}>`: [`{}`].", child.wire, child.rust));
        quote! { #docs #name(Box<#name>), }
    });
    let froms = element.children.iter().map(|&c| {
        let name = ident(&vocab.elements[c].rust);
        quote! {
            impl From<#name> for #kind {
                fn from(element: #name) -> Self {
                    Self::#name(Box::new(element))
                }
            }
        }
    });
    let write = child_write(vocab, element);
    quote! {
        #docs
        #[derive(Debug, Clone, PartialEq, Eq)]
        #[non_exhaustive]
        pub enum #kind {
            #text_variant
            #(#variants)*
        }

        #text_from
        #(#froms)*

        impl #kind {
            #write
        }
    }
}
