//! The diff's verdicts, one row per spec edit: each edit is applied to a
//! small base spec (`tests/diff/shop.*`), both sides go through the diff,
//! and the row says which change must be found, its verdict and the bumps.
//!
//! A row is one edit and what a user of the old generated API sees. Each
//! row is also checked by the compiler: a user program written against the
//! old API (`tests/diff/user/lib.rs`) is compiled against the new one, and
//! must fail exactly when the verdict is breaking (`tests/diff/compile.rs`).

#[path = "diff/compile.rs"]
mod compile;

use postman_codegen::{
    Bump, ChangeKind, Direction, Options, Report, Source, Spec, Verdict, diff, generate,
};
use serde_json::{Value, json};
use std::path::Path;

/// The base spec, as JSON values an edit can change.
#[derive(Clone)]
struct Shop {
    collection: Value,
    overlay: Value,
}

impl Shop {
    fn base() -> Shop {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/diff");
        let read = |name: &str| -> Value {
            serde_json::from_str(&std::fs::read_to_string(dir.join(name)).unwrap()).unwrap()
        };
        Shop {
            collection: read("shop.postman.json"),
            overlay: read("shop.overlay.json"),
        }
    }

    /// The items of the `Orders` folder.
    fn items(&mut self) -> &mut Vec<Value> {
        self.collection["item"][0]["item"].as_array_mut().unwrap()
    }

    fn item(&mut self, name: &str) -> &mut Value {
        self.items().iter_mut().find(|i| i["name"] == name).unwrap()
    }

    /// Edits the JSON a raw string of item `name` holds (`pointer` to it).
    fn edit_raw(&mut self, name: &str, pointer: &str, edit: impl FnOnce(&mut Value)) {
        let raw = self.item(name).pointer_mut(pointer).unwrap();
        let mut value: Value = serde_json::from_str(raw.as_str().unwrap()).unwrap();
        edit(&mut value);
        *raw = Value::String(value.to_string());
    }

    fn body(&mut self, name: &str, edit: impl FnOnce(&mut serde_json::Map<String, Value>)) {
        self.edit_raw(name, "/request/body/raw", |v| {
            edit(v.as_object_mut().unwrap())
        });
    }

    fn response(&mut self, name: &str, edit: impl FnOnce(&mut serde_json::Map<String, Value>)) {
        self.edit_raw(name, "/response/0/body", |v| {
            edit(v.as_object_mut().unwrap())
        });
    }

    fn description(&mut self, name: &str) -> &mut Value {
        &mut self.item(name)["request"]["description"]
    }

    /// Adds a row to the argument table of `Create order`.
    fn table_row(&mut self, row: &str) {
        let d = self.description("Create order");
        *d = Value::String(format!("{}\n{row}", d.as_str().unwrap()));
    }

    fn enum_values(&mut self, operation: usize, side: &str, field: &str) -> &mut Vec<Value> {
        self.overlay["operations"][operation][side][field]["enum"]
            .as_array_mut()
            .unwrap()
    }

    /// The module this side generates.
    fn generated(&self) -> String {
        let (collection, overlay) = (self.collection.to_string(), self.overlay.to_string());
        let source = |name, text| Source { name, text };
        generate(
            source("shop.postman.json", &collection),
            Some(source("shop.overlay.json", &overlay)),
            &Options::default(),
        )
        .unwrap_or_else(|e| panic!("{e}"))
        .code
    }

    fn diff(&self, new: &Shop) -> Report {
        let (oc, oo) = (self.collection.to_string(), self.overlay.to_string());
        let (nc, no) = (new.collection.to_string(), new.overlay.to_string());
        diff(
            &Spec::new(
                Source {
                    name: "old/shop.postman.json",
                    text: &oc,
                },
                Some(Source {
                    name: "old/shop.overlay.json",
                    text: &oo,
                }),
            ),
            &Spec::new(
                Source {
                    name: "new/shop.postman.json",
                    text: &nc,
                },
                Some(Source {
                    name: "new/shop.overlay.json",
                    text: &no,
                }),
            ),
            &Options::default(),
        )
        .unwrap_or_else(|e| panic!("{e}: {:?}", e.sides))
    }
}

/// One spec edit and what the diff must say about it.
struct Edit {
    name: &'static str,
    apply: fn(&mut Shop),
    /// The change the edit makes, which decides the verdict.
    kind: ChangeKind,
    verdict: Verdict,
    /// The bump for a 0.x crate, and from 1.0.
    bumps: (Bump, Bump),
}

const REQUEST_OPTIONAL: ChangeKind = ChangeKind::FieldAdded {
    direction: Direction::Request,
    required: false,
};

fn edits() -> Vec<Edit> {
    use Bump::{Major, Minor, Patch};
    use Verdict::{Additive, Breaking, Docs};
    vec![
        Edit {
            name: "add an optional request field",
            apply: |s| {
                s.body("Create order", |b| {
                    b.insert("note".into(), json!("gift"));
                });
                s.table_row("| note | A note for the parcel. | Optional |");
            },
            kind: REQUEST_OPTIONAL,
            verdict: Additive,
            bumps: (Patch, Minor),
        },
        Edit {
            name: "add a required request field",
            apply: |s| {
                s.body("Create order", |b| {
                    b.insert("address".into(), json!("1 Main St"));
                });
                s.table_row("| address | Where to ship. | Required |");
            },
            kind: ChangeKind::FieldAdded {
                direction: Direction::Request,
                required: true,
            },
            verdict: Breaking,
            bumps: (Minor, Major),
        },
        Edit {
            name: "add a response field",
            apply: |s| {
                s.response("Get order", |b| {
                    b.insert("currency".into(), json!("EUR"));
                });
            },
            kind: ChangeKind::FieldAdded {
                direction: Direction::Response,
                required: true,
            },
            verdict: Additive,
            bumps: (Patch, Minor),
        },
        Edit {
            name: "remove a request field",
            apply: |s| {
                s.body("Create order", |b| {
                    b.remove("quantity");
                });
                let d = s.description("Create order");
                *d = json!(
                    d.as_str()
                        .unwrap()
                        .replace("| quantity | How many. | Optional |\n", "")
                );
            },
            kind: ChangeKind::FieldRemoved,
            verdict: Breaking,
            bumps: (Minor, Major),
        },
        Edit {
            name: "change a response field's type",
            apply: |s| {
                s.response("Get order", |b| {
                    b.insert("total".into(), json!("12.50"));
                });
            },
            kind: ChangeKind::FieldRetyped,
            verdict: Breaking,
            bumps: (Minor, Major),
        },
        Edit {
            name: "add a request enum value (overlay)",
            apply: |s| s.enum_values(0, "fields", "colour").push(json!("green")),
            kind: ChangeKind::EnumValueAdded {
                direction: Direction::Request,
            },
            verdict: Additive,
            bumps: (Patch, Minor),
        },
        Edit {
            name: "add a response enum value (overlay)",
            apply: |s| {
                s.enum_values(1, "response_fields", "status")
                    .push(json!("returned"))
            },
            kind: ChangeKind::EnumValueAdded {
                direction: Direction::Response,
            },
            verdict: Additive,
            bumps: (Patch, Minor),
        },
        Edit {
            name: "add an endpoint",
            apply: |s| {
                s.items().push(json!({
                    "name": "List orders",
                    "request": { "method": "GET", "url": "https://shop.example.com/v1/orders" },
                    "response": [{ "name": "ok", "code": 200, "body": "[{\"id\": \"o-1\"}]" }]
                }));
            },
            kind: ChangeKind::OperationAdded,
            verdict: Additive,
            bumps: (Patch, Minor),
        },
        Edit {
            // `CancelResponse` becomes an alias of the new, earlier
            // `CloseResponse`: code naming it still compiles.
            name: "add an endpoint answering like a later one",
            apply: |s| {
                s.items().insert(
                    0,
                    json!({
                        "name": "Close order",
                        "request": { "method": "POST", "url": "https://shop.example.com/v1/orders/{order_id}/close" },
                        "response": [{ "name": "ok", "code": 200, "body": "{\"id\": \"o-1\", \"cancelled\": true}" }]
                    }),
                );
            },
            kind: ChangeKind::OperationAdded,
            verdict: Additive,
            bumps: (Patch, Minor),
        },
        Edit {
            // `RefundResponse` was `CancelResponse`; now it is its own
            // struct, and a list of both no longer compiles.
            name: "add a response field to one of two names of one type",
            apply: |s| {
                s.response("Refund order", |b| {
                    b.insert("amount".into(), json!(12.5));
                });
            },
            kind: ChangeKind::TypeUnshared,
            verdict: Breaking,
            bumps: (Minor, Major),
        },
        Edit {
            // `ReleaseResponse` becomes an alias of `HoldResponse`:
            // one `From` impl for each now conflict.
            name: "make two response types one shape",
            apply: |s| {
                s.response("Hold order", |b| {
                    b.insert("held".into(), json!(false));
                });
            },
            kind: ChangeKind::TypesMerged,
            verdict: Breaking,
            bumps: (Minor, Major),
        },
        Edit {
            name: "remove an endpoint",
            apply: |s| {
                s.items().retain(|i| i["name"] != "Cancel order");
                let entries = s.overlay["operations"].as_array_mut().unwrap();
                entries.retain(|o| o["item"][1] != "Cancel order");
            },
            kind: ChangeKind::OperationRemoved,
            verdict: Breaking,
            bumps: (Minor, Major),
        },
        Edit {
            // Method names come from the path and the overlay: the item's
            // title is docs.
            name: "rename an item",
            apply: |s| s.item("Hold order")["name"] = json!("Hold an order"),
            kind: ChangeKind::DocChanged,
            verdict: Docs,
            bumps: (Patch, Patch),
        },
        Edit {
            name: "rename an operation (overlay)",
            apply: |s| s.overlay["operations"][1]["name"] = json!("fetch"),
            kind: ChangeKind::OperationRenamed,
            verdict: Breaking,
            bumps: (Minor, Major),
        },
        Edit {
            name: "change only a description",
            apply: |s| *s.description("Get order") = json!("Reads one order, shipped or not."),
            kind: ChangeKind::DocChanged,
            verdict: Docs,
            bumps: (Patch, Patch),
        },
        Edit {
            name: "change only an example",
            apply: |s| {
                s.body("Create order", |b| {
                    b.insert("item".into(), json!("lamp"));
                });
            },
            kind: ChangeKind::ExampleChanged,
            verdict: Docs,
            bumps: (Patch, Patch),
        },
        Edit {
            name: "remove an enum value",
            apply: |s| s.enum_values(0, "fields", "colour").retain(|v| v != "blue"),
            kind: ChangeKind::EnumValueRemoved,
            verdict: Breaking,
            bumps: (Minor, Major),
        },
        Edit {
            name: "make an optional request field required",
            apply: |s| {
                let d = s.description("Create order");
                *d = json!(
                    d.as_str()
                        .unwrap()
                        .replace("How many. | Optional", "How many. | Required")
                );
            },
            kind: ChangeKind::FieldMadeRequired,
            verdict: Breaking,
            bumps: (Minor, Major),
        },
        Edit {
            name: "move to another host",
            apply: |s| {
                let text = s
                    .collection
                    .to_string()
                    .replace("shop.example.com", "api.shop.example");
                s.collection = serde_json::from_str(&text).unwrap();
            },
            kind: ChangeKind::BaseUrlChanged,
            verdict: Additive,
            bumps: (Patch, Minor),
        },
        Edit {
            name: "drop the auth",
            apply: |s| s.collection["auth"] = json!({ "type": "noauth" }),
            kind: ChangeKind::AuthChanged,
            verdict: Breaking,
            bumps: (Minor, Major),
        },
    ]
}

#[test]
fn each_spec_edit_gets_its_verdict_and_bump() {
    let base = Shop::base();
    let edits = edits();
    assert!(edits.len() >= 12);
    // Every row is checked, so one run shows every wrong verdict.
    let mut wrong = Vec::new();
    for edit in &edits {
        let mut new = base.clone();
        (edit.apply)(&mut new);
        let report = base.diff(&new);
        let found = report.changes.iter().any(|c| c.kind == edit.kind);
        let got = (report.verdict(), report.bump_pre_1(), report.bump_1());
        let want = (Some(edit.verdict), edit.bumps.0, edit.bumps.1);
        if !found || got != want {
            wrong.push(format!(
                "{}: want {:?} and {want:?}, got {got:?} in\n{}",
                edit.name,
                edit.kind,
                report.render()
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Breaking for a reason no compiler sees: the call still compiles, but a
/// call that worked may now be refused, or send credentials elsewhere.
const BREAKING_AT_RUN_TIME: &[&str] = &["drop the auth"];

/// The verdicts against the compiler: the user program compiles against the
/// new API exactly when the diff does not say breaking (the rows above).
#[test]
fn the_user_program_compiles_exactly_when_the_verdict_is_not_breaking() {
    let scratch = compile::Scratch::new();
    let base = Shop::base();
    if let Err(e) = scratch.check(&base.generated()) {
        panic!("the user program does not compile against its own API:\n{e}");
    }
    let mut wrong = Vec::new();
    for edit in edits() {
        let mut new = base.clone();
        (edit.apply)(&mut new);
        let verdict = base.diff(&new).verdict();
        let compiled = scratch.check(&new.generated());
        if let Err(e) = &compiled {
            assert!(
                !e.contains("shop/src"),
                "{}: the generated code does not compile:\n{e}",
                edit.name
            );
        }
        let breaking = verdict == Some(Verdict::Breaking);
        let expected = !breaking || BREAKING_AT_RUN_TIME.contains(&edit.name);
        if compiled.is_ok() != expected {
            wrong.push(format!(
                "{}: verdict {verdict:?}, but the user program {}",
                edit.name,
                match compiled {
                    Ok(()) => "still compiles".to_owned(),
                    Err(e) => format!("no longer compiles:\n{e}"),
                }
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_same_spec_has_no_change_and_no_bump() {
    let base = Shop::base();
    let report = base.diff(&base);
    assert_eq!(report.changes, vec![]);
    assert_eq!(report.verdict(), None);
    assert_eq!(
        (report.bump_pre_1(), report.bump_1()),
        (Bump::None, Bump::None)
    );
    assert!(report.render().contains("no change to the generated API"));
}

/// Several edits at once: the worst verdict decides, groups come breaking
/// first, and two runs print the same bytes.
#[test]
fn edits_together_take_the_worst_verdict_in_a_stable_order() {
    let base = Shop::base();
    let mut new = base.clone();
    for edit in edits() {
        if [
            "change only a description",
            "add an endpoint",
            "remove an endpoint",
        ]
        .contains(&edit.name)
        {
            (edit.apply)(&mut new);
        }
    }
    let report = base.diff(&new);
    assert_eq!(report.verdict(), Some(Verdict::Breaking));
    assert_eq!(
        (report.bump_pre_1(), report.bump_1()),
        (Bump::Minor, Bump::Major)
    );
    // The list itself is in the order the report prints it.
    assert!(
        report
            .changes
            .windows(2)
            .all(|w| w[0].verdict <= w[1].verdict),
        "{:?}",
        report.changes
    );
    let text = report.render();
    let at = |s: &str| text.find(s).unwrap_or_else(|| panic!("no {s} in\n{text}"));
    assert!(at("\nBreaking:\n") < at("\nAdditive:\n"), "{text}");
    assert!(at("\nAdditive:\n") < at("\nDocs:\n"), "{text}");
    assert!(at("operation `order.cancel` removed") < at("\nAdditive:\n"));
    assert_eq!(base.diff(&new).render(), text);
    assert_eq!(base.diff(&new).changelog(), report.changelog());
}

/// A change of which names are one type says so in one line, naming both.
#[test]
fn a_change_of_type_identity_names_both_types() {
    let base = Shop::base();
    let line = |name: &str| {
        let edit = edits().into_iter().find(|e| e.name == name).unwrap();
        let mut new = base.clone();
        (edit.apply)(&mut new);
        let report = base.diff(&new);
        let found: Vec<_> = report
            .changes
            .iter()
            .filter(|c| c.kind == edit.kind)
            .map(|c| c.text.clone())
            .collect();
        assert_eq!(found.len(), 1, "{name}: {}", report.render());
        found[0].clone()
    };
    assert_eq!(
        line("add a response field to one of two names of one type"),
        "type `RefundResponse` is no longer the same type as `CancelResponse` (it was an alias of it)"
    );
    assert_eq!(
        line("make two response types one shape"),
        "types `HoldResponse` and `ReleaseResponse` are now one type (they were distinct)"
    );
}
