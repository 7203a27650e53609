//! Dialogs of the management actions: typed delete confirmation, the grant dialog with its
//! user picker, the permission level, removing a permission, and the login command.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::popup;
use super::theme::Theme;
use crate::app::format::count;
use crate::app::manage::{
    Doomed, GrantForm, LEVELS, LevelForm, RemoveConfirm, TypedConfirm, Users,
};
use crate::app::text::{truncate, wrap};
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
    popup::field(frame, inside, field, focused);
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
    let (title, what) = match &dialog.doomed {
        Doomed::Org(name) => (
            format!("Delete organization {name}?"),
            "An organization must be empty to be deleted.".to_string(),
        ),
        Doomed::Repo { org, repo, tags } => (
            format!("Delete repository {org}/{repo}?"),
            format!(
                "Its {} {} with it. This cannot be undone.",
                count(*tags, "tag", "tags"),
                if *tags == 1 { "goes" } else { "go" }
            ),
        ),
    };
    let inner_w = usize::from(width(screen).saturating_sub(2));
    // The name to type is drawn whole, however long: the dialog grows by the lines it takes.
    let name = dialog.doomed.name();
    let prompt = format!("Type {name} to confirm:");
    let mut lines: Vec<Line> = wrap(&what, inner_w)
        .into_iter()
        .map(|l| Line::styled(l, theme.error()))
        .collect();
    lines.push(Line::raw(""));
    lines.extend(highlighted(
        &prompt,
        5..5 + name.len(),
        inner_w,
        theme.key(),
    ));
    let errors: Vec<Line> = dialog.error.as_deref().map_or_else(Vec::new, |e| {
        wrap(e, inner_w)
            .into_iter()
            .map(|l| Line::styled(l, theme.error()))
            .collect()
    });
    let text_h = u16::try_from(lines.len()).unwrap_or(u16::MAX);
    // Room for a two-line error, as the dialog always had.
    let error_h = u16::try_from(errors.len().max(2)).unwrap_or(u16::MAX);
    let height = text_h
        .saturating_add(3)
        .saturating_add(error_h)
        .saturating_add(2);
    let rect = popup::centered(screen, width(screen), height);
    let inner = popup::frame(frame, rect, &title, "Enter delete · Esc cancel", theme);
    let [text, input, error] = Layout::vertical([
        Constraint::Length(text_h),
        Constraint::Length(3),
        Constraint::Min(1),
    ])
    .areas(inner);
    frame.render_widget(Paragraph::new(lines), text);
    input_box(frame, input, "Name", true, &dialog.field, theme);
    frame.render_widget(Paragraph::new(errors), error);
}

/// `text` wrapped to `width`, the bytes in `range` drawn in `style` on whichever lines they
/// fall.
fn highlighted(
    text: &str,
    range: std::ops::Range<usize>,
    width: usize,
    style: Style,
) -> Vec<Line<'static>> {
    let mut start = 0;
    wrap(text, width)
        .into_iter()
        .map(|line| {
            let end = start + line.len();
            let (from, to) = (range.start.clamp(start, end), range.end.clamp(start, end));
            let spans = vec![
                Span::raw(text[start..from].to_string()),
                Span::styled(text[from..to].to_string(), style),
                Span::raw(text[to..end].to_string()),
            ];
            start = end;
            Line::from(spans)
        })
        .collect()
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
