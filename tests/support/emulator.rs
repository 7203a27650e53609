//! Shared set-up for tests that run the client against an in-process emulator over loopback.

use std::time::Duration;

use swr_tui::emulator::{DEMO_PROJECT_ID, DEMO_REGION, Emulator, EmulatorConfig, Seed};
use swr_tui::swr::{ClientConfig, Credentials, SwrClient, client::RetryPolicy};

pub async fn start(config: EmulatorConfig) -> Emulator {
    Emulator::start("127.0.0.1:0".parse().unwrap(), config)
        .await
        .expect("emulator starts")
}

/// Client settings for tests: the emulator's endpoints and short pauses between retries.
pub fn client_config(emu: &Emulator) -> ClientConfig {
    client_config_for(&emu.url())
}

/// The same for any server at `url` (SWR and IAM both).
pub fn client_config_for(url: &str) -> ClientConfig {
    let mut config = ClientConfig::with_endpoints(DEMO_REGION, url, url);
    config.project_id = Some(DEMO_PROJECT_ID.to_string());
    config.retry = RetryPolicy {
        max_attempts: 12,
        base_delay: Duration::from_millis(2),
        max_delay: Duration::from_millis(40),
        max_retry_after: Duration::from_secs(5),
        ..RetryPolicy::default()
    };
    config
}

pub fn client_with(config: ClientConfig, credentials: Credentials) -> SwrClient {
    SwrClient::new(config, credentials).expect("client builds")
}

pub fn demo_credentials() -> Credentials {
    Credentials::aksk(
        swr_tui::emulator::DEMO_ACCESS_KEY,
        swr_tui::emulator::DEMO_SECRET_KEY,
    )
}

pub fn client(emu: &Emulator) -> SwrClient {
    client_with(client_config(emu), demo_credentials())
}

/// A seed with one organization `big` holding repository `team/web` with `count` tags
/// named `t00000`…, and an empty organization `spare`.
pub fn seed_with_tags(count: usize) -> Seed {
    let tags: Vec<_> = (0..count)
        .map(|i| {
            serde_json::json!({
                "tag": format!("t{i:05}"),
                "size": 1000 + i,
                "created": format!("2026-01-01T{:02}:{:02}:00Z", (i / 60) % 24, i % 60),
            })
        })
        .collect();
    let seed = serde_json::json!({
        "namespaces": [
            {"name": "big", "repos": [
                {"name": "team/web", "category": "linux", "description": "web", "is_public": false, "tags": tags},
                {"name": "nginx", "category": "app_server", "description": "", "is_public": true,
                 "tags": [{"tag": "1.0"}, {"tag": "latest"}]}
            ]},
            {"name": "spare", "repos": []}
        ],
        "users": [{"id": "u-0001", "name": "alice"}, {"id": "u-0002", "name": "bob"}]
    });
    Seed::from_json(&seed.to_string()).expect("test seed parses")
}

pub fn config_with_seed(seed: Seed) -> EmulatorConfig {
    EmulatorConfig {
        seed,
        ..EmulatorConfig::empty()
    }
}
