//! Resource handles, their accessors, and one method per operation; the
//! descriptors the methods name are in `descriptors`.
//!
//! Handles hold the runtime's client, not the host's: the host's client
//! type only has to give one (`AsRef<rt::Client>`). They hold their path
//! parameters as given (`rt::PathParam`), so building one from borrowed ids
//! allocates nothing. Every operation method
//! builds its request at once and returns an `rt::Call` that owns it (a
//! future with per-call options), so the call borrows neither the handle
//! nor the body.

use crate::emit::body;
use crate::emit::descriptors::descriptors;
use crate::emit::docs::doc_line;
use crate::emit::examples::{self, Flavor};
use crate::emit::gates;
use crate::emit::parts::Part;
use crate::emit::tokens::{borrowed, doc, ident, type_tokens};
use crate::model::api::{self, Api, Handle, HandleKind, Operation, PathPiece, ResponseSpec};
use crate::model::naming;
use crate::read::overlay::DocExamples;
use proc_macro2::TokenStream;
use quote::quote;

/// The handles, one `impl` block per owner (the client, then each
/// handle: the accessors of its child handles, then its operations), and
/// the descriptors, in parts.
pub(crate) fn parts<'a>(
    api: &'a Api,
    client: &'a str,
    examples: Option<&'a DocExamples>,
) -> Vec<Part<'a>> {
    let mut parts: Vec<Part<'a>> = Vec::new();
    let depths = depths(&api.handles);
    for (chunk, depths) in api.handles.chunks(HANDLES).zip(depths.chunks(HANDLES)) {
        let weight = chunk.len() / 4;
        let depths = depths.to_vec();
        parts.push(Part::new(weight, move || {
            Ok(chunk
                .iter()
                .zip(&depths)
                .map(|(h, &d)| handle_struct(h, d))
                .collect())
        }));
    }
    // Methods per owner: the client's first, then each handle's.
    let mut methods = vec![0; api.handles.len() + 1];
    for op in &api.operations {
        if let Some(n) = methods.get_mut(op.owner.map_or(0, |h| h + 1)) {
            *n += 1;
        }
    }
    let owners = std::iter::once(None).chain((0..api.handles.len()).map(Some));
    for (owner, methods) in owners.zip(methods) {
        parts.push(Part::new(methods, move || {
            impl_block(api, owner, client, examples)
        }));
    }
    parts.extend(descriptors(api));
    parts
}

/// Handle structs per part: each is small.
const HANDLES: usize = 64;

/// How many path parameters each handle holds: its ancestors' and its own.
/// A parent always comes before its child, so one pass does.
fn depths(handles: &[Handle]) -> Vec<usize> {
    let mut depths: Vec<usize> = Vec::with_capacity(handles.len());
    for h in handles {
        let above = h.parent.and_then(|p| depths.get(p)).copied().unwrap_or(0);
        depths.push(above + usize::from(h.param.is_some()));
    }
    depths
}

/// What a handle stands for, as its docs say it.
fn what(h: &Handle) -> String {
    match (&h.param, h.kind) {
        (Some(p), _) => format!("The `{}` resource identified by `{}`", h.resource, p.wire),
        (None, HandleKind::Own) => format!("Your own `{}` resource", h.resource),
        (None, HandleKind::Single) => format!("The `{}` resource", h.resource),
        (None, _) => format!("The `{}` collection", h.resource),
    }
}

fn handle_struct(h: &Handle, depth: usize) -> TokenStream {
    let name = ident(&h.type_name);
    let gate = gates::cfg(&h.gate);
    let docs = doc(&format!(
        "{}, with its operations.\n\n\
         Cheap to create, per call or once: it shares the client, and holds each \
         id as it was given (a `&str` borrowed, a `String` moved in), so building \
         it from borrowed ids allocates nothing. With owned ids, or after \
         [`into_owned`](Self::into_owned), it is `'static`, to keep or to move \
         into a task.",
        what(h)
    ));
    let depth = proc_macro2::Literal::usize_unsuffixed(depth);
    // One list rather than a field per parameter: a field per parameter
    // repeats every ancestor's in each handle, quadratic in the path's length.
    let into_owned_name = ident(api::INTO_OWNED);
    let into_owned = doc(
        "The same handle owning its ids, so `'static`: to keep beyond the ids it \
         borrows, or to move into a task. Copies each borrowed id once.",
    );
    quote! {
        #gate
        #docs
        #[derive(Debug, Clone)]
        pub struct #name<'a> {
            client: rt::Client,
            path_params: [rt::PathParam<'a>; #depth],
        }

        #gate
        impl #name<'_> {
            #into_owned
            pub fn #into_owned_name(self) -> #name<'static> {
                #name {
                    client: self.client,
                    path_params: rt::owned_params(self.path_params),
                }
            }
        }
    }
}

/// The `impl` block of `owner` (`None`: the client); nothing when it has
/// neither child handles nor operations.
fn impl_block(
    api: &Api,
    owner: Option<usize>,
    client: &str,
    examples: Option<&DocExamples>,
) -> Result<TokenStream, String> {
    let children = api
        .handles
        .iter()
        .filter(|h| h.parent == owner)
        .map(|h| accessor(h, owner.is_none()));
    let ops = api
        .operations
        .iter()
        .filter(|op| op.owner == owner)
        .map(|op| method(api, op, examples))
        .collect::<Result<Vec<_>, _>>()?;
    let body: TokenStream = children.chain(ops).collect();
    if body.is_empty() {
        return Ok(body);
    }
    Ok(match owner.and_then(|o| api.handles.get(o)) {
        Some(h) => {
            let (target, gate) = (ident(&h.type_name), gates::cfg(&h.gate));
            quote! { #gate impl<'a> #target<'a> { #body } }
        }
        None => {
            let target = ident(client);
            quote! { impl #target { #body } }
        }
    })
}

/// The method that steps from the parent (or the client) to handle `h`.
fn accessor(h: &Handle, on_client: bool) -> TokenStream {
    let name = ident(&h.type_name);
    let accessor = ident(&h.accessor);
    let gate = gates::cfg(&h.gate);
    let mut text = format!("{}.", what(h));
    if let Some(own) = h.param.as_ref().filter(|p| !p.doc.trim().is_empty()) {
        text = format!("{text}\n\n`{}`: {}", own.wire, own.doc.trim());
    }
    let docs = doc(&text);
    let Some(own) = &h.param else {
        return if on_client {
            quote! {
                #gate
                #docs
                pub fn #accessor(&self) -> #name<'static> {
                    #name {
                        client: AsRef::<rt::Client>::as_ref(self).clone(),
                        path_params: [],
                    }
                }
            }
        } else {
            quote! {
                #gate
                #docs
                pub fn #accessor(&self) -> #name<'a> {
                    #name {
                        client: self.client.clone(),
                        path_params: self.path_params.clone(),
                    }
                }
            }
        };
    };
    let own_field = ident(&own.field);
    if on_client {
        quote! {
            #gate
            #docs
            pub fn #accessor<'a>(&self, #own_field: impl Into<rt::PathParam<'a>>) -> #name<'a> {
                #name {
                    client: AsRef::<rt::Client>::as_ref(self).clone(),
                    path_params: [#own_field.into()],
                }
            }
        }
    } else {
        quote! {
            #gate
            #docs
            pub fn #accessor(&self, #own_field: impl Into<rt::PathParam<'a>>) -> #name<'a> {
                #name {
                    client: self.client.clone(),
                    path_params: rt::child_params(&self.path_params, #own_field.into()),
                }
            }
        }
    }
}

/// The operation's method, its response variant's when it has one, and
/// the one listing every item when it pages.
fn method(
    api: &Api,
    op: &Operation,
    examples: Option<&DocExamples>,
) -> Result<TokenStream, String> {
    let plain = one_method(api, op, examples, Flavor::Plain)?;
    let variant = match &op.variant {
        Some(v) => one_method(api, op, examples, Flavor::Variant(v))?,
        None => TokenStream::new(),
    };
    let all = match &op.paging {
        Some(p) => one_method(api, op, examples, Flavor::All(p))?,
        None => TokenStream::new(),
    };
    Ok(quote! { #plain #variant #all })
}

fn one_method(
    api: &Api,
    op: &Operation,
    examples: Option<&DocExamples>,
    flavor: Flavor<'_>,
) -> Result<TokenStream, String> {
    let variant = match flavor {
        Flavor::Variant(v) => Some(v),
        _ => None,
    };
    let name = ident(match flavor {
        Flavor::Plain => &op.method_name,
        Flavor::Variant(v) => &v.method_name,
        Flavor::All(p) => &p.method_name,
    });
    let constant = ident(&op.const_name);
    let mut text = format!("`{} {}`", op.http_method, op.template);
    if op
        .path
        .iter()
        .any(|p| matches!(p, PathPiece::Username | PathPiece::Password))
    {
        text.push_str(
            "\n\nThe `{{...}}` part of the path is filled in from the client's credentials; \
             callers do not pass it.",
        );
    }
    // The rules themselves are the runtime's to state, once (`rt::retry`,
    // `rt::Error`): one line here says which apply.
    text.push_str(if op.idempotent {
        "\n\nIdempotent, so [retried](rt::retry) on failure; an [`Error`](rt::Error) \
         tells by `delivery()` whether it may have been processed. Per-call options: \
         [`Call`](rt::Call)."
    } else {
        "\n\nNot idempotent, so [retried](rt::retry) only when it cannot have been \
         processed; an [`Error`](rt::Error) tells by `delivery()` whether it may have been. \
         Per-call options: [`Call`](rt::Call)."
    });
    if matches!(flavor, Flavor::All(_)) {
        // Each page is such a call; the options are the listing's.
        text = text.replace(
            "Per-call options: [`Call`](rt::Call).",
            "Options for every page: [`Items`](rt::Items).",
        );
    }
    // The spec's text is made safe on its own, so that a block it leaves
    // open ends with it rather than take in what follows.
    let plain = naming::bare(&op.method_name);
    let mut docs = match flavor {
        // The plain method's docs say what the operation does; these say
        // what differs.
        Flavor::Variant(v) => doc(&format!(
            "[`{plain}`](Self::{plain}), with `callback`: the parameters that make the API \
             answer as the spec's *{}* example shows, which is what this method returns.",
            v.example_name,
        )),
        Flavor::All(p) => doc(&format!(
            "Every item [`{plain}`](Self::{plain}) lists, page after page: the first page \
             as `{plain}` asks for it (with the page size in `{}`, if given), then each page \
             its `{}` link names. Nothing is sent until the items are polled; \
             [`max_items`](rt::Items::max_items) and [`max_pages`](rt::Items::max_pages) \
             end the listing early.",
            p.limit,
            p.next.join("."),
        )),
        Flavor::Plain => doc(op.doc.trim()),
    };
    if !docs.is_empty() {
        docs.extend(doc_line(""));
    }
    docs.extend(doc(&text));
    let section = examples.and_then(|config| examples::section(api, op, flavor, config));
    // The example is a Rust code block on purpose, so it skips sanitizing.
    if let Some(lines) = section {
        docs.extend(doc_line(""));
        for line in lines {
            let line = format!(" {line}");
            docs.extend(doc_line(line.trim_end()));
        }
    }

    let (client, args) = if op.owner.is_some() {
        (quote! { &self.client }, quote! { &self.path_params })
    } else {
        (
            quote! { AsRef::<rt::Client>::as_ref(self) },
            quote! { &[] as &[&str] },
        )
    };
    let mut inputs = Vec::new();
    // Every parameter struct is all options: `None` stands for none set,
    // and `&params` (or `Some(&params)`) for some.
    let (mut defaults, mut generics) = (TokenStream::new(), TokenStream::new());
    if let Some(p) = &op.params {
        let ty = ident(&p.type_name);
        generics = quote! { <'p> };
        inputs.push(quote! { params: impl Into<Option<&'p #ty>> });
        defaults = quote! {
            let no_params = #ty::new();
            let params = params.into().unwrap_or(&no_params);
        };
    }
    if let Some((b, ty)) = op.body.as_ref().and_then(|b| b.ty.as_ref().map(|t| (b, t))) {
        let ty = borrowed(ty);
        inputs.push(if b.optional {
            quote! { body: Option<#ty> }
        } else {
            quote! { body: #ty }
        });
    }
    if let Some(v) = variant {
        let ty = borrowed(&v.params);
        inputs.push(quote! { callback: #ty });
    }
    let steps = body::steps(api, op, variant)?;
    let (output, decode) = match variant.map_or(&op.response, |v| &v.response) {
        ResponseSpec::Json(ty) => (type_tokens(ty), quote! { json }),
        ResponseSpec::Empty => (quote! { () }, quote! { empty }),
        ResponseSpec::Text => (quote! { String }, quote! { text }),
        ResponseSpec::Bytes => (quote! { Vec<u8> }, quote! { bytes }),
        ResponseSpec::Any => (quote! { JsonValue }, quote! { json_or_null }),
    };
    // Built now, failures included, and sent when awaited: the call holds
    // the request and a clone of the client, nothing borrowed, and makes
    // the sending future only when first polled. A listing likewise.
    let (output, send) = match flavor {
        Flavor::All(p) => {
            let page = ident(&p.page_type);
            (quote! { rt::Items<#page> }, quote! { paginate })
        }
        _ => (quote! { rt::Call<#output> }, quote! { call }),
    };
    let gate = gates::cfg(&op.gate);
    Ok(quote! {
        #gate
        #docs
        pub fn #name #generics(&self, #(#inputs),*) -> #output {
            #defaults
            let client: &rt::Client = #client;
            let request = client
                .request(&operations::#constant, #args)
                #steps;
            client.#send(request, rt::Response::#decode)
        }
    })
}
