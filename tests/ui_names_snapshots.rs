//! Long names at 80x24 and 160x45: the name column gets the room first (other columns give
//! way), a name still too long is cut in the middle so names that differ at the end stay
//! apart, the detail view shows an organization's and a repository's every field, a typed
//! confirmation shows the whole name to type, a form shows one cursor, a retag conflict is
//! explained in the dialog, and counts and rates read right.

mod support;

use support::*;

use ratatui::style::Modifier;

/// 81 characters, the case of the issue; differs from its neighbour only at the end.
const LONG_REPO: &str =
    "platform/build-infrastructure/continuous-integration/runner-image/ubuntu-24.04-01";
const LONG_REPO_2: &str =
    "platform/build-infrastructure/continuous-integration/runner-image/ubuntu-24.04-02";
/// Short enough to fit whole once other columns give way at 80 columns.
const MID_REPO: &str = "team/feature-very-long-service-name-12";

fn repo(name: &str, description: &str) -> RepoV2 {
    RepoV2 {
        name: name.into(),
        namespace: "demo".into(),
        num_images: 1,
        size: 52_000_000,
        num_download: 1234,
        is_public: true,
        category: "app_server".into(),
        description: description.into(),
        path: format!("swr.cn-north-4.myhuaweicloud.com/demo/{name}"),
        internal_path: format!("10.125.0.198:20202/demo/{name}"),
        created_at: "2026-01-01T00:00:00Z".into(),
        updated_at: "2026-03-01T00:00:00Z".into(),
        ..RepoV2::default()
    }
}

const DESCRIPTION: &str = "Runner images for the continuous integration service, rebuilt \
every night from the base images.\nOwners: platform team (#platform-ci).";

/// `demo` opened, its repositories listed (by name: the two long ones, then the middle one;
/// the cursor on the first, which has a description).
fn with_repos(screen: Rect) -> Model {
    let mut model = with_orgs_at(screen, vec![org("demo", 7, "alice")], None);
    let cmds = update(&mut model, key(KeyCode::Enter));
    let repos = vec![
        repo(MID_REPO, ""),
        repo(LONG_REPO_2, ""),
        repo(LONG_REPO, DESCRIPTION),
    ];
    loaded(
        &mut model,
        find_fetch(&cmds, &Fetch::Repos { org: "demo".into() }),
        Fetched::repos(repos),
    );
    model
}

/// The tags of `demo/team/web`: two long names that differ only in their last characters.
fn with_long_tags(screen: Rect) -> Model {
    let mut model = with_orgs_at(screen, vec![org("demo", 7, "alice")], None);
    let cmds = update(&mut model, key(KeyCode::Enter));
    loaded(
        &mut model,
        find_fetch(&cmds, &Fetch::Repos { org: "demo".into() }),
        Fetched::repos(vec![repo("team/web", "")]),
    );
    let cmds = update(&mut model, key(KeyCode::Enter));
    let tag = |i: usize| Tag {
        tag: format!("feature-very-long-branch-name-for-the-payments-service-build-{i:04}"),
        digest: digest(i),
        size: 9_000_000,
        created: ts(30 + i as i64),
        updated: ts(i as i64),
        ..Tag::default()
    };
    let fetch = Fetch::Tags {
        org: "demo".into(),
        repo: "team/web".into(),
    };
    loaded(
        &mut model,
        find_fetch(&cmds, &fetch),
        Fetched::tags(vec![tag(11), tag(12)]),
    );
    model
}

/// The lines of `area` on screen that contain `needle`.
fn rows_with(buffer: &Buffer, area: Rect, needle: &str) -> Vec<String> {
    (area.top()..area.bottom())
        .map(|y| line(buffer, y, area.left(), area.right()))
        .filter(|l| l.contains(needle))
        .collect()
}

/// Where the focused list pane is drawn.
fn pane(model: &Model) -> Rect {
    layout::areas(model.screen, &model.nav)
        .pane(model.nav.focus())
        .unwrap_or_default()
}

#[test]
fn repository_names_take_the_room_of_other_columns() {
    for (model, buffer) in snapshot_both("long_repo_names", with_repos) {
        let area = pane(&model);
        let screen = text(&buffer);
        // The middle one fits whole: downloads, category, access and size gave way.
        assert_eq!(rows_with(&buffer, area, MID_REPO).len(), 1, "{screen}");
        let header = rows_with(&buffer, area, "NAME").concat();
        for gone in ["DOWNLOADS", "CATEGORY", "ACCESS", "SIZE"] {
            assert!(!header.contains(gone), "{gone}: {header}");
        }
        assert!(
            header.contains("TAGS") && header.contains("UPDATED"),
            "{header}"
        );
        // The long ones are cut in the middle: both ends show, and they stay apart.
        let first = rows_with(&buffer, area, "24.04-01");
        let second = rows_with(&buffer, area, "24.04-02");
        assert_eq!((first.len(), second.len()), (1, 1), "{screen}");
        for row in [&first[0], &second[0]] {
            assert!(
                row.contains("platform/build-") && row.contains('…'),
                "{row}"
            );
        }
        assert_ne!(first[0], second[0]);
    }
}

#[test]
fn tag_names_that_differ_at_the_end_stay_apart() {
    for (model, buffer) in snapshot_both("long_tag_names", with_long_tags) {
        let area = pane(&model);
        let screen = text(&buffer);
        let rows = rows_with(&buffer, area, "feature-very-");
        assert_eq!(rows.len(), 2, "{screen}");
        // Newest first; each cut in the middle, its own end showing.
        assert!(rows[0].contains("-build-0011"), "{screen}");
        assert!(rows[1].contains("-build-0012"), "{screen}");
        assert!(rows.iter().all(|r| r.contains('…')), "{screen}");
        let header = rows_with(&buffer, area, "TAG").concat();
        assert!(
            header.contains("DIGEST") && header.contains("UPDATED"),
            "{header}"
        );
        assert!(!header.contains("CREATED"), "created gave way: {header}");
    }
}

#[test]
fn organization_details_show_every_field() {
    let long_org = "research-and-development-platform-engineering-team-2026";
    for (_, buffer) in snapshot_both("org_details", |screen| {
        let mut model = with_orgs_at(
            screen,
            vec![org("demo", 7, "alice"), org(long_org, 7, "alice")],
            None,
        );
        press(&mut model, "j");
        press(&mut model, "v");
        assert_eq!(model.overlay, Some(Overlay::Detail { scroll: 0 }));
        model
    }) {
        let screen = text(&buffer);
        assert!(screen.contains("Organization details"), "{screen}");
        for want in [long_org, "Permission", "manage", "Creator", "alice"] {
            assert!(screen.contains(want), "{want}: {screen}");
        }
    }
}

#[test]
fn repository_details_show_every_field_and_the_whole_description() {
    for (_, buffer) in snapshot_both("repo_details", |screen| {
        let mut model = with_repos(screen);
        assert_eq!(
            model.panes.repos.current().map(|r| r.name.as_str()),
            Some(LONG_REPO)
        );
        press(&mut model, "v");
        model
    }) {
        assert!(text(&buffer).contains("┌ Repository details"));
        let screen = popup_lines(&buffer, detail_width(&buffer)).join("\n");
        for want in [
            "Visibility",
            "public",
            "Category",
            "app_server",
            "Tags",
            "Size",
            "49.6 MiB",
            "Downloads",
            "1234",
            "Created",
            "2026-01-01",
            "Updated",
            "2026-03-01",
            "Path",
            "Internal",
            "10.125.0.198:20202/demo/",
            "Description",
        ] {
            assert!(screen.contains(want), "{want}: {screen}");
        }
        // Every word of the description, wrapped, and of the long name.
        for word in DESCRIPTION.split_whitespace() {
            assert!(screen.contains(word), "{word}: {screen}");
        }
        let joined: String = screen.split_whitespace().collect();
        assert!(
            joined.contains(&format!("Name{LONG_REPO}")),
            "the name whole: {screen}"
        );
    }
}

/// The inside of the centered popup that is `w` wide: its rows are those with its border on
/// the left.
fn popup_inside(buffer: &Buffer, w: u16) -> Rect {
    let area = buffer.area;
    let x = (area.width - w) / 2;
    let rows: Vec<u16> = (0..area.height)
        .filter(|&y| ["┌", "│", "└"].contains(&buffer[(x, y)].symbol()))
        .collect();
    let (top, bottom) = (
        rows.first().copied().unwrap_or(0),
        rows.last().copied().unwrap_or(0),
    );
    Rect::new(x + 1, top + 1, w - 2, bottom.saturating_sub(top + 1))
}

fn popup_lines(buffer: &Buffer, w: u16) -> Vec<String> {
    let inside = popup_inside(buffer, w);
    (inside.top()..inside.bottom())
        .map(|y| line(buffer, y, inside.left(), inside.right()))
        .collect()
}

/// The popup's text with every space taken out: what a wrapped text reads, whatever its breaks.
fn popup_text(buffer: &Buffer, w: u16) -> String {
    popup_lines(buffer, w).concat().split_whitespace().collect()
}

/// The width of the detail view on this screen.
fn detail_width(buffer: &Buffer) -> u16 {
    (buffer.area.width - 4).min(100)
}

#[test]
fn a_typed_confirmation_shows_the_whole_long_name() {
    for (_, buffer) in snapshot_both("typed_long_name", |screen| {
        let mut model = with_repos(screen);
        press(&mut model, "d");
        assert!(matches!(model.overlay, Some(Overlay::Typed(_))));
        model
    }) {
        assert_eq!(LONG_REPO.chars().count(), 81);
        let inside = popup_text(&buffer, 66.min(buffer.area.width - 2));
        assert!(
            inside.contains(&format!("Type{LONG_REPO}toconfirm:")),
            "every character of the name: {inside}"
        );
        assert!(inside.contains("Its1taggoeswithit."), "{inside}");
        let screen = text(&buffer);
        assert!(
            screen.contains("Name") && screen.contains("Enter delete"),
            "{screen}"
        );
    }
}

/// Cells inside the popup `w` wide that are drawn reversed (a text field's cursor, a focused
/// toggle).
fn reversed_in(buffer: &Buffer, w: u16) -> usize {
    let inside = popup_inside(buffer, w);
    inside
        .positions()
        .filter(|&p| buffer[p].modifier.contains(Modifier::REVERSED))
        .count()
}

#[test]
fn a_form_shows_one_cursor_where_typing_goes() {
    for (_, buffer) in snapshot_both("form_one_cursor", |screen| {
        let mut model = with_repos(screen);
        press(&mut model, "c");
        press(&mut model, "tools/new");
        for _ in 0..3 {
            update(&mut model, key(KeyCode::Tab));
        }
        press(&mut model, "Build tools.");
        model
    }) {
        // Inside the popup: the pane's cursor row around it is reversed too.
        let cursors = reversed_in(&buffer, 72.min(buffer.area.width - 2));
        assert_eq!(cursors, 1, "{}", text(&buffer));
    }
}

#[test]
fn a_retag_conflict_is_explained_in_the_dialog() {
    for (model, buffer) in snapshot_both("retag_conflict", |screen| {
        let mut model = with_long_tags(screen);
        press(&mut model, "c");
        press(&mut model, "stable");
        let request = match update(&mut model, key(KeyCode::Enter)).as_slice() {
            [Cmd::Write { request, .. }] => *request,
            other => panic!("{other:?}"),
        };
        let error = ErrorInfo::http(409, "SVCSTG.SWR.4090006", "The tag already exists");
        update(
            &mut model,
            Msg::Written {
                request,
                result: Err(error),
            },
        );
        model
    }) {
        assert!(matches!(model.overlay, Some(Overlay::Retag(_))));
        assert!(text(&buffer).contains("┌ Create tag"));
        let inside = popup_text(&buffer, 60);
        assert!(inside.contains("stable"), "the input is kept: {inside}");
        assert!(
            inside.contains("SVCSTG.SWR.4090006:Thetagalreadyexists(HTTP409)"),
            "the whole error: {inside}"
        );
    }
}

#[test]
fn the_delete_progress_reads_one_tag_and_a_whole_rate() {
    let mut model = with_long_tags(Rect::new(0, 0, 80, 24));
    press(&mut model, "d");
    let (job, tags) = match press(&mut model, "y").as_slice() {
        [Cmd::DeleteTags { job, tags, .. }] => (*job, tags.clone()),
        other => panic!("{other:?}"),
    };
    for tag in tags {
        update(
            &mut model,
            Msg::TagDeleted {
                job,
                tag,
                result: Ok(swr_tui::app::Removed::Deleted),
            },
        );
    }
    // One tag in a millisecond: a thousand a second.
    update(&mut model, Msg::JobFinished { job, elapsed_ms: 1 });
    assert_eq!(model.overlay, Some(Overlay::DeleteProgress));
    let screen = text(&draw(&model));
    assert!(
        screen.contains("demo/team/web: 1 tag, 8 at a time"),
        "{screen}"
    );
    assert!(screen.contains("1,000 tags/s"), "{screen}");
    assert!(!screen.contains("1000.0"), "{screen}");
}
