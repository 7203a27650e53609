//! Retention rules: one per repository, applied the moment it is created or changed (as SWR
//! does), every tag it deletes written to the repository's retention history.
//!
//! "Pushed" is read as the tag's `updated` time (a push of an existing tag moves `updated`, not
//! `created`); the local preview shows both readings because SWR does not document which.

use std::collections::HashMap;

use super::*;
use crate::swr::client::retention::{Keep, Retention, RetentionLog, RetentionRule, check_rule};

/// A stored rule.
#[derive(Debug, Clone)]
pub struct RetentionRec {
    pub id: i64,
    pub rule: RetentionRule,
}

/// Every repository's rule and history, keyed by `(org, repo)`.
#[derive(Debug, Clone, Default)]
pub struct Retentions {
    rules: HashMap<(String, String), RetentionRec>,
    /// Newest last.
    histories: HashMap<(String, String), Vec<RetentionLog>>,
    next_id: i64,
    next_log_id: i64,
}

impl Retentions {
    /// A deleted repository's rule and history.
    pub fn forget(&mut self, org: &str, repo: &str) {
        let key = key(org, repo);
        self.rules.remove(&key);
        self.histories.remove(&key);
    }
}

fn key(org: &str, repo: &str) -> (String, String) {
    (org.to_string(), repo.to_string())
}

fn no_retention(id: i64) -> ApiErr {
    ApiErr::new(
        404,
        "SVCSTG.SWR.4040017",
        format!("retention {id} not found"),
    )
}

/// The one rule of a create/update body, checked.
fn single_rule(rules: &[RetentionRule]) -> Res<&RetentionRule> {
    let [rule] = rules else {
        return Err(ApiErr::bad_request(
            "SVCSTG.SWR.4000014",
            "exactly one rule is required",
        ));
    };
    check_rule(rule).map_err(|m| ApiErr::bad_request("SVCSTG.SWR.4000014", m))?;
    Ok(rule)
}

impl State {
    fn retention_view(rec: &RetentionRec) -> Retention {
        Retention {
            id: rec.id,
            algorithm: "or".into(),
            scope: String::new(),
            rules: vec![rec.rule.clone()],
        }
    }

    /// `GET …/retentions`: a bare array.
    pub fn list_retentions(&self, org: &str, repo: &str) -> Res<Vec<Retention>> {
        self.repo(org, repo)?;
        Ok(self
            .retentions
            .rules
            .get(&key(org, repo))
            .map(Self::retention_view)
            .into_iter()
            .collect())
    }

    pub fn show_retention(&self, org: &str, repo: &str, id: i64) -> Res<Retention> {
        self.repo(org, repo)?;
        match self.retentions.rules.get(&key(org, repo)) {
            Some(rec) if rec.id == id => Ok(Self::retention_view(rec)),
            _ => Err(no_retention(id)),
        }
    }

    /// One rule per repository: a second create is a 409. Applied at once.
    pub fn create_retention(&mut self, org: &str, repo: &str, rules: &[RetentionRule]) -> Res<i64> {
        let rule = single_rule(rules)?.clone();
        self.repo(org, repo)?;
        if self.retentions.rules.contains_key(&key(org, repo)) {
            return Err(ApiErr::new(
                409,
                "SVCSTG.SWR.4090006",
                format!("repository {repo} already has a retention rule"),
            ));
        }
        self.retentions.next_id += 1;
        let id = self.retentions.next_id;
        self.retentions.rules.insert(
            key(org, repo),
            RetentionRec {
                id,
                rule: rule.clone(),
            },
        );
        self.log(format!("POST retention {org}/{repo} {id}"));
        self.apply_retention(org, repo, id, &rule)?;
        Ok(id)
    }

    /// Replaces the rule and applies it at once.
    pub fn update_retention(
        &mut self,
        org: &str,
        repo: &str,
        id: i64,
        rules: &[RetentionRule],
    ) -> Res<()> {
        let rule = single_rule(rules)?.clone();
        self.show_retention(org, repo, id)?;
        if let Some(rec) = self.retentions.rules.get_mut(&key(org, repo)) {
            rec.rule = rule.clone();
        }
        self.log(format!("PATCH retention {org}/{repo} {id}"));
        self.apply_retention(org, repo, id, &rule)
    }

    pub fn delete_retention(&mut self, org: &str, repo: &str, id: i64) -> Res<()> {
        self.show_retention(org, repo, id)?;
        self.retentions.rules.remove(&key(org, repo));
        self.log(format!("DELETE retention {org}/{repo} {id}"));
        Ok(())
    }

    /// Newest first; `page` from `filter=limit::n|offset::m` or the separate parameters.
    pub fn retention_histories(
        &self,
        org: &str,
        repo: &str,
        page: Page,
    ) -> Res<(Vec<RetentionLog>, usize)> {
        self.repo(org, repo)?;
        let all = self
            .retentions
            .histories
            .get(&key(org, repo))
            .map(Vec::as_slice)
            .unwrap_or_default();
        let items = all
            .iter()
            .rev()
            .skip(page.offset)
            .take(page.limit)
            .cloned()
            .collect();
        Ok((items, all.len()))
    }

    /// Deletes what `rule` does not keep: sorted once (newest first by `updated`, ties by name),
    /// exceptions never counted nor deleted.
    fn apply_retention(&mut self, org: &str, repo: &str, id: i64, rule: &RetentionRule) -> Res<()> {
        let (keep, exceptions) =
            check_rule(rule).map_err(|m| ApiErr::bad_request("SVCSTG.SWR.4000014", m))?;
        let now = Utc::now();
        let r = self.repo(org, repo)?;
        let mut candidates: Vec<(DateTime<Utc>, &str)> = r
            .tags
            .iter()
            .filter(|t| !exceptions.keeps(&t.name))
            .map(|t| (t.updated, t.name.as_str()))
            .collect();
        candidates.sort_unstable_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(b.1)));
        let doomed: Vec<String> = match keep {
            Keep::Newest(n) => candidates
                .iter()
                .skip(n as usize)
                .map(|c| c.1.to_string())
                .collect(),
            Keep::Days(d) => {
                let cutoff = now - Duration::days(i64::from(d));
                candidates
                    .iter()
                    .filter(|c| c.0 < cutoff)
                    .map(|c| c.1.to_string())
                    .collect()
            }
        };
        let rule_type = rule.to_json_string();
        for tag in doomed {
            self.delete_tag(org, repo, &tag)?;
            self.retentions.next_log_id += 1;
            let entry = RetentionLog {
                created_at: fmt_time(now),
                id: self.retentions.next_log_id,
                namespace: org.to_string(),
                repo: repo.to_string(),
                retention_id: id,
                rule_type: rule_type.clone(),
                tag,
            };
            self.retentions
                .histories
                .entry(key(org, repo))
                .or_default()
                .push(entry);
        }
        Ok(())
    }
}
