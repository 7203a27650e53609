//! The registry API over real HTTP: the client reads the child manifests of a multi-arch tag
//! from the emulator (challenge, token for the temporary docker login, manifest by digest) and
//! counts their layers; the emulator refuses what SWR refuses; and a lying registry (wrong
//! bytes, a realm elsewhere, a huge manifest) gets no credentials and no trust.

mod support;

use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use sha2::{Digest as _, Sha256};
use support::emulator::*;
use swr_tui::app::multiarch::platforms;
use swr_tui::emulator::{Emulator, Seed};
use swr_tui::swr::client::TagListQuery;
use swr_tui::swr::{ApiError, SwrClient};

fn seed() -> Seed {
    Seed::from_json(
        r#"{"namespaces":[{"name":"big","repos":[
            {"name":"multi","tags":[
                {"tag":"plain","created":"2026-01-01T00:00:00Z"},
                {"tag":"v1","created":"2026-01-02T00:00:00Z",
                 "platforms":["linux/amd64","linux/arm64/v8","windows/amd64"]}]},
            {"name":"other","tags":[{"tag":"x","created":"2026-01-01T00:00:00Z"}]}]}]}"#,
    )
    .expect("seed parses")
}

/// The child digests of `big/multi:v1`, as the management API lists them.
async fn child_digests(c: &SwrClient) -> Vec<String> {
    let page = c
        .list_tags_v2("big", "multi", &TagListQuery::default())
        .await
        .unwrap();
    let v1 = page.items.iter().find(|t| t.tag == "v1").unwrap();
    let kids: Vec<String> = platforms(&v1.manifest)
        .iter()
        .map(|p| p.digest.to_string())
        .collect();
    assert_eq!(kids.len(), 3);
    kids
}

/// A raw GET of the registry API.
async fn raw(url: &str, auth: Option<&str>) -> reqwest::Response {
    let mut req = reqwest::Client::new().get(url);
    if let Some(auth) = auth {
        req = req.header("Authorization", auth);
    }
    req.send().await.unwrap()
}

/// `Basic …` of a temporary login the emulator issued.
async fn basic(c: &SwrClient) -> String {
    use base64::Engine;
    let login = c.create_login_secret().await.unwrap();
    let words: Vec<&str> = login.docker_login.split(' ').collect();
    let (user, password) = (words[3], words[5]);
    let pair = base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}"));
    format!("Basic {pair}")
}

async fn token_for(emu: &Emulator, basic: &str, scope: &str) -> reqwest::Response {
    let url = format!(
        "{}/swr/auth/v2/registry/auth/?service=dockyard&scope={scope}",
        emu.url()
    );
    raw(&url, Some(basic)).await
}

async fn error_code(resp: reqwest::Response) -> String {
    let body: serde_json::Value = resp.json().await.unwrap();
    body["errors"][0]["code"].as_str().unwrap().to_string()
}

#[tokio::test]
async fn the_client_counts_each_platforms_layers_from_its_child_manifest() {
    let emu = start(config_with_seed(seed())).await;
    let c = client(&emu);
    let mut counts = Vec::new();
    for digest in child_digests(&c).await {
        let got = c.manifest_layers("big", "multi", &digest).await.unwrap();
        // What the emulator serves for that digest, read independently of the client.
        let resp = {
            let b = basic(&c).await;
            let t: serde_json::Value = token_for(&emu, &b, "repository:big/multi:pull")
                .await
                .json()
                .await
                .unwrap();
            let bearer = format!("Bearer {}", t["token"].as_str().unwrap());
            raw(
                &format!("{}/v2/big/multi/manifests/{digest}", emu.url()),
                Some(&bearer),
            )
            .await
        };
        assert_eq!(resp.status(), 200);
        assert_eq!(
            resp.headers()["content-type"],
            "application/vnd.docker.distribution.manifest.v2+json"
        );
        assert_eq!(resp.headers()["docker-content-digest"], digest.as_str());
        let bytes = resp.bytes().await.unwrap();
        assert_eq!(
            format!("sha256:{}", hex::encode(Sha256::digest(&bytes))),
            digest
        );
        let manifest: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        let layers = manifest["layers"].as_array().unwrap();
        let total: u64 = layers.iter().map(|l| l["size"].as_u64().unwrap()).sum();
        assert_eq!(got.count, layers.len());
        assert_eq!(got.bytes, total);
        counts.push(got.count);
    }
    assert!(
        counts.iter().any(|n| *n != counts[0]),
        "the platforms differ: {counts:?}"
    );
}

#[tokio::test]
async fn unknown_repositories_and_digests_are_refused_as_swr_does() {
    let emu = start(config_with_seed(seed())).await;
    let c = client(&emu);
    let digest = child_digests(&c).await.remove(0);
    let err = c
        .manifest_layers("nope", "multi", &digest)
        .await
        .unwrap_err();
    assert_eq!((err.status(), err.code()), (Some(401), Some("DENIED")));
    assert!(
        err.to_string().contains("organization does not exist"),
        "{err}"
    );
    let err = c.manifest_layers("big", "gone", &digest).await.unwrap_err();
    assert_eq!((err.status(), err.code()), (Some(401), Some("DENIED")));
    let absent = format!("sha256:{}", "0".repeat(64));
    let err = c
        .manifest_layers("big", "multi", &absent)
        .await
        .unwrap_err();
    assert_eq!(
        (err.status(), err.code()),
        (Some(404), Some("MANIFEST_UNKNOWN"))
    );
    // Names are checked before anything is sent.
    let err = c
        .manifest_layers("big", "multi", "sha256:../../v2")
        .await
        .unwrap_err();
    assert!(matches!(err, ApiError::Invalid(_)), "{err:?}");
}

#[tokio::test]
async fn the_registry_takes_only_a_bearer_token_for_the_same_repository() {
    let emu = start(config_with_seed(seed())).await;
    let c = client(&emu);
    let digest = child_digests(&c).await.remove(0);
    let manifest = format!("{}/v2/big/multi/manifests/{digest}", emu.url());

    let ping = raw(&format!("{}/v2/", emu.url()), None).await;
    assert_eq!(ping.status(), 401);
    let challenge = ping.headers()["www-authenticate"].to_str().unwrap();
    assert!(
        challenge.starts_with(r#"Bearer realm="http://127.0.0.1:"#)
            && challenge.ends_with(r#"/swr/auth/v2/registry/auth/",service="dockyard""#),
        "{challenge}"
    );

    let basic = basic(&c).await;
    // Basic straight on /v2 is refused; so are no token and a made-up one.
    for auth in [None, Some(basic.as_str()), Some("Bearer made-up")] {
        let resp = raw(&manifest, auth).await;
        assert_eq!(resp.status(), 401, "{auth:?}");
        assert!(resp.headers().contains_key("www-authenticate"));
        assert_eq!(error_code(resp).await, "UNAUTHORIZED");
    }
    // The token endpoint wants the login, and a scope naming an existing repository.
    let wrong = format!("{}x", &basic[..basic.len() - 1]);
    let refused = token_for(&emu, &wrong, "repository:big/multi:pull").await;
    assert_eq!(refused.status(), 401);
    let no_org = token_for(&emu, &basic, "repository:nope/multi:pull").await;
    assert_eq!(no_org.status(), 401);
    assert_eq!(error_code(no_org).await, "DENIED");
    let push_only = token_for(&emu, &basic, "repository:big/multi:push").await;
    assert_eq!(error_code(push_only).await, "DENIED");

    // A token for another repository does not open this one.
    let other: serde_json::Value = token_for(&emu, &basic, "repository:big/other:pull")
        .await
        .json()
        .await
        .unwrap();
    let other = format!("Bearer {}", other["token"].as_str().unwrap());
    assert_eq!(raw(&manifest, Some(&other)).await.status(), 401);

    let mine: serde_json::Value = token_for(&emu, &basic, "repository:big/multi:pull")
        .await
        .json()
        .await
        .unwrap();
    let mine = format!("Bearer {}", mine["token"].as_str().unwrap());
    assert_eq!(raw(&manifest, Some(&mine)).await.status(), 200);
    assert_eq!(
        raw(&format!("{}/v2/", emu.url()), Some(&mine))
            .await
            .status(),
        200
    );
    // By tag: the list itself, with its media type and the digest the management API reports.
    let list = raw(
        &format!("{}/v2/big/multi/manifests/v1", emu.url()),
        Some(&mine),
    )
    .await;
    assert_eq!(list.status(), 200);
    assert_eq!(
        list.headers()["content-type"],
        "application/vnd.docker.distribution.manifest.list.v2+json"
    );
    let listed = raw(
        &format!("{}/v2/big/multi/manifests/nope", emu.url()),
        Some(&mine),
    )
    .await;
    assert_eq!(listed.status(), 404);
    assert_eq!(error_code(listed).await, "MANIFEST_UNKNOWN");
}

#[tokio::test]
async fn one_token_serves_every_platform_of_a_repository() {
    let emu = start(config_with_seed(seed())).await;
    let c = client(&emu);
    let kids = child_digests(&c).await;
    let before = emu.stats().requests;
    let answers =
        futures_util::future::join_all(kids.iter().map(|d| c.manifest_layers("big", "multi", d)))
            .await;
    assert!(answers.iter().all(Result::is_ok), "{answers:?}");
    // One login, one challenge, one token, three manifests.
    assert_eq!(emu.stats().requests - before, 6);
}

// ------------------------------------------------------------------ a lying registry

/// What the fake registry does wrong.
#[derive(Clone, Copy)]
enum Lie {
    /// Serves other bytes than the digest names.
    WrongBytes,
    /// Names a token service on another host.
    RealmElsewhere,
    /// Serves a manifest of 5 MiB.
    Huge,
}

/// A registry (and login endpoint) that lies as `lie` says; it records every Authorization
/// header and path it got.
async fn liar(lie: Lie) -> (String, std::sync::Arc<std::sync::Mutex<Vec<String>>>) {
    let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let log = seen.clone();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let me = url.clone();
    let app = axum::Router::new().fallback(move |req: Request| {
        let (log, me) = (log.clone(), me.clone());
        async move {
            let auth = req
                .headers()
                .get("authorization")
                .and_then(|v| v.to_str().ok())
                .unwrap_or("-");
            let path = req.uri().path().to_string();
            log.lock().unwrap().push(format!("{path} {auth}"));
            answer(lie, &path, &me)
        }
    });
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (url, seen)
}

fn answer(lie: Lie, path: &str, me: &str) -> Response {
    use base64::Engine;
    if path == "/v2/manage/utils/secret" {
        let auth = base64::engine::general_purpose::STANDARD.encode("u:secret-password");
        let body = serde_json::json!({"auths": {"swr.example": {"auth": auth}}});
        return (
            [("x-swr-dockerlogin", "docker login -u u -p secret-password")],
            axum::Json(body),
        )
            .into_response();
    }
    if path == "/v2/" {
        let realm = match lie {
            Lie::RealmElsewhere => "http://198.51.100.7/steal".to_string(),
            _ => format!("{me}/auth"),
        };
        let value = format!(r#"Bearer realm="{realm}",service="dockyard""#);
        let mut resp = StatusCode::UNAUTHORIZED.into_response();
        resp.headers_mut().insert(
            header::WWW_AUTHENTICATE,
            HeaderValue::from_str(&value).unwrap(),
        );
        return resp;
    }
    if path == "/auth" {
        return axum::Json(serde_json::json!({"token": "tok-123"})).into_response();
    }
    match lie {
        Lie::Huge => format!(r#"{{"layers":[],"pad":"{}"}}"#, " ".repeat(5 << 20)).into_response(),
        _ => r#"{"layers":[{"size":1}]}"#.into_response(),
    }
}

fn liar_client(url: &str) -> SwrClient {
    client_with(client_config_for(url), demo_credentials())
}

#[tokio::test]
async fn a_manifest_that_does_not_hash_to_its_digest_is_refused() {
    let (url, _) = liar(Lie::WrongBytes).await;
    let digest = format!("sha256:{}", "a".repeat(64));
    let err = liar_client(&url)
        .manifest_layers("big", "multi", &digest)
        .await
        .unwrap_err();
    assert!(
        err.to_string().contains("does not match its digest"),
        "{err}"
    );
}

#[tokio::test]
async fn credentials_never_go_to_a_realm_on_another_host() {
    let (url, seen) = liar(Lie::RealmElsewhere).await;
    let digest = format!("sha256:{}", "a".repeat(64));
    let err = liar_client(&url)
        .manifest_layers("big", "multi", &digest)
        .await
        .unwrap_err();
    assert!(matches!(err, ApiError::Invalid(_)), "{err:?}");
    let seen = seen.lock().unwrap().clone();
    assert!(
        seen.iter().all(|s| !s.contains("Basic ")),
        "no Basic sent: {seen:?}"
    );
    assert!(seen.iter().all(|s| !s.contains("/manifests/")), "{seen:?}");
}

#[tokio::test]
async fn a_huge_manifest_is_not_read_past_the_cap() {
    let (url, _) = liar(Lie::Huge).await;
    let digest = format!("sha256:{}", "a".repeat(64));
    let err = liar_client(&url)
        .manifest_layers("big", "multi", &digest)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("larger than 4 MiB"), "{err}");
}

#[tokio::test]
async fn tokens_and_logins_never_reach_the_log() {
    let capture = support::traces::Capture::install();
    let (url, seen) = liar(Lie::WrongBytes).await;
    let digest = format!("sha256:{}", "a".repeat(64));
    let _ = liar_client(&url)
        .manifest_layers("big", "multi", &digest)
        .await;
    let seen = seen.lock().unwrap().clone();
    assert!(
        seen.iter().any(|s| s.ends_with("Bearer tok-123")),
        "the token was used: {seen:?}"
    );
    let logged = capture.text();
    assert!(
        logged.contains("registry"),
        "something was logged: {logged}"
    );
    for secret in ["tok-123", "secret-password", "dTpzZWNyZXQtcGFzc3dvcmQ"] {
        assert!(!logged.contains(secret), "{secret} in {logged}");
    }
}
