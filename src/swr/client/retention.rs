//! Retention rules of a shared-edition repository (`…/repos/{repository}/retentions`): the wire
//! models, the rule's meaning (shared by the emulator and the local preview) and the six calls.
//!
//! SWR applies a rule the moment it is created or changed; there is no dry run, so the product
//! previews locally (see `app::retention_preview`) before it sends anything.

use std::collections::BTreeMap;

use regex::{Regex, RegexBuilder};
use reqwest::Method;
use serde::{Deserialize, Serialize};

use super::paging::content_range_total;
use super::{Call, SwrClient};
use crate::swr::encoding::{encode, repo_path_param};
use crate::swr::error::ApiError;
use crate::swr::validate;

/// `date_rule` keeps `days` 1..=365, `tag_rule` keeps `num` 1..=1000 (SWR user guide).
pub const MAX_DAYS: u32 = 365;
pub const MAX_NUM: u32 = 1000;
/// Histories are read at most this many pages deep (bounded paging).
pub const MAX_HISTORY_PAGES: usize = 50;
/// Page size of one histories call.
pub const HISTORY_PAGE: usize = 100;
/// A regexp exception larger than this once compiled is refused (hostile or absurd pattern).
const REGEX_SIZE_LIMIT: usize = 1 << 20;

/// An exception: tags it matches are kept whatever the rule says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TagSelector {
    /// `label` (a tag name, matched exactly) or `regexp`.
    pub kind: String,
    pub pattern: String,
}

/// One rule as it travels: `params` values are strings (`{"days":"30"}` / `{"num":"10"}`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RetentionRule {
    pub template: String,
    #[serde(default)]
    pub params: BTreeMap<String, String>,
    #[serde(default)]
    pub tag_selectors: Vec<TagSelector>,
}

/// `GET …/retentions/{id}` and each element of the (bare) list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Retention {
    pub id: i64,
    #[serde(default)]
    pub algorithm: String,
    /// Reserved by the service.
    #[serde(default)]
    pub scope: String,
    #[serde(default)]
    pub rules: Vec<RetentionRule>,
}

/// Body of create and update.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RetentionBody {
    pub algorithm: String,
    pub rules: Vec<RetentionRule>,
}

/// Answer of create.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RetentionCreated {
    pub id: i64,
}

/// One tag a rule deleted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RetentionLog {
    #[serde(default)]
    pub created_at: String,
    #[serde(default)]
    pub id: i64,
    #[serde(default)]
    pub namespace: String,
    #[serde(default)]
    pub repo: String,
    #[serde(default)]
    pub retention_id: i64,
    /// The rule as a JSON *string*.
    #[serde(default)]
    pub rule_type: String,
    #[serde(default)]
    pub tag: String,
}

/// `GET …/retentions/histories`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RetentionHistories {
    #[serde(default)]
    pub retention_log: Vec<RetentionLog>,
    #[serde(default)]
    pub total: i64,
}

/// What a rule keeps, parsed and range-checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keep {
    /// Tags pushed within the last N days.
    Days(u32),
    /// The N most recent tags.
    Newest(u32),
}

impl Keep {
    /// The wire form of this rule with `exceptions`.
    pub fn rule(self, tag_selectors: Vec<TagSelector>) -> RetentionRule {
        let (template, key, n) = match self {
            Keep::Days(n) => ("date_rule", "days", n),
            Keep::Newest(n) => ("tag_rule", "num", n),
        };
        RetentionRule {
            template: template.into(),
            params: BTreeMap::from([(key.to_string(), n.to_string())]),
            tag_selectors,
        }
    }
}

impl RetentionRule {
    /// The rule's meaning; an unknown template or an out-of-range number is the error.
    pub fn keep(&self) -> Result<Keep, String> {
        let number = |key: &str, max: u32| -> Result<u32, String> {
            let raw = self
                .params
                .get(key)
                .ok_or_else(|| format!("params.{key} is required"))?;
            match raw.trim().parse::<u32>() {
                Ok(n) if (1..=max).contains(&n) => Ok(n),
                _ => Err(format!("params.{key} must be 1 to {max}")),
            }
        };
        match self.template.as_str() {
            "date_rule" => number("days", MAX_DAYS).map(Keep::Days),
            "tag_rule" => number("num", MAX_NUM).map(Keep::Newest),
            _ => Err("template must be date_rule or tag_rule".into()),
        }
    }

    /// The rule as the histories' `rule_type` JSON string.
    pub fn to_json_string(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// Compiled exceptions. `label` matches a tag name exactly; `regexp` is an unanchored search
/// (`is_match`), so a pattern keeps every tag it occurs in — the safer reading for a rule that
/// deletes; anchor it (`^…$`) to be strict.
#[derive(Debug, Clone, Default)]
pub struct Exceptions {
    labels: std::collections::HashSet<String>,
    patterns: Vec<Regex>,
}

impl Exceptions {
    pub fn compile(selectors: &[TagSelector]) -> Result<Self, String> {
        let mut out = Self::default();
        for s in selectors {
            match s.kind.as_str() {
                "label" => {
                    out.labels.insert(s.pattern.clone());
                }
                "regexp" => {
                    let re = RegexBuilder::new(&s.pattern)
                        .size_limit(REGEX_SIZE_LIMIT)
                        .build()
                        .map_err(|_| format!("invalid regular expression: {}", s.pattern))?;
                    out.patterns.push(re);
                }
                _ => return Err("tag_selectors kind must be label or regexp".into()),
            }
        }
        Ok(out)
    }

    pub fn keeps(&self, tag: &str) -> bool {
        self.labels.contains(tag) || self.patterns.iter().any(|p| p.is_match(tag))
    }

    pub fn is_empty(&self) -> bool {
        self.labels.is_empty() && self.patterns.is_empty()
    }
}

/// A whole rule checked: what it keeps and its compiled exceptions.
pub fn check_rule(rule: &RetentionRule) -> Result<(Keep, Exceptions), String> {
    Ok((rule.keep()?, Exceptions::compile(&rule.tag_selectors)?))
}

fn retentions_path(namespace: &str, repo: &str) -> Result<String, ApiError> {
    validate::namespace_name(namespace).map_err(ApiError::Invalid)?;
    validate::repository_name(repo).map_err(ApiError::Invalid)?;
    Ok(format!(
        "/v2/manage/namespaces/{}/repos/{}/retentions",
        encode(namespace),
        encode(&repo_path_param(repo))
    ))
}

fn body_of(rule: &RetentionRule) -> Result<RetentionBody, ApiError> {
    check_rule(rule).map_err(ApiError::Invalid)?;
    Ok(RetentionBody {
        algorithm: "or".into(),
        rules: vec![rule.clone()],
    })
}

impl SwrClient {
    /// The repository's rules (a bare array; at most one in practice).
    pub async fn list_retentions(
        &self,
        namespace: &str,
        repo: &str,
    ) -> Result<Vec<Retention>, ApiError> {
        let path = retentions_path(namespace, repo)?;
        self.send(&Call::new(Method::GET, path)).await?.json()
    }

    pub async fn show_retention(
        &self,
        namespace: &str,
        repo: &str,
        id: i64,
    ) -> Result<Retention, ApiError> {
        let path = format!("{}/{id}", retentions_path(namespace, repo)?);
        self.send(&Call::new(Method::GET, path)).await?.json()
    }

    /// Creates the rule; SWR applies it at once (tags are deleted by this call).
    pub async fn create_retention(
        &self,
        namespace: &str,
        repo: &str,
        rule: &RetentionRule,
    ) -> Result<i64, ApiError> {
        let call =
            Call::new(Method::POST, retentions_path(namespace, repo)?).json(&body_of(rule)?)?;
        Ok(self.send(&call).await?.json::<RetentionCreated>()?.id)
    }

    /// Replaces the rule; applied at once, like create.
    pub async fn update_retention(
        &self,
        namespace: &str,
        repo: &str,
        id: i64,
        rule: &RetentionRule,
    ) -> Result<(), ApiError> {
        let path = format!("{}/{id}", retentions_path(namespace, repo)?);
        let call = Call::new(Method::PATCH, path).json(&body_of(rule)?)?;
        self.send(&call).await.map(drop)
    }

    pub async fn delete_retention(
        &self,
        namespace: &str,
        repo: &str,
        id: i64,
    ) -> Result<(), ApiError> {
        let path = format!("{}/{id}", retentions_path(namespace, repo)?);
        self.send(&Call::new(Method::DELETE, path)).await.map(drop)
    }

    /// One page of what rules deleted; the total comes from `Content-Range` or the body.
    pub async fn list_retention_histories(
        &self,
        namespace: &str,
        repo: &str,
        offset: usize,
        limit: usize,
    ) -> Result<RetentionHistories, ApiError> {
        let path = format!("{}/histories", retentions_path(namespace, repo)?);
        let call = Call::new(Method::GET, path)
            .query("filter", format!("limit::{limit}|offset::{offset}"));
        let reply = self.send(&call).await?;
        let mut page: RetentionHistories = reply.json()?;
        if let Some(total) = reply.header("content-range").and_then(content_range_total) {
            page.total = i64::try_from(total).unwrap_or(i64::MAX);
        }
        Ok(page)
    }

    /// Every history entry, at most [`MAX_HISTORY_PAGES`] pages of [`HISTORY_PAGE`].
    pub async fn list_all_retention_histories(
        &self,
        namespace: &str,
        repo: &str,
    ) -> Result<Vec<RetentionLog>, ApiError> {
        let mut all = Vec::new();
        for _ in 0..MAX_HISTORY_PAGES {
            let page = self
                .list_retention_histories(namespace, repo, all.len(), HISTORY_PAGE)
                .await?;
            let got = page.retention_log.len();
            all.extend(page.retention_log);
            if got < HISTORY_PAGE || all.len() as i64 >= page.total {
                break;
            }
        }
        Ok(all)
    }
}
