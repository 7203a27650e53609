//! Repositories other accounts share with the caller (`shared_by=thirdparty`, `center=thirdparty`):
//! seeded only, since the emulator holds one account.

use serde::{Deserialize, Serialize};

use super::*;

/// One repository another account shares with the caller (seed key `shared_with_me`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SharedWithMe {
    /// The owner's organization.
    pub namespace: String,
    pub name: String,
    /// The owner's account name.
    pub domain_name: String,
    /// `forever` or an RFC 3339 time; the share is valid through that day.
    #[serde(default = "forever")]
    pub deadline: String,
    #[serde(default)]
    pub category: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub tags: Vec<String>,
}

fn forever() -> String {
    "forever".into()
}

impl SharedWithMe {
    fn valid(&self) -> bool {
        self.deadline == "forever"
            || DateTime::parse_from_rfc3339(&self.deadline)
                .map(|d| d.with_timezone(&Utc) + Duration::days(1) > Utc::now())
                .unwrap_or(false)
    }

    fn matches(&self, namespace: Option<&str>, name: Option<&str>) -> bool {
        namespace.is_none_or(|n| n == self.namespace) && name.is_none_or(|n| n == self.name)
    }
}

impl State {
    /// The v2 list of what others share with the caller, one page.
    pub fn shared_with_me_v2(
        &self,
        namespace: Option<&str>,
        name: Option<&str>,
        page: Page,
    ) -> (Vec<model::RepoV2>, usize) {
        let all: Vec<&SharedWithMe> = self
            .shared_with_me
            .iter()
            .filter(|s| s.matches(namespace, name))
            .collect();
        let total = all.len();
        let rows = all
            .into_iter()
            .skip(page.offset)
            .take(page.limit)
            .map(|s| model::RepoV2 {
                name: s.name.clone(),
                category: s.category.clone(),
                description: s.description.clone(),
                num_images: s.tags.len() as i64,
                path: format!("{}/{}/{}", self.registry(), s.namespace, s.name),
                internal_path: format!("{INTERNAL_REGISTRY}/{}/{}", s.namespace, s.name),
                domain_name: s.domain_name.clone(),
                namespace: s.namespace.clone(),
                tags: s.tags.clone(),
                status: s.valid(),
                total_range: total as i64,
                ..model::RepoV2::default()
            })
            .collect();
        (rows, total)
    }

    /// The v3 list of what others share with the caller (all of it: seeds are small).
    pub fn shared_with_me_v3(
        &self,
        namespace: Option<&str>,
        name: Option<&str>,
    ) -> Vec<model::RepoV3> {
        self.shared_with_me
            .iter()
            .filter(|s| s.matches(namespace, name))
            .enumerate()
            .map(|(i, s)| model::RepoV3 {
                id: 90001 + i as i64,
                name: s.name.clone(),
                category: s.category.clone(),
                description: s.description.clone(),
                num_images: s.tags.len() as i64,
                domain_name: s.domain_name.clone(),
                namespace_name: s.namespace.clone(),
                status: Some(s.valid()),
                ..model::RepoV3::default()
            })
            .collect()
    }
}
