//! Models at an enterprise namespace's retention policies, and a dry run's answer, built
//! through `update()`.

use super::app::*;
use super::instance::*;
use swr_tui::app::{Fetch, Fetched, Model, init};
use swr_tui::swr::client::RetentionRun;
use swr_tui::swr::enterprise::InstanceNamespace;
use swr_tui::swr::enterprise::retention::{
    RetentionExecution, RetentionPolicy, RetentionRule, RetentionSubTask, TriggerConfig,
    TriggerSetting,
};

pub fn namespace_with_id(name: &str, id: i64) -> InstanceNamespace {
    InstanceNamespace {
        namespace_id: id,
        ..namespace(name, true, 2)
    }
}

pub fn policy(id: i64, name: &str, keep: u64, repos: &str) -> RetentionPolicy {
    RetentionPolicy {
        id,
        algorithm: "or".into(),
        rules: vec![RetentionRule::retain("latestPushedK", keep, "**", repos)],
        trigger: TriggerConfig::manual(),
        enabled: true,
        name: name.into(),
        namespace_id: 1,
        namespace_name: "apps".into(),
    }
}

/// `keep-3` (id 7), and `nightly` (id 9, disabled, scheduled, excluding `release-*`).
pub fn policies() -> Vec<RetentionPolicy> {
    let mut nightly = policy(9, "nightly", 30, "team/**");
    nightly.rules[0].template = "nDaysSinceLastPush".into();
    nightly.rules[0].params = serde_json::json!({"nDaysSinceLastPush": 30})
        .as_object()
        .cloned()
        .unwrap_or_default();
    nightly.rules[0].tag_selectors.push(
        swr_tui::swr::enterprise::retention::RetentionSelector::new("excludes", "release-*"),
    );
    nightly.enabled = false;
    nightly.trigger = TriggerConfig {
        kind: "scheduled".into(),
        trigger_settings: TriggerSetting {
            cron: "0 0 3 * * *".into(),
        },
    };
    vec![policy(7, "keep-3", 3, "**"), nightly]
}

pub fn policies_fetch() -> Fetch {
    Fetch::RetentionPolicies {
        instance: INSTANCE_ID.into(),
        namespace_id: 1,
    }
}

pub fn dry_run_fetch(policy: i64) -> Fetch {
    Fetch::RetentionDryRun {
        instance: INSTANCE_ID.into(),
        namespace: "apps".into(),
        policy,
    }
}

/// Namespaces `apps` (id 1) and `platform` (id 2) loaded, `R` on `apps`, its policies loaded.
pub fn policies_at(screen: ratatui::layout::Rect) -> Model {
    let mut m = in_instance_at(screen);
    let cmds = init(&mut m);
    let id = fetch_id(
        &cmds,
        &Fetch::Namespaces {
            instance: INSTANCE_ID.into(),
        },
    );
    let list = vec![
        namespace_with_id("apps", 1),
        namespace_with_id("platform", 2),
    ];
    loaded(&mut m, id, Fetched::Namespaces(list));
    let cmds = press(&mut m, "R");
    let id = fetch_id(&cmds, &policies_fetch());
    loaded(&mut m, id, Fetched::RetentionPolicies(policies()));
    m
}

pub fn sub_task(repository: &str, tag: &str, n: usize) -> RetentionSubTask {
    RetentionSubTask {
        id: n as i64,
        namespace: "apps".into(),
        repository: repository.into(),
        tag: tag.into(),
        digest: super::screen::digest(n),
        action: "DEL".into(),
        status: "Succeed".into(),
        ..RetentionSubTask::default()
    }
}

/// A finished dry run that would delete `tags` (repository, tag).
pub fn dry_run_of(tags: &[(&str, &str)]) -> Fetched {
    Fetched::RetentionDryRun(Box::new(RetentionRun {
        execution: RetentionExecution {
            id: 41,
            policy_id: 7,
            dry_run: true,
            status: "Succeed".into(),
            ..RetentionExecution::default()
        },
        tasks: Vec::new(),
        sub_tasks: tags
            .iter()
            .enumerate()
            .map(|(i, (r, t))| sub_task(r, t, i))
            .collect(),
    }))
}

/// `x` on `keep-3`, its dry run loaded: three tags in two repositories.
pub fn dry_run_at(screen: ratatui::layout::Rect) -> Model {
    let mut m = policies_at(screen);
    let cmds = press(&mut m, "x");
    let id = fetch_id(&cmds, &dry_run_fetch(7));
    let found = [("team/api", "1.0"), ("team/api", "1.1"), ("web", "old")];
    loaded(&mut m, id, dry_run_of(&found));
    m
}
