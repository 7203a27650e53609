//! The retention pane, the rule form with its live preview, and the save confirmation, drawn
//! at 80x24 and 160x45. Every state is reached through `update`.

mod support;

use ratatui::style::{Color, Modifier};
use support::*;
use swr_tui::swr::client::retention::{Keep, TagSelector};

fn with_history(screen: Rect) -> Model {
    let rule = Keep::Days(30).rule(vec![TagSelector {
        kind: "regexp".into(),
        pattern: "^release-".into(),
    }]);
    let history = (0..4)
        .map(|i| deleted_log(i, &format!("nightly-{i}"), 24 * (i + 1), &rule))
        .collect();
    with_retention_at(screen, retention_answer(Some(rule), history))
}

/// `c` on a repository without a rule, keep the newest 2.
fn form(screen: Rect) -> Model {
    let mut m = with_retention_at(screen, retention_answer(None, vec![]));
    press(&mut m, "c");
    retype(&mut m, "2");
    m
}

fn confirm(screen: Rect) -> Model {
    let mut m = form(screen);
    update(&mut m, ctrl('s'));
    m
}

/// The row of `buffer` whose text holds `needle`, from the column `x` on.
fn row_of(buffer: &Buffer, needle: &str, x: u16) -> u16 {
    let area = buffer.area;
    (area.top()..area.bottom())
        .find(|&y| line(buffer, y, x, area.right()).contains(needle))
        .unwrap_or_else(|| panic!("no row with {needle}"))
}

#[test]
fn retention_pane_with_rule_and_history() {
    for (m, buffer) in snapshot_both("retention_pane", with_history) {
        let shown = text(&buffer);
        assert!(shown.contains("Retention: demo/team/web (4)"), "{shown}");
        // In the title; a narrow pane cuts it, the detail panel has it whole.
        assert!(shown.contains("(4) rule: keep 30 days"), "{shown}");
        assert!(
            shown.contains("keep 30 days, except /^release-/"),
            "{shown}"
        );
        assert!(shown.contains("DELETED TAG"), "{shown}");
        for i in 0..4 {
            assert!(shown.contains(&format!("nightly-{i}")), "{shown}");
        }
        // Newest deletion first.
        let first = shown.find("nightly-0").unwrap();
        assert!(first < shown.find("nightly-3").unwrap());
        assert_clean(&buffer);
        if m.screen.width >= 160 {
            // Beside the tags it keeps: the retention pane takes the repositories' place.
            assert!(shown.contains("Tags (10)"), "{shown}");
            assert!(!shown.contains("Repositories ("), "{shown}");
            assert!(
                shown.contains("In force   keep 30 days, except /^release-/"),
                "the detail panel has the rule whole: {shown}"
            );
        }
    }
}

#[test]
fn retention_form_with_preview() {
    for (m, buffer) in snapshot_both("retention_form", form) {
        let shown = text(&buffer);
        assert!(
            shown.contains("Create the retention rule of demo/team/web"),
            "{shown}"
        );
        assert!(shown.contains("newest N tags"), "{shown}");
        assert!(
            shown.contains("would delete 8 of 10 tags (800 MiB)"),
            "{shown}"
        );
        assert!(shown.contains("by updated time; 8 by"), "{shown}");
        assert!(shown.contains("the image stays"), "{shown}");
        assert!(shown.contains("Ctrl-S save"), "{shown}");
        assert_clean(&buffer);
        if m.screen.width >= 160 {
            // The tag pane stays in view, the doomed tags drawn in the theme's style.
            let x = 66;
            let doomed = row_of(&buffer, "v1.6", x);
            // `latest` stays by either reading (v1.7 goes if "pushed" is the created time).
            let kept = row_of(&buffer, "latest", x);
            let start = line(&buffer, doomed, x, 160).find("v1.6").unwrap() as u16;
            assert_eq!(buffer[(x + start, doomed)].fg, Color::LightRed);
            let start = line(&buffer, kept, x, 160).find("latest").unwrap() as u16;
            assert_ne!(buffer[(x + start, kept)].fg, Color::LightRed);
        }
    }
}

#[test]
fn retention_form_invalid() {
    let build = |screen| {
        let mut m = form(screen);
        retype(&mut m, "0");
        m
    };
    for (_, buffer) in snapshot_both("retention_form_invalid", build) {
        let shown = text(&buffer);
        assert!(shown.contains("1 to 1000 tags"), "{shown}");
        assert!(shown.contains("save (not yet)"), "{shown}");
        assert!(
            shown.contains("fix the rule to see what it deletes"),
            "{shown}"
        );
    }
}

#[test]
fn retention_confirm() {
    for (_, buffer) in snapshot_both("retention_confirm", confirm) {
        let shown = text(&buffer);
        assert!(shown.contains("Create retention rule?"), "{shown}");
        assert!(shown.contains("It takes effect at once"), "{shown}");
        assert!(shown.contains("SWR deletes 8 of 10 tags now"), "{shown}");
        assert!(shown.contains("• v1.6"), "{shown}");
        assert!(shown.contains("… and 2 more"), "{shown}");
        assert!(shown.contains("Save and apply"), "{shown}");
        // The focus starts on Cancel.
        let y = row_of(&buffer, " Cancel ", 0);
        let x = line(&buffer, y, 0, buffer.area.right())
            .find(" Cancel ")
            .unwrap() as u16;
        assert!(buffer[(x + 1, y)].modifier.contains(Modifier::REVERSED));
        assert_clean(&buffer);
    }
}
