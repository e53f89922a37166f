//! A runnable example per operation, for its rustdoc: the call built from
//! the spec's example request, wrapped in a caller-supplied harness (which
//! starts whatever server the doctest talks to and binds `client`).

use crate::emit::rustdoc;
use crate::emit::tokens::ident;
use crate::model::api::{
    Api, BodyKind, FieldDef, Operation, PagingSpec, PartDef, ResponseSpec, TypeDef, TypeRef,
    VariantSpec,
};
use crate::model::naming;
use crate::read::overlay::DocExamples;
use proc_macro2::{Literal, TokenStream};
use quote::quote;
use serde_json::Value;

/// Which of an operation's methods an example calls.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Flavor<'a> {
    /// The operation's own method.
    Plain,
    /// Its response variant's method.
    Variant(&'a VariantSpec),
    /// The method that lists every item across pages.
    All(&'a PagingSpec),
}

/// The `# Examples` section for `op`'s method of `flavor`, as doc lines
/// (not sanitized: it holds a Rust code block on purpose). `None` when it
/// cannot be written.
pub(crate) fn section(
    api: &Api,
    op: &Operation,
    flavor: Flavor<'_>,
    config: &DocExamples,
) -> Option<Vec<String>> {
    // A file or multipart part has no example value a doc could show.
    if op
        .body
        .as_ref()
        .is_some_and(|b| matches!(b.kind, BodyKind::Multipart(_) | BodyKind::File { .. }))
    {
        return None;
    }
    let types: syn::Path = syn::parse_str(&config.types_path).ok()?;
    let invocation = invocation_of(api, op, flavor, &types);
    let call = quote! { #invocation.await? };
    let statement = match flavor {
        // The first items, however many pages they take.
        Flavor::All(_) => quote! {
            let mut items = #invocation.max_items(3);
            while let Some(item) = items.next().await {
                let item = item?;
                println!("{item:?}");
            }
        },
        Flavor::Variant(VariantSpec {
            response: ResponseSpec::Empty,
            ..
        }) => quote! { #call; },
        Flavor::Plain if op.response == ResponseSpec::Empty => quote! { #call; },
        _ => quote! { let response = #call; println!("{response:?}"); },
    };
    let file: syn::File = syn::parse2(quote! { fn example() { #statement } }).ok()?;
    let formatted = prettyplease::unparse(&file);
    let body: Vec<&str> = formatted.lines().collect();
    let inner = body.get(1..body.len().saturating_sub(1))?;
    let hidden = |l: &String| format!("# {}", rustdoc::plain(l).replace('\n', " "));
    let mut code: Vec<String> = config.prologue.iter().map(hidden).collect();
    code.extend(
        inner
            .iter()
            .map(|l| l.strip_prefix("    ").unwrap_or(l).to_owned()),
    );
    code.extend(config.epilogue.iter().map(hidden));
    // Longer than any backtick run in the code (the spec's values are in
    // its string literals), so nothing in it ends the block.
    let longest = code.iter().map(|l| rustdoc::longest_run(l, '`')).max();
    let fence = "`".repeat(longest.unwrap_or(0).max(2) + 1);
    let mut lines = vec!["# Examples".to_owned(), String::new(), fence.clone()];
    lines.append(&mut code);
    lines.push(fence);
    Some(lines)
}

/// `client.a("1").b("2").op(args)`, every argument from the spec's example
/// values, with `types` the path the request types are named under. Shared
/// by the docs and by the example calls (`emit::example_calls`).
pub(crate) fn invocation(api: &Api, op: &Operation, types: &syn::Path) -> TokenStream {
    invocation_of(api, op, Flavor::Plain, types)
}

/// The invocation of the method of `flavor`: a variant's takes its
/// parameters' example values last.
fn invocation_of(api: &Api, op: &Operation, flavor: Flavor<'_>, types: &syn::Path) -> TokenStream {
    let mut owner = op.owner;
    let mut steps = Vec::new();
    while let Some(h) = owner.and_then(|o| api.handles.get(o)) {
        let accessor = ident(&h.accessor);
        steps.push(match &h.param {
            Some(param) => {
                let value = op
                    .path_examples
                    .get(&param.wire)
                    .unwrap_or(&param.example)
                    .as_str();
                quote! { .#accessor(#value) }
            }
            None => quote! { .#accessor() },
        });
        // A parent always comes before its child, so the walk ends.
        owner = h.parent.filter(|&p| Some(p) < owner);
    }
    steps.reverse();
    // In one step: re-quoting the chain at each step would copy it each time.
    let chain = quote! { client #(#steps)* };
    let mut args = Vec::new();
    if let Some(p) = &op.params {
        let ty = ident(&p.type_name);
        let setters = p.fields.iter().filter_map(|f| {
            let setter = ident(&format!("with_{}", naming::bare(&f.field)));
            match f.examples.as_slice() {
                [] => None,
                values if f.repeated => Some(quote! { .#setter([#(#values),*]) }),
                [value, ..] => Some(quote! { .#setter(#value) }),
            }
        });
        let setters: Vec<TokenStream> = setters.collect();
        args.push(if setters.is_empty() {
            quote! { None }
        } else {
            quote! { &#types::#ty::new() #(#setters)* }
        });
    }
    if let Some(body) = &op.body
        && let BodyKind::Multipart(def) = &body.kind
    {
        let parts = def.parts.iter().map(|p| part(p, types));
        let name = ident(&def.name);
        let value = quote! { &#types::#name { #(#parts),* } };
        args.push(if body.optional {
            quote! { Some(#value) }
        } else {
            value
        });
    } else if let Some(body) = &op.body {
        let example = body.example.clone().unwrap_or(Value::Null);
        match &body.ty {
            Some(TypeRef::JsonObject) if body.optional => {
                let json = json_macro(&example);
                args.push(quote! { #json.as_object() });
            }
            Some(ty) => {
                let arg = match ty {
                    // A slice argument takes an array literal directly.
                    TypeRef::List(item) => {
                        let items = elements(api, item, &example, types);
                        quote! { &[#(#items),*] }
                    }
                    TypeRef::String => expr(api, ty, &example, types),
                    _ => {
                        let value = expr(api, ty, &example, types);
                        quote! { &#value }
                    }
                };
                args.push(if body.optional {
                    quote! { Some(#arg) }
                } else {
                    arg
                });
            }
            None => {}
        }
    }
    let method = match flavor {
        Flavor::Variant(v) => {
            let value = expr(api, &v.params, &v.example, types);
            args.push(quote! { &#value });
            ident(&v.method_name)
        }
        Flavor::All(p) => ident(&p.method_name),
        Flavor::Plain => ident(&op.method_name),
    };
    quote! { #chain.#method(#(#args),*) }
}

/// `field: value` of a multipart part: its example, `None` for an optional
/// part (one the item disables, so its own request leaves it out). A text
/// part the item gives no value is sent empty, as the item sends it.
fn part(p: &PartDef, types: &syn::Path) -> TokenStream {
    let field = ident(&p.field);
    if p.optional {
        return quote! { #field: None };
    }
    let value = match (p.example.as_deref(), &p.ty) {
        (Some(name), TypeRef::Upload) => {
            let upload = upload();
            quote! { #upload.file_name(#name) }
        }
        (None, TypeRef::Upload) => upload(),
        (text, TypeRef::String) => {
            let text = text.unwrap_or_default();
            quote! { #text.to_owned() }
        }
        (text, ty) => {
            let typed = text
                .and_then(|text| serde_json::from_str::<Value>(text).ok())
                .unwrap_or(Value::Null);
            expr(&Api::default(), ty, &typed, types)
        }
    };
    quote! { #field: #value }
}

/// A file the spec can only name: fixed bytes stand for its content.
fn upload() -> TokenStream {
    quote! { rt::Upload::bytes(#UPLOAD_CONTENT) }
}

/// The content of every file in example calls, which the spec only names by
/// path.
pub(crate) const UPLOAD_CONTENT: &str = "example file content";

/// A Rust expression of type `ty` holding `value`.
fn expr(api: &Api, ty: &TypeRef, value: &Value, types: &syn::Path) -> TokenStream {
    match ty {
        TypeRef::String | TypeRef::Timestamp | TypeRef::Secret => {
            let text = value
                .as_str()
                .map_or_else(|| value.to_string(), str::to_owned);
            quote! { #text.into() }
        }
        TypeRef::Integer => {
            // A setter takes `impl Into<i64>`, where an unsuffixed literal
            // is an `i32`: one beyond its range says its type.
            let n = value.as_i64().unwrap_or_default();
            let n = if i32::try_from(n).is_ok() {
                Literal::i64_unsuffixed(n)
            } else {
                Literal::i64_suffixed(n)
            };
            quote! { #n }
        }
        TypeRef::Float => {
            let n = Literal::f64_unsuffixed(
                value.as_f64().filter(|f| f.is_finite()).unwrap_or_default(),
            );
            quote! { #n }
        }
        TypeRef::Bool => {
            let b = value.as_bool().unwrap_or_default();
            quote! { #b }
        }
        TypeRef::Json => json_macro(value),
        TypeRef::JsonObject if value.as_object().is_none_or(|m| m.is_empty()) => {
            quote! { serde_json::Map::new() }
        }
        TypeRef::JsonObject => {
            let json = json_macro(value);
            quote! { #json.as_object().cloned().unwrap_or_default() }
        }
        TypeRef::List(item) => {
            // `Vec::from([..])` rather than `vec![..]`: macro bodies are not
            // laid out by the formatter.
            let items = elements(api, item, value, types);
            quote! { Vec::from([#(#items),*]) }
        }
        TypeRef::Named(name) => named(api, name, value, types),
        // Only example calls reach it: `section` leaves out operations
        // that take a file.
        TypeRef::Upload => upload(),
        TypeRef::Map(_) => quote! { ::std::collections::BTreeMap::new() },
        TypeRef::Boxed(inner) => {
            let inner = expr(api, inner, value, types);
            quote! { Box::new(#inner) }
        }
    }
}

fn elements(api: &Api, item: &TypeRef, value: &Value, types: &syn::Path) -> Vec<TokenStream> {
    value
        .as_array()
        .map(|a| a.iter().map(|v| expr(api, item, v, types)).collect())
        .unwrap_or_default()
}

fn named(api: &Api, name: &str, value: &Value, types: &syn::Path) -> TokenStream {
    let type_ident = ident(name);
    match api.type_def(name) {
        Some(TypeDef::Struct(def)) => {
            let given = |f: &FieldDef| value.get(&f.wire).filter(|v| !v.is_null());
            // Request types are built as callers build them: the required
            // fields by name, then a setter per optional field the example sets.
            let required = def.fields.iter().filter(|f| !f.optional).map(|f| {
                let field = ident(&f.name);
                let value = expr(api, &f.ty, given(f).unwrap_or(&Value::Null), types);
                quote! { #field: #value }
            });
            let start = match &def.required {
                Some(fields) => {
                    let fields = ident(fields);
                    quote! { #types::#type_ident::new(#types::#fields { #(#required,)* }) }
                }
                None => quote! { #types::#type_ident::new() },
            };
            let setters = def.fields.iter().filter(|f| f.optional).filter_map(|f| {
                let setter = ident(&format!("with_{}", naming::bare(&f.name)));
                let value = match (&f.ty, given(f)?) {
                    // An empty map would need its type spelled out.
                    (TypeRef::Map(_), _) => return None,
                    // `T: Into<Box<T>>`: the value itself.
                    (TypeRef::Boxed(inner), v) => expr(api, inner, v, types),
                    // A setter takes `impl Into<T>`: the bare literal.
                    (TypeRef::String | TypeRef::Timestamp, Value::String(text)) => {
                        quote! { #text }
                    }
                    (ty, v) => expr(api, ty, v, types),
                };
                Some(quote! { .#setter(#value) })
            });
            quote! { #start #(#setters)* }
        }
        Some(TypeDef::Enum(def)) => {
            let wire = value.as_str().unwrap_or_default();
            // A placeholder (`<name>`, where the example's value was withheld)
            // is no value the API takes: the first listed one stands in.
            let placeholder = wire.starts_with('<') && wire.ends_with('>');
            let listed = def.variants.iter().find(|v| v.wire == wire);
            match listed.or(def.variants.first().filter(|_| placeholder)) {
                Some(v) => {
                    let variant = ident(&v.name);
                    quote! { #types::#type_ident::#variant }
                }
                None => quote! { #types::#type_ident::other(#wire) },
            }
        }
        Some(TypeDef::Union(_)) => {
            let json = json_macro(value);
            quote! { #types::#type_ident::from_json(#json) }
        }
        None => quote! { Default::default() },
    }
}

/// `serde_json::json!(...)` of `value`.
fn json_macro(value: &Value) -> TokenStream {
    let tokens = json_tokens(value);
    quote! { serde_json::json!(#tokens) }
}

/// `value` in the syntax `json!` reads, with Rust string literals.
fn json_tokens(value: &Value) -> TokenStream {
    match value {
        Value::Null => quote! { null },
        Value::Bool(b) => quote! { #b },
        Value::Number(n) => match (n.as_i64(), n.as_f64()) {
            (Some(i), _) => {
                let i = Literal::i64_unsuffixed(i);
                quote! { #i }
            }
            (None, Some(f)) if f.is_finite() => {
                let f = Literal::f64_unsuffixed(f);
                quote! { #f }
            }
            _ => quote! { null },
        },
        Value::String(s) => quote! { #s },
        Value::Array(items) => {
            let items = items.iter().map(json_tokens);
            quote! { [#(#items),*] }
        }
        Value::Object(map) => {
            let entries = map.iter().map(|(k, v)| {
                let v = json_tokens(v);
                quote! { #k: #v }
            });
            quote! { { #(#entries),* } }
        }
    }
}
