//! `c` in the tag pane: a new tag for the current tag's image (the service calls it retag).
//! Opening the form, and what a refusal does to it; the form is `dialogs::retag`.

use super::model::{Model, Overlay, RetagForm};
use super::msg::{Cmd, ErrorInfo};

pub fn open(model: &mut Model) -> Vec<Cmd> {
    if model.session.context.read_only {
        model.fail("Read-only: creating tags is disabled");
        return Vec::new();
    }
    let Some(source) = model.panes.tags.current().map(|t| t.raw().to_string()) else {
        return Vec::new();
    };
    model.overlay = Some(Overlay::Retag(RetagForm::new(source)));
    Vec::new()
}

/// The service refused a retag: on a conflict (that tag exists) the form comes back, input
/// kept, saying so inline; anything else stays in the status line. Only when no other dialog
/// opened meanwhile.
pub fn refused(model: &mut Model, mut form: RetagForm, error: &ErrorInfo) {
    if !error.is_conflict() || model.overlay.is_some() {
        return;
    }
    form.error = Some(format!(
        "a tag of that name exists: tick overwrite (Tab, Space) to move it here — {error}"
    ));
    model.overlay = Some(Overlay::Retag(form));
}
