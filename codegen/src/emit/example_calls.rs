//! `example_calls`: every operation called with the spec's example values,
//! as its docs show it, for tests that check what reaches the server (the
//! round trip). Emitted only when `Options::example_calls` asks.

use crate::emit::examples;
use crate::emit::gates;
use crate::emit::tokens::{doc, ident};
use crate::model::api::Api;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

/// The hidden `example_calls` module: one function per operation and
/// `CALLS`, each with the item it comes from.
pub(crate) fn module(api: &Api, client: &str) -> TokenStream {
    let client = ident(client);
    // Request types live in the generated module, the parent of this one.
    let types: syn::Path = syn::parse_quote!(super);
    let mut fns = Vec::new();
    let mut entries = Vec::new();
    for (i, op) in api.operations.iter().enumerate() {
        // Numbered: operation names may clash with nothing here.
        let name = format_ident!("call_{i}");
        let invocation = examples::invocation(api, op, &types);
        let item = op.item.as_str();
        let qualified = op.qualified_name.as_str();
        let docs = doc(item);
        let gate = gates::cfg(&op.gate);
        fns.push(quote! {
            #gate
            #docs
            pub fn #name(client: &#client) -> Call<'_> {
                ::std::boxed::Box::pin(async move { #invocation.await.map(|_| ()) })
            }
        });
        entries.push(quote! { #gate (#item, #qualified, #name as CallFn) });
    }
    let upload = examples::UPLOAD_CONTENT;
    quote! {
        /// Every operation called with the spec's example values (tests only).
        #[doc(hidden)]
        #[allow(unused_imports, clippy::all)]
        pub mod example_calls {
            use super::*;

            /// An example call in flight: it ends when the response is read.
            pub type Call<'a> = ::std::pin::Pin<
                ::std::boxed::Box<dyn ::std::future::Future<Output = Result<(), rt::Error>> + 'a>,
            >;

            /// An example call: the client in, the call out.
            pub type CallFn = for<'a> fn(&'a #client) -> Call<'a>;

            /// The content every file in these calls holds: the spec only
            /// names files by path.
            pub const UPLOAD_CONTENT: &str = #upload;

            /// Each operation's item (its folder path and name, joined by
            /// ` / `), qualified name and example call, in document order.
            pub const CALLS: &[(&str, &str, CallFn)] = &[#(#entries),*];

            #(#fns)*
        }
    }
}
