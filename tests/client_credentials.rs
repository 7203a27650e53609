//! The client's enterprise credential and statistics operations (E23–E28) against the emulator
//! over loopback: temporary credentials and their 24 h, the long-term life cycle, paging, errors,
//! wrong keys, statistics against the seed, and the seed's `credentials` key.

mod support;

use chrono::{DateTime, Duration, Utc};
use serde_json::{Value, json};
use support::emulator::*;
use swr_tui::emulator::Seed;
use swr_tui::swr::client::OffsetPage;
use swr_tui::swr::{ApiError, Credentials};

const INSTANCE_ID: &str = "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0";
const DIGEST: &str = "sha256:00000000000000000000000000000000000000000000000000000000000000aa";

/// Instance `ee-conf`: namespaces `conf` (`team/svc` with artifacts of 123 and 456 bytes,
/// `plain` without any) and `empty`; long-term credentials `ci-robot` (enabled), `old-laptop`
/// (disabled) and `extra` more `bulk000`…; and an instance `ee-new` without credentials.
fn seed(extra: usize) -> Seed {
    let mut credentials = vec![
        json!({"name": "ci-robot", "enable": true, "created": "2026-01-02T00:00:00Z"}),
        json!({"name": "old-laptop", "enable": false}),
    ];
    credentials.extend((0..extra).map(|i| json!({"name": format!("bulk{i:03}")})));
    let seed = json!({"instances": [
        {"id": INSTANCE_ID, "name": "ee-conf", "credentials": credentials, "namespaces": [
            {"name": "conf", "public": true, "repos": [
                {"name": "team/svc", "artifacts": [
                    {"digest": DIGEST, "size": 123, "tags": ["v1"]}, {"size": 456, "tags": ["v2"]}]},
                {"name": "plain"}]},
            {"name": "empty"}]},
        {"name": "ee-new"}
    ]});
    Seed::from_json(&seed.to_string()).expect("test seed parses")
}

async fn start_with(extra: usize) -> swr_tui::emulator::Emulator {
    start(config_with_seed(seed(extra))).await
}

fn time(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .unwrap_or_else(|e| panic!("{text:?} is not RFC 3339: {e}"))
        .with_timezone(&Utc)
}

fn assert_not_found(e: &ApiError) {
    assert_eq!(e.status(), Some(404), "{e}");
    assert!(
        e.code().is_some_and(|c| c.starts_with("SVCSTG.SWR.")),
        "{e}"
    );
}

#[tokio::test]
async fn a_temporary_credential_is_valid_for_24_hours_and_never_listed() {
    let emu = start_with(0).await;
    let c = client(&emu);
    let before = Utc::now();
    let issued = c
        .create_instance_temp_credential(INSTANCE_ID)
        .await
        .unwrap();
    let after = Utc::now();
    assert!(!issued.auth_token.is_empty() && !issued.token_id.is_empty());
    assert!(!issued.user_id.is_empty());
    let expires = time(&issued.expire_date);
    assert!(expires >= before + Duration::hours(24) - Duration::seconds(1));
    assert!(expires <= after + Duration::hours(24) + Duration::seconds(1));
    assert_eq!(
        time(&issued.expire_date) - time(&issued.created_at),
        Duration::hours(24)
    );
    let second = c
        .create_instance_temp_credential(INSTANCE_ID)
        .await
        .unwrap();
    assert_ne!(
        second.auth_token, issued.auth_token,
        "tokens are not repeated"
    );
    let listed = c
        .list_all_instance_long_term_credentials(INSTANCE_ID)
        .await
        .unwrap();
    assert!(listed.iter().all(|l| l.token_id != issued.token_id));
    assert_eq!(listed.len(), 2);
    emu.shutdown().await;
}

#[tokio::test]
async fn a_long_term_credential_is_created_listed_disabled_and_deleted() {
    let emu = start_with(0).await;
    let c = client(&emu);
    let issued = c
        .create_instance_long_term_credential(INSTANCE_ID, "deploy-bot")
        .await
        .unwrap();
    let token = issued.auth_token.expose().to_string();
    assert!(token.len() >= 32, "a token that cannot be guessed");
    assert!(!token.contains("deploy"));
    let page = c
        .list_instance_long_term_credentials(INSTANCE_ID, OffsetPage::default())
        .await
        .unwrap();
    assert_eq!(page.total, 3);
    let listed_json = serde_json::to_string(&page).unwrap();
    assert!(!listed_json.contains(&token), "the list shows the secret");
    let mine = page
        .auth_tokens
        .iter()
        .find(|l| l.token_id == issued.token_id)
        .expect("the new credential is listed");
    assert_eq!(mine.name, "deploy-bot");
    assert!(mine.enable);
    assert_eq!(mine.instance_id, INSTANCE_ID);
    assert_eq!(mine.user_id, issued.user_id);

    c.set_instance_long_term_credential_enabled(INSTANCE_ID, &issued.token_id, false)
        .await
        .unwrap();
    let enabled_of = |list: &[swr_tui::swr::enterprise::LongTermCredential]| {
        list.iter()
            .find(|l| l.token_id == issued.token_id)
            .map(|l| l.enable)
    };
    let listed = c
        .list_all_instance_long_term_credentials(INSTANCE_ID)
        .await
        .unwrap();
    assert_eq!(enabled_of(&listed), Some(false));
    c.set_instance_long_term_credential_enabled(INSTANCE_ID, &issued.token_id, true)
        .await
        .unwrap();
    let listed = c
        .list_all_instance_long_term_credentials(INSTANCE_ID)
        .await
        .unwrap();
    assert_eq!(enabled_of(&listed), Some(true));

    c.delete_instance_long_term_credential(INSTANCE_ID, &issued.token_id)
        .await
        .unwrap();
    let listed = c
        .list_all_instance_long_term_credentials(INSTANCE_ID)
        .await
        .unwrap();
    assert_eq!(enabled_of(&listed), None);
    let names: Vec<&str> = listed.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(names, ["ci-robot", "old-laptop"]);
    emu.shutdown().await;
}

#[tokio::test]
async fn unknown_credentials_and_instances_are_404() {
    let emu = start_with(0).await;
    let c = client(&emu);
    assert_not_found(
        &c.set_instance_long_term_credential_enabled(INSTANCE_ID, "no-such-id", false)
            .await
            .unwrap_err(),
    );
    assert_not_found(
        &c.delete_instance_long_term_credential(INSTANCE_ID, "no-such-id")
            .await
            .unwrap_err(),
    );
    assert_not_found(&c.create_instance_temp_credential("nope").await.unwrap_err());
    assert_not_found(
        &c.create_instance_long_term_credential("nope", "ci")
            .await
            .unwrap_err(),
    );
    assert_not_found(
        &c.list_all_instance_long_term_credentials("nope")
            .await
            .unwrap_err(),
    );
    assert_not_found(&c.show_instance_statistics("nope").await.unwrap_err());
    assert!(emu.stats().mutations.is_empty());
    emu.shutdown().await;
}

#[tokio::test]
async fn the_long_term_list_pages_past_100() {
    let emu = start_with(118).await;
    let c = client(&emu);
    let first = c
        .list_instance_long_term_credentials(
            INSTANCE_ID,
            OffsetPage {
                offset: 0,
                limit: 50,
            },
        )
        .await
        .unwrap();
    assert_eq!((first.auth_tokens.len(), first.total), (50, 120));
    let all = c
        .list_all_instance_long_term_credentials(INSTANCE_ID)
        .await
        .unwrap();
    assert_eq!(all.len(), 120);
    let mut ids: Vec<&str> = all.iter().map(|l| l.token_id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 120, "every credential once");
    assert_eq!(all[0].name, "ci-robot");
    assert_eq!(all[119].name, "bulk117");
    let none = c
        .list_all_instance_long_term_credentials("ee-new")
        .await
        .unwrap();
    assert!(none.is_empty());
    emu.shutdown().await;
}

#[tokio::test]
async fn a_wrong_secret_key_is_refused_and_changes_nothing() {
    let emu = start_with(0).await;
    let wrong = client_with(
        client_config(&emu),
        Credentials::aksk(
            swr_tui::emulator::DEMO_ACCESS_KEY,
            "not-the-secret-key-000000000000000000000",
        ),
    );
    let c = client(&emu);
    let robot = c
        .list_all_instance_long_term_credentials(INSTANCE_ID)
        .await
        .unwrap()[0]
        .token_id
        .clone();
    let refused = [
        wrong
            .create_instance_temp_credential(INSTANCE_ID)
            .await
            .unwrap_err(),
        wrong
            .create_instance_long_term_credential(INSTANCE_ID, "sneaky")
            .await
            .unwrap_err(),
        wrong
            .set_instance_long_term_credential_enabled(INSTANCE_ID, &robot, false)
            .await
            .unwrap_err(),
        wrong
            .delete_instance_long_term_credential(INSTANCE_ID, &robot)
            .await
            .unwrap_err(),
        wrong
            .list_all_instance_long_term_credentials(INSTANCE_ID)
            .await
            .unwrap_err(),
        wrong
            .show_instance_statistics(INSTANCE_ID)
            .await
            .unwrap_err(),
    ];
    for e in &refused {
        assert_eq!(e.status(), Some(401), "{e}");
    }
    assert!(emu.stats().mutations.is_empty());
    let listed = c
        .list_all_instance_long_term_credentials(INSTANCE_ID)
        .await
        .unwrap();
    let state: Vec<(&str, bool)> = listed.iter().map(|l| (l.name.as_str(), l.enable)).collect();
    assert_eq!(state, [("ci-robot", true), ("old-laptop", false)]);
    emu.shutdown().await;
}

#[tokio::test]
async fn statistics_count_what_the_instance_holds() {
    let emu = start_with(0).await;
    let c = client(&emu);
    let stats = c.show_instance_statistics(INSTANCE_ID).await.unwrap();
    assert_eq!(stats.total_namespace_count, 2);
    assert_eq!(stats.total_image_count, 2);
    assert_eq!(stats.storage_used, 123 + 456);
    assert!(stats.namespace_quota > 0 && stats.image_repo_quota > 0);
    assert!(stats.long_term_quota > 0);
    c.delete_instance_repository(INSTANCE_ID, "conf", "team/svc")
        .await
        .unwrap();
    c.create_instance_namespace(INSTANCE_ID, "third", false)
        .await
        .unwrap();
    let after = c.show_instance_statistics(INSTANCE_ID).await.unwrap();
    assert_eq!(
        (
            after.total_namespace_count,
            after.total_image_count,
            after.storage_used
        ),
        (3, 1, 0)
    );
    let new = c.show_instance_statistics("ee-new").await.unwrap();
    assert_eq!((new.total_namespace_count, new.storage_used), (0, 0));
    emu.shutdown().await;
}

#[tokio::test]
async fn an_issued_credential_never_prints_its_token() {
    let emu = start_with(0).await;
    let c = client(&emu);
    for issued in [
        c.create_instance_temp_credential(INSTANCE_ID)
            .await
            .unwrap(),
        c.create_instance_long_term_credential(INSTANCE_ID, "printer")
            .await
            .unwrap(),
    ] {
        let token = issued.auth_token.expose();
        assert!(!token.is_empty());
        let printed = format!("{issued:?} {}", issued.auth_token);
        assert!(!printed.contains(token), "{printed}");
        assert!(printed.contains(&issued.token_id));
    }
    emu.shutdown().await;
}

#[tokio::test]
async fn invalid_names_and_ids_are_refused_before_any_request() {
    let emu = start_with(0).await;
    let c = client(&emu);
    let sent = emu.stats().requests;
    let long = "a".repeat(65);
    for name in ["", "CI", "-ci", "ci-", "c..i", "c i", "c/i", long.as_str()] {
        let e = c
            .create_instance_long_term_credential(INSTANCE_ID, name)
            .await
            .unwrap_err();
        assert!(matches!(e, ApiError::Invalid(_)), "{name:?}: {e}");
    }
    for id in ["", ".", ".."] {
        let e = c
            .delete_instance_long_term_credential(INSTANCE_ID, id)
            .await
            .unwrap_err();
        assert!(matches!(e, ApiError::Invalid(_)), "{id:?}: {e}");
        let e = c
            .set_instance_long_term_credential_enabled(INSTANCE_ID, id, true)
            .await
            .unwrap_err();
        assert!(matches!(e, ApiError::Invalid(_)), "{id:?}: {e}");
    }
    assert_eq!(emu.stats().requests, sent, "nothing was sent");
    assert_eq!(
        c.list_all_instance_long_term_credentials(INSTANCE_ID)
            .await
            .unwrap()
            .len(),
        2
    );
    emu.shutdown().await;
}

#[tokio::test]
async fn the_emulator_refuses_what_the_client_would_not_send() {
    let emu = start_with(0).await;
    let path = format!(
        "/v2/{}/instances/{INSTANCE_ID}",
        swr_tui::emulator::DEMO_PROJECT_ID
    );
    let bad_name = support::signed::call(
        &emu,
        "POST",
        &format!("{path}/long-term-credential"),
        &[],
        Some(r#"{"name":"Not Valid"}"#),
        support::signed::GOOD,
    )
    .await;
    assert_eq!(bad_name.status, 400);
    let robot = support::signed::get(&emu, &format!("{path}/long-term-credentials"), &[])
        .await
        .json()["auth_tokens"][0]["token_id"]
        .as_str()
        .unwrap()
        .to_string();
    let string_enable = support::signed::call(
        &emu,
        "PUT",
        &format!("{path}/long-term-credentials/{robot}"),
        &[],
        Some(r#"{"enable":"false"}"#),
        support::signed::GOOD,
    )
    .await;
    assert_eq!(string_enable.status, 400, "enable must be a JSON boolean");
    let over = support::signed::get(
        &emu,
        &format!("{path}/long-term-credentials"),
        &[("limit", "101"), ("offset", "0")],
    )
    .await;
    assert_eq!(over.status, 400);
    let created = support::signed::call(
        &emu,
        "POST",
        &format!("{path}/temp-credential"),
        &[],
        None,
        support::signed::GOOD,
    )
    .await;
    assert_eq!(created.status, 201);
    assert!(emu.stats().mutations.iter().all(|m| !m.contains("PUT")));
    emu.shutdown().await;
}

#[test]
fn the_seed_key_loads_and_names_what_is_broken() {
    let st = seed(0).build_state("cn-north-4", "p").unwrap();
    let listed = st.list_long_term_credentials("ee-conf").unwrap();
    assert_eq!(listed.len(), 2);
    assert_eq!(listed[0].created_at, "2026-01-02T00:00:00Z");
    assert!(listed[0].enable && !listed[1].enable);
    let broken = |credentials: Value| {
        let seed =
            json!({"instances": [{"name": "ok"}, {"name": "ee", "credentials": credentials}]});
        Seed::from_json(&seed.to_string())
            .map_err(|e| e.to_string())
            .and_then(|s| s.build_state("cn-north-4", "p").map_err(|e| e.to_string()))
            .unwrap_err()
    };
    for (credentials, needle) in [
        (
            json!([{"name": "UPPER"}]),
            "instances[1].credentials[0].name",
        ),
        (
            json!([{"name": "a"}, {"name": ""}]),
            "instances[1].credentials[1].name",
        ),
        (
            json!([{"name": "a", "created": "yesterday"}]),
            "instances[1].credentials[0].created",
        ),
        (json!([{"name": "a", "auth_token": "x"}]), "unknown field"),
        (json!([{"enable": false}]), "name"),
        (json!({"name": "a"}), "invalid type"),
    ] {
        let e = broken(credentials.clone());
        assert!(e.contains(needle), "{credentials}: {e}");
    }
}
