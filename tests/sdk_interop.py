#!/usr/bin/env python3
"""Huawei's official Python SDK against the swr-tui emulator binary.

Usage: python tests/sdk_interop.py [path/to/swr-tui]   (or SWR_TUI_BIN; default target/debug/swr-tui)
Setup: pip install -r tests/requirements-interop.txt

Starts `swr-tui emulator --listen 127.0.0.1:0 --seed demo`, reads its two stdout lines, and calls
every shared-edition SWR operation the emulator serves, every enterprise-edition operation the
client uses (instance ee-demo; a nested repository name given with %2F; its artifacts and tags) (plus IAM token and user list when
huaweicloudsdkiam is installed). Prints one line per call and `N passed, M failed`.
"""

import hashlib
import json
import os
import re
import subprocess
import sys
import traceback

import sdk_interop_credentials  # next to this file: E23-E28
import sdk_interop_shared  # next to this file: shared with me
import sdk_interop_instance_retention  # next to this file: enterprise retention policies, dry run
import sdk_interop_sync  # next to this file: cross-region sync
import sdk_retention  # next to this file: retention rules

from huaweicloudsdkcore.auth.credentials import BasicCredentials, GlobalCredentials
from huaweicloudsdkcore.http.http_config import HttpConfig
from huaweicloudsdkswr.v2 import SwrClient
from huaweicloudsdkswr.v2 import model as m

try:
    from huaweicloudsdkiam.v3 import IamClient
    from huaweicloudsdkiam.v3 import model as iam
except ImportError:  # IAM checks are optional
    IamClient = None


def start_emulator(binary):
    proc = subprocess.Popen(
        [binary, "emulator", "--listen", "127.0.0.1:0", "--seed", "demo"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    first = proc.stdout.readline().strip()
    second = proc.stdout.readline().strip()
    url = re.fullmatch(r"listening on (http://\S+)", first)
    creds = dict(kv.split("=", 1) for kv in second.removeprefix("credentials: ").split())
    if not url or "HUAWEICLOUD_SDK_AK" not in creds:
        proc.kill()
        raise SystemExit(f"unexpected emulator output: {first!r} / {second!r}")
    return proc, url.group(1), creds


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("SWR_TUI_BIN", "target/debug/swr-tui")
    proc, url, creds = start_emulator(binary)
    ak, sk, project_id = creds["HUAWEICLOUD_SDK_AK"], creds["HUAWEICLOUD_SDK_SK"], creds["HUAWEICLOUD_SDK_PROJECT_ID"]
    config = HttpConfig.get_default_config()
    config.ignore_ssl_verification = True
    config.retry_times = 0
    client = (
        SwrClient.new_builder()
        .with_http_config(config)
        .with_credentials(BasicCredentials(ak, sk, project_id))
        .with_endpoints([url])
        .build()
    )
    passed, failed = 0, 0

    def check(name, fn):
        nonlocal passed, failed
        try:
            detail = fn()
            passed += 1
            print(f"ok   {name}{': ' + str(detail) if detail is not None else ''}", flush=True)
        except Exception as e:  # report and continue
            failed += 1
            print(f"FAIL {name}: {type(e).__name__}: {e}", flush=True)
            if os.environ.get("VERBOSE"):
                traceback.print_exc()

    def expect(cond, what):
        if not cond:
            raise AssertionError(what)

    # ---- organizations
    def list_namespaces():
        r = client.list_namespaces(m.ListNamespacesRequest())
        names = [n.name for n in r.namespaces]
        expect("demo" in names and all(n.auth == 7 for n in r.namespaces), names)
        return names

    check("list_namespaces", list_namespaces)
    check("list_namespaces(filter)", lambda: [n.name for n in client.list_namespaces(
        m.ListNamespacesRequest(filter="namespace::plat")).namespaces])
    check("create_namespace", lambda: client.create_namespace(m.CreateNamespaceRequest(
        body=m.CreateNamespaceRequestBody(namespace="interop"))).status_code)
    check("show_namespace", lambda: client.show_namespace(m.ShowNamespaceRequest(namespace="interop")).name)

    ua = lambda uid, name, auth: m.UserAuth(user_id=uid, user_name=name, auth=auth)
    erin = "5f6071829304152634d7e8f90a1b2c3d"
    check("create_namespace_auth", lambda: client.create_namespace_auth(m.CreateNamespaceAuthRequest(
        namespace="interop", body=[ua(erin, "erin", 1)])).status_code)
    check("update_namespace_auth", lambda: client.update_namespace_auth(m.UpdateNamespaceAuthRequest(
        namespace="interop", body=[ua(erin, "erin", 3)])).status_code)

    def show_namespace_auth():
        r = client.show_namespace_auth(m.ShowNamespaceAuthRequest(namespace="interop"))
        expect(r.self_auth.auth == 7 and r.others_auths[0].auth == 3, r)
        return f"creator={r.creator_name} others={len(r.others_auths)}"

    check("show_namespace_auth", show_namespace_auth)
    check("delete_namespace_auth", lambda: client.delete_namespace_auth(m.DeleteNamespaceAuthRequest(
        namespace="interop", body=[erin])).status_code)

    # ---- repositories
    def list_repos_v2():
        r = client.list_repos_details(m.ListReposDetailsRequest(namespace="demo", limit="2", offset="0"))
        expect(re.fullmatch(r"0-2/\d+", r.content_range or ""), r.content_range)
        expect(all(x.total_range >= 2 for x in r.body), "total_range")
        return f"Content-Range {r.content_range}"

    check("list_repos_details (v2)", list_repos_v2)
    check("list_repos_details (v2 filter)", lambda: [x.name for x in client.list_repos_details(
        m.ListReposDetailsRequest(filter="namespace::demo|name::team|order_column::name|order_type::asc")).body])

    def list_repos_v3():
        r = client.list_repo_details(m.ListRepoDetailsRequest(limit=5))
        expect(len(r.repos) == 5 and r.next_marker == r.repos[-1].id, r.next_marker)
        r2 = client.list_repo_details(m.ListRepoDetailsRequest(limit=5, marker=r.next_marker))
        expect(r2.repos[0].id > r.repos[-1].id, "marker")
        return f"nextMarker {r.next_marker}"

    check("list_repo_details (v3)", list_repos_v3)
    check("create_repo", lambda: client.create_repo(m.CreateRepoRequest(namespace="interop", body=m.CreateRepoRequestBody(
        repository="svc/app", is_public=False, category="linux", description="接口测试"))).status_code)

    def show_repository():
        r = client.show_repository(m.ShowRepositoryRequest(namespace="demo", repository="team$web"))
        expect(r.name == "team/web" and r.path.endswith("/demo/team/web"), r.name)
        return f"{r.name} size={r.size} images={r.num_images}"

    check("show_repository (team$web)", show_repository)
    check("update_repo", lambda: client.update_repo(m.UpdateRepoRequest(namespace="interop", repository="svc$app",
        body=m.UpdateRepoRequestBody(is_public=True, description="updated"))).status_code)
    check("create_user_repository_auth", lambda: client.create_user_repository_auth(m.CreateUserRepositoryAuthRequest(
        namespace="interop", repository="svc$app", body=[ua(erin, "erin", 1)])).status_code)
    check("update_user_repository_auth", lambda: client.update_user_repository_auth(m.UpdateUserRepositoryAuthRequest(
        namespace="interop", repository="svc$app", body=[ua(erin, "erin", 7)])).status_code)

    def show_user_repository_auth():
        r = client.show_user_repository_auth(m.ShowUserRepositoryAuthRequest(namespace="interop", repository="svc$app"))
        expect(r.others_auths[0].auth == 7 and r.name == "svc/app", r)
        return f"others={len(r.others_auths)}"

    check("show_user_repository_auth", show_user_repository_auth)
    check("delete_user_repository_auth", lambda: client.delete_user_repository_auth(m.DeleteUserRepositoryAuthRequest(
        namespace="interop", repository="svc$app", body=[erin])).status_code)

    # ---- tags
    runner = dict(namespace="platform", repository="tools$ci$runner")

    def list_tags_v2():
        r = client.list_repository_tags(m.ListRepositoryTagsRequest(limit="50", offset="100", **runner))
        expect(len(r.body) == 50 and all(t.tag for t in r.body), "Tag attribute")
        expect(r.content_range == "100-50/2401", r.content_range)
        return f"Content-Range {r.content_range}, first {r.body[0].tag}"

    check("list_repository_tags (v2)", list_tags_v2)

    def list_tags_v3():
        r = client.list_repository_tag(m.ListRepositoryTagRequest(limit=1000, with_manifest=False, **runner))
        expect(len(r.tags) == 1000 and r.has_more and r.next_marker == r.tags[-1].tag, r.next_marker)
        r2 = client.list_repository_tag(m.ListRepositoryTagRequest(limit=1000, marker=r.next_marker, **runner))
        r3 = client.list_repository_tag(m.ListRepositoryTagRequest(limit=1000, marker=r2.next_marker, **runner))
        expect(len(r3.tags) == 401 and not r3.has_more, len(r3.tags))
        return f"3 pages, nextMarker {r.next_marker}"

    check("list_repository_tag (v3)", list_tags_v3)

    def show_repo_tag():
        r = client.show_repo_tag(m.ShowRepoTagRequest(namespace="demo", repository="team$web", tag="latest"))
        expect(r.tag == "latest" and r.digest.startswith("sha256:") and '"schemaVersion":2' in r.manifest, r.tag)
        return r.digest[:19]

    check("show_repo_tag", show_repo_tag)

    def multi_arch_tag():
        # The demo seed's team/api:v2.4.1 has "platforms": a manifest list (tag_type 1).
        api = dict(namespace="demo", repository="team$api")
        want = ["linux/amd64", "linux/arm64/v8", "windows/amd64"]

        def labels(manifest):
            doc = json.loads(manifest)
            expect(doc["mediaType"] == "application/vnd.docker.distribution.manifest.list.v2+json", doc["mediaType"])
            out = []
            for e in doc["manifests"]:
                p = e["platform"]
                expect(e["digest"].startswith("sha256:") and e["size"] > 0, e)
                out.append("/".join([p["os"], p["architecture"]] + ([p["variant"]] if p.get("variant") else [])))
            return out

        shown = client.show_repo_tag(m.ShowRepoTagRequest(tag="v2.4.1", **api))
        expect(shown.tag_type == 1 and labels(shown.manifest) == want, (shown.tag_type, shown.manifest[:80]))
        v3 = client.list_repository_tag(m.ListRepositoryTagRequest(limit=100, with_manifest=True, **api))
        by_name = {t.tag: t for t in v3.tags}
        expect(by_name["v2.4.1"].tag_type == 1 and labels(by_name["v2.4.1"].manifest) == want, "v3 list")
        expect(by_name["v2.4.0"].tag_type == 0, "a single-arch tag stays tag_type 0")
        v2 = client.list_repository_tags(m.ListRepositoryTagsRequest(limit="100", offset="0", **api))
        expect([t.tag_type for t in v2.body if t.tag == "v2.4.1"] == [1], "v2 list")
        return ", ".join(want)

    check("multi-arch tag (tag_type 1, manifest list)", multi_arch_tag)
    check("create_repo_tag (retag)", lambda: client.create_repo_tag(m.CreateRepoTagRequest(namespace="demo",
        repository="team$web", body=m.CreateRepoTagRequestBody(source_tag="1.2.0", destination_tag="stable"))).status_code)
    check("delete_repo_tag", lambda: client.delete_repo_tag(m.DeleteRepoTagRequest(
        namespace="demo", repository="team$web", tag="stable")).status_code)

    # ---- sharing
    web = dict(namespace="demo", repository="team$web")
    check("create_repo_domains", lambda: client.create_repo_domains(m.CreateRepoDomainsRequest(body=m.CreateRepoDomainsRequestBody(
        access_domain="other-account", permit="read", deadline="forever", description="interop"), **web)).status_code)
    check("list_repo_domains", lambda: [d.access_domain for d in client.list_repo_domains(m.ListRepoDomainsRequest(**web)).body])

    def show_access_domain():
        r = client.show_access_domain(m.ShowAccessDomainRequest(access_domain="other-account", **web))
        expect(r.exist and r.status and r.repository == "team/web", r)
        return r.deadline

    check("show_access_domain", show_access_domain)
    check("update_repo_domains", lambda: client.update_repo_domains(m.UpdateRepoDomainsRequest(access_domain="other-account",
        body=m.UpdateRepoDomainsRequestBody(permit="read", deadline="2099-12-31T00:00:00.000Z"), **web)).status_code)
    check("delete_repo_domains", lambda: client.delete_repo_domains(m.DeleteRepoDomainsRequest(
        access_domain="other-account", **web)).status_code)
    check("list_shared_repos_details (v2)", lambda: [x.name for x in client.list_shared_repos_details(
        m.ListSharedReposDetailsRequest(center="self", limit="10", offset="0")).body])
    check("list_shared_repo_details (v3)", lambda: [x.name for x in client.list_shared_repo_details(
        m.ListSharedRepoDetailsRequest(shared_by="self", limit=10)).repos])
    sdk_interop_shared.run(client, m, check, expect)

    # ---- cleanup of what was created, then utilities
    check("delete_repo", lambda: client.delete_repo(m.DeleteRepoRequest(namespace="interop", repository="svc$app")).status_code)
    check("delete_namespaces", lambda: client.delete_namespaces(m.DeleteNamespacesRequest(namespace="interop")).status_code)

    def create_secret():
        r = client.create_secret(m.CreateSecretRequest(projectname="cn-north-4"))
        expect(r.x_swr_dockerlogin.startswith("docker login -u cn-north-4@") and r.x_swr_expireat, r)
        return f"{r.x_swr_dockerlogin[:30]}… expires {r.x_swr_expireat}"

    check("create_secret", create_secret)

    def create_authorization_token():
        r = client.create_authorization_token(m.CreateAuthorizationTokenRequest())
        expect(r.x_swr_dockerlogin and r.auths, r)
        return list(r.auths.keys())

    check("create_authorization_token", create_authorization_token)

    def list_quotas():
        r = client.list_quotas(m.ListQuotasRequest())
        ns = next(q for q in r.quotas if q.quota_key == "namespace")
        expect(ns.quota_limit >= 5, ns)
        return f"namespace {ns.used}/{ns.quota_limit}"

    check("list_quotas", list_quotas)

    def list_quotas_own_project():
        # The SDK configured with a project id of its own: the emulator answers for it.
        own = (
            SwrClient.new_builder()
            .with_http_config(config)
            .with_credentials(BasicCredentials(ak, sk, "7a3f0c1e9b2d4c5f8e6a1b3d5f7c9e01"))
            .with_endpoints([url])
            .build()
        )
        r = own.list_quotas(m.ListQuotasRequest())
        expect(any(q.quota_key == "namespace" for q in r.quotas), r)
        return f"{len(r.quotas)} quotas"

    check("list_quotas (the SDK's own project id)", list_quotas_own_project)

    def overview():
        r = client.show_domain_overview(m.ShowDomainOverviewRequest())
        expect(r.namspace_num == 4 and r.repo_num >= 12, r)
        return f"orgs={r.namspace_num} repos={r.repo_num} images={r.image_num}"

    check("show_domain_overview", overview)
    check("show_share_feature_gates", lambda: client.show_share_feature_gates(
        m.ShowShareFeatureGatesRequest()).enable_list_v3)
    check("list_api_versions", lambda: [v.id for v in client.list_api_versions(m.ListApiVersionsRequest()).versions])
    check("show_api_version", lambda: client.show_api_version(m.ShowApiVersionRequest(api_version="v2")).version.status)
    check("show_domain_resource_reports", lambda: len(client.show_domain_resource_reports(
        m.ShowDomainResourceReportsRequest(resource_type="store", frequency="daily")).body))
    check("list_sync_regions", lambda: [r.region_id for r in client.list_sync_regions(m.ListSyncRegionsRequest()).body])
    sdk_interop_sync.run(client, m, check, expect)

    # ---- enterprise edition (instance ee-demo of the demo seed)
    def list_instance():
        r = client.list_instance(m.ListInstanceRequest(limit=100, offset=0, status="Running"))
        expect(r.total >= 1 and any(i.name == "ee-demo" for i in r.instances), r)
        return f"total={r.total}"

    check("list_instance", list_instance)
    instance_id = next((i.id for i in client.list_instance(m.ListInstanceRequest()).instances if i.name == "ee-demo"), "")
    ee = dict(instance_id=instance_id)

    def show_instance():
        r = client.show_instance(m.ShowInstanceRequest(**ee))
        expect(r.name == "ee-demo" and r.status == "Running" and r.access_address, r)
        return r.access_address

    check("show_instance", show_instance)

    def list_domain_names():
        r = client.list_domain_names(m.ListDomainNamesRequest(**ee))
        expect([d.type for d in r.domain_name_infos] == ["default"], r)
        return r.domain_name_infos[0].domain_name

    check("list_domain_names", list_domain_names)

    def list_instance_namespaces():
        r = client.list_instance_namespaces(m.ListInstanceNamespacesRequest(limit=10, offset=0, **ee))
        names = [n.name for n in r.namespaces]
        expect(r.total == len(names) and "apps" in names, r)
        public = client.list_instance_namespaces(m.ListInstanceNamespacesRequest(public="true", **ee))
        expect([n.metadata.public for n in public.namespaces] == ["true"] * len(public.namespaces), public)
        return f"{names} public={[n.name for n in public.namespaces]}"

    check("list_instance_namespaces", list_instance_namespaces)

    def create_instance_namespace():
        body = m.CreateInstanceNamespaceRequestBody(namespace_name="interop-ns", metadata=m.NamespaceMetadata(public="false"))
        r = client.create_instance_namespace(m.CreateInstanceNamespaceRequest(body=body, **ee))
        expect(isinstance(r.id, int) and r.id >= 1, r)
        return f"id={r.id}"

    check("create_instance_namespace", create_instance_namespace)

    def show_instance_namespace():
        r = client.show_instance_namespace(m.ShowInstanceNamespaceRequest(namespace_name="interop-ns", **ee))
        expect(r.name == "interop-ns" and r.metadata.public == "false" and r.repo_count == 0, r)
        return f"namespace_id={r.namespace_id}"

    check("show_instance_namespace", show_instance_namespace)

    def update_instance_namespace():
        body = m.UpdateNamespaceRequestBody(metadata=m.NamespaceMetadata(public="true"))
        client.update_instance_namespace(m.UpdateInstanceNamespaceRequest(namespace_name="interop-ns", body=body, **ee))
        r = client.show_instance_namespace(m.ShowInstanceNamespaceRequest(namespace_name="interop-ns", **ee))
        expect(r.metadata.public == "true", r)
        return "public"

    check("update_instance_namespace", update_instance_namespace)

    def delete_instance_namespace():
        client.delete_instance_namespace(m.DeleteInstanceNamespaceRequest(namespace_name="interop-ns", **ee))
        try:
            client.show_instance_namespace(m.ShowInstanceNamespaceRequest(namespace_name="interop-ns", **ee))
        except Exception as e:
            expect(getattr(e, "status_code", None) == 404 and e.error_code.startswith("SVCSTG.SWR."), e)
            return "gone (404)"
        raise AssertionError("still there")

    check("delete_instance_namespace", delete_instance_namespace)

    def namespace_errors():
        out = []
        for name, status in (("Bad--Name", 400), ("apps", 409)):
            body = m.CreateInstanceNamespaceRequestBody(namespace_name=name, metadata=m.NamespaceMetadata(public="false"))
            try:
                client.create_instance_namespace(m.CreateInstanceNamespaceRequest(body=body, **ee))
                raise AssertionError(f"{name} created")
            except AssertionError:
                raise
            except Exception as e:
                expect(getattr(e, "status_code", None) == status and e.error_code.startswith("SVCSTG.SWR."), e)
                out.append(f"{e.status_code} {e.error_code}")
        try:
            client.delete_instance_namespace(m.DeleteInstanceNamespaceRequest(namespace_name="apps", **ee))
            raise AssertionError("a namespace with repositories was deleted")
        except AssertionError:
            raise
        except Exception as e:
            expect(getattr(e, "status_code", None) == 412 and e.error_code.startswith("SVCSTG.SWR."), e)
            out.append(f"not empty: {e.status_code} {e.error_code}")
        return ", ".join(out)

    check("instance namespace errors (400, 409, not empty)", namespace_errors)

    def list_namespace_repositories():
        r = client.list_namespace_repositories(m.ListNamespaceRepositoriesRequest(namespace_name="apps", limit=10, offset=0, **ee))
        names = [x.name for x in r.repositories]
        expect(r.total == len(names) and "apps/team/api" in names, r)
        return names

    check("list_namespace_repositories", list_namespace_repositories)

    def list_instance_repositories():
        r = client.list_instance_repositories(m.ListInstanceRepositoriesRequest(limit=100, offset=0, **ee))
        expect(r.total == len(r.repositories) >= 3, r)
        return f"total={r.total}"

    check("list_instance_repositories", list_instance_repositories)

    # A nested name is given with "/" replaced by "%2F", as Huawei documents; the SDK encodes it
    # once more (team%252Fapi) and signs that path.
    nested = dict(namespace_name="apps", repository_name="team%2Fapi", **ee)

    def show_instance_repository():
        r = client.show_instance_repository(m.ShowInstanceRepositoryRequest(**nested))
        expect(r.name == "apps/team/api" and r.artifact_count == 3 and r.tag_count == 6, r)
        return f"{r.name} artifacts={r.artifact_count} tags={r.tag_count}"

    check("show_instance_repository (nested name)", show_instance_repository)

    def update_instance_repository():
        body = m.UpdateRepoConfigRequestBody(description="set by the official SDK")
        client.update_instance_repository(m.UpdateInstanceRepositoryRequest(body=body, **nested))
        r = client.show_instance_repository(m.ShowInstanceRepositoryRequest(**nested))
        expect(r.description == "set by the official SDK", r)
        return r.description

    check("update_instance_repository (nested name)", update_instance_repository)

    # ---- enterprise artifacts and tags (E13, E15-E19, E21) of the nested repository apps/team/api
    report_mime = "application/vnd.security.vulnerability.report; version=1.1"

    def artifacts_of(**query):
        return client.list_instance_artifacts(m.ListInstanceArtifactsRequest(**nested, **query))

    def digest_of(tag):
        return next(a.digest for a in artifacts_of(limit=100, offset=0).artifacts if tag in [t.name for t in a.tags])

    def tags_of():
        r = client.list_instance_tags(m.ListInstanceTagsRequest(limit=100, offset=0, is_accessory=False, **nested))
        expect(r.total == len(r.tags), r)
        return [t.name for t in r.tags]

    def list_instance_artifacts():
        r = artifacts_of(limit=2, offset=0)
        rest = artifacts_of(limit=2, offset=2)
        expect(r.total == rest.total == 3 and len(r.artifacts) == 2 and len(rest.artifacts) == 1, (r, rest))
        every = r.artifacts + rest.artifacts
        expect(all(a.type == "IMAGE" and a.repository_name == "apps/team/api" and a.size > 0 for a in every), every)
        fuzzy = artifacts_of(tags="1.2", type="IMAGE")
        expect(fuzzy.total == 1 and "1.2.0" in [t.name for t in fuzzy.artifacts[0].tags], fuzzy)
        return [[t.name for t in a.tags] for a in every]

    check("list_instance_artifacts (nested name, paged, tags filter)", list_instance_artifacts)

    def show_instance_artifact():
        digest = digest_of("1.0.0")
        plain = client.show_instance_artifact(m.ShowInstanceArtifactRequest(reference=digest, **nested))
        expect(plain.digest == digest and not plain.scan_overview, plain)
        r = client.show_instance_artifact(m.ShowInstanceArtifactRequest(reference=digest, with_scan_overview=True, **nested))
        overview = r.scan_overview[report_mime]
        expect(overview.scan_status == "Success" and overview.severity == "Critical", overview)
        expect(overview.summary.total == 10 and overview.summary.summary == {"Critical": 1, "High": 2, "Medium": 3, "Low": 4}, overview)
        return f"{overview.scan_status} {overview.severity} total={overview.summary.total}"

    check("show_instance_artifact (with_scan_overview)", show_instance_artifact)

    def list_instance_artifact_vulnerabilities():
        r = client.list_instance_artifact_vulnerabilities(
            m.ListInstanceArtifactVulnerabilitiesRequest(reference=digest_of("1.0.0"), **nested))
        report = r.body[report_mime]
        ids = [v.id for v in report.vulnerabilities]
        expect(all(v.severity and v.package and v.links for v in report.vulnerabilities), report)
        expect(len(ids) == 10 and ids[0] == "CVE-2026-0001", ids)
        return f"{report.severity}: {ids[0]}…{ids[-1]}"

    check("list_instance_artifact_vulnerabilities", list_instance_artifact_vulnerabilities)

    def show_instance_artifact_addition():
        r = client.show_instance_artifact_addition(m.ShowInstanceArtifactAdditionRequest(
            reference=digest_of("1.0.0"), addition="build_history", **nested))
        expect(r.total == len(r.build_histories) >= 4, r)
        expect(sum(h.size for h in r.build_histories) == 31457280, r)
        expect(all(h.media_type for h in r.build_histories if not h.empty_layer), r)
        return f"{r.total} steps"

    check("show_instance_artifact_addition (build_history)", show_instance_artifact_addition)

    def list_instance_tags():
        first = client.list_instance_tags(m.ListInstanceTagsRequest(limit=4, offset=0, **nested))
        second = client.list_instance_tags(m.ListInstanceTagsRequest(limit=4, offset=4, **nested))
        names = [t.name for t in first.tags + second.tags]
        expect(first.total == 6 and sorted(names) == sorted(["1.0.0", "1.0", "1.1.0", "1.1", "1.2.0", "latest"]), names)
        expect(all(t.digest.startswith("sha256:") and t.type == "IMAGE" for t in first.tags), first)
        return names

    check("list_instance_tags (no project id, paged)", list_instance_tags)

    def delete_instance_tag():
        r = client.delete_instance_tag(m.DeleteInstanceTagRequest(tag_name="1.0", **nested))
        expect(r.status_code == 204, r.status_code)
        left = tags_of()
        expect("1.0" not in left and "1.0.0" in left and len(left) == 5, left)
        expect(artifacts_of(limit=10, offset=0).total == 3, "the artifact stays")
        return f"{r.status_code}; left {left}"

    check("delete_instance_tag (204, artifact stays)", delete_instance_tag)

    def delete_instance_artifact():
        r = client.delete_instance_artifact(m.DeleteInstanceArtifactRequest(reference=digest_of("1.1.0"), **nested))
        expect(r.status_code == 204, r.status_code)
        left = tags_of()
        expect(sorted(left) == ["1.0.0", "1.2.0", "latest"], left)
        repo = client.show_instance_repository(m.ShowInstanceRepositoryRequest(**nested))
        expect(repo.artifact_count == 2 and repo.tag_count == 3, repo)
        return f"{r.status_code}; tags left {left}"

    check("delete_instance_artifact (204, its tags go)", delete_instance_artifact)

    def artifact_not_found():
        missing = "sha256:" + "0" * 64
        try:
            client.delete_instance_artifact(m.DeleteInstanceArtifactRequest(reference=missing, **nested))
        except Exception as e:
            expect(getattr(e, "status_code", None) == 404 and e.error_code.startswith("SVCSTG.SWR."), e)
            return f"{e.status_code} {e.error_code}"
        raise AssertionError("no error")

    check("delete_instance_artifact (unknown digest 404)", artifact_not_found)

    def delete_instance_repository():
        client.delete_instance_repository(m.DeleteInstanceRepositoryRequest(**nested))
        try:
            client.show_instance_repository(m.ShowInstanceRepositoryRequest(**nested))
        except Exception as e:
            expect(getattr(e, "status_code", None) == 404, e)
            left = [x.name for x in client.list_namespace_repositories(
                m.ListNamespaceRepositoriesRequest(namespace_name="apps", **ee)).repositories]
            expect("apps/team/api" not in left and left, left)
            return f"gone; left {left}"
        raise AssertionError("still there")

    check("delete_instance_repository (nested name)", delete_instance_repository)

    sdk_interop_credentials.run(client, m, check, expect, ee)
    sdk_interop_instance_retention.run(client, m, check, expect, ee)
    sdk_retention.run(client, m, check, expect)

    # ---- error mapping
    def not_found():
        try:
            client.show_repository(m.ShowRepositoryRequest(namespace="demo", repository="missing"))
        except Exception as e:
            expect(getattr(e, "status_code", None) == 404 and e.error_code == "SVCSTG.SWR.4040010", e)
            return f"{e.status_code} {e.error_code}"
        raise AssertionError("no error")

    check("404 error body", not_found)

    # ---- IAM
    if IamClient is not None:
        domain_id = hashlib.sha256(b"domain:demo").hexdigest()[:32]
        iam_client = (
            IamClient.new_builder()
            .with_http_config(config)
            .with_credentials(GlobalCredentials(ak, sk, domain_id))
            .with_endpoints([url])
            .build()
        )

        def token():
            body = iam.KeystoneCreateUserTokenByPasswordRequestBody(auth=iam.PwdAuth(
                identity=iam.PwdIdentity(methods=["password"], password=iam.PwdPassword(user=iam.PwdPasswordUser(
                    domain=iam.PwdPasswordUserDomain(name="demo"), name="alice", password="demo-password"))),
                scope=iam.AuthScope(project=iam.AuthScopeProject(name="cn-north-4"))))
            r = iam_client.keystone_create_user_token_by_password(iam.KeystoneCreateUserTokenByPasswordRequest(body=body))
            expect(r.x_subject_token and r.token.user.name == "alice", r)
            return f"token {r.x_subject_token[:12]}… expires {r.token.expires_at}"

        check("keystone_create_user_token_by_password", token)
        check("keystone_list_users", lambda: [u.name for u in iam_client.keystone_list_users(
            iam.KeystoneListUsersRequest()).users])
    else:
        print("skip IAM (huaweicloudsdkiam not installed)")

    proc.terminate()
    proc.wait(timeout=10)
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
