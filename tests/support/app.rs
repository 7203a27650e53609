//! Models reached through `update()`: the context and clock every test uses, key presses,
//! answers to the requests a model asks for, models with data loaded, and readers of what the
//! model says.

use super::{
    Cmd, Context, DateTime, ErrorInfo, Fetch, Fetched, KeyCode, KeyEvent, KeyModifiers, Model, Msg,
    Namespace, Rect, RepoV2, Tag, Utc, init, update,
};
use swr_tui::app::{DeleteJob, JobId, PaneId, PermTarget, StatusKind, Write};
use swr_tui::swr::model::{AccessInfo, IamUser, Quota, UserAuth};

// --- the session ----------------------------------------------------------------------------

/// The clock of every test: a model's "now" and the times in its data are set against it.
pub fn now() -> DateTime<Utc> {
    "2026-03-10T12:00:00Z".parse().unwrap()
}

/// The demo profile against a local emulator, as the screens show it.
pub fn context() -> Context {
    Context {
        profile: "demo".into(),
        region: "cn-north-4".into(),
        endpoint: "http://127.0.0.1:8080".into(),
        registry: "swr.cn-north-4.myhuaweicloud.com".into(),
        ..Context::default()
    }
}

/// A new model on a `screen`, nothing loaded yet.
pub fn model_at(screen: Rect) -> Model {
    Model::new(context(), screen, now())
}

/// A new model on an 80x24 terminal.
pub fn model() -> Model {
    model_at(Rect::new(0, 0, 80, 24))
}

// --- keys -----------------------------------------------------------------------------------

/// One key press without modifiers.
pub fn key(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

pub fn ch(c: char) -> Msg {
    key(KeyCode::Char(c))
}

/// Types `keys`, one key press a character; every command they asked for. Keys without a
/// character (Enter, Tab, arrows) go as `update(m, key(KeyCode::Enter))`.
pub fn press(m: &mut Model, keys: &str) -> Vec<Cmd> {
    keys.chars().flat_map(|c| update(m, ch(c))).collect()
}

// --- requests and their answers --------------------------------------------------------------

/// The request id of the fetch of `want` among `cmds` (others may come along).
pub fn find_fetch(cmds: &[Cmd], want: &Fetch) -> u64 {
    cmds.iter()
        .find_map(|c| match c {
            Cmd::Fetch { request, fetch } if fetch == want => Some(*request),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no fetch of {want:?} in {cmds:?}"))
}

/// The request id of the first fetch among `cmds`, whatever it asks for.
pub fn first_fetch(cmds: &[Cmd]) -> u64 {
    cmds.iter()
        .find_map(|c| match c {
            Cmd::Fetch { request, .. } => Some(*request),
            _ => None,
        })
        .expect("a fetch was asked for")
}

/// The request id of the only fetch among `cmds`, checking what it asks for.
pub fn fetch_id(cmds: &[Cmd], want: &Fetch) -> u64 {
    match cmds {
        [Cmd::Fetch { request, fetch }] if fetch == want => *request,
        other => panic!("expected one fetch of {want:?}, got {other:?}"),
    }
}

/// Answers the fetch `request` with `result`; the commands that follows.
pub fn answer(m: &mut Model, request: u64, result: Result<Fetched, ErrorInfo>) -> Vec<Cmd> {
    update(m, Msg::Fetched { request, result })
}

/// Answers the fetch `request` with `result`, which asks for nothing more.
pub fn loaded(m: &mut Model, request: u64, result: Fetched) {
    assert!(answer(m, request, Ok(result)).is_empty());
}

/// Answers the write `request` with `result`; the commands that follow.
pub fn written(m: &mut Model, request: u64, result: Result<(), ErrorInfo>) -> Vec<Cmd> {
    update(m, Msg::Written { request, result })
}

/// The write `request` is refused with `error`, and nothing follows.
pub fn refused(m: &mut Model, request: u64, error: ErrorInfo) {
    assert!(written(m, request, Err(error)).is_empty());
}

// --- data -----------------------------------------------------------------------------------

/// An organization as the service lists it: `auth` is the caller's level (7 manage).
pub fn org(name: &str, auth: i64, creator: &str) -> Namespace {
    Namespace {
        name: name.into(),
        auth,
        creator_name: creator.into(),
        ..Namespace::default()
    }
}

/// IAM users from (id, name), all enabled.
pub fn iam_users_of(list: &[(&str, &str)]) -> Vec<IamUser> {
    list.iter()
        .map(|(id, name)| IamUser {
            id: id.to_string(),
            name: name.to_string(),
            enabled: true,
            ..IamUser::default()
        })
        .collect()
}

pub fn orgs() -> Vec<Namespace> {
    ["demo", "platform", "sandbox"]
        .iter()
        .enumerate()
        .map(|(i, n)| Namespace {
            id: i as i64,
            name: n.to_string(),
            creator_name: "alice".into(),
            auth: 7,
        })
        .collect()
}

pub fn repos() -> Vec<RepoV2> {
    ["team/web", "team/api", "nginx"]
        .iter()
        .map(|n| RepoV2 {
            name: n.to_string(),
            namespace: "demo".into(),
            num_images: 3,
            ..RepoV2::default()
        })
        .collect()
}

pub fn tags(count: usize) -> Vec<Tag> {
    (0..count)
        .map(|i| Tag {
            tag: format!("v{i}"),
            digest: format!("sha256:{i:064x}"),
            size: 1000 * i as i64,
            path: format!("swr.cn-north-4.myhuaweicloud.com/demo/team/web:v{i}"),
            updated: format!("2026-03-{:02}T00:00:00Z", 1 + i % 9),
            created: "2026-03-01T00:00:00Z".into(),
            ..Tag::default()
        })
        .collect()
}

/// The organization quota as the service answers it.
pub fn quotas(used: i64, limit: i64) -> Fetched {
    Fetched::Quotas(vec![Quota {
        quota_key: "namespace".into(),
        quota_limit: limit,
        used,
        unit: String::new(),
    }])
}

// --- models with data loaded ----------------------------------------------------------------

/// On a `screen`, the organizations `list` loaded, and the quota when given as (used, limit).
pub fn with_orgs_at(screen: Rect, list: Vec<Namespace>, quota: Option<(i64, i64)>) -> Model {
    let mut m = model_at(screen);
    let cmds = init(&mut m);
    loaded(&mut m, find_fetch(&cmds, &Fetch::Orgs), Fetched::Orgs(list));
    if let Some((used, limit)) = quota {
        loaded(
            &mut m,
            find_fetch(&cmds, &Fetch::Quotas),
            quotas(used, limit),
        );
    }
    m
}

/// A model with organizations loaded.
pub fn with_orgs() -> Model {
    with_orgs_at(Rect::new(0, 0, 80, 24), orgs(), None)
}

/// A model showing the tags of demo/team/web (cursor on the first repository, `team/web`... by name order it is `nginx`).
pub fn with_tags(count: usize) -> Model {
    let mut m = with_orgs();
    let id = fetch_id(
        &update(&mut m, key(KeyCode::Enter)),
        &Fetch::Repos { org: "demo".into() },
    );
    loaded(&mut m, id, Fetched::repos(repos()));
    press(&mut m, "G"); // by name: nginx, team/api, team/web
    let id = fetch_id(
        &update(&mut m, key(KeyCode::Enter)),
        &Fetch::Tags {
            org: "demo".into(),
            repo: "team/web".into(),
        },
    );
    loaded(&mut m, id, Fetched::tags(tags(count)));
    m
}

/// Moves the cursor of the repositories pane down to `name`.
pub fn cursor_to_repo(m: &mut Model, name: &str) {
    for _ in 0..10 {
        if m.panes.repos.current().map(|r| r.name.as_str()) == Some(name) {
            return;
        }
        press(m, "j");
    }
    panic!("no repository {name}");
}

/// Moves the cursor of the permissions pane from the top to the user `name`.
pub fn cursor_to_user(m: &mut Model, name: &str) {
    press(m, "g");
    for _ in 0..10 {
        if m.panes.perms.current().map(|r| r.user_name.as_str()) == Some(name) {
            return;
        }
        press(m, "j");
    }
    panic!("no user {name}");
}

// --- delete jobs ----------------------------------------------------------------------------

/// Opens the delete confirmation and confirms with `y`; the job and the tags it deletes.
pub fn confirm_delete(m: &mut Model) -> (JobId, Vec<String>) {
    assert!(press(m, "d").is_empty(), "d only asks");
    match press(m, "y").as_slice() {
        [Cmd::DeleteTags { job, tags, .. }] => (*job, tags.clone()),
        other => panic!("expected a delete job, got {other:?}"),
    }
}

/// The delete job the model runs or shows the summary of.
pub fn job(m: &Model) -> &DeleteJob {
    m.jobs.delete.as_ref().expect("a job")
}

// --- what the model says --------------------------------------------------------------------

/// What the status line says, or nothing.
pub fn status_text(m: &Model) -> String {
    m.status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

pub fn status_kind(m: &Model) -> Option<StatusKind> {
    m.status.as_ref().map(|s| s.kind)
}

// --- writes and permissions shared by the management tests --------------------------------

pub fn ctrl(c: char) -> Msg {
    Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
}

/// The only write among `cmds`.
pub fn the_write(cmds: &[Cmd]) -> (u64, Write) {
    match cmds {
        [Cmd::Write { request, write }] => (*request, write.clone()),
        other => panic!("expected one write, got {other:?}"),
    }
}

/// The write `request` succeeds: the model reloads exactly `reloads` and says `said`.
pub fn succeeds(m: &mut Model, request: u64, reloads: &[Fetch], said: &str) {
    let cmds = written(m, request, Ok(()));
    assert_eq!(fetches(&cmds), reloads);
    assert_eq!(status_text(m), said);
}

/// The repository list of `demo`, as a fetch.
pub fn demo_repos() -> Fetch {
    Fetch::Repos { org: "demo".into() }
}

/// The permissions of organization `demo`, as a fetch.
pub fn demo_perms() -> Fetch {
    Fetch::Perms(PermTarget::Org("demo".into()))
}

pub fn fetches(cmds: &[Cmd]) -> Vec<Fetch> {
    cmds.iter()
        .map(|c| match c {
            Cmd::Fetch { fetch, .. } => fetch.clone(),
            other => panic!("expected only fetches, got {other:?}"),
        })
        .collect()
}

pub fn access() -> AccessInfo {
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
pub fn with_perms() -> Model {
    let mut m = with_orgs();
    let id = fetch_id(
        &press(&mut m, "p"),
        &Fetch::Perms(PermTarget::Org("demo".into())),
    );
    loaded(&mut m, id, Fetched::Perms(access()));
    assert_eq!(m.nav.focus(), PaneId::Perms);
    m
}
