//! The bindings in force: the table's defaults with the config file's `[keys]` overrides, and
//! the lookups every layer makes through them.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::{Action, Binding, Chord, Layer, TABLE, is_ctrl_c};
use crate::app::model::PaneId;
use crate::app::registry::Edition;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Keymap {
    overrides: Vec<(Action, Chord)>,
}

fn binding(action: Action) -> &'static Binding {
    // Every action has its row: the macro makes both from the same lines.
    TABLE
        .iter()
        .find(|b| b.action == action)
        .unwrap_or(&TABLE[0])
}

impl Keymap {
    /// Builds the keymap from `[keys]` (action name → key); unknown names and keys are errors,
    /// and so is one key for two actions that work in the same layer.
    pub fn from_config<'a>(
        entries: impl IntoIterator<Item = (&'a String, &'a String)>,
    ) -> Result<Self, String> {
        let mut overrides: Vec<(Action, Chord)> = Vec::new();
        for (name, key) in entries {
            let action = TABLE
                .iter()
                .find(|b| b.name == name.as_str())
                .map(|b| b.action)
                .ok_or_else(|| {
                    let known: Vec<&str> = TABLE.iter().map(|b| b.name).collect();
                    format!(
                        "[keys] {name}: no such action (actions: {})",
                        known.join(", ")
                    )
                })?;
            let chord = parse_key(key).ok_or_else(|| format!("[keys] {name} = {key:?}: not a key (a character, or enter, esc, tab, space, up, f5, ctrl-s, …)"))?;
            let layers = binding(action).layers;
            if let Some((other, _)) = overrides
                .iter()
                .find(|(a, c)| *c == chord && binding(*a).layers.iter().any(|l| layers.contains(l)))
            {
                return Err(format!(
                    "[keys] {key:?} is bound twice ({other:?} and {action:?})"
                ));
            }
            overrides.push((action, chord));
        }
        Ok(Self { overrides })
    }

    /// The keys an action has now: its override, else its defaults.
    pub(super) fn keys_of(&self, action: Action) -> Vec<Chord> {
        match self.overrides.iter().find(|(a, _)| *a == action) {
            Some((_, chord)) => vec![*chord],
            None => binding(action).keys.to_vec(),
        }
    }

    /// The keys an action has in `layer`: a text input keeps printable characters for itself.
    pub(super) fn keys_in(&self, layer: Layer, action: Action) -> Vec<Chord> {
        let mut keys = self.keys_of(action);
        if layer.takes_characters() {
            keys.retain(|k| !k.is_printable());
        }
        keys
    }

    /// The action of a key press in the panes, if any.
    pub fn action(&self, key: KeyEvent) -> Option<Action> {
        if is_ctrl_c(key) {
            return Some(Action::Quit);
        }
        self.action_in(&[Layer::Panes], key)
    }

    /// The action of a key press in the first of `layers` that binds it.
    pub fn action_in(&self, layers: &[Layer], key: KeyEvent) -> Option<Action> {
        if key.modifiers.contains(KeyModifiers::ALT) {
            return None;
        }
        layers.iter().find_map(|&layer| self.in_layer(layer, key))
    }

    fn in_layer(&self, layer: Layer, key: KeyEvent) -> Option<Action> {
        let here = |action: Action| binding(action).layers.contains(&layer);
        let counts = |chord: &Chord| !(layer.takes_characters() && chord.is_printable());
        // An overridden key wins over a default that happens to use the same key.
        if let Some((action, _)) = self
            .overrides
            .iter()
            .find(|(a, c)| here(*a) && counts(c) && c.matches(key))
        {
            return Some(*action);
        }
        TABLE
            .iter()
            .filter(|b| b.layers.contains(&layer))
            .find(|b| {
                self.keys_of(b.action)
                    .iter()
                    .any(|c| counts(c) && c.matches(key))
            })
            .map(|b| b.action)
    }

    /// Key label and description of every binding that applies in `pane`, in table order.
    pub fn help(
        &self,
        pane: PaneId,
        edition: Edition,
        read_only: bool,
    ) -> Vec<(String, &'static str)> {
        TABLE
            .iter()
            .filter(|b| b.layers.contains(&Layer::Panes) && b.scope.includes(pane, edition))
            .filter(|b| !(read_only && b.scope.writes()))
            .map(
                |b| match self.overrides.iter().find(|(a, _)| *a == b.action) {
                    Some((_, chord)) => (key_label(*chord), b.help),
                    None => (b.label.to_string(), b.help),
                },
            )
            .collect()
    }
}

/// Parses a key as written in `[keys]`: one character, or a name such as `enter`, `f5`,
/// `ctrl-s`.
fn parse_key(text: &str) -> Option<Chord> {
    let mut chars = text.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return Some(Chord::key(KeyCode::Char(c)));
    }
    let lower = text.to_ascii_lowercase();
    if let Some(rest) = lower
        .strip_prefix("ctrl-")
        .or_else(|| lower.strip_prefix("c-"))
    {
        let mut chars = rest.chars();
        return match (chars.next(), chars.next()) {
            // Ctrl-C always quits: it cannot be given to anything else.
            (Some(c), None) if c.is_ascii_alphabetic() && c != 'c' => Some(Chord::ctrl(c)),
            _ => None,
        };
    }
    use KeyCode::*;
    Some(Chord::key(match lower.as_str() {
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
        "backspace" => Backspace,
        "delete" | "del" => Delete,
        f if f.starts_with('f') => F(f[1..].parse().ok().filter(|n| (1..=12).contains(n))?),
        _ => return None,
    }))
}

/// A key as hints and `?` write it.
pub(super) fn key_label(chord: Chord) -> String {
    use KeyCode::*;
    let name = match chord.code {
        Char(' ') => "Space".into(),
        Char(c) if chord.ctrl => c.to_ascii_uppercase().to_string(),
        Char(c) => c.to_string(),
        BackTab => "Shift-Tab".into(),
        Left => "←".into(),
        Right => "→".into(),
        Up => "↑".into(),
        Down => "↓".into(),
        PageUp => "PgUp".into(),
        PageDown => "PgDn".into(),
        F(n) => format!("F{n}"),
        other => format!("{other:?}"),
    };
    if chord.ctrl {
        format!("Ctrl-{name}")
    } else {
        name
    }
}
