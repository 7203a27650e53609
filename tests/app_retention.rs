//! A repository's retention (`R`, `:retention`): the rule and history pane, the rule form with
//! its live preview and highlights, the confirmation that says it takes effect at once, and
//! deleting the rule. All through `update`.

mod support;

use std::collections::BTreeSet;

use support::*;
use swr_tui::app::Write;
use swr_tui::app::dialogs::retention_form::{LABELS, NUMBER, PreviewState, REGEXP};
use swr_tui::app::msg::RetentionWrite;
use swr_tui::app::resources::RuleState;
use swr_tui::swr::client::retention::{Keep, TagSelector};

fn screen() -> Rect {
    Rect::new(0, 0, 80, 24)
}

fn without_rule() -> Model {
    with_retention_at(screen(), retention_answer(None, vec![]))
}

fn newest_3() -> swr_tui::swr::client::retention::RetentionRule {
    Keep::Newest(3).rule(vec![TagSelector {
        kind: "label".into(),
        pattern: "stable".into(),
    }])
}

fn with_rule() -> Model {
    let rule = newest_3();
    let history = vec![
        deleted_log(1, "v0.9", 48, &rule),
        deleted_log(2, "v0.8", 24, &rule),
    ];
    with_retention_at(screen(), retention_answer(Some(rule), history))
}

/// `c`, then the number `n` typed over the default.
fn form_keeping_newest(n: &str) -> Model {
    let mut m = without_rule();
    assert!(press(&mut m, "c").is_empty(), "the tags are loaded already");
    assert_eq!(retention_form(&m).focus, NUMBER);
    assert!(retype(&mut m, n).is_empty(), "editing sends nothing");
    m
}

fn ready(m: &Model) -> &swr_tui::app::retention_preview::Preview {
    match &retention_form(m).preview {
        PreviewState::Ready(p) => p,
        other => panic!("expected a preview, got {other:?}"),
    }
}

/// The names of the tags the tag pane draws highlighted.
fn highlighted(m: &Model) -> BTreeSet<String> {
    let tags = &m.panes.tags;
    let highlight = &m.panes.retention_of.highlight;
    tags.visible_indexed()
        .filter(|(i, _)| highlight.covers(tags.generation(), *i))
        .map(|(_, r)| r.tag.clone())
        .collect()
}

fn names(list: &[&str]) -> BTreeSet<String> {
    list.iter().map(|s| s.to_string()).collect()
}

#[test]
fn r_in_the_tags_opens_the_rule_and_history_of_that_repository() {
    let m = with_rule();
    assert_eq!(m.nav.focus(), PaneId::Retention);
    let RuleState::Some(rule) = &m.panes.retention_of.rule else {
        panic!("{:?}", m.panes.retention_of.rule);
    };
    assert_eq!(rule.text, "keep newest 3, except stable");
    let rows: Vec<(String, String)> = m
        .panes
        .retention
        .visible()
        .map(|r| (r.tag.clone(), r.rule.clone()))
        .collect();
    let rule = "keep newest 3, except stable".to_string();
    // Newest deletion first.
    assert_eq!(rows, [("v0.8".into(), rule.clone()), ("v0.9".into(), rule)]);
    let drawn = render(&m, 80, 24);
    assert!(drawn.contains("Retention: demo/team/web (2)"), "{drawn}");
    assert!(
        drawn.contains("rule: keep newest 3, except stable"),
        "{drawn}"
    );
    // Esc goes back to the tags R was pressed in.
    let mut back = m.clone();
    update(&mut back, key(KeyCode::Esc));
    assert_eq!(back.nav.focus(), PaneId::Tags);
}

#[test]
fn r_on_a_repository_loads_its_tags_and_its_retention() {
    let mut m = with_orgs();
    let id = fetch_id(&update(&mut m, key(KeyCode::Enter)), &demo_repos());
    loaded(&mut m, id, Fetched::repos(repos()));
    cursor_to_repo(&mut m, "team/api");
    let cmds = press(&mut m, "R");
    let api = |tags: bool| match tags {
        true => Fetch::Tags {
            org: "demo".into(),
            repo: "team/api".into(),
        },
        false => Fetch::Retention {
            org: "demo".into(),
            repo: "team/api".into(),
        },
    };
    assert_eq!(fetches(&cmds), [api(true), api(false)]);
    assert_eq!(m.nav.focus(), PaneId::Retention);
    assert_eq!(m.panes.repo.as_deref(), Some("team/api"));
    assert_eq!(
        m.panes.retention_of.target,
        Some(("demo".into(), "team/api".into()))
    );
}

#[test]
fn retention_needs_a_repository_and_the_command_line_names_it() {
    let mut m = with_orgs();
    assert!(press(&mut m, "R").is_empty());
    assert_eq!(m.nav.focus(), PaneId::Orgs);
    assert!(status_text(&m).contains("Pick a repository first"));

    let mut m = with_tags(3);
    press(&mut m, ":retention");
    let cmds = update(&mut m, key(KeyCode::Enter));
    assert_eq!(fetches(&cmds), [web_retention()]);
    assert_eq!(m.nav.focus(), PaneId::Retention);
}

#[test]
fn an_answer_for_another_repository_is_not_taken() {
    let mut m = with_tags(3);
    let cmds = press(&mut m, "R");
    let id = find_fetch(&cmds, &web_retention());
    let other = swr_tui::app::resources::RetentionLoaded::new("demo", "nginx", vec![], vec![]);
    update(
        &mut m,
        Msg::Fetched {
            request: id,
            result: Ok(Fetched::Retention(Box::new(other))),
        },
    );
    assert_eq!(m.panes.retention_of.rule, RuleState::Unknown);
}

#[test]
fn history_rows_are_sanitized_and_an_unreadable_rule_shows_as_sent() {
    let mut log = deleted_log(3, "evil\u{1b}[31mred\u{202e}", 1, &newest_3());
    log.rule_type = "not json\u{7}".into();
    let m = with_retention_at(screen(), retention_answer(None, vec![log]));
    let row = m.panes.retention.current().unwrap();
    assert!(!row.tag.chars().any(|c| c.is_control() || c == '\u{202e}'));
    assert_eq!(
        row.raw(),
        "evil\u{1b}[31mred\u{202e}",
        "the exact name is kept"
    );
    assert_eq!(row.rule, "not json");
    assert_clean(&draw(&m));
}

#[test]
fn the_form_refuses_what_swr_would_refuse_and_says_where() {
    let mut m = form_keeping_newest("0");
    let form = retention_form(&m);
    assert_eq!(
        form.error(),
        Some((NUMBER, "1 to 1000 tags")),
        "0 keeps nothing"
    );
    assert!(!form.can_save());
    assert!(update(&mut m, ctrl('s')).is_empty(), "nothing is sent");
    assert!(matches!(m.overlay, Some(Overlay::RetentionForm(_))));

    // Days: at most 365.
    update(&mut m, key(KeyCode::BackTab));
    press(&mut m, " ");
    update(&mut m, key(KeyCode::Tab));
    retype(&mut m, "366");
    assert_eq!(retention_form(&m).error(), Some((NUMBER, "1 to 365 days")));
    retype(&mut m, "30");
    assert_eq!(retention_form(&m).error(), None);
    assert!(retention_form(&m).can_save());

    update(&mut m, key(KeyCode::Tab));
    retype(&mut m, "latest, no way");
    let (field, why) = retention_form(&m).error().unwrap();
    assert_eq!(field, LABELS);
    assert!(why.starts_with("no way:"), "{why}");
    retype(&mut m, "latest");
    update(&mut m, key(KeyCode::Tab));
    retype(&mut m, "v1.(");
    let (field, why) = retention_form(&m).error().unwrap();
    assert_eq!(field, REGEXP);
    assert!(why.contains("invalid regular expression"), "{why}");
    assert!(!retention_form(&m).can_save());
    assert!(update(&mut m, ctrl('s')).is_empty());
}

#[test]
fn the_preview_follows_every_edit_by_both_readings() {
    let mut m = form_keeping_newest("2");
    let p = ready(&m);
    // Updated: latest, v1.7 stay. Created: latest, then v1.0 (ties go by name).
    assert_eq!((p.total, p.by_updated.deleted.len()), (10, 8));
    assert_eq!(p.by_created.deleted.len(), 8);
    assert_eq!(p.by_updated.bytes, 8 * 100 * 1024 * 1024);
    // `stable` names the image of `latest` and `v1.7`: only its name goes.
    assert_eq!(p.by_updated.shared_digest.len(), 1);
    let lines = retention_form(&m).preview_lines();
    assert_eq!(
        lines[0],
        "would delete 8 of 10 tags (800 MiB) by updated time; 8 by created time"
    );
    assert_eq!(lines[1], "keeps 2 tags");
    assert_eq!(
        lines[2],
        "1 of them share a digest with a kept tag (the image stays)"
    );

    // Five days: the readings differ.
    update(&mut m, key(KeyCode::BackTab));
    press(&mut m, " ");
    update(&mut m, key(KeyCode::Tab));
    retype(&mut m, "5");
    let p = ready(&m);
    // v1.3 was updated exactly five days ago: not older than the window, kept.
    assert_eq!(p.by_updated.deleted.len(), 4, "v1.2…v1.0 and stable");
    assert_eq!(p.by_created.deleted.len(), 9, "all but latest");
    assert!(retention_form(&m).preview_lines()[0].ends_with("by updated time; 9 by created time"));

    // Exceptions keep tags out of it.
    update(&mut m, key(KeyCode::Tab));
    press(&mut m, "stable");
    update(&mut m, key(KeyCode::Tab));
    press(&mut m, "^v1\\.[0-1]$");
    let p = ready(&m);
    assert_eq!(
        (p.exceptions, p.by_updated.deleted.len()),
        (3, 1),
        "only v1.2"
    );
    assert_eq!(
        retention_form(&m).preview_lines()[1],
        "keeps 9 tags (3 by exception)"
    );
}

#[test]
fn the_tags_the_rule_deletes_are_highlighted_until_the_form_closes() {
    let mut m = form_keeping_newest("2");
    let updated: Vec<&str> = vec![
        "v1.0", "v1.1", "v1.2", "v1.3", "v1.4", "v1.5", "v1.6", "stable",
    ];
    // Either reading: by created time v1.7 goes instead of v1.0.
    let mut either = names(&updated);
    either.insert("v1.7".into());
    assert_eq!(highlighted(&m), either);
    assert_eq!(m.panes.retention_of.highlight.count(), 9);
    retype(&mut m, "20");
    assert!(
        highlighted(&m).is_empty(),
        "keeping 20 of 10 deletes nothing"
    );
    retype(&mut m, "2");
    assert_eq!(highlighted(&m).len(), 9);
    // Esc asks first (the input changed), y discards: the highlight goes with the form.
    update(&mut m, key(KeyCode::Esc));
    assert!(m.overlay.is_some());
    press(&mut m, "y");
    assert!(m.overlay.is_none());
    assert!(highlighted(&m).is_empty());
}

#[test]
fn saving_asks_first_and_says_it_takes_effect_at_once() {
    let mut m = form_keeping_newest("2");
    assert!(update(&mut m, ctrl('s')).is_empty(), "only asks");
    let Some(Overlay::SaveRetention(dialog)) = &m.overlay else {
        panic!("{:?}", m.overlay);
    };
    assert_eq!(dialog.question, "Create retention rule?");
    assert!(dialog.effect.contains("takes effect at once"));
    assert_eq!(
        dialog.effect,
        "It takes effect at once: SWR deletes 8 of 10 tags now (800 MiB)."
    );
    // The first six (newest first), then how many more.
    assert_eq!(
        dialog.names,
        [
            "v1.6",
            "v1.5",
            "v1.4",
            "v1.3",
            "v1.2",
            "v1.1",
            "… and 2 more"
        ]
    );
    assert!(dialog.notes.iter().any(|n| n.contains("created time")));
    assert!(dialog.notes.iter().any(|n| n.contains("the image stays")));
    let drawn = render(&m, 80, 24);
    assert!(drawn.contains("takes effect at once"), "{drawn}");
}

#[test]
fn cancel_sends_nothing_and_goes_back_to_the_form() {
    let mut m = form_keeping_newest("2");
    update(&mut m, ctrl('s'));
    assert!(press(&mut m, "n").is_empty());
    let form = retention_form(&m);
    assert_eq!(form.fields[NUMBER].input, with_number("2"));
    assert_eq!(highlighted(&m).len(), 9, "still previewed");
    assert!(m.jobs.write.is_none());
    assert_eq!(status_text(&m), "Nothing saved");
}

fn with_number(n: &str) -> swr_tui::app::dialogs::form::Input {
    swr_tui::app::dialogs::form::Input::Text(swr_tui::app::field::Field::single(n))
}

#[test]
fn confirming_creates_the_rule_then_reloads_tags_and_history() {
    let mut m = form_keeping_newest("2");
    update(&mut m, ctrl('s'));
    let (request, write) = the_write(&press(&mut m, "y"));
    assert_eq!(
        write,
        Write::Retention {
            org: "demo".into(),
            repo: "team/web".into(),
            change: RetentionWrite::Create(Keep::Newest(2).rule(vec![])),
        }
    );
    assert!(m.overlay.is_none());
    assert!(highlighted(&m).is_empty());
    succeeds(
        &mut m,
        request,
        &[demo_web(), web_retention()],
        "Saved the retention rule of demo/team/web; SWR applied it",
    );
}

#[test]
fn a_failed_save_reloads_too_since_swr_may_have_deleted_tags() {
    let mut m = form_keeping_newest("2");
    update(&mut m, ctrl('s'));
    let (request, _) = the_write(&press(&mut m, "y"));
    let cmds = written(&mut m, request, Err(ErrorInfo::other("request timed out")));
    assert_eq!(fetches(&cmds), [demo_web(), web_retention()]);
    assert!(status_text(&m).contains("request timed out"));
}

#[test]
fn e_changes_the_rule_it_starts_from() {
    let mut m = with_rule();
    assert!(press(&mut m, "c").is_empty());
    assert!(m.overlay.is_none(), "one rule per repository");
    assert!(status_text(&m).contains("e changes it"));
    press(&mut m, "e");
    let form = retention_form(&m);
    assert_eq!(form.fields[NUMBER].input, with_number("3"));
    assert_eq!(
        form.fields[LABELS].input,
        swr_tui::app::dialogs::form::Input::Text(swr_tui::app::field::Field::single("stable"))
    );
    assert!(form.title().starts_with("Change"));
    // Keeps latest, v1.7, v1.6; stable by exception: deletes v1.5…v1.0.
    assert_eq!(ready(&m).by_updated.deleted.len(), 6);
    retype(&mut m, "4");
    update(&mut m, ctrl('s'));
    let (_, write) = the_write(&press(&mut m, "y"));
    let Write::Retention {
        change: RetentionWrite::Update { id, rule },
        ..
    } = write
    else {
        panic!("{write:?}");
    };
    assert_eq!(id, 7);
    assert_eq!(rule.keep(), Ok(Keep::Newest(4)));
    assert_eq!(rule.tag_selectors[0].pattern, "stable");
}

#[test]
fn d_deletes_the_rule_after_a_confirmation() {
    let mut m = with_rule();
    assert!(press(&mut m, "d").is_empty());
    assert!(matches!(m.overlay, Some(Overlay::DeleteRows(_))));
    assert!(press(&mut m, "n").is_empty(), "cancel sends nothing");
    assert!(m.overlay.is_none());
    press(&mut m, "d");
    let (request, write) = the_write(&press(&mut m, "y"));
    assert_eq!(
        write,
        Write::Retention {
            org: "demo".into(),
            repo: "team/web".into(),
            change: RetentionWrite::Delete { id: 7 },
        }
    );
    succeeds(
        &mut m,
        request,
        &[web_retention()],
        "Deleted the retention rule of demo/team/web",
    );

    let mut none = without_rule();
    assert!(press(&mut none, "d").is_empty());
    assert!(none.overlay.is_none());
    press(&mut none, "e");
    assert!(none.overlay.is_none(), "no rule to change");
}

#[test]
fn the_form_loads_missing_tags_and_waits_for_them() {
    let mut m = with_orgs();
    let id = fetch_id(&update(&mut m, key(KeyCode::Enter)), &demo_repos());
    loaded(&mut m, id, Fetched::repos(repos()));
    cursor_to_repo(&mut m, "team/web");
    let cmds = press(&mut m, "R");
    let tags_id = find_fetch(&cmds, &demo_web());
    let answer = retention_answer(None, vec![]);
    loaded(&mut m, find_fetch(&cmds, &web_retention()), answer);
    assert!(press(&mut m, "c").is_empty(), "the tags are coming already");
    assert_eq!(
        retention_form(&m).preview_lines(),
        ["loading tags… (0)"],
        "no numbers before the tags"
    );
    update(&mut m, ctrl('s'));
    assert!(matches!(m.overlay, Some(Overlay::RetentionForm(_))));
    assert!(retention_form(&m).refusal.is_some(), "save waits");
    retype(&mut m, "2");
    loaded(&mut m, tags_id, Fetched::tags(retention_tags()));
    assert_eq!(
        ready(&m).by_updated.deleted.len(),
        8,
        "previewed once they came"
    );

    // A failed load: the form asks again when opened.
    let mut m = without_rule();
    m.panes.tags.load = Load::Failed("boom".into());
    let cmds = press(&mut m, "c");
    assert_eq!(fetches(&cmds), [demo_web()]);
}

#[test]
fn read_only_sessions_open_no_form() {
    let mut m = without_rule();
    m.session.context.read_only = true;
    assert!(press(&mut m, "c").is_empty());
    assert!(m.overlay.is_none());
    assert!(status_text(&m).contains("Read-only"));
}

#[test]
fn help_lists_r_where_it_works() {
    let has_r = |pane| {
        swr_tui::app::keys::help(pane, swr_tui::app::registry::Edition::Shared, false)
            .iter()
            .any(|(k, _)| k == "R")
    };
    assert!(has_r(PaneId::Tags) && has_r(PaneId::Repos));
    assert!(!has_r(PaneId::Orgs));
    let ee = swr_tui::app::keys::help(
        PaneId::Tags,
        swr_tui::app::registry::Edition::Enterprise,
        false,
    );
    assert!(!ee.iter().any(|(k, _)| k == "R"), "shared edition only");
}
