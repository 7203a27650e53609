//! End to end at 80x24: deleting a repository with a long name asks for the name to be typed,
//! and the name is on screen whole (wrapped), so it can be read and typed; typing it deletes
//! exactly that repository (checked over the API).

mod support;

use support::tmux::{EmulatorProcess, RegistryApi, Tmux, available};

/// 81 characters: wider than the terminal.
fn long_name() -> String {
    let name = format!("team/{}", "long-repository-name-".repeat(4)) + "eighty1";
    let name: String = name.chars().take(81).collect();
    assert_eq!(name.len(), 81);
    name
}

/// The screen's text without spaces, line ends and box lines: a name wrapped over several
/// lines of a dialog reads whole.
fn joined(screen: &str) -> String {
    screen
        .chars()
        .filter(|c| !c.is_whitespace() && !('\u{2500}'..='\u{257F}').contains(c))
        .collect()
}

#[test]
fn a_long_repository_name_to_type_is_shown_whole_at_80x24() {
    if !available() {
        return;
    }
    let name = long_name();
    let seed = serde_json::json!({"namespaces": [{"name": "acme", "repos": [
        {"name": name, "category": "linux", "description": "long"},
        {"name": "keep", "category": "linux", "description": "stays"}
    ]}]});
    let dir = std::env::temp_dir().join(format!("swr-tui-typed-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("seed.json");
    std::fs::write(&path, seed.to_string()).unwrap();
    let emu = EmulatorProcess::start_seeded(path.to_str().unwrap(), &[]);
    let api = RegistryApi::new(&emu);
    assert_eq!(api.repos("acme").len(), 2);

    let t = Tmux::start("typed", &emu, "", 80, 24);
    t.wait_for("Organizations (1)");
    t.keys(&["Enter"]);
    t.wait_for("Repositories (2)");
    // By name: keep, then the long one.
    t.keys(&["G", "d"]);
    let screen = t.wait_for("Type");
    let text = joined(&screen);
    assert!(
        text.contains(&name),
        "the whole name is on screen:\n{screen}"
    );
    t.type_text(&name);
    t.keys(&["Enter"]);
    t.wait_for("Repositories (1)");
    let left = api.repos("acme");
    assert_eq!(
        left.into_iter().collect::<Vec<_>>(),
        ["keep"],
        "exactly the typed repository went"
    );
    t.keys(&["q"]);
    assert_eq!(t.exit_status(), 0);
}
