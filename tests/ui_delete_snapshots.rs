//! The batch-delete feature, drawn into a test terminal at 80x24 and 160x45: the confirmation
//! (many tags with shared digests, one tag, focus on Delete), the progress of a job mid-way,
//! the stop question, the summary with failures, the marking menu and prompt, the retag form
//! and the "[shared]" flag in the tags pane. Every state is reached through `update`.

mod support;

use support::*;

use chrono::Duration;
use ratatui::style::Modifier;

// --- data ---------------------------------------------------------------------------------

fn tag(name: &str, digest_of: usize, hours_ago: i64) -> Tag {
    Tag {
        tag: name.into(),
        digest: digest(digest_of),
        size: 10_000_000 + digest_of as i64 * 123_456,
        created: ts(hours_ago + 6),
        updated: ts(hours_ago),
        path: format!("swr.cn-north-4.myhuaweicloud.com/demo/team/web:{name}"),
        internal_path: format!("10.125.0.198:20202/demo/team/web:{name}"),
        ..Tag::default()
    }
}

/// `v1.0`…`v1.11`, one a day (newest `v1.11`), each its own image; `latest` (the newest row)
/// names the image of `v1.11`, `stable` (the oldest row) the image of `v1.9`. Newest first,
/// the pane reads: latest, v1.11, v1.10, v1.9, …, v1.0, stable.
fn tags() -> Vec<Tag> {
    let mut list: Vec<Tag> = (0..12)
        .map(|i| tag(&format!("v1.{i}"), i, (12 - i as i64) * 24))
        .collect();
    list.push(tag("latest", 11, 1));
    list.push(tag("stable", 9, 40 * 24));
    list
}

fn fresh(screen: Rect) -> Model {
    let mut model = Model::new(context(), screen, now());
    let cmds = init(&mut model);
    loaded(
        &mut model,
        first_fetch(&cmds),
        Fetched::Orgs(vec![org("demo", 7, "alice")]),
    );
    let cmds = update(&mut model, key(KeyCode::Enter));
    loaded(
        &mut model,
        first_fetch(&cmds),
        Fetched::repos(vec![RepoV2 {
            name: "team/web".into(),
            num_images: 14,
            size: 200_977_474,
            category: "app_server".into(),
            updated_at: ts(1),
            created_at: ts(2000),
            ..RepoV2::default()
        }]),
    );
    let cmds = update(&mut model, key(KeyCode::Enter));
    loaded(&mut model, first_fetch(&cmds), Fetched::tags(tags()));
    model
}

/// Marks v1.11, v1.10, v1.9, v1.8 and v1.7: v1.11 shares its image with `latest`, v1.9 with
/// `stable`, neither of which is marked.
fn five_marked(screen: Rect) -> Model {
    let mut model = fresh(screen);
    press(&mut model, "j");
    for _ in 0..5 {
        press(&mut model, " ");
    }
    assert_eq!(model.panes.tags.marked_count(), 5);
    model
}

const MARKED: [&str; 5] = ["v1.11", "v1.10", "v1.9", "v1.8", "v1.7"];

/// Five marked, `d`, `y`: the job has started. Returns its id.
fn started(screen: Rect) -> (Model, JobId) {
    let mut model = five_marked(screen);
    press(&mut model, "d");
    let cmds = press(&mut model, "y");
    let [Cmd::DeleteTags { job, tags, .. }] = cmds.as_slice() else {
        panic!("y starts the delete: {cmds:?}");
    };
    assert_eq!(tags, &MARKED);
    assert_eq!(model.overlay, Some(Overlay::DeleteProgress));
    (model, *job)
}

fn deleted(model: &mut Model, job: JobId, tag: &str) {
    update(
        model,
        Msg::TagDeleted {
            job,
            tag: tag.into(),
            result: Ok(swr_tui::app::Removed::Deleted),
        },
    );
}

fn failed(model: &mut Model, job: JobId, tag: &str, error: ErrorInfo) {
    update(
        model,
        Msg::TagDeleted {
            job,
            tag: tag.into(),
            result: Err(error),
        },
    );
}

fn err_500() -> ErrorInfo {
    ErrorInfo::http(500, "SVCSTG.SWR.5000001", "internal error")
}

fn err_503() -> ErrorInfo {
    ErrorInfo::http(503, "SVCSTG.SWR.5000001", "service unavailable")
}

/// Two deleted and one failed, two seconds after the start.
fn mid_job(screen: Rect) -> (Model, JobId) {
    let (mut model, job) = started(screen);
    deleted(&mut model, job, "v1.11");
    failed(&mut model, job, "v1.10", err_500());
    deleted(&mut model, job, "v1.9");
    update(
        &mut model,
        Msg::Tick {
            now: now() + Duration::seconds(2),
        },
    );
    (model, job)
}

// --- rendering ----------------------------------------------------------------------------

/// The confirmation's focused button: the text drawn reversed on the buttons' row. Text alone
/// cannot show the focus, so the confirmation snapshots end with it.
fn focused_button(buffer: &Buffer) -> String {
    let area = buffer.area;
    let row = (area.top()..area.bottom())
        .find(|&y| {
            let line: String = (area.left()..area.right())
                .map(|x| buffer[(x, y)].symbol())
                .collect();
            line.contains(" Cancel ")
        })
        .expect("a row with the buttons");
    (area.left()..area.right())
        .filter(|&x| buffer[(x, row)].modifier.contains(Modifier::REVERSED))
        .map(|x| buffer[(x, row)].symbol())
        .collect::<String>()
        .trim()
        .to_string()
}

/// Like [`snapshot_both`] for the confirmation, with the focused button on a last line.
fn snapshot_confirm(name: &str, build: impl Fn(Rect) -> Model, focus: &str, check: impl Fn(&str)) {
    for (w, h) in SIZES {
        let model = build(Rect::new(0, 0, w, h));
        let buffer = draw(&model);
        let shown = text(&buffer);
        check(&shown);
        let focused = focused_button(&buffer);
        assert_eq!(focused, focus, "{shown}");
        snapshot(
            &format!("{name}_{w}x{h}"),
            &format!("{shown}[focused button: {focused}]"),
        );
    }
}

fn has(shown: &str, needle: &str) {
    assert!(shown.contains(needle), "{needle:?} not on screen:\n{shown}");
}

// --- snapshots ----------------------------------------------------------------------------

#[test]
fn confirm_many_with_shared_digests() {
    snapshot_confirm(
        "confirm_many_shared",
        |screen| {
            let mut model = five_marked(screen);
            press(&mut model, "d");
            let Some(Overlay::ConfirmDelete(dialog)) = &model.overlay else {
                panic!("d asks first");
            };
            assert_eq!(dialog.tags, MARKED);
            assert!(!dialog.confirm_focused(), "the focus starts on Cancel");
            assert_eq!(dialog.shared.len(), 2, "{:?}", dialog.shared);
            model
        },
        "Cancel",
        |shown| {
            has(shown, "Delete 5 tags?");
            has(shown, "demo/team/web");
            for tag in MARKED {
                has(shown, &format!("• {tag}"));
            }
            has(shown, "v1.11 shares its image with latest");
            has(shown, "v1.9 shares its image with stable");
            has(shown, "Cancel");
            has(shown, "Delete 5");
        },
    );
}

#[test]
fn confirm_single_tag() {
    snapshot_confirm(
        "confirm_single",
        |screen| {
            let mut model = fresh(screen);
            for _ in 0..4 {
                press(&mut model, "j");
            }
            assert_eq!(model.panes.tags.current().unwrap().tag, "v1.8");
            press(&mut model, "d");
            model
        },
        "Cancel",
        |shown| {
            has(shown, "Delete tag v1.8?");
            has(shown, "• v1.8");
            assert!(!shown.contains("shares its image"), "{shown}");
        },
    );
}

#[test]
fn confirm_with_focus_on_delete() {
    snapshot_confirm(
        "confirm_delete_focused",
        |screen| {
            let mut model = five_marked(screen);
            press(&mut model, "d");
            update(&mut model, key(KeyCode::Tab));
            let Some(Overlay::ConfirmDelete(dialog)) = &model.overlay else {
                panic!("Tab keeps the dialog");
            };
            assert!(dialog.confirm_focused());
            model
        },
        "Delete 5",
        |shown| has(shown, "Delete 5 tags?"),
    );
}

#[test]
fn progress_mid_job() {
    for (_, buffer) in snapshot_both("delete_progress", |screen| mid_job(screen).0) {
        let shown = &text(&buffer);
        has(shown, "Deleting tags");
        has(shown, "3/5");
        has(shown, "deleted 2");
        has(shown, "failed 1");
        has(shown, "total 5");
        // Three ended in two seconds.
        has(shown, "1.5 tags/s");
        has(shown, "Esc stop");
    }
}

#[test]
fn progress_asking_to_stop() {
    for (_, buffer) in snapshot_both("delete_stop_question", |screen| {
        let (mut model, job) = mid_job(screen);
        let cmds = update(&mut model, key(KeyCode::Esc));
        assert_eq!(
            cmds,
            vec![Cmd::PauseJob { job }],
            "Esc asks, and nothing new starts meanwhile"
        );
        assert!(model.jobs.delete.as_ref().unwrap().asking_stop);
        model
    }) {
        let shown = &text(&buffer);
        has(shown, "Stop deleting?");
        has(shown, "Paused");
        has(shown, "y stop");
        has(shown, "n continue");
    }
}

#[test]
fn summary_with_failures() {
    for (_, buffer) in snapshot_both("delete_summary_failures", |screen| {
        let (mut model, job) = mid_job(screen);
        failed(&mut model, job, "v1.8", err_503());
        deleted(&mut model, job, "v1.7");
        let cmds = update(
            &mut model,
            Msg::JobFinished {
                job,
                elapsed_ms: 2500,
            },
        );
        assert!(
            cmds.iter().any(|c| matches!(c, Cmd::Fetch { .. })),
            "the tag list reloads: {cmds:?}"
        );
        model
    }) {
        let shown = &text(&buffer);
        has(shown, "Delete finished");
        has(shown, "deleted 3");
        has(shown, "failed 2");
        has(shown, "total 5");
        // Five ended in 2.5 s, as the worker measured.
        has(shown, "2.0 tags/s");
        has(
            shown,
            "v1.10: SVCSTG.SWR.5000001: internal error (HTTP 500)",
        );
        has(
            shown,
            "v1.8: SVCSTG.SWR.5000001: service unavailable (HTTP 503)",
        );
        has(shown, "r retry failed");
    }
}

#[test]
fn marking_menu() {
    for (_, buffer) in snapshot_both("mark_menu", |screen| {
        let mut model = fresh(screen);
        press(&mut model, "m");
        press(&mut model, "j");
        assert_eq!(model.overlay, Some(Overlay::MarkMenu { cursor: 1 }));
        model
    }) {
        let shown = &text(&buffer);
        has(shown, "Mark tags");
        has(shown, "Mark by glob pattern");
        has(shown, "Mark by regular expression");
        has(shown, "Keep the newest N");
        has(shown, "older than D days");
        has(shown, "Clear all marks");
    }
}

#[test]
fn mark_prompt_with_an_invalid_regex() {
    for (_, buffer) in snapshot_both("mark_prompt_error", |screen| {
        let mut model = fresh(screen);
        press(&mut model, "m");
        press(&mut model, "2");
        press(&mut model, "(");
        update(&mut model, key(KeyCode::Enter));
        let Some(Overlay::MarkPrompt(swr_tui::app::dialogs::MarkPrompt { error, .. })) =
            &model.overlay
        else {
            panic!("the prompt stays open on an error");
        };
        assert!(error.is_some());
        assert_eq!(model.panes.tags.marked_count(), 0);
        model
    }) {
        let shown = &text(&buffer);
        has(shown, "Regular expression");
        has(shown, "invalid regular expression: unclosed group");
    }
}

#[test]
fn retag_form_with_a_validation_error() {
    for (_, buffer) in snapshot_both("retag_error", |screen| {
        let mut model = fresh(screen);
        press(&mut model, "j");
        press(&mut model, "c");
        press(&mut model, "-bad");
        let cmds = update(&mut model, key(KeyCode::Enter));
        assert!(cmds.is_empty(), "nothing is sent: {cmds:?}");
        let Some(Overlay::Retag(form)) = &model.overlay else {
            panic!("the form stays open on an error");
        };
        assert_eq!(form.source, "v1.11");
        assert!(form.error.is_some());
        model
    }) {
        let shown = &text(&buffer);
        has(shown, "Create tag");
        has(shown, "v1.11");
        has(shown, "-bad");
    }
}

#[test]
fn tags_pane_flags_shared_marks() {
    for (_, buffer) in snapshot_both("tags_shared_marks", five_marked) {
        let shown = &text(&buffer);
        has(shown, "[5 marked]");
        has(shown, "v1.11 [shared]");
        has(shown, "v1.9 [shared]");
        assert!(!shown.contains("v1.10 [shared]"), "{shown}");
        assert!(!shown.contains("latest [shared]"), "unmarked: {shown}");
    }
}
