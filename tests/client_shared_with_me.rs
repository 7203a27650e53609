//! Repositories other accounts share with this one: the client's `center=thirdparty` list
//! against the emulator over real HTTP, and the emulator's wire answers for it (v2 pages with
//! `Content-Range`, v3), expired shares included.

mod support;

use support::emulator::*;
use support::signed::{self, get};
use swr_tui::emulator::{EmulatorConfig, Seed};

/// A seed with one own repository shared with another account (`center=self`) and `count`
/// repositories others share with us, `owner/repo-00000`…; every third one expired.
fn seed_shared_with_me(count: usize) -> Seed {
    let shared: Vec<_> = (0..count)
        .map(|i| {
            let deadline = if i % 3 == 2 {
                "2020-01-31T00:00:00.000Z"
            } else {
                "forever"
            };
            serde_json::json!({
                "namespace": "owner", "name": format!("repo-{i:05}"),
                "domain_name": format!("account-{}", i % 7), "deadline": deadline,
                "tags": [format!("v{i}"), "latest"]
            })
        })
        .collect();
    let seed = serde_json::json!({
        "namespaces": [{"name": "mine", "repos": [{
            "name": "app", "is_public": false, "tags": [{"tag": "1.0"}],
            "shares": [{"access_domain": "friend", "deadline": "forever", "description": ""}]
        }]}],
        "shared_with_me": shared,
    });
    Seed::from_json(&seed.to_string()).expect("test seed parses")
}

#[tokio::test]
async fn the_demo_accounts_shares_with_me_expired_one_included() {
    let emu = start(EmulatorConfig::demo()).await;
    let list = client(&emu).list_all_shared_with_me().await.unwrap();
    let rows: Vec<_> = list
        .iter()
        .map(|r| {
            (
                format!("{}/{}", r.namespace, r.name),
                r.domain_name.as_str(),
                r.status,
                r.tags.clone(),
                r.num_images,
            )
        })
        .collect();
    assert_eq!(
        rows,
        vec![
            (
                "partner-tools/builder".to_string(),
                "partner-co",
                true,
                vec!["1.4.0".to_string(), "latest".to_string()],
                2
            ),
            // Its deadline (2026-01-31) is past: still listed, marked not valid.
            (
                "vendor/agent".to_string(),
                "vendor-inc",
                false,
                vec!["2.0".to_string()],
                1
            ),
        ]
    );
    assert_eq!(list[0].description, "shared build image");
    emu.shutdown().await;
}

#[tokio::test]
async fn repositories_i_share_are_not_shared_with_me() {
    let emu = start(config_with_seed(seed_shared_with_me(2))).await;
    let c = client(&emu);
    let names: Vec<_> = c
        .list_all_shared_with_me()
        .await
        .unwrap()
        .into_iter()
        .map(|r| format!("{}/{}", r.namespace, r.name))
        .collect();
    assert_eq!(names, ["owner/repo-00000", "owner/repo-00001"]);
    // The account's own shared repository is in the other list only.
    let mine = get(
        &emu,
        "/v2/manage/shared-repositories",
        &[("center", "self"), ("limit", "10"), ("offset", "0")],
    )
    .await
    .json();
    let mine: Vec<_> = mine
        .as_array()
        .unwrap()
        .iter()
        .map(|r| format!("{}/{}", r["namespace"], r["name"]))
        .collect();
    assert_eq!(mine, [r#""mine"/"app""#]);
    emu.shutdown().await;
}

#[tokio::test]
async fn a_long_list_comes_in_bounded_pages_in_order() {
    let emu = start(config_with_seed(seed_shared_with_me(2_345))).await;
    let before = emu.stats().requests;
    let list = client(&emu).list_all_shared_with_me().await.unwrap();
    assert_eq!(list.len(), 2_345);
    assert!(
        list.iter()
            .enumerate()
            .all(|(i, r)| r.name == format!("repo-{i:05}"))
    );
    assert_eq!(list.iter().filter(|r| !r.status).count(), 2_345 / 3);
    // 1,000 a page: three pages, none asked past the end.
    assert_eq!(emu.stats().requests - before, 3);
    emu.shutdown().await;
}

#[tokio::test]
async fn v2_thirdparty_pages_carry_content_range_and_status() {
    let emu = start(config_with_seed(seed_shared_with_me(5))).await;
    let path = "/v2/manage/shared-repositories";
    let r = get(
        &emu,
        path,
        &[("center", "thirdparty"), ("limit", "2"), ("offset", "2")],
    )
    .await;
    assert_eq!(r.status, 200);
    assert_eq!(r.headers["content-range"].to_str().unwrap(), "2-2/5");
    let page = r.json();
    let page = page.as_array().unwrap();
    assert_eq!(page.len(), 2);
    // repo-00002 is expired: listed, `status` false; its tags and owner as seeded.
    assert_eq!(page[0]["name"], "repo-00002");
    assert_eq!(page[0]["status"], false);
    assert_eq!(page[0]["domain_name"], "account-2");
    assert_eq!(page[0]["tags"], serde_json::json!(["v2", "latest"]));
    assert_eq!(page[0]["total_range"], 5);
    assert_eq!(page[1]["name"], "repo-00003");
    assert_eq!(page[1]["status"], true);
    // Past the end: an empty page.
    let r = get(
        &emu,
        path,
        &[("center", "thirdparty"), ("limit", "2"), ("offset", "6")],
    )
    .await;
    assert_eq!(r.json(), serde_json::json!([]));
    // `center` is required.
    let r = get(&emu, path, &[("limit", "2"), ("offset", "0")]).await;
    assert_eq!(r.status, 400);
    emu.shutdown().await;
}

#[tokio::test]
async fn v3_thirdparty_lists_owner_and_status() {
    let emu = signed::demo().await;
    let r = get(
        &emu,
        "/v3/manage/shared-repositories",
        &[("shared_by", "thirdparty")],
    )
    .await;
    assert_eq!(r.status, 200);
    let body = r.json();
    let repos: Vec<_> = body["repos"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["namespace_name"].as_str().unwrap().to_string(),
                r["name"].as_str().unwrap().to_string(),
                r["domain_name"].as_str().unwrap().to_string(),
                r["status"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        repos,
        [
            (
                "partner-tools".into(),
                "builder".into(),
                "partner-co".into(),
                true
            ),
            ("vendor".into(), "agent".into(), "vendor-inc".into(), false),
        ]
    );
    assert!(body.get("nextMarker").is_none());
    let r = get(&emu, "/v3/manage/shared-repositories", &[]).await;
    assert_eq!(r.status, 400);
    emu.shutdown().await;
}
