//! The guards and the one meaning of keys, on a subject that only counts confirmations.

use chrono::DateTime;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;

use super::*;
use crate::app::model::Context;
use crate::app::msg::Cmd;

#[derive(Debug, Default)]
struct Probe {
    confirmed: usize,
    cancelled: std::cell::Cell<usize>,
}

impl Subject for Probe {
    fn confirmed(&mut self, _model: &mut Model) -> Outcome {
        self.confirmed += 1;
        Outcome::Done(vec![Cmd::Quit])
    }

    fn cancelled(&self, _model: &mut Model) {
        self.cancelled.set(self.cancelled.get() + 1);
    }
}

fn model() -> Model {
    Model::new(
        Context::default(),
        Rect::new(0, 0, 80, 24),
        DateTime::UNIX_EPOCH,
    )
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn press(dialog: &mut Confirm<Probe>, m: &mut Model, code: KeyCode) -> &'static str {
    match dialog.key(m, key(code)) {
        Outcome::Stay => "stay",
        Outcome::Close => "close",
        Outcome::Done(_) => "done",
        Outcome::Run(_) => "run",
        Outcome::Replace(..) => "replace",
    }
}

#[test]
fn plain_y_confirms_n_and_esc_cancel_and_the_focus_starts_on_cancel() {
    let mut m = model();
    for (code, outcome, confirmed) in [
        (KeyCode::Char('y'), "done", 1),
        (KeyCode::Char('n'), "close", 0),
        (KeyCode::Esc, "close", 0),
        (KeyCode::Char('q'), "close", 0),
    ] {
        let mut dialog = Confirm::new(Probe::default(), Guard::Plain);
        assert_eq!(dialog.focus, Focus::Cancel);
        assert_eq!(press(&mut dialog, &mut m, code), outcome, "{code:?}");
        assert_eq!(dialog.subject.confirmed, confirmed, "{code:?}");
        assert_eq!(dialog.subject.cancelled.get(), 1 - confirmed, "{code:?}");
    }
}

#[test]
fn enter_presses_the_focused_button() {
    let mut m = model();
    let mut dialog = Confirm::new(Probe::default(), Guard::Plain);
    assert_eq!(press(&mut dialog, &mut m, KeyCode::Enter), "close");
    assert_eq!(dialog.subject.confirmed, 0);
    for next in [KeyCode::Tab, KeyCode::Right, KeyCode::Char('l')] {
        let mut dialog = Confirm::new(Probe::default(), Guard::Plain);
        assert_eq!(press(&mut dialog, &mut m, next), "stay");
        assert!(dialog.confirm_focused(), "{next:?}");
        assert_eq!(press(&mut dialog, &mut m, KeyCode::Enter), "done");
        assert_eq!(dialog.subject.confirmed, 1);
    }
    let mut dialog = Confirm::new(Probe::default(), Guard::Plain);
    press(&mut dialog, &mut m, KeyCode::Right);
    press(&mut dialog, &mut m, KeyCode::Left);
    assert_eq!(dialog.focus, Focus::Cancel, "← goes back");
}

#[test]
fn typed_confirms_only_the_exact_name_and_takes_y_and_n_as_letters() {
    let mut m = model();
    let mut dialog = Confirm::new(Probe::default(), Guard::typed("my-yarn"));
    assert_eq!(dialog.focus, Focus::Input, "the name is typed first");
    for c in "my-yar".chars() {
        assert_eq!(press(&mut dialog, &mut m, KeyCode::Char(c)), "stay");
    }
    assert_eq!(press(&mut dialog, &mut m, KeyCode::Enter), "stay");
    assert_eq!(dialog.subject.confirmed, 0);
    assert_eq!(
        dialog.error.as_deref(),
        Some("type my-yarn exactly to delete it")
    );
    press(&mut dialog, &mut m, KeyCode::Char('n'));
    assert_eq!(dialog.error, None, "typing clears the error");
    assert_eq!(press(&mut dialog, &mut m, KeyCode::Enter), "done");
    assert_eq!(dialog.subject.confirmed, 1);

    // Tab leaves the name for the buttons: Cancel first, where Enter cancels.
    let mut dialog = Confirm::new(Probe::default(), Guard::typed("x"));
    press(&mut dialog, &mut m, KeyCode::Char('x'));
    press(&mut dialog, &mut m, KeyCode::Tab);
    assert_eq!(dialog.focus, Focus::Cancel);
    assert_eq!(press(&mut dialog, &mut m, KeyCode::Enter), "close");
    assert_eq!(dialog.subject.confirmed, 0);
    // On the buttons, y confirms, but still only with the name typed.
    let mut dialog = Confirm::new(Probe::default(), Guard::typed("x"));
    press(&mut dialog, &mut m, KeyCode::Tab);
    assert_eq!(press(&mut dialog, &mut m, KeyCode::Char('y')), "stay");
    assert_eq!(dialog.focus, Focus::Input, "back to the name");
    assert_eq!(press(&mut dialog, &mut m, KeyCode::Esc), "close");
}

#[test]
fn twice_asks_again_from_cancel() {
    let mut m = model();
    let mut dialog = Confirm::new(Probe::default(), Guard::Twice { asked: false });
    assert_eq!(press(&mut dialog, &mut m, KeyCode::Char('y')), "stay");
    assert!(dialog.asked_again());
    assert_eq!(dialog.subject.confirmed, 0);
    assert_eq!(press(&mut dialog, &mut m, KeyCode::Char('y')), "done");
    assert_eq!(dialog.subject.confirmed, 1);

    // Enter on the confirm button asks again too, with the focus back on Cancel.
    let mut dialog = Confirm::new(Probe::default(), Guard::Twice { asked: false });
    press(&mut dialog, &mut m, KeyCode::Tab);
    assert_eq!(press(&mut dialog, &mut m, KeyCode::Enter), "stay");
    assert!(dialog.asked_again() && dialog.focus == Focus::Cancel);
    assert_eq!(press(&mut dialog, &mut m, KeyCode::Enter), "close");
    assert_eq!(dialog.subject.confirmed, 0);
}

#[test]
fn long_lists_scroll_to_their_last_screenful() {
    struct Long;
    impl Subject for Long {
        fn confirmed(&mut self, _model: &mut Model) -> Outcome {
            Outcome::Close
        }
        fn list(&self, _screen: Rect) -> (usize, usize) {
            (10, 25)
        }
    }
    let mut m = model();
    let mut dialog = Confirm::new(Long, Guard::Plain);
    dialog.key(&mut m, key(KeyCode::End));
    assert_eq!(dialog.scroll, 15);
    dialog.key(&mut m, key(KeyCode::Char('j')));
    assert_eq!(dialog.scroll, 15);
    dialog.key(&mut m, key(KeyCode::PageUp));
    assert_eq!(dialog.scroll, 5);
    dialog.key(&mut m, key(KeyCode::Char('g')));
    assert_eq!(dialog.scroll, 0);
    assert_eq!(dialog.focus, Focus::Cancel, "scrolling leaves the focus");
}
