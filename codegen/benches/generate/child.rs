//! One case measured in a child process of the bench binary, so that its
//! peak memory is its own: the child reads the input, generates it a few
//! times, and prints the median time and its peak resident set (`VmHWM`).

use postman_codegen::{DocExamples, Options, Source, generate};
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

/// The flag that makes the bench binary a child.
pub const FLAG: &str = "--child";

/// How a case is generated.
#[derive(Clone, Copy)]
pub enum Mode<'a> {
    /// As the SDK's build script does: doc examples on, unsupported items fail.
    Sdk,
    /// As `postman-codegen --skip-unsupported` does.
    Lenient,
    /// As `postman-codegen --skip-unsupported --folder <path>` does.
    Folder(&'a str),
}

impl Mode<'_> {
    fn arg(self) -> String {
        match self {
            Mode::Sdk => "sdk".into(),
            Mode::Lenient => "lenient".into(),
            Mode::Folder(path) => format!("folder={path}"),
        }
    }
}

/// What a child measured.
pub struct Figures {
    pub operations: usize,
    /// Median of the timed runs (one untimed run first).
    pub median: Duration,
    /// Mean CPU time of the same runs, every thread's: what the work costs
    /// when other processes hold the cores (the wall time then includes
    /// waiting), and more than the wall time when it runs on several.
    pub cpu: Duration,
    /// Peak resident set of the whole child, input text included.
    pub peak_kib: u64,
}

/// Runs the case in a child and reads its figures; panics (the bench
/// fails) when the case does not generate.
pub fn measure(mode: Mode<'_>, reps: usize, collection: &Path, overlay: Option<&Path>) -> Figures {
    let exe = std::env::current_exe().expect("the bench binary's path");
    let mut cmd = Command::new(exe);
    cmd.arg(FLAG)
        .arg(mode.arg())
        .arg(reps.to_string())
        .arg(collection);
    if let Some(o) = overlay {
        cmd.arg(o);
    }
    let out = cmd.output().expect("the child runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}: {}{}",
        collection.display(),
        stdout,
        String::from_utf8_lossy(&out.stderr)
    );
    let fields: Vec<u64> = stdout
        .split_whitespace()
        .map(|f| f.parse().expect("the child prints numbers"))
        .collect();
    let [operations, nanos, cpu, peak_kib] = fields[..] else {
        panic!("child printed {stdout:?}");
    };
    Figures {
        operations: operations as usize,
        median: Duration::from_nanos(nanos),
        cpu: Duration::from_nanos(cpu),
        peak_kib,
    }
}

/// The child's side: `FLAG mode reps collection [overlay]`; prints
/// `operations median_ns cpu_ns peak_kib`.
pub fn run(args: &[String]) {
    let [mode, reps, collection, rest @ ..] = args else {
        panic!("usage: {FLAG} MODE REPS COLLECTION [OVERLAY]");
    };
    let reps: usize = reps.parse().expect("REPS is a number");
    let collection = read(Path::new(collection));
    let overlay = rest.first().map(|p| read(Path::new(p)));
    let options = match mode.as_str() {
        "sdk" => Options::default().with_doc_examples(DocExamples {
            types_path: "sdk".into(),
            prologue: vec!["let client = sdk::Client::local();".into()],
            epilogue: Vec::new(),
        }),
        "lenient" => Options::default().with_skip_unsupported(true),
        other => {
            let path = other.strip_prefix("folder=").expect("a known mode");
            Options::default()
                .with_skip_unsupported(true)
                .with_folders([path])
        }
    };
    let once = || {
        generate(
            Source {
                name: "bench",
                text: &collection,
            },
            overlay.as_deref().map(|text| Source {
                name: "overlay",
                text,
            }),
            &options,
        )
        .unwrap_or_else(|e| panic!("{e}"))
    };
    let operations = once().operations;
    let runs = reps.max(1);
    let cpu_before = cpu_time();
    let mut wall: Vec<Duration> = (0..runs)
        .map(|_| {
            let started = Instant::now();
            drop(once());
            started.elapsed()
        })
        .collect();
    // The kernel counts a process's CPU time in ticks: a mean over all
    // runs is finer than any one run's count.
    let cpu = cpu_time().saturating_sub(cpu_before) / runs as u32;
    wall.sort();
    println!(
        "{operations} {} {} {}",
        wall[wall.len() / 2].as_nanos(),
        cpu.as_nanos(),
        peak_kib()
    );
}

/// The CPU time this process has had, all its threads (ended ones
/// included), user and system: `utime` and `stime` of `/proc/self/stat`
/// (Linux), in ticks of 10 ms; zero where there is none.
fn cpu_time() -> Duration {
    let ticks = std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|stat| {
            // The fields after the command name, which may hold spaces.
            let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
            let field = |i: usize| fields.get(i)?.parse::<u64>().ok();
            Some(field(11)? + field(12)?)
        });
    // `USER_HZ`, which Linux fixes at 100 for what `/proc` shows.
    Duration::from_millis(ticks.unwrap_or(0) * 10)
}

/// `VmHWM` of this process, from `/proc` (Linux); 0 where there is none.
fn peak_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
            line.split_whitespace().nth(1)?.parse().ok()
        })
        .unwrap_or(0)
}

pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}
