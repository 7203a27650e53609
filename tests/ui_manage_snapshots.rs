//! Snapshots of the managing dialogs at 80x24 and 160x45: create/edit forms with inline errors,
//! the quota, "discard changes?", typed deletes, the grant picker (loaded and unavailable), the
//! level and removal dialogs, and the login dialog (which never draws the password).

mod support;

use support::*;

use swr_tui::swr::model::{IamUser, LoginSecret};

// --- data ---------------------------------------------------------------------------------

fn orgs() -> Vec<Namespace> {
    vec![
        org("demo", 7, "alice"),
        org("platform", 7, "alice"),
        org("sandbox", 3, "bob"),
        org("team-a", 3, "bob"),
        org("研发部", 1, "王伟"),
    ]
}

fn repos() -> Vec<RepoV2> {
    let repo = |name: &str, tags, public, category: &str, desc: &str| RepoV2 {
        name: name.into(),
        namespace: "demo".into(),
        num_images: tags,
        size: tags * 12_000_000,
        num_download: tags * 97,
        is_public: public,
        category: category.into(),
        description: desc.into(),
        created_at: "2026-01-01T00:00:00Z".into(),
        updated_at: "2026-03-01T00:00:00Z".into(),
        ..RepoV2::default()
    };
    vec![
        repo("team/web", 30, false, "app_server", "The web front end."),
        repo("nginx", 4, true, "linux", ""),
        repo(
            "基础镜像/alpine",
            12,
            false,
            "linux",
            "基础镜像，每周更新。\n包含 busybox 与 ca-certificates。",
        ),
    ]
}

fn access() -> AccessInfo {
    let user = |id: &str, name: &str, auth| UserAuth {
        user_id: id.into(),
        user_name: name.into(),
        auth,
    };
    AccessInfo {
        self_auth: user("0a1b2c3d4e5f", "demo-admin", 7),
        others_auths: vec![
            user("u-0002", "bob", 3),
            user("u-0003", "carol", 1),
            user("u-0004", "张伟", 1),
        ],
        ..AccessInfo::default()
    }
}

fn iam_users() -> Vec<IamUser> {
    iam_users_of(&[
        ("0a1b2c3d4e5f", "demo-admin"),
        ("1b2c3d4e5f60", "alice"),
        ("2c3d4e5f6071", "carol"),
        ("3d4e5f607182", "caroline"),
        ("4e5f60718293", "dave"),
        ("5f6071829304", "张伟"),
    ])
}

const PASSWORD: &str = "9f8e7d6c5b4a39281706f5e4d3c2b1a0deadbeefcafe";

fn secret() -> LoginSecret {
    LoginSecret {
        docker_login: format!("docker login -u cn-north-4@AKEXAMPLE0123 -p {PASSWORD}"),
        expires_at: "2026-03-11T12:00:00Z".into(),
        registry: "swr.cn-north-4.myhuaweicloud.com".into(),
    }
}

// --- scenarios ----------------------------------------------------------------------------

/// `demo` opened and its repositories loaded (by name: nginx, team/web, 基础镜像/alpine).
fn with_repos(screen: Rect) -> Model {
    let mut model = with_orgs_at(screen, orgs(), Some((2, 5)));
    let cmds = update(&mut model, key(KeyCode::Enter));
    answer(
        &mut model,
        find_fetch(&cmds, &Fetch::Repos { org: "demo".into() }),
        Ok(Fetched::repos(repos())),
    );
    model
}

/// The permissions of `demo/team/web`, loaded.
fn with_perms(screen: Rect) -> Model {
    let mut model = with_repos(screen);
    cursor_to_repo(&mut model, "team/web");
    let cmds = press(&mut model, "p");
    let request = match cmds.as_slice() {
        [Cmd::Fetch { request, .. }] => *request,
        other => panic!("{other:?}"),
    };
    answer(&mut model, request, Ok(Fetched::Perms(access())));
    model
}

/// `c` in the permissions pane, the user list answered with `result`.
fn grant(screen: Rect, result: Result<Fetched, ErrorInfo>) -> Model {
    let mut model = with_perms(screen);
    let cmds = press(&mut model, "c");
    answer(&mut model, find_fetch(&cmds, &Fetch::Users), result);
    assert!(matches!(model.overlay, Some(Overlay::Grant(_))));
    model
}

// --- rendering ----------------------------------------------------------------------------

// --- snapshots ----------------------------------------------------------------------------

#[test]
fn create_org_invalid_name() {
    for (_, buffer) in snapshot_both("create_org_invalid", |screen| {
        let mut model = with_orgs_at(screen, orgs(), Some((2, 5)));
        press(&mut model, "c");
        press(&mut model, "Bad_Name");
        assert!(update(&mut model, key(KeyCode::Enter)).is_empty());
        model
    }) {
        let screen = text(&buffer);
        assert!(screen.contains("lower-case"), "{screen}");
    }
}

#[test]
fn create_org_quota_reached() {
    for (_, buffer) in snapshot_both("create_org_quota", |screen| {
        let mut model = with_orgs_at(screen, orgs(), Some((5, 5)));
        press(&mut model, "c");
        press(&mut model, "sixth");
        assert!(update(&mut model, key(KeyCode::Enter)).is_empty());
        model
    }) {
        let screen = text(&buffer);
        assert!(screen.contains("quota 5/5"), "{screen}");
        assert!(screen.contains("quota reached"), "{screen}");
    }
}

#[test]
fn create_repo_filled_in() {
    snapshot_both("create_repo", |screen| {
        let mut model = with_repos(screen);
        press(&mut model, "c");
        press(&mut model, "tools/new");
        update(&mut model, key(KeyCode::Tab));
        press(&mut model, " ");
        update(&mut model, key(KeyCode::Tab));
        update(&mut model, key(KeyCode::Right));
        update(&mut model, key(KeyCode::Tab));
        press(&mut model, "Build tools for CI.");
        update(&mut model, key(KeyCode::Enter));
        press(&mut model, "Rebuilt every night.");
        assert!(matches!(model.overlay, Some(Overlay::Form(_))));
        model
    });
}

#[test]
fn edit_repo_prefilled_with_chinese_description() {
    for (_, buffer) in snapshot_both("edit_repo_cjk", |screen| {
        let mut model = with_repos(screen);
        cursor_to_repo(&mut model, "基础镜像/alpine");
        press(&mut model, "e");
        model
    }) {
        let screen = text(&buffer);
        assert!(screen.contains("基础镜像，每周更新。"), "{screen}");
    }
}

#[test]
fn edit_repo_discard_changes() {
    for (_, buffer) in snapshot_both("edit_repo_discard", |screen| {
        let mut model = with_repos(screen);
        cursor_to_repo(&mut model, "team/web");
        press(&mut model, "e");
        press(&mut model, " ");
        update(&mut model, key(KeyCode::Esc));
        assert!(matches!(&model.overlay, Some(Overlay::Form(f)) if f.confirm_discard));
        model
    }) {
        let screen = text(&buffer);
        assert!(screen.to_lowercase().contains("discard"), "{screen}");
    }
}

#[test]
fn delete_repo_wrong_name() {
    for (_, buffer) in snapshot_both("delete_repo_typed", |screen| {
        let mut model = with_repos(screen);
        cursor_to_repo(&mut model, "team/web");
        press(&mut model, "d");
        press(&mut model, "team/wbe");
        assert!(update(&mut model, key(KeyCode::Enter)).is_empty());
        model
    }) {
        let screen = text(&buffer);
        assert!(screen.contains("team/web"), "{screen}");
        assert!(screen.contains("30"), "{screen}");
        assert!(screen.contains("exactly"), "{screen}");
    }
}

#[test]
fn delete_org_typed() {
    snapshot_both("delete_org_typed", |screen| {
        let mut model = with_orgs_at(screen, orgs(), Some((5, 5)));
        press(&mut model, "d");
        press(&mut model, "de");
        model
    });
}

#[test]
fn grant_user_list_filtered() {
    for (_, buffer) in snapshot_both("grant_filtered", |screen| {
        let mut model = grant(screen, Ok(Fetched::Users(iam_users())));
        press(&mut model, "car");
        model
    }) {
        let screen = text(&buffer);
        assert!(screen.contains("caroline"), "{screen}");
        assert!(!screen.contains("dave"), "{screen}");
    }
}

#[test]
fn grant_user_list_unavailable() {
    for (_, buffer) in snapshot_both("grant_manual", |screen| {
        let mut model = grant(
            screen,
            Err(ErrorInfo::http(
                403,
                "APIGW.0301",
                "Incorrect IAM authentication information",
            )),
        );
        press(&mut model, "u-0042");
        update(&mut model, key(KeyCode::Tab));
        press(&mut model, "zoe");
        model
    }) {
        let screen = text(&buffer);
        assert!(screen.contains("APIGW.0301"), "{screen}");
    }
}

#[test]
fn level_dialog() {
    snapshot_both("level", |screen| {
        let mut model = with_perms(screen);
        cursor_to_user(&mut model, "bob");
        press(&mut model, "e");
        press(&mut model, "j");
        assert!(matches!(model.overlay, Some(Overlay::Level(_))));
        model
    });
}

#[test]
fn remove_other_user() {
    snapshot_both("remove_other", |screen| {
        let mut model = with_perms(screen);
        cursor_to_user(&mut model, "carol");
        press(&mut model, "d");
        assert!(matches!(model.overlay, Some(Overlay::Remove(_))));
        model
    });
}

#[test]
fn remove_yourself_second_confirmation() {
    snapshot_both("remove_self", |screen| {
        let mut model = with_perms(screen);
        cursor_to_user(&mut model, "demo-admin");
        press(&mut model, "d");
        assert!(press(&mut model, "y").is_empty());
        assert!(matches!(&model.overlay, Some(Overlay::Remove(r)) if r.asked_again()));
        model
    });
}

#[test]
fn login_dialog_never_draws_the_password() {
    for (_, buffer) in snapshot_both("login", |screen| {
        let mut model = with_orgs_at(screen, orgs(), Some((2, 5)));
        let cmds = press(&mut model, "L");
        let request = match cmds.as_slice() {
            [Cmd::FetchLogin { request, .. }] => *request,
            other => panic!("{other:?}"),
        };
        update(
            &mut model,
            Msg::LoginFetched {
                request,
                result: Ok(secret()),
            },
        );
        assert!(matches!(model.overlay, Some(Overlay::Login(_))));
        model
    }) {
        let screen = text(&buffer);
        assert!(!screen.contains(PASSWORD), "{screen}");
        assert!(!screen.contains(&PASSWORD[..8]), "{screen}");
        assert!(!screen.contains("-p "), "{screen}");
        assert!(screen.contains("2026-03-11"), "{screen}");
    }
}
