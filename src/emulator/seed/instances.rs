//! The `instances` key of a seed: enterprise-edition instances with their namespaces,
//! repositories and artifacts (the format is pinned in the product spec). Everything not
//! given is filled in: ids, times, counts and the other instance fields. A broken entry is an
//! error naming it (`instances[0].namespaces[1].repos[0].artifacts[2].digest: …`).

use std::collections::{BTreeMap, HashSet};

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use super::{SeedError, artifact_extras, base_time, err, parse_time};
use crate::emulator::state::{
    self, EeArtifact, EeIds, EeInstance, EeNamespace, EeRepo, EeTag, State, TagIndex, fmt_time,
};
use crate::swr::enterprise::{DEFAULT_SPEC, INSTANCE_STATUSES, Instance};
use crate::swr::validate;

mod credentials;
pub use credentials::SeedCredential;

const DEFAULT_VERSION: &str = "v25.6.0";
const DEFAULT_MEDIA_TYPE: &str = "application/vnd.docker.distribution.manifest.v2+json";

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedInstance {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spec: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access_address: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<String>,
    #[serde(default)]
    pub namespaces: Vec<SeedInstanceNamespace>,
    /// Long-term login credentials (optional; see `instances/credentials.rs`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub credentials: Vec<SeedCredential>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedInstanceNamespace {
    pub name: String,
    #[serde(default)]
    pub public: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<String>,
    #[serde(default)]
    pub repos: Vec<SeedInstanceRepo>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedInstanceRepo {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pull_count: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<String>,
    #[serde(default)]
    pub artifacts: Vec<SeedArtifact>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedArtifact {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub digest: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<i64>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pushed: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media_type: Option<String>,
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Extension: `os/arch[/variant]` of each child; makes the artifact a manifest list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platforms: Option<Vec<String>>,
    /// Extension: findings per severity (`critical`…`none`); makes the artifact scanned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vulnerabilities: Option<BTreeMap<String, u64>>,
}

/// A UUID-shaped id derived from the name, so seeded instances keep their ids between runs.
fn derived_id(name: &str) -> String {
    let h = state::sha256_hex(&format!("instance:{name}"));
    format!(
        "{}-{}-4{}-8{}-{}",
        &h[..8],
        &h[8..12],
        &h[13..16],
        &h[17..20],
        &h[20..32]
    )
}

fn valid_digest(d: &str) -> bool {
    d.strip_prefix("sha256:").is_some_and(|h| {
        h.len() == 64
            && h.bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    })
}

/// Adds every seeded instance to the account.
pub(super) fn load(st: &mut State, seeds: &[SeedInstance]) -> Result<(), SeedError> {
    for (i, seed) in seeds.iter().enumerate() {
        let at = format!("instances[{i}]");
        let inst = instance(st, seed, &at)?;
        if let Some(dup) = st
            .instances
            .iter()
            .find(|o| o.info.name == inst.info.name || o.info.id == inst.info.id)
        {
            return Err(err(
                &at,
                format!("duplicate instance (name or id of {:?})", dup.info.name),
            ));
        }
        st.instances.push(inst);
    }
    Ok(())
}

fn instance(st: &State, seed: &SeedInstance, at: &str) -> Result<EeInstance, SeedError> {
    if seed.name.trim().is_empty() {
        return Err(err(&format!("{at}.name"), "must not be empty"));
    }
    let id = match &seed.id {
        Some(id) if id.trim().is_empty() => {
            return Err(err(&format!("{at}.id"), "must not be empty"));
        }
        Some(id) => id.clone(),
        None => derived_id(&seed.name),
    };
    let status = seed.status.clone().unwrap_or_else(|| "Running".into());
    if !INSTANCE_STATUSES.contains(&status.as_str()) {
        return Err(err(
            &format!("{at}.status"),
            format!("{status:?} is not one of {}", INSTANCE_STATUSES.join(", ")),
        ));
    }
    let created = parse_time(
        &format!("{at}.created"),
        seed.created.as_deref(),
        base_time(),
    )?;
    let access_address = seed
        .access_address
        .clone()
        .filter(|a| !a.trim().is_empty())
        .unwrap_or_else(|| format!("{}.swr.{}.myhuaweicloud.com", seed.name, st.region));
    let short = &id.replace('-', "")[..8.min(id.replace('-', "").len())];
    let info = Instance {
        id: id.clone(),
        name: seed.name.clone(),
        description: seed.description.clone().unwrap_or_default(),
        vpc_id: format!("vpc-{short}"),
        subnet_id: format!("subnet-{short}"),
        spec: seed.spec.clone().unwrap_or_else(|| DEFAULT_SPEC.into()),
        version: seed
            .version
            .clone()
            .unwrap_or_else(|| DEFAULT_VERSION.into()),
        charge_mode: "postPaid".into(),
        access_address,
        created_at: fmt_time(created),
        updated_at: fmt_time(created),
        expires_at: String::new(),
        status,
        obs_bucket_name: format!("swr-ee-{short}"),
        project_id: st.project_id.clone(),
        enterprise_project_id: "0".into(),
        user_def_obs: false,
        product_id: String::new(),
        order_id: String::new(),
        vpc_name: "vpc-default".into(),
        vpc_cidr: "192.168.0.0/16".into(),
        subnet_name: "subnet-default".into(),
        subnet_cidr: "192.168.0.0/24".into(),
        vpcep_service_id: String::new(),
    };
    let credentials = credentials::credentials(&seed.credentials, &id, &st.caller.id, created, at)?;
    let mut inst = EeInstance {
        info,
        created,
        namespaces: BTreeMap::new(),
        last_ids: EeIds::default(),
        retention: Default::default(),
        credentials,
    };
    for (i, ns) in seed.namespaces.iter().enumerate() {
        namespace(&mut inst, ns, &format!("{at}.namespaces[{i}]"))?;
    }
    Ok(inst)
}

fn namespace(
    inst: &mut EeInstance,
    seed: &SeedInstanceNamespace,
    at: &str,
) -> Result<(), SeedError> {
    validate::instance_namespace_name(&seed.name).map_err(|why| err(&format!("{at}.name"), why))?;
    if inst.namespaces.contains_key(&seed.name) {
        return Err(err(
            &format!("{at}.name"),
            format!("duplicate namespace {}", seed.name),
        ));
    }
    let created = parse_time(
        &format!("{at}.created"),
        seed.created.as_deref(),
        inst.created,
    )?;
    let mut ns = EeNamespace {
        id: EeIds::next(&mut inst.last_ids.namespace),
        name: seed.name.clone(),
        public: seed.public,
        created,
        updated: created,
        repos: BTreeMap::new(),
    };
    for (i, repo) in seed.repos.iter().enumerate() {
        let at = format!("{at}.repos[{i}]");
        validate::repository_name(&repo.name).map_err(|why| err(&format!("{at}.name"), why))?;
        if ns.repos.contains_key(&repo.name) {
            return Err(err(
                &format!("{at}.name"),
                format!("duplicate repository {}", repo.name),
            ));
        }
        let built = repository(&mut inst.last_ids, &seed.name, repo, &at, created)?;
        ns.updated = ns.updated.max(built.updated);
        ns.repos.insert(repo.name.clone(), built);
    }
    inst.namespaces.insert(seed.name.clone(), ns);
    Ok(())
}

fn repository(
    ids: &mut EeIds,
    namespace: &str,
    seed: &SeedInstanceRepo,
    at: &str,
    ns_created: DateTime<Utc>,
) -> Result<EeRepo, SeedError> {
    let created = parse_time(
        &format!("{at}.created"),
        seed.created.as_deref(),
        ns_created + Duration::days(1),
    )?;
    let mut digests = HashSet::with_capacity(seed.artifacts.len());
    let mut tag_names = HashSet::new();
    let mut artifacts = Vec::with_capacity(seed.artifacts.len());
    for (i, a) in seed.artifacts.iter().enumerate() {
        let at = format!("{at}.artifacts[{i}]");
        let digest = match &a.digest {
            Some(d) if valid_digest(d) => d.clone(),
            Some(d) => {
                return Err(err(
                    &format!("{at}.digest"),
                    format!("{d:?} is not sha256:<64 lower-case hex>"),
                ));
            }
            None => state::default_digest(namespace, &seed.name, &format!("artifact-{i}")),
        };
        if !digests.insert(digest.clone()) {
            return Err(err(
                &format!("{at}.digest"),
                format!("duplicate digest {digest}"),
            ));
        }
        let size = a.size.unwrap_or_else(|| state::default_size(&digest));
        if size < 0 {
            return Err(err(&format!("{at}.size"), "must not be negative"));
        }
        let pushed = parse_time(
            &format!("{at}.pushed"),
            a.pushed.as_deref(),
            created + Duration::hours(i as i64 + 1),
        )?;
        let extras =
            artifact_extras::extras(a.platforms.as_deref(), a.vulnerabilities.as_ref(), &at)?;
        let media_type =
            artifact_extras::media_type(a.media_type.as_deref(), &extras, DEFAULT_MEDIA_TYPE, &at)?;
        let mut tags = Vec::with_capacity(a.tags.len());
        for (t, name) in a.tags.iter().enumerate() {
            let at = format!("{at}.tags[{t}]");
            validate::tag_name(name).map_err(|why| err(&at, why))?;
            if !tag_names.insert(name.as_str()) {
                return Err(err(&at, format!("duplicate tag {name} in the repository")));
            }
            tags.push(EeTag {
                id: EeIds::next(&mut ids.tag),
                name: name.clone(),
                pushed,
            });
        }
        artifacts.push(EeArtifact {
            id: EeIds::next(&mut ids.artifact),
            digest,
            size,
            media_type,
            kind: a.kind.clone().unwrap_or_else(|| "IMAGE".into()),
            pushed,
            tags,
            extras,
        });
    }
    let updated = artifacts
        .iter()
        .map(|a| a.pushed)
        .max()
        .unwrap_or(created)
        .max(created);
    Ok(EeRepo {
        id: EeIds::next(&mut ids.repository),
        name: seed.name.clone(),
        description: seed.description.clone().unwrap_or_default(),
        pull_count: seed.pull_count.unwrap_or(0),
        created,
        updated,
        artifacts,
        tag_index: TagIndex::default(),
    })
}

#[cfg(test)]
mod tests {
    use crate::emulator::Seed;

    fn seed(instances: &str) -> Result<crate::emulator::state::State, String> {
        Seed::from_json(&format!(r#"{{"instances":{instances}}}"#))
            .map_err(|e| e.to_string())?
            .build_state("cn-north-4", "p")
            .map_err(|e| e.to_string())
    }

    const DIGEST: &str = "sha256:0000000000000000000000000000000000000000000000000000000000000001";

    #[test]
    fn the_whole_format_loads_and_fills_in_the_rest() {
        let st = seed(&format!(
            r#"[{{"id":"0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0","name":"ee-conf","spec":"swr.ee.professional",
                "status":"Running","description":"","version":"v25.6.0","access_address":"ee-conf.swr.example",
                "created":"2026-01-01T00:00:00Z","namespaces":[{{"name":"conf","public":true,"created":"2026-01-01T00:00:00Z",
                "repos":[{{"name":"team/svc","description":"seeded","pull_count":3,"created":"2026-01-01T00:00:00Z",
                "artifacts":[{{"digest":"{DIGEST}","size":123,"tags":["v1","v1.0"],"pushed":"2026-01-02T00:00:00Z",
                "media_type":"application/vnd.oci.image.manifest.v1+json","type":"IMAGE"}},{{}}]}}]}},{{"name":"1st"}}]}},
                {{"name":"ee-two"}}]"#
        ))
        .unwrap();
        assert_eq!(st.instances.len(), 2);
        let one = st.instance("ee-conf").unwrap();
        assert_eq!(one.info.project_id, "p");
        assert_eq!(one.info.charge_mode, "postPaid");
        let repo = st
            .show_instance_repository(&one.info.id, "conf", "team/svc")
            .unwrap();
        assert_eq!(
            (repo.tag_count, repo.artifact_count, repo.pull_count),
            (2, 2, 3)
        );
        assert_eq!(repo.updated_at, "2026-01-02T00:00:00Z");
        let two = st.instance("ee-two").unwrap();
        assert!(!two.info.id.is_empty() && !two.info.access_address.is_empty());
        assert_ne!(two.info.id, one.info.id);
    }

    #[test]
    fn broken_instances_name_the_problem() {
        let cases = [
            (r#"[{"id":"x"}]"#.to_string(), "name"),
            (r#"[{"name":"a"},{"name":"a"}]"#.into(), "instances[1]: duplicate"),
            (r#"[{"name":"a","id":"i"},{"name":"b","id":"i"}]"#.into(), "instances[1]: duplicate"),
            (r#"[{"name":"a","status":"Sleeping"}]"#.into(), "instances[0].status"),
            (r#"[{"name":"a","namespaces":[{"name":"Bad"}]}]"#.into(), "namespaces[0].name"),
            (r#"[{"name":"a","namespaces":[{"name":"a--b"}]}]"#.into(), "namespaces[0].name"),
            (format!(r#"[{{"name":"a","namespaces":[{{"name":"{}"}}]}}]"#, "a".repeat(65)), "namespaces[0].name"),
            (r#"[{"name":"a","namespaces":[{"name":"n"},{"name":"n"}]}]"#.into(), "namespaces[1].name"),
            (r#"[{"name":"a","namespaces":[{"name":"n","repos":[{"name":"r"},{"name":"r"}]}]}]"#.into(), "repos[1].name"),
            (format!(r#"[{{"name":"a","namespaces":[{{"name":"n","repos":[{{"name":"r","artifacts":[{{"digest":"{DIGEST}"}},{{"digest":"{DIGEST}"}}]}}]}}]}}]"#), "artifacts[1].digest"),
            (r#"[{"name":"a","namespaces":[{"name":"n","repos":[{"name":"r","artifacts":[{"digest":"sha256:12"}]}]}]}]"#.into(), "artifacts[0].digest"),
            (r#"[{"name":"a","namespaces":[{"name":"n","repos":[{"name":"r","artifacts":[{"tags":["v1"]},{"tags":["v1"]}]}]}]}]"#.into(), "artifacts[1].tags[0]"),
            (r#"[{"name":"a","namespaces":[{"name":"n","repos":[{"name":"r","artifacts":[{"pushed":"soon"}]}]}]}]"#.into(), "invalid time"),
            (r#"[{"name":"a","namespaces":[{"name":"n","repos":[{"name":"r","artifacts":[{"extra":1}]}]}]}]"#.into(), "unknown field"),
            (r#"[{"name":"a","colour":"red"}]"#.into(), "unknown field"),
        ];
        for (json, needle) in cases {
            let e = seed(&json).unwrap_err();
            assert!(e.contains(needle), "{json}: {e}");
        }
    }
}

#[cfg(test)]
mod demo_tests {
    #[test]
    fn the_demo_holds_an_enterprise_instance() {
        let st = crate::emulator::Seed::demo()
            .build_state("cn-north-4", "p")
            .unwrap();
        let inst = st.instance("ee-demo").unwrap();
        assert!(inst.namespaces.len() >= 2);
        assert!(inst.namespaces.values().any(|n| n.public));
        let api = &inst.namespaces["apps"].repos["team/api"];
        assert!(api.artifacts.iter().all(|a| a.tags.len() >= 2));
        let all = || inst.namespaces.values().flat_map(|n| n.repos.values());
        let artifacts = || all().flat_map(|r| r.artifacts.iter());
        assert!(artifacts().any(|a| a.extras.platforms.len() == 2));
        let found =
            artifacts()
                .filter_map(|a| a.extras.vulnerabilities)
                .fold([0; 5], |mut sum, counts| {
                    sum.iter_mut().zip(counts.0).for_each(|(s, n)| *s += n);
                    sum
                });
        assert!(found.iter().all(|&n| n > 0), "every severity somewhere");
        assert!(artifacts().any(|a| a.extras.vulnerabilities.is_none()));
        assert_eq!(
            st.orgs.len(),
            4,
            "the shared edition's demo data stays as it was"
        );
    }
}
