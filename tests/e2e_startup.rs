//! End to end: what start-up applies and says before the first list arrives: the config file's
//! `[keys]` in `--demo`, and a warning for plain http to another machine (on the status line
//! while the UI runs, on stderr, left on the screen, after it).

mod support;

use support::tmux::{EmulatorProcess, Tmux, available};

#[test]
fn the_demo_applies_the_config_files_keys() {
    if !available() {
        return;
    }
    let t = Tmux::start_plain("demo-keys", "", "--demo", "[keys]\nhelp = \"z\"\n");
    t.wait_for("Organizations (4)");
    t.keys(&["z"]);
    t.wait_for("Keys: ");
    // `q` closes the help too; right after Escape it would read as Alt-q.
    t.keys(&["q"]);
    let start = std::time::Instant::now();
    while t.screen().contains("Keys: ") {
        assert!(start.elapsed().as_secs() < 15, "the help stayed open");
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    t.keys(&["q"]);
    assert_eq!(t.exit_status(), 0);
}

#[test]
fn plain_http_to_another_machine_is_warned_about() {
    if !available() {
        return;
    }
    // 192.0.2.1 (TEST-NET-1) is never routed: nothing answers, nothing is sent anywhere.
    let t = Tmux::start_plain(
        "plain-http",
        "HUAWEICLOUD_SDK_AK=AK HUAWEICLOUD_SDK_SK=SK",
        "--endpoint http://192.0.2.1:9 --region cn-north-4",
        "",
    );
    let screen = t.wait_for("Warning: plain http to 192.0.2.1");
    assert!(screen.contains("unencrypted"), "{screen}");
    t.keys(&["q"]);
    assert_eq!(t.exit_status(), 0);
    t.wait_for("warning: plain http to 192.0.2.1");
}

#[test]
fn the_emulator_on_loopback_is_no_warning() {
    if !available() {
        return;
    }
    let emu = EmulatorProcess::start(&[]);
    let t = Tmux::start("loopback-http", &emu, "", 120, 35);
    let screen = t.wait_for("Organizations (4)");
    assert!(!screen.contains("plain http"), "{screen}");
    t.keys(&["q"]);
    assert_eq!(t.exit_status(), 0);
    assert!(!t.screen().contains("plain http"));
}
