//! Keys to actions: one table, in layers. Every action is listed once, with its default keys,
//! its `[keys]` name, its help text, the panes it belongs to and the layers it works in; the
//! bindings, `?`, the status line's hints and the dialogs' key hints all read it, so what is
//! shown is what the keys do, overrides included.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::model::PaneId;
use super::registry::Edition;

mod hints;
mod keymap;
pub use hints::{Hint, KeyHints};
pub use keymap::Keymap;

/// Where a key press goes, from the widest to the narrowest. A dialog asks the layers it is
/// made of, in its order (a form: text input first, then its choices).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layer {
    /// The lists, when no dialog is open and no filter is typed.
    Panes,
    /// Views and menus over the panes: help, details, the pull and marking menus, progress.
    View,
    /// Dialogs whose focus moves between buttons or columns: confirmations, the switcher.
    Buttons,
    /// A focused text input: printable characters are text, so only the other keys of a
    /// binding count here (`n` cancels a confirmation, but is a letter in a name).
    Text,
    /// A focused choice in a form: a toggle, a list of values, a permission level.
    Choice,
}

impl Layer {
    fn takes_characters(self) -> bool {
        self == Self::Text
    }
}

/// Which panes an action belongs to in help and footer: by what the pane's kind can do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scope {
    All,
    Lists,
    /// Kinds whose rows can be marked.
    Marks,
    /// Kinds the marking menu's rules apply to.
    Rules,
    /// Kinds with a pull command to copy.
    Copies,
    /// Kinds where Enter opens something.
    Opens,
    /// Kinds whose rows have permissions.
    Permissions,
    /// Write actions: every pane, hidden when read-only.
    Writes,
    /// `c`: kinds with something to create; hidden when read-only.
    Creates,
    /// `e`: kinds with something to edit; hidden when read-only.
    Edits,
    /// `d`: kinds with something to delete; hidden when read-only.
    Deletes,
    /// `D`: kinds whose rows name artifacts to delete whole; hidden when read-only.
    Artifacts,
    /// `X`: kinds whose rows can be synced to another region; hidden when read-only.
    Syncs,
    /// `x`: kinds whose rows can be run (retention policies, their dry run).
    Runs,
    /// `R`: kinds whose rows belong to a repository with a retention rule.
    Retention,
    /// Every pane of an enterprise session.
    Instance,
    /// Inside dialogs only: not listed by `?` (a dialog names its keys in its footer).
    Dialog,
}

impl Scope {
    fn includes(self, pane: PaneId, edition: Edition) -> bool {
        let can = pane.kind().can(edition);
        match self {
            Self::All | Self::Lists | Self::Writes => true,
            Self::Marks => can.mark,
            Self::Rules => can.rules,
            Self::Copies => can.copy,
            Self::Opens => can.open,
            Self::Permissions => can.permissions,
            Self::Creates => can.create,
            Self::Edits => can.edit,
            Self::Deletes => can.delete,
            Self::Artifacts => can.artifacts,
            Self::Syncs => can.sync,
            Self::Runs => can.run,
            Self::Retention => can.retention,
            Self::Instance => edition == Edition::Enterprise,
            Self::Dialog => false,
        }
    }

    /// Hidden when read-only.
    fn writes(self) -> bool {
        matches!(
            self,
            Self::Writes
                | Self::Creates
                | Self::Edits
                | Self::Deletes
                | Self::Artifacts
                | Self::Syncs
        )
    }
}

/// A key with the one modifier bindings use (Ctrl-S saves a form).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Chord {
    pub code: KeyCode,
    pub ctrl: bool,
}

impl Chord {
    const fn key(code: KeyCode) -> Self {
        Self { code, ctrl: false }
    }

    const fn ctrl(c: char) -> Self {
        Self {
            code: KeyCode::Char(c),
            ctrl: true,
        }
    }

    fn matches(self, key: KeyEvent) -> bool {
        // Shift is part of the character (`G`, `?`), never a modifier of its own here.
        self.code == key.code && self.ctrl == key.modifiers.contains(KeyModifiers::CONTROL)
    }

    /// A letter, digit or sign typed as text.
    fn is_printable(self) -> bool {
        matches!(self.code, KeyCode::Char(c) if !c.is_control()) && !self.ctrl
    }
}

struct Binding {
    action: Action,
    /// The `[keys]` name.
    name: &'static str,
    keys: &'static [Chord],
    /// The keys as `?` shows them.
    label: &'static str,
    help: &'static str,
    scope: Scope,
    layers: &'static [Layer],
    /// How many of the keys a dialog's hint names (`n/Esc cancel`).
    hinted: usize,
}

/// The table: `Action: "name", [keys], "label", "help", Scope, [layers] (, hinted)`.
macro_rules! key_table {
    ($( $action:ident: $name:literal, [$($key:expr),* $(,)?], $label:literal, $help:literal,
        $scope:ident, [$($layer:ident),*] $(, $hinted:literal)?; )*) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Action { $($action,)* }

        const TABLE: &[Binding] = &[$(Binding {
            action: Action::$action,
            name: $name,
            keys: &[$($key),*],
            label: $label,
            help: $help,
            scope: Scope::$scope,
            layers: &[$(Layer::$layer),*],
            hinted: key_table!(@hinted $($hinted)?),
        },)*];
    };
    (@hinted) => { 1 };
    (@hinted $n:literal) => { $n };
}

const fn k(code: KeyCode) -> Chord {
    Chord::key(code)
}

const fn c(ch: char) -> Chord {
    Chord::key(KeyCode::Char(ch))
}

use KeyCode::{BackTab, Down as ArrowDown, End, Enter, Esc, Home, Left, Right, Tab, Up as ArrowUp};

key_table! {
    Down: "down", [c('j'), k(ArrowDown)], "j/↓", "move down", Lists,
        [Panes, View, Buttons, Text, Choice];
    Up: "up", [c('k'), k(ArrowUp)], "k/↑", "move up", Lists, [Panes, View, Buttons, Text, Choice];
    PageDown: "page_down", [k(KeyCode::PageDown)], "PgDn", "page down", Lists,
        [Panes, View, Buttons];
    PageUp: "page_up", [k(KeyCode::PageUp)], "PgUp", "page up", Lists, [Panes, View, Buttons];
    Top: "top", [c('g'), k(Home)], "g", "first row", Lists, [Panes, View, Buttons];
    Bottom: "bottom", [c('G'), k(End)], "G", "last row", Lists, [Panes, View, Buttons];
    Open: "open", [k(Enter), c('l'), k(Right)], "Enter/l/→", "open: org → repos → tags",
        Opens, [Panes];
    Details: "details", [c('v')], "v", "details: every field", Lists, [Panes, View];
    Back: "back", [k(Esc), c('h'), k(Left)], "Esc/h/←", "close, clear filter, back", All,
        [Panes, View];
    NextPane: "next_pane", [k(Tab)], "Tab", "next pane", All, [Panes];
    PrevPane: "prev_pane", [k(BackTab)], "Shift-Tab", "previous pane", All, [Panes];
    JumpOrgs: "organizations", [c('1')], "1", "organizations (namespaces)", All, [Panes];
    JumpRepos: "repositories", [c('2')], "2", "repositories", All, [Panes];
    JumpTags: "tags", [c('3')], "3", "tags", All, [Panes];
    JumpPerms: "permissions_pane", [c('4')], "4", "permissions", All, [Panes];
    Command: "command", [c(':')], ":", "jump to a view by name", All, [Panes];
    Filter: "filter", [c('/')], "/", "filter (Enter keeps)", Lists, [Panes];
    SortNext: "sort", [c('s')], "s", "sort by the next column", Lists, [Panes];
    SortReverse: "reverse_sort", [c('S')], "S", "reverse the sort order", Lists, [Panes];
    Refresh: "refresh", [c('r')], "r", "refresh", Lists, [Panes, View];
    Mark: "mark", [c(' ')], "Space", "mark / unmark the row", Marks, [Panes];
    MarkAll: "mark_all", [c('a')], "a", "mark all visible rows", Marks, [Panes];
    Invert: "invert", [c('i')], "i", "invert visible marks", Marks, [Panes];
    MarkMenu: "mark_menu", [c('m')], "m", "marking menu: pattern, age", Rules, [Panes];
    Delete: "delete", [c('d')], "d", "delete marked/current row", Deletes, [Panes];
    DeleteArtifacts: "delete_artifacts", [c('D')], "D", "delete the marked rows' artifacts",
        Artifacts, [Panes];
    Create: "create", [c('c')], "c", "create org/repo/tag/grant", Creates, [Panes];
    Edit: "edit", [c('e')], "e", "edit repository / level", Edits, [Panes];
    Sync: "sync", [c('X')], "X", "sync tags to a region", Syncs, [Panes];
    Login: "login", [c('L')], "L", "copy docker login command", Writes, [Panes];
    Copy: "copy", [c('y')], "y", "copy docker pull command", Copies, [Panes, View];
    CopyMenu: "copy_menu", [c('Y')], "Y", "pull-command menu", Copies, [Panes];
    Permissions: "permissions", [c('p')], "p", "permissions of this row", Permissions, [Panes];
    Retention: "retention", [c('R')], "R", "retention rule / policies", Retention,
        [Panes];
    Switch: "switch", [c('P')], "P", "switch profile, region or registry", All, [Panes];
    Credentials: "credentials", [c('K')], "K", "the instance's long-term credentials", Instance,
        [Panes];
    Run: "run", [c('x')], "x", "retention: dry run, then run for real", Runs, [Panes];
    Help: "help", [c('?')], "?", "this help", All, [Panes, View];
    Quit: "quit", [c('q')], "q", "quit (Ctrl-C always)", All, [Panes, View, Buttons];
    Confirm: "confirm", [c('y')], "y", "confirm", Dialog, [Buttons];
    Cancel: "cancel", [c('n'), k(Esc)], "n/Esc", "cancel", Dialog, [Buttons, Text], 2;
    Accept: "accept", [k(Enter)], "Enter", "press the focused button, choose, save", Dialog,
        [View, Buttons, Text];
    FocusNext: "next_button", [k(Tab), k(Right), c('l')], "Tab/→/l", "next button or column",
        Dialog, [Buttons];
    FocusPrev: "prev_button", [k(BackTab), k(Left), c('h')], "Shift-Tab/←/h",
        "previous button or column", Dialog, [Buttons];
    NextField: "next_field", [k(Tab)], "Tab", "next field", Dialog, [Text];
    PrevField: "prev_field", [k(BackTab)], "Shift-Tab", "previous field", Dialog, [Text];
    Save: "save", [Chord::ctrl('s')], "Ctrl-S", "save the form", Dialog, [Text];
    ValueNext: "next_value", [k(Right), c('l'), c(' ')], "→/l/Space", "next value, toggle",
        Dialog, [Choice];
    ValuePrev: "prev_value", [k(Left), c('h')], "←/h", "previous value, toggle", Dialog,
        [Choice];
}

/// The action of a key press in the panes, if any, with the defaults.
pub fn action(key: KeyEvent) -> Option<Action> {
    Keymap::default().action(key)
}

pub fn is_ctrl_c(key: KeyEvent) -> bool {
    key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c')
}

/// The number a numbered menu entry is chosen by (`1`…`9`), if the key is one: the menus
/// draw these numbers next to their entries, so they are labels rather than bindings.
pub fn digit(key: KeyEvent) -> Option<usize> {
    match key.code {
        KeyCode::Char(c @ '1'..='9') if key.modifiers.is_empty() => {
            Some(usize::from(c as u8 - b'1'))
        }
        _ => None,
    }
}

/// Key label and description of every binding that applies in `pane`, in table order.
/// With `read_only`, write actions are left out: they are disabled.
pub fn help(pane: PaneId, edition: Edition, read_only: bool) -> Vec<(String, &'static str)> {
    Keymap::default().help(pane, edition, read_only)
}

#[cfg(test)]
mod tests;
