//! Drawing models into a test terminal and reading the screen back, for snapshot tests.
#![allow(dead_code)]

use chrono::{DateTime, Duration, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use swr_tui::app::{Cmd, Model, Msg, update};
use unicode_width::UnicodeWidthStr;

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
