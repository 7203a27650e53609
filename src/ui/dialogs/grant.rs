//! Granting a permission: the user picker (or the id and name typed by hand) and the level.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::level::levels_line;
use crate::app::dialogs::GrantForm;
use crate::app::dialogs::grant::Users;
use crate::app::keys::{Action, KeyHints, Keymap, Layer};
use crate::app::text::truncate;
use crate::ui::popup::{self, input_box};
use crate::ui::theme::Theme;

pub fn draw(frame: &mut Frame, screen: Rect, keys: &Keymap, form: &GrantForm, theme: Theme) {
    let height = 16.min(screen.height.saturating_sub(2));
    let rect = popup::centered(screen, super::width(screen), height);
    let title = format!("Grant a permission on {}", form.target.label());
    let footer = KeyHints::new(keys)
        .keys(Layer::Text, &[Action::Accept], "grant")
        .keys(Layer::Text, &[Action::NextField], "next")
        .keys(Layer::Text, &[Action::Cancel], "cancel")
        .build();
    let inner = popup::frame(frame, rect, &title, &footer, theme);
    let inner_w = usize::from(inner.width);
    match &form.users {
        Users::Unavailable(why) => {
            let [note, id, name, level, error] = Layout::vertical([
                Constraint::Length(3),
                Constraint::Length(3),
                Constraint::Length(3),
                Constraint::Length(1),
                Constraint::Min(1),
            ])
            .areas(inner);
            let text = truncate(
                &format!("Type the user's id and name: the user list is unavailable ({why})."),
                inner_w * 3,
            );
            frame.render_widget(
                Paragraph::new(Line::styled(text, theme.dim())).wrap(Wrap { trim: false }),
                note,
            );
            input_box(
                frame,
                id,
                "User id",
                form.focus == 0,
                &form.manual_id,
                theme,
            );
            input_box(
                frame,
                name,
                "User name",
                form.focus == 1,
                &form.manual_name,
                theme,
            );
            frame.render_widget(
                Paragraph::new(levels_line(form.level, form.on_level(), theme)),
                level,
            );
            draw_error(frame, error, form.error.as_deref(), theme);
        }
        users => {
            let [query, list, level, error] = Layout::vertical([
                Constraint::Length(3),
                Constraint::Min(1),
                Constraint::Length(1),
                Constraint::Length(1),
            ])
            .areas(inner);
            input_box(
                frame,
                query,
                "User (type to filter, ↑/↓ pick)",
                form.focus == 0,
                &form.query,
                theme,
            );
            let lines: Vec<Line> = match users {
                Users::Loading(_) => {
                    vec![Line::styled("Loading the account's users…", theme.dim())]
                }
                _ => {
                    let matches = form.matches();
                    let rows = usize::from(list.height);
                    let start = form.cursor.saturating_sub(rows.saturating_sub(1));
                    if matches.is_empty() {
                        vec![Line::styled("No user matches.", theme.dim())]
                    } else {
                        matches
                            .iter()
                            .enumerate()
                            .skip(start)
                            .take(rows)
                            .map(|(i, (id, name))| {
                                let style = if i == form.cursor {
                                    theme.cursor(form.focus == 0)
                                } else {
                                    Style::new()
                                };
                                Line::styled(
                                    format!(
                                        "{:<inner_w$}",
                                        truncate(&format!(" {name}  ({id})"), inner_w)
                                    ),
                                    style,
                                )
                            })
                            .collect()
                    }
                }
            };
            frame.render_widget(Paragraph::new(lines), list);
            frame.render_widget(
                Paragraph::new(levels_line(form.level, form.on_level(), theme)),
                level,
            );
            draw_error(frame, error, form.error.as_deref(), theme);
        }
    }
}

fn draw_error(frame: &mut Frame, area: Rect, error: Option<&str>, theme: Theme) {
    if let Some(e) = error {
        frame.render_widget(
            Paragraph::new(Line::styled(e.to_string(), theme.error())),
            area,
        );
    }
}
