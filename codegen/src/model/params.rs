//! Query and header parameters: one struct per operation, a field per key.

use crate::draft::operation::Draft;
use crate::model::api::{ParamField, ParamLocation, ParamsSpec};
use crate::model::naming::{self, Scope};
use crate::model::types::Types;

/// The query and header parameters of a draft, as one struct; `None` if it has none.
pub(super) fn params_spec(d: &Draft<'_>, base_name: &str, types: &mut Types) -> Option<ParamsSpec> {
    let mut fields: Vec<ParamField> = Vec::new();
    let mut scope = Scope::default();
    let entries = d
        .query
        .iter()
        .map(|q| (q, ParamLocation::Query))
        .chain(d.headers.iter().map(|h| (h, ParamLocation::Header)));
    for (kv, location) in entries {
        let sent = kv.value.clone().filter(|v| !kv.disabled && !v.is_empty());
        if let Some(existing) = fields
            .iter_mut()
            .find(|f| f.wire == kv.key && f.location == location)
        {
            existing.repeated = true;
            existing.examples.extend(sent);
            continue;
        }
        let mut doc = kv.description.clone();
        // `<string>` is Postman's placeholder for a type, not an example.
        let placeholder = |v: &str| v.starts_with('<') && v.ends_with('>');
        if let Some(example) = kv
            .value
            .as_deref()
            .filter(|v| !v.is_empty() && !placeholder(v))
        {
            if !doc.is_empty() {
                doc.push_str("\n\n");
            }
            doc.push_str(&format!("Example: `{}`", example.replace('`', "'")));
        }
        fields.push(ParamField {
            wire: kv.key.clone(),
            field: scope.claim(&naming::snake(&kv.key, "param")),
            location,
            repeated: false,
            doc,
            examples: sent.into_iter().collect(),
        });
    }
    if fields.is_empty() {
        return None;
    }
    Some(ParamsSpec {
        type_name: types.claim(&format!("{base_name}Params")),
        fields,
        shares: None,
    })
}
