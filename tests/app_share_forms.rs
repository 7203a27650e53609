//! Sharing a repository from the Shares pane: `c` adds a share (account, until, description),
//! `e` extends the current one; input is checked in the form before anything is sent.

mod support;

use support::*;
use swr_tui::app::Write;
use swr_tui::app::dialogs::form::share::{account_name, deadline};
use swr_tui::app::keys;
use swr_tui::app::msg::ShareWrite;
use swr_tui::app::registry::Edition;
use swr_tui::swr::model::AccessDomain;

fn share(account: &str, deadline: &str) -> AccessDomain {
    AccessDomain {
        namespace: "demo".into(),
        repository: "team/web".into(),
        access_domain: account.into(),
        permit: "read".into(),
        deadline: deadline.into(),
        description: format!("for {account}"),
        status: true,
        ..AccessDomain::default()
    }
}

fn refresh() -> Fetch {
    Fetch::Shares {
        org: "demo".into(),
        repo: "team/web".into(),
    }
}

/// `:shares` on demo/team/web, answered with two shares (ops until 2027-06-30, partner for ever).
fn with_shares() -> Model {
    let mut m = with_tags(3);
    press(&mut m, ":shares");
    let cmds = update(&mut m, key(KeyCode::Enter));
    let id = fetch_id(&cmds, &refresh());
    let list = vec![
        share("ops", "2027-06-30T00:00:00Z"),
        share("partner", "forever"),
    ];
    loaded(&mut m, id, Fetched::Shares(list));
    m
}

fn form(m: &Model) -> &swr_tui::app::dialogs::Form {
    match &m.overlay {
        Some(Overlay::Form(f)) => f,
        other => panic!("no form: {other:?}"),
    }
}

fn form_error(m: &Model) -> Option<(usize, String)> {
    form(m).error.clone()
}

/// Empties the focused one-line field.
fn clear(m: &mut Model) {
    for _ in 0..40 {
        update(m, key(KeyCode::Backspace));
    }
}

#[test]
fn c_opens_the_add_form_and_saves_a_share_until_a_day() {
    let mut m = with_shares();
    assert!(press(&mut m, "c").is_empty());
    assert_eq!(form(&m).title(), "Share demo/team/web");
    let labels: Vec<&str> = form(&m).fields.iter().map(|f| f.label).collect();
    assert_eq!(labels, ["Account", "Until", "Description"]);
    press(&mut m, "partner-b");
    update(&mut m, key(KeyCode::Tab));
    clear(&mut m);
    press(&mut m, "2026-12-31");
    update(&mut m, key(KeyCode::Tab));
    press(&mut m, "nightly builds");
    let (request, write) = the_write(&update(&mut m, ctrl('s')));
    assert_eq!(
        write,
        Write::Share {
            org: "demo".into(),
            repo: "team/web".into(),
            change: ShareWrite::Add {
                account: "partner-b".into(),
                deadline: "2026-12-31T00:00:00.000Z".into(),
                description: "nightly builds".into(),
            },
        }
    );
    assert!(m.overlay.is_none());
    succeeds(
        &mut m,
        request,
        &[refresh()],
        "Shared demo/team/web with partner-b",
    );
}

#[test]
fn the_add_form_defaults_to_forever_and_enter_saves() {
    let mut m = with_shares();
    press(&mut m, "c");
    press(&mut m, "acme2");
    let (_, write) = the_write(&update(&mut m, key(KeyCode::Enter)));
    let Write::Share {
        change: ShareWrite::Add { deadline, .. },
        ..
    } = write
    else {
        panic!("{write:?}");
    };
    assert_eq!(deadline, "forever");
}

#[test]
fn the_add_form_refuses_a_bad_account_inline() {
    let mut m = with_shares();
    press(&mut m, "c");
    assert!(update(&mut m, ctrl('s')).is_empty(), "no account, no write");
    let (field, why) = form_error(&m).expect("an inline error");
    assert_eq!(field, 0);
    assert_eq!(why, "an account name is required");
    press(&mut m, "bad name");
    assert!(update(&mut m, ctrl('s')).is_empty());
    let (_, why) = form_error(&m).unwrap();
    assert!(why.contains("not allowed"), "{why}");
    assert!(matches!(m.overlay, Some(Overlay::Form(_))));
}

#[test]
fn the_add_form_refuses_a_day_that_is_no_day_or_is_past() {
    let mut m = with_shares();
    press(&mut m, "c");
    press(&mut m, "partner-b");
    update(&mut m, key(KeyCode::Tab));
    clear(&mut m);
    press(&mut m, "31.12.2026");
    assert!(update(&mut m, ctrl('s')).is_empty());
    assert_eq!(
        form_error(&m),
        Some((1, "a day as YYYY-MM-DD, or forever".into()))
    );
    clear(&mut m);
    // The tests' clock stands at 2026-03-10.
    press(&mut m, "2026-03-09");
    assert!(update(&mut m, ctrl('s')).is_empty());
    assert_eq!(
        form_error(&m),
        Some((1, "2026-03-09 is in the past".into()))
    );
    clear(&mut m);
    press(&mut m, "2026-03-10");
    assert!(!update(&mut m, ctrl('s')).is_empty(), "today is fine");
}

#[test]
fn a_refused_share_says_why() {
    let mut m = with_shares();
    press(&mut m, "c");
    press(&mut m, "ops");
    let (request, _) = the_write(&update(&mut m, ctrl('s')));
    let error = ErrorInfo::other("repository already shared with ops");
    written(&mut m, request, Err(error));
    assert_eq!(status_kind(&m), Some(StatusKind::Error));
    assert!(
        status_text(&m).contains("already shared"),
        "{}",
        status_text(&m)
    );
}

#[test]
fn e_extends_the_current_share_prefilled_with_its_deadline() {
    let mut m = with_shares();
    // ops (2027-06-30), partner (forever).
    assert!(press(&mut m, "e").is_empty());
    assert_eq!(form(&m).title(), "Extend the share with ops");
    let labels: Vec<&str> = form(&m).fields.iter().map(|f| f.label).collect();
    assert_eq!(labels, ["Until", "Description"]);
    assert!(!form(&m).changed());
    clear(&mut m);
    press(&mut m, "forever");
    let (request, write) = the_write(&update(&mut m, ctrl('s')));
    assert_eq!(
        write,
        Write::Share {
            org: "demo".into(),
            repo: "team/web".into(),
            change: ShareWrite::Extend {
                account: "ops".into(),
                deadline: "forever".into(),
                description: "for ops".into(),
            },
        }
    );
    succeeds(
        &mut m,
        request,
        &[refresh()],
        "Changed the share of demo/team/web with ops",
    );
}

#[test]
fn extending_a_forever_share_to_a_day_sends_that_day() {
    let mut m = with_shares();
    press(&mut m, "j");
    press(&mut m, "e");
    assert_eq!(form(&m).title(), "Extend the share with partner");
    clear(&mut m);
    press(&mut m, "2030-01-01");
    let (_, write) = the_write(&update(&mut m, key(KeyCode::Enter)));
    let Write::Share {
        change: ShareWrite::Extend {
            account, deadline, ..
        },
        ..
    } = write
    else {
        panic!("{write:?}");
    };
    assert_eq!(
        (account.as_str(), deadline.as_str()),
        ("partner", "2030-01-01T00:00:00.000Z")
    );
}

#[test]
fn read_only_opens_no_share_form_and_hides_the_keys() {
    let mut m = with_shares();
    m.session.context.read_only = true;
    assert!(press(&mut m, "ce").is_empty());
    assert!(m.overlay.is_none());
    let help = keys::help(PaneId::Shares, Edition::Shared, true);
    assert!(!help.iter().any(|(k, _)| k == "c" || k == "e"));
    let help = keys::help(PaneId::Shares, Edition::Shared, false);
    assert!(help.iter().any(|(k, _)| k == "c"));
    assert!(help.iter().any(|(k, _)| k == "e"));
}

#[test]
fn esc_on_a_changed_share_form_asks_before_dropping_it() {
    let mut m = with_shares();
    press(&mut m, "c");
    press(&mut m, "someone");
    update(&mut m, key(KeyCode::Esc));
    assert!(form(&m).confirm_discard);
    update(&mut m, key(KeyCode::Char('n')));
    assert!(matches!(m.overlay, Some(Overlay::Form(_))));
}

#[test]
fn account_names_and_deadlines_are_checked() {
    assert!(account_name("partner_b.2").is_ok());
    assert!(account_name("").is_err());
    assert!(account_name("2fast").is_err());
    assert!(account_name("a/b").is_err());
    assert!(account_name(&"a".repeat(65)).is_err());
    assert!(account_name("x\u{1b}[2J").is_err());
    let now = support::now();
    assert_eq!(deadline(" Forever ", now).unwrap(), "forever");
    assert_eq!(
        deadline("2026-04-01", now).unwrap(),
        "2026-04-01T00:00:00.000Z"
    );
    assert!(deadline("2026-02-30", now).is_err());
    assert!(deadline("", now).is_err());
}
