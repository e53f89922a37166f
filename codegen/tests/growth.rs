//! What the generator's cost grows with, measured by what it produces (a
//! count, so the test is as fast and steady on a loaded machine as on an idle
//! one): it must grow linearly with the input.

#[path = "growth/deep_path.rs"]
mod deep_path;

use deep_path::deep_path;
use postman_codegen::{Options, Source, generate};

/// Fields of every handle struct in `code`, and how many handles there are.
fn handle_fields(code: &str) -> (usize, usize) {
    let (mut handles, mut fields) = (0, 0);
    let mut inside = false;
    for line in code.lines() {
        if line.starts_with("pub struct ") && line.contains("Handle<'a> {") {
            handles += 1;
            inside = true;
        } else if inside && line.starts_with('}') {
            inside = false;
        } else if inside && line.trim_end().ends_with(',') {
            fields += 1;
        }
    }
    (handles, fields)
}

/// Each handle used to hold every parameter before its own: 1,000 parameters
/// took 12.6 s and 1.5 GB. A handle now holds the client and one list.
#[test]
fn path_parameters_cost_linearly() {
    let code_of = |n: usize| {
        let text = deep_path(n);
        let output = generate(
            Source {
                name: "deep.json",
                text: &text,
            },
            None,
            &Options::default(),
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(output.operations, 1);
        output.code
    };
    let (small, large) = (code_of(50), code_of(200));
    assert_eq!(handle_fields(&small), (50, 100));
    assert_eq!(handle_fields(&large), (200, 400));
    // Four times the parameters, about four times the code (it was 14 times).
    let ratio = large.len() as f64 / small.len() as f64;
    assert!(ratio < 4.5, "code grew {ratio:.1}x for 4x the parameters");
}
