//! How an element writes itself: each attribute checked, then escaped and
//! written; then the rules between attributes; then its content.

use crate::emit::tokens::ident;
use crate::xml::emit_values::{check_fn, describe};
use crate::xml::model::{AttrType, Attribute, Content, Element, ValueKind, Vocabulary};
use proc_macro2::TokenStream;
use quote::quote;

/// The element's `write_to` method.
pub(crate) fn write_to(vocab: &Vocabulary, element: &Element) -> TokenStream {
    let tag = &element.wire;
    let attributes = element.attributes.iter().map(|a| attribute(vocab, a));
    let rules = element.rules.iter().map(|r| {
        let (when, then) = (&element.attributes[r.when], &element.attributes[r.then]);
        let when_value = owned_text(vocab, when);
        let then_value = owned_text(vocab, then);
        let then_wire = &then.wire;
        let equals = &r.equals;
        let allowed: Vec<&String> = r.one_of.iter().collect();
        let with = format!("{}=\"{}\"", when.wire, r.equals);
        let allowed_text = r
            .one_of
            .iter()
            .map(|v| format!("`{v}`"))
            .collect::<Vec<_>>()
            .join(", ");
        quote! {
            let when = #when_value;
            let conflict = (#then_value).filter(|then| {
                when.as_deref() == Some(#equals) && ![#(#allowed),*].contains(&then.as_str())
            });
            if let Some(then) = conflict {
                return Err(writer.error(
                    Some(#then_wire),
                    &then,
                    Problem::Conflicts { with: #with, allowed: #allowed_text },
                ));
            }
        }
    });
    let content = match element.content {
        Content::Empty => quote! { writer.close(#tag, false); },
        Content::Text => quote! {
            if self.text.is_empty() {
                writer.close(#tag, false);
            } else {
                writer.start_content();
                writer.text(&self.text)?;
                writer.close(#tag, true);
            }
        },
        Content::Children | Content::Mixed => quote! {
            if self.children.is_empty() {
                writer.close(#tag, false);
            } else {
                writer.start_content();
                for child in &self.children {
                    child.write_to(writer)?;
                }
                writer.close(#tag, true);
            }
        },
    };
    quote! {
        fn write_to(&self, writer: &mut Writer) -> Result<(), XmlError> {
            writer.open(#tag);
            #(#attributes)*
            #(#rules)*
            #content
            Ok(())
        }
    }
}

/// Checks one attribute and writes it, when it is set.
fn attribute(vocab: &Vocabulary, a: &Attribute) -> TokenStream {
    let field = ident(&a.rust);
    let wire = &a.wire;
    let text = text(a);
    let checks = checks(vocab, a);
    let body = quote! {
        #text
        #checks
        writer.attribute(#wire, text)?;
    };
    if a.required {
        quote! { { let value = &self.#field; #body } }
    } else {
        quote! { if let Some(value) = &self.#field { #body } }
    }
}

/// Binds `text`, a `&str` of the value as written, from `value`, a reference.
fn text(a: &Attribute) -> TokenStream {
    match &a.ty {
        AttrType::Bool => quote! { let text = if *value { "true" } else { "false" }; },
        AttrType::Integer => quote! { let text = value.to_string(); let text = text.as_str(); },
        AttrType::String | AttrType::Named(_) => quote! { let text = value.as_str(); },
        AttrType::List { separator, .. } => {
            quote! {
                let text = value.iter().map(|v| v.as_str()).collect::<Vec<_>>().join(#separator);
                let text = text.as_str();
            }
        }
    }
}

/// The value as written, owned, as an `Option` (for rules).
fn owned_text(vocab: &Vocabulary, a: &Attribute) -> TokenStream {
    let field = ident(&a.rust);
    let render = match &a.ty {
        AttrType::Bool | AttrType::Integer => quote! { value.to_string() },
        AttrType::String => quote! { value.clone() },
        AttrType::Named(t) => match vocab.value_types[*t].kind {
            ValueKind::Enum(_) => quote! { value.as_str().to_owned() },
            ValueKind::Forms(_) => quote! { value.clone() },
        },
        AttrType::List { separator, .. } => {
            quote! { value.iter().map(|v| v.as_str()).collect::<Vec<_>>().join(#separator) }
        }
    };
    if a.required {
        quote! { Some({ let value = &self.#field; #render }) }
    } else {
        quote! { self.#field.as_ref().map(|value| #render) }
    }
}

/// The checks of one value, each returning the error it finds.
fn checks(vocab: &Vocabulary, a: &Attribute) -> TokenStream {
    let wire = &a.wire;
    let fail = |problem: TokenStream| {
        quote! { return Err(writer.error(Some(#wire), text, #problem)); }
    };
    let mut out = TokenStream::new();
    if a.ty == AttrType::Integer {
        // An unsigned value is never below zero: no check to write.
        if let Some(min) = a.min.filter(|&m| !(a.is_unsigned() && m == 0)) {
            let bound = literal(a, min);
            let fail = fail(quote! { Problem::BelowMinimum { min: #min } });
            out.extend(quote! { if *value < #bound { #fail } });
        }
        if let Some(max) = a.max {
            let bound = literal(a, max);
            let fail = fail(quote! { Problem::AboveMaximum { max: #max } });
            out.extend(quote! { if *value > #bound { #fail } });
        }
    }
    if let Some(max) = a.max_chars {
        let fail = fail(quote! { Problem::TooManyChars { max: #max } });
        out.extend(quote! { if text.chars().count() > #max { #fail } });
    }
    if let Some(max) = a.max_bytes {
        let fail = fail(quote! { Problem::TooManyBytes { max: #max } });
        out.extend(quote! { if text.len() > #max { #fail } });
    }
    match &a.ty {
        AttrType::Named(t) => {
            if let ValueKind::Forms(forms) = &vocab.value_types[*t].kind {
                let check = check_fn(&vocab.value_types[*t]);
                let allowed = describe(forms);
                let fail = fail(quote! { Problem::NotAllowed { allowed: #allowed } });
                out.extend(quote! { if !#check(text) { #fail } });
            }
        }
        AttrType::List { .. } => {
            let fail = fail(quote! { Problem::Empty });
            out.extend(quote! { if value.is_empty() { #fail } });
        }
        _ => {}
    }
    out
}

/// An integer bound typed as the field is.
fn literal(a: &Attribute, n: i64) -> TokenStream {
    if a.is_unsigned() {
        let n = u32::try_from(n).unwrap_or(u32::MAX);
        quote! { #n }
    } else {
        quote! { #n }
    }
}

/// The child enum's `write_to`, which hands each child to its writer.
pub(crate) fn child_write(vocab: &Vocabulary, element: &Element) -> TokenStream {
    let arms = element.children.iter().map(|&c| {
        let variant = ident(&vocab.elements[c].rust);
        quote! { Self::#variant(element) => element.write_to(writer), }
    });
    let text = (element.content == Content::Mixed)
        .then(|| quote! { Self::Text(text) => writer.text(text), });
    quote! {
        fn write_to(&self, writer: &mut Writer) -> Result<(), XmlError> {
            match self {
                #text
                #(#arms)*
            }
        }
    }
}
