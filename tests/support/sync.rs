//! Models on the sync panes and dialogs, reached through `update()`: the tags of demo/team/web
//! with the sync form open, the jobs pane and the rules pane loaded.

use super::*;
use swr_tui::app::dialogs::{Confirm, Form, SyncConfirm};
use swr_tui::swr::sync::{SyncJob, SyncRule};

/// What `GET /v2/manage/regions` answers: the own region, two others and a hostile one.
pub fn regions() -> Vec<String> {
    ["cn-north-4", "cn-east-3", "cn-south-1", "evil\u{1b}[2J"]
        .map(String::from)
        .to_vec()
}

pub fn sync_job(id: i64, tag: &str, status: &str, hours_ago: i64) -> SyncJob {
    SyncJob {
        id,
        tag: tag.into(),
        status: status.into(),
        namespace: "demo".into(),
        repo_name: "team/web".into(),
        remote_region_id: "cn-east-3".into(),
        remote_namespace: "backup".into(),
        override_existing: id % 2 == 0,
        created_at: ts(hours_ago),
        updated_at: ts(hours_ago.saturating_sub(1).max(0)),
        sync_operator_name: "alice".into(),
        ..SyncJob::default()
    }
}

/// One job of every kind of state, newest first.
pub fn mixed_jobs() -> Vec<SyncJob> {
    vec![
        sync_job(6, "v5", "waiting", 0),
        sync_job(5, "v4", "running", 1),
        sync_job(4, "v3", "success", 2),
        sync_job(3, "v2", "failed", 3),
        sync_job(2, "v1", "existed", 4),
        sync_job(1, "v0", "timeout", 5),
    ]
}

pub fn rule(region: &str, namespace: &str, override_existing: bool) -> SyncRule {
    SyncRule {
        remote_region_id: region.into(),
        remote_namespace: namespace.into(),
        override_existing,
        sync_auto: true,
        namespace: "demo".into(),
        repo_name: "team/web".into(),
        created_at: ts(48),
        ..SyncRule::default()
    }
}

pub fn rules() -> Vec<SyncRule> {
    vec![
        rule("cn-south-1", "mirror", false),
        rule("cn-east-3", "backup", true),
    ]
}

pub fn demo_web_repo() -> (String, String) {
    ("demo".into(), "team/web".into())
}

/// The model resized to `screen`.
pub fn resized(mut m: Model, screen: Rect) -> Model {
    update(
        &mut m,
        Msg::Resize {
            width: screen.width,
            height: screen.height,
        },
    );
    m
}

/// `X` on the tag pane, the regions answered: the sync form is open.
pub fn x_with_regions(m: &mut Model) {
    let id = fetch_id(&press(m, "X"), &Fetch::SyncRegions);
    assert!(answer(m, id, Ok(Fetched::SyncRegions(regions()))).is_empty());
}

/// The tags of demo/team/web with `marks` tags marked from the top and the sync form open.
pub fn with_sync_form(tags: usize, marks: usize) -> Model {
    let mut m = with_tags(tags);
    press(&mut m, &" ".repeat(marks));
    x_with_regions(&mut m);
    m
}

pub fn sync_form(m: &Model) -> &Form {
    match &m.overlay {
        Some(Overlay::Form(f)) => f,
        other => panic!("no form: {other:?}"),
    }
}

pub fn sync_confirm(m: &Model) -> &Confirm<SyncConfirm> {
    match &m.overlay {
        Some(Overlay::SyncConfirm(c)) => c,
        other => panic!("no sync confirmation: {other:?}"),
    }
}

/// Fills the open sync form: the region `steps` choices on, the organization, the override.
pub fn fill_sync_form(m: &mut Model, steps: usize, org: &str, override_existing: bool) {
    press(m, &"l".repeat(steps));
    update(m, key(KeyCode::Tab));
    press(m, org);
    update(m, key(KeyCode::Tab));
    if override_existing {
        press(m, " ");
    }
}

/// `:name` on the current pane; the commands it asked for.
pub fn command(m: &mut Model, name: &str) -> Vec<Cmd> {
    press(m, &format!(":{name}"));
    update(m, key(KeyCode::Enter))
}

/// The tags of demo/team/web, then `:sync` answered with `jobs`.
pub fn with_jobs(jobs: Vec<SyncJob>) -> Model {
    let mut m = with_tags(6);
    let (org, repo) = demo_web_repo();
    let id = fetch_id(&command(&mut m, "sync"), &Fetch::SyncJobs { org, repo });
    loaded(&mut m, id, Fetched::SyncJobs(jobs));
    m
}

/// The tags of demo/team/web, then `:sync-rules` answered with `list`.
pub fn with_rules(list: Vec<SyncRule>) -> Model {
    let mut m = with_tags(6);
    let (org, repo) = demo_web_repo();
    let id = fetch_id(
        &command(&mut m, "sync-rules"),
        &Fetch::SyncRules { org, repo },
    );
    loaded(&mut m, id, Fetched::SyncRules(list));
    m
}

/// A tick `secs` after the tests' clock.
pub fn tick_at(m: &mut Model, secs: i64) -> Vec<Cmd> {
    update(
        m,
        Msg::Tick {
            now: now() + chrono::Duration::seconds(secs),
        },
    )
}
