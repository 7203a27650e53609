//! The client's enterprise artifact and tag operations against the emulator over loopback:
//! every operation on a nested repository, paging past 100, what each delete removes, exact
//! lookup through the fuzzy tag filter, wrong keys, injected failures, and names refused
//! before anything is sent.

mod support;

use std::collections::HashSet;
use std::time::Duration;

use serde_json::{Value, json};
use support::emulator::*;
use swr_tui::emulator::{Emulator, EmulatorConfig, Seed};
use swr_tui::swr::client::OffsetPage;
use swr_tui::swr::enterprise::{DOCKER_MANIFEST_LIST_MEDIA_TYPE, InstanceTag, NATIVE_REPORT_MIME};
use swr_tui::swr::{ApiError, Credentials, SwrClient};

const INSTANCE_ID: &str = "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0";
const NS: &str = "conf";
const NESTED: &str = "team/svc";
const MANY: &str = "many";
const DIGEST: &str = "sha256:00000000000000000000000000000000000000000000000000000000000000aa";
const MULTI: &str = "sha256:00000000000000000000000000000000000000000000000000000000000000bb";

/// Instance `ee-conf`, namespace `conf` with `team/svc` (an image tagged `v1`, `v1.0`, `v10`
/// with findings; a two-platform manifest list tagged `multi`; an untagged-to-be image `v2`)
/// and `many`, whose artifacts carry `tags` tags in all (`t000`…, one to three per artifact).
fn seed(tags: usize) -> Seed {
    let mut many: Vec<Value> = Vec::new();
    let mut next = 0;
    while next < tags {
        let count = (1 + many.len() % 3).min(tags - next);
        let names: Vec<String> = (next..next + count).map(|i| format!("t{i:03}")).collect();
        next += count;
        many.push(json!({ "tags": names }));
    }
    let seed = json!({"instances": [{"id": INSTANCE_ID, "name": "ee-conf", "namespaces": [
        {"name": NS, "repos": [
            {"name": NESTED, "artifacts": [
                {"digest": DIGEST, "size": 1000, "tags": ["v1", "v1.0", "v10"],
                 "vulnerabilities": {"critical": 1, "high": 2, "low": 1}},
                {"digest": MULTI, "tags": ["multi"], "platforms": ["linux/amd64", "linux/arm64/v8"]},
                {"tags": ["v2"]}]},
            {"name": MANY, "artifacts": many}]}]}]});
    Seed::from_json(&seed.to_string()).expect("test seed parses")
}

async fn start_with(tags: usize) -> Emulator {
    start(config_with_seed(seed(tags))).await
}

fn all_pages() -> OffsetPage {
    OffsetPage::default()
}

async fn tag_names(c: &SwrClient, repo: &str) -> Vec<String> {
    let tags = c
        .list_all_instance_tags(INSTANCE_ID, NS, repo)
        .await
        .unwrap();
    tags.into_iter().map(|t| t.name).collect()
}

async fn artifact_digests(c: &SwrClient, repo: &str) -> Vec<String> {
    let artifacts = c
        .list_all_instance_artifacts(INSTANCE_ID, NS, repo)
        .await
        .unwrap();
    artifacts.into_iter().map(|a| a.digest).collect()
}

fn is_swr_404(e: &ApiError) -> bool {
    e.status() == Some(404) && e.code().is_some_and(|c| c.starts_with("SVCSTG.SWR."))
}

#[tokio::test]
async fn every_operation_on_a_nested_repository() {
    let emu = start_with(0).await;
    let c = client(&emu);
    let page = c
        .list_instance_artifacts(
            INSTANCE_ID,
            NS,
            NESTED,
            OffsetPage {
                offset: 0,
                limit: 2,
            },
        )
        .await
        .unwrap();
    assert_eq!((page.total, page.artifacts.len()), (3, 2));
    let image = &page.artifacts[0];
    assert_eq!(image.digest, DIGEST);
    assert_eq!(image.repository_name, "conf/team/svc");
    assert_eq!((image.kind.as_str(), image.size), ("IMAGE", 1000));
    let names: Vec<&str> = image.tags.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["v1", "v1.0", "v10"]);
    assert!(image.scan_overview.is_none() && !image.is_manifest_list());
    let multi = &page.artifacts[1];
    assert!(multi.is_manifest_list());
    assert_eq!(multi.media_type, DOCKER_MANIFEST_LIST_MEDIA_TYPE);
    let platforms: Vec<String> = multi
        .references
        .iter()
        .filter_map(|r| r.platform.as_ref().map(|p| p.label()))
        .collect();
    assert_eq!(platforms, ["linux/amd64", "linux/arm64/v8"]);

    let plain = c
        .show_instance_artifact(INSTANCE_ID, NS, NESTED, DIGEST, false)
        .await
        .unwrap();
    assert!(plain.scan_overview.is_none());
    let scanned = c
        .show_instance_artifact(INSTANCE_ID, NS, NESTED, DIGEST, true)
        .await
        .unwrap();
    let overview = &scanned.scan_overview.unwrap()[NATIVE_REPORT_MIME];
    assert_eq!(
        (overview.scan_status.as_str(), overview.severity.as_str()),
        ("Success", "Critical")
    );
    assert_eq!(overview.summary.as_ref().unwrap().total, 4);
    let unscanned = c
        .show_instance_artifact(INSTANCE_ID, NS, NESTED, MULTI, true)
        .await
        .unwrap();
    let pending = &unscanned.scan_overview.unwrap()[NATIVE_REPORT_MIME];
    assert_eq!(pending.scan_status, "Pending");
    assert!(pending.summary.is_none());

    let reports = c
        .list_artifact_vulnerabilities(INSTANCE_ID, NS, NESTED, DIGEST)
        .await
        .unwrap();
    let findings = &reports[NATIVE_REPORT_MIME].vulnerabilities;
    let severities: Vec<&str> = findings.iter().map(|v| v.severity.as_str()).collect();
    assert_eq!(severities, ["Critical", "High", "High", "Low"]);
    assert_eq!(findings[0].id, "CVE-2026-0001");
    let none = c
        .list_artifact_vulnerabilities(INSTANCE_ID, NS, NESTED, MULTI)
        .await
        .unwrap();
    assert!(none.is_empty());

    let history = c
        .show_artifact_build_history(INSTANCE_ID, NS, NESTED, DIGEST)
        .await
        .unwrap();
    assert!(history.len() >= 4);
    assert_eq!(history.iter().map(|h| h.size).sum::<u64>(), 1000);

    let tags = c
        .list_instance_tags(
            INSTANCE_ID,
            NS,
            NESTED,
            OffsetPage {
                offset: 0,
                limit: 3,
            },
        )
        .await
        .unwrap();
    assert_eq!(tags.total, 5);
    let first: Vec<&str> = tags.tags.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(first, ["v1", "v1.0", "v10"]);
    assert!(
        tags.tags
            .iter()
            .all(|t| t.digest == DIGEST && t.size == 1000)
    );
    assert_eq!(
        tag_names(&c, NESTED).await,
        ["v1", "v1.0", "v10", "multi", "v2"]
    );

    c.delete_instance_tag(INSTANCE_ID, NS, NESTED, "v2")
        .await
        .unwrap();
    c.delete_instance_artifact(INSTANCE_ID, NS, NESTED, MULTI)
        .await
        .unwrap();
    assert_eq!(tag_names(&c, NESTED).await, ["v1", "v1.0", "v10"]);
    let repo = c
        .show_instance_repository(INSTANCE_ID, NS, NESTED)
        .await
        .unwrap();
    assert_eq!(
        (repo.artifact_count, repo.tag_count),
        (2, 3),
        "the untagged artifact stays"
    );
    emu.shutdown().await;
}

#[tokio::test]
async fn unknown_items_are_404_with_swr_codes() {
    let emu = start_with(0).await;
    let c = client(&emu);
    let other = "sha256:00000000000000000000000000000000000000000000000000000000000000cc";
    let errors = [
        c.list_instance_tags("nope", NS, NESTED, all_pages())
            .await
            .unwrap_err(),
        c.list_instance_artifacts(INSTANCE_ID, "nope", NESTED, all_pages())
            .await
            .unwrap_err(),
        c.list_instance_tags(INSTANCE_ID, NS, "team/none", all_pages())
            .await
            .unwrap_err(),
        c.show_instance_artifact(INSTANCE_ID, NS, NESTED, other, true)
            .await
            .unwrap_err(),
        c.show_artifact_build_history(INSTANCE_ID, NS, NESTED, other)
            .await
            .unwrap_err(),
        c.delete_instance_tag(INSTANCE_ID, NS, NESTED, "v9")
            .await
            .unwrap_err(),
    ];
    for e in &errors {
        assert!(is_swr_404(e), "{e}");
    }
    assert!(emu.stats().mutations.is_empty());
    emu.shutdown().await;
}

#[tokio::test]
async fn tags_and_artifacts_page_past_100_in_order() {
    let emu = start_with(250).await;
    let c = client(&emu);
    let expected: Vec<String> = (0..250).map(|i| format!("t{i:03}")).collect();
    let mut paged = Vec::new();
    for offset in [0, 100, 200] {
        let page = c
            .list_instance_tags(INSTANCE_ID, NS, MANY, OffsetPage { offset, limit: 100 })
            .await
            .unwrap();
        assert_eq!(page.total, 250);
        paged.extend(page.tags.into_iter().map(|t| t.name));
    }
    assert_eq!(paged, expected);
    let walked = tag_names(&c, MANY).await;
    assert_eq!(walked, expected);
    assert_eq!(walked.iter().collect::<HashSet<_>>().len(), 250);
    let artifacts = c
        .list_all_instance_artifacts(INSTANCE_ID, NS, MANY)
        .await
        .unwrap();
    let via_artifacts: Vec<String> = artifacts
        .iter()
        .flat_map(|a| a.tags.iter().map(|t| t.name.clone()))
        .collect();
    assert_eq!(via_artifacts, expected);
    assert!(
        artifacts.len() > 100,
        "the artifact walk went past one page"
    );
    emu.shutdown().await;
}

#[tokio::test]
async fn a_tag_delete_keeps_the_artifact_and_its_other_tags() {
    let emu = start_with(0).await;
    let c = client(&emu);
    c.delete_instance_tag(INSTANCE_ID, NS, NESTED, "v1.0")
        .await
        .unwrap();
    assert_eq!(tag_names(&c, NESTED).await, ["v1", "v10", "multi", "v2"]);
    let artifacts = c
        .list_all_instance_artifacts(INSTANCE_ID, NS, NESTED)
        .await
        .unwrap();
    let image = artifacts.iter().find(|a| a.digest == DIGEST).unwrap();
    let names: Vec<&str> = image.tags.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["v1", "v10"]);
    assert_eq!(artifacts.len(), 3);
    emu.shutdown().await;
}

#[tokio::test]
async fn an_artifact_delete_takes_all_its_tags() {
    let emu = start_with(0).await;
    let c = client(&emu);
    c.delete_instance_artifact(INSTANCE_ID, NS, NESTED, DIGEST)
        .await
        .unwrap();
    assert_eq!(tag_names(&c, NESTED).await, ["multi", "v2"]);
    assert!(
        !artifact_digests(&c, NESTED)
            .await
            .contains(&DIGEST.to_string())
    );
    for tag in ["v1", "v1.0", "v10"] {
        let found = c
            .find_instance_tag(INSTANCE_ID, NS, NESTED, tag)
            .await
            .unwrap();
        assert_eq!(found, None, "{tag}");
    }
    let again = c
        .delete_instance_artifact(INSTANCE_ID, NS, NESTED, DIGEST)
        .await
        .unwrap_err();
    assert!(is_swr_404(&again), "{again}");
    emu.shutdown().await;
}

#[tokio::test]
async fn find_matches_exactly_through_the_fuzzy_filter() {
    let emu = start_with(250).await;
    let c = client(&emu);
    let found: Option<InstanceTag> = c
        .find_instance_tag(INSTANCE_ID, NS, NESTED, "v1")
        .await
        .unwrap();
    let found = found.unwrap();
    assert_eq!((found.name.as_str(), found.digest.as_str()), ("v1", DIGEST));
    assert_eq!(
        c.find_instance_tag(INSTANCE_ID, NS, NESTED, "v")
            .await
            .unwrap(),
        None,
        "`v` matches fuzzily only"
    );
    // 250 fuzzy matches: three pages of them are read, and none is exactly `t`.
    let before = emu.stats().requests;
    assert_eq!(
        c.find_instance_tag(INSTANCE_ID, NS, MANY, "t")
            .await
            .unwrap(),
        None
    );
    let pages = emu.stats().requests - before;
    assert!((2..=3).contains(&pages), "{pages} requests");
    let last = c
        .find_instance_tag(INSTANCE_ID, NS, MANY, "t249")
        .await
        .unwrap();
    assert_eq!(last.map(|t| t.name), Some("t249".to_string()));
    c.delete_instance_tag(INSTANCE_ID, NS, NESTED, "v1")
        .await
        .unwrap();
    assert_eq!(
        c.find_instance_tag(INSTANCE_ID, NS, NESTED, "v1")
            .await
            .unwrap(),
        None
    );
    emu.shutdown().await;
}

#[tokio::test]
async fn find_gives_up_rather_than_walk_too_many_matches() {
    let emu = start_with(4100).await;
    let c = client(&emu);
    let e = c
        .find_instance_tag(INSTANCE_ID, NS, MANY, "t")
        .await
        .unwrap_err();
    assert!(matches!(e, ApiError::Decode(_)), "{e}");
    emu.shutdown().await;
}

#[tokio::test]
async fn a_wrong_secret_key_is_refused_and_changes_nothing() {
    let emu = start_with(0).await;
    let c = client(&emu);
    let wrong = client_with(
        client_config(&emu),
        Credentials::aksk(
            swr_tui::emulator::DEMO_ACCESS_KEY,
            "not-the-secret-key-000000000000000000000",
        ),
    );
    let tags_before = tag_names(&c, NESTED).await;
    let artifacts_before = artifact_digests(&c, NESTED).await;
    let errors = [
        wrong
            .delete_instance_tag(INSTANCE_ID, NS, NESTED, "v1")
            .await
            .unwrap_err(),
        wrong
            .delete_instance_artifact(INSTANCE_ID, NS, NESTED, DIGEST)
            .await
            .unwrap_err(),
        wrong
            .list_instance_tags(INSTANCE_ID, NS, NESTED, all_pages())
            .await
            .unwrap_err(),
    ];
    for e in &errors {
        assert_eq!(e.status(), Some(401), "{e}");
    }
    assert!(emu.stats().mutations.is_empty());
    assert_eq!(tag_names(&c, NESTED).await, tags_before);
    assert_eq!(artifact_digests(&c, NESTED).await, artifacts_before);
    emu.shutdown().await;
}

#[tokio::test]
async fn under_injected_failures_lists_are_complete_and_each_delete_happens_once() {
    let emu = start(EmulatorConfig {
        fail_rate: 0.3,
        ..config_with_seed(seed(250))
    })
    .await;
    let c = client(&emu);
    let expected: Vec<String> = (0..250).map(|i| format!("t{i:03}")).collect();
    for _ in 0..3 {
        assert_eq!(tag_names(&c, MANY).await, expected);
        let artifacts = c
            .list_all_instance_artifacts(INSTANCE_ID, NS, MANY)
            .await
            .unwrap();
        let carried: Vec<String> = artifacts
            .iter()
            .flat_map(|a| a.tags.iter().map(|t| t.name.clone()))
            .collect();
        assert_eq!(carried, expected);
    }
    let doomed: Vec<String> = (0..250).step_by(10).map(|i| format!("t{i:03}")).collect();
    for tag in &doomed {
        c.delete_instance_tag(INSTANCE_ID, NS, MANY, tag)
            .await
            .unwrap();
    }
    c.delete_instance_artifact(INSTANCE_ID, NS, NESTED, DIGEST)
        .await
        .unwrap();
    assert!(emu.stats().injected_failures > 0);
    emu.set_faults(0.0, None, Duration::ZERO);

    let stats = emu.stats();
    for tag in &doomed {
        let line = format!("DELETE instance {INSTANCE_ID} tag {NS}/{MANY}:{tag}");
        let times = stats.mutations.iter().filter(|m| **m == line).count();
        assert_eq!(times, 1, "{line}");
    }
    assert_eq!(
        stats.mutations.len(),
        doomed.len() + 1,
        "nothing else changed"
    );
    let left: Vec<String> = expected
        .iter()
        .filter(|t| !doomed.contains(t))
        .cloned()
        .collect();
    assert_eq!(tag_names(&c, MANY).await, left);
    assert_eq!(tag_names(&c, NESTED).await, ["multi", "v2"]);
    emu.shutdown().await;
}

#[tokio::test]
async fn bad_digests_and_tag_names_are_refused_before_any_request() {
    let emu = start_with(0).await;
    let c = client(&emu);
    let before = emu.stats().requests;
    let bad_digests = [
        "",
        "latest",
        "sha256:../../../namespaces",
        "sha256:00000000000000000000000000000000000000000000000000000000000000AA",
        "sha256:00000000000000000000000000000000000000000000000000000000000000a",
    ];
    for digest in bad_digests {
        let errors = [
            c.show_instance_artifact(INSTANCE_ID, NS, NESTED, digest, true)
                .await
                .unwrap_err(),
            c.delete_instance_artifact(INSTANCE_ID, NS, NESTED, digest)
                .await
                .unwrap_err(),
            c.list_artifact_vulnerabilities(INSTANCE_ID, NS, NESTED, digest)
                .await
                .unwrap_err(),
            c.show_artifact_build_history(INSTANCE_ID, NS, NESTED, digest)
                .await
                .unwrap_err(),
        ];
        for e in &errors {
            assert!(matches!(e, ApiError::Invalid(_)), "{digest:?}: {e}");
        }
    }
    let long = "x".repeat(129);
    for tag in ["", "../v1", "v1/../../x", ".hidden", "a b", long.as_str()] {
        let errors = [
            c.delete_instance_tag(INSTANCE_ID, NS, NESTED, tag)
                .await
                .unwrap_err(),
            c.find_instance_tag(INSTANCE_ID, NS, NESTED, tag)
                .await
                .unwrap_err(),
        ];
        for e in &errors {
            assert!(matches!(e, ApiError::Invalid(_)), "{tag:?}: {e}");
        }
    }
    assert_eq!(emu.stats().requests, before, "nothing was sent");
    emu.shutdown().await;
}
