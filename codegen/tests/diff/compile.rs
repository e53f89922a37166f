//! The compiler's half of the diff table: a scratch workspace of two
//! crates, `shop` (the generated module of one side, with a host client
//! type) and `user` (a program written against the base spec's API, in
//! `tests/diff/user/lib.rs`), checked once per edit.
//!
//! Two crates, not one: `#[non_exhaustive]` binds only other crates. The
//! workspace lives under the target directory (`CARGO_TARGET_TMPDIR`) with
//! its own target folder and a copy of the workspace's lock file, so the
//! dependencies are checked once (on a clean clone, the first run does it)
//! and each edit rechecks only the two small crates.

use std::path::{Path, PathBuf};
use std::process::Command;

pub struct Scratch {
    dir: PathBuf,
}

impl Scratch {
    /// Writes the workspace; `generated` is the base side's module.
    pub fn new() -> Scratch {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("diff-proof");
        let runtime = root.join("runtime");
        let write = |path: &str, text: &str| {
            let path = dir.join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            // Unchanged files keep their times, so cargo rechecks nothing more.
            if std::fs::read_to_string(&path).ok().as_deref() != Some(text) {
                std::fs::write(&path, text).unwrap();
            }
        };
        write(
            "Cargo.toml",
            "[workspace]\nmembers = [\"shop\", \"user\"]\nresolver = \"3\"\n",
        );
        write(
            "Cargo.lock",
            &std::fs::read_to_string(root.join("../Cargo.lock")).unwrap(),
        );
        let deps = format!(
            "postman-runtime = {{ path = {:?} }}\nserde = {{ version = \"1\", features = [\"derive\"] }}\nserde_json = \"1\"\n",
            runtime.display().to_string()
        );
        write(
            "shop/Cargo.toml",
            &format!(
                "[package]\nname = \"shop\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n[dependencies]\n{deps}"
            ),
        );
        write(
            "shop/src/lib.rs",
            "//! The generated module of one side, with its host client.\n\
             /// The host's client type.\n\
             pub struct Client(pub postman_runtime::Client);\n\
             impl AsRef<postman_runtime::Client> for Client {\n\
                 fn as_ref(&self) -> &postman_runtime::Client { &self.0 }\n\
             }\n\
             mod generated {\n    include!(\"generated.rs\");\n}\n\
             pub use generated::*;\n",
        );
        write(
            "user/Cargo.toml",
            &format!(
                "[package]\nname = \"user\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n[dependencies]\nshop = {{ path = \"../shop\" }}\n{deps}"
            ),
        );
        write(
            "user/src/lib.rs",
            &std::fs::read_to_string(root.join("tests/diff/user/lib.rs")).unwrap(),
        );
        Scratch { dir }
    }

    /// Whether the user program compiles against `generated`; `Err` holds
    /// the compiler's messages.
    pub fn check(&self, generated: &str) -> Result<(), String> {
        std::fs::write(self.dir.join("shop/src/generated.rs"), generated).unwrap();
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let out = Command::new(cargo)
            .args(["check", "--offline", "--quiet", "--message-format=short"])
            .args(["-p", "user"])
            .current_dir(&self.dir)
            .env("CARGO_TARGET_DIR", self.dir.join("target"))
            .env_remove("RUSTFLAGS")
            .output()
            .unwrap();
        if out.status.success() {
            Ok(())
        } else {
            Err(String::from_utf8_lossy(&out.stderr).into_owned())
        }
    }
}
