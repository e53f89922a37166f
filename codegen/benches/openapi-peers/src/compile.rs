//! The clients compiled: each a crate of one scratch workspace (members
//! `*`), built with the caller's target dir so the dependencies every
//! client shares build once, before any client is timed.

use crate::Built;
use crate::ours::one_line;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// The scratch workspace.
pub struct Scratch {
    dir: PathBuf,
    target: PathBuf,
    runtime: PathBuf,
}

impl Scratch {
    /// A workspace at `dir` building into `target`.
    pub fn new(dir: &Path, target: &Path) -> Self {
        let runtime = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../runtime");
        let scratch = Scratch {
            dir: dir.to_owned(),
            target: target.to_owned(),
            runtime: runtime.canonicalize().unwrap_or(runtime),
        };
        // The same dev profile as the main workspace's.
        scratch.write(
            "Cargo.toml",
            "[workspace]\nmembers = [\"*\"]\nresolver = \"3\"\n\n[profile.dev]\ndebug = \"line-tables-only\"\n",
        );
        scratch.add(
            "ours_base",
            Some(""),
            crate::ours::MANIFEST,
            "//! Dependencies only.\n",
        );
        scratch.add(
            "prog_base",
            Some(""),
            crate::theirs::MANIFEST,
            "//! Dependencies only.\n",
        );
        scratch
    }

    fn write(&self, file: &str, text: &str) {
        let path = self.dir.join(file);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("scratch folder");
        }
        std::fs::write(&path, text).expect("scratch file");
    }

    /// A crate `name` with `manifest`'s dependencies, `lib` as its library
    /// and `code` as `src/generated.rs`; nothing when there is no code.
    pub fn add(&self, name: &str, code: Option<&str>, manifest: &str, lib: &str) {
        let Some(code) = code else { return };
        let manifest = manifest.replace("{runtime}", &self.runtime.display().to_string());
        self.write(
            &format!("{name}/Cargo.toml"),
            &format!("[package]\nname = \"{name}\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n{manifest}"),
        );
        self.write(&format!("{name}/src/lib.rs"), lib);
        self.write(&format!("{name}/src/generated.rs"), code);
    }

    /// Builds what every client depends on, so that no client's time
    /// includes it.
    pub fn build_dependencies(&self) {
        for base in ["ours_base", "prog_base"] {
            let b = self.build(base);
            assert!(b.ok, "{base}: {:?}", b.error);
        }
    }

    /// Builds crate `name` alone and reads its diagnostics.
    pub fn build(&self, name: &str) -> Built {
        eprintln!("building {name}");
        let start = Instant::now();
        let output = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned()))
            .args(["build", "--message-format=json", "-p", name])
            .current_dir(&self.dir)
            .env("CARGO_TARGET_DIR", &self.target)
            .output()
            .expect("cargo runs");
        let time = start.elapsed();
        let own = format!("#{name}@");
        let mut built = Built {
            ok: output.status.success(),
            time,
            ..Built::default()
        };
        for line in String::from_utf8_lossy(&output.stdout).lines() {
            let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
                continue;
            };
            let ours = v["package_id"].as_str().is_some_and(|p| p.contains(&own));
            if v["reason"] != "compiler-message" || !ours {
                continue;
            }
            let m = &v["message"];
            // The closing "N warnings emitted" line has no span.
            let spanned = m["spans"].as_array().is_some_and(|s| !s.is_empty());
            match m["level"].as_str() {
                Some("warning") if spanned => built.warnings += 1,
                Some("error") if built.error.is_none() => {
                    built.error = Some(one_line(m["message"].as_str().unwrap_or_default()));
                }
                _ => {}
            }
        }
        if !built.ok && built.error.is_none() {
            built.error = Some(one_line(&String::from_utf8_lossy(&output.stderr)));
        }
        eprintln!("  {:?}", built);
        built
    }
}
