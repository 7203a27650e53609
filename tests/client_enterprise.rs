//! The client's enterprise-edition operations against the emulator over loopback: instances,
//! namespaces and repositories (nested names included), paging past 100, wrong keys and
//! injected failures.

mod support;

use serde_json::{Value, json};
use support::emulator::*;
use swr_tui::emulator::{EmulatorConfig, Seed};
use swr_tui::swr::client::{InstanceNamespaceFilter, OffsetPage, RepositoryScope};
use swr_tui::swr::{ApiError, Credentials};

const INSTANCE_ID: &str = "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0";
const DIGEST: &str = "sha256:00000000000000000000000000000000000000000000000000000000000000aa";

/// One running instance `ee-conf` (namespaces `conf` public with `team/svc` and `plain`,
/// `empty`, and `many` with `repos` repositories), one creating instance `ee-new`, and
/// `namespaces` more namespaces `ns000`….
fn seed(namespaces: usize, repos: usize) -> Seed {
    let mut list: Vec<Value> = vec![
        json!({"name": "conf", "public": true, "repos": [
            {"name": "team/svc", "description": "seeded", "pull_count": 5, "artifacts": [
                {"digest": DIGEST, "size": 123, "tags": ["v1", "v1.0"]}, {"tags": ["v2"]}]},
            {"name": "plain"}]}),
        json!({"name": "empty"}),
        json!({"name": "many", "repos": (0..repos).map(|i| json!({"name": format!("r{i:03}")})).collect::<Vec<_>>()}),
    ];
    list.extend((0..namespaces).map(|i| json!({"name": format!("ns{i:03}")})));
    let seed = json!({"instances": [
        {"id": INSTANCE_ID, "name": "ee-conf", "access_address": "ee-conf.swr.example", "namespaces": list},
        {"name": "ee-new", "status": "Creating"}
    ]});
    Seed::from_json(&seed.to_string()).expect("test seed parses")
}

async fn start_with(namespaces: usize, repos: usize) -> swr_tui::emulator::Emulator {
    start(config_with_seed(seed(namespaces, repos))).await
}

fn status_of(e: &ApiError) -> Option<u16> {
    e.status()
}

#[tokio::test]
async fn instances_and_their_domains() {
    let emu = start_with(0, 0).await;
    let c = client(&emu);
    let page = c.list_instances(None, OffsetPage::default()).await.unwrap();
    assert_eq!(page.total, 2);
    let names: Vec<&str> = page.instances.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(names, ["ee-conf", "ee-new"]);
    let running = c.list_all_instances(Some("Running")).await.unwrap();
    assert_eq!(running.len(), 1);
    assert_eq!(running[0].id, INSTANCE_ID);
    let shown = c.show_instance(INSTANCE_ID).await.unwrap();
    assert_eq!(
        (shown.spec.as_str(), shown.status.as_str()),
        ("swr.ee.professional", "Running")
    );
    let domains = c.list_domain_names(INSTANCE_ID).await.unwrap();
    assert_eq!(domains.len(), 1);
    assert_eq!(
        (domains[0].kind.as_str(), domains[0].domain_name.as_str()),
        ("default", "ee-conf.swr.example")
    );
    let missing = c.show_instance("nope").await.unwrap_err();
    assert_eq!(status_of(&missing), Some(404));
    assert!(missing.code().is_some_and(|c| c.starts_with("SVCSTG.SWR.")));
    let bad = c
        .list_instances(Some("Sleeping"), OffsetPage::default())
        .await
        .unwrap_err();
    assert_eq!(status_of(&bad), Some(400));
    emu.shutdown().await;
}

#[tokio::test]
async fn namespaces_are_created_shown_updated_and_deleted() {
    let emu = start_with(0, 0).await;
    let c = client(&emu);
    let all = InstanceNamespaceFilter::default();
    let listed = c
        .list_all_instance_namespaces(INSTANCE_ID, &all)
        .await
        .unwrap();
    let names: Vec<&str> = listed.iter().map(|n| n.name.as_str()).collect();
    assert_eq!(names, ["conf", "empty", "many"]);
    assert_eq!(listed[0].repo_count, 2);
    assert!(listed[0].metadata.is_public());

    let id = c
        .create_instance_namespace(INSTANCE_ID, "1st-team", false)
        .await
        .unwrap();
    assert!(id >= 1);
    let shown = c
        .show_instance_namespace(INSTANCE_ID, "1st-team")
        .await
        .unwrap();
    assert_eq!(
        (shown.namespace_id, shown.metadata.public.as_str()),
        (id, "false")
    );
    let dup = c
        .create_instance_namespace(INSTANCE_ID, "1st-team", true)
        .await
        .unwrap_err();
    assert_eq!(status_of(&dup), Some(409));
    assert!(matches!(
        c.create_instance_namespace(INSTANCE_ID, "Bad--name", true)
            .await,
        Err(ApiError::Invalid(_))
    ));

    c.update_instance_namespace(INSTANCE_ID, "1st-team", true)
        .await
        .unwrap();
    let public = InstanceNamespaceFilter {
        public: Some(true),
        ..Default::default()
    };
    let publics = c
        .list_all_instance_namespaces(INSTANCE_ID, &public)
        .await
        .unwrap();
    let names: Vec<&str> = publics.iter().map(|n| n.name.as_str()).collect();
    assert_eq!(names, ["1st-team", "conf"]);
    let by_name = InstanceNamespaceFilter {
        name: Some("mpt".into()),
        ..Default::default()
    };
    let found = c
        .list_all_instance_namespaces(INSTANCE_ID, &by_name)
        .await
        .unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].name, "empty");

    c.delete_instance_namespace(INSTANCE_ID, "1st-team")
        .await
        .unwrap();
    let gone = c
        .show_instance_namespace(INSTANCE_ID, "1st-team")
        .await
        .unwrap_err();
    assert_eq!(status_of(&gone), Some(404));
    let unknown = c
        .delete_instance_namespace(INSTANCE_ID, "never-was")
        .await
        .unwrap_err();
    assert_eq!(status_of(&unknown), Some(404));
    emu.shutdown().await;
}

#[tokio::test]
async fn a_namespace_that_holds_repositories_is_not_deleted() {
    let emu = start_with(0, 0).await;
    let c = client(&emu);
    let refused = c
        .delete_instance_namespace(INSTANCE_ID, "conf")
        .await
        .unwrap_err();
    assert_eq!(status_of(&refused), Some(412));
    let text = refused.to_string();
    assert!(
        text.contains("SVCSTG.SWR.") && text.contains("repositories"),
        "{text}"
    );
    assert!(c.show_instance_namespace(INSTANCE_ID, "conf").await.is_ok());
    for repo in ["team/svc", "plain"] {
        c.delete_instance_repository(INSTANCE_ID, "conf", repo)
            .await
            .unwrap();
    }
    c.delete_instance_namespace(INSTANCE_ID, "conf")
        .await
        .unwrap();
    emu.shutdown().await;
}

#[tokio::test]
async fn repositories_with_nested_names() {
    let emu = start_with(0, 0).await;
    let c = client(&emu);
    let scope = RepositoryScope::Namespace("conf".into());
    let repos = c
        .list_all_instance_repositories(INSTANCE_ID, &scope)
        .await
        .unwrap();
    let names: Vec<&str> = repos.iter().map(|r| r.short_name()).collect();
    assert_eq!(names, ["plain", "team/svc"]);
    let svc = c
        .show_instance_repository(INSTANCE_ID, "conf", "team/svc")
        .await
        .unwrap();
    assert_eq!(
        (svc.tag_count, svc.artifact_count, svc.pull_count),
        (3, 2, 5)
    );
    assert_eq!(svc.namespace_name, "conf");
    c.update_instance_repository(INSTANCE_ID, "conf", "team/svc", "changed")
        .await
        .unwrap();
    let svc = c
        .show_instance_repository(INSTANCE_ID, "conf", "team/svc")
        .await
        .unwrap();
    assert_eq!(svc.description, "changed");
    // Only the nested one went: `team` alone or `svc` alone never existed.
    let missing = c
        .show_instance_repository(INSTANCE_ID, "conf", "team")
        .await
        .unwrap_err();
    assert_eq!(status_of(&missing), Some(404));
    c.delete_instance_repository(INSTANCE_ID, "conf", "team/svc")
        .await
        .unwrap();
    let gone = c
        .show_instance_repository(INSTANCE_ID, "conf", "team/svc")
        .await
        .unwrap_err();
    assert_eq!(status_of(&gone), Some(404));
    assert!(
        c.show_instance_repository(INSTANCE_ID, "conf", "plain")
            .await
            .is_ok()
    );

    // The instance-wide list, and narrowed to one namespace by id.
    let conf = c
        .show_instance_namespace(INSTANCE_ID, "conf")
        .await
        .unwrap();
    let whole = RepositoryScope::Instance { namespace_id: None };
    let every = c
        .list_all_instance_repositories(INSTANCE_ID, &whole)
        .await
        .unwrap();
    assert_eq!(every.len(), 1);
    let one = RepositoryScope::Instance {
        namespace_id: Some(conf.namespace_id),
    };
    let narrowed = c
        .list_all_instance_repositories(INSTANCE_ID, &one)
        .await
        .unwrap();
    assert_eq!(narrowed.len(), 1);
    emu.shutdown().await;
}

#[tokio::test]
async fn lists_walk_past_one_hundred() {
    let emu = start_with(250, 250).await;
    let c = client(&emu);
    let namespaces = c
        .list_all_instance_namespaces(INSTANCE_ID, &InstanceNamespaceFilter::default())
        .await
        .unwrap();
    assert_eq!(namespaces.len(), 253);
    let mut names: Vec<&str> = namespaces.iter().map(|n| n.name.as_str()).collect();
    names.dedup();
    assert_eq!(names.len(), 253, "every namespace once");
    let scope = RepositoryScope::Namespace("many".into());
    let repos = c
        .list_all_instance_repositories(INSTANCE_ID, &scope)
        .await
        .unwrap();
    let names: Vec<String> = repos.iter().map(|r| r.short_name().to_string()).collect();
    let expected: Vec<String> = (0..250).map(|i| format!("r{i:03}")).collect();
    assert_eq!(names, expected);
    // One page by hand: the total is the whole count; offsets must be multiples of the limit.
    let page = c
        .list_instance_repositories(
            INSTANCE_ID,
            &scope,
            OffsetPage {
                offset: 200,
                limit: 100,
            },
        )
        .await
        .unwrap();
    assert_eq!((page.total, page.repositories.len()), (250, 50));
    for bad in [
        OffsetPage {
            offset: 50,
            limit: 100,
        },
        OffsetPage {
            offset: 0,
            limit: 101,
        },
    ] {
        let e = c
            .list_instance_repositories(INSTANCE_ID, &scope, bad)
            .await
            .unwrap_err();
        assert_eq!(status_of(&e), Some(400), "{bad:?}");
    }
    emu.shutdown().await;
}

#[tokio::test]
async fn a_wrong_secret_key_is_refused_and_changes_nothing() {
    let emu = start_with(0, 0).await;
    let wrong = client_with(
        client_config(&emu),
        Credentials::aksk(
            swr_tui::emulator::DEMO_ACCESS_KEY,
            "not-the-secret-key-000000000000000000000",
        ),
    );
    let refused = [
        wrong
            .create_instance_namespace(INSTANCE_ID, "sneaky", true)
            .await
            .unwrap_err(),
        wrong
            .update_instance_namespace(INSTANCE_ID, "conf", false)
            .await
            .unwrap_err(),
        wrong
            .update_instance_repository(INSTANCE_ID, "conf", "team/svc", "x")
            .await
            .unwrap_err(),
        wrong
            .delete_instance_repository(INSTANCE_ID, "conf", "team/svc")
            .await
            .unwrap_err(),
        wrong
            .delete_instance_namespace(INSTANCE_ID, "empty")
            .await
            .unwrap_err(),
    ];
    for e in &refused {
        assert_eq!(status_of(e), Some(401), "{e}");
    }
    assert!(emu.stats().mutations.is_empty());
    let c = client(&emu);
    let conf = c
        .show_instance_namespace(INSTANCE_ID, "conf")
        .await
        .unwrap();
    assert!(conf.metadata.is_public());
    let svc = c
        .show_instance_repository(INSTANCE_ID, "conf", "team/svc")
        .await
        .unwrap();
    assert_eq!(svc.description, "seeded");
    assert!(
        c.show_instance_namespace(INSTANCE_ID, "empty")
            .await
            .is_ok()
    );
    emu.shutdown().await;
}

#[tokio::test]
async fn lists_complete_under_injected_failures() {
    let emu = start(EmulatorConfig {
        fail_rate: 0.3,
        ..config_with_seed(seed(250, 250))
    })
    .await;
    let c = client(&emu);
    for _ in 0..3 {
        let namespaces = c
            .list_all_instance_namespaces(INSTANCE_ID, &InstanceNamespaceFilter::default())
            .await
            .unwrap();
        assert_eq!(namespaces.len(), 253);
        let repos = c
            .list_all_instance_repositories(INSTANCE_ID, &RepositoryScope::Namespace("many".into()))
            .await
            .unwrap();
        assert_eq!(repos.len(), 250);
        assert_eq!(c.list_all_instances(None).await.unwrap().len(), 2);
    }
    assert!(emu.stats().injected_failures > 0);
    emu.shutdown().await;
}
