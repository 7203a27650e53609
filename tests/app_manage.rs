//! Pure `update()` tests for managing organizations and repositories: every form's validation,
//! the exact write it sends, what happens when the write succeeds or fails, cancelling, typed
//! confirmations and read-only mode. Permissions and the login command have their own files.

mod support;

use support::*;
use swr_tui::app::Write;
use swr_tui::app::keys;
use swr_tui::app::registry::Edition;
use swr_tui::swr::model::{CATEGORIES, CreateRepo, UpdateRepo};

// --- helpers ------------------------------------------------------------------------------

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

fn form_error(m: &Model) -> Option<(usize, String)> {
    match &m.overlay {
        Some(Overlay::Form(f)) => f.error.clone(),
        other => panic!("no form: {other:?}"),
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
                swr_tui::app::dialogs::Doomed::Repo {
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
    for edition in [Edition::Shared, Edition::Enterprise] {
        for pane in PaneId::serving(edition) {
            let writable: Vec<String> = keys::help(pane, edition, false)
                .into_iter()
                .map(|(k, _)| k)
                .collect();
            let read_only: Vec<String> = keys::help(pane, edition, true)
                .into_iter()
                .map(|(k, _)| k)
                .collect();
            for k in ["c", "e", "d", "D", "L"] {
                assert!(
                    !read_only.iter().any(|r| r == k),
                    "{pane:?} read-only help lists {k}"
                );
            }
            // Every kind that creates and deletes says so in help (tags: retag and delete too).
            let can = pane.kind().can(edition);
            let expected = [
                ("c", can.create),
                ("d", can.delete),
                ("D", can.artifacts),
                ("L", true),
                ("K", edition == Edition::Enterprise),
            ];
            for (k, _) in expected.iter().filter(|(_, shown)| *shown) {
                assert!(writable.iter().any(|w| w == k), "{pane:?} help lacks {k}");
            }
            if matches!(pane, PaneId::Orgs | PaneId::Repos | PaneId::Perms) {
                assert!(can.create && can.delete, "{pane:?} creates and deletes");
            }
        }
    }
    assert!(
        keys::help(PaneId::Repos, Edition::Shared, false)
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
