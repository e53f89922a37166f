//! Every published package carries both licence files. Cargo cannot copy a
//! file from outside a package's folder (and `license-file` names one
//! licence, not a choice of two), and the repository has no symlinks, so
//! each crate folder holds a copy; they must never drift from the top-level
//! originals.

use super::{PUBLISHED, root};

#[test]
fn each_published_crate_carries_the_top_level_licences_unchanged() {
    let root = root();
    for name in ["LICENSE-MIT", "LICENSE-APACHE"] {
        let original = std::fs::read(root.join(name)).expect(name);
        assert!(original.len() > 1000, "{name} is a full licence text");
        for krate in PUBLISHED {
            let copy = root.join(krate).join(name);
            let text = std::fs::read(&copy)
                .unwrap_or_else(|e| panic!("{} is missing: {e}", copy.display()));
            assert!(
                text == original,
                "{} differs from the top-level {name}: copy it again",
                copy.display()
            );
        }
    }
}
