//! The key table: pinned keys, overrides, help and the layers dialogs ask.

use super::*;
use KeyCode::{Char, Down, Esc, Left};

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
    assert_eq!(action(key(Char('x'))), Some(Action::Run));
    assert_eq!(action(key(Char('R'))), Some(Action::Retention));
    assert_eq!(action(key(Char('z'))), None);
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
    let help = map.help(PaneId::Tags, Edition::Shared, false);
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
    let tags = help(PaneId::Tags, Edition::Shared, false);
    assert!(tags.iter().any(|(k, _)| k == "y"));
    let orgs = help(PaneId::Orgs, Edition::Shared, false);
    assert!(!orgs.iter().any(|(k, _)| k == "y"));
    assert!(orgs.iter().any(|(k, _)| k == "p"));
    assert!(
        !help(PaneId::Perms, Edition::Shared, false)
            .iter()
            .any(|(k, _)| k == "p")
    );
}

#[test]
fn layers_keep_their_own_meanings() {
    let map = Keymap::default();
    let y = key(Char('y'));
    assert_eq!(map.action_in(&[Layer::Buttons], y), Some(Action::Confirm));
    assert_eq!(map.action_in(&[Layer::View], y), Some(Action::Copy));
    assert_eq!(
        map.action_in(&[Layer::Text], y),
        None,
        "y is a letter in a name"
    );
    assert_eq!(
        map.action_in(&[Layer::Text], key(Esc)),
        Some(Action::Cancel)
    );
    assert_eq!(map.action_in(&[Layer::Text], key(Char('n'))), None);
    assert_eq!(
        map.action_in(&[Layer::Buttons], key(Left)),
        Some(Action::FocusPrev)
    );
    assert_eq!(map.action_in(&[Layer::View], key(Left)), Some(Action::Back));
    assert_eq!(
        map.action_in(
            &[Layer::Text],
            KeyEvent::new(Char('s'), KeyModifiers::CONTROL)
        ),
        Some(Action::Save)
    );
    assert_eq!(
        map.action_in(&[Layer::Text, Layer::Choice], key(Char(' '))),
        Some(Action::ValueNext),
        "a form's choice takes what its text layer leaves"
    );
}

#[test]
fn an_override_changes_a_dialogs_key_and_its_hint() {
    let hint = |map: &Keymap| {
        KeyHints::new(map)
            .keys(Layer::Buttons, &[Action::Confirm], "delete")
            .keys(Layer::Buttons, &[Action::Cancel], "cancel")
            .build()
    };
    assert_eq!(hint(&Keymap::default()), "y delete · n/Esc cancel");
    let entries = [
        ("confirm".to_string(), "Y".to_string()),
        ("cancel".to_string(), "x".to_string()),
    ];
    let map = Keymap::from_config(entries.iter().map(|(a, b)| (a, b))).unwrap();
    assert_eq!(hint(&map), "Y delete · x cancel");
    assert_eq!(
        map.action_in(&[Layer::Buttons], key(Char('Y'))),
        Some(Action::Confirm)
    );
    assert_eq!(map.action_in(&[Layer::Buttons], key(Char('y'))), None);
    assert_eq!(map.action_in(&[Layer::Buttons], key(Esc)), None);
    // `Y` is the pull menu in the panes; a dialog's key may be the same as a pane's.
    assert_eq!(map.action(key(Char('Y'))), Some(Action::CopyMenu));
    let clash = [
        ("confirm".to_string(), "x".to_string()),
        ("cancel".to_string(), "x".to_string()),
    ];
    assert!(Keymap::from_config(clash.iter().map(|(a, b)| (a, b))).is_err());
    let ctrl = [("save".to_string(), "ctrl-w".to_string())];
    let map = Keymap::from_config(ctrl.iter().map(|(a, b)| (a, b))).unwrap();
    assert_eq!(
        KeyHints::new(&map)
            .keys(Layer::Text, &[Action::Save], "save")
            .build(),
        "Ctrl-W save"
    );
}
