//! No issued enterprise credential token reaches the log, at trace level, from any target, while
//! the client creates and lists credentials (the reads with injected failures, so retries log too). Its
//! own test binary: the subscriber must be the process-wide default before any event fires.

mod support;

use std::time::Duration;

use serde_json::json;
use support::emulator::*;
use support::traces::Capture;
use swr_tui::emulator::Seed;

#[test]
fn no_credential_token_reaches_the_log_at_trace_level() {
    let capture = Capture::install();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    let tokens = runtime.block_on(async {
        let seed = json!({"instances": [{"name": "ee", "credentials": [{"name": "ci"}]}]});
        let emu = start(config_with_seed(
            Seed::from_json(&seed.to_string()).unwrap(),
        ))
        .await;
        let c = client(&emu);
        let mut tokens = Vec::new();
        for _ in 0..3 {
            let temp = c.create_instance_temp_credential("ee").await.unwrap();
            tokens.push(temp.auth_token.expose().to_string());
        }
        let long = c
            .create_instance_long_term_credential("ee", "robot")
            .await
            .unwrap();
        tokens.push(long.auth_token.expose().to_string());
        // Creations are not retried (not idempotent); the reads are, and log their retries.
        emu.set_faults(0.5, None, Duration::ZERO);
        c.list_all_instance_long_term_credentials("ee")
            .await
            .unwrap();
        c.show_instance_statistics("ee").await.unwrap();
        emu.shutdown().await;
        tokens
    });
    let log = capture.text();
    assert!(
        log.contains("temp-credential"),
        "the log captured client events:\n{log}"
    );
    for token in &tokens {
        assert!(token.len() >= 32);
        assert!(
            !log.contains(token.as_str()),
            "a credential token leaked into the log"
        );
    }
}
