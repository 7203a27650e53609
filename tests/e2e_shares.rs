//! End to end: the real binary in tmux. `:shares` on a repository lists who it is shared
//! with; marking two shares and revoking them after the confirmation leaves exactly the third
//! (checked over the API).

mod support;

use support::tmux::{EmulatorProcess, RegistryApi, Tmux, available};

#[test]
fn revoking_two_marked_shares_leaves_exactly_the_third() {
    if !available() {
        return;
    }
    let share = |account: &str| serde_json::json!({"access_domain": account, "deadline": "forever", "description": "e2e"});
    let seed = serde_json::json!({"namespaces": [{"name": "acme", "repos": [
        {"name": "web", "category": "linux", "description": "shared",
         "shares": [share("alpha"), share("beta"), share("gamma")]}
    ]}]});
    let dir = std::env::temp_dir().join(format!("swr-tui-shares-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("seed.json");
    std::fs::write(&path, seed.to_string()).unwrap();
    let emu = EmulatorProcess::start_seeded(path.to_str().unwrap(), &[]);
    let api = RegistryApi::new(&emu);
    assert_eq!(api.shares("acme", "web").len(), 3);

    let t = Tmux::start("shares", &emu, "", 100, 30);
    t.wait_for("Organizations (1)");
    t.keys(&["Enter"]);
    t.wait_for("Repositories (1)");
    t.keys(&[":"]);
    t.type_text("sh");
    // `shares` and `shared` both start so: Tab puts in their common start, Tab again the first.
    t.keys(&["Tab"]);
    t.wait_for(":share█");
    t.keys(&["Tab"]);
    t.wait_for(":shares");
    t.keys(&["Enter"]);
    t.wait_for("Shares: acme/web (3)");
    // By account: alpha, beta, gamma.
    t.keys(&["Space", "Space"]);
    t.wait_for("[2 marked]");
    t.keys(&["d"]);
    let screen = t.wait_for("Revoke 2 shares?");
    assert!(
        screen.contains("alpha") && screen.contains("beta"),
        "{screen}"
    );
    t.keys(&["y"]);
    t.wait_for("Revoked 2 shares of acme/web");
    t.wait_for("Shares: acme/web (1)");
    let left: Vec<String> = api.shares("acme", "web").into_iter().collect();
    assert_eq!(left, ["gamma"], "exactly the marked shares were revoked");
    t.keys(&["q"]);
    assert_eq!(t.exit_status(), 0);
}
