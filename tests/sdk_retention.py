"""Shared-edition retention rules (all six calls) through the official SDK, against
data-team/spark-jobs of the demo seed (3 tags). Imported by tests/sdk_interop.py."""


def run(client, m, check, expect):
    repo = dict(namespace="data-team", repository="spark-jobs")
    state = {}

    def tags():
        r = client.list_repository_tags(m.ListRepositoryTagsRequest(**repo))
        return sorted(t.tag for t in r.body)

    def create_retention():
        rule = m.Rule(template="tag_rule", params={"num": "1"},
                      tag_selectors=[m.TagSelector(kind="label", pattern="2026.03.01")])
        r = client.create_retention(m.CreateRetentionRequest(
            body=m.CreateRetentionRequestBody(algorithm="or", rules=[rule]), **repo))
        expect(isinstance(r.id, int), r)
        state["id"] = r.id
        left = tags()
        # Applied at once: the newest tag and the label exception remain.
        expect(left == ["2026.03.01", "2026.03.29"], left)
        return f"id={r.id} left={left}"

    check("create_retention (applied at once)", create_retention)

    def list_retentions():
        r = client.list_retentions(m.ListRetentionsRequest(**repo))
        expect(len(r.body) == 1 and r.body[0].id == state.get("id"), r)
        expect(r.body[0].rules[0].params == {"num": "1"}, r)
        return f"{len(r.body)} rule"

    check("list_retentions (bare array)", list_retentions)

    def show_retention():
        r = client.show_retention(m.ShowRetentionRequest(retention_id=state.get("id", 0), **repo))
        expect(r.algorithm == "or" and r.rules[0].template == "tag_rule", r)
        return r.rules[0].template

    check("show_retention", show_retention)

    def list_retention_histories():
        r = client.list_retention_histories(m.ListRetentionHistoriesRequest(filter="limit::10|offset::0", **repo))
        expect(r.total == 1 and [x.tag for x in r.retention_log] == ["2026.03.15"], r)
        expect(r.content_range and r.content_range.endswith("/1"), r.content_range)
        expect('"tag_rule"' in r.retention_log[0].rule_type, r.retention_log[0].rule_type)
        return f"total={r.total} range={r.content_range}"

    check("list_retention_histories", list_retention_histories)

    def update_retention():
        rule = m.Rule(template="date_rule", params={"days": "365"}, tag_selectors=[])
        r = client.update_retention(m.UpdateRetentionRequest(retention_id=state.get("id", 0),
                                    body=m.UpdateRetentionRequestBody(algorithm="or", rules=[rule]), **repo))
        expect(r.status_code == 201, r)
        shown = client.show_retention(m.ShowRetentionRequest(retention_id=state.get("id", 0), **repo))
        expect(shown.rules[0].template == "date_rule", shown)
        return f"{r.status_code} left={tags()}"

    check("update_retention", update_retention)

    def delete_retention():
        client.delete_retention(m.DeleteRetentionRequest(retention_id=state.get("id", 0), **repo))
        left = client.list_retentions(m.ListRetentionsRequest(**repo)).body
        expect(not left, left)  # the SDK reads an empty bare array as None
        return "gone"

    check("delete_retention", delete_retention)
