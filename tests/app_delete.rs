//! `update()` tests for marking, the delete confirmation, the job's progress, stop, retry and
//! the retag form. Pure: commands are inspected, results are fed back as messages.

mod support;

use std::collections::BTreeSet;

use support::*;
use swr_tui::app::Write;

fn marked(m: &Model) -> BTreeSet<String> {
    m.panes.tags.marked_keys()
}

fn set(tags: &[&str]) -> BTreeSet<String> {
    tags.iter().map(|t| t.to_string()).collect()
}

fn confirm(m: &mut Model) -> (JobId, Vec<String>) {
    confirm_delete(m)
}

fn deleted(m: &mut Model, job: JobId, tag: &str, ok: bool) {
    let result = if ok {
        Ok(swr_tui::app::Removed::Deleted)
    } else {
        Err(ErrorInfo::http(
            500,
            "SVCSTG.SWR.5000001",
            format!("internal error {tag}"),
        ))
    };
    update(
        m,
        Msg::TagDeleted {
            job,
            tag: tag.into(),
            result,
        },
    );
}

#[test]
fn a_marks_only_the_visible_rows_and_i_inverts_them() {
    let mut m = with_tags(30);
    press(&mut m, "/v2");
    update(&mut m, key(KeyCode::Enter));
    press(&mut m, "a");
    assert_eq!(marked(&m).len(), 11, "v2 and v20..v29");
    update(&mut m, key(KeyCode::Esc)); // clears the filter
    assert_eq!(m.panes.tags.visible_len(), 30);
    press(&mut m, "i");
    assert_eq!(marked(&m).len(), 19, "the other 19");
    assert!(!marked(&m).contains("v2"));
}

#[test]
fn marking_menu_glob_regex_and_errors() {
    let mut m = with_tags(12);
    press(&mut m, "m");
    assert_eq!(m.overlay, Some(Overlay::MarkMenu { cursor: 0 }));
    update(&mut m, key(KeyCode::Enter));
    assert!(matches!(m.overlay, Some(Overlay::MarkPrompt(_))));
    press(&mut m, "v1?");
    update(&mut m, key(KeyCode::Enter));
    assert_eq!(m.overlay, None);
    assert_eq!(marked(&m), set(&["v10", "v11"]));

    press(&mut m, "m2");
    press(&mut m, "(");
    update(&mut m, key(KeyCode::Enter));
    match &m.overlay {
        Some(Overlay::MarkPrompt(swr_tui::app::dialogs::MarkPrompt { error: Some(e), .. })) => {
            assert!(e.contains("regular expression"), "{e}")
        }
        other => panic!("the prompt stays open with the error: {other:?}"),
    }
    update(&mut m, key(KeyCode::Esc));
    assert_eq!(m.overlay, None);
    assert_eq!(marked(&m).len(), 2, "a failed rule changes no mark");

    press(&mut m, "m5");
    assert!(marked(&m).is_empty(), "5 clears");
}

#[test]
fn keep_newest_and_older_than_from_the_menu() {
    let mut m = with_tags(9); // updated 2026-03-01 .. 03-09, now is 03-10
    press(&mut m, "m3");
    press(&mut m, "2");
    update(&mut m, key(KeyCode::Enter));
    assert_eq!(marked(&m).len(), 7);
    assert!(!marked(&m).contains("v8") && !marked(&m).contains("v7"));
    press(&mut m, "m5m4");
    press(&mut m, "5");
    update(&mut m, key(KeyCode::Enter));
    assert_eq!(
        marked(&m),
        set(&["v0", "v1", "v2", "v3", "v4"]),
        "updated before 03-05 12:00"
    );
}

#[test]
fn pasted_text_goes_into_the_prompt() {
    let mut m = with_tags(12);
    press(&mut m, "m1");
    update(&mut m, Msg::Paste("v1*\nignored".into()));
    update(&mut m, key(KeyCode::Enter));
    assert_eq!(marked(&m), set(&["v1", "v10", "v11"]));
}

#[test]
fn d_without_marks_asks_about_the_current_tag() {
    let mut m = with_tags(3);
    press(&mut m, "d");
    match &m.overlay {
        Some(Overlay::ConfirmDelete(d)) => {
            assert_eq!(d.tags, ["v2"]);
            assert_eq!((d.org.as_str(), d.repo.as_str()), ("demo", "team/web"));
            assert!(!d.confirm_focused(), "the focus starts on Cancel");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn cancelling_deletes_nothing() {
    for cancel in [ch('n'), key(KeyCode::Esc), key(KeyCode::Enter)] {
        let mut m = with_tags(5);
        press(&mut m, "  ");
        press(&mut m, "d");
        assert!(update(&mut m, cancel).is_empty());
        assert_eq!(m.overlay, None);
        assert!(m.jobs.delete.is_none());
        assert_eq!(marked(&m).len(), 2, "marks stay");
    }
}

#[test]
fn confirming_deletes_exactly_the_marked_tags() {
    let mut m = with_tags(10);
    m.prefs.delete_concurrency = 3;
    press(&mut m, " jj ");
    // A mark hidden by the filter is still deleted, and listed.
    press(&mut m, "/v9");
    update(&mut m, key(KeyCode::Enter));
    press(&mut m, "d");
    let Some(Overlay::ConfirmDelete(dialog)) = m.overlay.clone() else {
        panic!()
    };
    // Newest first: v8 v7 v6 v5 …; " jj " marked v8 and v5, both hidden by the filter now.
    assert_eq!(
        dialog.tags.iter().cloned().collect::<BTreeSet<_>>(),
        set(&["v8", "v5"])
    );
    update(&mut m, key(KeyCode::Tab));
    let cmds = update(&mut m, key(KeyCode::Enter));
    match cmds.as_slice() {
        [
            Cmd::DeleteTags {
                org,
                repo,
                tags,
                concurrency,
                ..
            },
        ] => {
            assert_eq!(
                (org.as_str(), repo.as_str(), *concurrency),
                ("demo", "team/web", 3)
            );
            assert_eq!(
                tags.iter().cloned().collect::<BTreeSet<_>>(),
                set(&["v8", "v5"])
            );
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(m.overlay, Some(Overlay::DeleteProgress));
}

#[test]
fn shared_digests_are_flagged_and_warned_about() {
    let mut m = with_orgs();
    let id = fetch_id(
        &update(&mut m, key(KeyCode::Enter)),
        &Fetch::Repos { org: "demo".into() },
    );
    loaded(&mut m, id, Fetched::repos(repos()));
    let id = match update(&mut m, key(KeyCode::Enter)).as_slice() {
        [Cmd::Fetch { request, .. }] => *request,
        other => panic!("{other:?}"),
    };
    let tag = |name: &str, digest: &str| Tag {
        tag: name.into(),
        digest: digest.into(),
        ..Tag::default()
    };
    loaded(
        &mut m,
        id,
        Fetched::tags(vec![
            tag("latest", "sha256:a"),
            tag("1.2", "sha256:a"),
            tag("1.1", "sha256:b"),
        ]),
    );
    press(&mut m, "g");
    let first = m.panes.tags.current().unwrap().tag.clone();
    press(&mut m, " ");
    let other = if first == "latest" { "1.2" } else { "latest" };
    assert!(
        m.panes
            .shared_marked
            .flagged_tags(m.panes.tags.rows())
            .contains(&first),
        "flagged in the list"
    );
    press(&mut m, "d");
    let Some(Overlay::ConfirmDelete(dialog)) = m.overlay.clone() else {
        panic!()
    };
    assert_eq!(dialog.shared.len(), 1);
    assert!(dialog.shared[0].contains(other), "{:?}", dialog.shared);
    // Marking the other name too: nothing is shared outside the selection any more.
    update(&mut m, key(KeyCode::Esc));
    press(&mut m, "g");
    m.panes.tags.mark_where(|t| t.tag == other);
    update(&mut m, Msg::Tick { now: now() });
    assert!(
        m.panes
            .shared_marked
            .flagged_tags(m.panes.tags.rows())
            .is_empty()
    );
}

#[test]
fn progress_counts_results_and_ignores_strangers() {
    let mut m = with_tags(6);
    press(&mut m, "a");
    let (job_id, tags) = confirm(&mut m);
    deleted(&mut m, job_id, &tags[0], true);
    deleted(&mut m, job_id, &tags[1], false);
    deleted(&mut m, job_id + 100, &tags[2], true); // another job
    deleted(&mut m, job_id, "not-confirmed", true); // not in this job
    let j = job(&m);
    assert_eq!((j.deleted.len(), j.failed.len(), j.ended()), (1, 1, 2));
    assert!(!j.finished);
}

#[test]
fn esc_asks_to_stop_and_y_stops() {
    let mut m = with_tags(6);
    press(&mut m, "a");
    let (job_id, _) = confirm(&mut m);
    update(&mut m, key(KeyCode::Esc));
    assert!(job(&m).asking_stop);
    press(&mut m, "n");
    assert!(
        !job(&m).asking_stop && !job(&m).stop_requested,
        "n continues"
    );
    update(&mut m, key(KeyCode::Esc));
    assert_eq!(press(&mut m, "y"), vec![Cmd::StopJob { job: job_id }]);
    assert!(job(&m).stop_requested);
    deleted(&mut m, job_id, "v5", true);
    update(
        &mut m,
        Msg::JobFinished {
            job: job_id,
            elapsed_ms: 100,
        },
    );
    assert_eq!(job(&m).not_started(), 5);
    assert!(m.status.as_ref().unwrap().text.contains("5 not started"));
}

#[test]
fn finishing_refreshes_the_list_and_r_retries_only_the_failures() {
    let mut m = with_tags(4);
    press(&mut m, "a");
    let (job_id, tags) = confirm(&mut m);
    for (i, tag) in tags.iter().enumerate() {
        deleted(&mut m, job_id, tag, i % 2 == 0);
    }
    let cmds = update(
        &mut m,
        Msg::JobFinished {
            job: job_id,
            elapsed_ms: 2000,
        },
    );
    fetch_id(
        &cmds,
        &Fetch::Tags {
            org: "demo".into(),
            repo: "team/web".into(),
        },
    );
    let j = job(&m);
    assert!(j.finished);
    assert_eq!(j.rate(now()), 2.0, "4 tags in 2 s");
    let failed: BTreeSet<String> = j.failed.iter().map(|(t, _)| t.clone()).collect();
    assert_eq!(failed.len(), 2);
    assert!(
        j.failed
            .iter()
            .all(|(t, e)| e.contains("SVCSTG.SWR.5000001") && e.contains(t.as_str()))
    );
    assert_eq!(m.status.as_ref().unwrap().kind, StatusKind::Error);

    let retry = press(&mut m, "r");
    match retry.as_slice() {
        [Cmd::DeleteTags { job, tags, .. }] => {
            assert_ne!(*job, job_id);
            assert_eq!(tags.iter().cloned().collect::<BTreeSet<_>>(), failed);
        }
        other => panic!("{other:?}"),
    }
    // Late results of the old job no longer count.
    deleted(&mut m, job_id, &tags[0], true);
    assert_eq!(job(&m).ended(), 0);
}

#[test]
fn summary_closes_with_enter_and_marks_stay_only_on_surviving_tags() {
    let mut m = with_tags(4);
    press(&mut m, "a");
    let (job_id, tags) = confirm(&mut m);
    deleted(&mut m, job_id, &tags[0], true);
    deleted(&mut m, job_id, &tags[1], false);
    deleted(&mut m, job_id, &tags[2], true);
    deleted(&mut m, job_id, &tags[3], true);
    let refresh = update(
        &mut m,
        Msg::JobFinished {
            job: job_id,
            elapsed_ms: 10,
        },
    );
    let id = fetch_id(
        &refresh,
        &Fetch::Tags {
            org: "demo".into(),
            repo: "team/web".into(),
        },
    );
    update(&mut m, key(KeyCode::Enter));
    assert_eq!(m.overlay, None);
    let survivor = tags[1].clone();
    loaded(&mut m, id, Fetched::tags(tags_named(&[&survivor])));
    assert_eq!(marked(&m), set(&[&survivor]));
}

fn tags_named(names: &[&str]) -> Vec<Tag> {
    names
        .iter()
        .map(|n| Tag {
            tag: n.to_string(),
            ..Tag::default()
        })
        .collect()
}

#[test]
fn read_only_blocks_deleting_and_retagging() {
    let mut m = with_tags(3);
    m.session.context.read_only = true;
    press(&mut m, " ");
    assert!(press(&mut m, "d").is_empty());
    assert_eq!(m.overlay, None);
    assert_eq!(m.status.as_ref().unwrap().kind, StatusKind::Error);
    assert!(press(&mut m, "c").is_empty());
    assert_eq!(m.overlay, None);
}

#[test]
fn a_second_delete_waits_for_the_first() {
    let mut m = with_tags(3);
    confirm(&mut m);
    update(&mut m, key(KeyCode::Esc));
    press(&mut m, "n");
    // The progress view is still up; close attempts are handled by it, so use the state directly.
    m.overlay = None;
    assert!(press(&mut m, "d").is_empty());
    assert!(m.status.as_ref().unwrap().text.contains("still running"));
}

#[test]
fn marking_keys_outside_the_tag_pane_only_explain() {
    let mut m = with_orgs();
    for k in ["a", "i", "m"] {
        assert!(press(&mut m, k).is_empty());
        assert_eq!(m.overlay, None, "{k}");
    }
}

#[test]
fn retag_validates_then_writes_and_refreshes() {
    let mut m = with_tags(3);
    press(&mut m, "c");
    let Some(Overlay::Retag(form)) = m.overlay.clone() else {
        panic!("{:?}", m.overlay)
    };
    assert_eq!(form.source, "v2");
    press(&mut m, "-bad");
    assert!(update(&mut m, key(KeyCode::Enter)).is_empty());
    let Some(Overlay::Retag(form)) = m.overlay.clone() else {
        panic!()
    };
    assert!(form.error.is_some(), "invalid names are explained inline");
    for _ in 0..4 {
        update(&mut m, key(KeyCode::Backspace));
    }
    press(&mut m, "stable");
    update(&mut m, key(KeyCode::Tab));
    press(&mut m, " ");
    let cmds = update(
        &mut m,
        Msg::Key(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL)),
    );
    let request = match cmds.as_slice() {
        [
            Cmd::Write {
                request,
                write:
                    Write::Retag {
                        org,
                        repo,
                        source,
                        destination,
                        overwrite,
                    },
            },
        ] => {
            assert_eq!(
                (
                    org.as_str(),
                    repo.as_str(),
                    source.as_str(),
                    destination.as_str(),
                    *overwrite
                ),
                ("demo", "team/web", "v2", "stable", true)
            );
            *request
        }
        other => panic!("{other:?}"),
    };
    let cmds = update(
        &mut m,
        Msg::Written {
            request,
            result: Ok(()),
        },
    );
    fetch_id(
        &cmds,
        &Fetch::Tags {
            org: "demo".into(),
            repo: "team/web".into(),
        },
    );
    assert_eq!(m.status.as_ref().unwrap().kind, StatusKind::Success);

    press(&mut m, "c");
    press(&mut m, "v1");
    let cmds = update(&mut m, key(KeyCode::Enter));
    let [Cmd::Write { request, .. }] = cmds.as_slice() else {
        panic!()
    };
    update(
        &mut m,
        Msg::Written {
            request: *request,
            result: Err(ErrorInfo::http(409, "SVCSTG.SWR.4090006", "exists")),
        },
    );
    assert!(
        m.status
            .as_ref()
            .unwrap()
            .text
            .contains("SVCSTG.SWR.4090006")
    );
}

#[test]
fn deleted_tags_leave_the_list_at_once_and_failed_ones_stay_marked() {
    let mut m = with_tags(6);
    press(&mut m, "a");
    let (job_id, tags) = confirm(&mut m);
    for (i, tag) in tags.iter().enumerate() {
        deleted(&mut m, job_id, tag, i % 3 != 0);
    }
    let failed: BTreeSet<String> = tags.iter().step_by(3).cloned().collect();
    update(
        &mut m,
        Msg::JobFinished {
            job: job_id,
            elapsed_ms: 10,
        },
    );
    // Before the reload answers, the list already holds only what is still there.
    let shown: BTreeSet<String> = m.panes.tags.rows().iter().map(|t| t.tag.clone()).collect();
    assert_eq!(shown, failed);
    assert_eq!(marked(&m), failed, "a retry can start from the marks");
    assert!(m.panes.tags.current().is_some());
}

#[test]
fn enter_in_the_delete_confirmation_presses_what_has_the_focus() {
    let mut m = with_tags(5);
    press(&mut m, " d");
    // Cancel has the focus: Enter cancels.
    assert!(update(&mut m, key(KeyCode::Enter)).is_empty());
    assert_eq!(m.overlay, None);
    assert!(m.jobs.delete.is_none());
    press(&mut m, "d");
    update(&mut m, key(KeyCode::Right));
    update(&mut m, key(KeyCode::Left));
    assert!(
        update(&mut m, key(KeyCode::Enter)).is_empty(),
        "back on Cancel"
    );
    press(&mut m, "d");
    update(&mut m, key(KeyCode::Char('l')));
    let cmds = update(&mut m, key(KeyCode::Enter));
    assert!(
        matches!(cmds.as_slice(), [Cmd::DeleteTags { tags, .. }] if tags.len() == 1),
        "{cmds:?}"
    );
    assert_eq!(m.overlay, Some(Overlay::DeleteProgress));
}
