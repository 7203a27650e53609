//! End to end: the real binary in tmux against an emulator holding 20,000 tags and answering
//! each request after 400 ms, so the list takes a few rounds to arrive. The first rows show
//! while the title says how far it is; a filter typed while the rest arrives applies to the
//! rows that come after; marking and deleting the filtered rows then removes exactly those,
//! checked over the emulator's API.

mod support;

use std::collections::BTreeSet;

use support::tmux::{EmulatorProcess, RegistryApi, Tmux, available};

const COUNT: usize = 20_000;
/// `build-1999` and `build-19990`…`build-19999`.
const FILTER: &str = "build-1999";

fn seed_file() -> std::path::PathBuf {
    let seed = serde_json::json!({
        "namespaces": [{"name": "big", "repos": [
            {"name": "app", "generate_tags": {"count": COUNT, "prefix": "build-"}}
        ]}]
    });
    let path = std::env::temp_dir().join(format!("swr-tui-e2e-load-{}.json", std::process::id()));
    std::fs::write(&path, seed.to_string()).expect("seed written");
    path
}

#[test]
fn rows_are_usable_while_the_list_arrives() {
    if !available() {
        return;
    }
    let seed = seed_file();
    let emu = EmulatorProcess::start_seeded(&seed.to_string_lossy(), &["--latency-ms", "400"]);
    let api = RegistryApi::new(&emu);
    let all = api.tags("big", "app");
    assert_eq!(all.len(), COUNT);
    let doomed: BTreeSet<String> = all.iter().filter(|t| t.contains(FILTER)).cloned().collect();
    assert_eq!(doomed.len(), 11, "{doomed:?}");

    let t = Tmux::start("load", &emu, "", 120, 30);
    t.wait_for("Organizations (1)");
    t.keys(&["Enter"]);
    t.wait_for("Repositories (1)");
    t.keys(&["Enter"]);
    // The first page is on screen and the title says the list is still coming.
    let screen = t.wait_for(&format!(" of {}) loading", "20,000"));
    assert!(
        screen.contains("build-"),
        "rows drawn while loading:\n{screen}"
    );

    // Filter while the rest arrives: it holds for the rows that come later too.
    t.keys(&["/"]);
    t.type_text(FILTER);
    t.keys(&["Enter"]);
    let screen = t.wait_for(&format!("Tags (11/{COUNT}) /{FILTER}"));
    assert!(!screen.contains("loading"), "{screen}");
    for tag in &doomed {
        assert!(screen.contains(tag.as_str()), "{tag} shown:\n{screen}");
    }

    // Mark the filtered rows and delete them: exactly those go.
    t.keys(&["a"]);
    t.wait_for("[11 marked]");
    t.keys(&["d"]);
    t.wait_for("Delete 11 tags?");
    t.keys(&["y"]);
    let summary = t.wait_for("Delete finished");
    assert!(
        summary.contains("deleted 11") && summary.contains("failed 0"),
        "{summary}"
    );
    let expected: BTreeSet<String> = all.difference(&doomed).cloned().collect();
    assert_eq!(
        api.tags("big", "app"),
        expected,
        "exactly the marked tags are gone"
    );
    t.keys(&["Enter"]);
    // The list reloads (page by page, the old rows shown meanwhile) to the survivors.
    t.wait_for(&format!("Tags (0/{}) /{FILTER}", COUNT - 11));
    t.keys(&["q"]);
    assert_eq!(t.exit_status(), 0);
    let _ = std::fs::remove_file(seed);
}
