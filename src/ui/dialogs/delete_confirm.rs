//! "Delete N tags?": from where, every name (scrolled), and the shared-image warnings.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::confirm::{self, Look};
use crate::app::ConfirmDelete;
use crate::app::keys::Keymap;
use crate::app::text::truncate;
use crate::ui::theme::Theme;

const WIDTH: u16 = 72;
/// Warnings shown; the rest are counted.
const WARNINGS: usize = 4;

pub fn draw(frame: &mut Frame, screen: Rect, keys: &Keymap, dialog: &ConfirmDelete, theme: Theme) {
    let width = WIDTH.min(screen.width.saturating_sub(2));
    let inner_w = usize::from(width.saturating_sub(2));
    let warnings = dialog.shared.len().min(WARNINGS) as u16;
    let warn_h = warnings + u16::from(warnings > 0);
    let list_h = (dialog.names().len() as u16).clamp(1, 10);
    let footer = confirm::list_footer(keys, "delete");
    let look = Look {
        title: &dialog.question(),
        width,
        // The line naming the repository and a spare line under the names.
        body: 2 + list_h + warn_h,
        confirm: &format!("Delete {}", dialog.tags.len()),
        footer: &footer,
    };
    confirm::draw(frame, screen, dialog, look, theme, |frame, area| {
        let [head, list, warn] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Min(1),
            Constraint::Length(warn_h),
        ])
        .areas(area);
        let repo = format!(
            "From {}/{} — this cannot be undone:",
            dialog.org, dialog.repo
        );
        confirm::names(
            frame,
            [head, list],
            &repo,
            dialog.names(),
            dialog.scroll,
            theme,
        );
        if warnings > 0 {
            let mut lines: Vec<Line> = dialog
                .shared
                .iter()
                .take(WARNINGS)
                .map(|w| Line::styled(truncate(&format!("⚠ {w}"), inner_w), theme.error()))
                .collect();
            if dialog.shared.len() > WARNINGS {
                lines.push(Line::styled(
                    format!("  … and {} more shared", dialog.shared.len() - WARNINGS),
                    theme.dim(),
                ));
            }
            frame.render_widget(Paragraph::new(lines), warn);
        }
    });
}
