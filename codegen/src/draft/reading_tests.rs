//! What the draft keeps of each construct for lowering to use once the
//! emitter supports it, on `tests/reading/constructs.postman.json`.

use crate::draft::operation::{Draft, draft};
use crate::draft::payload::{KeyPart, Payload, TextKind};
use crate::draft::shape::Kind;
use crate::read::postman::Collection;
use crate::read::postman_items::read;
use crate::read::url::Base;

const CONSTRUCTS: &str = include_str!("../../tests/reading/constructs.postman.json");

fn with_draft(name: &str, check: impl FnOnce(&Draft<'_>)) {
    let c: Collection = read("c.json", CONSTRUCTS).unwrap();
    let item = c.items.iter().find(|i| i.name == name).unwrap();
    let d = draft("c.json", item, None, &c.variables, &[]).unwrap();
    check(&d);
}

#[test]
fn form_fields_keep_their_bracket_paths_and_host_variable() {
    with_draft("Form", |d| {
        let Some(Payload::Form(fields)) = &d.payload else {
            panic!("{:?}", d.payload);
        };
        assert_eq!(
            fields[2].path,
            [
                KeyPart::Name("items".into()),
                KeyPart::Index(0),
                KeyPart::Name("price".into())
            ]
        );
        assert!(fields[3].repeated && fields[5].optional);
        assert_eq!(d.host_variable.as_deref(), Some("host"));
        assert_eq!(d.base, Base::Known("https://api.example.com".into()));
    });
}

#[test]
fn each_item_keeps_its_own_host() {
    with_draft("Upload", |d| {
        assert_eq!(d.base, Base::Known("https://files.example.com".into()));
        assert_eq!(d.host_variable.as_deref(), Some("files"));
        let Some(Payload::Multipart(parts)) = &d.payload else {
            panic!("{:?}", d.payload);
        };
        assert!(parts[1].file);
    });
}

#[test]
fn graphql_variables_are_typed_from_the_example_read_leniently() {
    with_draft("Graph", |d| {
        let Some(Payload::GraphQl {
            query, variables, ..
        }) = &d.payload
        else {
            panic!("{:?}", d.payload);
        };
        assert!(query.contains("thing(id: $id)"));
        let Some(Kind::Object(vars)) = variables.as_ref().map(|s| &s.kind) else {
            panic!("{variables:?}");
        };
        assert_eq!(vars.fields[0].shape.kind, Kind::Int);
        assert!(matches!(vars.fields[1].shape.kind, Kind::Object(_)));
        // The trailing comma was repaired, and the draft says where.
        assert!(
            d.dropped[0]
                .to_string()
                .contains("ignored a trailing comma at line 1"),
            "{:?}",
            d.dropped
        );
    });
}

#[test]
fn text_bodies_keep_their_content_type() {
    for (name, kind, content_type) in [
        ("Soap", TextKind::Xml, "application/xml"),
        ("Page", TextKind::Html, "text/html"),
        ("Note", TextKind::Plain, "text/plain"),
        ("Undeclared", TextKind::Plain, "text/plain"),
    ] {
        with_draft(name, |d| {
            let Some(Payload::Text {
                kind: k,
                content_type: c,
                ..
            }) = &d.payload
            else {
                panic!("{name}: {:?}", d.payload);
            };
            assert_eq!((*k, c.as_str()), (kind, content_type), "{name}");
        });
    }
}

#[test]
fn query_params_are_typed_and_path_variables_default_from_the_collection() {
    with_draft("Described", |d| {
        let kinds: Vec<(&str, &Kind, bool, bool)> = d
            .query_params
            .iter()
            .map(|q| (q.key.as_str(), &q.shape.kind, q.optional, q.repeated))
            .collect();
        assert_eq!(
            kinds,
            [
                ("limit", &Kind::Int, false, false),
                ("expand", &Kind::Bool, true, false),
                ("ids", &Kind::Int, false, true),
                ("ids", &Kind::Int, false, true),
            ]
        );
        assert_eq!(
            d.param_examples.get("version").map(String::as_str),
            Some("v2")
        );
        assert!(d.payload.is_none());
    });
}
