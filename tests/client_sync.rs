//! The client's cross-region sync calls against the emulator over loopback: target regions,
//! automatic rules (create, duplicate, list, delete by target), one sync of several tags, the
//! job list paged by `filter` with jobs that progress as it is read, and refused input.

mod support;

use support::emulator::*;
use swr_tui::swr::ApiError;
use swr_tui::swr::sync::{CreateSyncRule, MAX_SYNC_TAGS, SyncTags, SyncTarget, job_settled};

const ORG: &str = "big";
const REPO: &str = "team/web";

fn target() -> SyncTarget {
    SyncTarget {
        remote_region_id: "cn-east-3".into(),
        remote_namespace: "spare".into(),
    }
}

fn tags(names: &[&str], to: &str, override_existing: bool) -> SyncTags {
    SyncTags {
        image_tag: names.iter().map(|t| t.to_string()).collect(),
        override_existing,
        remote_namespace: to.into(),
        remote_region_id: "cn-east-3".into(),
    }
}

#[tokio::test]
async fn regions_exclude_the_own_one() {
    let emu = start(config_with_seed(seed_with_tags(3))).await;
    let regions = client(&emu).list_sync_regions().await.unwrap();
    let ids: Vec<_> = regions.iter().map(|r| r.region_id.as_str()).collect();
    assert!(!ids.is_empty());
    assert!(!ids.contains(&swr_tui::emulator::DEMO_REGION), "{ids:?}");
}

#[tokio::test]
async fn rules_are_created_listed_and_deleted_by_target() {
    let emu = start(config_with_seed(seed_with_tags(3))).await;
    let c = client(&emu);
    let rule = CreateSyncRule {
        remote_region_id: "cn-east-3".into(),
        remote_namespace: "spare".into(),
        sync_auto: true,
        override_existing: true,
    };
    c.create_sync_rule(ORG, REPO, &rule).await.unwrap();
    let again = c.create_sync_rule(ORG, REPO, &rule).await.unwrap_err();
    assert_eq!(again.status(), Some(409), "{again}");
    let rules = c.list_sync_rules(ORG, REPO).await.unwrap();
    assert_eq!(rules.len(), 1);
    assert_eq!(
        (
            rules[0].remote_region_id.as_str(),
            rules[0].remote_namespace.as_str()
        ),
        ("cn-east-3", "spare")
    );
    assert!(rules[0].sync_auto && rules[0].override_existing);
    assert_eq!(rules[0].repo_name, REPO);
    c.delete_sync_rule(ORG, REPO, &target()).await.unwrap();
    assert!(c.list_sync_rules(ORG, REPO).await.unwrap().is_empty());
    let gone = c.delete_sync_rule(ORG, REPO, &target()).await.unwrap_err();
    assert_eq!(gone.status(), Some(404), "{gone}");
}

#[tokio::test]
async fn one_request_syncs_every_tag_and_jobs_settle() {
    let emu = start(config_with_seed(seed_with_tags(250))).await;
    let c = client(&emu);
    let names: Vec<String> = (0..150).map(|i| format!("t{i:05}")).collect();
    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
    let accepted = c
        .sync_tags(ORG, REPO, &tags(&refs, "spare", false))
        .await
        .unwrap();
    assert_eq!(accepted, names);
    // The first read moves every job from waiting to running; the walk pages by `filter`, and
    // its second page shows the same states as its first.
    let jobs = c.list_all_sync_jobs(ORG, REPO).await.unwrap();
    assert_eq!(jobs.len(), 150);
    assert!(jobs.iter().all(|j| j.status == "running"), "{:?}", jobs[0]);
    let page = c.list_sync_jobs(ORG, REPO, 100, 100).await.unwrap();
    assert_eq!((page.items.len(), page.total), (50, Some(150)));
    assert!(page.items.iter().all(|j| j.status == "running"));
    let jobs = c.list_all_sync_jobs(ORG, REPO).await.unwrap();
    assert!(
        jobs.iter()
            .all(|j| j.status == "success" && job_settled(&j.status))
    );
    // Newest first: the highest ids lead.
    assert!(jobs.windows(2).all(|w| w[0].id > w[1].id));
}

#[tokio::test]
async fn a_missing_target_fails_and_an_existing_copy_is_kept_unless_overridden() {
    let emu = start(config_with_seed(seed_with_tags(3))).await;
    let c = client(&emu);
    c.sync_tags(ORG, REPO, &tags(&["t00000"], "spare", false))
        .await
        .unwrap();
    c.sync_tags(ORG, REPO, &tags(&["t00001"], "nowhere", false))
        .await
        .unwrap();
    for _ in 0..2 {
        c.list_all_sync_jobs(ORG, REPO).await.unwrap();
    }
    c.sync_tags(ORG, REPO, &tags(&["t00000"], "spare", false))
        .await
        .unwrap();
    c.sync_tags(ORG, REPO, &tags(&["t00000"], "spare", true))
        .await
        .unwrap();
    for _ in 0..2 {
        c.list_all_sync_jobs(ORG, REPO).await.unwrap();
    }
    let jobs = c.list_all_sync_jobs(ORG, REPO).await.unwrap();
    let states: Vec<(&str, &str, bool)> = jobs
        .iter()
        .map(|j| (j.tag.as_str(), j.status.as_str(), j.override_existing))
        .collect();
    assert_eq!(
        states,
        vec![
            ("t00000", "success", true),
            ("t00000", "existed", false),
            ("t00001", "failed", false),
            ("t00000", "success", false),
        ]
    );
}

#[tokio::test]
async fn refused_input_never_reaches_the_server() {
    let emu = start(config_with_seed(seed_with_tags(3))).await;
    let c = client(&emu);
    let before = emu.stats().mutations.len();
    for bad in [
        tags(&[], "spare", false),
        tags(&["bad tag"], "spare", false),
        tags(&["t00000"], "Bad/Org", false),
        SyncTags {
            remote_region_id: "../x".into(),
            ..tags(&["t00000"], "spare", false)
        },
    ] {
        let e = c.sync_tags(ORG, REPO, &bad).await.unwrap_err();
        assert!(matches!(e, ApiError::Invalid(_)), "{e}");
    }
    let many: Vec<String> = (0..=MAX_SYNC_TAGS).map(|i| format!("x{i}")).collect();
    let refs: Vec<&str> = many.iter().map(String::as_str).collect();
    let e = c.sync_tags(ORG, REPO, &tags(&refs, "spare", false)).await;
    assert!(matches!(e, Err(ApiError::Invalid(_))));
    // A tag the repository does not have: the server refuses the whole request.
    let e = c
        .sync_tags(ORG, REPO, &tags(&["t00000", "nope"], "spare", false))
        .await
        .unwrap_err();
    assert_eq!(e.status(), Some(404), "{e}");
    assert!(c.list_all_sync_jobs(ORG, REPO).await.unwrap().is_empty());
    assert_eq!(emu.stats().mutations.len(), before);
}
