//! End to end: the real binary in tmux against `swr-tui emulator --seed demo`: edit a
//! repository (public/private, description) and save with Ctrl-S, grant a user read access from
//! the picker, quit; then check through the emulator's HTTP API that both changes landed.

mod support;

use support::tmux::{EmulatorProcess, Tmux, available};
use swr_tui::swr::{ClientConfig, Credentials, SwrClient};

const ADDED: &str = "Edited from the e2e test";

#[test]
fn edit_repository_and_grant_then_verify_through_the_api() {
    if !available() {
        return;
    }
    let emu = EmulatorProcess::start(&[]);
    let client = SwrClient::new(
        {
            let mut config = ClientConfig::with_endpoints("cn-north-4", &emu.url, &emu.url);
            config.project_id = Some(emu.project_id.clone());
            config
        },
        Credentials::aksk(emu.ak.as_str(), emu.sk.as_str()),
    )
    .expect("client builds");
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let before = runtime
        .block_on(client.show_repo("demo", "team/web"))
        .expect("team/web exists");

    let t = Tmux::start("manage", &emu, "", 120, 35);
    t.wait_for("Organizations (4)");
    t.keys(&["/"]);
    t.type_text("demo");
    t.keys(&["Enter", "Enter"]);
    t.wait_for("Repositories (");
    t.keys(&["/"]);
    t.type_text("team/web");
    t.keys(&["Enter"]);
    t.wait_for("Repositories (1/");
    t.keys(&["e"]);
    t.wait_for("Edit demo/team/web");
    t.keys(&["Space", "Tab", "Tab"]);
    t.keys(&["Enter"]);
    t.type_text(ADDED);
    t.keys(&["C-s"]);
    t.wait_for("Saved demo/team/web");

    t.keys(&["p"]);
    t.wait_for("Permissions");
    t.keys(&["c"]);
    t.wait_for("carol");
    t.type_text("carol");
    t.keys(&["Enter"]);
    t.wait_for("Granted carol read");
    t.keys(&["q"]);
    assert_eq!(t.exit_status(), 0);

    let after = runtime
        .block_on(client.show_repo("demo", "team/web"))
        .expect("team/web still exists");
    assert_eq!(after.is_public, !before.is_public, "public/private flipped");
    assert!(
        after.description.contains(ADDED),
        "description: {:?}",
        after.description
    );
    assert!(
        after.description.starts_with(&before.description),
        "the old description is kept: {:?}",
        after.description
    );
    let access = runtime
        .block_on(client.show_repo_access("demo", "team/web"))
        .expect("access");
    let carol = access
        .others_auths
        .iter()
        .find(|u| u.user_name == "carol")
        .unwrap_or_else(|| panic!("carol not granted: {access:?}"));
    assert_eq!(carol.auth, 1);
}
