//! The emulator over real HTTP: signature and token checks, wire details (headers, keys,
//! `$` paths), status codes and error bodies. Requests are signed by `support::signed`, not by
//! the real client; the fault knobs have their own file.

mod support;

use support::signed::*;

use serde_json::Value;
use swr_tui::emulator::{DEMO_PROJECT_ID, DEMO_SECRET_KEY};

#[tokio::test]
async fn bad_signature_is_rejected_and_changes_nothing() {
    let emu = demo().await;
    let before = emu.snapshot();
    let wrong = Auth::Sign {
        secret: "not-the-secret",
        date_offset_secs: 0,
    };
    let r = call(
        &emu,
        "POST",
        "/v2/manage/namespaces",
        &[],
        Some(r#"{"namespace":"newone"}"#),
        wrong,
    )
    .await;
    assert_eq!(r.status, 401);
    let body = r.json();
    assert_eq!(body["error_code"], "APIGW.0301");
    assert!(
        body["error_msg"]
            .as_str()
            .unwrap()
            .contains("verify aksk signature fail")
    );
    assert!(body["request_id"].as_str().is_some_and(|s| !s.is_empty()));
    let r = call(
        &emu,
        "DELETE",
        "/v2/manage/namespaces/demo/repos/team%24web/tags/1.0.0",
        &[],
        None,
        wrong,
    )
    .await;
    assert_eq!(r.status, 401);
    assert_eq!(emu.snapshot(), before);
    assert_eq!(emu.stats().unauthorized, 2);
    assert!(emu.stats().mutations.is_empty());
    // The same request signed correctly goes through.
    let r = call(
        &emu,
        "POST",
        "/v2/manage/namespaces",
        &[],
        Some(r#"{"namespace":"newone"}"#),
        GOOD,
    )
    .await;
    assert_eq!(r.status, 201, "{}", r.body);
    assert!(emu.snapshot().orgs.contains_key("newone"));
    emu.shutdown().await;
}

#[tokio::test]
async fn stale_or_unsigned_requests_are_rejected() {
    let emu = demo().await;
    let stale = Auth::Sign {
        secret: DEMO_SECRET_KEY,
        date_offset_secs: -16 * 60,
    };
    assert_eq!(
        call(&emu, "GET", "/v2/manage/namespaces", &[], None, stale)
            .await
            .status,
        401
    );
    let future = Auth::Sign {
        secret: DEMO_SECRET_KEY,
        date_offset_secs: 16 * 60,
    };
    assert_eq!(
        call(&emu, "GET", "/v2/manage/namespaces", &[], None, future)
            .await
            .status,
        401
    );
    let skew_ok = Auth::Sign {
        secret: DEMO_SECRET_KEY,
        date_offset_secs: -5 * 60,
    };
    assert_eq!(
        call(&emu, "GET", "/v2/manage/namespaces", &[], None, skew_ok)
            .await
            .status,
        200
    );
    let plain = reqwest::Client::builder().no_proxy().build().unwrap();
    let r = plain
        .get(format!("{}/v2/manage/namespaces", emu.url()))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 401);
    // A signature over a different query does not verify.
    let r = get(&emu, "/v2/manage/repos", &[("namespace", "demo")]).await;
    assert_eq!(r.status, 200);
    emu.shutdown().await;
}

#[tokio::test]
async fn v2_lists_have_content_range_and_capital_tag() {
    let emu = demo().await;
    let r = get(&emu, "/v2/manage/repos", &[("limit", "5"), ("offset", "0")]).await;
    assert_eq!(r.status, 200);
    let total = r.json().as_array().unwrap()[0]["total_range"]
        .as_i64()
        .unwrap();
    assert_eq!(
        r.headers["content-range"].to_str().unwrap(),
        format!("0-5/{total}")
    );
    let r = get(&emu, "/v2/manage/repos", &[("limit", "5")]).await;
    assert!(
        r.headers.get("content-range").is_none(),
        "only when both offset and limit are sent"
    );
    let r = get(
        &emu,
        "/v2/manage/repos",
        &[("filter", "namespace::demo|offset::2|limit::2")],
    )
    .await;
    assert_eq!(r.headers["content-range"].to_str().unwrap(), "2-2/4");
    assert_eq!(
        get(&emu, "/v2/manage/repos", &[("limit", "1001")])
            .await
            .json()["error_code"],
        "SVCSTG.SWR.4000056"
    );

    let path = "/v2/manage/namespaces/platform/repos/tools%24ci%24runner/tags";
    let r = get(&emu, path, &[("limit", "100"), ("offset", "200")]).await;
    assert_eq!(r.headers["content-range"].to_str().unwrap(), "200-100/2401");
    let tags = r.json();
    let first = &tags.as_array().unwrap()[0];
    assert!(
        first["Tag"]
            .as_str()
            .is_some_and(|t| t.starts_with("build-"))
    );
    assert!(first.get("tag").is_none());
    assert!(first.get("deleted").is_some() && first.get("scanned").is_some());

    let v3 = get(
        &emu,
        "/v3/manage/namespaces/platform/repos/tools%24ci%24runner/tags",
        &[("limit", "1000")],
    )
    .await
    .json();
    assert_eq!(v3["tags"].as_array().unwrap().len(), 1000);
    assert_eq!(v3["has_more"], true);
    assert!(v3["tags"][0]["tag"].is_string() && v3["tags"][0].get("Tag").is_none());
    let marker = v3["nextMarker"].as_str().unwrap().to_string();
    let next = get(
        &emu,
        "/v3/manage/namespaces/platform/repos/tools%24ci%24runner/tags",
        &[("limit", "1000"), ("marker", &marker)],
    )
    .await
    .json();
    assert_ne!(next["tags"][0]["tag"].as_str().unwrap(), marker);
    let v3repos = get(&emu, "/v3/manage/repos", &[("limit", "100")])
        .await
        .json();
    assert!(v3repos["repos"].as_array().unwrap().len() >= 12);
    assert!(v3repos.get("nextMarker").is_none());
    emu.shutdown().await;
}

#[tokio::test]
async fn dollar_paths_statuses_and_validation() {
    let emu = demo().await;
    let r = get(&emu, "/v2/manage/namespaces/demo/repos/team%24web", &[]).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let repo = r.json();
    assert_eq!(repo["name"], "team/web");
    assert_eq!(
        repo["path"],
        "swr.cn-north-4.myhuaweicloud.com/demo/team/web"
    );

    let r = call(
        &emu,
        "DELETE",
        "/v2/manage/namespaces/demo",
        &[],
        None,
        GOOD,
    )
    .await;
    assert_eq!(r.status, 406);
    assert_eq!(r.json()["error_code"], "SVCSTG.SWR.4060074");
    assert_eq!(
        call(
            &emu,
            "DELETE",
            "/v2/manage/namespaces/sandbox",
            &[],
            None,
            GOOD
        )
        .await
        .status,
        204
    );

    let create = |body: &'static str| {
        call(
            &emu,
            "POST",
            "/v2/manage/namespaces/demo/repos",
            &[],
            Some(body),
            GOOD,
        )
    };
    assert_eq!(
        create(r#"{"repository":"a/b","category":"linux"}"#)
            .await
            .json()["error_code"],
        "SVCSTG.SWR.4001009"
    );
    assert_eq!(
        create(r#"{"repository":"a/b","is_public":false"#)
            .await
            .json()["error_code"],
        "SVCSTG.SWR.4000014"
    );
    assert_eq!(
        create(r#"{"repository":"a/b","is_public":false}"#)
            .await
            .status,
        200
    );
    assert_eq!(
        create(r#"{"repository":"a/b","is_public":false}"#)
            .await
            .status,
        409
    );

    let tag = "/v2/manage/namespaces/demo/repos/team%24web/tags/1.0.0";
    assert_eq!(call(&emu, "DELETE", tag, &[], None, GOOD).await.status, 204);
    let again = call(&emu, "DELETE", tag, &[], None, GOOD).await;
    assert_eq!(
        (again.status, again.json()["error_code"].as_str().unwrap()),
        (404, "SVCSTG.SWR.4040048")
    );
    assert_eq!(emu.stats().tag_deletes["demo/team/web:1.0.0"], 1);

    let access = "/v2/manage/namespaces/demo/repos/team%24web/access";
    let grant = r#"[{"user_id":"5f6071829304152634d7e8f90a1b2c3d","user_name":"erin","auth":5}]"#;
    assert_eq!(
        call(&emu, "POST", access, &[], Some(grant), GOOD)
            .await
            .json()["error_code"],
        "SVCSTG.SWR.4001066"
    );
    let del = r#"["5f6071829304152634d7e8f90a1b2c3d"]"#;
    assert_eq!(
        call(&emu, "DELETE", access, &[], Some(del), GOOD)
            .await
            .json()["error_code"],
        "SVCSTG.SWR.4040091"
    );

    let secret = call(
        &emu,
        "POST",
        "/v2/manage/utils/secret",
        &[("projectname", "cn-north-4")],
        None,
        GOOD,
    )
    .await;
    assert!(
        secret.headers["x-swr-dockerlogin"]
            .to_str()
            .unwrap()
            .starts_with("docker login -u cn-north-4@")
    );
    assert!(secret.headers.contains_key("x-swr-expireat"));
    assert!(secret.json()["auths"]["swr.cn-north-4.myhuaweicloud.com"]["auth"].is_string());
    let quotas = get(
        &emu,
        &format!("/v2/manage/projects/{DEMO_PROJECT_ID}/quotas"),
        &[],
    )
    .await
    .json();
    assert_eq!(quotas["quotas"][0]["quota_key"], "namespace");
    emu.shutdown().await;
}

#[tokio::test]
async fn token_auth_works() {
    let emu = demo().await;
    let client = reqwest::Client::builder().no_proxy().build().unwrap();
    let login = |password: &str| {
        serde_json::json!({"auth": {"identity": {"methods": ["password"],
            "password": {"user": {"name": "alice", "password": password, "domain": {"name": "demo"}}}},
            "scope": {"project": {"name": "cn-north-4"}}}})
    };
    let bad = client
        .post(format!("{}/v3/auth/tokens", emu.url()))
        .json(&login("nope"))
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status().as_u16(), 401);
    assert_eq!(bad.json::<Value>().await.unwrap()["error"]["code"], 401);
    let ok = client
        .post(format!("{}/v3/auth/tokens", emu.url()))
        .json(&login("demo-password"))
        .send()
        .await
        .unwrap();
    assert_eq!(ok.status().as_u16(), 201);
    let token = ok.headers()["x-subject-token"]
        .to_str()
        .unwrap()
        .to_string();
    let body: Value = ok.json().await.unwrap();
    assert_eq!(body["token"]["user"]["name"], "alice");
    let r = get_with_token(&emu, "/v2/manage/namespaces", &token).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.json()["namespaces"].as_array().unwrap().len(), 4);
    let users = get_with_token(&emu, "/v3/users", &token).await.json();
    assert!(
        users["users"]
            .as_array()
            .unwrap()
            .iter()
            .any(|u| u["name"] == "张伟")
    );
    let r = get_with_token(&emu, "/v2/manage/namespaces", "forged").await;
    assert_eq!(r.status, 401);
    assert_eq!(
        emu.stats().unauthorized,
        2,
        "wrong password and forged token"
    );
    emu.shutdown().await;
}

/// A JSON answer's status and content type; its body.
fn json_reply(r: &Reply, status: u16) -> Value {
    assert_eq!(r.status, status, "{}", r.body);
    assert_eq!(r.headers["content-type"], "application/json");
    r.json()
}

/// An SWR error's whole wire form: status, content type and every key of the body (both
/// generations: `errors[].errorCode`/`errorMessage` and `error_code`/`error_msg`).
fn assert_swr_error(r: &Reply, status: u16, code: &str, message: &str) {
    let expected = serde_json::json!({
        "errors": [{"errorCode": code, "errorMessage": message, "detail": ""}],
        "error_code": code,
        "error_msg": message,
        "details": [{"error_code": code, "error_msg": ""}],
    });
    assert_eq!(json_reply(r, status), expected);
}

#[tokio::test]
async fn handler_errors_keep_their_wire_form() {
    let emu = demo().await;
    let r = get(&emu, "/v2/manage/repos", &[("limit", "0")]).await;
    assert_swr_error(&r, 400, "SVCSTG.SWR.4000056", "invalid page size: 0");
    let r = get(&emu, "/v2/manage/namespaces/nowhere", &[]).await;
    assert_swr_error(&r, 404, "SVCSTG.SWR.4040058", "namespace nowhere not found");
    let r = get(&emu, "/v2/manage/no-such-call", &[]).await;
    assert_swr_error(&r, 404, "SVCSTG.SWR.4040000", "resource not found");
    // IAM and the gateway answer in their own forms.
    let r = call(&emu, "POST", "/v3/auth/tokens", &[], Some("nope"), GOOD).await;
    let iam = serde_json::json!({"error": {
        "code": 400, "title": "Bad Request", "message": "The request body is invalid."
    }});
    assert_eq!(json_reply(&r, 400), iam);
    let r = get_with_token(&emu, "/v2/manage/namespaces", "x").await;
    let gateway = serde_json::json!({
        "error_msg": "The token must be updated: the token is invalid",
        "error_code": "APIGW.0307",
        "request_id": r.headers["x-request-id"].to_str().unwrap(),
    });
    assert_eq!(json_reply(&r, 401), gateway);
    emu.shutdown().await;
}

/// One set of permission handlers serves both paths; each keeps the service's statuses (an
/// organization's grant answers 200, a repository's 201).
#[tokio::test]
async fn permission_calls_answer_alike_for_orgs_and_repositories() {
    let emu = demo().await;
    let carol = "2c3d4e5f607182930a4b5c6d7e8f90a1";
    let grant = format!(r#"[{{"user_id":"{carol}","user_name":"carol","auth":1}}]"#);
    let ids = format!(r#"["{carol}"]"#);
    for (path, target, created) in [
        ("/v2/manage/namespaces/demo/access", "demo", 200),
        (
            "/v2/manage/namespaces/demo/repos/team%24web/access",
            "demo/team/web",
            201,
        ),
    ] {
        let r = call(&emu, "POST", path, &[], Some(&grant), GOOD).await;
        assert_eq!(
            (r.status, r.json()),
            (created, serde_json::json!({})),
            "{path}"
        );
        let again = call(&emu, "POST", path, &[], Some(&grant), GOOD).await;
        assert_eq!(again.status, 409, "{path}");
        let level = grant.replace("\"auth\":1", "\"auth\":3");
        let r = call(&emu, "PATCH", path, &[], Some(&level), GOOD).await;
        assert_eq!(r.status, 201, "{path}");
        let shown = get(&emu, path, &[]).await.json();
        let level_of = |shown: &Value| {
            let grants = shown["others_auths"]
                .as_array()
                .cloned()
                .unwrap_or_default();
            grants
                .iter()
                .find(|g| g["user_id"] == carol)
                .map(|g| g["auth"].clone())
        };
        assert_eq!(level_of(&shown), Some(3.into()), "{path}");
        let r = call(&emu, "DELETE", path, &[], Some(&ids), GOOD).await;
        assert_eq!((r.status, r.body.as_str()), (204, ""), "{path}");
        assert_eq!(level_of(&get(&emu, path, &[]).await.json()), None);
        let log = emu.stats().mutations;
        let expected: Vec<String> = ["POST", "PATCH", "DELETE"]
            .iter()
            .map(|verb| format!("{verb} access {target}"))
            .collect();
        assert_eq!(log[log.len() - 3..], expected[..], "{path}");
    }
    let missing = get(&emu, "/v2/manage/namespaces/demo/repos/nope/access", &[]).await;
    assert_swr_error(
        &missing,
        404,
        "SVCSTG.SWR.4040010",
        "repository nope not found",
    );
    emu.shutdown().await;
}
