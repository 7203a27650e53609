"""Repositories other accounts share with this one, through the official SDK, against the demo
seed's `shared_with_me` (partner-tools/builder for ever, vendor/agent expired): the v2 list
(`center=thirdparty`, paged, Content-Range) and the v3 list (`shared_by=thirdparty`). Imported by
tests/sdk_interop.py, which passes its client and helpers."""

EXPECTED = [
    ("partner-tools", "builder", "partner-co", True),
    ("vendor", "agent", "vendor-inc", False),
]


def run(client, m, check, expect):
    def v2():
        r = client.list_shared_repos_details(
            m.ListSharedReposDetailsRequest(center="thirdparty", limit="10", offset="0"))
        seen = [(x.namespace, x.name, x.domain_name, x.status) for x in r.body]
        expect(seen == EXPECTED, seen)
        expect(r.body[0].tags == ["1.4.0", "latest"] and r.body[0].num_images == 2, r.body[0])
        expect(r.content_range and r.content_range.endswith("/2"), r.content_range)
        # The second page holds the expired one alone.
        page = client.list_shared_repos_details(
            m.ListSharedReposDetailsRequest(center="thirdparty", limit="1", offset="1")).body
        expect([(x.name, x.status) for x in page] == [("agent", False)], page)
        return f"{seen} range={r.content_range}"

    check("list_shared_repos_details (v2, thirdparty)", v2)

    def v3():
        repos = client.list_shared_repo_details(
            m.ListSharedRepoDetailsRequest(shared_by="thirdparty", limit=10)).repos
        seen = [(x.namespace_name, x.name, x.domain_name, x.status) for x in repos]
        expect(seen == EXPECTED, seen)
        return seen

    check("list_shared_repo_details (v3, thirdparty)", v3)
