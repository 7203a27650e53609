//! End to end: the real binary in tmux against the demo emulator. `:shared` lists what other
//! accounts share with this one exactly as the registry's thirdparty list says (read over the
//! API with the client); `y` and the `Y` menu copy pull commands (OSC 52 lands in tmux's
//! buffer); an expired share copies nothing.

mod support;

use support::tmux::{EmulatorProcess, RegistryApi, Tmux, available};

#[test]
fn shared_with_me_lists_the_registrys_shares_and_copies_pull_commands() {
    if !available() {
        return;
    }
    let emu = EmulatorProcess::start(&[]);
    let api = RegistryApi::new(&emu);
    let held = api.shared_with_me();
    assert_eq!(
        held,
        [
            "partner-tools/builder partner-co valid",
            "vendor/agent vendor-inc expired"
        ]
    );

    let t = Tmux::start("shared-with-me", &emu, "", 120, 30);
    t.wait_for("Organizations (4)");
    t.keys(&[":"]);
    t.type_text("shared");
    t.keys(&["Enter"]);
    let screen = t.wait_for(&format!("Shared with me ({})", held.len()));
    // Every share the registry holds is a row: repository, owner and state on one line.
    for share in &held {
        let words: Vec<&str> = share.split(' ').collect();
        let row = screen
            .lines()
            .find(|l| l.contains(words[0]))
            .unwrap_or_else(|| panic!("{share} not shown:\n{screen}"));
        assert!(
            row.contains(words[1]) && row.contains(words[2]),
            "{share}: {row}"
        );
    }

    // Sorted by name: partner-tools/builder first; `y` copies its `latest` tag.
    t.keys(&["y"]);
    t.wait_for("Copied");
    assert_eq!(
        t.buffer(),
        "docker pull swr.cn-north-4.myhuaweicloud.com/partner-tools/builder:latest"
    );
    t.keys(&["Y"]);
    t.wait_for("Pull by tag: partner-tools/builder");
    t.keys(&["2"]);
    // The key press cleared the first copy's message: this one is the menu's.
    t.wait_for("Copied");
    assert_eq!(
        t.buffer(),
        "docker pull swr.cn-north-4.myhuaweicloud.com/partner-tools/builder:1.4.0"
    );

    // The expired share: nothing copied, the status says why.
    t.keys(&["j", "y"]);
    t.wait_for("Not copied: the share of vendor/agent has expired");
    assert_eq!(
        t.buffer(),
        "docker pull swr.cn-north-4.myhuaweicloud.com/partner-tools/builder:1.4.0",
        "the clipboard keeps the last copy"
    );

    // A look that changed nothing: the registry still holds the same shares.
    assert_eq!(api.shared_with_me(), held);
    t.keys(&["q"]);
    assert_eq!(t.exit_status(), 0);
}
