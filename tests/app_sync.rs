//! Cross-region sync through `update()`: `X` asks for the regions, then the form (region,
//! organization, override), the confirmation naming count, tags, target and override, one write
//! for every tag; the cap; cancelling sends nothing; the jobs pane polls while jobs move and stops
//! when they are settled or the pane is left; the rules pane adds and deletes.

mod support;

use support::sync::*;
use support::*;
use swr_tui::app::dialogs::form::Input;
use swr_tui::app::keys;
use swr_tui::app::registry::Edition;
use swr_tui::app::resource::Tone;
use swr_tui::app::{SyncWrite, Write};
use swr_tui::swr::sync::MAX_SYNC_TAGS;

fn sync_write(tags: &[&str], region: &str, namespace: &str, over: bool) -> Write {
    Write::Sync {
        org: "demo".into(),
        repo: "team/web".into(),
        change: SyncWrite::Tags {
            tags: tags.iter().map(|t| t.to_string()).collect(),
            region: region.into(),
            namespace: namespace.into(),
            override_existing: over,
        },
    }
}

fn demo_jobs() -> Fetch {
    let (org, repo) = demo_web_repo();
    Fetch::SyncJobs { org, repo }
}

fn demo_rules() -> Fetch {
    let (org, repo) = demo_web_repo();
    Fetch::SyncRules { org, repo }
}

// --- the dialog -------------------------------------------------------------------------------

#[test]
fn x_asks_for_the_regions_first_and_offers_only_other_well_formed_ones() {
    let mut m = with_tags(5);
    press(&mut m, "  ");
    let cmds = press(&mut m, "X");
    let id = fetch_id(&cmds, &Fetch::SyncRegions);
    assert!(m.overlay.is_none(), "the form waits for the regions");
    assert!(answer(&mut m, id, Ok(Fetched::SyncRegions(regions()))).is_empty());
    let form = sync_form(&m);
    assert_eq!(form.title(), "Sync 2 tags of demo/team/web");
    let labels: Vec<&str> = form.fields.iter().map(|f| f.label).collect();
    assert_eq!(labels, ["Region", "Organization", "Override"]);
    match &form.fields[0].input {
        Input::Choice { options, index } => {
            // Not the session's own region (cn-north-4), not the hostile id.
            assert_eq!(options, &["cn-east-3", "cn-south-1"]);
            assert_eq!(*index, 0);
        }
        other => panic!("the region is a choice: {other:?}"),
    }
    assert_eq!(form.fields[2].input, Input::Toggle(false), "override off");
}

#[test]
fn marked_tags_are_confirmed_by_count_list_and_target_then_sent_in_one_write() {
    let mut m = with_sync_form(5, 2);
    fill_sync_form(&mut m, 0, "backup", true);
    assert!(
        update(&mut m, ctrl('s')).is_empty(),
        "saving the form only asks"
    );
    let dialog = sync_confirm(&m);
    assert_eq!(
        dialog.text(),
        "Sync 2 tags to cn-east-3/backup? existing tags there will be overwritten"
    );
    assert_eq!(dialog.tags, ["v4", "v3"]);
    assert!(!dialog.confirm_focused(), "the focus starts on Cancel");
    let (request, write) = the_write(&press(&mut m, "y"));
    assert_eq!(
        write,
        sync_write(&["v4", "v3"], "cn-east-3", "backup", true)
    );
    assert!(m.overlay.is_none());

    let cmds = written(&mut m, request, Ok(()));
    assert_eq!(status_text(&m), "sync started: 2 tags → cn-east-3/backup");
    assert_eq!(status_kind(&m), Some(StatusKind::Success));
    assert_eq!(fetches(&cmds), [demo_jobs()]);
    assert_eq!(m.nav.focus(), PaneId::SyncJobs, "the jobs pane opens");
}

#[test]
fn without_marks_the_current_tag_syncs_and_override_off_says_so() {
    let mut m = with_sync_form(5, 0);
    fill_sync_form(&mut m, 1, "mirror", false);
    update(&mut m, key(KeyCode::Enter));
    let dialog = sync_confirm(&m);
    assert_eq!(dialog.question(), "Sync 1 tag to cn-south-1/mirror?");
    assert!(dialog.text().contains("kept"), "{}", dialog.text());
    assert!(!dialog.text().contains("overwritten"), "{}", dialog.text());
    // Tab to Sync: Enter presses it.
    update(&mut m, key(KeyCode::Tab));
    let (_, write) = the_write(&update(&mut m, key(KeyCode::Enter)));
    assert_eq!(write, sync_write(&["v4"], "cn-south-1", "mirror", false));
}

#[test]
fn cancelling_the_confirmation_or_the_form_sends_nothing() {
    let mut m = with_sync_form(5, 2);
    fill_sync_form(&mut m, 0, "backup", false);
    update(&mut m, ctrl('s'));
    assert!(press(&mut m, "n").is_empty());
    assert!(m.overlay.is_none());
    assert_eq!(status_text(&m), "Nothing synced");
    assert!(m.jobs.write.is_none(), "no write in flight");

    let mut m = with_sync_form(5, 2);
    fill_sync_form(&mut m, 0, "backup", false);
    update(&mut m, ctrl('s'));
    assert!(update(&mut m, key(KeyCode::Esc)).is_empty());
    assert!(m.overlay.is_none());

    // The untouched form closes on Esc; a filled one asks first, and `y` discards.
    let mut m = with_sync_form(5, 1);
    assert!(update(&mut m, key(KeyCode::Esc)).is_empty());
    assert!(m.overlay.is_none());
    let mut m = with_sync_form(5, 1);
    fill_sync_form(&mut m, 0, "backup", false);
    assert!(update(&mut m, key(KeyCode::Esc)).is_empty());
    assert!(sync_form(&m).confirm_discard);
    assert!(press(&mut m, "y").is_empty());
    assert!(m.overlay.is_none());
    assert!(m.jobs.write.is_none());
}

#[test]
fn an_invalid_organization_is_explained_in_the_form_and_nothing_is_sent() {
    let mut m = with_sync_form(5, 1);
    fill_sync_form(&mut m, 0, "Bad Org", false);
    assert!(update(&mut m, ctrl('s')).is_empty());
    let form = sync_form(&m);
    let (field, why) = form.error.clone().expect("an inline error");
    assert_eq!(form.fields[field].label, "Organization");
    assert!(why.contains("lower-case"), "{why}");
    assert_eq!(form.focus, field, "the focus goes to the field at fault");

    let mut m = with_sync_form(5, 1);
    fill_sync_form(&mut m, 0, "", false);
    assert!(update(&mut m, ctrl('s')).is_empty());
    assert!(sync_form(&m).error.is_some(), "an organization is required");
}

#[test]
fn more_than_the_cap_marked_is_refused_before_anything_is_asked() {
    let mut m = with_tags(MAX_SYNC_TAGS + 1);
    press(&mut m, "a");
    assert!(press(&mut m, "X").is_empty(), "not even the regions");
    assert!(m.overlay.is_none());
    assert_eq!(status_kind(&m), Some(StatusKind::Error));
    let text = status_text(&m);
    assert!(text.contains("1001 tags marked"), "{text}");
    assert!(text.contains("at most 1000"), "{text}");
    assert!(text.contains("nothing sent"), "{text}");

    // Exactly the cap goes.
    let mut m = with_tags(MAX_SYNC_TAGS);
    press(&mut m, "a");
    x_with_regions(&mut m);
    fill_sync_form(&mut m, 0, "backup", false);
    update(&mut m, ctrl('s'));
    assert_eq!(sync_confirm(&m).tags.len(), MAX_SYNC_TAGS);
    assert_eq!(
        sync_confirm(&m).question(),
        "Sync 1000 tags to cn-east-3/backup?"
    );
}

#[test]
fn a_failed_region_list_or_none_left_opens_no_form() {
    let mut m = with_tags(3);
    let id = fetch_id(&press(&mut m, "X"), &Fetch::SyncRegions);
    answer(
        &mut m,
        id,
        Err(ErrorInfo::http(403, "SVCSTG.SWR.4030001", "denied")),
    );
    assert!(m.overlay.is_none());
    assert!(status_text(&m).contains("denied"), "{}", status_text(&m));

    let mut m = with_tags(3);
    let id = fetch_id(&press(&mut m, "X"), &Fetch::SyncRegions);
    let own = vec!["cn-north-4".to_string()];
    answer(&mut m, id, Ok(Fetched::SyncRegions(own)));
    assert!(m.overlay.is_none());
    assert_eq!(status_text(&m), "No other region to sync to");
}

#[test]
fn regions_arriving_under_another_dialog_do_not_push_it_aside() {
    let mut m = with_tags(3);
    let id = fetch_id(&press(&mut m, "X"), &Fetch::SyncRegions);
    press(&mut m, "?");
    assert!(matches!(m.overlay, Some(Overlay::Help)));
    answer(&mut m, id, Ok(Fetched::SyncRegions(regions())));
    assert!(matches!(m.overlay, Some(Overlay::Help)), "{:?}", m.overlay);
    assert!(status_text(&m).contains("press the key again"));
    // A second answer to the same request opens nothing either.
    answer(&mut m, id, Ok(Fetched::SyncRegions(regions())));
    assert!(matches!(m.overlay, Some(Overlay::Help)));
}

#[test]
fn a_refused_sync_says_why_and_stays_on_the_tags() {
    let mut m = with_sync_form(5, 2);
    fill_sync_form(&mut m, 0, "nosuch", false);
    update(&mut m, ctrl('s'));
    let (request, _) = the_write(&press(&mut m, "y"));
    refused(
        &mut m,
        request,
        ErrorInfo::http(400, "SVCSTG.SWR.4000014", "no organization nosuch"),
    );
    assert_eq!(status_kind(&m), Some(StatusKind::Error));
    assert!(status_text(&m).contains("no organization nosuch"));
    assert_eq!(m.nav.focus(), PaneId::Tags);
}

#[test]
fn read_only_and_enterprise_sessions_have_no_x() {
    let mut m = with_tags(3);
    m.session.context.read_only = true;
    assert!(press(&mut m, "X").is_empty());
    assert!(m.overlay.is_none());
    assert!(status_text(&m).contains("Read-only"));
    let has_x = |edition, read_only| {
        keys::help(PaneId::Tags, edition, read_only)
            .iter()
            .any(|(k, help)| k == "X" && help.contains("sync"))
    };
    assert!(has_x(Edition::Shared, false));
    assert!(!has_x(Edition::Shared, true));
    assert!(!has_x(Edition::Enterprise, false));
    // Only the tag pane syncs.
    let mut m = with_orgs();
    assert!(press(&mut m, "X").is_empty());
    assert!(status_text(&m).contains("tag pane"), "{}", status_text(&m));
}

// --- the jobs pane ----------------------------------------------------------------------------

#[test]
fn sync_lists_the_repository_jobs_with_their_states_sanitized() {
    let mut jobs = mixed_jobs();
    jobs[0].tag = "v5\u{1b}[31m".into();
    jobs[1].status = "running\u{7}".into();
    let m = with_jobs(jobs);
    assert_eq!(m.nav.focus(), PaneId::SyncJobs);
    let rows: Vec<(String, String)> = m
        .panes
        .sync_jobs
        .visible()
        .map(|r| (r.tag.clone(), r.status.clone()))
        .collect();
    assert_eq!(rows[0], ("v5�[31m".to_string(), "waiting".to_string()));
    assert_eq!(rows[1].1, "running", "controls are gone from the status");
    let tones: Vec<Option<Tone>> = m.panes.sync_jobs.visible().map(|r| r.tone()).collect();
    assert_eq!(
        tones,
        [
            Some(Tone::Busy),
            Some(Tone::Busy),
            Some(Tone::Good),
            Some(Tone::Bad),
            None,
            Some(Tone::Bad)
        ]
    );
}

#[test]
fn sync_needs_a_repository() {
    let mut m = with_orgs();
    assert!(command(&mut m, "sync").is_empty());
    assert_eq!(m.nav.focus(), PaneId::Orgs);
    assert!(
        status_text(&m).contains("repository"),
        "{}",
        status_text(&m)
    );
}

#[test]
fn the_jobs_pane_polls_every_two_seconds_while_a_job_moves() {
    let mut m = with_jobs(mixed_jobs());
    assert!(tick_at(&mut m, 0).is_empty(), "the clock starts");
    assert!(tick_at(&mut m, 1).is_empty());
    let id = fetch_id(&tick_at(&mut m, 2), &demo_jobs());
    assert!(tick_at(&mut m, 3).is_empty(), "not while it loads");
    // Still one running: two seconds after this load, again.
    let still = vec![
        sync_job(6, "v5", "running", 0),
        sync_job(4, "v3", "success", 2),
    ];
    loaded(&mut m, id, Fetched::SyncJobs(still));
    assert!(tick_at(&mut m, 4).is_empty());
    assert!(tick_at(&mut m, 5).is_empty());
    let id = fetch_id(&tick_at(&mut m, 6), &demo_jobs());
    // All settled: no more polling.
    let done = vec![
        sync_job(6, "v5", "success", 0),
        sync_job(4, "v3", "success", 2),
    ];
    loaded(&mut m, id, Fetched::SyncJobs(done));
    for secs in 7..20 {
        assert!(tick_at(&mut m, secs).is_empty(), "polled at {secs}s");
    }
}

#[test]
fn polling_stops_when_the_pane_is_left_and_a_failed_load_is_not_retried() {
    let mut m = with_jobs(mixed_jobs());
    update(&mut m, key(KeyCode::Esc));
    assert_eq!(m.nav.focus(), PaneId::Tags);
    for secs in 0..10 {
        assert!(tick_at(&mut m, secs).is_empty(), "polled at {secs}s");
    }

    let mut m = with_jobs(mixed_jobs());
    tick_at(&mut m, 0);
    let id = fetch_id(&tick_at(&mut m, 2), &demo_jobs());
    answer(&mut m, id, Err(ErrorInfo::other("network error: reset")));
    for secs in 3..10 {
        assert!(tick_at(&mut m, secs).is_empty(), "polled at {secs}s");
    }
    // `r` retries by hand, and polling resumes once it loads.
    let id = fetch_id(&press(&mut m, "r"), &demo_jobs());
    loaded(&mut m, id, Fetched::SyncJobs(mixed_jobs()));
    tick_at(&mut m, 10);
    fetch_id(&tick_at(&mut m, 12), &demo_jobs());
}

#[test]
fn a_settled_list_is_never_polled() {
    let done = vec![
        sync_job(2, "v1", "success", 1),
        sync_job(1, "v0", "existed", 2),
    ];
    let mut m = with_jobs(done);
    for secs in 0..10 {
        assert!(tick_at(&mut m, secs).is_empty());
    }
}

// --- the rules pane ---------------------------------------------------------------------------

#[test]
fn sync_rules_lists_the_automatic_rules_by_region() {
    let m = with_rules(rules());
    assert_eq!(m.nav.focus(), PaneId::SyncRules);
    let targets: Vec<&str> = m
        .panes
        .sync_rules
        .visible()
        .map(|r| r.target.as_str())
        .collect();
    assert_eq!(targets, ["cn-east-3/backup", "cn-south-1/mirror"]);
}

#[test]
fn c_adds_a_rule_through_the_region_list_and_the_form() {
    let mut m = with_rules(rules());
    let id = fetch_id(&press(&mut m, "c"), &Fetch::SyncRegions);
    assert!(answer(&mut m, id, Ok(Fetched::SyncRegions(regions()))).is_empty());
    assert_eq!(sync_form(&m).title(), "Add a sync rule to demo/team/web");
    fill_sync_form(&mut m, 1, "spare", true);
    let (request, write) = the_write(&update(&mut m, ctrl('s')));
    assert_eq!(
        write,
        Write::Sync {
            org: "demo".into(),
            repo: "team/web".into(),
            change: SyncWrite::AddRule {
                region: "cn-south-1".into(),
                namespace: "spare".into(),
                override_existing: true,
            },
        }
    );
    succeeds(
        &mut m,
        request,
        &[demo_rules()],
        "Added a sync rule of demo/team/web to cn-south-1/spare",
    );
    assert_eq!(m.nav.focus(), PaneId::SyncRules);
}

#[test]
fn d_deletes_the_current_rule_after_naming_it() {
    let mut m = with_rules(rules());
    assert!(press(&mut m, "d").is_empty());
    let Some(Overlay::DeleteRows(dialog)) = &m.overlay else {
        panic!("{:?}", m.overlay);
    };
    assert_eq!(dialog.question(), "Delete sync rule cn-east-3/backup?");
    assert!(press(&mut m, "n").is_empty(), "cancel sends nothing");
    assert!(m.overlay.is_none());

    press(&mut m, "d");
    let (request, write) = the_write(&press(&mut m, "y"));
    assert_eq!(
        write,
        Write::Sync {
            org: "demo".into(),
            repo: "team/web".into(),
            change: SyncWrite::DeleteRule {
                region: "cn-east-3".into(),
                namespace: "backup".into(),
            },
        }
    );
    succeeds(
        &mut m,
        request,
        &[demo_rules()],
        "Deleted the sync rule cn-east-3/backup of demo/team/web",
    );
}

#[test]
fn read_only_rules_change_nothing_and_hide_their_keys() {
    let mut m = with_rules(rules());
    m.session.context.read_only = true;
    assert!(press(&mut m, "c").is_empty());
    assert!(press(&mut m, "dy").is_empty());
    assert!(m.overlay.is_none());
    let help = keys::help(PaneId::SyncRules, Edition::Shared, true);
    assert!(!help.iter().any(|(k, _)| k == "c" || k == "d"), "{help:?}");
    let help = keys::help(PaneId::SyncRules, Edition::Shared, false);
    assert!(help.iter().any(|(k, _)| k == "c"), "{help:?}");
}

#[test]
fn sync_rules_from_the_jobs_pane_keeps_the_repository() {
    let mut m = with_jobs(mixed_jobs());
    let id = fetch_id(&command(&mut m, "sync-rules"), &demo_rules());
    loaded(&mut m, id, Fetched::SyncRules(rules()));
    assert_eq!(m.nav.focus(), PaneId::SyncRules);
    assert_eq!(
        m.panes.sync_jobs.len(),
        6,
        "the same repository's jobs stay"
    );
}
