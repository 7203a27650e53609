//! The layers of a multi-arch tag's platforms in `update()`: asked lazily (the popup opening,
//! or a tick while the wide detail panel shows the tag), one request per platform, answers
//! matched by request id, stale ones dropped, failures said with their (sanitized) reason.

mod support;

use support::*;
use swr_tui::app::detail::{Detail, of_focus};
use swr_tui::app::multiarch::MAX_PLATFORMS;
use swr_tui::emulator::manifest_list::{children, manifest_list};
use swr_tui::swr::client::registry::ManifestLayers;
use swr_tui::swr::enterprise::Platform;

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

/// Tags `v0`..`v2` of demo/team/web on `screen`; `v2` (the cursor's) and `v1` are manifest
/// lists over three platforms. The child digests of each, by tag.
fn with_lists_at(screen: Rect) -> (Model, Vec<Vec<String>>) {
    let mut list = tags(3);
    let mut digests = vec![Vec::new(); 3];
    for i in [1, 2] {
        let kids = children(&list[i].digest, 3000, &three());
        digests[i] = kids.iter().map(|c| c.digest.clone()).collect();
        list[i].manifest = manifest_list(&kids);
        list[i].tag_type = 1;
    }
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
    assert_eq!(m.panes.tags.current().unwrap().tag, "v2");
    (m, digests)
}

fn with_lists() -> (Model, Vec<Vec<String>>) {
    with_lists_at(Rect::new(0, 0, 80, 24))
}

fn layers_of(digest: &str) -> Fetch {
    Fetch::PlatformLayers {
        org: "demo".into(),
        repo: "team/web".into(),
        digest: digest.into(),
    }
}

/// The platform layer fetches among `cmds`: (request, digest).
fn layer_fetches(cmds: &[Cmd]) -> Vec<(u64, String)> {
    cmds.iter()
        .filter_map(|c| match c {
            Cmd::Fetch {
                request,
                fetch: Fetch::PlatformLayers { digest, .. },
            } => Some((*request, digest.clone())),
            _ => None,
        })
        .collect()
}

/// What the detail view says of each platform's layers, in order.
fn layer_lines(m: &Model) -> Vec<String> {
    of_focus(m)
        .1
        .unwrap()
        .into_iter()
        .filter_map(|l| match l {
            Detail::Item(_, v) => v
                .split_once("  layers: ")
                .map(|(_, l)| format!("layers: {l}")),
            _ => None,
        })
        .collect()
}

fn got(count: usize, bytes: u64) -> Result<Fetched, ErrorInfo> {
    Ok(Fetched::Layers(ManifestLayers { count, bytes }))
}

#[test]
fn opening_the_details_asks_each_platform_once() {
    let (mut m, digests) = with_lists();
    let cmds = update(&mut m, key(KeyCode::Enter));
    assert_eq!(m.overlay, Some(Overlay::TagDetail));
    let asked = layer_fetches(&cmds);
    let asked_digests: Vec<&str> = asked.iter().map(|(_, d)| d.as_str()).collect();
    assert_eq!(asked_digests, digests[2]);
    for (request, digest) in &asked {
        assert_eq!(find_fetch(&cmds, &layers_of(digest)), *request);
    }
    assert_eq!(layer_lines(&m), ["layers: loading…"; 3]);
    // Closed and opened again while loading: nothing asked twice.
    update(&mut m, key(KeyCode::Esc));
    assert!(layer_fetches(&update(&mut m, key(KeyCode::Enter))).is_empty());
}

#[test]
fn each_answer_lands_on_its_platform() {
    let (mut m, _) = with_lists();
    let asked = layer_fetches(&update(&mut m, key(KeyCode::Enter)));
    assert!(answer(&mut m, asked[2].0, got(5, 3 << 20)).is_empty());
    assert!(answer(&mut m, asked[0].0, got(2, 1536)).is_empty());
    assert_eq!(
        layer_lines(&m),
        [
            "layers: 2 (1.5 KiB)",
            "layers: loading…",
            "layers: 5 (3.0 MiB)"
        ]
    );
    // An id nobody asked for changes nothing.
    answer(&mut m, 9_999, got(7, 7));
    assert_eq!(layer_lines(&m)[1], "layers: loading…");
    answer(&mut m, asked[1].0, got(3, 0));
    assert_eq!(layer_lines(&m)[1], "layers: 3 (0 B)");
    // Loaded: opening again asks nothing.
    update(&mut m, key(KeyCode::Esc));
    assert!(layer_fetches(&update(&mut m, key(KeyCode::Enter))).is_empty());
}

#[test]
fn a_failure_says_why_sanitized_and_opening_again_retries() {
    let (mut m, digests) = with_lists();
    let asked = layer_fetches(&update(&mut m, key(KeyCode::Enter)));
    let refusal = ErrorInfo::http(401, "DENIED", "no \x1b[31mway\x07 in");
    answer(&mut m, asked[0].0, Err(refusal));
    let lines = layer_lines(&m);
    assert!(
        lines[0].starts_with("layers: unavailable (DENIED: no")
            && lines[0].ends_with("(HTTP 401))"),
        "{lines:?}"
    );
    assert!(!lines[0].contains('\x1b') && !lines[0].contains('\x07'));
    let long = ErrorInfo::other("x".repeat(500));
    answer(&mut m, asked[1].0, Err(long));
    assert!(layer_lines(&m)[1].len() < 80, "the reason is cut");
    update(&mut m, key(KeyCode::Esc));
    let again = layer_fetches(&update(&mut m, key(KeyCode::Enter)));
    let again_digests: Vec<&str> = again.iter().map(|(_, d)| d.as_str()).collect();
    assert_eq!(again_digests, digests[2]);
    // The first round's last answer comes late: dropped, the retry's stands.
    answer(&mut m, asked[2].0, got(9, 9));
    assert_eq!(layer_lines(&m), ["layers: loading…"; 3]);
}

#[test]
fn answers_for_a_tag_left_behind_are_dropped() {
    let (mut m, digests) = with_lists();
    let first = layer_fetches(&update(&mut m, key(KeyCode::Enter)));
    update(&mut m, key(KeyCode::Esc));
    press(&mut m, "j");
    assert_eq!(m.panes.tags.current().unwrap().tag, "v1");
    let second = layer_fetches(&update(&mut m, key(KeyCode::Enter)));
    let second_digests: Vec<&str> = second.iter().map(|(_, d)| d.as_str()).collect();
    assert_eq!(second_digests, digests[1]);
    for (request, _) in &first {
        answer(&mut m, *request, got(1, 1));
    }
    assert_eq!(layer_lines(&m), ["layers: loading…"; 3]);
}

#[test]
fn a_single_arch_tag_asks_nothing() {
    let (mut m, _) = with_lists();
    press(&mut m, "jj");
    assert_eq!(m.panes.tags.current().unwrap().tag, "v0");
    let cmds = update(&mut m, key(KeyCode::Enter));
    assert_eq!(m.overlay, Some(Overlay::TagDetail));
    assert!(layer_fetches(&cmds).is_empty(), "{cmds:?}");
}

#[test]
fn the_wide_panel_asks_at_a_tick_for_the_tag_it_shows() {
    let (mut m, digests) = with_lists_at(Rect::new(0, 0, 160, 45));
    // Shown, not yet asked: said so, nothing faked.
    assert_eq!(layer_lines(&m), ["layers: not loaded"; 3]);
    let asked = layer_fetches(&update(&mut m, Msg::Tick { now: now() }));
    let asked_digests: Vec<&str> = asked.iter().map(|(_, d)| d.as_str()).collect();
    assert_eq!(asked_digests, digests[2]);
    assert!(layer_fetches(&update(&mut m, Msg::Tick { now: now() })).is_empty());
    // Keys alone ask nothing: the cursor passes v1 at key speed.
    let passing = press(&mut m, "j");
    assert!(layer_fetches(&passing).is_empty());
    assert!(press(&mut m, "j").is_empty(), "v0 is single-arch");
    assert!(layer_fetches(&update(&mut m, Msg::Tick { now: now() })).is_empty());
}

#[test]
fn a_narrow_screen_asks_nothing_at_a_tick() {
    let (mut m, _) = with_lists();
    assert!(layer_fetches(&update(&mut m, Msg::Tick { now: now() })).is_empty());
}

#[test]
fn a_failure_is_not_asked_again_at_every_tick() {
    let (mut m, _) = with_lists_at(Rect::new(0, 0, 160, 45));
    let asked = layer_fetches(&update(&mut m, Msg::Tick { now: now() }));
    answer(&mut m, asked[0].0, Err(ErrorInfo::other("down")));
    assert!(layer_fetches(&update(&mut m, Msg::Tick { now: now() })).is_empty());
    assert_eq!(layer_lines(&m)[0], "layers: unavailable (down)");
}

#[test]
fn a_list_of_any_length_asks_at_most_the_parsers_cap() {
    let many: Vec<Platform> = (0..100)
        .map(|i| platform(&format!("linux/arch{i}")))
        .collect();
    let mut list = tags(1);
    list[0].manifest = manifest_list(&children(&list[0].digest, 100_000, &many));
    list[0].tag_type = 1;
    let mut m = with_orgs();
    let id = fetch_id(
        &update(&mut m, key(KeyCode::Enter)),
        &Fetch::Repos { org: "demo".into() },
    );
    loaded(&mut m, id, Fetched::repos(repos()));
    press(&mut m, "G");
    let cmds = update(&mut m, key(KeyCode::Enter));
    loaded(&mut m, first_fetch(&cmds), Fetched::tags(list));
    let asked = layer_fetches(&update(&mut m, key(KeyCode::Enter)));
    assert_eq!(asked.len(), MAX_PLATFORMS);
}
