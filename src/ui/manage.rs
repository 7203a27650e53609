//! Dialogs of the management actions: typed delete confirmation, the grant dialog with its
//! user picker, the permission level, removing a permission, and the login command.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::popup;
use super::theme::Theme;
use crate::app::manage::{
    Doomed, GrantForm, LEVELS, LevelForm, RemoveConfirm, TypedConfirm, Users,
};
use crate::app::text::truncate;
use crate::swr::model::LoginSecret;

const WIDTH: u16 = 66;

fn width(screen: Rect) -> u16 {
    WIDTH.min(screen.width.saturating_sub(2))
}

fn input_box(
    frame: &mut Frame,
    area: Rect,
    title: &str,
    focused: bool,
    field: &crate::app::field::Field,
    theme: Theme,
) {
    let block = Block::bordered()
        .title(Line::styled(format!(" {title} "), theme.title(focused)))
        .border_style(theme.border(focused));
    let inside = block.inner(area);
    frame.render_widget(block, area);
    frame.render_widget(field.widget(), inside);
}

fn levels_line(level: usize, focused: bool, theme: Theme) -> Line<'static> {
    let mut spans = vec![Span::styled("Level  ", theme.label())];
    for (i, (_, word)) in LEVELS.iter().enumerate() {
        let style = if i == level {
            if focused {
                theme.cursor(true)
            } else {
                theme.key()
            }
        } else {
            theme.dim()
        };
        spans.push(Span::styled(format!(" {word} "), style));
        spans.push(Span::raw(" "));
    }
    Line::from(spans)
}

pub fn draw_typed(frame: &mut Frame, screen: Rect, dialog: &TypedConfirm, theme: Theme) {
    let rect = popup::centered(screen, width(screen), 10);
    let (title, what) = match &dialog.doomed {
        Doomed::Org(name) => (
            format!("Delete organization {name}?"),
            "An organization must be empty to be deleted.".to_string(),
        ),
        Doomed::Repo { org, repo, tags } => (
            format!("Delete repository {org}/{repo}?"),
            format!(
                "Its {tags} tag{} go with it. This cannot be undone.",
                if *tags == 1 { "" } else { "s" }
            ),
        ),
    };
    let inner = popup::frame(frame, rect, &title, "Enter delete · Esc cancel", theme);
    let [text, input, error] = Layout::vertical([
        Constraint::Length(3),
        Constraint::Length(3),
        Constraint::Min(1),
    ])
    .areas(inner);
    let lines = vec![
        Line::styled(what, theme.error()),
        Line::raw(""),
        Line::from(vec![
            Span::raw("Type "),
            Span::styled(dialog.doomed.name().to_string(), theme.key()),
            Span::raw(" to confirm:"),
        ]),
    ];
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), text);
    input_box(frame, input, "Name", true, &dialog.field, theme);
    if let Some(e) = &dialog.error {
        frame.render_widget(
            Paragraph::new(Line::styled(e.clone(), theme.error())),
            error,
        );
    }
}

pub fn draw_grant(frame: &mut Frame, screen: Rect, form: &GrantForm, theme: Theme) {
    let height = 16.min(screen.height.saturating_sub(2));
    let rect = popup::centered(screen, width(screen), height);
    let title = format!("Grant a permission on {}", form.target.label());
    let inner = popup::frame(
        frame,
        rect,
        &title,
        "Enter grant · Tab next · Esc cancel",
        theme,
    );
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

pub fn draw_level(frame: &mut Frame, screen: Rect, form: &LevelForm, theme: Theme) {
    let rect = popup::centered(screen, width(screen), 5);
    let title = format!(
        "Permission of {} on {}",
        form.user.user_name,
        form.target.label()
    );
    let inner = popup::frame(
        frame,
        rect,
        &title,
        "←/→ choose · Enter save · Esc cancel",
        theme,
    );
    let [line, _] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(inner);
    frame.render_widget(Paragraph::new(levels_line(form.level, true, theme)), line);
}

pub fn draw_remove(frame: &mut Frame, screen: Rect, dialog: &RemoveConfirm, theme: Theme) {
    let rect = popup::centered(screen, width(screen), 6);
    let title = format!("Remove {}'s permission?", dialog.user.user_name);
    let inner = popup::frame(frame, rect, &title, "y remove · n/Esc cancel", theme);
    let mut lines = vec![Line::raw(format!("On {}.", dialog.target.label()))];
    if dialog.is_self {
        lines.push(Line::styled(
            "This is your own permission: you may lose access.",
            theme.error(),
        ));
        if dialog.second {
            lines.push(Line::styled(
                "Really remove it? Press y again to confirm.",
                theme.error(),
            ));
        }
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}

/// Says what the command is and when it expires; never draws the credential itself.
pub fn draw_login(frame: &mut Frame, screen: Rect, secret: &LoginSecret, theme: Theme) {
    let rect = popup::centered(screen, width(screen), 8);
    let inner = popup::frame(
        frame,
        rect,
        "Temporary docker login command",
        "y copy · n/Esc cancel",
        theme,
    );
    let lines = vec![
        Line::from(vec![
            Span::styled("Registry  ", theme.label()),
            Span::raw(secret.registry.clone()),
        ]),
        Line::from(vec![
            Span::styled("Expires   ", theme.label()),
            Span::raw(crate::app::manage::expiry(secret)),
        ]),
        Line::raw(""),
        Line::styled(
            "It contains a credential: anyone who sees it can push and pull",
            theme.error(),
        ),
        Line::styled(
            "as you until it expires. Copy it to the clipboard?",
            theme.error(),
        ),
    ];
    frame.render_widget(Paragraph::new(lines), inner);
}
