//! What a user does to a tag list, as values for property tests: a random sequence of these
//! is applied through `update()` like key presses.

use proptest::prelude::*;

use super::{KeyCode, Model, ch, key, press, update};

#[derive(Debug, Clone)]
pub enum Action {
    Down(usize),
    Mark,
    MarkAll,
    Invert,
    Sort,
    Reverse,
    Filter(char),
    ClearFilter,
}

/// Any action; filters type one of `filter_chars`.
pub fn action(filter_chars: Vec<char>) -> impl Strategy<Value = Action> {
    prop_oneof![
        (0usize..5).prop_map(Action::Down),
        Just(Action::Mark),
        Just(Action::MarkAll),
        Just(Action::Invert),
        Just(Action::Sort),
        Just(Action::Reverse),
        prop::sample::select(filter_chars).prop_map(Action::Filter),
        Just(Action::ClearFilter),
    ]
}

pub fn apply(m: &mut Model, action: &Action) {
    match action {
        Action::Down(n) => {
            for _ in 0..*n {
                press(m, "j");
            }
        }
        Action::Mark => drop(press(m, " ")),
        Action::MarkAll => drop(press(m, "a")),
        Action::Invert => drop(press(m, "i")),
        Action::Sort => drop(press(m, "s")),
        Action::Reverse => drop(press(m, "S")),
        Action::Filter(c) => {
            press(m, "/");
            update(m, ch(*c));
            update(m, key(KeyCode::Enter));
        }
        Action::ClearFilter => {
            if !m.panes.tags.filter().is_empty() {
                update(m, key(KeyCode::Esc));
            }
        }
    }
}
