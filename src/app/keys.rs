//! Keys to actions. The table below is the single source of both the bindings and the help
//! overlay, so what `?` shows is what the keys do.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::model::PaneId;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    Open,
    Back,
    NextPane,
    PrevPane,
    JumpOrgs,
    JumpRepos,
    JumpTags,
    JumpPerms,
    Filter,
    SortNext,
    SortReverse,
    Refresh,
    Mark,
    MarkAll,
    Invert,
    MarkMenu,
    Delete,
    Create,
    Edit,
    Login,
    Copy,
    CopyMenu,
    Permissions,
    Help,
    Quit,
}

/// Which panes an action belongs to in the help overlay.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scope {
    All,
    Lists,
    Tags,
    NotPerms,
    /// Write actions: every pane, hidden when read-only.
    Writes,
    /// `e`: panes with something to edit.
    Edits,
}

impl Scope {
    fn includes(self, pane: PaneId) -> bool {
        match self {
            Self::All | Self::Lists => true,
            Self::Tags => pane == PaneId::Tags,
            Self::NotPerms => pane != PaneId::Perms,
            Self::Writes => true,
            Self::Edits => matches!(pane, PaneId::Repos | PaneId::Perms),
        }
    }
}

struct Binding {
    keys: &'static [KeyCode],
    label: &'static str,
    action: Action,
    help: &'static str,
    scope: Scope,
}

const fn bind(
    keys: &'static [KeyCode],
    label: &'static str,
    action: Action,
    help: &'static str,
    scope: Scope,
) -> Binding {
    Binding {
        keys,
        label,
        action,
        help,
        scope,
    }
}

use KeyCode::{BackTab, Char, Down, End, Enter, Esc, Home, Left, PageDown, PageUp, Right, Tab, Up};

const BINDINGS: &[Binding] = &[
    bind(
        &[Char('j'), Down],
        "j/↓",
        Action::Down,
        "move down",
        Scope::Lists,
    ),
    bind(&[Char('k'), Up], "k/↑", Action::Up, "move up", Scope::Lists),
    bind(
        &[PageDown],
        "PgDn",
        Action::PageDown,
        "page down",
        Scope::Lists,
    ),
    bind(&[PageUp], "PgUp", Action::PageUp, "page up", Scope::Lists),
    bind(
        &[Char('g'), Home],
        "g",
        Action::Top,
        "first row",
        Scope::Lists,
    ),
    bind(
        &[Char('G'), End],
        "G",
        Action::Bottom,
        "last row",
        Scope::Lists,
    ),
    bind(
        &[Enter, Char('l'), Right],
        "Enter/l/→",
        Action::Open,
        "open: org → repos → tags",
        Scope::NotPerms,
    ),
    bind(
        &[Esc, Char('h'), Left],
        "Esc/h/←",
        Action::Back,
        "close, clear filter, back",
        Scope::All,
    ),
    bind(&[Tab], "Tab", Action::NextPane, "next pane", Scope::All),
    bind(
        &[BackTab],
        "Shift-Tab",
        Action::PrevPane,
        "previous pane",
        Scope::All,
    ),
    bind(
        &[Char('1')],
        "1",
        Action::JumpOrgs,
        "organizations",
        Scope::All,
    ),
    bind(
        &[Char('2')],
        "2",
        Action::JumpRepos,
        "repositories",
        Scope::All,
    ),
    bind(&[Char('3')], "3", Action::JumpTags, "tags", Scope::All),
    bind(
        &[Char('4')],
        "4",
        Action::JumpPerms,
        "permissions",
        Scope::All,
    ),
    bind(
        &[Char('/')],
        "/",
        Action::Filter,
        "filter (Enter keeps)",
        Scope::Lists,
    ),
    bind(
        &[Char('s')],
        "s",
        Action::SortNext,
        "sort by the next column",
        Scope::Lists,
    ),
    bind(
        &[Char('S')],
        "S",
        Action::SortReverse,
        "reverse the sort order",
        Scope::Lists,
    ),
    bind(&[Char('r')], "r", Action::Refresh, "refresh", Scope::Lists),
    bind(
        &[Char(' ')],
        "Space",
        Action::Mark,
        "mark / unmark the row",
        Scope::Tags,
    ),
    bind(
        &[Char('a')],
        "a",
        Action::MarkAll,
        "mark all visible rows",
        Scope::Tags,
    ),
    bind(
        &[Char('i')],
        "i",
        Action::Invert,
        "invert visible marks",
        Scope::Tags,
    ),
    bind(
        &[Char('m')],
        "m",
        Action::MarkMenu,
        "marking menu: pattern, age",
        Scope::Tags,
    ),
    bind(
        &[Char('d')],
        "d",
        Action::Delete,
        "delete marked/current row",
        Scope::Writes,
    ),
    bind(
        &[Char('c')],
        "c",
        Action::Create,
        "create org/repo/tag/grant",
        Scope::Writes,
    ),
    bind(
        &[Char('e')],
        "e",
        Action::Edit,
        "edit repository / level",
        Scope::Edits,
    ),
    bind(
        &[Char('L')],
        "L",
        Action::Login,
        "copy docker login command",
        Scope::Writes,
    ),
    bind(
        &[Char('y')],
        "y",
        Action::Copy,
        "copy docker pull command",
        Scope::Tags,
    ),
    bind(
        &[Char('Y')],
        "Y",
        Action::CopyMenu,
        "pull-command menu",
        Scope::Tags,
    ),
    bind(
        &[Char('p')],
        "p",
        Action::Permissions,
        "permissions of this row",
        Scope::NotPerms,
    ),
    bind(&[Char('?')], "?", Action::Help, "this help", Scope::All),
    bind(
        &[Char('q')],
        "q",
        Action::Quit,
        "quit (Ctrl-C always)",
        Scope::All,
    ),
];

/// The action of a key press outside text input, if any.
pub fn action(key: KeyEvent) -> Option<Action> {
    if is_ctrl_c(key) {
        return Some(Action::Quit);
    }
    if key
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
    {
        return None;
    }
    BINDINGS
        .iter()
        .find(|b| b.keys.contains(&key.code))
        .map(|b| b.action)
}

pub fn is_ctrl_c(key: KeyEvent) -> bool {
    key.modifiers.contains(KeyModifiers::CONTROL) && key.code == Char('c')
}

/// Key label and description of every binding that applies in `pane`, in table order.
/// With `read_only`, write actions are left out: they are disabled.
pub fn help(pane: PaneId, read_only: bool) -> Vec<(&'static str, &'static str)> {
    BINDINGS
        .iter()
        .filter(|b| b.scope.includes(pane))
        .filter(|b| !(read_only && matches!(b.scope, Scope::Writes | Scope::Edits)))
        .map(|b| (b.label, b.help))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn pinned_keys_map_to_their_actions() {
        assert_eq!(action(key(Char('j'))), Some(Action::Down));
        assert_eq!(action(key(Down)), Some(Action::Down));
        assert_eq!(action(key(Char('l'))), Some(Action::Open));
        assert_eq!(action(key(Left)), Some(Action::Back));
        assert_eq!(action(key(Char('Y'))), Some(Action::CopyMenu));
        assert_eq!(
            action(KeyEvent::new(Char('c'), KeyModifiers::CONTROL)),
            Some(Action::Quit)
        );
        assert_eq!(
            action(KeyEvent::new(Char('j'), KeyModifiers::CONTROL)),
            None
        );
        assert_eq!(action(key(Char('x'))), None);
    }

    #[test]
    fn help_lists_only_what_applies() {
        let tags = help(PaneId::Tags, false);
        assert!(tags.iter().any(|(k, _)| *k == "y"));
        let orgs = help(PaneId::Orgs, false);
        assert!(!orgs.iter().any(|(k, _)| *k == "y"));
        assert!(orgs.iter().any(|(k, _)| *k == "p"));
        assert!(!help(PaneId::Perms, false).iter().any(|(k, _)| *k == "p"));
    }
}
