//! `#[cfg(feature = ...)]` on the items a feature brings (`model::gates`
//! decides which): an item every user of which has a feature is compiled
//! only when one of them is enabled.

use crate::model::api::{Api, Gate};
use proc_macro2::TokenStream;
use quote::quote;

/// The attribute for `gate`; nothing for an item always compiled.
pub(crate) fn cfg(gate: &Gate) -> TokenStream {
    let Gate::Any(features) = gate else {
        return TokenStream::new();
    };
    let features: Vec<TokenStream> = features.iter().map(|f| quote! { feature = #f }).collect();
    match features.as_slice() {
        [one] => quote! { #[cfg(#one)] },
        many => quote! { #[cfg(any(#(#many),*))] },
    }
}

/// The gate of the type called `name`.
pub(crate) fn of_type<'a>(api: &'a Api, name: &str) -> &'a Gate {
    static ALWAYS: Gate = Gate::Always;
    api.type_gates.get(name).unwrap_or(&ALWAYS)
}

/// `tokens` (whole items: a struct and its impls) with `gate`'s attribute
/// on each item. `Err` when the tokens are not items, a generator bug.
pub(crate) fn items(tokens: TokenStream, gate: &Gate) -> Result<TokenStream, String> {
    let attr = cfg(gate);
    if attr.is_empty() {
        return Ok(tokens);
    }
    let file: syn::File = syn::parse2(tokens).map_err(|e| format!("gated items: {e}"))?;
    let items = file.items.iter().map(|item| quote! { #attr #item });
    Ok(quote! { #(#items)* })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_feature_or_any_of_several() {
        assert!(cfg(&Gate::Always).is_empty());
        let one = Gate::Any(["a".into()].into());
        assert_eq!(
            cfg(&one).to_string(),
            quote! { #[cfg(feature = "a")] }.to_string()
        );
        let two = Gate::Any(["a".into(), "b".into()].into());
        assert_eq!(
            cfg(&two).to_string(),
            quote! { #[cfg(any(feature = "a", feature = "b"))] }.to_string()
        );
        let gated = items(quote! { struct A; impl A {} }, &one)
            .unwrap()
            .to_string();
        assert_eq!(gated.matches("cfg").count(), 2, "{gated}");
    }
}
