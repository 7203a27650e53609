//! End to end at trace level: a session's log never holds the secret key, the IAM password,
//! the IAM token, a signature or a docker login credential.

mod support;

use support::tmux::{EmulatorProcess, Tmux, available};

fn assert_clean(log: &str, secrets: &[&str]) {
    assert!(
        log.contains("TRACE") || log.contains("DEBUG"),
        "the session logged at trace level:\n{log}"
    );
    let lower = log.to_lowercase();
    for secret in secrets.iter().filter(|s| !s.is_empty()) {
        assert!(!log.contains(secret), "{secret:?} is in the log");
    }
    for header in [
        "authorization:",
        "x-auth-token",
        "x-subject-token",
        "signature=",
        "docker login -u",
    ] {
        assert!(!lower.contains(header), "{header:?} is in the log");
    }
}

#[test]
fn aksk_session_at_trace_level_logs_no_secret() {
    if !available() {
        return;
    }
    let emu = EmulatorProcess::start(&[]);
    let t = Tmux::start("logs-aksk", &emu, "--log-level trace", 100, 30);
    t.wait_for("Organizations (4)");
    t.keys(&["Enter"]);
    // The whole list, not only its title: Enter on a list still loading may find no row.
    t.wait_for("Repositories (3)");
    t.keys(&["Enter"]);
    t.wait_for("Tags (");
    t.keys(&["L"]);
    t.wait_for("Temporary docker login command");
    t.keys(&["y"]);
    t.wait_for("Copied");
    t.keys(&["q"]);
    assert_eq!(t.exit_status(), 0);
    assert_clean(&t.log(), &[&emu.sk]);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let log = std::fs::metadata(t.dir.join("swr-tui/swr-tui.log")).expect("a log file");
        assert_eq!(
            log.permissions().mode() & 0o777,
            0o600,
            "the log is private"
        );
    }
}

#[test]
fn password_session_at_trace_level_logs_no_password_or_token() {
    if !available() {
        return;
    }
    let emu = EmulatorProcess::start(&[]);
    let config = format!(
        "default_profile = \"staff\"\n[profiles.staff]\nregion = \"cn-north-4\"\nendpoint = \"{url}\"\niam_endpoint = \"{url}\"\n\
         auth = \"password\"\ndomain = \"demo\"\nuser = \"alice\"\npassword_env = \"SWR_TEST_PASSWORD\"\n",
        url = emu.url
    );
    let t = Tmux::start_with_config("logs-password", &emu, "--log-level trace", 100, 30, &config);
    t.wait_for("Organizations (4)");
    t.keys(&["p"]);
    t.wait_for("Permissions: ");
    t.keys(&["q"]);
    assert_eq!(t.exit_status(), 0);
    let cached = t.cached_files();
    assert_eq!(cached.len(), 1, "the token was cached: {cached:?}");
    let token: serde_json::Value = serde_json::from_str(&cached[0].1).expect("cache is JSON");
    let token = token["token"].as_str().expect("a token").to_string();
    assert!(token.len() > 20);
    assert_clean(&t.log(), &["demo-password", &token, &emu.sk]);
}
