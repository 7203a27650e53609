//! What a retention policy deletes, as Harbor (which the edition is built on) decides it: a
//! policy *retains*. For each repository that an enabled rule's scope selector matches, every
//! such rule retains some of the tags its tag selectors pick (`latestPushedK`: the K newest
//! pushes; `nDaysSinceLastPush`: those pushed in the last N days); the tags no rule retains are
//! deleted, including those no tag selector picked.
//!
//! The emulator keeps no pull times: it reads a tag's last pull as its push (every tag was
//! pulled at least when it was pushed), so the pull templates behave like the push ones.
//! One sort per rule and repository: O(T log T) for T tags.

use chrono::{DateTime, Duration, Utc};
use regex::Regex;

use super::super::{EeRepo, Res};
use crate::emulator::error::ApiErr;
use crate::swr::enterprise::retention::{
    DOUBLESTAR, RetentionPolicyBody, RetentionRule, RetentionSelector, TEMPLATES, doublestar,
};

/// The longest selector pattern the service takes.
const MAX_PATTERN: usize = 512;
/// The most rules one policy holds (Harbor's limit).
const MAX_RULES: usize = 15;
/// The longest policy name.
const MAX_NAME: usize = 64;

/// A rule ready to apply.
pub struct Rule {
    /// Keep the newest `count` (else: those of the last `count` days).
    latest: bool,
    count: u64,
    matches: Vec<Regex>,
    excludes: Vec<Regex>,
    repos: Vec<Regex>,
}

/// What a policy does to one repository.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RepoPlan {
    /// The name inside the namespace.
    pub repository: String,
    /// Tags before the run.
    pub total: u64,
    /// (tag, digest) to delete, in the repository's tag order.
    pub doomed: Vec<(String, String)>,
}

fn invalid(message: impl Into<String>) -> ApiErr {
    ApiErr::bad_request("SVCSTG.SWR.4000014", message)
}

/// Refuses a body the service would: algorithm `or`, a name, 1–15 rules of a known template
/// with its number, doublestar selectors (`matches`/`excludes` for tags, `repoMatches` for
/// repositories), a `manual` or `scheduled` trigger (the latter with a cron).
pub fn check_policy(body: &RetentionPolicyBody) -> Res<()> {
    compile(body).map(drop)
}

/// Checks the body and builds its enabled rules.
pub fn compile(body: &RetentionPolicyBody) -> Res<Vec<Rule>> {
    if body.algorithm != "or" {
        return Err(invalid("algorithm must be or"));
    }
    let name_len = body.name.chars().count();
    if name_len == 0 || name_len > MAX_NAME || body.name.chars().any(char::is_control) {
        return Err(invalid(format!(
            "name must be 1 to {MAX_NAME} printable characters"
        )));
    }
    if body.rules.is_empty() || body.rules.len() > MAX_RULES {
        return Err(invalid(format!("a policy holds 1 to {MAX_RULES} rules")));
    }
    check_trigger(body)?;
    let mut rules = Vec::new();
    for (i, rule) in body.rules.iter().enumerate() {
        let compiled = compile_rule(rule).map_err(|m| invalid(format!("rules[{i}]: {m}")))?;
        if !rule.disabled {
            rules.push(compiled);
        }
    }
    Ok(rules)
}

fn check_trigger(body: &RetentionPolicyBody) -> Res<()> {
    let cron = body.trigger.trigger_settings.cron.trim();
    match body.trigger.kind.as_str() {
        "manual" => Ok(()),
        "scheduled" if cron.split_whitespace().count() == 6 => Ok(()),
        "scheduled" => Err(invalid("a scheduled trigger needs a six-field cron")),
        other => Err(invalid(format!(
            "trigger type must be manual or scheduled, not {other:?}"
        ))),
    }
}

fn compile_rule(rule: &RetentionRule) -> Result<Rule, String> {
    if rule.action != "retain" {
        return Err("action must be retain".into());
    }
    if !TEMPLATES.contains(&rule.template.as_str()) {
        return Err(format!(
            "template must be one of {}, not {:?}",
            TEMPLATES.join(", "),
            rule.template
        ));
    }
    let count = rule.count().ok_or_else(|| {
        format!(
            "params must hold {} as a non-negative integer",
            rule.template
        )
    })?;
    if !["", "regular", "selection"].contains(&rule.repo_scope_mode.as_str()) {
        return Err("repo_scope_mode must be regular or selection".into());
    }
    let (mut matches, mut excludes) = (Vec::new(), Vec::new());
    for s in &rule.tag_selectors {
        match s.decoration.as_str() {
            "matches" => matches.push(selector(s)?),
            "excludes" => excludes.push(selector(s)?),
            other => return Err(format!("tag selector decoration {other:?}")),
        }
    }
    if matches.is_empty() && excludes.is_empty() {
        return Err("at least one tag selector is required".into());
    }
    let repos = rule
        .repositories()
        .iter()
        .map(|s| match s.decoration.as_str() {
            "repoMatches" => selector(s),
            other => Err(format!("repository selector decoration {other:?}")),
        })
        .collect::<Result<Vec<_>, _>>()?;
    if repos.is_empty() {
        return Err("scope_selectors.repository needs a selector".into());
    }
    Ok(Rule {
        latest: rule.template.starts_with("latest"),
        count,
        matches,
        excludes,
        repos,
    })
}

fn selector(s: &RetentionSelector) -> Result<Regex, String> {
    if s.kind != DOUBLESTAR {
        return Err(format!(
            "selector kind must be doublestar, not {:?}",
            s.kind
        ));
    }
    if s.pattern.is_empty() || s.pattern.len() > MAX_PATTERN {
        return Err(format!("a pattern is 1 to {MAX_PATTERN} characters"));
    }
    doublestar(&s.pattern)
}

impl Rule {
    fn scopes(&self, repository: &str) -> bool {
        self.repos.iter().any(|r| r.is_match(repository))
    }

    fn picks(&self, tag: &str) -> bool {
        (self.matches.is_empty() || self.matches.iter().any(|r| r.is_match(tag)))
            && !self.excludes.iter().any(|r| r.is_match(tag))
    }

    /// Marks in `kept` the tags this rule retains.
    fn retain(&self, tags: &[Entry<'_>], now: DateTime<Utc>, kept: &mut [bool]) {
        let mut picked: Vec<usize> = (0..tags.len())
            .filter(|&i| self.picks(tags[i].name))
            .collect();
        if self.latest {
            picked.sort_unstable_by(|&a, &b| {
                tags[b]
                    .pushed
                    .cmp(&tags[a].pushed)
                    .then_with(|| tags[a].name.cmp(tags[b].name))
            });
            let keep = usize::try_from(self.count).unwrap_or(usize::MAX);
            picked.truncate(keep);
        } else {
            let days = i64::try_from(self.count).unwrap_or(i64::MAX).min(36_500);
            let cutoff = now - Duration::days(days);
            picked.retain(|&i| tags[i].pushed >= cutoff);
        }
        for i in picked {
            kept[i] = true;
        }
    }
}

struct Entry<'a> {
    name: &'a str,
    digest: &'a str,
    pushed: DateTime<Utc>,
}

/// What `rules` delete in `repo`; `None` when no rule's scope matches it (no task).
pub fn plan_repo(rules: &[Rule], repo: &EeRepo, now: DateTime<Utc>) -> Option<RepoPlan> {
    let applying: Vec<&Rule> = rules.iter().filter(|r| r.scopes(&repo.name)).collect();
    if applying.is_empty() {
        return None;
    }
    let tags: Vec<Entry<'_>> = repo
        .artifacts
        .iter()
        .flat_map(|a| {
            a.tags.iter().map(move |t| Entry {
                name: &t.name,
                digest: &a.digest,
                pushed: t.pushed,
            })
        })
        .collect();
    let mut kept = vec![false; tags.len()];
    for rule in applying {
        rule.retain(&tags, now, &mut kept);
    }
    let doomed = tags
        .iter()
        .zip(&kept)
        .filter(|(_, kept)| !**kept)
        .map(|(t, _)| (t.name.to_string(), t.digest.to_string()))
        .collect();
    Some(RepoPlan {
        repository: repo.name.clone(),
        total: tags.len() as u64,
        doomed,
    })
}
