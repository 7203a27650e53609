//! End to end: the real binary in tmux against the emulator. Two marked tags are synced with
//! `X` to another region's organization, the jobs pane polls until both succeed, and the API
//! then holds exactly those two jobs; on `:sync-rules` a rule is added and deleted, each checked
//! over the API.

mod support;

use std::time::{Duration, Instant};

use support::tmux::{EmulatorProcess, RegistryApi, Tmux, available};

fn seed() -> serde_json::Value {
    let tag = |name: &str, created: &str| serde_json::json!({"tag": name, "created": created});
    serde_json::json!({"namespaces": [
        {"name": "acme", "repos": [{"name": "web", "tags": [
            tag("v1", "2026-01-01T00:00:00Z"),
            tag("v2", "2026-01-02T00:00:00Z"),
            tag("v3", "2026-01-03T00:00:00Z"),
        ]}]},
        {"name": "backup", "repos": []}
    ]})
}

fn start(name: &str) -> (EmulatorProcess, RegistryApi, Tmux) {
    let dir = std::env::temp_dir().join(format!("swr-tui-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("seed.json");
    std::fs::write(&path, seed().to_string()).unwrap();
    let emu = EmulatorProcess::start_seeded(path.to_str().unwrap(), &[]);
    let api = RegistryApi::new(&emu);
    let t = Tmux::start(name, &emu, "", 120, 30);
    (emu, api, t)
}

/// Opens acme/web's tags.
fn open_tags(t: &Tmux) {
    t.wait_for("Organizations (2)");
    t.keys(&["Enter"]);
    t.wait_for("Repositories (1)");
    t.keys(&["Enter"]);
    t.wait_for("Tags (3)");
}

/// Waits until `n` job rows (lines naming the target region) say `status`: the jobs pane
/// polls on its own.
fn wait_for_rows(t: &Tmux, status: &str, n: usize) -> String {
    let start = Instant::now();
    loop {
        let screen = t.screen();
        let rows = screen
            .lines()
            .filter(|l| l.contains("cn-south-1") && l.contains(status))
            .count();
        if rows == n {
            return screen;
        }
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "waited for {n} rows {status:?}; screen:\n{screen}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn two_marked_tags_sync_to_another_region_and_their_jobs_succeed() {
    if !available() {
        return;
    }
    let (_emu, api, t) = start("sync-tags");
    open_tags(&t);
    // Newest first: v3, v2, v1. Space marks and moves on.
    t.keys(&["Space", "Space"]);
    t.wait_for("[2 marked]");
    t.keys(&["X"]);
    t.wait_for("Sync 2 tags of acme/web");
    t.wait_for("◀ cn-east-3 ▶");
    t.keys(&["Right"]);
    t.wait_for("◀ cn-south-1 ▶");
    t.keys(&["Tab"]);
    t.type_text("backup");
    t.keys(&["C-s"]);
    t.wait_for("Sync 2 tags to cn-south-1/backup?");
    t.wait_for("• v3");
    t.wait_for("• v2");
    t.keys(&["y"]);
    t.wait_for("Sync jobs: acme/web (2)");
    let screen = wait_for_rows(&t, "success", 2);
    assert!(!screen.contains("running"), "{screen}");
    assert!(!screen.contains("waiting"), "{screen}");

    let jobs = api.sync_jobs("acme", "web");
    let want: std::collections::BTreeSet<String> = [
        "v2 cn-south-1/backup success",
        "v3 cn-south-1/backup success",
    ]
    .map(String::from)
    .into();
    assert_eq!(jobs, want, "exactly the two marked tags were synced");
    assert_eq!(
        api.tags("acme", "web").len(),
        3,
        "the source repository is untouched"
    );
    t.keys(&["q"]);
    assert_eq!(t.exit_status(), 0);
}

#[test]
fn a_sync_rule_is_added_and_deleted_on_the_rules_pane() {
    if !available() {
        return;
    }
    let (_emu, api, t) = start("sync-rules");
    open_tags(&t);
    t.keys(&[":"]);
    t.type_text("sync-rules");
    t.keys(&["Enter"]);
    t.wait_for("Sync rules: acme/web (0)");
    t.keys(&["c"]);
    t.wait_for("Add a sync rule to acme/web");
    t.wait_for("◀ cn-east-3 ▶");
    t.keys(&["Tab"]);
    t.type_text("backup");
    t.keys(&["Tab", "Space"]);
    t.wait_for("[x] overwrite tags the target already has");
    t.keys(&["C-s"]);
    t.wait_for("Sync rules: acme/web (1)");
    let rules = api.sync_rules("acme", "web");
    assert_eq!(
        rules.into_iter().collect::<Vec<_>>(),
        ["cn-east-3/backup override=true"]
    );

    t.keys(&["d"]);
    t.wait_for("Delete sync rule cn-east-3/backup?");
    t.keys(&["y"]);
    t.wait_for("Sync rules: acme/web (0)");
    assert!(api.sync_rules("acme", "web").is_empty());
    t.keys(&["q"]);
    assert_eq!(t.exit_status(), 0);
}
