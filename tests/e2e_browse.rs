//! End to end: the real binary in tmux against `swr-tui emulator`: open an organization and a
//! repository by filtering, see the tags, copy a pull command (OSC 52 lands in tmux's buffer),
//! quit with `q` and exit status 0.

mod support;

use support::tmux::{EmulatorProcess, Tmux, available};

#[test]
fn browse_filter_copy_and_quit() {
    if !available() {
        return;
    }
    let emu = EmulatorProcess::start(&[]);
    let t = Tmux::start("browse", &emu, "", 100, 30);
    let screen = t.open_demo_runner();
    assert!(
        screen.contains("latest"),
        "newest first puts latest on top:\n{screen}"
    );
    t.keys(&["y"]);
    t.wait_for("Copied");
    let copied = t.buffer();
    assert_eq!(
        copied,
        "docker pull swr.cn-north-4.myhuaweicloud.com/platform/tools/ci/runner:latest"
    );
    t.keys(&["q"]);
    assert_eq!(t.exit_status(), 0);
}

#[test]
fn sigterm_restores_the_terminal() {
    if !available() {
        return;
    }
    let emu = EmulatorProcess::start(&[]);
    let t = Tmux::start("sigterm", &emu, "", 100, 30);
    t.wait_for("Organizations (4)");
    t.signal("TERM");
    assert_eq!(t.exit_status(), 0);
    let screen = t.screen();
    assert!(
        !screen.contains("Organizations"),
        "the alternate screen was left:\n{screen}"
    );
}

#[test]
fn every_ending_signal_and_an_abort_give_the_terminal_back() {
    if !available() {
        return;
    }
    let emu = EmulatorProcess::start(&[]);
    // Handled like SIGTERM: a clean exit. SIGABRT keeps its meaning, after the terminal is back.
    for (signal, status) in [
        ("INT", 0),
        ("QUIT", 0),
        ("USR1", 0),
        ("HUP", 0),
        ("ABRT", 134),
    ] {
        let t = Tmux::start(&format!("sig{signal}"), &emu, "", 100, 30);
        t.wait_for("Organizations (4)");
        assert_eq!(
            t.modes(),
            (true, true, false),
            "full screen, mouse on, cursor hidden"
        );
        t.signal(signal);
        assert_eq!(t.exit_status(), status, "SIG{signal}");
        assert_eq!(
            t.modes(),
            (false, false, true),
            "after SIG{signal}: main screen, no mouse capture, cursor shown"
        );
    }
}
