"""Cross-region image sync through the official SDK, against demo/team$web of the demo seed:
automatic rules (create, list, delete by a JSON body), one sync of two tags, and the job list
(`filter` paging, Content-Range) whose jobs progress as it is read. Imported by
tests/sdk_interop.py, which passes its client and helpers."""

WEB = dict(namespace="demo", repository="team$web")


def run(client, m, check, expect):
    region = client.list_sync_regions(m.ListSyncRegionsRequest()).body[0].region_id

    def create_rule():
        body = m.CreateImageSyncRepoRequestBody(remote_region_id=region, remote_namespace="platform",
                                                sync_auto=True, override=False)
        return client.create_image_sync_repo(m.CreateImageSyncRepoRequest(body=body, **WEB)).status_code

    check("create_image_sync_repo", create_rule)

    def list_rules():
        rules = client.list_image_auto_sync_repos_details(m.ListImageAutoSyncReposDetailsRequest(**WEB)).body
        expect([(r.remote_region_id, r.remote_namespace, r.sync_auto) for r in rules] == [(region, "platform", True)], rules)
        expect(rules[0].repo_name == "team/web" and rules[0].namespace == "demo" and rules[0].id >= 1, rules[0])
        return f"{len(rules)} rule(s)"

    check("list_image_auto_sync_repos_details", list_rules)

    def manual_sync():
        body = m.CreateManualImageSyncRepoRequestBody(image_tag=["1.0.0", "latest"], override=False,
                                                      remote_namespace="platform", remote_region_id=region)
        r = client.create_manual_image_sync_repo(m.CreateManualImageSyncRepoRequest(body=body, **WEB))
        expect(r.status_code == 200, r.status_code)
        return r.body

    check("create_manual_image_sync_repo", manual_sync)

    def jobs():
        def read():
            r = client.show_sync_job(m.ShowSyncJobRequest(filter="limit::10|offset::0|order::desc", **WEB))
            return r, {j.tag: j.status for j in r.body}

        first, seen = read()
        expect(seen == {"1.0.0": "running", "latest": "running"}, seen)
        expect(first.content_range and first.content_range.endswith("/2"), first.content_range)
        _, seen = read()
        expect(seen == {"1.0.0": "success", "latest": "success"}, seen)
        return f"{seen} range={first.content_range}"

    check("show_sync_job (jobs progress)", jobs)

    def delete_rule():
        body = m.DeleteImageSyncRepoRequestBody(remote_region_id=region, remote_namespace="platform")
        status = client.delete_image_sync_repo(m.DeleteImageSyncRepoRequest(body=body, **WEB)).status_code
        left = client.list_image_auto_sync_repos_details(m.ListImageAutoSyncReposDetailsRequest(**WEB)).body
        expect(status == 200 and not left, (status, left))
        return status

    check("delete_image_sync_repo", delete_rule)
