//! The shares of a repository (`:shares`): a resource kind added through the registry.

mod support;

use support::*;
use swr_tui::app::Write;
use swr_tui::app::detail;
use swr_tui::app::keys;
use swr_tui::app::registry::Edition;
use swr_tui::app::rows::ColumnId;
use swr_tui::swr::model::AccessDomain;

fn share(account: &str, deadline: &str, valid: bool) -> AccessDomain {
    AccessDomain {
        namespace: "demo".into(),
        repository: "team/web".into(),
        access_domain: account.into(),
        permit: "read".into(),
        deadline: deadline.into(),
        description: format!("for {account}"),
        creator_name: "alice".into(),
        status: valid,
        ..AccessDomain::default()
    }
}

fn shares() -> Vec<AccessDomain> {
    vec![
        share("partner-10", "forever", true),
        share("partner-2", "2026-01-31T00:00:00Z", false),
        share("ops", "2027-06-30T00:00:00Z", true),
    ]
}

/// The tags of demo/team/web, then `:shares`, answered.
fn with_shares() -> Model {
    let mut m = with_tags(3);
    press(&mut m, ":shares");
    let cmds = update(&mut m, key(KeyCode::Enter));
    let want = Fetch::Shares {
        org: "demo".into(),
        repo: "team/web".into(),
    };
    let id = fetch_id(&cmds, &want);
    loaded(&mut m, id, Fetched::Shares(shares()));
    m
}

fn accounts(m: &Model) -> Vec<String> {
    m.panes
        .shares
        .visible()
        .map(|r| r.account.clone())
        .collect()
}

#[test]
fn shares_of_the_open_repository_list_in_natural_order() {
    let m = with_shares();
    assert_eq!(m.nav.focus(), PaneId::Shares);
    assert_eq!(accounts(&m), ["ops", "partner-2", "partner-10"]);
    let row = m.panes.shares.current().unwrap();
    assert_eq!((row.until(), row.state()), ("2027-06-30".into(), "valid"));
    assert_eq!(m.panes.shares.load, Load::Loaded);
}

#[test]
fn shares_filter_sort_by_deadline_and_mark() {
    let mut m = with_shares();
    press(&mut m, "/partner");
    update(&mut m, key(KeyCode::Enter));
    assert_eq!(accounts(&m), ["partner-2", "partner-10"]);
    update(&mut m, key(KeyCode::Esc));
    press(&mut m, "s");
    assert_eq!(m.panes.shares.sort().column, ColumnId::Deadline);
    // For ever is the latest deadline.
    assert_eq!(accounts(&m), ["partner-2", "ops", "partner-10"]);
    press(&mut m, "S");
    assert_eq!(accounts(&m), ["partner-10", "ops", "partner-2"]);
    press(&mut m, " ");
    assert_eq!(m.panes.shares.marked_count(), 1);
    press(&mut m, "i");
    assert_eq!(m.panes.shares.marked_count(), 2, "the marks are inverted");
}

#[test]
fn shares_details_and_way_back() {
    let mut m = with_shares();
    let (title, lines) = detail::of_focus(&m);
    assert_eq!(title, "Share details");
    let lines = lines.unwrap();
    assert!(lines.contains(&detail::Detail::Field("Account", "ops".into())));
    assert!(lines.contains(&detail::Detail::Field("Shared by", "alice".into())));
    update(&mut m, key(KeyCode::Esc));
    assert_eq!(m.nav.focus(), PaneId::Tags, "back where :shares was typed");
}

#[test]
fn shares_need_a_repository_and_reload_their_own_list() {
    let mut m = with_orgs();
    press(&mut m, ":shares");
    assert!(update(&mut m, key(KeyCode::Enter)).is_empty());
    assert_eq!(m.nav.focus(), PaneId::Orgs);
    assert!(m.status.as_ref().unwrap().text.contains("repository"));

    let mut m = with_shares();
    let cmds = press(&mut m, "r");
    let want = Fetch::Shares {
        org: "demo".into(),
        repo: "team/web".into(),
    };
    let id = fetch_id(&cmds, &want);
    // A stale answer of another list does not land here.
    update(
        &mut m,
        Msg::Fetched {
            request: id + 100,
            result: Ok(Fetched::Shares(vec![share("stray", "forever", true)])),
        },
    );
    assert!(!accounts(&m).contains(&"stray".to_string()));
    loaded(
        &mut m,
        id,
        Fetched::Shares(vec![share("only", "forever", true)]),
    );
    assert_eq!(accounts(&m), ["only"]);
}

#[test]
fn a_failed_share_list_says_so_on_the_pane() {
    let mut m = with_tags(3);
    press(&mut m, ":shares");
    let cmds = update(&mut m, key(KeyCode::Enter));
    let Some(Cmd::Fetch { request, .. }) = cmds.first() else {
        panic!("{cmds:?}");
    };
    update(
        &mut m,
        Msg::Fetched {
            request: *request,
            result: Err(ErrorInfo::other("denied")),
        },
    );
    assert!(matches!(m.panes.shares.load, Load::Failed(_)));
    assert!(
        m.status
            .as_ref()
            .unwrap()
            .text
            .contains("Loading shares failed")
    );
}

#[test]
fn the_shares_pane_draws_at_both_sizes() {
    let m = with_shares();
    let small = render(&m, 80, 24);
    assert!(small.contains("Shares: demo/team/web (3)"), "{small}");
    assert!(small.contains("ACCOUNT"));
    assert!(small.contains("forever"));
    assert!(small.contains("expired"));
    insta::assert_snapshot!("shares_80x24", small);
    let large = render(&m, 160, 45);
    assert!(
        large.contains("DESCRIPTION"),
        "wide panes show the description"
    );
    assert!(large.contains("for partner-10"));
    // The detail panel describes the current share.
    assert!(large.contains("Shared by"));
    insta::assert_snapshot!("shares_160x45", large);
}

#[test]
fn the_marking_menu_stays_with_tags() {
    let mut m = with_shares();
    press(&mut m, "m");
    assert!(m.overlay.is_none(), "its rules are about tags");
    assert_eq!(m.panes.tags.marked_count(), 0);
    press(&mut m, "a");
    assert_eq!(m.panes.shares.marked_count(), 3);
    assert_eq!(m.status.as_ref().unwrap().text, "Marked 3 more shares");
    assert_eq!(m.panes.tags.marked_count(), 0, "the tags are not touched");
}

fn revoke(accounts: &[&str]) -> Write {
    Write::RevokeShares {
        org: "demo".into(),
        repo: "team/web".into(),
        accounts: accounts.iter().map(|a| a.to_string()).collect(),
    }
}

#[test]
fn d_revokes_exactly_the_marked_shares_after_y() {
    let mut m = with_shares();
    // ops, partner-2, partner-10: mark the first two.
    press(&mut m, "  ");
    assert!(
        press(&mut m, "d").is_empty(),
        "nothing is sent before the answer"
    );
    let Some(Overlay::DeleteRows(dialog)) = &m.overlay else {
        panic!("{:?}", m.overlay);
    };
    assert_eq!(dialog.question(), "Revoke 2 shares?");
    assert_eq!(dialog.names, ["ops", "partner-2"]);
    assert!(!dialog.confirm_focused(), "the focus starts on Cancel");
    let (request, write) = the_write(&press(&mut m, "y"));
    assert_eq!(write, revoke(&["ops", "partner-2"]));
    assert!(m.overlay.is_none());
    let cmds = written(&mut m, request, Ok(()));
    assert_eq!(
        m.status.as_ref().unwrap().text,
        "Revoked 2 shares of demo/team/web"
    );
    fetch_id(
        &cmds,
        &Fetch::Shares {
            org: "demo".into(),
            repo: "team/web".into(),
        },
    );
}

#[test]
fn without_marks_d_asks_about_the_current_share_and_enter_on_cancel_cancels() {
    let mut m = with_shares();
    press(&mut m, "j");
    press(&mut m, "d");
    let Some(Overlay::DeleteRows(dialog)) = &m.overlay else {
        panic!("{:?}", m.overlay);
    };
    assert_eq!(dialog.question(), "Revoke share partner-2?");
    assert!(update(&mut m, key(KeyCode::Enter)).is_empty());
    assert!(m.overlay.is_none());
    assert_eq!(m.status.as_ref().unwrap().text, "Nothing deleted");
    // Tab to Revoke: Enter presses it.
    press(&mut m, "d");
    update(&mut m, key(KeyCode::Tab));
    let (_, write) = the_write(&update(&mut m, key(KeyCode::Enter)));
    assert_eq!(write, revoke(&["partner-2"]));
}

#[test]
fn a_partly_failed_revoke_says_so_and_reloads_what_the_service_holds() {
    let mut m = with_shares();
    press(&mut m, "a");
    press(&mut m, "d");
    let (request, _) = the_write(&press(&mut m, "y"));
    let error = ErrorInfo::other("revoked 2 of 3; still shared with ops: denied");
    let cmds = written(&mut m, request, Err(error));
    let status = m.status.clone().unwrap();
    assert_eq!(status.kind, StatusKind::Error);
    assert!(
        status.text.contains("still shared with ops"),
        "{}",
        status.text
    );
    assert!(
        matches!(
            cmds.as_slice(),
            [Cmd::Fetch {
                fetch: Fetch::Shares { .. },
                ..
            }]
        ),
        "{cmds:?}"
    );
}

#[test]
fn read_only_revokes_nothing_and_hides_the_key() {
    let mut m = with_shares();
    m.session.context.read_only = true;
    assert!(press(&mut m, "dy").is_empty());
    assert!(m.overlay.is_none());
    assert!(
        !keys::help(PaneId::Shares, Edition::Shared, true)
            .iter()
            .any(|(k, _)| k == "d")
    );
    assert!(
        keys::help(PaneId::Shares, Edition::Shared, false)
            .iter()
            .any(|(k, _)| k == "d")
    );
}

#[test]
fn the_revoke_confirmation_draws_at_both_sizes() {
    let mut m = with_shares();
    press(&mut m, "  d");
    let small = render(&m, 80, 24);
    assert!(small.contains("Revoke 2 shares?"), "{small}");
    assert!(small.contains("• partner-2"), "{small}");
    assert!(small.contains("Revoke 2"), "{small}");
    insta::assert_snapshot!("revoke_80x24", small);
    let large = render(&m, 160, 45);
    assert!(large.contains("Of demo/team/web"), "{large}");
    insta::assert_snapshot!("revoke_160x45", large);
}

#[test]
fn a_deadline_that_is_no_time_is_shown_as_sent_never_as_forever() {
    let row = swr_tui::app::resources::ShareRow::from(share("odd", "next tuesday\u{1b}[2J", true));
    assert_eq!(row.until(), "? next tuesday[2J");
    assert!(matches!(
        row.deadline,
        swr_tui::app::resources::Deadline::Unreadable(_)
    ));
    let forever = swr_tui::app::resources::ShareRow::from(share("f", "forever", true));
    assert_eq!(forever.until(), "forever");
}

#[test]
fn marked_shares_the_filter_hides_are_revoked_too_and_listed_after_the_shown_ones() {
    let mut m = with_shares();
    // ops, partner-2, partner-10: mark ops and partner-10, then filter ops away.
    press(&mut m, " j ");
    press(&mut m, "/partner");
    update(&mut m, key(KeyCode::Enter));
    assert_eq!(m.panes.shares.marked_count(), 2);
    press(&mut m, "d");
    let Some(Overlay::DeleteRows(dialog)) = &m.overlay else {
        panic!("{:?}", m.overlay);
    };
    assert_eq!(
        dialog.names,
        ["partner-10", "ops"],
        "as the title's [2 marked] says"
    );
    let cmds = press(&mut m, "y");
    assert!(
        matches!(cmds.as_slice(), [Cmd::Write { write, .. }] if *write == revoke(&["partner-10", "ops"])),
        "{cmds:?}"
    );
}
