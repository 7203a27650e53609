//! The `:` command line and the navigation stack: views by name, completion, where Esc leads.

mod support;

use support::*;
use swr_tui::app::PermTarget;

/// Types `:` and `text`, then presses Enter.
fn command(m: &mut Model, text: &str) -> Vec<Cmd> {
    press(m, ":");
    press(m, text);
    update(m, key(KeyCode::Enter))
}

#[test]
fn colon_opens_a_line_that_takes_text_and_esc_closes_it_doing_nothing() {
    let mut m = with_orgs();
    press(&mut m, ":");
    assert!(m.nav.command.is_some());
    // Keys are text while it is open: `q` does not quit, `j` does not move.
    assert!(press(&mut m, "qj").is_empty());
    assert!(!m.quit);
    assert_eq!(m.nav.command.as_ref().unwrap().text, "qj");
    assert_eq!(m.panes.orgs.cursor(), 0);
    update(&mut m, key(KeyCode::Esc));
    assert!(m.nav.command.is_none());
    assert_eq!(m.nav.focus(), PaneId::Orgs);
    assert!(m.status.is_none());
}

#[test]
fn tab_completes_a_view_name_and_enter_jumps_there() {
    let mut m = with_tags(3);
    press(&mut m, ":pe");
    update(&mut m, key(KeyCode::Tab));
    assert_eq!(m.nav.command.as_ref().unwrap().text, "perms");
    let cmds = update(&mut m, key(KeyCode::Enter));
    let target = PermTarget::Repo {
        org: "demo".into(),
        repo: "team/web".into(),
    };
    // `:perms` is `p`: the permissions of the open repository.
    fetch_id(&cmds, &Fetch::Perms(target.clone()));
    assert_eq!(m.nav.focus(), PaneId::Perms);
    assert_eq!(m.panes.perm_target, Some(target));
    assert!(m.nav.command.is_none());
    // Esc goes back where `:` was typed.
    update(&mut m, key(KeyCode::Esc));
    assert_eq!(m.nav.focus(), PaneId::Tags);
}

#[test]
fn a_unique_start_is_enough_and_an_unknown_name_is_an_error_naming_the_views() {
    let mut m = with_orgs();
    let cmds = command(&mut m, "rep");
    // `:repos` on the organizations pane opens the organization under the cursor.
    fetch_id(&cmds, &Fetch::Repos { org: "demo".into() });
    assert_eq!(m.nav.focus(), PaneId::Repos);

    assert!(command(&mut m, "nope").is_empty());
    let status = m.status.clone().unwrap();
    assert_eq!(status.kind, StatusKind::Error);
    assert!(status.text.contains(":nope"), "{}", status.text);
    for view in ["orgs", "repos", "tags", "perms", "shares"] {
        assert!(status.text.contains(view), "{} lacks {view}", status.text);
    }
    assert_eq!(m.nav.focus(), PaneId::Repos, "nothing moved");
}

#[test]
fn backspace_on_an_empty_line_closes_it() {
    let mut m = with_orgs();
    press(&mut m, ":t");
    update(&mut m, key(KeyCode::Backspace));
    assert_eq!(m.nav.command.as_ref().unwrap().text, "");
    update(&mut m, key(KeyCode::Backspace));
    assert!(m.nav.command.is_none());
}

#[test]
fn the_stack_leads_esc_back_the_way_the_user_came() {
    let mut m = with_tags(3);
    assert_eq!(
        m.nav.stack(),
        [PaneId::Orgs, PaneId::Repos, PaneId::Tags],
        "Enter pushed each child"
    );
    press(&mut m, "p");
    assert_eq!(m.nav.focus(), PaneId::Perms);
    update(&mut m, key(KeyCode::Esc));
    assert_eq!(
        m.nav.focus(),
        PaneId::Tags,
        "permissions return to the tags"
    );
    // A jump to a pane of the hierarchy puts its path on the stack.
    press(&mut m, "1");
    assert_eq!(m.nav.stack(), [PaneId::Orgs]);
    press(&mut m, "3");
    update(&mut m, key(KeyCode::Esc));
    assert_eq!(m.nav.focus(), PaneId::Repos);
    update(&mut m, key(KeyCode::Esc));
    update(&mut m, key(KeyCode::Esc));
    assert_eq!(m.nav.focus(), PaneId::Orgs, "the bottom stays");
}

#[test]
fn tab_cycles_the_four_browsing_panes_only() {
    let mut m = with_orgs();
    let mut seen = Vec::new();
    for _ in 0..5 {
        update(&mut m, key(KeyCode::Tab));
        seen.push(m.nav.focus());
    }
    assert_eq!(
        seen,
        [
            PaneId::Repos,
            PaneId::Tags,
            PaneId::Perms,
            PaneId::Orgs,
            PaneId::Repos
        ]
    );
    update(&mut m, key(KeyCode::BackTab));
    assert_eq!(m.nav.focus(), PaneId::Orgs);
}

#[test]
fn the_command_line_shows_what_is_typed_and_the_names_it_may_complete_to() {
    let mut m = with_orgs();
    press(&mut m, ":p");
    for (w, h) in [(80, 24), (160, 45)] {
        let shown = render(&m, w, h);
        let last = shown.lines().last().unwrap_or_default().to_string();
        assert!(last.contains(":p█"), "{last}");
        assert!(last.contains("perms"), "{last}");
        assert!(!last.contains("tags"), "only names starting with p: {last}");
        assert!(last.contains("Tab complete"), "{last}");
        insta::assert_snapshot!(format!("command_line_{w}x{h}"), last);
    }
}
