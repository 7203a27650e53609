//! Drawing models into a test terminal and reading the screen back, for snapshot tests.

use chrono::Duration;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use swr_tui::app::Model;
use unicode_width::UnicodeWidthStr;

use super::now;

/// The two terminal sizes every snapshot is taken at.
pub const SIZES: [(u16, u16); 2] = [(80, 24), (160, 45)];

pub fn ts(hours_ago: i64) -> String {
    (now() - Duration::hours(hours_ago)).to_rfc3339()
}

pub fn digest(i: usize) -> String {
    format!("sha256:{}", format!("{i:02x}").repeat(32))
}

/// Draws the model into a terminal of the model's size.
pub fn draw(model: &Model) -> Buffer {
    draw_at(model, model.screen.width, model.screen.height)
}

/// Draws the model into a `width`x`height` terminal, whatever size the model believes it has.
pub fn draw_at(model: &Model, width: u16, height: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| swr_tui::ui::view(model, f)).unwrap();
    terminal.backend().buffer().clone()
}

/// Cells `from..to` of row `y` as the terminal shows them: a wide (CJK) symbol covers the
/// cell after it, which holds nothing to print.
pub fn cells(buffer: &Buffer, y: u16, from: u16, to: u16) -> String {
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
    s
}

/// Like [`cells`], without the blanks at the end.
pub fn line(buffer: &Buffer, y: u16, from: u16, to: u16) -> String {
    cells(buffer, y, from, to).trim_end().to_string()
}

/// The model drawn into a `width`x`height` terminal, every row whole (blanks at the end kept).
pub fn render(model: &Model, width: u16, height: u16) -> String {
    let buffer = draw_at(model, width, height);
    let mut out = String::new();
    for y in 0..buffer.area.height {
        out.push_str(&cells(&buffer, y, 0, buffer.area.width));
        out.push('\n');
    }
    out
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

// --- snapshots ------------------------------------------------------------------------------

/// Checks `shown` against the snapshot `name` in `tests/snapshots`, under the name the test
/// file itself would give it (`ui_snapshots__orgs_80x24`): the test crate's name first.
pub fn snapshot(name: &str, shown: &str) {
    // This module is `<test crate>::support::screen`.
    let test_crate = module_path!().split("::").next().unwrap_or_default();
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| insta::assert_snapshot!(format!("{test_crate}__{name}"), shown));
}

/// Builds the model at both [`SIZES`], draws it and checks the screen against the snapshot
/// `{name}_{w}x{h}`; the models and what they drew, for further checks.
pub fn snapshot_both(name: &str, build: impl Fn(Rect) -> Model) -> Vec<(Model, Buffer)> {
    SIZES
        .iter()
        .map(|&(w, h)| {
            let model = build(Rect::new(0, 0, w, h));
            let buffer = draw(&model);
            snapshot(&format!("{name}_{w}x{h}"), &text(&buffer));
            (model, buffer)
        })
        .collect()
}
