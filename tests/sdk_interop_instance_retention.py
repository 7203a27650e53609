"""Enterprise retention policies through the official SDK, against namespace `platform` of
instance ee-demo of the demo seed (repository `gateway`: v3.4.1 and v3.4 pushed 2026-02-02,
v3.5.0, v3.5 and latest pushed 2026-03-18): create, list, show, update, a dry run (its
execution, task and sub-tasks) that deletes nothing, a real run that deletes exactly the dry
run's tags, and delete. Imported by tests/sdk_interop.py, which passes its client and helpers."""

NS = "platform"


def _tags(client, m, ee):
    r = client.list_instance_tags(m.ListInstanceTagsRequest(
        namespace_name=NS, repository_name="gateway", offset=0, limit=100, **ee))
    return sorted(t.name for t in r.tags or [])


def _body(m, name, keep, enabled=True):
    rule = m.RetentionRule(
        priority=0, disabled=False, action="retain", template="latestPushedK",
        params={"latestPushedK": keep},
        tag_selectors=[m.RetentionSelector(kind="doublestar", decoration="matches", pattern="**")],
        scope_selectors={"repository": [m.RetentionSelector(kind="doublestar", decoration="repoMatches",
                                                            pattern="gate*")]},
        repo_scope_mode="regular")
    return dict(algorithm="or", enabled=enabled, name=name, rules=[rule],
                trigger=m.TriggerConfig(type="manual", trigger_settings=m.TriggerSetting(cron="")))


def _sub_tasks(client, m, ee, policy_id, execution_id):
    at = dict(namespace_name=NS, policy_id=policy_id, execution_id=execution_id, **ee)
    tasks = client.list_instance_retention_policy_exec_tasks(
        m.ListInstanceRetentionPolicyExecTasksRequest(offset=0, limit=100, **at))
    subs = []
    for task in tasks.tasks or []:
        r = client.list_instance_retention_policy_exec_sub_tasks(
            m.ListInstanceRetentionPolicyExecSubTasksRequest(task_id=task.id, offset=0, limit=100, **at))
        subs.extend(r.sub_tasks or [])
    return tasks, subs


def run(client, m, check, expect, ee):
    state = {}

    def create():
        body = m.CreateRetentionPolicyRequestBody(**_body(m, "keep-three", 3))
        r = client.create_instance_retention_policy(
            m.CreateInstanceRetentionPolicyRequest(namespace_name=NS, body=body, **ee))
        expect(r.status_code == 201 and r.id >= 1, r)
        state["id"] = r.id
        return f"id={r.id}"

    check("create_instance_retention_policy", create)
    pid = dict(namespace_name=NS, policy_id=state.get("id", 0), **ee)

    def list_policies():
        ns_id = client.show_instance_namespace(
            m.ShowInstanceNamespaceRequest(namespace_name=NS, **ee)).namespace_id
        r = client.list_instance_retention_policies(
            m.ListInstanceRetentionPoliciesRequest(namespace_id=ns_id, offset=0, limit=10, **ee))
        expect(r.total == 1 and [p.name for p in r.retentions] == ["keep-three"], r)
        p = r.retentions[0]
        expect(p.namespace_name == NS and p.rules[0].template == "latestPushedK", p)
        return f"total={r.total}"

    check("list_instance_retention_policies", list_policies)

    def show():
        r = client.show_instance_retention_policy(m.ShowInstanceRetentionPolicyRequest(**pid))
        expect(r.name == "keep-three" and r.enabled and r.rules[0].params == {"latestPushedK": 3}, r)
        expect(r.rules[0].scope_selectors["repository"][0].pattern == "gate*", r)
        return r.trigger.type

    check("show_instance_retention_policy", show)

    def update():
        body = m.UpdateRetentionPolicyRequestBody(**_body(m, "keep-three", 3, enabled=False))
        r = client.update_instance_retention_policy(m.UpdateInstanceRetentionPolicyRequest(body=body, **pid))
        shown = client.show_instance_retention_policy(m.ShowInstanceRetentionPolicyRequest(**pid))
        expect(shown.enabled is False, shown)
        return r.status_code

    check("update_instance_retention_policy", update)

    def dry_run():
        before = _tags(client, m, ee)
        r = client.execute_instance_retention_policy(m.ExecuteInstanceRetentionPolicyRequest(
            body=m.ExecuteRetentionPolicyRequestBody(dry_run=True), **pid))
        expect(r.status_code == 201 and r.id >= 1, r)
        runs = client.list_instance_retention_policy_executions(
            m.ListInstanceRetentionPolicyExecutionsRequest(offset=0, limit=10, **pid))
        expect([(e.id, e.dry_run, e.status) for e in runs.executions] == [(r.id, True, "Succeed")], runs)
        tasks, subs = _sub_tasks(client, m, ee, state["id"], r.id)
        expect([(t.repository, t.total, t.retained) for t in tasks.tasks] == [("gateway", 5, 3)], tasks)
        planned = sorted(s.tag for s in subs)
        expect(planned == ["v3.4", "v3.4.1"] and all(s.action == "DEL" for s in subs), subs)
        expect(_tags(client, m, ee) == before, "a dry run deletes nothing")
        state["planned"] = planned
        return f"would delete {planned}"

    check("execute_instance_retention_policy (dry run) + executions, tasks, sub-tasks", dry_run)

    def real_run():
        before = _tags(client, m, ee)
        r = client.execute_instance_retention_policy(m.ExecuteInstanceRetentionPolicyRequest(
            body=m.ExecuteRetentionPolicyRequestBody(dry_run=False), **pid))
        after = _tags(client, m, ee)
        gone = sorted(set(before) - set(after))
        expect(gone == state.get("planned"), (gone, state.get("planned")))
        _, subs = _sub_tasks(client, m, ee, state["id"], r.id)
        expect(sorted(s.tag for s in subs) == gone, subs)
        return f"deleted {gone}, left {after}"

    check("execute_instance_retention_policy (real run deletes the dry run's tags)", real_run)

    def delete():
        r = client.delete_instance_retention_policy(m.DeleteInstanceRetentionPolicyRequest(**pid))
        try:
            client.show_instance_retention_policy(m.ShowInstanceRetentionPolicyRequest(**pid))
        except Exception as e:
            expect(getattr(e, "status_code", None) == 404, e)
            return f"{r.status_code}; then 404"
        raise AssertionError("still there")

    check("delete_instance_retention_policy", delete)
