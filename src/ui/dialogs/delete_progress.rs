//! The progress, then the summary, of a delete job.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Gauge, Paragraph, Wrap};

use crate::app::DeleteJob;
use crate::app::format::{self, count};
use crate::app::keys::{Action, KeyHints, Keymap, Layer};
use crate::app::text::{sanitize, sanitize_name, truncate};
use crate::ui::popup;
use crate::ui::theme::Theme;

const WIDTH: u16 = 72;

/// The stop question's answers: `y stop · n continue`.
fn answer<'a>(hints: KeyHints<'a>, stop: &str) -> KeyHints<'a> {
    hints.first(Layer::Buttons, &[Action::Confirm], stop).first(
        Layer::Buttons,
        &[Action::Cancel],
        "continue",
    )
}

pub fn draw(
    frame: &mut Frame,
    screen: Rect,
    keys: &Keymap,
    job: &DeleteJob,
    now: chrono::DateTime<chrono::Utc>,
    theme: Theme,
) {
    let width = WIDTH.min(screen.width.saturating_sub(2));
    let failures = job.failed.len().min(8) as u16;
    let height = (6 + failures + u16::from(failures > 0)).min(screen.height.saturating_sub(2));
    let rect = popup::centered(screen, width, height + 2);
    let hints = KeyHints::new(keys);
    let deleting = format!("Deleting {}", job.place.noun().1);
    let (title, footer) = if job.finished {
        let hints = if job.failed.is_empty() {
            hints
        } else {
            hints.first(Layer::View, &[Action::Refresh], "retry failed")
        };
        let close = [Action::Accept, Action::Back];
        ("Delete finished", hints.first(Layer::View, &close, "close"))
    } else if job.asking_stop && job.quit_after {
        ("Stop deleting and quit?", answer(hints, "stop and quit"))
    } else if job.asking_stop {
        ("Stop deleting?", answer(hints, "stop"))
    } else if job.stop_requested && job.quit_after {
        // Ctrl-C is not in the table: it always quits.
        ("Stopping, then quitting", hints.text("Ctrl-C quit now"))
    } else {
        (
            deleting.as_str(),
            hints.first(Layer::View, &[Action::Back], "stop"),
        )
    };
    let inner = popup::frame(frame, rect, title, &footer.build(), theme);
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
        count(job.tags.len(), job.place.noun().0, job.place.noun().1),
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
        format::rate(rate, job.place.noun().1),
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
