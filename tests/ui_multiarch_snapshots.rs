//! Multi-arch tags drawn: the tag list's `[N arch]` marker, the detail panel's platforms, and
//! the pull menu's per-platform entries, at 80x24 and 160x45.

mod support;

use support::*;
use swr_tui::emulator::manifest_list::{children, manifest_list};
use swr_tui::swr::enterprise::Platform;

fn platform(label: &str) -> Platform {
    let p: Vec<&str> = label.split('/').collect();
    Platform {
        os: p[0].into(),
        architecture: p[1].into(),
        variant: p.get(2).map_or_else(String::new, |v| v.to_string()),
    }
}

/// Tags `v0`..`v4` (fixed times); `v4`, the newest and the cursor's, is a manifest list over
/// three platforms.
fn with_multiarch(screen: Rect) -> Model {
    let mut list = tags(5);
    let kids = children(
        &list[4].digest,
        90_000_000,
        &["linux/amd64", "linux/arm64/v8", "windows/amd64"].map(platform),
    );
    list[4].manifest = manifest_list(&kids);
    list[4].tag_type = 1;
    let mut m = with_orgs_at(screen, orgs(), None);
    let id = fetch_id(
        &update(&mut m, key(KeyCode::Enter)),
        &Fetch::Repos { org: "demo".into() },
    );
    loaded(&mut m, id, Fetched::repos(repos()));
    press(&mut m, "G");
    let id = fetch_id(
        &update(&mut m, key(KeyCode::Enter)),
        &Fetch::Tags {
            org: "demo".into(),
            repo: "team/web".into(),
        },
    );
    loaded(&mut m, id, Fetched::tags(list));
    m
}

#[test]
fn the_tag_list_flags_the_multi_arch_tag() {
    let shots = snapshot_both("multiarch_tags", with_multiarch);
    for (_, buffer) in &shots {
        let shown = text(buffer);
        assert!(shown.contains("v4 [3 arch]"), "{shown}");
        assert!(!shown.contains("v3 ["), "single-arch tags are not flagged");
        assert_clean(buffer);
    }
    // The wide screen's detail panel lists the platforms.
    let wide = text(&shots[1].1);
    assert!(wide.contains("Platforms (3)"), "{wide}");
    assert!(wide.contains("linux/arm64/v8"), "{wide}");
}

#[test]
fn the_detail_view_lists_each_platform() {
    let shots = snapshot_both("multiarch_detail", |screen| {
        let mut m = with_multiarch(screen);
        update(&mut m, key(KeyCode::Enter));
        assert_eq!(m.overlay, Some(Overlay::TagDetail));
        m
    });
    for (_, buffer) in &shots {
        let shown = text(buffer);
        for label in ["linux/amd64", "linux/arm64/v8", "windows/amd64"] {
            assert!(shown.contains(label), "{label} in {shown}");
        }
        assert!(shown.contains("Platforms (3)"), "{shown}");
        assert_clean(buffer);
    }
}

#[test]
fn the_pull_menu_offers_per_platform_commands() {
    let shots = snapshot_both("multiarch_pull_menu", |screen| {
        let mut m = with_multiarch(screen);
        press(&mut m, "Y");
        press(&mut m, "jjjjjjj");
        assert_eq!(m.overlay, Some(Overlay::PullMenu { cursor: 7 }));
        m
    });
    for (_, buffer) in &shots {
        let shown = text(buffer);
        assert!(shown.contains("1  docker pull"), "{shown}");
        assert!(shown.contains("--platform linux/arm64/v8"), "{shown}");
        assert!(shown.contains(" 7  docker pull swr.cn-north-4"), "{shown}");
        assert!(shown.contains("1-9/"), "{shown}");
        assert_clean(buffer);
    }
}

#[test]
fn the_detail_view_shows_each_platforms_layers_once_loaded() {
    let shots = snapshot_both("multiarch_layers", |screen| {
        let mut m = with_multiarch(screen);
        let cmds = update(&mut m, key(KeyCode::Enter));
        let asked: Vec<u64> = cmds
            .iter()
            .filter_map(|c| match c {
                Cmd::Fetch {
                    request,
                    fetch: Fetch::PlatformLayers { .. },
                } => Some(*request),
                _ => None,
            })
            .collect();
        assert_eq!(asked.len(), 3);
        let layers = |count, bytes| {
            Ok(Fetched::Layers(
                swr_tui::swr::client::registry::ManifestLayers { count, bytes },
            ))
        };
        answer(&mut m, asked[0], layers(4, 31_457_280));
        answer(&mut m, asked[1], layers(2, 1_048_576));
        answer(
            &mut m,
            asked[2],
            Err(ErrorInfo::http(
                401,
                "DENIED",
                "Image organization does not exist",
            )),
        );
        m
    });
    for (_, buffer) in &shots {
        let shown = text(buffer);
        assert!(shown.contains("layers: 4 (30.0 MiB)"), "{shown}");
        assert!(shown.contains("layers: 2 (1.0 MiB)"), "{shown}");
        // The reason wraps under the line at 80 columns.
        assert!(shown.contains("layers: unavailable (DENIED:"), "{shown}");
        assert!(shown.contains("Image organization"), "{shown}");
        assert!(!shown.contains("loading"), "{shown}");
        assert_clean(buffer);
    }
}
