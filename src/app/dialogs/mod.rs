//! Dialogs as components, one file each. A dialog owns its state; while it handles a key it
//! is taken out of the model (moved, never copied: a confirmation may name 100,000 tags), gets
//! `&mut self` and the model, and says what happens next in an [`Outcome`], which one place
//! ([`key`]) applies. Keys reach a dialog through the key table's layers, never as raw codes.

pub mod confirm;
pub mod delete_confirm;
pub mod delete_progress;
pub mod delete_resource;
pub mod delete_rows;
pub mod detail;
pub mod form;
pub mod grant;
pub mod help;
pub mod level;
pub mod login;
pub mod mark_menu;
pub mod mark_prompt;
pub mod pull_menu;
pub mod remove_permission;
pub mod retag;
pub mod retention_confirm;
pub mod retention_form;
pub mod run_retention;
pub mod switcher;
pub mod sync_confirm;
pub mod tag_detail;

use crossterm::event::KeyEvent;

use super::model::Model;
use super::msg::Cmd;
use crate::swr::model::LoginSecret;

pub use confirm::{Confirm, Focus, Guard, Subject};
pub use delete_confirm::DeleteTags;
pub use delete_resource::Doomed;
pub use delete_rows::DeleteRows;
pub use form::Form;
pub use grant::GrantForm;
pub use level::LevelForm;
pub use mark_prompt::MarkPrompt;
pub use remove_permission::Removal;
pub use retag::RetagForm;
pub use retention_confirm::SaveRetention;
pub use retention_form::RetentionForm;
pub use run_retention::RunRetention;
pub use switcher::Switcher;
pub use sync_confirm::SyncConfirm;

/// "Delete N tags?": what exactly would be deleted, before anything is.
pub type ConfirmDelete = Confirm<DeleteTags>;

/// A dialog or menu over the panes; it takes the keys while open.
// At most one exists at a time, so the size of the largest variant costs nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    Help,
    PullMenu {
        cursor: usize,
    },
    /// The current tag's details (narrow terminals, where no detail panel fits).
    TagDetail,
    /// The focused organization's, repository's or permission's details (`v`), scrolled by
    /// `scroll` wrapped lines.
    Detail {
        scroll: usize,
    },
    MarkMenu {
        cursor: usize,
    },
    /// Input for a marking rule.
    MarkPrompt(MarkPrompt),
    ConfirmDelete(ConfirmDelete),
    /// Progress, then the summary, of `Model::delete`.
    DeleteProgress,
    Retag(RetagForm),
    Form(Form),
    /// Deleting an organization or repository: its name must be typed.
    Typed(Confirm<Doomed>),
    Grant(GrantForm),
    Level(LevelForm),
    /// Deleting rows of a kind whose delete is one write (shares).
    DeleteRows(Confirm<DeleteRows>),
    /// Removing a permission; your own asks twice.
    Remove(Confirm<Removal>),
    /// "This holds a credential, valid until …: copy it?"
    Login(Confirm<LoginSecret>),
    Switcher(Switcher),
    /// "Sync N tags to region/organization?"
    SyncConfirm(Confirm<SyncConfirm>),
    /// Running a retention policy for real, from its dry run.
    RunRetention(Confirm<RunRetention>),
    /// A repository's retention rule, with the preview of what it deletes.
    RetentionForm(RetentionForm),
    /// "Create retention rule? It takes effect at once".
    SaveRetention(Confirm<SaveRetention>),
}

/// What a key did to the dialog that had it.
#[derive(Debug)]
pub enum Outcome {
    /// The dialog stays open (changed or not).
    Stay,
    /// The dialog closes.
    Close,
    /// These run and the dialog stays open (a copy from the tag detail, steering a job).
    Run(Vec<Cmd>),
    /// These run and the dialog closes (a confirmed or submitted dialog).
    Done(Vec<Cmd>),
    /// Another dialog takes this one's place (the delete confirmation becomes its progress).
    Replace(Box<Overlay>, Vec<Cmd>),
}

impl Overlay {
    fn key(&mut self, model: &mut Model, key: KeyEvent) -> Outcome {
        match self {
            Self::Help => help::key(model, key),
            Self::PullMenu { cursor } => pull_menu::key(cursor, model, key),
            Self::TagDetail => tag_detail::key(model, key),
            Self::Detail { scroll } => detail::key(scroll, model, key),
            Self::MarkMenu { cursor } => mark_menu::key(cursor, model, key),
            Self::MarkPrompt(prompt) => prompt.key(model, key),
            Self::ConfirmDelete(dialog) => dialog.key(model, key),
            Self::DeleteProgress => delete_progress::key(model, key),
            Self::Retag(form) => form.key(model, key),
            Self::Form(form) => form.key(model, key),
            Self::Typed(dialog) => dialog.key(model, key),
            Self::Grant(form) => form.key(model, key),
            Self::Level(form) => form.key(model, key),
            Self::Remove(dialog) => dialog.key(model, key),
            Self::DeleteRows(dialog) => dialog.key(model, key),
            Self::Login(dialog) => dialog.key(model, key),
            Self::Switcher(switcher) => switcher.key(model, key),
            Self::SyncConfirm(dialog) => dialog.key(model, key),
            Self::RunRetention(dialog) => dialog.key(model, key),
            Self::RetentionForm(form) => form.key(model, key),
            Self::SaveRetention(dialog) => dialog.key(model, key),
        }
    }

    /// Pasted text goes into the focused text input, if the dialog has one.
    pub fn paste(&mut self, text: &str) {
        match self {
            Self::MarkPrompt(prompt) => prompt.field.paste(text),
            Self::Retag(form) => form.paste(text),
            Self::Form(form) => form.paste(text),
            Self::Typed(dialog) => dialog.paste(text),
            Self::Grant(form) => form.paste(text),
            Self::RetentionForm(form) => form.paste(text),
            _ => {}
        }
    }
}

/// A key for the open dialog, which the caller took out of the model: the dialog handles it,
/// then goes back, closes or gives way as it says.
pub fn key(model: &mut Model, mut overlay: Overlay, key: KeyEvent) -> Vec<Cmd> {
    let outcome = overlay.key(model, key);
    match outcome {
        Outcome::Stay => {
            model.overlay = Some(overlay);
            Vec::new()
        }
        Outcome::Run(cmds) => {
            model.overlay = Some(overlay);
            cmds
        }
        Outcome::Close => Vec::new(),
        Outcome::Done(cmds) => cmds,
        Outcome::Replace(next, cmds) => {
            model.overlay = Some(*next);
            cmds
        }
    }
}

/// Keys that close a view: Esc/h/← (back), `q`, and the view's own key again.
fn closes(action: Option<crate::app::keys::Action>) -> bool {
    use crate::app::keys::Action;
    matches!(action, Some(Action::Back | Action::Quit))
}
