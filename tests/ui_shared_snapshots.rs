//! The shared-with-me view (`:shared`) drawn at 80x24 and 160x45: the list with owners and
//! expired shares, the per-tag pull menu, an expired share's refusal and the detail view.

mod support;

use support::*;

fn shared(ns: &str, name: &str, owner: &str, valid: bool, tags: &[&str]) -> RepoV2 {
    RepoV2 {
        namespace: ns.into(),
        name: name.into(),
        domain_name: owner.into(),
        status: valid,
        num_images: tags.len() as i64,
        tags: tags.iter().map(|t| t.to_string()).collect(),
        description: format!("shared by {owner}"),
        category: "linux".into(),
        ..RepoV2::default()
    }
}

/// The demo seed's two shares and two more, `:shared` answered, the cursor on `at`.
fn with_shared_at(screen: Rect, at: &str) -> Model {
    let mut m = with_orgs_at(screen, orgs(), None);
    press(&mut m, ":shared");
    let cmds = update(&mut m, key(KeyCode::Enter));
    let list = vec![
        shared(
            "partner-tools",
            "builder",
            "partner-co",
            true,
            &["1.4.0", "latest"],
        ),
        shared("vendor", "agent", "vendor-inc", false, &["2.0"]),
        shared(
            "partner-tools",
            "base/alpine",
            "partner-co",
            true,
            &["3.19", "3.20", "edge"],
        ),
        shared("acme", "sdk", "acme-corp", true, &[]),
    ];
    loaded(
        &mut m,
        find_fetch(&cmds, &Fetch::SharedWithMe),
        Fetched::SharedWithMe(list),
    );
    press(&mut m, "g");
    while m.panes.shared_with_me.current().unwrap().repository != at {
        press(&mut m, "j");
    }
    m
}

#[test]
fn the_list_shows_owner_state_and_tag_count() {
    for (m, buffer) in snapshot_both("shared_list", |s| {
        with_shared_at(s, "partner-tools/builder")
    }) {
        let shown = text(&buffer);
        assert!(shown.contains("Shared with me (4)"), "{shown}");
        for title in ["REPOSITORY", "OWNER", "STATE", "TAGS"] {
            assert!(shown.contains(title), "{title}: {shown}");
        }
        assert_column(&buffer, "OWNER", "acme-corp");
        assert_column(&buffer, "STATE", "valid");
        assert!(shown.contains("vendor-inc") && shown.contains("expired"));
        assert!(shown.contains("partner-tools/base/alpine"));
        assert!(shown.contains("copy pull"), "the footer names y");
        if m.screen.width >= 160 {
            assert!(shown.contains("DESCRIPTION"));
            // The detail panel lists the current row's pull commands.
            assert!(shown.contains(
                "docker pull swr.cn-north-4.myhuaweicloud.com/partner-tools/builder:latest"
            ));
        }
        assert_clean(&buffer);
    }
}

#[test]
fn the_pull_menu_has_one_entry_per_tag() {
    let open = |s| {
        let mut m = with_shared_at(s, "partner-tools/base/alpine");
        press(&mut m, "Yj");
        m
    };
    for (m, buffer) in snapshot_both("shared_pull_menu", open) {
        let shown = text(&buffer);
        assert_eq!(m.overlay, Some(Overlay::PullMenu { cursor: 1 }));
        assert!(
            shown.contains("Pull by tag: partner-tools/base/alpine"),
            "{shown}"
        );
        assert!(
            shown.contains(" 1  3.19") && shown.contains(" 3  edge"),
            "{shown}"
        );
        // Whole where the screen allows; cut at the end on 80 columns.
        let command = match m.screen.width {
            160.. => "docker pull swr.cn-north-4.myhuaweicloud.com/partner-tools/base/alpine:3.20",
            _ => "docker pull swr.cn-north-4.myhuaweicloud.com/partner-tools/base/alpi…",
        };
        assert!(shown.contains(command), "{shown}");
        assert!(shown.contains("1-3/Enter copy"), "{shown}");
        assert_clean(&buffer);
    }
}

#[test]
fn an_expired_share_says_why_nothing_was_copied() {
    let refuse = |s| {
        let mut m = with_shared_at(s, "vendor/agent");
        press(&mut m, "y");
        m
    };
    for (m, buffer) in snapshot_both("shared_expired", refuse) {
        let shown = text(&buffer);
        assert!(
            shown.contains("Not copied: the share of vendor/agent has expired"),
            "{shown}"
        );
        assert!(!shown.contains("docker pull swr.cn-north-4.myhuaweicloud.com/vendor"));
        assert_eq!(m.overlay, None);
    }
}

#[test]
fn the_detail_view_lists_pull_commands() {
    let details = |s| {
        let mut m = with_shared_at(s, "partner-tools/builder");
        press(&mut m, "v");
        m
    };
    for (_, buffer) in snapshot_both("shared_details", details) {
        let shown = text(&buffer);
        assert!(shown.contains("Pull commands"), "{shown}");
        assert!(shown.contains("partner-co"));
        assert!(shown.contains("partner-tools/builder:1.4.0"), "{shown}");
        assert!(shown.contains("Shared repository details"));
        assert_clean(&buffer);
    }
}
