//! Pure `update()` tests for the temporary login command: what the dialog says, what `y`
//! copies, failures and stale answers, and Enter on the focused button.

mod support;

use support::*;
use swr_tui::swr::model::LoginSecret;

fn secret() -> LoginSecret {
    LoginSecret {
        docker_login: "docker login -u cn-north-4@AKEXAMPLE -p s3cr3t-p4ssw0rd".into(),
        expires_at: "2026-03-11T12:00:00Z".into(),
        registry: "swr.cn-north-4.myhuaweicloud.com".into(),
    }
}

// --- login --------------------------------------------------------------------------------

fn login_dialog(m: &mut Model) {
    let cmds = press(m, "L");
    let request = match cmds.as_slice() {
        [
            Cmd::FetchLogin {
                request,
                kind: swr_tui::app::LoginKind::Shared,
            },
        ] => *request,
        other => panic!("expected FetchLogin, got {other:?}"),
    };
    assert!(status_text(m).contains("Requesting"));
    update(
        m,
        Msg::LoginFetched {
            request,
            result: Ok(secret()),
        },
    );
    assert!(matches!(m.overlay, Some(Overlay::Login(_))));
}

#[test]
fn login_y_copies_the_command_with_a_label_without_the_password() {
    let mut m = with_orgs();
    login_dialog(&mut m);
    let cmds = press(&mut m, "y");
    assert!(m.overlay.is_none());
    let (text, label) = match cmds.as_slice() {
        [Cmd::CopySecret { text, label }] => (text.clone(), label.clone()),
        other => panic!("expected CopySecret, got {other:?}"),
    };
    assert_eq!(
        text,
        "docker login -u cn-north-4@AKEXAMPLE -p s3cr3t-p4ssw0rd swr.cn-north-4.myhuaweicloud.com"
    );
    assert!(!label.contains("s3cr3t"), "{label}");
    assert!(!label.contains("-p "), "{label}");
    assert!(label.contains("2026-03-11 12:00:00 UTC"), "{label}");
    // The runtime reports the copy with the label, and the status shows only that.
    update(
        &mut m,
        Msg::Copied {
            text: label.clone(),
            result: Ok(CopyMethod::System),
        },
    );
    assert_eq!(status_text(&m), format!("Copied: {label}"));
    assert!(!status_text(&m).contains("s3cr3t"));
}

#[test]
fn login_n_copies_nothing() {
    let mut m = with_orgs();
    login_dialog(&mut m);
    assert!(press(&mut m, "n").is_empty());
    assert!(m.overlay.is_none());
    let mut m = with_orgs();
    login_dialog(&mut m);
    assert!(update(&mut m, key(KeyCode::Esc)).is_empty());
    assert!(m.overlay.is_none());
}

#[test]
fn login_failure_and_stale_answers() {
    let mut m = with_orgs();
    let request = match press(&mut m, "L").as_slice() {
        [
            Cmd::FetchLogin {
                request,
                kind: swr_tui::app::LoginKind::Shared,
            },
        ] => *request,
        other => panic!("{other:?}"),
    };
    update(
        &mut m,
        Msg::LoginFetched {
            request: request + 100,
            result: Ok(secret()),
        },
    );
    assert!(m.overlay.is_none(), "an answer nobody asked for is dropped");
    update(
        &mut m,
        Msg::LoginFetched {
            request,
            result: Err(ErrorInfo::http(403, "SVCSTG.SWR.4030001", "denied")),
        },
    );
    assert!(m.overlay.is_none());
    assert_eq!(status_kind(&m), Some(StatusKind::Error));
    assert!(status_text(&m).contains("SVCSTG.SWR.4030001"));
}

#[test]
fn login_secret_debug_hides_the_password() {
    let shown = format!("{:?}", secret());
    assert!(!shown.contains("s3cr3t"), "{shown}");
}

#[test]
fn enter_in_the_login_dialog_presses_what_has_the_focus() {
    // Deliberately changed: Enter used to copy at once; the focus starts on Cancel.
    let mut m = with_orgs();
    login_dialog(&mut m);
    assert!(update(&mut m, key(KeyCode::Enter)).is_empty());
    assert!(m.overlay.is_none(), "Enter on Cancel copies nothing");
    login_dialog(&mut m);
    update(&mut m, key(KeyCode::Tab));
    let cmds = update(&mut m, key(KeyCode::Enter));
    assert!(
        matches!(cmds.as_slice(), [Cmd::CopySecret { .. }]),
        "{cmds:?}"
    );
    assert!(m.overlay.is_none());
}
