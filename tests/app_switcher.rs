//! `P`: switching profile or region without restarting, and `[keys]` overrides in a session.

mod support;

use support::*;
use swr_tui::app::keys::Keymap;
use swr_tui::app::model::Switcher;

fn with_profiles() -> Model {
    let mut m = with_tags(3);
    m.session.context.profiles = vec!["dev".into(), "prod".into(), "test".into()];
    m.session.context.profile = "test".into();
    m.session.context.endpoint = "http://127.0.0.1:1".into();
    m
}

#[test]
fn p_opens_the_switcher_on_the_current_profile_and_region() {
    let mut m = with_profiles();
    press(&mut m, "P");
    assert_eq!(
        m.overlay,
        Some(Overlay::Switcher(Switcher {
            profile: 2,
            region: 16,
            registry: 0,
            focus: 0
        }))
    );
    assert_eq!(swr_tui::swr::regions::REGIONS[16], "cn-north-4");
}

#[test]
fn enter_asks_the_runtime_to_switch() {
    let mut m = with_profiles();
    press(&mut m, "Pkk");
    update(&mut m, key(KeyCode::Tab));
    press(&mut m, "j");
    let cmds = update(&mut m, key(KeyCode::Enter));
    assert_eq!(
        cmds,
        vec![Cmd::Switch {
            profile: "dev".into(),
            region: "cn-north-9".into(),
            instance: None,
        }]
    );
    assert_eq!(m.overlay, None);
}

#[test]
fn a_switch_starts_a_fresh_session() {
    let mut m = with_profiles();
    press(&mut m, "  ");
    let mut ctx = m.session.context.clone();
    ctx.profile = "prod".into();
    ctx.region = "ap-southeast-3".into();
    let cmds = update(&mut m, Msg::Switched(Ok(ctx.clone())));
    assert_eq!(m.session.context, ctx);
    assert!(
        m.panes.tags.is_empty() && m.panes.org.is_none() && m.panes.repo.is_none(),
        "nothing of the old account is shown"
    );
    assert_eq!(m.nav.focus(), PaneId::Orgs);
    find_fetch(&cmds, &Fetch::Orgs);
    find_fetch(&cmds, &Fetch::Quotas);
    assert!(m.status.as_ref().unwrap().text.contains("prod"));
    assert!(
        m.session.context.is_sensitive(),
        "a profile named prod gets the warning colour"
    );
}

#[test]
fn a_switch_to_plain_http_elsewhere_warns_on_the_status_line() {
    let mut m = with_profiles();
    let mut ctx = m.session.context.clone();
    ctx.profile = "lab".into();
    ctx.endpoint = "http://10.1.2.3:8080".into();
    update(&mut m, Msg::Switched(Ok(ctx.clone())));
    let status = m.status.clone().unwrap();
    assert_eq!(status.kind, StatusKind::Error, "it stays until read");
    assert!(
        status.text.contains("lab") && status.text.contains("10.1.2.3"),
        "{status:?}"
    );
    assert!(status.text.contains("unencrypted"), "{status:?}");
    ctx.endpoint = "http://127.0.0.1:8080".into();
    update(&mut m, Msg::Switched(Ok(ctx)));
    assert_eq!(
        m.status.unwrap().kind,
        StatusKind::Success,
        "the emulator on loopback is no warning"
    );
}

#[test]
fn no_switch_while_a_delete_runs() {
    let mut m = with_profiles();
    press(&mut m, "a");
    press(&mut m, "d");
    assert!(matches!(
        press(&mut m, "y").as_slice(),
        [Cmd::DeleteTags { .. }]
    ));
    m.overlay = None; // the progress view would take P; look at the switcher's own guard
    press(&mut m, "P");
    assert_eq!(m.overlay, None);
    assert!(
        m.status
            .as_ref()
            .unwrap()
            .text
            .contains("delete is running")
    );
}

#[test]
fn a_failed_switch_keeps_the_session() {
    let mut m = with_profiles();
    let before = m.session.context.clone();
    let cmds = update(&mut m, Msg::Switched(Err("no profile named \"x\"".into())));
    assert!(cmds.is_empty());
    assert_eq!(m.session.context, before);
    assert_eq!(m.panes.tags.len(), 3);
    assert_eq!(m.status.as_ref().unwrap().kind, StatusKind::Error);
}

#[test]
fn results_of_the_old_session_are_dropped() {
    let mut m = with_orgs();
    let old = find_fetch(
        &update(&mut m, key(KeyCode::Enter)),
        &Fetch::Repos { org: "demo".into() },
    );
    let same = m.session.context.clone();
    update(&mut m, Msg::Switched(Ok(same)));
    loaded(&mut m, old, Fetched::repos(repos()));
    assert!(m.panes.repos.is_empty());
}

#[test]
fn key_overrides_apply_and_survive_a_switch() {
    let mut m = with_tags(3);
    let entries = [("delete".to_string(), "x".to_string())];
    m.prefs.keymap = Keymap::from_config(entries.iter().map(|(a, b)| (a, b))).unwrap();
    assert!(press(&mut m, "d").is_empty());
    assert_eq!(m.overlay, None, "d no longer deletes");
    press(&mut m, "x");
    assert!(matches!(m.overlay, Some(Overlay::ConfirmDelete(_))));
    update(&mut m, key(KeyCode::Esc));
    let same = m.session.context.clone();
    update(&mut m, Msg::Switched(Ok(same)));
    assert_eq!(
        m.prefs.keymap,
        Keymap::from_config(entries.iter().map(|(a, b)| (a, b))).unwrap()
    );
}

#[test]
fn switcher_snapshots() {
    for (w, h) in [(80, 24), (160, 45)] {
        let mut m = with_profiles();
        update(
            &mut m,
            Msg::Resize {
                width: w,
                height: h,
            },
        );
        press(&mut m, "P");
        update(&mut m, key(KeyCode::Tab));
        insta::assert_snapshot!(format!("switcher_{w}x{h}"), render(&m, w, h));
    }
}
