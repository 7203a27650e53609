#!/usr/bin/env python3
"""What Huawei's official Python SDK sees of one enterprise repository: its tags and, per
artifact digest, the tags the artifact carries (JSON on stdout). Used by the end-to-end test
`e2e_enterprise` to check the registry's state after the TUI deleted tags.

Usage: python tests/sdk_instance_tags.py URL AK SK PROJECT_ID INSTANCE_ID NAMESPACE REPOSITORY
"""

import json
import sys

from huaweicloudsdkcore.auth.credentials import BasicCredentials
from huaweicloudsdkcore.http.http_config import HttpConfig
from huaweicloudsdkswr.v2 import SwrClient
from huaweicloudsdkswr.v2 import model as m


def main():
    url, ak, sk, project_id, instance, namespace, repo = sys.argv[1:8]
    config = HttpConfig.get_default_config()
    config.retry_times = 0
    client = (
        SwrClient.new_builder()
        .with_http_config(config)
        .with_credentials(BasicCredentials(ak, sk, project_id))
        .with_endpoints([url])
        .build()
    )
    # Huawei documents a nested name with "/" replaced by "%2F" for the SDK.
    repository = repo.replace("/", "%2F")
    tags, offset = [], 0
    while True:
        page = client.list_instance_tags(
            m.ListInstanceTagsRequest(
                instance_id=instance, namespace_name=namespace,
                repository_name=repository, offset=offset, limit=100, is_accessory=False,
            )
        )
        tags.extend(t.name for t in page.tags or [])
        offset += 100
        if offset >= (page.total or 0):
            break
    artifacts, offset = {}, 0
    while True:
        page = client.list_instance_artifacts(
            m.ListInstanceArtifactsRequest(
                instance_id=instance, namespace_name=namespace,
                repository_name=repository, offset=offset, limit=100,
            )
        )
        for a in page.artifacts or []:
            artifacts[a.digest] = sorted(t.name for t in a.tags or [])
        offset += 100
        if offset >= (page.total or 0):
            break
    print(json.dumps({"tags": sorted(tags), "artifacts": artifacts}))


if __name__ == "__main__":
    main()
