//! A text field: a real editor (cursor, selection, paste, undo) from ratatui-textarea, held in
//! the model so `update` edits it and `view` draws it.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::{Modifier, Style};
use ratatui_textarea::TextArea;

#[derive(Debug, Clone)]
pub struct Field {
    area: TextArea<'static>,
    multiline: bool,
}

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
        Self { area, multiline }
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
        if takes {
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
