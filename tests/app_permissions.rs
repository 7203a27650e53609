//! Pure `update()` tests for permissions: the grant picker and the manual fallback, level
//! changes, removals (twice for yourself), and Enter on the focused button.

mod support;

use support::*;
use swr_tui::app::Write;
use swr_tui::app::dialogs::grant::Users;
use swr_tui::swr::model::IamUser;

fn iam_users() -> Vec<IamUser> {
    iam_users_of(&[
        ("u-0001", "alice"),
        ("u-0003", "carol"),
        ("u-0004", "caroline"),
        ("u-0005", "dave"),
    ])
}

/// `c` in the permissions pane: the grant dialog and the request id of its user list.
fn open_grant(m: &mut Model) -> u64 {
    let cmds = press(m, "c");
    let id = fetch_id(&cmds, &Fetch::Users);
    assert!(matches!(m.overlay, Some(Overlay::Grant(_))));
    id
}

fn grant_users(m: &Model) -> Users {
    match &m.overlay {
        Some(Overlay::Grant(g)) => g.users.clone(),
        other => panic!("no grant dialog: {other:?}"),
    }
}

// --- grant --------------------------------------------------------------------------------

#[test]
fn grant_via_picker_with_filter_and_down() {
    let mut m = with_perms();
    let id = open_grant(&mut m);
    assert_eq!(grant_users(&m), Users::Loading(id));
    // Enter while loading explains and sends nothing.
    assert!(update(&mut m, key(KeyCode::Enter)).is_empty());
    answer(&mut m, id, Ok(Fetched::Users(iam_users())));
    assert!(matches!(grant_users(&m), Users::Loaded(ref u) if u.len() == 4));
    press(&mut m, "car");
    match &m.overlay {
        Some(Overlay::Grant(g)) => {
            let names: Vec<_> = g.matches().iter().map(|(_, n)| n.clone()).collect();
            assert_eq!(names, ["carol", "caroline"]);
        }
        other => panic!("{other:?}"),
    }
    update(&mut m, key(KeyCode::Down));
    update(&mut m, key(KeyCode::Down)); // stays on the last match
    update(&mut m, key(KeyCode::Tab)); // level
    press(&mut m, " "); // read → write
    let (request, write) = the_write(&update(&mut m, key(KeyCode::Enter)));
    assert_eq!(
        write,
        Write::AddPermission {
            target: PermTarget::Org("demo".into()),
            user: UserAuth {
                user_id: "u-0004".into(),
                user_name: "caroline".into(),
                auth: 3
            },
        }
    );
    succeeds(
        &mut m,
        request,
        &[demo_perms()],
        "Granted caroline write on demo",
    );
}

#[test]
fn grant_default_level_is_read_and_no_match_is_explained() {
    let mut m = with_perms();
    let id = open_grant(&mut m);
    answer(&mut m, id, Ok(Fetched::Users(iam_users())));
    press(&mut m, "zzz");
    assert!(update(&mut m, key(KeyCode::Enter)).is_empty());
    match &m.overlay {
        Some(Overlay::Grant(g)) => assert_eq!(g.error.as_deref(), Some("no user matches")),
        other => panic!("{other:?}"),
    }
    for _ in 0..3 {
        update(&mut m, key(KeyCode::Backspace));
    }
    press(&mut m, "dave");
    let (_, write) = the_write(&update(&mut m, key(KeyCode::Enter)));
    assert_eq!(
        write,
        Write::AddPermission {
            target: PermTarget::Org("demo".into()),
            user: UserAuth {
                user_id: "u-0005".into(),
                user_name: "dave".into(),
                auth: 1
            },
        }
    );
}

#[test]
fn grant_by_hand_when_the_user_list_is_unavailable() {
    let mut m = with_perms();
    let id = open_grant(&mut m);
    let why = "APIGW.0301: Incorrect IAM authentication information (HTTP 403)";
    answer(
        &mut m,
        id,
        Err(ErrorInfo::http(
            403,
            "APIGW.0301",
            "Incorrect IAM authentication information",
        )),
    );
    assert_eq!(grant_users(&m), Users::Unavailable(why.into()));
    // The failure belongs to the dialog, not to the permissions pane.
    assert!(!matches!(m.panes.perms.load, Load::Failed(_)));
    press(&mut m, "u-0042");
    assert!(update(&mut m, key(KeyCode::Enter)).is_empty());
    match &m.overlay {
        Some(Overlay::Grant(g)) => {
            assert_eq!(g.error.as_deref(), Some("type the user's id and name"))
        }
        other => panic!("{other:?}"),
    }
    update(&mut m, key(KeyCode::Tab));
    press(&mut m, "zoe");
    update(&mut m, key(KeyCode::Tab)); // level
    update(&mut m, key(KeyCode::Left)); // read → manage
    let (request, write) = the_write(&update(&mut m, key(KeyCode::Enter)));
    assert_eq!(
        write,
        Write::AddPermission {
            target: PermTarget::Org("demo".into()),
            user: UserAuth {
                user_id: "u-0042".into(),
                user_name: "zoe".into(),
                auth: 7
            },
        }
    );
    refused(
        &mut m,
        request,
        ErrorInfo::http(400, "SVCSTG.SWR.4000002", "user not found"),
    );
    assert!(status_text(&m).contains("SVCSTG.SWR.4000002"));
}

#[test]
fn grant_users_for_a_closed_dialog_are_dropped() {
    let mut m = with_perms();
    let id = open_grant(&mut m);
    update(&mut m, key(KeyCode::Esc));
    assert!(m.overlay.is_none());
    answer(&mut m, id, Ok(Fetched::Users(iam_users())));
    assert!(m.overlay.is_none());
}

// --- level --------------------------------------------------------------------------------

#[test]
fn level_change_sends_the_new_auth() {
    let mut m = with_perms();
    cursor_to_user(&mut m, "bob");
    press(&mut m, "e");
    match &m.overlay {
        Some(Overlay::Level(l)) => {
            assert_eq!(l.user.user_name, "bob");
            assert_eq!(l.level, 1, "starts on bob's current level, write");
        }
        other => panic!("{other:?}"),
    }
    press(&mut m, "j"); // write → manage
    let (request, write) = the_write(&update(&mut m, key(KeyCode::Enter)));
    assert_eq!(
        write,
        Write::ChangePermission {
            target: PermTarget::Org("demo".into()),
            user: UserAuth {
                user_id: "u-0002".into(),
                user_name: "bob".into(),
                auth: 7
            },
        }
    );
    succeeds(
        &mut m,
        request,
        &[demo_perms()],
        "bob now has manage on demo",
    );
}

#[test]
fn level_esc_changes_nothing() {
    let mut m = with_perms();
    cursor_to_user(&mut m, "bob");
    press(&mut m, "e");
    press(&mut m, "j");
    assert!(update(&mut m, key(KeyCode::Esc)).is_empty());
    assert!(m.overlay.is_none());
}

// --- remove -------------------------------------------------------------------------------

#[test]
fn remove_another_user_needs_one_y() {
    let mut m = removing("carol");
    assert!(matches!(&m.overlay, Some(Overlay::Remove(r)) if !r.is_self));
    let (request, write) = the_write(&press(&mut m, "y"));
    assert_eq!(write, removal_of("u-0003"));
    succeeds(
        &mut m,
        request,
        &[demo_perms()],
        "Removed carol's permission on demo",
    );
}

#[test]
fn remove_cancelled_with_n_esc_or_enter() {
    for cancel in [ch('n'), key(KeyCode::Esc), key(KeyCode::Enter)] {
        let mut m = with_perms();
        cursor_to_user(&mut m, "carol");
        press(&mut m, "d");
        assert!(update(&mut m, cancel.clone()).is_empty());
        assert!(m.overlay.is_none(), "{cancel:?}");
    }
}

#[test]
fn removing_yourself_asks_twice() {
    let mut m = with_perms();
    cursor_to_user(&mut m, "me");
    assert!(m.panes.perms.current().unwrap().is_self);
    press(&mut m, "d");
    assert!(press(&mut m, "y").is_empty(), "the first y only asks again");
    assert!(matches!(&m.overlay, Some(Overlay::Remove(r)) if r.is_self && r.asked_again()));
    let (_, write) = the_write(&press(&mut m, "y"));
    assert_eq!(write, removal_of("u-self"));

    // `n` at the second question keeps you.
    let mut m = removing("me");
    press(&mut m, "y");
    assert!(press(&mut m, "n").is_empty());
    assert!(m.overlay.is_none());
    assert!(m.jobs.write.is_none());
}

#[test]
fn enter_in_the_removal_presses_what_has_the_focus() {
    let mut m = removing("carol");
    assert!(matches!(&m.overlay, Some(Overlay::Remove(r)) if !r.confirm_focused()));
    update(&mut m, key(KeyCode::Right));
    let (_, write) = the_write(&update(&mut m, key(KeyCode::Enter)));
    assert_eq!(write, removal_of("u-0003"));
    // Yourself: Enter on Remove asks again, from Cancel.
    let mut m = removing("me");
    update(&mut m, key(KeyCode::Tab));
    assert!(update(&mut m, key(KeyCode::Enter)).is_empty());
    assert!(
        matches!(&m.overlay, Some(Overlay::Remove(r)) if r.asked_again() && !r.confirm_focused())
    );
    update(&mut m, key(KeyCode::Tab));
    let (_, write) = the_write(&update(&mut m, key(KeyCode::Enter)));
    assert!(matches!(write, Write::RemovePermission { .. }));
}

/// The permissions of `demo`, and `d` on `user`'s row.
fn removing(user: &str) -> Model {
    let mut m = with_perms();
    cursor_to_user(&mut m, user);
    press(&mut m, "d");
    m
}

/// The write that removes `user_id`'s permission on `demo`.
fn removal_of(user_id: &str) -> Write {
    Write::RemovePermission {
        target: PermTarget::Org("demo".into()),
        user_id: user_id.into(),
    }
}
