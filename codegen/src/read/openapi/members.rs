//! The members of `allOf`, `oneOf` and `anyOf` read, and the discriminator
//! mapped to named schemas; `combine` decides what they make.

use crate::read::openapi::combine;
use crate::read::openapi::convert::Converter;
use crate::read::openapi::refs::reference_of;
use crate::read::openapi::schema::{Discriminator, Kind, Schema};
use serde_json::Value;

impl Converter<'_> {
    /// `allOf` (and any properties written beside it), merged.
    pub(super) fn all_of(
        &mut self,
        file: &str,
        value: &Value,
        outer: Schema,
        depth: usize,
    ) -> Schema {
        let mut members: Vec<Schema> = value
            .get("allOf")
            .and_then(Value::as_array)
            .map(|list| {
                list.iter()
                    .map(|m| self.convert(file, m, depth + 1))
                    .collect()
            })
            .unwrap_or_default();
        if value.get("properties").is_some() {
            members.push(Schema::of(self.object(file, value, depth)));
        }
        self.warned(combine::all_of(&self.schemas, outer, members))
    }

    /// `oneOf` or `anyOf`.
    pub(super) fn one_of(
        &mut self,
        file: &str,
        value: &Value,
        mut outer: Schema,
        depth: usize,
    ) -> Schema {
        let list = value
            .get("oneOf")
            .or_else(|| value.get("anyOf"))
            .and_then(Value::as_array)
            .map(Vec::as_slice)
            .unwrap_or_default();
        let mut variants = Vec::new();
        for v in list {
            let schema = self.convert(file, v, depth + 1);
            let null_only = v.get("type").and_then(Value::as_str) == Some("null")
                || (schema.kind == Kind::Any && schema.nullable);
            if null_only {
                outer.nullable = true;
            } else {
                variants.push(schema);
            }
        }
        let discriminator = value
            .get("discriminator")
            .and_then(|d| self.discriminator(file, d, list));
        self.warned(combine::one_of(outer, variants, discriminator))
    }

    /// `schema`, with a warning when it is a fallback.
    fn warned(&mut self, schema: Schema) -> Schema {
        if let Kind::Fallback(why) = &schema.kind {
            self.warnings.push(why.clone());
        }
        schema
    }

    fn discriminator(
        &mut self,
        file: &str,
        d: &Value,
        variants: &[Value],
    ) -> Option<Discriminator> {
        let property = d.get("propertyName")?.as_str()?.to_owned();
        let mut mapping = Vec::new();
        if let Some(Value::Object(map)) = d.get("mapping") {
            for (tag, target) in map {
                let Some(target) = target.as_str() else {
                    continue;
                };
                // A bare name means a schema under `components/schemas`.
                let bare = !target.contains('#') && !target.contains('/') && !target.contains('.');
                let reference = if bare {
                    format!("#/components/schemas/{target}")
                } else {
                    target.to_owned()
                };
                match self.named(file, &reference) {
                    Ok(index) => mapping.push((tag.clone(), index)),
                    Err(m) => self.warnings.push(m),
                }
            }
        }
        // Variants the mapping leaves out are selected by their schema's name.
        for v in variants {
            let Some(reference) = reference_of(v) else {
                continue;
            };
            let Ok(index) = self.named(file, reference) else {
                continue;
            };
            if !mapping.iter().any(|(_, i)| *i == index)
                && let Some(named) = self.schemas.named.get(index)
            {
                mapping.push((named.name.clone(), index));
            }
        }
        Some(Discriminator { property, mapping })
    }
}
