//! The UI with 100,000 tags: one frame of the tag pane, and one filter keystroke.
//! Targets (2-core machine): a frame under 2 ms, a keystroke under 5 ms.

use std::hint::black_box;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use swr_tui::app::{Cmd, Context, Fetch, Fetched, Model, Msg, init, update};
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

/// A model showing the tags of `demo/team/web`, `count` of them.
fn model_with_tags(count: usize, width: u16, height: u16) -> Model {
    let now = "2026-03-10T12:00:00Z".parse().unwrap_or_default();
    let mut m = Model::new(Context::default(), Rect::new(0, 0, width, height), now);
    let cmds = init(&mut m);
    answer(
        &mut m,
        cmds,
        Fetched::Orgs(vec![Namespace {
            name: "demo".into(),
            auth: 7,
            ..Namespace::default()
        }]),
    );
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
    let tags = (0..count)
        .map(|i| Tag {
            tag: format!("build-{i:06}"),
            digest: format!("sha256:{i:064x}"),
            size: 10_000_000 + i as i64,
            path: format!("swr.cn-north-4.myhuaweicloud.com/demo/team/web:build-{i:06}"),
            created: "2026-01-01T00:00:00Z".into(),
            updated: format!("2026-02-{:02}T{:02}:{:02}:00Z", 1 + i % 28, i % 24, i % 60),
            ..Tag::default()
        })
        .collect();
    answer(&mut m, cmds, Fetched::tags(tags));
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

criterion_group!(benches, render, filter, mark);
criterion_main!(benches);
