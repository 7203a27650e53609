//! Builders for pure `update()` tests: models with data loaded, key presses.
#![allow(dead_code, unused_imports)]

pub mod actions;

pub use chrono::{DateTime, Utc};
pub use crossterm::event::{
    KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
pub use ratatui::layout::Rect;
pub use swr_tui::app::layout;
pub use swr_tui::app::table::Load;
pub use swr_tui::app::{
    Cmd, Context, CopyMethod, ErrorInfo, Fetch, Fetched, Model, Msg, Overlay, PaneId, PermTarget,
    StatusKind, init, update,
};
pub use swr_tui::swr::model::{AccessInfo, Namespace, RepoV2, Tag, UserAuth};

pub fn now() -> DateTime<Utc> {
    "2026-03-10T12:00:00Z".parse().unwrap()
}

pub fn context() -> Context {
    Context {
        profile: "test".into(),
        region: "cn-north-4".into(),
        endpoint: "http://127.0.0.1:1".into(),
        registry: "swr.cn-north-4.myhuaweicloud.com".into(),
        read_only: false,
        monochrome: false,
        profiles: Vec::new(),
    }
}

pub fn key(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

pub fn ch(c: char) -> Msg {
    key(KeyCode::Char(c))
}

pub fn press(m: &mut Model, keys: &str) -> Vec<Cmd> {
    keys.chars().flat_map(|c| update(m, ch(c))).collect()
}

pub fn orgs() -> Vec<Namespace> {
    ["demo", "platform", "sandbox"]
        .iter()
        .enumerate()
        .map(|(i, n)| Namespace {
            id: i as i64,
            name: n.to_string(),
            creator_name: "alice".into(),
            auth: 7,
        })
        .collect()
}

pub fn repos() -> Vec<RepoV2> {
    ["team/web", "team/api", "nginx"]
        .iter()
        .map(|n| RepoV2 {
            name: n.to_string(),
            namespace: "demo".into(),
            num_images: 3,
            ..RepoV2::default()
        })
        .collect()
}

pub fn tags(count: usize) -> Vec<Tag> {
    (0..count)
        .map(|i| Tag {
            tag: format!("v{i}"),
            digest: format!("sha256:{i:064x}"),
            size: 1000 * i as i64,
            path: format!("swr.cn-north-4.myhuaweicloud.com/demo/team/web:v{i}"),
            updated: format!("2026-03-{:02}T00:00:00Z", 1 + i % 9),
            created: "2026-03-01T00:00:00Z".into(),
            ..Tag::default()
        })
        .collect()
}

/// The request id of the fetch of `want` among `cmds` (others may come along).
pub fn find_fetch(cmds: &[Cmd], want: &Fetch) -> u64 {
    cmds.iter()
        .find_map(|c| match c {
            Cmd::Fetch { request, fetch } if fetch == want => Some(*request),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no fetch of {want:?} in {cmds:?}"))
}

/// The request id of the only fetch among `cmds`, checking what it asks for.
pub fn fetch_id(cmds: &[Cmd], want: &Fetch) -> u64 {
    match cmds {
        [Cmd::Fetch { request, fetch }] if fetch == want => *request,
        other => panic!("expected one fetch of {want:?}, got {other:?}"),
    }
}

pub fn loaded(m: &mut Model, request: u64, result: Fetched) {
    assert!(
        update(
            m,
            Msg::Fetched {
                request,
                result: Ok(result)
            }
        )
        .is_empty()
    );
}

pub fn model() -> Model {
    Model::new(context(), Rect::new(0, 0, 80, 24), now())
}

/// A model with organizations loaded.
pub fn with_orgs() -> Model {
    let mut m = model();
    let id = find_fetch(&init(&mut m), &Fetch::Orgs);
    loaded(&mut m, id, Fetched::Orgs(orgs()));
    m
}

/// A model showing the tags of demo/team/web (cursor on the first repository, `team/web`... by name order it is `nginx`).
pub fn with_tags(count: usize) -> Model {
    let mut m = with_orgs();
    let id = fetch_id(
        &update(&mut m, key(KeyCode::Enter)),
        &Fetch::Repos { org: "demo".into() },
    );
    loaded(&mut m, id, Fetched::repos(repos()));
    press(&mut m, "G"); // by name: nginx, team/api, team/web
    let id = fetch_id(
        &update(&mut m, key(KeyCode::Enter)),
        &Fetch::Tags {
            org: "demo".into(),
            repo: "team/web".into(),
        },
    );
    loaded(&mut m, id, Fetched::tags(tags(count)));
    m
}

/// Opens the delete confirmation and confirms with `y`; the job and the tags it deletes.
pub fn confirm_delete(m: &mut Model) -> (swr_tui::app::JobId, Vec<String>) {
    assert!(press(m, "d").is_empty(), "d only asks");
    match press(m, "y").as_slice() {
        [Cmd::DeleteTags { job, tags, .. }] => (*job, tags.clone()),
        other => panic!("expected a delete job, got {other:?}"),
    }
}

/// Draws the model into a `width`x`height` test terminal; the screen as lines of text.
pub fn render(model: &Model, width: u16, height: u16) -> String {
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| swr_tui::ui::view(model, f)).unwrap();
    let buffer = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..buffer.area.height {
        let mut skip = 0;
        for x in 0..buffer.area.width {
            // A wide character covers the next cell, which holds nothing to print.
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let symbol = buffer[(x, y)].symbol();
            skip = unicode_width::UnicodeWidthStr::width(symbol).saturating_sub(1);
            out.push_str(symbol);
        }
        out.push('\n');
    }
    out
}
