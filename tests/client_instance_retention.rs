//! The client's enterprise retention calls against the emulator over loopback: policies
//! created, listed, shown, changed and deleted; a dry run that lists exactly what a real run
//! then deletes, over more than one page of sub-tasks, and deletes nothing itself.

mod support;

use std::collections::BTreeSet;

use serde_json::json;
use support::emulator::*;
use swr_tui::emulator::Seed;
use swr_tui::swr::ApiError;
use swr_tui::swr::client::{OffsetPage, RetentionPolicyFilter};
use swr_tui::swr::enterprise::retention::{RetentionPolicyBody, RetentionRule, TriggerConfig};

const INSTANCE: &str = "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0";

/// Namespace `ns`: `big` with 250 tags `t000`… (one a minute, `t249` newest) and `side` with
/// two; namespace `other`, empty.
fn seed() -> Seed {
    let artifacts: Vec<_> = (0..250)
        .map(|i| {
            json!({"tags": [format!("t{i:03}")],
                   "pushed": format!("2026-01-01T{:02}:{:02}:00Z", i / 60, i % 60)})
        })
        .collect();
    let seed = json!({"instances": [{"id": INSTANCE, "name": "ee-ret", "namespaces": [
        {"name": "ns", "repos": [
            {"name": "big", "artifacts": artifacts},
            {"name": "side", "artifacts": [{"tags": ["s1"]}, {"tags": ["s2"]}]}]},
        {"name": "other"}]}]});
    Seed::from_json(&seed.to_string()).expect("test seed parses")
}

fn policy(name: &str, keep: u64, repos: &str) -> RetentionPolicyBody {
    RetentionPolicyBody {
        algorithm: "or".into(),
        enabled: true,
        rules: vec![RetentionRule::retain("latestPushedK", keep, "**", repos)],
        trigger: TriggerConfig::manual(),
        name: name.into(),
    }
}

async fn tags_of(c: &swr_tui::swr::SwrClient, repo: &str) -> BTreeSet<String> {
    c.list_all_instance_tags(INSTANCE, "ns", repo)
        .await
        .unwrap()
        .into_iter()
        .map(|t| t.name)
        .collect()
}

#[tokio::test]
async fn policies_are_created_listed_shown_changed_and_deleted() {
    let emu = start(config_with_seed(seed())).await;
    let c = client(&emu);
    let id = c
        .create_instance_retention_policy(INSTANCE, "ns", &policy("keep10", 10, "**"))
        .await
        .unwrap();
    c.create_instance_retention_policy(INSTANCE, "other", &policy("elsewhere", 1, "**"))
        .await
        .unwrap();
    let ns_id = c
        .show_instance_namespace(INSTANCE, "ns")
        .await
        .unwrap()
        .namespace_id;
    let filter = RetentionPolicyFilter {
        namespace_id: Some(ns_id),
        name: None,
    };
    let listed = c
        .list_all_instance_retention_policies(INSTANCE, &filter)
        .await
        .unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!((listed[0].id, listed[0].name.as_str()), (id, "keep10"));
    assert_eq!(listed[0].rules[0].count(), Some(10));
    let page = c
        .list_instance_retention_policies(
            INSTANCE,
            &RetentionPolicyFilter::default(),
            OffsetPage {
                offset: 0,
                limit: 1,
            },
        )
        .await
        .unwrap();
    assert_eq!((page.total, page.retentions.len()), (2, 1));

    let mut changed = policy("keep3", 3, "big");
    changed.enabled = false;
    c.update_instance_retention_policy(INSTANCE, "ns", id, &changed)
        .await
        .unwrap();
    let shown = c
        .show_instance_retention_policy(INSTANCE, "ns", id)
        .await
        .unwrap();
    assert_eq!((shown.name.as_str(), shown.enabled), ("keep3", false));
    assert_eq!(shown.rules[0].repositories()[0].pattern, "big");

    c.delete_instance_retention_policy(INSTANCE, "ns", id)
        .await
        .unwrap();
    let gone = c
        .show_instance_retention_policy(INSTANCE, "ns", id)
        .await
        .unwrap_err();
    assert_eq!(gone.status(), Some(404));
    emu.shutdown().await;
}

#[tokio::test]
async fn refusals_and_names_that_cannot_go_into_a_path() {
    let emu = start(config_with_seed(seed())).await;
    let c = client(&emu);
    let mut bad = policy("bad", 1, "**");
    bad.rules[0].template = "everything".into();
    let e = c
        .create_instance_retention_policy(INSTANCE, "ns", &bad)
        .await
        .unwrap_err();
    assert_eq!(e.status(), Some(400));
    let e = c
        .execute_instance_retention_policy(INSTANCE, "ns", 999, true)
        .await
        .unwrap_err();
    assert_eq!(e.status(), Some(404));
    for hostile in ["../ns", "ns/../x", ""] {
        let e = c
            .delete_instance_retention_policy(INSTANCE, hostile, 1)
            .await
            .unwrap_err();
        assert!(matches!(e, ApiError::Invalid(_)), "{hostile:?}: {e}");
    }
    emu.shutdown().await;
}

#[tokio::test]
async fn a_dry_run_lists_exactly_the_tags_a_real_run_deletes_and_deletes_none() {
    let emu = start(config_with_seed(seed())).await;
    let c = client(&emu);
    let id = c
        .create_instance_retention_policy(INSTANCE, "ns", &policy("keep10", 10, "b*"))
        .await
        .unwrap();
    let before = tags_of(&c, "big").await;
    assert_eq!(before.len(), 250);

    let run = c.retention_dry_run(INSTANCE, "ns", id).await.unwrap();
    assert!(run.execution.dry_run);
    assert_eq!(run.execution.status, "Succeed");
    assert_eq!(run.tasks.len(), 1, "side is out of scope");
    assert_eq!((run.tasks[0].total, run.tasks[0].retained), (250, 10));
    // 240 sub-tasks: three pages of 100.
    let planned: BTreeSet<String> = run.sub_tasks.iter().map(|s| s.tag.clone()).collect();
    assert_eq!(planned.len(), 240);
    assert!(run.sub_tasks.iter().all(|s| s.action == "DEL"
        && s.repository == "big"
        && s.namespace == "ns"
        && s.digest.starts_with("sha256:")));
    assert!(!planned.contains("t249") && planned.contains("t000"));
    assert_eq!(
        tags_of(&c, "big").await,
        before,
        "a dry run leaves every tag"
    );
    assert_eq!(tags_of(&c, "side").await.len(), 2);

    let real = c
        .execute_instance_retention_policy(INSTANCE, "ns", id, false)
        .await
        .unwrap();
    let after = tags_of(&c, "big").await;
    let deleted: BTreeSet<String> = before.difference(&after).cloned().collect();
    assert_eq!(
        deleted, planned,
        "the real run deletes exactly the dry run's tags"
    );
    assert_eq!(after.len(), 10);
    assert_eq!(tags_of(&c, "side").await.len(), 2);

    let executions = c
        .list_instance_retention_executions(INSTANCE, "ns", id)
        .await
        .unwrap();
    let kinds: Vec<(i64, bool)> = executions.iter().map(|e| (e.id, e.dry_run)).collect();
    assert_eq!(kinds, [(real, false), (run.execution.id, true)]);
    let tasks = c
        .list_instance_retention_tasks(INSTANCE, "ns", id, real)
        .await
        .unwrap();
    let subs = c
        .list_instance_retention_sub_tasks(INSTANCE, "ns", id, real, tasks[0].id)
        .await
        .unwrap();
    assert_eq!(subs.len(), 240);
    emu.shutdown().await;
}
