//! `P`: the profile, region and registry switcher.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::app::Model;
use crate::app::keys::{Action, KeyHints, Layer};
use crate::app::model::Switcher;
use crate::app::switcher::{profiles, registry_labels};
use crate::swr::regions::REGIONS;
use crate::ui::popup;
use crate::ui::theme::Theme;

pub fn draw(frame: &mut Frame, screen: Rect, model: &Model, s: &Switcher, theme: Theme) {
    let height = 18.min(screen.height.saturating_sub(2));
    let rect = popup::centered(screen, 90.min(screen.width.saturating_sub(2)), height);
    let footer = KeyHints::new(&model.prefs.keymap)
        .first(Layer::Buttons, &[Action::FocusNext], "column")
        .first(Layer::Buttons, &[Action::Down, Action::Up], "move")
        .keys(Layer::Buttons, &[Action::Accept], "switch")
        // Esc, as a text input names it: `n` cancels here too, but Esc is what one reaches for.
        .keys(Layer::Text, &[Action::Cancel], "cancel")
        .build();
    let inner = popup::frame(
        frame,
        rect,
        "Switch profile, region or registry",
        &footer,
        theme,
    );
    let [left, middle, right] = Layout::horizontal([
        Constraint::Percentage(30),
        Constraint::Percentage(30),
        Constraint::Percentage(40),
    ])
    .areas(inner);
    let names = profiles(&model.session.context);
    column(
        frame,
        left,
        "Profile",
        &names,
        s.profile,
        s.focus == 0,
        &model.session.context.profile,
        theme,
    );
    let regions: Vec<String> = REGIONS.iter().map(|r| r.to_string()).collect();
    column(
        frame,
        middle,
        "Region",
        &regions,
        s.region,
        s.focus == 1,
        &model.session.context.region,
        theme,
    );
    let (registries, at) = registry_labels(model);
    let current = registries.get(at).cloned().unwrap_or_default();
    column(
        frame,
        right,
        "Registry",
        &registries,
        s.registry,
        s.focus == 2,
        &current,
        theme,
    );
}

#[allow(clippy::too_many_arguments)]
fn column(
    frame: &mut Frame,
    area: Rect,
    title: &str,
    items: &[String],
    cursor: usize,
    focused: bool,
    current: &str,
    theme: Theme,
) {
    let inside = popup::titled_box(frame, area, title, focused, theme);
    let rows = usize::from(inside.height).max(1);
    let start = cursor.saturating_sub(rows - 1);
    let width = usize::from(inside.width);
    let lines: Vec<Line> = items
        .iter()
        .enumerate()
        .skip(start)
        .take(rows)
        .map(|(i, item)| {
            let marker = if item == current { "• " } else { "  " };
            let style = if i == cursor {
                theme.cursor(focused)
            } else {
                Style::new()
            };
            Line::styled(format!("{:<width$}", format!("{marker}{item}")), style)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inside);
}
