//! End to end: the real binary in tmux, started in an enterprise instance (`--instance`).
//! Namespace → repository → mark two tags → delete: exactly those tags are gone, and an
//! artifact another tag names stays — checked over the API with this crate's client and, when
//! `SWR_TUI_SDK_PYTHON` names a Python with Huawei's official SDK (CI sets it), with the SDK.

mod support;

use std::collections::{BTreeMap, BTreeSet};

use support::tmux::{EmulatorProcess, RegistryApi, Tmux, available};

const INSTANCE: &str = "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0";

fn digest(c: char) -> String {
    format!("sha256:{}", c.to_string().repeat(64))
}

fn seed() -> serde_json::Value {
    let artifact = |c, tags: &[&str], pushed: &str| serde_json::json!({"digest": digest(c), "tags": tags, "pushed": pushed, "size": 1000});
    serde_json::json!({"instances": [{"id": INSTANCE, "name": "ee-e2e",
    "access_address": "ee-e2e.swr.example",
    "namespaces": [{"name": "shop", "repos": [{"name": "team/api", "artifacts": [
        artifact('a', &["v1", "latest"], "2026-01-03T00:00:00Z"),
        artifact('b', &["v2"], "2026-01-02T00:00:00Z"),
        artifact('c', &["v3"], "2026-01-01T00:00:00Z"),
    ]}]}]}]})
}

/// Each artifact's digest with the tags it carries.
type Artifacts = BTreeMap<String, Vec<String>>;

/// What the official SDK lists: the tags, and each artifact's tags.
fn sdk_view(emu: &EmulatorProcess) -> Option<(BTreeSet<String>, Artifacts)> {
    let python = std::env::var("SWR_TUI_SDK_PYTHON").ok()?;
    let out = std::process::Command::new(python)
        .arg(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/sdk_instance_tags.py"
        ))
        .args([
            &emu.url,
            &emu.ak,
            &emu.sk,
            &emu.project_id,
            INSTANCE,
            "shop",
            "team/api",
        ])
        .output()
        .expect("python runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let view: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let tags = serde_json::from_value(view["tags"].clone()).expect("tags");
    let artifacts = serde_json::from_value(view["artifacts"].clone()).expect("artifacts");
    Some((tags, artifacts))
}

#[test]
fn deleting_two_marked_tags_leaves_the_others_and_keeps_their_artifacts() {
    if !available() {
        return;
    }
    let dir = std::env::temp_dir().join(format!("swr-tui-ee-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("seed.json");
    std::fs::write(&path, seed().to_string()).unwrap();
    let emu = EmulatorProcess::start_seeded(path.to_str().unwrap(), &[]);
    let api = RegistryApi::new(&emu);
    assert_eq!(api.instance_tags(INSTANCE, "shop", "team/api").len(), 4);

    let t = Tmux::start("ee", &emu, "--instance ee-e2e", 120, 35);
    let screen = t.wait_for("Namespaces (1)");
    assert!(screen.contains("instance ee-e2e"), "{screen}");
    t.keys(&["Enter"]);
    t.wait_for("Repositories (1)");
    t.keys(&["Enter"]);
    t.wait_for("Tags (4)");
    // Newest first: v1 and latest (one artifact), v2, v3. Space marks and moves on: latest, v2.
    t.keys(&["j", "Space", "Space"]);
    t.wait_for("[2 marked]");
    t.keys(&["d"]);
    let screen = t.wait_for("Delete 2 tags?");
    assert!(
        screen.contains("• latest") && screen.contains("• v2"),
        "{screen}"
    );
    assert!(
        !screen.contains("• v1") && !screen.contains("• v3"),
        "{screen}"
    );
    assert!(
        screen.contains("its artifact stays, still tagged v1"),
        "{screen}"
    );
    t.keys(&["y"]);
    t.wait_for("Deleted 2 of 2 tags from shop/team/api");
    t.wait_for("Tags (2)");

    let left: Vec<String> = api
        .instance_tags(INSTANCE, "shop", "team/api")
        .into_iter()
        .collect();
    assert_eq!(left, ["v1", "v3"], "exactly the marked tags are gone");
    let artifacts = api.instance_artifacts(INSTANCE, "shop", "team/api");
    let expected: Artifacts = [
        (digest('a'), vec!["v1".to_string()]),
        (digest('b'), vec![]),
        (digest('c'), vec!["v3".to_string()]),
    ]
    .into();
    assert_eq!(artifacts, expected, "a tag delete never takes its artifact");
    match sdk_view(&emu) {
        Some((tags, sdk_artifacts)) => {
            assert_eq!(tags.into_iter().collect::<Vec<_>>(), ["v1", "v3"]);
            assert_eq!(sdk_artifacts, expected, "the official SDK sees the same");
        }
        None => eprintln!("SWR_TUI_SDK_PYTHON unset: the official SDK's view is not checked"),
    }
    // Enter closes the summary; q quits.
    t.keys(&["Enter", "q"]);
    assert_eq!(t.exit_status(), 0);
}
