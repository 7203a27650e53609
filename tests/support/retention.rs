//! A repository's retention: tags whose two readings of "pushed" differ, the pane opened with
//! `R` and answered, and readers of the rule form.

use super::{
    Cmd, Fetch, Fetched, KeyCode, Model, Overlay, Rect, RepoV2, Tag, digest, find_fetch, init, key,
    loaded, model_at, press, ts, update,
};
use swr_tui::app::dialogs::RetentionForm;
use swr_tui::app::resources::RetentionLoaded;
use swr_tui::swr::client::retention::{Retention, RetentionLog, RetentionRule};

pub fn tag(name: &str, digest_of: usize, updated_hours_ago: i64, created_hours_ago: i64) -> Tag {
    Tag {
        tag: name.into(),
        digest: digest(digest_of),
        size: 100 * 1024 * 1024,
        updated: ts(updated_hours_ago),
        created: ts(created_hours_ago),
        path: format!("swr.cn-north-4.myhuaweicloud.com/demo/team/web:{name}"),
        ..Tag::default()
    }
}

/// Ten tags of demo/team/web. Updated: `latest` an hour ago, `v1.7`…`v1.0` one to eight days
/// ago, `stable` 40 days ago. Created: `latest` an hour ago, every `v1.*` 30 days ago,
/// `stable` 40 days ago. `latest`, `v1.7` and `stable` name one image.
pub fn retention_tags() -> Vec<Tag> {
    let mut list = vec![tag("latest", 7, 1, 1)];
    list.extend((0..8).map(|i| tag(&format!("v1.{i}"), i, (8 - i as i64) * 24, 30 * 24)));
    list.push(tag("stable", 7, 40 * 24, 40 * 24));
    list
}

pub fn demo_web() -> Fetch {
    Fetch::Tags {
        org: "demo".into(),
        repo: "team/web".into(),
    }
}

pub fn web_retention() -> Fetch {
    Fetch::Retention {
        org: "demo".into(),
        repo: "team/web".into(),
    }
}

/// What the service answers for the pane: `rule` (with id 7) and the `history`.
pub fn retention_answer(rule: Option<RetentionRule>, history: Vec<RetentionLog>) -> Fetched {
    let rules = rule
        .map(|r| Retention {
            id: 7,
            algorithm: "or".into(),
            scope: String::new(),
            rules: vec![r],
        })
        .into_iter()
        .collect();
    let loaded = RetentionLoaded::new("demo", "team/web", rules, history);
    Fetched::Retention(Box::new(loaded))
}

/// A history entry: `tag` deleted `hours_ago` under `rule`.
pub fn deleted_log(id: i64, tag: &str, hours_ago: i64, rule: &RetentionRule) -> RetentionLog {
    RetentionLog {
        created_at: ts(hours_ago),
        id,
        namespace: "demo".into(),
        repo: "team/web".into(),
        retention_id: 7,
        rule_type: rule.to_json_string(),
        tag: tag.into(),
    }
}

/// On `screen`, the tags of demo/team/web loaded, then `R`, answered with `answer`.
pub fn with_retention_at(screen: Rect, answer: Fetched) -> Model {
    let mut m = model_at(screen);
    let cmds = init(&mut m);
    loaded(
        &mut m,
        find_fetch(&cmds, &Fetch::Orgs),
        Fetched::Orgs(super::orgs()),
    );
    let cmds = update(&mut m, key(KeyCode::Enter));
    let repo = RepoV2 {
        name: "team/web".into(),
        namespace: "demo".into(),
        num_images: 10,
        ..RepoV2::default()
    };
    loaded(
        &mut m,
        find_fetch(&cmds, &Fetch::Repos { org: "demo".into() }),
        Fetched::repos(vec![repo]),
    );
    let cmds = update(&mut m, key(KeyCode::Enter));
    loaded(
        &mut m,
        find_fetch(&cmds, &demo_web()),
        Fetched::tags(retention_tags()),
    );
    let cmds = press(&mut m, "R");
    loaded(&mut m, find_fetch(&cmds, &web_retention()), answer);
    m
}

/// The open rule form.
pub fn retention_form(m: &Model) -> &RetentionForm {
    match &m.overlay {
        Some(Overlay::RetentionForm(form)) => form,
        other => panic!("expected the retention form, got {other:?}"),
    }
}

/// Replaces the focused text field's content with `text`.
pub fn retype(m: &mut Model, text: &str) -> Vec<Cmd> {
    let mut cmds = Vec::new();
    for _ in 0..12 {
        cmds.extend(update(m, key(KeyCode::Backspace)));
    }
    cmds.extend(press(m, text));
    cmds
}
