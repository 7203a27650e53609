//! Keys to actions. The table below is the single source of both the bindings and the help
//! overlay, so what `?` shows is what the keys do.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::model::PaneId;

mod hints;
pub use hints::Hint;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    Open,
    Details,
    Back,
    NextPane,
    PrevPane,
    JumpOrgs,
    JumpRepos,
    JumpTags,
    JumpPerms,
    Command,
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
    Switch,
    Copy,
    CopyMenu,
    Permissions,
    Help,
    Quit,
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
}

impl Scope {
    fn includes(self, pane: PaneId) -> bool {
        let can = pane.kind().can();
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
        }
    }

    /// Hidden when read-only.
    fn writes(self) -> bool {
        matches!(
            self,
            Self::Writes | Self::Creates | Self::Edits | Self::Deletes
        )
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
        Scope::Opens,
    ),
    bind(
        &[Char('v')],
        "v",
        Action::Details,
        "details: every field",
        Scope::Lists,
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
        &[Char(':')],
        ":",
        Action::Command,
        "jump to a view by name",
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
        Scope::Marks,
    ),
    bind(
        &[Char('a')],
        "a",
        Action::MarkAll,
        "mark all visible rows",
        Scope::Marks,
    ),
    bind(
        &[Char('i')],
        "i",
        Action::Invert,
        "invert visible marks",
        Scope::Marks,
    ),
    bind(
        &[Char('m')],
        "m",
        Action::MarkMenu,
        "marking menu: pattern, age",
        Scope::Rules,
    ),
    bind(
        &[Char('d')],
        "d",
        Action::Delete,
        "delete marked/current row",
        Scope::Deletes,
    ),
    bind(
        &[Char('c')],
        "c",
        Action::Create,
        "create org/repo/tag/grant",
        Scope::Creates,
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
        Scope::Copies,
    ),
    bind(
        &[Char('Y')],
        "Y",
        Action::CopyMenu,
        "pull-command menu",
        Scope::Copies,
    ),
    bind(
        &[Char('p')],
        "p",
        Action::Permissions,
        "permissions of this row",
        Scope::Permissions,
    ),
    bind(
        &[Char('P')],
        "P",
        Action::Switch,
        "switch profile or region",
        Scope::All,
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

/// The action of a key press outside text input, if any, with the defaults.
pub fn action(key: KeyEvent) -> Option<Action> {
    Keymap::default().action(key)
}

pub fn is_ctrl_c(key: KeyEvent) -> bool {
    key.modifiers.contains(KeyModifiers::CONTROL) && key.code == Char('c')
}

/// Key label and description of every binding that applies in `pane`, in table order.
/// With `read_only`, write actions are left out: they are disabled.
pub fn help(pane: PaneId, read_only: bool) -> Vec<(String, &'static str)> {
    Keymap::default().help(pane, read_only)
}

/// Actions whose key the config file may change, by their `[keys]` name.
const NAMES: &[(&str, Action)] = &[
    ("down", Action::Down),
    ("up", Action::Up),
    ("page_down", Action::PageDown),
    ("page_up", Action::PageUp),
    ("top", Action::Top),
    ("bottom", Action::Bottom),
    ("open", Action::Open),
    ("details", Action::Details),
    ("back", Action::Back),
    ("next_pane", Action::NextPane),
    ("prev_pane", Action::PrevPane),
    ("organizations", Action::JumpOrgs),
    ("repositories", Action::JumpRepos),
    ("tags", Action::JumpTags),
    ("permissions_pane", Action::JumpPerms),
    ("command", Action::Command),
    ("filter", Action::Filter),
    ("sort", Action::SortNext),
    ("reverse_sort", Action::SortReverse),
    ("refresh", Action::Refresh),
    ("mark", Action::Mark),
    ("mark_all", Action::MarkAll),
    ("invert", Action::Invert),
    ("mark_menu", Action::MarkMenu),
    ("delete", Action::Delete),
    ("create", Action::Create),
    ("edit", Action::Edit),
    ("login", Action::Login),
    ("copy", Action::Copy),
    ("copy_menu", Action::CopyMenu),
    ("permissions", Action::Permissions),
    ("switch", Action::Switch),
    ("help", Action::Help),
    ("quit", Action::Quit),
];

/// Parses a key as written in `[keys]`: one character, or a name such as `enter`, `f5`.
fn parse_key(text: &str) -> Option<KeyCode> {
    let mut chars = text.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return Some(Char(c));
    }
    let lower = text.to_ascii_lowercase();
    Some(match lower.as_str() {
        "space" => Char(' '),
        "enter" => Enter,
        "esc" | "escape" => Esc,
        "tab" => Tab,
        "backtab" | "shift-tab" => BackTab,
        "up" => Up,
        "down" => Down,
        "left" => Left,
        "right" => Right,
        "pageup" | "pgup" => PageUp,
        "pagedown" | "pgdn" => PageDown,
        "home" => Home,
        "end" => End,
        "backspace" => KeyCode::Backspace,
        "delete" | "del" => KeyCode::Delete,
        f if f.starts_with('f') => {
            KeyCode::F(f[1..].parse().ok().filter(|n| (1..=12).contains(n))?)
        }
        _ => return None,
    })
}

fn key_label(code: KeyCode) -> String {
    match code {
        Char(' ') => "Space".into(),
        BackTab => "Shift-Tab".into(),
        Char(c) => c.to_string(),
        KeyCode::F(n) => format!("F{n}"),
        other => format!("{other:?}"),
    }
}

/// The bindings in force: the defaults, with the config file's `[keys]` overrides.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Keymap {
    overrides: Vec<(Action, KeyCode)>,
}

impl Keymap {
    /// Builds the keymap from `[keys]` (action name → key); unknown names and keys are errors.
    pub fn from_config<'a>(
        entries: impl IntoIterator<Item = (&'a String, &'a String)>,
    ) -> Result<Self, String> {
        let mut overrides = Vec::new();
        for (name, key) in entries {
            let action = NAMES
                .iter()
                .find(|(n, _)| *n == name.as_str())
                .map(|(_, a)| *a)
                .ok_or_else(|| {
                    let known: Vec<&str> = NAMES.iter().map(|(n, _)| *n).collect();
                    format!(
                        "[keys] {name}: no such action (actions: {})",
                        known.join(", ")
                    )
                })?;
            let code = parse_key(key).ok_or_else(|| format!("[keys] {name} = {key:?}: not a key (a character, or enter, esc, tab, space, up, f5, …)"))?;
            if let Some((other, _)) = overrides.iter().find(|(_, c)| *c == code) {
                return Err(format!(
                    "[keys] {key:?} is bound twice ({other:?} and {action:?})"
                ));
            }
            overrides.push((action, code));
        }
        Ok(Self { overrides })
    }

    fn keys_of(&self, binding: &Binding) -> Vec<KeyCode> {
        match self.overrides.iter().find(|(a, _)| *a == binding.action) {
            Some((_, code)) => vec![*code],
            None => binding.keys.to_vec(),
        }
    }

    /// The action of a key press outside text input, if any.
    pub fn action(&self, key: KeyEvent) -> Option<Action> {
        if is_ctrl_c(key) {
            return Some(Action::Quit);
        }
        if key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
        {
            return None;
        }
        // An overridden key wins over a default that happens to use the same key.
        if let Some((action, _)) = self.overrides.iter().find(|(_, c)| *c == key.code) {
            return Some(*action);
        }
        BINDINGS
            .iter()
            .find(|b| self.keys_of(b).contains(&key.code))
            .map(|b| b.action)
    }

    /// Key label and description of every binding that applies in `pane`, in table order.
    pub fn help(&self, pane: PaneId, read_only: bool) -> Vec<(String, &'static str)> {
        BINDINGS
            .iter()
            .filter(|b| b.scope.includes(pane))
            .filter(|b| !(read_only && b.scope.writes()))
            .map(
                |b| match self.overrides.iter().find(|(a, _)| *a == b.action) {
                    Some((_, code)) => (key_label(*code), b.help),
                    None => (b.label.to_string(), b.help),
                },
            )
            .collect()
    }
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
        assert_eq!(action(key(Char('v'))), Some(Action::Details));
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
    fn config_overrides_replace_defaults_and_show_in_help() {
        let entries = [
            ("delete".to_string(), "x".to_string()),
            ("quit".to_string(), "f10".to_string()),
        ];
        let map = Keymap::from_config(entries.iter().map(|(a, b)| (a, b))).unwrap();
        assert_eq!(map.action(key(Char('x'))), Some(Action::Delete));
        assert_eq!(
            map.action(key(Char('d'))),
            None,
            "the default key no longer deletes"
        );
        assert_eq!(map.action(key(KeyCode::F(10))), Some(Action::Quit));
        assert_eq!(map.action(key(Char('q'))), None);
        let help = map.help(PaneId::Tags, false);
        assert!(help.iter().any(|(k, d)| k == "x" && d.contains("delete")));
        assert!(help.iter().any(|(k, _)| k == "F10"));
        let bad = [("explode".to_string(), "x".to_string())];
        assert!(
            Keymap::from_config(bad.iter().map(|(a, b)| (a, b)))
                .unwrap_err()
                .contains("no such action")
        );
        let twice = [
            ("delete".to_string(), "x".to_string()),
            ("edit".to_string(), "x".to_string()),
        ];
        assert!(Keymap::from_config(twice.iter().map(|(a, b)| (a, b))).is_err());
    }

    #[test]
    fn help_lists_only_what_applies() {
        let tags = help(PaneId::Tags, false);
        assert!(tags.iter().any(|(k, _)| k == "y"));
        let orgs = help(PaneId::Orgs, false);
        assert!(!orgs.iter().any(|(k, _)| k == "y"));
        assert!(orgs.iter().any(|(k, _)| k == "p"));
        assert!(!help(PaneId::Perms, false).iter().any(|(k, _)| k == "p"));
    }
}
