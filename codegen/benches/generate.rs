//! How long generation takes and how much memory it needs: the SDK's spec,
//! each collection of the corpus (when `POSTMAN_CORPUS_DIR` names it, or
//! `../shared/postman-corpus` exists), one real-world collection of over
//! 623 requests made of corpus collections (Stripe and Twilio, one folder
//! each), the same with one folder chosen, and synthetic collections of 10
//! to 10,000 requests, to see how the time grows; then 1,000 against 10,000
//! path parameters, and 1,000 against 10,000 items of one name.
//!
//! Each case runs in a child process of this binary (`child.rs`): the
//! median wall time of a few runs, their mean CPU time over all threads
//! (which other processes on a shared machine disturb less; above the wall
//! time when generation runs on several cores), and the child's peak
//! resident set, input included.
//!
//! `cargo bench -p postman-codegen --bench generate`
//! (`BENCH_MAX_REQUESTS=1000` leaves out the 10,000-request cases)

#[path = "generate/child.rs"]
mod child;
#[path = "generate/inputs.rs"]
mod inputs;

use child::{Figures, Mode, measure};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// The corpus collections the large real-world input is made of.
const MERGED: &[&str] = &["stripe", "twilio"];

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Some(at) = args.iter().position(|a| a == child::FLAG) {
        child::run(&args[at + 1..]);
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let scratch =
        std::env::temp_dir().join(format!("postman-codegen-bench-{}", std::process::id()));
    std::fs::create_dir_all(&scratch).expect("a scratch folder");
    println!("generation (median time; peak memory of the process), this machine");
    println!(
        "{:<44} {:>9} {:>10} {:>10} {:>10} {:>11} {:>9}",
        "input", "requests", "operations", "ms", "CPU ms", "µs/request", "peak MiB"
    );

    let spec = root.join("spec");
    let collection = spec.join("phlo.postman_collection.json");
    let requests = inputs::requests(&json(&collection));
    let overlay = spec.join("phlo.overlay.json");
    let f = measure(Mode::Sdk, 100, &collection, Some(&overlay));
    report("spec/ (Plivo PHLO), as the SDK builds it", requests, &f);

    let corpus = std::env::var_os("POSTMAN_CORPUS_DIR")
        .map(PathBuf::from)
        .or_else(|| Some(root.join("../shared/postman-corpus")).filter(|p| p.is_dir()));
    if let Some(dir) = corpus {
        corpus_cases(&dir, &scratch);
    }

    let largest: usize = std::env::var("BENCH_MAX_REQUESTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let mut per_request = Vec::new();
    for n in [10usize, 100, 1_000, 10_000]
        .into_iter()
        .filter(|&n| n <= largest)
    {
        let file = write(&scratch, &format!("synthetic-{n}"), &inputs::synthetic(n));
        let f = measure(Mode::Sdk, if n >= 10_000 { 3 } else { 10 }, &file, None);
        assert_eq!(f.operations, n);
        per_request.push(f.median.as_secs_f64() / n as f64);
        report(&format!("synthetic, {n} requests (as the SDK)"), n, &f);
    }
    if let (Some(small), Some(large)) = (per_request.get(1), per_request.get(3)) {
        println!(
            "growth: time per request at 10,000 is {:.2}x that at 100 (1.00 is linear)",
            large / small
        );
    }

    // Two inputs that once cost quadratic time: one path with many
    // parameters (each handle held every earlier one) and many items of one
    // name (each name tried every earlier suffix).
    println!();
    println!(
        "{:<28} {:>10} {:>10} {:>10} {:>10} {:>14}",
        "input", "1,000: ms", "MiB", "10,000: ms", "MiB", "10,000 / 1,000"
    );
    side_by_side("path parameters", inputs::deep_path, &scratch);
    side_by_side("items of one name", inputs::same_names, &scratch);
    println!("(10.0 is linear)");
    std::fs::remove_dir_all(&scratch).ok();
}

/// Every corpus collection as the command line generates it, then the
/// large merged one, whole and with one of its folders chosen.
fn corpus_cases(dir: &Path, scratch: &Path) {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "json"));
    files.sort();
    for file in files {
        let requests = inputs::requests(&json(&file));
        let f = measure(Mode::Lenient, reps(requests), &file, None);
        let name = file.file_name().map(|n| n.to_string_lossy().into_owned());
        report(
            &format!("corpus/{}", name.unwrap_or_default()),
            requests,
            &f,
        );
    }
    let Some(merged) = inputs::merged(dir, MERGED) else {
        println!("(no merged case: the corpus lacks one of {MERGED:?})");
        return;
    };
    let requests = inputs::requests(&merged);
    let file = write(scratch, "merged", &merged);
    drop(merged);
    let f = measure(Mode::Lenient, reps(requests), &file, None);
    report(
        &format!("{}, one folder each", MERGED.join(" + ")),
        requests,
        &f,
    );
    let last = inputs::folder_name(MERGED[MERGED.len() - 1]);
    let f = measure(Mode::Folder(&last), reps(requests), &file, None);
    report(&format!("the same, --folder {last}"), requests, &f);
}

/// Fewer runs for the large inputs: each takes most of a second.
fn reps(requests: usize) -> usize {
    if requests >= 150 { 5 } else { 20 }
}

/// Measures `make(1_000)` and `make(10_000)` and prints them on one line.
fn side_by_side(what: &str, make: fn(usize) -> Value, scratch: &Path) {
    let figures: Vec<Figures> = [1_000, 10_000]
        .into_iter()
        .map(|n| {
            let file = write(
                scratch,
                &format!("{}-{n}", what.replace(' ', "-")),
                &make(n),
            );
            measure(Mode::Sdk, if n >= 10_000 { 3 } else { 10 }, &file, None)
        })
        .collect();
    let ms = |f: &Figures| f.median.as_secs_f64() * 1e3;
    println!(
        "{what:<28} {:>10.1} {:>10.0} {:>10.1} {:>10.0} {:>14.2}",
        ms(&figures[0]),
        mib(&figures[0]),
        ms(&figures[1]),
        mib(&figures[1]),
        figures[1].median.as_secs_f64() / figures[0].median.as_secs_f64()
    );
}

fn json(path: &Path) -> Value {
    serde_json::from_str(&child::read(path)).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Writes `value` to a file in `scratch` for a child to read.
fn write(scratch: &Path, name: &str, value: &Value) -> PathBuf {
    let path = scratch.join(format!("{name}.json"));
    std::fs::write(&path, value.to_string()).expect("the scratch folder is writable");
    path
}

fn mib(f: &Figures) -> f64 {
    f.peak_kib as f64 / 1024.0
}

fn report(what: &str, requests: usize, f: &Figures) {
    let ms = f.median.as_secs_f64() * 1e3;
    let per = if requests == 0 {
        0.0
    } else {
        f.median.as_secs_f64() * 1e6 / requests as f64
    };
    // The kernel adds up CPU time at its ticks (10 ms): too coarse for short runs.
    let cpu = if ms >= 20.0 {
        format!("{:.1}", f.cpu.as_secs_f64() * 1e3)
    } else {
        "-".to_owned()
    };
    println!(
        "{what:<44} {requests:>9} {:>10} {ms:>10.1} {cpu:>10} {per:>11.1} {:>9.1}",
        f.operations,
        mib(f)
    );
}
