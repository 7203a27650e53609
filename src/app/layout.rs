//! Screen geometry, shared by `view` (to draw) and `update` (to know how many rows a page is
//! and which row a click hit).

use ratatui::layout::{Constraint, Layout, Rect};

use super::model::PaneId;

/// From this width on, panes sit side by side.
pub const WIDE_COLUMNS: u16 = 120;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Areas {
    pub header: Rect,
    pub status: Rect,
    pub orgs: Option<Rect>,
    pub repos: Option<Rect>,
    /// Tags, or permissions while that pane has the focus.
    pub right: Option<Rect>,
    pub detail: Option<Rect>,
}

impl Areas {
    pub fn pane(&self, pane: PaneId) -> Option<Rect> {
        match pane {
            PaneId::Orgs => self.orgs,
            PaneId::Repos => self.repos,
            PaneId::Tags | PaneId::Perms => self.right,
        }
    }
}

pub fn is_wide(width: u16) -> bool {
    width >= WIDE_COLUMNS
}

pub fn areas(screen: Rect, focus: PaneId) -> Areas {
    let [header, body, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(1),
    ])
    .areas(screen);
    let mut areas = Areas {
        header,
        status,
        ..Areas::default()
    };
    if is_wide(screen.width) {
        let [left, right] =
            Layout::horizontal([Constraint::Percentage(40), Constraint::Percentage(60)])
                .areas(body);
        let [orgs, repos] =
            Layout::vertical([Constraint::Percentage(35), Constraint::Percentage(65)]).areas(left);
        let [list, detail] =
            Layout::vertical([Constraint::Percentage(62), Constraint::Percentage(38)]).areas(right);
        areas.orgs = Some(orgs);
        areas.repos = Some(repos);
        areas.right = Some(list);
        areas.detail = Some(detail);
    } else {
        match focus {
            PaneId::Orgs => areas.orgs = Some(body),
            PaneId::Repos => areas.repos = Some(body),
            PaneId::Tags | PaneId::Perms => areas.right = Some(body),
        }
    }
    areas
}

/// Data rows a pane shows: its height less the borders and the column header.
pub fn list_rows(screen: Rect, focus: PaneId, pane: PaneId) -> usize {
    areas(screen, focus)
        .pane(pane)
        .map_or(1, |r| usize::from(r.height.saturating_sub(3)).max(1))
}

/// How many tag names the delete confirmation lists at once on `screen` (at most 10), given
/// how many tags and sharing warnings it has: `update` scrolls by it, `view` draws it.
pub fn confirm_list_rows(screen: Rect, tags: usize, shared: usize) -> usize {
    let warnings = shared.min(4) as u16;
    let warn_h = warnings + u16::from(warnings > 0);
    let list_h = tags.clamp(1, 10) as u16;
    let height = (4 + list_h + warn_h).min(screen.height.saturating_sub(2));
    let inner = height
        .saturating_add(2)
        .min(screen.height)
        .saturating_sub(2);
    usize::from(inner.saturating_sub(3 + warn_h).max(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn narrow_shows_only_the_focused_pane() {
        let a = areas(Rect::new(0, 0, 80, 24), PaneId::Tags);
        assert!(a.orgs.is_none() && a.repos.is_none() && a.detail.is_none());
        assert_eq!(a.right, Some(Rect::new(0, 1, 80, 22)));
        assert_eq!(
            list_rows(Rect::new(0, 0, 80, 24), PaneId::Tags, PaneId::Tags),
            19
        );
    }

    #[test]
    fn wide_shows_everything() {
        let a = areas(Rect::new(0, 0, 160, 45), PaneId::Orgs);
        assert!(a.orgs.is_some() && a.repos.is_some() && a.right.is_some() && a.detail.is_some());
    }
}
