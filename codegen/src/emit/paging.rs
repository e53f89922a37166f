//! Listings that page: each page type's `impl rt::Page` (its items and the
//! link to the next page, read along the fields `model::paging` found) and
//! the descriptor's `.pagination(..)`, which the mock serves pages by.

use crate::emit::tokens::{ident, type_tokens};
use crate::model::api::{FieldStep, PageImpl, PagingSpec};
use proc_macro2::{Literal, TokenStream};
use quote::quote;

/// `impl rt::Page for #name`.
pub(crate) fn page_impl(name: &str, page: &PageImpl) -> TokenStream {
    let ty = ident(name);
    let item = type_tokens(&page.item);
    let items = owned(&page.items);
    let link = link(&page.next, page.next_is_json);
    quote! {
        impl rt::Page for #ty {
            type Item = #item;

            fn next_page(&self) -> rt::NextPage<'_> {
                rt::NextPage::link(#link)
            }

            fn into_items(self) -> Vec<#item> {
                #items
            }
        }
    }
}

/// The value at the end of `steps`, moved out of `self`; an absent one is
/// empty.
fn owned(steps: &[FieldStep]) -> TokenStream {
    let mut expr = quote! { self };
    let mut optional = false;
    for step in steps {
        let field = ident(&step.field);
        expr = match (optional, step.optional) {
            (false, _) => quote! { #expr.#field },
            (true, false) => quote! { #expr.map(|v| v.#field) },
            (true, true) => quote! { #expr.and_then(|v| v.#field) },
        };
        optional |= step.optional;
    }
    if optional {
        quote! { #expr.unwrap_or_default() }
    } else {
        expr
    }
}

/// Where the value at the end of `steps` is, borrowed from `self`.
enum Place {
    /// A field of type `T`.
    Field,
    /// A field of type `Option<T>`.
    OptionField,
    /// An `Option<&T>`.
    Borrowed,
}

/// The link at the end of `steps` as an `Option<&str>`.
fn link(steps: &[FieldStep], json: bool) -> TokenStream {
    let mut expr = quote! { self };
    let mut place = Place::Field;
    for step in steps {
        let field = ident(&step.field);
        let to = if step.optional {
            quote! { and_then(|v| v.#field.as_ref()) }
        } else {
            quote! { map(|v| &v.#field) }
        };
        (expr, place) = match place {
            Place::Field if step.optional => (quote! { #expr.#field }, Place::OptionField),
            Place::Field => (quote! { #expr.#field }, Place::Field),
            Place::OptionField => (quote! { #expr.as_ref().#to }, Place::Borrowed),
            Place::Borrowed => (quote! { #expr.#to }, Place::Borrowed),
        };
    }
    match (place, json) {
        (Place::Field, false) => quote! { Some(#expr.as_str()) },
        (Place::Field, true) => quote! { #expr.as_str() },
        (Place::OptionField, false) => quote! { #expr.as_deref() },
        (Place::OptionField, true) => quote! { #expr.as_ref().and_then(JsonValue::as_str) },
        (Place::Borrowed, false) => quote! { #expr.map(String::as_str) },
        (Place::Borrowed, true) => quote! { #expr.and_then(JsonValue::as_str) },
    }
}

/// `.pagination(Pagination::Offset(..))` for an operation's descriptor.
pub(crate) fn descriptor(spec: &PagingSpec) -> TokenStream {
    let path = |p: &[String]| quote! { &[#(#p),*] };
    let (limit, offset) = (&spec.limit, &spec.offset);
    let (items, next) = (path(&spec.items), path(&spec.next));
    let mut paging = quote! { OffsetPaging::new(#limit, #offset, #items, #next) };
    if let Some(p) = &spec.previous {
        let p = path(p);
        paging.extend(quote! { .previous(#p) });
    }
    if let Some(p) = &spec.total {
        let p = path(p);
        paging.extend(quote! { .total(#p) });
    }
    if let Some((l, o)) = &spec.echo {
        let (l, o) = (path(l), path(o));
        paging.extend(quote! { .echo(#l, #o) });
    }
    let default = Literal::u32_unsuffixed(spec.default_limit);
    let max = match spec.max_limit {
        Some(m) => {
            let m = Literal::u32_unsuffixed(m);
            quote! { Some(#m) }
        }
        None => quote! { None },
    };
    if spec.default_limit != 20 || spec.max_limit.is_some() {
        paging.extend(quote! { .limits(#default, #max) });
    }
    quote! { .pagination(Pagination::Offset(#paging)) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn step(field: &str, optional: bool) -> FieldStep {
        FieldStep {
            field: field.into(),
            optional,
        }
    }

    #[test]
    fn fields_optional_or_not_read_the_same_places() {
        let text = |t: TokenStream| t.to_string().replace(' ', "");
        assert_eq!(
            text(link(&[step("meta", false), step("next", true)], false)),
            "self.meta.next.as_deref()"
        );
        assert_eq!(
            text(link(&[step("meta", true), step("next", true)], true)),
            "self.meta.as_ref().and_then(|v|v.next.as_ref()).and_then(JsonValue::as_str)"
        );
        assert_eq!(
            text(link(&[step("next", false)], false)),
            "Some(self.next.as_str())"
        );
        assert_eq!(text(owned(&[step("objects", false)])), "self.objects");
        assert_eq!(
            text(owned(&[step("data", true), step("objects", false)])),
            "self.data.map(|v|v.objects).unwrap_or_default()"
        );
    }
}
