//! Key hints, derived from the key table with the keys in force (`[keys]` overrides
//! included): the status line's, by pane, and the footer of each dialog.

use super::keymap::key_label;
use super::{Action, Chord, Keymap, Layer, TABLE};
use crate::app::model::PaneId;
use crate::app::registry::Edition;

/// One key hint of the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hint {
    pub key: String,
    pub word: &'static str,
    /// Lower comes first when the line is too narrow for all.
    pub rank: usize,
}

/// The actions the status line hints at, in the order drawn; the word may depend on the pane.
const FOOTER: &[Action] = &[
    Action::Help,
    Action::Filter,
    Action::Open,
    Action::Details,
    Action::Mark,
    Action::Copy,
    Action::CopyMenu,
    Action::Create,
    Action::Delete,
    Action::DeleteArtifacts,
    Action::Edit,
    Action::Permissions,
    Action::Credentials,
    Action::Sync,
    Action::Run,
    Action::Refresh,
    Action::NextPane,
    Action::Back,
    Action::Quit,
];

/// The same actions by how much a hint is worth when space is short.
const FOOTER_RANK: &[Action] = &[
    Action::Help,
    Action::Quit,
    Action::Open,
    Action::Filter,
    Action::Mark,
    Action::Delete,
    Action::DeleteArtifacts,
    Action::Create,
    Action::Edit,
    Action::Copy,
    Action::Permissions,
    Action::Credentials,
    Action::Run,
    Action::CopyMenu,
    Action::Details,
    Action::Back,
    Action::Refresh,
    Action::NextPane,
    Action::Sync,
];

/// The footer's word for `action` in `pane`: the same few everywhere, the rest from the
/// pane's resource kind.
fn footer_word(action: Action, pane: PaneId) -> Option<&'static str> {
    match action {
        Action::Help => Some("help"),
        Action::Filter => Some("filter"),
        Action::Quit => Some("quit"),
        _ => pane.kind().hint(action),
    }
}

impl Keymap {
    /// The status line's key hints for `pane`, in drawing order, with the keys in force.
    /// Write actions are left out when read-only.
    pub fn hints(&self, pane: PaneId, edition: Edition, read_only: bool) -> Vec<Hint> {
        FOOTER
            .iter()
            .filter_map(|&action| {
                let binding = TABLE.iter().find(|b| b.action == action)?;
                if !binding.scope.includes(pane, edition) || (read_only && binding.scope.writes()) {
                    return None;
                }
                Some(Hint {
                    key: key_label(*self.keys_of(action).first()?),
                    word: footer_word(action, pane)?,
                    rank: FOOTER_RANK.iter().position(|&a| a == action)?,
                })
            })
            .collect()
    }
}

/// A dialog's footer, `y delete · n/Esc cancel`, built from the keys in force.
pub struct KeyHints<'a> {
    keymap: &'a Keymap,
    parts: Vec<String>,
}

impl<'a> KeyHints<'a> {
    pub fn new(keymap: &'a Keymap) -> Self {
        Self {
            keymap,
            parts: Vec::new(),
        }
    }

    fn labels(&self, layer: Layer, actions: &[Action], all: bool) -> String {
        actions
            .iter()
            .flat_map(|&action| {
                let keys = self.keymap.keys_in(layer, action);
                let hinted = TABLE
                    .iter()
                    .find(|b| b.action == action)
                    .map_or(1, |b| if all { b.hinted } else { 1 });
                keys.into_iter().take(hinted).collect::<Vec<Chord>>()
            })
            .map(key_label)
            .collect::<Vec<_>>()
            .join("/")
    }

    /// `keys word`: the keys the table hints at for each action in `layer`, joined by `/`.
    pub fn keys(self, layer: Layer, actions: &[Action], word: &str) -> Self {
        self.prefixed("", layer, actions, word)
    }

    /// The same with a label that is not a binding in front (`1-5/Enter choose`).
    pub fn prefixed(mut self, prefix: &str, layer: Layer, actions: &[Action], word: &str) -> Self {
        let keys = self.labels(layer, actions, true);
        self.parts.push(format!("{prefix}{keys} {word}"));
        self
    }

    /// `keys word` with only the first key of each action (`n continue`).
    pub fn first(mut self, layer: Layer, actions: &[Action], word: &str) -> Self {
        let keys = self.labels(layer, actions, false);
        self.parts.push(format!("{keys} {word}"));
        self
    }

    /// Several groups of keys for one word: `j/k g/G scroll`.
    pub fn groups(mut self, layer: Layer, groups: &[&[Action]], word: &str) -> Self {
        let keys: Vec<String> = groups
            .iter()
            .map(|g| self.labels(layer, g, false))
            .collect();
        self.parts.push(format!("{} {word}", keys.join(" ")));
        self
    }

    /// Words that name no binding (`Ctrl-C quit now`: Ctrl-C cannot be rebound).
    pub fn text(mut self, text: &str) -> Self {
        self.parts.push(text.to_string());
        self
    }

    pub fn build(self) -> String {
        self.parts.join(" · ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hints_follow_overrides_and_name_what_each_pane_can_do() {
        let words = |map: &Keymap, pane, read_only| -> Vec<String> {
            map.hints(pane, Edition::Shared, read_only)
                .into_iter()
                .map(|h| format!("{} {}", h.key, h.word))
                .collect()
        };
        let defaults = Keymap::default();
        let orgs = words(&defaults, PaneId::Orgs, false);
        for hint in ["? help", "Enter open", "c create", "d delete", "q quit"] {
            assert!(orgs.contains(&hint.to_string()), "{hint} in {orgs:?}");
        }
        let repos = words(&defaults, PaneId::Repos, false);
        for hint in ["c create", "d delete", "e edit", "Esc back"] {
            assert!(repos.contains(&hint.to_string()), "{hint} in {repos:?}");
        }
        let perms = words(&defaults, PaneId::Perms, false);
        for hint in ["c grant", "e level", "d remove"] {
            assert!(perms.contains(&hint.to_string()), "{hint} in {perms:?}");
        }
        assert!(
            !words(&defaults, PaneId::Perms, true).contains(&"c grant".to_string()),
            "read-only: no write hints"
        );
        let entries = [("quit".to_string(), "Q".to_string())];
        let map = Keymap::from_config(entries.iter().map(|(a, b)| (a, b))).unwrap();
        let tags = words(&map, PaneId::Tags, false);
        assert!(tags.contains(&"Q quit".to_string()), "{tags:?}");
        assert!(!tags.contains(&"q quit".to_string()), "{tags:?}");
    }
}
