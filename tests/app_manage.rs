//! Pure `update()` tests for managing organizations, repositories and permissions and for the
//! temporary login command: every form's validation, the exact write it sends, what happens
//! when the write succeeds or fails, cancelling, typed confirmations, the grant picker and the
//! manual fallback, level changes, removals (twice for yourself), the login secret and
//! read-only mode.

mod support;

use support::*;
use swr_tui::app::Write;
use swr_tui::app::keys;
use swr_tui::app::manage::Users;
use swr_tui::swr::model::{CATEGORIES, CreateRepo, IamUser, LoginSecret, UpdateRepo};

// --- helpers ------------------------------------------------------------------------------

fn ctrl(c: char) -> Msg {
    Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
}

/// The only write among `cmds`.
fn the_write(cmds: &[Cmd]) -> (u64, Write) {
    match cmds {
        [Cmd::Write { request, write }] => (*request, write.clone()),
        other => panic!("expected one write, got {other:?}"),
    }
}

/// The write `request` succeeds: the model reloads exactly `reloads` and says `said`.
fn succeeds(m: &mut Model, request: u64, reloads: &[Fetch], said: &str) {
    let cmds = written(m, request, Ok(()));
    assert_eq!(fetches(&cmds), reloads);
    assert_eq!(status_text(m), said);
}

/// The repository list of `demo`, as a fetch.
fn demo_repos() -> Fetch {
    Fetch::Repos { org: "demo".into() }
}

/// The permissions of organization `demo`, as a fetch.
fn demo_perms() -> Fetch {
    Fetch::Perms(PermTarget::Org("demo".into()))
}

fn fetches(cmds: &[Cmd]) -> Vec<Fetch> {
    cmds.iter()
        .map(|c| match c {
            Cmd::Fetch { fetch, .. } => fetch.clone(),
            other => panic!("expected only fetches, got {other:?}"),
        })
        .collect()
}

/// Organizations loaded and the quota answered.
fn with_orgs_and_quota(used: i64, limit: i64) -> Model {
    with_orgs_at(Rect::new(0, 0, 80, 24), orgs(), Some((used, limit)))
}

fn repo(name: &str, tags: i64, public: bool, category: &str, description: &str) -> RepoV2 {
    RepoV2 {
        name: name.into(),
        namespace: "demo".into(),
        num_images: tags,
        is_public: public,
        category: category.into(),
        description: description.into(),
        ..RepoV2::default()
    }
}

/// `demo` opened; its repositories (by name: nginx, team/api, team/web) loaded; cursor on nginx.
fn with_repos() -> Model {
    let mut m = with_orgs();
    let id = fetch_id(
        &update(&mut m, key(KeyCode::Enter)),
        &Fetch::Repos { org: "demo".into() },
    );
    loaded(
        &mut m,
        id,
        Fetched::repos(vec![
            repo(
                "team/web",
                30,
                false,
                "linux",
                "The web front end.\nSecond line.",
            ),
            repo("team/api", 2, true, "framework_app", ""),
            repo("nginx", 4, true, "app_server", ""),
        ]),
    );
    assert_eq!(m.nav.focus(), PaneId::Repos);
    m
}

fn access() -> AccessInfo {
    let u = |id: &str, name: &str, auth| UserAuth {
        user_id: id.into(),
        user_name: name.into(),
        auth,
    };
    AccessInfo {
        self_auth: u("u-self", "me", 7),
        others_auths: vec![u("u-0002", "bob", 3), u("u-0003", "carol", 1)],
        ..AccessInfo::default()
    }
}

/// The permissions pane of organization `demo`, loaded.
fn with_perms() -> Model {
    let mut m = with_orgs();
    let id = fetch_id(
        &press(&mut m, "p"),
        &Fetch::Perms(PermTarget::Org("demo".into())),
    );
    loaded(&mut m, id, Fetched::Perms(access()));
    assert_eq!(m.nav.focus(), PaneId::Perms);
    m
}

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

fn form_error(m: &Model) -> Option<(usize, String)> {
    match &m.overlay {
        Some(Overlay::Form(f)) => f.error.clone(),
        other => panic!("no form: {other:?}"),
    }
}

fn secret() -> LoginSecret {
    LoginSecret {
        docker_login: "docker login -u cn-north-4@AKEXAMPLE -p s3cr3t-p4ssw0rd".into(),
        expires_at: "2026-03-11T12:00:00Z".into(),
        registry: "swr.cn-north-4.myhuaweicloud.com".into(),
    }
}

// --- create organization ------------------------------------------------------------------

#[test]
fn create_org_rejects_an_invalid_name_inline_and_sends_nothing() {
    let mut m = with_orgs_and_quota(1, 5);
    assert!(press(&mut m, "c").is_empty());
    assert!(matches!(m.overlay, Some(Overlay::Form(_))));
    assert!(press(&mut m, "Bad_Name").is_empty());
    assert!(update(&mut m, key(KeyCode::Enter)).is_empty());
    let (field, why) = form_error(&m).expect("an inline error");
    assert_eq!(field, 0);
    assert!(why.contains("lower-case"), "{why}");
    // Editing the field clears its error.
    update(&mut m, key(KeyCode::Backspace));
    assert_eq!(form_error(&m), None);
    // An empty name is refused too.
    for _ in 0..10 {
        update(&mut m, key(KeyCode::Backspace));
    }
    assert!(update(&mut m, ctrl('s')).is_empty());
    assert!(form_error(&m).is_some());
}

#[test]
fn create_org_sends_the_write_then_refreshes_orgs_and_quota() {
    let mut m = with_orgs_and_quota(1, 5);
    press(&mut m, "c");
    press(&mut m, "new-org");
    let (request, write) = the_write(&update(&mut m, key(KeyCode::Enter)));
    assert_eq!(
        write,
        Write::CreateOrg {
            name: "new-org".into()
        }
    );
    assert!(m.overlay.is_none());
    assert_eq!(status_text(&m), "Saving…");
    succeeds(
        &mut m,
        request,
        &[Fetch::Orgs, Fetch::Quotas],
        "Created organization new-org",
    );
    assert_eq!(status_kind(&m), Some(StatusKind::Success));
    // A second answer for the same request is ignored.
    assert!(written(&mut m, request, Ok(())).is_empty());
}

#[test]
fn create_org_refused_when_the_quota_is_reached() {
    let mut m = with_orgs_and_quota(5, 5);
    assert_eq!(m.session.org_quota, Some((5, 5)));
    press(&mut m, "c");
    press(&mut m, "sixth");
    assert!(update(&mut m, ctrl('s')).is_empty());
    let (_, why) = form_error(&m).expect("quota error");
    assert!(why.contains("quota reached: 5 of 5"), "{why}");
}

#[test]
fn create_org_failure_shows_swr_code() {
    let mut m = with_orgs_and_quota(1, 5);
    press(&mut m, "c");
    press(&mut m, "taken");
    let (request, _) = the_write(&update(&mut m, key(KeyCode::Enter)));
    let cmds = written(
        &mut m,
        request,
        Err(ErrorInfo::http(
            409,
            "SVCSTG.SWR.4001064",
            "Namespace already exists",
        )),
    );
    assert!(cmds.is_empty());
    assert_eq!(status_kind(&m), Some(StatusKind::Error));
    assert!(
        status_text(&m).contains("SVCSTG.SWR.4001064"),
        "{}",
        status_text(&m)
    );
}

// --- create repository --------------------------------------------------------------------

#[test]
fn create_repo_sends_every_field() {
    let mut m = with_repos();
    press(&mut m, "c");
    match &m.overlay {
        Some(Overlay::Form(f)) => assert_eq!(f.title(), "Create repository in demo"),
        other => panic!("{other:?}"),
    }
    press(&mut m, "tools/new");
    update(&mut m, key(KeyCode::Tab));
    press(&mut m, " "); // public
    update(&mut m, key(KeyCode::Tab));
    update(&mut m, key(KeyCode::Right)); // other → windows
    update(&mut m, key(KeyCode::Tab));
    press(&mut m, "first line");
    // Enter in the description adds a line instead of saving.
    assert!(update(&mut m, key(KeyCode::Enter)).is_empty());
    assert!(matches!(m.overlay, Some(Overlay::Form(_))));
    press(&mut m, "second line");
    let (request, write) = the_write(&update(&mut m, ctrl('s')));
    let other = CATEGORIES.iter().position(|c| *c == "other").unwrap();
    assert_eq!(
        write,
        Write::CreateRepo {
            org: "demo".into(),
            body: CreateRepo {
                repository: "tools/new".into(),
                is_public: true,
                category: Some(CATEGORIES[(other + 1) % CATEGORIES.len()].into()),
                description: Some("first line\nsecond line".into()),
            },
        }
    );
    succeeds(
        &mut m,
        request,
        &[demo_repos()],
        "Created repository demo/tools/new",
    );
}

#[test]
fn create_repo_rejects_an_invalid_name_and_focuses_it() {
    let mut m = with_repos();
    press(&mut m, "c");
    press(&mut m, "Bad Name");
    update(&mut m, key(KeyCode::Tab));
    update(&mut m, key(KeyCode::Tab));
    assert!(update(&mut m, ctrl('s')).is_empty());
    match &m.overlay {
        Some(Overlay::Form(f)) => {
            assert_eq!(f.focus, 0, "focus goes back to the name");
            let (field, why) = f.error.clone().expect("error");
            assert_eq!(field, 0);
            assert!(why.contains("repository name"), "{why}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn create_repo_rejects_an_overlong_description() {
    let mut m = with_repos();
    press(&mut m, "c");
    press(&mut m, "ok");
    for _ in 0..3 {
        update(&mut m, key(KeyCode::Tab));
    }
    update(
        &mut m,
        Msg::Paste("x".repeat(swr_tui::app::dialogs::form::DESCRIPTION_MAX + 1)),
    );
    assert!(update(&mut m, ctrl('s')).is_empty());
    let (field, why) = form_error(&m).expect("error");
    assert_eq!(field, 3);
    assert!(why.contains("30000"), "{why}");
}

#[test]
fn create_repo_needs_an_open_organization() {
    let mut m = with_orgs();
    press(&mut m, "2");
    assert!(press(&mut m, "c").is_empty());
    assert!(m.overlay.is_none());
}

// --- edit repository ----------------------------------------------------------------------

#[test]
fn edit_repo_is_prefilled_and_sends_the_update() {
    let mut m = with_repos();
    cursor_to_repo(&mut m, "team/web");
    press(&mut m, "e");
    match &m.overlay {
        Some(Overlay::Form(f)) => {
            assert_eq!(f.title(), "Edit demo/team/web");
            assert!(!f.changed());
        }
        other => panic!("{other:?}"),
    }
    // Saving unchanged sends the current values.
    let (_, write) = the_write(&update(&mut m, ctrl('s')));
    assert_eq!(
        write,
        Write::UpdateRepo {
            org: "demo".into(),
            repo: "team/web".into(),
            body: UpdateRepo {
                is_public: false,
                category: Some("linux".into()),
                description: Some("The web front end.\nSecond line.".into()),
            },
        }
    );

    let mut m = with_repos();
    cursor_to_repo(&mut m, "team/web");
    press(&mut m, "e");
    press(&mut m, " "); // private → public
    update(&mut m, key(KeyCode::Tab));
    update(&mut m, key(KeyCode::Left)); // linux → app_server
    update(&mut m, key(KeyCode::Tab));
    update(&mut m, key(KeyCode::Enter));
    press(&mut m, "Third.");
    let (request, write) = the_write(&update(&mut m, ctrl('s')));
    assert_eq!(
        write,
        Write::UpdateRepo {
            org: "demo".into(),
            repo: "team/web".into(),
            body: UpdateRepo {
                is_public: true,
                category: Some("app_server".into()),
                description: Some("The web front end.\nSecond line.\nThird.".into()),
            },
        }
    );
    succeeds(&mut m, request, &[demo_repos()], "Saved demo/team/web");
}

#[test]
fn edit_repo_failure_keeps_the_swr_message() {
    let mut m = with_repos();
    press(&mut m, "e");
    let (request, _) = the_write(&update(&mut m, ctrl('s')));
    refused(
        &mut m,
        request,
        ErrorInfo::http(403, "SVCSTG.SWR.4030001", "No permission"),
    );
    assert_eq!(status_kind(&m), Some(StatusKind::Error));
    assert!(status_text(&m).contains("SVCSTG.SWR.4030001: No permission"));
}

#[test]
fn esc_without_changes_closes_at_once() {
    let mut m = with_repos();
    press(&mut m, "e");
    assert!(update(&mut m, key(KeyCode::Esc)).is_empty());
    assert!(m.overlay.is_none());

    let mut m = with_orgs();
    press(&mut m, "c");
    update(&mut m, key(KeyCode::Esc));
    assert!(m.overlay.is_none());
}

#[test]
fn esc_with_changes_asks_first() {
    let mut m = with_repos();
    press(&mut m, "e");
    press(&mut m, " ");
    update(&mut m, key(KeyCode::Esc));
    match &m.overlay {
        Some(Overlay::Form(f)) => assert!(f.confirm_discard),
        other => panic!("{other:?}"),
    }
    // Anything but `y` goes back to the form, changes kept.
    assert!(press(&mut m, "n").is_empty());
    match &m.overlay {
        Some(Overlay::Form(f)) => {
            assert!(!f.confirm_discard);
            assert!(f.changed());
        }
        other => panic!("{other:?}"),
    }
    update(&mut m, key(KeyCode::Esc));
    assert!(press(&mut m, "y").is_empty());
    assert!(m.overlay.is_none());
    assert!(m.jobs.write.is_none());
}

#[test]
fn changing_back_counts_as_unchanged() {
    let mut m = with_repos();
    press(&mut m, "e");
    press(&mut m, "  ");
    update(&mut m, key(KeyCode::Esc));
    assert!(m.overlay.is_none());
}

// --- typed delete -------------------------------------------------------------------------

#[test]
fn delete_repo_needs_its_name_typed() {
    let mut m = with_repos();
    cursor_to_repo(&mut m, "team/web");
    assert!(press(&mut m, "d").is_empty());
    match &m.overlay {
        Some(Overlay::Typed(t)) => {
            assert_eq!(
                t.subject,
                swr_tui::app::manage::Doomed::Repo {
                    org: "demo".into(),
                    repo: "team/web".into(),
                    tags: 30
                }
            );
        }
        other => panic!("{other:?}"),
    }
    press(&mut m, "team/we");
    assert!(update(&mut m, key(KeyCode::Enter)).is_empty());
    match &m.overlay {
        Some(Overlay::Typed(t)) => {
            assert_eq!(
                t.error.as_deref(),
                Some("type team/web exactly to delete it")
            )
        }
        other => panic!("{other:?}"),
    }
    press(&mut m, "b");
    match &m.overlay {
        Some(Overlay::Typed(t)) => assert_eq!(t.error, None, "typing clears the error"),
        other => panic!("{other:?}"),
    }
    let (request, write) = the_write(&update(&mut m, key(KeyCode::Enter)));
    assert_eq!(
        write,
        Write::DeleteRepo {
            org: "demo".into(),
            repo: "team/web".into()
        }
    );
    assert!(m.overlay.is_none());
    succeeds(
        &mut m,
        request,
        &[demo_repos()],
        "Deleted repository demo/team/web",
    );
}

#[test]
fn delete_org_typed_and_refreshes_quota_and_refusal_is_shown() {
    let mut m = with_orgs_and_quota(3, 5);
    press(&mut m, "d");
    assert!(matches!(m.overlay, Some(Overlay::Typed(_))));
    press(&mut m, "demo");
    let (request, write) = the_write(&update(&mut m, key(KeyCode::Enter)));
    assert_eq!(
        write,
        Write::DeleteOrg {
            name: "demo".into()
        }
    );
    // SWR refuses to delete an organization that still holds repositories.
    let refusal =
        "SVCSTG.SWR.4001013: Namespace is not empty, delete its repositories first (HTTP 400)";
    let error = ErrorInfo::http(
        400,
        "SVCSTG.SWR.4001013",
        "Namespace is not empty, delete its repositories first",
    );
    refused(&mut m, request, error);
    assert_eq!(status_kind(&m), Some(StatusKind::Error));
    assert!(status_text(&m).contains(refusal), "{}", status_text(&m));

    press(&mut m, "d");
    press(&mut m, "demo");
    let (request, _) = the_write(&update(&mut m, key(KeyCode::Enter)));
    succeeds(
        &mut m,
        request,
        &[Fetch::Orgs, Fetch::Quotas],
        "Deleted organization demo",
    );
}

#[test]
fn typed_delete_esc_deletes_nothing() {
    let mut m = with_orgs();
    press(&mut m, "d");
    press(&mut m, "demo");
    assert!(update(&mut m, key(KeyCode::Esc)).is_empty());
    assert!(m.overlay.is_none());
    assert_eq!(status_text(&m), "Nothing deleted");
    assert!(m.jobs.write.is_none());
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
    let mut m = with_perms();
    cursor_to_user(&mut m, "carol");
    press(&mut m, "d");
    assert!(matches!(&m.overlay, Some(Overlay::Remove(r)) if !r.is_self));
    let (request, write) = the_write(&press(&mut m, "y"));
    assert_eq!(
        write,
        Write::RemovePermission {
            target: PermTarget::Org("demo".into()),
            user_id: "u-0003".into()
        }
    );
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
    assert_eq!(
        write,
        Write::RemovePermission {
            target: PermTarget::Org("demo".into()),
            user_id: "u-self".into()
        }
    );

    // `n` at the second question keeps you.
    let mut m = with_perms();
    cursor_to_user(&mut m, "me");
    press(&mut m, "d");
    press(&mut m, "y");
    assert!(press(&mut m, "n").is_empty());
    assert!(m.overlay.is_none());
    assert!(m.jobs.write.is_none());
}

// --- login --------------------------------------------------------------------------------

fn login_dialog(m: &mut Model) {
    let cmds = press(m, "L");
    let request = match cmds.as_slice() {
        [Cmd::FetchLogin { request }] => *request,
        other => panic!("expected FetchLogin, got {other:?}"),
    };
    assert!(status_text(m).contains("Requesting"));
    update(
        m,
        Msg::LoginFetched {
            request,
            result: Ok(secret()),
        },
    );
    assert!(matches!(m.overlay, Some(Overlay::Login(_))));
}

#[test]
fn login_y_copies_the_command_with_a_label_without_the_password() {
    let mut m = with_orgs();
    login_dialog(&mut m);
    let cmds = press(&mut m, "y");
    assert!(m.overlay.is_none());
    let (text, label) = match cmds.as_slice() {
        [Cmd::CopySecret { text, label }] => (text.clone(), label.clone()),
        other => panic!("expected CopySecret, got {other:?}"),
    };
    assert_eq!(
        text,
        "docker login -u cn-north-4@AKEXAMPLE -p s3cr3t-p4ssw0rd swr.cn-north-4.myhuaweicloud.com"
    );
    assert!(!label.contains("s3cr3t"), "{label}");
    assert!(!label.contains("-p "), "{label}");
    assert!(label.contains("2026-03-11 12:00:00 UTC"), "{label}");
    // The runtime reports the copy with the label, and the status shows only that.
    update(
        &mut m,
        Msg::Copied {
            text: label.clone(),
            result: Ok(CopyMethod::System),
        },
    );
    assert_eq!(status_text(&m), format!("Copied: {label}"));
    assert!(!status_text(&m).contains("s3cr3t"));
}

#[test]
fn login_n_copies_nothing() {
    let mut m = with_orgs();
    login_dialog(&mut m);
    assert!(press(&mut m, "n").is_empty());
    assert!(m.overlay.is_none());
    let mut m = with_orgs();
    login_dialog(&mut m);
    assert!(update(&mut m, key(KeyCode::Esc)).is_empty());
    assert!(m.overlay.is_none());
}

#[test]
fn login_failure_and_stale_answers() {
    let mut m = with_orgs();
    let request = match press(&mut m, "L").as_slice() {
        [Cmd::FetchLogin { request }] => *request,
        other => panic!("{other:?}"),
    };
    update(
        &mut m,
        Msg::LoginFetched {
            request: request + 100,
            result: Ok(secret()),
        },
    );
    assert!(m.overlay.is_none(), "an answer nobody asked for is dropped");
    update(
        &mut m,
        Msg::LoginFetched {
            request,
            result: Err(ErrorInfo::http(403, "SVCSTG.SWR.4030001", "denied")),
        },
    );
    assert!(m.overlay.is_none());
    assert_eq!(status_kind(&m), Some(StatusKind::Error));
    assert!(status_text(&m).contains("SVCSTG.SWR.4030001"));
}

#[test]
fn login_secret_debug_hides_the_password() {
    let shown = format!("{:?}", secret());
    assert!(!shown.contains("s3cr3t"), "{shown}");
}

// --- read-only ----------------------------------------------------------------------------

fn read_only(mut m: Model) -> Model {
    m.session.context.read_only = true;
    m
}

#[test]
fn read_only_write_keys_do_nothing() {
    let cases: Vec<(&str, Model)> = vec![
        ("orgs", read_only(with_orgs())),
        ("repos", read_only(with_repos())),
        ("perms", read_only(with_perms())),
    ];
    for (pane, mut m) in cases {
        for k in ["c", "e", "d", "L"] {
            let cmds = press(&mut m, k);
            assert!(cmds.is_empty(), "{pane} {k}: {cmds:?}");
            assert!(m.overlay.is_none(), "{pane} {k}: {:?}", m.overlay);
            assert!(m.jobs.write.is_none());
        }
    }
}

#[test]
fn read_only_help_omits_write_keys() {
    for pane in PaneId::ALL {
        let writable: Vec<String> = keys::help(pane, false)
            .into_iter()
            .map(|(k, _)| k)
            .collect();
        let read_only: Vec<String> = keys::help(pane, true).into_iter().map(|(k, _)| k).collect();
        for k in ["c", "e", "d", "L"] {
            assert!(
                !read_only.iter().any(|r| r == k),
                "{pane:?} read-only help lists {k}"
            );
        }
        // Every kind that creates and deletes says so in help (tags: retag and delete too).
        let can = pane.kind().can();
        let expected = [("c", can.create), ("d", can.delete), ("L", true)];
        for (k, _) in expected.iter().filter(|(_, shown)| *shown) {
            assert!(writable.iter().any(|w| w == k), "{pane:?} help lacks {k}");
        }
        if matches!(pane, PaneId::Orgs | PaneId::Repos | PaneId::Perms) {
            assert!(can.create && can.delete, "{pane:?} creates and deletes");
        }
    }
    assert!(
        keys::help(PaneId::Repos, false)
            .iter()
            .any(|(k, _)| k == "e")
    );
}

// --- Enter presses the focused button -----------------------------------------------------

#[test]
fn enter_in_the_typed_confirmation_presses_what_has_the_focus() {
    // On the name, Enter presses Confirm: refused until the name is typed (see above).
    let mut m = with_repos();
    cursor_to_repo(&mut m, "team/web");
    press(&mut m, "d");
    press(&mut m, "team/web");
    // Tab to Cancel: Enter cancels, though the name is right.
    update(&mut m, key(KeyCode::Tab));
    assert!(update(&mut m, key(KeyCode::Enter)).is_empty());
    assert!(m.overlay.is_none());
    assert!(m.jobs.write.is_none());
    assert_eq!(status_text(&m), "Nothing deleted");
    // Tab twice: Enter on Delete deletes.
    press(&mut m, "d");
    press(&mut m, "team/web");
    update(&mut m, key(KeyCode::Tab));
    update(&mut m, key(KeyCode::Tab));
    let (_, write) = the_write(&update(&mut m, key(KeyCode::Enter)));
    assert_eq!(
        write,
        Write::DeleteRepo {
            org: "demo".into(),
            repo: "team/web".into()
        }
    );
}

#[test]
fn enter_in_the_removal_presses_what_has_the_focus() {
    let mut m = with_perms();
    cursor_to_user(&mut m, "carol");
    press(&mut m, "d");
    assert!(matches!(&m.overlay, Some(Overlay::Remove(r)) if !r.confirm_focused()));
    update(&mut m, key(KeyCode::Right));
    let (_, write) = the_write(&update(&mut m, key(KeyCode::Enter)));
    assert_eq!(
        write,
        Write::RemovePermission {
            target: PermTarget::Org("demo".into()),
            user_id: "u-0003".into()
        }
    );
    // Yourself: Enter on Remove asks again, from Cancel.
    let mut m = with_perms();
    cursor_to_user(&mut m, "me");
    press(&mut m, "d");
    update(&mut m, key(KeyCode::Tab));
    assert!(update(&mut m, key(KeyCode::Enter)).is_empty());
    assert!(
        matches!(&m.overlay, Some(Overlay::Remove(r)) if r.asked_again() && !r.confirm_focused())
    );
    update(&mut m, key(KeyCode::Tab));
    let (_, write) = the_write(&update(&mut m, key(KeyCode::Enter)));
    assert!(matches!(write, Write::RemovePermission { .. }));
}

#[test]
fn enter_in_the_login_dialog_presses_what_has_the_focus() {
    // Deliberately changed: Enter used to copy at once; the focus starts on Cancel.
    let mut m = with_orgs();
    login_dialog(&mut m);
    assert!(update(&mut m, key(KeyCode::Enter)).is_empty());
    assert!(m.overlay.is_none(), "Enter on Cancel copies nothing");
    login_dialog(&mut m);
    update(&mut m, key(KeyCode::Tab));
    let cmds = update(&mut m, key(KeyCode::Enter));
    assert!(
        matches!(cmds.as_slice(), [Cmd::CopySecret { .. }]),
        "{cmds:?}"
    );
    assert!(m.overlay.is_none());
}
