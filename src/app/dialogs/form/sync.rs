//! The sync forms: where marked tags go now (target region, organization, override), and a
//! repository's new automatic rule (the same three). The region is a choice among those the
//! service offers; the organization is checked as a name before anything is built from it.

use super::{Form, FormField, FormKind, Input, Outcome};
use crate::app::dialogs::sync_confirm::SyncConfirm;
use crate::app::dialogs::{Confirm, Guard, Overlay};
use crate::app::field::Field;
use crate::app::model::Model;
use crate::app::msg::{Fetch, SyncWrite, Write};
use crate::app::writes::send_write;
use crate::swr::validate;

/// Longer than any region id (`cn-southwest-2`, `ap-southeast-1`).
const REGION_MAX: usize = 64;

/// A region id as SWR spells them: lower-case letters, digits and `-`.
pub fn region_id(region: &str) -> Result<(), String> {
    let ok = !region.is_empty()
        && region.len() <= REGION_MAX
        && region
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if ok {
        Ok(())
    } else {
        Err("not a region id".into())
    }
}

/// "Sync N tags": `tags` as the service sent them, `regions` already checked.
pub fn sync_tags(org: &str, repo: &str, tags: Vec<String>, regions: Vec<String>) -> Form {
    Form::new(
        FormKind::SyncTags {
            org: org.into(),
            repo: repo.into(),
            tags,
        },
        fields(regions),
    )
}

/// A new automatic sync rule of a repository.
pub fn add_rule(org: &str, repo: &str, regions: Vec<String>) -> Form {
    Form::new(
        FormKind::AddSyncRule {
            org: org.into(),
            repo: repo.into(),
        },
        fields(regions),
    )
}

fn fields(regions: Vec<String>) -> Vec<FormField> {
    vec![
        FormField {
            label: "Region",
            input: Input::Choice {
                options: regions,
                index: 0,
            },
        },
        FormField {
            label: "Organization",
            input: Input::Text(Field::single("")),
        },
        FormField {
            label: "Override",
            input: Input::Toggle(false),
        },
    ]
}

/// The form's title.
pub(super) fn title(kind: &FormKind) -> Option<String> {
    match kind {
        FormKind::SyncTags { org, repo, tags } => Some(format!(
            "Sync {} of {org}/{repo}",
            crate::app::format::count(tags.len(), "tag", "tags")
        )),
        FormKind::AddSyncRule { org, repo } => Some(format!("Add a sync rule to {org}/{repo}")),
        _ => None,
    }
}

/// Checks a sync form: a sync of tags asks for confirmation, a rule is sent. `None` when the
/// form is not a sync form.
pub(super) fn submit(form: &mut Form, model: &mut Model) -> Option<Outcome> {
    if !matches!(
        form.kind,
        FormKind::SyncTags { .. } | FormKind::AddSyncRule { .. }
    ) {
        return None;
    }
    let region = form.value("Region");
    if let Err(why) = region_id(&region) {
        return Some(form.invalid("Region", why));
    }
    let namespace = form.value("Organization").trim().to_string();
    if let Err(why) = validate::namespace_name(&namespace) {
        return Some(form.invalid("Organization", why));
    }
    let override_existing = form.value("Override") == "true";
    let outcome = match &mut form.kind {
        FormKind::SyncTags { org, repo, tags } => {
            let subject = SyncConfirm {
                org: org.clone(),
                repo: repo.clone(),
                // The form closes: its list moves to the confirmation.
                tags: std::mem::take(tags),
                region,
                namespace,
                override_existing,
            };
            let confirm = Overlay::SyncConfirm(Confirm::new(subject, Guard::Plain));
            Outcome::Replace(Box::new(confirm), Vec::new())
        }
        FormKind::AddSyncRule { org, repo } => {
            let done = format!("Added a sync rule of {org}/{repo} to {region}/{namespace}");
            let refresh = Fetch::SyncRules {
                org: org.clone(),
                repo: repo.clone(),
            };
            let write = Write::Sync {
                org: org.clone(),
                repo: repo.clone(),
                change: SyncWrite::AddRule {
                    region,
                    namespace,
                    override_existing,
                },
            };
            Outcome::Done(vec![send_write(model, write, done, refresh)])
        }
        _ => return None,
    };
    Some(outcome)
}
