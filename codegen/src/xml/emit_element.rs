//! One element as Rust: a struct with a field per attribute (and its text
//! or children), `new` over what is required, a chained setter per
//! optional attribute, and `child`/`push` for children of the allowed kinds
//! only.

use crate::emit::tokens::{doc, ident};
use crate::xml::emit_values::describe;
use crate::xml::emit_write;
use crate::xml::model::{AttrType, Attribute, Content, Element, ValueKind, Vocabulary};
use crate::xml::names::child_enum;
use proc_macro2::TokenStream;
use quote::quote;

/// The struct and its impl.
pub(crate) fn element(vocab: &Vocabulary, element: &Element) -> TokenStream {
    let name = ident(&element.rust);
    let fields = element.attributes.iter().map(|a| {
        let field = ident(&a.rust);
        let ty = field_type(vocab, a);
        let docs = doc(&attribute_doc(vocab, a));
        quote! { #docs pub #field: #ty, }
    });
    let (content_field, content_init) = content(element);
    let required: Vec<&Attribute> = element.attributes.iter().filter(|a| a.required).collect();
    let params = required.iter().map(|a| {
        let field = ident(&a.rust);
        let ty = param_type(vocab, a);
        quote! { #field: #ty }
    });
    let text_param = matches!(element.content, Content::Text | Content::Mixed)
        .then(|| quote! { text: impl Into<String>, });
    let inits = element.attributes.iter().map(|a| {
        let field = ident(&a.rust);
        if a.required {
            let value = convert(vocab, a, quote! { #field });
            if field == value.to_string() {
                quote! { #field, }
            } else {
                quote! { #field: #value, }
            }
        } else {
            quote! { #field: None, }
        }
    });
    let setters = element
        .attributes
        .iter()
        .filter(|a| !a.required)
        .map(|a| setter(vocab, a));
    let adders = children_methods(element);
    let write = emit_write::write_to(vocab, element);
    let new_doc = doc(&new_doc(element, &required));
    let docs = doc(&struct_doc(vocab, element));
    let default = (text_param.is_none() && required.is_empty()).then(|| {
        quote! {
            impl Default for #name {
                fn default() -> Self {
                    Self::new()
                }
            }
        }
    });
    let to_xml_doc = doc(
        "This element and all it contains as XML text (no XML declaration), \
         after every check: the first value a check refuses is the error.",
    );
    let text_prep = matches!(element.content, Content::Text | Content::Mixed)
        .then(|| quote! { let text: String = text.into(); });
    quote! {
        #docs
        #[derive(Debug, Clone, PartialEq, Eq)]
        #[non_exhaustive]
        pub struct #name {
            #(#fields)*
            #content_field
        }

        impl #name {
            #new_doc
            pub fn new(#text_param #(#params),*) -> Self {
                #text_prep
                #name {
                    #(#inits)*
                    #content_init
                }
            }

            #(#setters)*

            #adders

            #to_xml_doc
            pub fn to_xml(&self) -> Result<String, XmlError> {
                let mut writer = Writer::new();
                self.write_to(&mut writer)?;
                Ok(writer.out)
            }

            /// Runs every check `to_xml` runs, without keeping the text.
            pub fn validate(&self) -> Result<(), XmlError> {
                self.to_xml().map(drop)
            }

            #write
        }

        #default
    }
}

/// The field (and its initial value) for the element's text or children.
fn content(element: &Element) -> (TokenStream, TokenStream) {
    match element.content {
        Content::Empty => (TokenStream::new(), TokenStream::new()),
        Content::Text => {
            let docs = doc(&text_doc(element));
            (quote! { #docs pub text: String, }, quote! { text, })
        }
        Content::Children => {
            let kind = ident(&child_enum(&element.rust));
            (
                quote! { /// What the element contains, in order.
                pub children: Vec<#kind>, },
                quote! { children: Vec::new(), },
            )
        }
        Content::Mixed => {
            let kind = ident(&child_enum(&element.rust));
            (
                quote! { /// What the element contains, text and elements, in order.
                pub children: Vec<#kind>, },
                quote! {
                    children: if text.is_empty() { Vec::new() } else { vec![#kind::Text(text)] },
                },
            )
        }
    }
}

/// `child` (chained) and `push` (in place), for the allowed children only.
fn children_methods(element: &Element) -> TokenStream {
    if !element.has_children() {
        return TokenStream::new();
    }
    let kind = ident(&child_enum(&element.rust));
    let what = if element.content == Content::Mixed {
        "text or an element"
    } else {
        "an element"
    };
    let add_doc = doc(&format!(
        "Appends {what} this element may contain (see [`{}`]); anything else does not compile.",
        child_enum(&element.rust)
    ));
    quote! {
        #add_doc
        #[must_use]
        pub fn child(mut self, child: impl Into<#kind>) -> Self {
            self.children.push(child.into());
            self
        }

        /// Appends as `child` does, in place.
        pub fn push(&mut self, child: impl Into<#kind>) -> &mut Self {
            self.children.push(child.into());
            self
        }
    }
}

fn setter(vocab: &Vocabulary, a: &Attribute) -> TokenStream {
    let field = ident(&a.rust);
    let ty = param_type(vocab, a);
    let value = convert(vocab, a, quote! { value });
    let docs = doc(&format!("Sets {}", attribute_doc(vocab, a)));
    quote! {
        #docs
        #[must_use]
        pub fn #field(mut self, value: #ty) -> Self {
            self.#field = Some(#value);
            self
        }
    }
}

/// The Rust type an attribute's value is kept as.
fn value_type(vocab: &Vocabulary, a: &Attribute) -> TokenStream {
    match &a.ty {
        AttrType::Bool => quote! { bool },
        AttrType::Integer if a.is_unsigned() => quote! { u32 },
        AttrType::Integer => quote! { i64 },
        AttrType::String => quote! { String },
        AttrType::Named(t) => match &vocab.value_types[*t].kind {
            ValueKind::Enum(_) => {
                let name = ident(&vocab.value_types[*t].name);
                quote! { #name }
            }
            ValueKind::Forms(_) => quote! { String },
        },
        AttrType::List { item, .. } => {
            let name = ident(&vocab.value_types[*item].name);
            quote! { Vec<#name> }
        }
    }
}

fn field_type(vocab: &Vocabulary, a: &Attribute) -> TokenStream {
    let ty = value_type(vocab, a);
    if a.required {
        ty
    } else {
        quote! { Option<#ty> }
    }
}

/// The type `new` and setters take a value as.
fn param_type(vocab: &Vocabulary, a: &Attribute) -> TokenStream {
    match &a.ty {
        AttrType::String => quote! { impl Into<String> },
        AttrType::Named(t) if matches!(vocab.value_types[*t].kind, ValueKind::Forms(_)) => {
            quote! { impl Into<String> }
        }
        AttrType::List { item, .. } => {
            let name = ident(&vocab.value_types[*item].name);
            quote! { impl IntoIterator<Item = #name> }
        }
        _ => value_type(vocab, a),
    }
}

/// The parameter `value` turned into the field's type.
fn convert(vocab: &Vocabulary, a: &Attribute, value: TokenStream) -> TokenStream {
    match param_type(vocab, a).to_string().as_str() {
        "impl Into < String >" => quote! { #value.into() },
        s if s.starts_with("impl IntoIterator") => quote! { #value.into_iter().collect() },
        _ => value,
    }
}

/// What an attribute is, what it allows, and its default.
pub(crate) fn attribute_doc(vocab: &Vocabulary, a: &Attribute) -> String {
    let mut text = a.doc.trim().to_owned();
    let mut facts = Vec::new();
    match &a.ty {
        AttrType::Named(t) | AttrType::List { item: t, .. } => {
            let def = &vocab.value_types[*t];
            if let ValueKind::Forms(forms) = &def.kind {
                facts.push(format!("Allowed: {}.", describe(forms)));
            }
        }
        AttrType::Integer => match (a.min, a.max) {
            (Some(lo), Some(hi)) => facts.push(format!("Allowed: {lo} to {hi}.")),
            (Some(lo), None) => facts.push(format!("Allowed: {lo} or more.")),
            (None, Some(hi)) => facts.push(format!("Allowed: at most {hi}.")),
            (None, None) => {}
        },
        _ => {}
    }
    if let Some(n) = a.max_chars {
        facts.push(format!("At most {n} characters."));
    }
    if let Some(n) = a.max_bytes {
        facts.push(format!("At most {n} bytes."));
    }
    if let AttrType::List { separator, .. } = &a.ty {
        facts.push(format!("Written joined by `{separator}`; at least one."));
    }
    match &a.default {
        Some(d) if d.is_empty() => facts.push("Default: empty.".into()),
        Some(d) => facts.push(format!("Default: `{d}`.")),
        None => {}
    }
    if !facts.is_empty() {
        text.push(' ');
        text.push_str(&facts.join(" "));
    }
    format!("`{}`: {text}", a.wire)
}

fn text_doc(element: &Element) -> String {
    if element.text_doc.is_empty() {
        "The element's text.".to_owned()
    } else {
        element.text_doc.clone()
    }
}

fn new_doc(element: &Element, required: &[&Attribute]) -> String {
    let mut given: Vec<String> = Vec::new();
    if matches!(element.content, Content::Text | Content::Mixed) {
        let what = text_doc(element);
        let mut chars = what.trim_end_matches('.').chars();
        let what: String = chars
            .next()
            .map(|c| c.to_lowercase().chain(chars).collect())
            .unwrap_or_default();
        given.push(format!("its text ({what})"));
    }
    given.extend(required.iter().map(|a| format!("`{}`", a.wire)));
    if given.is_empty() {
        format!("`<{}>`, with no attribute set.", element.wire)
    } else {
        format!(
            "`<{}>` with {}; no other attribute set.",
            element.wire,
            given.join(" and ")
        )
    }
}

fn struct_doc(vocab: &Vocabulary, element: &Element) -> String {
    let names: Vec<String> = element
        .children
        .iter()
        .map(|&c| format!("[`{}`]", vocab.elements[c].rust))
        .collect();
    let holds = match element.content {
        Content::Empty => "nothing".to_owned(),
        Content::Text => "text".to_owned(),
        Content::Children => names.join(", "),
        Content::Mixed => format!("text, {}", names.join(", ")),
    };
    format!(
        "`<{}>`: {}\n\nContains {holds}. Attributes are fields (`None` is left out); \
         every check runs when the document is written.",
        element.wire,
        element.doc.trim()
    )
}
