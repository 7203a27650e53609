//! `update()` is pure: every interaction is tested by feeding messages and reading the model
//! and the commands it returns. No terminal, no network.

mod support;

use support::*;
use swr_tui::app::rows::ColumnId;

#[test]
fn start_up_loads_organizations_and_the_quota() {
    let mut fresh = model();
    let cmds = init(&mut fresh);
    assert_eq!(cmds.len(), 2);
    let quota = find_fetch(&cmds, &Fetch::Quotas);
    answer(&mut fresh, quota, Ok(quotas(4, 5)));
    assert_eq!(fresh.session.org_quota, Some((4, 5)));
    let m = with_orgs();
    assert_eq!(m.panes.orgs.len(), 3);
    assert_eq!(m.panes.orgs.load, Load::Loaded);
    assert_eq!(m.panes.orgs.current().unwrap().name, "demo");
    assert_eq!(m.nav.focus(), PaneId::Orgs);
}

#[test]
fn moving_is_bounded() {
    let mut m = with_orgs();
    press(&mut m, "jjjjj");
    assert_eq!(m.panes.orgs.cursor(), 2);
    press(&mut m, "k");
    assert_eq!(m.panes.orgs.cursor(), 1);
    press(&mut m, "g");
    assert_eq!(m.panes.orgs.cursor(), 0);
    update(&mut m, key(KeyCode::Down));
    assert_eq!(m.panes.orgs.cursor(), 1);
    update(&mut m, key(KeyCode::Up));
    press(&mut m, "G");
    assert_eq!(m.panes.orgs.cursor(), 2);
}

#[test]
fn paging_moves_by_a_screenful() {
    let mut m = with_tags(100);
    let page = layout::list_rows(m.screen, &m.nav, PaneId::Tags);
    update(&mut m, key(KeyCode::PageDown));
    assert_eq!(m.panes.tags.cursor(), page);
    assert_eq!(
        m.panes.tags.offset(),
        1,
        "the cursor row is the last visible one"
    );
    update(&mut m, key(KeyCode::PageUp));
    assert_eq!(m.panes.tags.cursor(), 0);
}

#[test]
fn opening_goes_organization_to_repositories_to_tags_and_back() {
    let mut m = with_tags(5);
    assert_eq!(m.nav.focus(), PaneId::Tags);
    assert_eq!(
        (m.panes.org.as_deref(), m.panes.repo.as_deref()),
        (Some("demo"), Some("team/web"))
    );
    assert_eq!(m.panes.tags.len(), 5);
    update(&mut m, key(KeyCode::Esc));
    assert_eq!(m.nav.focus(), PaneId::Repos);
    press(&mut m, "h");
    assert_eq!(m.nav.focus(), PaneId::Orgs);
    update(&mut m, key(KeyCode::Left));
    assert_eq!(m.nav.focus(), PaneId::Orgs, "nothing before organizations");
    // `l` and → open too.
    let cmds = press(&mut m, "l");
    fetch_id(&cmds, &Fetch::Repos { org: "demo".into() });
}

#[test]
fn results_for_a_view_the_user_left_are_dropped() {
    let mut m = with_orgs();
    let first = fetch_id(
        &update(&mut m, key(KeyCode::Enter)),
        &Fetch::Repos { org: "demo".into() },
    );
    update(&mut m, key(KeyCode::Esc));
    press(&mut m, "j");
    let second = fetch_id(
        &update(&mut m, key(KeyCode::Enter)),
        &Fetch::Repos {
            org: "platform".into(),
        },
    );
    assert_ne!(first, second);
    // The answer for `demo` arrives late: ignored.
    loaded(&mut m, first, Fetched::repos(repos()));
    assert!(m.panes.repos.is_empty());
    assert_eq!(m.panes.repos.load, Load::Loading { request: second });
    loaded(
        &mut m,
        second,
        Fetched::repos(vec![RepoV2 {
            name: "base/ubuntu".into(),
            ..RepoV2::default()
        }]),
    );
    assert_eq!(m.panes.repos.current().unwrap().name, "base/ubuntu");
    // A duplicate of an answered request changes nothing either.
    loaded(&mut m, second, Fetched::repos(repos()));
    assert_eq!(m.panes.repos.len(), 1);
}

#[test]
fn filter_is_incremental_enter_keeps_it_esc_clears_it() {
    let mut m = with_tags(30);
    press(&mut m, "/");
    assert!(m.nav.filtering);
    press(&mut m, "V2");
    assert_eq!(
        m.panes.tags.visible_len(),
        11,
        "v2, v20..v29 (case-insensitive)"
    );
    update(&mut m, key(KeyCode::Backspace));
    update(&mut m, ch('1'));
    press(&mut m, "5");
    assert_eq!(m.panes.tags.visible_len(), 1);
    update(&mut m, key(KeyCode::Enter));
    assert!(!m.nav.filtering);
    assert_eq!(
        m.panes.tags.filter(),
        "V15",
        "kept as typed; matching ignores case"
    );
    // Keys act again; the kept filter is cleared by Esc before Esc goes back.
    update(&mut m, key(KeyCode::Esc));
    assert_eq!(m.panes.tags.filter(), "");
    assert_eq!(m.nav.focus(), PaneId::Tags);
    press(&mut m, "/x");
    update(&mut m, key(KeyCode::Esc));
    assert!(!m.nav.filtering);
    assert_eq!(m.panes.tags.visible_len(), 30);
}

#[test]
fn filter_input_takes_letters_that_are_also_keys() {
    let mut m = with_orgs();
    press(&mut m, "/");
    let cmds = press(&mut m, "q");
    assert!(cmds.is_empty() && !m.quit, "q is text while filtering");
    assert_eq!(m.panes.orgs.filter(), "q");
    let quit = update(
        &mut m,
        Msg::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)),
    );
    assert_eq!(quit, vec![Cmd::Quit], "Ctrl-C always quits");
}

#[test]
fn tags_default_to_newest_first_and_sort_cycles() {
    let mut m = with_tags(9);
    assert_eq!(m.panes.tags.current().unwrap().tag, "v8", "newest first");
    press(&mut m, "s"); // name, still descending
    assert_eq!(m.panes.tags.sort().column, ColumnId::Name);
    press(&mut m, "g");
    assert_eq!(m.panes.tags.current().unwrap().tag, "v8");
    press(&mut m, "S");
    press(&mut m, "g");
    assert_eq!(m.panes.tags.current().unwrap().tag, "v0");
    press(&mut m, "sss");
    assert_eq!(
        m.panes.tags.sort().column,
        ColumnId::Updated,
        "cycles back to updated"
    );
}

#[test]
fn y_copies_the_docker_pull_command_and_the_status_shows_it() {
    let mut m = with_tags(3);
    let cmds = press(&mut m, "y");
    let text = "docker pull swr.cn-north-4.myhuaweicloud.com/demo/team/web:v2".to_string();
    assert_eq!(cmds, vec![Cmd::Copy { text: text.clone() }]);
    update(
        &mut m,
        Msg::Copied {
            text: text.clone(),
            result: Ok(CopyMethod::Osc52),
        },
    );
    let status = m.status.clone().unwrap();
    assert_eq!(status.kind, StatusKind::Success);
    assert!(status.text.contains(&text));
    update(
        &mut m,
        Msg::Copied {
            text: text.clone(),
            result: Err("no clipboard".into()),
        },
    );
    let status = m.status.clone().unwrap();
    assert_eq!(status.kind, StatusKind::Error);
    assert!(
        status.text.contains(&text),
        "the text is shown even when copying failed"
    );
}

#[test]
fn y_outside_the_tag_pane_copies_nothing() {
    let mut m = with_orgs();
    assert!(press(&mut m, "y").is_empty());
    assert!(m.status.is_some());
}

#[test]
fn pull_menu_offers_every_variant() {
    let mut m = with_tags(3);
    press(&mut m, "Y");
    assert_eq!(m.overlay, Some(Overlay::PullMenu { cursor: 0 }));
    press(&mut m, "jj");
    assert_eq!(m.overlay, Some(Overlay::PullMenu { cursor: 2 }));
    let cmds = update(&mut m, key(KeyCode::Enter));
    assert_eq!(
        cmds,
        vec![Cmd::Copy {
            text: "nerdctl pull swr.cn-north-4.myhuaweicloud.com/demo/team/web:v2".into()
        }]
    );
    assert_eq!(m.overlay, None);
    press(&mut m, "Y");
    let cmds = press(&mut m, "4");
    assert_eq!(
        cmds,
        vec![Cmd::Copy {
            text: format!(
                "docker pull swr.cn-north-4.myhuaweicloud.com/demo/team/web@sha256:{:064x}",
                2
            )
        }]
    );
    press(&mut m, "Y");
    let cmds = press(&mut m, "6");
    assert_eq!(
        cmds,
        vec![Cmd::Copy {
            text: "image: swr.cn-north-4.myhuaweicloud.com/demo/team/web:v2".into()
        }]
    );
    press(&mut m, "Y");
    update(&mut m, key(KeyCode::Esc));
    assert_eq!(m.overlay, None);
    assert_eq!(m.nav.focus(), PaneId::Tags, "Esc closed the menu only");
}

#[test]
fn enter_on_a_tag_shows_its_details() {
    let mut m = with_tags(3);
    update(&mut m, key(KeyCode::Enter));
    assert_eq!(m.overlay, Some(Overlay::TagDetail));
    update(&mut m, key(KeyCode::Esc));
    assert_eq!(m.overlay, None);
}

#[test]
fn help_overlay_opens_and_closes() {
    let mut m = with_orgs();
    press(&mut m, "?");
    assert_eq!(m.overlay, Some(Overlay::Help));
    assert!(press(&mut m, "j").is_empty());
    assert_eq!(m.panes.orgs.cursor(), 0, "keys go to the overlay");
    press(&mut m, "q");
    assert_eq!(m.overlay, None);
    assert!(!m.quit, "q closed the help only");
}

#[test]
fn failed_loads_show_the_swr_error_and_r_retries() {
    let mut m = model();
    let id = find_fetch(&init(&mut m), &Fetch::Orgs);
    answer(
        &mut m,
        id,
        Err(ErrorInfo::http(
            403,
            "SVCSTG.SWR.4030170",
            "Insufficient permissions",
        )),
    );
    let status = m.status.clone().unwrap();
    assert_eq!(status.kind, StatusKind::Error);
    assert!(
        status.text.contains("SVCSTG.SWR.4030170")
            && status.text.contains("Insufficient permissions")
    );
    assert!(matches!(m.panes.orgs.load, Load::Failed(_)));
    let retry = fetch_id(&press(&mut m, "r"), &Fetch::Orgs);
    assert!(retry > id);
    loaded(&mut m, retry, Fetched::Orgs(orgs()));
    assert_eq!(m.panes.orgs.len(), 3);
}

#[test]
fn refresh_reloads_the_focused_list_and_keeps_the_cursor_row() {
    let mut m = with_tags(5);
    press(&mut m, "jj");
    let current = m.panes.tags.current().unwrap().tag.clone();
    let id = fetch_id(
        &press(&mut m, "r"),
        &Fetch::Tags {
            org: "demo".into(),
            repo: "team/web".into(),
        },
    );
    loaded(&mut m, id, Fetched::tags(tags(6)));
    assert_eq!(m.panes.tags.current().unwrap().tag, current);
}

#[test]
fn permissions_of_an_organization_and_of_a_repository() {
    let mut m = with_orgs();
    let cmds = press(&mut m, "p");
    let id = fetch_id(&cmds, &Fetch::Perms(PermTarget::Org("demo".into())));
    assert_eq!(m.nav.focus(), PaneId::Perms);
    let info = AccessInfo {
        name: "demo".into(),
        self_auth: UserAuth {
            user_id: "me".into(),
            user_name: "swr-demo".into(),
            auth: 7,
        },
        others_auths: vec![UserAuth {
            user_id: "u1".into(),
            user_name: "alice".into(),
            auth: 1,
        }],
        ..AccessInfo::default()
    };
    loaded(&mut m, id, Fetched::Perms(info));
    assert_eq!(m.panes.perms.len(), 2);
    update(&mut m, key(KeyCode::Esc));
    assert_eq!(
        m.nav.focus(),
        PaneId::Orgs,
        "Esc returns where p was pressed"
    );

    let mut m = with_tags(2);
    let cmds = press(&mut m, "p");
    fetch_id(
        &cmds,
        &Fetch::Perms(PermTarget::Repo {
            org: "demo".into(),
            repo: "team/web".into(),
        }),
    );
    update(&mut m, key(KeyCode::Esc));
    assert_eq!(m.nav.focus(), PaneId::Tags);
}

#[test]
fn tab_and_digits_switch_panes() {
    let mut m = with_tags(2);
    press(&mut m, "1");
    assert_eq!(m.nav.focus(), PaneId::Orgs);
    update(&mut m, key(KeyCode::Tab));
    assert_eq!(m.nav.focus(), PaneId::Repos);
    update(&mut m, key(KeyCode::BackTab));
    assert_eq!(m.nav.focus(), PaneId::Orgs);
    update(&mut m, key(KeyCode::BackTab));
    assert_eq!(m.nav.focus(), PaneId::Perms);
    press(&mut m, "3");
    assert_eq!(m.nav.focus(), PaneId::Tags);
    let cmds = press(&mut m, "4");
    fetch_id(
        &cmds,
        &Fetch::Perms(PermTarget::Repo {
            org: "demo".into(),
            repo: "team/web".into(),
        }),
    );
    assert_eq!(m.nav.focus(), PaneId::Perms);
}

#[test]
fn space_marks_rows_and_moves_on() {
    let mut m = with_tags(5);
    press(&mut m, "  ");
    assert_eq!(m.panes.tags.marked_count(), 2);
    assert_eq!(m.panes.tags.cursor(), 2);
    press(&mut m, "k ");
    assert_eq!(m.panes.tags.marked_count(), 1, "space again unmarks");
    press(&mut m, "/v4");
    update(&mut m, key(KeyCode::Enter));
    assert_eq!(m.panes.tags.marked_count(), 1, "marks survive filtering");
}

#[test]
fn quit_with_q() {
    let mut m = with_orgs();
    assert_eq!(press(&mut m, "q"), vec![Cmd::Quit]);
    assert!(m.quit);
}

#[test]
fn mouse_wheel_scrolls_and_click_selects() {
    let mut m = with_tags(50);
    let area = layout::areas(m.screen, &m.nav).pane(PaneId::Tags).unwrap();
    let at = |kind, row| {
        Msg::Mouse(MouseEvent {
            kind,
            column: area.x + 5,
            row,
            modifiers: KeyModifiers::NONE,
        })
    };
    update(&mut m, at(MouseEventKind::ScrollDown, area.y + 5));
    assert_eq!(m.panes.tags.cursor(), 3);
    update(
        &mut m,
        at(MouseEventKind::Down(MouseButton::Left), area.y + 2 + 7),
    );
    assert_eq!(m.panes.tags.cursor(), 7, "the clicked row (offset 0)");
    update(&mut m, at(MouseEventKind::Down(MouseButton::Left), area.y));
    assert_eq!(
        m.panes.tags.cursor(),
        7,
        "a click on the border selects nothing"
    );
}

#[test]
fn wide_screen_click_moves_focus() {
    let mut m = with_tags(5);
    update(
        &mut m,
        Msg::Resize {
            width: 160,
            height: 45,
        },
    );
    let orgs = layout::areas(m.screen, &m.nav).pane(PaneId::Orgs).unwrap();
    update(
        &mut m,
        Msg::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column: orgs.x + 3,
            row: orgs.y + 3,
            modifiers: KeyModifiers::NONE,
        }),
    );
    assert_eq!(m.nav.focus(), PaneId::Orgs);
    assert_eq!(m.panes.orgs.current().unwrap().name, "platform");
}

#[test]
fn resize_keeps_the_cursor_visible() {
    let mut m = with_tags(100);
    press(&mut m, "G");
    update(
        &mut m,
        Msg::Resize {
            width: 80,
            height: 10,
        },
    );
    let rows = layout::list_rows(m.screen, &m.nav, PaneId::Tags);
    assert!(
        m.panes.tags.cursor() >= m.panes.tags.offset()
            && m.panes.tags.cursor() < m.panes.tags.offset() + rows
    );
}

#[test]
fn ticks_turn_the_spinner_only_while_loading() {
    let mut m = model();
    init(&mut m);
    update(&mut m, Msg::Tick { now: now() });
    assert_eq!(m.spinner, 1);
    let mut m = with_orgs();
    update(&mut m, Msg::Tick { now: now() });
    assert_eq!(m.spinner, 0);
}

#[test]
fn leaving_for_another_organization_stops_the_tags_still_arriving() {
    let mut m = with_orgs();
    let repos = fetch_id(
        &update(&mut m, key(KeyCode::Enter)),
        &Fetch::Repos { org: "demo".into() },
    );
    loaded(&mut m, repos, Fetched::repos(support::repos()));
    let tags = fetch_id(
        &update(&mut m, key(KeyCode::Enter)),
        &Fetch::Tags {
            org: "demo".into(),
            repo: "nginx".into(),
        },
    );
    // Back to the organizations, into another one, while the tags load.
    press(&mut m, "1j");
    let cmds = update(&mut m, key(KeyCode::Enter));
    assert!(
        cmds.contains(&Cmd::CancelFetch { request: tags }),
        "{cmds:?}"
    );
    find_fetch(
        &cmds,
        &Fetch::Repos {
            org: "platform".into(),
        },
    );
}

#[test]
fn a_filter_holds_no_more_than_a_name_can_be() {
    let mut m = with_tags(5);
    press(&mut m, "/");
    update(&mut m, Msg::Paste("v".repeat(1_000_000)));
    assert_eq!(m.panes.tags.filter().len(), swr_tui::app::field::LINE_MAX);
    update(&mut m, ch('x'));
    assert!(
        !m.panes.tags.filter().contains('x'),
        "typing at the limit adds nothing"
    );
}
