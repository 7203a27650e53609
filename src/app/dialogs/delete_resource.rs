//! Deleting an organization or a repository: a typed confirmation (its name must be typed
//! exactly), since nothing brings it back.

use super::confirm::Subject;
use super::{Confirm, Guard, Outcome, Overlay};
use crate::app::format::count;
use crate::app::model::Model;
use crate::app::msg::{Cmd, Fetch, InstanceWrite, Write};
use crate::app::text::sanitize;
use crate::app::writes::send_write;

/// What a typed confirmation deletes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Doomed {
    Org(String),
    Repo {
        org: String,
        repo: String,
        tags: i64,
    },
    /// An enterprise namespace (the service refuses while it holds repositories).
    Namespace {
        instance: String,
        name: String,
        repos: u64,
    },
    /// An enterprise repository, with every artifact and tag it holds.
    InstanceRepo {
        instance: String,
        namespace: String,
        repo: String,
        tags: u64,
    },
    /// A long-term credential of an instance (by id; its name is typed).
    Credential {
        instance: String,
        id: String,
        name: String,
    },
}

impl Doomed {
    /// The name the user must type.
    pub fn name(&self) -> &str {
        match self {
            Self::Org(name) | Self::Namespace { name, .. } | Self::Credential { name, .. } => name,
            Self::Repo { repo, .. } | Self::InstanceRepo { repo, .. } => repo,
        }
    }

    /// The dialog's title, and what goes with the deleted thing.
    pub fn describe(&self) -> (String, String) {
        let goes = |tags: u64| {
            format!(
                "Its {} {} with it. This cannot be undone.",
                count(tags, "tag", "tags"),
                if tags == 1 { "goes" } else { "go" }
            )
        };
        match self {
            Self::Org(name) => (
                format!("Delete organization {}?", sanitize(name)),
                "An organization must be empty to be deleted.".to_string(),
            ),
            Self::Repo { org, repo, tags } => (
                format!("Delete repository {}/{}?", sanitize(org), sanitize(repo)),
                goes(u64::try_from(*tags).unwrap_or(0)),
            ),
            Self::Namespace { name, repos, .. } => (
                format!("Delete namespace {}?", sanitize(name)),
                match repos {
                    0 => "The namespace is empty. This cannot be undone.".to_string(),
                    n => format!(
                        "It still holds {}: SWR refuses to delete a namespace that is not empty.",
                        count(*n, "repository", "repositories")
                    ),
                },
            ),
            Self::Credential { name, .. } => (
                format!("Delete long-term credential {}?", sanitize(name)),
                "Whoever logs in with it is locked out. This cannot be undone.".to_string(),
            ),
            Self::InstanceRepo {
                namespace,
                repo,
                tags,
                ..
            } => (
                format!(
                    "Delete repository {}/{}?",
                    sanitize(namespace),
                    sanitize(repo)
                ),
                format!(
                    "Every artifact and {}",
                    goes(*tags).trim_start_matches("Its ")
                ),
            ),
        }
    }
}

impl Subject for Doomed {
    fn confirmed(&mut self, model: &mut Model) -> Outcome {
        let (write, done, refresh) = match self {
            Doomed::Org(name) => (
                Write::DeleteOrg { name: name.clone() },
                format!("Deleted organization {name}"),
                Fetch::Orgs,
            ),
            Doomed::Repo { org, repo, .. } => (
                Write::DeleteRepo {
                    org: org.clone(),
                    repo: repo.clone(),
                },
                format!("Deleted repository {org}/{repo}"),
                Fetch::Repos { org: org.clone() },
            ),
            Doomed::Namespace { instance, name, .. } => (
                Write::Instance {
                    instance: instance.clone(),
                    change: InstanceWrite::DeleteNamespace { name: name.clone() },
                },
                format!("Deleted namespace {name}"),
                Fetch::Namespaces {
                    instance: instance.clone(),
                },
            ),
            Doomed::InstanceRepo {
                instance,
                namespace,
                repo,
                ..
            } => (
                Write::Instance {
                    instance: instance.clone(),
                    change: InstanceWrite::DeleteRepo {
                        namespace: namespace.clone(),
                        repo: repo.clone(),
                    },
                },
                format!("Deleted repository {namespace}/{repo}"),
                Fetch::InstanceRepos {
                    instance: instance.clone(),
                    namespace: namespace.clone(),
                },
            ),
            Doomed::Credential { instance, id, name } => (
                Write::Instance {
                    instance: instance.clone(),
                    change: InstanceWrite::DeleteCredential { id: id.clone() },
                },
                format!("Deleted long-term credential {name}"),
                Fetch::Credentials {
                    instance: instance.clone(),
                },
            ),
        };
        Outcome::Done(vec![send_write(model, write, done, refresh)])
    }

    fn cancelled(&self, model: &mut Model) {
        model.inform("Nothing deleted");
    }
}

/// Opens the typed confirmation for `doomed`, if there is one.
pub fn ask(model: &mut Model, doomed: Option<Doomed>) -> Vec<Cmd> {
    if let Some(doomed) = doomed {
        let guard = Guard::typed(doomed.name());
        model.overlay = Some(Overlay::Typed(Confirm::new(doomed, guard)));
    }
    Vec::new()
}
