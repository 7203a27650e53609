//! Wire models of an enterprise namespace's retention policies and their executions, keys as
//! the SDK's `ImageRetention`, `RetentionRule(ResponseBody)`, `RetentionSelector`,
//! `TriggerConfig`, `CreateRetentionPolicyRequestBody`, `ExecuteRetentionPolicyRequestBody`,
//! `RetentionExecution`, `Task` and `Subtask`.
//!
//! A policy *retains*: per repository in scope, the tags no enabled rule retains are deleted.
//! An execution with `dry_run` computes the same sub-tasks (one per tag, action `DEL`) and
//! deletes nothing, which makes it the only server-side preview SWR has.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::{lenient_count, lenient_text};

/// The four templates a rule may use; each takes one number in `params` under its own name.
pub const TEMPLATES: [&str; 4] = [
    "latestPushedK",
    "latestPulledN",
    "nDaysSinceLastPush",
    "nDaysSinceLastPull",
];
/// The only selector kind the service knows.
pub const DOUBLESTAR: &str = "doublestar";
/// The scope selectors' key for repositories.
pub const REPOSITORY_SCOPE: &str = "repository";
/// What a sub-task does to its tag.
pub const DELETE_ACTION: &str = "DEL";
/// Execution states that will not change any more.
pub const FINISHED_STATES: [&str; 3] = ["Succeed", "Failed", "Stopped"];

/// One selector: a doublestar `pattern` that a tag `matches` or `excludes`, or that a
/// repository `repoMatches`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RetentionSelector {
    #[serde(deserialize_with = "lenient_text")]
    pub kind: String,
    #[serde(deserialize_with = "lenient_text")]
    pub decoration: String,
    #[serde(deserialize_with = "lenient_text")]
    pub pattern: String,
    #[serde(deserialize_with = "lenient_text")]
    pub extras: String,
}

impl RetentionSelector {
    pub fn new(decoration: &str, pattern: &str) -> Self {
        Self {
            kind: DOUBLESTAR.into(),
            decoration: decoration.into(),
            pattern: pattern.into(),
            extras: String::new(),
        }
    }
}

/// A rule as sent and as shown (`id` only in answers).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RetentionRule {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
    pub priority: i64,
    pub disabled: bool,
    #[serde(deserialize_with = "lenient_text")]
    pub action: String,
    #[serde(deserialize_with = "lenient_text")]
    pub template: String,
    /// `{template: number}`, e.g. `{"latestPushedK": 10}`.
    pub params: Map<String, Value>,
    pub tag_selectors: Vec<RetentionSelector>,
    /// `{"repository": [selector]}`.
    pub scope_selectors: std::collections::BTreeMap<String, Vec<RetentionSelector>>,
    #[serde(deserialize_with = "lenient_text")]
    pub repo_scope_mode: String,
}

impl RetentionRule {
    /// A rule that retains `template`'s `count` among the tags matching `tags`, in the
    /// repositories matching `repos`.
    pub fn retain(template: &str, count: u64, tags: &str, repos: &str) -> Self {
        let mut params = Map::new();
        params.insert(template.to_string(), Value::from(count));
        Self {
            id: None,
            priority: 0,
            disabled: false,
            action: "retain".into(),
            template: template.into(),
            params,
            tag_selectors: vec![RetentionSelector::new("matches", tags)],
            scope_selectors: [(
                REPOSITORY_SCOPE.to_string(),
                vec![RetentionSelector::new("repoMatches", repos)],
            )]
            .into(),
            repo_scope_mode: "regular".into(),
        }
    }

    /// The template's number, if `params` holds one (a JSON integer or a number in text).
    pub fn count(&self) -> Option<u64> {
        match self.params.get(&self.template)? {
            Value::Number(n) => n.as_u64(),
            Value::String(s) => s.trim().parse().ok(),
            _ => None,
        }
    }

    /// The repository selectors.
    pub fn repositories(&self) -> &[RetentionSelector] {
        self.scope_selectors
            .get(REPOSITORY_SCOPE)
            .map(Vec::as_slice)
            .unwrap_or_default()
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TriggerSetting {
    /// Six fields, UTC (`0 0 0 * * *`); empty for a manual trigger.
    #[serde(deserialize_with = "lenient_text")]
    pub cron: String,
}

/// `manual`, or `scheduled` (cron, and by hand too).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TriggerConfig {
    #[serde(rename = "type", deserialize_with = "lenient_text")]
    pub kind: String,
    pub trigger_settings: TriggerSetting,
}

impl TriggerConfig {
    pub fn manual() -> Self {
        Self {
            kind: "manual".into(),
            trigger_settings: TriggerSetting::default(),
        }
    }
}

/// Create and update body (`CreateRetentionPolicyRequestBody`, `UpdateRetentionPolicyRequestBody`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RetentionPolicyBody {
    pub algorithm: String,
    pub enabled: bool,
    pub rules: Vec<RetentionRule>,
    pub trigger: TriggerConfig,
    pub name: String,
}

/// A policy as shown and listed (`ImageRetention`, `ShowInstanceRetentionPolicyResponse`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RetentionPolicy {
    pub id: i64,
    #[serde(deserialize_with = "lenient_text")]
    pub algorithm: String,
    pub rules: Vec<RetentionRule>,
    pub trigger: TriggerConfig,
    pub enabled: bool,
    #[serde(deserialize_with = "lenient_text")]
    pub name: String,
    pub namespace_id: i64,
    #[serde(deserialize_with = "lenient_text")]
    pub namespace_name: String,
}

/// `ListInstanceRetentionPoliciesResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RetentionPolicyList {
    #[serde(deserialize_with = "lenient_count")]
    pub total: u64,
    pub retentions: Vec<RetentionPolicy>,
}

/// `ExecuteRetentionPolicyRequestBody`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExecuteRetention {
    pub dry_run: bool,
}

/// `RetentionExecution`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RetentionExecution {
    pub id: i64,
    pub policy_id: i64,
    pub dry_run: bool,
    /// `InProgress`, `Succeed`, `Failed` or `Stopped`.
    #[serde(deserialize_with = "lenient_text")]
    pub status: String,
    #[serde(deserialize_with = "lenient_text")]
    pub trigger: String,
    #[serde(deserialize_with = "lenient_text")]
    pub start_time: String,
    #[serde(deserialize_with = "lenient_text")]
    pub end_time: String,
}

impl RetentionExecution {
    pub fn is_finished(&self) -> bool {
        FINISHED_STATES.contains(&self.status.as_str())
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RetentionExecutionList {
    #[serde(deserialize_with = "lenient_count")]
    pub total: u64,
    pub executions: Vec<RetentionExecution>,
}

/// One repository of an execution (the SDK's `Task`): how many tags it had, how many stay.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RetentionTask {
    pub id: i64,
    pub execution_id: i64,
    #[serde(deserialize_with = "lenient_text")]
    pub repository: String,
    #[serde(deserialize_with = "lenient_text")]
    pub job_id: String,
    #[serde(deserialize_with = "lenient_text")]
    pub status: String,
    pub status_code: i64,
    pub status_revision: i64,
    #[serde(deserialize_with = "lenient_text")]
    pub start_time: String,
    #[serde(deserialize_with = "lenient_text")]
    pub end_time: String,
    #[serde(deserialize_with = "lenient_count")]
    pub total: u64,
    #[serde(deserialize_with = "lenient_count")]
    pub retained: u64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RetentionTaskList {
    pub tasks: Vec<RetentionTask>,
    #[serde(deserialize_with = "lenient_count")]
    pub total: u64,
}

/// One tag an execution deletes (or, dry, would delete): the SDK's `Subtask`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RetentionSubTask {
    pub id: i64,
    pub job_id: i64,
    #[serde(deserialize_with = "lenient_text")]
    pub namespace: String,
    #[serde(deserialize_with = "lenient_text")]
    pub repository: String,
    #[serde(deserialize_with = "lenient_text")]
    pub tag: String,
    #[serde(deserialize_with = "lenient_text")]
    pub digest: String,
    #[serde(deserialize_with = "lenient_text")]
    pub action: String,
    #[serde(deserialize_with = "lenient_text")]
    pub status: String,
    #[serde(deserialize_with = "lenient_text")]
    pub status_text: String,
    #[serde(deserialize_with = "lenient_text")]
    pub op_time: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RetentionSubTaskList {
    pub sub_tasks: Vec<RetentionSubTask>,
    #[serde(deserialize_with = "lenient_count")]
    pub total: u64,
}

/// A doublestar pattern as the service reads it: `*` is any run without `/`, `**` any run,
/// `?` one character but `/`, `{a,b}` either; everything else is itself. Matching is a
/// linear-time regex (no backtracking blow-up on hostile patterns).
pub fn doublestar(pattern: &str) -> Result<regex::Regex, String> {
    let mut re = String::from("^(?:");
    let mut chars = pattern.chars().peekable();
    let mut depth = 0usize;
    while let Some(c) = chars.next() {
        match c {
            '*' if chars.peek() == Some(&'*') => {
                chars.next();
                re.push_str(".*");
            }
            '*' => re.push_str("[^/]*"),
            '?' => re.push_str("[^/]"),
            '{' => {
                depth += 1;
                re.push_str("(?:");
            }
            '}' if depth > 0 => {
                depth -= 1;
                re.push(')');
            }
            ',' if depth > 0 => re.push('|'),
            other => re.push_str(&regex::escape(&other.to_string())),
        }
    }
    if depth > 0 {
        return Err(format!("unclosed {{ in pattern {pattern:?}"));
    }
    re.push_str(")$");
    regex::Regex::new(&re).map_err(|e| format!("invalid pattern {pattern:?}: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doublestar_patterns() {
        let m = |p: &str, s: &str| doublestar(p).unwrap().is_match(s);
        assert!(m("**", "team/app"));
        assert!(m("*", "app") && !m("*", "team/app"));
        assert!(m("team/**", "team/a/b") && !m("team/*", "team/a/b"));
        assert!(m("v1.?", "v1.2") && !m("v1.?", "v1.22") && !m("v1.?", "v1x2"));
        assert!(m("{rel,dev}-*", "dev-3") && !m("{rel,dev}-*", "prod-3"));
        assert!(m("a+b", "a+b") && !m("a+b", "aab"));
        assert!(doublestar("{open").is_err());
    }

    #[test]
    fn rules_read_their_number_however_written() {
        let mut rule = RetentionRule::retain("latestPushedK", 3, "**", "**");
        assert_eq!(rule.count(), Some(3));
        rule.params.insert("latestPushedK".into(), Value::from("7"));
        assert_eq!(rule.count(), Some(7));
        rule.params.insert("latestPushedK".into(), Value::from(-1));
        assert_eq!(rule.count(), None);
        let hostile: RetentionPolicyList =
            serde_json::from_str(r#"{"total":"2","retentions":[{"id":1,"name":5,"rules":[{}]}]}"#)
                .unwrap();
        assert_eq!(
            (hostile.total, hostile.retentions[0].name.as_str()),
            (2, "5")
        );
    }
}
