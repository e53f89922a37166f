//! Which operations page, from the overlay's `pagination` (`read::paging`)
//! and the shape of each answer: a `GET` whose response type has an array
//! at the items' place and a link at the next page's. The API's declaration
//! applies to every operation of that shape; an operation's own entry
//! changes places (the shape must then have them, or it is an error naming
//! the entry) or turns paging off.

use crate::draft::operation::Draft;
use crate::error::{Error, ErrorKind, Location};
use crate::model::api::{
    Api, FieldStep, PageImpl, PagingSpec, ResponseSpec, StructDef, TypeDef, TypeRef,
};
use crate::model::naming::{self, Scope};
use crate::read::paging::{OperationPaging, PagingOverlay};
use std::collections::BTreeMap;

/// Sets each paging operation's `paging`, names its `…_all` method in its
/// owner's `scopes`, and records each page type's `Page` implementation.
/// `drafts` are the operations' own, in the same order.
pub(super) fn apply(
    api: &mut Api,
    drafts: &[Draft<'_>],
    declared: Option<&PagingOverlay>,
    scopes: &mut BTreeMap<Option<usize>, Scope>,
    errors: &mut Vec<Error>,
) {
    for (i, d) in drafts.iter().enumerate() {
        let own = d.overlay.and_then(|o| o.pagination.as_ref());
        let paging = match (declared, own) {
            (_, Some(OperationPaging::Off)) | (None, None) => continue,
            (Some(api), None) => api.clone(),
            (Some(api), Some(OperationPaging::On(changes))) => api.with(changes),
            (None, Some(OperationPaging::On(changes))) => (**changes).clone(),
        };
        let Some(op) = api.operations.get(i) else {
            continue;
        };
        // A listing's ends have no link there, whatever the examples show.
        if let ResponseSpec::Json(TypeRef::Named(name)) = &op.response {
            let name = name.clone();
            for place in [&paging.next, &paging.previous].into_iter().flatten() {
                loosen(api, &name, place);
            }
        }
        let Some(op) = api.operations.get(i) else {
            continue;
        };
        match page_of(api, op.http_method.as_str(), &op.response, &paging) {
            Ok((mut spec, page)) => {
                let scope = scopes.entry(op.owner).or_default();
                let bare = naming::bare(&op.method_name);
                spec.method_name = scope.claim(&naming::snake(&format!("{bare} all"), "all"));
                api.pages.entry(spec.page_type.clone()).or_insert(page);
                if let Some(op) = api.operations.get_mut(i) {
                    op.paging = Some(spec);
                }
            }
            // Only an operation's own entry promises that it pages.
            Err(problem) if own.is_some() => {
                let entry = d.overlay.map_or("", |o| o.file.as_str());
                errors.push(Error::new(
                    Location::item(d.file, &d.display),
                    ErrorKind::Overlay(format!("`pagination` (in {entry}): {problem}")),
                ));
            }
            Err(_) => {}
        }
    }
}

/// The paging of an operation answering `response`, or why it cannot page.
fn page_of(
    api: &Api,
    method: &str,
    response: &ResponseSpec,
    paging: &PagingOverlay,
) -> Result<(PagingSpec, PageImpl), String> {
    let (Some(limit), Some(offset), Some(items), Some(next)) =
        (&paging.limit, &paging.offset, &paging.items, &paging.next)
    else {
        return Err("needs `limit`, `offset`, `items` and `next`".to_owned());
    };
    if method != "GET" {
        return Err(format!("a `{method}` does not page; only a `GET` does"));
    }
    let ResponseSpec::Json(TypeRef::Named(name)) = response else {
        return Err("the answer is not a JSON object".to_owned());
    };
    let root = root_type(api, name);
    let (item_steps, items_ty) = walk(api, root, items)?;
    let TypeRef::List(item) = items_ty else {
        return Err(format!("`{}` is not an array", items.join(".")));
    };
    let (next_steps, next_ty) = walk(api, root, next)?;
    let next_is_json = match next_ty {
        TypeRef::String => false,
        TypeRef::Json => true,
        _ => return Err(format!("`{}` is not a link", next.join("."))),
    };
    // A place the operation's own entry names must be there; the API's
    // declaration fits only the answers that have it.
    let optional = |place: &Option<Vec<String>>| -> Option<Vec<String>> {
        place.clone().filter(|p| walk(api, root, p).is_ok())
    };
    let echo = match (optional(&paging.limit_echo), optional(&paging.offset_echo)) {
        (Some(limit), Some(offset)) => Some((limit, offset)),
        _ => None,
    };
    let spec = PagingSpec {
        method_name: String::new(),
        page_type: root.to_owned(),
        limit: limit.clone(),
        offset: offset.clone(),
        items: items.clone(),
        next: next.clone(),
        previous: optional(&paging.previous),
        total: optional(&paging.total),
        echo,
        default_limit: paging.default_limit.unwrap_or(20),
        max_limit: paging.max_limit,
    };
    let page = PageImpl {
        items: item_steps,
        item: (**item).clone(),
        next: next_steps,
        next_is_json,
    };
    Ok((spec, page))
}

/// The struct an alias stands for (`share`), else `name` itself.
fn root_type<'a>(api: &'a Api, name: &'a str) -> &'a str {
    let mut name = name;
    // Each alias names an earlier struct: the walk ends.
    for _ in 0..api.types.len() {
        match api.struct_def(name).and_then(|s| s.shares.as_deref()) {
            Some(target) => name = target,
            None => break,
        }
    }
    name
}

/// The fields along `path` (wire keys) from struct `root`, and the type at
/// its end.
fn walk<'a>(
    api: &'a Api,
    root: &str,
    path: &[String],
) -> Result<(Vec<FieldStep>, &'a TypeRef), String> {
    let place = path.join(".");
    let mut here: Option<&StructDef> = api.struct_def(root);
    let mut steps = Vec::new();
    let mut ty = None;
    for key in path {
        let Some(s) = here else {
            return Err(format!("the answer has no object holding `{place}`"));
        };
        let Some(field) = s.fields.iter().find(|f| f.wire == *key) else {
            return Err(format!("the answer has no `{place}`"));
        };
        steps.push(FieldStep {
            field: field.name.clone(),
            optional: field.optional,
        });
        here = match &field.ty {
            TypeRef::Named(n) => match api.type_def(root_type(api, n)) {
                Some(TypeDef::Struct(s)) => Some(s),
                _ => None,
            },
            _ => None,
        };
        ty = Some(&field.ty);
    }
    ty.map(|ty| (steps, ty))
        .ok_or_else(|| "an empty place".to_owned())
}

/// Makes the field at `path` (wire keys) from struct `name` optional, in
/// the struct an alias stands for too, when the path leads to one.
fn loosen(api: &mut Api, name: &str, path: &[String]) {
    let Some((last, parents)) = path.split_last() else {
        return;
    };
    let mut owners = vec![name.to_owned(), root_type(api, name).to_owned()];
    for key in parents {
        let next = owners.iter().find_map(|o| {
            let field = api.struct_def(o)?.fields.iter().find(|f| f.wire == *key)?;
            match &field.ty {
                TypeRef::Named(n) => Some(n.clone()),
                _ => None,
            }
        });
        let Some(next) = next else {
            return;
        };
        owners = vec![root_type(api, &next).to_owned(), next];
    }
    for owner in owners {
        let Some(&i) = api.type_index.get(&owner) else {
            continue;
        };
        if let Some(TypeDef::Struct(s)) = api.types.get_mut(i)
            && let Some(field) = s.fields.iter_mut().find(|f| f.wire == *last)
        {
            field.optional = true;
        }
    }
}
