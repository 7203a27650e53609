//! An enterprise namespace's retention policies through `update()`: `R` lists them, `x` (or
//! Enter) runs a dry run whose sub-tasks fill the preview, the real run only from there and
//! only after the confirmation that names the count, `d` after a confirmation, read-only and
//! hostile text.

mod support;

use support::instance::*;
use support::instance_retention::*;
use support::*;
use swr_tui::app::dialogs::Overlay;
use swr_tui::app::registry::Edition;
use swr_tui::app::{InstanceWrite, Write};

fn heading(m: &Model, pane: PaneId) -> String {
    pane.kind().view(m, 10).heading
}

fn the_write(cmds: &[Cmd]) -> (u64, Write) {
    match cmds {
        [Cmd::Write { request, write }] => (*request, write.clone()),
        other => panic!("expected one write, got {other:?}"),
    }
}

#[test]
fn r_on_a_namespace_lists_its_policies_by_the_namespace_id() {
    let m = policies_at(Rect::new(0, 0, 80, 24));
    assert_eq!(m.nav.focus(), PaneId::RetentionPolicies);
    assert_eq!(
        m.nav.stack(),
        [PaneId::Namespaces, PaneId::RetentionPolicies]
    );
    assert_eq!(m.panes.retention_policies.len(), 2);
    assert_eq!(
        heading(&m, PaneId::RetentionPolicies),
        "Retention policies: apps"
    );
    let nightly = m
        .panes
        .retention_policies
        .rows()
        .iter()
        .find(|r| r.id == 9)
        .expect("nightly listed");
    assert_eq!(nightly.rules, "nDaysSinceLastPush=30");
    assert_eq!(nightly.selectors, "tags **,!release-* · repos team/**");
    assert_eq!(nightly.trigger, "scheduled 0 0 3 * * *");
    assert!(!nightly.enabled);
}

#[test]
fn r_on_the_second_namespace_and_in_the_shared_edition() {
    let mut m = policies_at(Rect::new(0, 0, 80, 24));
    update(&mut m, key(KeyCode::Esc));
    assert_eq!(m.nav.focus(), PaneId::Namespaces);
    let cmds = press(&mut m, "jR");
    assert_eq!(
        fetches(&cmds),
        [Fetch::RetentionPolicies {
            instance: INSTANCE_ID.into(),
            namespace_id: 2
        }]
    );
    assert!(
        m.panes.retention_policies.is_empty(),
        "apps' policies are gone"
    );

    let mut shared = with_orgs();
    assert!(press(&mut shared, "R").is_empty());
    // In the shared edition R is the repository's retention rule: none is open yet.
    assert!(status_text(&shared).contains("Pick a repository first"));
    assert_ne!(shared.nav.focus(), PaneId::RetentionPolicies);
}

#[test]
fn x_runs_a_dry_run_and_the_preview_counts_tags_and_repositories() {
    let mut m = policies_at(Rect::new(0, 0, 80, 24));
    let cmds = press(&mut m, "x");
    assert_eq!(fetches(&cmds), [dry_run_fetch(7)], "a fetch, never a write");
    assert_eq!(m.nav.focus(), PaneId::DryRun);
    assert_eq!(heading(&m, PaneId::DryRun), "Dry run: running…");
    assert!(status_text(&m).contains("nothing is deleted"));
    let id = fetch_id(&cmds, &dry_run_fetch(7));
    let found = [("team/api", "1.0"), ("team/api", "1.1"), ("web", "old")];
    loaded(&mut m, id, dry_run_of(&found));
    assert_eq!(
        heading(&m, PaneId::DryRun),
        "Dry run: would delete 3 tags in 2 repositories"
    );
    let rows: Vec<String> = m.panes.dry_run.rows().iter().map(|r| r.shown()).collect();
    assert_eq!(rows, ["team/api:1.0", "team/api:1.1", "web:old"]);
    assert!(m.overlay.is_none());
    assert!(m.jobs.write.is_none(), "nothing was written");
    // Esc goes back to the policies, and Enter there is the dry run too.
    update(&mut m, key(KeyCode::Esc));
    assert_eq!(m.nav.focus(), PaneId::RetentionPolicies);
    press(&mut m, "j");
    let id = m.panes.retention_policies.current().map(|r| r.id);
    let cmds = update(&mut m, key(KeyCode::Enter));
    assert_eq!(fetches(&cmds), [dry_run_fetch(id.unwrap_or_default())]);
    assert!(
        m.panes.dry_run.is_empty(),
        "the last dry run's rows are not shown"
    );
}

#[test]
fn the_real_run_is_asked_for_with_the_count_and_cancel_deletes_nothing() {
    let mut m = dry_run_at(Rect::new(0, 0, 80, 24));
    assert!(press(&mut m, "x").is_empty(), "only a question");
    let Some(Overlay::RunRetention(dialog)) = &m.overlay else {
        panic!("expected the run confirmation, got {:?}", m.overlay);
    };
    assert_eq!(
        dialog.question(),
        "Run retention policy keep-3? It deletes 3 tags now."
    );
    assert_eq!(dialog.tags, ["team/api:1.0", "team/api:1.1", "web:old"]);
    assert!(press(&mut m, "n").is_empty());
    assert!(m.overlay.is_none());
    assert_eq!(status_text(&m), "Nothing deleted");
    assert_eq!(m.nav.focus(), PaneId::DryRun, "the preview stays");
    // Enter with the focus on Cancel cancels too.
    press(&mut m, "x");
    assert!(update(&mut m, key(KeyCode::Enter)).is_empty());
    assert!(m.overlay.is_none() && m.jobs.write.is_none());
}

#[test]
fn confirming_runs_the_policy_once_and_reloads_the_policies() {
    let mut m = dry_run_at(Rect::new(0, 0, 80, 24));
    press(&mut m, "x");
    let (request, write) = the_write(&press(&mut m, "y"));
    assert_eq!(
        write,
        Write::Instance {
            instance: INSTANCE_ID.into(),
            change: InstanceWrite::RunRetention {
                namespace: "apps".into(),
                id: 7
            }
        }
    );
    assert!(m.overlay.is_none());
    assert_eq!(m.nav.focus(), PaneId::RetentionPolicies);
    assert!(m.panes.dry_run.is_empty(), "the dry run is out of date now");
    let cmds = written(&mut m, request, Ok(()));
    assert_eq!(fetches(&cmds), [policies_fetch()]);
    assert!(
        status_text(&m).contains("Retention policy keep-3 ran"),
        "{}",
        status_text(&m)
    );
    // No preview, no real run: x on the policies is a dry run again.
    assert_eq!(fetches(&press(&mut m, "x")), [dry_run_fetch(7)]);
}

#[test]
fn no_real_run_before_the_dry_run_finished_nor_when_it_found_nothing() {
    let mut m = policies_at(Rect::new(0, 0, 80, 24));
    let cmds = press(&mut m, "x");
    assert!(press(&mut m, "x").is_empty());
    assert!(m.overlay.is_none(), "still running");
    assert!(status_text(&m).contains("Wait for the dry run"));
    let id = fetch_id(&cmds, &dry_run_fetch(7));
    loaded(&mut m, id, dry_run_of(&[]));
    assert_eq!(
        heading(&m, PaneId::DryRun),
        "Dry run: would delete 0 tags in 0 repositories"
    );
    assert!(press(&mut m, "x").is_empty());
    assert!(m.overlay.is_none());
    assert!(status_text(&m).contains("nothing to delete"));
}

#[test]
fn a_stale_dry_run_answer_is_dropped() {
    let mut m = policies_at(Rect::new(0, 0, 80, 24));
    let first = fetch_id(&press(&mut m, "x"), &dry_run_fetch(7));
    update(&mut m, key(KeyCode::Esc));
    press(&mut m, "j");
    let second = first_fetch(&press(&mut m, "x"));
    answer(&mut m, first, Ok(dry_run_of(&[("web", "old")])));
    assert!(m.panes.dry_run.is_empty(), "the first policy's answer");
    assert_eq!(heading(&m, PaneId::DryRun), "Dry run: running…");
    loaded(
        &mut m,
        second,
        dry_run_of(&[("team/api", "x"), ("web", "y")]),
    );
    assert_eq!(m.panes.dry_run.len(), 2);
}

#[test]
fn a_failed_dry_run_says_so_and_offers_no_run() {
    let mut m = policies_at(Rect::new(0, 0, 80, 24));
    let id = fetch_id(&press(&mut m, "x"), &dry_run_fetch(7));
    answer(
        &mut m,
        id,
        Err(ErrorInfo::http(404, "SVCSTG.SWR.4040121", "policy gone")),
    );
    assert!(
        status_text(&m).contains("policy gone"),
        "{}",
        status_text(&m)
    );
    press(&mut m, "x");
    assert!(m.overlay.is_none());
}

#[test]
fn d_deletes_a_policy_after_its_confirmation() {
    let mut m = policies_at(Rect::new(0, 0, 80, 24));
    assert!(press(&mut m, "d").is_empty());
    let Some(Overlay::DeleteRows(dialog)) = &m.overlay else {
        panic!("expected a confirmation, got {:?}", m.overlay);
    };
    assert_eq!(dialog.question(), "Delete retention policy keep-3?");
    let (request, write) = the_write(&press(&mut m, "y"));
    assert_eq!(
        write,
        Write::Instance {
            instance: INSTANCE_ID.into(),
            change: InstanceWrite::DeleteRetentionPolicy {
                namespace: "apps".into(),
                id: 7
            }
        }
    );
    assert_eq!(
        fetches(&written(&mut m, request, Ok(()))),
        [policies_fetch()]
    );
}

#[test]
fn read_only_sessions_dry_run_but_neither_run_nor_delete() {
    let mut m = dry_run_at(Rect::new(0, 0, 80, 24));
    m.session.context.read_only = true;
    assert!(press(&mut m, "x").is_empty());
    assert!(m.overlay.is_none());
    assert!(status_text(&m).contains("Read-only"));
    // The first Esc dismisses the error, the second goes back.
    update(&mut m, key(KeyCode::Esc));
    update(&mut m, key(KeyCode::Esc));
    assert_eq!(m.nav.focus(), PaneId::RetentionPolicies);
    assert!(press(&mut m, "d").is_empty());
    assert!(m.overlay.is_none());
    assert_eq!(
        fetches(&press(&mut m, "x")),
        [dry_run_fetch(7)],
        "a dry run changes nothing"
    );
}

#[test]
fn hostile_names_are_cleaned_when_rows_are_built() {
    let mut m = policies_at(Rect::new(0, 0, 80, 24));
    let mut evil = policy(3, "evil\u{1b}[2J\u{7}", 1, "a\u{1b}]52;c;x\u{7}");
    evil.rules[0].template = "latestPushedK\u{9b}".into();
    let cmds = press(&mut m, "r");
    let id = fetch_id(&cmds, &policies_fetch());
    loaded(&mut m, id, Fetched::RetentionPolicies(vec![evil]));
    let row = &m.panes.retention_policies.rows()[0];
    for text in [&row.name.shown, &row.rules, &row.selectors] {
        assert!(!text.chars().any(char::is_control), "{text:?}");
    }
    let cmds = press(&mut m, "x");
    let id = fetch_id(&cmds, &dry_run_fetch(3));
    loaded(&mut m, id, dry_run_of(&[("r\u{1b}[31m", "t\u{7}")]));
    let shown = m.panes.dry_run.rows()[0].shown();
    assert!(!shown.chars().any(char::is_control), "{shown:?}");
}

#[test]
fn the_command_line_jumps_to_retention_in_an_instance() {
    let mut m = policies_at(Rect::new(0, 0, 80, 24));
    update(&mut m, key(KeyCode::Esc));
    press(&mut m, ":retention");
    let cmds = update(&mut m, key(KeyCode::Enter));
    assert_eq!(m.nav.focus(), PaneId::RetentionPolicies);
    assert!(cmds.is_empty(), "already loaded: {cmds:?}");
    let help = swr_tui::app::keys::help(PaneId::Namespaces, Edition::Enterprise, false);
    assert!(
        help.iter()
            .any(|(k, d)| k == "R" && d.contains("retention"))
    );
    let help = swr_tui::app::keys::help(PaneId::RetentionPolicies, Edition::Enterprise, false);
    assert!(help.iter().any(|(k, d)| k == "x" && d.contains("dry run")));
    let help = swr_tui::app::keys::help(PaneId::Namespaces, Edition::Enterprise, false);
    assert!(!help.iter().any(|(k, _)| k == "x"), "x only where it runs");
}
