//! The client under the emulator's fault knobs: wrong keys, random failures, rate limits; and
//! the promise that no secret reaches a log.

mod common;

use std::collections::BTreeSet;
use std::time::Duration;

use common::*;
use swr_tui::swr::Credentials;

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
        assert_eq!(
            tags.iter()
                .map(|t| t.tag.clone())
                .collect::<BTreeSet<_>>()
                .len(),
            2500
        );
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
    assert_eq!(
        tags.iter()
            .map(|t| t.tag.clone())
            .collect::<BTreeSet<_>>()
            .len(),
        2500
    );
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
