//! Where the user is: a stack of panes, the top one focused. Opening a child pushes it, Esc
//! pops; jumping to a pane of the hierarchy (Tab, `1`–`4`, `:`) puts its path on the stack,
//! and a view opened over the current one (permissions, shares) is pushed on top of it, so Esc
//! returns to where it was opened from.

use super::command_line::CommandLine;
use super::panes::PaneId;
use super::registry::Edition;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Navigation {
    /// Never empty; the bottom is the edition's root (organizations, or namespaces).
    stack: Vec<PaneId>,
    /// Whose hierarchy: the session's edition.
    edition: Edition,
    /// True while the user types a filter for the focused pane.
    pub filtering: bool,
    /// The `:` command line, while open.
    pub command: Option<CommandLine>,
}

impl Default for Navigation {
    fn default() -> Self {
        Self::new(Edition::Shared)
    }
}

impl Navigation {
    /// At the root of `edition`'s hierarchy.
    pub fn new(edition: Edition) -> Self {
        Self {
            stack: vec![PaneId::root(edition)],
            edition,
            filtering: false,
            command: None,
        }
    }

    pub fn edition(&self) -> Edition {
        self.edition
    }

    pub fn focus(&self) -> PaneId {
        self.stack
            .last()
            .copied()
            .unwrap_or(PaneId::root(self.edition))
    }

    /// The panes from the bottom to the focused one.
    pub fn stack(&self) -> &[PaneId] {
        &self.stack
    }

    /// Focuses `pane`: back to it when it is on the stack, else its path in the hierarchy,
    /// else on top of the current pane.
    pub fn go(&mut self, pane: PaneId) {
        self.filtering = false;
        if let Some(at) = self.stack.iter().position(|&p| p == pane) {
            self.stack.truncate(at + 1);
            return;
        }
        match path(pane, self.edition) {
            Some(path) => self.stack = path,
            None => self.stack.push(pane),
        }
    }

    /// Esc: back to the pane below, if there is one.
    pub fn back(&mut self) -> bool {
        self.filtering = false;
        if self.stack.len() > 1 {
            self.stack.pop();
            true
        } else {
            false
        }
    }
}

/// The chain of parents down to the root, when `pane` has a place in the hierarchy.
fn path(pane: PaneId, edition: Edition) -> Option<Vec<PaneId>> {
    let mut path = vec![pane];
    let mut at = pane;
    while let Some(parent) = at.kind().parent(edition) {
        // A registry whose parents loop would hang here: the path cannot be longer than the panes.
        if path.len() > PaneId::ALL.len() {
            return None;
        }
        path.push(parent);
        at = parent;
    }
    if at != PaneId::root(edition) {
        return None;
    }
    path.reverse();
    Some(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_and_back_walk_the_hierarchy() {
        let mut nav = Navigation::default();
        nav.go(PaneId::Repos);
        nav.go(PaneId::Tags);
        assert_eq!(nav.stack(), [PaneId::Orgs, PaneId::Repos, PaneId::Tags]);
        assert!(nav.back());
        assert_eq!(nav.focus(), PaneId::Repos);
        assert!(nav.back());
        assert!(!nav.back(), "the organizations pane is the bottom");
        assert_eq!(nav.focus(), PaneId::Orgs);
    }

    #[test]
    fn an_instance_has_its_own_hierarchy() {
        let mut nav = Navigation::new(Edition::Enterprise);
        assert_eq!(nav.focus(), PaneId::Namespaces);
        nav.go(PaneId::Tags);
        assert_eq!(
            nav.stack(),
            [PaneId::Namespaces, PaneId::InstanceRepos, PaneId::Tags],
            "tags sit under the instance's repositories"
        );
        nav.go(PaneId::Instances);
        nav.back();
        assert_eq!(
            nav.focus(),
            PaneId::Tags,
            "instances open over the current pane"
        );
    }

    #[test]
    fn a_view_over_the_current_pane_returns_there() {
        let mut nav = Navigation::default();
        nav.go(PaneId::Tags);
        nav.go(PaneId::Perms);
        assert_eq!(nav.focus(), PaneId::Perms);
        nav.back();
        assert_eq!(nav.focus(), PaneId::Tags);
        nav.go(PaneId::Shares);
        nav.go(PaneId::Orgs);
        assert_eq!(
            nav.stack(),
            [PaneId::Orgs],
            "a pane on the stack cuts it back"
        );
    }
}
