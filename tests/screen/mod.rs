//! Drawing models into a test terminal and reading the screen back, for snapshot tests.
#![allow(dead_code)]

use chrono::{DateTime, Duration, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use swr_tui::app::{Cmd, Context, Fetch, Model, Msg, update};
use unicode_width::UnicodeWidthStr;

/// The demo profile against a local emulator, as the snapshots show it.
pub fn context() -> Context {
    Context {
        profile: "demo".into(),
        region: "cn-north-4".into(),
        endpoint: "http://127.0.0.1:8080".into(),
        registry: "swr.cn-north-4.myhuaweicloud.com".into(),
        ..Context::default()
    }
}

/// The request id of the fetch of `want` among `cmds`.
pub fn request_of(cmds: &[Cmd], want: &Fetch) -> u64 {
    cmds.iter()
        .find_map(|c| match c {
            Cmd::Fetch { request, fetch } if fetch == want => Some(*request),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no fetch of {want:?} in {cmds:?}"))
}

pub fn now() -> DateTime<Utc> {
    "2026-03-10T12:00:00Z".parse().unwrap()
}

pub fn key(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

pub fn press(model: &mut Model, code: KeyCode) -> Vec<Cmd> {
    update(model, key(code))
}

pub fn type_text(model: &mut Model, text: &str) {
    for c in text.chars() {
        press(model, KeyCode::Char(c));
    }
}

pub fn ts(hours_ago: i64) -> String {
    (now() - Duration::hours(hours_ago)).to_rfc3339()
}

pub fn digest(i: usize) -> String {
    format!("sha256:{}", format!("{i:02x}").repeat(32))
}

pub fn draw(model: &Model) -> Buffer {
    let screen = model.screen;
    let mut terminal = Terminal::new(TestBackend::new(screen.width, screen.height)).unwrap();
    terminal.draw(|f| swr_tui::ui::view(model, f)).unwrap();
    terminal.backend().buffer().clone()
}

pub fn line(buffer: &Buffer, y: u16, from: u16, to: u16) -> String {
    let mut s = String::new();
    let mut skip = 0;
    for x in from..to {
        if skip > 0 {
            skip -= 1;
            continue;
        }
        let symbol = buffer[(x, y)].symbol();
        skip = symbol.width().saturating_sub(1);
        s.push_str(symbol);
    }
    s.trim_end().to_string()
}

/// The buffer as text, one line per row. A wide (CJK) symbol covers the cell after it, which
/// is skipped so the text reads as the terminal shows it.
pub fn text(buffer: &Buffer) -> String {
    let area = buffer.area;
    let mut out = String::new();
    for y in area.top()..area.bottom() {
        out.push_str(&line(buffer, y, area.left(), area.right()));
        out.push('\n');
    }
    out
}

// --- checks on what a frame holds ------------------------------------------------------

/// Characters that draw nothing yet take a cell or reorder text in some terminals: zero-width
/// spaces and joiners, bidirectional controls, the byte-order mark, the soft hyphen. Listed here,
/// not taken from the code under test, so a test fails when that code forgets one.
pub fn is_unsafe_in_a_cell(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{00AD}' | '\u{061C}' | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}')
}

/// No cell holds a control or an invisible character.
pub fn assert_clean(buffer: &Buffer) {
    for (i, cell) in buffer.content.iter().enumerate() {
        assert!(
            !cell.symbol().chars().any(is_unsafe_in_a_cell),
            "{:?} drawn at cell {i}:\n{}",
            cell.symbol(),
            text(buffer)
        );
    }
}

/// The text of row `y` from cell `x` on, cell by cell.
pub fn from_cell(buffer: &Buffer, x: u16, y: u16) -> String {
    (x..buffer.area.width)
        .map(|x| buffer[(x, y)].symbol())
        .collect()
}

/// Every pane's frame is whole: each `┌…┐` of the first pane row has `│` under both corners
/// down to its `└…┘`.
pub fn assert_frames_intact(buffer: &Buffer) {
    let corners: Vec<u16> = (0..buffer.area.width)
        .filter(|&x| matches!(buffer[(x, 1)].symbol(), "┌" | "┐"))
        .collect();
    assert!(corners.len() >= 2, "{}", text(buffer));
    for x in corners {
        let mut y = 2;
        while !matches!(buffer[(x, y)].symbol(), "└" | "┘") {
            assert_eq!(
                buffer[(x, y)].symbol(),
                "│",
                "frame broken at ({x}, {y}):\n{}",
                text(buffer)
            );
            y += 1;
        }
    }
}

/// The column `title` begins at the same cell as `value` on each row under it.
pub fn assert_column(buffer: &Buffer, title: &str, value: &str) {
    let find = |y: u16, word: &str| {
        (0..buffer.area.width).find(|&x| from_cell(buffer, x, y).starts_with(word))
    };
    let header = (0..buffer.area.height).find_map(|y| find(y, title).map(|x| (x, y)));
    let (x, header_y) = header.unwrap_or_else(|| panic!("no {title}:\n{}", text(buffer)));
    let rows: Vec<u16> = (header_y + 1..buffer.area.height)
        .take_while(|&y| find(y, value).is_some())
        .collect();
    assert!(
        !rows.is_empty(),
        "no {value} under {title}:\n{}",
        text(buffer)
    );
    for y in rows {
        assert_eq!(
            find(y, value),
            Some(x),
            "row {y} shifted:\n{}",
            text(buffer)
        );
    }
}
