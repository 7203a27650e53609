//! Retention rules, client against the emulator over real HTTP: the six calls, the rule applied
//! at once on create and update, exceptions kept, histories paged, and refusals.

mod support;

use support::emulator::*;
use swr_tui::swr::ApiError;
use swr_tui::swr::client::retention::{Keep, RetentionRule, TagSelector};

fn code(e: &ApiError) -> (u16, String) {
    (e.status().unwrap_or(0), e.code().unwrap_or("").to_string())
}

fn tag_names(emu: &swr_tui::emulator::Emulator) -> Vec<String> {
    let snap = emu.snapshot();
    let mut names: Vec<String> = snap.orgs["big"].repos["team/web"]
        .tags
        .keys()
        .cloned()
        .collect();
    names.sort();
    names
}

fn label(p: &str) -> TagSelector {
    TagSelector {
        kind: "label".into(),
        pattern: p.into(),
    }
}

fn regexp(p: &str) -> TagSelector {
    TagSelector {
        kind: "regexp".into(),
        pattern: p.into(),
    }
}

#[tokio::test]
async fn tag_rule_keeps_the_newest_k_plus_exceptions() {
    let emu = start(config_with_seed(seed_with_tags(20))).await;
    let c = client(&emu);
    assert!(
        c.list_retentions("big", "team/web")
            .await
            .unwrap()
            .is_empty()
    );

    // Newest are t00019, t00018, …; t00000 (a label) and t0001x (a regexp) are exceptions.
    let rule = Keep::Newest(3).rule(vec![label("t00000"), regexp("^t0000[12]$")]);
    let id = c.create_retention("big", "team/web", &rule).await.unwrap();
    assert_eq!(
        tag_names(&emu),
        vec!["t00000", "t00001", "t00002", "t00017", "t00018", "t00019"]
    );

    let listed = c.list_retentions("big", "team/web").await.unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].id, id);
    assert_eq!(listed[0].rules, vec![rule.clone()]);
    assert_eq!(
        c.show_retention("big", "team/web", id).await.unwrap().rules[0],
        rule
    );

    // 20 - 6 = 14 deleted, each in the history with the rule as a JSON string.
    let all = c
        .list_all_retention_histories("big", "team/web")
        .await
        .unwrap();
    assert_eq!(all.len(), 14);
    assert!(
        all.iter()
            .all(|l| l.retention_id == id && l.repo == "team/web")
    );
    let parsed: RetentionRule = serde_json::from_str(&all[0].rule_type).unwrap();
    assert_eq!(parsed, rule);
    let page = c
        .list_retention_histories("big", "team/web", 10, 10)
        .await
        .unwrap();
    assert_eq!((page.retention_log.len(), page.total), (4, 14));
}

#[tokio::test]
async fn update_applies_at_once_and_delete_removes_the_rule() {
    let emu = start(config_with_seed(seed_with_tags(10))).await;
    let c = client(&emu);
    let id = c
        .create_retention("big", "team/web", &Keep::Newest(8).rule(vec![]))
        .await
        .unwrap();
    assert_eq!(tag_names(&emu).len(), 8);

    // A second rule on the same repository is refused.
    let dup = c
        .create_retention("big", "team/web", &Keep::Newest(1).rule(vec![]))
        .await
        .unwrap_err();
    assert_eq!(code(&dup), (409, "SVCSTG.SWR.4090006".into()));
    assert_eq!(tag_names(&emu).len(), 8);

    c.update_retention("big", "team/web", id, &Keep::Newest(2).rule(vec![]))
        .await
        .unwrap();
    assert_eq!(tag_names(&emu), vec!["t00008", "t00009"]);

    c.delete_retention("big", "team/web", id).await.unwrap();
    assert!(
        c.list_retentions("big", "team/web")
            .await
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        code(&c.show_retention("big", "team/web", id).await.unwrap_err()).0,
        404
    );
    assert_eq!(
        code(&c.delete_retention("big", "team/web", id).await.unwrap_err()).0,
        404
    );
}

#[tokio::test]
async fn date_rule_deletes_tags_older_than_n_days() {
    // The seed's tags were pushed on 2026-01-01: a 1-day rule deletes all but the exception.
    let emu = start(config_with_seed(seed_with_tags(5))).await;
    let c = client(&emu);
    c.create_retention(
        "big",
        "team/web",
        &Keep::Days(1).rule(vec![label("t00003")]),
    )
    .await
    .unwrap();
    assert_eq!(tag_names(&emu), vec!["t00003"]);
}

#[tokio::test]
async fn invalid_rules_are_refused_before_sending_and_by_the_emulator() {
    let emu = start(config_with_seed(seed_with_tags(3))).await;
    let c = client(&emu);
    let before = emu.stats().requests;
    for bad in [
        Keep::Days(0).rule(vec![]),
        Keep::Days(366).rule(vec![]),
        Keep::Newest(1001).rule(vec![]),
        Keep::Newest(1).rule(vec![regexp("(")]),
        Keep::Newest(1).rule(vec![TagSelector {
            kind: "glob".into(),
            pattern: "x".into(),
        }]),
    ] {
        assert!(matches!(
            c.create_retention("big", "team/web", &bad).await,
            Err(ApiError::Invalid(_))
        ));
    }
    assert!(matches!(
        c.list_retentions("big", "../x").await,
        Err(ApiError::Invalid(_))
    ));
    assert_eq!(emu.stats().requests, before);
    assert_eq!(tag_names(&emu).len(), 3);

    // The emulator refuses the same on the wire (raw body, bypassing the client's check).
    let http = reqwest::Client::new();
    let url = format!(
        "{}/v2/manage/namespaces/big/repos/team$web/retentions",
        emu.url()
    );
    let resp = http
        .post(url)
        .body(r#"{"algorithm":"or","rules":[{"template":"tag_rule","params":{"num":"0"},"tag_selectors":[]}]}"#)
        .send()
        .await
        .unwrap();
    // Unsigned → 401 before validation, or 400: either way nothing is deleted.
    assert!(resp.status().is_client_error());
    assert_eq!(tag_names(&emu).len(), 3);
    assert_eq!(
        code(&c.list_retentions("big", "nope").await.unwrap_err()).0,
        404
    );
}

#[tokio::test]
async fn a_deleted_repository_takes_its_rule_and_history_along() {
    let emu = start(config_with_seed(seed_with_tags(5))).await;
    let c = client(&emu);
    let rule = Keep::Newest(2).rule(vec![]);
    c.create_retention("big", "team/web", &rule).await.unwrap();
    assert_eq!(
        c.list_all_retention_histories("big", "team/web")
            .await
            .unwrap()
            .len(),
        3
    );
    c.delete_repo("big", "team/web").await.unwrap();
    let again = swr_tui::swr::model::CreateRepo {
        repository: "team/web".into(),
        is_public: false,
        category: None,
        description: None,
    };
    c.create_repo("big", &again).await.unwrap();
    assert!(
        c.list_retentions("big", "team/web")
            .await
            .unwrap()
            .is_empty()
    );
    let history = c.list_all_retention_histories("big", "team/web").await;
    assert!(history.unwrap().is_empty());
    // A new rule is not a second one (no 409).
    c.create_retention("big", "team/web", &rule).await.unwrap();
}
