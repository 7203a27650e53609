//! "Delete N tags?": the confirmation of a tag delete. It names exactly what goes (scrolling
//! through any number of names) and warns where a tag's image stays reachable under a tag
//! that is not deleted; confirmed, it becomes the job's progress.

use ratatui::layout::Rect;

use super::confirm::Subject;
use super::{Outcome, Overlay};
use crate::app::delete::launch;
use crate::app::layout::confirm_list_rows;
use crate::app::model::Model;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeleteTags {
    pub org: String,
    pub repo: String,
    /// Exact names, in the order the list shows them.
    pub tags: Vec<String>,
    /// Lines warning that a tag's image is also reachable under a tag not being deleted.
    pub shared: Vec<String>,
}

impl DeleteTags {
    /// The question the dialog asks: "Delete tag NAME?" or "Delete N tags?".
    pub fn question(&self) -> String {
        match self.tags.as_slice() {
            [one] => format!("Delete tag {one}?"),
            // Never one: one tag is named.
            many => format!("Delete {} tags?", many.len()),
        }
    }
}

impl Subject for DeleteTags {
    fn confirmed(&mut self, model: &mut Model) -> Outcome {
        // Moved into the job: the dialog is gone once the job starts.
        let tags = std::mem::take(&mut self.tags);
        let cmds = launch(model, self.org.clone(), self.repo.clone(), tags);
        Outcome::Replace(Box::new(Overlay::DeleteProgress), cmds)
    }

    fn cancelled(&self, model: &mut Model) {
        model.inform("Nothing deleted");
    }

    fn list(&self, screen: Rect) -> (usize, usize) {
        let shown = confirm_list_rows(screen, self.tags.len(), self.shared.len());
        (shown, self.tags.len())
    }
}
