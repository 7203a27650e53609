//! The client against the emulator over real HTTP on loopback: every call the product uses,
//! with the emulator's state checked after each change.

mod support;

use std::collections::BTreeSet;

use support::emulator::*;
use swr_tui::emulator::EmulatorConfig;
use swr_tui::swr::ApiError;
use swr_tui::swr::client::{RepoListQuery, RepoListV3Query, TagListQuery, TagListV3Query};
use swr_tui::swr::model::{
    CreateAccessDomain, CreateRepo, CreateTag, UpdateAccessDomain, UpdateRepo, UserAuth,
};

fn code(e: &ApiError) -> (u16, String) {
    (e.status().unwrap_or(0), e.code().unwrap_or("").to_string())
}

#[tokio::test]
async fn organizations_list_show_create_delete() {
    let emu = start(config_with_seed(seed_with_tags(3))).await;
    let c = client(&emu);

    let names: Vec<_> = c
        .list_namespaces()
        .await
        .unwrap()
        .into_iter()
        .map(|n| (n.name, n.auth))
        .collect();
    assert_eq!(
        names,
        vec![("big".to_string(), 7), ("spare".to_string(), 7)]
    );
    assert_eq!(c.show_namespace("big").await.unwrap().name, "big");
    assert_eq!(code(&c.show_namespace("nope").await.unwrap_err()).0, 404);

    c.create_namespace("fresh-org").await.unwrap();
    assert!(emu.snapshot().orgs.contains_key("fresh-org"));
    let dup = c.create_namespace("fresh-org").await.unwrap_err();
    assert_eq!(code(&dup), (409, "SVCSTG.SWR.4090060".into()));

    // Refused before sending: the emulator sees no request.
    let before = emu.stats().requests;
    assert!(matches!(
        c.create_namespace("Bad_Name").await,
        Err(ApiError::Invalid(_))
    ));
    assert_eq!(emu.stats().requests, before);

    let not_empty = c.delete_namespace("big").await.unwrap_err();
    assert_eq!(code(&not_empty), (406, "SVCSTG.SWR.4060074".into()));
    assert!(emu.snapshot().orgs.contains_key("big"));
    c.delete_namespace("fresh-org").await.unwrap();
    assert!(!emu.snapshot().orgs.contains_key("fresh-org"));
}

#[tokio::test]
async fn organization_quota_is_enforced_and_reported() {
    let emu = start(config_with_seed(seed_with_tags(1))).await;
    let c = client(&emu);
    for name in ["q1", "q2", "q3"] {
        c.create_namespace(name).await.unwrap();
    }
    let over = c.create_namespace("q4").await.unwrap_err();
    assert_eq!(code(&over), (400, "SVCSTG.SWR.4000097".into()));
    let quotas = c.list_quotas().await.unwrap();
    let ns = quotas.iter().find(|q| q.quota_key == "namespace").unwrap();
    assert_eq!((ns.used, ns.quota_limit), (5, 5));
}

#[tokio::test]
async fn organization_permissions_round_trip() {
    let emu = start(config_with_seed(seed_with_tags(1))).await;
    let c = client(&emu);
    let alice = UserAuth {
        user_id: "u-0001".into(),
        user_name: "alice".into(),
        auth: 1,
    };

    c.create_namespace_access("big", std::slice::from_ref(&alice))
        .await
        .unwrap();
    assert!(emu.snapshot().orgs["big"].permissions.contains(&alice));
    let dup = c
        .create_namespace_access("big", std::slice::from_ref(&alice))
        .await
        .unwrap_err();
    assert_eq!(dup.status(), Some(409));

    let manage = UserAuth {
        auth: 7,
        ..alice.clone()
    };
    c.update_namespace_access("big", std::slice::from_ref(&manage))
        .await
        .unwrap();
    let access = c.show_namespace_access("big").await.unwrap();
    assert_eq!(access.self_auth.auth, 7);
    assert!(access.others_auths.contains(&manage));

    assert!(matches!(
        c.update_namespace_access(
            "big",
            &[UserAuth {
                auth: 2,
                ..alice.clone()
            }]
        )
        .await,
        Err(ApiError::Invalid(_))
    ));

    c.delete_namespace_access("big", &["u-0001".to_string()])
        .await
        .unwrap();
    assert!(
        emu.snapshot().orgs["big"]
            .permissions
            .iter()
            .all(|p| p.user_id != "u-0001")
    );
    let missing = c
        .delete_namespace_access("big", &["u-0001".to_string()])
        .await
        .unwrap_err();
    assert_eq!(missing.status(), Some(404));
}

#[tokio::test]
async fn repositories_list_show_create_update_delete() {
    let emu = start(config_with_seed(seed_with_tags(3))).await;
    let c = client(&emu);

    let all = c.list_all_repos(Some("big")).await.unwrap();
    let names: BTreeSet<_> = all.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, BTreeSet::from(["nginx", "team/web"]));
    let web = all.iter().find(|r| r.name == "team/web").unwrap();
    assert_eq!((web.num_images, web.namespace.as_str()), (3, "big"));
    assert!(web.path.ends_with("/big/team/web"), "{}", web.path);

    let page = c
        .list_repos_v2(&RepoListQuery {
            namespace: Some("big".into()),
            limit: Some(1),
            offset: Some(0),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!((page.items.len(), page.total), (1, Some(2)));

    let v3 = c.list_all_repos_v3(Some("big")).await.unwrap();
    assert_eq!(
        v3.iter().map(|r| r.name.as_str()).collect::<BTreeSet<_>>(),
        names
    );
    let v3_page = c
        .list_repos_v3(&RepoListV3Query {
            namespace: Some("big".into()),
            limit: Some(1),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(v3_page.repos.len(), 1);
    assert!(v3_page.next_marker.is_some());

    let shown = c.show_repo("big", "team/web").await.unwrap();
    assert_eq!(
        (
            shown.name.as_str(),
            shown.num_images,
            shown.category.as_str()
        ),
        ("team/web", 3, "linux")
    );

    let create = CreateRepo {
        repository: "tools/ci/runner".into(),
        is_public: false,
        category: Some("other".into()),
        description: Some("构建用的运行器".into()),
    };
    c.create_repo("spare", &create).await.unwrap();
    let dup = c.create_repo("spare", &create).await.unwrap_err();
    assert_eq!(dup.status(), Some(409));
    assert!(matches!(
        c.create_repo(
            "spare",
            &CreateRepo {
                repository: "Bad".into(),
                ..create.clone()
            }
        )
        .await,
        Err(ApiError::Invalid(_))
    ));

    c.update_repo(
        "spare",
        "tools/ci/runner",
        &UpdateRepo {
            is_public: true,
            category: Some("linux".into()),
            description: Some("line 1\nline 2".into()),
        },
    )
    .await
    .unwrap();
    let repo = &emu.snapshot().orgs["spare"].repos["tools/ci/runner"];
    assert_eq!(
        (
            repo.is_public,
            repo.category.as_str(),
            repo.description.as_str()
        ),
        (true, "linux", "line 1\nline 2")
    );

    c.delete_repo("spare", "tools/ci/runner").await.unwrap();
    assert!(emu.snapshot().orgs["spare"].repos.is_empty());
    assert_eq!(
        c.show_repo("spare", "tools/ci/runner")
            .await
            .unwrap_err()
            .status(),
        Some(404)
    );
}

#[tokio::test]
async fn repository_permissions_round_trip() {
    let emu = start(config_with_seed(seed_with_tags(1))).await;
    let c = client(&emu);
    let bob = UserAuth {
        user_id: "u-0002".into(),
        user_name: "bob".into(),
        auth: 3,
    };
    c.create_repo_access("big", "team/web", std::slice::from_ref(&bob))
        .await
        .unwrap();
    assert!(
        emu.snapshot().orgs["big"].repos["team/web"]
            .permissions
            .contains(&bob)
    );
    let read = UserAuth {
        auth: 1,
        ..bob.clone()
    };
    c.update_repo_access("big", "team/web", std::slice::from_ref(&read))
        .await
        .unwrap();
    let access = c.show_repo_access("big", "team/web").await.unwrap();
    assert_eq!(access.name, "team/web");
    assert!(access.others_auths.contains(&read));
    c.delete_repo_access("big", "team/web", &["u-0002".to_string()])
        .await
        .unwrap();
    assert!(
        emu.snapshot().orgs["big"].repos["team/web"]
            .permissions
            .is_empty()
    );
}

#[tokio::test]
async fn paging_2500_tags_through_v2_and_v3() {
    let emu = start(config_with_seed(seed_with_tags(2500))).await;
    let mut config = client_config(&emu);
    config.page_size = 100;
    let c = client_with(config, demo_credentials());

    let expected: BTreeSet<String> = (0..2500).map(|i| format!("t{i:05}")).collect();
    let v2 = c.list_all_tags("big", "team/web").await.unwrap();
    assert_eq!(v2.len(), 2500);
    assert_eq!(
        v2.iter().map(|t| t.tag.clone()).collect::<BTreeSet<_>>(),
        expected
    );
    assert!(
        v2.iter()
            .all(|t| t.digest.starts_with("sha256:") && t.digest.len() == 71)
    );
    assert!(v2[0].path.contains("/big/team/web:"), "{}", v2[0].path);

    let v3 = c.list_all_tags_v3("big", "team/web").await.unwrap();
    assert_eq!(v3.len(), 2500);
    assert_eq!(
        v3.iter().map(|t| t.tag.clone()).collect::<BTreeSet<_>>(),
        expected
    );

    let page = c
        .list_tags_v2(
            "big",
            "team/web",
            &TagListQuery {
                limit: Some(10),
                offset: Some(2490),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!((page.items.len(), page.total), (10, Some(2500)));
    let v3_page = c
        .list_tags_v3(
            "big",
            "team/web",
            &TagListV3Query {
                limit: Some(10),
                with_manifest: Some(true),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert!(v3_page.has_more && v3_page.tags.len() == 10);
    assert!(v3_page.tags[0].manifest.contains("schemaVersion"));
}

#[tokio::test]
async fn tags_show_retag_delete() {
    let emu = start(config_with_seed(seed_with_tags(3))).await;
    let c = client(&emu);
    let shown = c.show_tag("big", "team/web", "t00001").await.unwrap();
    assert_eq!(shown.tag, "t00001");

    c.create_tag(
        "big",
        "team/web",
        &CreateTag {
            source_tag: "t00001".into(),
            destination_tag: "stable".into(),
            r#override: None,
        },
    )
    .await
    .unwrap();
    let tags = &emu.snapshot().orgs["big"].repos["team/web"].tags;
    assert_eq!(
        tags["stable"], tags["t00001"],
        "a retag points at the same image"
    );
    let clash = c
        .create_tag(
            "big",
            "team/web",
            &CreateTag {
                source_tag: "t00002".into(),
                destination_tag: "stable".into(),
                r#override: None,
            },
        )
        .await
        .unwrap_err();
    assert_eq!(clash.status(), Some(409));
    assert!(matches!(
        c.create_tag(
            "big",
            "team/web",
            &CreateTag {
                source_tag: "t00001".into(),
                destination_tag: "-bad".into(),
                r#override: None
            }
        )
        .await,
        Err(ApiError::Invalid(_))
    ));

    c.delete_tag("big", "team/web", "stable").await.unwrap();
    assert!(
        !emu.snapshot().orgs["big"].repos["team/web"]
            .tags
            .contains_key("stable")
    );
    assert_eq!(
        c.delete_tag("big", "team/web", "stable")
            .await
            .unwrap_err()
            .status(),
        Some(404)
    );
    assert_eq!(
        c.show_tag("big", "team/web", "nope")
            .await
            .unwrap_err()
            .status(),
        Some(404)
    );
}

#[tokio::test]
async fn sharing_with_other_accounts() {
    let emu = start(config_with_seed(seed_with_tags(1))).await;
    let c = client(&emu);
    let share = CreateAccessDomain {
        access_domain: "partner".into(),
        permit: "read".into(),
        deadline: "forever".into(),
        description: Some("CI of the partner".into()),
    };
    c.create_access_domain("big", "team/web", &share)
        .await
        .unwrap();
    let listed = c.list_access_domains("big", "team/web").await.unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(
        (
            listed[0].access_domain.as_str(),
            listed[0].repository.as_str()
        ),
        ("partner", "team/web")
    );
    c.update_access_domain(
        "big",
        "team/web",
        "partner",
        &UpdateAccessDomain {
            permit: "read".into(),
            deadline: "2027-01-01T00:00:00.000Z".into(),
            description: None,
        },
    )
    .await
    .unwrap();
    assert_eq!(
        c.show_access_domain("big", "team/web", "partner")
            .await
            .unwrap()
            .deadline,
        "2027-01-01T00:00:00.000Z"
    );
    c.delete_access_domain("big", "team/web", "partner")
        .await
        .unwrap();
    assert!(
        emu.snapshot().orgs["big"].repos["team/web"]
            .shares
            .is_empty()
    );
}

#[tokio::test]
async fn login_secret_overview_users_and_project() {
    let emu = start(EmulatorConfig::demo()).await;
    let mut config = client_config(&emu);
    config.project_id = None;
    let c = client_with(config, demo_credentials());

    assert_eq!(
        c.project_id().await.unwrap(),
        swr_tui::emulator::DEMO_PROJECT_ID
    );
    let secret = c.create_login_secret().await.unwrap();
    assert!(
        secret
            .docker_login
            .starts_with("docker login -u cn-north-4@"),
        "{}",
        secret.docker_login
    );
    assert_eq!(secret.registry, "swr.cn-north-4.myhuaweicloud.com");
    assert!(!secret.expires_at.is_empty());
    // The emulator's login text is one the UI accepts to copy.
    let command = swr_tui::app::pull::login_command(&secret.docker_login, &secret.registry)
        .expect("a plain docker login");
    assert!(command.ends_with(" swr.cn-north-4.myhuaweicloud.com"));

    let overview = c.show_overview().await.unwrap();
    assert_eq!(overview.namespace_num, 4);
    assert!(overview.repo_num >= 10);

    let users = c.list_iam_users().await.unwrap();
    assert!(users.iter().any(|u| u.name == "alice"));
}

#[tokio::test]
async fn password_auth_obtains_a_token_and_uses_it() {
    let emu = start(EmulatorConfig::demo()).await;
    let c = client_with(
        client_config(&emu),
        swr_tui::swr::Credentials::Password {
            domain: "demo".into(),
            user: "alice".into(),
            password: "demo-password".into(),
        },
    );
    assert_eq!(c.list_namespaces().await.unwrap().len(), 4);

    let wrong = client_with(
        client_config(&emu),
        swr_tui::swr::Credentials::Password {
            domain: "demo".into(),
            user: "alice".into(),
            password: "nope".into(),
        },
    );
    assert_eq!(
        wrong.list_namespaces().await.unwrap_err().status(),
        Some(401)
    );
}

#[tokio::test]
async fn repository_names_with_slashes_travel_as_dollar() {
    let emu = start(EmulatorConfig::demo()).await;
    let c = client(&emu);
    let shown = c.show_repo("demo", "team/web").await.unwrap();
    assert_eq!(shown.name, "team/web");
    let web = c.list_all_tags("demo", "team/web").await.unwrap();
    assert!(!web.is_empty() && web.iter().all(|t| t.path.contains("/demo/team/web:")));
    let runner = c
        .list_all_tags("platform", "tools/ci/runner")
        .await
        .unwrap();
    assert!(
        runner.len() >= 2000,
        "the demo has a repository with at least 2,000 tags"
    );
}

#[tokio::test]
async fn quotas_answer_for_the_project_the_request_is_signed_for() {
    let emu = start(EmulatorConfig::demo()).await;
    let mut config = client_config(&emu);
    // A client configured with its own project id, as the official SDKs are.
    config.project_id = Some("7a3f0c1e9b2d4c5f8e6a1b3d5f7c9e01".into());
    let c = client_with(config, demo_credentials());
    let quotas = c
        .list_quotas()
        .await
        .expect("the caller's project is answered");
    assert!(quotas.iter().any(|q| q.quota_key == "namespace"));
}
