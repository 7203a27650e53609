//! No secret key, password, token or signature reaches the log, at trace level, from any target.
//! Its own test binary: tracing caches per-callsite interest, so the subscriber must be the
//! process-wide default before any event fires.

mod support;

use std::time::Duration;

use support::emulator::*;
use support::traces::Capture;
use swr_tui::swr::Credentials;

#[test]
fn no_secret_reaches_the_log_at_trace_level() {
    let capture = Capture::install();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    let token_used = {
        runtime.block_on(async {
            let emu = start(config_with_seed(seed_with_tags(5))).await;
            emu.set_faults(0.5, None, Duration::ZERO);
            let c = client(&emu);
            c.list_all_tags("big", "team/web").await.unwrap();
            c.delete_tag("big", "team/web", "t00001").await.unwrap();
            let _ = c.create_login_secret().await;
            let pw = client_with(
                client_config(&emu),
                Credentials::Password {
                    domain: "demo".into(),
                    user: "alice".into(),
                    password: "demo-password".into(),
                },
            );
            emu.set_faults(0.0, None, Duration::ZERO);
            pw.list_namespaces().await.unwrap();
            format!("{:?}", pw)
        })
    };
    let log = capture.text();
    assert!(
        log.contains("request"),
        "the log captured client events:\n{log}"
    );
    for secret in [
        swr_tui::emulator::DEMO_SECRET_KEY,
        "demo-password",
        "Signature=",
        "X-Auth-Token",
        "SDK-HMAC-SHA256 Access",
    ] {
        assert!(!log.contains(secret), "{secret:?} leaked into the log");
        assert!(!token_used.contains(secret));
    }
}
