//! Enterprise-edition instances: their namespaces, repositories and artifacts, and every
//! operation on them the routes serve. Apart from the shared edition's organizations: neither
//! API lists or changes the other's.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use super::artifacts::{ArtifactExtras, TagIndex};
use super::{Res, State, fmt_time};
use crate::emulator::error::ApiErr;
use crate::swr::enterprise::{
    DomainNameInfo, Instance, InstanceNamespace, InstanceRepository, NamespaceMetadata,
};
use crate::swr::validate;

/// An instance: the wire fields it shows, and what it holds.
#[derive(Debug, Clone)]
pub struct EeInstance {
    pub info: Instance,
    pub created: DateTime<Utc>,
    pub namespaces: BTreeMap<String, EeNamespace>,
    /// The last id handed out, per kind (ids are unique per kind within an instance).
    pub last_ids: EeIds,
    /// Long-term login credentials, oldest first (see `credentials.rs`).
    pub credentials: Vec<super::EeCredential>,
    /// Retention policies of its namespaces and their executions (see `instance_retention.rs`).
    pub retention: super::EeRetention,
}

#[derive(Debug, Clone, Default)]
pub struct EeIds {
    pub namespace: i64,
    pub repository: i64,
    pub artifact: i64,
    pub tag: i64,
}

impl EeIds {
    pub fn next(counter: &mut i64) -> i64 {
        *counter += 1;
        *counter
    }
}

#[derive(Debug, Clone)]
pub struct EeNamespace {
    pub id: i64,
    pub name: String,
    pub public: bool,
    pub created: DateTime<Utc>,
    pub updated: DateTime<Utc>,
    pub repos: BTreeMap<String, EeRepo>,
}

#[derive(Debug, Clone)]
pub struct EeRepo {
    pub id: i64,
    pub name: String,
    pub description: String,
    pub pull_count: u64,
    pub created: DateTime<Utc>,
    pub updated: DateTime<Utc>,
    pub artifacts: Vec<EeArtifact>,
    /// Where each tag sits, in list order; reset by every change to `artifacts`.
    pub tag_index: TagIndex,
}

#[derive(Debug, Clone)]
pub struct EeArtifact {
    pub id: i64,
    pub digest: String,
    pub size: i64,
    pub media_type: String,
    pub kind: String,
    pub pushed: DateTime<Utc>,
    pub tags: Vec<EeTag>,
    pub extras: ArtifactExtras,
}

#[derive(Debug, Clone)]
pub struct EeTag {
    pub id: i64,
    pub name: String,
    pub pushed: DateTime<Utc>,
}

/// What the namespace list may be narrowed to.
#[derive(Debug, Clone, Default)]
pub struct NamespaceFilter {
    /// A substring of the name.
    pub name: Option<String>,
    pub public: Option<bool>,
}

fn no_instance(id: &str) -> ApiErr {
    ApiErr::new(
        404,
        "SVCSTG.SWR.4040101",
        format!("instance {id} not found"),
    )
}

fn no_namespace(name: &str) -> ApiErr {
    ApiErr::new(
        404,
        "SVCSTG.SWR.4040102",
        format!("namespace {name} not found"),
    )
}

pub(super) fn no_repository(name: &str) -> ApiErr {
    ApiErr::new(
        404,
        "SVCSTG.SWR.4040103",
        format!("repository {name} not found"),
    )
}

/// Metadata `public` must be the string `"true"` or `"false"` (400 otherwise).
pub fn public_flag(metadata: &NamespaceMetadata) -> Res<bool> {
    match metadata.public.as_str() {
        "true" => Ok(true),
        "false" => Ok(false),
        other => Err(ApiErr::bad_request(
            "SVCSTG.SWR.4000014",
            format!("metadata.public must be \"true\" or \"false\", not {other:?}"),
        )),
    }
}

impl EeRepo {
    pub fn tag_count(&self) -> u64 {
        self.artifacts.iter().map(|a| a.tags.len() as u64).sum()
    }

    fn view(&self, ns: &EeNamespace) -> InstanceRepository {
        InstanceRepository {
            id: self.id,
            // With the namespace prefix, as Harbor (which the edition is built on) names them.
            name: format!("{}/{}", ns.name, self.name),
            namespace_name: ns.name.clone(),
            namespace_id: ns.id,
            tag_count: self.tag_count(),
            pull_count: self.pull_count,
            artifact_count: self.artifacts.len() as u64,
            description: self.description.clone(),
            created_at: fmt_time(self.created),
            updated_at: fmt_time(self.updated),
        }
    }
}

impl EeNamespace {
    fn view(&self) -> InstanceNamespace {
        InstanceNamespace {
            name: self.name.clone(),
            metadata: NamespaceMetadata::with_public(self.public),
            namespace_id: self.id,
            created_at: fmt_time(self.created),
            updated_at: fmt_time(self.updated),
            repo_count: self.repos.len() as u64,
            cve_allowlist: None,
        }
    }
}

impl EeInstance {
    pub(super) fn namespace(&self, name: &str) -> Res<&EeNamespace> {
        self.namespaces.get(name).ok_or_else(|| no_namespace(name))
    }

    pub(super) fn namespace_mut(&mut self, name: &str) -> Res<&mut EeNamespace> {
        self.namespaces
            .get_mut(name)
            .ok_or_else(|| no_namespace(name))
    }
}

/// Sorts repository views by `created_at` or `updated_at` when asked (RFC 3339 UTC text sorts
/// like the time); otherwise they stay by namespace, then name.
pub fn order_repositories(rows: &mut [InstanceRepository], order: Option<(String, bool)>) {
    let Some((column, desc)) = order else { return };
    let key = |r: &InstanceRepository| match column.as_str() {
        "created_at" => r.created_at.clone(),
        _ => r.updated_at.clone(),
    };
    rows.sort_by_cached_key(key);
    if desc {
        rows.reverse();
    }
}

impl State {
    /// An instance by id (the API's key) or by name.
    pub fn instance(&self, id: &str) -> Res<&EeInstance> {
        self.instances
            .iter()
            .find(|i| i.info.id == id || i.info.name == id)
            .ok_or_else(|| no_instance(id))
    }

    pub(super) fn instance_mut(&mut self, id: &str) -> Res<&mut EeInstance> {
        self.instances
            .iter_mut()
            .find(|i| i.info.id == id || i.info.name == id)
            .ok_or_else(|| no_instance(id))
    }

    /// Every instance in a state (or all), in seed order.
    pub fn list_instances(&self, status: Option<&str>) -> Vec<&Instance> {
        self.instances
            .iter()
            .map(|i| &i.info)
            .filter(|i| status.is_none_or(|s| i.status == s))
            .collect()
    }

    /// The instance's registry domains: the default one is its access address.
    pub fn domain_names(&self, id: &str) -> Res<Vec<DomainNameInfo>> {
        let inst = self.instance(id)?;
        let info = &inst.info;
        Ok(vec![DomainNameInfo {
            uid: super::sha256_hex(&format!("domain:{}", info.id))[..32].to_string(),
            domain_id: self.domain_id.clone(),
            project_id: info.project_id.clone(),
            instance_id: info.id.clone(),
            kind: "default".into(),
            domain_name: info.access_address.clone(),
            certificate_id: String::new(),
            created_at: info.created_at.clone(),
            updated_at: info.updated_at.clone(),
        }])
    }

    pub fn list_instance_namespaces(
        &self,
        id: &str,
        filter: &NamespaceFilter,
    ) -> Res<Vec<InstanceNamespace>> {
        Ok(self
            .instance(id)?
            .namespaces
            .values()
            .filter(|n| filter.name.as_deref().is_none_or(|f| n.name.contains(f)))
            .filter(|n| filter.public.is_none_or(|p| n.public == p))
            .map(EeNamespace::view)
            .collect())
    }

    pub fn show_instance_namespace(&self, id: &str, name: &str) -> Res<InstanceNamespace> {
        Ok(self.instance(id)?.namespace(name)?.view())
    }

    /// Creates a namespace: 400 for a bad name, 409 when it exists; answers its id.
    pub fn create_instance_namespace(&mut self, id: &str, name: &str, public: bool) -> Res<i64> {
        validate::instance_namespace_name(name)
            .map_err(|why| ApiErr::bad_request("SVCSTG.SWR.4001028", why))?;
        let inst = self.instance_mut(id)?;
        if inst.namespaces.contains_key(name) {
            return Err(ApiErr::new(
                409,
                "SVCSTG.SWR.4090101",
                format!("namespace {name} already exists"),
            ));
        }
        let ns_id = EeIds::next(&mut inst.last_ids.namespace);
        let now = Utc::now();
        inst.namespaces.insert(
            name.to_string(),
            EeNamespace {
                id: ns_id,
                name: name.to_string(),
                public,
                created: now,
                updated: now,
                repos: BTreeMap::new(),
            },
        );
        self.log(format!("POST instance {id} namespace {name}"));
        Ok(ns_id)
    }

    pub fn update_instance_namespace(&mut self, id: &str, name: &str, public: bool) -> Res<()> {
        let ns = self.instance_mut(id)?.namespace_mut(name)?;
        ns.public = public;
        ns.updated = Utc::now();
        self.log(format!(
            "PUT instance {id} namespace {name} public={public}"
        ));
        Ok(())
    }

    /// Refused (412) while the namespace holds repositories.
    pub fn delete_instance_namespace(&mut self, id: &str, name: &str) -> Res<()> {
        let inst = self.instance_mut(id)?;
        let count = inst.namespace(name)?.repos.len();
        if count > 0 {
            return Err(ApiErr::new(
                412,
                "SVCSTG.SWR.4120101",
                format!("namespace {name} still holds {count} repositories; delete them first"),
            ));
        }
        inst.namespaces.remove(name);
        inst.retention.forget_namespace(name);
        self.log(format!("DELETE instance {id} namespace {name}"));
        Ok(())
    }

    pub fn list_namespace_repositories(
        &self,
        id: &str,
        namespace: &str,
    ) -> Res<Vec<InstanceRepository>> {
        let ns = self.instance(id)?.namespace(namespace)?;
        Ok(ns.repos.values().map(|r| r.view(ns)).collect())
    }

    /// Every repository of the instance, or of the namespace with that id.
    pub fn list_instance_repositories(
        &self,
        id: &str,
        namespace_id: Option<i64>,
    ) -> Res<Vec<InstanceRepository>> {
        Ok(self
            .instance(id)?
            .namespaces
            .values()
            .filter(|ns| namespace_id.is_none_or(|n| ns.id == n))
            .flat_map(|ns| ns.repos.values().map(move |r| r.view(ns)))
            .collect())
    }

    pub fn show_instance_repository(
        &self,
        id: &str,
        namespace: &str,
        repo: &str,
    ) -> Res<InstanceRepository> {
        let ns = self.instance(id)?.namespace(namespace)?;
        let r = ns.repos.get(repo).ok_or_else(|| no_repository(repo))?;
        Ok(r.view(ns))
    }

    pub fn update_instance_repository(
        &mut self,
        id: &str,
        namespace: &str,
        repo: &str,
        description: &str,
    ) -> Res<()> {
        let ns = self.instance_mut(id)?.namespace_mut(namespace)?;
        let r = ns.repos.get_mut(repo).ok_or_else(|| no_repository(repo))?;
        r.description = description.to_string();
        r.updated = Utc::now();
        self.log(format!(
            "PUT instance {id} repository {namespace}/{repo} description"
        ));
        Ok(())
    }

    /// Deletes a repository with its artifacts and tags.
    pub fn delete_instance_repository(&mut self, id: &str, namespace: &str, repo: &str) -> Res<()> {
        let ns = self.instance_mut(id)?.namespace_mut(namespace)?;
        ns.repos.remove(repo).ok_or_else(|| no_repository(repo))?;
        self.log(format!(
            "DELETE instance {id} repository {namespace}/{repo}"
        ));
        Ok(())
    }
}
