//! The case tables against the Rust calls and our spec, without the
//! official SDKs: these run with the workspace's tests, so a table that
//! drifts from the generated client fails `cargo test`, not only ./run.

use super::all;
use crate::args::Args;
use crate::cases::{Table, load};
use plivo::Client;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

fn tables() -> Vec<Table> {
    load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("cases")).expect("the case tables read")
}

#[test]
fn every_case_has_one_rust_call_and_every_rust_call_a_case() {
    let mut ids = BTreeSet::new();
    for table in tables() {
        for case in table.cases {
            assert!(
                ids.insert(case.id.clone()),
                "case {} is in two tables",
                case.id
            );
        }
    }
    let mut rust = BTreeSet::new();
    for (id, _) in all() {
        assert!(rust.insert(id.to_owned()), "two Rust calls for {id}");
    }
    let no_rust: Vec<_> = ids.difference(&rust).collect();
    let no_case: Vec<_> = rust.difference(&ids).collect();
    assert!(no_rust.is_empty(), "cases without a Rust call: {no_rust:?}");
    assert!(no_case.is_empty(), "Rust calls without a case: {no_case:?}");
}

#[test]
fn every_case_names_an_operation_of_our_spec_and_an_official_call() {
    let items: BTreeSet<&str> = plivo::operations::ALL.iter().map(|op| op.item).collect();
    for table in tables() {
        for case in &table.cases {
            assert!(
                items.contains(case.item.as_str()),
                "{}: no item {:?}",
                case.id,
                case.item
            );
            assert!(
                case.python.is_some() || case.node.is_some(),
                "{}: neither SDK has a call, so it belongs in `uncovered`",
                case.id
            );
        }
        for gap in &table.uncovered {
            assert!(
                items.contains(gap.item.as_str()),
                "uncovered: no item {:?}",
                gap.item
            );
            assert!(
                !gap.why.trim().is_empty(),
                "uncovered {:?}: say why",
                gap.item
            );
        }
    }
}

#[test]
fn every_operation_of_our_spec_is_a_case_or_uncovered_with_a_reason() {
    let mut covered: BTreeMap<String, usize> = BTreeMap::new();
    for table in tables() {
        for item in table
            .cases
            .iter()
            .map(|c| &c.item)
            .chain(table.uncovered.iter().map(|u| &u.item))
        {
            *covered.entry(item.clone()).or_default() += 1;
        }
    }
    let missing: Vec<&str> = plivo::operations::ALL
        .iter()
        .map(|op| op.item)
        .filter(|item| !covered.contains_key(*item))
        .collect();
    assert!(
        missing.is_empty(),
        "operations in no case table: {missing:?}"
    );
}

#[test]
fn every_rust_call_builds_from_its_cases_arguments_and_reads_them_all() {
    let client = Client::builder(crate::AUTH_ID, crate::AUTH_TOKEN)
        .base_url_for_all_hosts("http://127.0.0.1:9")
        .build()
        .expect("a client");
    for table in tables() {
        for case in table.cases {
            let Some(build) = super::find(&case.id) else {
                continue;
            };
            let args = Args::new(&case.id, case.args.clone());
            if let Err(error) = build(&client, &args) {
                panic!("{error}");
            }
            let unread = args.unread();
            assert!(
                unread.is_empty(),
                "{}: the Rust call leaves {unread:?} unsent",
                case.id
            );
        }
    }
}
