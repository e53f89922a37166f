//! Several overlays as one: each spec file may bring its own, and together
//! they describe one API.
//!
//! Operations are concatenated in file order, each entry keeping the file it
//! came from; `resources` and `params` are merged by key, where the same
//! value twice is fine and two different values are an error naming both
//! files, since nothing says which one the author meant.

use crate::error::{Error, ErrorKind, Location};
use crate::read::overlay::Overlay;
use std::collections::BTreeMap;

/// `overlays` (each with its file's name) merged into one, or every
/// conflict found.
pub(crate) fn merge(overlays: Vec<(String, Overlay)>) -> Result<Overlay, Vec<Error>> {
    let mut merged = Overlay::default();
    let mut errors = Vec::new();
    // Where each key was first given, to name both files in a conflict.
    let mut resource_from: BTreeMap<String, String> = BTreeMap::new();
    let mut param_from: BTreeMap<String, String> = BTreeMap::new();
    let mut examples_from: Option<String> = None;
    let mut paging_from: Option<String> = None;
    for (file, overlay) in overlays {
        let conflict = |what: String, first: &str| {
            Error::new(
                Location::file(&file),
                ErrorKind::Overlay(format!(
                    "{what} differs from the one in {first}; give it once, or the same in both"
                )),
            )
        };
        for (key, name) in overlay.resources {
            match merged.resources.get(&key) {
                Some(known) if *known != name => {
                    let first = resource_from.get(&key).map_or("", String::as_str);
                    errors.push(conflict(format!("`resources.{key}`"), first));
                }
                Some(_) => {}
                None => {
                    resource_from.insert(key.clone(), file.clone());
                    merged.resources.insert(key, name);
                }
            }
        }
        for (key, param) in overlay.params {
            match merged.params.get(&key) {
                Some(known) if *known != param => {
                    let first = param_from.get(&key).map_or("", String::as_str);
                    errors.push(conflict(format!("`params.{key}`"), first));
                }
                Some(_) => {}
                None => {
                    param_from.insert(key.clone(), file.clone());
                    merged.params.insert(key, param);
                }
            }
        }
        if let Some(examples) = overlay.doc_examples {
            match (&merged.doc_examples, &examples_from) {
                (Some(known), Some(first)) if *known != examples => {
                    errors.push(conflict("`doc_examples`".to_owned(), first));
                }
                (Some(_), _) => {}
                (None, _) => {
                    examples_from = Some(file.clone());
                    merged.doc_examples = Some(examples);
                }
            }
        }
        if let Some(paging) = overlay.pagination {
            match (&merged.pagination, &paging_from) {
                (Some(known), Some(first)) if *known != paging => {
                    errors.push(conflict("`pagination`".to_owned(), first));
                }
                (Some(_), _) => {}
                (None, _) => {
                    paging_from = Some(file.clone());
                    merged.pagination = Some(paging);
                }
            }
        }
        for variant in overlay.response_variants {
            match merged
                .response_variants
                .iter()
                .find(|v| v.example == variant.example)
            {
                Some(known) if *known != variant => errors.push(conflict(
                    format!("`response_variants` for `{}`", variant.example),
                    "an earlier overlay",
                )),
                Some(_) => {}
                None => merged.response_variants.push(variant),
            }
        }
        merged.operations.extend(overlay.operations);
    }
    if errors.is_empty() {
        Ok(merged)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::overlay::read;

    fn overlay(file: &str, text: &str) -> (String, Overlay) {
        (
            file.to_owned(),
            read(file, text, &Default::default()).unwrap(),
        )
    }

    #[test]
    fn concatenates_operations_and_keeps_each_entry_s_file() {
        let a = overlay(
            "a.overlay.json",
            r#"{"operations": [{"item": ["X"], "name": "x"}]}"#,
        );
        let b = overlay(
            "b.overlay.json",
            r#"{"operations": [{"item": ["Y"], "name": "y"}]}"#,
        );
        let merged = merge(vec![a, b]).unwrap();
        let files: Vec<&str> = merged.operations.iter().map(|o| o.file.as_str()).collect();
        assert_eq!(files, ["a.overlay.json", "b.overlay.json"]);
    }

    #[test]
    fn the_same_key_twice_is_fine_when_it_says_the_same() {
        let text = r#"{"resources": {"Call": "calls"}, "params": {"id": {"example": "1"}}}"#;
        let merged = merge(vec![overlay("a.json", text), overlay("b.json", text)]).unwrap();
        assert_eq!(merged.resources["Call"].item.as_deref(), Some("calls"));
        assert_eq!(merged.params["id"].example.as_deref(), Some("1"));
    }

    #[test]
    fn a_conflicting_key_names_both_files() {
        let a = overlay(
            "a.json",
            r#"{"resources": {"Call": "calls"}, "params": {"id": {"example": "1"}}}"#,
        );
        let b = overlay(
            "b.json",
            r#"{"resources": {"Call": "phone_calls"}, "params": {"id": {"example": "2"}}}"#,
        );
        let errors = merge(vec![a, b]).unwrap_err();
        assert_eq!(errors.len(), 2);
        for e in &errors {
            assert_eq!(e.location.file, "b.json");
            assert!(e.to_string().contains("a.json"), "{e}");
        }
        assert!(errors[0].to_string().contains("`resources.Call`"));
        assert!(errors[1].to_string().contains("`params.id`"));
    }
}
