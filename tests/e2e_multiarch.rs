//! End to end: the real binary in tmux against `swr-tui emulator --seed demo`: the demo's
//! multi-arch `team/api:v2.4.1` is flagged in the tag list, its pull menu copies the
//! linux/arm64/v8 digest pull (OSC 52 lands in tmux's buffer), and the registry's own answer
//! over the API names that digest for that platform. And its details show each platform's
//! layer count and size, which the registry API (read by the client) confirms.

mod support;

use support::emulator::client_with;
use support::tmux::{EmulatorProcess, Tmux, available};
use swr_tui::swr::client::TagListQuery;
use swr_tui::swr::{ClientConfig, Credentials};

/// The digest the emulator's manifest list of `demo/team/api:v2.4.1` gives `platform`.
fn platform_digest(emu: &EmulatorProcess, platform: (&str, &str, &str)) -> String {
    let mut config = ClientConfig::with_endpoints("cn-north-4", &emu.url, &emu.url);
    config.project_id = Some(emu.project_id.clone());
    let client = client_with(config, Credentials::aksk(&emu.ak, emu.sk.as_str()));
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let page = runtime
        .block_on(client.list_tags_v2("demo", "team/api", &TagListQuery::default()))
        .expect("tag list");
    let tag = page
        .items
        .into_iter()
        .find(|t| t.tag == "v2.4.1")
        .expect("v2.4.1");
    assert_eq!(tag.tag_type, 1, "a manifest list");
    let list: serde_json::Value = serde_json::from_str(&tag.manifest).expect("manifest JSON");
    let entry = list["manifests"]
        .as_array()
        .expect("manifests")
        .iter()
        .find(|m| {
            let p = &m["platform"];
            p["os"] == platform.0 && p["architecture"] == platform.1 && p["variant"] == platform.2
        })
        .expect("the platform is listed");
    entry["digest"].as_str().expect("a digest").to_string()
}

#[test]
fn copy_a_per_platform_pull_of_a_multi_arch_tag() {
    if !available() {
        return;
    }
    let emu = EmulatorProcess::start(&[]);
    let t = Tmux::start("multiarch", &emu, "", 120, 36);
    t.wait_for("Organizations (4)");
    t.keys(&["/"]);
    t.type_text("demo");
    t.keys(&["Enter", "Enter"]);
    t.wait_for("team/api");
    t.keys(&["/"]);
    t.type_text("api");
    t.keys(&["Enter"]);
    t.wait_for("Repositories (1/");
    t.keys(&["Enter"]);
    let screen = t.wait_for("v2.4.1 [3 arch]");
    assert!(
        !screen.contains("v2.4.0 ["),
        "single-arch tags are not flagged:\n{screen}"
    );
    t.keys(&["Y"]);
    t.wait_for("--platform linux/arm64/v8");
    // 7: amd64 by digest, 8: amd64 --platform, 9: arm64/v8 by digest.
    t.keys(&["9"]);
    t.wait_for("Copied");
    let want = platform_digest(&emu, ("linux", "arm64", "v8"));
    assert_eq!(
        t.buffer(),
        format!("docker pull swr.cn-north-4.myhuaweicloud.com/demo/team/api@{want}")
    );
    t.keys(&["q"]);
    assert_eq!(t.exit_status(), 0);
}

/// Each platform of `demo/team/api:v2.4.1` with the layers the registry API gives its child
/// manifest: (label, "layers: N (X MiB)").
fn platform_layers(emu: &EmulatorProcess) -> Vec<(String, String)> {
    let mut config = ClientConfig::with_endpoints("cn-north-4", &emu.url, &emu.url);
    config.project_id = Some(emu.project_id.clone());
    let client = client_with(config, Credentials::aksk(&emu.ak, emu.sk.as_str()));
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(async {
        let page = client
            .list_tags_v2("demo", "team/api", &TagListQuery::default())
            .await
            .expect("tag list");
        let tag = page
            .items
            .into_iter()
            .find(|t| t.tag == "v2.4.1")
            .expect("v2.4.1");
        let mut out = Vec::new();
        for p in swr_tui::app::multiarch::platforms(&tag.manifest).iter() {
            let layers = client
                .manifest_layers("demo", "team/api", &p.digest.to_string())
                .await
                .expect("the registry serves the child manifest");
            let bytes = i64::try_from(layers.bytes).expect("a plausible size");
            let label = p.platform.as_deref().expect("a platform").to_string();
            out.push((
                label,
                format!(
                    "layers: {} ({})",
                    layers.count,
                    swr_tui::app::format::size(bytes)
                ),
            ));
        }
        out
    })
}

#[test]
fn the_details_of_a_multi_arch_tag_show_each_platforms_layers() {
    if !available() {
        return;
    }
    let emu = EmulatorProcess::start(&[]);
    let t = Tmux::start("multiarch-layers", &emu, "", 120, 36);
    t.wait_for("Organizations (4)");
    t.keys(&["/"]);
    t.type_text("demo");
    t.keys(&["Enter", "Enter"]);
    t.wait_for("team/api");
    t.keys(&["/"]);
    t.type_text("api");
    t.keys(&["Enter"]);
    t.wait_for("Repositories (1/");
    t.keys(&["Enter"]);
    t.wait_for("v2.4.1 [3 arch]");
    t.keys(&["/"]);
    t.type_text("v2.4.1");
    t.keys(&["Enter"]);
    t.wait_for("Tags (1/");
    t.keys(&["Enter"]);
    t.wait_for("Tag details");
    let want = platform_layers(&emu);
    assert_eq!(want.len(), 3);
    for (label, layers) in &want {
        let screen = t.wait_for(layers);
        let line = screen
            .lines()
            .find(|l| l.contains(label.as_str()) && l.contains("layers: "))
            .unwrap_or_else(|| panic!("no layers line for {label}:\n{screen}"));
        assert!(
            line.contains(layers.as_str()),
            "{label}: {layers} in {line}"
        );
    }
    let screen = t.screen();
    assert!(!screen.contains("unavailable"), "{screen}");
    assert!(!screen.contains("loading…"), "{screen}");
    // Esc and q sent together could read as Alt-q: one, then the other.
    t.keys(&["Escape"]);
    t.wait_gone("Tag details");
    t.keys(&["q"]);
    assert_eq!(t.exit_status(), 0);
}
