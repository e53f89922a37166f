//! Identical shapes share one type: a struct with the same fields (names,
//! wire names, types, docs, formats), the same kind (request or response)
//! and the same writer impls as an earlier one becomes an alias of it.
//!
//! Shapes are compared bottom-up, a nested struct by its own shape, so
//! whole trees merge. The earliest struct of a shape (in the model's order,
//! which is the collection's) is the canonical one: a spec change elsewhere
//! does not rename it, and an alias whose shape later differs becomes its
//! own struct again under the same name, so code naming either compiles.

use crate::model::api::{Api, StructDef, TypeDef, TypeRef};
use crate::model::uses::{form_structs, json_bodies};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

/// Marks every struct whose shape an earlier struct has (`shares`).
pub(crate) fn share(api: &mut Api) {
    let ids = {
        let mut shapes = Shapes::new(api);
        for def in &api.types {
            if let TypeDef::Struct(s) = def {
                shapes.id(&s.name);
            }
        }
        shapes.ids
    };
    let mut first: BTreeMap<usize, String> = BTreeMap::new();
    let mut aliases = Vec::new();
    for (i, def) in api.types.iter().enumerate() {
        let TypeDef::Struct(s) = def else { continue };
        let Some(Some(id)) = ids.get(s.name.as_str()) else {
            continue;
        };
        match first.get(id) {
            Some(canonical) => aliases.push((i, canonical.clone())),
            None => {
                first.insert(*id, s.name.clone());
            }
        }
    }
    for (i, canonical) in aliases {
        if let Some(TypeDef::Struct(s)) = api.types.get_mut(i) {
            s.shares = Some(canonical);
        }
    }
    share_params(api);
}

/// The same for parameter structs, which hold only strings: the first
/// operation's of a shape is the canonical one.
fn share_params(api: &mut Api) {
    let mut first: BTreeMap<String, String> = BTreeMap::new();
    for op in &mut api.operations {
        let Some(params) = &mut op.params else {
            continue;
        };
        let mut key = String::new();
        for f in &params.fields {
            // Writing to a String cannot fail.
            let _ = write!(
                key,
                "\n{:?} {:?} {:?} {} {:?}",
                f.field, f.wire, f.location, f.repeated, f.doc
            );
        }
        match first.get(&key) {
            Some(canonical) => params.shares = Some(canonical.clone()),
            None => {
                first.insert(key, params.type_name.clone());
            }
        }
    }
}

/// Shape ids by struct name: two structs with one id are interchangeable.
struct Shapes<'a> {
    api: &'a Api,
    json: BTreeSet<&'a str>,
    forms: BTreeMap<&'a str, &'a [String]>,
    in_forms: BTreeSet<&'a str>,
    /// `None` for a struct on a cycle: kept as its own type.
    ids: BTreeMap<&'a str, Option<usize>>,
    keys: BTreeMap<String, usize>,
    visiting: BTreeSet<&'a str>,
}

impl<'a> Shapes<'a> {
    fn new(api: &'a Api) -> Self {
        let (forms, in_forms) = form_structs(api);
        Shapes {
            api,
            json: json_bodies(api),
            forms,
            in_forms,
            ids: BTreeMap::new(),
            keys: BTreeMap::new(),
            visiting: BTreeSet::new(),
        }
    }

    fn id(&mut self, name: &'a str) -> Option<usize> {
        if let Some(id) = self.ids.get(name) {
            return *id;
        }
        let def = self.api.struct_def(name)?;
        if !self.visiting.insert(name) {
            return None;
        }
        let id = self.key(def).map(|key| {
            let next = self.keys.len();
            *self.keys.entry(key).or_insert(next)
        });
        self.visiting.remove(name);
        self.ids.insert(name, id);
        id
    }

    /// Everything the generated code of `def` depends on, but its names.
    fn key(&mut self, def: &'a StructDef) -> Option<String> {
        let name = def.name.as_str();
        let mut key = format!(
            "{:?} {} {:?} {} {}",
            def.extra,
            def.required.is_some(),
            self.forms.get(name),
            self.json.contains(name),
            self.in_forms.contains(name),
        );
        for f in &def.fields {
            let ty = self.ty(&f.ty)?;
            // Writing to a String cannot fail.
            let _ = write!(
                key,
                "\n{:?} {:?} {ty} {} {:?} {:?}",
                f.name, f.wire, f.optional, f.doc, f.format
            );
        }
        Some(key)
    }

    fn ty(&mut self, ty: &'a TypeRef) -> Option<String> {
        Some(match ty {
            TypeRef::List(item) => format!("[{}]", self.ty(item)?),
            TypeRef::Named(name) if self.api.struct_def(name).is_some() => {
                format!("#{}", self.id(name)?)
            }
            other => format!("{other:?}"),
        })
    }
}
