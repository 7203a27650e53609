//! The client under the emulator's fault knobs: wrong keys, random failures, rate limits; and
//! the promise that no secret reaches a log.

mod support;

use std::collections::BTreeSet;
use std::time::Duration;

use support::emulator::*;
use swr_tui::app::Removed;
use swr_tui::swr::Credentials;
use swr_tui::worker::delete::{self, Steer};
use tokio::sync::watch;

#[tokio::test]
async fn wrong_secret_key_is_refused_and_changes_nothing() {
    let emu = start(config_with_seed(seed_with_tags(3))).await;
    let c = client_with(
        client_config(&emu),
        Credentials::aksk(
            swr_tui::emulator::DEMO_ACCESS_KEY,
            "not-the-secret-key-000000000000000000000",
        ),
    );
    let before = emu.snapshot();
    let err = c.create_namespace("intruder").await.unwrap_err();
    assert_eq!((err.status(), err.code()), (Some(401), Some("APIGW.0301")));
    let err = c.delete_tag("big", "team/web", "t00001").await.unwrap_err();
    assert_eq!(err.status(), Some(401));
    assert_eq!(emu.snapshot(), before);
    assert!(emu.stats().mutations.is_empty());
    assert_eq!(emu.stats().unauthorized, 2, "a 401 is not retried");
}

#[tokio::test]
async fn security_token_is_signed_and_accepted() {
    let emu = start(config_with_seed(seed_with_tags(1))).await;
    let c = client_with(
        client_config(&emu),
        Credentials::AkSk {
            access_key: swr_tui::emulator::DEMO_ACCESS_KEY.into(),
            secret_key: swr_tui::emulator::DEMO_SECRET_KEY.into(),
            security_token: Some("TEMPORARY-SECURITY-TOKEN".into()),
        },
    );
    assert_eq!(c.list_namespaces().await.unwrap().len(), 2);
}

#[tokio::test]
async fn with_30_percent_failures_lists_are_complete_and_deletes_happen_once() {
    let emu = start(config_with_seed(seed_with_tags(2500))).await;
    let mut config = client_config(&emu);
    config.page_size = 100;
    let c = client_with(config, demo_credentials());
    emu.set_faults(0.3, None, Duration::ZERO);

    for _ in 0..3 {
        let tags = c.list_all_tags("big", "team/web").await.unwrap();
        assert_eq!(distinct(&tags), 2500);
        assert_eq!(tags.len(), 2500);
        let v3 = c.list_all_tags_v3("big", "team/web").await.unwrap();
        assert_eq!(v3.len(), 2500);
        assert_eq!(c.list_all_repos(Some("big")).await.unwrap().len(), 2);
    }

    let doomed: Vec<String> = (0..150).map(|i| format!("t{i:05}")).collect();
    for tag in &doomed {
        c.delete_tag("big", "team/web", tag).await.unwrap();
    }
    let stats = emu.stats();
    assert!(
        stats.injected_failures > 50,
        "faults were injected: {}",
        stats.injected_failures
    );
    emu.set_faults(0.0, None, Duration::ZERO);

    let left = &emu.snapshot().orgs["big"].repos["team/web"].tags;
    assert_eq!(left.len(), 2350);
    for tag in &doomed {
        assert!(!left.contains_key(tag), "{tag} still there");
        assert_eq!(
            stats.tag_deletes.get(&format!("big/team/web:{tag}")),
            Some(&1),
            "{tag}"
        );
    }
    assert_eq!(stats.tag_deletes.len(), 150, "nothing else was deleted");
}

#[tokio::test]
async fn rate_limited_requests_are_retried_and_nothing_is_lost() {
    let emu = start(config_with_seed(seed_with_tags(2500))).await;
    let mut config = client_config(&emu);
    config.page_size = 100;
    config.page_concurrency = 8;
    let c = client_with(config, demo_credentials());
    emu.set_faults(0.0, Some(10), Duration::ZERO);

    let tags = c.list_all_tags("big", "team/web").await.unwrap();
    assert_eq!(distinct(&tags), 2500);
    for i in 0..15 {
        c.delete_tag("big", "team/web", &format!("t{i:05}"))
            .await
            .unwrap();
    }
    let stats = emu.stats();
    assert!(stats.rate_limited > 0, "the limit was hit");
    assert_eq!(stats.tag_deletes.len(), 15);
    assert!(stats.tag_deletes.values().all(|&n| n == 1));
}

#[tokio::test]
async fn non_idempotent_requests_are_not_retried_on_server_errors() {
    let emu = start(config_with_seed(seed_with_tags(1))).await;
    let c = client(&emu);
    emu.set_faults(1.0, None, Duration::ZERO);
    let err = c.create_namespace("once").await.unwrap_err();
    assert!(matches!(err.status(), Some(500 | 503)));
    assert_eq!(emu.stats().requests, 1, "a POST is sent once");
}

/// Deletes `tags` as a confirmed batch does (the job's runner and its per-tag check).
async fn batch(
    c: &swr_tui::swr::SwrClient,
    tags: &[String],
    concurrency: usize,
) -> Vec<(String, Result<Removed, swr_tui::swr::ApiError>)> {
    let mut results = Vec::new();
    delete::run(
        tags.to_vec(),
        concurrency,
        watch::channel(Steer::Go).1,
        |tag: String| {
            let c = c.clone();
            async move {
                delete::delete_confirmed(&c, delete::Item::shared_tag("big", "team/web", &tag))
                    .await
            }
        },
        |tag, result| results.push((tag, result)),
    )
    .await;
    results
}

/// How many different tag names a list holds.
fn distinct(tags: &[swr_tui::swr::model::Tag]) -> usize {
    tags.iter()
        .map(|t| t.tag.as_str())
        .collect::<BTreeSet<_>>()
        .len()
}

fn still_present(emu: &swr_tui::emulator::Emulator, tags: &[String]) -> BTreeSet<String> {
    let left = &emu.snapshot().orgs["big"].repos["team/web"].tags;
    tags.iter()
        .filter(|t| left.contains_key(*t))
        .cloned()
        .collect()
}

#[tokio::test]
async fn a_batch_under_failures_calls_failed_exactly_the_tags_still_there() {
    let emu = start(config_with_seed(seed_with_tags(300))).await;
    let mut config = client_config(&emu);
    // Few attempts, so that many requests end in a failure, half of them after the change.
    config.retry.max_attempts = 2;
    let c = client_with(config, demo_credentials());
    let doomed: Vec<String> = (0..200).map(|i| format!("t{i:05}")).collect();
    emu.set_faults(0.5, None, Duration::ZERO);
    let results = batch(&c, &doomed, 8).await;
    emu.set_faults(0.0, None, Duration::ZERO);
    assert_eq!(results.len(), 200, "one result per confirmed tag");
    let failed: BTreeSet<String> = results
        .iter()
        .filter(|(_, r)| r.is_err())
        .map(|(t, _)| t.clone())
        .collect();
    assert!(!failed.is_empty(), "faults made some deletes fail");
    assert_eq!(
        failed,
        still_present(&emu, &doomed),
        "failed means still there, and nothing still there is called deleted"
    );

    // `r`: the failures again, with faults on; then every confirmed tag once more, as if
    // every answer had been lost: gone tags are successes, not "tag not found".
    emu.set_faults(0.5, None, Duration::ZERO);
    let retried: Vec<String> = failed.iter().cloned().collect();
    let again = batch(&c, &retried, 8).await;
    emu.set_faults(0.0, None, Duration::ZERO);
    let failed_again: BTreeSet<String> = again
        .iter()
        .filter(|(_, r)| r.is_err())
        .map(|(t, _)| t.clone())
        .collect();
    assert_eq!(failed_again, still_present(&emu, &doomed));
    let once_more = batch(&c, &doomed, 8).await;
    assert!(once_more.iter().all(|(_, r)| r.is_ok()), "{once_more:?}");
    assert!(
        once_more
            .iter()
            .filter(|(t, _)| !failed_again.contains(t))
            .all(|(_, r)| matches!(r, Ok(Removed::AlreadyGone))),
        "tags gone before are reported as already gone"
    );
    assert!(still_present(&emu, &doomed).is_empty());
    let stats = emu.stats();
    assert_eq!(
        stats.tag_deletes.len(),
        200,
        "only confirmed tags were ever deleted"
    );
}

#[tokio::test]
async fn throttling_slows_a_batch_down_and_fails_nothing() {
    let emu = start(config_with_seed(seed_with_tags(100))).await;
    let mut config = client_config(&emu);
    // The attempts a user's client has: throttling must not spend them.
    config.retry.max_attempts = swr_tui::swr::client::RetryPolicy::default().max_attempts;
    let c = client_with(config, demo_credentials());
    emu.set_faults(0.0, Some(5), Duration::ZERO);
    let doomed: Vec<String> = (0..40).map(|i| format!("t{i:05}")).collect();
    let results = batch(&c, &doomed, 8).await;
    emu.set_faults(0.0, None, Duration::ZERO);
    let failed: Vec<_> = results.iter().filter(|(_, r)| r.is_err()).collect();
    assert!(failed.is_empty(), "{failed:?}");
    assert!(still_present(&emu, &doomed).is_empty());
    let stats = emu.stats();
    assert!(stats.rate_limited > 0, "the service did throttle");
    assert_eq!(c.throttle_refusals(), stats.rate_limited);
    assert!(stats.tag_deletes.values().all(|&n| n == 1));
}
