//! "Create retention rule?": SWR applies a rule the moment it is saved, so the confirmation
//! says so, with what the preview found: how many tags go now, how big, the first of them, and
//! what the other reading of "pushed" or a shared image would change. Cancel goes back to the
//! form, its input kept.

use super::confirm::Subject;
use super::retention_form::{Checked, RetentionForm};
use super::{Outcome, Overlay};
use crate::app::format::{count, size};
use crate::app::model::Model;
use crate::app::msg::{Fetch, RetentionWrite, Write};
use crate::app::panes::Panes;
use crate::app::resources::{Highlight, describe_rule};
use crate::app::retention_preview::Preview;
use crate::app::writes::send_write_reloading;

/// Names of doomed tags the confirmation lists before `…`.
pub const NAMES_SHOWN: usize = 6;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaveRetention {
    /// `Create retention rule?`
    pub question: String,
    /// The rule in words.
    pub rule: String,
    /// `It takes effect at once: SWR deletes 3 of 5 tags now (1.2 GiB).`
    pub effect: String,
    /// The other reading, shared images.
    pub notes: Vec<String>,
    /// The first doomed tags as drawn, then `… and N more`.
    pub names: Vec<String>,
    write: Write,
    done: String,
    /// The form, for Cancel to go back to.
    form: Box<RetentionForm>,
}

impl SaveRetention {
    pub fn new(form: &RetentionForm, panes: &Panes, checked: Checked, p: &Preview) -> Self {
        let rule = checked.keep.rule(checked.selectors);
        let (verb, change) = match form.existing {
            Some(id) => (
                "Change",
                RetentionWrite::Update {
                    id,
                    rule: rule.clone(),
                },
            ),
            None => ("Create", RetentionWrite::Create(rule.clone())),
        };
        let doomed = &p.by_updated;
        let effect = format!(
            "It takes effect at once: SWR deletes {} of {} now ({}).",
            doomed.deleted.len(),
            count(p.total, "tag", "tags"),
            size(doomed.bytes)
        );
        let mut notes = Vec::new();
        if p.readings_differ() {
            notes.push(format!(
                "If SWR reads \"pushed\" as the created time: {} instead.",
                p.by_created.deleted.len()
            ));
        }
        let shared = doomed.shared_digest.len();
        if shared > 0 {
            notes.push(format!(
                "{shared} of them share a digest with a kept tag (the image stays)."
            ));
        }
        let rows = panes.tags.rows();
        let mut names: Vec<String> = doomed
            .deleted
            .iter()
            .take(NAMES_SHOWN)
            .filter_map(|&i| rows.get(i).map(|r| r.tag.clone()))
            .collect();
        if doomed.deleted.len() > NAMES_SHOWN {
            names.push(format!("… and {} more", doomed.deleted.len() - NAMES_SHOWN));
        }
        let of = format!("{}/{}", form.org, form.repo);
        Self {
            question: format!("{verb} retention rule?"),
            rule: describe_rule(&rule),
            effect,
            notes,
            names,
            write: Write::Retention {
                org: form.org.clone(),
                repo: form.repo.clone(),
                change,
            },
            done: format!("Saved the retention rule of {of}; SWR applied it"),
            form: Box::new(form.clone()),
        }
    }

    pub fn write(&self) -> &Write {
        &self.write
    }
}

impl Subject for SaveRetention {
    fn confirmed(&mut self, model: &mut Model) -> Outcome {
        model.panes.retention_of.highlight = Highlight::default();
        let (org, repo) = (self.form.org.clone(), self.form.repo.clone());
        let tags = Fetch::Tags {
            org: org.clone(),
            repo: repo.clone(),
        };
        let history = Fetch::Retention { org, repo };
        let done = std::mem::take(&mut self.done);
        let cmd = send_write_reloading(model, self.write.clone(), done, tags, Some(history));
        Outcome::Done(vec![cmd])
    }

    /// Back to the form, as it was.
    fn cancelled(&self, model: &mut Model) {
        model.overlay = Some(Overlay::RetentionForm((*self.form).clone()));
        model.inform("Nothing saved");
    }
}
