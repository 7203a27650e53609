//! End to end: the real binary in tmux against `swr-tui emulator --seed demo`: open
//! platform → tools/ci/runner, filter the tags to a small set, mark them all, ask to delete and
//! cancel (nothing goes), then delete for real and check through the emulator's API that
//! exactly the marked tags are gone; the list refreshes; quit with status 0.

mod support;

use std::collections::BTreeSet;

use support::tmux::{EmulatorProcess, RegistryApi, Tmux, available};

const ORG: &str = "platform";
const REPO: &str = "tools/ci/runner";
/// The demo's runner has `build-1`…`build-2400` and `latest`; this filter leaves `build-239`
/// and `build-2390`…`build-2399`.
const FILTER: &str = "build-239";

/// The runner's tag names, over the emulator's API.
struct Api(RegistryApi);

impl Api {
    fn new(emu: &EmulatorProcess) -> Self {
        Self(RegistryApi::new(emu))
    }

    fn tags(&self) -> BTreeSet<String> {
        self.0.tags(ORG, REPO)
    }
}

#[test]
fn mark_filtered_cancel_then_delete_exactly_those() {
    if !available() {
        return;
    }
    let emu = EmulatorProcess::start(&[]);
    let api = Api::new(&emu);
    let all = api.tags();
    assert_eq!(all.len(), 2401, "the demo runner's tags");
    let marked: BTreeSet<String> = all.iter().filter(|t| t.contains(FILTER)).cloned().collect();
    assert_eq!(marked.len(), 11, "{marked:?}");

    let t = Tmux::start("delete", &emu, "", 100, 30);
    t.open_demo_runner();

    // Filter the tags to the small set and mark every visible row.
    t.keys(&["/"]);
    t.type_text(FILTER);
    t.keys(&["Enter"]);
    t.wait_for(&format!("Tags (11/2401) /{FILTER}"));
    t.keys(&["a"]);
    t.wait_for("[11 marked]");

    // Ask, then cancel: nothing is deleted.
    t.keys(&["d"]);
    let dialog = t.wait_for("Delete 11 tags?");
    assert!(dialog.contains("platform/tools/ci/runner"), "{dialog}");
    for tag in &marked {
        assert!(
            dialog.contains(&format!("• {tag}\n")) || dialog.contains(&format!("• {tag} ")),
            "{tag} listed:\n{dialog}"
        );
    }
    eprintln!("{dialog}");
    t.keys(&["n"]);
    t.wait_for("Nothing deleted");
    assert_eq!(api.tags(), all, "n deleted nothing");

    // Ask again and confirm.
    t.keys(&["d"]);
    t.wait_for("Delete 11 tags?");
    t.keys(&["y"]);
    let summary = t.wait_for("Delete finished");
    assert!(summary.contains("deleted 11"), "{summary}");
    assert!(summary.contains("failed 0"), "{summary}");
    eprintln!("{summary}");
    let remaining = api.tags();
    let expected: BTreeSet<String> = all.difference(&marked).cloned().collect();
    assert_eq!(remaining, expected, "exactly the marked tags are gone");

    // Close the summary: the list has reloaded, the filter still on.
    t.keys(&["Enter"]);
    let screen = t.wait_for(&format!("Tags (0/2390) /{FILTER}"));
    assert!(!screen.contains("marked]"), "no marks left:\n{screen}");
    t.keys(&["Escape"]);
    t.wait_for("Tags (2390)");
    t.keys(&["q"]);
    assert_eq!(t.exit_status(), 0);
}
