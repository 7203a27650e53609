//! Lists arrive page by page, in any order. `update()` tests: the rows already there can be
//! used — moved through, filtered, sorted, marked — and what the user did survives the pages
//! that follow; a reload keeps the old rows until the new list is complete; stale pages are
//! dropped. A property test checks that any split into pages, in any order, with any user
//! actions between them, ends as one complete answer would.

mod support;

use std::collections::BTreeSet;

use proptest::prelude::*;
use support::actions::{action, apply};
use support::*;
use swr_tui::app::Rows;
use swr_tui::app::rows::TagRow;

fn tag_fetch() -> Fetch {
    Fetch::Tags {
        org: "demo".into(),
        repo: "team/web".into(),
    }
}

/// The tag pane of demo/team/web, loaded with `initial` tags, and the id of a new request for
/// the list (by `r`).
fn waiting_for_tags(initial: usize) -> (Model, u64) {
    let mut m = with_tags(initial);
    let id = fetch_id(&press(&mut m, "r"), &tag_fetch());
    (m, id)
}

fn rows(tags: &[Tag]) -> Vec<TagRow> {
    tags.iter().cloned().map(TagRow::from).collect()
}

fn page(m: &mut Model, request: u64, tags: &[Tag], total: usize) {
    let result = Ok(Fetched::Tags(Rows::page(rows(tags), Some(total))));
    assert!(update(m, Msg::Fetched { request, result }).is_empty());
}

fn end(m: &mut Model, request: u64, total: usize) {
    let result = Ok(Fetched::Tags(Rows::end(total)));
    assert!(update(m, Msg::Fetched { request, result }).is_empty());
}

fn shown(m: &Model) -> Vec<String> {
    m.panes.tags.visible().map(|t| t.tag.clone()).collect()
}

fn current(m: &Model) -> String {
    m.panes
        .tags
        .current()
        .map(|t| t.tag.clone())
        .unwrap_or_default()
}

/// What one complete answer gives.
fn loaded_at_once(all: &[Tag]) -> Model {
    let (mut m, id) = waiting_for_tags(0);
    loaded(&mut m, id, Fetched::tags(all.to_vec()));
    m
}

#[test]
fn the_first_page_is_shown_at_once_and_the_title_says_how_far_it_is() {
    let all = tags(30);
    let (mut m, id) = waiting_for_tags(0);
    page(&mut m, id, &all[10..20], 30);
    assert_eq!(m.panes.tags.len(), 10, "usable before the rest arrives");
    assert_eq!(m.panes.tags.load, Load::Loading { request: id });
    let progress = m.panes.tags.progress().expect("loading");
    assert_eq!(
        (progress.received, progress.total, progress.reloading),
        (10, Some(30), false)
    );
    let screen = render(&m, 80, 24);
    assert!(screen.contains("Tags (10 of 30) loading"), "{screen}");
    page(&mut m, id, &all[..10], 30);
    page(&mut m, id, &all[20..], 30);
    end(&mut m, id, 30);
    assert_eq!(m.panes.tags.load, Load::Loaded);
    assert!(m.panes.tags.progress().is_none());
    assert_eq!(shown(&m), shown(&loaded_at_once(&all)));
    let screen = render(&m, 80, 24);
    assert!(
        screen.contains("Tags (30)") && !screen.contains("loading"),
        "{screen}"
    );
}

#[test]
fn cursor_marks_filter_and_sort_survive_the_pages_that_follow() {
    let all = tags(40);
    let (mut m, id) = waiting_for_tags(0);
    page(&mut m, id, &all[20..30], 40);
    // Move, mark two rows, sort by name, filter: all while loading.
    press(&mut m, "jj j ");
    let marked: BTreeSet<String> = m.panes.tags.marked_keys();
    assert_eq!(marked.len(), 2);
    let on = current(&m);
    press(&mut m, "s"); // by name
    assert_eq!(current(&m), on, "sorting keeps the cursor on its row");
    press(&mut m, "/");
    update(&mut m, ch('2'));
    update(&mut m, key(KeyCode::Enter));
    let filtered_on = current(&m);
    assert!(filtered_on.contains('2'));
    for chunk in [&all[..10], &all[30..], &all[10..20]] {
        page(&mut m, id, chunk, 40);
        assert_eq!(current(&m), filtered_on, "the cursor stays on its row");
        assert_eq!(
            m.panes.tags.marked_keys(),
            marked,
            "marks stay on their rows"
        );
    }
    end(&mut m, id, 40);
    // The filter and the sort apply to the rows that came later too.
    let mut expected: Vec<String> = all
        .iter()
        .map(|t| t.tag.clone())
        .filter(|n| n.contains('2'))
        .collect();
    // By name (naturally: v32 before v29 before v2), still descending (as the list was newest
    // first).
    expected.sort_by(|a, b| swr_tui::app::natural::compare(b, a));
    assert_eq!(shown(&m), expected);
    assert_eq!(m.panes.tags.marked_keys(), marked);
}

#[test]
fn a_reload_keeps_the_old_rows_until_it_is_complete_then_marks_follow_the_survivors() {
    let mut m = with_tags(6);
    let before = shown(&m);
    // Space marks the row and moves on.
    press(&mut m, "j ");
    let kept_mark = m.panes.tags.marked_keys().pop_first().unwrap();
    press(&mut m, "j ");
    let lost_mark = m
        .panes
        .tags
        .marked_keys()
        .into_iter()
        .find(|t| *t != kept_mark)
        .unwrap();
    press(&mut m, "kk");
    let cursor = current(&m);
    assert!(cursor != lost_mark);
    // A reload: the new list lacks `lost_mark`.
    let id = fetch_id(&press(&mut m, "r"), &tag_fetch());
    let next: Vec<Tag> = tags(6).into_iter().filter(|t| t.tag != lost_mark).collect();
    page(&mut m, id, &next[..2], 5);
    assert_eq!(
        shown(&m),
        before,
        "the old rows stay while the new ones arrive"
    );
    let screen = render(&m, 160, 45);
    assert!(
        screen.contains("Tags (6) [2 marked] reloading 2 of 5"),
        "{screen}"
    );
    page(&mut m, id, &next[2..], 5);
    assert_eq!(shown(&m), before);
    end(&mut m, id, 5);
    assert_eq!(m.panes.tags.len(), 5);
    assert_eq!(m.panes.tags.marked_keys(), BTreeSet::from([kept_mark]));
    assert_eq!(current(&m), cursor, "the cursor stays on its row");
}

#[test]
fn pages_of_an_older_request_are_dropped() {
    let (mut m, old) = waiting_for_tags(0);
    let new = fetch_id(&press(&mut m, "r"), &tag_fetch());
    page(&mut m, old, &tags(3), 3);
    assert!(m.panes.tags.is_empty());
    page(&mut m, new, &tags(2), 2);
    end(&mut m, old, 3);
    assert_eq!(m.panes.tags.load, Load::Loading { request: new });
    end(&mut m, new, 2);
    assert_eq!(
        (m.panes.tags.len(), m.panes.tags.load.clone()),
        (2, Load::Loaded)
    );
}

#[test]
fn a_failure_after_some_pages_says_so_and_r_loads_again() {
    let (mut m, id) = waiting_for_tags(0);
    page(&mut m, id, &tags(5), 50);
    let result = Err(ErrorInfo::http(500, "SVCSTG.SWR.5000001", "internal error"));
    update(
        &mut m,
        Msg::Fetched {
            request: id,
            result,
        },
    );
    assert!(matches!(m.panes.tags.load, Load::Failed(_)));
    assert!(
        m.status
            .as_ref()
            .is_some_and(|s| s.text.contains("r retries"))
    );
    fetch_id(&press(&mut m, "r"), &tag_fetch());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    /// Pages in any order with user actions between them end exactly like one answer with the
    /// same actions applied after it: same rows in the same order, same marks, and the cursor
    /// on the row it was on when the last action happened.
    #[test]
    fn any_split_in_any_order_ends_like_one_answer(
        count in 1usize..60,
        cuts in prop::collection::vec(0usize..60, 0..6),
        order in prop::collection::vec(any::<u8>(), 7),
        ops in prop::collection::vec((0usize..7, action(vec!['1', '2', '7'])), 0..20),
    ) {
        let all = tags(count);
        let mut bounds: Vec<usize> = cuts.into_iter().map(|c| c % (count + 1)).collect();
        bounds.extend([0, count]);
        bounds.sort();
        bounds.dedup();
        let mut chunks: Vec<&[Tag]> = bounds.windows(2).map(|w| &all[w[0]..w[1]]).collect();
        // Deliver in a shuffled order.
        let mut keyed: Vec<(u8, &[Tag])> = chunks.drain(..).enumerate().map(|(i, c)| (order[i % order.len()].wrapping_add(i as u8), c)).collect();
        keyed.sort_by_key(|(k, _)| *k);

        let (mut m, id) = waiting_for_tags(0);
        for (i, (_, chunk)) in keyed.iter().enumerate() {
            page(&mut m, id, chunk, count);
            for (_, op) in ops.iter().filter(|(at, _)| *at == i) {
                apply(&mut m, op);
            }
        }
        end(&mut m, id, count);
        prop_assert_eq!(m.panes.tags.len(), count);
        // Every tag exactly once.
        let names: BTreeSet<String> = m.panes.tags.rows().iter().map(|t| t.tag.clone()).collect();
        prop_assert_eq!(names.len(), count);

        // The same view as one answer given the same sort and filter.
        let mut once = loaded_at_once(&all);
        while once.panes.tags.sort() != m.panes.tags.sort() {
            let (a, b) = (once.panes.tags.sort(), m.panes.tags.sort());
            if a.column == b.column { press(&mut once, "S"); } else { press(&mut once, "s"); }
        }
        if !m.panes.tags.filter().is_empty() {
            press(&mut once, "/");
            for c in m.panes.tags.filter().chars() { update(&mut once, ch(c)); }
            update(&mut once, key(KeyCode::Enter));
        }
        prop_assert_eq!(shown(&m), shown(&once));
        // Marks only ever on rows the user marked: the count equals the toggles that stuck.
        prop_assert_eq!(m.panes.tags.marked_keys().len(), m.panes.tags.marked_count());
        prop_assert_eq!(m.panes.shared_marked.flagged_tags(m.panes.tags.rows()),
            swr_tui::app::delete::shared_outside(m.panes.tags.rows(), &m.panes.tags.marked_keys()).into_keys().collect::<BTreeSet<_>>());
    }
}
