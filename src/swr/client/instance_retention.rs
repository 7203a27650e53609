//! Retention policies of an enterprise namespace and their executions, paths and keys as the
//! SDK has them (`create/show/update/delete/list_instance_retention_policy…`,
//! `execute_instance_retention_policy`, `…_executions`, `…_exec_tasks`, `…_exec_sub_tasks`).
//!
//! [`SwrClient::retention_dry_run`] is the preview: it starts an execution with `dry_run`, waits
//! (bounded) until it has finished, and reads every task's sub-tasks: exactly the tags a real run
//! would delete now. Every list is walked with bounded pages (see `walk.rs`).

use std::time::Duration;

use reqwest::Method;

use super::enterprise::{Listed, OffsetPage, paged};
use super::{Call, SwrClient};
use crate::swr::enterprise::CreatedId;
use crate::swr::enterprise::retention::{
    ExecuteRetention, RetentionExecution, RetentionExecutionList, RetentionPolicy,
    RetentionPolicyBody, RetentionPolicyList, RetentionSubTask, RetentionSubTaskList,
    RetentionTask, RetentionTaskList,
};
use crate::swr::error::ApiError;
use crate::swr::validate;

/// How often, and how many times, an unfinished execution is looked at again.
const POLL_EVERY: Duration = Duration::from_secs(1);
const POLLS: u32 = 120;

impl Listed for RetentionPolicyList {
    type Item = RetentionPolicy;
    fn split(self) -> (Vec<RetentionPolicy>, u64) {
        (self.retentions, self.total)
    }
}

impl Listed for RetentionExecutionList {
    type Item = RetentionExecution;
    fn split(self) -> (Vec<RetentionExecution>, u64) {
        (self.executions, self.total)
    }
}

impl Listed for RetentionTaskList {
    type Item = RetentionTask;
    fn split(self) -> (Vec<RetentionTask>, u64) {
        (self.tasks, self.total)
    }
}

impl Listed for RetentionSubTaskList {
    type Item = RetentionSubTask;
    fn split(self) -> (Vec<RetentionSubTask>, u64) {
        (self.sub_tasks, self.total)
    }
}

/// Which policies the instance-wide list covers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RetentionPolicyFilter {
    pub namespace_id: Option<i64>,
    /// Policies whose name contains this.
    pub name: Option<String>,
}

/// One execution, its tasks and, for every task, the tags it deletes (or would).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RetentionRun {
    pub execution: RetentionExecution,
    pub tasks: Vec<RetentionTask>,
    pub sub_tasks: Vec<RetentionSubTask>,
}

impl SwrClient {
    /// `…/namespaces/{ns}/retention/policies`, the namespace name checked first.
    async fn policies_path(&self, instance_id: &str, namespace: &str) -> Result<String, ApiError> {
        validate::instance_namespace_name(namespace).map_err(ApiError::Invalid)?;
        Ok(format!(
            "{}/retention/policies",
            self.namespace_path(instance_id, namespace).await?
        ))
    }

    async fn policy_path(
        &self,
        instance_id: &str,
        namespace: &str,
        policy: i64,
    ) -> Result<String, ApiError> {
        Ok(format!(
            "{}/{policy}",
            self.policies_path(instance_id, namespace).await?
        ))
    }

    /// One page of the instance's retention policies.
    pub async fn list_instance_retention_policies(
        &self,
        instance_id: &str,
        filter: &RetentionPolicyFilter,
        page: OffsetPage,
    ) -> Result<RetentionPolicyList, ApiError> {
        let path = format!(
            "{}/retention/policies",
            self.instance_path(Some(instance_id)).await?
        );
        self.get_json(policies_call(&path, filter, page)).await
    }

    /// Every retention policy of the instance that `filter` admits (all pages).
    pub async fn list_all_instance_retention_policies(
        &self,
        instance_id: &str,
        filter: &RetentionPolicyFilter,
    ) -> Result<Vec<RetentionPolicy>, ApiError> {
        let path = format!(
            "{}/retention/policies",
            self.instance_path(Some(instance_id)).await?
        );
        self.walk_all::<RetentionPolicyList>(|page| policies_call(&path, filter, page))
            .await
    }

    /// Creates a policy in a namespace and returns its id.
    pub async fn create_instance_retention_policy(
        &self,
        instance_id: &str,
        namespace: &str,
        body: &RetentionPolicyBody,
    ) -> Result<i64, ApiError> {
        let path = self.policies_path(instance_id, namespace).await?;
        let call = Call::new(Method::POST, path).json(body)?;
        Ok(self.send(&call).await?.json::<CreatedId>()?.id)
    }

    pub async fn show_instance_retention_policy(
        &self,
        instance_id: &str,
        namespace: &str,
        policy: i64,
    ) -> Result<RetentionPolicy, ApiError> {
        let path = self.policy_path(instance_id, namespace, policy).await?;
        self.get_json(Call::new(Method::GET, path)).await
    }

    /// Replaces a policy's name, rules, trigger and enabled flag.
    pub async fn update_instance_retention_policy(
        &self,
        instance_id: &str,
        namespace: &str,
        policy: i64,
        body: &RetentionPolicyBody,
    ) -> Result<(), ApiError> {
        let path = self.policy_path(instance_id, namespace, policy).await?;
        let call = Call::new(Method::PUT, path).json(body)?;
        self.send(&call).await.map(drop)
    }

    pub async fn delete_instance_retention_policy(
        &self,
        instance_id: &str,
        namespace: &str,
        policy: i64,
    ) -> Result<(), ApiError> {
        let path = self.policy_path(instance_id, namespace, policy).await?;
        self.send(&Call::new(Method::DELETE, path)).await.map(drop)
    }

    /// Starts an execution; `dry_run: false` deletes tags. Returns the execution's id.
    pub async fn execute_instance_retention_policy(
        &self,
        instance_id: &str,
        namespace: &str,
        policy: i64,
        dry_run: bool,
    ) -> Result<i64, ApiError> {
        let path = format!(
            "{}/executions",
            self.policy_path(instance_id, namespace, policy).await?
        );
        let call = Call::new(Method::POST, path).json(&ExecuteRetention { dry_run })?;
        Ok(self.send(&call).await?.json::<CreatedId>()?.id)
    }

    /// Every execution of a policy (all pages).
    pub async fn list_instance_retention_executions(
        &self,
        instance_id: &str,
        namespace: &str,
        policy: i64,
    ) -> Result<Vec<RetentionExecution>, ApiError> {
        let path = format!(
            "{}/executions",
            self.policy_path(instance_id, namespace, policy).await?
        );
        self.walk_all::<RetentionExecutionList>(|page| {
            paged(Call::new(Method::GET, path.clone()), page)
        })
        .await
    }

    /// Every task (one per repository) of an execution.
    pub async fn list_instance_retention_tasks(
        &self,
        instance_id: &str,
        namespace: &str,
        policy: i64,
        execution: i64,
    ) -> Result<Vec<RetentionTask>, ApiError> {
        let path = format!(
            "{}/executions/{execution}/tasks",
            self.policy_path(instance_id, namespace, policy).await?
        );
        self.walk_all::<RetentionTaskList>(|page| paged(Call::new(Method::GET, path.clone()), page))
            .await
    }

    /// Every sub-task (one per tag) of a task.
    pub async fn list_instance_retention_sub_tasks(
        &self,
        instance_id: &str,
        namespace: &str,
        policy: i64,
        execution: i64,
        task: i64,
    ) -> Result<Vec<RetentionSubTask>, ApiError> {
        let path = format!(
            "{}/executions/{execution}/tasks/{task}/subtasks",
            self.policy_path(instance_id, namespace, policy).await?
        );
        self.walk_all::<RetentionSubTaskList>(|page| {
            paged(Call::new(Method::GET, path.clone()), page)
        })
        .await
    }

    /// Waits until the execution has finished (the service runs it in the background), looking
    /// at most [`POLLS`] times.
    async fn finished_execution(
        &self,
        instance_id: &str,
        namespace: &str,
        policy: i64,
        execution: i64,
    ) -> Result<RetentionExecution, ApiError> {
        for attempt in 0..POLLS {
            let all = self
                .list_instance_retention_executions(instance_id, namespace, policy)
                .await?;
            match all.into_iter().find(|e| e.id == execution) {
                Some(e) if e.is_finished() => return Ok(e),
                Some(_) | None if attempt + 1 < POLLS => tokio::time::sleep(POLL_EVERY).await,
                _ => {}
            }
        }
        Err(ApiError::Invalid(format!(
            "retention execution {execution} has not finished; look again later"
        )))
    }

    /// Runs the policy as a dry run and reads what it would delete; nothing is deleted.
    pub async fn retention_dry_run(
        &self,
        instance_id: &str,
        namespace: &str,
        policy: i64,
    ) -> Result<RetentionRun, ApiError> {
        let id = self
            .execute_instance_retention_policy(instance_id, namespace, policy, true)
            .await?;
        let execution = self
            .finished_execution(instance_id, namespace, policy, id)
            .await?;
        if !execution.dry_run {
            return Err(ApiError::Invalid(format!(
                "execution {id} is not a dry run"
            )));
        }
        let tasks = self
            .list_instance_retention_tasks(instance_id, namespace, policy, id)
            .await?;
        let mut sub_tasks = Vec::new();
        for task in &tasks {
            let subs = self
                .list_instance_retention_sub_tasks(instance_id, namespace, policy, id, task.id)
                .await?;
            sub_tasks.extend(subs);
        }
        Ok(RetentionRun {
            execution,
            tasks,
            sub_tasks,
        })
    }
}

fn policies_call(path: &str, filter: &RetentionPolicyFilter, page: OffsetPage) -> Call {
    paged(Call::new(Method::GET, path.to_string()), page)
        .query_opt("namespace_id", filter.namespace_id)
        .query_opt("name", filter.name.as_deref())
}
