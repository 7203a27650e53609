//! Retention policies of an instance's namespaces, and their executions.
//!
//! An execution finishes while it is created (status `Succeed` at once): the emulator has no
//! background jobs, and a client that waits for `InProgress` to end needs no second code path.
//! A dry run computes the same tasks and sub-tasks as a real run and deletes nothing; a real run
//! deletes exactly the tags of its sub-tasks, each repository in one pass. The plan itself is
//! in `plan.rs`.

use std::collections::{BTreeMap, HashSet};

use chrono::Utc;

use super::{EeInstance, Res, State, fmt_time};
use crate::emulator::error::ApiErr;
use crate::emulator::params::Page;
use crate::swr::enterprise::retention::{
    DELETE_ACTION, RetentionExecution, RetentionPolicy, RetentionPolicyBody, RetentionSubTask,
    RetentionTask,
};

mod plan;
#[cfg(test)]
mod tests;

pub use plan::check_policy;

/// Every retention policy and execution of one instance.
#[derive(Debug, Clone, Default)]
pub struct EeRetention {
    /// By id; each belongs to one namespace (by name).
    policies: BTreeMap<i64, StoredPolicy>,
    /// Oldest first.
    executions: Vec<Execution>,
    last_policy: i64,
    last_execution: i64,
    last_rule: i64,
    last_task: i64,
    last_sub_task: i64,
}

#[derive(Debug, Clone)]
struct StoredPolicy {
    namespace: String,
    body: RetentionPolicyBody,
    /// The ids its rules were given when stored, in order.
    rule_ids: Vec<i64>,
}

#[derive(Debug, Clone)]
struct Execution {
    view: RetentionExecution,
    /// Each repository's task with its sub-tasks.
    tasks: Vec<(RetentionTask, Vec<RetentionSubTask>)>,
}

fn no_policy(id: i64) -> ApiErr {
    ApiErr::new(
        404,
        "SVCSTG.SWR.4040121",
        format!("retention policy {id} not found"),
    )
}

fn no_execution(id: i64) -> ApiErr {
    ApiErr::new(
        404,
        "SVCSTG.SWR.4040122",
        format!("execution {id} not found"),
    )
}

fn no_task(id: i64) -> ApiErr {
    ApiErr::new(404, "SVCSTG.SWR.4040123", format!("task {id} not found"))
}

impl EeRetention {
    fn policy(&self, namespace: &str, id: i64) -> Res<&StoredPolicy> {
        self.policies
            .get(&id)
            .filter(|p| p.namespace == namespace)
            .ok_or_else(|| no_policy(id))
    }

    fn execution(&self, policy: i64, id: i64) -> Res<&Execution> {
        self.executions
            .iter()
            .find(|e| e.view.id == id && e.view.policy_id == policy)
            .ok_or_else(|| no_execution(id))
    }

    /// A deleted namespace takes its policies and their executions along.
    pub fn forget_namespace(&mut self, namespace: &str) {
        let gone: HashSet<i64> = self
            .policies
            .iter()
            .filter(|(_, p)| p.namespace == namespace)
            .map(|(id, _)| *id)
            .collect();
        self.policies.retain(|_, p| p.namespace != namespace);
        self.executions
            .retain(|e| !gone.contains(&e.view.policy_id));
    }

    fn name_taken(&self, namespace: &str, name: &str, other_than: Option<i64>) -> bool {
        self.policies.iter().any(|(id, p)| {
            p.namespace == namespace && p.body.name == name && Some(*id) != other_than
        })
    }

    /// Fresh ids for a stored policy's rules (unique within the instance).
    fn rule_ids(&mut self, rules: usize) -> Vec<i64> {
        (0..rules)
            .map(|_| {
                self.last_rule += 1;
                self.last_rule
            })
            .collect()
    }
}

impl StoredPolicy {
    fn view(&self, id: i64, inst: &EeInstance) -> RetentionPolicy {
        let mut rules = self.body.rules.clone();
        for (rule, rule_id) in rules.iter_mut().zip(&self.rule_ids) {
            rule.id = Some(*rule_id);
        }
        RetentionPolicy {
            id,
            algorithm: self.body.algorithm.clone(),
            rules,
            trigger: self.body.trigger.clone(),
            enabled: self.body.enabled,
            name: self.body.name.clone(),
            namespace_id: inst.namespaces.get(&self.namespace).map_or(0, |n| n.id),
            namespace_name: self.namespace.clone(),
        }
    }
}

fn conflict(name: &str) -> ApiErr {
    ApiErr::new(
        409,
        "SVCSTG.SWR.4090121",
        format!("retention policy {name} already exists in this namespace"),
    )
}

impl State {
    /// Every policy of the instance, or of one namespace (by id), or named so (substring).
    pub fn list_retention_policies(
        &self,
        id: &str,
        name: Option<&str>,
        namespace_id: Option<i64>,
    ) -> Res<Vec<RetentionPolicy>> {
        let inst = self.instance(id)?;
        Ok(inst
            .retention
            .policies
            .iter()
            .map(|(pid, p)| p.view(*pid, inst))
            .filter(|p| namespace_id.is_none_or(|n| p.namespace_id == n))
            .filter(|p| name.is_none_or(|n| p.name.contains(n)))
            .collect())
    }

    pub fn show_retention_policy(
        &self,
        id: &str,
        namespace: &str,
        policy: i64,
    ) -> Res<RetentionPolicy> {
        let inst = self.instance(id)?;
        inst.namespace(namespace)?;
        Ok(inst.retention.policy(namespace, policy)?.view(policy, inst))
    }

    /// 400 for a policy `check_policy` refuses, 409 for a name the namespace already has.
    pub fn create_retention_policy(
        &mut self,
        id: &str,
        namespace: &str,
        body: RetentionPolicyBody,
    ) -> Res<i64> {
        check_policy(&body)?;
        let inst = self.instance_mut(id)?;
        inst.namespace(namespace)?;
        let book = &mut inst.retention;
        if book.name_taken(namespace, &body.name, None) {
            return Err(conflict(&body.name));
        }
        book.last_policy += 1;
        let policy = book.last_policy;
        let rule_ids = book.rule_ids(body.rules.len());
        book.policies.insert(
            policy,
            StoredPolicy {
                namespace: namespace.to_string(),
                body,
                rule_ids,
            },
        );
        self.log(format!(
            "POST instance {id} retention policy {namespace} {policy}"
        ));
        Ok(policy)
    }

    pub fn update_retention_policy(
        &mut self,
        id: &str,
        namespace: &str,
        policy: i64,
        body: RetentionPolicyBody,
    ) -> Res<()> {
        check_policy(&body)?;
        let book = &mut self.instance_mut(id)?.retention;
        book.policy(namespace, policy)?;
        if book.name_taken(namespace, &body.name, Some(policy)) {
            return Err(conflict(&body.name));
        }
        let rule_ids = book.rule_ids(body.rules.len());
        if let Some(stored) = book.policies.get_mut(&policy) {
            stored.body = body;
            stored.rule_ids = rule_ids;
        }
        self.log(format!(
            "PUT instance {id} retention policy {namespace} {policy}"
        ));
        Ok(())
    }

    /// The policy goes with its executions.
    pub fn delete_retention_policy(&mut self, id: &str, namespace: &str, policy: i64) -> Res<()> {
        let book = &mut self.instance_mut(id)?.retention;
        book.policy(namespace, policy)?;
        book.policies.remove(&policy);
        book.executions.retain(|e| e.view.policy_id != policy);
        self.log(format!(
            "DELETE instance {id} retention policy {namespace} {policy}"
        ));
        Ok(())
    }

    /// Runs a policy now (also a disabled one: the console's "run now" does): plans what it
    /// deletes, deletes it unless `dry_run`, and records the execution, finished.
    pub fn execute_retention_policy(
        &mut self,
        id: &str,
        namespace: &str,
        policy: i64,
        dry_run: bool,
    ) -> Res<i64> {
        let now = Utc::now();
        let inst = self.instance(id)?;
        let ns = inst.namespace(namespace)?;
        let rules = plan::compile(&inst.retention.policy(namespace, policy)?.body)?;
        let plans: Vec<plan::RepoPlan> = ns
            .repos
            .values()
            .filter_map(|repo| plan::plan_repo(&rules, repo, now))
            .collect();
        if !dry_run {
            let inst = self.instance_mut(id)?;
            let ns = inst.namespace_mut(namespace)?;
            for p in &plans {
                if let Some(repo) = ns.repos.get_mut(&p.repository) {
                    remove_tags(repo, &p.doomed);
                }
            }
        }
        let inst = self.instance_mut(id)?;
        let execution = record(&mut inst.retention, namespace, policy, dry_run, plans);
        let deleted = if dry_run { "dry run" } else { "ran" };
        self.log(format!(
            "POST instance {id} retention policy {namespace} {policy} execution {execution} ({deleted})"
        ));
        Ok(execution)
    }

    /// Newest first.
    pub fn list_retention_executions(
        &self,
        id: &str,
        namespace: &str,
        policy: i64,
    ) -> Res<Vec<RetentionExecution>> {
        let book = &self.instance(id)?.retention;
        book.policy(namespace, policy)?;
        Ok(book
            .executions
            .iter()
            .rev()
            .filter(|e| e.view.policy_id == policy)
            .map(|e| e.view.clone())
            .collect())
    }

    /// The execution's tasks, one per repository in scope, optionally in one status.
    pub fn list_retention_tasks(
        &self,
        id: &str,
        namespace: &str,
        policy: i64,
        execution: i64,
        status: Option<&str>,
    ) -> Res<Vec<RetentionTask>> {
        let book = &self.instance(id)?.retention;
        book.policy(namespace, policy)?;
        Ok(book
            .execution(policy, execution)?
            .tasks
            .iter()
            .map(|(t, _)| t)
            .filter(|t| status.is_none_or(|s| t.status == s))
            .cloned()
            .collect())
    }

    /// One page of a task's sub-tasks and their total; only the page is copied.
    #[allow(clippy::too_many_arguments)]
    pub fn list_retention_sub_tasks(
        &self,
        id: &str,
        namespace: &str,
        policy: i64,
        execution: i64,
        task: i64,
        status: Option<&str>,
        page: Page,
    ) -> Res<(Vec<RetentionSubTask>, usize)> {
        let book = &self.instance(id)?.retention;
        book.policy(namespace, policy)?;
        let (_, subs) = book
            .execution(policy, execution)?
            .tasks
            .iter()
            .find(|(t, _)| t.id == task)
            .ok_or_else(|| no_task(task))?;
        let Some(status) = status else {
            let rows = subs.get(page.offset..).unwrap_or_default();
            return Ok((rows.iter().take(page.limit).cloned().collect(), subs.len()));
        };
        let matching: Vec<&RetentionSubTask> = subs.iter().filter(|s| s.status == status).collect();
        let total = matching.len();
        Ok((page.slice(matching).into_iter().cloned().collect(), total))
    }
}

/// Removes the named tags of a repository in one pass over its artifacts.
fn remove_tags(repo: &mut super::EeRepo, doomed: &[(String, String)]) {
    if doomed.is_empty() {
        return;
    }
    let names: HashSet<&str> = doomed.iter().map(|(tag, _)| tag.as_str()).collect();
    for artifact in &mut repo.artifacts {
        artifact.tags.retain(|t| !names.contains(t.name.as_str()));
    }
    repo.tag_index.reset();
    repo.updated = Utc::now();
}

/// Stores a finished execution with a task per planned repository and a sub-task per tag.
fn record(
    book: &mut EeRetention,
    namespace: &str,
    policy: i64,
    dry_run: bool,
    plans: Vec<plan::RepoPlan>,
) -> i64 {
    let now = fmt_time(Utc::now());
    book.last_execution += 1;
    let execution = book.last_execution;
    let mut tasks = Vec::with_capacity(plans.len());
    for p in plans {
        book.last_task += 1;
        let task_id = book.last_task;
        let subs = p
            .doomed
            .iter()
            .map(|(tag, digest)| {
                book.last_sub_task += 1;
                RetentionSubTask {
                    id: book.last_sub_task,
                    job_id: task_id,
                    namespace: namespace.to_string(),
                    repository: p.repository.clone(),
                    tag: tag.clone(),
                    digest: digest.clone(),
                    action: DELETE_ACTION.into(),
                    status: "Succeed".into(),
                    status_text: String::new(),
                    op_time: now.clone(),
                }
            })
            .collect::<Vec<_>>();
        let task = RetentionTask {
            id: task_id,
            execution_id: execution,
            repository: p.repository.clone(),
            job_id: format!("retention-{execution}-{task_id}"),
            status: "Succeed".into(),
            status_code: 3,
            status_revision: 1,
            start_time: now.clone(),
            end_time: now.clone(),
            total: p.total,
            retained: p.total.saturating_sub(subs.len() as u64),
        };
        tasks.push((task, subs));
    }
    book.executions.push(Execution {
        view: RetentionExecution {
            id: execution,
            policy_id: policy,
            dry_run,
            status: "Succeed".into(),
            trigger: "MANUAL".into(),
            start_time: now.clone(),
            end_time: now,
        },
        tasks,
    });
    execution
}
