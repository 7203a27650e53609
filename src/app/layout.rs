//! Screen geometry, shared by `view` (to draw) and `update` (to know how many rows a page is
//! and which row a click hit).

use ratatui::layout::{Constraint, Layout, Rect};

use super::model::PaneId;
use super::navigation::Navigation;
use super::registry::Edition;
use super::resource::Slot;

/// From this width on, panes sit side by side.
pub const WIDE_COLUMNS: u16 = 120;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    pub header: Rect,
    pub status: Rect,
    /// Left, above (organizations).
    pub upper: Option<Rect>,
    /// Left, below (repositories).
    pub lower: Option<Rect>,
    /// Right: the pane of `main_pane`.
    pub main: Option<Rect>,
    pub detail: Option<Rect>,
    /// The pane the main slot shows: the focused one when it sits there, else tags.
    pub main_pane: PaneId,
    /// The pane the lower slot shows: the focused one when it sits there, else the
    /// edition's repositories.
    pub lower_pane: Option<PaneId>,
    /// The session's edition: which kinds the left slots show.
    pub edition: Edition,
}

impl Areas {
    /// Where `pane` is drawn, if it is.
    pub fn pane(&self, pane: PaneId) -> Option<Rect> {
        if !pane.kind().serves(self.edition) {
            return None;
        }
        match pane.kind().slot() {
            Slot::Upper => self.upper,
            Slot::Lower if self.lower_pane.is_none_or(|p| p == pane) => self.lower,
            Slot::Lower => None,
            Slot::Main if pane == self.main_pane => self.main,
            Slot::Main => None,
        }
    }

    /// The panes drawn, with their rects.
    pub fn shown(&self) -> impl Iterator<Item = (PaneId, Rect)> + '_ {
        PaneId::ALL
            .into_iter()
            .filter_map(|p| self.pane(p).map(|r| (p, r)))
    }
}

pub fn is_wide(width: u16) -> bool {
    width >= WIDE_COLUMNS
}

pub fn areas(screen: Rect, nav: &Navigation) -> Areas {
    let (focus, edition) = (nav.focus(), nav.edition());
    let [header, body, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(1),
    ])
    .areas(screen);
    let main_pane = if focus.kind().slot() == Slot::Main {
        focus
    } else {
        PaneId::Tags
    };
    // Several kinds sit below (repositories, a repository's retention): the focused one
    // shows, else the first of the edition's.
    let lower_pane = (focus.kind().slot() == Slot::Lower)
        .then_some(focus)
        .or_else(|| PaneId::serving(edition).find(|p| p.kind().slot() == Slot::Lower));
    let mut areas = Areas {
        header,
        status,
        upper: None,
        lower: None,
        main: None,
        detail: None,
        main_pane,
        lower_pane,
        edition,
    };
    if is_wide(screen.width) {
        let [left, right] =
            Layout::horizontal([Constraint::Percentage(40), Constraint::Percentage(60)])
                .areas(body);
        let [orgs, repos] =
            Layout::vertical([Constraint::Percentage(35), Constraint::Percentage(65)]).areas(left);
        let [list, detail] =
            Layout::vertical([Constraint::Percentage(62), Constraint::Percentage(38)]).areas(right);
        areas.upper = Some(orgs);
        areas.lower = Some(repos);
        areas.main = Some(list);
        areas.detail = Some(detail);
    } else {
        match focus.kind().slot() {
            Slot::Upper => areas.upper = Some(body),
            Slot::Lower => areas.lower = Some(body),
            Slot::Main => areas.main = Some(body),
        }
    }
    areas
}

/// Data rows a pane shows: its height less the borders and the column header.
pub fn list_rows(screen: Rect, nav: &Navigation, pane: PaneId) -> usize {
    areas(screen, nav)
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
        let mut nav = Navigation::default();
        nav.go(PaneId::Tags);
        let a = areas(Rect::new(0, 0, 80, 24), &nav);
        assert!(a.upper.is_none() && a.lower.is_none() && a.detail.is_none());
        assert_eq!(a.pane(PaneId::Tags), Some(Rect::new(0, 1, 80, 22)));
        assert_eq!(list_rows(Rect::new(0, 0, 80, 24), &nav, PaneId::Tags), 19);
    }

    #[test]
    fn a_focused_retention_pane_takes_the_repositories_place() {
        let mut nav = Navigation::default();
        nav.go(PaneId::Tags);
        nav.go(PaneId::Retention);
        let a = areas(Rect::new(0, 0, 160, 45), &nav);
        assert_eq!(a.pane(PaneId::Retention), a.lower);
        assert_eq!(a.pane(PaneId::Repos), None);
        assert_eq!(a.pane(PaneId::Tags), a.main, "the tags stay beside it");
        nav.back();
        let a = areas(Rect::new(0, 0, 160, 45), &nav);
        assert_eq!(a.pane(PaneId::Repos), a.lower);
        assert_eq!(a.pane(PaneId::Retention), None);
    }

    #[test]
    fn wide_shows_everything() {
        let a = areas(Rect::new(0, 0, 160, 45), &Navigation::default());
        assert!(a.upper.is_some() && a.lower.is_some() && a.main.is_some() && a.detail.is_some());
        assert_eq!(
            a.pane(PaneId::Perms),
            None,
            "permissions show while focused"
        );
        let ee = areas(
            Rect::new(0, 0, 160, 45),
            &Navigation::new(Edition::Enterprise),
        );
        assert_eq!(ee.pane(PaneId::Namespaces), a.upper);
        assert_eq!(
            ee.pane(PaneId::Orgs),
            None,
            "an instance has no organizations"
        );
        assert_eq!(ee.pane(PaneId::InstanceRepos), a.lower);
    }
}
