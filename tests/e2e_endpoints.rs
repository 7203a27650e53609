//! End to end: given only a key pair and `--endpoint` (no project id, no IAM endpoint), IAM is
//! asked at that same endpoint, as a private deployment or the emulator serves it: the project
//! id is found, so the organization quota shows, and the grant dialog lists the account's
//! users; granting one is checked over the emulator's API.

mod support;

use support::tmux::{EmulatorProcess, Tmux, available};

#[test]
fn iam_follows_the_given_endpoint() {
    if !available() {
        return;
    }
    let emu = EmulatorProcess::start(&[]);
    let t = Tmux::start_endpoint_only("endpoint", &emu, "");
    t.wait_for("Organizations (4) quota 4/5");
    // `demo`, then its permissions, then the user picker.
    t.keys(&["j", "p"]);
    t.wait_for("Permissions");
    t.keys(&["c"]);
    let picker = t.wait_for("carol");
    assert!(!picker.contains("unavailable"), "{picker}");
    t.type_text("carol");
    t.keys(&["Enter"]);
    t.wait_for("Granted carol read");
    t.keys(&["q"]);
    assert_eq!(t.exit_status(), 0);

    let api = support::tmux::RegistryApi::new(&emu);
    let access = api.org_access("demo");
    assert!(
        access
            .iter()
            .any(|(name, auth)| name == "carol" && *auth == 1),
        "{access:?}"
    );
}
