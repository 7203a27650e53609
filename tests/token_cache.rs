//! IAM password authentication against the emulator's IAM: the token is cached on disk with
//! mode 0600, reused by the next session, renewed before it expires, and renewed once on a 401.

mod support;

use std::path::PathBuf;

use chrono::{Duration, Utc};
use support::emulator::*;
use swr_tui::emulator::EmulatorConfig;
use swr_tui::swr::client::CachedToken;
use swr_tui::swr::client::token_cache;
use swr_tui::swr::{Credentials, Secret, SwrClient};

fn cache_file(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("swr-tui-token-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir.join("token.json")
}

fn password_client(emu: &swr_tui::emulator::Emulator, cache: &std::path::Path) -> SwrClient {
    let mut config = client_config(emu);
    config.token_cache = Some(cache.to_path_buf());
    client_with(
        config,
        Credentials::Password {
            domain: "demo".into(),
            user: "alice".into(),
            password: "demo-password".into(),
        },
    )
}

#[tokio::test]
async fn the_next_session_reuses_the_cached_token() {
    let emu = start(EmulatorConfig::demo()).await;
    let cache = cache_file("reuse");
    password_client(&emu, &cache)
        .list_namespaces()
        .await
        .unwrap();
    assert_eq!(emu.stats().requests, 2, "one token request, one list");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&cache).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "only the user may read a cached token");
    }
    let stored = token_cache::load(&cache).unwrap();
    assert!(stored.expires_at > Utc::now() + Duration::hours(23));

    password_client(&emu, &cache)
        .list_namespaces()
        .await
        .unwrap();
    assert_eq!(
        emu.stats().requests,
        3,
        "the second session asked IAM for nothing"
    );
}

#[tokio::test]
async fn a_token_about_to_expire_is_renewed_first() {
    let emu = start(EmulatorConfig::demo()).await;
    let cache = cache_file("expiring");
    password_client(&emu, &cache)
        .list_namespaces()
        .await
        .unwrap();
    let mut stored = token_cache::load(&cache).unwrap();
    stored.expires_at = Utc::now() + Duration::minutes(5);
    token_cache::store(&cache, &stored).unwrap();
    let before = emu.stats();

    password_client(&emu, &cache)
        .list_namespaces()
        .await
        .unwrap();
    let after = emu.stats();
    assert_eq!(after.requests - before.requests, 2, "renewed, then listed");
    assert_eq!(
        after.unauthorized, before.unauthorized,
        "the old token was never sent"
    );
    assert!(token_cache::load(&cache).unwrap().expires_at > Utc::now() + Duration::hours(23));
}

#[tokio::test]
async fn a_refused_token_is_renewed_once() {
    let emu = start(EmulatorConfig::demo()).await;
    let cache = cache_file("refused");
    let revoked = CachedToken {
        token: Secret::new("revoked-token"),
        expires_at: Utc::now() + Duration::hours(20),
    };
    token_cache::store(&cache, &revoked).unwrap();

    password_client(&emu, &cache)
        .list_namespaces()
        .await
        .unwrap();
    let stats = emu.stats();
    assert_eq!(stats.unauthorized, 1, "the revoked token was refused once");
    assert_eq!(stats.requests, 3, "refused list, token, list");
    assert_ne!(
        token_cache::load(&cache).unwrap().token.expose(),
        "revoked-token"
    );
}

#[tokio::test]
async fn a_wrong_password_fails_without_looping() {
    let emu = start(EmulatorConfig::demo()).await;
    let cache = cache_file("wrong");
    let mut config = client_config(&emu);
    config.token_cache = Some(cache.clone());
    let c = client_with(
        config,
        Credentials::Password {
            domain: "demo".into(),
            user: "alice".into(),
            password: "nope".into(),
        },
    );
    assert_eq!(c.list_namespaces().await.unwrap_err().status(), Some(401));
    assert!(emu.stats().requests <= 2);
    assert!(!cache.exists(), "nothing cached");
}
