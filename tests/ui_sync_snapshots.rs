//! Snapshots of the sync UI at 80x24 and 160x45: the sync form, its confirmation (with and
//! without override), the jobs pane with every kind of state (coloured by the theme) and the
//! rules pane, each with assertions on what it must say.

mod support;

use ratatui::style::Color;
use support::sync::*;
use support::*;

/// The colour of the first cell of `word` on screen (ASCII rows: a character is a cell).
fn colour_of(buffer: &Buffer, word: &str) -> Option<Color> {
    let area = buffer.area;
    (0..area.height).find_map(|y| {
        let row = cells(buffer, y, 0, area.width);
        let at = row.find(word)?;
        let x = row[..at].chars().count() as u16;
        Some(buffer[(x, y)].fg)
    })
}

fn form_at(screen: Rect) -> Model {
    let mut m = resized(with_sync_form(6, 3), screen);
    fill_sync_form(&mut m, 0, "backup", false);
    m
}

#[test]
fn the_sync_form_names_the_tags_count_and_its_three_fields() {
    for (m, buffer) in snapshot_both("sync_form", form_at) {
        let shown = text(&buffer);
        assert!(shown.contains("Sync 3 tags of demo/team/web"), "{shown}");
        for label in ["Region", "Organization", "Override"] {
            assert!(shown.contains(label), "{label}: {shown}");
        }
        assert!(shown.contains("cn-east-3"), "{shown}");
        assert!(shown.contains("backup"), "{shown}");
        assert!(
            !shown.contains("◀ cn-north-4"),
            "never the own region: {shown}"
        );
        assert!(
            shown.contains("[ ] keep tags the target already has"),
            "{shown}"
        );
        assert_clean(&buffer);
        assert_eq!(sync_form(&m).focus, 2, "on Override");
    }
}

#[test]
fn the_confirmation_lists_every_tag_and_the_target() {
    let build = |screen| {
        let mut m = form_at(screen);
        update(&mut m, ctrl('s'));
        m
    };
    for (_, buffer) in snapshot_both("sync_confirm", build) {
        let shown = text(&buffer);
        assert!(
            shown.contains("Sync 3 tags to cn-east-3/backup?"),
            "{shown}"
        );
        assert!(shown.contains("tags already there are kept"), "{shown}");
        assert!(shown.contains("From demo/team/web:"), "{shown}");
        for tag in ["• v5", "• v4", "• v3"] {
            assert!(shown.contains(tag), "{tag}: {shown}");
        }
        assert!(!shown.contains("• v2"), "only the marked tags: {shown}");
        assert!(shown.contains("Sync 3"), "the button: {shown}");
    }
}

#[test]
fn the_override_warning_is_drawn_as_an_error() {
    let build = |screen| {
        let mut m = resized(with_sync_form(6, 1), screen);
        fill_sync_form(&mut m, 1, "mirror", true);
        update(&mut m, ctrl('s'));
        m
    };
    for (_, buffer) in snapshot_both("sync_confirm_override", build) {
        let shown = text(&buffer);
        assert!(
            shown.contains("Sync 1 tag to cn-south-1/mirror?"),
            "{shown}"
        );
        assert!(
            shown.contains("existing tags there will be overwritten"),
            "{shown}"
        );
        assert_eq!(colour_of(&buffer, "Override: existing"), Some(Color::Red));
    }
}

#[test]
fn the_jobs_pane_shows_every_state_coloured() {
    let build = |screen| resized(with_jobs(mixed_jobs()), screen);
    for (m, buffer) in snapshot_both("sync_jobs", build) {
        let shown = text(&buffer);
        assert!(shown.contains("Sync jobs: demo/team/web (6)"), "{shown}");
        for title in ["TAG", "REGION", "ORGANIZATION", "STATUS"] {
            assert!(shown.contains(title), "{title}: {shown}");
        }
        for state in [
            "waiting", "running", "success", "failed", "existed", "timeout",
        ] {
            assert!(shown.contains(state), "{state}: {shown}");
        }
        assert_column(&buffer, "REGION", "cn-east-3");
        assert_eq!(colour_of(&buffer, "success"), Some(Color::Green));
        assert_eq!(colour_of(&buffer, "failed"), Some(Color::Red));
        assert_eq!(colour_of(&buffer, "timeout"), Some(Color::Red));
        assert_eq!(colour_of(&buffer, "running"), Some(Color::Yellow));
        assert_eq!(colour_of(&buffer, "waiting"), Some(Color::Yellow));
        assert_eq!(colour_of(&buffer, "existed"), Some(Color::Reset));
        if m.screen.width >= 160 {
            for title in ["OVERRIDE", "CREATED", "UPDATED"] {
                assert!(shown.contains(title), "{title}: {shown}");
            }
        }
        assert_clean(&buffer);
        assert_frames_intact(&buffer);
    }
}

#[test]
fn the_rules_pane_lists_targets_and_offers_add_and_delete() {
    let build = |screen| resized(with_rules(rules()), screen);
    for (m, buffer) in snapshot_both("sync_rules", build) {
        let shown = text(&buffer);
        assert!(shown.contains("Sync rules: demo/team/web (2)"), "{shown}");
        assert_column(&buffer, "REGION", "cn-east-3");
        assert_column(&buffer, "ORGANIZATION", "backup");
        assert!(shown.contains("mirror"), "{shown}");
        assert!(shown.contains("c add"), "the footer: {shown}");
        assert!(shown.contains("d delete"), "the footer: {shown}");
        if m.screen.width >= 160 {
            assert!(
                shown.contains("Target org backup"),
                "the detail panel: {shown}"
            );
        }
        assert_frames_intact(&buffer);
    }
}

#[test]
fn the_rule_delete_confirmation_names_the_rule() {
    let build = |screen| {
        let mut m = resized(with_rules(rules()), screen);
        press(&mut m, "d");
        m
    };
    for (_, buffer) in snapshot_both("sync_rule_delete", build) {
        let shown = text(&buffer);
        assert!(
            shown.contains("Delete sync rule cn-east-3/backup?"),
            "{shown}"
        );
        assert!(shown.contains("Of demo/team/web"), "{shown}");
    }
}
