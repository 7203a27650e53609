//! Snapshots of the managing dialogs at 80x24 and 160x45: create/edit forms with inline errors,
//! the quota, "discard changes?", typed deletes, the grant picker (loaded and unavailable), the
//! level and removal dialogs, and the login dialog (which never draws the password).

mod screen;

use screen::*;

use crossterm::event::KeyCode;
use ratatui::layout::Rect;
use swr_tui::app::{Cmd, ErrorInfo, Fetch, Fetched, Model, Msg, Overlay, init, update};
use swr_tui::swr::model::{AccessInfo, IamUser, LoginSecret, Namespace, Quota, RepoV2, UserAuth};

const SIZES: [(u16, u16); 2] = [(80, 24), (160, 45)];

fn answer(model: &mut Model, request: u64, result: Result<Fetched, ErrorInfo>) {
    update(model, Msg::Fetched { request, result });
}

// --- data ---------------------------------------------------------------------------------

fn orgs() -> Vec<Namespace> {
    let ns = |name: &str, auth, creator: &str| Namespace {
        name: name.into(),
        auth,
        creator_name: creator.into(),
        ..Namespace::default()
    };
    vec![
        ns("demo", 7, "alice"),
        ns("platform", 7, "alice"),
        ns("sandbox", 3, "bob"),
        ns("team-a", 3, "bob"),
        ns("研发部", 1, "王伟"),
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
    [
        ("0a1b2c3d4e5f", "demo-admin"),
        ("1b2c3d4e5f60", "alice"),
        ("2c3d4e5f6071", "carol"),
        ("3d4e5f607182", "caroline"),
        ("4e5f60718293", "dave"),
        ("5f6071829304", "张伟"),
    ]
    .iter()
    .map(|(id, name)| IamUser {
        id: id.to_string(),
        name: name.to_string(),
        enabled: true,
        ..IamUser::default()
    })
    .collect()
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

/// Organizations loaded, and the quota when given as (used, limit).
fn with_orgs(screen: Rect, quota: Option<(i64, i64)>) -> Model {
    let now = "2026-03-10T12:00:00Z".parse().unwrap();
    let mut model = Model::new(context(), screen, now);
    let cmds = init(&mut model);
    answer(
        &mut model,
        request_of(&cmds, &Fetch::Orgs),
        Ok(Fetched::Orgs(orgs())),
    );
    if let Some((used, limit)) = quota {
        answer(
            &mut model,
            request_of(&cmds, &Fetch::Quotas),
            Ok(Fetched::Quotas(vec![Quota {
                quota_key: "namespace".into(),
                quota_limit: limit,
                used,
                unit: String::new(),
            }])),
        );
    }
    model
}

/// `demo` opened and its repositories loaded (by name: nginx, team/web, 基础镜像/alpine).
fn with_repos(screen: Rect) -> Model {
    let mut model = with_orgs(screen, Some((2, 5)));
    let cmds = press(&mut model, KeyCode::Enter);
    answer(
        &mut model,
        request_of(&cmds, &Fetch::Repos { org: "demo".into() }),
        Ok(Fetched::repos(repos())),
    );
    model
}

fn cursor_to_repo(model: &mut Model, name: &str) {
    for _ in 0..10 {
        if model.repos.current().map(|r| r.name.as_str()) == Some(name) {
            return;
        }
        press(model, KeyCode::Char('j'));
    }
    panic!("no repository {name}");
}

/// The permissions of `demo/team/web`, loaded.
fn with_perms(screen: Rect) -> Model {
    let mut model = with_repos(screen);
    cursor_to_repo(&mut model, "team/web");
    let cmds = press(&mut model, KeyCode::Char('p'));
    let request = match cmds.as_slice() {
        [Cmd::Fetch { request, .. }] => *request,
        other => panic!("{other:?}"),
    };
    answer(&mut model, request, Ok(Fetched::Perms(access())));
    model
}

fn cursor_to_user(model: &mut Model, name: &str) {
    press(model, KeyCode::Char('g'));
    for _ in 0..10 {
        if model.perms.current().map(|r| r.user_name.as_str()) == Some(name) {
            return;
        }
        press(model, KeyCode::Char('j'));
    }
    panic!("no user {name}");
}

/// `c` in the permissions pane, the user list answered with `result`.
fn grant(screen: Rect, result: Result<Fetched, ErrorInfo>) -> Model {
    let mut model = with_perms(screen);
    let cmds = press(&mut model, KeyCode::Char('c'));
    answer(&mut model, request_of(&cmds, &Fetch::Users), result);
    assert!(matches!(model.overlay, Some(Overlay::Grant(_))));
    model
}

// --- rendering ----------------------------------------------------------------------------

fn snapshot_both(name: &str, build: impl Fn(Rect) -> Model) -> Vec<String> {
    SIZES
        .iter()
        .map(|&(w, h)| {
            let model = build(Rect::new(0, 0, w, h));
            let screen = text(&draw(&model));
            insta::assert_snapshot!(format!("{name}_{w}x{h}"), screen);
            screen
        })
        .collect()
}

// --- snapshots ----------------------------------------------------------------------------

#[test]
fn create_org_invalid_name() {
    for screen in snapshot_both("create_org_invalid", |screen| {
        let mut model = with_orgs(screen, Some((2, 5)));
        press(&mut model, KeyCode::Char('c'));
        type_text(&mut model, "Bad_Name");
        assert!(press(&mut model, KeyCode::Enter).is_empty());
        model
    }) {
        assert!(screen.contains("lower-case"), "{screen}");
    }
}

#[test]
fn create_org_quota_reached() {
    for screen in snapshot_both("create_org_quota", |screen| {
        let mut model = with_orgs(screen, Some((5, 5)));
        press(&mut model, KeyCode::Char('c'));
        type_text(&mut model, "sixth");
        assert!(press(&mut model, KeyCode::Enter).is_empty());
        model
    }) {
        assert!(screen.contains("quota 5/5"), "{screen}");
        assert!(screen.contains("quota reached"), "{screen}");
    }
}

#[test]
fn create_repo_filled_in() {
    snapshot_both("create_repo", |screen| {
        let mut model = with_repos(screen);
        press(&mut model, KeyCode::Char('c'));
        type_text(&mut model, "tools/new");
        press(&mut model, KeyCode::Tab);
        press(&mut model, KeyCode::Char(' '));
        press(&mut model, KeyCode::Tab);
        press(&mut model, KeyCode::Right);
        press(&mut model, KeyCode::Tab);
        type_text(&mut model, "Build tools for CI.");
        press(&mut model, KeyCode::Enter);
        type_text(&mut model, "Rebuilt every night.");
        assert!(matches!(model.overlay, Some(Overlay::Form(_))));
        model
    });
}

#[test]
fn edit_repo_prefilled_with_chinese_description() {
    for screen in snapshot_both("edit_repo_cjk", |screen| {
        let mut model = with_repos(screen);
        cursor_to_repo(&mut model, "基础镜像/alpine");
        press(&mut model, KeyCode::Char('e'));
        model
    }) {
        assert!(screen.contains("基础镜像，每周更新。"), "{screen}");
    }
}

#[test]
fn edit_repo_discard_changes() {
    for screen in snapshot_both("edit_repo_discard", |screen| {
        let mut model = with_repos(screen);
        cursor_to_repo(&mut model, "team/web");
        press(&mut model, KeyCode::Char('e'));
        press(&mut model, KeyCode::Char(' '));
        press(&mut model, KeyCode::Esc);
        assert!(matches!(&model.overlay, Some(Overlay::Form(f)) if f.confirm_discard));
        model
    }) {
        assert!(screen.to_lowercase().contains("discard"), "{screen}");
    }
}

#[test]
fn delete_repo_wrong_name() {
    for screen in snapshot_both("delete_repo_typed", |screen| {
        let mut model = with_repos(screen);
        cursor_to_repo(&mut model, "team/web");
        press(&mut model, KeyCode::Char('d'));
        type_text(&mut model, "team/wbe");
        assert!(press(&mut model, KeyCode::Enter).is_empty());
        model
    }) {
        assert!(screen.contains("team/web"), "{screen}");
        assert!(screen.contains("30"), "{screen}");
        assert!(screen.contains("exactly"), "{screen}");
    }
}

#[test]
fn delete_org_typed() {
    snapshot_both("delete_org_typed", |screen| {
        let mut model = with_orgs(screen, Some((5, 5)));
        press(&mut model, KeyCode::Char('d'));
        type_text(&mut model, "de");
        model
    });
}

#[test]
fn grant_user_list_filtered() {
    for screen in snapshot_both("grant_filtered", |screen| {
        let mut model = grant(screen, Ok(Fetched::Users(iam_users())));
        type_text(&mut model, "car");
        model
    }) {
        assert!(screen.contains("caroline"), "{screen}");
        assert!(!screen.contains("dave"), "{screen}");
    }
}

#[test]
fn grant_user_list_unavailable() {
    for screen in snapshot_both("grant_manual", |screen| {
        let mut model = grant(
            screen,
            Err(ErrorInfo(
                "APIGW.0301: Incorrect IAM authentication information (HTTP 403)".into(),
            )),
        );
        type_text(&mut model, "u-0042");
        press(&mut model, KeyCode::Tab);
        type_text(&mut model, "zoe");
        model
    }) {
        assert!(screen.contains("APIGW.0301"), "{screen}");
    }
}

#[test]
fn level_dialog() {
    snapshot_both("level", |screen| {
        let mut model = with_perms(screen);
        cursor_to_user(&mut model, "bob");
        press(&mut model, KeyCode::Char('e'));
        press(&mut model, KeyCode::Char('j'));
        assert!(matches!(model.overlay, Some(Overlay::Level(_))));
        model
    });
}

#[test]
fn remove_other_user() {
    snapshot_both("remove_other", |screen| {
        let mut model = with_perms(screen);
        cursor_to_user(&mut model, "carol");
        press(&mut model, KeyCode::Char('d'));
        assert!(matches!(model.overlay, Some(Overlay::Remove(_))));
        model
    });
}

#[test]
fn remove_yourself_second_confirmation() {
    snapshot_both("remove_self", |screen| {
        let mut model = with_perms(screen);
        cursor_to_user(&mut model, "demo-admin");
        press(&mut model, KeyCode::Char('d'));
        assert!(press(&mut model, KeyCode::Char('y')).is_empty());
        assert!(matches!(&model.overlay, Some(Overlay::Remove(r)) if r.asked_again()));
        model
    });
}

#[test]
fn login_dialog_never_draws_the_password() {
    for screen in snapshot_both("login", |screen| {
        let mut model = with_orgs(screen, Some((2, 5)));
        let cmds = press(&mut model, KeyCode::Char('L'));
        let request = match cmds.as_slice() {
            [Cmd::FetchLogin { request }] => *request,
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
        assert!(!screen.contains(PASSWORD), "{screen}");
        assert!(!screen.contains(&PASSWORD[..8]), "{screen}");
        assert!(!screen.contains("-p "), "{screen}");
        assert!(screen.contains("2026-03-11"), "{screen}");
    }
}
