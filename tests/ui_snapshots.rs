//! The view, drawn into a test terminal: snapshots of every pane and dialog at 80x24 and
//! 160x45, plus checks that remote text cannot drive the terminal and that the cursor row is
//! drawn where `update` maps mouse clicks.

mod support;

use support::*;

use ratatui::style::Modifier;
use swr_tui::app::Rows;
use swr_tui::app::rows::TagRow;
use swr_tui::swr::model::AccessDomain;

// --- data ---------------------------------------------------------------------------------

fn orgs() -> Vec<Namespace> {
    vec![
        org("demo", 7, "alice"),
        org("team-a", 3, "bob"),
        org("研发部", 1, "王伟"),
        org("readonly-org", 1, "carol"),
    ]
}

fn repos() -> Vec<RepoV2> {
    let repo = |name: &str, tags, size, public, category: &str, desc: &str, age| RepoV2 {
        name: name.into(),
        num_images: tags,
        size,
        num_download: tags * 97,
        is_public: public,
        category: category.into(),
        description: desc.into(),
        created_at: ts(age + 2000),
        updated_at: ts(age),
        path: format!("swr.cn-north-4.myhuaweicloud.com/demo/{name}"),
        internal_path: format!("10.125.0.198:20202/demo/{name}"),
        ..RepoV2::default()
    };
    vec![
        repo(
            "team/web",
            30,
            200_977_474,
            false,
            "app_server",
            "The web front end.",
            20,
        ),
        repo("nginx", 4, 58_000_000, true, "linux", "", 400),
        repo(
            "基础镜像/alpine",
            12,
            3_400_000,
            false,
            "linux",
            "基础镜像，每周更新。\n包含 busybox 与 ca-certificates。",
            90,
        ),
    ]
}

fn tags(n: usize) -> Vec<Tag> {
    (0..n)
        .map(|i| {
            let layers = format!(
                r#"{{"schemaVersion":2,"layers":[{{"digest":"{}","size":{}}},{{"digest":"{}","size":2048}}]}}"#,
                digest(200),
                3_000_000 + i,
                digest(i + 100),
            );
            Tag {
                tag: format!("v1.{i}"),
                digest: digest(i),
                size: 10_000_000 + (i as i64) * 123_456,
                created: ts((n - i) as i64 * 30),
                updated: ts((n - i) as i64 * 24),
                path: format!("swr.cn-north-4.myhuaweicloud.com/demo/team/web:v1.{i}"),
                internal_path: format!("10.125.0.198:20202/demo/team/web:v1.{i}"),
                manifest: layers,
                ..Tag::default()
            }
        })
        .collect()
}

fn access(others: usize) -> AccessInfo {
    let user = |id: String, name: String, auth| UserAuth {
        user_id: id,
        user_name: name,
        auth,
    };
    let names = ["alice", "bob", "carol", "dave"];
    AccessInfo {
        self_auth: user("0a1b2c3d4e5f".into(), "demo-admin".into(), 7),
        others_auths: (0..others)
            .map(|i| {
                let name = format!("{}{}", names[i % names.len()], i / names.len());
                user(format!("u-{i:04}"), name, [1, 3, 7][i % 3])
            })
            .collect(),
        ..AccessInfo::default()
    }
}

// --- scenarios ----------------------------------------------------------------------------

fn fresh(screen: Rect, read_only: bool, monochrome: bool) -> (Model, Vec<Cmd>) {
    let context = Context {
        read_only,
        monochrome,
        ..context()
    };
    let mut model = Model::new(context, screen, now());
    let cmds = init(&mut model);
    (model, cmds)
}

/// Organizations loaded, `demo` opened, its repositories loaded.
fn with_repos(screen: Rect, list: Vec<RepoV2>) -> Model {
    let mut model = with_orgs_at(screen, orgs(), None);
    let cmds = update(&mut model, key(KeyCode::Enter));
    answer(&mut model, first_fetch(&cmds), Ok(Fetched::repos(list)));
    model
}

/// `team/web` opened and its tags loaded.
fn with_tags(screen: Rect, n: usize) -> Model {
    let mut model = with_repos(screen, repos());
    press(&mut model, "j"); // nginx → team/web
    let cmds = update(&mut model, key(KeyCode::Enter));
    answer(&mut model, first_fetch(&cmds), Ok(Fetched::tags(tags(n))));
    model
}

// --- rendering ----------------------------------------------------------------------------

// --- snapshots ----------------------------------------------------------------------------

#[test]
fn organizations_loaded() {
    snapshot_both("orgs", |screen| with_orgs_at(screen, orgs(), None));
}

#[test]
fn repositories_with_cjk_and_slashes() {
    snapshot_both("repos", |screen| {
        let mut model = with_repos(screen, repos());
        // Onto the CJK repository, so the wide detail panel shows its description.
        press(&mut model, "G");
        model
    });
}

#[test]
fn tags_filtered_with_two_marked() {
    snapshot_both("tags_filter_marked", |screen| {
        let mut model = with_tags(screen, 30);
        press(&mut model, " ");
        press(&mut model, " ");
        press(&mut model, "/");
        press(&mut model, "2");
        assert!(model.nav.filtering);
        model
    });
}

#[test]
fn tags_filter_kept() {
    snapshot_both("tags_filter_kept", |screen| {
        let mut model = with_tags(screen, 30);
        press(&mut model, " ");
        press(&mut model, " ");
        press(&mut model, "/");
        press(&mut model, "1.2");
        update(&mut model, key(KeyCode::Enter));
        assert!(!model.nav.filtering);
        model
    });
}

#[test]
fn permissions_of_a_repository() {
    snapshot_both("perms", |screen| {
        let mut model = with_tags(screen, 30);
        let cmds = press(&mut model, "p");
        answer(
            &mut model,
            first_fetch(&cmds),
            Ok(Fetched::Perms(access(2))),
        );
        assert_eq!(model.nav.focus(), PaneId::Perms);
        model
    });
}

#[test]
fn help_overlay() {
    snapshot_both("help_tags", |screen| {
        let mut model = with_tags(screen, 30);
        press(&mut model, "?");
        assert_eq!(model.overlay, Some(Overlay::Help));
        model
    });
    snapshot_both("help_orgs", |screen| {
        let mut model = with_orgs_at(screen, orgs(), None);
        press(&mut model, "?");
        model
    });
}

#[test]
fn pull_menu() {
    snapshot_both("pull_menu", |screen| {
        let mut model = with_tags(screen, 30);
        press(&mut model, "Y");
        press(&mut model, "j");
        press(&mut model, "j");
        press(&mut model, "j");
        assert_eq!(model.overlay, Some(Overlay::PullMenu { cursor: 3 }));
        model
    });
}

#[test]
fn tag_detail_overlay() {
    snapshot_both("tag_detail", |screen| {
        let mut model = with_tags(screen, 30);
        update(&mut model, key(KeyCode::Enter));
        assert_eq!(model.overlay, Some(Overlay::TagDetail));
        model
    });
}

#[test]
fn loading() {
    snapshot_both("loading", |screen| {
        let (mut model, _) = fresh(screen, false, false);
        update(&mut model, Msg::Tick { now: now() });
        model
    });
    snapshot_both("loading_tags", |screen| {
        let mut model = with_repos(screen, repos());
        update(&mut model, key(KeyCode::Enter));
        model
    });
}

#[test]
fn failed_load_shows_the_message() {
    snapshot_both("failed", |screen| {
        let (mut model, cmds) = fresh(screen, false, false);
        let error = ErrorInfo::http(401, "SVCSTG.SWR.4010001", "Unauthorized");
        answer(&mut model, first_fetch(&cmds), Err(error));
        model
    });
}

#[test]
fn read_only_header() {
    snapshot_both("read_only", |screen| {
        let (mut model, cmds) = fresh(screen, true, false);
        answer(&mut model, first_fetch(&cmds), Ok(Fetched::Orgs(orgs())));
        model
    });
}

#[test]
fn empty_states_give_hints() {
    snapshot_both("empty_repos", |screen| with_repos(screen, Vec::new()));
}

// --- safety and geometry ------------------------------------------------------------------

#[test]
fn control_characters_never_reach_the_terminal() {
    for (w, h) in SIZES {
        let mut evil = orgs();
        // ratatui itself drops control and zero-width graphemes; a tab or newline, though,
        // must become a space (sanitize) rather than vanish and glue words together.
        evil[0].name = "evil\x1b[31m\u{202E}".into();
        evil[0].creator_name = "bell\x07\u{9b}2J".into();
        let mut model = with_orgs_at(Rect::new(0, 0, w, h), evil, None);
        let cmds = update(&mut model, key(KeyCode::Enter));
        let error = ErrorInfo::other("boom\x1b]0;pwned\x07\u{202E}\tgnp.exe\nnext");
        answer(&mut model, first_fetch(&cmds), Err(error));
        press(&mut model, "1");
        let buffer = draw(&model);
        let shown = text(&buffer);
        // A name shows where characters were removed (it must not pass for another name).
        assert!(shown.contains("evil\u{FFFD}[31m\u{FFFD}"), "{shown}");
        assert!(shown.contains("bell2J"), "{shown}");
        assert!(shown.contains("boom]0;pwned gnp.exe next"), "{shown}");
        let unsafe_char = |c: char| {
            c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        };
        assert!(
            buffer
                .content()
                .iter()
                .all(|c| !c.symbol().chars().any(unsafe_char)),
            "an unsafe character reached the buffer:\n{shown}"
        );
    }
}

#[test]
fn monochrome_sets_no_colours() {
    let (mut model, cmds) = fresh(Rect::new(0, 0, 160, 45), true, true);
    answer(&mut model, first_fetch(&cmds), Ok(Fetched::Orgs(orgs())));
    press(&mut model, "?");
    let buffer = draw(&model);
    let reset = ratatui::style::Color::Reset;
    assert!(
        buffer
            .content()
            .iter()
            .all(|c| c.fg == reset && c.bg == reset)
    );
}

/// Builds a model focused on `pane` with 40 rows in it and the cursor away from both ends.
fn scrolled(pane: PaneId, screen: Rect) -> Model {
    let many_orgs: Vec<Namespace> = (0..40)
        .map(|i| Namespace {
            name: format!("org-{i:02}"),
            auth: 7,
            ..Namespace::default()
        })
        .collect();
    let many_repos: Vec<RepoV2> = (0..40)
        .map(|i| RepoV2 {
            name: format!("repo-{i:02}"),
            ..RepoV2::default()
        })
        .collect();
    let mut model = with_orgs_at(screen, many_orgs, None);
    if pane != PaneId::Orgs {
        let cmds = update(&mut model, key(KeyCode::Enter));
        answer(
            &mut model,
            first_fetch(&cmds),
            Ok(Fetched::repos(many_repos)),
        );
    }
    if matches!(pane, PaneId::Tags | PaneId::Perms | PaneId::Shares) {
        let cmds = update(&mut model, key(KeyCode::Enter));
        answer(&mut model, first_fetch(&cmds), Ok(Fetched::tags(tags(40))));
    }
    if pane == PaneId::Shares {
        press(&mut model, ":shares");
        let cmds = update(&mut model, key(KeyCode::Enter));
        let shares = (0..39)
            .map(|i| AccessDomain {
                access_domain: format!("account-{i:02}"),
                permit: "read".into(),
                deadline: "forever".into(),
                status: true,
                ..AccessDomain::default()
            })
            .collect();
        answer(&mut model, first_fetch(&cmds), Ok(Fetched::Shares(shares)));
    }
    if pane == PaneId::Perms {
        let cmds = press(&mut model, "p");
        answer(
            &mut model,
            first_fetch(&cmds),
            Ok(Fetched::Perms(access(39))),
        );
    }
    assert_eq!(model.nav.focus(), pane);
    model.session.context.monochrome = true;
    press(&mut model, "G");
    for _ in 0..5 {
        press(&mut model, "k");
    }
    model
}

/// Lines of `pane`'s body drawn as the focused cursor (reversed).
fn reversed_rows(buffer: &Buffer, area: Rect) -> Vec<u16> {
    (area.y + 1..area.bottom() - 1)
        .filter(|&y| {
            buffer[(area.x + 2, y)]
                .modifier
                .contains(Modifier::REVERSED)
        })
        .collect()
}

fn current_key(model: &Model) -> String {
    match model.nav.focus() {
        PaneId::Orgs => model.panes.orgs.current().unwrap().name.clone(),
        PaneId::Repos => model.panes.repos.current().unwrap().name.clone(),
        PaneId::Tags => model.panes.tags.current().unwrap().tag.clone(),
        PaneId::Perms => model.panes.perms.current().unwrap().user_name.clone(),
        PaneId::Shares => model.panes.shares.current().unwrap().account.clone(),
        other => panic!("{other:?}: the test scrolls the shared edition's panes"),
    }
}

fn cursor_offset(model: &Model) -> (usize, usize) {
    match model.nav.focus() {
        PaneId::Orgs => (model.panes.orgs.cursor(), model.panes.orgs.offset()),
        PaneId::Repos => (model.panes.repos.cursor(), model.panes.repos.offset()),
        PaneId::Tags => (model.panes.tags.cursor(), model.panes.tags.offset()),
        PaneId::Perms => (model.panes.perms.cursor(), model.panes.perms.offset()),
        PaneId::Shares => (model.panes.shares.cursor(), model.panes.shares.offset()),
        other => panic!("{other:?}: the test scrolls the shared edition's panes"),
    }
}

fn assert_cursor_drawn_where_expected(model: &Model) -> u16 {
    let area = layout::areas(model.screen, &model.nav)
        .pane(model.nav.focus())
        .unwrap();
    let (cursor, offset) = cursor_offset(model);
    assert!(offset > 0, "the test wants a scrolled list");
    let y = area.y + 2 + (cursor - offset) as u16;
    let buffer = draw(model);
    assert_eq!(reversed_rows(&buffer, area), vec![y], "{}", text(&buffer));
    let drawn = line(&buffer, y, area.x, area.right());
    assert!(drawn.contains(&current_key(model)), "{drawn}");
    y
}

#[test]
fn cursor_row_is_drawn_where_clicks_land() {
    for (w, h) in SIZES {
        // The shared edition's panes (an instance's have their own test).
        for pane in [
            PaneId::Orgs,
            PaneId::Repos,
            PaneId::Tags,
            PaneId::Perms,
            PaneId::Shares,
        ] {
            let mut model = scrolled(pane, Rect::new(0, 0, w, h));
            let y = assert_cursor_drawn_where_expected(&model);
            // A click on the line above the cursor row selects the row drawn there.
            let area = layout::areas(model.screen, &model.nav).pane(pane).unwrap();
            let expected = line(&draw(&model), y - 1, area.x, area.right());
            let click = MouseEvent {
                kind: MouseEventKind::Down(MouseButton::Left),
                column: area.x + 3,
                row: y - 1,
                modifiers: KeyModifiers::NONE,
            };
            update(&mut model, Msg::Mouse(click));
            let y2 = assert_cursor_drawn_where_expected(&model);
            assert_eq!(y2, y - 1, "{pane:?} at {w}x{h}");
            assert!(expected.contains(&current_key(&model)), "{expected}");
        }
    }
}

#[test]
fn focused_border_and_error_status_are_coloured() {
    use ratatui::style::Color;
    let (mut model, cmds) = fresh(Rect::new(0, 0, 160, 45), false, false);
    answer(&mut model, first_fetch(&cmds), Ok(Fetched::Orgs(orgs())));
    let cmds = update(&mut model, key(KeyCode::Enter));
    answer(
        &mut model,
        first_fetch(&cmds),
        Err(ErrorInfo::other("denied")),
    );
    let buffer = draw(&model);
    let areas = layout::areas(model.screen, &model.nav);
    let (orgs, repos) = (areas.upper.unwrap(), areas.lower.unwrap());
    assert_eq!(
        buffer[(repos.x, repos.y)].fg,
        Color::Cyan,
        "focused pane border"
    );
    assert_eq!(
        buffer[(orgs.x, orgs.y)].fg,
        Color::DarkGray,
        "other pane border"
    );
    let status = areas.status;
    assert_eq!(
        buffer[(status.x + 1, status.y)].fg,
        Color::Red,
        "error status"
    );
}

/// Rows of part of the tag list, as the worker sends a page.
fn tag_page(all: &[Tag], total: usize) -> Result<Fetched, ErrorInfo> {
    let rows = all.iter().cloned().map(TagRow::from).collect();
    Ok(Fetched::Tags(Rows::page(rows, Some(total))))
}

#[test]
fn tags_arriving_then_reloading() {
    for (w, h) in SIZES {
        // A first load with 5 of 12 tags there: usable, marked, and saying how far it is.
        let mut model = with_repos(Rect::new(0, 0, w, h), repos());
        press(&mut model, "j");
        let cmds = update(&mut model, key(KeyCode::Enter));
        let all = tags(12);
        answer(&mut model, first_fetch(&cmds), tag_page(&all[7..], 12));
        press(&mut model, " ");
        let screen = text(&draw(&model));
        assert!(
            screen.contains("Tags (5 of 12) [1 marked] loading"),
            "{screen}"
        );
        assert!(screen.contains("● v1.11"), "the marked row: {screen}");
        assert!(!screen.contains("v1.6"), "not there yet: {screen}");
        insta::assert_snapshot!(format!("tags_arriving_{w}x{h}"), screen);

        // The rest, then a reload: the complete list stays until the new one is in.
        answer(&mut model, first_fetch(&cmds), tag_page(&all[..7], 12));
        answer(
            &mut model,
            first_fetch(&cmds),
            Ok(Fetched::Tags(Rows::end(12))),
        );
        let screen = text(&draw(&model));
        assert!(
            screen.contains("Tags (12) [1 marked]") && !screen.contains("loading"),
            "{screen}"
        );
        let cmds = press(&mut model, "r");
        answer(&mut model, first_fetch(&cmds), tag_page(&all[..3], 12));
        let screen = text(&draw(&model));
        assert!(
            screen.contains("Tags (12) [1 marked] reloading 3 of 12"),
            "{screen}"
        );
        assert!(
            screen.contains("v1.0"),
            "the old rows are still drawn: {screen}"
        );
        insta::assert_snapshot!(format!("tags_reloading_{w}x{h}"), screen);
    }
}

#[test]
fn no_cell_ever_holds_a_control_or_invisible_character() {
    // An organization whose name carries a terminal escape and a zero-width space: opened, its
    // raw name reaches the header's breadcrumb and the status line, not only the rows.
    for (w, h) in SIZES {
        let hostile = Namespace {
            name: "de\u{1b}]0;owned\u{7}mo\u{200B}".into(),
            auth: 7,
            ..Namespace::default()
        };
        let mut model = with_orgs_at(Rect::new(0, 0, w, h), vec![hostile], None);
        update(&mut model, key(KeyCode::Enter));
        model.fail("bad \u{1b}[2J\u{FEFF}news");
        let buffer = draw(&model);
        for cell in &buffer.content {
            assert!(
                !cell
                    .symbol()
                    .chars()
                    .any(|c| c.is_control() || swr_tui::app::text::is_invisible(c)),
                "{:?} drawn at {w}x{h}",
                cell.symbol()
            );
        }
        let screen = text(&buffer);
        assert!(
            screen.contains("]0;owned"),
            "the rest of the name is shown: {screen}"
        );
        assert!(screen.contains("bad [2Jnews"), "{screen}");

        // A tag named with an override, in the delete confirmation (which lists exact names).
        let mut model = with_repos(Rect::new(0, 0, w, h), repos());
        press(&mut model, "j");
        let cmds = update(&mut model, key(KeyCode::Enter));
        let hostile = Tag {
            tag: "evil\u{202E}gat\u{1b}[31m".into(),
            ..Tag::default()
        };
        answer(
            &mut model,
            first_fetch(&cmds),
            Ok(Fetched::tags(vec![hostile])),
        );
        press(&mut model, "d");
        assert!(matches!(model.overlay, Some(Overlay::ConfirmDelete(_))));
        let buffer = draw(&model);
        assert!(
            !buffer.content.iter().any(|cell| cell
                .symbol()
                .chars()
                .any(|c| c.is_control() || swr_tui::app::text::is_invisible(c))),
            "the dialog draws no control or invisible character at {w}x{h}"
        );
        assert!(text(&buffer).contains("evil"), "{}", text(&buffer));
    }
}
