//! The top line: app name, where we are connected, and a READ-ONLY badge that cannot be missed.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme::Theme;
use crate::app::text::{truncate, width};
use crate::app::{Model, layout};

const BADGE: &str = " READ-ONLY ";

pub fn draw(frame: &mut Frame, area: Rect, model: &Model, theme: Theme) {
    let badge_width = if model.session.context.read_only {
        width(BADGE) as u16
    } else {
        0
    };
    let [left, right] =
        Layout::horizontal([Constraint::Min(0), Constraint::Length(badge_width)]).areas(area);
    if model.session.context.read_only {
        frame.render_widget(Paragraph::new(Span::styled(BADGE, theme.badge())), right);
    }
    frame.render_widget(Paragraph::new(line(model, theme, left.width)), left);
}

fn line(model: &Model, theme: Theme, room: u16) -> Line<'static> {
    let sep = Span::styled(" │ ", theme.dim());
    let mut spans = vec![Span::styled(" swr-tui", theme.app_name())];
    // Narrow screens show one pane: say which, and inside what.
    if !layout::is_wide(model.screen.width) {
        spans.push(sep.clone());
        spans.push(Span::styled(breadcrumb(model), theme.title(true)));
    }
    let ctx = &model.session.context;
    // The registry first: which one the keys act on matters most.
    let registry = match &ctx.instance {
        Some(instance) => instance.label(),
        None => "shared edition".into(),
    };
    let mut where_ = vec![
        registry,
        format!("profile {}", ctx.profile),
        format!("region {}", ctx.region),
    ];
    if !ctx.endpoint.is_empty() {
        where_.push(ctx.endpoint.clone());
    }
    let used: usize = spans.iter().map(|s| width(&s.content)).sum::<usize>() + 3;
    let rest = usize::from(room).saturating_sub(used + 1);
    spans.push(sep);
    spans.push(Span::raw(truncate(&where_.join(" · "), rest)));
    Line::from(spans)
}

/// `demo › team/web › tags`
pub fn breadcrumb(model: &Model) -> String {
    let focus = model.nav.focus();
    let mut parts = focus.kind().crumbs(model);
    parts.push(focus.title().to_lowercase());
    parts.join(" › ")
}
