//! `update()` tests for the detail view of organizations and repositories (`v`), `g`/`G` in
//! the delete confirmation, a retag that meets an existing tag (409), and counts that agree
//! with their word.

mod support;

use support::*;
use swr_tui::app::Write;
use swr_tui::app::detail;
use swr_tui::app::registry::Edition;

/// `demo` opened, its repositories listed: one has a description of `lines` lines.
fn with_repos(lines: usize) -> Model {
    let mut m = with_orgs();
    let id = fetch_id(
        &update(&mut m, key(KeyCode::Enter)),
        &Fetch::Repos { org: "demo".into() },
    );
    let description: Vec<String> = (1..=lines).map(|i| format!("line {i}")).collect();
    let repo = RepoV2 {
        name: "team/web".into(),
        namespace: "demo".into(),
        num_images: 1,
        description: description.join("\n"),
        ..RepoV2::default()
    };
    loaded(&mut m, id, Fetched::repos(vec![repo]));
    m
}

fn detail_scroll(m: &Model) -> usize {
    match m.overlay {
        Some(Overlay::Detail { scroll }) => scroll,
        ref other => panic!("no detail view: {other:?}"),
    }
}

#[test]
fn v_shows_the_details_of_an_organization_a_repository_and_a_tag() {
    let mut m = with_orgs();
    assert!(
        press(&mut m, "v").is_empty(),
        "nothing to fetch: the row has it all"
    );
    assert_eq!(m.overlay, Some(Overlay::Detail { scroll: 0 }));
    let (title, lines) = detail::of_focus(&m);
    assert_eq!(title, "Organization details");
    assert!(lines.is_some_and(|l| l.contains(&detail::Detail::Field("Creator", "alice".into()))));
    update(&mut m, key(KeyCode::Esc));
    // Closes with v again, Esc, q, Enter, h and ←, and takes no other key meanwhile.
    for close in [
        KeyCode::Char('v'),
        KeyCode::Esc,
        KeyCode::Char('q'),
        KeyCode::Enter,
        KeyCode::Char('h'),
        KeyCode::Left,
    ] {
        press(&mut m, "v");
        assert!(update(&mut m, key(KeyCode::Char('d'))).is_empty());
        assert!(
            matches!(m.overlay, Some(Overlay::Detail { .. })),
            "{close:?}"
        );
        update(&mut m, key(close));
        assert_eq!(m.overlay, None, "{close:?}");
        assert_eq!(
            m.nav.focus(),
            PaneId::Orgs,
            "closing does not go back a pane"
        );
    }

    let mut m = with_repos(3);
    press(&mut m, "v");
    let (title, lines) = detail::of_focus(&m);
    assert_eq!(title, "Repository details");
    let lines = lines.unwrap();
    for field in [
        "Visibility",
        "Category",
        "Tags",
        "Size",
        "Downloads",
        "Path",
        "Internal",
    ] {
        assert!(
            lines
                .iter()
                .any(|l| matches!(l, detail::Detail::Field(f, _) if *f == field)),
            "{field}"
        );
    }
    assert!(lines.contains(&detail::Detail::Text("line 3".into())));

    // In the tag pane, v is the tag's detail popup, as Enter is.
    let mut m = with_tags(3);
    press(&mut m, "v");
    assert_eq!(m.overlay, Some(Overlay::TagDetail));
    press(&mut m, "v");
    assert_eq!(m.overlay, None);
}

#[test]
fn the_detail_view_scrolls_like_a_list_and_stops_at_its_end() {
    let mut m = with_repos(200);
    press(&mut m, "v");
    let max = detail::max_scroll(&m);
    assert!(max > 150, "200 description lines do not fit 80x24: {max}");
    press(&mut m, "G");
    assert_eq!(detail_scroll(&m), max);
    press(&mut m, "j");
    assert_eq!(detail_scroll(&m), max, "no further than the end");
    press(&mut m, "k");
    assert_eq!(detail_scroll(&m), max - 1, "one up at once");
    press(&mut m, "g");
    assert_eq!(detail_scroll(&m), 0);
    press(&mut m, "j");
    assert_eq!(detail_scroll(&m), 1);
    update(&mut m, key(KeyCode::PageDown));
    let page = detail_scroll(&m) - 1;
    assert!(page > 10, "a page is a screenful: {page}");
    update(&mut m, key(KeyCode::End));
    assert_eq!(detail_scroll(&m), max);
    update(&mut m, key(KeyCode::Home));
    assert_eq!(detail_scroll(&m), 0);
    // A short description does not scroll.
    let mut m = with_repos(2);
    press(&mut m, "vG");
    assert_eq!(detail_scroll(&m), 0);
}

#[test]
fn v_is_in_the_help_of_every_list_and_can_be_rebound() {
    for pane in [PaneId::Orgs, PaneId::Repos, PaneId::Tags, PaneId::Perms] {
        let help = swr_tui::app::keys::help(pane, Edition::Shared, true);
        assert!(
            help.iter().any(|(k, d)| k == "v" && d.contains("details")),
            "{pane:?}"
        );
    }
    let entries = [("details".to_string(), "o".to_string())];
    let map = swr_tui::app::keys::Keymap::from_config(entries.iter().map(|(a, b)| (a, b)));
    assert!(map.is_ok(), "{map:?}");
}

fn confirm_scroll(m: &Model) -> usize {
    match &m.overlay {
        Some(Overlay::ConfirmDelete(d)) => d.scroll,
        other => panic!("no confirmation: {other:?}"),
    }
}

#[test]
fn the_delete_confirmation_goes_to_its_end_and_back_at_once() {
    let mut m = with_tags(40);
    press(&mut m, "ad");
    let shown = layout::confirm_list_rows(m.screen, 40, 0);
    assert_eq!(shown, 11, "80x24 lists eleven names at a time");
    press(&mut m, "G");
    assert_eq!(confirm_scroll(&m), 29, "the last eleven names");
    press(&mut m, "j");
    assert_eq!(confirm_scroll(&m), 29, "nothing below the last name");
    press(&mut m, "k");
    assert_eq!(confirm_scroll(&m), 28, "one up moves at once");
    press(&mut m, "g");
    assert_eq!(confirm_scroll(&m), 0);
    update(&mut m, key(KeyCode::End));
    assert_eq!(confirm_scroll(&m), 29);
    update(&mut m, key(KeyCode::Home));
    assert_eq!(confirm_scroll(&m), 0);
    update(&mut m, key(KeyCode::PageDown));
    assert_eq!(confirm_scroll(&m), 11, "a page is what the list shows");
    // Still the confirmation, with the focus on Cancel: moving deletes nothing.
    let Some(Overlay::ConfirmDelete(dialog)) = &m.overlay else {
        panic!()
    };
    assert!(!dialog.confirm_focused());
}

/// `c` on the current tag, `name` typed, saved: the write's request id.
fn retag(m: &mut Model, name: &str) -> u64 {
    press(m, "c");
    press(m, name);
    match update(m, key(KeyCode::Enter)).as_slice() {
        [
            Cmd::Write {
                request,
                write: Write::Retag { destination, .. },
            },
        ] if destination == name => *request,
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_retag_onto_an_existing_tag_keeps_the_dialog_and_the_input() {
    let mut m = with_tags(3);
    let request = retag(&mut m, "v1");
    assert_eq!(m.overlay, None, "the dialog closes while the request runs");
    refused(
        &mut m,
        request,
        ErrorInfo::http(409, "SVCSTG.SWR.4090006", "tag exists"),
    );
    let Some(Overlay::Retag(form)) = &m.overlay else {
        panic!("the dialog is back: {:?}", m.overlay)
    };
    assert_eq!(form.destination.text(), "v1", "the input is kept");
    let error = form.error.as_deref().unwrap_or_default();
    assert!(
        error.contains("exists") && error.contains("SVCSTG.SWR.4090006"),
        "{error}"
    );
    assert!(error.contains("overwrite"), "says how to go on: {error}");
    assert_eq!(m.status.as_ref().map(|s| s.kind), Some(StatusKind::Error));
    // Ticking overwrite and saving again sends the same name, overwriting.
    update(&mut m, key(KeyCode::Tab));
    press(&mut m, " ");
    match update(&mut m, key(KeyCode::Enter)).as_slice() {
        [
            Cmd::Write {
                write:
                    Write::Retag {
                        destination,
                        overwrite,
                        ..
                    },
                ..
            },
        ] => {
            assert_eq!((destination.as_str(), *overwrite), ("v1", true));
        }
        other => panic!("{other:?}"),
    }

    // Any other refusal stays in the status line; the dialog does not come back.
    let mut m = with_tags(3);
    let request = retag(&mut m, "v9");
    refused(
        &mut m,
        request,
        ErrorInfo::http(403, "SVCSTG.SWR.4030001", "denied"),
    );
    assert_eq!(m.overlay, None);
    assert!(
        m.status
            .as_ref()
            .is_some_and(|s| s.text.contains("4030001"))
    );
    // Nor over a dialog the user opened meanwhile.
    let mut m = with_tags(3);
    let request = retag(&mut m, "v1");
    press(&mut m, "?");
    refused(
        &mut m,
        request,
        ErrorInfo::http(409, "SVCSTG.SWR.4090006", "tag exists"),
    );
    assert_eq!(m.overlay, Some(Overlay::Help));
}

#[test]
fn error_info_keeps_the_http_status() {
    let from = |status| {
        ErrorInfo::from(&swr_tui::swr::ApiError::Status {
            status,
            code: "SVCSTG.SWR.4090006".into(),
            message: "exists (really)".into(),
            request_id: None,
        })
    };
    assert_eq!(from(409).status, Some(409));
    assert!(from(409).is_conflict());
    assert_eq!(from(500).status, Some(500));
    assert!(!from(500).is_conflict());
    assert_eq!(ErrorInfo::other("network error: reset").status, None);
}

fn status(m: &Model) -> String {
    m.status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

#[test]
fn counts_agree_with_their_word() {
    let mut m = with_tags(3);
    press(&mut m, "/v1");
    update(&mut m, key(KeyCode::Enter));
    press(&mut m, "a");
    assert_eq!(status(&m), "Marked 1 more tag");
    update(&mut m, key(KeyCode::Esc));
    press(&mut m, "a");
    assert_eq!(status(&m), "Marked 2 more tags");

    // One tag deleted of one: "of 1 tag".
    let mut m = with_tags(3);
    let (job, tags) = match (press(&mut m, "d"), press(&mut m, "y")).1.as_slice() {
        [Cmd::DeleteTags { job, tags, .. }] => (*job, tags.clone()),
        other => panic!("{other:?}"),
    };
    for tag in tags {
        update(
            &mut m,
            Msg::TagDeleted {
                job,
                tag,
                result: Ok(swr_tui::app::Removed::Deleted),
            },
        );
    }
    update(&mut m, Msg::JobFinished { job, elapsed_ms: 5 });
    assert!(
        status(&m).starts_with("Deleted 1 of 1 tag from demo/team/web"),
        "{}",
        status(&m)
    );
}
