//! Cross-region image sync: a repository's automatic rules and the jobs syncs start.
//!
//! The emulator serves one region, so the others are simulated: a target organization "exists"
//! in every region when the account has an organization of that name here (the console only
//! syncs within the account). Jobs move one step each time their repository's job list is read
//! from its first page (waiting → running → an end state), so a client polling the list sees
//! them progress without the emulator depending on wall-clock time, and the later pages of one
//! walk show the same states as its first.

use std::collections::{BTreeMap, HashSet};

use super::*;
use crate::swr::sync::{CreateSyncRule, SyncJob, SyncRule, SyncTags, SyncTarget, job_settled};

/// Regions an account can sync to (the Chinese mainland regions), minus its own.
pub const SYNC_REGIONS: [&str; 4] = ["cn-north-4", "cn-east-3", "cn-south-1", "cn-southwest-2"];

type RepoKey = (String, String);

/// Everything sync-related of the account.
#[derive(Debug, Clone, Default)]
pub struct SyncBook {
    rules: BTreeMap<RepoKey, Vec<SyncRule>>,
    /// Per repository, oldest first.
    jobs: BTreeMap<RepoKey, Vec<SyncJob>>,
    /// `region/namespace/repo:tag` that a job delivered (a later sync without override finds
    /// it `existed`).
    delivered: HashSet<String>,
    next_id: i64,
}

fn key(org: &str, repo: &str) -> RepoKey {
    (org.to_string(), repo.to_string())
}

fn invalid(message: String) -> ApiErr {
    ApiErr::bad_request("SVCSTG.SWR.4000014", message)
}

impl State {
    /// The regions `GET /v2/manage/regions` lists.
    pub fn sync_regions(&self) -> Vec<String> {
        SYNC_REGIONS
            .iter()
            .filter(|r| **r != self.region)
            .map(|r| r.to_string())
            .collect()
    }

    fn check_sync_target(&self, region: &str, namespace: &str) -> Res<()> {
        if !self.sync_regions().iter().any(|r| r == region) {
            return Err(invalid(format!("invalid remoteRegionId: {region}")));
        }
        if namespace.is_empty() {
            return Err(invalid("remoteNamespace is required".into()));
        }
        Ok(())
    }

    pub fn list_sync_rules(&self, org: &str, repo: &str) -> Res<Vec<SyncRule>> {
        self.repo(org, repo)?;
        Ok(self
            .sync
            .rules
            .get(&key(org, repo))
            .cloned()
            .unwrap_or_default())
    }

    pub fn create_sync_rule(&mut self, org: &str, repo: &str, body: &CreateSyncRule) -> Res<()> {
        self.repo(org, repo)?;
        self.check_sync_target(&body.remote_region_id, &body.remote_namespace)?;
        let now = fmt_time(Utc::now());
        let rule = SyncRule {
            created_at: now.clone(),
            domain_id: self.domain_id.clone(),
            domain_name: self.domain_name.clone(),
            id: self.sync.next(),
            namespace: org.to_string(),
            override_existing: body.override_existing,
            remote_namespace: body.remote_namespace.clone(),
            remote_region_id: body.remote_region_id.clone(),
            repo_name: repo.to_string(),
            sync_auto: body.sync_auto,
            updated_at: now,
        };
        let rules = self.sync.rules.entry(key(org, repo)).or_default();
        if rules
            .iter()
            .any(|r| same_target(r, &body.remote_region_id, &body.remote_namespace))
        {
            return Err(ApiErr::new(
                409,
                "SVCSTG.SWR.4090009",
                format!(
                    "a sync rule to {}/{} already exists",
                    body.remote_region_id, body.remote_namespace
                ),
            ));
        }
        rules.push(rule);
        self.log(format!(
            "POST sync_repo {org}/{repo} -> {}/{}",
            body.remote_region_id, body.remote_namespace
        ));
        Ok(())
    }

    pub fn delete_sync_rule(&mut self, org: &str, repo: &str, target: &SyncTarget) -> Res<()> {
        self.repo(org, repo)?;
        let rules = self.sync.rules.entry(key(org, repo)).or_default();
        let before = rules.len();
        rules.retain(|r| !same_target(r, &target.remote_region_id, &target.remote_namespace));
        if rules.len() == before {
            return Err(ApiErr::not_found(format!(
                "no sync rule to {}/{}",
                target.remote_region_id, target.remote_namespace
            )));
        }
        self.log(format!(
            "DELETE sync_repo {org}/{repo} -> {}/{}",
            target.remote_region_id, target.remote_namespace
        ));
        Ok(())
    }

    /// Starts one job per tag; every tag must exist (nothing starts otherwise).
    pub fn sync_tags(&mut self, org: &str, repo: &str, body: &SyncTags) -> Res<Vec<String>> {
        self.check_sync_target(&body.remote_region_id, &body.remote_namespace)?;
        let r = self.repo(org, repo)?;
        if body.image_tag.is_empty() {
            return Err(invalid("imageTag is required".into()));
        }
        if let Some(missing) = body.image_tag.iter().find(|t| r.tags.get(t).is_none()) {
            return Err(ApiErr::new(
                404,
                "SVCSTG.SWR.4040004",
                format!("tag {missing} not found"),
            ));
        }
        let target = SyncTarget {
            remote_region_id: body.remote_region_id.clone(),
            remote_namespace: body.remote_namespace.clone(),
        };
        for tag in &body.image_tag {
            self.start_sync_job(org, repo, tag, &target, body.override_existing);
        }
        self.log(format!(
            "POST sync_images {org}/{repo} {} tags -> {}/{}",
            body.image_tag.len(),
            body.remote_region_id,
            body.remote_namespace
        ));
        Ok(body.image_tag.clone())
    }

    /// A tag that arrived in a repository with automatic rules starts a job per rule.
    pub fn sync_new_tag(&mut self, org: &str, repo: &str, tag: &str) {
        let rules: Vec<SyncRule> = self
            .sync
            .rules
            .get(&key(org, repo))
            .map(|rs| rs.iter().filter(|r| r.sync_auto).cloned().collect())
            .unwrap_or_default();
        for r in rules {
            let target = SyncTarget {
                remote_region_id: r.remote_region_id,
                remote_namespace: r.remote_namespace,
            };
            self.start_sync_job(org, repo, tag, &target, r.override_existing);
        }
    }

    fn start_sync_job(
        &mut self,
        org: &str,
        repo: &str,
        tag: &str,
        target: &SyncTarget,
        override_existing: bool,
    ) {
        let now = fmt_time(Utc::now());
        let job = SyncJob {
            created_at: now.clone(),
            domain_id: self.domain_id.clone(),
            domain_name: self.domain_name.clone(),
            id: self.sync.next(),
            namespace: org.to_string(),
            override_existing,
            remote_namespace: target.remote_namespace.clone(),
            remote_region_id: target.remote_region_id.clone(),
            repo_name: repo.to_string(),
            status: "waiting".into(),
            sync_operator_id: self.caller.id.clone(),
            sync_operator_name: self.caller.name.clone(),
            tag: tag.to_string(),
            updated_at: now,
        };
        self.sync.jobs.entry(key(org, repo)).or_default().push(job);
    }

    /// The repository's jobs, newest first unless `ascending`; a read from the first page
    /// (`from_start`) first moves every unsettled job one step on.
    pub fn list_sync_jobs(
        &mut self,
        org: &str,
        repo: &str,
        ascending: bool,
        from_start: bool,
    ) -> Res<Vec<SyncJob>> {
        self.repo(org, repo)?;
        if from_start {
            self.advance_sync_jobs(org, repo);
        }
        let mut jobs = self
            .sync
            .jobs
            .get(&key(org, repo))
            .cloned()
            .unwrap_or_default();
        if !ascending {
            jobs.reverse();
        }
        Ok(jobs)
    }

    fn advance_sync_jobs(&mut self, org: &str, repo: &str) {
        let Some(mut jobs) = self.sync.jobs.remove(&key(org, repo)) else {
            return;
        };
        let now = fmt_time(Utc::now());
        for job in jobs.iter_mut().filter(|j| !job_settled(&j.status)) {
            job.status = if job.status == "waiting" {
                "running".into()
            } else {
                self.finish_sync_job(job).into()
            };
            job.updated_at = now.clone();
        }
        self.sync.jobs.insert(key(org, repo), jobs);
    }

    fn finish_sync_job(&mut self, job: &SyncJob) -> &'static str {
        if !self.orgs.contains_key(&job.remote_namespace) {
            return "failed";
        }
        let copy = format!(
            "{}/{}/{}:{}",
            job.remote_region_id, job.remote_namespace, job.repo_name, job.tag
        );
        if self.sync.delivered.contains(&copy) && !job.override_existing {
            return "existed";
        }
        self.sync.delivered.insert(copy);
        "success"
    }
}

impl SyncBook {
    fn next(&mut self) -> i64 {
        self.next_id += 1;
        self.next_id
    }
}

fn same_target(rule: &SyncRule, region: &str, namespace: &str) -> bool {
    rule.remote_region_id == region && rule.remote_namespace == namespace
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state() -> State {
        const SEED: &str = r#"{"namespaces": [{"name": "dst"}, {"name": "src", "repos": [
            {"name": "app", "tags": [{"tag": "v1"}, {"tag": "v2"}]}]}]}"#;
        crate::emulator::seed::Seed::from_json(SEED)
            .unwrap()
            .build_state("cn-north-4", "p")
            .unwrap()
    }

    fn sync(tags: &[&str], ns: &str, over: bool) -> SyncTags {
        SyncTags {
            image_tag: tags.iter().map(|t| t.to_string()).collect(),
            override_existing: over,
            remote_namespace: ns.into(),
            remote_region_id: "cn-east-3".into(),
        }
    }

    fn statuses(s: &mut State) -> Vec<(String, String)> {
        let jobs = s.list_sync_jobs("src", "app", true, true).unwrap();
        jobs.into_iter().map(|j| (j.tag, j.status)).collect()
    }

    #[test]
    fn jobs_progress_to_an_end_state() {
        let mut s = state();
        s.sync_tags("src", "app", &sync(&["v1", "v2"], "dst", false))
            .unwrap();
        let first = statuses(&mut s);
        assert_eq!(
            first,
            vec![
                ("v1".into(), "running".into()),
                ("v2".into(), "running".into())
            ]
        );
        let second = statuses(&mut s);
        assert!(second.iter().all(|(_, st)| st == "success"), "{second:?}");
        // Again without override: the copies exist already.
        s.sync_tags("src", "app", &sync(&["v1"], "dst", false))
            .unwrap();
        statuses(&mut s);
        let third = s.list_sync_jobs("src", "app", false, true).unwrap();
        assert_eq!(
            (third[0].tag.as_str(), third[0].status.as_str()),
            ("v1", "existed")
        );
    }

    #[test]
    fn a_missing_target_org_fails_and_a_missing_tag_starts_nothing() {
        let mut s = state();
        s.sync_tags("src", "app", &sync(&["v1"], "nowhere", false))
            .unwrap();
        statuses(&mut s);
        assert_eq!(statuses(&mut s), vec![("v1".into(), "failed".into())]);
        let err = s
            .sync_tags("src", "app", &sync(&["v1", "v9"], "dst", false))
            .unwrap_err();
        assert_eq!(err.status, 404);
        assert_eq!(s.list_sync_jobs("src", "app", true, true).unwrap().len(), 1);
        let own = SyncTags {
            remote_region_id: "cn-north-4".into(),
            ..sync(&["v1"], "dst", false)
        };
        assert_eq!(s.sync_tags("src", "app", &own).unwrap_err().status, 400);
    }

    #[test]
    fn rules_are_unique_per_target_and_deleted_by_target() {
        let mut s = state();
        let rule = CreateSyncRule {
            remote_region_id: "cn-east-3".into(),
            remote_namespace: "dst".into(),
            sync_auto: true,
            override_existing: false,
        };
        s.create_sync_rule("src", "app", &rule).unwrap();
        assert_eq!(
            s.create_sync_rule("src", "app", &rule).unwrap_err().status,
            409
        );
        s.sync_new_tag("src", "app", "v3");
        assert_eq!(s.list_sync_jobs("src", "app", true, true).unwrap().len(), 1);
        let target = SyncTarget {
            remote_region_id: "cn-east-3".into(),
            remote_namespace: "dst".into(),
        };
        s.delete_sync_rule("src", "app", &target).unwrap();
        assert!(s.list_sync_rules("src", "app").unwrap().is_empty());
        assert_eq!(
            s.delete_sync_rule("src", "app", &target)
                .unwrap_err()
                .status,
            404
        );
    }
}
