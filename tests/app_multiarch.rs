//! Multi-arch tags in `update()`: the platforms of a manifest list in the detail view, the
//! pull menu's per-platform entries, and what a hostile manifest list cannot do.

mod support;

use support::*;
use swr_tui::app::detail::{Detail, of_focus};
use swr_tui::app::multiarch::{MAX_PLATFORMS, platforms, valid_platform};
use swr_tui::app::pull_platforms::{MENU_PLATFORMS, PullChoice, choices};
use swr_tui::emulator::manifest_list::{children, manifest_list};
use swr_tui::swr::enterprise::Platform;

const HOST: &str = "swr.cn-north-4.myhuaweicloud.com";

fn platform(label: &str) -> Platform {
    let p: Vec<&str> = label.split('/').collect();
    Platform {
        os: p[0].into(),
        architecture: p[1].into(),
        variant: p.get(2).map_or_else(String::new, |v| v.to_string()),
    }
}

fn three() -> Vec<Platform> {
    ["linux/amd64", "linux/arm64/v8", "windows/amd64"]
        .map(platform)
        .to_vec()
}

/// `tags(3)` with `v2` (the newest, so the cursor's) a manifest list with `manifest`.
fn with_list(manifest: String) -> Model {
    let mut list = tags(3);
    list[2].manifest = manifest;
    list[2].tag_type = 1;
    let mut m = with_orgs();
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

fn digest_of_v2() -> String {
    format!("sha256:{:064x}", 2)
}

fn seeded() -> (Model, Vec<String>) {
    let kids = children(&digest_of_v2(), 3000, &three());
    let digests = kids.iter().map(|c| c.digest.clone()).collect();
    (with_list(manifest_list(&kids)), digests)
}

#[test]
fn a_manifest_list_row_keeps_each_platform() {
    let (m, digests) = seeded();
    let tag = m.panes.tags.current().unwrap();
    assert_eq!(tag.tag, "v2");
    let labels: Vec<&str> = tag
        .platforms
        .iter()
        .map(|p| p.platform.as_deref().unwrap())
        .collect();
    assert_eq!(labels, ["linux/amd64", "linux/arm64/v8", "windows/amd64"]);
    assert_eq!(tag.platforms[1].digest.to_string(), digests[1]);
    assert!(tag.platforms.iter().all(|p| p.size > 100));
    // The single-arch rows have none.
    assert!(
        m.panes
            .tags
            .rows()
            .iter()
            .filter(|t| t.tag != "v2")
            .all(|t| t.platforms.is_empty())
    );
}

#[test]
fn the_detail_view_lists_the_platforms_with_digest_and_size() {
    let (mut m, digests) = seeded();
    update(&mut m, key(KeyCode::Enter));
    let (_, lines) = of_focus(&m);
    let lines = lines.unwrap();
    assert!(lines.contains(&Detail::Heading(
        "Platforms (3) — manifest list: digest, manifest size, layers".into()
    )));
    let items: Vec<(String, String)> = lines
        .iter()
        .filter_map(|l| match l {
            Detail::Item(k, v) if k.trim().contains('/') => Some((k.trim().to_string(), v.clone())),
            _ => None,
        })
        .collect();
    assert_eq!(items.len(), 3);
    assert_eq!(items[1].0, "linux/arm64/v8");
    // Digest, the child manifest's size, then its layers: asked for, not faked meanwhile.
    let parts: Vec<&str> = items[1].1.split("  ").collect();
    assert_eq!(parts.len(), 3, "{}", items[1].1);
    assert_eq!(parts[0], &digests[1][..19]);
    assert!(
        parts[1].ends_with(" B") || parts[1].ends_with("KiB"),
        "{}",
        parts[1]
    );
    assert_eq!(parts[2], "layers: loading…", "layer counts are not faked");
}

#[test]
fn the_pull_menu_copies_per_platform_digest_and_platform_commands() {
    let (mut m, digests) = seeded();
    assert_eq!(choices(m.panes.tags.current()).len(), 6 + 3 * 2);
    press(&mut m, "Y");
    assert_eq!(
        press(&mut m, "7"),
        vec![Cmd::Copy {
            text: format!("docker pull {HOST}/demo/team/web@{}", digests[0])
        }]
    );
    press(&mut m, "Y");
    assert_eq!(
        press(&mut m, "8"),
        vec![Cmd::Copy {
            text: format!("docker pull --platform linux/amd64 {HOST}/demo/team/web:v2")
        }]
    );
    press(&mut m, "Y");
    press(&mut m, "jjjjjjjjj");
    assert_eq!(m.overlay, Some(Overlay::PullMenu { cursor: 9 }));
    assert_eq!(
        update(&mut m, key(KeyCode::Enter)),
        vec![Cmd::Copy {
            text: format!("docker pull --platform linux/arm64/v8 {HOST}/demo/team/web:v2")
        }]
    );
    // The six plain entries are where they were.
    press(&mut m, "Y");
    assert_eq!(
        press(&mut m, "1"),
        vec![Cmd::Copy {
            text: format!("docker pull {HOST}/demo/team/web:v2")
        }]
    );
    // Past the last entry, the cursor stops.
    press(&mut m, "Y");
    press(&mut m, &"j".repeat(30));
    assert_eq!(m.overlay, Some(Overlay::PullMenu { cursor: 11 }));
}

#[test]
fn a_single_arch_tag_menu_is_unchanged() {
    let m = with_tags(3);
    assert_eq!(choices(m.panes.tags.current()).len(), 6);
    assert!(
        choices(m.panes.tags.current())
            .iter()
            .all(|c| matches!(c, PullChoice::Kind(_)))
    );
}

#[test]
fn hostile_platforms_never_reach_a_command() {
    let evil = r#"{"manifests":[
        {"digest":"sha256:0000000000000000000000000000000000000000000000000000000000000001","size":5,
         "platform":{"os":"linux; rm -rf ~","architecture":"amd64"}},
        {"digest":"md5:abc","size":-7,"platform":{"os":"linux","architecture":"arm64"}},
        {"digest":"sha256:0000000000000000000000000000000000000000000000000000000000000003","size":"x",
         "platform":{"os":"linux","architecture":"ARM\u001b[31m"}},
        "not an object", 7, null
    ],"mediaType":"application/vnd.docker.distribution.manifest.list.v2+json"}"#;
    let mut m = with_list(evil.to_string());
    let tag = m.panes.tags.current().unwrap();
    assert_eq!(tag.platforms.len(), 6);
    assert!(tag.platforms[0].platform.is_none());
    assert!(tag.platforms[2].platform.is_none());
    assert_eq!(tag.platforms[1].size, 0, "a negative size is none");
    // Only linux/arm64 is offered, by platform (its digest is no sha256).
    let entries = choices(Some(tag));
    assert_eq!(entries[6..], [PullChoice::PlatformFlag(1)]);
    press(&mut m, "Y");
    assert_eq!(
        press(&mut m, "7"),
        vec![Cmd::Copy {
            text: format!("docker pull --platform linux/arm64 {HOST}/demo/team/web:v2")
        }]
    );
    update(&mut m, key(KeyCode::Enter));
    let (_, lines) = of_focus(&m);
    for line in lines.unwrap() {
        let text = format!("{line:?}");
        assert!(
            !text.contains('\u{1b}') && !text.contains("rm -rf"),
            "{text}"
        );
    }
}

#[test]
fn a_huge_list_is_capped() {
    let many: Vec<Platform> = (0..500)
        .map(|i| platform(&format!("linux/arch{i}")))
        .collect();
    let list = manifest_list(&children(&digest_of_v2(), 10_000_000, &many));
    assert_eq!(platforms(&list).len(), MAX_PLATFORMS);
    let m = with_list(list);
    assert_eq!(
        choices(m.panes.tags.current()).len(),
        6 + 2 * MENU_PLATFORMS
    );
}

#[test]
fn platform_strings_are_checked() {
    for ok in [
        "linux/amd64",
        "linux/arm64/v8",
        "windows/amd64",
        "linux/ppc64le",
        "a_b/c.d-e",
    ] {
        assert!(valid_platform(ok), "{ok}");
    }
    for bad in [
        "linux",
        "linux/",
        "/amd64",
        "Linux/amd64",
        "linux/amd64/v8/x",
        "linux/a md64",
        "linux/$(id)",
        "linux/amd64;x",
    ] {
        assert!(!valid_platform(bad), "{bad}");
    }
    assert!(platforms("not json { \"manifests\"").is_empty());
    assert!(platforms(r#"{"layers":[]}"#).is_empty());
}
