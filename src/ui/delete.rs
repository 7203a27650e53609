//! The delete confirmation and the progress / summary of a delete job.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Gauge, Paragraph, Wrap};

use super::popup;
use super::theme::Theme;
use crate::app::format::{self, count};
use crate::app::text::{sanitize, sanitize_name, truncate};
use crate::app::{ConfirmDelete, DeleteJob};

const WIDTH: u16 = 72;

/// The question the dialog asks: "Delete tag NAME?" or "Delete N tags?".
pub fn question(dialog: &ConfirmDelete) -> String {
    match dialog.tags.as_slice() {
        [one] => format!("Delete tag {one}?"),
        // Never one: one tag is named.
        many => format!("Delete {} tags?", many.len()),
    }
}

pub fn draw_confirm(frame: &mut Frame, screen: Rect, dialog: &ConfirmDelete, theme: Theme) {
    let width = WIDTH.min(screen.width.saturating_sub(2));
    let inner_w = usize::from(width.saturating_sub(2));
    let warnings = dialog.shared.len().min(4) as u16;
    let list_h = (dialog.tags.len() as u16).clamp(1, 10);
    let height =
        (4 + list_h + warnings + u16::from(warnings > 0)).min(screen.height.saturating_sub(2));
    let rect = popup::centered(screen, width, height + 2);
    let inner = popup::frame(
        frame,
        rect,
        &question(dialog),
        "y delete · n/Esc cancel · j/k g/G scroll",
        theme,
    );
    let [head, list, warn, buttons] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(warnings + u16::from(warnings > 0)),
        Constraint::Length(2),
    ])
    .areas(inner);
    let repo = format!(
        "From {}/{} — this cannot be undone:",
        dialog.org, dialog.repo
    );
    frame.render_widget(
        Paragraph::new(Line::styled(truncate(&repo, inner_w), theme.label())),
        head,
    );
    let rows = usize::from(list.height);
    let start = dialog.scroll.min(dialog.tags.len().saturating_sub(rows));
    let lines: Vec<Line> = dialog
        .tags
        .iter()
        .skip(start)
        .take(rows)
        // Exact names, drawn as the list draws them.
        .map(|t| Line::raw(truncate(&format!("  • {}", sanitize_name(t)), inner_w)))
        .collect();
    frame.render_widget(Paragraph::new(lines), list);
    if warnings > 0 {
        let mut lines: Vec<Line> = dialog
            .shared
            .iter()
            .take(4)
            .map(|w| Line::styled(truncate(&format!("⚠ {w}"), inner_w), theme.error()))
            .collect();
        if dialog.shared.len() > 4 {
            lines.push(Line::styled(
                format!("  … and {} more shared", dialog.shared.len() - 4),
                theme.dim(),
            ));
        }
        frame.render_widget(Paragraph::new(lines), warn);
    }
    let button = |label: &str, focused: bool| {
        let style = if focused {
            theme.cursor(true)
        } else {
            Style::new()
        };
        Span::styled(format!(" {label} "), style)
    };
    let line = Line::from(vec![
        button("Cancel", !dialog.delete_focused),
        Span::raw("   "),
        button(
            &format!("Delete {}", dialog.tags.len()),
            dialog.delete_focused,
        ),
    ])
    .centered();
    let [_, row] = Layout::vertical([Constraint::Length(1), Constraint::Length(1)]).areas(buttons);
    frame.render_widget(Paragraph::new(line), row);
}

pub fn draw_progress(
    frame: &mut Frame,
    screen: Rect,
    job: &DeleteJob,
    now: chrono::DateTime<chrono::Utc>,
    theme: Theme,
) {
    let width = WIDTH.min(screen.width.saturating_sub(2));
    let failures = job.failed.len().min(8) as u16;
    let height = (6 + failures + u16::from(failures > 0)).min(screen.height.saturating_sub(2));
    let rect = popup::centered(screen, width, height + 2);
    let (title, footer) = if job.finished {
        let footer = if job.failed.is_empty() {
            "Enter/Esc close"
        } else {
            "r retry failed · Enter/Esc close"
        };
        ("Delete finished", footer)
    } else if job.asking_stop && job.quit_after {
        ("Stop deleting and quit?", "y stop and quit · n continue")
    } else if job.asking_stop {
        ("Stop deleting?", "y stop · n continue")
    } else if job.stop_requested && job.quit_after {
        ("Stopping, then quitting", "Ctrl-C quit now")
    } else {
        ("Deleting tags", "Esc stop")
    };
    let inner = popup::frame(frame, rect, title, footer, theme);
    let [what, gauge, counts, note, rest] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .areas(inner);
    let inner_w = usize::from(inner.width);
    let target = format!(
        "{}/{}: {}, {} at a time",
        job.org,
        job.repo,
        count(job.tags.len(), "tag", "tags"),
        job.concurrency
    );
    frame.render_widget(
        Paragraph::new(Line::styled(truncate(&target, inner_w), theme.label())),
        what,
    );
    let total = job.tags.len().max(1);
    let ratio = (job.ended() as f64 / total as f64).clamp(0.0, 1.0);
    frame.render_widget(
        Gauge::default()
            .ratio(ratio)
            .gauge_style(theme.key())
            .label(format!("{}/{}", job.ended(), job.tags.len())),
        gauge,
    );
    let rate = job.rate(now);
    let counts_line = format!(
        "deleted {}  failed {}  total {}  {}{}",
        job.deleted.len(),
        job.failed.len(),
        job.tags.len(),
        format::rate(rate, "tags"),
        if job.not_started() > 0 {
            format!("  not started {}", job.not_started())
        } else {
            String::new()
        }
    );
    frame.render_widget(Paragraph::new(truncate(&counts_line, inner_w)), counts);
    let note_line = if job.stop_requested && !job.finished {
        Line::styled(
            "Stopping: requests in flight finish, no new ones start.",
            theme.dim(),
        )
    } else if job.asking_stop {
        Line::styled(
            "Paused: requests in flight finish; y leaves the rest undeleted.",
            theme.error(),
        )
    } else if job.finished && job.already_gone > 0 {
        Line::styled(
            format!("{} of the deleted were already gone.", job.already_gone),
            theme.dim(),
        )
    } else {
        Line::raw("")
    };
    frame.render_widget(Paragraph::new(note_line), note);
    if failures > 0 {
        let mut lines = vec![Line::styled("Failed:", theme.error())];
        lines.extend(job.failed.iter().take(8).map(|(tag, e)| {
            let line = format!("  {}: {}", sanitize_name(tag), sanitize(e));
            Line::raw(truncate(&line, inner_w))
        }));
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), rest);
    }
}
