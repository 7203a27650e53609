//! `update()` tests for a running delete job: the stop question pauses it, `q` and Ctrl-C
//! while it runs, tags found already gone, and what the panes show once it ends.

mod support;

use support::*;
use swr_tui::app::Removed;

/// Marks every tag and confirms their deletion.
fn start_job(m: &mut Model) -> (JobId, Vec<String>) {
    press(m, "a");
    confirm_delete(m)
}

fn ended(m: &mut Model, job: JobId, tag: &str, result: Result<Removed, ErrorInfo>) {
    let tag = tag.to_string();
    assert!(update(m, Msg::TagDeleted { job, tag, result }).is_empty());
}

fn finish(m: &mut Model, job: JobId) -> Vec<Cmd> {
    update(
        m,
        Msg::JobFinished {
            job,
            elapsed_ms: 100,
        },
    )
}

fn ctrl_c() -> Msg {
    Msg::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL))
}

#[test]
fn the_stop_question_pauses_the_job_no_resumes_and_yes_stops() {
    let mut m = with_tags(6);
    let (id, _) = start_job(&mut m);
    assert_eq!(
        update(&mut m, key(KeyCode::Esc)),
        vec![Cmd::PauseJob { job: id }],
        "nothing new starts while the question is open"
    );
    assert_eq!(press(&mut m, "n"), vec![Cmd::ResumeJob { job: id }]);
    assert!(!job(&m).asking_stop);
    assert_eq!(
        update(&mut m, key(KeyCode::Esc)),
        vec![Cmd::PauseJob { job: id }]
    );
    assert_eq!(
        update(&mut m, key(KeyCode::Esc)),
        vec![Cmd::ResumeJob { job: id }],
        "Esc on the question goes on as n does"
    );
    update(&mut m, key(KeyCode::Esc));
    assert_eq!(press(&mut m, "y"), vec![Cmd::StopJob { job: id }]);
    assert!(job(&m).stop_requested && !job(&m).asking_stop);
    assert!(
        update(&mut m, key(KeyCode::Esc)).is_empty(),
        "stopping: nothing more to ask"
    );
}

#[test]
fn q_during_a_batch_says_why_it_does_not_quit() {
    let mut m = with_tags(3);
    start_job(&mut m);
    assert!(press(&mut m, "q").is_empty());
    assert!(!m.quit);
    let status = m.status.as_ref().expect("a reason");
    assert!(
        status.text.contains("Esc") && status.text.contains("Ctrl-C"),
        "{status:?}"
    );
    assert!(matches!(m.overlay, Some(Overlay::DeleteProgress)));
}

#[test]
fn ctrl_c_during_a_batch_asks_then_stops_then_quits_when_it_ended() {
    let mut m = with_tags(4);
    let (id, tags) = start_job(&mut m);
    assert_eq!(update(&mut m, ctrl_c()), vec![Cmd::PauseJob { job: id }]);
    assert!(!m.quit && job(&m).asking_stop && job(&m).quit_after);
    assert_eq!(press(&mut m, "y"), vec![Cmd::StopJob { job: id }]);
    assert!(!m.quit, "requests in flight finish first");
    ended(&mut m, id, &tags[0], Ok(Removed::Deleted));
    assert_eq!(finish(&mut m, id), vec![Cmd::Quit]);
    assert!(m.quit);
}

#[test]
fn ctrl_c_twice_stops_and_a_third_quits_at_once() {
    let mut m = with_tags(4);
    let (id, _) = start_job(&mut m);
    update(&mut m, ctrl_c());
    assert_eq!(update(&mut m, ctrl_c()), vec![Cmd::StopJob { job: id }]);
    assert!(!m.quit);
    assert_eq!(update(&mut m, ctrl_c()), vec![Cmd::Quit]);
    assert!(m.quit);
}

#[test]
fn no_after_ctrl_c_goes_on_and_does_not_quit_later() {
    let mut m = with_tags(2);
    let (id, tags) = start_job(&mut m);
    update(&mut m, ctrl_c());
    assert_eq!(press(&mut m, "n"), vec![Cmd::ResumeJob { job: id }]);
    for t in &tags {
        ended(&mut m, id, t, Ok(Removed::Deleted));
    }
    let cmds = finish(&mut m, id);
    assert!(!cmds.contains(&Cmd::Quit) && !m.quit, "{cmds:?}");
}

#[test]
fn tags_found_gone_count_as_deleted_and_the_summary_says_so() {
    let mut m = with_tags(5);
    let (id, tags) = start_job(&mut m);
    ended(&mut m, id, &tags[0], Ok(Removed::AlreadyGone));
    ended(&mut m, id, &tags[1], Ok(Removed::AlreadyGone));
    ended(&mut m, id, &tags[2], Ok(Removed::Deleted));
    ended(&mut m, id, &tags[3], Ok(Removed::Deleted));
    ended(
        &mut m,
        id,
        &tags[4],
        Err(ErrorInfo::http(500, "SVCSTG.SWR.5000001", "internal error")),
    );
    finish(&mut m, id);
    let j = job(&m);
    assert_eq!((j.deleted.len(), j.already_gone, j.failed.len()), (4, 2, 1));
    let text = &m.status.as_ref().unwrap().text;
    assert!(text.contains("Deleted 4 of 5"), "{text}");
    assert!(text.contains("2 were already gone"), "{text}");
    assert!(text.contains("1 failed"), "{text}");
}

#[test]
fn the_repository_row_counts_the_tags_left_after_a_batch() {
    let mut m = with_tags(3);
    let before = m
        .panes
        .repos
        .rows()
        .iter()
        .find(|r| r.raw() == "team/web")
        .unwrap()
        .tags;
    let (id, tags) = start_job(&mut m);
    ended(&mut m, id, &tags[0], Ok(Removed::Deleted));
    ended(&mut m, id, &tags[1], Ok(Removed::AlreadyGone));
    ended(&mut m, id, &tags[2], Ok(Removed::Deleted));
    finish(&mut m, id);
    let row = m
        .panes
        .repos
        .rows()
        .iter()
        .find(|r| r.raw() == "team/web")
        .unwrap();
    assert_eq!(
        row.tags,
        before - 2,
        "the two this job deleted; the one already gone was not counted any more"
    );
    let cursor = m.panes.repos.current().map(|r| r.raw().to_string());
    assert_eq!(
        cursor.as_deref(),
        Some("team/web"),
        "the cursor stays on its row"
    );
}
