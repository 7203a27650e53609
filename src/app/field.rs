//! A text field: a real editor (cursor, selection, paste, undo) from ratatui-textarea, held in
//! the model so `update` edits it and `view` draws it.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::{Modifier, Style};
use ratatui_textarea::TextArea;

#[derive(Debug, Clone)]
pub struct Field {
    area: TextArea<'static>,
    multiline: bool,
    /// The most characters it holds: no SWR name or description is longer, and a paste of
    /// megabytes must not make every keystroke cost megabytes.
    max_chars: usize,
}

/// The longest one-line field: one more than SWR's longest name (255), so that a form can
/// still say a name is too long rather than cut it silently.
pub const LINE_MAX: usize = 256;
/// The longest multi-line field: one more than a repository description may hold (30,000).
pub const TEXT_MAX: usize = 30_001;

impl PartialEq for Field {
    fn eq(&self, other: &Self) -> bool {
        self.area.lines() == other.area.lines() && self.multiline == other.multiline
    }
}

impl Eq for Field {}

impl Field {
    /// A one-line field; Enter is left to the dialog (submit).
    pub fn single(text: &str) -> Self {
        Self::build(vec![text.to_string()], false)
    }

    /// A multi-line field; Enter adds a line.
    pub fn multi(text: &str) -> Self {
        Self::build(text.lines().map(str::to_string).collect(), true)
    }

    fn build(lines: Vec<String>, multiline: bool) -> Self {
        let mut area = TextArea::new(lines);
        // Styles are part of the widget's state; the reversed cursor reads without colour too.
        area.set_cursor_line_style(Style::default());
        area.set_cursor_style(Style::default().add_modifier(Modifier::REVERSED));
        area.move_cursor(ratatui_textarea::CursorMove::Bottom);
        area.move_cursor(ratatui_textarea::CursorMove::End);
        let max_chars = if multiline { TEXT_MAX } else { LINE_MAX };
        Self {
            area,
            multiline,
            max_chars,
        }
    }

    fn chars(&self) -> usize {
        let lines = self.area.lines();
        lines.iter().map(|l| l.chars().count()).sum::<usize>() + lines.len().saturating_sub(1)
    }

    pub fn text(&self) -> String {
        self.area.lines().join("\n")
    }

    pub fn is_empty(&self) -> bool {
        self.area.lines().iter().all(String::is_empty)
    }

    /// Edits with a key; returns false for keys a field does not take (Enter on one line, Tab, Esc).
    pub fn key(&mut self, key: KeyEvent) -> bool {
        let takes = match key.code {
            KeyCode::Esc | KeyCode::Tab | KeyCode::BackTab => false,
            KeyCode::Enter => self.multiline && !key.modifiers.contains(KeyModifiers::CONTROL),
            KeyCode::Char('s') if key.modifiers.contains(KeyModifiers::CONTROL) => false,
            _ => true,
        };
        let adds = matches!(key.code, KeyCode::Char(_) | KeyCode::Enter)
            && !key.modifiers.contains(KeyModifiers::CONTROL);
        if takes && !(adds && self.chars() >= self.max_chars) {
            self.area.input(key);
        }
        takes
    }

    /// Pasted text (bracketed paste); one-line fields take the first line only.
    pub fn paste(&mut self, text: &str) {
        let text = if self.multiline {
            text.replace("\r\n", "\n")
        } else {
            text.lines().next().unwrap_or_default().to_string()
        };
        let room = self.max_chars.saturating_sub(self.chars());
        let text: String = text.chars().take(room).collect();
        self.area.insert_str(text);
    }

    pub fn widget(&self) -> &TextArea<'static> {
        &self.area
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn edits_with_cursor_and_undo() {
        let mut f = Field::single("ac");
        f.key(key(KeyCode::Left));
        f.key(key(KeyCode::Char('b')));
        assert_eq!(f.text(), "abc");
        f.key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL));
        assert_eq!(f.text(), "ac", "Ctrl-U undoes");
        assert!(
            !f.key(key(KeyCode::Enter)),
            "a one-line field leaves Enter to the dialog"
        );
    }

    #[test]
    fn fields_hold_no_more_than_swr_accepts() {
        let mut name = Field::single("");
        name.paste(&"x".repeat(1_000_000));
        assert_eq!(name.text().len(), LINE_MAX);
        name.key(key(KeyCode::Char('y')));
        assert_eq!(
            name.text().len(),
            LINE_MAX,
            "typing at the limit adds nothing"
        );
        name.key(key(KeyCode::Backspace));
        name.key(key(KeyCode::Char('y')));
        assert!(name.text().ends_with('y'));
        let mut text = Field::multi("");
        for _ in 0..3 {
            text.paste(&"line\n".repeat(10_000));
        }
        assert_eq!(text.text().chars().count(), TEXT_MAX);
    }

    #[test]
    fn multiline_enter_adds_lines_and_paste_inserts() {
        let mut f = Field::multi("one");
        assert!(f.key(key(KeyCode::Enter)));
        f.paste("two\r\nthree");
        assert_eq!(f.text(), "one\ntwo\nthree");
        let mut s = Field::single("");
        s.paste("first\nsecond");
        assert_eq!(s.text(), "first");
    }
}
