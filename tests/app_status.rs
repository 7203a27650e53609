//! `update()` tests for the status line's lifecycle: information fades after a few seconds or
//! at the next key, errors stay until superseded or dismissed, and the key hints come back.

mod support;

use chrono::Duration;
use support::*;
use swr_tui::app::status::FADE_SECS;

fn copied(m: &mut Model) {
    update(
        m,
        Msg::Copied {
            text: "docker pull x".into(),
            result: Ok(CopyMethod::System),
        },
    );
    assert_eq!(m.status.as_ref().map(|s| s.kind), Some(StatusKind::Success));
}

fn tick(m: &mut Model, seconds: i64) {
    let now = m.now + Duration::seconds(seconds);
    update(m, Msg::Tick { now });
}

fn failed_load(m: &mut Model) -> u64 {
    let id = find_fetch(
        &press(m, "r"),
        &Fetch::Tags {
            org: "demo".into(),
            repo: "team/web".into(),
        },
    );
    update(
        m,
        Msg::Fetched {
            request: id,
            result: Err(ErrorInfo::http(500, "SVCSTG.SWR.5000001", "internal error")),
        },
    );
    assert_eq!(m.status.as_ref().map(|s| s.kind), Some(StatusKind::Error));
    id
}

#[test]
fn information_fades_after_a_few_seconds_and_the_hints_return() {
    let mut m = with_tags(3);
    copied(&mut m);
    assert!(render(&m, 80, 24).contains("Copied: docker pull x"));
    tick(&mut m, FADE_SECS - 1);
    assert!(m.status.is_some(), "still there a moment later");
    tick(&mut m, 1);
    assert_eq!(m.status, None, "gone after {FADE_SECS} s");
    let screen = render(&m, 80, 24);
    assert!(!screen.contains("Copied"), "{screen}");
    assert!(screen.contains("help"), "the hints are back:\n{screen}");
}

#[test]
fn information_goes_at_the_next_key() {
    let mut m = with_tags(3);
    copied(&mut m);
    press(&mut m, "j");
    assert_eq!(m.status, None);
}

#[test]
fn errors_stay_until_dismissed_with_esc_which_does_nothing_else() {
    let mut m = with_tags(3);
    failed_load(&mut m);
    tick(&mut m, 600);
    press(&mut m, "jk");
    assert_eq!(
        m.status.as_ref().map(|s| s.kind),
        Some(StatusKind::Error),
        "errors do not fade and survive keys"
    );
    let focus = m.nav.focus();
    update(&mut m, key(KeyCode::Esc));
    assert_eq!(m.status, None, "Esc dismissed it");
    assert_eq!(m.nav.focus(), focus, "and did not go back");
    update(&mut m, key(KeyCode::Esc));
    assert_ne!(m.nav.focus(), focus, "the next Esc goes back as usual");
}

#[test]
fn a_load_error_goes_when_that_list_loads() {
    let mut m = with_tags(3);
    failed_load(&mut m);
    let id = find_fetch(
        &press(&mut m, "r"),
        &Fetch::Tags {
            org: "demo".into(),
            repo: "team/web".into(),
        },
    );
    assert!(m.status.is_some(), "still there while it loads again");
    loaded(&mut m, id, Fetched::tags(tags(3)));
    assert_eq!(m.status, None, "the list loaded: the error is out of date");
}

#[test]
fn a_newer_error_supersedes_an_older_one() {
    let mut m = with_tags(3);
    failed_load(&mut m);
    update(
        &mut m,
        Msg::Copied {
            text: "docker pull x".into(),
            result: Err("no clipboard".into()),
        },
    );
    let status = m.status.clone().unwrap();
    assert!(status.text.contains("Could not copy"), "{status:?}");
}
