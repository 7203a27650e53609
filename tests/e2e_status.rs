//! End to end: the status line in the real binary. Key hints come from the key table, `[keys]`
//! overrides included; a message fades and the hints come back; an error stays until Esc.

mod support;

use support::tmux::{EmulatorProcess, Tmux, available};

/// The last line of the screen: the status line.
fn status_line(screen: &str) -> String {
    screen
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or_default()
        .to_string()
}

#[test]
fn hints_follow_the_key_table_and_messages_fade_back_to_them() {
    if !available() {
        return;
    }
    let emu = EmulatorProcess::start(&[]);
    let config = "[keys]\nquit = \"Q\"\ndelete = \"x\"\n";
    let t = Tmux::start_with_config("status", &emu, "", 100, 30, config);
    let screen = t.wait_for("Organizations (4)");
    let line = status_line(&screen);
    assert!(line.contains("Q quit"), "the overridden key: {line:?}");
    assert!(!line.contains("q quit"), "{line:?}");
    assert!(
        line.contains("x delete") && line.contains("c create"),
        "{line:?}"
    );
    t.keys(&["/"]);
    t.type_text("platf");
    t.keys(&["Enter", "Enter"]);
    let screen = t.wait_for("Repositories (5)");
    let line = status_line(&screen);
    assert!(
        line.contains("e edit") && line.contains("Esc back"),
        "{line:?}"
    );
    t.keys(&["/"]);
    t.type_text("runner");
    t.keys(&["Enter"]);
    t.wait_for("Repositories (1/5)");
    t.keys(&["Enter"]);
    t.wait_for("Tags (2401)");
    t.keys(&["y"]);
    let screen = t.wait_for("Copied");
    assert!(
        !status_line(&screen).contains("Q quit"),
        "the message replaced the hints"
    );
    // Information fades after a few seconds: the hints are back.
    let start = std::time::Instant::now();
    let back = loop {
        let screen = t.screen();
        if !screen.contains("Copied") {
            break screen;
        }
        assert!(
            start.elapsed().as_secs() < 12,
            "the message never faded:\n{screen}"
        );
        std::thread::sleep(std::time::Duration::from_millis(200));
    };
    assert!(status_line(&back).contains("Q quit"), "{back}");
    t.keys(&["q"]);
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert!(
        t.screen().contains("Tags (2401)"),
        "q is not the quit key any more"
    );
    t.keys(&["Q"]);
    assert_eq!(t.exit_status(), 0);
}

#[test]
fn an_error_stays_until_esc_dismisses_it() {
    if !available() {
        return;
    }
    let emu = EmulatorProcess::start(&[]);
    let t = Tmux::start("status-error", &emu, "--read-only", 100, 30);
    t.open_demo_runner();
    t.keys(&["d"]);
    t.wait_for("Read-only");
    std::thread::sleep(std::time::Duration::from_secs(6));
    t.keys(&["j", "k"]);
    let screen = t.wait_for("Read-only");
    assert!(screen.contains("Tags (2401)"), "{screen}");
    t.keys(&["Escape"]);
    let start = std::time::Instant::now();
    while t.screen().contains("Read-only: deleting") {
        assert!(
            start.elapsed().as_secs() < 5,
            "Esc did not dismiss the error"
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let screen = t.screen();
    assert!(
        screen.contains("Tags (2401)"),
        "Esc only dismissed, it did not go back:\n{screen}"
    );
    assert!(status_line(&screen).contains("q quit"), "{screen}");
    t.keys(&["q"]);
    assert_eq!(t.exit_status(), 0);
}
