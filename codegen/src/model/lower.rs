//! From a collection and its overlay to the model. Every item is drafted,
//! then each kind of decision runs in turn, each in a module of its own:
//! which items become operations and their hosts (`select`), discriminator fields
//! (`discriminate`), resource handles (`handles`), method names
//! (`method_names`), request and response types (`bodies`), parameter structs
//! (`params`) and doc links (`doc_links`). Only the operation constants'
//! names are given here.
//!
//! Names are decided in document order, so the same spec always gives the
//! same names; the first of two clashing names keeps the plain form.

use crate::draft::operation::draft;
use crate::draft::response::ResponseDraft;
use crate::error::{Error, ErrorKind, Errors, Location, Warning};
use crate::model::api::{Api, Gate, Operation, ResponseSpec, TypeRef, VariantSpec};
use crate::model::bodies::{body_spec, claim_explicit_types, declared_type, response_spec};
use crate::model::discriminate;
use crate::model::doc_links::op_link;
use crate::model::doc_links::type_doc;
use crate::model::docs;
use crate::model::gates;
use crate::model::handles::{build_handles, owner_of, path_pieces};
use crate::model::input::{Input, skip_or_fail};
use crate::model::method_names::{name_methods, qualify};
use crate::model::naming::{self, Scope};
use crate::model::paging;
use crate::model::params::params_spec;
use crate::model::payloads::payload_spec;
use crate::model::reserved::{RESERVED_TYPES, TRAIT_METHODS};
use crate::model::schema_specs::{error_bodies, schema_body_spec};
use crate::model::schemas::SchemaTypes;
use crate::model::select::{hosts, match_overlay};
use crate::model::share;
use crate::model::types::Types;
use crate::model::variants;
use std::collections::BTreeMap;

/// Lowers the whole collection. Every problem is collected, never only the
/// first: an item's problem is that item's (a warning when it may be
/// skipped), and the other items go on to be checked.
pub(crate) fn lower(input: &Input<'_>, warnings: &mut Vec<Warning>) -> Result<Api, Errors> {
    let mut errors = Vec::new();
    for p in input.collections {
        warnings.extend(p.collection.warnings.iter().cloned());
    }
    let overlays = match_overlay(input, &mut errors);
    let mut drafts = Vec::new();
    let openapi = input.openapi.map(|o| o.operations.as_slice());
    for (i, ((p, item), overlay)) in input.items().zip(&overlays).enumerate() {
        let variants = &input.overlay.response_variants;
        match draft(&p.file, item, *overlay, &p.collection.variables, variants) {
            Ok(mut d) => {
                d.schemas = openapi.and_then(|o| o.get(i));
                warnings.append(&mut d.dropped);
                drafts.push(d);
            }
            Err(e) => skip_or_fail(input, e, warnings, &mut errors),
        }
    }
    // A schema says which fields a body has: nothing to infer from examples.
    if input.openapi.is_none() {
        discriminate::infer_constants(&mut drafts);
    }
    let mut schema_types = input.openapi.map(|o| SchemaTypes::new(&o.schemas));
    let (hosts, host_of) = hosts(&drafts);

    let mut reserved = vec![input.client_name];
    reserved.extend_from_slice(RESERVED_TYPES);
    let mut types = Types::new(&reserved);
    let mut scopes: BTreeMap<Option<usize>, Scope> = BTreeMap::new();
    let mut client_methods = TRAIT_METHODS.to_vec();
    client_methods.extend(input.client_methods.iter().map(String::as_str));
    scopes.insert(None, Scope::with_reserved(&client_methods));
    claim_explicit_types(&drafts, &mut types, &mut errors);
    let variant_types = variants::types(&drafts, &mut types).unwrap_or_else(|m| {
        let file = drafts
            .iter()
            .find_map(|d| d.variant.as_ref().and(d.overlay))
            .map_or("", |o| o.file.as_str());
        errors.push(Error::new(Location::file(file), ErrorKind::Overlay(m)));
        BTreeMap::new()
    });
    let (handles, places) = build_handles(input, &drafts, &mut types, &mut scopes);
    let owners: Vec<Option<usize>> = places.iter().map(owner_of).collect();
    let method_names = name_methods(&drafts, &places, &mut scopes, &mut errors);
    let qualified = qualify(&method_names, &owners, &handles);
    let variant_names: Vec<Option<String>> = drafts
        .iter()
        .zip(&method_names)
        .zip(&owners)
        .map(|((d, m), owner)| {
            let v = d.variant.as_ref()?;
            let scope = scopes.entry(*owner).or_default();
            Some(variants::method_name(&m.name, &v.spec.suffix, scope))
        })
        .collect();

    let links: Vec<String> = owners
        .iter()
        .zip(&method_names)
        .map(|(owner, method)| op_link(*owner, &handles, &method.name, input.client_name))
        .collect();
    let feature_of: BTreeMap<&str, Option<&str>> = input
        .collections
        .iter()
        .map(|p| (p.file.as_str(), p.feature.as_deref()))
        .collect();
    let mut consts = Scope::with_reserved(&["ALL"]);
    let mut shared: BTreeMap<String, TypeRef> = BTreeMap::new();
    let mut operations = Vec::new();
    for (i, d) in drafts.iter().enumerate() {
        let owner = owners[i];
        let here = || Location::item(d.file, &d.display);
        let fail = |m: String| Error::new(here(), ErrorKind::NameConflict(m));
        // Only ever a prefix (`…Request`, `…Params`): a keyword's `_` goes.
        let base_name = naming::stem(&naming::camel(&qualified[i], "Operation")).to_owned();
        let schema_body = d
            .schemas
            .filter(|_| d.body.is_some())
            .and_then(|s| s.body.as_ref().map(|b| (s, b)));
        let body = match (&d.body, &d.payload, schema_types.as_mut(), schema_body) {
            (Some(_), _, Some(st), Some((s, schema))) => Some(schema_body_spec(
                st, &mut types, schema, s, i, &links, &base_name,
            )),
            (None, None, ..) => None,
            (None, Some(p), ..) => match payload_spec(p, i, &links, &base_name, &mut types) {
                Ok(spec) => Some(spec),
                Err(m) => {
                    errors.push(fail(m));
                    continue;
                }
            },
            (Some(b), ..) => {
                match body_spec(b, i, &drafts, &links, &base_name, &mut types, &mut shared) {
                    Ok(spec) => Some(spec),
                    Err(m) => {
                        errors.push(fail(m));
                        continue;
                    }
                }
            }
        };
        let schema_response = d.schemas.and_then(|s| s.response.as_ref());
        let response = match (schema_types.as_mut(), schema_response, &d.response) {
            (Some(st), Some(schema), r)
                if !matches!(
                    r,
                    ResponseDraft::Empty | ResponseDraft::Text | ResponseDraft::Bytes
                ) =>
            {
                let doc = type_doc("Response body", &[i], &links);
                let name = format!("{base_name}Response");
                ResponseSpec::Json(st.top(&mut types, &name, doc, schema))
            }
            _ => match response_spec(i, &drafts, &links, &base_name, &mut types, &mut shared) {
                Ok(spec) => spec,
                Err(m) => {
                    errors.push(fail(m));
                    continue;
                }
            },
        };
        let error_types = match (schema_types.as_mut(), d.schemas) {
            (Some(st), Some(s)) => error_bodies(st, &mut types, s, &base_name),
            _ => None,
        };
        let params = params_spec(d, &base_name, &mut types);
        // Constants are the method's to send: no argument row names them.
        // Nor for the variant's parameters: the plain method takes none.
        let mut unsent: Vec<(String, serde_json::Value)> =
            body.iter().flat_map(|b| b.constants.clone()).collect();
        if let Some(v) = &d.variant {
            unsent.extend(
                v.spec
                    .params
                    .iter()
                    .map(|p| (p.clone(), serde_json::Value::Null)),
            );
        }
        let doc = docs::without_constant_rows(&d.doc, &unsent);
        let variant = match (&d.variant, &variant_names[i]) {
            (Some(v), Some(method_name)) => {
                variant_types.get(&v.spec.example).map(|t| VariantSpec {
                    method_name: method_name.clone(),
                    params: t.params.clone(),
                    in_query: variants::in_query(v.place),
                    response: t.response.clone(),
                    example_name: v.spec.example.clone(),
                    example: v.example.clone(),
                })
            }
            _ => None,
        };
        operations.push(Operation {
            item: d.display.clone(),
            method_name: method_names[i].name.clone(),
            qualified_name: qualified[i].clone(),
            const_name: consts.claim(&naming::shouty(&qualified[i], "OPERATION")),
            http_method: d.method.clone(),
            idempotent: d.idempotent,
            owner,
            gate: Gate::of(feature_of.get(d.file).copied().flatten()),
            host: host_of[i],
            path: path_pieces(d, owner, &handles),
            // The overlay's example of a parameter wins over the item's own.
            path_examples: d
                .param_examples
                .iter()
                .filter(|(name, _)| {
                    crate::model::api::path_params(&handles, owner)
                        .iter()
                        .all(|p| p.wire != **name || !p.example_fixed)
                })
                .map(|(name, value)| (name.clone(), value.clone()))
                .collect(),
            query_constants: d
                .query_constants
                .iter()
                .map(|(k, v)| {
                    let text = match v {
                        serde_json::Value::String(s) => s.clone(),
                        other => other.to_string(),
                    };
                    (k.clone(), text)
                })
                .collect(),
            template: d.template.clone(),
            auth: d.auth.clone(),
            params,
            content_type: declared_type(d.content_type.as_deref(), body.as_ref()),
            accept: d.accept.clone().filter(|a| a != "application/json"),
            body,
            response,
            errors: error_types,
            doc,
            examples: d.examples.clone(),
            variant,
            paging: None,
        });
    }
    if let Some(errors) = Errors::from_list(errors) {
        return Err(errors);
    }
    let type_index = types
        .defs
        .iter()
        .enumerate()
        .map(|(i, def)| (def.name().to_owned(), i))
        .collect();
    let mut api = Api {
        title: input
            .collections
            .first()
            .map(|p| p.collection.name.clone())
            .unwrap_or_default(),
        base_url: hosts.first().and_then(|h| h.default.clone()),
        hosts,
        handles,
        operations,
        types: types.defs,
        type_index,
        type_gates: BTreeMap::new(),
        pages: BTreeMap::new(),
    };
    share::share(&mut api);
    let declared = input.overlay.pagination.as_ref();
    let mut errors = Vec::new();
    paging::apply(&mut api, &drafts, declared, &mut scopes, &mut errors);
    if let Some(errors) = Errors::from_list(errors) {
        return Err(errors);
    }
    gates::gate(&mut api);
    Ok(api)
}
