//! The create / edit form: one row per field, the focused one highlighted, errors inline.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::dialogs::form::{Form, Input};
use crate::app::keys::{Action, KeyHints, Keymap, Layer};
use crate::ui::popup;
use crate::ui::theme::Theme;

const WIDTH: u16 = 72;
/// Lines the description editor gets.
const MULTI_ROWS: u16 = 6;

/// Lines a field's input takes (its note line not counted).
pub(super) fn field_rows(input: &Input) -> u16 {
    match input {
        Input::Text(_) => 3,
        Input::Multi(_) => MULTI_ROWS + 2,
        Input::Toggle(_) | Input::Choice { .. } => 1,
    }
}

pub fn draw(frame: &mut Frame, screen: Rect, keys: &Keymap, form: &Form, theme: Theme) {
    let body: u16 = form.fields.iter().map(|f| field_rows(&f.input) + 1).sum();
    let rect = popup::centered(screen, WIDTH.min(screen.width.saturating_sub(2)), body + 3);
    let hints = KeyHints::new(keys);
    let footer = if form.confirm_discard {
        hints
            .prefixed(
                "Discard changes? ",
                Layer::Buttons,
                &[Action::Confirm],
                "discard",
            )
            .text("any other key keeps editing")
    } else {
        hints
            .keys(Layer::Text, &[Action::Save], "save")
            .keys(Layer::Text, &[Action::NextField], "next field")
            .keys(Layer::Text, &[Action::Cancel], "cancel")
    };
    let inner = popup::frame(frame, rect, &form.title(), &footer.build(), theme);
    let mut constraints: Vec<Constraint> = form
        .fields
        .iter()
        .map(|f| Constraint::Length(field_rows(&f.input) + 1))
        .collect();
    constraints.push(Constraint::Min(0));
    let areas = Layout::vertical(constraints).split(inner);
    for (i, field) in form.fields.iter().enumerate() {
        let focused = i == form.focus && !form.confirm_discard;
        let error = form
            .error
            .as_ref()
            .filter(|(at, _)| *at == i)
            .map(|(_, e)| e.as_str());
        draw_field(
            frame,
            areas[i],
            field.label,
            &field.input,
            focused,
            error,
            theme,
        );
    }
    if form.confirm_discard {
        let last = areas[areas.len() - 1];
        frame.render_widget(
            Paragraph::new(Line::styled("You have unsaved changes.", theme.error())),
            last,
        );
    }
}

/// One field with its label, and its error in the line below.
pub(super) fn draw_field(
    frame: &mut Frame,
    area: Rect,
    label: &str,
    input: &Input,
    focused: bool,
    error: Option<&str>,
    theme: Theme,
) {
    let [main, note] = Layout::vertical([
        Constraint::Length(area.height.saturating_sub(1)),
        Constraint::Length(1),
    ])
    .areas(area);
    match input {
        Input::Text(field) | Input::Multi(field) => {
            popup::input_box(frame, main, label, focused, field, theme)
        }
        Input::Toggle(on) => {
            draw_line(frame, main, label, toggle_text(label, *on), focused, theme);
        }
        Input::Choice { options, index } => {
            let value = format!(
                "◀ {} ▶",
                options.get(*index).map(String::as_str).unwrap_or("")
            );
            draw_line(frame, main, label, &value, focused, theme);
        }
    }
    if let Some(error) = error {
        frame.render_widget(
            Paragraph::new(Line::styled(error.to_string(), theme.error())),
            note,
        );
    }
}

fn draw_line(frame: &mut Frame, area: Rect, label: &str, value: &str, focused: bool, theme: Theme) {
    let style = if focused {
        theme.cursor(true)
    } else {
        Style::new()
    };
    let line = Line::from(vec![
        Span::styled(format!("{label:<12}"), theme.label()),
        Span::styled(value.to_string(), style),
    ]);
    frame.render_widget(Paragraph::new(line), area);
}

/// What a toggle's state means: a sync's override, else a repository's or namespace's access.
fn toggle_text(label: &str, on: bool) -> &'static str {
    match (label, on) {
        ("Override", true) => "[x] overwrite tags the target already has",
        ("Override", false) => "[ ] keep tags the target already has",
        (_, true) => "[x] public: anyone can pull",
        (_, false) => "[ ] private: only users with permissions",
    }
}
