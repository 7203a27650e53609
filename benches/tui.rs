//! The UI with 100,000 tags: one frame of the tag pane, a filter keystroke, a mark, a page
//! arriving, a reload swapped in, 10,000 delete results; and 10,000 repositories filtered and
//! sorted. Targets (2-core machine): a frame under 2 ms, a keystroke under 5 ms, no step of the
//! UI thread over 50 ms.

use std::hint::black_box;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use swr_tui::app::rows::TagRow;
use swr_tui::app::{Cmd, Context, Fetch, Fetched, Model, Msg, Rows, init, update};
use swr_tui::swr::model::{Namespace, RepoV2, Tag};

fn key(c: char) -> Msg {
    Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

fn answer(m: &mut Model, cmds: Vec<Cmd>, result: Fetched) {
    if let Some(Cmd::Fetch { request, .. }) = cmds.into_iter().next() {
        update(
            m,
            Msg::Fetched {
                request,
                result: Ok(result),
            },
        );
    }
}

fn tags(range: std::ops::Range<usize>) -> Vec<Tag> {
    range
        .map(|i| Tag {
            tag: format!("build-{i:06}"),
            digest: format!("sha256:{i:064x}"),
            size: 10_000_000 + i as i64,
            path: format!("swr.cn-north-4.myhuaweicloud.com/demo/team/web:build-{i:06}"),
            created: "2026-01-01T00:00:00Z".into(),
            updated: format!("2026-02-{:02}T{:02}:{:02}:00Z", 1 + i % 28, i % 24, i % 60),
            ..Tag::default()
        })
        .collect()
}

fn rows(list: Vec<Tag>) -> Vec<TagRow> {
    list.into_iter().map(TagRow::from).collect()
}

fn press(m: &mut Model, code: KeyCode) -> Vec<Cmd> {
    update(m, Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)))
}

fn fetch_id(cmds: &[Cmd]) -> u64 {
    cmds.iter()
        .find_map(|c| match c {
            Cmd::Fetch { request, .. } => Some(*request),
            _ => None,
        })
        .unwrap_or_default()
}

/// A model with the organization `demo` listed.
fn model_with_org(width: u16, height: u16) -> Model {
    let now = "2026-03-10T12:00:00Z".parse().unwrap_or_default();
    let mut m = Model::new(Context::default(), Rect::new(0, 0, width, height), now);
    let cmds = init(&mut m);
    let demo = Namespace {
        name: "demo".into(),
        auth: 7,
        ..Namespace::default()
    };
    answer(&mut m, cmds, Fetched::Orgs(vec![demo]));
    m
}

/// A model showing the tags of `demo/team/web`, `count` of them.
fn model_with_tags(count: usize, width: u16, height: u16) -> Model {
    let mut m = model_with_org(width, height);
    let cmds = update(
        &mut m,
        Msg::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)),
    );
    answer(
        &mut m,
        cmds,
        Fetched::repos(vec![RepoV2 {
            name: "team/web".into(),
            ..RepoV2::default()
        }]),
    );
    let cmds = update(
        &mut m,
        Msg::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)),
    );
    assert!(matches!(
        cmds.first(),
        Some(Cmd::Fetch {
            fetch: Fetch::Tags { .. },
            ..
        })
    ));
    answer(&mut m, cmds, Fetched::tags(tags(0..count)));
    m
}

fn render(c: &mut Criterion) {
    for (count, width, height) in [(100_000, 80, 24), (100_000, 160, 45), (1_000, 160, 45)] {
        let m = model_with_tags(count, width, height);
        let mut terminal = match Terminal::new(TestBackend::new(width, height)) {
            Ok(t) => t,
            Err(e) => panic!("test backend: {e}"),
        };
        c.bench_function(&format!("render_tags_{count}_{width}x{height}"), |b| {
            b.iter(|| {
                terminal
                    .draw(|f| swr_tui::ui::view(black_box(&m), f))
                    .map(|_| ())
            })
        });
    }
}

fn filter(c: &mut Criterion) {
    let mut m = model_with_tags(100_000, 160, 45);
    update(&mut m, key('/'));
    // First key: every row is scanned.
    c.bench_function("filter_first_key_100k", |b| {
        b.iter_batched_ref(|| m.clone(), |m| update(m, key('7')), BatchSize::LargeInput)
    });
    // Clearing it: the sorted order is restored without sorting.
    update(&mut m, key('7'));
    c.bench_function("filter_backspace_100k", |b| {
        b.iter_batched_ref(
            || m.clone(),
            |m| {
                update(
                    m,
                    Msg::Key(KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE)),
                )
            },
            BatchSize::LargeInput,
        )
    });
}

fn mark(c: &mut Criterion) {
    let m = model_with_tags(100_000, 160, 45);
    // Space marks a row; the shared-digest flags follow the marks.
    c.bench_function("mark_space_100k", |b| {
        b.iter_batched_ref(|| m.clone(), |m| update(m, key(' ')), BatchSize::LargeInput)
    });
}

fn marks_and_sort(c: &mut Criterion) {
    let m = model_with_tags(100_000, 160, 45);
    c.bench_function("mark_all_100k", |b| {
        b.iter_batched_ref(|| m.clone(), |m| update(m, key('a')), BatchSize::LargeInput)
    });
    c.bench_function("sort_next_column_100k", |b| {
        b.iter_batched_ref(|| m.clone(), |m| update(m, key('s')), BatchSize::LargeInput)
    });
}

/// The tags in `range`, as pages of 1,000 of a 100,000-tag list answering `request`.
fn feed_pages(m: &mut Model, request: u64, range: std::ops::Range<usize>) {
    for start in range.step_by(1000) {
        let page = Rows::page(rows(tags(start..start + 1000)), Some(100_000));
        let result = Ok(Fetched::Tags(page));
        update(m, Msg::Fetched { request, result });
    }
}

/// The last page of a 100,000-tag load arrives at `m`, which has the others.
fn last_page_arrives(c: &mut Criterion, name: &str, m: &Model, id: u64, last: &[TagRow]) {
    c.bench_function(name, |b| {
        b.iter_batched_ref(
            || (m.clone(), last.to_vec()),
            |(m, last)| {
                let page = Rows::page(std::mem::take(last), Some(100_000));
                update(
                    m,
                    Msg::Fetched {
                        request: id,
                        result: Ok(Fetched::Tags(page)),
                    },
                )
            },
            BatchSize::LargeInput,
        )
    });
}

fn arrivals(c: &mut Criterion) {
    // 99 pages of a first load are there; the 100th arrives.
    let mut m = model_with_tags(0, 160, 45);
    let id = fetch_id(&update(&mut m, key('r')));
    feed_pages(&mut m, id, 0..99_000);
    let last = rows(tags(99_000..100_000));
    last_page_arrives(c, "page_arrives_99k_plus_1000", &m, id, &last);
    // The same, sorted by name: each row of the page is placed by bisection with the name
    // comparator.
    let mut m = model_with_tags(0, 160, 45);
    update(&mut m, key('s'));
    let id = fetch_id(&update(&mut m, key('r')));
    feed_pages(&mut m, id, 0..99_000);
    last_page_arrives(c, "page_arrives_by_name_99k_plus_1000", &m, id, &last);
    // A reload of 100,000 tags with 1,000 marked: its last message swaps the new list in.
    let mut m = model_with_tags(100_000, 160, 45);
    for _ in 0..1000 {
        update(&mut m, key(' '));
    }
    let id = fetch_id(&update(&mut m, key('r')));
    feed_pages(&mut m, id, 0..100_000);
    c.bench_function("reload_swap_in_100k", |b| {
        b.iter_batched_ref(
            || m.clone(),
            |m| {
                let end = Ok(Fetched::Tags(Rows::end(100_000)));
                update(
                    m,
                    Msg::Fetched {
                        request: id,
                        result: end,
                    },
                )
            },
            BatchSize::LargeInput,
        )
    });
}

fn delete_results(c: &mut Criterion) {
    // 10,000 marked tags confirmed; every result comes back.
    let mut m = model_with_tags(10_000, 160, 45);
    update(&mut m, key('a'));
    update(&mut m, key('d'));
    let (job, names) = match update(&mut m, key('y')).into_iter().next() {
        Some(Cmd::DeleteTags { job, tags, .. }) => (job, tags),
        other => panic!("no delete job: {other:?}"),
    };
    assert_eq!(names.len(), 10_000);
    c.bench_function("delete_results_10000", |b| {
        b.iter_batched_ref(
            || m.clone(),
            |m| {
                for tag in &names {
                    let msg = Msg::TagDeleted {
                        job,
                        tag: tag.clone(),
                        result: Ok(swr_tui::app::Removed::Deleted),
                    };
                    update(m, msg);
                }
                update(m, Msg::JobFinished { job, elapsed_ms: 1 })
            },
            BatchSize::LargeInput,
        )
    });
}

fn repositories(c: &mut Criterion) {
    let mut m = model_with_org(160, 45);
    let cmds = press(&mut m, KeyCode::Enter);
    let repos = (0..10_000)
        .map(|i| RepoV2 {
            name: format!("team-{}/service-{i:05}", i % 40),
            num_images: (i % 300) as i64,
            size: 1_000_000 * (i % 977) as i64,
            updated_at: format!("2026-02-{:02}T{:02}:00:00Z", 1 + i % 28, i % 24),
            ..RepoV2::default()
        })
        .collect();
    answer(&mut m, cmds, Fetched::repos(repos));
    update(&mut m, key('/'));
    c.bench_function("repos_filter_first_key_10k", |b| {
        b.iter_batched_ref(|| m.clone(), |m| update(m, key('7')), BatchSize::LargeInput)
    });
    press(&mut m, KeyCode::Esc);
    c.bench_function("repos_sort_next_column_10k", |b| {
        b.iter_batched_ref(|| m.clone(), |m| update(m, key('s')), BatchSize::LargeInput)
    });
    let mut terminal = match Terminal::new(TestBackend::new(160, 45)) {
        Ok(t) => t,
        Err(e) => panic!("test backend: {e}"),
    };
    c.bench_function("render_repos_10k_160x45", |b| {
        b.iter(|| {
            terminal
                .draw(|f| swr_tui::ui::view(black_box(&m), f))
                .map(|_| ())
        })
    });
}

criterion_group!(
    benches,
    render,
    filter,
    mark,
    marks_and_sort,
    arrivals,
    delete_results,
    repositories
);
criterion_main!(benches);
