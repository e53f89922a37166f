//! Structs and enums for bodies, responses and parameters.

use crate::emit::body;
use crate::emit::enums;
use crate::emit::errors;
use crate::emit::gates;
use crate::emit::paging;
use crate::emit::parts::Part;
use crate::emit::payloads;
use crate::emit::setters;
use crate::emit::tokens::{doc, ident, type_tokens};
use crate::emit::unions;
use crate::model::api::{Api, FieldDef, ParamLocation, ParamsSpec, StructDef, TypeDef};
use crate::model::naming;
use crate::model::uses;
use proc_macro2::TokenStream;
use quote::quote;
use std::collections::{BTreeMap, BTreeSet};

/// Which structs write themselves as request bodies: worked out once for
/// the whole module, read by every part.
pub(crate) struct Uses<'a> {
    bodies: BTreeSet<&'a str>,
    forms: BTreeMap<&'a str, &'a [String]>,
    in_forms: BTreeSet<&'a str>,
}

impl<'a> Uses<'a> {
    pub(crate) fn of(api: &'a Api) -> Self {
        let (forms, in_forms) = uses::form_structs(api);
        Uses {
            bodies: uses::json_bodies(api),
            forms,
            in_forms,
        }
    }
}

/// The types in parts of at most `CHUNK` definitions (or parameter
/// structs) each, in the module's order.
pub(crate) fn parts<'a>(api: &'a Api, uses: &'a Uses<'a>) -> Vec<Part<'a>> {
    let mut parts: Vec<Part<'a>> = Vec::new();
    for chunk in api.types.chunks(CHUNK) {
        parts.push(Part::new(chunk.len(), move || {
            chunk
                .iter()
                .map(|def| {
                    let name = def.name();
                    gates::items(definition(api, uses, def), gates::of_type(api, name))
                })
                .collect()
        }));
    }
    parts.push(Part::new(1, move || {
        let multipart = payloads::multipart_types(api)?;
        let unknown = enums::unknown_value(api);
        Ok(quote! { #multipart #unknown })
    }));
    for chunk in api.operations.chunks(CHUNK) {
        parts.push(Part::new(chunk.len(), move || {
            chunk
                .iter()
                .filter_map(|op| op.params.as_ref())
                .zip(chunk.iter().filter(|op| op.params.is_some()))
                .map(|(p, op)| gates::items(params(p, &op.item), gates::of_type(api, &p.type_name)))
                .collect()
        }));
        parts.push(Part::new(chunk.len(), move || {
            Ok(chunk
                .iter()
                .filter_map(|op| op.errors.as_ref().map(|e| errors::error_type(op, e)))
                .collect())
        }));
    }
    parts
}

/// Definitions (or operations) per part: enough to outweigh the cost of
/// handing a part out, few enough to share the work evenly.
const CHUNK: usize = 32;

fn definition(api: &Api, uses: &Uses<'_>, def: &TypeDef) -> TokenStream {
    match def {
        TypeDef::Struct(s) if s.shares.is_some() => alias(api, s),
        // A request body type writes itself, right after its definition.
        TypeDef::Struct(s) => {
            let name = s.name.as_str();
            let json = uses.bodies.contains(name).then(|| body::write_json(s));
            let form = uses
                .forms
                .get(name)
                .map(|repeated| payloads::write_form(s, repeated));
            let nested = uses
                .in_forms
                .contains(name)
                .then(|| payloads::form_value(s));
            let def = structure(s);
            let page = api.pages.get(name).map(|p| paging::page_impl(name, p));
            quote! { #def #json #form #nested #page }
        }
        TypeDef::Enum(e) => enums::enumeration(e),
        TypeDef::Union(u) => unions::union(u),
    }
}

/// `pub type B = A;` for a struct with the shape of an earlier one (and
/// the same for their required fields), so code that names either compiles.
fn alias(api: &Api, def: &StructDef) -> TokenStream {
    let Some(canonical) = def.shares.as_deref().and_then(|c| api.struct_def(c)) else {
        return structure(def);
    };
    let canonical_required = canonical.required.as_deref();
    let canonical = canonical.name.as_str();
    let name = ident(&def.name);
    let target = ident(canonical);
    // Rustdoc shows what an alias stands for: its own doc is enough.
    let docs = doc(def.doc.trim_end());
    let required = def
        .required
        .as_deref()
        .zip(canonical_required)
        .map(|(fields, target)| {
            let fields_name = ident(fields);
            let target = ident(target);
            let docs = doc(&format!(
                "The required fields of [`{}`].",
                naming::bare(&def.name)
            ));
            quote! { #docs pub type #fields_name = #target; }
        });
    quote! {
        #docs
        pub type #name = #target;
        #required
    }
}

fn structure(def: &StructDef) -> TokenStream {
    let name = ident(&def.name);
    // How to build or read one is the same for every type: the runtime's
    // crate docs say it once.
    let docs = doc(def.doc.trim_end());
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
    // Response types have the catch-all; request types are built by callers.
    let build = if def.extra.is_none() || def.built {
        setters::request(def)
    } else {
        TokenStream::new()
    };
    quote! {
        #docs
        #[derive(Debug, Clone, PartialEq, #default Serialize, Deserialize)]
        #[non_exhaustive]
        pub struct #name {
            #(#fields)*
            #extra
        }
        #build
    }
}

fn field(f: &FieldDef) -> TokenStream {
    let name = ident(&f.name);
    let docs = doc(&setters::field_text(f));
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

fn params(spec: &ParamsSpec, item: &str) -> TokenStream {
    let name = ident(&spec.type_name);
    if let Some(canonical) = &spec.shares {
        let docs = doc(&format!("Query and header parameters of *{item}*."));
        let target = ident(canonical);
        return quote! { #docs pub type #name = #target; };
    }
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
            text = format!("{text} {}", f.doc.trim_start());
        }
        let docs = doc(&text);
        if f.repeated {
            quote! { #docs pub #field: Vec<String>, }
        } else {
            quote! { #docs pub #field: Option<String>, }
        }
    });
    let build = setters::params(spec);
    quote! {
        #docs
        #[derive(Debug, Clone, Default, PartialEq, Eq)]
        #[non_exhaustive]
        pub struct #name {
            #(#fields)*
        }
        #build
    }
}
