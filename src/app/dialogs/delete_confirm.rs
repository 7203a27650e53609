//! "Delete N tags?": the confirmation of a tag delete. It names exactly what goes (scrolling
//! through any number of names) and warns where a tag's image stays reachable under a tag
//! that is not deleted; confirmed, it becomes the job's progress.

use ratatui::layout::Rect;

use super::confirm::Subject;
use super::{Outcome, Overlay};
use crate::app::delete::launch;
use crate::app::layout::confirm_list_rows;
use crate::app::model::Model;
use crate::app::msg::DeletePlace;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeleteTags {
    /// Tags or artifacts, and of which registry.
    pub place: DeletePlace,
    pub org: String,
    pub repo: String,
    /// Exact names (of artifacts: digests), in the order the list shows them.
    pub tags: Vec<String>,
    /// What the dialog lists instead of the names, when they need saying more (an artifact:
    /// its digest and every tag it carries); empty otherwise.
    pub labels: Vec<String>,
    /// Lines warning that a tag's image is also reachable under a tag not being deleted.
    pub shared: Vec<String>,
}

impl DeleteTags {
    /// The question the dialog asks: "Delete tag NAME?" or "Delete N tags?".
    pub fn question(&self) -> String {
        let (one, many) = self.place.noun();
        match self.tags.as_slice() {
            [single] if self.labels.is_empty() => format!("Delete {one} {single}?"),
            [_] => format!("Delete 1 {one}?"),
            all => format!("Delete {} {many}?", all.len()),
        }
    }

    /// The lines the dialog lists.
    pub fn names(&self) -> &[String] {
        if self.labels.is_empty() {
            &self.tags
        } else {
            &self.labels
        }
    }
}

impl Subject for DeleteTags {
    fn confirmed(&mut self, model: &mut Model) -> Outcome {
        // Moved into the job: the dialog is gone once the job starts.
        let tags = std::mem::take(&mut self.tags);
        let place = self.place.clone();
        let cmds = launch(model, place, self.org.clone(), self.repo.clone(), tags);
        Outcome::Replace(Box::new(Overlay::DeleteProgress), cmds)
    }

    fn cancelled(&self, model: &mut Model) {
        model.inform("Nothing deleted");
    }

    fn list(&self, screen: Rect) -> (usize, usize) {
        let shown = confirm_list_rows(screen, self.names().len(), self.shared.len());
        (shown, self.names().len())
    }
}
