//! Each published crate's page on crates.io shows its own README, one that
//! lives in the crate's folder (so the package carries it as written), not
//! the workspace's, which holds benchmarks and maintainer material.

use super::{PUBLISHED, members, metadata, root};

#[test]
fn each_published_crate_points_at_a_readme_of_its_own() {
    let metadata = metadata();
    let root = root();
    for member in members(&metadata) {
        let manifest = std::path::Path::new(member["manifest_path"].as_str().expect("path"));
        let dir = manifest.parent().expect("a folder");
        let relative = dir.strip_prefix(&root).expect("inside the workspace");
        if !PUBLISHED
            .iter()
            .any(|p| relative == std::path::Path::new(p))
        {
            continue;
        }
        let readme = member["readme"]
            .as_str()
            .unwrap_or_else(|| panic!("{} declares no readme", member["name"]));
        assert_eq!(readme, "README.md", "{}'s readme", member["name"]);
        assert!(
            dir.join("README.md").is_file(),
            "{} has no README.md",
            relative.display()
        );
    }
}
