//! End to end: the real binary in tmux. In the Shares pane `c` shares the repository with a
//! new account until a day, and `e` extends that share for ever; both checked over the API.

mod support;

use support::tmux::{EmulatorProcess, RegistryApi, Tmux, available};

#[test]
fn adding_and_extending_a_share_reaches_the_registry() {
    if !available() {
        return;
    }
    let seed = serde_json::json!({"namespaces": [{"name": "acme", "repos": [
        {"name": "web", "category": "linux", "description": "shared",
         "shares": [{"access_domain": "alpha", "deadline": "forever", "description": "e2e"}]}
    ]}]});
    let dir = std::env::temp_dir().join(format!("swr-tui-share-forms-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("seed.json");
    std::fs::write(&path, seed.to_string()).unwrap();
    let emu = EmulatorProcess::start_seeded(path.to_str().unwrap(), &[]);
    let api = RegistryApi::new(&emu);

    let t = Tmux::start("share-forms", &emu, "", 100, 30);
    t.wait_for("Organizations (1)");
    t.keys(&["Enter"]);
    t.wait_for("Repositories (1)");
    t.keys(&[":"]);
    t.type_text("shares");
    t.keys(&["Enter"]);
    t.wait_for("Shares: acme/web (1)");

    t.keys(&["c"]);
    t.wait_for("Share acme/web");
    t.type_text("partner-b");
    t.keys(&["Tab"]);
    t.keys(&["BSpace"; 10]);
    t.type_text("2099-12-31");
    t.keys(&["Tab"]);
    t.type_text("nightly");
    t.keys(&["C-s"]);
    t.wait_for("Shared acme/web with partner-b");
    t.wait_for("Shares: acme/web (2)");
    let held = api.share_deadlines("acme", "web");
    assert!(
        held.contains("partner-b 2099-12-31T00:00:00.000Z nightly"),
        "{held:?}"
    );

    // By account: alpha, partner-b.
    t.keys(&["j", "e"]);
    t.wait_for("Extend the share with partner-b");
    t.keys(&["BSpace"; 10]);
    t.type_text("forever");
    t.keys(&["Enter"]);
    t.wait_for("Changed the share of acme/web with partner-b");
    let held = api.share_deadlines("acme", "web");
    assert!(held.contains("partner-b forever nightly"), "{held:?}");
    assert!(
        held.contains("alpha forever e2e"),
        "the other share is untouched: {held:?}"
    );
    t.keys(&["q"]);
    assert_eq!(t.exit_status(), 0);
}
