//! The `:` command line (k9s's convention): jump to any resource view by name. The names come
//! from the registry, so every new resource kind adds its own.

use crossterm::event::{KeyCode, KeyEvent};

use super::field::LINE_MAX;
use super::keys::{Action, Layer};
use super::model::Model;
use super::msg::Cmd;
use super::panes::PaneId;
use super::registry::Edition;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CommandLine {
    pub text: String,
    /// Which candidate the last Tab put in, while Tab is pressed again.
    cycling: Option<usize>,
    /// The session's edition: only its views are offered.
    edition: Edition,
}

impl CommandLine {
    /// The view names that start with what is typed, in registry order.
    pub fn candidates(&self) -> Vec<&'static str> {
        let typed = self.text.trim();
        let prefix = match self.cycling {
            // While cycling, the text is a candidate: offer all that the prefix before it did.
            Some(_) => "",
            None => typed,
        };
        let mut names: Vec<&'static str> = PaneId::serving(self.edition)
            .map(|p| p.kind().command())
            .filter(|c| c.starts_with(prefix))
            .collect();
        // Two kinds may answer to one name in different editions; only one serves here.
        names.dedup();
        names
    }

    /// Tab: the one completion, else the longest common start, else the next candidate.
    fn complete(&mut self) {
        let all = self.candidates();
        if all.is_empty() {
            return;
        }
        let common = common_prefix(&all);
        if self.cycling.is_none() && all.len() == 1 {
            self.text = all[0].to_string();
        } else if self.cycling.is_none() && common.len() > self.text.trim().len() {
            self.text = common.to_string();
        } else {
            let next = self.cycling.map_or(0, |i| (i + 1) % all.len());
            self.cycling = Some(next);
            self.text = all[next].to_string();
        }
    }

    /// The view the text names: exactly, or as the start of exactly one name.
    fn target(&self) -> Option<PaneId> {
        let typed = self.text.trim().trim_start_matches(':');
        if let Some(pane) = PaneId::by_command(typed, self.edition) {
            return Some(pane);
        }
        let mut starting = PaneId::serving(self.edition)
            .filter(|p| !typed.is_empty() && p.kind().command().starts_with(typed));
        match (starting.next(), starting.next()) {
            (Some(pane), None) => Some(pane),
            _ => None,
        }
    }
}

fn common_prefix<'a>(words: &[&'a str]) -> &'a str {
    let Some(first) = words.first() else {
        return "";
    };
    let mut end = first.len();
    for word in &words[1..] {
        end = first
            .char_indices()
            .zip(word.chars())
            .take_while(|((_, a), b)| a == b)
            .map(|((i, a), _)| i + a.len_utf8())
            .last()
            .unwrap_or(0)
            .min(end);
    }
    &first[..end]
}

/// `:`: opens the command line.
pub fn open(model: &mut Model) {
    model.nav.command = Some(CommandLine {
        edition: model.nav.edition(),
        ..CommandLine::default()
    });
}

/// Keys while the command line is open (the text-input layer): text, Tab completes, Enter
/// jumps, Esc closes.
pub fn key(model: &mut Model, key: KeyEvent) -> Vec<Cmd> {
    let Some(mut line) = model.nav.command.take() else {
        return Vec::new();
    };
    let action = model.prefs.keymap.action_in(&[Layer::Text], key);
    match (action, key.code) {
        (Some(Action::Cancel), _) => return Vec::new(),
        (Some(Action::Accept), _) => return jump(model, &line),
        (Some(Action::NextField), _) => line.complete(),
        (_, KeyCode::Backspace) => {
            if line.text.pop().is_none() {
                // Backspace on nothing closes, as in k9s and vim.
                return Vec::new();
            }
            line.cycling = None;
        }
        (_, KeyCode::Char(c)) if !c.is_control() && line.text.chars().count() < LINE_MAX => {
            line.text.push(c);
            line.cycling = None;
        }
        _ => {}
    }
    model.nav.command = Some(line);
    Vec::new()
}

fn jump(model: &mut Model, line: &CommandLine) -> Vec<Cmd> {
    match line.target() {
        Some(pane) => pane.kind().show(model),
        None if line.text.trim().is_empty() => Vec::new(),
        None => {
            let names: Vec<&str> = PaneId::serving(model.nav.edition())
                .map(|p| p.kind().command())
                .collect();
            model.fail(format!(
                "No view named :{} (views: {})",
                line.text.trim(),
                names.join(", ")
            ));
            Vec::new()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(text: &str) -> CommandLine {
        CommandLine {
            text: text.into(),
            cycling: None,
            edition: Edition::Shared,
        }
    }

    #[test]
    fn tab_completes_one_name_or_the_common_start_then_cycles() {
        let mut line = typed("o");
        line.complete();
        assert_eq!(line.text, "orgs");
        let mut line = typed("");
        line.complete();
        assert_eq!(line.text, "orgs", "no common start: the first name");
        line.complete();
        assert_eq!(line.text, "repos", "Tab again: the next name");
        let mut line = typed("sy");
        line.complete();
        assert_eq!(line.text, "sync", "sync and sync-rules: their common start");
        let mut line = typed("sh");
        line.complete();
        assert_eq!(line.text, "share", "shares and shared: their common start");
        line.complete();
        assert_eq!(line.text, "shares", "Tab again: the first of them");
        let mut line = typed("shared");
        line.complete();
        assert_eq!(line.text, "shared");
    }

    #[test]
    fn a_unique_start_names_a_view_and_an_ambiguous_one_none() {
        assert_eq!(typed("perms").target(), Some(PaneId::Perms));
        assert_eq!(typed("ta").target(), Some(PaneId::Tags));
        assert_eq!(typed("x").target(), None);
        assert_eq!(typed("").target(), None);
        assert_eq!(common_prefix(&["tags", "tail"]), "ta");
    }
}
